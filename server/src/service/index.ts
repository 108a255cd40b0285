import type { Connection } from 'vscode-languageserver/node';
import { DeploylintService } from './service';
import { registerHeapProbe } from './heap-probe';

/** Wires the deploylint language service to a connection and starts listening. */
export function startService(connection: Connection): void {
  registerHeapProbe(connection);
  new DeploylintService(connection).listen();
}
