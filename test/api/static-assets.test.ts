/**
 * The built web app as the server sends it (issue 9, a fast first load): compressed when the
 * browser accepts it, hashed files cached for good, pages always revalidated, and the first
 * screens within their JavaScript budget. Reads web/dist, which `npm test` builds first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../server/src/platform/web-app';
import { type World, createWorld } from '../support/world';

/** Compressed JavaScript one first screen may download (issue 9): 100 KB. */
const JS_BUDGET_BYTES = 100 * 1000;
const ASSETS = path.join(WEB_DIST, 'assets');
const BROWSER = 'gzip, deflate, br, zstd';

let world: World;
let entry: string;

beforeAll(async () => {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) throw new Error('web/dist/index.html is missing: run `npm run build` before this test.');
  entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(fs.readFileSync(index, 'utf8'))![1];
  world = await createWorld();
});
afterAll(async () => {
  await world?.close();
});

const get = (url: string, acceptEncoding?: string) =>
  world.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

const builtFile = (name: string) => fs.readFileSync(path.join(ASSETS, name));

describe('compression', () => {
  it('sends the brotli file to a browser that accepts it', async () => {
    const res = await get(`/assets/${entry}`, BROWSER);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(builtFile(entry).length / 2);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(builtFile(entry))).toBe(true);
  });

  it('sends the gzip file to a browser that accepts only gzip', async () => {
    const res = await get(`/assets/${entry}`, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.rawPayload).equals(builtFile(entry))).toBe(true);
  });

  it('sends the plain file to a client that accepts no compression', async () => {
    for (const accept of [undefined, 'identity']) {
      const res = await get(`/assets/${entry}`, accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.rawPayload.equals(builtFile(entry))).toBe(true);
    }
  });

  it('compresses the page itself too', async () => {
    const res = await get('/', BROWSER);
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain(`/assets/${entry}`);
  });
});

describe('caching', () => {
  it('keeps hashed files for a year without asking again', async () => {
    const css = fs.readdirSync(ASSETS).find((f) => f.endsWith('.css'))!;
    for (const url of [`/assets/${entry}`, `/assets/${css}`]) {
      for (const accept of [BROWSER, 'gzip', undefined]) {
        expect((await get(url, accept)).headers['cache-control'], `${url} (${accept ?? 'no compression'})`).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('always revalidates the page, on / and on every client route, so a release is seen on the next visit', async () => {
    for (const url of ['/', '/sign-in', '/partnerships/x', '/partnerships/x/goals?from=home', '/index.html']) {
      for (const accept of [BROWSER, undefined]) {
        const res = await get(url, accept);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      }
    }
  });

  it('always revalidates what decides the files a device keeps offline: the service worker and the manifest', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await get(url, BROWSER);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const sw = (await get('/sw.js')).payload;
    // The worker keeps the shell and hashed files; nothing under /api is ever cached.
    expect(sw).toContain('index.html');
    expect(sw).toMatch(/\^\\\/api\\\//);
  });

  it('writes the early questions and the service worker\'s registration into the page, and allows exactly those scripts by their hashes', async () => {
    const res = await get('/', BROWSER);
    const html = zlib.brotliDecompressSync(res.rawPayload).toString();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => body);
    expect(inline).toHaveLength(2);
    const early = inline.find((body) => body.includes("'/api/me'"))!;
    expect(early).toMatch(/var home = "\/assets\/home-[\w-]+\.js";/);
    // The build's placeholder and the source's comment do not reach the page.
    expect(early).not.toContain('HOME_FILE');
    expect(early).not.toContain('/*');
    expect(inline.find((body) => body !== early)).toContain("navigator.serviceWorker.register('/sw.js'");
    const hashes = inline.map((body) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
    for (const url of ['/', '/partnerships/x', '/api/me']) {
      const csp = String((await get(url, BROWSER)).headers['content-security-policy']);
      expect(csp, url).toContain(`script-src 'self' ${hashes.join(' ')};`);
    }
  });

  it('answers a revalidation of an unchanged page with 304', async () => {
    const first = await get('/', BROWSER);
    const again = await world.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': BROWSER, 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('keeps the security headers on files and pages', async () => {
    for (const url of [`/assets/${entry}`, '/', '/partnerships/x']) {
      const res = await get(url, BROWSER);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('answers a missing hashed file with 404, not with the page (which would be cached as script)', async () => {
    const res = await get('/assets/index-00000000.js', BROWSER);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('leaves API answers uncached', async () => {
    expect((await get('/api/health')).headers['cache-control']).toBe('no-store');
  });
});

/** Every file these start files import statically, themselves included (what the browser fetches to run them). */
function withImports(start: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  start.forEach(visit);
  return [...seen];
}

/** Bytes on the wire for a browser that accepts brotli. */
const brotliBytes = (files: string[]) =>
  files.reduce((sum, f) => sum + (fs.existsSync(path.join(ASSETS, `${f}.br`)) ? fs.statSync(path.join(ASSETS, `${f}.br`)) : fs.statSync(path.join(ASSETS, f))).size, 0);

describe('JavaScript budget of the first screens', () => {
  it('sign-in downloads at most 100 KB of compressed JavaScript', () => {
    // The sign-in page is its own file (fetched alongside the first request when the browser is not known to be signed in).
    const signIn = fs.readdirSync(ASSETS).find((f) => /^SignInPage-[\w-]+\.js$/.test(f));
    expect(signIn, 'a SignInPage-*.js file in web/dist/assets').toBeDefined();
    const files = withImports([entry, signIn!]);
    expect(brotliBytes(files), `sign-in loads ${files.join(', ')}`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });

  it('Home downloads at most 100 KB of compressed JavaScript, and no other page', () => {
    // Home's own file is named by its group in web/vite.config.ts.
    const home = fs.readdirSync(ASSETS).find((f) => /^home-[\w-]+\.js$/.test(f));
    expect(home, 'a home-*.js file in web/dist/assets').toBeDefined();
    const files = withImports([entry, home!]);
    expect(brotliBytes(files), `Home loads ${files.join(', ')}`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(files.filter((f) => /^(SignInPage|PartnershipPage|GoalsSection|PeoplePage|SessionsSection)-/.test(f))).toEqual([]);
  });
});
