// A hostile member of the cell, end to end: Mallory Girard holds a valid kit of her own (a member
// key in the signed directory, the room's token and secret) and speaks the sync protocol from a
// bare livekit-client (the sync lab's rogue), against three honest members on the built app over
// a real LiveKit server. One after another she hijacks another member's chain, reuses another
// member's entry id, ticks and answers in the year 2100, lies about what she holds, replays old
// records, floods the room with 100,000 junk records and 10,000 hellos, and signs Hélène's crisis
// under another name for a device that has not seen it yet. After each attack the honest members
// hold the same, complete log, the attack is refused with its reason and shown in the sync bar,
// which names her and never the member she impersonated; through the flood their pages' memory
// and the sync messages they send stay bounded. Each attack is a step of one test (the members
// and the log carry over), reported on its own.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CELL_MEMBERS, enrollAndReopen } from './cell-support.mjs';
import {
  converged,
  inLab,
  rejections,
  sharedData,
  syncStatus,
  useSyncCell,
} from './sync-support.mjs';
import { pageHeading, projectRoot } from './support.mjs';

const [HELENE, FRANCOIS, ZOE] = CELL_MEMBERS;
/** The fourth member of this cell's directory (test/e2e/fixtures/cell-with-rogue.csv). */
const MALLORY = 'mallory-girard';

const cell = useSyncCell({
  build: 'sync-hostile',
  kitSets: {
    cell: {
      contacts: join(projectRoot, 'test/e2e/fixtures/cell-with-rogue.csv'),
      members: [...CELL_MEMBERS, MALLORY],
    },
  },
});
const { state, member, open, joinRoom, leaveRoom, openCrisis, writeEntries, statusPage } = cell;

/** The honest members' heap is measured exactly, after a full garbage collection. */
const MEMORY_FLAGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];
/** A hash no record has. */
const FAKE_HASH = 'f'.repeat(64);
/** A date no clock of the cell has reached. */
const YEAR_2100 = '2100-01-01T08:00:00.000Z';

test('a hostile member with a kit of her own is refused at every turn; the log holds', async (t) => {
  const started = Date.now();
  const lap = (/** @type {string} */ what) =>
    t.diagnostic(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Mallory's browser is the sync lab, on the app's origin: a client that does what she tells it.
  const [rogue, ...honest] = await Promise.all([
    member(state.kits.cell[MALLORY], { enroll: false }),
    ...[HELENE, FRANCOIS, ZOE].map((id) => member(state.kits.cell[id], { args: MEMORY_FLAGS })),
  ]);
  const [helene, francois, zoe] = honest;
  lap('four browsers started');
  const pages = honest.map(({ page }) => page);
  // What each honest page sends on its data channels: sync messages, and nothing else here.
  for (const { context, page } of honest) {
    const count = () => {
      const send = RTCDataChannel.prototype.send;
      /** @type {any} */ (window).dataSent = 0;
      RTCDataChannel.prototype.send = function (/** @type {any} */ data) {
        /** @type {any} */ (window).dataSent += 1;
        return send.call(this, data);
      };
    };
    await context.addInitScript(count);
    await page.evaluate(count);
  }
  for (const page of pages) await joinRoom(page);
  await openCrisis(helene.page, 'Rançongiciel — mairie');
  /** Every entry an honest member wrote, which every honest device must hold. */
  const written = ['Hélène 1', 'Hélène 2', 'François 1', 'Zoé 1'];
  await writeEntries(helene.page, ['Hélène 1', 'Hélène 2']);
  await writeEntries(francois.page, ['François 1']);
  await writeEntries(zoe.page, ['Zoé 1']);
  /**
   * The honest pages (or those given) hold the same log, with every honest entry in it, and
   * `check` holds on it.
   * @param {(data: Awaited<ReturnType<typeof sharedData>>) => boolean} [check]
   * @param {import('playwright-core').Page[]} [among]
   */
  const complete = (check = () => true, among = pages) =>
    converged(
      among,
      (data) => written.every((text) => data.log.includes(JSON.stringify(text))) && check(data),
      90_000,
    );
  await complete();
  lap('three honest members converged');

  // Mallory joins with her own kit.
  /** @type {(fn: (lab: any, arg: any) => any, arg?: unknown) => Promise<any>} */
  const lab = (fn, arg) => inLab(rogue.page, fn, arg);
  await lab((lab, link) => lab.rogueJoin(link), state.kits.cell[MALLORY]);
  const rogueDevice = await lab((lab) => lab.rogueDevice());
  lap('Mallory joined');
  /** Her own chain, as far as the honest members accepted it. */
  const own = { seq: 0, prev: '' };
  /** @param {unknown[]} bodies @param {{ device?: string, seq?: number, prev?: string }} [chain] */
  const sign = (bodies, chain = {}) =>
    lab(
      (lab, [bodies, seq, prev, device]) => lab.rogueChain(bodies, seq, prev, { device }),
      [bodies, chain.seq ?? own.seq + 1, chain.prev ?? own.prev, chain.device],
    );
  /** Records of her own chain, which the honest members will accept: the chain moves on. */
  const signOwn = async (/** @type {unknown[]} */ bodies) => {
    const records = await sign(bodies);
    own.seq += records.length;
    own.prev = await lab((lab, record) => lab.hashOf(record), records.at(-1));
    return records;
  };
  /** @param {unknown[]} records @param {boolean} [answer] */
  const push = (records, answer = false) =>
    lab((lab, message) => lab.rogueSend(message), { t: 'records', records, answer });

  /** The alarming refusals each honest page counts now. */
  const alarming = async () => {
    const counts = [];
    for (const page of pages) counts.push((await syncStatus(await statusPage(page))).rejected);
    return counts;
  };
  /**
   * Waits until every honest page kept a refusal like `like`; the first such on each page.
   * @param {Record<string, unknown>} like
   * @param {number} [timeoutMs]
   */
  const refused = async (like, timeoutMs = 30_000) => {
    const found = [];
    for (const page of pages) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const kept = await rejections(page);
        const match = kept.find((r) =>
          Object.entries(like).every(([key, value]) =>
            value instanceof RegExp
              ? value.test(String(/** @type {any} */ (r)[key]))
              : /** @type {any} */ (r)[key] === value,
          ),
        );
        if (match) {
          found.push(match);
          break;
        }
        if (Date.now() > deadline) {
          /** @type {Record<string, number>} */
          const reasons = {};
          for (const { reason } of kept) reasons[reason] = (reasons[reason] ?? 0) + 1;
          assert.fail(
            `no refusal like ${JSON.stringify(like, (_, v) => (v instanceof RegExp ? String(v) : v))}` +
              ` among the ${kept.length} kept: ${JSON.stringify(reasons)}`,
          );
        }
        await page.waitForTimeout(250);
      }
    }
    return found;
  };
  /**
   * The sync bar of every honest page shows more alarming refusals than `before` (when given),
   * and names Mallory as the one who signed refused records: her alone.
   * @param {number[]} [before]
   */
  const barBlamesMallory = async (before) => {
    for (const [i, page] of pages.entries()) {
      await statusPage(page);
      const bar = page.locator('tocsin-sync-status');
      await page
        .locator(`tocsin-sync-status[data-culprits="${MALLORY}"]`)
        .waitFor({ timeout: 20_000 })
        .catch(async (error) => {
          const shown = await bar.getAttribute('data-culprits');
          throw new Error(`the bar blames "${shown}", not ${MALLORY} alone`, { cause: error });
        });
      await page.locator(`tocsin-sync-status [data-culprit="${MALLORY}"]`).waitFor();
      if (before) {
        // The bar follows the refusals as its status refreshes.
        const deadline = Date.now() + 10_000;
        let { rejected } = await syncStatus(page);
        while (rejected <= before[i] && Date.now() < deadline) {
          await page.waitForTimeout(250);
          ({ rejected } = await syncStatus(page));
        }
        assert.ok(rejected > before[i], `${rejected} alarming refusals, as many as before`);
      }
    }
  };

  // What the attacks learn and leave, for the next ones.
  let heleneDevice = '';
  let crisisId = '';
  /** The id of Hélène's entry "Hélène 2". */
  let reusedId = '';
  /** @type {any[]} */
  let heleneRecords = [];
  /** @type {any} */
  let goodRecord;
  /** @type {unknown[][]} */
  let lies = [];

  await t.test('1. chain hijack: her signature on Hélène’s next entry', async () => {
    // She learns Hélène's head from the hellos, fetches it, and signs "the next entry on Hélène's
    // device", on Hélène's chain; and the same entry on a chain of her own.
    const heardBefore = (await lab((lab) => lab.rogueReceived())).length;
    await lab((lab) => lab.rogueSend({ t: 'hello', heads: [], reply: true }));
    const heleneHead = await (
      await rogue.page.waitForFunction(
        ([from, author]) => {
          const heads = /** @type {any[]} */ (
            /** @type {any} */ (window).tocsinSyncLab.rogueReceived()
          )
            .slice(from)
            .filter((m) => m.t === 'hello')
            .flatMap((m) => m.heads)
            .filter((h) => h[0] === author);
          return heads.sort((a, b) => b[2] - a[2])[0];
        },
        [heardBefore, HELENE],
      )
    ).jsonValue();
    const [, device, heleneSeq, heleneHash] = /** @type {[string, string, number, string]} */ (
      heleneHead
    );
    heleneDevice = device;
    await lab(
      (lab, [range, to]) => lab.rogueSend({ t: 'want', ranges: [range] }, { to: [to] }),
      [[HELENE, heleneDevice, 1, heleneSeq], HELENE],
    );
    heleneRecords = /** @type {any[]} */ (
      await (
        await rogue.page.waitForFunction(
          ([device, seq]) =>
            /** @type {any[]} */ (/** @type {any} */ (window).tocsinSyncLab.rogueReceived()).find(
              (m) =>
                m.t === 'records' &&
                m.answer &&
                m.records.some((/** @type {any} */ r) => r.device === device && r.seq === seq),
            )?.records,
          [heleneDevice, heleneSeq],
        )
      ).jsonValue()
    );
    const lastEntry = heleneRecords.find((r) => r.seq === heleneSeq).body.entry;
    assert.equal(lastEntry.text, 'Hélène 2');
    crisisId = lastEntry.crisisId;
    reusedId = lastEntry.id;
    const hijackText = 'Fausse alerte : les serveurs sont rétablis, tout le monde rentre.';
    const hijackEntry = await lab((lab, draft) => lab.rogueEntry(draft), {
      crisisId,
      deviceId: heleneDevice,
      seq: lastEntry.seq + 1,
      prevHash: lastEntry.hash,
      text: hijackText,
      author: 'Hélène Lefèvre',
    });
    const [onHerChain] = await sign([{ type: 'entry', entry: hijackEntry }], {
      device: heleneDevice,
      seq: heleneSeq + 1,
      prev: heleneHash,
    });
    const [onOwnChain] = await sign([{ type: 'entry', entry: hijackEntry }]);
    // And, on her own chain, an entry of hers that strikes through Hélène's.
    const correction = await lab((lab, draft) => lab.rogueEntry(draft), {
      crisisId,
      deviceId: rogueDevice,
      seq: 1,
      prevHash: '',
      text: 'Rectificatif : rien ne s’est passé.',
      corrects: lastEntry.id,
    });
    const [striking] = await sign([{ type: 'entry', entry: correction }]);
    const before = await alarming();
    await push([onHerChain, onOwnChain, striking]);
    for (const [device, detail] of [
      [heleneDevice, /not on a device of its signer/],
      [rogueDevice, /another device/],
      [rogueDevice, /corrects/],
    ]) {
      const [refusal] = await refused({ reason: 'impersonation', device, detail, from: MALLORY });
      // Who signed it, not whom it names.
      assert.equal(refusal.signer, MALLORY);
      assert.equal(refusal.author, MALLORY);
    }
    // Hélène's genuine next entry follows on from her chain everywhere.
    await writeEntries(helene.page, ['Hélène 3']);
    written.push('Hélène 3');
    const data = await complete();
    assert.equal(data.log.includes(hijackText), false, 'the hijacked entry is in the log');
    assert.equal(data.log.includes('Rectificatif'), false, 'her correction is in the log');
    const third = JSON.parse(data.log).find(
      (/** @type {any} */ e) => e.deviceId === heleneDevice && e.seq === lastEntry.seq + 1,
    );
    assert.equal(third?.text, 'Hélène 3');
    await barBlamesMallory(before);
    lap('1. chain hijack refused');
  });

  await t.test('2. reused entry id, beside a valid entry in the same message', async () => {
    // On her own chain, an entry whose id is one of Hélène's; in the same message, a valid entry of
    // hers, which is merged: one bad record costs only itself.
    const reusing = await lab((lab, draft) => lab.rogueEntry(draft), {
      crisisId,
      deviceId: rogueDevice,
      seq: 1,
      prevHash: '',
      text: 'Ce texte remplace celui d’Hélène.',
      id: reusedId,
    });
    const [badRecord] = await sign([{ type: 'entry', entry: reusing }]);
    const valid = await lab((lab, draft) => lab.rogueEntry(draft), {
      crisisId,
      deviceId: rogueDevice,
      seq: 1,
      prevHash: '',
      text: 'Mallory 1',
    });
    const before = await alarming();
    [goodRecord] = await signOwn([{ type: 'entry', entry: valid }]);
    await push([badRecord, goodRecord]);
    // The id names Hélène's chain: a claim on her entry, refused as impersonation, naming Mallory.
    await refused({
      reason: 'impersonation',
      signer: MALLORY,
      device: rogueDevice,
      seq: 1,
      detail: /id of another member’s entry/,
    });
    const data = await complete((held) => held.log.includes('"Mallory 1"'));
    const reused = JSON.parse(data.log).find((/** @type {any} */ e) => e.id === reusedId);
    assert.equal(reused.text, 'Hélène 2');
    assert.equal(data.log.includes('remplace celui'), false);
    await barBlamesMallory(before);
    lap('2. reused entry id refused, the valid entry beside it merged');
  });

  await t.test('3. far-future ticks and answer', async () => {
    // Hélène ticks the first checklist item; Mallory unticks it and ticks the second, both in 2100:
    // accepted into her chain, flagged, and never winning.
    await open(helene.page, '#/playbook');
    await pageHeading(helene.page, 'tocsin-playbook-page');
    const playbook = helene.page.locator('tocsin-playbook-page');
    // Each member's page starts on their own role's items (from the kit): compare the same list.
    await playbook.locator('#role').selectOption('all');
    const items = /** @type {{ id: string, text: Record<string, string> }[]} */ (
      await playbook.evaluate((page) => /** @type {any} */ (page)._playbook.playbook.items)
    );
    const shown = await playbook.locator('label .text').allInnerTexts();
    const [first, second] = shown
      .slice(0, 2)
      .map((text) => items.find((item) => Object.values(item.text).includes(text.trim())));
    assert.ok(first && second, `no checklist items among ${shown.slice(0, 2).join(' / ')}`);
    await playbook.locator('input[type="checkbox"]').nth(0).check();
    written.push(`Done: ${first.text.en}`);
    await complete((held) => held.ticks.includes(first.id));
    const before = await alarming();
    await push(
      await signOwn([
        {
          type: 'tick',
          tick: { crisisId, itemId: first.id, by: MALLORY, at: YEAR_2100, done: false },
        },
        {
          type: 'tick',
          tick: { crisisId, itemId: second.id, by: MALLORY, at: YEAR_2100, done: true },
        },
      ]),
    );
    await refused({ reason: 'future-dated', signer: MALLORY, seq: own.seq - 1 });
    await refused({ reason: 'future-dated', signer: MALLORY, seq: own.seq });
    /** @param {any} held @param {string} itemId */
    const tickOf = (held, itemId) =>
      JSON.parse(held.ticks).find((/** @type {any} */ tick) => tick.itemId === itemId);
    let data = await complete((held) => tickOf(held, second.id)?.by === MALLORY);
    assert.deepEqual(
      [tickOf(data, first.id).by, tickOf(data, first.id).done],
      [HELENE, true],
      'a tick dated 2100 replaced one of today',
    );
    // Nothing held the second item: her tick shows, until François unticks it, today.
    await open(francois.page, '#/playbook');
    await francois.page.locator('tocsin-playbook-page #role').selectOption('all');
    const box = francois.page.locator('tocsin-playbook-page input[type="checkbox"]').nth(1);
    await box.waitFor();
    await francois.page.waitForFunction(
      (input) => /** @type {HTMLInputElement} */ (input).checked,
      await box.elementHandle(),
      { timeout: 10_000 },
    );
    await box.uncheck();
    written.push(`Reopened: ${second.text.en}`);
    data = await complete((held) => tickOf(held, second.id)?.by === FRANCOIS);
    assert.equal(tickOf(data, second.id).done, false);

    // Hélène starts a roll-call; Mallory answers it in 2100, then today: today's answer wins.
    await open(helene.page, '#/rollcall');
    await helene.page.locator('[data-action="start-rollcall"]').click();
    const confirm = helene.page.locator('[data-action="confirm-start"]');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await helene.page.locator('[data-answer="present"]').click();
    const rollCallId = await (
      await rogue.page.waitForFunction(
        () =>
          /** @type {any[]} */ (/** @type {any} */ (window).tocsinSyncLab.rogueReceived())
            .filter((m) => m.t === 'records')
            .flatMap((m) => m.records)
            .find((r) => r.body?.type === 'rollcall')?.body.rollCall.id,
      )
    ).jsonValue();
    /** @param {string} status @param {string} at */
    const answer = (status, at) => ({
      type: 'answer',
      answer: { rollCallId, member: MALLORY, status, at },
    });
    await push(await signOwn([answer('present', YEAR_2100)]));
    await refused({ reason: 'future-dated', signer: MALLORY, seq: own.seq });
    /** @param {any} held */
    const mallorysAnswer = (held) =>
      JSON.parse(held.answers).find((/** @type {any} */ a) => a.member === MALLORY);
    await complete((held) => mallorysAnswer(held)?.status === 'present');
    await push(await signOwn([answer('unavailable', new Date().toISOString())]));
    await complete(
      (held) => mallorysAnswer(held)?.status === 'unavailable' && held.answers.includes(HELENE),
    );
    await helene.page
      .locator(`[data-member="${MALLORY}"][data-status="unavailable"]`)
      .waitFor({ timeout: 20_000 });
    await barBlamesMallory(before);
    lap('3. far-future tick and answer flagged, never winning');
  });

  await t.test('4. lying hellos', async (st) => {
    // Zoé leaves; the others write on. Mallory now answers every hello with Hélène's chain at
    // 1,000,000, a chain of François that does not exist, and more of her own, and delivers none
    // of it. Zoé comes back and catches up from the honest members.
    await leaveRoom(zoe.page);
    const whileAway = ['Hélène 4', 'Hélène 5', 'Hélène 6', 'François 2', 'François 3'];
    await writeEntries(helene.page, whileAway.slice(0, 3));
    await writeEntries(francois.page, whileAway.slice(3));
    written.push(...whileAway);
    await complete(() => true, [helene.page, francois.page]);
    lies = [
      [HELENE, heleneDevice, 1_000_000, FAKE_HASH],
      [FRANCOIS, `${FRANCOIS}@fantome`, 500, FAKE_HASH],
      [MALLORY, rogueDevice, own.seq + 1000, FAKE_HASH],
    ];
    await lab((lab, heads) => lab.rogueLie(heads), lies);
    await lab((lab) => lab.rogueSend({ t: 'hello', heads: [], reply: true }));
    await rogue.page.waitForTimeout(1000);
    const rejoined = Date.now();
    await joinRoom(zoe.page);
    await complete();
    st.diagnostic(
      `Zoé caught up with a liar in the room in ${Date.now() - rejoined} ms (join included)`,
    );
    assert.equal((await sharedData(helene.page)).heads.includes('fantome'), false);
    // What Zoé's bar says of the liar.
    await statusPage(zoe.page);
    const liar = zoe.page.locator(`tocsin-sync-status [data-peer="${MALLORY}"]`);
    st.diagnostic(`Zoé's sync bar shows: ${(await liar.innerText().catch(() => '?')).trim()}`);
    // A lie about her own chain does not make Hélène believe her next entries are held elsewhere:
    // away from the room, what she writes is waiting to be sent.
    await leaveRoom(helene.page);
    await writeEntries(helene.page, ['Hélène hors ligne']);
    written.push('Hélène hors ligne');
    // Once signed into her chain (the outbox empty), it is still waiting for the others.
    const queued = () =>
      helene.page.evaluate(async () => {
        const db = await new Promise((resolve) => {
          const request = indexedDB.open('tocsin');
          request.onsuccess = () => resolve(request.result);
        });
        const count = await new Promise((resolve) => {
          const request = /** @type {IDBDatabase} */ (db)
            .transaction('syncOutbox')
            .objectStore('syncOutbox')
            .count();
          request.onsuccess = () => resolve(request.result);
        });
        /** @type {IDBDatabase} */ (db).close();
        return count;
      });
    for (const deadline = Date.now() + 10_000; (await queued()) > 0;) {
      assert.ok(Date.now() < deadline, 'Hélène’s entry was never signed');
      await helene.page.waitForTimeout(100);
    }
    await statusPage(helene.page);
    let waiting = 0;
    for (const deadline = Date.now() + 5000; waiting === 0 && Date.now() < deadline;) {
      await helene.page.waitForTimeout(250);
      ({ waiting } = await syncStatus(helene.page));
    }
    await joinRoom(helene.page);
    await complete();
    assert.ok(
      waiting >= 1,
      `Hélène's entry written away from the room shows ${waiting} changes waiting: ` +
        'a peer that claimed her chain at 1,000,000 was believed',
    );
    lap('4. lying hellos: the catch-up completed from the honest members');
  });

  await t.test('5. replays of old records', async () => {
    // Hélène's genuine records pushed by Mallory are not hers to push; her own old records, pushed
    // again, are replays.
    const before = await alarming();
    const replayedAt = new Date().toISOString();
    await push(heleneRecords.slice(0, 3));
    await refused({ reason: 'malformed', from: MALLORY, detail: /not its own/ });
    await push([goodRecord]);
    const replay = { reason: 'replayed', from: MALLORY, device: rogueDevice, seq: goodRecord.seq };
    for (const refusal of await refused(replay)) {
      assert.equal(refusal.signer, MALLORY);
      assert.ok(refusal.at >= replayedAt);
    }
    await complete();
    await barBlamesMallory(before);
    for (const page of pages) {
      await page.locator('tocsin-sync-status .set-aside').waitFor({ timeout: 10_000 });
    }
    lap('5. replays refused');
  });

  await t.test('6. a flood of 100,000 junk records and 10,000 hellos', async (st) => {
    // 5 messages of 10,000 junk records, 350 of 100 (the most a push may carry) as fast as the
    // data channel takes them and 150 more at ten a second, then 10,000 hellos.
    for (const page of pages) await statusPage(page);
    const heap = async () => {
      const sizes = [];
      for (const page of pages) {
        sizes.push(
          await page.evaluate(() => {
            /** @type {any} */ (window).gc();
            return /** @type {any} */ (performance).memory.usedJSHeapSize;
          }),
        );
      }
      return sizes;
    };
    const sentBy = () =>
      Promise.all(pages.map((page) => page.evaluate(() => /** @type {any} */ (window).dataSent)));
    const heapBefore = await heap();
    const sentBefore = await sentBy();
    const heardFrom = async () =>
      Object.values(
        /** @type {Record<string, number>} */ (await lab((lab) => lab.rogueCounts())),
      ).reduce((sum, n) => sum + n, 0);
    const heardBeforeFlood = await heardFrom();
    const junk = (/** @type {number} */ i) => ({
      author: MALLORY,
      device: `${MALLORY}@junk`,
      seq: i + 1,
      prev: '',
      at: new Date().toISOString(),
      body: {
        type: 'crisis',
        crisis: { id: `junk-${i}`, name: 'x', startedAt: YEAR_2100, openedAt: YEAR_2100 },
      },
      // Well formed, but no one's signature: each costs a verification.
      sig: 'A'.repeat(86),
    });
    const floodStarted = Date.now();
    /** Sync messages reaching Mallory from the honest members, second by second. */
    const perSecond = [];
    let flooding = true;
    const sampling = (async () => {
      let last = heardBeforeFlood;
      while (flooding) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await heardFrom();
        perSecond.push(now - last);
        last = now;
      }
    })();
    const big = {
      t: 'records',
      answer: false,
      records: Array.from({ length: 10_000 }, (_, i) => junk(i)),
    };
    await lab((lab, message) => lab.rogueFlood(message, 5), big);
    lap('5 × 10,000 junk records sent');
    const small = {
      t: 'records',
      answer: false,
      records: Array.from({ length: 100 }, (_, i) => junk(i)),
    };
    await lab((lab, message) => lab.rogueFlood(message, 350), small);
    await lab((lab, message) => lab.rogueFlood(message, 150, 100), small);
    lap('500 × 100 junk records sent');
    const hello = { t: 'hello', heads: lies, reply: true };
    const hellos = lab((lab, message) => lab.rogueFlood(message, 10_000), hello);
    // While the hellos pour in, Hélène writes: her entry gets through.
    await rogue.page.waitForTimeout(2000);
    const during = Date.now();
    await writeEntries(helene.page, ['Hélène pendant le flot']);
    written.push('Hélène pendant le flot');
    const pushedBy = rogue.page
      .waitForFunction(
        () =>
          JSON.stringify(/** @type {any} */ (window).tocsinSyncLab.rogueReceived()).includes(
            'Hélène pendant le flot',
          ),
        undefined,
        { timeout: 120_000, polling: 250 },
      )
      .then(() => Date.now() - during);
    await complete();
    st.diagnostic(`Mallory received Hélène's push ${await pushedBy} ms after she wrote it`);
    st.diagnostic(`an entry written during the flood reached all in ${Date.now() - during} ms`);
    await hellos;
    flooding = false;
    await sampling;
    lap('10,000 hellos sent');
    const floodMs = Date.now() - floodStarted;
    st.diagnostic(
      `flood sent in ${floodMs} ms; messages to Mallory per second: ${perSecond.join(' ')}`,
    );
    // The honest members keep converging.
    const afterFlood = ['Hélène après', 'François après', 'Zoé après'];
    for (const [i, page] of pages.entries()) await writeEntries(page, [afterFlood[i]]);
    written.push(...afterFlood);
    const afterAt = Date.now();
    await complete();
    st.diagnostic(`the entries written after the flood reached all in ${Date.now() - afterAt} ms`);
    lap('6. flood: the honest members converged again');
    const sent = (await sentBy()).map((n, i) => n - sentBefore[i]);
    const heapAfter = await heap();
    const seconds = (Date.now() - floodStarted) / 1000;
    st.diagnostic(
      `heap before ${heapBefore.map(mb).join(', ')}, after ${heapAfter.map(mb).join(', ')}; ` +
        `data packets sent per honest page: ${sent.join(', ')} in ${seconds.toFixed(1)} s`,
    );
    for (const [i, size] of heapAfter.entries()) {
      assert.ok(
        size - heapBefore[i] < 64e6,
        `the heap grew from ${mb(heapBefore[i])} to ${mb(size)}`,
      );
    }
    for (const count of sent) {
      assert.ok(count / seconds < 10, `${count} data packets sent in ${seconds.toFixed(1)} s`);
    }
    assert.ok(Math.max(...perSecond) <= 30, `up to ${Math.max(...perSecond)} messages a second`);
    await refused({ reason: 'flood', from: MALLORY });
    for (const page of pages) {
      const since = new Date(floodStarted).toISOString();
      const rows = (await rejections(page)).filter((r) => r.from === MALLORY && r.at >= since);
      /** @type {Record<string, number>} */
      const reasons = {};
      for (const { reason } of rows) reasons[reason] = (reasons[reason] ?? 0) + 1;
      st.diagnostic(`refusals kept of the flood: ${JSON.stringify(reasons)}`);
    }
    // What the flood left of the evidence: the refusals of her earlier attacks, and her name.
    await refused({ reason: 'impersonation', signer: MALLORY, device: heleneDevice }, 0);
    await refused({ reason: 'future-dated', signer: MALLORY }, 0);
    await barBlamesMallory();
  });

  await t.test('7. her record naming Hélène’s crisis, met first by a new device', async (st) => {
    // Zoé's new tablet, a second device of hers, holds nothing yet, and comes into the room while
    // the others are away: Mallory, there, pushes it a record of her own (on another device of
    // hers) that names Hélène's crisis under another name. The others come back; the tablet
    // catches up with them, and holds the crisis as they do.
    for (const page of pages) await leaveRoom(page);
    const [crisis] = JSON.parse((await sharedData(helene.page)).crises);
    const renamed = { ...crisis, name: 'Exercice terminé — tout le monde rentre chez soi' };
    const tabletDevice = `${MALLORY}@tablette`;
    const records = await sign([{ type: 'crisis', crisis: renamed }], {
      device: tabletDevice,
      seq: 1,
      prev: '',
    });
    await lab((lab, [identity, records]) => lab.rogueGreet(identity, records), [ZOE, records]);
    const browser = zoe.context.browser();
    assert.ok(browser);
    const tablet = await (await browser.newContext()).newPage();
    tablet.on('pageerror', (error) => zoe.errors.push(error.message));
    await enrollAndReopen(tablet, state.kits.cell[ZOE]);
    await joinRoom(tablet);
    // Her record reached the tablet first, and was refused there, naming her.
    const deadline = Date.now() + 20_000;
    /** @type {Awaited<ReturnType<typeof rejections>>} */
    let kept = [];
    while (!kept.some((r) => r.device === tabletDevice) && Date.now() < deadline) {
      await tablet.waitForTimeout(250);
      kept = await rejections(tablet);
    }
    const refusal = kept.find((r) => r.device === tabletDevice);
    assert.deepEqual(
      [refusal?.reason, refusal?.signer],
      ['impersonation', MALLORY],
      `the tablet kept ${JSON.stringify(kept)} and holds ${(await sharedData(tablet)).crises}`,
    );
    await joinRoom(helene.page);
    await joinRoom(francois.page);
    const back = Date.now();
    // Everything arrives: the same log and the same chains as the others. (Mallory's own records
    // come last: she is asked for them first, as their author, and does not deliver.)
    let honestAt = 0;
    for (;;) {
      const [held, got] = await Promise.all([sharedData(helene.page), sharedData(tablet)]);
      if (!honestAt && written.every((text) => got.log.includes(JSON.stringify(text)))) {
        honestAt = Date.now();
      }
      if (held.log === got.log && held.heads === got.heads) break;
      assert.ok(Date.now() - back < 90_000, `the new tablet holds ${got.entries} entries`);
      await tablet.waitForTimeout(250);
    }
    st.diagnostic(
      `a new device caught up with a liar in the room: the honest entries in ` +
        `${honestAt - back} ms, everything in ${Date.now() - back} ms`,
    );
    const [held, got] = await Promise.all([sharedData(helene.page), sharedData(tablet)]);
    assert.equal(
      got.crises,
      held.crises,
      'the new tablet holds Hélène’s crisis under the name Mallory gave it',
    );
    await complete(undefined, [helene.page, francois.page, tablet]);
    await statusPage(tablet);
    await tablet.locator(`tocsin-sync-status[data-culprits="${MALLORY}"]`).waitFor();
  });

  assert.deepEqual(
    honest.flatMap(({ errors }) => errors),
    [],
  );
  lap('done');
});

/** @param {number} bytes */
function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
