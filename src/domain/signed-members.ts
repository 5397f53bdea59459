// Who the crisis cell's members are, as the signed directory says: the roll-call, the sync status
// and the log name signers and answerers from it.
import type { Contact } from './contact.js';

/** A crisis-cell member of the signed directory, with the contact to reach them on. */
export interface SignedMember {
  id: string;
  name: string;
  contact: Contact;
}

/**
 * The members of the signed directory: kit contacts carrying a member id. A contact added on this
 * device is not signed, so it can neither rename a member nor add one.
 */
export function signedMembers(contacts: readonly Contact[]): SignedMember[] {
  return contacts
    .flatMap((contact) =>
      contact.origin === 'kit' && contact.member
        ? [
            {
              id: contact.member.id,
              name: contact.displayName.trim() || contact.member.id,
              contact,
            },
          ]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A member's name from the signed directory, or the bare id when it does not know them. */
export function memberName(id: string, members: readonly SignedMember[]): string {
  return members.find((member) => member.id === id)?.name ?? id;
}
