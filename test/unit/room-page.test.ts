// The room page with real signed kits: every state before and around the call, in English and
// French, with axe. The call itself (tiles, safety code, announcements) is in call-view.test.ts
// and the tests of its parts (call-view-parts, call-stage-layout, call-announcements).
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { INDEX, STORE } from '../../src/db/schema.js';
import { callEn } from '../../src/features/call/call.en.js';
import { callFr } from '../../src/features/call/call.fr.js';
import type { TocsinRoomPage } from '../../src/features/call/tocsin-room-page.js';
import { WORKER_URL, withoutEncryptedMedia } from './call-fakes.js';
import {
  cleanUpTestServices,
  createEnrolledServices,
  createTestServices,
  renderPage,
  refuseMedia,
  shadowText,
  waitFor,
} from './helpers.js';

async function openRoom(services: AppServices): Promise<TocsinRoomPage> {
  const page = (await renderPage('room', services)) as TocsinRoomPage;
  page.sessionOptions = {
    createWorker: () => new Worker(WORKER_URL, { type: 'module' }),
  };
  await waitFor(() => page.dataset['view'] !== 'loading', 'the page to leave loading');
  await page.updateComplete;
  return page;
}

function root(page: TocsinRoomPage): ShadowRoot {
  return page.shadowRoot!;
}

/** Buttons and links of the page and of its inner elements, by visible text. */
function control(page: TocsinRoomPage, text: string): HTMLElement {
  const all = [
    ...root(page).querySelectorAll<HTMLElement>('button, a'),
    ...[...root(page).querySelectorAll('*')].flatMap((element) =>
      element.shadowRoot ? [...element.shadowRoot.querySelectorAll<HTMLElement>('button, a')] : [],
    ),
  ];
  const found = all.find((element) => element.textContent!.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No control “${text}” in: ${shadowText(page)}`);
  return found;
}

function fallbacks(page: TocsinRoomPage): ShadowRoot | undefined {
  return root(page).querySelector('tocsin-call-fallbacks')?.shadowRoot ?? undefined;
}

/** Checks the page with axe in English, then in French, where it must read `french`. */
async function accessibleInBothLanguages(page: TocsinRoomPage, french: string) {
  await expect(page).to.be.accessible();
  setLocale('fr');
  await page.updateComplete;
  await root(page).querySelector('tocsin-call-fallbacks')?.updateComplete;
  expect(shadowText(page)).to.include(french);
  await expect(page).to.be.accessible();
  setLocale('en');
  await page.updateComplete;
}

describe('the room page', () => {
  let page: TocsinRoomPage | undefined;
  const restore: (() => void)[] = [];

  afterEach(async () => {
    page?.remove();
    page = undefined;
    for (const undo of restore.splice(0)) undo();
    await cleanUpTestServices();
  });

  it('sends a device without a kit to enrollment', async () => {
    page = await openRoom(createTestServices());
    expect(page.dataset['view']).to.equal('not-enrolled');
    expect(page.dataset['connection']).to.equal('idle');
    expect(root(page).querySelector('h1')!.textContent).to.equal('Crisis room');
    expect(shadowText(page)).to.include(
      'This device can join the end-to-end encrypted crisis room.',
    );
    // No kit, no server to ask.
    expect(page.dataset['server']).to.equal(undefined);
    expect(control(page, 'Install the crisis kit').getAttribute('href')).to.equal('#/enroll');
    expect(root(page).querySelector('button')).to.equal(null);
    await accessibleInBothLanguages(page, 'Installer le kit de crise');
  });

  it('offers no room and no phone number from a tampered kit', async () => {
    const services = await createEnrolledServices();
    const db = await services.database.db();
    const [contact] = await db.getAllFromIndex(STORE.contacts, INDEX.contactsByOrigin, 'kit');
    await db.put(STORE.contacts, { ...contact!, phones: [{ kind: 'mobile', number: '0666' }] });
    const restarted = createTestServices({ databaseName: db.name });

    page = await openRoom(restarted);
    expect(page.dataset['view']).to.equal('tampered');
    expect(shadowText(page)).to.include('no longer matches the organisation’s signature');
    expect(root(page).querySelector('button')).to.equal(null);
    expect(root(page).querySelector('tocsin-call-fallbacks')).to.equal(null);
    expect(root(page).querySelector('a[href^="tel:"]')).to.equal(null);
    expect(control(page, 'Install the kit again').getAttribute('href')).to.equal('#/enroll');
    await accessibleInBothLanguages(page, 'La salle de crise est désactivée');
  });

  it('refuses to join from a browser that cannot encrypt, and offers the phone', async () => {
    const services = await createEnrolledServices();
    restore.push(withoutEncryptedMedia());
    page = await openRoom(services);
    expect(page.dataset['view']).to.equal('unsupported');
    expect(shadowText(page)).to.include('Tocsin never enters the room unencrypted');
    expect(root(page).querySelector('button.join')).to.equal(null);
    const phone = fallbacks(page)!;
    expect(phone.querySelector('a[href="tel:+33622222222"]')).to.not.equal(null);
    await accessibleInBothLanguages(page, 'Tocsin n’entre jamais dans la salle sans chiffrement');
  });

  it('explains the permission prompt before offering to join, with or without the camera', async () => {
    page = await openRoom(await createEnrolledServices({ roomName: 'cellule-mairie' }));
    expect(page.dataset['view']).to.equal('ready');
    const text = shadowText(page);
    expect(text).to.include('Your browser will ask to use the microphone and the camera');
    expect(text).to.include('Room: cellule-mairie');
    control(page, 'Join the crisis room');
    control(page, 'Join audio only');
    await accessibleInBothLanguages(page, 'Entrer en audio seul');
  });

  it('says before joining that the kit’s server answers, and when it asked', async () => {
    // The test runner's own server stands for the kit's LiveKit server: its root answers 200.
    page = await openRoom(await createEnrolledServices({ livekitUrl: `ws://${location.host}/` }));
    await waitFor(() => page!.dataset['server'] === 'reachable', 'the server’s answer', 8000);
    await page.updateComplete;
    const status = root(page).querySelector('p.server')!;
    expect(status.textContent).to.include('Room server reachable');
    expect(status.textContent).to.match(/checked at \d{2}:\d{2}/);
    expect(root(page).querySelector('tocsin-call-fallbacks')).to.equal(null);
    control(page, 'Join the crisis room');
    await accessibleInBothLanguages(page, 'Serveur de la salle joignable');
  });

  it('says before joining that the kit’s server is silent, offers the phone, and still joins', async () => {
    page = await openRoom(await createEnrolledServices({ livekitUrl: 'ws://127.0.0.1:59287' }));
    await waitFor(() => page!.dataset['server'] === 'unreachable', 'the server’s silence', 8000);
    await page.updateComplete;
    const status = root(page).querySelector('p.server')!;
    expect(status.textContent).to.include(
      'The room server is not answering (no connection to it): you can try anyway',
    );
    // What the browser said stays behind "Technical details", closed.
    expect(status.textContent).to.not.include('Failed to fetch');
    const details = root(page).querySelector('tocsin-error-details')!;
    await details.updateComplete;
    expect(details.shadowRoot!.querySelector('details')!.open).to.equal(false);
    expect(details.shadowRoot!.textContent).to.include('GET http://127.0.0.1:59287/');
    expect(fallbacks(page)).to.not.equal(undefined);
    expect((control(page, 'Join the crisis room') as HTMLButtonElement).disabled).to.equal(false);
    await accessibleInBothLanguages(
      page,
      'Le serveur de la salle ne répond pas (connexion impossible)',
    );
    setLocale('fr');
    await page.updateComplete;
    await details.updateComplete;
    expect(details.shadowRoot!.querySelector('summary')!.textContent).to.equal(
      'Détails techniques',
    );
    setLocale('en');
    await page.updateComplete;
  });

  it('says how to allow the microphone when it is refused, and offers to listen only', async () => {
    restore.push(refuseMedia());
    page = await openRoom(await createEnrolledServices());
    control(page, 'Join the crisis room').click();
    await waitFor(() => page!.dataset['view'] === 'media', 'the permission message');
    await page.updateComplete;
    expect(shadowText(page)).to.include('Tocsin was not allowed to use the microphone');
    expect(shadowText(page)).to.include('allow the microphone and the camera, then try again');
    control(page, 'Try again');
    control(page, 'Join audio only');
    control(page, 'Listen only');
    expect(root(page).activeElement?.localName, 'focus on the new state’s heading').to.equal('h2');
    await accessibleInBothLanguages(page, 'Écouter seulement');
  });

  it('says plainly that the room cannot be reached, and offers every member by phone', async () => {
    page = await openRoom(await createEnrolledServices({ livekitUrl: 'ws://127.0.0.1:9' }));
    control(page, 'Join audio only').click();
    await waitFor(() => page!.dataset['view'] === 'unreachable', 'the unreachable state', 8000);
    await page.updateComplete;
    expect(page.dataset['connection']).to.equal('unreachable');
    const text = shadowText(page);
    expect(text).to.include('The crisis room cannot be reached');
    expect(text).to.include('Try again in a moment, or reach the cell by phone below.');
    // livekit-client's English stays out of the sentence, behind a closed disclosure.
    const card = root(page).querySelector('[data-problem="unreachable"]')!;
    expect(card.querySelector('p')!.textContent).to.not.include('signal connection');
    const details = card.querySelector('tocsin-error-details')!;
    await details.updateComplete;
    const disclosure = details.shadowRoot!.querySelector('details')!;
    expect(disclosure.open).to.equal(false);
    expect(disclosure.querySelector('summary')!.textContent).to.equal('Technical details');
    expect(disclosure.querySelector('code')!.textContent).to.not.equal('');
    expect(disclosure.textContent).to.not.include('eyJ'); // never the access token
    expect(text).to.not.include('eyJ');
    expect(root(page).activeElement?.textContent).to.equal('The crisis room cannot be reached');
    control(page, 'Try again');

    const phone = fallbacks(page)!;
    await root(page).querySelector('tocsin-call-fallbacks')!.updateComplete;
    const members = [...phone.querySelectorAll<HTMLElement>('ul.members li')];
    // Not Marie (this device), not the non-member; sorted; Luc has no number.
    expect(members.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Luc Roux No phone number',
      'Paul Martin +33 6 22 22 22 22 Call SMS',
      'Zoé Bernard 06 33 33 33 33 Call SMS',
    ]);
    const paul = phone.querySelector('li[data-member="paul-martin"]')!;
    expect(paul.querySelector('a[href="tel:+33622222222"]')!.getAttribute('aria-label')).to.equal(
      'Call Paul Martin, +33 6 22 22 22 22',
    );
    expect(paul.querySelector('a[href^="sms:"]')!.getAttribute('href')).to.match(
      /^sms:\+33622222222/,
    );
    expect(phone.querySelector('a[href="tel:15"]')?.getAttribute('aria-label')).to.equal(
      'Call SAMU, 15',
    );
    expect(phone.querySelector('a[href="tel:112"]')).to.not.equal(null);

    // "Alert the cell": one SMS to every member with a number (Marie's own device included).
    control(page, 'Alert the whole cell by SMS').click();
    const alert = phone.querySelector('tocsin-cell-alert')!;
    await alert.updateComplete;
    const send = alert.shadowRoot!.querySelector<HTMLAnchorElement>('a.button')!;
    expect(send.getAttribute('href')).to.include('+33622222222').and.include('+33633333333');
    alert.shadowRoot!.querySelector('dialog')!.close();

    await accessibleInBothLanguages(page, 'La salle de crise est injoignable');
    expect(shadowText(page)).to.include('The crisis room cannot be reached');
  });
});

describe('the crisis room’s messages', () => {
  it('are all translated into French, with the same arguments', () => {
    const sameInBoth = new Set([
      'call.fallback.sms',
      'call.list.title',
      'call.control.participants',
    ]);
    for (const key of Object.keys(callEn) as (keyof typeof callEn)[]) {
      const english = callEn[key] as string | ((...args: unknown[]) => string);
      const french = callFr[key] as string | ((...args: unknown[]) => string);
      expect(typeof french, key).to.equal(typeof english);
      if (typeof english === 'function' && typeof french === 'function') {
        expect(french.length, key).to.equal(english.length);
        const args = Array.from({ length: english.length }, (_, i) => (i === 0 ? 2 : 'x'));
        if (!sameInBoth.has(key)) expect(french(...args), key).to.not.equal(english(...args));
      } else if (!sameInBoth.has(key)) {
        expect(french, key).to.not.equal(english);
      }
    }
  });
});
