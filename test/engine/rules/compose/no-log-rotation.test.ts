import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/no-log-rotation';

describe(RULE, () => {
  it('reports default logging at the service key and json-file without max-size at `logging`', () => {
    const text = 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n    logging:\n      driver: json-file\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:4', '6:5-6:12']);
  });

  it('does not report max-size, other drivers, or logging from an x- anchor', () => {
    const text = 'x-logging: &log\n  driver: json-file\n  options: { max-size: "10m" }\nservices:\n  a:\n    image: x:1\n    logging: *log\n  b:\n    image: x:1\n    logging:\n      driver: journald\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (safe): adds logging with rotation', () => {
    const [f] = run('services:\n  a:\n    image: x:1\n', RULE);
    assert.equal(f.fixes[0].safe, true);
    assert.equal(fixed('services:\n  a:\n    image: x:1\n', RULE).text, 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n');
  });

  it('fix: completes existing options, block and flow', () => {
    assert.equal(
      fixed('services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n', RULE).text,
      'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n        max-size: "10m"\n');
    assert.equal(
      fixed('services:\n  a:\n    image: x:1\n    logging: { driver: json-file }\n', RULE).text,
      'services:\n  a:\n    image: x:1\n    logging: { driver: json-file, options: { max-size: "10m", max-file: "3" } }\n');
  });

  it('reads a driver in a variable by its default, and logging of the service named in extends', () => {
    const text = [
      'services:',
      '  a:',
      '    image: x:1',
      '    logging:',
      '      driver: ${LOG_DRIVER:-local}',
      '  b:',
      '    image: x:1',
      '    logging:',
      '      driver: ${LOG_DRIVER:-json-file}',
      '  c:',
      '    extends: a',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['8:5-8:12']);
  });
});
