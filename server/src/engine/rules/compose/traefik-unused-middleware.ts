import type { Rule } from '../../types';
import { composeFilesIn, composeOf } from '../../project/compose-project';
import { dirname } from '../../paths';
import { labelsOf, type Label } from './support/labels';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import type { ComposeFile } from '../../parse/compose';

const HEADERS = /^traefik\.http\.middlewares\.([^.]+)\.headers\./i;
/** Where middlewares are attached: routers, chains, and entrypoints (Traefik's own flags or labels). */
const USES = /^traefik\.http\.(routers\.[^.]+|middlewares\.[^.]+\.chain)\.middlewares$/i;
const ENTRYPOINT_FLAG = /--entrypoints\.[^.=\s]+\.http\.middlewares[=\s]+(\S+)/gi;

export const traefikUnusedMiddleware: Rule<ComposeContext> = {
  id: 'compose/traefik-unused-middleware', language: 'compose', severity: 'info',
  title: 'Traefik headers middleware attached to no router',
  docs: {
    why: [
      'A `traefik.http.middlewares.<name>.headers.*` middleware (HSTS, nosniff, frame options ...) is defined in labels, but no router, chain or entrypoint of the project lists it in `middlewares`: Traefik never sends those headers. It is usually a router that names another middleware (`middlewares=app-stripprefix`) and forgot this one.',
      'Add the name to the router\'s `middlewares` list (comma-separated). Reported at info: labels are the user\'s own wiring, and a router in a Traefik file provider this workspace does not show may use it.',
    ].join('\n'),
    references: ['https://doc.traefik.io/traefik/middlewares/http/headers/'],
  },
  fixable: false,
  check(ctx) {
    const report = reportOnce(ctx);
    const defined = new Map<string, Label>();
    for (const svc of servicesOf(ctx)) {
      for (const l of labelsOf(ctx.doc.doc, svc)) {
        const m = HEADERS.exec(l.key);
        if (m && !defined.has(m[1])) defined.set(m[1], l);
      }
    }
    if (!defined.size) return;
    // Routers in the project's other compose files (overrides) may attach it.
    const files = [ctx.doc, ...composeFilesIn(ctx.workspace, dirname(ctx.file.path)).filter((p) => p !== ctx.file.path).map((p) => composeOf(ctx.workspace, p))];
    const used = new Set<string>();
    for (const f of files) if (f) usedMiddlewares(f, used);
    for (const [name, label] of defined) {
      if (used.has(name)) continue;
      report({ span: label.span, message: `The Traefik headers middleware \`${name}\` is defined but no router, chain or entrypoint uses it: its headers are never sent. Add it to the router's \`middlewares\`.` });
    }
  },
};

function usedMiddlewares(file: ComposeFile, used: Set<string>): void {
  const add = (list: string) => { for (const n of list.split(',')) used.add(n.trim().replace(/@.*$/, '')); };
  for (const svc of file.services) {
    for (const l of labelsOf(file.doc, svc)) if (USES.test(l.key)) add(l.value);
    const flags = `${svc.command?.text ?? ''} ${svc.entrypoint?.text ?? ''}`;
    for (const m of flags.matchAll(ENTRYPOINT_FLAG)) add(m[1]);
  }
}
