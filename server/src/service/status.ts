import type { Connection } from 'vscode-languageserver/node';
import { severityCounts } from './diagnostics';
import type { LintResult } from './linter';
import type { Logger } from './log';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import type { ServerSettings } from './settings';

/** Sends the status notification after each lint of a document; logs an unusable team config once. */
export class StatusReporter {
  private readonly configErrorsLogged = new Set<string>();

  constructor(private readonly connection: Connection, private readonly log: Logger) {}

  report(uri: string, result: LintResult, settings: ServerSettings): void {
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
}
