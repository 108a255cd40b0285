import { WorkspaceFiles } from './workspace-files';

/**
 * The files of the workspace plus the cross-file model (ARCHITECTURE.md, Cross-file model): compose projects,
 * their `.env`, the nginx configs they mount. Built lazily from the files and cached per file version.
 */
export class Workspace extends WorkspaceFiles {}
