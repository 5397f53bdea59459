// The translator of enrollment: importing this module registers the enrollment page's and the QR
// scanner's messages (both languages) and gives a `t` that knows them and the shell's.
import type { Messages } from '../../app/i18n/en.js';
import { registerMessages, translate, type ArgsOf } from '../../app/i18n/i18n.js';
import { kitEn, type KitMessages } from './kit.en.js';
import { kitFr } from './kit.fr.js';

registerMessages({ en: kitEn, fr: kitFr });

type AllMessages = Messages & KitMessages;

/** The key of a UI string of enrollment or of the shell. */
export type KitMessageKey = keyof AllMessages;

/** A UI string in the current language, its arguments checked against the catalogues. */
export function t<K extends KitMessageKey>(key: K, ...args: ArgsOf<AllMessages, K>): string {
  return translate(key, args);
}
