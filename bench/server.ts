/**
 * Server-side measures over stdio with a real LSP connection to the production bundle
 * (`node dist/server.js --stdio`): initialize time, keystroke-to-publish latency, heap growth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification,
  ConfigurationRequest, RegistrationRequest,
  type ClientCapabilities, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Row } from './engine';
import { composeEnv, composeFile, nginxFile } from './generate';

const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(ROOT, 'dist/server.js');
/** The debounce of the typing rows: what the issue measured with (the default is 150 ms). */
const TYPING_DEBOUNCE_MS = 10;

/** What VS Code announces that matters here: configuration pull, versioned push diagnostics. */
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { synchronization: { didSave: true }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

interface Server {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** Resolves with the diagnostics published for `uri` at `version`. */
  published(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

async function startServer(dir: string, opts: { debounceMs: number; heap?: boolean; server?: string }): Promise<{ server: Server; initMs: number; spawnToInitMs: number }> {
  const t0 = process.hrtime.bigint();
  // BENCH_SERVER_ARGS: node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const child = spawn(process.execPath, [...(opts.heap ? ['--expose-gc'] : []), ...(process.env.BENCH_SERVER_ARGS?.split(' ') ?? []), opts.server ?? SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...(opts.heap ? { DEPLOYLINT_BENCH_HEAP: '1' } : {}) },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += String(d); });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, { version: number; resolve: (p: PublishDiagnosticsParams) => void }>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) { waiting.delete(p.uri); w.resolve(p); }
  });
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('deploylint/status', () => undefined);
  connection.listen();
  const uri = pathToFileURL(dir).href;
  const t1 = process.hrtime.bigint();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: CAPABILITIES, initializationOptions: { debounceMs: opts.debounceMs },
  });
  const t2 = process.hrtime.bigint();
  await connection.sendNotification(InitializedNotification.type, {});
  const server: Server = {
    child, connection,
    published: (u, version) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${u} v${version}; server stderr: ${stderr.slice(-2000)}`)), 60_000);
      waiting.set(u, { version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    }),
    async stop() {
      await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification(ExitNotification.type);
      await new Promise((r) => { if (child.exitCode !== null) r(null); else { child.once('exit', r); setTimeout(r, 2000); } });
      if (child.exitCode === null) child.kill();
      connection.dispose();
    },
  };
  return { server, initMs: Number(t2 - t1) / 1e6, spawnToInitMs: Number(t2 - t0) / 1e6 };
}

/**
 * Typing, one keystroke at a time: each edit inserts or deletes one character of the word "debug"
 * at the end of a line's token (cycling through the matching lines), typed and then deleted again.
 * Compose: after the `LOG_LEVEL` value of a service, like a user changing a setting. nginx: after a
 * server's `server_name`.
 */
class Typist {
  /** Line numbers to type in, and the column to type at (the end of the line, before an nginx `;`). */
  private readonly spots: { line: number; col: number }[];
  private step = 0;
  version = 1;
  constructor(text: string, readonly uri: string, match: RegExp) {
    this.spots = text.split('\n').flatMap((l, line) => (match.test(l) ? [{ line, col: l.endsWith(';') ? l.length - 1 : l.length }] : []));
    if (!this.spots.length) throw new Error(`no line matching ${match} to type in`);
  }
  /** The next didChange (word "debug" typed after the token, then deleted again). */
  next(): Parameters<ProtocolConnection['sendNotification']>[1] {
    const word = 'debug';
    const cycle = Math.floor(this.step / (2 * word.length));
    const k = this.step % (2 * word.length);
    const { line, col } = this.spots[cycle % this.spots.length];
    this.step++;
    this.version++;
    const change = k < word.length
      ? { range: { start: { line, character: col + k }, end: { line, character: col + k } }, text: word[k] }
      : { range: { start: { line, character: col + (2 * word.length - k) - 1 }, end: { line, character: col + (2 * word.length - k) } }, text: '' };
    return { textDocument: { uri: this.uri, version: this.version }, contentChanges: [change] };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

export interface BenchDoc { dir: string; uri: string; text: string; languageId: string; typeAfter: RegExp; what: string }

export function workspace(lines: number): BenchDoc {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-lsp-')));
  const text = composeFile(lines);
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), text);
  fs.writeFileSync(path.join(dir, '.env'), composeEnv(text), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, '.gitignore'), '.env\n');
  return { dir, uri: pathToFileURL(path.join(dir, 'docker-compose.yml')).href, text, languageId: 'dockercompose', typeAfter: /^ {6}LOG_LEVEL: info$/, what: `${lines.toLocaleString('en')}-line compose` };
}

/** A 2,000-line nginx.conf (http block, many TLS servers) in a folder of its own. */
export function nginxWorkspace(lines: number): BenchDoc {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-lsp-')));
  const text = nginxFile(lines);
  fs.mkdirSync(path.join(dir, 'nginx'));
  fs.writeFileSync(path.join(dir, 'nginx', 'nginx.conf'), text);
  return { dir, uri: pathToFileURL(path.join(dir, 'nginx', 'nginx.conf')).href, text, languageId: 'nginx', typeAfter: /^ {8}server_name site\d+\.example\.com;$/, what: `${lines.toLocaleString('en')}-line nginx` };
}

async function initializeRows(dir: string): Promise<Row[]> {
  const init: number[] = [], spawnInit: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { server, initMs, spawnToInitMs } = await startServer(dir, { debounceMs: 150 });
    init.push(initMs); spawnInit.push(spawnToInitMs);
    await server.stop();
  }
  init.sort((a, b) => a - b); spawnInit.sort((a, b) => a - b);
  return [
    { name: 'server initialize (sent at spawn -> answer)', value: init[2], unit: 'ms', target: 300 },
    { name: 'server spawn -> initialize answered', value: spawnInit[2], unit: 'ms', target: 300, note: 'includes node start-up and bundle load' },
  ];
}

/** Keystroke -> publishDiagnostics over stdio, with the debounce an editor has (`TYPING_DEBOUNCE_MS`). */
export async function keystrokeRows(ws: BenchDoc, opts: { server?: string; label?: string; target?: number } = {}): Promise<Row[]> {
  const { server } = await startServer(ws.dir, { debounceMs: TYPING_DEBOUNCE_MS, server: opts.server });
  const c = server.connection;
  const first = server.published(ws.uri, 1);
  await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ws.uri, languageId: ws.languageId, version: 1, text: ws.text } });
  const initial = await first;
  const typist = new Typist(ws.text, ws.uri, ws.typeAfter);
  const times: number[] = [];
  for (let i = 0; i < 330; i++) {
    const change = typist.next();
    const done = server.published(ws.uri, typist.version);
    const s = process.hrtime.bigint();
    await c.sendNotification(DidChangeTextDocumentNotification.type, change);
    await done;
    if (i >= 30) times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  await server.stop();
  times.sort((a, b) => a - b);
  const label = opts.label ? ` (${opts.label})` : '';
  const note = `${ws.what}, ${initial.diagnostics.length} findings, debounce ${TYPING_DEBOUNCE_MS} ms included, didChange -> publishDiagnostics`;
  return [
    { name: `typing ${ws.what} p50${label}`, value: percentile(times, 0.5), unit: 'ms', target: opts.target, note },
    { name: `typing ${ws.what} p95${label}`, value: percentile(times, 0.95), unit: 'ms', target: opts.target },
  ];
}

const EDITS = 10_000;
/** Edits sent between two waits for diagnostics: the debounce coalesces them, as it does for a fast typist. */
const BURST = 10;

async function heapRows(ws: BenchDoc): Promise<Row[]> {
  const { server } = await startServer(ws.dir, { debounceMs: 1, heap: true });
  const c = server.connection;
  const heap = async () => (await c.sendRequest<NodeJS.MemoryUsage>('deploylint/heap')).heapUsed / 1024 / 1024;
  const first = server.published(ws.uri, 1);
  await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ws.uri, languageId: 'dockercompose', version: 1, text: ws.text } });
  await first;
  const typist = new Typist(ws.text, ws.uri, ws.typeAfter);
  const burst = async () => {
    for (let j = 0; j < BURST; j++) {
      const change = typist.next();
      const last = j === BURST - 1;
      const done = last ? server.published(ws.uri, typist.version) : undefined;
      await c.sendNotification(DidChangeTextDocumentNotification.type, change);
      if (done) await done;
    }
  };
  // Warm-up: caches (schema, zxcvbn, parsed .env) fill during the first edits.
  for (let i = 0; i < 200 / BURST; i++) await burst();
  const before = await heap();
  const s = Date.now();
  for (let i = 0; i < EDITS / BURST; i++) await burst();
  const seconds = (Date.now() - s) / 1000;
  const after = await heap();
  await server.stop();
  return [{
    name: `server heap growth over ${EDITS.toLocaleString('en')} edits`, value: after - before, unit: 'MB', target: 20,
    note: `${before.toFixed(1)} -> ${after.toFixed(1)} MB after GC; ${EDITS / BURST} lints in ${seconds.toFixed(0)} s`,
  }];
}

/** `compare`: another build's dist folder (e.g. the previous commit's), measured in the same run. */
export async function measureServer(compare?: string, opts: { heap?: boolean } = {}): Promise<Row[]> {
  if (!fs.existsSync(SERVER)) return [{ name: 'server (dist/server.js missing: build first)', value: NaN, unit: '' }];
  const ws = workspace(1000);
  const nginx = nginxWorkspace(2000);
  try {
    const rows = [...await initializeRows(ws.dir)];
    // Alternated with the other build, so both see the same load on a shared machine.
    for (const doc of [ws, nginx]) {
      rows.push(...await keystrokeRows(doc, { target: 25 }));
      if (compare) rows.push(...await keystrokeRows(doc, { server: path.resolve(compare, 'server.js'), label: compare }));
    }
    if (opts.heap ?? true) rows.push(...await heapRows(ws));
    return rows;
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
    fs.rmSync(nginx.dir, { recursive: true, force: true });
  }
}
