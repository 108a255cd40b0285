import type { Span } from '../types';
import { answersOf, blockLabel, type Answer } from './answers';
import type { HeaderEntry } from './headers';
import type { NginxView } from './rule-context';
import { anchorIn, childrenNamed, type ConfNode } from './tree';

/**
 * Where a server leaves a header out, split by who answers there: the locations nginx answers
 * itself (files), where the gap is real, and the ones that pass to an app, which may send the
 * header itself (nginx cannot see that). Only a gap of the server level is one: a location that
 * drops the server's header with an `add_header` of its own is nginx/header-inheritance's finding.
 */
export interface HeaderGap {
  files: Answer[];
  app: Answer[];
  /** Where the finding goes in the linted file. */
  span: Span;
  /** Other places of the gap in the linted file (the files locations past the first). */
  related: { span: Span; label: string }[];
  /** The finding names the server (it serves its own root, or only files); else its first files location. */
  atServer: boolean;
}

export function headerGap(view: NginxView, server: ConfNode, lacks: (effective: readonly HeaderEntry[]) => boolean): HeaderGap | undefined {
  if (!lacks(view.headers.at(server).effective)) return undefined;
  let answers = answersOf(server, (inc) => view.cfg.unresolved.includes(inc));
  if (!answers.length) answers = [{ block: server, kind: 'files' }];
  const lacking = answers.filter((a) => lacks(view.headers.at(a.block).effective));
  if (!lacking.length) return undefined;
  const files = lacking.filter((a) => a.kind === 'files');
  const app = lacking.filter((a) => a.kind === 'app');
  // A server that serves its own root (a static site, an SPA with an API location) is the place to name; in
  // a proxy whose only files are, say, an uploads folder, that location is.
  const anchorAtServer = !app.length || files.some((a) => a.block === server) || childrenNamed(server, 'root').length > 0;
  const spots = files.filter((a) => a.block !== server).map((a) => ({ span: headSpan(view, a.block), label: blockLabel(a.block) }))
    .filter((x): x is { span: Span; label: string } => !!x.span);
  const first = !anchorAtServer && files.length ? spots.shift() : undefined;
  return { files, app, span: first?.span ?? server.d.nameSpan, related: spots, atServer: !first };
}

/** "location /, location /assets/" (at most three, then "and N more"). */
export function listBlocks(answers: readonly Answer[]): string {
  const names = answers.map((a) => blockLabel(a.block));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

/** `location /system/` (keyword and arguments) in the linted file, or the include that brings it in. */
function headSpan(view: NginxView, n: ConfNode): Span | undefined {
  const a = anchorIn(n, view.file.path);
  if (!a) return undefined;
  if (a !== n) return a.d.span;
  const last = n.args[n.args.length - 1];
  return { start: n.d.nameSpan.start, end: (last ? last.span : n.d.nameSpan).end };
}
