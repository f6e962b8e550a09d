/**
 * Attempt limits on the doors a password guesser knocks on (sign-in, password
 * reset, accepting an invitation). Each attempt counts twice:
 *
 * - against the client address (request.ip, which believes X-Forwarded-For only
 *   from the proxies named in TRUST_PROXY), so one machine cannot guess fast;
 * - against the account it is aimed at (the normalized e-mail, or the
 *   invitation), from every address together, so a botnet or a client rotating
 *   forwarded addresses cannot guess fast at one person's password either.
 *
 * The counters live in Redis when REDIS_URL is set, so every process and host
 * shares one budget; otherwise in memory, per process.
 */
import { isIP } from 'node:net';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Clock } from './clock';
import { AppError } from './errors';
import { sha256 } from './ids';

/**
 * Fixed one-minute windows. The account limit has a cost: anyone can spend
 * someone else's account budget and so keep them from signing in. A fixed,
 * short window bounds that to "while the attack goes on, plus at most a
 * minute" — never a lasting lock-out — and the account budget is by default
 * three address budgets, so a single address can never block another person.
 */
export const ATTEMPT_WINDOW_MS = 60_000;

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetInMs: number;
}

/** Where the counters live: one atomic "count this attempt" per key. */
export interface AttemptStore {
  hit(key: string, windowMs: number): Promise<AttemptCount>;
  close(): Promise<void>;
}

/** Per process; reads the server's clock so tests can let a window pass. */
export function memoryAttemptStore(clock: Clock, maxKeys = 100_000): AttemptStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, windowMs) {
      const now = clock.now().getTime();
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        if (windows.size >= maxKeys) evict(windows, now, maxKeys);
        w = { count: 0, resetAt: now + windowMs };
        windows.set(key, w);
      }
      w.count++;
      return { count: w.count, resetInMs: w.resetAt - now };
    },
    async close() {
      windows.clear();
    },
  };
}

/** Drop ended windows; if every window is still live (a flood of fresh keys), drop the oldest tenth. */
function evict(windows: Map<string, { resetAt: number }>, now: number, maxKeys: number) {
  for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
  let drop = windows.size - Math.floor(maxKeys * 0.9);
  for (const key of windows.keys()) {
    if (drop-- <= 0) break;
    windows.delete(key);
  }
}

// INCR and the expiry in one step, so a crash between them cannot leave a
// counter that never expires (that would be the lasting lock-out we avoid).
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * Shared by every process that uses the same Redis and key prefix. Commands
 * fail at once (no offline queue) while Redis is unreachable; the limiter then
 * lets the attempt through (see attemptLimiter). The client keeps reconnecting.
 */
export async function redisAttemptStore(url: string, keyPrefix: string, log: FastifyBaseLogger): Promise<AttemptStore> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
  });
  let reachable = true;
  redis.on('error', (err) => {
    if (!reachable) return;
    reachable = false;
    log.warn({ err: { message: err.message } }, 'Redis for sign-in limits is unreachable; limits are not enforced until it is back');
  });
  redis.on('ready', () => {
    if (!reachable) log.info('Redis for sign-in limits is reachable again');
    reachable = true;
  });
  // Wait briefly for the first connection so the first attempts are counted;
  // start anyway when Redis is down (the limiter fails open and says so).
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 3_000);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `${keyPrefix}attempts:${key}`, windowMs)) as [number, number];
      return { count, resetInMs: ttl };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function openAttemptStore(config: Config, clock: Clock, log: FastifyBaseLogger): Promise<AttemptStore> {
  return config.redisUrl ? redisAttemptStore(config.redisUrl, config.redisKeyPrefix, log) : Promise.resolve(memoryAttemptStore(clock));
}

/** The per-account budget: LOGIN_ACCOUNT_RATE_LIMIT, or three address budgets. */
export function accountLimitOf(config: Config): number {
  return config.loginAccountRateLimit ?? 3 * config.loginRateLimit;
}

/** The account an attempt is aimed at, as keyed: e-mails compare lower-cased and trimmed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * One client for the address limit: an IPv4 address, or the /64 an IPv6
 * address is in (one household or server gets a whole /64, so counting single
 * IPv6 addresses would give it 2^64 budgets).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const address = ip.split('%')[0]!.toLowerCase();
  if (isIP(address) !== 6) return ip;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${all.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export interface AttemptLimit {
  /** The door, so each keeps its own counters: "sign-in", "reset", "invitation". */
  door: string;
  /** The account the attempt is aimed at (already normalized); undefined = address limit only. */
  account?: (request: FastifyRequest) => string | undefined;
}

const WARN_EVERY_MS = 60_000;

/**
 * Counts attempts and refuses them with 429 RATE_LIMITED and Retry-After when
 * a budget is spent. `hook` is a preHandler (the body is parsed and validated
 * by then) that counts against the address, then the account; an attempt the
 * address limit refuses does not spend the account's budget. `account` counts
 * one attempt against an account from inside a handler, for an account that is
 * known only after a lookup.
 *
 * When the store fails (Redis down), the attempt goes through: rate limits
 * fail open, with a warning at most once a minute, because refusing every
 * sign-in while Redis is away would lock everyone out. Passwords are still
 * checked; only the speed limit is missing for that time.
 */
export function attemptLimiter(store: AttemptStore, config: Config, log: FastifyBaseLogger) {
  const accountLimit = accountLimitOf(config);
  let lastWarning = 0;
  // Hashed: the counters never hold an e-mail address.
  const accountCheck = (door: string, account: string): Check => [`${door}:account:${sha256(account)}`, accountLimit];

  async function count(reply: FastifyReply, checks: Check[]): Promise<void> {
    for (const [key, max] of checks) {
      let hit: AttemptCount;
      try {
        hit = await store.hit(key, ATTEMPT_WINDOW_MS);
      } catch (err) {
        if (Date.now() - lastWarning > WARN_EVERY_MS) {
          lastWarning = Date.now();
          log.warn({ err: { message: (err as Error).message } }, 'sign-in limits could not be counted; letting attempts through');
        }
        return;
      }
      if (hit.count > max) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(hit.resetInMs / 1000))));
        throw new AppError('RATE_LIMITED', 'rateLimited');
      }
    }
  }

  return {
    hook: (limit: AttemptLimit) =>
      async function limitAttempts(request: FastifyRequest, reply: FastifyReply): Promise<void> {
        const checks: Check[] = [[`${limit.door}:address:${addressKey(request.ip)}`, config.loginRateLimit]];
        const account = limit.account?.(request);
        if (account) checks.push(accountCheck(limit.door, account));
        await count(reply, checks);
      },
    account: (reply: FastifyReply, door: string, account: string) => count(reply, [accountCheck(door, account)]),
  };
}

type Check = [key: string, max: number];
