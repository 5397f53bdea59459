// The cell's shared log, end to end: members enrolled with kits from `tocsin-kit` keep each other's
// main courante, ticks and roll-call answers up to date over the crisis room's end-to-end-encrypted
// data on a real LiveKit server (loopback), from the built app in Chromium, one browser per member.
// A member who wrote offline converges with the others; a late joiner catches up a 2,000-entry log;
// a room secret of another kit reads nothing, and a bare client without E2EE sees only ciphertext,
// even decompressed (while the same check reads a message sent without E2EE); altered, forged,
// replayed, reordered and equivocating records from an insider are rejected and shown; the
// roll-call goes round with one member answering on reconnecting. A hostile member of the cell is
// in sync-hostile.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CELL_MEMBERS } from './cell-support.mjs';
import { joinToken } from './livekit-support.mjs';
import {
  converged,
  inLab,
  readableText,
  rejections,
  ROOM,
  sharedData,
  SYNC_LAB,
  syncStatus,
  useSyncCell,
} from './sync-support.mjs';
import { pageHeading } from './support.mjs';

const [HELENE, FRANCOIS, ZOE] = CELL_MEMBERS;

const cell = useSyncCell({ build: 'sync', kitSets: { cell: {}, other: {} } });
const { state, member, open, joinRoom, leaveRoom, openCrisis, writeEntries, statusPage } = cell;

test('a member who wrote offline and two others converge to the same log', async () => {
  const [helene, francois, zoe] = await Promise.all(
    [HELENE, FRANCOIS, ZOE].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await joinRoom(zoe.page);
  await openCrisis(helene.page, 'Cyberattaque — mairie');
  await converged([helene.page, francois.page, zoe.page], (data) => data.entries === 1);

  // Zoé leaves the room and loses the network; she keeps writing and ticking.
  await leaveRoom(zoe.page);
  await zoe.context.setOffline(true);
  const offline = Array.from({ length: 50 }, (_, i) => `Zoé hors ligne ${i + 1}`);
  await writeEntries(zoe.page, offline);
  await open(zoe.page, '#/playbook');
  await pageHeading(zoe.page, 'tocsin-playbook-page');
  const boxes = zoe.page.locator('tocsin-playbook-page input[type="checkbox"]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  // Each tick is written after its click and the status follows the writes: wait for all of them
  // (50 entries, and each tick both an entry and a tick) rather than read it once.
  await statusPage(zoe.page);
  await zoe.page
    .locator(`tocsin-sync-status[data-waiting="${50 + 3 * 2}"]`)
    .waitFor({ timeout: 10_000 })
    .catch(async (error) => {
      const { waiting } = await syncStatus(zoe.page);
      throw new Error(`${waiting} changes waiting instead of ${50 + 3 * 2}`, { cause: error });
    });

  // Meanwhile the others keep writing, in the room.
  await writeEntries(helene.page, ['Hélène 1', 'Hélène 2', 'Hélène 3']);
  await writeEntries(francois.page, ['François 1', 'François 2']);

  // Zoé is back: everyone ends with the same records, in the same order, with the same heads.
  await zoe.context.setOffline(false);
  await joinRoom(zoe.page);
  const data = await converged(
    [helene.page, francois.page, zoe.page],
    (held) => held.entries === 1 + 50 + 3 + 3 + 2,
  );
  assert.equal(JSON.parse(data.ticks).length, 3);
  assert.equal(JSON.parse(data.heads).length, 3);
  await open(zoe.page, '#/log');
  await zoe.page.locator('tocsin-sync-status[data-waiting="0"]').waitFor({ timeout: 20_000 });

  assert.deepEqual([...helene.errors, ...francois.errors, ...zoe.errors], []);
  await Promise.all([helene.close(), francois.close(), zoe.close()]);
});

test('a late joiner receives a 2,000-entry log from the others', async (t) => {
  const [helene, francois] = await Promise.all(
    [HELENE, FRANCOIS].map((id) => member(state.kits.cell[id])),
  );
  await open(helene.page, SYNC_LAB);
  await helene.page.waitForFunction(() => 'tocsinSyncLab' in window);
  await helene.page.evaluate(() => /** @type {any} */ (window).tocsinSyncLab.seed(2000, 7));
  await joinRoom(helene.page);
  await statusPage(helene.page);
  await helene.page.locator('tocsin-sync-status[data-waiting="2001"]').waitFor({ timeout: 60_000 });

  const joined = Date.now();
  await joinRoom(francois.page);
  const data = await converged(
    [helene.page, francois.page],
    (held) => held.entries === 2000,
    120_000,
  );
  t.diagnostic(`late joiner caught up 2,000 entries in ${Date.now() - joined} ms (join included)`);
  assert.equal(JSON.parse(data.crises).length, 1);
  await statusPage(francois.page);
  await francois.page
    .locator(`tocsin-sync-status[data-in-sync*="${HELENE}"]`)
    .waitFor({ timeout: 20_000 });

  assert.deepEqual([...helene.errors, ...francois.errors], []);
  await Promise.all([helene.close(), francois.close()]);
});

/** What no one without the room's key may read on the wire: log texts, sync messages. */
const SECRET = 'Mot de passe du coffre : hirondelle-42';
const WIRE_NEEDLES = ['hirondelle', 'Entrée écrite devant', '"heads"', '"records"'];

test('no readable byte without the room secret; bad records are rejected and shown', async (t) => {
  const [helene, francois] = await Promise.all(
    [HELENE, FRANCOIS].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await openCrisis(helene.page, 'Exercice de crise');
  await writeEntries(helene.page, [SECRET]);
  await converged([helene.page, francois.page], (data) => data.entries === 2);

  // Zoé's kit from another build: a valid token for the room, but another room secret. It keeps
  // every raw data-channel message that reaches it.
  const outsider = await member(state.kits.other[ZOE], { enroll: false });
  await outsider.page.evaluate(() => /** @type {any} */ (window).tocsinSyncLab.rogueCapture(2e7));
  await outsider.page.evaluate(
    (link) => /** @type {any} */ (window).tocsinSyncLab.rogueJoin(link),
    state.kits.other[ZOE],
  );
  // And a bare livekit-client with no E2EE at all, with a token for the room.
  const observer = await cell.plainObserver(await joinToken(state.livekit, 'observateur', ROOM));
  await outsider.page.evaluate(() =>
    /** @type {any} */ (window).tocsinSyncLab.rogueSend({ t: 'hello', heads: [], reply: true }),
  );
  // Both eavesdroppers are in the room while the members say hello to them and push an entry.
  await writeEntries(helene.page, ['Entrée écrite devant des intrus']);
  await converged([helene.page, francois.page], (data) => data.entries === 3);
  await helene.page.waitForTimeout(2000);
  const outsiderGot = await outsider.page.evaluate(() => ({
    readable: /** @type {any} */ (window).tocsinSyncLab.rogueReceived().length,
    messages: /** @type {string[]} */ (/** @type {any} */ (window).tocsinSyncLab.rogueCaptured()),
  }));
  assert.equal(outsiderGot.readable, 0, 'the wrong secret read sync messages');
  const observed = await observer.seen();
  // Enough arrived that the log would be readable if it were not encrypted: the members' hellos
  // and the pushed entry (a message of its own, over 500 bytes).
  for (const [who, messages] of /** @type {[string, string[]][]} */ ([
    ['the plain observer', observed.messages],
    ['the wrong secret', outsiderGot.messages],
  ])) {
    const bytes = messages.reduce((sum, m) => sum + Buffer.from(m, 'base64').length, 0);
    assert.ok(messages.length >= 3 && bytes > 1000, `${who} received only ${bytes} bytes`);
    assert.ok(
      messages.some((m) => Buffer.from(m, 'base64').length > 500),
      `${who} received no message as long as the pushed entry`,
    );
    // Decompressed from every offset: the check that finds the log in clear when it is
    // (the next test), and finds nothing here.
    const started = Date.now();
    assert.deepEqual(readableText(messages, WIRE_NEEDLES), [], `${who} read the log`);
    t.diagnostic(
      `${who}: ${messages.length} messages, ${bytes} bytes, searched in ${Date.now() - started} ms`,
    );
  }
  await observer.close();
  await outsider.close();

  // Zoé's genuine kit in a rogue client: a member of the cell who misbehaves.
  const rogue = await member(state.kits.cell[ZOE], { enroll: false });
  /** @type {(fn: (lab: any, arg: any) => any, arg?: unknown) => Promise<any>} */
  const lab = (fn, arg) => inLab(rogue.page, fn, arg);
  await lab((lab, link) => lab.rogueJoin(link), state.kits.cell[ZOE]);
  await lab((lab) => lab.rogueSend({ t: 'hello', heads: [], reply: true }));
  const heleneHead = await rogue.page.waitForFunction(() =>
    /** @type {any} */ (window).tocsinSyncLab
      .rogueReceived()
      .map((m) => /** @type {any} */ (m))
      .find((m) => m.t === 'hello' && m.heads.length > 0),
  );
  const [author, device] = /** @type {any} */ (await heleneHead.jsonValue()).heads.find(
    (/** @type {any[]} */ h) => h[0] === HELENE,
  );
  await lab((lab, range) => lab.rogueSend({ t: 'want', ranges: [range] }), [author, device, 1, 3]);
  const genuine = /** @type {any[]} */ (
    await (
      await rogue.page.waitForFunction(
        () =>
          /** @type {any} */ (window).tocsinSyncLab
            .rogueReceived()
            .map((m) => /** @type {any} */ (m))
            .find((m) => m.t === 'records' && m.answer)?.records,
      )
    ).jsonValue()
  );
  const entry = genuine.find(
    (record) => record.body.type === 'entry' && record.body.entry.text === SECRET,
  );
  const altered = structuredClone(entry);
  altered.body.entry.text = 'Le coffre est vide.';
  const crisis = {
    id: 'exercice-zoe',
    name: 'Zoé',
    startedAt: '2026-11-26T08:00:00.000Z',
    openedAt: '2026-11-26T08:00:00.000Z',
  };
  const bodies = [1, 2, 3].map((n) => ({
    type: 'crisis',
    crisis: { ...crisis, id: `${crisis.id}-${n}` },
  }));
  const chain = await lab((lab, bodies) => lab.rogueChain(bodies, 1, ''), bodies);
  const [twin] = await lab(
    (lab, [body, prev]) => lab.rogueChain([body], 2, prev),
    [
      { type: 'crisis', crisis: { ...crisis, id: 'autre' } },
      await lab((lab, record) => lab.hashOf(record), chain[0]),
    ],
  );
  // Her own first record, its content changed after she signed it.
  const forged = structuredClone(chain[0]);
  forged.body.crisis.name = 'Zoé (modifié)';
  // One message at a time, in this order: the order is the attack.
  for (const records of [
    [altered], // Hélène's entry, altered, pushed by Zoé: not her own to push
    [forged], // her signature does not cover this content
    [chain[2]], // reordered: 3 before 1 and 2
    [chain[0], chain[1]],
    [chain[0]], // replayed
    [twin], // equivocation: another record numbered 2
  ]) {
    await lab((lab, records) => lab.rogueSend({ t: 'records', records, answer: false }), records);
  }

  for (const page of [helene.page, francois.page]) {
    await statusPage(page);
    await page
      .locator(`tocsin-sync-status[data-equivocators="${ZOE}"]`)
      .waitFor({ timeout: 20_000 });
    // The bar names the equivocator at once; its count of rejections follows its refusal log,
    // which a loaded machine may write a moment later.
    let shown = await syncStatus(page);
    for (let tries = 0; shown.rejected < 3 && tries < 50; tries++) {
      await page.waitForTimeout(200);
      shown = await syncStatus(page);
    }
    // malformed, forged, equivocation; the bar blames the signer of the records, Zoé alone.
    assert.ok(shown.rejected >= 3, `only ${shown.rejected} rejections shown`);
    assert.equal(shown.culprits, ZOE);
    const kept = await rejections(page);
    const reasons = [...new Set(kept.map((r) => r.reason))].sort();
    for (const reason of ['equivocation', 'forged', 'malformed', 'out-of-order', 'replayed']) {
      assert.ok(reasons.includes(reason), `no "${reason}" rejection in ${reasons.join(', ')}`);
    }
    // A signature that does not verify names no signer; every other refusal names Zoé's.
    for (const rejection of kept) {
      assert.equal(rejection.from, ZOE);
      if (rejection.reason === 'forged') assert.equal(rejection.signer, undefined);
      else if (rejection.signer !== undefined) assert.equal(rejection.signer, ZOE);
    }
    const log = (await sharedData(page)).log;
    assert.equal(log.includes('Le coffre est vide.'), false);
  }
  await rogue.close();
  await Promise.all([helene.close(), francois.close()]);
});

test('the same eavesdropper check reads a sync message sent without end-to-end encryption', async (t) => {
  // The control of the check above: two bare livekit-clients in a room without E2EE, one sending
  // a sync-like message of 5 KB (livekit-client deflates it), the other keeping the raw bytes.
  const room = 'salle-sans-chiffrement';
  const observer = await cell.plainObserver(await joinToken(state.livekit, 'observateur', room));
  const sender = await cell.barePage();
  const records = Array.from({ length: 40 }, (_, i) => ({
    author: HELENE,
    seq: i + 1,
    body: { type: 'entry', entry: { text: `${SECRET} (${i + 1})`, author: 'Hélène Lefèvre' } },
  }));
  const text = JSON.stringify({ t: 'records', records, answer: false });
  assert.ok(text.length > 5000);
  const sent = await sender.page.evaluate(
    async ({ url, token, text }) => {
      const lk = /** @type {typeof import('livekit-client')} */ (
        await import(/** @type {string} */ ('/livekit-client.esm.mjs'))
      );
      const room = new lk.Room();
      await room.connect(url, token);
      // livekit-client compresses only for recipients it knows can decompress: wait for one.
      while (room.remoteParticipants.size === 0) await new Promise((r) => setTimeout(r, 100));
      const info = await room.localParticipant.sendText(text, { topic: 'tocsin.sync.v1' });
      return { size: info.size };
    },
    { url: state.livekit.url, token: await joinToken(state.livekit, 'expediteur', room), text },
  );
  assert.equal(sent.size, Buffer.byteLength(text));
  const deadline = Date.now() + 10_000;
  let found = /** @type {string[]} */ ([]);
  let messages = /** @type {string[]} */ ([]);
  while (found.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    ({ messages } = await observer.seen());
    found = readableText(messages, ['hirondelle']);
  }
  assert.ok(found.length > 0, `the log in clear went unread in ${messages.length} messages`);
  t.diagnostic(`${text.length} characters sent, read in ${found.join('; ')}`);
  // Found once inflated, not in the raw bytes: a grep of the raw bytes could not have failed.
  assert.ok(
    found.every((where) => where.includes('inflated')),
    `found in raw bytes: ${found.join('; ')}`,
  );
  await observer.close();
  await sender.close();
});

test('the roll-call goes round, and a member offline answers on reconnecting', async () => {
  const [helene, francois, zoe] = await Promise.all(
    [HELENE, FRANCOIS, ZOE].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await joinRoom(zoe.page);
  // Zoé drops off before the roll-call starts.
  await leaveRoom(zoe.page);
  await zoe.context.setOffline(true);

  await open(helene.page, '#/rollcall');
  await helene.page.locator('[data-action="start-rollcall"]').click();
  const confirm = helene.page.locator('[data-action="confirm-start"]');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await helene.page.locator('[data-answer="present"]').click();
  await open(francois.page, '#/rollcall');
  await francois.page.locator('[data-answer="remote"]').waitFor({ timeout: 20_000 });
  await francois.page.locator('[data-answer="remote"]').click();
  await helene.page
    .locator(`[data-member="${FRANCOIS}"][data-status="remote"]`)
    .waitFor({ timeout: 20_000 });
  await helene.page.locator(`[data-member="${ZOE}"][data-status="none"]`).waitFor();
  const call = helene.page.locator(`a[href^="tel:"]`);
  assert.ok((await call.count()) > 0, 'no tap-to-call link for the member who has not answered');

  // Zoé is back: she gets the roll-call and answers; everyone sees it.
  await zoe.context.setOffline(false);
  await joinRoom(zoe.page);
  await open(zoe.page, '#/rollcall');
  await zoe.page.locator('[data-answer="help"]').waitFor({ timeout: 20_000 });
  await zoe.page.locator('[data-answer="help"]').click();
  await helene.page
    .locator(`[data-member="${ZOE}"][data-status="help"]`)
    .waitFor({ timeout: 20_000 });
  await francois.page
    .locator(`[data-member="${ZOE}"][data-status="help"]`)
    .waitFor({ timeout: 20_000 });
  await converged(
    [helene.page, francois.page, zoe.page],
    (data) => JSON.parse(data.answers).length === 3,
  );

  assert.deepEqual([...helene.errors, ...francois.errors, ...zoe.errors], []);
  await Promise.all([helene.close(), francois.close(), zoe.close()]);
});
