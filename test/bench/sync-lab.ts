// The sync lab page (test/bench/sync-lab.html, built only with TOCSIN_BENCH_LAB=1): it writes a
// long main courante into the app's own database on this origin, through the same stores and
// outbox as LogStore.append, so that the app then signs and shares it like any entries written
// on this device. Writing 20,000 entries one append at a time would take minutes; one
// transaction takes seconds. Used by test/e2e/sync.test.mjs and test/bench/sync.bench.mjs.
import { DatabaseService } from '../../src/app/database-service.js';
import { STORE } from '../../src/db/schema.js';
import { SettingsStore } from '../../src/features/settings/settings-store.js';
import { generateLogEntries, LOG_FIXTURE_CRISIS_NAME, LOG_FIXTURE_START } from '../fixtures/log.js';
import { createRandom } from '../fixtures/random.js';

/** What the sync lab offers the tests, as `window.tocsinSyncLab`. */
export interface TocsinSyncLab {
  /**
   * Opens a crisis of `count` entries written by this device (the app's database, the app's
   * device id), queued in the outbox like appends. Returns the crisis id.
   */
  seed(count: number, seed: number): Promise<{ crisisId: string }>;
  /** What the app's database holds: signed records, log entries, queued changes. */
  counts(): Promise<{ records: number; entries: number; outbox: number }>;
}

declare global {
  interface Window {
    tocsinSyncLab: TocsinSyncLab;
  }
}

const database = new DatabaseService();

window.tocsinSyncLab = {
  async seed(count, seed) {
    const deviceId = await new SettingsStore(database).deviceId();
    const crisisId = createRandom(seed).uuid();
    const entries = await generateLogEntries(count, { crisisId, seed, deviceIds: [deviceId] });
    const crisis = {
      id: crisisId,
      name: LOG_FIXTURE_CRISIS_NAME,
      startedAt: LOG_FIXTURE_START,
      openedAt: LOG_FIXTURE_START,
    };
    const db = await database.db();
    const tx = db.transaction([STORE.crises, STORE.logEntries, STORE.syncOutbox], 'readwrite');
    void tx.objectStore(STORE.crises).put(crisis);
    void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'crisis', crisis } });
    for (const entry of entries) {
      void tx.objectStore(STORE.logEntries).add(entry);
      void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'entry', entry } });
    }
    await tx.done;
    return { crisisId };
  },

  async counts() {
    const db = await database.db();
    const [records, entries, outbox] = await Promise.all([
      db.count(STORE.syncRecords),
      db.count(STORE.logEntries),
      db.count(STORE.syncOutbox),
    ]);
    return { records, entries, outbox };
  },
};
