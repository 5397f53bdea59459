// The English catalogue is the reference: its keys and argument lists define `Messages`, and the
// French catalogue must match it exactly (a missing or extra key is a type error).

/**
 * A day and month in a language's short form, with the year when it is not this one: kit dates are
 * read at a glance ("Data of 12/03"), but an old kit must not pass for this year's. Stored dates
 * are not trusted to parse: a broken one reads as a dash rather than breaking the page.
 */
export function dayMonth(date: Date, locale: string, month: 'short' | '2-digit'): string {
  if (Number.isNaN(date.getTime())) return '—';
  const thisYear = date.getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: month === 'short' ? 'numeric' : '2-digit',
    month,
    ...(thisYear ? {} : { year: 'numeric' }),
  }).format(date);
}

export const en = {
  // "12 Mar" rather than 03/12 or 12/03, which English readers take either way.
  'format.dayMonth': (date: Date) => dayMonth(date, 'en-GB', 'short'),

  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.pageLoadFailed':
    'This page could not be loaded. Reload Tocsin; if you are offline, it will open from this device.',
  'app.retry': 'Try again',
  'error.technicalDetails': 'Technical details',
  'error.retry': 'try again; if it happens again, reload Tocsin.',
  'error.reload': 'reload Tocsin; if it happens again, restart the browser.',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.directory': 'Directory',
  'nav.playbook': 'Playbook',
  'nav.log': 'Log',
  'nav.rollcall': 'Roll-call',
  'nav.room': 'Room',
  'nav.settings': 'Settings',

  'update.ready': 'A new version of Tocsin is ready.',
  'update.reload': 'Reload now',
  'update.later': 'Later',
  'update.reloading': 'Reloading…',

  'db.blocked':
    'Tocsin is open in another tab with an older version. Close or reload that tab to continue.',
  'db.blocking': 'Tocsin was updated in another tab. Reload this tab to continue.',
  'db.reload': 'Reload this tab',
  'db.full':
    'This device is out of storage space. Free some space, then reload Tocsin: nothing already stored has been lost.',
  'db.failed':
    'This device’s storage could not be opened. Your data has not been changed: reload Tocsin, and if it happens again, restart the browser.',

  'kitStatus.tampered':
    'The crisis kit stored on this device no longer matches the organisation’s signature. The crisis room is disabled until a valid kit is installed again.',
  'kitStatus.tamperedAction': 'Install the kit again from your enrollment link or QR code.',
  'call.inProgress': 'In the crisis room: you stay in it while you use Tocsin.',
  'call.backToCall': 'Back to the room',
  'kitStatus.reinstall': 'Install the kit again',
  'kitStatus.expired': (date: string) => `Data of ${date} — expired.`,
  'kitStatus.expiredAction': 'The data stays readable; ask your administrator for a new kit.',
  'kitStatus.installNew': 'Install a new kit',
  'kitStatus.signature': 'Kit signature',
  'kitStatus.verified': 'Signature verified',
  'kitStatus.checking': 'Checking the signature…',
  'kitStatus.tamperedShort':
    'Does not match the organisation’s signature: see the warning at the top of the page.',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any page of Tocsin.',
  'notFound.home': 'Back to home',

  'home.title': 'Crisis cell',
  'home.notEnrolled.title': 'Not enrolled yet',
  'home.notEnrolled.body':
    'This device does not hold a crisis kit yet. Your crisis administrator gives each member an enrollment link or QR code.',
  'home.notEnrolled.step1': 'Open your enrollment link, or scan your QR code, on this device.',
  'home.notEnrolled.step2':
    'Compare the fingerprint shown with the one printed on the paper kit before accepting.',
  'home.notEnrolled.step3': 'Install Tocsin on the home screen so it opens without a network.',
  'home.notEnrolled.install': 'Install the crisis kit',
  'home.member': 'You are',
  'home.organisation': 'Organisation',
  'home.fingerprint': 'Fingerprint',
  'home.room': 'Crisis room',
  'home.server': 'Server',
  'home.kitVersion': 'Crisis kit',
  'home.kitVersionValue': (version: number, issued: string) =>
    `version ${version}, issued ${issued}`,
  'home.kitExpires': (date: string) => `Valid until ${date}`,
  'home.kitExpired': (date: string) =>
    `This crisis kit expired on ${date}. It stays readable; ask your administrator for a new one.`,
  'home.status': 'This device',
  'home.network': 'Network',
  'home.online': 'Online',
  'home.offline': 'Offline — Tocsin keeps working from this device',
  'home.storage': 'Storage',
  'home.storagePersistent': 'Persistent',
  'home.storageNotPersistent': 'Not persistent — the browser may clear it when space runs low',
  'home.storageUnknown': 'Unknown in this browser',
  'home.version': 'Version',

  'install.title': 'Install on this device',
  'install.button': 'Install Tocsin',
  'install.installed': 'Tocsin is installed on this device.',
  'install.ios': 'On iPhone or iPad, in Safari: tap the Share button, then “Add to Home Screen”.',
  'install.other': 'Open your browser’s menu and choose “Install app” or “Add to Home screen”.',

  'directory.title': 'Directory',

  'playbook.title': 'Playbook',

  'log.title': 'Main courante',

  'log.quickEntry': 'Log',

  'rollcall.title': 'Roll-call',

  'room.title': 'Crisis room',
  'enroll.title': 'Install the crisis kit',

  'settings.title': 'Settings',
};

type Catalogue<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The shape every catalogue must have: the English keys, with the same message arguments. */
export type Messages = Catalogue<typeof en>;
