import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { abandonTransaction } from '../../db/abandon.js';
import { INDEX, STORE } from '../../db/schema.js';
import type { Contact } from '../../domain/contact.js';

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
   * Adds imported contacts in one transaction: all of them or, on any error (a full disk), none.
   * An imported contact whose id is a kit contact's gets a new id: the kit's stay untouched.
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
