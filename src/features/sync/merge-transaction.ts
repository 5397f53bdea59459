// The one transaction a merge writes in: the records, their chains' heads, their effects on the
// log's stores and the refusals all commit together or not at all, so a device never holds an
// effect without its record, nor a record without its effect.
import type { IDBPTransaction } from 'idb';
import { STORE, type TocsinDB } from '../../db/schema.js';

/** Every store a merge may write. */
export const MERGE_STORES = [
  STORE.settings,
  STORE.syncRecords,
  STORE.syncHeads,
  STORE.syncRejections,
  STORE.syncEquivocations,
  STORE.logEntries,
  STORE.crises,
  STORE.ticks,
  STORE.rollCalls,
  STORE.rollCallAnswers,
] as const;

export type MergeTransaction = IDBPTransaction<
  TocsinDB,
  (typeof MERGE_STORES)[number][],
  'readwrite'
>;
