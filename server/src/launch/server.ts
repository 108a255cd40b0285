// `deploylint-language-server` (dist/server.js): turns the compile cache on, then loads the server
// bundle through it, so a new editor window starts its server without compiling it again.
import * as path from 'node:path';
import { enableCodeCache } from '../node/code-cache';

enableCodeCache(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.join(__dirname, 'server-main.js'));
