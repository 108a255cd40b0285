import { lintForPull, type DiagnosticsPublisher, type PublisherHost, type PullReport } from './publisher';
import { Debouncer } from './scheduler';

/** The server sends each open document's diagnostics itself, a debounce after its last change. */
export class PushPublisher implements DiagnosticsPublisher {
  private readonly debouncer: Debouncer;

  constructor(private readonly host: PublisherHost, debounceMs: number) {
    this.debouncer = new Debouncer(debounceMs);
  }

  changed(uri: string, opened: boolean): void {
    this.schedule(uri, opened ? 0 : undefined);
    this.relintOthers(uri);
  }

  saved(uri: string): void {
    this.schedule(uri, 0);
    this.relintOthers(uri);
  }

  closed(uri: string, onDisk: boolean): void {
    this.debouncer.cancel(uri);
    if (!onDisk) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  relintOthers(uri: string): void {
    for (const d of this.host.documents.all()) if (d.uri !== uri) this.schedule(d.uri);
  }

  relintAll(): void {
    for (const d of this.host.documents.all()) this.schedule(d.uri);
  }

  /** A client that did not announce pull support may still ask: answer with a fresh lint. */
  async pull(uri: string): Promise<PullReport> {
    return { kind: 'full', items: lintForPull(this.host, uri, await this.host.settingsFor(uri)) ?? [] };
  }

  dispose(): void {
    this.debouncer.dispose();
  }

  private schedule(uri: string, delay?: number): void {
    this.debouncer.schedule(uri, () => { void this.validate(uri).catch((e) => this.host.log.error('validation failed', e)); }, delay);
  }

  private async validate(uri: string): Promise<void> {
    const { host } = this;
    const settings = await host.settingsFor(uri);
    const doc = host.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const result = host.lintOpen(uri, settings);
    // An edit while linting makes these findings stale: the edit's own lint follows.
    if (!result || host.documents.get(uri)?.version !== version) return;
    void host.connection.sendDiagnostics({ uri, version, diagnostics: host.diagnostics(result.findings) });
    host.status(uri, result, settings);
  }
}
