// Who is who in the crisis room, from the signed directory alone. A LiveKit token proves only that
// someone got a token; the name shown is the one the organisation signed for that identity.
import type { Contact } from '../../domain/contact.js';

/** A crisis-cell member of the signed directory: their LiveKit identity and their name. */
export interface DirectoryMember {
  id: string;
  displayName: string;
}

/** How a participant is shown. */
export interface ParticipantNaming {
  /** The signed directory's name, or the bare identity when the directory does not know it. */
  name: string;
  /** Whether the identity is a member of the signed directory. */
  verified: boolean;
}

/** The members of the signed directory: kit contacts carrying a member identity. */
export function directoryMembersOf(contacts: readonly Contact[]): DirectoryMember[] {
  return contacts.flatMap((contact) =>
    contact.origin === 'kit' && contact.member
      ? [{ id: contact.member.id, displayName: contact.displayName }]
      : [],
  );
}

/**
 * The crisis-cell members to reach by phone when the room cannot be: kit contacts only (a contact
 * added on this device is not signed), without this device's own member.
 */
export function cellMembersToCall(contacts: readonly Contact[], selfId?: string): Contact[] {
  return contacts
    .filter(
      (contact) => contact.origin === 'kit' && contact.cellMember && contact.member?.id !== selfId,
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * Names a participant from the signed directory. The identity must match a member id exactly; the
 * name the participant's token carries is never used, since anyone holding a token chooses it. An
 * unknown identity is shown as it is and flagged unverified; so is a member listed without a name.
 */
export function nameParticipant(
  identity: string,
  members: readonly DirectoryMember[],
): ParticipantNaming {
  const member = members.find((candidate) => candidate.id === identity);
  const name = member?.displayName.trim();
  return member && name ? { name, verified: true } : { name: identity, verified: false };
}
