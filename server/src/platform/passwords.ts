/**
 * Password hashing with scrypt, a memory-hard KDF built into Node (no native
 * add-on). The parameters are stored with each hash so they can be raised later.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** log2 of scrypt's N; 15 (32 MiB per hash) in production, lowered only by tests. */
let costLog2 = Number(process.env.TANDEM_SCRYPT_LOG2 ?? 15);

export function setPasswordCost(log2: number): void {
  costLog2 = log2;
}

export async function hashPassword(password: string): Promise<string> {
  const N = 2 ** costLog2;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, 8, 1);
  return `scrypt$${N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so unknown accounts are not revealed by timing.
    await scrypt(password, randomBytes(16), 2 ** costLog2, 8, 1);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
