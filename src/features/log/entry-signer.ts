// Who an entry is shown as written by. The author field is free text that any member can set to
// anything ("le maire"), so it never stands for the writer: the name shown is the member whose
// signature the sync guarantees for the entry's chain (writer.ts), from the signed directory, and
// a typed author that differs is shown beside it as whom the entry was written for.
import { t } from '../../app/i18n/page-messages.js';
import { memberName, type SignedMember } from '../../domain/signed-members.js';
import type { LogEntry } from '../../domain/log.js';
import { memberOfDevice } from '../../domain/log-writer.js';

/** How many characters of a device id are shown: enough to tell a member's devices apart. */
const SHORT_DEVICE_LENGTH = 8;

/** Who wrote an entry, as the log can prove it. */
export interface EntrySigner {
  /** The member whose signature covers the entry's chain; absent for an unsigned entry. */
  signerId?: string;
  /** That member's name in the signed directory, or the bare id when it does not know them. */
  signerName?: string;
  /** The first characters of the device the entry was written on (without the member). */
  device: string;
  /**
   * The typed author when it says something the signer's name does not: whom a signed entry was
   * written for; for an unsigned entry, the only name there is.
   */
  writtenFor?: string;
  /** True for an entry written on this device before it was enrolled: no one signed it. */
  unsigned: boolean;
}

/** The device an entry was written on, without its member namespace, in full. */
export function entryDevice(deviceId: string): string {
  const member = memberOfDevice(deviceId);
  return member === undefined ? deviceId : deviceId.slice(member.length + 1);
}

/** Who wrote `entry`, with names from the signed directory's `members`. */
export function entrySigner(
  entry: Pick<LogEntry, 'deviceId' | 'author'>,
  members: readonly SignedMember[],
): EntrySigner {
  const signerId = memberOfDevice(entry.deviceId);
  const device = entryDevice(entry.deviceId).slice(0, SHORT_DEVICE_LENGTH);
  const author = entry.author.trim();
  if (signerId === undefined) {
    return { device, unsigned: true, ...(author ? { writtenFor: author } : {}) };
  }
  const signerName = memberName(signerId, members);
  const differs = author !== '' && comparable(author) !== comparable(signerName);
  return {
    signerId,
    signerName,
    device,
    unsigned: false,
    ...(differs ? { writtenFor: author } : {}),
  };
}

/**
 * The signer as a line shows it, in the current language: "Hélène Lefèvre", "Hélène Lefèvre for
 * le maire", or "le maire (this device, not signed)".
 */
export function formatSigner(signer: EntrySigner): string {
  if (signer.unsigned || signer.signerName === undefined) {
    return t('log.signer.unsigned', signer.writtenFor ?? t('log.signer.noName'));
  }
  return signer.writtenFor
    ? t('log.signer.for', signer.signerName, signer.writtenFor)
    : signer.signerName;
}

/** Two names that differ only in case, spacing or Unicode form are the same name. */
function comparable(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
