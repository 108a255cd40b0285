/**
 * Node's on-disk compile cache (`module.enableCompileCache`, Node >= 22.1): a fresh CLI process then
 * reuses the code compiled by the last run for what it loads from here on (the compose validator,
 * the zxcvbn dictionaries). Absent on Node 20, where this does nothing; NODE_DISABLE_COMPILE_CACHE=1
 * turns it off.
 */
import * as nodeModule from 'node:module';

const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enable === 'function') {
  try { enable(); } catch { /* a cache directory that cannot be written costs speed, never the run */ }
}
