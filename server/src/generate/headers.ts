/**
 * Response headers the TLS server sends, with OWASP Secure Headers Project values
 * (ARCHITECTURE.md, Generator, reference/security-headers.md). All are written with `always` so error pages carry them.
 */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Strict-Transport-Security', HSTS_VALUE],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  // Conservative on purpose: an app that needs inline scripts or third-party sources must widen it.
  ['Content-Security-Policy', "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests"],
];
