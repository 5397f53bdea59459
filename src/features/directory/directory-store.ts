import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { abandonTransaction } from '../../db/abandon.js';
import { INDEX, STORE } from '../../db/schema.js';
import type { Contact } from '../../domain/contact.js';
import {
  directoryBasis,
  importWrites,
  planImport,
  type ImportDecisions,
  type ImportPlan,
} from '../../domain/contact-files/import-plan.js';

/** What an import did, row by row of the file. */
export interface ImportCounts {
  added: number;
  merged: number;
  skipped: number;
}

/** The crisis directory in IndexedDB: the kit's signed contacts and this device's additions. */
export class DirectoryStore {
  /** Bumped after every change, so pages showing the directory reload it. */
  readonly revision = new Observable(0);

  constructor(private readonly database: DatabaseService) {}

  /** Every contact, kit and local, in no particular order (the search index orders them). */
  async list(): Promise<Contact[]> {
    const db = await this.database.db();
    return db.getAll(STORE.contacts);
  }

  /** One contact, or undefined. */
  async get(id: string): Promise<Contact | undefined> {
    const db = await this.database.db();
    return db.get(STORE.contacts, id);
  }

  /** Saves a local contact (new or edited). Contacts from the signed kit cannot be changed here. */
  async save(contact: Contact): Promise<void> {
    if (contact.origin !== 'local') throw new Error('Contacts from the crisis kit are read-only.');
    const db = await this.database.db();
    const tx = db.transaction(STORE.contacts, 'readwrite', { durability: 'strict' });
    const existing = await tx.store.get(contact.id);
    if (existing && existing.origin !== 'local') {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error('Contacts from the crisis kit are read-only.');
    }
    await tx.store.put({ ...contact, updatedAt: new Date().toISOString() });
    await tx.done;
    this.changed();
  }

  /** Deletes a local contact (the UI asks for confirmation first). */
  async remove(id: string): Promise<void> {
    const db = await this.database.db();
    const tx = db.transaction(STORE.contacts, 'readwrite', { durability: 'strict' });
    const existing = await tx.store.get(id);
    if (existing?.origin !== 'local') {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error('Only contacts added on this device can be deleted.');
    }
    await tx.store.delete(id);
    await tx.done;
    this.changed();
  }

  /**
   * Applies an import plan (import-plan.ts) with the user's choices for the local matches, in one
   * transaction: all of it or, on any error (a full disk), nothing. The plan is made again inside
   * the transaction from the imported contacts and what the directory holds now, unless it is
   * unchanged since the preview, so a contact of the signed kit installed since the preview wins:
   * its copy is not written. Merges keep the
   * local contact's id. Returns how many rows of the file were added, merged and skipped.
   */
  async applyImport(
    plan: Pick<ImportPlan, 'imported'> | ImportPlan,
    decisions: ImportDecisions = new Map(),
  ): Promise<ImportCounts> {
    const db = await this.database.db();
    const tx = db.transaction(STORE.contacts, 'readwrite', { durability: 'strict' });
    const current = await tx.store.getAll();
    // The preview's plan holds if nothing changed since; else plan again. Planning is
    // synchronous, so the transaction is still active for the writes that follow.
    const holds = 'basis' in plan && plan.basis === directoryBasis(current);
    const { contacts, added, merged, skipped } = importWrites(
      holds ? plan : planImport(plan.imported, current),
      decisions,
    );
    const kitIds = new Set(current.filter((c) => c.origin === 'kit').map((c) => c.id));
    const now = new Date().toISOString();
    const writes: Promise<unknown>[] = [];
    try {
      for (const contact of contacts) {
        // The plan never overwrites a kit contact; this line keeps it so whatever the plan says.
        if (kitIds.has(contact.id)) throw new Error('An import may not replace a kit contact.');
        writes.push(tx.store.put({ ...contact, origin: 'local', updatedAt: now }));
      }
    } catch (error) {
      // A record IndexedDB refuses throws at once: undo the ones already queued.
      await abandonTransaction(tx, writes);
      throw error;
    }
    // A write that fails later (quota) aborts the transaction: tx.done carries that error.
    for (const write of writes) write.catch(() => undefined);
    await tx.done;
    if (contacts.length > 0) this.changed();
    return { added, merged, skipped };
  }

  /**
   * Adds contacts as they are, without recognising anyone already there (for tests and the bench;
   * the import dialog uses {@link applyImport}). One transaction: all of them or, on any
   * error (a full disk), none. A contact whose id is a kit contact's gets a new id: the kit's stay
   * untouched.
   * Returns how many were added and how many replaced an earlier local contact with the same id.
   */
  async importContacts(contacts: readonly Contact[]): Promise<{ added: number; replaced: number }> {
    const db = await this.database.db();
    const tx = db.transaction(STORE.contacts, 'readwrite', { durability: 'strict' });
    const kitIds = new Set(
      (await tx.store.index(INDEX.contactsByOrigin).getAllKeys('kit')).map((key) => String(key)),
    );
    const localIds = new Set(
      (await tx.store.index(INDEX.contactsByOrigin).getAllKeys('local')).map((key) => String(key)),
    );
    let replaced = 0;
    const writes: Promise<unknown>[] = [];
    try {
      for (const contact of contacts) {
        const id = kitIds.has(contact.id) ? crypto.randomUUID() : contact.id;
        if (localIds.has(id)) replaced++;
        writes.push(tx.store.put({ ...contact, id, origin: 'local' }));
      }
    } catch (error) {
      // A record IndexedDB refuses throws at once: undo the ones already queued.
      await abandonTransaction(tx, writes);
      throw error;
    }
    await tx.done;
    this.changed();
    return { added: contacts.length - replaced, replaced };
  }

  private changed(): void {
    this.revision.set(this.revision.value + 1);
  }
}
