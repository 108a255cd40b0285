import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { COMMANDS } from '../../common/commands';
import type { StatusParams } from '../../common/protocol';

const SOURCE = 'deploylint';

/**
 * The status bar item: the server's state, and the findings of the active file / the workspace,
 * counted from the diagnostics VS Code holds (so pushed and pulled diagnostics count alike).
 */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('deploylint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: State | 'failed' = State.Starting;
  private readonly server = new Map<string, StatusParams>();

  constructor() {
    this.item.name = 'deploylint';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
    this.item.show();
  }

  setState(state: State | 'failed'): void { this.state = state; this.render(); }

  /** `deploylint/status` from the server: a config file it could not use, or a disabled document. */
  serverStatus(p: StatusParams): void { this.server.set(p.uri, p); this.render(); }

  private render(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const count = (uri?: vscode.Uri) => {
      const entries: [vscode.Uri, readonly vscode.Diagnostic[]][] = uri ? [[uri, vscode.languages.getDiagnostics(uri)]] : vscode.languages.getDiagnostics();
      let n = 0;
      for (const [, ds] of entries) for (const d of ds) if (d.source === SOURCE) n++;
      return n;
    };
    const here = active ? count(active) : 0;
    const total = count();
    const status = active ? this.server.get(active.toString()) : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**deploylint**\n\n');
    this.item.backgroundColor = undefined;
    this.item.command = 'workbench.actions.view.problems';
    switch (this.state) {
      case State.Starting:
        this.item.text = '$(loading~spin) deploylint';
        md.appendMarkdown('Starting the server…');
        break;
      case State.Stopped:
      case 'failed':
        this.item.text = '$(error) deploylint';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        this.item.command = COMMANDS.restartServer;
        md.appendMarkdown('The server is not running. Click to restart it; details are in the deploylint output channel.');
        break;
      default: {
        const icon = status?.configError ? '$(warning)' : here ? '$(shield)' : '$(check)';
        this.item.text = `${icon} deploylint${here ? ` ${here}` : ''}`;
        md.appendText(`${here} finding${here === 1 ? '' : 's'} in this file, ${total} in open and scanned files.`);
        if (status?.file) {
          const f = status.file;
          md.appendText(`\n\n${f.kind} file, role ${f.role}: ${f.reason}.`);
          if (f.skipped) md.appendText(` Not linted: ${f.skipped}.`);
        }
        if (status?.disabled) md.appendText('\n\nDisabled for this file (deploylint.enable).');
        if (status?.configError) md.appendText(`\n\nIgnoring ${status.configError}`);
      }
    }
    this.item.tooltip = md;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
