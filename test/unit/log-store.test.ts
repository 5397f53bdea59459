import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import { verifyChains } from '../../src/domain/log-chain.js';
import { correctedIds } from '../../src/features/log/log-store.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

describe('main courante store', () => {
  afterEach(cleanUpTestServices);

  async function openedCrisis() {
    const services = createTestServices();
    const crisis = await services.log.openCrisis('Rançongiciel mairie', 'Claire Martin');
    return { services, crisis };
  }

  it('opens a crisis with a first entry, then appends entries in one hash chain', async () => {
    const { services, crisis } = await openedCrisis();
    const first = await services.log.append({
      crisisId: crisis.id,
      author: 'Claire Martin',
      kind: 'decision',
      text: 'Coupure de l’accès internet du site A.',
      priority: 'high',
    });
    const second = await services.log.append({
      crisisId: crisis.id,
      author: 'Paul Durand',
      kind: 'fact',
      text: 'Note de rançon photographiée.',
    });
    expect([first.seq, second.seq]).to.deep.equal([2, 3]);
    expect(second.prevHash).to.equal(first.hash);
    expect(first.hash).to.match(/^[0-9a-f]{64}$/);
    const { entries, problems } = await services.log.openLog(crisis.id);
    expect(problems).to.deep.equal([]);
    expect(entries.map((entry) => entry.text)).to.deep.equal([
      'Rançongiciel mairie',
      'Coupure de l’accès internet du site A.',
      'Note de rançon photographiée.',
    ]);
    expect((await services.log.listCrises()).map((c) => c.name)).to.deep.equal([
      'Rançongiciel mairie',
    ]);
  });

  it('orders entries by when they happened, not when they were written', async () => {
    const { services, crisis } = await openedCrisis();
    await services.log.append({
      crisisId: crisis.id,
      author: 'A',
      kind: 'fact',
      text: 'later',
      occurredAt: new Date('2030-01-01T10:00:00Z'),
    });
    await services.log.append({
      crisisId: crisis.id,
      author: 'A',
      kind: 'fact',
      text: 'earlier',
      occurredAt: new Date('2030-01-01T09:00:00Z'),
    });
    const texts = (await services.log.entries(crisis.id)).map((entry) => entry.text);
    expect(texts.indexOf('earlier')).to.be.lessThan(texts.indexOf('later'));
  });

  it('corrects by appending, never by editing', async () => {
    const { services, crisis } = await openedCrisis();
    const wrong = await services.log.append({
      crisisId: crisis.id,
      author: 'A',
      kind: 'fact',
      text: 'Serveur B chiffré.',
    });
    await services.log.append({
      crisisId: crisis.id,
      author: 'A',
      kind: 'fact',
      text: 'Correction : c’est le serveur C.',
      corrects: wrong.id,
    });
    const { entries, problems } = await services.log.openLog(crisis.id);
    expect(problems).to.deep.equal([]);
    expect(entries.find((entry) => entry.id === wrong.id)?.text).to.equal('Serveur B chiffré.');
    expect([...correctedIds(entries)]).to.deep.equal([wrong.id]);
  });

  it('shows tampering: an altered, removed or reordered entry breaks the chain', async () => {
    const { services, crisis } = await openedCrisis();
    for (const text of ['un', 'deux', 'trois', 'quatre']) {
      await services.log.append({ crisisId: crisis.id, author: 'A', kind: 'note', text });
    }
    const db = await services.database.db();
    const entries = await services.log.entries(crisis.id);
    const deux = entries.find((entry) => entry.text === 'deux')!;
    await db.put(STORE.logEntries, { ...deux, text: 'deux (modifié)' });
    let { problems } = await services.log.openLog(crisis.id);
    expect(problems.map((p) => [p.entryId, p.kind])).to.deep.equal([[deux.id, 'altered']]);

    await db.put(STORE.logEntries, deux);
    const trois = entries.find((entry) => entry.text === 'trois')!;
    await db.delete(STORE.logEntries, trois.id);
    ({ problems } = await services.log.openLog(crisis.id));
    const quatre = entries.find((entry) => entry.text === 'quatre')!;
    expect(problems.map((p) => [p.entryId, p.kind])).to.deep.equal([[quatre.id, 'gap']]);
  });

  it('detects a re-sealed entry that no longer links to its predecessor', async () => {
    const { services, crisis } = await openedCrisis();
    await services.log.append({ crisisId: crisis.id, author: 'A', kind: 'note', text: 'x' });
    const entries = await services.log.entries(crisis.id);
    const forged = { ...entries[1], prevHash: '0'.repeat(64) };
    // A forger who recomputes the hash still cannot make the link to the previous entry hold.
    const { sealEntry } = await import('../../src/domain/log-chain.js');
    const resealed = await sealEntry(forged);
    const problems = await verifyChains([entries[0], resealed]);
    expect(problems.map((p) => p.kind)).to.deep.equal(['broken-link']);
  });

  it('keeps one chain when two appends race (as from two tabs)', async () => {
    const { services, crisis } = await openedCrisis();
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((text) =>
        services.log.append({ crisisId: crisis.id, author: 'A', kind: 'note', text }),
      ),
    );
    const { entries, problems } = await services.log.openLog(crisis.id);
    expect(problems).to.deep.equal([]);
    expect(entries.map((entry) => entry.seq).sort()).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('refuses an empty entry and writes nothing', async () => {
    const { services, crisis } = await openedCrisis();
    let refused = false;
    await services.log
      .append({ crisisId: crisis.id, author: 'A', kind: 'note', text: '   ' })
      .catch(() => (refused = true));
    expect(refused).to.equal(true);
    expect(await services.log.entries(crisis.id)).to.have.length(1);
  });

  it('stores text as text', async () => {
    const { services, crisis } = await openedCrisis();
    const text = '<img src=x onerror=alert(1)>';
    await services.log.append({ crisisId: crisis.id, author: text, kind: 'note', text });
    const entries = await services.log.entries(crisis.id);
    expect(entries.some((entry) => entry.text === text && entry.author === text)).to.equal(true);
  });
});
