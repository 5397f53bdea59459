// The translator of the roll-call page: importing this module registers its messages (both
// languages) and gives a `t` that knows them and the shell's.
import type { Messages } from '../../app/i18n/en.js';
import { registerMessages, translate, type ArgsOf } from '../../app/i18n/i18n.js';
import { rollcallEn, type RollcallMessages } from './rollcall.en.js';
import { rollcallFr } from './rollcall.fr.js';

registerMessages({ en: rollcallEn, fr: rollcallFr });

type AllMessages = Messages & RollcallMessages;

/** The key of a UI string of the roll-call or the shell. */
export type RollcallMessageKey = keyof AllMessages;

/** A UI string in the current language, its arguments checked against the catalogues. */
export function t<K extends RollcallMessageKey>(key: K, ...args: ArgsOf<AllMessages, K>): string {
  return translate(key, args);
}
