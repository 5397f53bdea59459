import { expect } from '@open-wc/testing';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import { StoredRows } from '../../src/features/directory/stored-rows.js';

const contacts = new Map<string, Contact>(
  ['a', 'b', 'c'].map((id) => [id, emptyContact({ id, displayName: id.toUpperCase() })]),
);

/** Stored rows over `contacts`, recording each read's ids; `gate` holds reads until released. */
function storedRows(gate?: Promise<void>) {
  const reads: string[][] = [];
  let renders = 0;
  const rows = new StoredRows(
    async (ids) => {
      reads.push(ids);
      await gate;
      return new Map(ids.flatMap((id) => (contacts.has(id) ? [[id, contacts.get(id)!]] : [])));
    },
    () => (renders += 1),
  );
  return { rows, reads, renders: () => renders };
}

describe('directory: rows read from the stored index', () => {
  it('reads every row one render asks for in one read, then knows them', async () => {
    const { rows, reads, renders } = storedRows();
    expect(rows.contact('a')).to.equal(undefined);
    expect(rows.contact('b')).to.equal(undefined);
    expect(rows.contact('a')).to.equal(undefined);
    expect(rows.pending).to.be.true;
    await rows.nextRead();
    expect(reads).to.deep.equal([['a', 'b']]);
    expect(rows.contact('a')?.displayName).to.equal('A');
    expect(rows.known('b')?.displayName).to.equal('B');
    expect(rows.pending).to.be.false;
    expect(renders()).to.equal(1);
  });

  it('remembers a contact no longer stored as null, and does not read it again', async () => {
    const { rows, reads } = storedRows();
    rows.contact('gone');
    await rows.nextRead();
    expect(rows.known('gone')).to.equal(null);
    expect(rows.contact('gone')).to.equal(undefined);
    await Promise.resolve();
    expect(reads).to.have.length(1);
  });

  it('drops what a read brings once a new load began', async () => {
    let release!: () => void;
    const { rows, renders } = storedRows(new Promise<void>((resolve) => (release = resolve)));
    rows.contact('c');
    await Promise.resolve();
    rows.discardReadsInFlight();
    release();
    await rows.nextRead();
    expect(rows.known('c')).to.equal(undefined);
    expect(renders()).to.equal(0);
  });

  it('forgets the rows once every contact is read', async () => {
    const { rows } = storedRows();
    rows.contact('a');
    await rows.nextRead();
    rows.clear();
    expect(rows.known('a')).to.equal(undefined);
  });
});
