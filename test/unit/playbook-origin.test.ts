// Where the playbook page says its playbook comes from, with real signed kits: the kit's own
// playbook under its title; Tocsin's default, said to be the default even when a kit carries it
// (tocsin-kit puts it in a kit whose organisation gives none), and then giving way to a file
// imported on this device; the built-in default without a kit.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { loadDefaultPlaybook } from '../../src/domain/default-playbook.js';
import { SMALL_CELL } from '../fixtures/directory.js';
import { generatePlaybook } from '../fixtures/playbook.js';
import {
  cleanUpTestServices,
  createTestServices,
  installTestKit,
  renderPage,
  waitFor,
} from './helpers.js';

/** The page's line on where the playbook comes from, once the page has read it. */
async function originLine(services: AppServices): Promise<HTMLElement> {
  const page = await renderPage('playbook', services);
  await waitFor(() => !!page.shadowRoot!.querySelector('[data-origin]'), 'the origin line');
  await page.updateComplete;
  return page.shadowRoot!.querySelector<HTMLElement>('[data-origin]')!;
}

function text(element: Element): string {
  return element.textContent!.replace(/\s+/g, ' ').trim();
}

describe('where the playbook comes from', () => {
  afterEach(cleanUpTestServices);

  it('names the kit’s own playbook by its title, its organisation and its kit', async () => {
    const services = createTestServices();
    const playbook = generatePlaybook(20, 3);
    const kit = await installTestKit(services, { contacts: [...SMALL_CELL], playbook });
    await services.crisisKit.verify();
    expect((await services.playbooks.active()).origin).to.equal('kit');
    const line = await originLine(services);
    expect(line.dataset['origin']).to.equal('kit');
    expect(text(line)).to.include(`“${playbook.title.en}”, the playbook of the crisis kit`);
    expect(text(line)).to.include(`signed by ${kit.organisation.organisation.name}`);
  });

  it('says a kit without a playbook of its own carries Tocsin’s default, and lets an import win', async () => {
    const services = createTestServices();
    const kit = await installTestKit(services, {
      contacts: [...SMALL_CELL],
      playbook: await loadDefaultPlaybook(),
    });
    await services.crisisKit.verify();
    const organisation = kit.organisation.organisation.name;
    let active = await services.playbooks.active();
    expect(active.origin).to.equal('kit-default');
    expect(active.playbook.id).to.equal('tocsin-default');
    let line = await originLine(services);
    expect(line.dataset['origin']).to.equal('kit-default');
    expect(text(line)).to.include('Tocsin’s built-in default playbook');
    expect(text(line)).to.include(
      `the crisis kit of ${organisation} carries no playbook of its own`,
    );
    expect(text(line)).to.not.include('the playbook of the crisis kit');
    setLocale('fr');
    line = await originLine(services);
    expect(text(line)).to.include('Plan par défaut intégré à Tocsin');
    expect(text(line)).to.include(
      `le kit de crise de ${organisation} ne contient pas de plan propre`,
    );
    setLocale('en');

    // A file imported on this device stands over the default the kit carries…
    const imported = generatePlaybook(14, 9);
    await services.playbooks.importLocal(imported);
    active = await services.playbooks.active();
    expect(active.origin).to.equal('local');
    expect(active.playbook.id).to.equal(imported.id);
    line = await originLine(services);
    expect(text(line)).to.equal('Imported from a file on this device');

    // …and going back to the default goes back to the kit's copy of it.
    await services.playbooks.removeLocal();
    expect((await services.playbooks.active()).origin).to.equal('kit-default');
  });

  it('keeps a kit’s own playbook over an imported file', async () => {
    const services = createTestServices();
    const playbook = generatePlaybook(20, 5);
    await installTestKit(services, { contacts: [...SMALL_CELL], playbook });
    await services.playbooks.importLocal(generatePlaybook(14, 9));
    const active = await services.playbooks.active();
    expect(active.origin).to.equal('kit');
    expect(active.playbook.id).to.equal(playbook.id);
  });

  it('says the built-in default is the default without a kit', async () => {
    const services = createTestServices();
    const line = await originLine(services);
    expect(line.dataset['origin']).to.equal('default');
    expect(text(line)).to.include('Tocsin’s built-in default playbook, from public guidance');
  });
});
