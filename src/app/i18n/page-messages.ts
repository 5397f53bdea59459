// The translator of the lazy pages: importing this module registers their messages (both
// languages) and gives a `t` that knows every key, the shell's and the pages'.
import type { Messages } from './en.js';
import { registerMessages, translate, type ArgsOf } from './i18n.js';
import { pagesEn, type PageMessages } from './pages.en.js';
import { pagesFr } from './pages.fr.js';

registerMessages({ en: pagesEn, fr: pagesFr });

type AllMessages = Messages & PageMessages;

/** The key of any UI string. */
export type PageMessageKey = keyof AllMessages;

/** A UI string in the current language, its arguments checked against the catalogues. */
export function t<K extends PageMessageKey>(key: K, ...args: ArgsOf<AllMessages, K>): string {
  return translate(key, args);
}
