import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocumentSyncKind, TextDocuments,
  type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, languageOf, Workspace, type Finding } from '../engine';
import { KIND_GLOBS } from '../../../common/file-kinds';
import { collectFiles } from '../node/walk';
import { WorkspaceScanner } from './scan';
import { NodeHost } from '../node/host';
import { toolVersion } from '../version';
import { codeActions } from './code-actions';
import { executeCommand, type CommandHost } from './commands';
import { severityCounts, toDiagnostic } from './diagnostics';
import { editSupport, toWorkspaceEdit, type EditSupport, type EditTarget } from './edits';
import { fixAllEdits } from './fix-all';
import { languageFor } from './language';
import { Linter, type LintResult } from './linter';
import { connectionLogger, guard, guardVoid, type Logger } from './log';
import { FIX_ALL_KIND, SERVER_COMMANDS } from '../../../common/commands';
import { STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from '../../../common/protocol';
import { Debouncer } from './scheduler';
import { engineConfig, findTeamConfig, SettingsStore, type ServerSettings } from './settings';
import { isVirtualPath, pathToUri, uriToPath } from './uri';

const DEFAULT_DEBOUNCE_MS = 150;

/** Files whose change on disk can change a finding: deployment files (common/file-kinds.ts), ignore files, keys, our config. */
export const WATCHED = [
  ...KIND_GLOBS.compose, ...KIND_GLOBS.env, ...KIND_GLOBS.nginx,
  '**/.gitignore', '**/.dockerignore', '**/.deploylint.{yaml,yml}',
  '**/*.{pem,key,crt}',
];

/**
 * The language server: keeps open documents overlaid on the workspace, lints them (pushed after a
 * per-document debounce, or pulled when the client asks), and answers code actions and commands.
 * Every handler is guarded: it logs and answers empty rather than letting an exception escape.
 */
export class DeploylintService {
  private readonly log: Logger;
  private readonly ws = new Workspace(new NodeHost());
  private readonly linter: Linter;
  private readonly documents = new TextDocuments(TextDocument);
  private settings!: SettingsStore;
  private debouncer = new Debouncer(DEFAULT_DEBOUNCE_MS);
  private caps: ClientCapabilities = {};
  private support: EditSupport = { documentChanges: false, createFiles: false };
  private pull = false;
  private folders: string[] = [];
  /** Open documents: engine path -> the URI the client uses for it. */
  private readonly uriByPath = new Map<string, string>();
  private readonly justOpened = new Set<string>();
  /** Pull mode with run=onSave: the last items per URI and whether a save asked for a new lint. */
  private readonly pulled = new Map<string, { items: ReturnType<typeof toDiagnostic>[]; stale: boolean }>();
  private readonly scanner = new WorkspaceScanner({
    folders: () => this.folders,
    settingsFor: (uri) => this.settings.get(uri),
    isOpen: (path) => this.uriByPath.has(path),
    lintDiskFile: (path) => this.lintDiskFile(path),
    clear: (path) => this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] }),
    progress: async () => (this.caps.window?.workDoneProgress ? this.connection.window.createWorkDoneProgress() : undefined),
  });
  private readonly configErrorsLogged = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.log = connectionLogger(connection);
    this.linter = new Linter(this.ws, this.log, (path) => this.folderOf(path));
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(guardVoid(this.log, 'initialized', () => this.initialized()));
    c.onDidChangeConfiguration(guardVoid(this.log, 'didChangeConfiguration', (p) => {
      this.settings.changed(p?.settings);
      this.relintAll(true);
    }));
    c.onDidChangeWatchedFiles(guardVoid(this.log, 'didChangeWatchedFiles', (p) => this.watchedFilesChanged(p?.changes ?? [])));
    c.onCodeAction(guard(this.log, 'codeAction', [], async (p) => {
      const uri = p.textDocument.uri;
      const doc = this.documents.get(uri);
      if (!doc) return [];
      const settings = await this.settings.get(uri);
      return codeActions(p, {
        document: () => ({ text: doc.getText(), path: uriToPath(uri) }),
        support: this.support,
        target: this.target(),
        fixAll: (u) => this.fixAllEdit(u, settings),
      });
    }));
    c.onExecuteCommand(guard(this.log, 'executeCommand', null, (p) => executeCommand(p, this.commandHost())));
    c.languages.diagnostics.on(guard(this.log, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, (p) => this.pullDiagnostics(p.textDocument.uri)));

    this.documents.onDidOpen(guardVoid(this.log, 'didOpen', (e) => {
      this.justOpened.add(e.document.uri);
      this.uriByPath.set(uriToPath(e.document.uri), e.document.uri);
    }));
    this.documents.onDidChangeContent(guardVoid(this.log, 'didChange', (e) => this.contentChanged(e.document)));
    this.documents.onDidSave(guardVoid(this.log, 'didSave', (e) => this.saved(e.document.uri)));
    this.documents.onDidClose(guardVoid(this.log, 'didClose', (e) => this.closed(e.document.uri)));
    this.documents.listen(c);

    process.on('uncaughtException', (e) => this.log.error('uncaught exception', e));
    process.on('unhandledRejection', (e) => this.log.error('unhandled rejection', e));
    c.onShutdown(() => { this.debouncer.dispose(); if (this.refreshTimer) clearTimeout(this.refreshTimer); });
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    const debounce = typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? Math.min(init.debounceMs, 10_000) : DEFAULT_DEBOUNCE_MS;
    this.debouncer = new Debouncer(debounce);
    this.support = editSupport(this.caps);
    this.pull = !!this.caps.textDocument?.diagnostic;
    this.settings = new SettingsStore(this.connection, this.caps.workspace?.configuration === true, init.settings);
    this.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (!this.folders.length && params.rootUri) this.folders = [uriToPath(params.rootUri)];
    const clientCommands = new Set(Array.isArray(init.clientCommands) ? init.clientCommands : []);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS).filter((c) => !clientCommands.has(c)) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'deploylint', version: toolVersion() },
    };
    if (this.pull) result.capabilities.diagnosticProvider = { identifier: 'deploylint', interFileDependencies: true, workspaceDiagnostics: false };
    return result;
  }

  private async initialized(): Promise<void> {
    const ws = this.caps.workspace;
    if (ws?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'deploylint' });
    }
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (ws?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(guardVoid(this.log, 'didChangeWorkspaceFolders', (e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri))];
        void this.scanner.scan();
      }));
    }
    await this.scanner.scan();
  }

  // ---- documents -------------------------------------------------------------------------

  private contentChanged(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    this.uriByPath.set(path, doc.uri);
    this.ws.setOpen(path, doc.getText());
    const opened = this.justOpened.delete(doc.uri);
    if (opened && this.scanner.has(path)) this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    void this.afterChange(doc.uri, opened);
  }

  private async afterChange(uri: string, opened: boolean): Promise<void> {
    const settings = await this.settings.get(uri);
    if (settings.run === 'onSave' && !opened) return;
    if (this.pull) {
      // The client pulls the changed document itself; a refresh is for the others that may read it.
      if (opened) this.pulled.delete(uri);
      if (this.documents.all().length > 1) this.refreshPulled();
      return;
    }
    this.schedule(uri, opened ? 0 : undefined);
    this.relintOthers(uri);
  }

  private saved(uri: string): void {
    void this.settings.get(uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (this.pull) {
        const p = this.pulled.get(uri);
        if (p) p.stale = true;
        this.refreshPulled();
      } else {
        this.schedule(uri, 0);
        this.relintOthers(uri);
      }
    });
  }

  private closed(uri: string): void {
    const path = uriToPath(uri);
    this.debouncer.cancel(uri);
    this.justOpened.delete(uri);
    this.pulled.delete(uri);
    this.uriByPath.delete(path);
    this.ws.close(path);
    if (this.scanner.has(path)) void this.lintDiskFile(path);
    else if (!this.pull) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.relintOthers(uri);
  }

  private watchedFilesChanged(changes: { uri: string; type: number }[]): void {
    for (const ch of changes) {
      const path = uriToPath(ch.uri);
      this.ws.invalidate(path);
      if (ch.type === FileChangeType.Deleted && this.scanner.scanned.delete(path)) {
        this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
      }
    }
    this.relintAll(false);
  }

  // ---- linting ---------------------------------------------------------------------------

  private schedule(uri: string, delay?: number): void {
    this.debouncer.schedule(uri, () => { void this.validate(uri).catch((e) => this.log.error('validation failed', e)); }, delay);
  }

  /** Other open documents may read the one that changed (compose reads .env; nginx reads snippets). */
  private relintOthers(uri: string): void {
    if (this.pull) { this.refreshPulled(); return; }
    for (const d of this.documents.all()) if (d.uri !== uri) this.schedule(d.uri);
  }

  private relintAll(settingsChanged: boolean): void {
    if (this.pull) {
      if (settingsChanged) this.pulled.clear();
      this.refreshPulled(true);
    } else {
      for (const d of this.documents.all()) this.schedule(d.uri);
    }
    if (settingsChanged) void this.scanner.scan();
    else for (const p of this.scanner.scanned) if (!this.uriByPath.has(p)) void this.lintDiskFile(p);
  }

  private refreshTimer: NodeJS.Timeout | undefined;

  /** Asks a pull client to pull again (debounced: many changes, one refresh). */
  private refreshPulled(markStale = false): void {
    if (markStale) for (const p of this.pulled.values()) p.stale = true;
    if (!this.caps.workspace?.diagnostics?.refreshSupport) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, DEFAULT_DEBOUNCE_MS);
  }

  private lintOpen(uri: string, settings: ServerSettings): LintResult | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const path = uriToPath(uri);
    this.ws.setOpen(path, doc.getText());
    return this.linter.lint(path, languageFor(path, doc.getText(), doc.languageId), settings);
  }

  private async validate(uri: string): Promise<void> {
    const settings = await this.settings.get(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const result = this.lintOpen(uri, settings);
    if (!result || this.documents.get(uri)?.version !== version) return;
    this.connection.sendDiagnostics({ uri, version, diagnostics: this.diagnostics(result.findings) });
    this.status(uri, result, settings);
  }

  private async pullDiagnostics(uri: string) {
    const settings = await this.settings.get(uri);
    const cached = this.pulled.get(uri);
    if (settings.run === 'onSave' && cached && !cached.stale) return { kind: 'full' as const, items: cached.items };
    const result = this.lintOpen(uri, settings);
    if (!result) return { kind: 'full' as const, items: [] };
    const items = this.diagnostics(result.findings);
    this.pulled.set(uri, { items, stale: false });
    this.status(uri, result, settings);
    return { kind: 'full' as const, items };
  }

  private diagnostics(findings: Finding[]) {
    const related = this.caps.textDocument?.publishDiagnostics?.relatedInformation !== false;
    const uriOf = (p: string) => pathToUri(p, (x) => this.uriByPath.get(x));
    return findings.map((f) => toDiagnostic(f, uriOf, related));
  }

  /** The workspace folder holding a file (the deepest one), if any. */
  private folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) if (path.startsWith(f.endsWith('/') ? f : f + '/') && (!best || f.length > best.length)) best = f;
    return best;
  }

  private status(uri: string, result: LintResult, settings: ServerSettings): void {
    const params: StatusParams = { uri, counts: severityCounts(result.findings) };
    if (result.file) {
      const { kind, role, skipped } = result.file;
      params.file = { kind, role: role.role, reason: role.reason, ...(skipped ? { skipped: `${skipped.replace('lintTestFiles', 'deploylint.lintTestFiles')}` } : {}) };
    }
    if (!settings.enable) params.disabled = true;
    if (result.team.error && result.team.path) {
      params.configError = `${result.team.path}: ${result.team.error}`;
      if (!this.configErrorsLogged.has(params.configError)) {
        this.configErrorsLogged.add(params.configError);
        this.log.warn(`ignoring ${params.configError}`);
      }
    }
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  // ---- files on disk (workspace scan) -----------------------------------------------------

  private async lintDiskFile(path: string): Promise<void> {
    const uri = pathToUri(path);
    const settings = await this.settings.get(uri);
    const doc = this.ws.document(path);
    if (!doc || this.uriByPath.has(path)) return;
    const result = this.linter.lint(path, languageFor(path, doc.text), settings);
    this.connection.sendDiagnostics({ uri, diagnostics: this.diagnostics(result.findings) });
  }

  // ---- fixes and commands ----------------------------------------------------------------

  private target(): EditTarget {
    return {
      uriOf: (p) => pathToUri(p, (x) => this.uriByPath.get(x)),
      versionOf: (uri) => this.documents.get(uri)?.version ?? null,
    };
  }

  private fixAllEdit(uri: string, settings: ServerSettings): WorkspaceEdit | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !settings.enable) return undefined;
    const path = uriToPath(uri);
    this.ws.setOpen(path, doc.getText());
    const language = languageFor(path, doc.getText(), doc.languageId);
    if (!language) return undefined;
    const config = engineConfig(findTeamConfig(this.ws, path), settings, this.folderOf(path));
    const edits = fixAllEdits(this.ws, path, config, language, this.support.createFiles, this.log);
    return edits.length ? toWorkspaceEdit(edits, this.support, this.target()) : undefined;
  }

  private commandHost(): CommandHost {
    return {
      showDocumentation: async (rule) => {
        const url = docsUrl(rule);
        if (this.caps.window?.showDocument?.support) {
          return (await this.connection.window.showDocument({ uri: url, external: true })).success;
        }
        void this.connection.window.showInformationMessage(`${rule}: ${url}`);
        return true;
      },
      fixAll: async (uri) => {
        const edit = this.fixAllEdit(uri, await this.settings.get(uri));
        if (!edit) return false;
        return (await this.connection.workspace.applyEdit({ label: 'deploylint: fix all', edit })).applied;
      },
      fileChanged: (path) => { this.ws.invalidate(path); this.relintAll(false); },
      composeFiles: (uri) => this.composeFiles(uri),
      nginxVersion: async (uri) => {
        const anchor = uri ? uriToPath(uri) : this.folders[0] ? `${this.folders[0]}/x` : undefined;
        const settings = await this.settings.get(uri ?? (this.folders[0] ? pathToUri(this.folders[0]) : ''));
        return engineConfig(anchor ? findTeamConfig(this.ws, anchor) : {}, settings).nginx.version;
      },
    };
  }

  private composeFiles(uri?: string): { path: string; text: string }[] {
    const anchor = uri ? uriToPath(uri) : undefined;
    const inFolder = anchor ? this.folders.filter((f) => anchor.startsWith(f + '/')) : [];
    const roots = inFolder.length ? inFolder : this.folders.filter((f) => !isVirtualPath(f));
    const paths = new Set(roots.length ? collectFiles(roots).files : []);
    for (const p of this.uriByPath.keys()) paths.add(p);
    if (anchor && !roots.length) paths.add(anchor);
    const out: { path: string; text: string }[] = [];
    for (const p of paths) {
      if (languageOf(p) !== 'compose') continue;
      const text = this.ws.readFile(p);
      if (text !== undefined) out.push({ path: p, text });
    }
    return out;
  }
}
