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
import { composeEnv, composeFile } from './generate';

const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(ROOT, 'dist/server.js');

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

async function startServer(dir: string, opts: { debounceMs: number; heap?: boolean }): Promise<{ server: Server; initMs: number; spawnToInitMs: number }> {
  const t0 = process.hrtime.bigint();
  // BENCH_SERVER_ARGS: node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const child = spawn(process.execPath, [...(opts.heap ? ['--expose-gc'] : []), ...(process.env.BENCH_SERVER_ARGS?.split(' ') ?? []), SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...(opts.heap ? { DEPLOYLINT_BENCH_HEAP: '1' } : {}) },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
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
 * Typing in a compose file: each edit inserts or deletes one character of the `LOG_LEVEL` value of
 * one service (cycling through the services), like a user changing a setting, one keystroke at a time.
 */
class Typist {
  private readonly lines: number[];
  private step = 0;
  version = 1;
  constructor(text: string, readonly uri: string) {
    this.lines = text.split('\n').flatMap((l, i) => (l.trim() === 'LOG_LEVEL: info' ? [i] : []));
  }
  /** The next didChange (word "debug" typed after "info", then deleted again). */
  next(): Parameters<ProtocolConnection['sendNotification']>[1] {
    const word = 'debug';
    const cycle = Math.floor(this.step / (2 * word.length));
    const k = this.step % (2 * word.length);
    const line = this.lines[cycle % this.lines.length];
    const col = '      LOG_LEVEL: info'.length;
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

export function workspace(lines: number): { dir: string; uri: string; text: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-bench-lsp-')));
  const text = composeFile(lines);
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), text);
  fs.writeFileSync(path.join(dir, '.env'), composeEnv(text), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, '.gitignore'), '.env\n');
  return { dir, uri: pathToFileURL(path.join(dir, 'docker-compose.yml')).href, text };
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

export async function keystrokeRows(ws: { dir: string; uri: string; text: string }): Promise<Row[]> {
  const { server } = await startServer(ws.dir, { debounceMs: 0 });
  const c = server.connection;
  const first = server.published(ws.uri, 1);
  await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ws.uri, languageId: 'dockercompose', version: 1, text: ws.text } });
  const initial = await first;
  const typist = new Typist(ws.text, ws.uri);
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
  const note = `1,000-line compose, ${initial.diagnostics.length} findings, debounceMs 0, didChange -> publishDiagnostics`;
  return [
    { name: 'keystroke -> diagnostics p50', value: percentile(times, 0.5), unit: 'ms', target: 20, note },
    { name: 'keystroke -> diagnostics p95', value: percentile(times, 0.95), unit: 'ms', target: 20 },
  ];
}

const EDITS = 10_000;
/** Edits sent between two waits for diagnostics: the debounce coalesces them, as it does for a fast typist. */
const BURST = 10;

async function heapRows(ws: { dir: string; uri: string; text: string }): Promise<Row[]> {
  const { server } = await startServer(ws.dir, { debounceMs: 1, heap: true });
  const c = server.connection;
  const heap = async () => (await c.sendRequest<NodeJS.MemoryUsage>('deploylint/heap')).heapUsed / 1024 / 1024;
  const first = server.published(ws.uri, 1);
  await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ws.uri, languageId: 'dockercompose', version: 1, text: ws.text } });
  await first;
  const typist = new Typist(ws.text, ws.uri);
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

export async function measureServer(): Promise<Row[]> {
  if (!fs.existsSync(SERVER)) return [{ name: 'server (dist/server.js missing: build first)', value: NaN, unit: '' }];
  const ws = workspace(1000);
  try {
    return [...await initializeRows(ws.dir), ...await keystrokeRows(ws), ...await heapRows(ws)];
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}
