import { fileInfo, lintFile, type FileInfo, type Finding, type Language, type Workspace } from '../engine';
import { isExcluded } from '../engine/config-exclude';
import { describeError, type Logger } from './log';
import { engineConfig, findTeamConfig, type ServerSettings, type TeamConfig } from './settings';

export interface LintResult {
  findings: Finding[];
  language?: Language;
  team: TeamConfig;
  /** Kind and role of the file, for the status hover. */
  file?: FileInfo;
}

/**
 * Lints one workspace file with the settings of its resource. A rule that throws is skipped by the
 * engine; it is logged once per rule id so a broken rule does not flood the output channel.
 */
export class Linter {
  private readonly reportedRules = new Set<string>();

  /** `rootOf` names the workspace folder of a file: role guesses read the path below it (`tests/`, `.devcontainer/`). */
  constructor(readonly ws: Workspace, private readonly log: Logger, private readonly rootOf: (path: string) => string | undefined = () => undefined) {}

  lint(path: string, language: Language | undefined, settings: ServerSettings): LintResult {
    const team = findTeamConfig(this.ws, path);
    // `exclude:` of the team's config silences a file in the editor as it skips it in the CLI.
    const excluded = !!team.path && isExcluded(team.path, team.config?.exclude, path);
    if (!language || !settings.enable || excluded) return { findings: [], language, team };
    const config = engineConfig(team, settings, this.rootOf(path));
    const findings = lintFile(this.ws, path, config, {
      language,
      onRuleError: (rule, file, e) => {
        if (this.reportedRules.has(rule)) return;
        this.reportedRules.add(rule);
        this.log.error(`rule ${rule} failed on ${file} and was skipped (logged once per rule): ${describeError(e)}`);
      },
    });
    return { findings, language, team, file: fileInfo(this.ws, path, config, language) };
  }
}
