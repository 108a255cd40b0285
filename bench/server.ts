import type { Row } from './run';

/** Server-side measures (initialize time, keystroke latency, heap growth); filled in with the server. */
export async function measureServer(): Promise<Row[]> {
  return [];
}
