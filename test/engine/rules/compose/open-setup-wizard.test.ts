import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/open-setup-wizard';

describe(RULE, () => {
  it('reports WordPress published on all interfaces at the port (no variable closes its wizard)', () => {
    const text = 'services:\n  wordpress:\n    image: wordpress:latest\n    ports:\n      - 80:80\n    environment:\n      - WORDPRESS_DB_HOST=db\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:14']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /^WordPress \(service `wordpress`\) is published with its install wizard open/);
  });

  it('reports Nextcloud without an admin at its environment, where the variables go', () => {
    const text = 'services:\n  nc:\n    image: nextcloud:29-apache\n    ports:\n      - 80:80\n    environment:\n      - MYSQL_HOST=db\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['6:5-6:16']);
    assert.match(found[0].message, /Set NEXTCLOUD_ADMIN_USER and NEXTCLOUD_ADMIN_PASSWORD/);
  });

  it('does not report a wizard closed by env, an unpublished or loopback app, or an env_file that may close it', () => {
    const text = [
      'services:',
      '  nc:',
      '    image: nextcloud:29',
      '    ports: ["80:80"]',
      '    environment:',
      '      NEXTCLOUD_ADMIN_USER: admin',
      '      NEXTCLOUD_ADMIN_PASSWORD: ${NC_ADMIN_PASSWORD:?}',
      '  gitea:',
      '    image: gitea/gitea:1.22',
      '    ports: ["3000:3000"]',
      '    environment:',
      '      - GITEA__security__INSTALL_LOCK=true',
      '  wp:',
      '    image: wordpress:6',
      '  wp2:',
      '    image: wordpress:6',
      '    ports: ["127.0.0.1:8080:80"]',
      '  ghost:',
      '    image: ghost:5',
      '    ports: ["2368:2368"]',
      '    env_file: ghost.env',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('reports Gitea whose INSTALL_LOCK is false', () => {
    const text = 'services:\n  gitea:\n    image: gitea/gitea:1.22\n    ports: ["3000:3000"]\n    environment:\n      - GITEA__security__INSTALL_LOCK=false\n';
    assertRanges(run(text, RULE), RULE, ['5:5-5:16']);
  });

  it('fix (unsafe): keeps every published port on loopback until the install is done', () => {
    const text = 'services:\n  wordpress:\n    image: wordpress:6\n    ports:\n      - 80:80\n      - "8443:443"\n';
    assert.equal(fixed(text, RULE).text, 'services:\n  wordpress:\n    image: wordpress:6\n    ports:\n      - 127.0.0.1:80:80\n      - "127.0.0.1:8443:443"\n');
  });
});
