/** Deterministic generated inputs for the benchmark: realistic shapes, any size. */

const DATASTORES = ['postgres:16', 'redis:7', 'mongo:7', 'mariadb:11', 'valkey/valkey:8'];

/** A compose file of about `lines` lines: app services and datastores with ports, env, volumes. */
export function composeFile(lines: number): string {
  const out = ['# generated for the benchmark', 'services:'];
  for (let i = 0; out.length < lines - 3; i++) {
    const ds = i % 4 === 3;
    out.push(`  svc${i}:`);
    out.push(`    image: ${ds ? DATASTORES[i % DATASTORES.length] : `ghcr.io/example/app${i}:1.${i % 10}`}`);
    out.push('    restart: unless-stopped');
    out.push('    environment:');
    out.push(`      LOG_LEVEL: info`);
    out.push(`      DATABASE_URL: postgres://app:\${DB_PASSWORD}@svc${i}:5432/app`);
    out.push(`      API_TOKEN: \${API_TOKEN_${i}}`);
    out.push('    ports:');
    out.push(`      - "${ds ? '' : '127.0.0.1:'}${10000 + i}:${ds ? 5432 : 3000}"`);
    out.push('    volumes:');
    out.push(`      - ./data/svc${i}:/data`);
    out.push('    security_opt:');
    out.push('      - no-new-privileges:true');
  }
  out.push('volumes:', '  data: {}');
  return out.join('\n') + '\n';
}

/** An nginx config of about `lines` lines: many TLS servers with headers and locations. */
export function nginxFile(lines: number): string {
  const out = ['# generated for the benchmark', 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;'];
  for (let i = 0; out.length < lines - 2; i++) {
    out.push(
      'server {',
      '    listen 443 ssl;',
      '    http2 on;',
      `    server_name site${i}.example.com;`,
      `    ssl_certificate /etc/ssl/site${i}.pem;`,
      `    ssl_certificate_key /etc/ssl/site${i}.key;`,
      '    ssl_protocols TLSv1.2 TLSv1.3;',
      '    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
      '    add_header X-Content-Type-Options "nosniff" always;',
      '    add_header X-Frame-Options "DENY" always;',
      '    location / {',
      `        proxy_pass http://app${i}:3000;`,
      '        proxy_set_header Host $host;',
      '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      '    }',
      '    location /api/login {',
      '        limit_req zone=api burst=5 nodelay;',
      `        proxy_pass http://app${i}:3000;`,
      '    }',
      '}',
    );
  }
  return out.join('\n') + '\n';
}

/** An env file of about `lines` lines mixing settings, secrets and URLs. */
export function envFile(lines: number): string {
  const out = ['# generated for the benchmark'];
  for (let i = 0; out.length < lines; i++) {
    switch (i % 5) {
      case 0: out.push(`SETTING_${i}=value-${i}`); break;
      case 1: out.push(`SERVICE_${i}_PASSWORD=Zq${(i * 7919).toString(36)}Lm3Xc9Vb2Nn8Rt5Yw1`); break;
      case 2: out.push(`JWT_SECRET_${i}=${'ab12cd34ef56'.repeat(6)}`); break;
      case 3: out.push(`DATABASE_URL_${i}=postgres://app:pw${i}Xy7Lq2Mm9Pz4Kk1Tt@db:5432/app`); break;
      default: out.push(`# comment ${i}`);
    }
  }
  return out.join('\n') + '\n';
}
