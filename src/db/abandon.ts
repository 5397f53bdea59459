// Giving up a write transaction after a failure part-way through queuing its writes.

/**
 * Aborts `tx` so none of its queued writes lands, and waits for it to end. The queued writes fail
 * with the abort: their rejections are swallowed here, since the error that matters is the
 * caller's, which it throws next.
 */
export async function abandonTransaction(
  tx: { abort(): void; readonly done: Promise<void> },
  writes: readonly Promise<unknown>[],
): Promise<void> {
  for (const write of writes) write.catch(() => undefined);
  tx.abort();
  await tx.done.catch(() => undefined);
}
