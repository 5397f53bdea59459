// Who is who in the crisis room: names come from the signed directory only.
import { expect } from '@open-wc/testing';
import {
  cellMembersToCall,
  directoryMembersOf,
  nameParticipant,
} from '../../src/features/call/call-participants.js';
import { emptyContact } from '../../src/domain/contact.js';

const marie = emptyContact({
  displayName: 'Marie Dupont',
  origin: 'kit',
  cellMember: true,
  member: { id: 'marie-dupont', publicKey: 'pk-marie' },
  phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
});
const paul = emptyContact({
  displayName: 'Paul Martin',
  origin: 'kit',
  cellMember: true,
  member: { id: 'paul-martin', publicKey: 'pk-paul' },
});
const kitNonMember = emptyContact({ displayName: 'Standard mairie', origin: 'kit' });
// Added on this device: not signed, even if someone typed a member id into it.
const localImpostor = emptyContact({
  displayName: 'Le Maire (vrai)',
  origin: 'local',
  cellMember: true,
  member: { id: 'le-maire', publicKey: 'pk-fake' },
});

describe('naming participants', () => {
  const members = directoryMembersOf([marie, paul, kitNonMember, localImpostor]);

  it('takes the members of the signed directory only', () => {
    expect(members).to.deep.equal([
      { id: 'marie-dupont', displayName: 'Marie Dupont' },
      { id: 'paul-martin', displayName: 'Paul Martin' },
    ]);
  });

  it('names a member from the directory and marks them verified', () => {
    expect(nameParticipant('marie-dupont', members)).to.deep.equal({
      name: 'Marie Dupont',
      verified: true,
    });
  });

  it('shows an unknown identity as it is, unverified, whatever it claims to be', () => {
    for (const identity of ['le-maire', 'Marie-Dupont', 'marie-dupont ', '', '<b>Marie</b>']) {
      expect(nameParticipant(identity, members), identity).to.deep.equal({
        name: identity,
        verified: false,
      });
    }
  });

  it('does not verify a member listed without a name', () => {
    const nameless = [{ id: 'x-1', displayName: '  ' }];
    expect(nameParticipant('x-1', nameless)).to.deep.equal({ name: 'x-1', verified: false });
  });

  it('offers the signed crisis-cell members to call, sorted, without this device’s member', () => {
    const offered = cellMembersToCall([paul, kitNonMember, localImpostor, marie], 'paul-martin');
    expect(offered.map((contact) => contact.displayName)).to.deep.equal(['Marie Dupont']);
    expect(cellMembersToCall([paul, marie]).map((contact) => contact.displayName)).to.deep.equal([
      'Marie Dupont',
      'Paul Martin',
    ]);
  });
});
