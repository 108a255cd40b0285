// Transport only: `--stdio`, `--node-ipc` or `--socket=N` picks the channel; the service does the rest.
import { createConnection } from 'vscode-languageserver/node';
import { startService } from './service';

startService(createConnection());
