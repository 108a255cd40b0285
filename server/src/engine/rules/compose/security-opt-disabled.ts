import type { Rule } from '../../types';
import { removeItem } from './support/yaml-edit';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { socketMounts } from './docker-socket';
import { projectLookup } from '../../project/compose-project';

const DISABLING = /^(seccomp|apparmor)\s*[:=]\s*unconfined$|^label\s*[:=]\s*disable$|^systempaths\s*[:=]\s*unconfined$/i;

export const securityOptDisabled: Rule<ComposeContext> = {
  id: 'compose/security-opt-disabled', language: 'compose', severity: 'error',
  title: 'Kernel confinement turned off',
  docs: {
    why: '`seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (SELinux) or `systempaths=unconfined` switch off the profiles that block most container-escape techniques. If a syscall is missing, write a custom seccomp profile that allows just that one. `label:disable` on a service that mounts the Docker socket is what SELinux hosts need for that mount: the socket is the problem, reported once by compose/docker-socket.',
    fixSafety: 'The fix removes the `security_opt` entry. A service that needs a blocked syscall stops working, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    const socketRuleOn = ctx.config.rules['compose/docker-socket'] !== 'off';
    for (const svc of servicesOf(ctx)) {
      // SELinux blocks a container from the runtime socket unless labels are off: with the socket mounted,
      // `label=disable` is part of that one problem, which compose/docker-socket reports (ARCHITECTURE.md, Precision).
      const socket = socketRuleOn && socketMounts(svc, lookup).length > 0;
      for (const opt of svc.securityOpt) {
        if (!DISABLING.test(opt.text.trim())) continue;
        if (socket && /^label\s*[:=]\s*disable$/i.test(opt.text.trim())) continue;
        report({
          span: opt.span,
          message: `Service \`${svc.name}\` sets \`${opt.text.trim()}\`, turning off a kernel protection against container escapes.`,
          fixes: [{ title: 'Remove this security_opt entry', safe: false, edits: [removeItem(ctx.file, opt.seq, opt.index, svc.fields.get('security_opt'))] }],
        });
      }
    }
  },
};
