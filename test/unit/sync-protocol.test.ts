import { expect } from '@open-wc/testing';
import type { SyncRecord } from '../../src/domain/records.js';
import { batchRecords } from '../../src/features/sync/sync-protocol.js';

/** A record whose wire form is about `chars` characters (only its size matters here). */
function recordOf(seq: number, chars: number): SyncRecord {
  return {
    author: 'alice',
    device: 'alice@d1',
    seq,
    prev: '',
    at: '2026-12-07T10:00:00.000Z',
    body: {
      type: 'crisis',
      crisis: { id: 'c', name: 'x'.repeat(chars), startedAt: '', openedAt: '' },
    },
    sig: '',
  } as SyncRecord;
}

const sizeOf = (records: readonly SyncRecord[]) =>
  records.reduce((sum, record) => sum + JSON.stringify(record).length, 0);

describe('sync protocol: cutting records into messages', () => {
  it('keeps every record, in order, within the character budget', () => {
    const records = Array.from({ length: 50 }, (_, i) => recordOf(i + 1, 200 + (i % 7) * 50));
    const budget = 2000;
    const batches = batchRecords(records, { maxChars: budget });
    expect(batches.flat()).to.deep.equal(records);
    for (const batch of batches) expect(sizeOf(batch)).to.be.at.most(budget);
    expect(batches.length).to.be.above(1);
  });

  it('sends a record larger than the budget alone rather than never', () => {
    const records = [recordOf(1, 100), recordOf(2, 5000), recordOf(3, 100)];
    const batches = batchRecords(records, { maxChars: 1000 });
    expect(batches.map((batch) => batch.map((record) => record.seq))).to.deep.equal([
      [1],
      [2],
      [3],
    ]);
  });

  it('pushes at most maxRecords records a message', () => {
    const records = Array.from({ length: 250 }, (_, i) => recordOf(i + 1, 10));
    const batches = batchRecords(records, { maxRecords: 100 });
    expect(batches.map((batch) => batch.length)).to.deep.equal([100, 100, 50]);
    expect(batches.flat()).to.deep.equal(records);
  });

  it('makes no message of no records', () => {
    expect(batchRecords([], { maxChars: 1000 })).to.deep.equal([]);
  });
});
