// The English catalogue is the reference: its keys and argument lists define `Messages`, and the
// French catalogue must match it exactly (a missing or extra key is a type error).
export const en = {
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.pageLoadFailed':
    'This page could not be loaded. Reload Tocsin; if you are offline, it will open from this device.',
  'app.retry': 'Try again',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.directory': 'Directory',
  'nav.playbook': 'Playbook',
  'nav.log': 'Log',
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
  'db.failed': (reason: string) =>
    `This device's storage could not be opened (${reason}). Your data has not been changed.`,

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
  'directory.empty.title': 'No contacts yet',
  'directory.empty.body':
    'The directory arrives with your crisis kit. You will also be able to import and add contacts here.',

  'playbook.title': 'Playbook',
  'playbook.empty.title': 'No playbook yet',
  'playbook.empty.body':
    'The crisis playbook — phases, roles and checklists — arrives with your crisis kit.',

  'log.title': 'Main courante',
  'log.empty.title': 'No crisis open',
  'log.empty.body':
    'The main courante records every fact, decision and action of the crisis, with its time and author.',

  'room.title': 'Crisis room',
  'room.checking': 'Checking what this device supports…',
  'room.e2eeSupported': 'This device can join end-to-end encrypted calls.',
  'room.e2eeUnsupported':
    'This browser cannot encrypt calls end to end, so Tocsin will not join the crisis room from it. Use phone calls and SMS instead.',
  'room.notEnrolled': 'The crisis room is named in your crisis kit. Enroll this device first.',
  'room.enrolled': (room: string) => `Crisis room: ${room}`,

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.languageAuto': 'Automatic (device language)',
  'settings.storage': 'Storage on this device',
  'settings.persisted': 'Persistent storage',
  'settings.persistedYes': 'Granted: the browser will not clear Tocsin’s data on its own.',
  'settings.persistedNo':
    'Not granted: the browser may clear Tocsin’s data when space runs low. Installing Tocsin on the home screen usually grants it.',
  'settings.persistedUnsupported': 'This browser does not say whether storage is persistent.',
  'settings.persistRequest': 'Ask to keep data',
  'settings.space': 'Space',
  'settings.usage': (used: string, quota: string) => `${used} used of ${quota} available`,
  'settings.usageUnknown': 'This browser does not report storage use.',
  'settings.about': 'About',
  'settings.version': (version: string) => `Tocsin version ${version}`,
};

type Catalogue<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The shape every catalogue must have: the English keys, with the same message arguments. */
export type Messages = Catalogue<typeof en>;
