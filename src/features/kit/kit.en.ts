// The English messages of enrollment: the enrollment page and the QR code scanner. They load with
// that page, never at start-up. Every kit refusal code has its own message (kit.refusal.<code>).
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const kitEn = {
  'kit.intro':
    'Your crisis administrator gives you an enrollment link or QR code, or a kit file (.tocsin) and its key.',
  'kit.keyHeld':
    'Your link holds the kit key but not the kit file. Choose the .tocsin file you received.',

  'kit.file.title': 'The kit file',
  'kit.file.drop': 'Drop the .tocsin file here, or',
  'kit.file.choose': 'Choose the kit file',
  'kit.file.another': 'Choose another file',
  'kit.file.reading': 'Reading the file…',
  'kit.file.chosen': (name: string, size: string) => `File: ${name} (${size})`,
  'kit.file.downloaded': (size: string) => `Downloaded kit file (${size})`,

  'kit.link.title': 'Or open your enrollment link',
  'kit.link.hint': 'Scan the QR code you were given, or paste the link you received.',
  'kit.key.title': 'Enter the kit key',
  'kit.key.why':
    'The kit is encrypted. Its key is in your enrollment link or QR code: scan it or paste it.',
  'kit.key.private':
    'The key stays on this device: Tocsin never sends it anywhere, and forgets it once the kit is opened.',
  'kit.key.scan': 'Scan the QR code',
  'kit.key.paste': 'Paste the link or key',
  'kit.key.pasteLink': 'Paste the link',
  'kit.key.label': 'Enrollment link or kit key',
  'kit.key.labelLink': 'Enrollment link',
  'kit.key.hint': 'The whole link (…#/enroll?…) or the key alone: 43 letters, digits, “-” or “_”.',
  'kit.key.open': 'Open the kit',
  'kit.key.empty': 'Paste the link or the key first.',
  'kit.key.notALink':
    'This is neither an enrollment link nor a kit key. Check what you pasted, or scan the QR code.',
  'kit.key.noKey':
    'This link has no kit key. Paste the link that holds the key, or scan the QR code.',
  'kit.key.notTocsinQr':
    'This QR code is not a Tocsin enrollment code. Scan the one in your enrollment letter.',

  'kit.download.title': 'Downloading the crisis kit',
  'kit.download.progress': (received: string, total: string) => `${received} of ${total}`,
  'kit.download.received': (received: string) => `${received} received`,
  'kit.download.cancel': 'Cancel',
  'kit.download.failedTitle': 'The kit could not be downloaded',
  'kit.download.retry': 'Try again',
  'kit.download.useFile': 'Choose the file instead',
  'kit.download.nothingInstalled': 'Nothing was installed: the data on this device is unchanged.',

  'kit.preparing': 'Opening and checking the kit…',

  'kit.confirm.title': 'Check the organisation',
  'kit.confirm.signedBy': 'This crisis kit is signed by',
  'kit.confirm.fingerprint': 'Fingerprint of the organisation',
  'kit.confirm.compare':
    'Compare this fingerprint with the one printed in your paper crisis kit. All 32 characters must be the same.',
  'kit.confirm.matches': 'It matches — install',
  'kit.confirm.differs': 'It does not match — cancel',
  'kit.confirm.details': 'What this kit holds',
  'kit.update.title': 'Update the crisis kit',
  'kit.update.fromTo': (from: string, to: string) =>
    `Update the crisis kit from version ${from} to ${to}.`,
  'kit.update.install': 'Install the update',
  'kit.update.cancel': 'Cancel',
  'kit.update.fingerprint': 'Fingerprint of the organisation, already trusted by this device',

  'kit.repair.title': 'Repair the crisis kit',
  'kit.repair.body': (version: string) =>
    `The data of the crisis kit installed on this device (version ${version}) was altered after it was installed. This file is that same kit, as your organisation signed it: installing it again puts its data back. What you added on this device is kept.`,
  'kit.repair.install': 'Reinstall the crisis kit',

  'kit.fact.organisation': 'Organisation',
  'kit.fact.member': 'For',
  'kit.fact.version': 'Version',
  'kit.fact.versionValue': (version: number, epoch: number) => `${version} (epoch ${epoch})`,
  'kit.fact.issued': 'Issued',
  'kit.fact.expires': 'Valid until',
  'kit.fact.directory': 'Directory',
  'kit.fact.playbook': 'Playbook',
  'kit.fact.room': 'Crisis room',
  'kit.contacts': (n: number) => count(n, 'contact', 'contacts'),
  'kit.playbookItems': (n: number) => count(n, 'action', 'actions'),
  'kit.contactsChange': (from: number, to: number) =>
    `${count(to, 'contact', 'contacts')} (now ${from})`,
  'kit.playbookChange': (from: number, to: number) =>
    `${count(to, 'action', 'actions')} (now ${from})`,

  'kit.declined.title': 'Do not install this kit',
  'kit.declined.body':
    'The fingerprint does not match: this kit may not come from your organisation. Call your crisis administrator before going further.',
  'kit.cancelled.title': 'The crisis kit was not changed',
  'kit.nothingWritten': 'Nothing was written on this device.',
  'kit.startAgain': 'Start again',

  'kit.installing': 'Installing the crisis kit…',
  'kit.installed.title': 'Crisis kit installed',
  'kit.installed.body': (organisation: string, version: number) =>
    `The crisis kit of ${organisation}, version ${version}, is on this device and works without a network.`,
  'kit.installed.counts': (contacts: string, actions: string) =>
    `Directory: ${contacts}. Playbook: ${actions}.`,
  'kit.installed.notPersisted':
    'The browser did not promise to keep Tocsin’s data when space runs low. Installing Tocsin on the home screen helps.',
  'kit.installed.directory': 'Open the directory',
  'kit.installed.home': 'Back to home',

  'kit.refused.title': 'The crisis kit was not installed',
  'kit.refused.alreadyTitle': 'This kit is already installed',
  'kit.refused.unchanged': 'Nothing was installed: the data already on this device is unchanged.',
  'kit.refused.keyAgain': 'Enter the key again',
  'kit.refused.anotherFile': 'Try another file',
  'kit.refused.installAgain': 'Try again',
  'kit.refused.full':
    'This device is full: the kit could not be stored. Free some space (photos, videos, apps you do not need), then try again.',
  'kit.refused.failed':
    'The kit could not be installed on this device. Try again; if it happens again, reload Tocsin.',

  'kit.refusal.too-large':
    'This file is larger than a crisis kit can be (20 MB). Check that you chose the kit file you received.',
  'kit.refusal.not-a-kit':
    'This file is not a Tocsin crisis kit. Check that you chose the .tocsin file you received.',
  'kit.refusal.bad-key':
    'This is not a kit key: a key is 43 letters, digits, “-” or “_”. Check the link, or scan the QR code again.',
  'kit.refusal.wrong-key':
    'The kit could not be opened with this key. Check the link, or scan the QR code again. The file may also be incomplete: download or copy it again.',
  'kit.refusal.malformed':
    'The kit is damaged: its content is not in the expected format. Ask your crisis administrator for a new kit.',
  'kit.refusal.unsupported-schema':
    'This kit was made for a newer version of Tocsin. Reload Tocsin while online to update it, then try again.',
  'kit.refusal.bad-signature':
    'The organisation’s signature on this kit is not valid: the kit was altered after it was signed. Do not use it, and tell your crisis administrator.',
  'kit.refusal.tampered':
    'Part of this kit does not match what the organisation signed: it was altered. Do not use it, and tell your crisis administrator.',
  'kit.refusal.other-organisation': (installed: string) =>
    `This kit comes from another organisation. This device trusts ${installed} and only installs its kits. If your organisation changed, ask your crisis administrator.`,
  'kit.refusal.older-version': (installed: string) =>
    `This kit is older than the one installed on this device (version ${installed}). Keep the installed one, or ask your crisis administrator for the latest kit.`,
  'kit.refusal.equivocation':
    'Warning: this kit has the same version as the installed one but different content. Someone is issuing two different kits under one version. Tell your crisis administrator now.',
  'kit.refusal.already-installed':
    'This exact kit is already installed on this device: there is nothing to do.',
  'kit.refusal.expired': (date: string) =>
    `This kit expired on ${date}. Ask your crisis administrator for a new kit.`,
  'kit.refusal.issued-in-future': (date: string) =>
    `This kit is dated ${date}, more than a day ahead of this device’s clock. Check the device’s date and time, then try again.`,

  'kit.fetch.cross-origin':
    'This link points to a kit on another server than Tocsin’s own. Tocsin only downloads kits from its own address: ask your crisis administrator for the right link, or choose the kit file.',
  'kit.fetch.bad-url':
    'The kit address in this link is not valid. Ask your crisis administrator for a new link, or choose the kit file.',
  'kit.fetch.offline':
    'This device is offline. Connect to a network and try again, or choose a kit file stored on this device.',
  'kit.fetch.not-found':
    'The kit file was not found on the server (HTTP 404). The link may be old: ask your crisis administrator for a new one.',
  'kit.fetch.http': (status: number) =>
    `The server could not give the kit file (HTTP ${status}). Try again in a moment; if it happens again, tell your crisis administrator.`,
  'kit.fetch.network':
    'The server could not be reached. Check the network and try again, or choose the kit file.',
  'kit.fetch.too-large':
    'The file at this link is larger than a crisis kit can be (20 MB): the download was stopped. Tell your crisis administrator.',
  'kit.fetch.aborted': 'The download was cancelled.',

  'qr.why':
    'To read the QR code, Tocsin needs the camera. The picture stays on this device: nothing is recorded or sent.',
  'qr.start': 'Turn on the camera',
  'qr.cancel': 'Cancel',
  'qr.starting': 'Turning on the camera…',
  'qr.scanning': 'Point the camera at the QR code. It is read by itself.',
  'qr.preview': 'Camera preview',
  'qr.retry': 'Try again',
  'qr.denied':
    'Tocsin may not use the camera. Allow the camera for this site in the browser’s settings and try again, or paste the link instead.',
  'qr.no-camera': 'No camera was found on this device. Paste the link instead.',
  'qr.busy':
    'The camera is used by another app. Close that app and try again, or paste the link instead.',
  'qr.insecure':
    'The camera only works when Tocsin is opened over a secure (https) address. Paste the link instead.',
  'qr.unsupported': 'This browser cannot use the camera. Paste the link instead.',
  'qr.failed': 'The scanner could not start. Try again, or paste the link instead.',
};

type Catalogue<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The shape of the enrollment catalogue in every language. */
export type KitMessages = Catalogue<typeof kitEn>;
