// The English messages of the sync status. They load with the pages that show it (main courante,
// roll-call), never at start-up.
import type { RejectionReason } from '../../domain/records.js';

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
};

export type SyncMessages = typeof syncEn;
