// The engine's work, one queue per participant ("" for this device's own), served in turn and one
// task at a time: merges never race each other, and a flooding member waits behind itself, not in
// front of everyone else.
export type SyncTask = () => Promise<void>;

export class FairQueue {
  private readonly queues = new Map<string, SyncTask[]>();
  private draining = false;
  private stopped = false;

  /** Queues a task of `from` and starts serving if idle. */
  enqueue(task: SyncTask, from = ''): void {
    if (this.stopped) return;
    const queue = this.queues.get(from) ?? [];
    queue.push(task);
    this.queues.set(from, queue);
    if (this.draining) return;
    this.draining = true;
    void Promise.resolve().then(() => this.drain());
  }

  /** Drops what waits; the task running finishes, nothing after it starts. */
  stop(): void {
    this.stopped = true;
    this.queues.clear();
  }

  /** Runs the waiting work one task at a time, one participant after the other. */
  private async drain(): Promise<void> {
    for (let task = this.nextTask(); task && !this.stopped; task = this.nextTask()) {
      try {
        await task();
      } catch (error) {
        // A failed send (the room went away) or a database error must not stop later messages;
        // what was not exchanged is asked for again by the next hello.
        console.warn('Tocsin sync:', error instanceof Error ? error.message : error);
      }
    }
    this.draining = false;
  }

  /** The next task of the participant whose turn it is; its queue then goes to the back. */
  private nextTask(): SyncTask | undefined {
    for (const [from, queue] of this.queues) {
      this.queues.delete(from);
      const task = queue.shift();
      if (queue.length > 0) this.queues.set(from, queue);
      if (task) return task;
    }
    return undefined;
  }
}
