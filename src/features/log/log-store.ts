import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { INDEX, STORE } from '../../db/schema.js';
import type { ChecklistTick } from '../../domain/playbook.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { sealEntry, verifyChains, type ChainProblem } from '../../domain/log-chain.js';
import {
  MAX_ENTRY_TEXT,
  type Crisis,
  type EntryKind,
  type EntryPriority,
  type LogEntry,
} from '../../domain/log.js';
import {
  deviceOfEntryId,
  entryId,
  memberDeviceId,
  newCrisisId,
  writerOfDevice,
} from '../../domain/log-writer.js';

/** What the user writes; the store adds the device, sequence, times and hashes. */
export interface EntryDraft {
  crisisId: string;
  author: string;
  kind: EntryKind;
  text: string;
  priority?: EntryPriority;
  /** When it happened; defaults to now. */
  occurredAt?: Date;
  refs?: { checklistItemIds?: string[]; contactIds?: string[] };
  corrects?: string;
}

/** Records written in the same transaction as an entry, so both or neither are stored. */
export interface WrittenAlongside {
  tick?: ChecklistTick;
  crisis?: Crisis;
}

/** A crisis's log as opened: its entries in order, and what the chain verification found. */
export interface OpenedLog {
  entries: LogEntry[];
  problems: ChainProblem[];
}

/** How many times an append retries when another tab extended the same chain meanwhile. */
const APPEND_ATTEMPTS = 5;

/** The main courante in IndexedDB: append-only, one hash chain per device and crisis. */
export class LogStore {
  /** Counts changes to the shared data since start, written here or merged: pages refresh. */
  readonly changes = new Observable(0);
  /** Counts changes written here and queued in the outbox since start: the sync signs them. */
  readonly queued = new Observable(0);

  constructor(
    private readonly database: DatabaseService,
    private readonly settings: SettingsStore,
    /**
     * The member id of this device's enrolled member, undefined before enrollment: the member
     * whose chain (and signature) this device's entries and ticks go into.
     */
    private readonly enrolledMember: () => Promise<string | undefined>,
  ) {}

  /**
   * The chain this device writes into: `<member>@<device>` once enrolled, so that only that member
   * can extend it (docs/sync.md); the bare device id before (kept on this device only).
   */
  async writerChain(): Promise<{ deviceId: string; memberId?: string }> {
    const [device, memberId] = await Promise.all([this.settings.deviceId(), this.enrolledMember()]);
    return memberId
      ? { deviceId: memberDeviceId(memberId, device), memberId }
      : { deviceId: device };
  }

  /** Every crisis on this device, the most recent first. */
  async listCrises(): Promise<Crisis[]> {
    const db = await this.database.db();
    const crises = await db.getAll(STORE.crises);
    return crises.sort((a, b) => compareOrdinal(b.startedAt, a.startedAt));
  }

  /** Opens a crisis; its first entry records the opening, in the same transaction. */
  async openCrisis(name: string, author: string, startedAt = new Date()): Promise<Crisis> {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('A crisis needs a name.');
    const crisis: Crisis = {
      id: newCrisisId((await this.writerChain()).memberId),
      name: trimmed,
      startedAt: startedAt.toISOString(),
      openedAt: new Date().toISOString(),
    };
    await this.append(
      { crisisId: crisis.id, author, kind: 'note', text: trimmed, occurredAt: startedAt },
      { crisis },
    );
    return crisis;
  }

  /**
   * Appends an entry to this device's chain. Resolves only once the transaction is committed
   * with strict durability, so the UI never says "saved" for an entry a crash could lose.
   * Fails as a whole (nothing written) on a full disk or any other error.
   */
  async append(draft: EntryDraft, alongside: WrittenAlongside = {}): Promise<LogEntry> {
    const text = draft.text.trim();
    if (!text) throw new Error('An entry needs a text.');
    if (text.length > MAX_ENTRY_TEXT) throw new Error('This entry is too long.');
    const { deviceId, memberId } = await this.writerChain();
    // A tick is in the name of the member who signs its entry: the signer, not a typed name.
    const tick = alongside.tick && memberId ? { ...alongside.tick, by: memberId } : alongside.tick;
    const db = await this.database.db();
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const head = await this.chainHead(draft.crisisId, deviceId);
      const seq = (head?.seq ?? 0) + 1;
      const now = new Date();
      // Hashing is asynchronous and would let an IndexedDB transaction auto-commit, so the
      // entry is sealed first and the transaction then checks the chain head has not moved.
      const entry = await sealEntry({
        id: entryId(draft.crisisId, deviceId, seq),
        crisisId: draft.crisisId,
        deviceId,
        seq,
        occurredAt: (draft.occurredAt ?? now).toISOString(),
        recordedAt: now.toISOString(),
        author: draft.author.trim(),
        kind: draft.kind,
        priority: draft.priority ?? 'normal',
        text,
        refs: {
          checklistItemIds: [...(draft.refs?.checklistItemIds ?? [])],
          contactIds: [...(draft.refs?.contactIds ?? [])],
        },
        ...(draft.corrects ? { corrects: draft.corrects } : {}),
        prevHash: head?.hash ?? '',
      });
      const tx = db.transaction(
        [STORE.logEntries, STORE.ticks, STORE.crises, STORE.syncOutbox],
        'readwrite',
        { durability: 'strict' },
      );
      const current = await tx
        .objectStore(STORE.logEntries)
        .index(INDEX.entriesByChain)
        .openCursor(chainRange(draft.crisisId, deviceId), 'prev');
      if ((current?.value.hash ?? '') !== entry.prevHash) {
        tx.abort();
        await tx.done.catch(() => undefined);
        continue;
      }
      try {
        void tx.objectStore(STORE.logEntries).add(entry);
        if (tick) void tx.objectStore(STORE.ticks).put(tick);
        if (alongside.crisis) void tx.objectStore(STORE.crises).put(alongside.crisis);
        // The same changes wait in the outbox to be signed and shared with the cell, in the order
        // a receiver needs them (the crisis before its first entry): written in this transaction,
        // so a change is never stored without being queued, nor queued without being stored.
        const outbox = tx.objectStore(STORE.syncOutbox);
        if (alongside.crisis)
          void outbox.add({ body: { type: 'crisis', crisis: alongside.crisis } });
        void outbox.add({ body: { type: 'entry', entry } });
        if (tick) void outbox.add({ body: { type: 'tick', tick } });
      } catch (error) {
        // A record IndexedDB refuses throws at once: write nothing rather than a part.
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
      this.noteWritten();
      return entry;
    }
    throw new Error('Another tab kept writing to this log; try again.');
  }

  /** Tells that a change was written here and queued for sharing (any store's, in one place). */
  noteWritten(): void {
    this.queued.set(this.queued.value + 1);
    this.changes.set(this.changes.value + 1);
  }

  /** Tells that records from other devices changed the shared data. */
  noteMerged(): void {
    this.changes.set(this.changes.value + 1);
  }

  /** A crisis's entries in log order: occurred-at time, then author, device and sequence. */
  async entries(crisisId: string): Promise<LogEntry[]> {
    const db = await this.database.db();
    const entries = await db.getAllFromIndex(STORE.logEntries, INDEX.entriesByCrisis, crisisId);
    return entries.sort(compareEntries);
  }

  /** Opens a crisis's log and verifies every chain in it. */
  async openLog(crisisId: string): Promise<OpenedLog> {
    const entries = await this.entries(crisisId);
    return { entries, problems: await verifyChains(entries) };
  }

  /** The checklist ticks of a crisis. */
  async ticks(crisisId: string): Promise<ChecklistTick[]> {
    const db = await this.database.db();
    return db.getAllFromIndex(STORE.ticks, INDEX.ticksByCrisis, crisisId);
  }

  private async chainHead(crisisId: string, deviceId: string): Promise<LogEntry | undefined> {
    const db = await this.database.db();
    const cursor = await db
      .transaction(STORE.logEntries)
      .store.index(INDEX.entriesByChain)
      .openCursor(chainRange(crisisId, deviceId), 'prev');
    return cursor?.value;
  }
}

function chainRange(crisisId: string, deviceId: string): IDBKeyRange {
  return IDBKeyRange.bound([crisisId, deviceId, 0], [crisisId, deviceId, Infinity]);
}

/**
 * The log order, the same on every device that holds the same entries: ordinal comparisons only,
 * since locale-aware ones differ between devices.
 */
export function compareEntries(a: LogEntry, b: LogEntry): number {
  return (
    compareOrdinal(a.occurredAt, b.occurredAt) ||
    compareOrdinal(a.author, b.author) ||
    compareOrdinal(a.deviceId, b.deviceId) ||
    a.seq - b.seq
  );
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The ids of entries that a later entry corrects (shown struck through). Only an entry's own
 * writer can strike it: a "correction" of someone else's entry is shown, and strikes nothing.
 */
export function correctedIds(entries: readonly LogEntry[]): Set<string> {
  return new Set(
    entries.flatMap((entry) => {
      const target = entry.corrects && deviceOfEntryId(entry.corrects);
      return target && writerOfDevice(target) === writerOfDevice(entry.deviceId)
        ? [entry.corrects!]
        : [];
    }),
  );
}
