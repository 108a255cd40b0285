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

/**
 * The code paths a run took (`lint:nginx`, `format:sarif`), which the bundle notes with
 * `noteCodePath`. A cache holds only the functions compiled by the run that wrote it, so a cache
 * written by a compose run lacks the nginx rules: a run that took a path its cache lacks writes the
 * cache again, with all it compiled on top of what it loaded. The cache converges on the paths this
 * user's runs take. (Not on all they run through: a cache that also held what only large files need
 * would cost every small run more to load than it saves the large ones.)
 */
const PATHS = Symbol.for('deploylint.codePaths');

export function noteCodePath(path: string): void {
  (globalThis as { [PATHS]?: Set<string> })[PATHS]?.add(path);
}

interface Loaded { file: string; bundle: string; script: vm.Script; cached: Cached | undefined }
interface Cached { data: Buffer; paths: Set<string> }

export function enableCodeCache(bundleDir: string): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const nodeCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof nodeCache === 'function') {
    try { nodeCache(); } catch { /* an unwritable cache directory costs speed, never the run */ }
    return;
  }
  // Under a debugger or with source maps on, Node's own loader (which maps positions) does the work.
  if (process.execArgv.some((a) => /^--(inspect|enable-source-maps)/.test(a))) return;
  const dir = privateCacheDir();
  if (!dir) return;
  const used = new Set<string>();
  (globalThis as { [PATHS]?: Set<string> })[PATHS] = used;
  const proto = (nodeModule as unknown as { prototype: Compilable }).prototype;
  const compile = proto._compile;
  const loaded: Loaded[] = [];
  proto._compile = function (this: Compilable, content: string, filename: string) {
    if (path.dirname(filename) !== bundleDir) return compile.call(this, content, filename);
    const file = cacheFile(dir, filename);
    const cached = file ? read(file) : undefined;
    // The shebang is replaced by a comment of the same length, so positions in stack traces hold.
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new vm.Script(nodeModule.wrap(source), { filename, cachedData: cached?.data });
    if (file) loaded.push({ file, bundle: filename, script, cached });
    const wrapper = script.runInThisContext({ displayErrors: true }) as Wrapper;
    const { exports } = this as Compilable & { exports: unknown };
    return wrapper.call(exports, exports, nodeModule.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { file, bundle, script, cached } of loaded) {
      if (cached && !script.cachedDataRejected && [...used].every((p) => cached.paths.has(p))) continue;
      save(file, bundle, script.createCachedData(), new Set([...(cached?.paths ?? []), ...used]));
    }
  });
}

/** A cache file: the length of a JSON header (little-endian uint32), the header, V8's data. */
function read(file: string): Cached | undefined {
  try {
    const buf = fs.readFileSync(file);
    const length = buf.readUInt32LE(0);
    if (length > 4096 || buf.length < 4 + length) return undefined;
    const header = JSON.parse(buf.toString('utf8', 4, 4 + length)) as { paths?: unknown };
    const paths = Array.isArray(header.paths) ? header.paths.filter((p): p is string => typeof p === 'string') : [];
    return { data: buf.subarray(4 + length), paths: new Set(paths) };
  } catch {
    return undefined; // not cached yet, or not a cache of ours: written afresh at exit
  }
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

function save(file: string, bundle: string, data: Buffer, paths: Set<string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const header = Buffer.from(JSON.stringify({ paths: [...paths].sort() }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    fs.writeFileSync(tmp, Buffer.concat([length, header, data]), { mode: 0o600 });
    fs.renameSync(tmp, file);
    // The caches of earlier builds of the same installed bundle are of no more use, nor are those
    // no run wrote for a month (of installs since removed, say).
    const name = path.basename(file);
    const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
    for (const old of fs.readdirSync(path.dirname(file))) {
      if (old === name) continue;
      const at = path.join(path.dirname(file), old);
      if ((old.startsWith(installOf(bundle)) && old.endsWith(runtime())) || fs.statSync(at).mtimeMs < monthAgo) fs.rmSync(at, { force: true });
    }
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
