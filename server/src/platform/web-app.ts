/**
 * Serves the web app built by Vite (web/dist): its files, and index.html for every client route
 * (/partnerships/…), so a reload or a shared link opens the right page.
 *
 * A first load on a slow tablet is mostly bytes and round trips, so:
 * - Compressed: the build writes a .br and a .gz beside each text file; the browser gets the one
 *   it accepts (`Content-Encoding`, `Vary: Accept-Encoding`), the plain file otherwise.
 * - Cached: files under /assets/ carry a hash of their content in their name, so they never
 *   change and are kept for a year without asking again (`immutable`); index.html names the
 *   current ones, so it is always revalidated (`no-cache`: a 304 when unchanged) and a new
 *   release is seen on the next visit. Anything else gets an hour.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { notFound } from './errors';
import type { App } from './http';
import { requestLanguage } from './language';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';
export const CACHE_SHORT = 'public, max-age=3600';
const REVALIDATED = new Set(['sw.js', 'manifest.webmanifest']);

/** Cache-Control for a file of the build, by its path on disk (possibly its .br or .gz twin). */
export function cacheControlFor(file: string, root = WEB_DIST): string {
  const relative = path.relative(root, file).split(path.sep).join('/').replace(/\.(br|gz)$/, '');
  if (relative.startsWith('assets/')) return CACHE_IMMUTABLE;
  // The page, and what decides which files a device keeps for offline use (the service worker and
  // the app manifest; its registration is written into the page): always asked again, so a release reaches every device.
  if (relative.endsWith('.html') || REVALIDATED.has(relative)) return CACHE_REVALIDATE;
  return CACHE_SHORT;
}

/**
 * The Content-Security-Policy sources (`'sha256-…'`) of the scripts written into the built page
 * (the early questions, web/early.js, and the service worker's registration): read from index.html at start-up, so the policy allows
 * exactly the page that is served. None when there is no build.
 */
export function inlineScriptHashes(root = WEB_DIST): string[] {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  // Every <script> without a src: the early questions and the service worker's registration.
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

/** Registers the built web app when there is one (the API works without it); answers true when it did. */
export async function registerWebApp(app: App, root = WEB_DIST): Promise<boolean> {
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      // Our own Cache-Control below, never send's default `public, max-age=0`.
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlFor(file, root)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing hashed file is an old or a mistyped name: index.html in its place would be
    // cached for a year as JavaScript and break the page, so it is a plain 404.
    const pathname = request.url.split('?')[0];
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send(notFound().bodyIn(requestLanguage(request)));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return hasWeb;
}
