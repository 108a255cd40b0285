/** Debounces work per key (a document URI): the last call within `delayMs` wins. */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  schedule(key: string, run: () => void, delayMs = this.delayMs): void {
    this.cancel(key);
    const t = setTimeout(() => { this.timers.delete(key); run(); }, delayMs);
    this.timers.set(key, t);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) { clearTimeout(t); this.timers.delete(key); }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
