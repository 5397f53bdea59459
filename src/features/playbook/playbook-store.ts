import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { STORE } from '../../db/schema.js';
import type { LogEntry } from '../../domain/log.js';
import type { LogStore } from '../log/log-store.js';
import { DEFAULT_PLAYBOOK_ID, type PlaybookItem, type Playbook } from '../../domain/playbook.js';

/**
 * Where the playbook in use comes from: the organisation's own, in its signed kit; a file
 * imported on this device; Tocsin's default as a kit carries it when the organisation gave none
 * ('kit-default'); or Tocsin's built-in default.
 */
export type PlaybookOrigin = 'kit' | 'local' | 'kit-default' | 'default';

/**
 * The playbook in use: the signed kit's own when it carries one, else one imported on this
 * device, else Tocsin's default playbook (the kit's copy of it, or the built-in one). Checklist
 * ticks go through here so each one is logged.
 */
export class PlaybookStore {
  /** Bumped after every change, so pages showing the playbook reload it. */
  readonly revision = new Observable(0);

  constructor(
    private readonly database: DatabaseService,
    private readonly log: LogStore,
  ) {}

  /** The playbook in use and where it comes from. */
  async active(): Promise<{ playbook: Playbook; origin: PlaybookOrigin }> {
    const db = await this.database.db();
    const kit = await db.get(STORE.playbooks, 'kit');
    if (kit && kit.id !== DEFAULT_PLAYBOOK_ID) return { playbook: kit, origin: 'kit' };
    const local = await db.get(STORE.playbooks, 'local');
    if (local) return { playbook: local, origin: 'local' };
    // The kit's copy rather than the built-in one: every member of the cell ticks the same items,
    // whatever the version of their app.
    if (kit) return { playbook: kit, origin: 'kit-default' };
    // The default playbook is 70 KB of text: loaded when first needed, not at every start-up.
    const { loadDefaultPlaybook } = await import('../../domain/default-playbook.js');
    return { playbook: await loadDefaultPlaybook(), origin: 'default' };
  }

  /** Uses an imported playbook on this device (a kit's own playbook still takes precedence). */
  async importLocal(playbook: Playbook): Promise<void> {
    const db = await this.database.db();
    await db.put(STORE.playbooks, playbook, 'local');
    this.changed();
  }

  /** Goes back to the default playbook (the UI asks for confirmation first). */
  async removeLocal(): Promise<void> {
    const db = await this.database.db();
    await db.delete(STORE.playbooks, 'local');
    this.changed();
  }

  /**
   * Ticks (or unticks) a checklist item. The tick and its main-courante entry are written in one
   * transaction: the log always says who did what, when.
   */
  async setItemDone(options: {
    crisisId: string;
    item: PlaybookItem;
    by: string;
    done: boolean;
    /** The entry's text, in the language of whoever ticks. */
    entryText: string;
  }): Promise<LogEntry> {
    const { crisisId, item, by, done, entryText } = options;
    const entry = await this.log.append(
      {
        crisisId,
        author: by,
        kind: 'action',
        text: entryText,
        refs: { checklistItemIds: [item.id] },
      },
      { tick: { crisisId, itemId: item.id, by, at: new Date().toISOString(), done } },
    );
    this.changed();
    return entry;
  }

  private changed(): void {
    this.revision.set(this.revision.value + 1);
  }
}
