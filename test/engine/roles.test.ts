import * as assert from 'node:assert/strict';
import { roleOf, type Role } from '../../server/src/engine/roles';
import { findMarkup } from '../../server/src/engine/markup';
import { DEFAULT_CONFIG, parseConfigFile, ConfigError, type RolesConfig } from '../../server/src/engine/config';
import type { Language } from '../../server/src/engine/types';

const COMPOSE = 'services:\n  db:\n    image: postgres:16\n';
const roles = (r: Partial<RolesConfig> = {}): RolesConfig => ({ ...DEFAULT_CONFIG.roles, root: '/repo', ...r });

function role(path: string, text = COMPOSE, kind: Language = 'compose', r?: Partial<RolesConfig>) {
  return roleOf(path, text, kind, roles(r), findMarkup(text, kind === 'nginx'));
}
function roleName(path: string, text?: string, kind?: Language, r?: Partial<RolesConfig>): Role { return role(path, text, kind, r).role; }

describe('engine/roles: what a file is for (ARCHITECTURE.md, Precision)', () => {
  describe('from the config (roles: globs)', () => {
    it('a glob of the team config decides first, relative to the config folder; a glob without / matches the name anywhere', () => {
      const r = { base: '/repo', globs: { test: ['deploy/smoke/**'], production: ['examples/**'], development: ['*.sandbox.yml'] } };
      assert.deepEqual(role('/repo/deploy/smoke/docker-compose.yml', COMPOSE, 'compose', r), { role: 'test', source: 'config', reason: 'roles.test glob "deploy/smoke/**"' });
      assert.equal(roleName('/repo/a/b/compose.sandbox.yml', COMPOSE, 'compose', r), 'development');
      // Above the path guess: a `tests/` folder the team declares production.
      assert.equal(roleName('/repo/examples/tests/docker-compose.yml', COMPOSE, 'compose', r), 'production');
    });

    it('files no glob matches fall through to the other sources', () => {
      const r = { base: '/repo', globs: { test: ['deploy/smoke/**'] } };
      assert.equal(role('/repo/deploy/prod/docker-compose.yml', COMPOSE, 'compose', r).source, 'default');
      assert.equal(role('/other/deploy/smoke/docker-compose.yml', COMPOSE, 'compose', { ...r, root: '/other' }).source, 'default', 'outside the config folder');
    });

    it('reads roles: and lintTestFiles from .deploylint.yaml and rejects bad shapes, naming the key', () => {
      assert.deepEqual(parseConfigFile('roles:\n  test: ["ci/**"]\n  template: "*.tpl.yml"\nlintTestFiles: true\n').roles, { lintTestFiles: true, globs: { test: ['ci/**'], template: ['*.tpl.yml'] } });
      assert.throws(() => parseConfigFile('roles:\n  staging: ["x"]\n'), (e: Error) => e instanceof ConfigError && /roles\.staging/.test(e.message));
      assert.throws(() => parseConfigFile('roles:\n  test: 3\n'), /roles\.test/);
      assert.throws(() => parseConfigFile('lintTestFiles: yes please\n'), /lintTestFiles/);
    });
  });

  describe('from a header comment', () => {
    it('"CI", "for development", "not for production", "copy this file to .env"', () => {
      assert.deepEqual(role('/repo/docker/stack.yml', '# WARNING: This is a CI docker-compose file used for building and testing, it should not be used for production.\n' + COMPOSE),
        { role: 'test', source: 'header', reason: 'header comment "CI"' });
      assert.equal(roleName('/repo/stack.yml', '# WARNING: This is a DEVELOPMENT docker-compose file, it should not be used for production.\n' + COMPOSE), 'development');
      assert.equal(roleName('/repo/stack.yml', '# Not for production: throwaway passwords\n' + COMPOSE), 'development');
      assert.equal(roleName('/repo/settings', '# Copy this file to .env and fill in the secrets\nDB_PASSWORD=\n', 'env'), 'template');
      assert.equal(roleName('/repo/x.env', '### Shared Playwright conf test file ###\nENV=test\n', 'env'), 'test');
    });

    it('ordinary comments say nothing: production', () => {
      for (const head of ['# Production stack for example.org\n', '# Docs: https://docs.ci.example/setup\n', '# See the development guide for details\n', '# services for ci-cd pipelines? no: deploy\n']) {
        assert.equal(roleName('/repo/docker-compose.yml', head + COMPOSE), 'production', head);
      }
      // A header deep in the file is not a header.
      assert.equal(roleName('/repo/docker-compose.yml', COMPOSE + '\n'.repeat(20) + '# not for production\n'), 'production');
    });
  });

  describe('from templating markup', () => {
    it('Jinja/Ansible, Liquid and gomplate markup make a rendered template', () => {
      const jinja = role('/repo/roles/lemmy/docker-compose.yml', 'services:\n  lemmy:\n    image: {{ lemmy_image }}\n{% if x %}\n    user: "1000"\n{% endif %}\n');
      assert.deepEqual(jinja, { role: 'template', source: 'markup', reason: 'Jinja/Liquid markup: rendered before use', rendered: true });
      assert.equal(role('/repo/web/defaults/meet.conf', 'server {\n{{ if .Env.ENABLE_X }}\n  listen 80;\n{{ end }}\n}\n', 'nginx').reason, 'Go template markup: rendered before use');
      assert.equal(role('/repo/VITE.env', 'VITE_BASEPATH={{ .Base }}\n', 'env').role, 'template');
      assert.equal(role('/repo/x/site.conf.j2', 'server { listen 80; }\n', 'nginx').source, 'markup', '*.j2 without tags yet');
    });

    it('{{ }} inside a compose command (docker --format) or a ${VAR} is not markup', () => {
      const text = 'services:\n  mon:\n    image: docker:27\n    command: ["docker", "ps", "--format", "{{.Names}}"]\n    healthcheck:\n      test: docker inspect --format \'{{.State.Health.Status}}\' x\n    environment:\n      TAG: ${TAG:-1.0}\n';
      assert.equal(role('/repo/docker-compose.yml', text).role, 'production');
    });
  });

  describe('from the path', () => {
    it('test: test/ tests/ e2e/ ci/ fixtures/ playwright/ cypress/ .github/ internal/suites/, and names like docker-compose.ci.yml, .env.test, test-nginx.conf', () => {
      for (const p of ['/repo/test/docker-compose.yml', '/repo/tests/x/compose.yaml', '/repo/e2e/compose.yml', '/repo/ci/compose.yml', '/repo/fixtures/a/compose.yml',
        '/repo/playwright/docker-compose.yml', '/repo/cypress/compose.yml', '/repo/.github/compose.yml', '/repo/internal/suites/Standalone/compose.yml',
        '/repo/docker/docker-compose.ci.yml', '/repo/docker-compose-ci.yml', '/repo/stack.ci-test.yml', '/repo/.env.test', '/repo/test.env', '/repo/ci.env', '/repo/test-nginx.conf']) {
        assert.equal(roleName(p), 'test', p);
      }
    });

    it('development: .devcontainer/, dev/develop/development/local as a word of the name', () => {
      for (const p of ['/repo/.devcontainer/docker-compose.yml', '/repo/docker-compose.dev.yml', '/repo/dev.env', '/repo/.env.development', '/repo/.env.local', '/repo/examples/local/compose.yml', '/repo/demo-setups/relay-compose.yaml']) {
        assert.equal(roleName(p), 'development', p);
      }
    });

    it('template: .env.example, *.sample, *.template, *.dist, example.env; envsubst nginx templates are rendered ones', () => {
      for (const p of ['/repo/.env.example', '/repo/env.example', '/repo/example.env', '/repo/site.conf.sample', '/repo/compose.dist.yml', '/repo/docker-compose.yml.template']) {
        assert.equal(roleName(p), 'template', p);
      }
      assert.deepEqual(role('/repo/nginx/templates/default.conf.template', 'server { listen 80; }\n', 'nginx'),
        { role: 'template', source: 'path', reason: 'an envsubst template: rendered at container start', rendered: true });
      assert.equal(role('/repo/site.conf.sample', 'server { listen 80; }\n', 'nginx').rendered, undefined, 'a sample is copied, not rendered');
    });

    it('production: everything else, words inside words, folders above the project root, example.com sites, .env.production.local', () => {
      for (const p of ['/repo/docker-compose.yml', '/repo/latest.compose.yml', '/repo/contest/compose.yml', '/repo/devices/compose.yml', '/repo/democracy/compose.yml', '/repo/examples/compose.yml',
        '/repo/conf.d/example.com.conf', '/repo/.env.production.local', '/repo/.env.production', '/repo/deploy/prod/compose.yml']) {
        assert.equal(roleName(p, p.endsWith('.conf') ? 'server { listen 80; }\n' : COMPOSE, p.endsWith('.conf') ? 'nginx' : 'compose'), 'production', p);
      }
      // The project lives in a folder named `ci` or `tests` on this machine: only what is below the root counts.
      assert.equal(roleName('/home/ci/tests/app/docker-compose.yml', COMPOSE, 'compose', { root: '/home/ci/tests/app' }), 'production');
    });
  });

  it('sources are tried in order: config, header, markup, path', () => {
    const ciHeader = '# CI only\n';
    assert.equal(role('/repo/docker-compose.dev.yml', ciHeader + COMPOSE, 'compose', { base: '/repo', globs: { production: ['docker-compose.dev.yml'] } }).source, 'config');
    assert.equal(role('/repo/docker-compose.dev.yml', ciHeader + COMPOSE).role, 'test', 'the header beats the name');
    assert.equal(role('/repo/tests/docker-compose.yml', 'services:\n  a:\n    image: {{ img }}\n').source, 'markup', 'markup beats the path');
  });
});
