import type { Connection } from 'vscode-languageserver/node';
import { DeploylintService } from './service';

/** Wires the deploylint language service to a connection and starts listening. */
export function startService(connection: Connection): void {
  new DeploylintService(connection).listen();
}
