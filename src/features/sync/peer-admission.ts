// What one participant may make this device do: a member sends a few messages a second and pushes
// at most a hundred of its own records at once, so anything far beyond that is a flood, dropped
// before it is read, queued or stored. Honest devices lose nothing by it: whatever was dropped is
// announced again by the next hello and fetched window by window.

/** A token bucket: `capacity` at once, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(count: number, now: number): boolean {
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.perSecond,
    );
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}

/** Messages a participant may send: a burst, then a steady rate. */
export const MESSAGE_BURST = 60;
export const MESSAGES_PER_SECOND = 20;
/** Records a participant may push unasked (its own new records): a burst, then a steady rate. */
export const PUSHED_RECORDS_BURST = 500;
export const PUSHED_RECORDS_PER_SECOND = 50;
/**
 * Records a participant may ask this device for: a catch-up asks a window of 1,000 at a time and
 * merges it before the next, far below this; a member asking for the whole log again and again
 * to keep this device busy is not.
 */
export const SERVED_RECORDS_BURST = 6000;
export const SERVED_RECORDS_PER_SECOND = 3000;
/** Messages of one participant waiting to be handled: more means this device cannot keep up. */
export const MAX_PENDING_MESSAGES = 100;

/** Admits or drops what each participant sends, and says when a refusal is worth keeping. */
export class PeerAdmission {
  private readonly messages = new Map<string, Bucket>();
  private readonly pushes = new Map<string, Bucket>();
  private readonly served = new Map<string, Bucket>();
  private readonly pending = new Map<string, number>();
  /** Refusals kept per (participant, reason) in the current window: a sample, not every drop. */
  private readonly kept = new Map<string, { since: number; count: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    /** One kept refusal per participant and reason per this long. */
    private readonly refusalWindowMs = 10_000,
  ) {}

  /** Whether a message from `from` may be queued; it must then be `done()` once handled. */
  admitMessage(from: string): boolean {
    const now = this.clock();
    const pending = this.pending.get(from) ?? 0;
    if (pending >= MAX_PENDING_MESSAGES) return false;
    if (!bucket(this.messages, from, MESSAGE_BURST, MESSAGES_PER_SECOND, now).take(1, now)) {
      return false;
    }
    this.pending.set(from, pending + 1);
    return true;
  }

  /** A message of `from` was handled. */
  done(from: string): void {
    const pending = (this.pending.get(from) ?? 1) - 1;
    if (pending > 0) this.pending.set(from, pending);
    else this.pending.delete(from);
  }

  /** Whether `from` may push `count` records unasked. */
  admitPush(from: string, count: number): boolean {
    const now = this.clock();
    return bucket(this.pushes, from, PUSHED_RECORDS_BURST, PUSHED_RECORDS_PER_SECOND, now).take(
      count,
      now,
    );
  }

  /** Whether `from` may be sent `count` records it asked for. */
  admitWant(from: string, count: number): boolean {
    const now = this.clock();
    return bucket(this.served, from, SERVED_RECORDS_BURST, SERVED_RECORDS_PER_SECOND, now).take(
      count,
      now,
    );
  }

  /**
   * True for the first `quota` refusals of `from` for `reason` in a window: keep those, and only
   * count the rest, so a flood writes no flood of rows.
   */
  shouldKeepRefusal(from: string, reason: string, quota = 1): boolean {
    const key = `${from}|${reason}`;
    const now = this.clock();
    const kept = this.kept.get(key);
    if (kept === undefined || now - kept.since >= this.refusalWindowMs) {
      this.kept.set(key, { since: now, count: 1 });
      return true;
    }
    if (kept.count >= quota) return false;
    kept.count += 1;
    return true;
  }
}

function bucket(
  buckets: Map<string, Bucket>,
  key: string,
  capacity: number,
  perSecond: number,
  now: number,
): Bucket {
  let found = buckets.get(key);
  if (!found) {
    found = new Bucket(capacity, perSecond, now);
    buckets.set(key, found);
  }
  return found;
}
