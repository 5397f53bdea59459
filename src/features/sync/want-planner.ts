// What to ask of whom, worked out without sending anything: each chain some peer holds further
// than this device is asked, one window at a time, of its most credible free holder.
import type { ChainHead } from '../../domain/records.js';
import {
  chainKey,
  holdersByChain,
  keyOf,
  moreCredible,
  splitKey,
  type PeerHoldings,
} from './peer-credibility.js';
import type { WantedRange } from './sync-protocol.js';

/** Records asked for per want: a catch-up goes window by window, each one answered in turn. */
export const WANT_WINDOW = 1000;

/**
 * A want a peer has not answered yet. One that timed out stays, given up (`expired`), so that its
 * answer, if it comes late, is still taken.
 */
export interface PendingWant {
  ranges: WantedRange[];
  at: number;
  expired?: boolean;
}

/**
 * The wants to send now, by peer: at most one pending want per peer, and a chain already asked of
 * someone asked again only of a more credible holder.
 */
export function planWants(
  asked: ReadonlyMap<string, PendingWant>,
  peers: Iterable<PeerHoldings>,
  mine: ReadonlyMap<string, ChainHead>,
  now: number,
): Map<string, WantedRange[]> {
  const askedOf = new Map<string, string>();
  const busy = new Set<string>();
  for (const [identity, want] of asked) {
    if (want.expired) continue;
    busy.add(identity);
    for (const [author, device] of want.ranges) askedOf.set(chainKey(author, device), identity);
  }
  const plans = new Map<string, WantedRange[]>();
  for (const [key, holders] of holdersByChain(peers, mine, now)) {
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
  return plans;
}

/** The next window of each chain an answer carried, where `peer` holds further. */
export function windowsAhead(records: readonly unknown[], peer: PeerHoldings): WantedRange[] {
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
  return ranges;
}

/** Whether a wire record is one of the ranges asked for. */
export function inRanges(record: unknown, ranges: readonly WantedRange[]): boolean {
  const { author, device, seq } = (record ?? {}) as Record<string, unknown>;
  return ranges.some(
    ([a, d, from, to]) =>
      a === author && d === device && typeof seq === 'number' && seq >= from && seq <= to,
  );
}
