import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { getRule, languageOf } from '../engine';
import { parseCompose } from '../engine/parse/compose';
import { sortUpstreams, upstreamsOf } from '../engine/project/upstreams';
import type { Upstream } from '../../../common/protocol';
import { generateNginx } from '../generate';
import { chmod600 } from './chmod';
import { COMMANDS } from '../../../common/commands';

/** What the commands need from the running service. */
export interface CommandHost {
  showDocumentation(rule: string): Promise<boolean>;
  fixAll(uri: string): Promise<boolean>;
  /** Re-read a file from disk and re-lint everything open. */
  fileChanged(path: string): void;
  /** The compose files of the workspace folder of `uri` (or of every folder), open ones as edited. */
  composeFiles(uri?: string): { path: string; text: string }[];
  /** The nginx version that applies to a document (or the workspace). */
  nginxVersion(uri?: string): Promise<string>;
}

type GenerateOptions = Parameters<typeof generateNginx>[0];

export async function executeCommand(params: ExecuteCommandParams, host: CommandHost): Promise<unknown> {
  const args = Array.isArray(params.arguments) ? params.arguments : [];
  switch (params.command) {
    case COMMANDS.showDocumentation: {
      const rule: unknown = args[0];
      if (typeof rule !== 'string' || !getRule(rule)) throw new ResponseError(ErrorCodes.InvalidParams, 'expected a deploylint rule id');
      return { shown: await host.showDocumentation(rule) };
    }
    case COMMANDS.fixAll: {
      const uri = uriArg(args[0]);
      if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document URI');
      return { applied: await host.fixAll(uri) };
    }
    case COMMANDS.chmod600: {
      const result = chmod600(args[0]);
      if (result.ok) host.fileChanged(result.path);
      return result;
    }
    case COMMANDS.generateNginxBlock: {
      const options = await generateOptions(args[0], host);
      try { return generateNginx(options); } catch (e) {
        throw new ResponseError(ErrorCodes.InvalidParams, `cannot generate the block: ${(e as Error).message}`);
      }
    }
    case COMMANDS.listUpstreams:
      return listUpstreams(host, uriArg(args[0]));
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(params.command)}`);
  }
}

function uriArg(a: unknown): string | undefined {
  if (typeof a === 'string') return a;
  if (typeof a === 'object' && a !== null && typeof (a as { uri?: unknown }).uri === 'string') return (a as { uri: string }).uri;
  return undefined;
}

/**
 * `[options]` as sent by a client: `serverNames` (or one `serverName`), `upstream`, `profile`;
 * the nginx version defaults to the one configured for `uri` (settings or .deploylint.yaml).
 */
async function generateOptions(raw: unknown, host: CommandHost): Promise<GenerateOptions> {
  if (typeof raw !== 'object' || raw === null) throw new ResponseError(ErrorCodes.InvalidParams, 'expected generator options');
  const o = raw as Record<string, unknown>;
  const names = Array.isArray(o.serverNames) ? o.serverNames : typeof o.serverName === 'string' ? o.serverName.split(/\s+/) : [];
  const serverNames = names.filter((n): n is string => typeof n === 'string' && n.length > 0);
  if (!serverNames.length || typeof o.upstream !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected serverNames and upstream');
  const profile = o.profile === 'modern' ? 'modern' : 'intermediate';
  const nginxVersion = typeof o.nginxVersion === 'string' ? o.nginxVersion : await host.nginxVersion(typeof o.uri === 'string' ? o.uri : undefined);
  return { ...(o as object), serverNames, upstream: o.upstream, profile, nginxVersion };
}

function listUpstreams(host: CommandHost, uri?: string): Upstream[] {
  const found: Upstream[] = [];
  for (const f of host.composeFiles(uri)) if (languageOf(f.path) === 'compose') found.push(...upstreamsOf(f.path, parseCompose(f.text)));
  return sortUpstreams(found);
}
