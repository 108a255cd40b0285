/**
 * A compile cache for our own bundles, so a fresh process (every CI and pre-commit run) does not
 * parse and compile a megabyte of JavaScript again.
 *
 * On Node >= 22.1 this is Node's own on-disk cache (`module.enableCompileCache`). Node 20 has none,
 * so there the bundles in `bundleDir` are compiled through `vm.Script` with V8's code cache:
 * read from a file when one exists, written when the process exits otherwise. It is written at exit
 * rather than at compile time because V8 compiles functions lazily: by then the cache holds every
 * function this run needed, not only the top level. (v8-compile-cache does the latter, and hashes
 * each file with node:crypto, which alone costs a fresh process about 10 ms.)
 *
 * The cache is a speed-up, never a requirement: any failure falls back to Node's normal loading.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's.
 */
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface Compilable { _compile: (this: Compilable, content: string, filename: string) => unknown }
type Wrapper = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;

export function enableCodeCache(bundleDir: string): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const nodeCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof nodeCache === 'function') {
    try { nodeCache(); } catch { /* an unwritable cache directory costs speed, never the run */ }
    return;
  }
  const dir = privateCacheDir();
  if (!dir) return;
  const proto = (nodeModule as unknown as { prototype: Compilable }).prototype;
  const compile = proto._compile;
  const toWrite: { file: string; bundle: string; script: vm.Script }[] = [];
  proto._compile = function (this: Compilable, content: string, filename: string) {
    if (path.dirname(filename) !== bundleDir) return compile.call(this, content, filename);
    const file = cacheFile(dir, filename);
    let cachedData: Buffer | undefined;
    try { cachedData = file ? fs.readFileSync(file) : undefined; } catch { /* not cached yet */ }
    // The shebang is replaced by a comment of the same length, so positions in stack traces hold.
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new vm.Script(nodeModule.wrap(source), { filename, cachedData });
    if (file && (!cachedData || script.cachedDataRejected)) toWrite.push({ file, bundle: filename, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as Wrapper;
    const { exports } = this as Compilable & { exports: unknown };
    return wrapper.call(exports, exports, nodeModule.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { file, bundle, script } of toWrite) save(file, bundle, script.createCachedData());
  });
}

/** The cache only for this user: a cache file another user could write would be code we run. */
function privateCacheDir(): string | undefined {
  try {
    const uid = process.getuid?.() ?? 0;
    const dir = path.join(os.tmpdir(), `deploylint-compile-cache-${uid}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (process.getuid && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Keyed by the bundle's folder (two installs keep a cache each), its size and time (a rebuilt bundle
 * gets a new cache) and the V8 that made it: `<bundle>-<folder>-<size>-<mtime>-<v8>-<arch>.cache`.
 */
function cacheFile(dir: string, bundle: string): string | undefined {
  try {
    const st = fs.statSync(bundle);
    return path.join(dir, `${installOf(bundle)}${st.size}-${Math.round(st.mtimeMs)}${runtime()}`);
  } catch {
    return undefined;
  }
}

const installOf = (bundle: string) => `${path.basename(bundle)}-${fnv1a(path.dirname(bundle)).toString(36)}-`;
const runtime = () => `-${process.versions.v8}-${process.arch}.cache`;

/** A name for a folder path, not a secret: node:crypto would cost more than the cache saves. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function save(file: string, bundle: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
    // The caches of earlier builds of the same installed bundle are of no more use.
    const name = path.basename(file);
    for (const old of fs.readdirSync(path.dirname(file))) {
      if (old !== name && old.startsWith(installOf(bundle)) && old.endsWith(runtime())) fs.rmSync(path.join(path.dirname(file), old), { force: true });
    }
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
