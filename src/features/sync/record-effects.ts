// What an accepted record does to this device's log: a crisis opened, an entry written, an item
// ticked, a roll-call started or answered. Applied in the merge's transaction once the record's
// signature and chain were checked. The rules for what replaces what are the same on every device
// and do not depend on the order records arrive in, so devices that merged the same records hold
// the same log.
import { INDEX, STORE } from '../../db/schema.js';
import type { LogEntry } from '../../domain/log.js';
import type { RecordBody } from '../../domain/records.js';
import type { MergeTransaction } from './merge-transaction.js';

/**
 * Writes what a record says into the log's stores, with `put`s whose keys were read first, so no
 * write can fail on a key and abort the others. Says why when it contradicts what is held (an
 * entry that does not extend its device's entry chain, or that replaces a held entry).
 *
 * A tick or an answer replaces the held one when it is later; but one dated beyond
 * `trustedAfter` (ahead of this device's clock) never replaces one that is not: a far-future date
 * cannot keep a checklist item or an answer in place against a later genuine change.
 */
export async function applyRecordBody(
  tx: MergeTransaction,
  body: RecordBody,
  entryHeads: Map<string, EntryHead>,
  trustedAfter: string,
): Promise<string | undefined> {
  const later = (a: { at: string }, b: { at: string }, tie: () => boolean) => {
    const aTrusted = a.at <= trustedAfter;
    if (aTrusted !== b.at <= trustedAfter) return aTrusted;
    return a.at !== b.at ? a.at > b.at : tie();
  };
  switch (body.type) {
    case 'crisis': {
      const crises = tx.objectStore(STORE.crises);
      if (!(await crises.get(body.crisis.id))) void crises.put(body.crisis);
      return undefined;
    }
    case 'entry':
      return applyEntry(tx, body.entry, entryHeads);
    case 'tick': {
      const { tick } = body;
      const ticks = tx.objectStore(STORE.ticks);
      const held = await ticks.get([tick.crisisId, tick.itemId]);
      if (!held || later(tick, held, () => tieBreakTick(tick, held))) void ticks.put(tick);
      return undefined;
    }
    case 'rollcall': {
      const rollCalls = tx.objectStore(STORE.rollCalls);
      if (!(await rollCalls.get(body.rollCall.id))) void rollCalls.put(body.rollCall);
      return undefined;
    }
    case 'answer': {
      const { answer } = body;
      const answers = tx.objectStore(STORE.rollCallAnswers);
      const held = await answers.get([answer.rollCallId, answer.member]);
      if (!held || later(answer, held, () => answer.status > held.status)) {
        void answers.put(answer);
      }
      return undefined;
    }
  }
}

/** The last entry of one device's chain in one crisis, as far as this transaction knows. */
export interface EntryHead {
  seq: number;
  hash: string;
}

async function applyEntry(
  tx: MergeTransaction,
  entry: LogEntry,
  entryHeads: Map<string, EntryHead>,
): Promise<string | undefined> {
  const entries = tx.objectStore(STORE.logEntries);
  const key = `${entry.crisisId}|${entry.deviceId}`;
  let head = entryHeads.get(key);
  if (!head) {
    const previous = await entries
      .index(INDEX.entriesByChain)
      .openCursor(
        IDBKeyRange.bound(
          [entry.crisisId, entry.deviceId, 0],
          [entry.crisisId, entry.deviceId, Infinity],
        ),
        'prev',
      );
    head = { seq: previous?.value.seq ?? 0, hash: previous?.value.hash ?? '' };
  }
  if (entry.seq <= head.seq) {
    // Already here (from a backup, say): the same entry is fine, a different one is not.
    const held = await entries.get(entry.id);
    return held?.hash === entry.hash ? undefined : 'its entry differs from the one held';
  }
  // A number beyond the chain's head is not held: its id (exactly its crisis, device and number,
  // checked by the reader) is free, so the put below neither fails nor replaces an entry.
  if (entry.seq !== head.seq + 1 || entry.prevHash !== head.hash) {
    return 'its entry does not follow its device’s previous entry';
  }
  void entries.put(entry);
  entryHeads.set(key, { seq: entry.seq, hash: entry.hash });
  return undefined;
}

/** Between ticks of the same instant, an order every device agrees on. */
function tieBreakTick(a: { by: string; done: boolean }, b: { by: string; done: boolean }): boolean {
  if (a.by !== b.by) return a.by > b.by;
  return a.done && !b.done;
}
