import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { systemClock } from '../server/src/platform/clock';
import { migrate, openDatabase } from '../server/src/platform/db';
import { MemoryMailer } from '../server/src/platform/mail';
import { seedDemo, DEMO_PASSWORD } from '../server/src/seed/demo';
const url = process.env.PGURL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'q-'));
const db = openDatabase({ databaseUrl: url ?? null, dataDir: dir }); await migrate(db); await seedDemo(db, systemClock);
const app = await buildApp({ db, clock: systemClock, config: loadConfig({}, { seedDemo: false, loginRateLimit: 1000 }), mailer: new MemoryMailer() });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'carmen@riverside.example', password: DEMO_PASSWORD } });
const cookie = `tandem_session=${login.cookies[0].value}`;
const id = (await app.inject({ url: '/api/partnerships', headers: { cookie } })).json().items[0].id;
for (const u of ['/api/health', `/api/partnerships/${id}`]) {
  for (let i = 0; i < 300; i++) await app.inject({ url: u, headers: { cookie } });
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) await app.inject({ url: u, headers: { cookie } });
  console.log(u.slice(0, 20), ((performance.now() - t0) / 3000).toFixed(3), 'ms/req');
}
await db.destroy();
