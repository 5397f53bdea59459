import { memberOfDevice } from '../log/writer.js';
import type { ChainHead, RejectionReason, StoredRecord, SyncRecord } from './model.js';
import type { MessageSeal } from './message-seal.js';
import { PeerAdmission } from './peer-admission.js';
import type { MergeResult, RecordMerger } from './record-merge.js';
import { toWire, type RecordStore } from './record-store.js';
import {
  decodeMessage,
  encodeMessage,
  MalformedMessage,
  type HeldChain,
  type SyncMessage,
  type WantedRange,
} from './sync-protocol.js';

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

/** One other device in the room, as far as this one knows. */
export interface PeerHoldings {
  identity: string;
  /** Chain key → what it said it holds (or showed, by sending it). */
  heads: Map<string, { seq: number; hash: string }>;
  /** Times it claimed records and did not deliver them, or delivered refused ones. */
  strikes: number;
  /** Records it delivered that were accepted here: a peer is believed once it has delivered. */
  delivered: number;
  /** Chain key → when it may be asked for that chain again, after it failed to deliver it. */
  backoff: Map<string, { until: number; delayMs: number }>;
}

/** Whether `peer` failed to deliver chain `key` and is not to be asked for it again yet. */
export function isBackedOff(peer: PeerHoldings, key: string, now: number): boolean {
  return (peer.backoff.get(key)?.until ?? 0) > now;
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

/** Records asked for per want: a catch-up goes window by window, each one answered in turn. */
export const WANT_WINDOW = 1000;
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
/** A peer that failed to deliver a chain is asked for it again after this, doubling each time. */
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Rows kept per sender, reason and signer every 10 s: a sample of a flood, the rest counted. */
const REFUSAL_ROWS_PER_WINDOW = 20;
/** Refusals that are the sender's or signer's doing, as opposed to network noise. */
const NOISE: readonly RejectionReason[] = ['replayed', 'out-of-order', 'future-dated'];

const chainKey = (author: string, device: string) => `${author}|${device}`;

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
  private readonly asked = new Map<
    string,
    { ranges: WantedRange[]; at: number; expired?: boolean }
  >();
  private readonly admission = new PeerAdmission();
  private readonly lastReply = new Map<string, number>();
  /**
   * Work waiting, one queue per participant ("" for this device's own), served in turn: a
   * flooding member waits behind itself, not in front of everyone else.
   */
  private readonly queues = new Map<string, (() => Promise<void>)[]>();
  private draining = false;
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
    this.queues.clear();
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

  private enqueue(task: () => Promise<void>, from = ''): void {
    const queue = this.queues.get(from) ?? [];
    queue.push(task);
    this.queues.set(from, queue);
    if (this.draining) return;
    this.draining = true;
    void Promise.resolve().then(() => this.drain());
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
  private nextTask(): (() => Promise<void>) | undefined {
    for (const [from, queue] of this.queues) {
      this.queues.delete(from);
      const task = queue.shift();
      if (queue.length > 0) this.queues.set(from, queue);
      if (task) return task;
    }
    return undefined;
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
    this.judgeDelivery(from, spare ? (want?.ranges ?? []) : [], admitted, result);
    for (const evidence of result.equivocations) {
      await this.send({ t: 'evidence', records: evidence.records });
    }
    this.listener.merged(result);
    if (result.accepted.length > 0) this.scheduleHello();
    await this.askForMissing();
  }

  /**
   * What a peer's answer says of it: records it delivered are held by it (whatever it claimed);
   * a chain it claimed and did not deliver, or delivered refused records of, is not asked of it
   * again until a growing delay has passed, and the peer is asked last from then on.
   */
  private judgeDelivery(
    from: string,
    asked: readonly WantedRange[],
    delivered: readonly unknown[],
    result: MergeResult,
  ): void {
    const peer = this.peers.get(from);
    if (!peer) return;
    peer.delivered += result.accepted.length;
    for (const record of result.accepted) {
      const key = chainKey(record.author, record.device);
      const known = peer.heads.get(key);
      if (!known || known.seq < record.seq)
        peer.heads.set(key, { seq: record.seq, hash: record.hash });
      peer.backoff.delete(key);
    }
    for (const gap of result.gaps) {
      // A signed record came before those it follows: its sender holds the ones before it.
      const key = chainKey(gap.author, gap.device);
      if ((peer.heads.get(key)?.seq ?? 0) < gap.seq)
        peer.heads.set(key, { seq: gap.seq, hash: gap.hash });
    }
    const failed = new Set<string>();
    for (const rejection of result.rejected) {
      if (NOISE.includes(rejection.reason) || !rejection.author || !rejection.device) continue;
      failed.add(chainKey(rejection.author, rejection.device));
    }
    const deliveredChains = new Set(delivered.map((record) => keyOf(record)));
    for (const [author, device] of asked) {
      const key = chainKey(author, device);
      if (!deliveredChains.has(key)) failed.add(key);
    }
    for (const key of failed) this.distrust(peer, key);
  }

  /** A peer failed to deliver a chain: asked last, and not for that chain for a while. */
  private distrust(peer: PeerHoldings, key: string): void {
    peer.strikes += 1;
    const previous = peer.backoff.get(key)?.delayMs ?? 0;
    const delayMs = Math.min(MAX_BACKOFF_MS, previous === 0 ? FIRST_BACKOFF_MS : previous * 2);
    peer.backoff.set(key, { until: Date.now() + delayMs, delayMs });
  }

  private async onEvidence(records: unknown[]): Promise<void> {
    const result = await this.merger.recordEvidence(records);
    if (result) this.listener.merged(result);
  }

  /** Asks `from` for what follows an answer it sent, on the chains it holds further. */
  private async askAhead(records: readonly unknown[], from: string): Promise<void> {
    const peer = this.peers.get(from);
    if (!peer) return;
    const last = new Map<string, number>();
    for (const record of records) {
      const key = keyOf(record);
      const seq = (record as { seq: number }).seq;
      if (key) last.set(key, Math.max(last.get(key) ?? 0, seq));
    }
    const ranges: WantedRange[] = [];
    for (const [key, seq] of last) {
      const held = peer.heads.get(key)?.seq ?? 0;
      if (held <= seq) continue;
      const [author, device] = splitKey(key);
      ranges.push([author, device, seq + 1, Math.min(held, seq + WANT_WINDOW)]);
    }
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
        for (const [author, device] of want.ranges) this.distrust(peer, chainKey(author, device));
    }
    const mine = new Map((await this.store.heads()).map((h) => [chainKey(h.author, h.device), h]));
    const askedOf = new Map<string, string>();
    const busy = new Set<string>();
    for (const [identity, want] of this.asked) {
      if (want.expired) continue;
      busy.add(identity);
      for (const [author, device] of want.ranges) askedOf.set(chainKey(author, device), identity);
    }
    const plans = new Map<string, WantedRange[]>();
    for (const [key, holders] of this.holdersByChain(mine, now)) {
      // The most credible holder that is free; a busy one is waited for rather than passed over
      // for a less credible one.
      const best = holders[0]!;
      if (busy.has(best.identity)) continue;
      // A chain already asked of someone is asked again only of a more credible holder (its
      // author, or a peer that delivered before, when the first ask went to a peer that merely
      // claimed it): a liar's silence then does not hold the chain up until its want times out.
      const current = holders.find((holder) => holder.identity === askedOf.get(key));
      if (askedOf.has(key) && (!current || !moreCredible(best, current))) continue;
      const held = mine.get(key)?.seq ?? 0;
      const [author, device] = splitKey(key);
      const ranges = plans.get(best.identity) ?? [];
      ranges.push([author, device, held + 1, Math.min(best.seq, held + WANT_WINDOW)]);
      plans.set(best.identity, ranges);
    }
    for (const [peer, ranges] of plans) {
      this.asked.set(peer, { ranges, at: now });
      await this.send({ t: 'want', ranges }, [peer]);
    }
  }

  /**
   * For every chain some peer holds further than this device, the peers that may be asked for
   * it, the most credible first: the chain's own author (a device holds its own chain whole),
   * then those that failed to deliver least often, then those that delivered before, then
   * whoever claims the most.
   */
  private holdersByChain(mine: ReadonlyMap<string, ChainHead>, now: number): Map<string, Holder[]> {
    const holders = new Map<string, Holder[]>();
    for (const peer of this.peers.values()) {
      for (const [key, { seq }] of peer.heads) {
        if (seq <= (mine.get(key)?.seq ?? 0)) continue;
        if (isBackedOff(peer, key, now)) continue;
        const list = holders.get(key) ?? [];
        list.push({
          identity: peer.identity,
          seq,
          strikes: peer.strikes,
          proven: peer.delivered > 0,
          own: splitKey(key)[0] === peer.identity,
        });
        holders.set(key, list);
      }
    }
    for (const list of holders.values()) {
      list.sort(
        (a, b) =>
          Number(b.own) - Number(a.own) ||
          a.strikes - b.strikes ||
          Number(b.proven) - Number(a.proven) ||
          b.seq - a.seq ||
          (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0),
      );
    }
    return holders;
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

  /** Sends records in messages of at most MESSAGE_BUDGET characters each. */
  private async sendRecords(
    records: readonly SyncRecord[],
    to: readonly string[] | undefined,
    answer: boolean,
  ): Promise<void> {
    let batch: SyncRecord[] = [];
    let size = 0;
    const flush = async () => {
      await this.send({ t: 'records', records: batch, answer }, to);
      batch = [];
      size = 0;
    };
    for (const record of records) {
      const length = JSON.stringify(record).length;
      const full = answer ? size + length > MESSAGE_BUDGET : batch.length === PUSH_LIMIT;
      if (batch.length > 0 && full) await flush();
      batch.push(record);
      size += length;
    }
    if (batch.length > 0 || answer) await flush();
  }

  /** Seals a message with the room's key and sends it. */
  private async send(message: SyncMessage, to?: readonly string[]): Promise<void> {
    const text = await this.seal.seal(encodeMessage(message), this.ownChain.author);
    await this.transport.send(text, to);
  }
}

/** A peer that may be asked for a chain. */
interface Holder {
  identity: string;
  /** How far it says it holds the chain. */
  seq: number;
  strikes: number;
  /** It delivered records before. */
  proven: boolean;
  /** It is the chain's author. */
  own: boolean;
}

/**
 * Whether `a` is to be believed before `b`: the chain's author, then fewer failures, then one
 * that delivered before over one that only ever claimed.
 */
function moreCredible(a: Holder, b: Holder): boolean {
  if (a.own !== b.own) return a.own;
  if (a.strikes !== b.strikes) return a.strikes < b.strikes;
  return a.proven && !b.proven;
}

/** The chain key a wire record names, or undefined when it names none. */
function keyOf(record: unknown): string | undefined {
  const { author, device, seq } = (record ?? {}) as Record<string, unknown>;
  return typeof author === 'string' && typeof device === 'string' && typeof seq === 'number'
    ? chainKey(author, device)
    : undefined;
}

function inRanges(record: unknown, ranges: readonly WantedRange[]): boolean {
  const { author, device, seq } = (record ?? {}) as Record<string, unknown>;
  return ranges.some(
    ([a, d, from, to]) =>
      a === author && d === device && typeof seq === 'number' && seq >= from && seq <= to,
  );
}

function authoredBy(record: unknown, identity: string): boolean {
  return (record as { author?: unknown } | null)?.author === identity;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
