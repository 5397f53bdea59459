import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

/** The languages of Tocsin's UI. */
export type Locale = 'fr' | 'en';
/** What the user chose in settings: a language, or the device's own. */
export type LocalePreference = Locale | 'auto';

const catalogues: Record<Locale, Messages> = { en, fr };

/** The key of a UI string. */
export type MessageKey = keyof Messages;
type MessageArgs<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

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

/** Whether a string is the key of a UI message (for keys built from data, like error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A UI string in the current language. Message arguments are checked against the catalogue. */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  const message = catalogues[current][key] as string | ((...a: unknown[]) => string);
  return typeof message === 'function' ? message(...args) : message;
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
