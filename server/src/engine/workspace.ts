import { WorkspaceFiles } from './workspace-files';

/**
 * The files of the workspace plus the cross-file model (SPEC §5): compose projects,
 * their `.env`, the nginx configs they mount. Built lazily from the files and cached per file version.
 */
export class Workspace extends WorkspaceFiles {}
