// The main courante and the playbook name who wrote and who ticked by the verified signer from the
// signed directory: a typed author is shown only as whom an entry was written for. Entries of the
// other members are written straight into the database, as the sync merges them.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import { sealEntry } from '../../src/domain/log-chain.js';
import type { EntryKind, LogEntry } from '../../src/domain/log.js';
import { entryId } from '../../src/domain/log-writer.js';
import {
  cleanUpTestServices,
  createTestServices,
  installKit,
  renderPage,
  sampleKit,
  shadowText,
  signIntoDirectory,
  waitFor,
} from './helpers.js';

const ALICE_DEVICE = 'alice@0a1b2c3d-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BRUNO_DEVICE = 'bruno@5e6f7a8b-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

/** Signs Alice Martin, Bruno Durand and Marie Dupont into the directory as kit members. */
function signMembers(services: AppServices): Promise<void> {
  return signIntoDirectory(services, [
    ['alice', 'Alice', 'Martin'],
    ['bruno', 'Bruno', 'Durand'],
    ['marie-dupont', 'Marie', 'Dupont'],
  ]);
}

/** Writes one member chain's entries, sealed and linked as the sync would have merged them. */
async function writeChain(
  services: AppServices,
  crisisId: string,
  deviceId: string,
  entries: { author: string; text: string; kind?: EntryKind }[],
): Promise<void> {
  const db = await services.database.db();
  let prevHash = '';
  for (const [i, { author, text, kind }] of entries.entries()) {
    const seq = i + 1;
    const at = new Date(Date.now() - (entries.length - i) * 60_000).toISOString();
    const entry: LogEntry = await sealEntry({
      id: entryId(crisisId, deviceId, seq),
      crisisId,
      deviceId,
      seq,
      occurredAt: at,
      recordedAt: at,
      author,
      kind: kind ?? 'fact',
      priority: 'normal',
      text,
      refs: { checklistItemIds: [], contactIds: [] },
      prevHash,
    });
    await db.put(STORE.logEntries, entry);
    prevHash = entry.hash;
  }
}

/** The meta line of the entry with `text`, whitespace collapsed. */
function metaOf(page: HTMLElement, text: string): string {
  const article = [...page.shadowRoot!.querySelectorAll('article')].find(
    (candidate) => candidate.querySelector('.text')?.textContent === text,
  );
  if (!article) throw new Error(`No entry “${text}”`);
  return article.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('the main courante names the verified signer', () => {
  afterEach(cleanUpTestServices);

  /** A crisis opened here before enrollment, and entries of Alice and Bruno merged into it. */
  async function crisisWithMembers(): Promise<AppServices> {
    const services = createTestServices();
    await signMembers(services);
    await services.settings.saveProfile({ name: 'Claire' });
    const crisis = await services.log.openCrisis('Rançongiciel', 'Claire');
    await writeChain(services, crisis.id, ALICE_DEVICE, [
      { author: 'le maire', text: 'Fermeture de la mairie', kind: 'decision' },
      { author: ' alice MARTIN ', text: 'Standard saturé' },
    ]);
    // Bruno typed Alice's name: the line still says Bruno wrote it.
    await writeChain(services, crisis.id, BRUNO_DEVICE, [
      { author: 'Alice Martin', text: 'Ordre d’évacuer', kind: 'decision' },
    ]);
    return services;
  }

  it('in every line: the signer, “for” a different typed author, and unsigned entries', async () => {
    const services = await crisisWithMembers();
    const page = await renderPage('log', services);
    await waitFor(() => page.shadowRoot!.querySelectorAll('article').length === 4, 'entries');
    await waitFor(() => metaOf(page, 'Standard saturé').includes('Alice Martin'), 'the names');
    expect(metaOf(page, 'Fermeture de la mairie')).to.equal('Decision · Alice Martin for le maire');
    expect(metaOf(page, 'Standard saturé')).to.equal('Fact · Alice Martin');
    expect(metaOf(page, 'Ordre d’évacuer')).to.equal('Decision · Bruno Durand for Alice Martin');
    expect(metaOf(page, 'Rançongiciel')).to.equal('Note · Claire (this device, not signed)');
    await expect(page).to.be.accessible();

    setLocale('fr');
    await page.updateComplete;
    await waitFor(() => metaOf(page, 'Fermeture de la mairie').includes('pour'), 'French');
    expect(metaOf(page, 'Fermeture de la mairie')).to.equal(
      'Décision · Alice Martin pour le maire',
    );
    expect(metaOf(page, 'Rançongiciel')).to.equal('Note · Claire (cet appareil, non signé)');
    await expect(page).to.be.accessible();
  });

  it('in the situation report and the print view, with the device in print', async () => {
    const services = await crisisWithMembers();
    const page = await renderPage('log', services);
    await waitFor(() => page.shadowRoot!.querySelectorAll('article').length === 4, 'entries');

    page.params = new URLSearchParams({ view: 'report' });
    await waitFor(() => shadowText(page).includes('Latest decisions'), 'the report');
    const decisions = [
      ...page.shadowRoot!.querySelectorAll('section.card')[0].querySelectorAll('li'),
    ]
      .map((li) => li.textContent!.replace(/\s+/g, ' '))
      .sort();
    expect(decisions).to.have.length(2);
    expect(decisions[0]).to.include('Fermeture de la mairie (Alice Martin for le maire)');
    expect(decisions[1]).to.include('Ordre d’évacuer (Bruno Durand for Alice Martin)');
    await expect(page).to.be.accessible();

    page.params = new URLSearchParams({ view: 'print' });
    await waitFor(() => page.shadowRoot!.querySelector('table') !== null, 'the print view');
    const headers = [...page.shadowRoot!.querySelectorAll('th')].map((th) =>
      th.textContent!.trim(),
    );
    expect(headers).to.deep.equal(['When', 'Kind', 'Written by', 'Device', 'What happened']);
    const rows = [...page.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
    );
    const row = (text: string) => rows.find((cells) => cells[4] === text)!;
    expect(row('Ordre d’évacuer').slice(2, 4)).to.deep.equal([
      'Bruno Durand for Alice Martin',
      '5e6f7a8b',
    ]);
    expect(row('Standard saturé').slice(2, 4)).to.deep.equal(['Alice Martin', '0a1b2c3d']);
    const deviceId = await services.settings.deviceId();
    expect(row('Rançongiciel').slice(2, 4)).to.deep.equal([
      'Claire (this device, not signed)',
      deviceId.slice(0, 8),
    ]);
    await expect(page).to.be.accessible();
  });

  it('names an enrolled member’s own entries by their signed name', async () => {
    const services = createTestServices();
    await signMembers(services);
    // Enrolled as Marie Dupont (a summary is enough: the log only needs the member id).
    await installKit(services, sampleKit());
    await services.settings.saveProfile({ name: 'le maire' });
    const crisis = await services.log.openCrisis('Inondation', 'le maire');
    await services.log.append({
      crisisId: crisis.id,
      author: 'Marie Dupont',
      kind: 'action',
      text: 'Sacs de sable',
    });
    const page = await renderPage('log', services);
    await waitFor(() => page.shadowRoot!.querySelectorAll('article').length === 2, 'entries');
    await waitFor(() => metaOf(page, 'Sacs de sable').includes('Marie'), 'the names');
    expect(metaOf(page, 'Inondation')).to.equal('Note · Marie Dupont for le maire');
    expect(metaOf(page, 'Sacs de sable')).to.equal('Action · Marie Dupont');
    await expect(page).to.be.accessible();
  });
});

describe('the playbook names who ticked', () => {
  afterEach(cleanUpTestServices);

  it('by the signed directory’s name for a member id, and as typed otherwise', async () => {
    const services = createTestServices();
    await signMembers(services);
    await services.settings.saveProfile({ name: 'Claire' });
    const crisis = await services.log.openCrisis('Crise', 'Claire');
    const { playbook } = await services.playbooks.active();
    const [first, second, third] = playbook.items;
    // Ticked here before enrollment: the typed name.
    await services.playbooks.setItemDone({
      crisisId: crisis.id,
      item: first,
      by: 'Claire',
      done: true,
      entryText: 'Done',
    });
    // Merged from members: their ids, one the directory does not know.
    const db = await services.database.db();
    const at = new Date().toISOString();
    await db.put(STORE.ticks, {
      crisisId: crisis.id,
      itemId: second.id,
      by: 'bruno',
      at,
      done: true,
    });
    await db.put(STORE.ticks, { crisisId: crisis.id, itemId: third.id, by: 'zoe', at, done: true });

    const page = await renderPage('playbook', services);
    await waitFor(
      () => page.shadowRoot!.querySelectorAll('input[type="checkbox"]:checked').length === 3,
      'ticks',
    );
    const doneBy = () =>
      [...page.shadowRoot!.querySelectorAll('.detail')]
        .map((detail) => detail.textContent!.replace(/\s+/g, ' ').trim())
        .filter((text) => text.startsWith('Done by') || text.startsWith('Fait par'));
    await waitFor(() => doneBy().some((text) => text.includes('Bruno Durand')), 'the names');
    const said = doneBy().join(' | ');
    expect(said).to.include('Done by Claire,');
    expect(said).to.include('Done by Bruno Durand,');
    expect(said).to.include('Done by zoe,');
    expect(said).to.not.include('Done by bruno,');
    await expect(page).to.be.accessible();
  });
});
