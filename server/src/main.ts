/** Start-up: read config → open database → migrate → seed on first start → buildApp → listen. */
import pino from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { systemClock } from './platform/clock';
import { StartupError, checkConnection, migrate, openDatabase } from './platform/db';
import { LogMailer } from './platform/mail';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './seed/demo';

async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, slowQueryMs: config.slowQueryMs });
  await checkConnection(db, config.databaseUrl);
  await migrate(db);
  const empty = !(await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst());
  if (empty && config.seedDemo) {
    await seedDemo(db, systemClock);
    log.info('seeded the demo organization');
  }
  const app = await buildApp({ db, clock: systemClock, config, mailer: new LogMailer((m) => log.info(m)) }, { logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  console.log(`\nTandem is running at ${config.baseUrl} (database: ${where})`);
  if (empty && config.seedDemo) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const p of DEMO_PEOPLE) console.log(`  ${p.email.padEnd(28)} ${p.name} — ${p.title ?? p.roles.join(', ')}`);
  } else if (config.seedDemo) {
    console.log(`Demo accounts: ${DEMO_PEOPLE.map((p) => p.email).slice(0, 3).join(', ')}… (password: ${DEMO_PASSWORD})`);
  }
  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof StartupError) {
    console.error(e.message);
  } else {
    console.error('Tandem could not start:', e);
  }
  process.exit(1);
});
