// The installed kit is verified again at every start (docs/kit-format.md §6): any script on the
// origin can write to IndexedDB, so what is stored is trusted only once it matches the signature.
import type { DatabaseService } from '../../app/database-service.js';
import { CURRENT_KIT_KEY, INDEX, STORE } from '../../db/schema.js';
import { isKitError, type KitRefusal } from '../../kit-format/kit-error.js';
import { openKitFile, type VerifiedKit } from '../../kit-format/kit-open.js';
import {
  comparableContact,
  signedSummaryFields,
  storedKitContact,
  summaryOf,
} from './kit-records.js';

/** Where the start-up check stands. */
export type KitIntegrity =
  | { state: 'unchecked' }
  | { state: 'checking' }
  | { state: 'none' }
  | { state: 'verified'; kit: VerifiedKit; roomKey: CryptoKey }
  | {
      state: 'tampered';
      reason: TamperReason;
      /**
       * The stored kit file, when it still verifies and only the data installed from it was
       * changed: what this device had installed can still be trusted from it.
       */
      sealed?: VerifiedKit;
    };

/** What did not match: the sealed file itself, or the data installed from it. */
export type TamperReason = KitRefusal | 'missing-file' | 'summary' | 'directory' | 'playbook';

/**
 * Verifies the installed kit: decrypts the sealed file with its stored key, checks its signature and
 * sections, then checks that the summary, the kit contacts and the kit playbook in the database are
 * exactly what it signed. A KitError of the sealed file is reported as tampering, not thrown.
 */
export async function checkInstalledKit(database: DatabaseService): Promise<KitIntegrity> {
  try {
    return await check(database);
  } catch (error) {
    if (isKitError(error)) return { state: 'tampered', reason: error.code };
    throw error;
  }
}

async function check(database: DatabaseService): Promise<KitIntegrity> {
  const db = await database.db();
  const tx = db.transaction([STORE.kit, STORE.kitVault, STORE.contacts, STORE.playbooks]);
  const [summary, vault, contacts, playbook] = await Promise.all([
    tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY),
    tx.objectStore(STORE.kitVault).get(CURRENT_KIT_KEY),
    tx.objectStore(STORE.contacts).index(INDEX.contactsByOrigin).getAll('kit'),
    tx.objectStore(STORE.playbooks).get('kit'),
  ]);
  if (!summary && !vault) return { state: 'none' };
  if (!summary || !vault) return { state: 'tampered', reason: 'missing-file' };

  const kit = await openKitFile(vault.file, vault.kitKey);
  if (kit.manifestHash !== vault.manifestHash) return { state: 'tampered', reason: 'missing-file' };
  const expected = summaryOf(kit, summary.installedAt);
  if (signedSummaryFields(expected) !== signedSummaryFields(summary)) {
    return { state: 'tampered', reason: 'summary', sealed: kit };
  }
  if (!sameDirectory(kit, contacts)) return { state: 'tampered', reason: 'directory', sealed: kit };
  if (JSON.stringify(playbook) !== JSON.stringify(kit.content.playbook)) {
    return { state: 'tampered', reason: 'playbook', sealed: kit };
  }
  return { state: 'verified', kit, roomKey: vault.roomKey };
}

function sameDirectory(
  kit: VerifiedKit,
  stored: Parameters<typeof comparableContact>[0][],
): boolean {
  const signed = kit.content.directory.contacts;
  if (signed.length !== stored.length) return false;
  const byId = new Map(stored.map((contact) => [contact.id, contact]));
  return signed.every((contact) => {
    const found = byId.get(contact.id);
    return (
      found !== undefined &&
      comparableContact(found) === comparableContact(storedKitContact(contact, kit.manifest.issued))
    );
  });
}
