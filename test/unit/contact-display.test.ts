import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { PageElement } from '../../src/app/page-element.js';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import type { SignedMember } from '../../src/domain/signed-members.js';
import '../../src/features/call/tocsin-call-fallbacks.js';
import type { TocsinCallFallbacks } from '../../src/features/call/tocsin-call-fallbacks.js';
import type { TocsinCellAlert } from '../../src/features/directory/tocsin-cell-alert.js';
import { renderBoard } from '../../src/features/rollcall/roll-call-board-view.js';
import { cleanUpTestServices, createTestServices, renderPage, waitFor } from './helpers.js';

const SCREEN = 360;
const LONG = 'W'.repeat(200);

/** Every element under `root`, through the shadow roots of the elements in it. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/** The elements that reach further right than the screen's edge (a px of rounding allowed). */
function overflowing(screen: Element, root: ParentNode): string[] {
  const edge = screen.getBoundingClientRect().right + 1;
  return allElements(root)
    .filter((element) => element.getBoundingClientRect().right > edge)
    .map((element) => `${element.localName}.${element.className}`);
}

async function directoryPage(contacts: Contact[]): Promise<PageElement> {
  const services = createTestServices();
  await services.directory.importContacts(contacts);
  const page = await renderPage('directory', services);
  page.parentElement!.style.width = `${SCREEN}px`;
  await waitFor(
    () => page.shadowRoot!.querySelectorAll('tocsin-virtual-list .row a.open').length === 2,
    'rows',
  );
  return page;
}

async function openCard(page: PageElement, id: string): Promise<ShadowRoot> {
  page.params = new URLSearchParams({ contact: id });
  await waitFor(() => !!page.shadowRoot!.querySelector('tocsin-contact-card'), 'card');
  const card = page.shadowRoot!.querySelector('tocsin-contact-card')!;
  await card.updateComplete;
  return card.shadowRoot!;
}

const longContact = emptyContact({
  id: 'long',
  displayName: LONG,
  organisation: LONG,
  service: LONG,
  jobTitle: LONG,
  groups: [LONG],
  emails: [`${'e'.repeat(200)}@example.org`],
  notes: LONG,
  phones: [{ kind: 'mobile', number: '+33612345678' }],
});

// As an earlier version kept it: as written, whatever the file held.
const hostileContact = emptyContact({
  id: 'hostile',
  displayName: 'Mallory',
  cellMember: true,
  phones: [
    { kind: 'mobile', number: 'javascript:alert(1)' },
    { kind: 'radio', number: 'Canal 3' },
  ],
});

describe('directory: long values and numbers that are not valid', () => {
  afterEach(cleanUpTestServices);

  it('keeps a 200-character unbroken name within a 360 px screen, in the list and the card', async () => {
    const page = await directoryPage([longContact, hostileContact]);
    const screen = page.parentElement!;
    expect(overflowing(screen, page.shadowRoot!)).to.deep.equal([]);
    const card = await openCard(page, 'long');
    expect(card.querySelector('h1')!.textContent).to.equal(LONG);
    expect(overflowing(screen, page.shadowRoot!)).to.deep.equal([]);
    expect(page.scrollWidth).to.be.at.most(SCREEN);
  });

  it('shows a stored number formatted, with E.164 links', async () => {
    const page = await directoryPage([longContact, hostileContact]);
    const call = page.shadowRoot!.querySelector('a.call')!;
    expect(call.getAttribute('href')).to.equal('tel:+33612345678');
    expect(call.getAttribute('aria-label')).to.equal(`Call ${LONG}, 06 12 34 56 78`);
    const card = await openCard(page, 'long');
    expect(card.querySelector('.number')!.textContent).to.contain('06 12 34 56 78');
    expect(card.querySelector('a[href="tel:+33612345678"]')).to.exist;
    expect(card.querySelector('a[href^="sms:+33612345678"]')).to.exist;
  });

  it('gives a number that is not valid no button, but a note, in the list, the card and the alert', async () => {
    const page = await directoryPage([longContact, hostileContact]);
    const rows = [...page.shadowRoot!.querySelectorAll('tocsin-virtual-list .row')];
    const mallory = rows.find((row) => row.textContent!.includes('Mallory'))!;
    expect(mallory.querySelector('a.call')).to.equal(null);
    expect(mallory.querySelector('.invalid')!.textContent).to.equal('not a valid number');

    const card = await openCard(page, 'hostile');
    expect(card.querySelector('a[href^="tel:"], a[href^="sms:"]')).to.equal(null);
    const [mobile, radio] = [...card.querySelectorAll('ul.reach li')];
    expect(mobile.textContent).to.contain('javascript:alert(1)');
    expect(mobile.querySelector('.invalid')!.textContent).to.equal('not a valid number');
    // A radio call sign is no number: shown as written, without the note.
    expect(radio.textContent).to.contain('Canal 3');
    expect(radio.querySelector('.invalid')).to.equal(null);

    setLocale('fr');
    await page.shadowRoot!.querySelector('tocsin-contact-card')!.updateComplete;
    expect(mobile.querySelector('.invalid')!.textContent).to.equal('numéro non valide');
    setLocale('en');

    page.params = new URLSearchParams();
    await waitFor(() => !!page.shadowRoot!.querySelector('tocsin-cell-alert'), 'alert');
    const alert = page.shadowRoot!.querySelector<TocsinCellAlert>('tocsin-cell-alert')!;
    await alert.open();
    expect(alert.shadowRoot!.querySelector('a[href^="sms:"]')).to.equal(null);
    expect(alert.shadowRoot!.textContent).to.contain('No valid phone number for: Mallory');
    alert.shadowRoot!.querySelector('dialog')!.close();
  });
});

describe('call fallbacks and roll-call board: numbers that are not valid', () => {
  const member = (id: string, number: string): Contact =>
    emptyContact({
      id,
      displayName: id,
      cellMember: true,
      origin: 'kit',
      member: { id, publicKey: 'not-a-real-key' },
      phones: [{ kind: 'mobile', number }],
    });

  it('the call page offers no button for a bad number, and still dials short emergency codes', async () => {
    const fallbacks = await fixture<TocsinCallFallbacks>(
      html`<tocsin-call-fallbacks
        .members=${[member('anne', '06 12 34 56 78'), member('mallory', 'javascript:alert(1)')]}
        .emergencyNumbers=${[
          { label: 'SAMU', number: '15' },
          { label: 'Forged', number: 'javascript:alert(1)' },
        ]}
      ></tocsin-call-fallbacks>`,
    );
    const root = fallbacks.shadowRoot!;
    const anne = root.querySelector('[data-member="anne"]')!;
    expect(anne.querySelector('a[href="tel:+33612345678"]')).to.exist;
    expect(anne.querySelector('a[href^="sms:+33612345678"]')).to.exist;
    const mallory = root.querySelector('[data-member="mallory"]')!;
    expect(mallory.querySelector('a')).to.equal(null);
    expect(mallory.textContent).to.contain('javascript:alert(1) — not a valid number');
    const emergency = [...root.querySelectorAll('ul.emergency li')];
    expect(emergency[0].querySelector('a')!.getAttribute('href')).to.equal('tel:15');
    expect(emergency[1].querySelector('a')).to.equal(null);
    expect(emergency[1].textContent).to.contain('not a valid number');
  });

  it('the roll-call board offers no call or SMS on a bad number, but says why', async () => {
    const members: SignedMember[] = [
      { id: 'anne', name: 'Anne', contact: member('anne', '+33612345678') },
      { id: 'mallory', name: 'Mallory', contact: member('mallory', '1') },
    ];
    const board = {
      rollCall: { id: 'r1', startedAt: '2026-10-01T09:00:00Z', by: 'anne' },
      answers: [],
    };
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(renderBoard(board, members, 'someone-else'), host);
    const anne = host.querySelector('[data-member="anne"]')!;
    expect(anne.querySelector('a[href="tel:+33612345678"]')).to.exist;
    expect(anne.querySelector('a[href^="sms:+33612345678"]')).to.exist;
    const mallory = host.querySelector('[data-member="mallory"]')!;
    expect(mallory.querySelector('a')).to.equal(null);
    expect(mallory.textContent).to.contain('1 — not a valid number');
  });
});
