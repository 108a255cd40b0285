import * as assert from 'node:assert/strict';
import { generateNginx } from '../../server/src/generate';
import { languageOf } from '../../server/src/engine';
import { parseNginx, type NginxDirective } from '../../server/src/engine/parse/nginx';
import { nginxRules } from '../../server/src/engine/rules/nginx';
import { lint, rangeOf } from '../support/lint';
import { EXTRA_CASES, optionMatrix } from './matrix';

/**
 * ARCHITECTURE.md, Generator: the generated text has no finding of severity warning or above, linted by the engine with
 * `nginx.version` set to what it was generated for. Meaningful only as far as the nginx rules exist:
 * the rule count is in the test titles.
 */
describe('generate: output lints clean (no finding >= warning)', () => {
  for (const c of [...optionMatrix(), ...EXTRA_CASES]) {
    const file = c.options.fullConfig ? 'nginx/nginx.conf' : 'nginx/site.conf';
    it(`${c.name} (${nginxRules.length} nginx rules)`, () => {
      const text = generateNginx(c.options);
      assert.equal(languageOf(`/ws/${file}`, text), 'nginx', 'linted as an nginx file');
      const parsed = parseNginx(text);
      assert.deepEqual(parsed.errors, [], 'parses without errors');
      assert.equal(countServers(parsed.directives), 2, 'the parser sees both server blocks');
      const found = lint({ [file]: text }, file, undefined, { nginx: { version: c.options.nginxVersion ?? '1.26' } });
      const loud = found.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(loud.map((f) => `${f.rule} ${f.severity} ${rangeOf(f)}: ${f.message}`), []);
    });
  }
});

function countServers(ds: NginxDirective[]): number {
  return ds.reduce((n, d) => n + (d.name === 'server' && d.block ? 1 : 0) + countServers(d.block ?? []), 0);
}
