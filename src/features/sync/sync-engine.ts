import type { ChainHead, StoredRecord, SyncRecord } from './model.js';
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
  /** Chain key → what it said it holds. */
  heads: Map<string, { seq: number; hash: string }>;
}

/** Records asked for per want: a catch-up goes window by window, each one answered in turn. */
export const WANT_WINDOW = 1000;
/** Characters of records per message; a window is cut to this and the rest asked for again. */
export const MESSAGE_BUDGET = 512 * 1024;
/** A want not answered in this time is asked again, of whoever holds the records then. */
const WANT_TIMEOUT_MS = 15_000;
/** Hellos after merges are grouped: one per this delay. */
const HELLO_DELAY_MS = 300;

const chainKey = (author: string, device: string) => `${author}|${device}`;

/**
 * The sync protocol of one device in the crisis room (docs/sync.md): say what it holds, ask the
 * others for what it lacks one window at a time, answer their asks, push its own new records.
 * Messages are handled one at a time, in order, so merges never race each other.
 */
export class SyncEngine {
  private readonly peers = new Map<string, PeerHoldings>();
  /** The want each peer has not answered yet: one at a time per peer. */
  private readonly asked = new Map<string, { ranges: WantedRange[]; at: number }>();
  private queue: Promise<void> = Promise.resolve();
  private helloTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(
    private readonly transport: SyncTransport,
    private readonly store: RecordStore,
    private readonly merger: RecordMerger,
    private readonly listener: SyncEngineListener,
    private readonly ownChain: { author: string; device: string },
  ) {}

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
    this.enqueue(() => this.sendHello(true, [identity]));
  }

  peerLeft(identity: string): void {
    this.peers.delete(identity);
    this.asked.delete(identity);
    this.listener.peersChanged();
    this.enqueue(() => this.askForMissing());
  }

  /** A message arrived on the sync topic from `from`. */
  receive(text: string, from: string): void {
    this.enqueue(() => this.handle(text, from));
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

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.stopped ? undefined : task()))
      .catch((error: unknown) => {
        // A failed send (the room went away) or a database error must not stop later messages;
        // what was not exchanged is asked for again by the next hello.
        console.warn('Tocsin sync:', error instanceof Error ? error.message : error);
      });
  }

  private async handle(text: string, from: string): Promise<void> {
    let message: ReturnType<typeof decodeMessage>;
    try {
      message = decodeMessage(text);
    } catch (error) {
      if (error instanceof MalformedMessage) {
        this.listener.merged(await this.merger.refuseMalformed(from));
        return;
      }
      throw error;
    }
    switch (message.t) {
      case 'hello':
        return this.onHello(message.heads, message.reply, from);
      case 'want':
        return this.onWant(message.ranges, from);
      case 'records':
        return this.onRecords(message.records, from, message.answer);
      case 'evidence':
        return this.onEvidence(message.records);
    }
  }

  private async onHello(heads: HeldChain[], reply: boolean, from: string): Promise<void> {
    const peer: PeerHoldings = { identity: from, heads: new Map() };
    for (const [author, device, seq, hash] of heads) {
      peer.heads.set(chainKey(author, device), { seq, hash });
    }
    this.peers.set(from, peer);
    const own = peer.heads.get(chainKey(this.ownChain.author, this.ownChain.device));
    if (own) await this.store.notePeerHolds(this.ownChain.author, this.ownChain.device, own.seq);
    this.listener.peersChanged();
    if (reply) await this.sendHello(false, [from]);
    await this.askForMissing();
  }

  private async onWant(ranges: WantedRange[], from: string): Promise<void> {
    const records: SyncRecord[] = [];
    let budget = MESSAGE_BUDGET;
    for (const [author, device, first, last] of ranges) {
      const limit = Math.min(last - first + 1, WANT_WINDOW);
      for (const record of await this.store.range(author, device, first, last, limit)) {
        const wire = toWire(record);
        budget -= JSON.stringify(wire).length;
        if (budget < 0 && records.length > 0) break;
        records.push(wire);
      }
      if (budget < 0) break;
    }
    await this.sendRecords(records, [from], true);
  }

  private async onRecords(records: unknown[], from: string, answer: boolean): Promise<void> {
    if (answer) {
      this.asked.delete(from);
      // Ask for the next window before merging this one, so the sender prepares and sends it
      // while this device checks signatures: a catch-up is then as fast as the slower of the two.
      await this.askAhead(records, from);
    }
    const result = await this.merger.merge(records, from);
    // Whoever sent records holds them: no need to wait for its next hello to ask for more.
    const peer = this.peers.get(from);
    for (const record of result.accepted) {
      const key = chainKey(record.author, record.device);
      const known = peer?.heads.get(key);
      if (peer && (!known || known.seq < record.seq)) {
        peer.heads.set(key, { seq: record.seq, hash: record.hash });
      }
    }
    for (const gap of result.gaps) {
      // A record came before those it follows: ask its sender for the missing ones.
      if (peer && (peer.heads.get(chainKey(gap.author, gap.device))?.seq ?? 0) < gap.seq) {
        peer.heads.set(chainKey(gap.author, gap.device), { seq: gap.seq, hash: gap.hash });
      }
    }
    for (const evidence of result.equivocations) {
      await this.transport.send(encodeMessage({ t: 'evidence', records: evidence.records }));
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
  private async askAhead(records: unknown[], from: string): Promise<void> {
    const peer = this.peers.get(from);
    if (!peer) return;
    const last = new Map<string, number>();
    for (const record of records) {
      const { author, device, seq } = (record ?? {}) as Record<string, unknown>;
      if (typeof author !== 'string' || typeof device !== 'string' || typeof seq !== 'number') {
        continue;
      }
      const key = chainKey(author, device);
      last.set(key, Math.max(last.get(key) ?? 0, seq));
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
    await this.transport.send(encodeMessage({ t: 'want', ranges }), [from]);
  }

  /** Asks each peer, one want at a time, for the records it holds beyond what is held here. */
  private async askForMissing(): Promise<void> {
    const now = Date.now();
    for (const [peer, want] of this.asked) {
      if (now - want.at > WANT_TIMEOUT_MS) this.asked.delete(peer);
    }
    const mine = new Map((await this.store.heads()).map((h) => [chainKey(h.author, h.device), h]));
    const asking = new Set(
      [...this.asked.values()].flatMap((want) => want.ranges.map(([a, d]) => chainKey(a, d))),
    );
    const plans = new Map<string, WantedRange[]>();
    for (const [key, best] of this.bestHolders()) {
      if (asking.has(key) || this.asked.has(best.peer)) continue;
      const held = mine.get(key)?.seq ?? 0;
      if (best.seq <= held) continue;
      const [author, device] = splitKey(key);
      const ranges = plans.get(best.peer) ?? [];
      ranges.push([author, device, held + 1, Math.min(best.seq, held + WANT_WINDOW)]);
      plans.set(best.peer, ranges);
    }
    for (const [peer, ranges] of plans) {
      this.asked.set(peer, { ranges, at: now });
      await this.transport.send(encodeMessage({ t: 'want', ranges }), [peer]);
    }
  }

  /** For every chain, the peer holding the most of it (the first to say so, on a tie). */
  private bestHolders(): Map<string, { peer: string; seq: number }> {
    const best = new Map<string, { peer: string; seq: number }>();
    for (const peer of this.peers.values()) {
      for (const [key, { seq }] of peer.heads) {
        if ((best.get(key)?.seq ?? 0) < seq) best.set(key, { peer: peer.identity, seq });
      }
    }
    return best;
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
    await this.transport.send(encodeMessage({ t: 'hello', heads, reply }), to);
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
      const message: SyncMessage = { t: 'records', records: batch, answer };
      await this.transport.send(encodeMessage(message), to);
      batch = [];
      size = 0;
    };
    for (const record of records) {
      const length = JSON.stringify(record).length;
      if (batch.length > 0 && size + length > MESSAGE_BUDGET) await flush();
      batch.push(record);
      size += length;
    }
    if (batch.length > 0 || answer) await flush();
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
