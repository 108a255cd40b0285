import type { Diagnostic } from 'vscode-languageserver/node';
import { lintForPull, type DiagnosticsPublisher, type PublisherHost, type PullReport } from './publisher';

const REFRESH_DEBOUNCE_MS = 150;

/**
 * The client pulls each document's diagnostics; the server asks it to pull again when a document
 * another one reads changed. With run=onSave the last answer is kept until a save asks for a new lint.
 */
export class PullPublisher implements DiagnosticsPublisher {
  private readonly pulled = new Map<string, { items: Diagnostic[]; stale: boolean }>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly host: PublisherHost, private readonly refreshSupport: boolean) {}

  changed(uri: string, opened: boolean): void {
    // The client pulls the changed document itself; a refresh is for the others that may read it.
    if (opened) this.pulled.delete(uri);
    if (this.host.documents.all().length > 1) this.refresh();
  }

  saved(uri: string): void {
    const p = this.pulled.get(uri);
    if (p) p.stale = true;
    this.refresh();
  }

  closed(uri: string): void {
    this.pulled.delete(uri);
  }

  relintOthers(): void {
    this.refresh();
  }

  relintAll(settingsChanged: boolean): void {
    if (settingsChanged) this.pulled.clear();
    this.refresh(true);
  }

  async pull(uri: string): Promise<PullReport> {
    const settings = await this.host.settingsFor(uri);
    const cached = this.pulled.get(uri);
    if (settings.run === 'onSave' && cached && !cached.stale) return { kind: 'full', items: cached.items };
    const items = lintForPull(this.host, uri, settings);
    if (!items) return { kind: 'full', items: [] };
    this.pulled.set(uri, { items, stale: false });
    return { kind: 'full', items };
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** Asks the client to pull again (debounced: many changes, one refresh). */
  private refresh(markStale = false): void {
    if (markStale) for (const p of this.pulled.values()) p.stale = true;
    if (!this.refreshSupport) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.host.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, REFRESH_DEBOUNCE_MS);
  }
}
