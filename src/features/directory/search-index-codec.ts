import type { DirectoryIndexParts, PhoneDigits } from './search-index.js';

// A stored search index as two binary Blobs: the index proper, read when the directory opens, and
// its phone numbers, read after (a third of the bytes, needed only to search digits). IndexedDB
// gives a Blob back at once and its bytes come through the browser's blob channel: for a
// 20,000-contact index, reading and decoding them took less than half the main-thread time of
// structured-clone reading the same data as arrays and strings (Chromium 148, CPU slowed 4×).
// The arrays are views of the bytes read, and text is decoded natively.

/** The index parts and the id of the contact at each rank: what the index Blob holds. */
export interface EncodedIndex {
  readonly ids: readonly string[];
  readonly parts: DirectoryIndexParts;
}

const HEADER_INTS = 8;
/** Up to this many contacts, ranks fit in 16 bits: the largest array is then half as large. */
const RANKS_IN_16_BITS = 1 << 16;
/** Keeps a leading U+FEFF, which the default decoder would drop as a byte order mark. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Encodes an index. The index Blob: a header of 8 Int32 (contacts, words, postings, whether ranks
 * take 16 bits, the byte lengths of the ids and of the words, then two unused), idStart,
 * wordStart and contactStart (Int32), wordRanks (Uint16 or Int32), then the UTF-8 of the ids
 * (concatenated; idStart says where each starts) and of the words (joined by spaces: a word is
 * letters and digits only). The phones Blob: phones.start (Int32), then the UTF-8 of phones.text.
 * Int32 arrays come first, then the 16-bit ranks, then bytes, so that every view is aligned.
 */
export function encodeIndex({ ids, parts }: EncodedIndex): { index: Blob; phones: Blob } {
  const { words, wordStart, wordRanks, contactStart, phones } = parts;
  if (!phones) throw new Error('An index without its phone numbers cannot be stored.');
  const { text: phoneText, start: phoneStart } = typeof phones === 'function' ? phones() : phones;
  const count = contactStart.length - 1;
  const idStart = new Int32Array(count + 1);
  for (let rank = 0; rank < count; rank++) idStart[rank + 1] = idStart[rank] + ids[rank].length;
  const encoder = new TextEncoder();
  const joinedIds = ids.join('');
  const idBytes = encoder.encode(joinedIds);
  // An id with a lone surrogate would not come back from UTF-8 as it was, and every id after it
  // would be cut at the wrong place: such a directory is not stored.
  if (utf8.decode(idBytes) !== joinedIds) throw new Error('An id cannot be stored as UTF-8.');
  const wordBytes = encoder.encode(words.join(' '));
  const narrow = count <= RANKS_IN_16_BITS;
  const header = Int32Array.of(
    count,
    words.length,
    wordRanks.length,
    narrow ? 1 : 0,
    idBytes.length,
    wordBytes.length,
    0,
    0,
  );
  const index = new Blob([
    header,
    idStart,
    wordStart,
    contactStart,
    narrow ? new Uint16Array(wordRanks) : new Int32Array(wordRanks),
    idBytes,
    wordBytes,
  ] as BlobPart[]);
  return { index, phones: new Blob([phoneStart, encoder.encode(phoneText)] as BlobPart[]) };
}

/** Decodes the index Blob's bytes (see encodeIndex); the parts have no phone numbers yet. */
export function decodeIndex(buffer: ArrayBuffer): EncodedIndex {
  let offset = 0;
  const int32 = (length: number) => {
    const view = new Int32Array(buffer, offset, length);
    offset += length * 4;
    return view;
  };
  const [count, wordCount, postings, narrow, idBytes, wordBytes] = int32(HEADER_INTS);
  const idStart = int32(count + 1);
  const wordStart = int32(wordCount + 1);
  const contactStart = int32(count + 1);
  let wordRanks: Int32Array | Uint16Array;
  if (narrow) {
    wordRanks = new Uint16Array(buffer, offset, postings);
    offset += postings * 2;
  } else {
    wordRanks = int32(postings);
  }
  const idText = utf8.decode(new Uint8Array(buffer, offset, idBytes));
  const wordText = utf8.decode(new Uint8Array(buffer, offset + idBytes, wordBytes));

  const ids = new Array<string>(count);
  for (let rank = 0; rank < count; rank++) {
    ids[rank] = idText.slice(idStart[rank], idStart[rank + 1]);
  }
  return {
    ids,
    parts: {
      words: wordCount === 0 ? [] : wordText.split(' '),
      wordStart,
      wordRanks,
      contactStart,
    },
  };
}

/**
 * Decodes the phones Blob's bytes of an index of `count` contacts (see encodeIndex); their text is
 * decoded at its first use.
 */
export function decodePhones(buffer: ArrayBuffer, count: number): () => PhoneDigits {
  const start = new Int32Array(buffer, 0, count + 1);
  const text = new Uint8Array(buffer, start.byteLength);
  return () => ({ text: utf8.decode(text), start });
}

/** Signatures by rank as one Blob (JSON never holds a raw line break, so lines separate them). */
export function encodeSignatures(signatures: readonly string[]): Blob {
  return new Blob([signatures.join('\n')]);
}

export async function decodeSignatures(blob: Blob, count: number): Promise<string[]> {
  if (count === 0) return [];
  return (await blob.text()).split('\n');
}
