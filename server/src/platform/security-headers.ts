/**
 * Security headers (CSP, nosniff, frame-ancestors, referrer policy, HSTS behind
 * HTTPS), computed once by helmet at start-up and set on every response.
 * @fastify/helmet re-parses the CSP on every request, which measured ~1.5% of a
 * partnership read; the headers never change between requests, so we don't.
 */
import helmet from 'helmet';

/**
 * `inlineScripts`: the hashes (`'sha256-…'`) of the scripts written into the built page
 * (web-app.ts `inlineScriptHashes`); those exact scripts run, and no other inline script does.
 */
export function securityHeaders(hsts: boolean, inlineScripts: readonly string[] = []): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScripts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only behind HTTPS; on plain http://localhost it would break every request.
        upgradeInsecureRequests: hsts ? [] : null,
      },
    },
    strictTransportSecurity: hsts,
  });
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as never, res as never, () => {});
  return headers;
}
