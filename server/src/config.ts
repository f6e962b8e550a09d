/**
 * Configuration, parsed once from the environment. Every problem is listed at
 * once so an operator can fix them in one go.
 */
import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent, SQLite under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Public base URL used in invitation and reset links. */
  baseUrl: string;
  /** Serve cookies with Secure (set when behind HTTPS). */
  secureCookies: boolean;
  production: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Seed the demo organization when the database is empty. */
  seedDemo: boolean;
  /** Attempts per minute per IP on sign-in and reset endpoints. */
  loginRateLimit: number;
  /** Log queries slower than this (ms); 0 turns it off. */
  slowQueryMs: number;
  /** Server processes sharing the port (node:cluster); the app is stateless, so any count works. */
  workers: number;
  /** SMTP server for outgoing e-mail (credentials in the URL); null = Tandem sends no e-mail. */
  smtpUrl: string | null;
  /** The From of every e-mail Tandem sends. */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Tandem cannot start:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const port = int('PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded SQLite database).');
  }
  const baseUrl = (env.BASE_URL?.trim() || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(baseUrl)) problems.push('BASE_URL must start with http:// or https://.');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const smtpProblem = smtpUrl ? checkSmtpUrl(smtpUrl) : null;
  if (smtpProblem) problems.push(smtpProblem);
  const mailFrom = env.MAIL_FROM?.trim() || `Tandem <no-reply@${hostOf(baseUrl)}>`;
  if (!/^([^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(mailFrom)) {
    problems.push('MAIL_FROM must be an e-mail address, optionally with a name: Tandem <no-reply@example.org>.');
  }
  const config: Config = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    baseUrl,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : baseUrl.startsWith('https://'),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 5, 60 * 24 * 30),
    sessionMaxHours: int('SESSION_MAX_HOURS', 24 * 14, 1, 24 * 365),
    seedDemo: env.SEED_DEMO !== 'false',
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10, 1, 100000),
    slowQueryMs: int('SLOW_QUERY_MS', 0, 0, 600000),
    workers: env.WORKERS === 'auto' ? os.availableParallelism() : int('WORKERS', 1, 1, 256),
    smtpUrl,
    mailFrom,
    ...overrides,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
};

/**
 * What is wrong with SMTP_URL, if anything. The messages never repeat the URL:
 * it holds the mail server's password, and start-up errors end up in logs.
 */
function checkSmtpUrl(raw: string): string | null {
  const shape = 'smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with special characters in the user name and password percent-encoded';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `SMTP_URL is not a valid address: use ${shape}.`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `SMTP_URL must start with smtp:// or smtps://: use ${shape}.`;
  if (!url.hostname) return `SMTP_URL has no mail server host: use ${shape}.`;
  for (const key of ['logger', 'debug', 'transactionLog']) {
    // nodemailer would write every message, reset and invitation links included, to the log.
    if (url.searchParams.has(key)) return `SMTP_URL must not set ${key}: it would write whole e-mails, with their sign-in links, to the log.`;
  }
  return null;
}
