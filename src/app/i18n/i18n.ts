import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

/** The languages of Tocsin's UI. */
export type Locale = 'fr' | 'en';
/** What the user chose in settings: a language, or the device's own. */
export type LocalePreference = Locale | 'auto';

type AnyCatalogue = Record<string, string | ((...args: never[]) => string)>;

// The shell's messages are here from the start; each lazy feature registers its own when it
// loads (see page-messages.ts), so start-up does not parse every string of the app.
const catalogues: Record<Locale, AnyCatalogue> = { en: { ...en }, fr: { ...fr } };

/** Adds the messages of a lazily loaded part of the app, in both languages. */
export function registerMessages(more: Record<Locale, AnyCatalogue>): void {
  Object.assign(catalogues.en, more.en);
  Object.assign(catalogues.fr, more.fr);
}

/** The key of a UI string of the shell. */
export type MessageKey = keyof Messages;

/** The arguments a message of catalogue `M` takes. */
export type ArgsOf<M, K extends keyof M> = M[K] extends (...args: infer A) => string ? A : [];

let current: Locale = 'en';
const changes = new EventTarget();

/** French for any `fr*` browser language (the first one listed wins), English otherwise. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages.find((tag) => tag.trim() !== '');
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The locale a preference means on this device. */
export function resolveLocale(
  preference: LocalePreference,
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Locale {
  return preference === 'auto' ? localeFromLanguages(languages) : preference;
}

/** The language the UI speaks now. */
export function currentLocale(): Locale {
  return current;
}

/** Switches the UI language; every element holding a LocaleController re-renders. */
export function setLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  if (locale === current) return;
  current = locale;
  changes.dispatchEvent(new Event('change'));
}

/** Whether a message with this key is loaded (for keys built from data, like error codes). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(catalogues.en, key);
}

/** The message `key` in the current language; shared by the shell's `t` and the pages'. */
export function translate(key: string, args: readonly unknown[]): string {
  const message = catalogues[current][key] as string | ((...a: unknown[]) => string) | undefined;
  if (message === undefined) return key;
  return typeof message === 'function' ? message(...args) : message;
}

/** A UI string of the shell in the current language, its arguments checked against the catalogue. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<Messages, K>): string {
  return translate(key, args);
}

/** A date (and optionally time) in the current language, e.g. "25 novembre 2026". */
export function formatDate(date: Date, withTime = false): string {
  return new Intl.DateTimeFormat(current, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

/** A byte count in the units people read, e.g. "1,2 Go" or "350 MB". */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(current, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** Re-renders its host whenever the UI language changes. */
export class LocaleController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    changes.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    changes.removeEventListener('change', this.onChange);
  }
}
