// The translator of the crisis room: importing this module registers the room's messages (both
// languages) and gives a `t` that knows them and the shell's.
import type { Messages } from '../../app/i18n/en.js';
import { registerMessages, translate, type ArgsOf } from '../../app/i18n/i18n.js';
import { callEn, type CallMessages } from './call.en.js';
import { callFr } from './call.fr.js';

registerMessages({ en: callEn, fr: callFr });

type AllMessages = Messages & CallMessages;

/** The key of a UI string of the crisis room or of the shell. */
export type CallMessageKey = keyof AllMessages;

/** A UI string in the current language, its arguments checked against the catalogues. */
export function t<K extends CallMessageKey>(key: K, ...args: ArgsOf<AllMessages, K>): string {
  return translate(key, args);
}
