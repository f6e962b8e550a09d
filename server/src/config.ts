/**
 * Configuration, parsed once from the environment. Every problem is listed at
 * once so an operator can fix them in one go.
 */
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Which proxies may tell us the client's address (Fastify's `trustProxy`): off,
 * or the proxies' addresses/CIDRs. Never `true`: trusting every hop lets any
 * client pick its own address with X-Forwarded-For, and so its own rate-limit
 * budget. Never a hop count either: it cannot tell a proxy from a client that
 * connects directly (Fastify 5 ignores a number for that reason, trusting nothing).
 */
export type TrustProxy = false | string[];

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
  /** Attempts per minute per client address on sign-in, reset and invitation endpoints. */
  loginRateLimit: number;
  /**
   * Attempts per minute against one account (e-mail, or invitation), from all
   * addresses together; null = 3 × loginRateLimit, so one address alone can
   * never lock someone else out.
   */
  loginAccountRateLimit: number | null;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); false = the socket address. */
  trustProxy: TrustProxy;
  /** Redis for rate-limit counters shared by every process and host; null = in memory, per process. */
  redisUrl: string | null;
  /** Prefix of every Redis key Tandem writes (several deployments can share one Redis). */
  redisKeyPrefix: string;
  /** Log queries slower than this (ms); 0 turns it off. */
  slowQueryMs: number;
  /** How often each server process looks for reminders to create and e-mail (seconds). */
  reminderIntervalSeconds: number;
  /** Server processes sharing the port (node:cluster); the app is stateless, so any count works. */
  workers: number;
  /** SMTP server for outgoing e-mail (credentials in the URL); null = Tandem sends no e-mail. */
  smtpUrl: string | null;
  /** The From of every e-mail Tandem sends. */
  mailFrom: string;
  /** Largest artifact (photo, document, student work) accepted in one upload, in bytes. */
  artifactMaxBytes: number;
  /** Bytes of artifacts one organization may keep in all. */
  artifactOrgQuotaBytes: number;
  /** Largest video or audio clip accepted through the resumable upload (/api/uploads), in bytes. */
  clipMaxBytes: number;
  /** The ffmpeg program that makes a clip's poster frame (a name on PATH, or a path). */
  ffmpegPath: string;
  /** The ffprobe program that reads a clip's length and tracks (a name on PATH, or a path). */
  ffprobePath: string;
  /** S3-compatible object storage for artifacts; null = files on disk under `<dataDir>/artifacts/`. */
  s3: S3Config | null;
}

export interface S3Config {
  bucket: string;
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000; null = AWS's own endpoint for the region. */
  endpoint: string | null;
  region: string;
  /** Both or neither; neither = the SDK's usual credential chain (instance role, environment, profile). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Address buckets as host/bucket instead of bucket.host (MinIO and most self-hosted servers need it). */
  forcePathStyle: boolean;
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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss:// (leave it unset to keep rate limits in memory).');
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const smtpProblem = smtpUrl ? checkSmtpUrl(smtpUrl) : null;
  if (smtpProblem) problems.push(smtpProblem);
  const mailFrom = env.MAIL_FROM?.trim() || `Tandem <no-reply@${hostOf(baseUrl)}>`;
  if (!/^([^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(mailFrom)) {
    problems.push('MAIL_FROM must be an e-mail address, optionally with a name: Tandem <no-reply@example.org>.');
  }
  // Largest sizes: a multipart upload is held in memory (2047 MB at most); a clip is streamed, and
  // one S3 PutObject takes at most 5 GB.
  const MAX_SIZE: Record<string, [number, string]> = { ARTIFACT_MAX_BYTES: [2047 * MB, 'between 1 KB and 2047 MB'], CLIP_MAX_BYTES: [5 * 1024 * MB, 'between 1 KB and 5 GB'] };
  const bytes = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = parseBytes(raw);
    const [max, range] = MAX_SIZE[name] ?? [Number.MAX_SAFE_INTEGER, 'of at least 1 KB'];
    if (n === null || n < 1024 || n > max) {
      problems.push(`${name} must be a size ${range}, in bytes or with a unit: 20MB, 5GB, 500KB (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const s3 = parseS3(env, problems);
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
    loginAccountRateLimit: env.LOGIN_ACCOUNT_RATE_LIMIT ? int('LOGIN_ACCOUNT_RATE_LIMIT', 30, 1, 100000) : null,
    trustProxy,
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'tandem:',
    slowQueryMs: int('SLOW_QUERY_MS', 0, 0, 600000),
    reminderIntervalSeconds: int('REMINDER_INTERVAL_SECONDS', 300, 1, 86400),
    workers: env.WORKERS === 'auto' ? os.availableParallelism() : int('WORKERS', 1, 1, 256),
    smtpUrl,
    mailFrom,
    artifactMaxBytes: bytes('ARTIFACT_MAX_BYTES', 20 * MB),
    artifactOrgQuotaBytes: bytes('ARTIFACT_ORG_QUOTA_BYTES', 5 * 1024 * MB),
    clipMaxBytes: bytes('CLIP_MAX_BYTES', 500 * MB),
    ffmpegPath: env.FFMPEG_PATH?.trim() || 'ffmpeg',
    ffprobePath: env.FFPROBE_PATH?.trim() || 'ffprobe',
    s3,
    ...overrides,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const MB = 1024 * 1024;
const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: MB, gb: 1024 * MB };

/** A size in bytes, or with a unit (KB, MB, GB, powers of 1024): "20MB", "5 GB", "1048576". */
export function parseBytes(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(raw.trim());
  if (!m) return null;
  const n = Math.round(Number(m[1]) * UNITS[m[2].toLowerCase()]!);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * S3_BUCKET turns object storage on; the other S3_* variables only make sense with it. The
 * messages never repeat the secret key: start-up errors end up in logs.
 */
function parseS3(env: NodeJS.ProcessEnv, problems: string[]): S3Config | null {
  const v = (name: string) => env[name]?.trim() || null;
  const bucket = v('S3_BUCKET');
  const others = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'].filter((n) => v(n));
  if (!bucket) {
    if (others.length) problems.push(`${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} set but S3_BUCKET is not: set S3_BUCKET to store artifacts in object storage, or unset the S3_* variables to keep them on disk under DATA_DIR.`);
    return null;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`S3_BUCKET must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens (got "${bucket}").`);
  const endpoint = v('S3_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) problems.push(`S3_ENDPOINT must start with http:// or https:// (e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000); got "${endpoint}".`);
  const accessKeyId = v('S3_ACCESS_KEY_ID');
  const secretAccessKey = v('S3_SECRET_ACCESS_KEY');
  if (!accessKeyId !== !secretAccessKey) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the server\'s own credentials (an instance role or ~/.aws).');
  const pathStyle = (v('S3_FORCE_PATH_STYLE') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(pathStyle)) problems.push(`S3_FORCE_PATH_STYLE must be true or false (got "${pathStyle}").`);
  return { bucket, endpoint, region: v('S3_REGION') ?? 'us-east-1', accessKeyId, secretAccessKey, forcePathStyle: pathStyle === 'true' || pathStyle === '1' };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset or `false` (the default, in production too) = believe only
 * the socket; or a comma-separated list of proxy addresses, CIDRs or the names
 * loopback / linklocal / uniquelocal (proxy-addr's private ranges).
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim() ?? '';
  const word = value.toLowerCase();
  if (word === '' || word === 'false' || word === '0') return false;
  if (word === 'true') {
    problems.push('TRUST_PROXY=true would let any client choose its own address with X-Forwarded-For; list the addresses of the proxies in front of Tandem instead (e.g. 10.0.0.5 or 10.0.0.0/8, or loopback when the proxy runs on this host).');
    return false;
  }
  if (/^\d+$/.test(value)) {
    problems.push(`TRUST_PROXY=${value}: a number of proxies cannot tell a proxy from a client that connects directly and forges X-Forwarded-For; list the proxies' addresses instead (e.g. 10.0.0.5 or 10.0.0.0/8, loopback when the proxy runs on this host, uniquelocal for any private address).`);
    return false;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length) {
    problems.push(`TRUST_PROXY must be false or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.5,192.168.0.0/16, or loopback); not understood: ${bad.map((b) => `"${b}"`).join(', ')}.`);
    return false;
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
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
