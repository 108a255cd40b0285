import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import { composeSchema, generatedFiles } from '../../../scripts/gen-compose-validator';
import { findUnknownKeys } from '../../../server/src/engine/compose-schema/validate';

describe('compose-schema/validate', () => {
  it('the generated validator is current (run `npm run gen:compose-validator`)', () => {
    for (const [file, text] of generatedFiles()) {
      assert.ok(fs.existsSync(file), `${file} is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), text, `${file} is out of date`);
    }
  });

  it('reports what the schema compiled at run time reports', () => {
    const data = {
      servics: {}, 'x-ok': 1,
      services: {
        app: {
          image: 'x', securty_opt: [], deploy: { resources: { limits: { memry: 1 } } },
          ports: [{ target: 1, 'host-ip': '127.0.0.1' }], networks: { n: { aliasez: [] } }, build: { context: '.', dockerfil: 'x' },
        },
        'bad name!': { image: 'y' },
      },
      volumes: { v: { drivr: 'local' } },
    };
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true });
    const validate = ajv.compile(composeSchema());
    assert.equal(validate(data), false);
    const expected = new Map<string, string[]>();
    for (const e of validate.errors ?? []) {
      if (e.keyword !== 'additionalProperties') continue;
      const id = `${e.instancePath}/${String(e.params.additionalProperty)}`;
      if (!expected.has(id)) expected.set(id, Object.keys(e.parentSchema?.properties ?? {}));
    }
    const found = findUnknownKeys(data);
    assert.deepEqual(new Map(found.map((u) => [['', ...u.path, u.key].join('/'), u.allowed])), expected);
    assert.ok(found.some((u) => u.key === 'securty_opt' && u.allowed.includes('security_opt')));
    assert.equal(found.length, 8);
  });
});
