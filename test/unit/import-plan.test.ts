import { expect } from '@open-wc/testing';
import type { Contact } from '../../src/domain/contact.js';
import {
  directoryBasis,
  importWrites,
  planImport,
  type ImportPlan,
} from '../../src/domain/contact-files/import-plan.js';
import { nameKey, phoneKey } from '../../src/domain/contact-files/match-keys.js';
import { generateDirectory, makeContact, signedMayor } from '../fixtures/directory.js';

/** A contact as a file gives it, or as this device holds it: local, with an id of its own. */
function row(fields: Partial<Contact> = {}): Contact {
  return makeContact({ origin: 'local', ...fields });
}

function mobile(number: string) {
  return [{ kind: 'mobile' as const, number }];
}

function statuses(plan: ImportPlan): string[] {
  return plan.rows.map((r) => r.status);
}

describe('import plan: keys', () => {
  it('reads a French number in every way it is written as the same E.164 digits', () => {
    for (const written of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '+33612345678',
      '0033 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
    ]) {
      expect(phoneKey(written), written).to.equal('+33612345678');
    }
    expect(phoneKey('+44 20 7946 0958')).to.equal('+442079460958');
    expect(phoneKey('ISSI 1234567')).to.equal('1234567');
    // Short numbers belong to nobody in particular.
    expect(phoneKey('112')).to.equal(undefined);
    expect(phoneKey('3114')).to.equal(undefined);
  });

  it('ignores case, accents, punctuation and word order in names', () => {
    const key = nameKey('Hélène Lefèvre');
    for (const name of [
      'HELENE LEFEVRE',
      'LEFÈVRE Hélène',
      'Lefèvre, Hélène',
      ' hélène  lefevre ',
    ]) {
      expect(nameKey(name), name).to.equal(key);
    }
    expect(nameKey('Œnone Cœur')).to.equal(nameKey('Oenone Coeur'));
    expect(nameKey('Hélène Lefebvre')).not.to.equal(key);
  });
});

describe('import plan', () => {
  it('adds contacts nobody has, and skips those already there with nothing new', () => {
    const paul = row({ givenName: 'Paul', familyName: 'Durand', phones: mobile('06 11 11 11 11') });
    const plan = planImport(
      [row({ givenName: 'Anne', familyName: 'Roux' }), { ...paul, id: 'other-id' }],
      [paul],
    );
    expect(statuses(plan)).to.deep.equal(['new', 'same']);
    expect(plan.rows[1].match?.id).to.equal(paul.id);
    expect(plan.rows[1].reason).to.equal('name');
    expect(plan.counts).to.deep.equal({ new: 1, same: 1, repeated: 0, signed: 0, localMatches: 0 });
    const writes = importWrites(plan, new Map());
    expect(writes.contacts.map((c) => c.displayName)).to.deep.equal(['Anne Roux']);
    expect(writes).to.include({ added: 1, merged: 0, skipped: 1 });
  });

  it('never imports a copy of a signed contact, whatever its case, accents, order or id', () => {
    const mayor = signedMayor();
    const copies = [
      row({ displayName: 'HELENE LEFEVRE' }),
      row({ givenName: 'Hélène', familyName: 'Lefèvre', id: 'another-uid' }),
      row({ displayName: 'Lefèvre, Hélène', phones: mobile('06 99 99 99 99') }),
      row({ displayName: 'Helene lefevre', emails: ['helene@perso.example'] }),
    ];
    for (const copy of copies) {
      const plan = planImport([copy], [mayor]);
      expect(plan.rows[0].status, copy.displayName).to.equal('signed-duplicate');
      expect(plan.rows[0].match?.id).to.equal(mayor.id);
      expect(plan.rows[0].reason).to.equal('name');
      expect(importWrites(plan, new Map()).contacts, copy.displayName).to.deep.equal([]);
    }
    // What the row adds is listed as not imported: the kit's contacts are read-only.
    const extra = planImport([copies[2]], [mayor]).rows[0];
    expect(extra.notImported?.phones.map((p) => p.number)).to.deep.equal(['06 99 99 99 99']);
    const email = planImport([copies[3]], [mayor]).rows[0];
    expect(email.notImported?.emails).to.deep.equal(['helene@perso.example']);
  });

  it('recognises the signed mayor by her id, or by her number under another name', () => {
    const mayor = signedMayor();
    const byId = planImport([row({ id: mayor.id, displayName: 'Madame le Maire' })], [mayor]);
    expect(byId.rows[0]).to.include({ status: 'signed-duplicate', reason: 'id' });
    for (const number of ['06 12 34 56 78', '+33 (0)6 12 34 56 78', '0033612345678']) {
      const byPhone = planImport(
        [row({ displayName: 'H. Lefèvre', phones: [{ kind: 'work', number }] })],
        [mayor],
      );
      expect(byPhone.rows[0], number).to.include({ status: 'signed-duplicate', reason: 'phone' });
    }
  });

  it('does not let a copy through because an unsigned copy of her is already on the device', () => {
    // The tester's directory: the kit's mayor and the unsigned copy an earlier import made.
    const mayor = signedMayor();
    const oldCopy = row({
      givenName: 'Hélène',
      familyName: 'Lefèvre',
      phones: mobile('06 12 34 56 78'),
    });
    const plan = planImport(
      [
        row({ id: oldCopy.id, displayName: 'Hélène LEFÈVRE', emails: ['x@example.org'] }),
        row({ displayName: 'H. L.', phones: mobile('+33612345678') }),
      ],
      [oldCopy, mayor],
    );
    // A kit name beats a local id; a number the mayor and her copy share is still hers.
    expect(plan.rows[0]).to.include({ status: 'signed-duplicate', reason: 'name' });
    expect(plan.rows[0].match?.origin).to.equal('kit');
    expect(plan.rows[1].status).to.equal('signed-duplicate');
    expect(plan.rows[1].match?.origin).to.equal('kit');
    expect(importWrites(plan, new Map()).contacts).to.deep.equal([]);
  });

  it('matches a row named like one contact and holding another’s number to the named one', () => {
    const paul = row({ givenName: 'Paul', familyName: 'Durand', phones: mobile('06 11 11 11 11') });
    const claire = row({
      givenName: 'Claire',
      familyName: 'Martin',
      phones: mobile('06 22 22 22 22'),
    });
    const plan = planImport(
      [row({ givenName: 'Paul', familyName: 'Durand', phones: mobile('+33622222222') })],
      [claire, paul],
    );
    expect(plan.rows[0]).to.include({ status: 'local-match', reason: 'name' });
    expect(plan.rows[0].match?.id).to.equal(paul.id);
    expect(plan.rows[0].merge?.contact.id).to.equal(paul.id);

    // The same when the number is a signed contact's: the name decides, nothing is shadowed.
    const mayor = signedMayor({ phones: [{ kind: 'work', number: '01 23 45 67 89' }] });
    const withKitNumber = planImport(
      [
        row({
          givenName: 'Paul',
          familyName: 'Durand',
          phones: [{ kind: 'work', number: '01 23 45 67 89' }],
        }),
      ],
      [mayor, paul],
    );
    expect(withKitNumber.rows[0]).to.include({ status: 'local-match', reason: 'name' });
    expect(withKitNumber.rows[0].match?.id).to.equal(paul.id);
  });

  it('merges a local match by default: lists united, empty fields filled, others kept', () => {
    const local = row({
      givenName: 'Paul',
      familyName: 'Durand',
      service: 'Voirie',
      phones: mobile('06 11 11 11 11'),
      groups: ['Astreinte'],
    });
    const imported = row({
      displayName: 'DURAND Paul',
      organisation: 'Mairie de Saint-Martin',
      service: 'Espaces verts',
      roles: ['technique'],
      phones: [
        { kind: 'mobile', number: '+33611111111' },
        { kind: 'work', number: '+33122222222' },
      ],
      emails: ['paul.durand@saint-martin.example'],
      groups: ['astreinte', 'Cellule de crise'],
      cellMember: true,
    });
    const plan = planImport([imported], [local]);
    const match = plan.rows[0];
    expect(match.status).to.equal('local-match');
    const { contact, changes } = match.merge!;
    expect(contact.id).to.equal(local.id);
    expect(contact.displayName).to.equal('Paul Durand');
    expect(contact.phones.map((p) => p.number)).to.deep.equal(['06 11 11 11 11', '+33122222222']);
    expect(contact.emails).to.deep.equal(['paul.durand@saint-martin.example']);
    expect(contact.groups).to.deep.equal(['Astreinte', 'Cellule de crise']);
    expect(contact.roles).to.deep.equal(['technique']);
    expect(contact.organisation).to.equal('Mairie de Saint-Martin');
    expect(contact.service).to.equal('Voirie');
    expect(contact.cellMember).to.equal(true);
    expect(changes.filled).to.deep.equal(['organisation']);
    expect(changes.kept).to.deep.equal(['service']);
    expect(changes.cellMember).to.equal(true);

    const merged = importWrites(plan, new Map());
    expect(merged).to.include({ added: 0, merged: 1, skipped: 0 });
    expect(merged.contacts).to.deep.equal([contact]);

    const skipped = importWrites(plan, new Map([[0, 'skip']]));
    expect(skipped).to.include({ added: 0, merged: 0, skipped: 1 });
    expect(skipped.contacts).to.deep.equal([]);

    const added = importWrites(plan, new Map([[0, 'add']]));
    expect(added).to.include({ added: 1, merged: 0, skipped: 0 });
    expect(added.contacts[0].id).not.to.equal(local.id);
    expect(added.contacts[0].displayName).to.equal('DURAND Paul');
  });

  it('stops a merged list at its bound and says how much was left out', () => {
    const numbers = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        kind: 'work' as const,
        number: `01 40 00 00 ${from + i}`,
      }));
    const local = row({ displayName: 'Paul Durand', phones: numbers(10, 19) });
    const plan = planImport([row({ displayName: 'Paul Durand', phones: numbers(50, 3) })], [local]);
    const { contact, changes } = plan.rows[0].merge!;
    expect(contact.phones).to.have.length(20);
    expect(changes.phones.map((p) => p.number)).to.deep.equal(['01 40 00 00 50']);
    expect(changes.leftOut).to.equal(2);

    const full = row({ displayName: 'Paul Durand', phones: numbers(10, 20) });
    const nothingFits = planImport(
      [row({ displayName: 'Paul Durand', phones: numbers(50, 1) })],
      [full],
    );
    expect(nothingFits.rows[0].status).to.equal('same');
  });

  it('gives a contact added apart a new id when the file gave it the matched one', () => {
    const local = row({ displayName: 'Paul Durand' });
    const plan = planImport(
      [row({ id: local.id, displayName: 'Paul D.', notes: 'Astreinte' })],
      [local],
    );
    expect(plan.rows[0]).to.include({ status: 'local-match', reason: 'id' });
    const [added] = importWrites(plan, new Map([[0, 'add']])).contacts;
    expect(added.id).not.to.equal(local.id);
  });

  it('treats a number held by differently named people as a switchboard that identifies no one', () => {
    const switchboard = '01 40 00 00 00';
    const accueil = row({
      displayName: 'Accueil mairie',
      phones: [{ kind: 'work', number: switchboard }],
    });
    const standard = row({
      displayName: 'Standard',
      phones: [{ kind: 'work', number: '+33 1 40 00 00 00' }],
    });
    const alone = planImport(
      [row({ displayName: 'Agent d’accueil', phones: [{ kind: 'work', number: '0140000000' }] })],
      [accueil, standard],
    );
    expect(statuses(alone)).to.deep.equal(['new']);

    // A staff list giving everyone the switchboard: not one person, not folded into "Accueil".
    const staff = ['Anne Roux', 'Marc Petit', 'Léa Blanc'].map((displayName) =>
      row({ displayName, phones: [{ kind: 'work', number: switchboard }] }),
    );
    const plan = planImport(staff, [accueil]);
    expect(statuses(plan)).to.deep.equal(['new', 'new', 'new']);
    expect(importWrites(plan, new Map()).added).to.equal(3);
  });

  it('never matches on a short number', () => {
    const samu = row({ displayName: 'SAMU', phones: [{ kind: 'work', number: '15' }] });
    const plan = planImport(
      [row({ displayName: 'Urgences', phones: [{ kind: 'work', number: '15' }] })],
      [samu],
    );
    expect(statuses(plan)).to.deep.equal(['new']);
  });

  it('imports the same person twice in the file once, folding the later rows into the first', () => {
    const plan = planImport(
      [
        row({ givenName: 'Anne', familyName: 'Roux', phones: mobile('06 55 55 55 55') }),
        row({ displayName: 'Marc Petit' }),
        row({ displayName: 'ROUX Anne', emails: ['anne.roux@example.org'] }),
        row({ displayName: 'A. Roux', phones: mobile('+33655555555') }),
      ],
      [],
    );
    expect(statuses(plan)).to.deep.equal(['new', 'new', 'same', 'same']);
    expect(plan.rows[2].repeatOf).to.equal(0);
    expect(plan.rows[3].repeatOf).to.equal(0);
    expect(plan.rows[0].repeats).to.deep.equal([2, 3]);
    expect(plan.counts).to.deep.equal({ new: 2, same: 0, repeated: 2, signed: 0, localMatches: 0 });
    const writes = importWrites(plan, new Map());
    expect(writes).to.include({ added: 2, merged: 0, skipped: 2 });
    const anne = writes.contacts.find((c) => c.displayName === 'Anne Roux')!;
    expect(anne.emails).to.deep.equal(['anne.roux@example.org']);
    expect(anne.phones).to.have.length(1);
  });

  it('folds rows that only the directory ties together into one merge', () => {
    const marc = row({ displayName: 'Marc Petit', phones: mobile('06 77 77 77 77') });
    const plan = planImport(
      [
        row({ displayName: 'Marc Petit', emails: ['marc@example.org'] }),
        row({
          displayName: 'M. Petit',
          phones: [
            { kind: 'work', number: '01 77 77 77 77' },
            { kind: 'mobile', number: '0677777777' },
          ],
        }),
      ],
      [marc],
    );
    expect(statuses(plan)).to.deep.equal(['local-match', 'same']);
    expect(plan.rows[1].repeatOf).to.equal(0);
    const [merged] = importWrites(plan, new Map()).contacts;
    expect(merged.id).to.equal(marc.id);
    expect(merged.emails).to.deep.equal(['marc@example.org']);
    expect(merged.phones.map((p) => p.number)).to.deep.equal(['06 77 77 77 77', '01 77 77 77 77']);
  });

  it('keeps every row of a signed person out, repeated or not', () => {
    const plan = planImport(
      [
        row({ displayName: 'Hélène Lefèvre' }),
        row({
          displayName: 'H. Lefèvre',
          phones: [
            { kind: 'mobile', number: '06 12 34 56 78' },
            { kind: 'home', number: '01 99 99 99 99' },
          ],
        }),
      ],
      [signedMayor()],
    );
    expect(statuses(plan)).to.deep.equal(['signed-duplicate', 'signed-duplicate']);
    expect(plan.rows[1].notImported?.phones.map((p) => p.number)).to.deep.equal(['01 99 99 99 99']);
    expect(plan.counts.signed).to.equal(2);
    expect(importWrites(plan, new Map())).to.deep.include({ contacts: [], skipped: 2 });
  });

  it('counts every row once, as added, merged or skipped', () => {
    const directory = [
      signedMayor(),
      row({ displayName: 'Paul Durand' }),
      row({ displayName: 'Marc Petit' }),
    ];
    const file = [
      row({ displayName: 'Anne Roux' }),
      row({ displayName: 'Anne Roux' }),
      row({ displayName: 'helene lefevre' }),
      row({ displayName: 'Paul Durand', notes: 'Clés du gymnase' }),
      row({ displayName: 'Marc Petit' }),
    ];
    const plan = planImport(file, directory);
    expect(statuses(plan)).to.deep.equal([
      'new',
      'same',
      'signed-duplicate',
      'local-match',
      'same',
    ]);
    const writes = importWrites(plan, new Map());
    expect(writes.added + writes.merged + writes.skipped).to.equal(file.length);
    expect(writes).to.include({ added: 1, merged: 1, skipped: 3 });
  });

  // The machine running the tests is shared, so the time is compared with reading every
  // contact's keys once, measured in the same run (fastest of a few tries each): a plan that
  // looks rows up by key costs a few of those passes, one comparing every row with every
  // contact costs hundreds. The absolute bound only catches the pathological.
  it('records what the directory held, so that the store plans again only after a change', () => {
    const a = row({ displayName: 'Anne Roux' });
    const b = row({ displayName: 'Paul Durand' });
    const plan = planImport([row({ displayName: 'Zoé Ménard' })], [a, b]);
    expect(plan.basis).to.equal(directoryBasis([b, a]));
    expect(plan.basis).not.to.equal(directoryBasis([a]));
    expect(plan.basis).not.to.equal(
      directoryBasis([a, { ...b, updatedAt: '2030-01-01T00:00:00Z' }]),
    );
  });

  it('keeps homonyms apart: a name alone does not make two people one, unless it is a signed contact', () => {
    const roads = row({
      givenName: 'Marie',
      familyName: 'Martin',
      service: 'Voirie',
      phones: mobile('+33611111111'),
    });
    const itDesk = row({
      givenName: 'Marie',
      familyName: 'Martin',
      service: 'DSI',
      phones: mobile('+33622222222'),
    });
    const otherEverything = row({
      givenName: 'Marie',
      familyName: 'Martin',
      phones: mobile('+33633333333'),
      emails: ['m.martin@example.org'],
    });
    // Two in the file: two people.
    expect(statuses(planImport([roads, itDesk], []))).to.deep.equal(['new', 'new']);
    // One on the device, another in the file: not a match to merge into.
    expect(statuses(planImport([itDesk], [roads]))).to.deep.equal(['new']);
    const roadsWithEmail = { ...roads, emails: ['marie.martin@example.org'] };
    expect(statuses(planImport([otherEverything], [roadsWithEmail]))).to.deep.equal(['new']);
    // A new number alone is the same Marie (numbers change hands): merged, keeping both.
    const newNumber = row({
      givenName: 'Marie',
      familyName: 'Martin',
      phones: mobile('+33655555555'),
    });
    expect(statuses(planImport([newNumber], [roads]))).to.deep.equal(['local-match']);
    // The same Marie, with her email added: a match.
    const again = row({
      givenName: 'marie',
      familyName: 'MARTIN',
      service: 'voirie',
      emails: ['marie.martin@example.org'],
    });
    expect(statuses(planImport([again], [roads]))).to.deep.equal(['local-match']);
    // A signed contact's name is never taken, whatever the rest says.
    const mayor = signedMayor();
    const namesake = row({
      givenName: 'Hélène',
      familyName: 'Lefèvre',
      service: 'Piscine',
      phones: mobile('+33644444444'),
    });
    expect(statuses(planImport([namesake], [mayor]))).to.deep.equal(['signed-duplicate']);
  });

  it('plans 1,000 rows against 20,000 contacts (its speed is the bench’s directory.import figures)', () => {
    const directory = generateDirectory(20_000, 3).map((contact, i) =>
      i % 10 === 0 ? { ...contact, origin: 'kit' as const } : contact,
    );
    // Half the file is copied from the directory (names in capitals, other ids), from kit
    // contacts and local ones; half is people nobody has.
    const sources = directory.filter((_, i) => i % 80 === 0 || i % 80 === 5);
    const copied = sources.map((contact) => ({
      ...contact,
      id: crypto.randomUUID(),
      origin: 'local' as const,
      displayName: contact.displayName.toUpperCase(),
    }));
    const fresh = generateDirectory(500, 4).map((contact, i) => {
      const familyName = `Zz${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`;
      return {
        ...contact,
        familyName,
        displayName: `${contact.givenName} ${familyName}`,
        phones: mobile(`+4179${1_000_000 + i}`),
      };
    });
    const file = [...copied, ...fresh];
    expect(file).to.have.length(1000);

    const plan = planImport(file, directory);

    sources.forEach((source, i) => {
      const status = plan.rows[i].status;
      if (source.origin === 'kit') expect(status, source.displayName).to.equal('signed-duplicate');
      else expect(status, source.displayName).not.to.equal('new');
    });
    for (let i = copied.length; i < file.length; i++) expect(plan.rows[i].status).to.equal('new');
    expect(plan.counts.signed).to.be.at.least(250);
    expect(plan.counts.new).to.equal(500);
  });
});
