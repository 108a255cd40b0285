// Writes docs/rules/<id>.md for every rule and docs/rules/README.md (the catalogue) from rule metadata.
// `npm run docs` writes them; the docs test fails when they are out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/engine/rules';
import type { AnyRule } from '../server/src/engine/context';

const ROOT = path.join(__dirname, '..', 'docs', 'rules');
/** Code-fence language of each file kind's examples. */
const LANG: Record<AnyRule['language'], string> = { compose: 'yaml', nginx: 'nginx', env: 'dotenv' };

export function rulePage(r: AnyRule): string {
  const d = r.docs;
  const lines = [
    `# ${r.id}`, '',
    `${r.title}.`, '',
    `- Language: ${r.language}`,
    `- Default severity: ${r.severity}`,
    `- Fix: ${r.fixable ? 'yes' : 'no automatic fix'}`,
    '', '## Why', '', d.why.trim(), '',
  ];
  if (d.bad || d.good) {
    const lang = LANG[r.language];
    lines.push('## Example', '');
    if (d.bad) lines.push('Reported:', '', '```' + lang, d.bad.trim(), '```', '');
    if (d.good) lines.push('Not reported:', '', '```' + lang, d.good.trim(), '```', '');
  }
  lines.push('## Fix', '', r.fixable ? 'An automatic fix is offered.' : 'No automatic fix.');
  if (d.fixSafety) lines.push('', d.fixSafety.trim());
  lines.push('');
  if (d.references?.length) lines.push('## References', '', ...d.references.map((s) => `- ${s}`), '');
  lines.push(
    '## Configure', '',
    'In `.deploylint.yaml` or the `deploylint.rules` setting:', '',
    '```yaml', 'rules:', `  ${r.id}: off   # or error | warning | info | hint`, '```', '',
    'For one line: `# deploylint-disable-next-line ' + r.id + ' -- reason`', '',
  );
  return lines.join('\n');
}

export function catalogue(rules: AnyRule[]): string {
  const out = ['# deploylint rules', '', '| id | severity | fix | what it reports |', '|---|---|---|---|'];
  for (const r of rules) out.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.title.replace(/\|/g, '\\|')} |`);
  return out.join('\n') + '\n';
}

export function expectedDocs(): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of allRules()) m.set(path.join(ROOT, `${r.id}.md`), rulePage(r));
  m.set(path.join(ROOT, 'README.md'), catalogue(allRules()));
  return m;
}

if (require.main === module) {
  fs.rmSync(ROOT, { recursive: true, force: true });
  for (const [file, text] of expectedDocs()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  console.log(`wrote ${allRules().length} rule pages to docs/rules/`);
}
