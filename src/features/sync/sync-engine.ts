import { memberOfDevice } from '../../domain/log-writer.js';
import type { ChainHead, StoredRecord, SyncRecord } from '../../domain/records.js';
import { FairQueue, type SyncTask } from './fair-queue.js';
import type { MessageSeal } from './message-seal.js';
import { PeerAdmission } from './peer-admission.js';
import { chainKey, distrust, judgeDelivery, type PeerHoldings } from './peer-credibility.js';
import type { MergeResult, RecordMerger } from './record-merge.js';
import { toWire, type RecordStore } from './record-store.js';
import {
  batchRecords,
  decodeMessage,
  encodeMessage,
  MalformedMessage,
  type HeldChain,
  type SyncMessage,
  type WantedRange,
} from './sync-protocol.js';
import {
  inRanges,
  planWants,
  WANT_WINDOW,
  windowsAhead,
  type PendingWant,
} from './want-planner.js';

/** How the engine reaches the other devices in the room: LiveKit data, or a test's loopback. */
export interface SyncTransport {
  /**
   * Sends a message to some participants, or to everyone when `to` is undefined. Resolves once
   * the network took it: awaiting it is the flow control that keeps a catch-up from flooding.
   */
  send(text: string, to?: readonly string[]): Promise<void>;
}

/** What the engine tells the app. */
export interface SyncEngineListener {
  /** Records were merged (or refused): the log and the indicators should refresh. */
  merged(result: MergeResult): void;
  /** What the other devices hold changed. */
  peersChanged(): void;
}

/** What the engine needs. */
export interface SyncEngineOptions {
  transport: SyncTransport;
  store: RecordStore;
  merger: RecordMerger;
  listener: SyncEngineListener;
  /** This device's own chain; its author is this participant's identity. */
  ownChain: { author: string; device: string };
  /** The member ids of the signed directory: nobody else takes part. */
  members: ReadonlySet<string>;
  /** Seals what is sent, opens what arrives, with the room's key. */
  seal: MessageSeal;
}

/** Characters of records per message; a window is cut to this and the rest asked for again. */
export const MESSAGE_BUDGET = 512 * 1024;
/** Most records a device pushes unasked in one message (its own new ones). */
export const PUSH_LIMIT = 100;
/** A want not answered in this time is asked again, of whoever else holds the records. */
const WANT_TIMEOUT_MS = 15_000;
/** Hellos after merges are grouped: one per this delay. */
const HELLO_DELAY_MS = 300;
/** A hello asking for a reply gets at most one per this delay from this device. */
const HELLO_REPLY_INTERVAL_MS = 2_000;
/** Rows kept per sender, reason and signer every 10 s: a sample of a flood, the rest counted. */
const REFUSAL_ROWS_PER_WINDOW = 20;
/**
 * The sync protocol of one device in the crisis room (docs/sync.md): say what it holds, ask the
 * others for what it lacks one window at a time, answer their asks, push its own new records.
 * Messages are handled one at a time, in order, so merges never race each other.
 *
 * Nothing a peer says is believed until it delivers: a claimed head is a reason to ask, and a
 * peer that claimed and did not deliver (or delivered refused records) is asked last, and not
 * again for that chain until a growing delay has passed. Only members of the signed directory
 * take part, only with sealed messages, and only at the rate a member ever needs.
 */
export class SyncEngine {
  private readonly peers = new Map<string, PeerHoldings>();
  /**
   * The want each peer has not answered yet: one at a time per peer. One that timed out stays,
   * given up (`expired`), so that its answer, if it comes late, is still taken.
   */
  private readonly asked = new Map<string, PendingWant>();
  private readonly admission = new PeerAdmission();
  private readonly lastReply = new Map<string, number>();
  private readonly work = new FairQueue();
  private helloTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setInterval>;
  private stopped = false;
  private readonly transport: SyncTransport;
  private readonly store: RecordStore;
  private readonly merger: RecordMerger;
  private readonly listener: SyncEngineListener;
  private readonly ownChain: { author: string; device: string };
  private readonly members: ReadonlySet<string>;
  private readonly seal: MessageSeal;

  constructor(options: SyncEngineOptions) {
    ({
      transport: this.transport,
      store: this.store,
      merger: this.merger,
      listener: this.listener,
      ownChain: this.ownChain,
      members: this.members,
      seal: this.seal,
    } = options);
  }

  /** Joins the exchange: tells everyone what this device holds and asks them the same. */
  start(): void {
    this.enqueue(() => this.sendHello(true));
    // Now and then, say what is held again and re-ask what is still missing: a message lost in
    // a reconnection must not leave a device behind until someone writes something new.
    let ticks = 0;
    this.retryTimer = setInterval(() => {
      ticks += 1;
      this.enqueue(() => (ticks % 4 === 0 ? this.sendHello(false) : this.askForMissing()));
    }, 5_000);
  }

  stop(): void {
    this.stopped = true;
    this.work.stop();
    clearTimeout(this.helloTimer);
    clearInterval(this.retryTimer);
    this.peers.clear();
    this.asked.clear();
  }

  /** What each peer in the room holds. */
  holdings(): readonly PeerHoldings[] {
    return [...this.peers.values()];
  }

  /** A participant arrived: say hello to it, in case it missed the one broadcast at its join. */
  peerJoined(identity: string): void {
    if (!this.members.has(identity)) return;
    this.enqueue(() => this.sendHello(true, [identity]));
  }

  peerLeft(identity: string): void {
    if (!this.peers.delete(identity)) return;
    this.asked.delete(identity);
    this.listener.peersChanged();
    this.enqueue(() => this.askForMissing());
  }

  /**
   * A message arrived on the sync topic from `from`. A participant who is not a member, or who
   * sends more than a member ever does, is refused here, before anything is read or queued.
   */
  receive(text: string, from: string): void {
    if (this.stopped) return;
    if (!this.members.has(from)) return this.refuseMessage(from, 'not-member');
    if (!this.admission.admitMessage(from)) return this.refuseMessage(from, 'flood');
    this.enqueue(async () => {
      try {
        await this.handle(text, from);
      } finally {
        this.admission.done(from);
      }
    }, from);
  }

  /** Tells everyone what this device holds now, so they fetch what they lack. */
  announce(): void {
    this.enqueue(() => this.sendHello(false));
  }

  /** New records of this device's own chain: pushed to everyone present. */
  pushOwn(records: readonly StoredRecord[]): void {
    if (records.length === 0) return;
    this.enqueue(() => this.sendRecords(records.map(toWire), undefined, false));
  }

  private enqueue(task: SyncTask, from = ''): void {
    this.work.enqueue(task, from);
  }

  /** Keeps one refusal per participant and reason per window: a flood writes no flood of rows. */
  private refuseMessage(
    from: string,
    reason: 'malformed' | 'unsealed' | 'not-member' | 'flood',
    detail?: string,
  ): void {
    if (!this.admission.shouldKeepRefusal(from, reason)) return;
    void this.merger.refuseMessage(from, reason, detail).then(
      (result) => this.listener.merged(result),
      () => undefined,
    );
  }

  private async handle(wire: string, from: string): Promise<void> {
    const text = await this.seal.open(wire, from);
    if (text === undefined) return this.refuseMessage(from, 'unsealed');
    let message: ReturnType<typeof decodeMessage>;
    try {
      message = decodeMessage(text);
    } catch (error) {
      if (error instanceof MalformedMessage)
        return this.refuseMessage(from, 'malformed', error.message);
      throw error;
    }
    switch (message.t) {
      case 'hello':
        return this.onHello(message.heads, message.reply, from);
      case 'want':
        return this.onWant(message.ranges, from);
      case 'records':
        return this.onRecords(message.records, from, message.answer, text.length);
      case 'evidence':
        return this.onEvidence(message.records);
    }
  }

  private async onHello(heads: HeldChain[], reply: boolean, from: string): Promise<void> {
    const known = this.peers.get(from);
    const peer: PeerHoldings = {
      identity: from,
      heads: new Map(),
      strikes: known?.strikes ?? 0,
      delivered: known?.delivered ?? 0,
      backoff: known?.backoff ?? new Map(),
    };
    for (const [author, device, seq, hash] of heads) {
      // Only chains a receiver could accept: a member's own device. Anything else is a lie.
      if (!this.members.has(author) || memberOfDevice(device) !== author) continue;
      peer.heads.set(chainKey(author, device), { seq, hash });
    }
    this.peers.set(from, peer);
    const ownKey = chainKey(this.ownChain.author, this.ownChain.device);
    const own = peer.heads.get(ownKey);
    if (own) {
      // What a peer says it holds of this device's own chain decides what this device still
      // counts as waiting to be sent: believed only when it names a record of that chain.
      const { author, device } = this.ownChain;
      const [mine] = await this.store.range(author, device, own.seq, own.seq, 1);
      if (mine?.hash === own.hash) await this.store.notePeerHolds(author, device, own.seq);
      else peer.heads.delete(ownKey);
    }
    this.listener.peersChanged();
    if (reply && Date.now() - (this.lastReply.get(from) ?? 0) >= HELLO_REPLY_INTERVAL_MS) {
      this.lastReply.set(from, Date.now());
      await this.sendHello(false, [from]);
    }
    await this.askForMissing();
  }

  private async onWant(ranges: WantedRange[], from: string): Promise<void> {
    // Only chains held here, as far as held, are read: a want full of made-up ranges costs one read.
    const held = new Map(
      (await this.store.heads()).map((h) => [chainKey(h.author, h.device), h.seq]),
    );
    const records: SyncRecord[] = [];
    let budget = MESSAGE_BUDGET;
    for (const [author, device, first, last] of ranges) {
      if (first > (held.get(chainKey(author, device)) ?? 0)) continue;
      const limit = Math.min(last - first + 1, WANT_WINDOW);
      for (const record of await this.store.range(author, device, first, last, limit)) {
        const wire = toWire(record);
        budget -= JSON.stringify(wire).length;
        if (budget < 0 && records.length > 0) break;
        records.push(wire);
      }
      if (budget < 0) break;
    }
    // Answering costs this device its upload and its turn: a member asking for the log again and
    // again, to keep it busy, is refused beyond what any catch-up needs.
    if (!this.admission.admitWant(from, records.length)) return this.refuseMessage(from, 'flood');
    await this.sendRecords(records, [from], true);
  }

  private async onRecords(
    records: unknown[],
    from: string,
    answer: boolean,
    messageChars: number,
  ): Promise<void> {
    const want = answer ? this.asked.get(from) : undefined;
    let admitted: unknown[];
    if (want) {
      this.asked.delete(from);
      // An answer carries what was asked, nothing else: the rest is not even checked.
      admitted = records.filter((record) => inRanges(record, want.ranges));
      // Ask for the next window before merging this one, so the sender prepares and sends it
      // while this device checks signatures: a catch-up is then as fast as the slower of the two.
      await this.askAhead(admitted, from);
    } else if (answer) {
      return; // an answer to no want: nothing asked of it, nothing taken
    } else {
      // Unasked, a device sends only its own new records, a few at a time.
      if (records.length > PUSH_LIMIT || !records.every((record) => authoredBy(record, from))) {
        return this.refuseMessage(
          from,
          'malformed',
          'pushed records that are not its own new ones',
        );
      }
      if (!this.admission.admitPush(from, records.length)) return this.refuseMessage(from, 'flood');
      admitted = records;
    }
    const result = await this.merger.merge(admitted, from, (rejection) =>
      this.admission.shouldKeepRefusal(
        from,
        `${rejection.reason}|${rejection.signer ?? ''}`,
        REFUSAL_ROWS_PER_WINDOW,
      ),
    );
    // An answer cut by the message budget leaves the last ranges for the next want: only an
    // answer with room to spare says a range it left empty was not held.
    const spare = messageChars < MESSAGE_BUDGET / 2;
    const peer = this.peers.get(from);
    if (peer) judgeDelivery(peer, spare ? (want?.ranges ?? []) : [], admitted, result);
    for (const evidence of result.equivocations) {
      await this.send({ t: 'evidence', records: evidence.records });
    }
    this.listener.merged(result);
    if (result.accepted.length > 0) this.scheduleHello();
    await this.askForMissing();
  }

  private async onEvidence(records: unknown[]): Promise<void> {
    const result = await this.merger.recordEvidence(records);
    if (result) this.listener.merged(result);
  }

  /** Asks `from` for what follows an answer it sent, on the chains it holds further. */
  private async askAhead(records: readonly unknown[], from: string): Promise<void> {
    const peer = this.peers.get(from);
    if (!peer) return;
    const ranges = windowsAhead(records, peer);
    if (ranges.length === 0) return;
    this.asked.set(from, { ranges, at: Date.now() });
    await this.send({ t: 'want', ranges }, [from]);
  }

  /** Asks each peer, one want at a time, for the records it holds beyond what is held here. */
  private async askForMissing(): Promise<void> {
    const now = Date.now();
    for (const [identity, want] of this.asked) {
      if (want.expired || now - want.at <= WANT_TIMEOUT_MS) continue;
      // No answer in time: whatever it claimed for these chains is not believed for a while, and
      // they are asked of someone else; a late answer is still taken.
      want.expired = true;
      const peer = this.peers.get(identity);
      if (peer)
        for (const [author, device] of want.ranges) distrust(peer, chainKey(author, device));
    }
    const mine = new Map((await this.store.heads()).map((h) => [chainKey(h.author, h.device), h]));
    const plans = planWants(this.asked, this.peers.values(), mine, now);
    for (const [peer, ranges] of plans) {
      this.asked.set(peer, { ranges, at: now });
      await this.send({ t: 'want', ranges }, [peer]);
    }
  }

  private scheduleHello(): void {
    clearTimeout(this.helloTimer);
    this.helloTimer = setTimeout(() => this.enqueue(() => this.sendHello(false)), HELLO_DELAY_MS);
  }

  private async sendHello(reply: boolean, to?: readonly string[]): Promise<void> {
    const heads: HeldChain[] = (await this.store.heads()).map((head: ChainHead) => [
      head.author,
      head.device,
      head.seq,
      head.hash,
    ]);
    await this.send({ t: 'hello', heads, reply }, to);
  }

  /** Sends records in messages of at most MESSAGE_BUDGET characters (an answer) or PUSH_LIMIT. */
  private async sendRecords(
    records: readonly SyncRecord[],
    to: readonly string[] | undefined,
    answer: boolean,
  ): Promise<void> {
    const batches = answer
      ? batchRecords(records, { maxChars: MESSAGE_BUDGET })
      : batchRecords(records, { maxRecords: PUSH_LIMIT });
    // An answer is sent even empty: it tells the asker that nothing of its ranges is held here.
    if (answer && batches.length === 0) batches.push([]);
    for (const batch of batches) await this.send({ t: 'records', records: batch, answer }, to);
  }

  /** Seals a message with the room's key and sends it. */
  private async send(message: SyncMessage, to?: readonly string[]): Promise<void> {
    const text = await this.seal.seal(encodeMessage(message), this.ownChain.author);
    await this.transport.send(text, to);
  }
}

function authoredBy(record: unknown, identity: string): boolean {
  return (record as { author?: unknown } | null)?.author === identity;
}
