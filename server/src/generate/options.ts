import { compareVersions } from '../engine/config';
import { MIN_NGINX, MIN_OPENSSL, isLetsEncryptPath, type TlsProfile } from '../engine/nginx/tls-profile';
import {
  checkBodySize, checkPath, checkVersion, normaliseServerNames, parseUpstream, type Upstream,
} from './validate';

export interface RateLimit {
  /** Name of the `limit_req_zone` shared memory zone. */
  zone: string;
  /** Requests per client address, `10r/s` or `300r/m`. */
  rate: string;
  /** Requests allowed above the rate before nginx answers 429. */
  burst: number;
}

export interface NginxBlockOptions {
  /** Host names for `server_name`; `*.example.com` wildcards allowed. The first names the certificate. */
  serverNames: string[];
  /** `http://app:3000`, `https://10.0.0.5:8443`, or a bare `host:port` (taken as http). */
  upstream: string;
  /** Mozilla profile; default intermediate. */
  profile?: TlsProfile;
  /** Target nginx version; decides the http2 syntax and session tickets. Default 1.26. */
  nginxVersion?: string;
  /** OpenSSL nginx is built with; decides the post-quantum curve. Default 3.0. */
  opensslVersion?: string;
  /** Default 10m. */
  clientMaxBodySize?: string;
  /** Pass WebSocket upgrades through to the app. Default true. */
  websocket?: boolean;
  /** Default: zone deploylint_req, 10r/s, burst 20. Missing fields take the default. */
  rateLimit?: Partial<RateLimit>;
  /** certbot's webroot for HTTP-01 challenges. Default /var/www/certbot. */
  acmeWebroot?: string;
  /** Default /etc/letsencrypt/live/<first name>/fullchain.pem. */
  certificate?: string;
  /** Default /etc/letsencrypt/live/<first name>/privkey.pem. */
  certificateKey?: string;
  /** CA chain for OCSP stapling verification; default the certificate itself. Unused for Let's Encrypt. */
  trustedCertificate?: string;
  /** A whole nginx.conf (events {} + http {}) instead of a file included inside http {}. */
  fullConfig?: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { zone: 'deploylint_req', rate: '10r/s', burst: 20 };

/** Options after validation and defaults: everything the renderer needs, nothing left to decide. */
export interface ResolvedOptions {
  serverNames: string[];
  upstream: Upstream;
  profile: TlsProfile;
  nginxVersion: string;
  opensslVersion: string;
  clientMaxBodySize: string;
  websocket: boolean;
  rateLimit: RateLimit;
  acmeWebroot: string;
  certificate: string;
  certificateKey: string;
  /** Set only when OCSP stapling is written (the certificate is not from Let's Encrypt). */
  trustedCertificate?: string;
  fullConfig: boolean;
}

/** Validates options and fills in defaults; throws an Error naming the bad option. */
export function resolveOptions(options: NginxBlockOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw new Error('options must be an object');
  const serverNames = normaliseServerNames(options.serverNames);
  const upstream = parseUpstream(options.upstream);
  const profile = options.profile ?? 'intermediate';
  if (profile !== 'intermediate' && profile !== 'modern') throw new Error(`profile must be intermediate or modern, not "${String(profile)}"`);
  const nginxVersion = checkVersion('nginxVersion', options.nginxVersion ?? '1.26');
  if (compareVersions(nginxVersion, MIN_NGINX) < 0) throw new Error(`nginxVersion ${nginxVersion} is too old: HTTP/2 and these TLS settings need nginx ${MIN_NGINX} or later`);
  const opensslVersion = checkVersion('opensslVersion', options.opensslVersion ?? '3.0', true);
  if (compareVersions(opensslVersion, MIN_OPENSSL) < 0) throw new Error(`opensslVersion ${opensslVersion} is too old: TLS 1.3 needs OpenSSL ${MIN_OPENSSL} or later`);
  const clientMaxBodySize = checkBodySize(options.clientMaxBodySize ?? '10m');
  const websocket = options.websocket ?? true;
  if (typeof websocket !== 'boolean') throw new Error('websocket must be true or false');
  const rateLimit = resolveRateLimit(options.rateLimit);
  const acmeWebroot = checkPath('acmeWebroot', options.acmeWebroot ?? '/var/www/certbot');
  const lineage = letsEncryptLineage(serverNames);
  if (!lineage && (options.certificate === undefined || options.certificateKey === undefined)) {
    throw new Error(`Let's Encrypt cannot issue a certificate for ${serverNames.join(', ')}; give certificate and certificateKey`);
  }
  const certificate = checkPath('certificate', options.certificate ?? `${lineage}/fullchain.pem`);
  const certificateKey = checkPath('certificateKey', options.certificateKey ?? `${lineage}/privkey.pem`);
  const stapling = !isLetsEncryptPath(certificate);
  const trustedCertificate = stapling ? checkPath('trustedCertificate', options.trustedCertificate ?? certificate) : undefined;
  return {
    serverNames, upstream, profile, nginxVersion, opensslVersion, clientMaxBodySize, websocket, rateLimit,
    acmeWebroot, certificate, certificateKey, trustedCertificate, fullConfig: options.fullConfig === true,
  };
}

/** certbot names the lineage after the first domain, without a leading `*.`; `app.*` cannot be certified. */
function letsEncryptLineage(names: string[]): string | undefined {
  const first = names.find((n) => !n.endsWith('.*'));
  return first && `/etc/letsencrypt/live/${first.replace(/^\*\./, '')}`;
}

function resolveRateLimit(given: Partial<RateLimit> | undefined): RateLimit {
  if (given !== undefined && (given === null || typeof given !== 'object')) throw new Error('rateLimit must be an object { zone, rate, burst }');
  const r = { ...DEFAULT_RATE_LIMIT, ...stripUndefined(given ?? {}) };
  if (typeof r.zone !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(r.zone)) throw new Error(`rateLimit.zone "${String(r.zone)}" must be a name of letters, digits, _ or -`);
  if (typeof r.rate !== 'string' || !/^[1-9]\d*r\/[sm]$/.test(r.rate)) throw new Error(`rateLimit.rate "${String(r.rate)}" must look like 10r/s or 300r/m`);
  if (typeof r.burst !== 'number' || !Number.isInteger(r.burst) || r.burst < 0) throw new Error(`rateLimit.burst "${String(r.burst)}" must be a whole number of 0 or more`);
  return r;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
