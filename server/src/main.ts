/**
 * Start-up: read config → open database → migrate → seed on first start →
 * buildApp → listen. With WORKERS > 1 the primary process migrates and seeds,
 * then forks that many identical servers sharing the port (node:cluster); they
 * keep no state of their own, so this is the same scale-out as several hosts
 * behind a load balancer. (Sign-in limits are counted per process unless REDIS_URL is set.)
 */
import cluster from 'node:cluster';
import pino from 'pino';
import { buildApp } from './app';
import { startReminderJob } from './calendar/reminders';
import { type Config, ConfigError, loadConfig } from './config';
import { systemClock } from './platform/clock';
import { StartupError, checkConnection, migrate, openDatabase } from './platform/db';
import { MAIL_OFF_MESSAGE, SmtpMailer, createMailer } from './platform/mail';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './seed/demo';
import { openSetup } from './setup/setup.service';

/** Seeded: the demo organization was just created. setupToken: an empty install without the demo, to be set up from the browser. */
async function prepareDatabase(config: Config, log: pino.Logger): Promise<{ seeded: boolean; setupToken: string | null }> {
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await checkConnection(db, config.databaseUrl);
    await migrate(db);
    const empty = !(await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst());
    if (empty && config.seedDemo) {
      await seedDemo(db, systemClock);
      log.info('seeded the demo organization');
    }
    // Returned to be printed on the console once, never logged: whoever holds it creates the first leader.
    const setupToken = empty && !config.seedDemo ? await openSetup(db, systemClock) : null;
    return { seeded: empty && config.seedDemo, setupToken };
  } finally {
    await db.destroy();
  }
}

async function serve(config: Config, log: pino.Logger) {
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, slowQueryMs: config.slowQueryMs });
  const mailer = createMailer(config, log);
  if (mailer instanceof SmtpMailer) void mailer.verify();
  const app = await buildApp({ db, clock: systemClock, config, mailer }, { logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = startReminderJob(db, systemClock, mailer, (msg, err) => log.error({ err }, msg), config.reminderIntervalSeconds * 1000);
  const stop = async () => {
    stopReminders();
    await app.close();
    await mailer.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function announce(config: Config, { seeded, setupToken }: { seeded: boolean; setupToken: string | null }) {
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const processes = config.workers > 1 ? `, ${config.workers} server processes` : '';
  console.log(`\nTandem is running at ${config.baseUrl} (database: ${where}${processes})`);
  if (setupToken) {
    console.log(`\nTandem is not set up yet. Open ${config.baseUrl}/setup and enter this one-time set-up token:\n\n  ${setupToken}\n`);
    console.log('It works until set-up is done; if Tandem restarts before then, it prints a new one. Keep it to yourself:');
    console.log('whoever enters it first creates the organization and its first program leader.');
    return;
  }
  if (!config.seedDemo) return;
  if (seeded) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const p of DEMO_PEOPLE) console.log(`  ${p.email.padEnd(28)} ${p.name} — ${p.title ?? p.roles.join(', ')}`);
  } else {
    console.log(`Demo accounts: ${DEMO_PEOPLE.map((p) => p.email).slice(0, 3).join(', ')}… (password: ${DEMO_PASSWORD})`);
  }
}

async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  if (cluster.isWorker) {
    process.on('disconnect', () => process.exit(0));
    return serve(config, log);
  }
  if (!config.smtpUrl) log.warn(MAIL_OFF_MESSAGE);
  const prepared = await prepareDatabase(config, log);
  if (config.workers === 1) {
    await serve(config, log);
    return announce(config, prepared);
  }
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === config.workers) announce(config, prepared);
  });
  cluster.on('exit', (worker, code) => {
    if (code === 0) return;
    if (listening < config.workers) {
      console.error(`A server process could not start (exit code ${code}); see the messages above.`);
      process.exit(1);
    }
    log.error(`server process ${worker.process.pid} exited with ${code}; starting another`);
    cluster.fork();
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
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
