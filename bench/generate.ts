/**
 * Deterministic generated inputs for the benchmark and the guards: realistic shapes, any size.
 *
 * "Realistic" means what a maintained deployment looks like: most services and servers are
 * hardened and a few are not, so a file has a normal number of findings (about one per 10-20
 * services or servers), not one finding per line. `findingsEvery` controls how often a block
 * misses something; 1 makes every block a finding-heavy worst case.
 */

const DATASTORES = ['postgres:16', 'redis:7', 'mongo:7', 'mariadb:11', 'valkey/valkey:8'];

export interface GenOptions {
  /** Every n-th service/server/secret misses a hardening setting (default 10). */
  findingsEvery?: number;
  /**
   * Compose: services share their `logging` through a YAML alias (default true). Without, each service
   * spells it out: tools that cap the number of aliases (dclint's yaml at 100) then lint the file.
   */
  aliases?: boolean;
}

/** A compose file of about `lines` lines: app services and internal datastores with env, volumes, limits. */
export function composeFile(lines: number, opts: GenOptions = {}): string {
  const every = opts.findingsEvery ?? 10;
  const out = ['# generated for the benchmark', 'name: bench', '', 'x-logging: &logging', '  driver: json-file', '  options:', '    max-size: "10m"', '    max-file: "3"', '', 'services:'];
  for (let i = 0; out.length < lines - 6; i++) {
    const ds = i % 4 === 3;
    const sloppy = i % every === Math.min(2, every - 1);
    out.push(`  svc${i}:`);
    out.push(`    image: ${ds ? DATASTORES[i % DATASTORES.length] : `ghcr.io/example/app${i}:1.${i % 10}.${i % 7}`}`);
    out.push('    restart: unless-stopped');
    if (!ds) out.push('    user: "1000:1000"');
    out.push('    environment:');
    out.push('      LOG_LEVEL: info');
    if (ds) out.push(`      POSTGRES_PASSWORD: \${DB_PASSWORD}`);
    else {
      out.push(`      DATABASE_URL: postgres://app:\${DB_PASSWORD}@svc${i + 3 - (i % 4)}:5432/app`);
      out.push(`      API_TOKEN: \${API_TOKEN_${i}}`);
    }
    if (!ds) {
      out.push('    ports:');
      out.push(`      - "127.0.0.1:${10000 + i}:3000"`);
    } else if (sloppy) {
      out.push('    ports:');
      out.push(`      - "${10000 + i}:5432"`);
    }
    out.push('    volumes:');
    out.push(`      - ./data/svc${i}:/data`);
    out.push('    networks:');
    out.push(`      - ${ds ? 'backend' : 'frontend'}`);
    if (!ds) out.push('      - backend');
    out.push('    security_opt:');
    out.push('      - no-new-privileges:true');
    if (opts.aliases ?? true) out.push('    logging: *logging');
    else out.push('    logging:', '      driver: json-file', '      options:', '        max-size: "10m"', '        max-file: "3"');
    if (!sloppy) {
      out.push('    healthcheck:');
      out.push(`      test: ["CMD", "${ds ? 'pg_isready' : 'wget'}", "${ds ? '-q' : 'http://localhost:3000/health'}"]`);
      out.push('      interval: 30s');
      out.push('      retries: 3');
      out.push('    deploy:');
      out.push('      resources:');
      out.push('        limits:');
      out.push(`          memory: ${ds ? '1g' : '512m'}`);
      out.push('          cpus: "1.0"');
    }
  }
  out.push('networks:', '  frontend: {}', '  backend:', '    internal: true');
  return out.join('\n') + '\n';
}

/** The `.env` next to a generated compose file: defines what it interpolates. */
export function composeEnv(compose: string): string {
  const names = new Set<string>();
  for (const m of compose.matchAll(/\$\{([A-Z0-9_]+)\}/g)) names.add(m[1]);
  return [...names].map((n, i) => `${n}=${randomish(i + 1, 32)}`).join('\n') + '\n';
}

/** An nginx.conf of about `lines` lines: an http block with shared TLS settings and many hardened servers. */
export function nginxFile(lines: number, opts: GenOptions = {}): string {
  const every = opts.findingsEvery ?? 10;
  const out = [
    '# generated for the benchmark',
    'user nginx;', 'worker_processes auto;', 'events {', '    worker_connections 1024;', '}', 'http {',
    '    server_tokens off;',
    '    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;',
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '    ssl_session_tickets off;',
    '    ssl_stapling on;',
    '    ssl_stapling_verify on;',
    '    resolver 127.0.0.1;',
    '    client_max_body_size 20m;',
    '    server {',
    '        listen 80 default_server;',
    '        server_name _;',
    '        return 301 https://$host$request_uri;',
    '    }',
  ];
  for (let i = 0; out.length < lines - 2; i++) {
    const sloppy = i % every === Math.min(2, every - 1);
    out.push(
      '    server {',
      '        listen 443 ssl;',
      '        http2 on;',
      `        server_name site${i}.example.com;`,
      `        ssl_certificate /etc/ssl/site${i}.pem;`,
      `        ssl_certificate_key /etc/ssl/site${i}.key;`,
      '        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
      '        add_header X-Content-Type-Options "nosniff" always;',
      '        add_header X-Frame-Options "DENY" always;',
      '        add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
      '        add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;',
      ...(sloppy ? [] : ['        add_header Content-Security-Policy "default-src \'self\'; frame-ancestors \'none\'" always;']),
      '        proxy_set_header Host $host;',
      '        proxy_set_header X-Real-IP $remote_addr;',
      '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      ...(sloppy ? [] : ['        proxy_set_header X-Forwarded-Proto $scheme;']),
      '        location / {',
      `            proxy_pass http://app${i}:3000;`,
      '        }',
      '        location /api/login {',
      '            limit_req zone=api burst=5 nodelay;',
      `            proxy_pass http://app${i}:3000;`,
      '        }',
      '    }',
    );
  }
  out.push('}');
  return out.join('\n') + '\n';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic random-looking string (what `openssl rand` or a password manager writes). */
export function randomish(seed: number, length: number, alphabet = ALPHABET): string {
  let x = (seed * 2654435761 + 1013904223) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

/** An env file of about `lines` lines mixing settings, distinct strong secrets and URLs. */
export function envFile(lines: number, opts: GenOptions = {}): string {
  const every = opts.findingsEvery ?? 10;
  const out = ['# generated for the benchmark'];
  for (let i = 0; out.length < lines; i++) {
    const sloppy = i % (every * 5) === every * 5 - 4;
    switch (i % 5) {
      case 0: out.push(`SETTING_${i}=value-${i}`); break;
      case 1: out.push(`SERVICE_${i}_PASSWORD=${sloppy ? 'changeme' : randomish(i, 24)}`); break;
      case 2: out.push(`JWT_SECRET_${i}=${randomish(i, 43, ALPHABET + '-_')}`); break;
      case 3: out.push(`DATABASE_URL_${i}=postgres://app:${randomish(i, 24)}@db:5432/app`); break;
      default: out.push(`# comment ${i}`);
    }
  }
  return out.join('\n') + '\n';
}
