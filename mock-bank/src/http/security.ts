// Response hardening and the static file handler. The CSP forbids inline script and style, which is why
// every behaviour lives in public/app.js and every style in public/app.css.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** mock-bank/public, found from this file rather than the cwd so the server starts from any folder. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

function setHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  const type = headers.get('Content-Type') ?? '';
  // Pages and poll answers carry per-session state: never let a cache replay them (back button included).
  if (!headers.has('Cache-Control') && /^(text\/html|application\/json)/i.test(type)) {
    headers.set('Cache-Control', 'no-store');
  }
}

/**
 * Sets the security headers on every response, after the handler ran (so redirects, static files and
 * 404s get them too). Mount first: `app.use('*', securityHeaders)`.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  try {
    setHeaders(c.res.headers);
  } catch {
    // Headers of some Responses are immutable; copy the response once and set them on the copy.
    const copy = new Response(c.res.body, c.res);
    setHeaders(copy.headers);
    c.res = copy;
  }
};

/** Serves mock-bank/public under /static: `app.route('/static', staticFiles)`. */
export const staticFiles = new Hono();
staticFiles.use('/*', async (c, next) => {
  await next();
  // Revalidate on each load (Last-Modified is sent), so an edited app.js never runs from a stale copy.
  if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
});
// A sub-app still sees the full path, so strip the mount point before looking in PUBLIC_DIR.
staticFiles.use(
  '/*',
  serveStatic({ root: PUBLIC_DIR, rewriteRequestPath: (path) => path.replace(/^\/static(?=\/)/, '') }),
);
