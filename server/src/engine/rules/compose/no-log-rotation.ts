import type { Rule, FixSpec } from '../../types';
import { entryAt, type ComposeFile, type Service } from '../../parse/compose';
import { withDefaults } from '../../parse/interpolation';
import { inherits } from './support/extends';
import { asMap, scalarText } from '../../parse/compose-yaml';
import { addPair, addPairs } from './support/yaml-edit';
import { styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

const OPTIONS = { map: [['max-size', '"10m"'], ['max-file', '"3"']] as [string, string][] };

export const noLogRotation: Rule<ComposeContext> = {
  id: 'compose/no-log-rotation', language: 'compose', severity: 'info',
  title: 'Container logs not rotated',
  docs: {
    why: 'Docker\'s default `json-file` log driver keeps every line forever: a chatty or attacked service fills the disk and takes the host down (and old logs keep whatever secrets were logged). SEEN guide: log rotation configured (10 MB max, 3 files). Other drivers (`local`, `journald`, `syslog`, ...) rotate on their own and are not reported. If the Docker daemon already sets `log-opts` in daemon.json, turn this rule off.',
    bad: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2',
    good: 'services:\n  app:\n    image: ghcr.io/example/app:1.4.2\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"',
    fixSafety: 'The fix sets `json-file` options `max-size: 10m` and `max-file: "3"`. Only old log lines are dropped, so it is safe: "Fix all" and `--fix` apply it.',
    references: ['SEEN guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const doc = ctx.doc.doc;
    if (!doc) return;
    const style = styleOf(ctx.file, ctx.doc);
    for (const svc of servicesOf(ctx)) {
      const logging = svc.fields.get('logging');
      if (rotated(ctx.doc, svc)) continue;
      // Logging options of the service named in `extends` are this service's too.
      if (!logging && inherits(ctx, svc, (b) => b.svc.fields.has('logging') && rotated(b.file, b.svc)) !== 'no') continue;
      const title = 'Rotate logs: max-size 10m, max-file 3';
      let fix: FixSpec | undefined;
      const logMap = asMap(doc, logging?.value);
      const options = entryAt(ctx.doc, svc.map, ['logging', 'options']);
      const optMap = asMap(doc, options?.value);
      if (!logging && svc.map) {
        fix = { title, safe: true, edits: [addPair(ctx.file, svc.map, 'logging', { map: [['driver', 'json-file'], ['options', OPTIONS]] }, style)] };
      } else if (logMap && !options) {
        fix = { title, safe: true, edits: [addPair(ctx.file, logMap, 'options', OPTIONS, style)] };
      } else if (optMap) {
        const missing: [string, string][] = OPTIONS.map.filter(([k]) => !entryAt(ctx.doc, optMap, [k]));
        fix = { title, safe: true, edits: [addPairs(ctx.file, optMap, missing, style)] };
      }
      report({
        span: logging ? logging.keySpan : svc.keySpan,
        message: `Logs of service \`${svc.name}\` are never rotated (json-file without max-size): they can fill the disk.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** Another driver (`local`, `journald` ... rotate or ship on their own; `${LOG_DRIVER:-local}` by its default), or `max-size`. */
function rotated(file: ComposeFile, svc: Service): boolean {
  if (!file.doc) return false;
  let driver = scalarText(file.doc, entryAt(file, svc.map, ['logging', 'driver'])?.value)?.trim();
  if (driver?.includes('$')) driver = withDefaults(driver)?.trim() ?? 'unknown';
  if (driver && driver !== 'json-file') return true;
  return !!entryAt(file, svc.map, ['logging', 'options', 'max-size']);
}
