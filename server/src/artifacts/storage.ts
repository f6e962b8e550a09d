/**
 * Where the bytes of artifacts live: one interface, two places. On the local disk under
 * `<dataDir>/artifacts/` by default; in S3-compatible object storage (the official AWS SDK)
 * when S3_BUCKET is set. Keys are made by the artifacts routes from ids (`<org>/<artifact>`,
 * `<org>/<artifact>.thumb`); nothing here decides who may read them — that is the privacy
 * module's job, before any of these calls.
 *
 * Threat: a half-written file served as if whole (a crash or a full disk mid-upload). On disk
 * a file is written under a temporary name and renamed into place, so a key either holds the
 * whole file or nothing; an S3 PutObject is atomic by itself.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../config';

/** Inclusive byte positions, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The whole object, or only the range asked for. */
  stream: Readable;
  /** The size of the whole object (not of the range). */
  size: number;
}

export interface ArtifactStorage {
  /**
   * Stores the bytes under the key, replacing what was there; resolves once they are all stored.
   * A stream with its size (a clip of hundreds of megabytes) is sent on as it is read, never held whole.
   */
  put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void>;
  /** The bytes of a key (or a range of them), or null when the key holds nothing. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** Removes a key; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Where the bytes are, for the operator (never a secret). */
  readonly description: string;
}

/** Keys are ids joined by slashes: never a path that climbs out of the folder, never a hidden file. */
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?)*$/;
function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/** Files under a folder; each written to a temporary name first and renamed into place. */
export class DiskStorage implements ArtifactStorage {
  constructor(private readonly root: string) {}

  get description() {
    return `disk: ${this.root}`;
  }

  private file(key: string) {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Same folder as the target, so the rename is atomic (one file system); ".tmp-" never matches KEY, so it is never served.
    const temp = path.join(path.dirname(target), `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      if (Buffer.isBuffer(body)) await writeFile(temp, body, { flush: true });
      else await pipeline(body, createWriteStream(temp, { flush: true }));
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const file = this.file(key);
    const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!info) return null;
    return { size: info.size, stream: createReadStream(file, range ? { start: range.start, end: range.end } : {}) };
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.file(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }
}

/** Objects in an S3-compatible bucket (AWS, MinIO, Ceph, Garage, …) through the official client. */
export class S3Storage implements ArtifactStorage {
  private readonly client: S3Client;

  constructor(private readonly s3: S3Config) {
    this.client = new S3Client({
      region: s3.region,
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      forcePathStyle: s3.forcePathStyle,
      // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(s3.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
    });
  }

  get description() {
    return `S3 bucket ${this.s3.bucket}${this.s3.endpoint ? ` at ${this.s3.endpoint}` : ` (${this.s3.region})`}`;
  }

  async put(key: string, body: Buffer | Readable, contentType: string, size?: number): Promise<void> {
    // PutObject needs a length: a stream of known size goes as it is read (a clip, up to CLIP_MAX_BYTES);
    // one of unknown size is gathered first (small by then: ARTIFACT_MAX_BYTES).
    if (!Buffer.isBuffer(body) && size !== undefined) {
      await this.client.send(new PutObjectCommand({ Bucket: this.s3.bucket, Key: checkKey(key), Body: body, ContentType: contentType, ContentLength: size }));
      return;
    }
    const bytes = Buffer.isBuffer(body) ? body : Buffer.concat(await body.toArray());
    await this.client.send(new PutObjectCommand({ Bucket: this.s3.bucket, Key: checkKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: checkKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      // With a range, the whole size is after the slash of Content-Range (bytes 0-9/1234).
      const size = range ? Number(res.ContentRange?.split('/')[1]) : Number(res.ContentLength);
      return { size, stream: res.Body as Readable };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: checkKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.s3.bucket, Key: checkKey(key) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}

const isMissing = (err: unknown) => err instanceof NoSuchKey || err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/** The storage the configuration names: S3 when S3_BUCKET is set, else the data directory. */
export function storageFor(config: Pick<Config, 'dataDir' | 's3'>): ArtifactStorage {
  return config.s3 ? new S3Storage(config.s3) : new DiskStorage(path.join(config.dataDir, 'artifacts'));
}

/** A stream of a buffer, for callers that hold bytes but want the streaming path. */
export const streamOf = (bytes: Buffer) => Readable.from([bytes]);
