// The app's handle on the sync of shared records. It is created at start-up, so it holds no
// protocol code: the journal, merger and engine load (sync-runtime.ts) the first time something
// is to be signed or the crisis room opens.
import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { STORE } from '../../db/schema.js';
import type { KitIntegrity } from '../kit/kit-integrity.js';
import type { KitService } from '../kit/kit-service.js';
import type { LogStore } from '../log/log-store.js';
import { memberDeviceId } from '../../domain/log-writer.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { Equivocation, Rejection } from '../../domain/records.js';
import type { SyncEngine, SyncTransport } from './sync-engine.js';
import type { SyncRuntime } from './sync-runtime.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status.js';

/** What a room connection feeds the exchange with. */
export interface SyncInbox {
  receive(text: string, from: string): void;
  peerJoined(identity: string): void;
  peerLeft(identity: string): void;
  /** Ends the exchange (leaving the room, or the room being replaced by a new one). */
  detach(): void;
}

/** Screens refresh at most this often while records pour in. */
const STATUS_DELAY_MS = 250;

export class SyncService {
  /** What the screens show: peers in sync, records waiting, last arrivals, rejections. */
  readonly status = new Observable<SyncStatus>(INITIAL_SYNC_STATUS);
  private runtime?: Promise<SyncRuntime | undefined>;
  /** The verification the runtime was made from. */
  private runtimeKit?: KitIntegrity;
  private statusTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly database: DatabaseService,
    private readonly log: LogStore,
    private readonly settings: SettingsStore,
    private readonly kit: KitService,
  ) {
    // Every change written here is signed and pushed as soon as it is stored.
    log.queued.subscribe(() => void this.flush().catch(() => undefined));
  }

  /** Signs what is queued and sends it to the room when in it; a no-op until enrolled. */
  async flush(): Promise<void> {
    const runtime = await this.loadRuntime();
    if (!runtime) return;
    await runtime.sealAndPush();
    this.refreshSoon();
  }

  /** Reads the status again now (a page opening), signing first what is still queued. */
  async refresh(): Promise<void> {
    const runtime = await this.loadRuntime();
    if (!runtime) {
      this.status.set({ ...INITIAL_SYNC_STATUS, waiting: await this.queuedCount() });
      return;
    }
    await runtime.sealAndPush();
    this.status.set(await runtime.status());
  }

  /** Changes queued on a device that cannot sign yet (not enrolled). */
  private async queuedCount(): Promise<number> {
    const db = await this.database.db();
    return db.count(STORE.syncOutbox);
  }

  /** The records kept out of the log (latest first) and the proofs of equivocation, to show. */
  async problems(): Promise<{ rejections: Rejection[]; equivocations: Equivocation[] }> {
    const { RecordStore } = await import('./record-store.js');
    const store = new RecordStore(this.database);
    const [rejections, equivocations] = await Promise.all([
      store.rejections(),
      store.equivocations(),
    ]);
    return { rejections, equivocations };
  }

  /** Joins the exchange over a room's data; undefined when this device cannot sign. */
  async attach(transport: SyncTransport): Promise<SyncInbox | undefined> {
    const runtime = await this.loadRuntime();
    if (!runtime) return undefined;
    const engine: SyncEngine = runtime.attach(transport);
    void this.flush();
    return {
      receive: (text, from) => engine.receive(text, from),
      peerJoined: (identity) => engine.peerJoined(identity),
      peerLeft: (identity) => engine.peerLeft(identity),
      detach: () => {
        runtime.detach(engine);
        this.refreshSoon();
      },
    };
  }

  private loadRuntime(): Promise<SyncRuntime | undefined> {
    // A kit installed since (another member, other members) means starting again from it.
    const integrity = this.kit.integrity.value;
    if (this.runtimeKit && integrity.state === 'verified' && integrity !== this.runtimeKit) {
      this.runtime = undefined;
    }
    this.runtime ??= this.createRuntime().catch((error: unknown) => {
      this.runtime = undefined;
      throw error;
    });
    return this.runtime;
  }

  private async createRuntime(): Promise<SyncRuntime | undefined> {
    const identity = await this.kit.syncIdentity();
    this.runtimeKit = this.kit.integrity.value;
    if (!identity) {
      // Not enrolled (or the kit failed its check): changes wait in the outbox until it is.
      this.runtime = undefined;
      return undefined;
    }
    const [{ SyncRuntime }, device] = await Promise.all([
      import('./sync-runtime.js'),
      this.settings.deviceId(),
    ]);
    const deviceId = memberDeviceId(identity.memberId, device);
    return SyncRuntime.create(this.database, identity, deviceId, {
      merged: (result) => {
        // Records from others are new log data: pages showing it read it again.
        if (result.accepted.length > 0) this.log.noteMerged();
        this.refreshSoon();
      },
      peersChanged: () => this.refreshSoon(),
    });
  }

  private refreshSoon(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      void this.refresh().catch(() => undefined);
    }, STATUS_DELAY_MS);
  }
}
