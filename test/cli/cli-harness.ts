import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';

/** A temp folder with files; `cli(...)` runs the CLI in-process with that folder as cwd. */
export function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-cli-'));
  for (const [p, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
  return dir;
}

export function cli(cwd: string, ...argv: string[]): { code: number; stdout: string; stderr: string } {
  const prev = process.cwd();
  let stdout = '', stderr = '';
  process.chdir(cwd);
  try {
    const code = run(argv, (s) => { stdout += s; }, (s) => { stderr += s; });
    return { code, stdout, stderr };
  } finally {
    process.chdir(prev);
  }
}
