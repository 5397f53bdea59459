// The sync status as the screens show it, fed a status by hand: the exchange itself is tested in
// sync.test.ts. Names come from the signed directory, written straight into the database.
import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import type { Rejection } from '../../src/domain/records.js';
import { syncEn } from '../../src/features/sync/sync.en.js';
import { syncFr } from '../../src/features/sync/sync.fr.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../src/features/sync/sync-status.js';
import '../../src/features/sync/tocsin-sync-status.js';
import type { TocsinSyncStatus } from '../../src/features/sync/tocsin-sync-status.js';
import {
  cleanUpTestServices,
  createTestServices,
  shadowText,
  signIntoDirectory,
  waitFor,
} from './helpers.js';

/** Services whose directory signs Alice Martin and Bruno Durand as members; not enrolled. */
async function servicesWithMembers(): Promise<AppServices> {
  const services = createTestServices();
  await signIntoDirectory(services, [
    ['alice', 'Alice', 'Martin'],
    ['bruno', 'Bruno', 'Durand'],
  ]);
  return services;
}

async function mountStatus(services: AppServices): Promise<TocsinSyncStatus> {
  const element = await fixture<TocsinSyncStatus>(
    html`<tocsin-sync-status .services=${services}></tocsin-sync-status>`,
  );
  // The element reads the status when it opens; that read must not land on the one set below.
  await services.sync.refresh();
  await element.updateComplete;
  return element;
}

/** Sets the status the service would compute, and waits for the element to show it. */
async function show(
  element: TocsinSyncStatus,
  services: AppServices,
  status: Partial<SyncStatus>,
): Promise<void> {
  services.sync.status.set({ ...INITIAL_SYNC_STATUS, enrolled: true, ...status });
  await element.updateComplete;
}

function root(element: TocsinSyncStatus): ShadowRoot {
  return element.shadowRoot!;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('the sync status', () => {
  afterEach(cleanUpTestServices);

  it('says changes stay on this device until the kit is installed', async () => {
    const services = createTestServices();
    await services.log.openCrisis('Inondation', 'Claire');
    const element = await mountStatus(services);
    expect(shadowText(element)).to.include(
      'Your changes stay on this device until the crisis kit is installed',
    );
    // The crisis and its opening entry, queued until this device can sign them.
    const queued = await (await services.database.db()).count(STORE.syncOutbox);
    expect(queued).to.be.greaterThan(1);
    expect(shadowText(element)).to.include(`${queued} changes waiting to be sent.`);
    expect(element.dataset['enrolled']).to.equal('false');
    expect(element.hasAttribute('data-connected')).to.equal(false);
    expect(element.dataset['waiting']).to.equal(String(queued));
    expect(element.dataset['rejected']).to.equal('0');
    const region = root(element).querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await expect(element).to.be.accessible();
  });

  it('out of the room, keeps the changes waiting and offers to join', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    await show(element, services, { connected: false, waiting: 3 });
    const text = shadowText(element);
    expect(text).to.include(
      'Not in the crisis room: your changes are kept on this device and sent when you join.',
    );
    expect(text).to.include('3 changes waiting to be sent.');
    expect(root(element).querySelector('a[href="#/room"]')?.textContent).to.include(
      'Join the crisis room',
    );
    expect(element.hasAttribute('data-connected')).to.equal(false);
    expect(element.dataset['enrolled']).to.equal('true');
    expect(element.dataset['waiting']).to.equal('3');
    await expect(element).to.be.accessible();
  });

  it('in the room, names each member present, in sync or catching up, and the last arrivals', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    const aliceAt = minutesAgo(2);
    await show(element, services, {
      connected: true,
      peers: [
        { identity: 'bruno', missingHere: 4, missingThere: 2 },
        { identity: 'alice', missingHere: 0, missingThere: 0 },
        { identity: 'stranger', missingHere: 0, missingThere: 1 },
      ],
      waiting: 0,
      lastArrival: [
        { member: 'alice', at: aliceAt },
        { member: 'bruno', at: minutesAgo(30) },
      ],
    });
    await waitFor(() => shadowText(element).includes('Alice Martin'), 'the directory names');
    const text = shadowText(element);
    expect(text).to.include('In the crisis room');
    expect(text).to.include('Exchanging records with 2 of the 3 members present.');
    expect(text).to.include('Nothing waiting to be sent.');
    const peer = (id: string) =>
      root(element).querySelector(`[data-peer="${id}"]`)!.textContent!.replace(/\s+/g, ' ');
    expect(peer('alice')).to.include('Alice Martin').and.include('in sync');
    expect(peer('bruno')).to.include('Bruno Durand').and.include('4 to receive · 2 to send');
    // Not in the signed directory: shown by the identity it came with.
    expect(peer('stranger')).to.include('stranger').and.include('1 to send');
    expect(element.dataset['connected']).to.equal('true');
    expect(element.dataset['inSync']).to.equal('alice');
    expect(root(element).querySelector('a[href="#/room"]')).to.equal(null);

    const details = root(element).querySelector('details')!;
    details.open = true;
    const arrival = root(element).querySelector('[data-arrival="alice"] time')!;
    expect(arrival.getAttribute('datetime')).to.equal(aliceAt);
    expect(arrival.textContent).to.match(/^\d{1,2}:\d{2}( [AP]M)?$/);
    await expect(element).to.be.accessible();

    await show(element, services, {
      connected: true,
      peers: [
        { identity: 'alice', missingHere: 0, missingThere: 0 },
        { identity: 'bruno', missingHere: 0, missingThere: 0 },
      ],
    });
    expect(shadowText(element)).to.include('In sync with the 2 members present.');
    expect(element.dataset['inSync']).to.equal('alice,bruno');
  });

  it('shows rejected records in red and lists them, with the reason in plain words', async () => {
    const services = await servicesWithMembers();
    const db = await services.database.db();
    const refusals: Rejection[] = [
      {
        reason: 'replayed',
        from: 'alice',
        author: 'alice',
        device: 'd1',
        seq: 3,
        at: minutesAgo(9),
      },
      { reason: 'forged', from: 'bruno', author: 'alice', device: 'd1', seq: 7, at: minutesAgo(5) },
      { reason: 'malformed', from: 'mallory', at: minutesAgo(1) },
    ];
    for (const refusal of refusals) await db.add(STORE.syncRejections, refusal);
    const element = await mountStatus(services);
    await show(element, services, { rejected: { replayed: 1, forged: 1, malformed: 1 } });

    expect(element.dataset['rejected']).to.equal('2');
    const button = root(element).querySelector<HTMLButtonElement>(
      'button[data-action="show-rejected"]',
    )!;
    expect(button.textContent).to.include('2 records rejected');
    expect(button.classList.contains('danger')).to.equal(true);
    // Replays are ordinary network noise: said, not alarming.
    expect(shadowText(element)).to.include('1 record received twice or out of order was set aside');
    await expect(element).to.be.accessible();

    button.click();
    const dialog = root(element).querySelector('dialog')!;
    await waitFor(
      () => root(element).querySelector('ol.rejections')?.textContent?.includes('Bruno') === true,
      'the list, with names',
    );
    expect(dialog.open).to.equal(true);
    const items = [...root(element).querySelectorAll('ol.rejections li')];
    // The alarming ones first, the latest first; the replay last.
    expect(items.map((item) => item.getAttribute('data-reason'))).to.deep.equal([
      'malformed',
      'forged',
      'replayed',
    ]);
    const forged = items[1].textContent!.replace(/\s+/g, ' ');
    expect(forged).to.include('Its signature does not match: forged or altered');
    expect(forged).to.include('Delivered by Bruno Durand');
    // Its signature does not verify: Alice is whom it names, not who made it.
    expect(forged).to.include('Claims to be from Alice Martin');
    expect(forged).to.not.include('Signed by');
    expect(forged).to.include('Number 7');
    expect(items[0].textContent).to.include('mallory').and.include('unknown');
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    expect(items[1].textContent).to.include('Sa signature ne correspond pas');
    expect(items[1].textContent)
      .to.include('Se présente comme venant de')
      .and.include('Transmis par');
    expect(button.textContent).to.include('2 enregistrements rejetés');
    await expect(element).to.be.accessible();
    root(element).querySelector<HTMLButtonElement>('dialog .actions button')!.click();
    expect(dialog.open).to.equal(false);
  });

  it('offers the list when only replays and late records were set aside', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    await show(element, services, { rejected: { replayed: 2, 'out-of-order': 1 } });
    expect(element.dataset['rejected']).to.equal('0');
    expect(root(element).querySelector('button.danger')).to.equal(null);
    expect(shadowText(element)).to.include('3 records received twice or out of order');
    expect(
      root(element).querySelector('button[data-action="show-rejected"]')?.textContent,
    ).to.include('Details');
    await expect(element).to.be.accessible();
  });

  it('warns, in a banner, of a member who signed two records with the same number', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    await show(element, services, { equivocators: ['bruno'], rejected: { equivocation: 1 } });
    await waitFor(() => shadowText(element).includes('Bruno Durand'), 'the name');
    const banner = root(element).querySelector('[role="alert"]')!;
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.include(
      'Bruno Durand signed two different records with the same number — their records can no longer be trusted; tell the crisis cell’s coordinator.',
    );
    expect(element.dataset['equivocators']).to.equal('bruno');
    expect(element.dataset['rejected']).to.equal('1');
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    expect(banner.textContent).to.include(
      'Bruno Durand a signé deux enregistrements différents portant le même numéro',
    );
  });

  it('names as signer only the member whose signature verified, with the detail', async () => {
    const services = await servicesWithMembers();
    const db = await services.database.db();
    // Bruno signed an entry on a chain of Alice's: his signature is valid, the record is his.
    await db.add(STORE.syncRejections, {
      reason: 'impersonation',
      from: 'alice',
      signer: 'bruno',
      author: 'bruno',
      device: 'alice@d1',
      seq: 4,
      detail: 'device alice@d1 is not in the namespace of signer bruno',
      at: minutesAgo(2),
    } satisfies Rejection);
    const element = await mountStatus(services);
    await show(element, services, { rejected: { impersonation: 1 }, culprits: ['bruno'] });
    expect(element.dataset['rejected']).to.equal('1');
    await element.openProblems();
    await waitFor(
      () => root(element).querySelector('ol.rejections li') !== null,
      'the list of refusals',
    );
    const item = root(element).querySelector('ol.rejections li')!;
    const text = item.textContent!.replace(/\s+/g, ' ');
    expect(item.getAttribute('data-reason')).to.equal('impersonation');
    expect(text).to.include(
      'Signed by a member in another member’s name or on another member’s device: a forgery, refused',
    );
    expect(item.querySelector('[data-signer]')?.getAttribute('data-signer')).to.equal('bruno');
    expect(text).to.include('Signed by Bruno Durand');
    expect(text).to.include('Delivered by Alice Martin');
    expect(text).to.not.include('Claims to be from');
    const detail = [...item.querySelectorAll('dd')].find((dd) => dd.getAttribute('lang') === 'en');
    expect(detail?.textContent).to.include('not in the namespace of signer bruno');
    expect(text).to.include('Technical detail (in English)');
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    expect(item.textContent!.replace(/\s+/g, ' ')).to.include('Signé par Bruno Durand');
    expect(item.textContent).to.include('une falsification, refusée');
    await expect(element).to.be.accessible();
  });

  it('names in red the member whose own signature is on refused records, not the victim', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    // Bruno signed records in Alice's name: Alice appears nowhere in the warning.
    await show(element, services, {
      culprits: ['bruno'],
      rejected: { impersonation: 2, 'future-dated': 1 },
    });
    await waitFor(() => shadowText(element).includes('Bruno Durand'), 'the name');
    const banner = root(element).querySelector('[role="alert"]')!;
    const said = banner.textContent!.replace(/\s+/g, ' ');
    expect(said).to.include(
      'Records signed by Bruno Durand were refused or are suspect: in another member’s name, breaking their chain, signed twice with one number, or dated in the future — tell the crisis cell’s coordinator.',
    );
    expect(said).to.not.include('Alice');
    expect(banner.querySelector('[data-culprit="bruno"]')).to.not.equal(null);
    expect(element.dataset['culprits']).to.equal('bruno');
    expect(element.dataset['equivocators']).to.equal('');
    expect(element.dataset['rejected']).to.equal('3');
    expect(
      root(element)
        .querySelector('button[data-action="show-rejected"]')
        ?.classList.contains('danger'),
    ).to.equal(true);
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.include(
      'Des enregistrements signés par Bruno Durand ont été refusés ou sont suspects : au nom d’un autre membre, rompant leur chaîne, signés deux fois avec le même numéro ou datés dans le futur',
    );
  });

  it('lists several culprits sorted, and an equivocator once, for the equivocation', async () => {
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    await show(element, services, {
      equivocators: ['bruno'],
      culprits: ['zoe', 'bruno', 'alice'],
      rejected: { equivocation: 1, 'broken-chain': 2 },
    });
    await waitFor(() => shadowText(element).includes('Alice Martin'), 'the names');
    expect(element.dataset['culprits']).to.equal('alice,bruno,zoe');
    const banner = root(element).querySelector('[role="alert"]')!;
    expect(
      [...banner.querySelectorAll('[data-culprit]')].map((p) => p.getAttribute('data-culprit')),
    ).to.deep.equal(['alice', 'zoe']);
    expect(banner.querySelectorAll('[data-equivocator="bruno"]')).to.have.length(1);
    // Not in the signed directory: named by the bare id.
    expect(banner.querySelector('[data-culprit="zoe"]')!.textContent).to.include(
      'Records signed by zoe were refused',
    );
    await expect(element).to.be.accessible();
  });

  it('says each new reason in plain words, in English and in French, as alarming', async () => {
    const services = await servicesWithMembers();
    const db = await services.database.db();
    const said = {
      impersonation: [
        'Signed by a member in another member’s name or on another member’s device: a forgery, refused',
        'Signé par un membre au nom d’un autre membre ou sur l’appareil d’un autre membre : une falsification, refusée',
      ],
      'future-dated': [
        'Dated in the future: its time is not trusted (a wrong clock or a forgery)',
        'Daté dans le futur : son heure n’est pas fiable (horloge fausse ou falsification)',
      ],
      'not-member': [
        'Sent by someone in the room who is not a member of the signed directory: ignored',
        'Envoyé par quelqu’un dans la salle qui n’est pas membre de l’annuaire signé : ignoré',
      ],
      unsealed: [
        'Did not arrive end-to-end encrypted with the room’s key: ignored',
        'N’est pas arrivé chiffré de bout en bout avec la clé de la salle : ignoré',
      ],
      flood: [
        'Far more messages than a member sends: dropped',
        'Bien plus de messages qu’un membre n’en envoie : écartés',
      ],
    } as const;
    const reasons = Object.keys(said) as (keyof typeof said)[];
    for (const [i, reason] of reasons.entries()) {
      await db.add(STORE.syncRejections, {
        reason,
        from: reason === 'not-member' ? 'intruder' : 'bruno',
        at: minutesAgo(10 - i),
      } satisfies Rejection);
    }
    const element = await mountStatus(services);
    await show(element, services, { rejected: Object.fromEntries(reasons.map((r) => [r, 1])) });
    expect(element.dataset['rejected']).to.equal(String(reasons.length));
    await element.openProblems();
    await waitFor(
      () => root(element).querySelectorAll('ol.rejections li').length === reasons.length,
      'the list of refusals',
    );
    const reasonOf = (reason: string) =>
      root(element).querySelector(`ol.rejections li[data-reason="${reason}"]`)!;
    for (const reason of reasons) {
      expect(reasonOf(reason).classList.contains('alarming'), reason).to.equal(true);
      expect(reasonOf(reason).querySelector('.reason')!.textContent, reason).to.equal(
        said[reason][0],
      );
    }
    // Sent by someone the directory does not know: shown by the identity it came with.
    expect(reasonOf('not-member').textContent).to.include('Delivered by').and.include('intruder');
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    for (const reason of reasons) {
      expect(reasonOf(reason).querySelector('.reason')!.textContent, reason).to.equal(
        said[reason][1],
      );
    }
    await expect(element).to.be.accessible();
  });

  it('speaks French', async () => {
    setLocale('fr');
    const services = await servicesWithMembers();
    const element = await mountStatus(services);
    await show(element, services, { connected: false, waiting: 1 });
    const text = shadowText(element);
    expect(text).to.include('Hors de la salle de crise');
    expect(text).to.include('1 modification en attente d’envoi.');
    await expect(element).to.be.accessible();
  });
});

describe('the sync and roll-call messages', () => {
  it('are all translated into French, with the same arguments', () => {
    const sameInBoth = new Set(['rollcall.sms']);
    expect(Object.keys(syncFr).sort()).to.deep.equal(Object.keys(syncEn).sort());
    for (const key of Object.keys(syncEn) as (keyof typeof syncEn)[]) {
      const english = syncEn[key] as string | ((...args: unknown[]) => string);
      const french = syncFr[key] as string | ((...args: unknown[]) => string);
      expect(typeof french, key).to.equal(typeof english);
      if (typeof english === 'function' && typeof french === 'function') {
        expect(french.length, key).to.equal(english.length);
        const args = Array.from({ length: english.length }, (_, i) => (i === 0 ? 2 : 'x'));
        expect(french(...args), key).to.not.equal(english(...args));
      } else if (!sameInBoth.has(key)) {
        expect(french, key).to.be.a('string').and.not.equal(english);
      }
    }
  });
});
