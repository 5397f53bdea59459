// Search as you type over the crisis directory's index (search-index.ts), with the matching rules
// of search-words.ts: accent- and case-insensitive prefixes of words, digits within phone numbers,
// results in French collation order.
import type { Contact } from '../../domain/contact.js';
import type { DirectoryIndex, DirectoryIndexLayout, PhoneDigits } from './search-index.js';
import { parseQuery, type QueryTerm } from './search-words.js';

/** The first index in [from, words.length) whose word does not satisfy `before`. */
function partitionPoint(
  words: readonly string[],
  from: number,
  before: (word: string) => boolean,
): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(words[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids of the words starting with `prefix`, as a half-open range [lo, hi). */
function prefixRange(words: readonly string[], prefix: string): [number, number] {
  const lo = partitionPoint(words, 0, (word) => word < prefix);
  const hi = partitionPoint(words, lo, (word) => word.startsWith(prefix));
  return [lo, hi];
}

const NO_WORD_IDS = new Int32Array(0);
const NO_PHONES: PhoneDigits = { text: '', start: new Int32Array(0) };

function needsPhones(terms: readonly QueryTerm[]): boolean {
  return terms.some((term) => term.digits !== null);
}

/**
 * Whether searching `query` reads the phone numbers: a stored index answers it only once they are
 * read (see DirectoryIndexLayout.hasPhones).
 */
export function searchNeedsPhones(query: string): boolean {
  return needsPhones(parseQuery(query));
}

/** Whether the phone digits of `rank` contain `digits` (never across two ranks: "|" ends each). */
function phonesInclude(
  phoneText: string,
  phoneStart: Int32Array,
  rank: number,
  digits: string,
): boolean {
  // Bounded by hand: indexOf would run on through every later number when this one lacks them.
  const last = phoneStart[rank + 1] - 1 - digits.length;
  for (let position = phoneStart[rank]; position <= last; position++) {
    if (phoneText.startsWith(digits, position)) return true;
  }
  return false;
}

/** The rank whose phone digits hold offset `position` of phoneText. */
function rankAtPhoneOffset(phoneStart: Int32Array, position: number): number {
  let lo = 0;
  let hi = phoneStart.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (phoneStart[mid] <= position) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The contacts matching `query`, in display order, at most `limit` of them. An empty or blank
 * query returns every contact.
 *
 * Cost: one binary search per term over the sorted words; the candidates are the contacts of the
 * term with the fewest (a contiguous slice of wordRanks); the other terms are checked on those
 * candidates against their short lists of word ids. Only a query made of digits alone scans the
 * phone numbers, with native indexOf over one string.
 */
export function searchDirectory(index: DirectoryIndex, query: string, limit = Infinity): Contact[] {
  const ranks = searchDirectoryRanks(index.layout, query, limit);
  const results = new Array<Contact>(ranks.length);
  for (let i = 0; i < ranks.length; i++) results[i] = index.contacts[ranks[i]];
  return results;
}

/**
 * The ranks (positions in display order) of the contacts matching `query`, ascending, at most
 * `limit` of them: searchDirectory for an index whose contacts are known by rank only, as a
 * stored index is before its contacts are read.
 */
export function searchDirectoryRanks(
  layout: DirectoryIndexLayout,
  query: string,
  limit = Infinity,
): Int32Array {
  const terms = parseQuery(query);
  if (!(limit > 0)) return new Int32Array(0);
  if (terms.length === 0) {
    const all = new Int32Array(Math.min(layout.size, Math.floor(limit)));
    for (let rank = 0; rank < all.length; rank++) all[rank] = rank;
    return all;
  }

  const { words, wordStart, wordRanks, contactStart } = layout;
  // Derived at first use: only queries of several terms read the word ids, and only digits the
  // phone numbers.
  const contactWordIds = terms.length > 1 ? layout.contactWordIds : NO_WORD_IDS;
  const { text: phoneText, start: phoneStart } = needsPhones(terms) ? layout.phones : NO_PHONES;
  const los = new Int32Array(terms.length);
  const his = new Int32Array(terms.length);
  let driver = -1;
  let driverSize = Infinity;
  for (let t = 0; t < terms.length; t++) {
    const [lo, hi] = prefixRange(words, terms[t].text);
    los[t] = lo;
    his[t] = hi;
    if (terms[t].digits !== null) continue;
    const postings = wordStart[hi] - wordStart[lo];
    if (postings === 0) return new Int32Array(0);
    if (postings < driverSize) {
      driver = t;
      driverSize = postings;
    }
  }
  // Digits alone: the longest digit term is the most selective. Its candidates also come from the
  // phone numbers, as it may match either way.
  const scansPhones = driver === -1;
  if (scansPhones) {
    driver = 0;
    for (let t = 1; t < terms.length; t++) {
      if ((terms[t].digits as string).length > (terms[driver].digits as string).length) driver = t;
    }
  }

  const { scratch } = layout;
  if (scratch.stamp === 0xffffffff) {
    scratch.seen.fill(0);
    scratch.stamp = 0;
  }
  const stamp = ++scratch.stamp;
  const { seen, matched } = scratch;
  let found = 0;

  const consider = (rank: number) => {
    if (seen[rank] === stamp) return;
    seen[rank] = stamp;
    for (let t = 0; t < terms.length; t++) {
      if (t === driver) continue;
      const lo = los[t];
      const hi = his[t];
      let ok = false;
      for (let k = contactStart[rank], end = contactStart[rank + 1]; k < end; k++) {
        const id = contactWordIds[k];
        if (id >= hi) break;
        if (id >= lo) {
          ok = true;
          break;
        }
      }
      const digits = terms[t].digits;
      if (!ok && (digits === null || !phonesInclude(phoneText, phoneStart, rank, digits))) return;
    }
    matched[found++] = rank;
  };

  for (let k = wordStart[los[driver]], end = wordStart[his[driver]]; k < end; k++) {
    consider(wordRanks[k]);
  }
  if (scansPhones) {
    const digits = terms[driver].digits as string;
    let position = phoneText.indexOf(digits);
    while (position !== -1) {
      const rank = rankAtPhoneOffset(phoneStart, position);
      consider(rank);
      // One hit is enough for a contact: resume at the next contact's numbers.
      position = phoneText.indexOf(digits, phoneStart[rank + 1]);
    }
  }

  // Typed-array sort is numeric and native: ranks sort into display order with no collator. A
  // copy, since the scratch space is reused by the next search.
  return matched
    .subarray(0, found)
    .sort()
    .slice(0, Math.min(found, Math.floor(limit)));
}
