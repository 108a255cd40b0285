import * as fs from 'node:fs';
import * as path from 'node:path';

declare const DEPLOYLINT_VERSION: string | undefined;

/** The package version: inlined by the bundler, read from package.json when run from source. */
export function toolVersion(): string {
  if (typeof DEPLOYLINT_VERSION === 'string') return DEPLOYLINT_VERSION;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try { return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version; } catch { /* keep walking */ }
  }
  return '0.0.0';
}
