import * as fs from 'node:fs';

// The CLI's standard output and error without `process.stdout`/`process.stderr` and without
// node:tty: their stream machinery (node:net, streams) costs a fresh process about 10 ms to load.

/**
 * Writes all of `text` to a file descriptor synchronously. A pipe another process made non-blocking
 * answers EAGAIN when full: wait a millisecond and go on. A reader that went away (`deploylint ... | head`) ends the output quietly, as it would a shell tool's.
 */
export function writeFd(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/**
 * Whether `fd` is a terminal, as tty.isatty tells: a character device other than /dev/null. Windows
 * consoles are not character devices to fstat, so there node:tty answers.
 */
export function isTerminal(fd: number): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (process.platform === 'win32') return (require('node:tty') as typeof import('node:tty')).isatty(fd);
  try {
    const st = fs.fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
