import type { Rule } from '../../types';
import { innerSpan } from '../../parse/compose-yaml';
import { scanInterpolation } from '../../parse/interpolation';
import { looksRandom } from '../../secrets/strength';
import { credentialKind, judge } from './support/secrets';
import { isTemplateFile } from '../../files';
import { requireFix } from './weak-secret';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

export const committedDefaultSecret: Rule<ComposeContext> = {
  id: 'compose/committed-default-secret', language: 'compose', severity: 'error',
  title: 'Random-looking secret committed as a default',
  docs: {
    why: [
      'A credential\'s `${VAR:-default}` holds a value that looks generated (`${JWT_SECRET:-haEae1...}`). It is strong, but it is public: everyone who reads the repository has it, and every deployment whose `.env` does not set the variable signs tokens or encrypts data with that published key.',
      'Weak defaults (`changeme`) are compose/weak-secret\'s; literal values are compose/hardcoded-secret\'s. In a template the finding is info.',
      'Fluxbase guide: generate the JWT secret per deployment (`openssl rand -base64 32`).',
    ].join('\n'),
    fixSafety: 'The fix makes the variable required (`${VAR:?VAR must be set}`), so compose refuses to start without a value of the deployment\'s own. It changes how the stack starts, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Fluxbase guide', 'SEEN guide'],
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const template = isTemplateFile(ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      for (const env of svc.environment) {
        if (env.value === undefined || !env.interpolated) continue;
        const shift = env.form === 'list' ? env.key.length + 1 : 0;
        for (const ref of scanInterpolation(env.value)) {
          if ((ref.operator !== ':-' && ref.operator !== '-') || !ref.arg || ref.arg.includes('$')) continue;
          const name = credentialKind(env.key) ? env.key : credentialKind(ref.name) ? ref.name : undefined;
          const value = ref.arg.trim();
          // Weak values are weak-secret's finding: one problem, one finding.
          if (!name || !looksRandom(value) || judge(name, value, ctx.config.secrets, false)) continue;
          const argAt = innerSpan(ctx.file.text, env.node, ref.argSpan!.start + shift, ref.argSpan!.end + shift);
          const refAt = innerSpan(ctx.file.text, env.node, ref.span.start + shift, ref.span.end + shift);
          report({
            span: argAt.exact ? argAt.span : env.valueSpan,
            severity: template ? 'info' : undefined,
            message: `The default of \${${ref.name}} for \`${env.key}\` (service \`${svc.name}\`) is a generated-looking secret committed to the file: every deployment whose .env lacks ${ref.name} uses this public value. Require the variable instead.`,
            fixes: [requireFix(env, ref.name, ref.span, refAt)],
          });
        }
      }
    }
  },
};
