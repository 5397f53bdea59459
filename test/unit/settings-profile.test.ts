// Who the device's member is, with a real signed kit: the profile starts from the member the kit
// names and their role in its signed directory, until the member chooses otherwise; Settings, the
// playbook's "my role" and the main courante's author all read it.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import type { Contact } from '../../src/domain/contact.js';
import { makeContact, SMALL_CELL } from '../fixtures/directory.js';
import {
  cleanUpTestServices,
  createEnrolledServices,
  createTestServices,
  renderPage,
  shadowText,
  waitFor,
} from './helpers.js';

/** The small cell, with Marie Dupont (the kit's member) coordinator and technical lead. */
const CELL_WITH_ROLES: Contact[] = [
  { ...SMALL_CELL[0]!, roles: ['coordinateur', 'technique'] },
  ...SMALL_CELL.slice(1),
];

function enrolled(): Promise<AppServices> {
  return createEnrolledServices({ contacts: CELL_WITH_ROLES });
}

function field<T extends HTMLElement>(page: HTMLElement, selector: string): T {
  return page.shadowRoot!.querySelector<T>(selector)!;
}

describe('the member’s profile', () => {
  afterEach(cleanUpTestServices);

  it('starts from the member and role the signed kit names', async () => {
    const services = await enrolled();
    expect(await services.settings.loadProfile()).to.deep.equal({
      name: 'Marie Dupont',
      role: 'coordinateur',
    });
    expect((await services.settings.loadProfileInUse())?.fromKit).to.deep.equal({
      name: true,
      role: true,
    });
    // Nothing was written: the kit's member is read, not copied.
    expect(await services.settings.loadOwnProfile()).to.deep.equal({});
  });

  it('keeps what the member chose over the kit, "no role" included', async () => {
    const services = await enrolled();
    await services.settings.saveProfile({ name: 'Le maire', role: null });
    expect(await services.settings.loadProfile()).to.deep.equal({ name: 'Le maire' });
    await services.settings.saveProfile({ name: 'Le maire', role: 'decideur' });
    expect(await services.settings.loadProfile()).to.deep.equal({
      name: 'Le maire',
      role: 'decideur',
    });
    // A name typed in the main courante keeps the role chosen here.
    await services.settings.saveName('Marie D.');
    expect(await services.settings.loadProfile()).to.deep.equal({
      name: 'Marie D.',
      role: 'decideur',
    });
  });

  it('takes the kit’s role while the member chose only a name', async () => {
    const services = await enrolled();
    await services.settings.saveName('Marie D.');
    expect(await services.settings.loadProfileInUse()).to.deep.equal({
      name: 'Marie D.',
      role: 'coordinateur',
      fromKit: { name: false, role: true },
    });
  });

  it('is empty without a kit until the member gives a name', async () => {
    const services = createTestServices();
    expect(await services.settings.loadProfile()).to.equal(undefined);
    await services.settings.saveProfile({ name: 'Claire' });
    expect(await services.settings.loadProfile()).to.deep.equal({ name: 'Claire' });
  });

  it('Settings shows the kit’s member and role, says so, and saves the name the member changes', async () => {
    const services = await enrolled();
    const page = await renderPage('settings', services);
    await waitFor(
      () => field<HTMLInputElement>(page, '#profile-name').value === 'Marie Dupont',
      'the kit’s member in “Your name”',
    );
    await page.updateComplete;
    expect(field<HTMLSelectElement>(page, '#profile-role').value).to.equal('coordinateur');
    expect(shadowText(page)).to.include('Your crisis kit gives this name');
    expect(shadowText(page)).to.include('Your role in the signed directory of your crisis kit.');
    setLocale('fr');
    await page.updateComplete;
    expect(shadowText(page)).to.include('Votre kit de crise donne ce nom');
    await expect(page).to.be.accessible();
    setLocale('en');
    await page.updateComplete;
    await expect(page).to.be.accessible();

    const name = field<HTMLInputElement>(page, '#profile-name');
    name.value = 'Marie Dupont (maire)';
    name.dispatchEvent(new Event('input'));
    await page.updateComplete;
    field<HTMLButtonElement>(page, 'form button[type="submit"]').click();
    await waitFor(() => shadowText(page).includes('Saved.'), 'the save');
    expect(await services.settings.loadProfile()).to.deep.equal({
      name: 'Marie Dupont (maire)',
      role: 'coordinateur',
    });
    expect(shadowText(page)).to.not.include('Your crisis kit gives this name');

    setLocale('fr');
    await page.updateComplete;
    expect(shadowText(page)).to.include('Votre nom');
    await expect(page).to.be.accessible();
  });

  it('the playbook filters on the kit’s role, and ticks under the kit’s name', async () => {
    const services = await enrolled();
    const page = await renderPage('playbook', services);
    await waitFor(
      () => field<HTMLSelectElement>(page, '#role')?.value === 'mine',
      'the “my role” filter',
    );
    expect(shadowText(page)).to.include('My role (Coordinator)');
  });

  it('the main courante offers to open a crisis under the kit’s name', async () => {
    const services = await enrolled();
    const page = await renderPage('log', services);
    await waitFor(
      () => field<HTMLInputElement>(page, '#author')?.value === 'Marie Dupont',
      'the author',
    );
  });
});

describe('a member without a role in the kit', () => {
  afterEach(cleanUpTestServices);

  it('has the kit’s name and no role, and Settings offers “No role”', async () => {
    const services = await createEnrolledServices({
      contacts: [makeContact({ givenName: 'Zoé', familyName: 'Bernard', cellMember: true })],
    });
    expect(await services.settings.loadProfile()).to.deep.equal({ name: 'Zoé Bernard' });
    const page = await renderPage('settings', services);
    await waitFor(
      () => field<HTMLInputElement>(page, '#profile-name').value === 'Zoé Bernard',
      'the name',
    );
    expect(field<HTMLSelectElement>(page, '#profile-role').value).to.equal('');
    expect(shadowText(page)).to.not.include('Your role in the signed directory');
  });
});
