import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webSourceDir } from './web-build.ts';

// `npm run dev`: the product (demo without a token) on API_PORT, and Vite with hot reload on
// 5173 proxying /api (REST and the live WebSocket) to it. PUBLIC_URL points at Vite so the
// Discord login comes back through it and the refresh cookie lands on the page's origin.
const API_PORT = Number(process.env.PORT ?? 3000);
const WEB_PORT = 5173;
const bin = fileURLToPath(new URL('../../../bin/spywatcher.js', import.meta.url));

const api = spawn(process.execPath, [bin, 'start'], {
  env: { ...process.env, PORT: String(API_PORT), PUBLIC_URL: `http://localhost:${WEB_PORT}` },
  stdio: 'inherit',
});

const { createServer } = await import('vite');
const vite = await createServer({
  configFile: join(webSourceDir, 'vite.config.ts'),
  server: {
    port: WEB_PORT,
    strictPort: true,
    // Only the server's paths: `/api/…` alone would also catch the app's own `src/web/api/` modules.
    proxy: {
      '/api/v1': { target: `http://127.0.0.1:${API_PORT}`, ws: true },
      '/api/docs': { target: `http://127.0.0.1:${API_PORT}` },
    },
  },
});
await vite.listen();
vite.printUrls();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  api.kill('SIGTERM');
  await vite.close();
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
api.on('exit', (code) => {
  if (!stopping) console.error(`The API exited (${code}); stopping the dev server.`);
  void stop().then(() => process.exit(code ?? 1));
});
