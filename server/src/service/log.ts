import { ResponseError, type Connection } from 'vscode-languageserver/node';

/**
 * The server's log (the client's output channel). Messages name files, rule ids and error kinds,
 * never file contents or secret values: errors are reduced to their class and stack frames,
 * because a message may quote the text that failed to parse.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m, e) => connection.console.error(e === undefined ? m : `${m}: ${describeError(e)}`),
  };
}

/** `TypeError at check (rules/x.ts:12:3) ...`: the kind of error and where, without its message. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4).map((l) => l.trim());
  return [e.name || 'Error', ...frames].join('\n    ');
}

/**
 * Runs a request handler so that a throw (or a rejected promise) is logged and answered with
 * `fallback`: bad input from a client never takes the server down. A ResponseError is a deliberate
 * answer (invalid arguments of a command) and goes back to the client as such.
 */
export function guard<P extends unknown[], R>(log: Logger, name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log.error(`${name} failed`, e);
      return fallback;
    }
  };
}

/** The same for notifications (nothing to answer). */
export function guardVoid<P extends unknown[]>(log: Logger, name: string, fn: (...args: P) => void | Promise<void>): (...args: P) => void {
  return (...args: P) => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e) => log.error(`${name} failed`, e));
    } catch (e) {
      log.error(`${name} failed`, e);
    }
  };
}
