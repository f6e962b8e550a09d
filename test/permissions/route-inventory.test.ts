/**
 * Every API route must name its permission-matrix key, and every key must have
 * at least one allowing and one blocking row — the test that catches the
 * forgotten endpoint. It also checks the OpenAPI description lists each route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, createWorld } from '../support/world';
import { MATRIX } from './matrix';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const apiRoutes = () => w.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/health' && r.method !== 'HEAD');

describe('route inventory', () => {
  it('finds the API routes', () => {
    expect(apiRoutes().length).toBeGreaterThan(35);
  });

  it('gives every API route a permission-matrix key', () => {
    const missing = apiRoutes().filter((r) => !r.matrix).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('has an allow row and a block row in the matrix for every key a route uses', () => {
    const keys = [...new Set(apiRoutes().map((r) => r.matrix!))];
    const problems = keys.flatMap((key) => {
      const rows = MATRIX.filter((m) => m.action === key);
      const allows = rows.some((m) => m.expect === 'allow' || m.expect === 'logistics');
      const blocks = rows.some((m) => m.expect === 'deny' || m.expect === 'anonymous' || m.expect === 'reject');
      // Public routes are open by design; their limits (rate, token expiry) are tested in accounts.test.ts.
      return [!allows && `${key}: no allow row`, !blocks && key !== 'public' && `${key}: no block row`].filter(Boolean);
    });
    expect(problems).toEqual([]);
  });

  it('marks exactly the sign-in, reset, invitation and first set-up routes public', () => {
    const open = apiRoutes().filter((r) => r.public).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual([
      'GET /api/invitations/:token',
      'GET /api/setup',
      'POST /api/auth/login',
      'POST /api/auth/password-reset',
      'POST /api/auth/password-reset/complete',
      'POST /api/invitations/accept',
      'POST /api/setup',
    ]);
    expect(apiRoutes().filter((r) => r.public).every((r) => r.matrix === 'public')).toBe(true);
    // Outside the API, only the calendar feed answers without a session: its secret address is the credential.
    const openOutside = w.routes.filter((r) => r.public && !r.url.startsWith('/api/') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(openOutside).toEqual(['GET /calendar/:file']);
  });

  it('describes every route in the OpenAPI document at /api/docs/json', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)));
    const undocumented = apiRoutes().map((r) => `${r.method} ${r.url}`).filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
  });
});
