// Installing a kit (docs/kit-format.md §5): verify everything first, then replace the
// organisation's data — contacts, playbook, the sealed file and its keys, the summary — in one
// IndexedDB transaction, the summary written last. Local additions are never touched.
import type { DatabaseService } from '../../app/database-service.js';
import { CURRENT_KIT_KEY, INDEX, STORE, type InstalledKitSummary } from '../../db/schema.js';
import { fromBase64Url } from '../../encoding/bytes.js';
import { importKitKey, parseKitKey } from '../../kit-format/kit-container.js';
import { isKitError } from '../../kit-format/kit-error.js';
import { openKitFile, type VerifiedKit } from '../../kit-format/kit-open.js';
import { checkInstallable, type InstalledKitState } from '../../kit-format/kit-policy.js';
import type { KitSummaryStore } from './kit-summary-store.js';
import { checkInstalledKit } from './kit-integrity.js';
import { storedKitContact, summaryOf } from './kit-records.js';

/** A kit that was decrypted, verified and judged installable, waiting for the member's consent. */
export interface PreparedKit {
  readonly kit: VerifiedKit;
  /**
   * The kit installed now, when this one would update or repair it; undefined for a first
   * enrollment — and when what is stored can no longer be trusted, which is a first use again: the
   * member compares the fingerprint before anything is installed.
   */
  readonly installed: InstalledKitSummary | undefined;
  /** The installed kit's data was altered; this is that same kit, installed again to repair it. */
  readonly repair: boolean;
  readonly file: Uint8Array<ArrayBuffer>;
  readonly kitKey: CryptoKey;
  /** The stored summary as it was when judged, to notice another tab installing meanwhile. */
  readonly judgedAgainst: string;
}

/** What the installed kit is, as far as it can still be trusted. */
interface TrustedInstall {
  summary: InstalledKitSummary | undefined;
  state: InstalledKitState | undefined;
  damaged: boolean;
}

export class KitInstaller {
  constructor(
    private readonly database: DatabaseService,
    private readonly summaries: KitSummaryStore,
  ) {}

  /**
   * Opens and verifies a kit file with its key and checks it against the installed kit. Writes
   * nothing. Throws a KitError saying why a kit is refused.
   */
  async prepare(
    file: Uint8Array<ArrayBuffer>,
    kitKeyText: string,
    now = new Date(),
  ): Promise<PreparedKit> {
    const kitKey = await importKitKey(parseKitKey(kitKeyText));
    const kit = await openKitFile(file, kitKey);
    const judgedAgainst = JSON.stringify((await this.readSummary()) ?? null);
    const trusted = await this.trustedInstall();
    const repair = judge(kit, trusted, now);
    return { kit, installed: trusted.summary, repair, file, kitKey, judgedAgainst };
  }

  /**
   * Installs a prepared kit in one transaction. If another tab installed a kit since it was judged,
   * it is judged again inside the transaction, and nothing is written if it is refused.
   */
  async install(prepared: PreparedKit, now = new Date()): Promise<InstalledKitSummary> {
    const { kit, file, kitKey } = prepared;
    const { content, manifest } = kit;
    // Keys are made before the transaction: awaiting anything but IndexedDB would commit it.
    const roomKey = await crypto.subtle.importKey(
      'raw',
      fromBase64Url(content.room.e2eeSecret) as Uint8Array<ArrayBuffer>,
      'HKDF',
      false,
      ['deriveBits', 'deriveKey'],
    );
    const summary = summaryOf(kit, now.toISOString());
    const contacts = content.directory.contacts.map((c) => storedKitContact(c, manifest.issued));
    const newIds = new Set(contacts.map((contact) => contact.id));

    const db = await this.database.db();
    const tx = db.transaction(
      [STORE.kit, STORE.kitVault, STORE.contacts, STORE.playbooks],
      'readwrite',
      { durability: 'strict' },
    );
    const done = tx.done;
    done.catch(() => undefined); // awaited below; this only keeps an abort from going unhandled
    try {
      const current = await tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY);
      if (JSON.stringify(current ?? null) !== prepared.judgedAgainst) {
        checkInstallable(kit, current && stateOf(current), now);
      }

      const contactStore = tx.objectStore(STORE.contacts);
      const [oldKitIds, localIds] = await Promise.all([
        contactStore.index(INDEX.contactsByOrigin).getAllKeys('kit'),
        contactStore.index(INDEX.contactsByOrigin).getAllKeys('local'),
      ]);
      const writes: Promise<unknown>[] = [];
      for (const id of oldKitIds) if (!newIds.has(id)) writes.push(contactStore.delete(id));
      // A local contact that happens to share an id with a kit contact keeps living, under a new id.
      for (const id of localIds) {
        if (!newIds.has(id)) continue;
        writes.push(
          contactStore.get(id).then(async (local) => {
            if (!local) return;
            await contactStore.put({ ...local, id: crypto.randomUUID() });
          }),
        );
      }
      await Promise.all(writes);
      for (const contact of contacts) writes.push(contactStore.put(contact));
      writes.push(tx.objectStore(STORE.playbooks).put(content.playbook, 'kit'));
      writes.push(
        tx
          .objectStore(STORE.kitVault)
          .put({ file, kitKey, roomKey, manifestHash: kit.manifestHash }, CURRENT_KIT_KEY),
      );
      await Promise.all(writes);
      // Last: until this lands, the device still knows its previous kit as the installed one.
      await tx.objectStore(STORE.kit).put(summary, CURRENT_KIT_KEY);
      await done;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // It already ended: aborted by the error itself.
      }
      await done.catch(() => undefined);
      throw error;
    }
    this.summaries.remember(summary);
    return summary;
  }

  private async readSummary(): Promise<InstalledKitSummary | undefined> {
    const db = await this.database.db();
    return db.get(STORE.kit, CURRENT_KIT_KEY);
  }

  /**
   * The installed kit, judged by its signature rather than by the stored summary: a summary that
   * no longer matches the stored kit file is replaced by what that file says, and when the file
   * itself no longer verifies nothing stored is trusted (the device enrolls as if for the first
   * time, fingerprint check included).
   */
  private async trustedInstall(): Promise<TrustedInstall> {
    const integrity = await checkInstalledKit(this.database);
    if (integrity.state === 'verified') {
      const summary = summaryOf(integrity.kit, '');
      return {
        summary: (await this.readSummary()) ?? summary,
        state: stateOf(summary),
        damaged: false,
      };
    }
    if (integrity.state === 'tampered' && integrity.sealed) {
      const summary = summaryOf(integrity.sealed, '');
      return { summary, state: stateOf(summary), damaged: true };
    }
    return { summary: undefined, state: undefined, damaged: integrity.state === 'tampered' };
  }
}

/**
 * Throws the refusal of `kit`, or says whether installing it repairs the installed kit (the same
 * kit, installed again over data that was altered).
 */
function judge(kit: VerifiedKit, trusted: TrustedInstall, now: Date): boolean {
  try {
    checkInstallable(kit, trusted.state, now);
    return false;
  } catch (error) {
    if (trusted.damaged && isKitError(error) && error.code === 'already-installed') return true;
    throw error;
  }
}

/** What the policy needs of an installed kit. */
export function stateOf(summary: InstalledKitSummary): InstalledKitState {
  return {
    organisationKey: summary.organisation.publicKey,
    epoch: summary.epoch,
    version: summary.version,
    manifestHash: summary.manifestHash,
  };
}
