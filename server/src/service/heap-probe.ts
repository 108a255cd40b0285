import type { Connection } from 'vscode-languageserver/node';

/** Request the benchmark sends to read the server's heap (bench/server.ts). */
export const HEAP_REQUEST = 'deploylint/heap';

/**
 * For `npm run bench` only: answers `deploylint/heap` with `process.memoryUsage()` after a full
 * garbage collection. Registered only when the server runs with DEPLOYLINT_BENCH_HEAP=1 (and
 * `--expose-gc`, for the collection); editors never set it, so normal sessions have no such request.
 */
export function registerHeapProbe(connection: Connection): void {
  if (process.env.DEPLOYLINT_BENCH_HEAP !== '1') return;
  connection.onRequest(HEAP_REQUEST, () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });
}
