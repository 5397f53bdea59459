// The bookkeeping of refused records on a scratch database: the rows the list of refusals shows,
// bounded, and the tally of members to blame, which counts every refusal even when only a sample
// of them is kept as rows.
import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import type { Rejection } from '../../src/domain/records.js';
import { MERGE_STORES } from '../../src/features/sync/merge-transaction.js';
import {
  CULPRITS_KEY,
  MAX_REJECTIONS_KEPT,
  RecordStore,
} from '../../src/features/sync/record-store.js';
import { keepRefusals, noteRefusals, refusalOf } from '../../src/features/sync/refusal-log.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

const AT = new Date('2030-06-01T10:00:00.000Z');

describe('the refusal log', () => {
  afterEach(cleanUpTestServices);

  it('makes a row naming the record, its deliverer and only the signer that verified', () => {
    const record = { author: 'alice', device: 'alice@d1', seq: 4 };
    expect(
      refusalOf(
        { reason: 'impersonation', record, signer: 'bruno', detail: 'not his device' },
        'chloe',
        AT,
      ),
    ).to.deep.equal({
      reason: 'impersonation',
      from: 'chloe',
      at: '2030-06-01T10:00:00.000Z',
      signer: 'bruno',
      author: 'alice',
      device: 'alice@d1',
      seq: 4,
      detail: 'not his device',
    });
    // Nothing read as a record: only who delivered it, and when.
    expect(refusalOf({ reason: 'malformed' }, 'mallory', AT)).to.deep.equal({
      reason: 'malformed',
      from: 'mallory',
      at: '2030-06-01T10:00:00.000Z',
    });
  });

  it('keeps the latest refusals, dropping the oldest beyond the bound', async () => {
    const services = createTestServices();
    const rows = (count: number, first: number): Rejection[] =>
      Array.from({ length: count }, (_, i) => ({
        reason: 'replayed',
        from: 'alice',
        seq: first + i,
        at: AT.toISOString(),
      }));
    await keepRefusals(services.database, rows(MAX_REJECTIONS_KEPT, 1));
    await keepRefusals(services.database, rows(3, MAX_REJECTIONS_KEPT + 1));
    const kept = await new RecordStore(services.database).rejections();
    expect(kept).to.have.length(MAX_REJECTIONS_KEPT);
    // The latest first; the first three gone.
    expect(kept[0].seq).to.equal(MAX_REJECTIONS_KEPT + 3);
    expect(kept.at(-1)!.seq).to.equal(4);
  });

  it('tallies every refusal a signer is to blame for, kept as a row or not', async () => {
    const services = createTestServices();
    const blamed = (reason: Rejection['reason'], signer: string, minute: number): Rejection => ({
      reason,
      from: 'chloe',
      signer,
      at: `2030-06-01T10:0${minute}:00.000Z`,
    });
    const all: Rejection[] = [
      blamed('impersonation', 'bruno', 1),
      blamed('impersonation', 'bruno', 2),
      blamed('future-dated', 'zoe', 3),
      // Network noise, and a signature that did not verify: no one to blame.
      blamed('replayed', 'alice', 4),
      { reason: 'forged', from: 'chloe', author: 'alice', at: AT.toISOString() },
    ];
    const db = await services.database.db();
    const tx = db.transaction([...MERGE_STORES], 'readwrite');
    await noteRefusals(tx, all.slice(0, 1), all);
    await tx.done;
    expect(await db.count(STORE.syncRejections)).to.equal(1);
    await keepRefusals(services.database, [blamed('broken-chain', 'bruno', 5)]);
    expect((await db.get(STORE.settings, CULPRITS_KEY))?.value).to.deep.equal({
      bruno: { count: 3, last: '2030-06-01T10:05:00.000Z' },
      zoe: { count: 1, last: '2030-06-01T10:03:00.000Z' },
    });
    expect(await new RecordStore(services.database).culprits()).to.deep.equal(['bruno', 'zoe']);
  });
});
