// The sync machinery, loaded only once something is to be shared (docs/sync.md).
import type { DatabaseService } from '../../app/database-service.js';
import type { SyncIdentity } from '../kit/kit-service.js';
import { createMessageSeal, type MessageSeal } from './message-seal.js';
import type { MergeResult } from './record-merge.js';
import { RecordJournal } from './record-journal.js';
import { RecordMerger } from './record-merge.js';
import { createRecordSigner, RecordVerifier } from './record-signature.js';
import { RecordStore } from './record-store.js';
import { SyncEngine, type SyncTransport } from './sync-engine.js';
import { isBackedOff } from './peer-credibility.js';
import { PUSH_LIMIT } from './sync-engine.js';
import type { PeerSync, SyncStatus } from './sync-status.js';

/** What the runtime tells the service. */
export interface RuntimeListener {
  merged(result: MergeResult): void;
  peersChanged(): void;
}

/** The journal, merger and (while in the room) the engine of one enrolled device. */
export class SyncRuntime {
  readonly store: RecordStore;
  private readonly journal: RecordJournal;
  private readonly merger: RecordMerger;
  private engine?: SyncEngine;

  private constructor(
    database: DatabaseService,
    private readonly identity: SyncIdentity,
    /** This member's chain on this device (`<member>@<device>`). */
    private readonly deviceId: string,
    signer: Awaited<ReturnType<typeof createRecordSigner>>,
    private readonly seal: MessageSeal,
    private readonly listener: RuntimeListener,
  ) {
    this.store = new RecordStore(database);
    this.journal = new RecordJournal(database, signer, deviceId);
    this.merger = new RecordMerger(database, identity.members, new RecordVerifier());
  }

  static async create(
    database: DatabaseService,
    identity: SyncIdentity,
    deviceId: string,
    listener: RuntimeListener,
  ): Promise<SyncRuntime> {
    const [signer, seal] = await Promise.all([
      createRecordSigner(identity.memberId, identity.signingSeed),
      createMessageSeal(identity.roomKey, identity.roomName),
    ]);
    return new SyncRuntime(database, identity, deviceId, signer, seal, listener);
  }

  get memberId(): string {
    return this.identity.memberId;
  }

  /** Signs what is queued and pushes it to the room when in it. */
  async sealAndPush(): Promise<void> {
    const sealed = await this.journal.sealQueued();
    if (sealed.length === 0) return;
    // A few new records go to everyone at once; a backlog (a long time offline) is announced, and
    // each device fetches it window by window, flow-controlled like any catch-up.
    if (sealed.length <= PUSH_LIMIT) this.engine?.pushOwn(sealed);
    else this.engine?.announce();
  }

  /** Starts the exchange over a room's transport; returns the engine's inbox. */
  attach(transport: SyncTransport): SyncEngine {
    this.engine?.stop();
    this.engine = new SyncEngine({
      transport,
      store: this.store,
      merger: this.merger,
      listener: this.listener,
      ownChain: { author: this.identity.memberId, device: this.deviceId },
      members: new Set(this.identity.members.keys()),
      seal: this.seal,
    });
    this.engine.start();
    return this.engine;
  }

  detach(engine: SyncEngine): void {
    engine.stop();
    if (this.engine === engine) this.engine = undefined;
  }

  /** The sync as the screens show it. */
  async status(): Promise<SyncStatus> {
    const [heads, outbox, rejections, equivocations, culprits] = await Promise.all([
      this.store.heads(),
      this.store.outboxCount(),
      this.store.rejections(),
      this.store.equivocations(),
      this.store.culprits(),
    ]);
    const held = new Map(heads.map((head) => [`${head.author}|${head.device}`, head.seq]));
    const holdings = this.engine?.holdings() ?? [];
    const own = heads.find(
      (head) => head.author === this.identity.memberId && head.device === this.deviceId,
    );
    const ownKey = `${this.identity.memberId}|${this.deviceId}`;
    const heldElsewhere = Math.max(
      own?.peerSeq ?? 0,
      ...holdings.map((peer) => peer.heads.get(ownKey)?.seq ?? 0),
    );
    const now = Date.now();
    const peers: PeerSync[] = holdings.map((peer) => {
      let missingHere = 0;
      let missingThere = 0;
      for (const [key, { seq }] of peer.heads) {
        // A claim it failed to deliver is not shown as something to receive.
        if (isBackedOff(peer, key, now)) continue;
        missingHere += Math.max(0, seq - (held.get(key) ?? 0));
      }
      for (const [key, seq] of held)
        missingThere += Math.max(0, seq - (peer.heads.get(key)?.seq ?? 0));
      return { identity: peer.identity, missingHere, missingThere };
    });
    const lastArrival = new Map<string, string>();
    for (const head of heads) {
      if ((lastArrival.get(head.author) ?? '') < head.receivedAt) {
        lastArrival.set(head.author, head.receivedAt);
      }
    }
    const rejected: SyncStatus['rejected'] = {};
    for (const { reason } of rejections) rejected[reason] = (rejected[reason] ?? 0) + 1;
    return {
      enrolled: true,
      connected: this.engine !== undefined,
      peers,
      waiting: outbox + Math.max(0, (own?.seq ?? 0) - heldElsewhere),
      lastArrival: [...lastArrival].map(([member, at]) => ({ member, at })),
      rejected,
      equivocators: [...new Set(equivocations.map((e) => e.author))],
      culprits,
    };
  }
}
