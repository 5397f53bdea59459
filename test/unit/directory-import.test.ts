// The import dialog against a real directory: the preview says what each row will do (a copy of
// a signed contact is never imported, a local match is merged, skipped or added as the user
// chooses), the confirmation does exactly that, and the dialog's buttons stay on a phone's screen
// whatever the preview's length.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import type { Contact } from '../../src/domain/contact.js';
import { nameKey } from '../../src/domain/contact-files/match-keys.js';
import '../../src/features/directory/tocsin-directory-import.js';
import type { TocsinDirectoryImport } from '../../src/features/directory/tocsin-directory-import.js';
import { makeContact, signedMayor } from '../fixtures/directory.js';
import { cleanUpTestServices, createTestServices, shadowText } from './helpers.js';

const HEADER = 'Given name,Family name,Mobile,Emails,Cell member';

function csvFile(lines: string[]): File {
  return new File([[HEADER, ...lines].join('\r\n')], 'annuaire.csv', { type: 'text/csv' });
}

const mayor = (): Contact => signedMayor({ emails: [] });

const paul = (): Contact =>
  makeContact({
    givenName: 'Paul',
    familyName: 'Durand',
    phones: [{ kind: 'mobile', number: '06 11 11 11 11' }],
  });

/** Services whose directory holds the signed mayor and a local Paul, written as the kit would. */
async function directoryWith(...contacts: Contact[]): Promise<AppServices> {
  const services = createTestServices();
  const db = await services.database.db();
  for (const contact of contacts) await db.put(STORE.contacts, contact);
  return services;
}

async function openImport(services: AppServices, file: File): Promise<TocsinDirectoryImport> {
  const element = await fixture<TocsinDirectoryImport>(
    html`<tocsin-directory-import .directory=${services.directory}></tocsin-directory-import>`,
  );
  await element.open();
  await element.readFile(file);
  await element.updateComplete;
  return element;
}

function rowOf(element: TocsinDirectoryImport, name: string): HTMLElement {
  const rows = [...element.shadowRoot!.querySelectorAll<HTMLElement>('ul.rows > li')];
  const found = rows.find((li) => li.querySelector('.name')?.textContent === name);
  if (!found) throw new Error(`No preview row for ${name}`);
  return found;
}

function confirmButton(element: TocsinDirectoryImport): HTMLButtonElement | null {
  return element.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="confirm-import"]');
}

async function choose(element: TocsinDirectoryImport, name: string, choice: string) {
  const select = rowOf(element, name).querySelector('select')!;
  select.value = choice;
  select.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

/** Confirms and resolves with the result sentence the dialog sends to the page. */
async function confirm(element: TocsinDirectoryImport): Promise<string> {
  const done = new Promise<string>((resolve) =>
    element.addEventListener('contacts-imported', (event) =>
      resolve((event as CustomEvent<string>).detail),
    ),
  );
  confirmButton(element)!.click();
  return done;
}

function named(contacts: Contact[], name: string): Contact[] {
  return contacts.filter((c) => nameKey(c.displayName) === nameKey(name));
}

describe('directory import dialog', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await cleanUpTestServices();
  });

  it('says a copy of the signed mayor is already in the crisis kit, and never imports it', async () => {
    const signed = mayor();
    const local = paul();
    const services = await directoryWith(signed, local);
    const element = await openImport(
      services,
      csvFile([
        'HELENE,LEFEVRE,06 99 88 77 66,helene@perso.example,non',
        'Paul,Durand,06 11 11 11 11,paul.durand@example.org,oui',
        'Anne,Roux,06 55 55 55 55,,',
      ]),
    );

    const helene = rowOf(element, 'HELENE LEFEVRE');
    expect(helene.dataset['status']).to.equal('signed-duplicate');
    expect(helene.textContent).to.include('Already in the crisis kit (signed) — not imported');
    expect(helene.textContent).to.include('Same name as “Hélène Lefèvre”');
    expect(helene.textContent).to.include('helene@perso.example');
    expect(helene.querySelector('select')).to.equal(null);

    const paulRow = rowOf(element, 'Paul Durand');
    expect(paulRow.dataset['status']).to.equal('local-match');
    expect(paulRow.textContent).to.include('Merging adds 1 email, crisis-cell membership.');
    expect(rowOf(element, 'Anne Roux').dataset['status']).to.equal('new');

    const text = shadowText(element);
    expect(text).to.include('1 new, 1 signed duplicate not imported, 1 to merge.');
    expect(confirmButton(element)!.textContent!.trim()).to.equal('Import 1, merge 1');
    await expect(element).to.be.accessible();

    expect(await confirm(element)).to.equal('1 contact added, 1 merged, 1 skipped.');
    const all = await services.directory.list();
    expect(named(all, 'Hélène Lefèvre')).to.deep.equal([signed]);
    const [merged] = named(all, 'Paul Durand');
    expect(named(all, 'Paul Durand')).to.have.length(1);
    expect(merged.id).to.equal(local.id);
    expect(merged.emails).to.deep.equal(['paul.durand@example.org']);
    expect(merged.cellMember).to.equal(true);
    expect(named(all, 'Anne Roux')).to.have.length(1);
  });

  it('lets the user skip a local match or add it apart, with a labelled choice', async () => {
    const local = paul();
    const services = await directoryWith(local);
    const element = await openImport(
      services,
      csvFile(['Paul,Durand,07 81 23 45 67,,', 'Anne,Roux,,anne@example.org,']),
    );
    const select = rowOf(element, 'Paul Durand').querySelector('select')!;
    const label = element.shadowRoot!.querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent?.trim()).to.equal('What to do with Paul Durand');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['merge', 'skip', 'add']);
    expect(select.value).to.equal('merge');

    await choose(element, 'Paul Durand', 'skip');
    expect(confirmButton(element)!.textContent!.trim()).to.equal('Import 1 contact');
    expect(shadowText(element)).to.include('1 new, 1 to skip.');
    await choose(element, 'Paul Durand', 'add');
    expect(confirmButton(element)!.textContent!.trim()).to.equal('Import 2 contacts');

    expect(await confirm(element)).to.equal('2 contacts added.');
    const pauls = named(await services.directory.list(), 'Paul Durand');
    expect(pauls).to.have.length(2);
    expect(pauls.find((c) => c.id === local.id)?.phones).to.deep.equal(local.phones);
  });

  it('has nothing to confirm when the file brings nothing new', async () => {
    const services = await directoryWith(mayor(), paul());
    const element = await openImport(
      services,
      csvFile(['Hélène,Lefèvre,,,', 'Paul,Durand,06 11 11 11 11,,non']),
    );
    expect(confirmButton(element)).to.equal(null);
    expect(shadowText(element)).to.include('1 already there, 1 signed duplicate not imported.');
    expect(shadowText(element)).to.include('Nothing to import.');
  });

  it('speaks French', async () => {
    setLocale('fr');
    const services = await directoryWith(mayor(), paul());
    const element = await openImport(
      services,
      csvFile(['Hélène,Lefèvre,,,', 'Paul,Durand,,paul@example.org,', 'Anne,Roux,,,']),
    );
    expect(rowOf(element, 'Hélène Lefèvre').textContent).to.include(
      'Déjà dans le kit de crise (signé) — non importé',
    );
    expect(shadowText(element)).to.include(
      '1 nouveau, 1 doublon signé non importé, 1 à fusionner.',
    );
    expect(confirmButton(element)!.textContent!.trim()).to.equal('Importer 1, fusionner 1');
  });

  for (const [width, height] of [
    [360, 640],
    [390, 844],
  ]) {
    it(`keeps its buttons on a ${width}×${height} screen whatever the preview's length`, async () => {
      await setViewport({ width, height });
      const locals = Array.from({ length: 8 }, (_, i) =>
        makeContact({ givenName: 'Agent', familyName: `Numéro${i}` }),
      );
      const services = await directoryWith(mayor(), ...locals);
      const lines = [
        'Hélène,Lefèvre,,,',
        ...locals.map((c) => `${c.givenName},${c.familyName},,agent@example.org,`),
        ...Array.from({ length: 30 }, (_, i) => `Marie-Éléonore,Delacroix-Montfort${i},,,`),
      ];
      const element = await openImport(services, csvFile(lines));
      const button = confirmButton(element)!;
      const box = button.getBoundingClientRect();
      expect(box.top, 'top').to.be.at.least(0);
      expect(box.bottom, 'bottom').to.be.at.most(window.innerHeight);
      // Nothing of the scrolling preview covers it: it is what a tap there reaches.
      const hit = element.shadowRoot!.elementFromPoint(
        box.left + box.width / 2,
        box.top + box.height / 2,
      );
      expect(hit).to.equal(button);
      // Names break between words on a phone, never inside one.
      const name = element.shadowRoot!.querySelector('.name')!;
      expect(getComputedStyle(name).overflowWrap).to.equal('break-word');
    });
  }
});
