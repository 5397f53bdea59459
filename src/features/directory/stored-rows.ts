// The contacts of the rows on screen while a stored search index stands in for the directory
// (before every contact is read and checked): read fresh by id, all the rows one render asks for
// in one transaction.
import type { Contact } from '../../domain/contact.js';

export class StoredRows {
  /** Contacts read; null: no longer stored. */
  private readonly rows = new Map<string, Contact | null>();
  /** Rows to read at the next microtask, and rows being read. */
  private readonly wanted = new Set<string>();
  private readonly asked = new Set<string>();
  /** Called back after each read of rows. */
  private readonly readWaiters: (() => void)[] = [];
  /** Reads from before the last discardReadsInFlight() or clear() are dropped. */
  private epoch = 0;

  constructor(
    private readonly read: (ids: string[]) => Promise<Map<string, Contact>>,
    /** A read brought rows: the page renders again. */
    private readonly onRead: () => void,
  ) {}

  /** A contact already read, or undefined; null when it is no longer stored. */
  known(id: string): Contact | null | undefined {
    return this.rows.get(id);
  }

  /** A row's contact if read; otherwise it is read with the other rows of this render. */
  contact(id: string): Contact | undefined {
    const row = this.rows.get(id);
    if (row === undefined && !this.wanted.has(id) && !this.asked.has(id)) {
      if (this.wanted.size === 0) queueMicrotask(() => void this.readWanted());
      this.wanted.add(id);
    }
    return row ?? undefined;
  }

  /** Whether rows are asked for and not read yet. */
  get pending(): boolean {
    return this.wanted.size > 0 || this.asked.size > 0;
  }

  /** Settles after the next read of rows. */
  nextRead(): Promise<void> {
    return new Promise<void>((resolve) => this.readWaiters.push(resolve));
  }

  /** A new load began: what reads under way bring is not for it. */
  discardReadsInFlight(): void {
    this.epoch += 1;
  }

  /** Every contact is read now: the rows read one by one are no longer needed. */
  clear(): void {
    this.epoch += 1;
    this.rows.clear();
  }

  private async readWanted(): Promise<void> {
    const ids = [...this.wanted];
    this.wanted.clear();
    for (const id of ids) this.asked.add(id);
    const epoch = this.epoch;
    try {
      const found = await this.read(ids);
      if (epoch !== this.epoch) return;
      for (const id of ids) this.rows.set(id, found.get(id) ?? null);
      this.onRead();
    } catch {
      // The load under way reports what went wrong; its contacts replace these rows.
    } finally {
      for (const id of ids) this.asked.delete(id);
      for (const resolve of this.readWaiters.splice(0)) resolve();
    }
  }
}
