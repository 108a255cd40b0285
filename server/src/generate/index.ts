/** The hardened nginx block generator (ARCHITECTURE.md, Generator), shared by the server command, the CLI and the no-https fix. */
export { generateNginx, generateNginxParts, type NginxBlockParts } from './nginx-block';
export { resolveOptions, DEFAULT_RATE_LIMIT, type NginxBlockOptions, type RateLimit, type ResolvedOptions } from './options';
export { validateServerName, validateUpstream, parseUpstream, type Upstream } from './validate';
export { MOZILLA_GUIDELINES_VERSION, isLetsEncryptPath, type TlsProfile } from '../engine/nginx/tls-profile';
