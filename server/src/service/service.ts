import {
  FileChangeType, TextDocuments,
  type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, Workspace, type Finding } from '../engine';
import { NodeHost } from '../node/host';
import { initializeResult, pullsDiagnostics, registerDynamic } from './capabilities';
import { codeActions } from './code-actions';
import { executeCommand, type CommandHost } from './commands';
import { composeFiles } from './compose-files';
import { toDiagnostic } from './diagnostics';
import { editSupport, toWorkspaceEdit, type EditSupport, type EditTarget } from './edits';
import { fixAllEdits } from './fix-all';
import { folderOf } from './folders';
import { languageFor } from './language';
import { Linter, type LintResult } from './linter';
import { connectionLogger, guard, guardVoid, type Logger } from './log';
import type { InitializationOptions } from '../../../common/protocol';
import type { DiagnosticsPublisher, PublisherHost } from './publisher';
import { PullPublisher } from './pull-publisher';
import { PushPublisher } from './push-publisher';
import { WorkspaceScanner } from './scan';
import { engineConfig, findTeamConfig, SettingsStore, type ServerSettings } from './settings';
import { StatusReporter } from './status';
import { pathToUri, uriToPath } from './uri';

const DEFAULT_DEBOUNCE_MS = 150;

/**
 * The language server: keeps open documents overlaid on the workspace, lints them (its publisher
 * pushes them after a per-document debounce, or answers the client's pulls), and answers code
 * actions and commands. Every handler is guarded: it logs and answers empty rather than letting an
 * exception escape.
 */
export class DeploylintService {
  private readonly log: Logger;
  private readonly ws = new Workspace(new NodeHost());
  private readonly linter: Linter;
  private readonly documents = new TextDocuments(TextDocument);
  private settings!: SettingsStore;
  private readonly publisherHost: PublisherHost;
  private publisher: DiagnosticsPublisher;
  private caps: ClientCapabilities = {};
  private support: EditSupport = { documentChanges: false, createFiles: false };
  private folders: string[] = [];
  /** Open documents: engine path -> the URI the client uses for it. */
  private readonly uriByPath = new Map<string, string>();
  private readonly justOpened = new Set<string>();
  private readonly scanner = new WorkspaceScanner({
    folders: () => this.folders,
    settingsFor: (uri) => this.settings.get(uri),
    isOpen: (path) => this.uriByPath.has(path),
    lintDiskFile: (path) => this.lintDiskFile(path),
    clear: (path) => { void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] }); },
    progress: async () => (this.caps.window?.workDoneProgress ? this.connection.window.createWorkDoneProgress() : undefined),
  });
  private readonly statusReporter: StatusReporter;

  constructor(private readonly connection: Connection) {
    this.log = connectionLogger(connection);
    this.linter = new Linter(this.ws, this.log, (path) => folderOf(this.folders, path));
    this.statusReporter = new StatusReporter(connection, this.log);
    this.publisherHost = {
      connection, documents: this.documents, log: this.log,
      settingsFor: (uri) => this.settings.get(uri),
      lintOpen: (uri, settings) => this.lintOpen(uri, settings),
      diagnostics: (findings) => this.diagnostics(findings),
      status: (uri, result, settings) => this.statusReporter.report(uri, result, settings),
    };
    this.publisher = new PushPublisher(this.publisherHost, DEFAULT_DEBOUNCE_MS);
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
    c.languages.diagnostics.on(guard(this.log, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, (p) => this.publisher.pull(p.textDocument.uri)));

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
    c.onShutdown(() => this.publisher.dispose());
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    const debounce = typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? Math.min(init.debounceMs, 10_000) : DEFAULT_DEBOUNCE_MS;
    const pull = pullsDiagnostics(this.caps);
    this.publisher.dispose();
    this.publisher = pull
      ? new PullPublisher(this.publisherHost, this.caps.workspace?.diagnostics?.refreshSupport === true)
      : new PushPublisher(this.publisherHost, debounce);
    this.support = editSupport(this.caps);
    this.settings = new SettingsStore(this.connection, this.caps.workspace?.configuration === true, init.settings);
    this.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (!this.folders.length && params.rootUri) this.folders = [uriToPath(params.rootUri)];
    const clientCommands = new Set(Array.isArray(init.clientCommands) ? init.clientCommands : []);
    return initializeResult(pull, clientCommands);
  }

  private async initialized(): Promise<void> {
    await registerDynamic(this.connection, this.caps);
    if (this.caps.workspace?.workspaceFolders) {
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
    if (opened && this.scanner.has(path)) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    void this.afterChange(doc.uri, opened);
  }

  private async afterChange(uri: string, opened: boolean): Promise<void> {
    const settings = await this.settings.get(uri);
    if (settings.run === 'onSave' && !opened) return;
    this.publisher.changed(uri, opened);
  }

  private saved(uri: string): void {
    void this.settings.get(uri).then((s) => {
      if (s.run === 'onSave') this.publisher.saved(uri);
    });
  }

  private closed(uri: string): void {
    const path = uriToPath(uri);
    const onDisk = this.scanner.has(path);
    this.publisher.closed(uri, onDisk);
    this.justOpened.delete(uri);
    this.uriByPath.delete(path);
    this.ws.close(path);
    if (onDisk) void this.lintDiskFile(path);
    this.publisher.relintOthers(uri);
  }

  private watchedFilesChanged(changes: { uri: string; type: number }[]): void {
    for (const ch of changes) {
      const path = uriToPath(ch.uri);
      this.ws.invalidate(path);
      if (ch.type === FileChangeType.Deleted && this.scanner.scanned.delete(path)) {
        void this.connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
      }
    }
    this.relintAll(false);
  }

  // ---- linting ---------------------------------------------------------------------------

  private relintAll(settingsChanged: boolean): void {
    this.publisher.relintAll(settingsChanged);
    if (settingsChanged) void this.scanner.scan();
    else for (const p of this.scanner.scanned) if (!this.uriByPath.has(p)) void this.lintDiskFile(p);
  }

  private lintOpen(uri: string, settings: ServerSettings): LintResult | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const path = uriToPath(uri);
    this.ws.setOpen(path, doc.getText());
    return this.linter.lint(path, languageFor(path, doc.getText(), doc.languageId), settings);
  }

  private diagnostics(findings: Finding[]) {
    const related = this.caps.textDocument?.publishDiagnostics?.relatedInformation !== false;
    const uriOf = (p: string) => pathToUri(p, (x) => this.uriByPath.get(x));
    return findings.map((f) => toDiagnostic(f, uriOf, related));
  }

  // ---- files on disk (workspace scan) -----------------------------------------------------

  private async lintDiskFile(path: string): Promise<void> {
    const uri = pathToUri(path);
    const settings = await this.settings.get(uri);
    const doc = this.ws.document(path);
    if (!doc || this.uriByPath.has(path)) return;
    const result = this.linter.lint(path, languageFor(path, doc.text), settings);
    void this.connection.sendDiagnostics({ uri, diagnostics: this.diagnostics(result.findings) });
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
    const config = engineConfig(findTeamConfig(this.ws, path), settings, folderOf(this.folders, path));
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
      composeFiles: (uri) => composeFiles(this.ws, this.folders, this.uriByPath.keys(), uri),
      nginxVersion: async (uri) => {
        const anchor = uri ? uriToPath(uri) : this.folders[0] ? `${this.folders[0]}/x` : undefined;
        const settings = await this.settings.get(uri ?? (this.folders[0] ? pathToUri(this.folders[0]) : ''));
        return engineConfig(anchor ? findTeamConfig(this.ws, anchor) : {}, settings).nginx.version;
      },
    };
  }
}
