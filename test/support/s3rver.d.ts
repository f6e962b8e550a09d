/** The little of s3rver (an S3-protocol server for tests) that the tests use; it ships no types. */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  export default class S3rver {
    constructor(options: { port?: number; address?: string; silent?: boolean; directory: string; configureBuckets?: Array<{ name: string; configs: unknown[] }> });
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
