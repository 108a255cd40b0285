import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, ConfigurationRequest, RegistrationRequest, ApplyWorkspaceEditRequest,
  ShowDocumentRequest, WorkDoneProgressCreateRequest, DiagnosticRefreshRequest,
  type ClientCapabilities, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
  type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = path.resolve(__dirname, '../..');
let built = false;

/** Builds dist/server.js once per test run. */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** A throw-away workspace folder on disk; `files` are relative paths. */
export function tempWorkspace(files: Record<string, string> = {}): { dir: string; uri: (rel: string) => string; write: (rel: string, text: string) => void; remove: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-lsp-')));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).href, write, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  rootDir?: string;
  /** `deploylint` settings answered to workspace/configuration, per scope URI (or for all). */
  settings?: (scopeUri: string | undefined) => unknown;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
  window: { showDocument: { support: true }, workDoneProgress: true },
};

/** A real LSP client talking to `node dist/server.js --stdio` over the child's pipes. */
export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly shownDocuments: string[] = [];
  readonly statuses: { uri: string; counts: Record<string, number>; file?: { kind: string; role: string; reason: string; skipped?: string } }[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, private readonly opts: ClientOptions) {}

  static async start(opts: ClientOptions = {}): Promise<LspClient> {
    buildServer();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, opts);
    child.stderr.on('data', (d) => { client.stderr += String(d); });
    client.wire();
    connection.listen();
    const root = opts.rootDir;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root ? pathToFileURL(root).href : null,
      workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: 'ws' }] : null,
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: { debounceMs: 10, ...opts.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.wake();
    });
    c.onNotification('deploylint/status', (p: LspClient['statuses'][number]) => { this.statuses.push(p); this.wake(); });
    c.onNotification('window/logMessage', () => undefined);
    c.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (this.opts.settings ? this.opts.settings(i.scopeUri) : {})));
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onNotification('$/progress', () => undefined);
    c.onRequest(DiagnosticRefreshRequest.type, () => { this.refreshes++; this.wake(); });
    c.onRequest(ShowDocumentRequest.type, (p) => { this.shownDocuments.push(p.uri); return { success: true }; });
    c.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p.edit);
      for (const [uri, text] of applyWorkspaceEdit(p.edit, (u) => this.texts.get(u))) if (this.texts.has(uri)) this.change(uri, text);
      return { applied: true };
    });
  }

  refreshes = 0;

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `check` returns a value (re-checked after each message from the server). */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** The diagnostics published for `uri` at its current version (waits for them). */
  diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    return this.until(`diagnostics of ${uri} v${version}`, () => {
      const last = this.published.get(uri)?.at(-1);
      if (!last || (version !== undefined && last.version !== undefined && last.version !== version)) return undefined;
      return accept(last.diagnostics) ? last.diagnostics : undefined;
    });
  }

  text(uri: string): string | undefined { return this.texts.get(uri); }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text with an incremental change covering the old text. */
  change(uri: string, text: string): void {
    const old = this.texts.get(uri) ?? '';
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const doc = TextDocument.create(uri, 'x', 0, old);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(old.length) }, text }],
    });
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.texts.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Applies a WorkspaceEdit to the open documents it touches (as an editor would) and sends the changes. */
  apply(edit: WorkspaceEdit): Map<string, string> {
    const out = applyWorkspaceEdit(edit, (u) => this.texts.get(u));
    for (const [uri, text] of out) if (this.texts.has(uri)) this.change(uri, text);
    return out;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    await new Promise((r) => { if (this.child.exitCode !== null) r(null); else { this.child.once('exit', r); setTimeout(r, 2000); } });
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** New text per URI after a WorkspaceEdit (`changes` or `documentChanges`; created files start empty). */
export function applyWorkspaceEdit(edit: WorkspaceEdit, textOf: (uri: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const current = (uri: string) => out.get(uri) ?? textOf(uri) ?? '';
  const applyTo = (uri: string, edits: TextEdit[]) => {
    out.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, current(uri)), edits));
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyTo(uri, edits);
  for (const dc of edit.documentChanges ?? []) {
    if ('kind' in dc) { if (dc.kind === 'create' && !out.has(dc.uri)) out.set(dc.uri, textOf(dc.uri) ?? ''); continue; }
    const tde = dc;
    applyTo(tde.textDocument.uri, tde.edits as TextEdit[]);
  }
  return out;
}
