// How a verified kit becomes records of the local database, and back: one mapping used by the
// installer (to write) and by the start-up check (to compare), so the two cannot drift apart.
import type { Contact } from '../../domain/contact.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import type { KitContact } from '../../domain/kit.js';
import type { VerifiedKit } from '../../kit-format/kit-open.js';

/** A kit contact as stored: read-only, marked as the kit's, dated by the kit. */
export function storedKitContact(contact: KitContact, issued: string): Contact {
  return { ...contact, origin: 'kit', updatedAt: issued };
}

/**
 * Every field of a contact that the app shows or acts on, in a fixed order, to compare what is
 * stored with what the kit signed (extra stored fields are ignored: nothing reads them).
 */
export function comparableContact(contact: Contact): string {
  const c = contact;
  return JSON.stringify([
    c.id,
    c.givenName,
    c.familyName,
    c.displayName,
    c.organisation,
    c.service,
    c.jobTitle,
    c.roles,
    c.phones.map((phone) => [phone.kind, phone.number]),
    c.emails,
    c.notes,
    c.groups,
    c.cellMember,
    c.origin,
    c.updatedAt,
    c.member ? [c.member.id, c.member.publicKey] : null,
  ]);
}

export function summaryOf(kit: VerifiedKit, installedAt: string): InstalledKitSummary {
  const { manifest, content } = kit;
  return {
    organisation: { ...manifest.organisation, fingerprint: kit.fingerprint },
    room: { name: content.room.roomName, livekitUrl: content.room.livekitUrl },
    member: { id: content.member.id, displayName: content.member.displayName },
    epoch: manifest.epoch,
    version: manifest.version,
    issued: manifest.issued,
    expires: manifest.expires,
    manifestHash: kit.manifestHash,
    counts: {
      contacts: content.directory.contacts.length,
      playbookItems: content.playbook.items.length,
    },
    installedAt,
  };
}

/** The fields of a summary that come from the signed kit (all but the install time). */
export function signedSummaryFields(summary: InstalledKitSummary): string {
  const { installedAt, ...signed } = summary;
  return JSON.stringify(signed);
}
