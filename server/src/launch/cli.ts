// `deploylint` (dist/cli.js): a few lines that turn the compile cache on, then load the CLI bundle
// through it (ARCHITECTURE.md, Performance).
import * as path from 'node:path';
import { enableCodeCache } from '../node/code-cache';

enableCodeCache(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require(path.join(__dirname, 'cli-main.js')) as typeof import('../cli/main')).main();
