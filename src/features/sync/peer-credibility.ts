// What this device believes of the other devices in the room. Nothing a peer says is believed
// until it delivers: a claimed head is a reason to ask, and a peer that claimed and did not deliver
// (or delivered refused records) is asked last, and not again for that chain until a growing delay
// has passed.
import type { ChainHead, RejectionReason } from '../../domain/records.js';
import type { MergeResult } from './record-merge.js';
import type { WantedRange } from './sync-protocol.js';

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

/** A peer that may be asked for a chain. */
export interface Holder {
  identity: string;
  /** How far it says it holds the chain. */
  seq: number;
  strikes: number;
  /** It delivered records before. */
  proven: boolean;
  /** It is the chain's author. */
  own: boolean;
}

/** A peer that failed to deliver a chain is asked for it again after this, doubling each time. */
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Refusals that are network noise, as opposed to the sender's or signer's doing. */
const NOISE: readonly RejectionReason[] = ['replayed', 'out-of-order', 'future-dated'];

/** The key of one chain (an author's device) in the maps above. */
export const chainKey = (author: string, device: string) => `${author}|${device}`;

export function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The chain key a wire record names, or undefined when it names none. */
export function keyOf(record: unknown): string | undefined {
  const { author, device, seq } = (record ?? {}) as Record<string, unknown>;
  return typeof author === 'string' && typeof device === 'string' && typeof seq === 'number'
    ? chainKey(author, device)
    : undefined;
}

/** Whether `peer` failed to deliver chain `key` and is not to be asked for it again yet. */
export function isBackedOff(peer: PeerHoldings, key: string, now: number): boolean {
  return (peer.backoff.get(key)?.until ?? 0) > now;
}

/** A peer failed to deliver a chain: asked last, and not for that chain for a while. */
export function distrust(peer: PeerHoldings, key: string, now = Date.now()): void {
  peer.strikes += 1;
  const previous = peer.backoff.get(key)?.delayMs ?? 0;
  const delayMs = Math.min(MAX_BACKOFF_MS, previous === 0 ? FIRST_BACKOFF_MS : previous * 2);
  peer.backoff.set(key, { until: now + delayMs, delayMs });
}

/**
 * What a peer's answer says of it: records it delivered are held by it (whatever it claimed);
 * a chain it claimed and did not deliver, or delivered refused records of, is not asked of it
 * again until a growing delay has passed, and the peer is asked last from then on.
 */
export function judgeDelivery(
  peer: PeerHoldings,
  asked: readonly WantedRange[],
  delivered: readonly unknown[],
  result: MergeResult,
): void {
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
  for (const key of failed) distrust(peer, key);
}

/**
 * For every chain some peer holds further than this device, the peers that may be asked for
 * it, the most credible first: the chain's own author (a device holds its own chain whole),
 * then those that failed to deliver least often, then those that delivered before, then
 * whoever claims the most.
 */
export function holdersByChain(
  peers: Iterable<PeerHoldings>,
  mine: ReadonlyMap<string, ChainHead>,
  now: number,
): Map<string, Holder[]> {
  const holders = new Map<string, Holder[]>();
  for (const peer of peers) {
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

/**
 * Whether `a` is to be believed before `b`: the chain's author, then fewer failures, then one
 * that delivered before over one that only ever claimed.
 */
export function moreCredible(a: Holder, b: Holder): boolean {
  if (a.own !== b.own) return a.own;
  if (a.strikes !== b.strikes) return a.strikes < b.strikes;
  return a.proven && !b.proven;
}
