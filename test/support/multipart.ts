/**
 * Uploads and raw downloads for tests of file routes: a multipart body built by hand, and a
 * session of one person whose cookie and CSRF token go with every request (the `Client` of
 * world.ts speaks JSON only).
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE, createSession } from '../../server/src/platform/sessions';
import type { World } from './world';

export interface FilePart {
  name: string;
  bytes: Buffer;
  /** What the browser claims (the server never believes it). */
  type?: string;
}

/** A multipart/form-data body: the text fields, then the files (each as a part named "file" unless said). */
export function multipartBody(fields: Record<string, string>, files: Array<FilePart & { field?: string }> = []) {
  const boundary = `----tandem${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface FileClient {
  personId: string | null;
  /** The session cookie and CSRF header, for a request sent over a real connection. */
  auth: Record<string, string>;
  upload(url: string, fields: Record<string, string>, file?: FilePart | FilePart[]): Promise<LightMyRequestResponse>;
  /** A GET with extra headers (Range). */
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Any request with the session (and its CSRF token unless `csrf: false`), its own headers and a raw body (tus uploads). */
  send(method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE', url: string, headers?: Record<string, string>, payload?: Buffer | NodeJS.ReadableStream, options?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/** A fresh session of a person (null: nobody signed in) for file routes. */
export async function fileClient(w: World, personId: string | null): Promise<FileClient> {
  let cookie: string | undefined;
  let csrf: string | undefined;
  if (personId) {
    const person = await w.db.selectFrom('people').select('user_id').where('id', '=', personId).executeTakeFirstOrThrow();
    const { token } = await createSession(w.db, w.clock, { idleMinutes: 120, maxHours: 24 }, person.user_id!, personId);
    cookie = `${SESSION_COOKIE}=${token}`;
    csrf = (await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().csrfToken;
  }
  const auth = { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) };
  return {
    personId,
    auth,
    upload(url, fields, file) {
      const body = multipartBody(fields, file ? [file].flat() : []);
      return w.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': body.contentType }, payload: body.payload });
    },
    get(url, headers = {}) {
      return w.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    },
    send(method, url, headers = {}, payload, options = {}) {
      const session = options.csrf === false ? (cookie ? { cookie } : {}) : auth;
      return w.app.inject({ method, url, headers: { ...session, ...headers }, ...(payload !== undefined ? { payload: payload as Buffer } : {}) });
    },
  };
}
