import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { issueAccessToken, toJwtKey } from '../src/access/access-token.ts';
import { createApp } from '../src/api/app.ts';
import type { Database } from '../src/store/database.ts';

/** A real listening server on the dataset, with a fixed clock, and an instance admin's token. */
export interface AnalyticsServer {
  url: string;
  /** A fresh access token (they live 15 minutes; a full run can take longer). */
  token(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The app as `serve` builds it, listening on an ephemeral loopback port; "now" is the end of
 * the dataset so that default windows cover its last 7 days whenever the run happens.
 */
export const startAnalyticsServer = async (db: Database, now: Date): Promise<AnalyticsServer> => {
  const jwtSecret = randomBytes(32).toString('base64url');
  const app = await createApp({
    db,
    log: pino({ level: 'silent' }),
    metrics: new Registry(),
    now: () => now,
    auth: {
      discord: { apiUrl: 'http://127.0.0.1:1/api', clientId: undefined, clientSecret: undefined },
      publicUrl: 'http://127.0.0.1',
      adminDiscordIds: [],
      jwtSecret,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const [admin] = await db.query<{ id: string }>(
    `INSERT INTO "User" ("discordId", username, discriminator, role)
     VALUES ('1', 'bench-admin', '0', 'ADMIN')
     ON CONFLICT ("discordId") DO UPDATE SET role = 'ADMIN' RETURNING id`,
  );
  if (!admin) throw new Error('no admin user');
  const sid = randomUUID();
  await db.query(`INSERT INTO "Session" ("userId", token, "expiresAt") VALUES ($1, $2, $3)`, [
    admin.id,
    sid,
    new Date(now.getTime() + 86_400_000),
  ]);
  const key = toJwtKey(jwtSecret);
  return {
    url: `http://127.0.0.1:${address.port}`,
    token: () => issueAccessToken({ sub: admin.id, sid, role: 'ADMIN' }, key, now),
    close: () => app.close(),
  };
};
