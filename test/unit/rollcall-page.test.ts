// The roll-call page with a real signed kit: every state, answering, starting (with its
// confirmation), the board, and the phone links for those who have not answered. Answers from
// other members are written the way a merge writes them: straight into the store, then the log told
// of a merge.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import type { RollCall, RollCallAnswer } from '../../src/domain/records.js';
import { signedMembers } from '../../src/domain/signed-members.js';
import { arrangeBoard } from '../../src/features/rollcall/roll-call-board.js';
import type { TocsinRollcallPage } from '../../src/features/rollcall/tocsin-rollcall-page.js';
import { SMALL_CELL } from '../fixtures/directory.js';
import {
  cleanUpTestServices,
  createEnrolledServices,
  createTestServices,
  renderPage,
  shadowText,
  waitFor,
} from './helpers.js';

const SELF = 'marie-dupont';

async function openRollCall(services: AppServices): Promise<TocsinRollcallPage> {
  const page = (await renderPage('rollcall', services)) as TocsinRollcallPage;
  await waitFor(() => page.dataset['view'] !== 'loading', 'the page to load');
  await page.updateComplete;
  return page;
}

function root(page: TocsinRollcallPage): ShadowRoot {
  return page.shadowRoot!;
}

function row(page: TocsinRollcallPage, member: string): HTMLElement | null {
  return root(page).querySelector<HTMLElement>(`[data-member="${member}"]`);
}

function answerButton(page: TocsinRollcallPage, status: string): HTMLButtonElement {
  return root(page).querySelector<HTMLButtonElement>(`button[data-answer="${status}"]`)!;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A roll-call started by another member, with answers from others, as a merge stores them. */
async function receiveRollCall(
  services: AppServices,
  by: string,
  answers: [member: string, status: RollCallAnswer['status'], minutes: number][],
): Promise<RollCall> {
  const rollCall: RollCall = { id: crypto.randomUUID(), startedAt: minutesAgo(20), by };
  const db = await services.database.db();
  await db.put(STORE.rollCalls, rollCall);
  for (const [member, status, minutes] of answers) {
    await db.put(STORE.rollCallAnswers, {
      rollCallId: rollCall.id,
      member,
      status,
      at: minutesAgo(minutes),
    });
  }
  services.log.noteMerged();
  return rollCall;
}

/** This device's answer travels: queued in the outbox, or already signed into a record. */
async function answerOnTheWay(services: AppServices, status: string): Promise<boolean> {
  const db = await services.database.db();
  const bodies = [
    ...(await db.getAll(STORE.syncOutbox)).map((item) => item.body),
    ...(await db.getAll(STORE.syncRecords)).map((record) => record.body),
  ];
  return bodies.some(
    (body) =>
      body.type === 'answer' && body.answer.member === SELF && body.answer.status === status,
  );
}

async function accessibleInBothLanguages(page: TocsinRollcallPage, french: string) {
  await expect(page).to.be.accessible();
  setLocale('fr');
  await waitFor(() => shadowText(page).includes(french), `the French page (${french})`);
  await expect(page).to.be.accessible();
  setLocale('en');
  await page.updateComplete;
}

describe('the roll-call page', () => {
  afterEach(cleanUpTestServices);

  it('asks a device without a kit to install it, since only members answer', async () => {
    const page = await openRollCall(createTestServices());
    expect(page.dataset['view']).to.equal('not-enrolled');
    const empty = root(page).querySelector('tocsin-empty-state')!;
    await empty.updateComplete;
    expect(shadowText(empty)).to.include('Only crisis-cell members answer the roll-call');
    expect(root(page).querySelector('a[href="#/enroll"]')?.textContent).to.include(
      'Install the crisis kit',
    );
    expect(root(page).querySelector('button[data-answer]')).to.equal(null);
    expect(root(page).querySelector('tocsin-sync-status')).to.exist;
    await accessibleInBothLanguages(page, 'Présences');
  });

  it('says no roll-call was started yet, and starts one without asking', async () => {
    const services = await createEnrolledServices();
    const page = await openRollCall(services);
    expect(page.dataset['view']).to.equal('empty');
    const empty = root(page).querySelector('tocsin-empty-state')!;
    await empty.updateComplete;
    expect(shadowText(empty)).to.include('No roll-call yet');
    await accessibleInBothLanguages(page, 'Relever les présences');

    root(page).querySelector<HTMLButtonElement>('button[data-action="start-rollcall"]')!.click();
    await waitFor(() => page.dataset['view'] === 'board', 'the board');
    expect(root(page).querySelector('dialog[open]')).to.equal(null);
    expect(shadowText(page)).to.include('by Marie Dupont');
    expect(shadowText(page)).to.include('0 of 4 members answered.');
    // Everyone is yet to answer, this device's member included (without calling themself).
    for (const member of [SELF, 'paul-martin', 'zoe-bernard', 'luc-roux']) {
      expect(row(page, member)?.dataset['status'], member).to.equal('none');
    }
    expect(row(page, SELF)!.textContent).to.include('Marie Dupont (you)');
    expect(row(page, SELF)!.querySelector('a')).to.equal(null);
    expect(row(page, 'accueil-mairie')).to.equal(null);
    const db = await services.database.db();
    expect(await db.count(STORE.rollCalls)).to.equal(1);
    await expect(page).to.be.accessible();
  });

  it('shows the board: whoever needs help on top, in red, then the answers and their times', async () => {
    const services = await createEnrolledServices();
    await receiveRollCall(services, 'paul-martin', [
      ['zoe-bernard', 'present', 12],
      ['paul-martin', 'help', 3],
    ]);
    const page = await openRollCall(services);
    expect(page.dataset['view']).to.equal('board');
    expect(shadowText(page)).to.include('by Paul Martin');
    const rows = [...root(page).querySelectorAll<HTMLElement>('ul.board li')];
    expect(rows.map((li) => [li.dataset['member'], li.dataset['status']])).to.deep.equal([
      ['paul-martin', 'help'],
      ['zoe-bernard', 'present'],
    ]);
    expect(rows[0].textContent).to.include('Needs help');
    expect(rows[0].querySelector('time')?.textContent).to.match(/\d{1,2}:\d{2}/);
    expect(root(page).querySelector('[role="alert"]')?.textContent).to.include(
      'Needs help: Paul Martin',
    );
    expect(shadowText(page)).to.include('2 of 4 members answered.');
    // Nothing of this device's own answer yet.
    for (const status of ['present', 'remote', 'unavailable', 'help']) {
      expect(answerButton(page, status).getAttribute('aria-pressed')).to.equal('false');
    }
    await accessibleInBothLanguages(page, 'Besoin d’aide : Paul Martin');
  });

  it('lists those who have not answered with a call and an SMS to their mobile', async () => {
    const services = await createEnrolledServices();
    await receiveRollCall(services, 'paul-martin', [['paul-martin', 'present', 5]]);
    const page = await openRollCall(services);
    const zoe = row(page, 'zoe-bernard')!;
    expect(zoe.dataset['status']).to.equal('none');
    const [call, sms] = [...zoe.querySelectorAll('a')];
    expect(call.getAttribute('href')).to.equal('tel:+33633333333');
    expect(call.getAttribute('aria-label')).to.equal('Call Zoé Bernard, 06 33 33 33 33');
    expect(sms.getAttribute('href')).to.match(/^sms:\+33633333333(\?|&)body=Roll-call%20of%20/);
    expect(sms.getAttribute('aria-label')).to.equal('SMS to Zoé Bernard, 06 33 33 33 33');
    // A member without any number is listed all the same, and says so.
    const luc = row(page, 'luc-roux')!;
    expect(luc.querySelector('a')).to.equal(null);
    expect(luc.textContent).to.include('No phone number');
    // Paul answered: no longer among those to reach.
    expect(row(page, 'paul-martin')!.dataset['status']).to.equal('present');
    expect(root(page).querySelector('[data-member="paul-martin"][data-status="none"]')).to.equal(
      null,
    );
    await accessibleInBothLanguages(page, 'Pas encore de réponse');
  });

  it('answers in one tap: the button is pressed, the answer stored and queued to be shared', async () => {
    const services = await createEnrolledServices();
    const rollCall = await receiveRollCall(services, 'paul-martin', []);
    const page = await openRollCall(services);

    answerButton(page, 'present').click();
    await waitFor(
      () => answerButton(page, 'present').getAttribute('aria-pressed') === 'true',
      'the pressed answer',
    );
    for (const status of ['remote', 'unavailable', 'help']) {
      expect(answerButton(page, status).getAttribute('aria-pressed')).to.equal('false');
    }
    expect(shadowText(page)).to.include('Your answer “Present on site” is recorded');
    expect(row(page, SELF)!.dataset['status']).to.equal('present');
    const db = await services.database.db();
    const stored = await db.get(STORE.rollCallAnswers, [rollCall.id, SELF]);
    expect(stored?.status).to.equal('present');
    expect(await answerOnTheWay(services, 'present')).to.equal(true);

    // A new answer replaces the previous one on the board.
    answerButton(page, 'help').click();
    await waitFor(
      () => answerButton(page, 'help').getAttribute('aria-pressed') === 'true',
      'the new answer',
    );
    expect(answerButton(page, 'present').getAttribute('aria-pressed')).to.equal('false');
    expect(root(page).querySelector<HTMLElement>('ul.board li')!.dataset['member']).to.equal(SELF);
    expect(row(page, SELF)!.dataset['status']).to.equal('help');
    expect(await answerOnTheWay(services, 'help')).to.equal(true);
    await accessibleInBothLanguages(page, 'Présent·e sur site');
  });

  it('asks before a new roll-call replaces the board, and keeps the previous answers', async () => {
    const services = await createEnrolledServices();
    const previous = await receiveRollCall(services, 'paul-martin', [['zoe-bernard', 'remote', 4]]);
    const page = await openRollCall(services);
    const start = () =>
      root(page).querySelector<HTMLButtonElement>('button[data-action="start-rollcall"]')!;
    const dialog = root(page).querySelector('dialog')!;
    const db = await services.database.db();

    start().click();
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Start a new roll-call?');
    await expect(page).to.be.accessible();
    [...dialog.querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel'))!.click();
    expect(dialog.open).to.equal(false);
    expect(await db.count(STORE.rollCalls)).to.equal(1);

    start().click();
    dialog.querySelector<HTMLButtonElement>('button[data-action="confirm-start"]')!.click();
    await waitFor(() => shadowText(page).includes('by Marie Dupont'), 'the new roll-call');
    expect(await db.count(STORE.rollCalls)).to.equal(2);
    expect(row(page, 'zoe-bernard')!.dataset['status']).to.equal('none');
    expect(root(page).querySelector('ul.board')).to.equal(null);
    expect(await db.get(STORE.rollCallAnswers, [previous.id, 'zoe-bernard'])).to.exist;
    expect(root(page).activeElement?.id).to.equal('current-title');
  });

  it('reads the board again when records from others arrive', async () => {
    const services = await createEnrolledServices();
    const rollCall = await receiveRollCall(services, SELF, []);
    const page = await openRollCall(services);
    expect(row(page, 'luc-roux')!.dataset['status']).to.equal('none');
    const db = await services.database.db();
    await db.put(STORE.rollCallAnswers, {
      rollCallId: rollCall.id,
      member: 'luc-roux',
      status: 'unavailable',
      at: new Date().toISOString(),
    });
    services.log.noteMerged();
    await waitFor(() => row(page, 'luc-roux')?.dataset['status'] === 'unavailable', 'the answer');
    expect(shadowText(page)).to.include('1 of 4 members answered.');
  });
});

describe('the roll-call board', () => {
  it('keeps each member’s latest answer and puts help first, then the latest', () => {
    const members = signedMembers(
      SMALL_CELL.map((contact, i) => ({
        ...contact,
        origin: i === 3 ? 'local' : 'kit',
        member: contact.cellMember ? { id: `m${i}`, publicKey: '' } : undefined,
      })),
    );
    // Luc's contact was added on this device: not a signed member.
    expect(members.map((member) => member.id)).to.deep.equal(['m0', 'm1', 'm2']);
    const rollCall = { id: 'r', startedAt: '2026-11-26T08:00:00Z', by: 'm0' };
    const answer = (member: string, status: RollCallAnswer['status'], at: string) => ({
      rollCallId: 'r',
      member,
      status,
      at: `2026-11-26T${at}:00Z`,
    });
    const { answered, unanswered } = arrangeBoard(
      {
        rollCall,
        answers: [
          answer('m1', 'present', '08:05'),
          answer('m0', 'present', '08:01'),
          answer('m0', 'help', '08:09'),
          answer('ghost', 'remote', '08:02'),
          { ...answer('m2', 'help', '08:03'), rollCallId: 'other' },
        ],
      },
      members,
    );
    expect(answered.map((r) => [r.member, r.answer.status])).to.deep.equal([
      ['m0', 'help'],
      ['m1', 'present'],
      ['ghost', 'remote'],
    ]);
    expect(answered[2].name).to.equal('ghost');
    expect(unanswered.map((member) => member.id)).to.deep.equal(['m2']);
  });
});
