import type { Rule } from '../../types';
import { removeItem } from './support/yaml-edit';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';

const DISABLING = /^(seccomp|apparmor)\s*[:=]\s*unconfined$|^label\s*[:=]\s*disable$|^systempaths\s*[:=]\s*unconfined$/i;

export const securityOptDisabled: Rule<ComposeContext> = {
  id: 'compose/security-opt-disabled', language: 'compose', severity: 'error',
  title: 'Kernel confinement turned off',
  description: '`seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (SELinux) or `systempaths=unconfined` switch off the profiles that block most container-escape techniques. If a syscall is missing, write a custom seccomp profile that allows just that one.',
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    for (const svc of servicesOf(ctx)) {
      for (const opt of svc.securityOpt) {
        if (!DISABLING.test(opt.text.trim())) continue;
        report({
          span: opt.span,
          message: `Service \`${svc.name}\` sets \`${opt.text.trim()}\`, turning off a kernel protection against container escapes.`,
          fixes: [{ title: 'Remove this security_opt entry', safe: false, edits: [removeItem(ctx.file, opt.seq, opt.index, svc.fields.get('security_opt'))] }],
        });
      }
    }
  },
};
