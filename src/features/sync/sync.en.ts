// The English messages of the sync status and of the roll-call page. They load with the pages
// that show them (main courante, roll-call), never at start-up.
import type { RejectionReason, RollCallStatus } from './model.js';

const reasons: Record<`sync.reason.${RejectionReason}`, string> = {
  'sync.reason.malformed': 'Unreadable: not a valid record',
  'sync.reason.unknown-author': 'Signed by someone who is not a member of the signed directory',
  'sync.reason.forged': 'Its signature does not match: forged or altered',
  'sync.reason.impersonation':
    'Signed by a member in another member’s name or on another member’s device: a forgery, refused',
  'sync.reason.broken-chain':
    'Does not follow on from the member’s previous record: altered or inserted',
  'sync.reason.equivocation': 'A second, different record with a number already used',
  'sync.reason.future-dated':
    'Dated in the future: its time is not trusted (a wrong clock or a forgery)',
  'sync.reason.not-member':
    'Sent by someone in the room who is not a member of the signed directory: ignored',
  'sync.reason.unsealed': 'Did not arrive end-to-end encrypted with the room’s key: ignored',
  'sync.reason.flood': 'Far more messages than a member sends: dropped',
  'sync.reason.replayed': 'Already received: a copy, set aside',
  'sync.reason.out-of-order': 'Arrived before the records that come before it',
};

const statuses: Record<`rollcall.status.${RollCallStatus}`, string> = {
  'rollcall.status.present': 'Present on site',
  'rollcall.status.remote': 'Available remotely',
  'rollcall.status.unavailable': 'Unavailable',
  'rollcall.status.help': 'Needs help',
};

export const syncEn = {
  'sync.label': 'Sharing with the cell',
  'sync.notEnrolled':
    'Your changes stay on this device until the crisis kit is installed: only members share them.',
  'sync.connected': 'In the crisis room: your changes are shared with the members present.',
  'sync.offline':
    'Not in the crisis room: your changes are kept on this device and sent when you join.',
  'sync.joinRoom': 'Join the crisis room',
  'sync.waiting': (count: number) =>
    count === 0
      ? 'Nothing waiting to be sent.'
      : count === 1
        ? '1 change waiting to be sent.'
        : `${count} changes waiting to be sent.`,
  'sync.alone': 'No other member is in the room yet.',
  'sync.allInSync': (count: number) =>
    count === 1
      ? 'In sync with the other member present.'
      : `In sync with the ${count} members present.`,
  'sync.catchingUp': (behind: number, total: number) =>
    `Exchanging records with ${behind} of the ${total} members present.`,
  'sync.peers': 'Members in the room',
  'sync.inSync': 'in sync',
  'sync.toReceive': (count: number) => `${count} to receive`,
  'sync.toSend': (count: number) => `${count} to send`,
  'sync.lastArrivals': 'Last record from each member',
  'sync.noArrivals': 'No record received yet.',
  'sync.you': (name: string) => `${name} (you)`,
  'sync.rejected': (count: number) =>
    count === 1 ? '1 record rejected' : `${count} records rejected`,
  'sync.setAside': (count: number) =>
    count === 1
      ? '1 record received twice or out of order was set aside (usual on a poor network).'
      : `${count} records received twice or out of order were set aside (usual on a poor network).`,
  'sync.details': 'Details',
  'sync.equivocation': (name: string) =>
    `${name} signed two different records with the same number — their records can no longer be trusted; tell the crisis cell’s coordinator.`,
  'sync.culprits': (name: string) =>
    `Records signed by ${name} were refused or are suspect: in another member’s name, breaking their chain, signed twice with one number, or dated in the future — tell the crisis cell’s coordinator.`,

  'sync.problems.title': 'Records kept out of the main courante',
  'sync.problems.intro':
    'Tocsin refused these records and messages when they arrived: nothing in them reached the main courante, except records dated in the future, kept in their chain but never trusted to replace a tick or an answer. Rejected records point at an altered device or an attack; tell the crisis cell’s coordinator.',
  'sync.problems.loading': 'Reading the list…',
  'sync.problems.none': 'No record was refused.',
  'sync.problems.loadFailed': (reason: string) => `The list could not be read: ${reason}`,
  'sync.problems.signer': 'Signed by',
  'sync.problems.claims': 'Claims to be from',
  'sync.problems.from': 'Delivered by',
  'sync.problems.seq': 'Number',
  'sync.problems.at': 'Refused at',
  'sync.problems.detail': 'Technical detail (in English)',
  'sync.problems.unknown': 'unknown',
  'sync.problems.more': (count: number) =>
    count === 1 ? '1 older refusal is not shown.' : `${count} older refusals are not shown.`,
  'sync.problems.close': 'Close',
  ...reasons,

  'rollcall.loading': 'Opening the roll-call…',
  'rollcall.loadFailed': (reason: string) => `The roll-call could not be read: ${reason}`,
  'rollcall.notEnrolled.title': 'Only crisis-cell members answer the roll-call',
  'rollcall.notEnrolled.body':
    'Each answer is signed with the member key of your crisis kit. Install your kit on this device to take part.',
  'rollcall.notEnrolled.action': 'Install the crisis kit',
  'rollcall.empty.title': 'No roll-call yet',
  'rollcall.empty.body':
    'Start a roll-call to know at once who is on site, who can help remotely, who is unavailable and who needs help. Every member answers in one tap.',
  'rollcall.start': 'Start a roll-call',
  'rollcall.startNew': 'Start a new roll-call',
  'rollcall.startFailed': (reason: string) => `The roll-call could not be started: ${reason}`,
  'rollcall.confirm.title': 'Start a new roll-call?',
  'rollcall.confirm.body':
    'The board starts again empty and every member answers again. The answers to the current roll-call stay recorded.',
  'rollcall.confirm.cancel': 'Cancel',
  'rollcall.confirm.start': 'Start the new roll-call',
  'rollcall.current': 'Current roll-call',
  'rollcall.started': (time: string, name: string) => `Started at ${time} by ${name}`,
  'rollcall.yourAnswer': 'Your answer',
  'rollcall.yourAnswerHint': 'One tap. You can change it at any time.',
  'rollcall.answered': (status: string, time: string) =>
    `Your answer “${status}” is recorded (${time}).`,
  'rollcall.answerFailed': (reason: string) => `Your answer could not be recorded: ${reason}`,
  ...statuses,
  'rollcall.board': 'Answers',
  'rollcall.count': (answered: number, total: number) =>
    `${answered} of ${total} members answered.`,
  'rollcall.helpAlert': (names: string) => `Needs help: ${names}`,
  'rollcall.noAnswers': 'Nobody has answered yet.',
  'rollcall.notAnswered': 'Not answered yet',
  'rollcall.everyoneAnswered': 'Every member has answered.',
  'rollcall.you': (name: string) => `${name} (you)`,
  'rollcall.call': 'Call',
  'rollcall.sms': 'SMS',
  'rollcall.callLabel': (name: string, number: string) => `Call ${name}, ${number}`,
  'rollcall.smsLabel': (name: string, number: string) => `SMS to ${name}, ${number}`,
  'rollcall.smsBody': (time: string) =>
    `Roll-call of ${time}: please answer in Tocsin (present on site, available remotely, unavailable or needs help).`,
  'rollcall.noPhone': 'No phone number',
};

export type SyncMessages = typeof syncEn;
