import { compareVersions } from '../config';

/**
 * Mozilla server-side TLS guidelines (reference/mozilla-tls.md): the values per profile, and the
 * nginx/OpenSSL version switches that decide how they are written. The generator and the engine's
 * HTTPS fixes both write them, so the table lives in the engine, below both.
 */
export const MOZILLA_GUIDELINES_VERSION = '6.0';

export type TlsProfile = 'intermediate' | 'modern';

export const INTERMEDIATE_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** Oldest versions the output is valid for: `listen ... http2` came in nginx 1.9.5, TLS 1.3 in OpenSSL 1.1.1. */
export const MIN_NGINX = '1.9.5';
export const MIN_OPENSSL = '1.1.1';

const atLeast = (v: string, min: string): boolean => compareVersions(v, min) >= 0;

/** nginx >= 1.25.1 deprecates `listen ... http2` in favour of `http2 on;`. */
export function http2Directive(nginxVersion: string): boolean { return atLeast(nginxVersion, '1.25.1'); }

/** Before 1.23.2 nginx never rotated its ticket key, which breaks forward secrecy (Mozilla). */
export function needsSessionTicketsOff(nginxVersion: string): boolean { return !atLeast(nginxVersion, '1.23.2'); }

/** A curve list with several entries needs nginx 1.11.0; the post-quantum hybrid needs OpenSSL 3.5. */
export function ecdhCurves(nginxVersion: string, opensslVersion: string): string | undefined {
  if (!atLeast(nginxVersion, '1.11.0')) return undefined;
  const curves = ['X25519', 'prime256v1', 'secp384r1'];
  if (atLeast(opensslVersion, '3.5')) curves.unshift('X25519MLKEM768');
  return curves.join(':');
}

export function protocols(profile: TlsProfile): string {
  return profile === 'modern' ? 'TLSv1.3' : 'TLSv1.2 TLSv1.3';
}

/** TLS 1.3 suites are not configurable through `ssl_ciphers`; modern has no TLS 1.2 to configure. */
export function ciphers(profile: TlsProfile): string | undefined {
  return profile === 'modern' ? undefined : INTERMEDIATE_CIPHERS;
}

/** Let's Encrypt ended its OCSP service in 2025, so stapling its certificates does nothing. */
export function isLetsEncryptPath(path: string): boolean {
  return /(^|\/)letsencrypt\//i.test(path);
}

/**
 * The TLS directives of a profile, one per line (modern's optional session cache as comments).
 * Shared by the generator and the `nginx/no-https` fix, so both write the same settings.
 */
export function tlsSettingLines(profile: TlsProfile, nginxVersion: string, opensslVersion: string): string[] {
  const out = [`ssl_protocols ${protocols(profile)};`];
  const curves = ecdhCurves(nginxVersion, opensslVersion);
  if (curves) out.push(`ssl_ecdh_curve ${curves};`);
  const list = ciphers(profile);
  if (list) out.push(`ssl_ciphers ${list};`);
  out.push('ssl_prefer_server_ciphers off;');
  if (profile === 'modern') {
    out.push("# Mozilla's modern profile leaves the session cache off; uncomment for faster resumption.", '# ssl_session_timeout 1d;', '# ssl_session_cache shared:MozSSL:10m;');
  } else {
    out.push('ssl_session_timeout 1d;', 'ssl_session_cache shared:MozSSL:10m;');
  }
  if (needsSessionTicketsOff(nginxVersion)) out.push('ssl_session_tickets off;');
  return out;
}

/** `listen` lines of a TLS server (and `http2 on;`) in the syntax of the nginx version. */
export function tlsListenLines(nginxVersion: string, ipv6 = true): string[] {
  const h2 = http2Directive(nginxVersion);
  const suffix = h2 ? 'ssl' : 'ssl http2';
  return [`listen 443 ${suffix};`, ...(ipv6 ? [`listen [::]:443 ${suffix};`] : []), ...(h2 ? ['http2 on;'] : [])];
}
