import type { Finding, Severity } from '../engine/types';
import type { AnyRule } from '../engine/context';
import { docsUrl } from '../engine/rules';
import type { Workspace } from '../engine/workspace';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }

function region(r: Finding['range']): Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** GitHub code scanning ranks alerts by this (critical >= 9, high >= 7, medium >= 4, low below). */
/** The rule's why, then what its fix does and whether `--fix` applies it. */
function help(r: AnyRule): string {
  return r.docs.fixSafety ? `${r.docs.why}\n\n${r.docs.fixSafety}` : r.docs.why;
}

const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0', hint: '2.0' };

/**
 * SARIF 2.1.0 with the rule catalogue as reportingDescriptors and each finding's fixes as SARIF
 * fixes. `fingerprints[i]` (rule, file and line content) keeps an alert the same alert when lines
 * move; findings a baseline accepted are kept as results with an external suppression.
 */
export function formatSarif(version: string, rules: AnyRule[], findings: Finding[], rel: (p: string) => string, ws: Workspace,
  fingerprints: string[], suppressed: ReadonlySet<number> = new Set()): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const loc = (file: string) => ({ uri: encodeURI(rel(file)), uriBaseId: '%SRCROOT%' });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'deploylint', version, semanticVersion: version,
          informationUri: 'https://github.com/deploylint/deploylint',
          rules: rules.map((r) => ({
            id: r.id, name: r.id.replace(/^.*\//, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
            shortDescription: { text: r.title },
            fullDescription: { text: r.docs.why },
            helpUri: docsUrl(r.id),
            help: { text: help(r), markdown: help(r) },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { tags: ['security', r.language], 'security-severity': SECURITY_SEVERITY[r.severity], fixable: r.fixable },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(process.cwd().split('\\').join('/').replace(/\/?$/, '/')) } },
      results: findings.map((f, i) => ({
        ruleId: f.rule,
        ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: loc(f.file), region: region(f.range) } }],
        partialFingerprints: { 'deploylintFingerprint/v1': fingerprints[i] },
        ...(suppressed.has(i) ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'recorded in the deploylint baseline' }] } : {}),
        ...(f.related?.length ? {
          relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: loc(r.file), region: region(r.range) } })),
        } : {}),
        ...(f.fixes.some((x) => x.edits.length && !x.sensitive) ? {
          fixes: f.fixes.filter((x) => x.edits.length && !x.sensitive).map((x) => ({
            description: { text: x.title + (x.safe ? '' : ' (changes behaviour: review)') },
            artifactChanges: groupByFile(x.edits).map(([file, edits]) => ({
              artifactLocation: loc(file),
              replacements: edits.map((e) => ({
                deletedRegion: ws.exists(file) ? { charOffset: e.start, charLength: e.end - e.start } : { charOffset: 0, charLength: 0 },
                insertedContent: { text: e.newText },
              })),
            })),
          })),
        } : {}),
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function groupByFile<E extends { file: string }>(edits: E[]): [string, E[]][] {
  const m = new Map<string, E[]>();
  for (const e of edits) m.set(e.file, [...(m.get(e.file) ?? []), e]);
  return [...m];
}
