/** What both readers need to know about the read in progress. */
export interface ReadContext {
  readonly path: string;
  readonly size: number;
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly signal: AbortSignal | undefined;
  readonly pacer: Pacer;
  progress(rowsRead: number, bytesRead: number): void;
}

/**
 * Decides when a reader should let the event loop run (timers, IPC, repaint requests in a
 * main process). By time as well as by rows: a thousand rows of one-line CSV take a
 * millisecond, a thousand rows with long descriptions many more, and a busy laptop more still.
 */
export class Pacer {
  private last = performance.now();
  private rows = 0;

  constructor(
    private readonly everyRows: number,
    private readonly everyMs: number,
  ) {}

  /** Counts one row; true when it is time to pause. */
  row(): boolean {
    return ++this.rows >= this.everyRows || performance.now() - this.last >= this.everyMs;
  }

  /** True when enough time has passed (for readers that check between chunks, not rows). */
  overdue(): boolean {
    return this.rows >= this.everyRows || performance.now() - this.last >= this.everyMs;
  }

  /** Noted by readers that count rows in callbacks and pause between chunks. */
  countRow(): void {
    this.rows++;
  }

  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
    this.rows = 0;
  }
}
