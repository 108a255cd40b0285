import type { NginxBlockOptions } from '../../server/src/generate';

/** One generator input with a stable, descriptive name (also the golden file's name). */
export interface GenerateCase { name: string; options: NginxBlockOptions }

export const CUSTOM_CERT = { certificate: '/etc/nginx/tls/site.crt', certificateKey: '/etc/nginx/tls/site.key' };

/**
 * The option matrix of the golden tests: profile x nginx x OpenSSL x certificate source x WebSocket x
 * output form. `only` pins some axes (the integration test pins nginx and OpenSSL to the local build).
 */
export function optionMatrix(only: { nginxVersion?: string; opensslVersion?: string } = {}): GenerateCase[] {
  const out: GenerateCase[] = [];
  for (const profile of ['intermediate', 'modern'] as const) {
    for (const nginxVersion of only.nginxVersion ? [only.nginxVersion] : ['1.22', '1.26']) {
      for (const opensslVersion of only.opensslVersion ? [only.opensslVersion] : ['3.0', '3.5']) {
        for (const cert of ['letsencrypt', 'custom'] as const) {
          for (const websocket of [true, false]) {
            for (const fullConfig of [false, true]) {
              out.push({
                name: [profile, `nginx${nginxVersion}`, `openssl${opensslVersion}`, cert, websocket ? 'ws' : 'nows', fullConfig ? 'full' : 'include'].join('-'),
                options: {
                  serverNames: ['notes.example.com', 'www.notes.example.com'], upstream: 'http://app:3000',
                  profile, nginxVersion, opensslVersion, websocket, fullConfig,
                  ...(cert === 'custom' ? CUSTOM_CERT : {}),
                },
              });
            }
          }
        }
      }
    }
  }
  return out;
}

/** Inputs off the matrix's main road: other upstream forms, names, limits and paths. */
export const EXTRA_CASES: GenerateCase[] = [
  { name: 'https-upstream-wildcard', options: { serverNames: ['*.example.org'], upstream: 'https://10.0.0.5:8443/api/' } },
  { name: 'bare-host-port-custom-limits', options: {
    serverNames: ['files.example.net'], upstream: '127.0.0.1:3010', clientMaxBodySize: '512m',
    rateLimit: { zone: 'files_req', rate: '300r/m', burst: 50 }, acmeWebroot: '/srv/acme',
  } },
  { name: 'custom-cert-trusted-chain', options: {
    serverNames: ['intranet.example.com'], upstream: 'http://appflowy_cloud:8000', nginxVersion: '1.25.0',
    ...CUSTOM_CERT, trustedCertificate: '/etc/nginx/tls/chain.pem',
  } },
];
