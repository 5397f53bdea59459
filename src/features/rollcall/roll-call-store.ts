import type { DatabaseService } from '../../app/database-service.js';
import { INDEX, STORE } from '../../db/schema.js';
import type { KitSummaryStore } from '../kit/kit-summary-store.js';
import type { LogStore } from '../log/log-store.js';
import {
  isFutureDated,
  type RollCall,
  type RollCallAnswer,
  type RollCallStatus,
} from '../../domain/records.js';

/** A roll-call with every member's latest answer. */
export interface RollCallBoard {
  rollCall: RollCall;
  answers: RollCallAnswer[];
}

/**
 * The roll-call ("Présences"): starting one and answering it are shared records like log entries,
 * written with their outbox item in one transaction and signed by the member's key.
 */
export class RollCallStore {
  constructor(
    private readonly database: DatabaseService,
    private readonly kit: KitSummaryStore,
    /** Told of every change, so the sync signs and sends it. */
    private readonly log: LogStore,
  ) {}

  /** The most recent roll-call and its answers; undefined when none was ever started. */
  async latest(): Promise<RollCallBoard | undefined> {
    const db = await this.database.db();
    const rollCalls = await db.getAll(STORE.rollCalls);
    // A roll-call dated ahead of the clock (a forged or wrong date) never hides the real latest.
    const now = Date.now();
    const rollCall = rollCalls.sort(
      (a, b) =>
        Number(isFutureDated(a.startedAt, now)) - Number(isFutureDated(b.startedAt, now)) ||
        compare(b.startedAt, a.startedAt) ||
        compare(b.id, a.id),
    )[0];
    if (!rollCall) return undefined;
    const answers = await db.getAllFromIndex(
      STORE.rollCallAnswers,
      INDEX.answersByRollCall,
      rollCall.id,
    );
    return { rollCall, answers };
  }

  /** Starts a roll-call in the name of this device's member. */
  async start(): Promise<RollCall> {
    const rollCall: RollCall = {
      id: crypto.randomUUID(),
      startedAt: new Date().toISOString(),
      by: await this.memberId(),
    };
    const db = await this.database.db();
    const tx = db.transaction([STORE.rollCalls, STORE.syncOutbox], 'readwrite', {
      durability: 'strict',
    });
    void tx.objectStore(STORE.rollCalls).add(rollCall);
    void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'rollcall', rollCall } });
    await tx.done;
    this.log.noteWritten();
    return rollCall;
  }

  /** Answers a roll-call for this device's member; a later answer replaces an earlier one. */
  async answer(rollCallId: string, status: RollCallStatus): Promise<RollCallAnswer> {
    const answer: RollCallAnswer = {
      rollCallId,
      member: await this.memberId(),
      status,
      at: new Date().toISOString(),
    };
    const db = await this.database.db();
    const tx = db.transaction([STORE.rollCallAnswers, STORE.syncOutbox], 'readwrite', {
      durability: 'strict',
    });
    void tx.objectStore(STORE.rollCallAnswers).put(answer);
    void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'answer', answer } });
    await tx.done;
    this.log.noteWritten();
    return answer;
  }

  private async memberId(): Promise<string> {
    const kit = await this.kit.loadInstalledKit();
    if (!kit) throw new Error('Only an enrolled member can take part in a roll-call.');
    return kit.member.id;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
