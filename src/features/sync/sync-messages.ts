// The translator of the sync status: importing this module registers its messages (both
// languages) and gives a `t` that knows them and the shell's.
import type { Messages } from '../../app/i18n/en.js';
import { registerMessages, translate, type ArgsOf } from '../../app/i18n/i18n.js';
import { syncEn, type SyncMessages } from './sync.en.js';
import { syncFr } from './sync.fr.js';

registerMessages({ en: syncEn, fr: syncFr });

type AllMessages = Messages & SyncMessages;

/** The key of a UI string of the sync status or the shell. */
export type SyncMessageKey = keyof AllMessages;

/** A UI string in the current language, its arguments checked against the catalogues. */
export function t<K extends SyncMessageKey>(key: K, ...args: ArgsOf<AllMessages, K>): string {
  return translate(key, args);
}
