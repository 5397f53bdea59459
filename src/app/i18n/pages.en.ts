// The English messages of the lazy pages (directory, playbook, main courante, settings, room).
// They load with those pages, not at start-up; the shell's own messages are in en.ts.
export const pagesEn = {
  'directory.empty.title': 'No contacts yet',
  'directory.empty.body':
    'The directory arrives with your crisis kit. You will also be able to import and add contacts here.',

  'directory.count': (count: number) => (count === 1 ? '1 contact' : `${count} contacts`),
  'directory.searchLabel': 'Search the directory',
  'directory.searchHint': 'Name, service, organisation, role or phone number',
  'directory.results': (shown: number, total: number) => `${shown} of ${total} contacts`,
  'directory.noResults': (query: string) => `No contact matches “${query}”.`,
  'directory.loading': 'Opening the directory…',
  'directory.alertCell': 'Alert the cell',
  'directory.import': 'Import',
  'directory.exportCsv': 'Export CSV',
  'directory.exportVcard': 'Export vCard',
  'directory.add': 'Add a contact',
  'directory.cellMember': 'Crisis cell',
  'directory.fromKit': 'From the signed kit',
  'directory.local': 'Added on this device',
  'directory.signedBy': (organisation: string, date: string) =>
    `Signed by ${organisation} · kit of ${date}`,
  'directory.fromKitTampered': 'From the crisis kit — no longer matches its signature',
  'directory.kitData': (organisation: string, date: string) =>
    `Crisis kit of ${date}, signed by ${organisation}`,
  'directory.kitExpired': 'expired',
  'directory.kitTampered':
    'The crisis kit’s contacts no longer match the organisation’s signature: see the warning at the top of the page.',
  'directory.listLabel': 'Contacts',

  'paper.open': 'Print the paper kit',
  'paper.title': 'Paper crisis kit',
  'paper.hint':
    'Keep this copy with the crisis documents: it still works when every screen is down. Print it again after each change.',
  'paper.print': 'Print',
  'paper.back': 'Back',
  'paper.dataOf': (date: string) => `Data of ${date}`,
  'paper.printedOn': (date: string) => `printed on ${date}`,
  'paper.fingerprint': (fingerprint: string) => `Organisation fingerprint: ${fingerprint}`,
  'paper.kit': (version: number, member: string) =>
    `Crisis kit version ${version}, installed for ${member}`,
  'paper.cell': 'Crisis cell',
  'paper.directory': 'Directory',
  'paper.playbook': 'Playbook',
  'paper.noCell': 'No contact is marked as a member of the crisis cell.',
  'paper.name': 'Name',
  'paper.function': 'Function',
  'paper.phones': 'Phones',

  'contact.back': 'Back to the directory',
  'contact.call': (number: string) => `Call ${number}`,
  'contact.sms': (number: string) => `Text ${number}`,
  'contact.email': (address: string) => `Email ${address}`,
  'contact.callShort': 'Call',
  'contact.smsShort': 'Text',
  'contact.logCall': 'Log a call',
  'contact.logCallText': (name: string) => `Call with ${name}: `,
  'contact.edit': 'Edit',
  'contact.delete': 'Delete',
  'contact.deleteConfirm': (name: string) =>
    `Delete ${name} from this device? This cannot be undone.`,
  'contact.notFound': 'This contact is no longer in the directory.',
  'contact.phones': 'Phone numbers',
  'contact.emails': 'Email addresses',
  'contact.organisation': 'Organisation',
  'contact.service': 'Service',
  'contact.jobTitle': 'Job title',
  'contact.roles': 'Crisis roles',
  'contact.notes': 'Notes',
  'contact.groups': 'Groups',
  'contact.givenName': 'Given name',
  'contact.familyName': 'Family name',
  'contact.displayName': 'Name shown',
  'contact.isCellMember': 'Member of the crisis cell',
  'contact.number': 'Number',
  'contact.kind': 'Kind',
  'contact.addPhone': 'Add a number',
  'contact.removePhone': (number: string) => `Remove ${number || 'this number'}`,
  'contact.emailsHint': 'One address per line',
  'contact.groupsHint': 'Separated by commas',
  'contact.save': 'Save',
  'contact.cancel': 'Cancel',
  'contact.nameRequired': 'Give at least a name.',
  'contact.invalidNumber': 'not a valid number',
  'contact.phoneInvalid':
    'This is not a valid number. Write a French number as 06 12 34 56 78, any other with its country code, such as +44 20 7946 0958.',
  'contact.phoneNotANumber':
    'A phone number holds only digits, spaces, dots, dashes, parentheses and a + in front.',
  'contact.tooLong': (field: string, limit: number) =>
    `${field}: at most ${limit.toLocaleString('en')} characters.`,
  'contact.tooMany': (field: string, limit: number) => `${field}: at most ${limit}.`,
  'contact.saved': 'Contact saved.',
  'contact.saveFailed': (reason: string) => `The contact was not saved: ${reason}`,
  'contact.deleteFailed': (reason: string) => `The contact was not deleted: ${reason}`,
  'directory.loadFailed': (reason: string) => `The directory could not be read: ${reason}`,
  'contact.newTitle': 'New contact',
  'contact.editTitle': (name: string) => `Edit ${name}`,
  'phone.mobile': 'Mobile',
  'phone.work': 'Work',
  'phone.home': 'Home',
  'phone.satellite': 'Satellite',
  'phone.radio': 'Radio',

  'alert.title': 'Alert the crisis cell',
  'alert.hint':
    'Your phone’s messages app opens with every cell member and this text filled in. It works over the phone network, without any data connection.',
  'alert.message': 'Message',
  'alert.defaultMessage':
    'TOCSIN — The crisis cell is activated. Join the crisis room, or call back as soon as possible.',
  'alert.recipients': (count: number) =>
    count === 1 ? '1 member will receive it:' : `${count} members will receive it:`,
  'alert.unreachable': (names: string) => `No valid phone number for: ${names}`,
  'alert.send': 'Open the messages app',
  'alert.noMembers':
    'No contact is marked as a member of the crisis cell yet: mark them in their contact card.',
  'alert.close': 'Close',

  'importReason.too-large': 'the file is larger than 20 MB.',
  'importReason.not-text': 'this is not a text file (CSV or vCard).',
  'importReason.unsupported-encoding': 'its text encoding is not supported.',
  'importReason.empty': 'it holds no contact.',
  'importReason.unbalanced-quotes':
    'a quotation mark is never closed, so the file cannot be read whole.',
  'importReason.no-known-columns': 'none of its columns is a known contact column.',
  'importReason.too-many-columns': 'too many columns.',
  'importReason.no-name': 'no name.',
  'importReason.unpaired-card': 'a contact card is not closed (BEGIN without END).',
  'importReason.phoneValue': (kind: string, written: string) =>
    `the number “${written}” (${kind}) is not a valid phone number; correct it in the file (06 12 34 56 78, or +44 20 7946 0958 with its country code) and import the file again.`,
  'importReason.bad-phone':
    'a phone number is not a valid number; correct it in the file (06 12 34 56 78, or +44 20 7946 0958 with its country code) and import again.',
  'importReason.too-long':
    'a value is too long (names, organisation, service, job title and groups: 200 characters; phone: 40; email: 254; notes: 4,000).',
  'importReason.too-many-values': 'more than 20 phone numbers, 20 email addresses or 50 groups.',

  'import.title': 'Import contacts',
  'import.formats':
    'A CSV export of Outlook, Google Contacts or Excel (comma or semicolon, UTF-8 or Windows-1252), or a vCard file (3.0 or 4.0).',
  'import.choose': 'Choose a file',
  'import.reading': 'Reading the file…',
  'import.ready': (count: number, name: string) =>
    count === 1
      ? `1 contact ready to import from ${name}.`
      : `${count} contacts ready to import from ${name}.`,
  'import.previewCaption': (shown: number, total: number) => `The first ${shown} of ${total}`,
  'import.refused': (count: number) =>
    count === 1 ? '1 line was refused:' : `${count} lines were refused:`,
  'import.line': (line: number, reason: string) => `Line ${line}: ${reason}`,
  'import.confirm': (add: number, merge: number) =>
    merge === 0
      ? add === 1
        ? 'Import 1 contact'
        : `Import ${add} contacts`
      : add === 0
        ? merge === 1
          ? 'Merge 1 contact'
          : `Merge ${merge} contacts`
        : `Import ${add}, merge ${merge}`,
  'import.done': (added: number, merged: number, skipped: number) =>
    merged === 0 && skipped === 0
      ? added === 1
        ? '1 contact added.'
        : `${added} contacts added.`
      : `${added === 1 ? '1 contact' : `${added} contacts`} added, ${merged} merged, ${skipped} skipped.`,
  'import.failed': (reason: string) => `Nothing was imported: ${reason}`,
  'import.saveFailed': (reason: string) =>
    `The contacts could not be saved, and nothing was changed: ${reason}`,
  'import.nothing': 'The file holds no contact that can be imported.',
  'import.cancel': 'Cancel',
  'import.close': 'Close',
  'import.summary': (
    fresh: number,
    same: number,
    repeated: number,
    signed: number,
    merge: number,
    apart: number,
    skip: number,
  ) =>
    [
      fresh > 0 ? `${fresh} new` : '',
      same > 0 ? `${same} already there` : '',
      repeated > 0 ? `${repeated} repeated in the file` : '',
      signed === 1 ? '1 signed duplicate not imported' : '',
      signed > 1 ? `${signed} signed duplicates not imported` : '',
      merge > 0 ? `${merge} to merge` : '',
      apart > 0 ? `${apart} to add apart` : '',
      skip > 0 ? `${skip} to skip` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  'import.nothingToDo': 'Nothing to import.',
  'import.toCheck': (count: number) => `To check (${count})`,
  'import.otherRows': 'The other contacts of the file',
  'import.status.new': 'New',
  'import.status.same': 'Already in the directory',
  'import.status.repeat': (name: string) =>
    `Repeated in the file: the same person as “${name}”, imported once`,
  'import.status.signed': 'Already in the crisis kit (signed) — not imported',
  'import.status.localMatch': 'Matches a contact of this device',
  'import.matchedBy.id': (name: string) => `Same id as “${name}”`,
  'import.matchedBy.name': (name: string) => `Same name as “${name}”`,
  'import.matchedBy.phone': (name: string) => `Same phone number as “${name}”`,
  'import.notImported': (values: string) =>
    `Not imported, as the crisis kit’s contacts cannot be changed here: ${values}`,
  'import.choice': (name: string) => `What to do with ${name}`,
  'import.choice.merge': 'Merge into the existing contact',
  'import.choice.skip': 'Skip',
  'import.choice.add': 'Add as a separate contact',
  'import.merge.adds': (what: string) => `Merging adds ${what}.`,
  'import.merge.phones': (count: number) => (count === 1 ? '1 number' : `${count} numbers`),
  'import.merge.emails': (count: number) => (count === 1 ? '1 email' : `${count} emails`),
  'import.merge.groups': (count: number) => (count === 1 ? '1 group' : `${count} groups`),
  'import.merge.roles': (count: number) =>
    count === 1 ? '1 crisis role' : `${count} crisis roles`,
  'import.merge.cell': 'crisis-cell membership',
  'import.merge.fills': (fields: string) => `It fills in: ${fields}.`,
  'import.merge.keeps': (fields: string) =>
    `It keeps this device’s values, not the file’s, for: ${fields}.`,
  'import.merge.leftOut': (count: number) =>
    count === 1
      ? '1 value is left out: the contact holds as many as it may.'
      : `${count} values are left out: the contact holds as many as it may.`,

  'playbook.empty.title': 'No playbook yet',
  'playbook.empty.body':
    'The crisis playbook — phases, roles and checklists — arrives with your crisis kit.',

  'playbook.origin.kit': (title: string) => `“${title}”, the playbook of the signed crisis kit`,
  'playbook.origin.kitOf': (title: string, organisation: string, date: string) =>
    `“${title}”, the playbook of the crisis kit signed by ${organisation} · kit of ${date}`,
  'playbook.origin.kitTampered':
    'From the crisis kit, which no longer matches the organisation’s signature: see the warning at the top of the page.',
  'playbook.origin.local': 'Imported from a file on this device',
  'playbook.origin.default':
    'Tocsin’s built-in default playbook, from public guidance (ANSSI, CISA, NIST, ENISA)',
  'playbook.origin.defaultInKit': (organisation: string) =>
    `Tocsin’s built-in default playbook, from public guidance (ANSSI, CISA, NIST, ENISA): the crisis kit of ${organisation} carries no playbook of its own`,
  'playbook.loadFailed': (reason: string) => `The playbook could not be read: ${reason}`,
  'playbook.invalidFile':
    'this file is not a valid Tocsin playbook (JSON). Check that it is the right file.',
  'playbook.progress': (done: number, total: number) => `${done} of ${total} done`,
  'playbook.byRole': 'Progress by role',
  'playbook.phase': 'Phase',
  'playbook.role': 'Role',
  'playbook.allPhases': 'All phases',
  'playbook.allRoles': 'All roles',
  'playbook.myRole': (role: string) => `My role (${role})`,
  'playbook.noCrisis':
    'Open a crisis in the main courante to tick items: every tick is recorded there.',
  'playbook.noAuthor': 'Give your name in the main courante to tick items.',
  'playbook.due': (due: string) => `Due ${due}`,
  'playbook.source': (source: string) => `Source: ${source}`,
  'playbook.tickEntry': (text: string) => `Done: ${text}`,
  'playbook.untickEntry': (text: string) => `Reopened: ${text}`,
  'playbook.doneBy': (by: string, time: string) => `Done by ${by}, ${time}`,
  'playbook.strategic': 'Strategic',
  'playbook.operational': 'Operational',
  'playbook.import': 'Import JSON',
  'playbook.exportJson': 'Export JSON',
  'playbook.exportCacao': 'Export CACAO 2.0',
  'playbook.resetDefault': 'Back to the default playbook',
  'playbook.resetConfirm':
    'Remove the playbook imported on this device and go back to the default one? Ticks already made stay in the main courante.',
  'playbook.imported': (count: number) => `Playbook imported: ${count} items.`,
  'playbook.importFailed': (reason: string) => `The playbook was not imported: ${reason}`,
  'playbook.tickFailed': (reason: string) => `Not recorded: ${reason}`,
  'playbook.none': 'No item matches these filters.',

  'log.empty.title': 'No crisis open',
  'log.empty.body':
    'The main courante records every fact, decision and action of the crisis, with its time and author.',

  'log.openCrisis': 'Open a crisis',
  'log.newCrisis': 'New crisis',
  'log.crisisName': 'Name of the crisis',
  'log.crisisNameHint': 'For example: “Ransomware attack on the town hall”',
  'log.startedAt': 'Started at',
  'log.yourName': 'Your name',
  'log.yourNameHint': 'It signs your entries and ticks on this device.',
  'log.crisis': 'Crisis',
  'log.newEntry': 'New entry',
  'log.kind': 'Kind',
  'log.text': 'What happened',
  'log.occurredAt': 'When',
  'log.highPriority': 'High priority',
  'log.save': 'Save to the log',
  'log.saving': 'Saving…',
  'log.saved': 'Saved to the log.',
  'log.saveFailed': (reason: string) => `Not saved: ${reason}`,
  'log.loadFailed': (reason: string) => `The main courante could not be read: ${reason}`,
  'log.openFailed': (reason: string) => `The crisis was not opened: ${reason}`,
  'log.entries': (count: number) => (count === 1 ? '1 entry' : `${count} entries`),
  'log.listLabel': 'Main courante entries',
  'log.corrected': 'Corrected by a later entry',
  'log.correction': 'Correction',
  'log.correct': 'Correct',
  'log.correcting': (text: string) => `Correcting: “${text}”`,
  'log.cancelCorrection': 'Cancel the correction',
  'log.by': (author: string, time: string) => `${author} · ${time}`,
  'log.signer.for': (signer: string, author: string) => `${signer} for ${author}`,
  'log.signer.unsigned': (author: string) => `${author} (this device, not signed)`,
  'log.signer.noName': 'no name',
  'log.signer.column': 'Written by',
  'log.signer.device': 'Device',
  'log.recordedAt': (time: string) => `written ${time}`,
  'log.tamper': (count: number) =>
    `Tamper warning: ${count === 1 ? '1 entry does' : `${count} entries do`} not match this device’s log chain (changed, removed or out of place). They are shown as they are, marked in red; nothing has been repaired.`,
  'log.tamperMark': 'Does not match the log chain',
  'log.report': 'Situation report',
  'log.backToLog': 'Back to the log',
  'log.exportCsv': 'Export CSV',
  'log.exportJson': 'Export JSON',
  'log.print': 'Print',
  'log.reportDecisions': 'Latest decisions',
  'log.reportHighPriority': 'High-priority facts',
  'log.reportProgress': 'Checklist progress',
  'log.reportOpen': 'Open actions of the current phase',
  'log.reportNone': 'None yet.',
  'log.reportAt': (time: string) => `Situation at ${time}`,
  'log.quickEntryTitle': 'Quick entry in the main courante',
  'log.noCrisis': 'Open a crisis first, in the Log page.',
  'log.close': 'Close',
  'kind.fact': 'Fact',
  'kind.decision': 'Decision',
  'kind.action': 'Action',
  'kind.communication_in': 'Incoming communication',
  'kind.communication_out': 'Outgoing communication',
  'kind.situation_point': 'Situation point',
  'kind.note': 'Note',

  'room.checking': 'Checking what this device supports…',
  'room.e2eeSupported': 'This device can join the end-to-end encrypted crisis room.',
  'room.e2eeUnsupported':
    'This browser cannot encrypt sound and video end to end, so Tocsin will not join the crisis room from it. Use the phone and SMS instead.',
  'room.notEnrolled': 'The crisis room is named in your crisis kit. Enroll this device first.',
  'room.enrolled': (room: string) => `Crisis room: ${room}`,

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
  'settings.profile': 'About you',
  'settings.name': 'Your name',
  'settings.nameHint': 'It signs your main-courante entries and checklist ticks on this device.',
  'settings.role': 'Your crisis role',
  'settings.noRole': 'No role',
  'settings.saveProfile': 'Save',
  'settings.profileSaved': 'Saved.',
  'settings.profileFailed': (reason: string) => `Not saved: ${reason}`,
  'settings.nameFromKit': 'Your crisis kit gives this name; you can change the name shown here.',
  'settings.roleFromKit': 'Your role in the signed directory of your crisis kit.',
  'settings.backup': 'Backup',
  'settings.backupHint':
    'One file with everything written on this device: contacts added here, the imported playbook, the main courante and the ticks. Keep it away from this device (a USB key, another computer). What comes from the signed crisis kit comes back by enrolling again.',
  'settings.backupSave': 'Save a backup',
  'settings.backupRestore': 'Restore a backup',
  'settings.restoreConfirm': (contacts: number, crises: number, entries: number) =>
    `Restore ${contacts} contacts, ${crises} crises and ${entries} main-courante entries? Nothing already on this device is overwritten or deleted.`,
  'settings.restored': (added: number, present: number, conflicts: number) =>
    `Restored: ${added} records added, ${present} already here.` +
    (conflicts
      ? ` ${conflicts} entries differ from the ones here and were not taken: check the main courante.`
      : ''),
  'settings.restoreFailed': (reason: string) => `Nothing was restored: ${reason}`,
  'settings.restoreRefusal.too-large': 'the file is too large to be a Tocsin backup.',
  'settings.restoreRefusal.not-backup':
    'this file is not a Tocsin backup. Choose the file that “Save a backup” wrote.',
  'settings.restoreRefusal.newer':
    'this backup comes from a newer version of Tocsin. Update Tocsin on this device first.',
  'settings.restoreRefusal.damaged': 'the backup is damaged. Try another copy of it.',
  'settings.backupFailed': (reason: string) => `The backup could not be made: ${reason}`,

  'settings.kit': 'Crisis kit',
  'settings.kitNone': 'No crisis kit is installed on this device yet.',
  'settings.kitVersion': 'Kit version',
  'settings.kitIssued': 'Issued',
  'settings.kitExpires': 'Expires',
  'settings.kitExpired': (date: string) => `Expired on ${date}`,
  'settings.kitMember': 'Member',

  'settings.about': 'About',
  'settings.version': (version: string) => `Tocsin version ${version}`,
};

type Catalogue<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The shape of the pages' catalogue in every language. */
export type PageMessages = Catalogue<typeof pagesEn>;
