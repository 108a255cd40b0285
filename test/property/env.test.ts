import { languageProperties } from './properties';

describe('property: env parser and every env rule', function () {
  this.timeout(120_000);
  languageProperties('env', [
    'DB_PASSWORD=', 'JWT_SECRET=', 'POSTGRES_PASSWORD=', 'API_KEY=', 'export ', '=', '"', "'", '`', '${A}', '$A', '$(cmd)',
    'postgres://u:p@h/db', 'redis://:pw@redis:6379', 'changeme', 'minioadmin', '# comment', '\\', 'KEY', ' ', 'DEBUG=true',
    'sk_live_0123456789abcdefghijklmn', 'NODE_TLS_REJECT_UNAUTHORIZED=0', '"""', "'multi\nline'",
  ]);
});
