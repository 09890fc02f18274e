import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Where the production build goes; the API serves it from there (src/api/routes/web-static.ts). */
const webOutDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // `npm run dev` (build/dev-server.ts) adds the proxy to the API it starts beside Vite.
  build: { outDir: webOutDir, emptyOutDir: true, sourcemap: true },
});
