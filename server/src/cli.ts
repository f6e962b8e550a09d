/**
 * Operator commands, run from the shell against the same database as the
 * server (DATABASE_URL, or SQLite in DATA_DIR):
 *
 *   npm run tandem -- org:create --name "Lakeside Early Learning" --time-zone America/Chicago \
 *     --leader-name "Dana Reyes" --leader-email dana@lakeside.example \
 *     [--school-year-start 2026-08-15 --school-year-end 2027-06-10] [--language es]
 *
 * Creates another organization (or the first, instead of the set-up page) and
 * prints an invitation link for its first program leader, who chooses their own
 * password. Bad input exits with status 1 and says what to fix; nothing is created.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { OrganizationFields, checkSchoolYear } from '../../shared/src/api';
import { type Config, ConfigError, loadConfig } from './config';
import { systemClock } from './platform/clock';
import { StartupError, checkConnection, migrate, openDatabase } from './platform/db';
import { AppError } from './platform/errors';
import { INVITATION_DAYS } from './org/invitations';
import { createOrganizationWithLeader } from './setup/setup.service';

const USAGE = `Usage: npm run tandem -- <command> [options]

Commands:
  org:create   Create an organization and invite its first program leader.
      --name "…"                   the organization's name (required)
      --time-zone Area/City        IANA time zone, e.g. America/Chicago (required)
      --leader-name "…"            the first program leader's name (required)
      --leader-email address       their e-mail; the invitation link is for them (required)
      --school-year-start YYYY-MM-DD and --school-year-end YYYY-MM-DD   (optional, both or neither)
      --language en|es             the default language (optional, en)
  help         Show this text.

The database is the server's: DATABASE_URL (PostgreSQL) or SQLite in DATA_DIR (default ./data).
Links start with BASE_URL (default http://localhost:3000).`;

/** An operator's mistake: printed as is, exit status 1. */
class UsageError extends Error {}

const OPTION_OF: Record<string, string> = {
  name: '--name',
  timeZone: '--time-zone',
  schoolYearStart: '--school-year-start',
  schoolYearEnd: '--school-year-end',
  defaultLanguage: '--language',
  leaderName: '--leader-name',
  leaderEmail: '--leader-email',
};

const OrgCreateInput = OrganizationFields.extend({
  leaderName: z.string().trim().min(1, 'This cannot be empty.').max(120, 'Keep this under 120 characters.'),
  leaderEmail: z.email('Enter a valid e-mail address.').max(254),
}).superRefine(checkSchoolYear);

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

async function orgCreate(args: string[], config: Config, io: Output): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        name: { type: 'string' },
        'time-zone': { type: 'string' },
        'leader-name': { type: 'string' },
        'leader-email': { type: 'string' },
        'school-year-start': { type: 'string' },
        'school-year-end': { type: 'string' },
        language: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${USAGE}`);
  }
  const parsed = OrgCreateInput.safeParse({
    name: values.name,
    timeZone: values['time-zone'],
    schoolYearStart: values['school-year-start'] ?? null,
    schoolYearEnd: values['school-year-end'] ?? null,
    defaultLanguage: values.language ?? 'en',
    leaderName: values['leader-name'],
    leaderEmail: values['leader-email'],
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      const message =
        i.code === 'invalid_type'
          ? 'Missing: this option is required.'
          : ({ defaultLanguage: 'Use en or es.', timeZone: 'Not a time zone this server knows; use an IANA name such as America/Chicago or Europe/Madrid.' } as Record<string, string>)[field] ?? i.message;
      return `  ${OPTION_OF[field] ?? field}: ${message}`;
    });
    throw new UsageError(`Nothing was created. Please fix:\n${[...new Set(problems)].join('\n')}\n\nRun \`npm run tandem -- help\` for every option.`);
  }
  const { leaderName, leaderEmail, ...org } = parsed.data;

  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await checkConnection(db, config.databaseUrl);
    await migrate(db);
    const created = await createOrganizationWithLeader(db, systemClock, config.baseUrl, org, { name: leaderName, email: leaderEmail });
    const zone = (await db.selectFrom('organizations').select('time_zone').where('id', '=', created.orgId).executeTakeFirstOrThrow()).time_zone;
    io.out(`Created ${org.name} (time zone ${zone}${org.schoolYearStart ? `, school year ${org.schoolYearStart} to ${org.schoolYearEnd}` : ''}).`);
    io.out(`${leaderName} <${leaderEmail.toLowerCase()}> is its program leader. Send them this invitation link; it works once, for ${INVITATION_DAYS} days:`);
    io.out('');
    io.out(`  ${created.invitation.url}`);
    io.out('');
    io.out('Anyone with the link can join as this leader: send it only to them.');
  } catch (e) {
    if (e instanceof AppError) throw new UsageError(`Nothing was created: ${e.message}`);
    throw e;
  } finally {
    await db.destroy();
  }
}

/** Runs one command; returns the exit status. */
async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command ? 0 : 1;
    }
    const config = loadConfig(env);
    if (command === 'org:create') {
      await orgCreate(args, config, io);
      return 0;
    }
    throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof StartupError) {
      io.err(e.message);
      return 1;
    }
    io.err(`The command failed: ${(e as Error).message ?? e}`);
    return 1;
  }
}

runCli(process.argv.slice(2), process.env, { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) => {
  process.exitCode = code;
});
