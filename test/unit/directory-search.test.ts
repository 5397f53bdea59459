import { expect } from '@open-wc/testing';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../src/domain/crisis-roles.js';
import type { Contact } from '../../src/domain/contact.js';
import {
  buildDirectoryIndex,
  layoutParts,
  reindexDirectory,
  restoreLayout,
  updateDirectoryIndex,
  type DirectoryIndex,
} from '../../src/features/directory/search-index.js';
import {
  compareContacts,
  indexSignature,
  normalizeForSearch,
} from '../../src/features/directory/search-words.js';
import {
  linearSearch,
  linearSearchDirectory,
  prepareLinearDirectory,
} from '../../src/features/directory/linear-search.js';
import { searchDirectory, searchDirectoryRanks } from '../../src/features/directory/search.js';
import { generateDirectory, makeContact } from '../fixtures/directory.js';
import { createRandom, type Random } from '../fixtures/random.js';

const dupont = makeContact({
  id: 'dupont',
  givenName: 'Jean',
  familyName: 'Dupont',
  organisation: 'Mairie de Saint-Martin-d’Hères',
  service: 'DGS',
  jobTitle: 'Directeur général des services',
  roles: ['decideur'],
  phones: [{ kind: 'mobile', number: '+33 6 12 34 56 78' }],
});
const dupontMoreau = makeContact({
  id: 'dupont-moreau',
  givenName: 'Marie-Hélène',
  familyName: 'Dupont-Moreau',
  organisation: 'Mairie de Saint-Martin-d’Hères',
  service: 'Communication',
  roles: ['communication'],
  phones: [{ kind: 'work', number: '0033612345678' }],
});
const fontaine = makeContact({
  id: 'fontaine',
  givenName: 'Jean',
  familyName: 'de La Fontaine',
  organisation: 'Préfecture de l’Isère',
  service: 'SIDPC',
  roles: ['technique', 'main_courante'],
  phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
});
const eloiseAccented = makeContact({
  id: 'eloise-accented',
  givenName: 'Éloïse',
  familyName: 'Martin',
  phones: [{ kind: 'work', number: '01 23 45 67 89' }],
});
const eloisePlain = makeContact({ id: 'eloise-plain', givenName: 'Eloise', familyName: 'Bernard' });
const sdis = makeContact({
  id: 'sdis',
  givenName: 'Loïc',
  familyName: 'Le Goff',
  organisation: 'SDIS 38',
  service: 'CTA-CODIS',
  phones: [{ kind: 'radio', number: 'ISSI 2041337' }],
});
const hostile = makeContact({
  id: 'hostile',
  givenName: '<img src=x onerror=alert(1)>',
  familyName: '',
  notes: '<script>alert(1)</script>',
});

const small = [dupont, dupontMoreau, fontaine, eloiseAccented, eloisePlain, sdis, hostile];

function ids(contacts: readonly Contact[]): string[] {
  return contacts.map((contact) => contact.id);
}

/** Runs a query on the index and checks the linear baseline agrees, so both are exercised. */
function search(index: DirectoryIndex, contacts: readonly Contact[], query: string): string[] {
  const found = ids(searchDirectory(index, query));
  expect(ids(linearSearchDirectory(contacts, query)), `baseline for "${query}"`).to.deep.equal(
    found,
  );
  return found;
}

describe('normalizeForSearch', () => {
  it('removes accents and case, spells out ligatures and turns punctuation into spaces', () => {
    expect(normalizeForSearch('Saint-Martin-d’Hères')).to.equal('saint martin d heres');
    expect(normalizeForSearch('ÉLOÏSE Noël')).to.equal('eloise noel');
    expect(normalizeForSearch('ŒUVRE Cœur Lætitia Straße')).to.equal(
      'oeuvre coeur laetitia strasse',
    );
    expect(normalizeForSearch("  L'Haÿ-les-Roses !  ")).to.equal('l hay les roses');
    expect(normalizeForSearch('François, CH (Évry) / DSI')).to.equal('francois ch evry dsi');
  });
});

describe('searchDirectory semantics', () => {
  let index: DirectoryIndex;
  before(() => {
    index = buildDirectoryIndex(small);
  });
  const find = (query: string) => search(index, small, query);

  it('ignores accents and case in both directions', () => {
    expect(find('eloise')).to.have.members(['eloise-accented', 'eloise-plain']);
    expect(find('ÉLOÏSE')).to.have.members(['eloise-accented', 'eloise-plain']);
    expect(find('Eloï')).to.have.members(['eloise-accented', 'eloise-plain']);
    expect(find('HÉLÈNE')).to.deep.equal(['dupont-moreau']);
  });

  it('matches word prefixes, not infixes', () => {
    expect(find('dup')).to.have.members(['dupont', 'dupont-moreau']);
    expect(find('ont')).to.deep.equal([]);
    expect(find('oise')).to.deep.equal([]);
    expect(find('moreau')).to.deep.equal(['dupont-moreau']);
  });

  it('requires every query word to match some word of the contact, in any order', () => {
    expect(find('jean fon')).to.deep.equal(['fontaine']);
    expect(find('fon jean')).to.deep.equal(['fontaine']);
    expect(find('jean')).to.have.members(['dupont', 'fontaine']);
    expect(find('jean moreau')).to.deep.equal([]);
  });

  it('handles particles, hyphens and elisions as people type them', () => {
    expect(find('de la')).to.deep.equal(['fontaine']);
    expect(find('de la fontaine')).to.deep.equal(['fontaine']);
    expect(find('le goff')).to.deep.equal(['sdis']);
    expect(find('marie-hélène')).to.deep.equal(['dupont-moreau']);
    // Compounds are also indexed glued together.
    expect(find('dupontmoreau')).to.deep.equal(['dupont-moreau']);
    expect(find('dheres')).to.have.members(['dupont', 'dupont-moreau']);
    expect(find('d’hères')).to.have.members(['dupont', 'dupont-moreau']);
  });

  it('matches organisation, service and job title', () => {
    expect(find('dgs mai')).to.deep.equal(['dupont']);
    expect(find('saint martin')).to.have.members(['dupont', 'dupont-moreau']);
    expect(find('préfecture isère')).to.deep.equal(['fontaine']);
    expect(find('directeur general')).to.deep.equal(['dupont']);
    expect(find('codis')).to.deep.equal(['sdis']);
  });

  it('matches crisis roles by id and by French and English name', () => {
    for (const query of ['decideur', 'décideur', 'DÉCID', 'decision-maker', 'decision maker']) {
      expect(find(query), query).to.deep.equal(['dupont']);
    }
    for (const query of ['technique', 'technical', 'tech']) {
      expect(find(query), query).to.deep.equal(['fontaine']);
    }
    for (const query of ['main courante', 'main_courante', 'log keeper']) {
      expect(find(query), query).to.deep.equal(['fontaine']);
    }
    // "communication" is a role of one contact and the service of the same one.
    expect(find('communication')).to.deep.equal(['dupont-moreau']);
  });

  it('finds a French number written in any form from any form of the query', () => {
    const sameNumber = ['dupont', 'dupont-moreau', 'fontaine'];
    for (const query of [
      '0612',
      '612 34',
      '+33612',
      '+33 6 12 34',
      '06.12.34',
      '0033 6 12',
      '(0)6-12',
    ]) {
      expect(find(query), query).to.have.members(sameNumber);
    }
    expect(find('01 23 45')).to.deep.equal(['eloise-accented']);
    expect(find('+33 1 23')).to.deep.equal(['eloise-accented']);
    expect(find('0123456789')).to.deep.equal(['eloise-accented']);
    expect(find('2041337')).to.deep.equal(['sdis']);
    expect(find('0699')).to.deep.equal([]);
  });

  it('needs both the name and the number in a mixed query', () => {
    expect(find('dupont 0612')).to.have.members(['dupont', 'dupont-moreau']);
    expect(find('jean 0612')).to.have.members(['dupont', 'fontaine']);
    expect(find('eloise 0612')).to.deep.equal([]);
    expect(find('dupont 0123')).to.deep.equal([]);
  });

  it('searches phones from 2 digits only; one digit matches word prefixes only', () => {
    // "3" is in every number above, but a single digit would narrow nothing while typing.
    expect(find('3')).to.deep.equal(['sdis']);
    expect(find('6')).to.deep.equal([]);
    // From 2 digits, a number is both a word prefix ("SDIS 38") and a phone fragment.
    expect(find('sdis 38')).to.deep.equal(['sdis']);
    expect(find('06')).to.have.members(['dupont', 'dupont-moreau', 'fontaine']);
  });

  it('returns everything, in order, for an empty or blank query', () => {
    const everyone = ids([...small].sort(compareContacts));
    expect(ids(searchDirectory(index, ''))).to.deep.equal(everyone);
    expect(ids(searchDirectory(index, '   '))).to.deep.equal(everyone);
    expect(ids(searchDirectory(index, ' - , '))).to.deep.equal(everyone);
    expect(ids(index.contacts)).to.deep.equal(everyone);
  });

  it('honours the limit', () => {
    const all = searchDirectory(index, '');
    expect(searchDirectory(index, '', 2)).to.deep.equal(all.slice(0, 2));
    expect(searchDirectory(index, 'jean', 1)).to.deep.equal(
      searchDirectory(index, 'jean').slice(0, 1),
    );
    expect(searchDirectory(index, 'jean', 0)).to.deep.equal([]);
    expect(searchDirectory(index, 'jean', 1.5)).to.have.length(1);
    expect(searchDirectory(index, '0612', 100)).to.have.length(3);
  });

  it('finds markup as text and returns the very same contact, unchanged', () => {
    const before = JSON.stringify(hostile);
    const found = searchDirectory(index, 'img');
    expect(found).to.have.length(1);
    expect(found[0]).to.equal(hostile);
    expect(JSON.stringify(found[0])).to.equal(before);
    expect(ids(searchDirectory(index, 'onerror alert'))).to.deep.equal(['hostile']);
    // Notes are not searched.
    expect(ids(searchDirectory(index, 'script'))).to.deep.equal([]);
  });

  it('neither reorders nor changes the array it indexes', () => {
    const contacts = [...small];
    const snapshot = JSON.stringify(contacts);
    buildDirectoryIndex(contacts);
    expect(JSON.stringify(contacts)).to.equal(snapshot);
  });

  it('keeps a role id it does not know searchable', () => {
    const future = makeContact({
      id: 'future',
      givenName: 'Ada',
      roles: ['cyber_reserve' as CrisisRoleId],
    });
    const contacts = [...small, future];
    expect(search(buildDirectoryIndex(contacts), contacts, 'cyber reserve')).to.deep.equal([
      'future',
    ]);
  });
});

describe('searchDirectory order', () => {
  const named = (id: string, displayName: string, familyName = '', givenName = '') =>
    makeContact({ id, displayName, familyName, givenName });

  it('sorts by display name in French collation order', () => {
    const contacts = [
      named('eric', 'Eric'),
      named('emile', 'Émile'),
      named('eliane', 'Eliane'),
      named('zoe', 'Zoé'),
      named('eloise', 'éloïse'),
    ];
    const index = buildDirectoryIndex(contacts);
    expect(ids(searchDirectory(index, ''))).to.deep.equal([
      'eliane',
      'eloise',
      'emile',
      'eric',
      'zoe',
    ]);
    expect(ids(searchDirectory(index, 'e'))).to.deep.equal(['eliane', 'eloise', 'emile', 'eric']);
    expect(ids(linearSearchDirectory(contacts, 'e'))).to.deep.equal([
      'eliane',
      'eloise',
      'emile',
      'eric',
    ]);
  });

  it('places particles and spaces as the collator does, and numbers numerically', () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    // Spaces are not ignored by the collator: "du Pont" sorts before "Dupont".
    expect(collator.compare('de Gaulle', 'Dupont')).to.be.below(0);
    expect(collator.compare('du Pont', 'Dupont')).to.be.below(0);
    const contacts = [
      named('dupont', 'Dupont'),
      named('gaulle', 'de Gaulle'),
      named('du-pont', 'du Pont'),
      named('poste-10', 'Poste 10'),
      named('poste-2', 'Poste 2'),
    ];
    expect(ids(searchDirectory(buildDirectoryIndex(contacts), ''))).to.deep.equal([
      'gaulle',
      'du-pont',
      'dupont',
      'poste-2',
      'poste-10',
    ]);
  });

  it('breaks ties on display name by family name, given name, then id', () => {
    const contacts = [
      named('b', 'J. Martin', 'Martin', 'Jean'),
      named('c', 'J. MARTIN', 'Martin', 'Jacques'),
      named('a', 'J. Martin', 'Martin', 'Jean'),
      named('d', 'J. Martin', 'Dupont', 'Jean'),
    ];
    expect(ids(searchDirectory(buildDirectoryIndex(contacts), 'martin'))).to.deep.equal([
      'd',
      'c',
      'a',
      'b',
    ]);
  });
});

describe('updateDirectoryIndex', () => {
  it('gives the same index as a rebuild, and leaves the old index as it was', () => {
    const contacts = generateDirectory(300, 3);
    const index = buildDirectoryIndex(contacts);
    const before = ids(searchDirectory(index, 'ma'));
    const renamed = { ...contacts[10], displayName: 'Aaron Zythum', givenName: 'Aaron' };
    const added = makeContact({ id: 'added', givenName: 'Maëlys', familyName: 'Abadie' });
    const removed = [contacts[20].id, contacts[21].id];
    const updated = updateDirectoryIndex(index, { upsert: [renamed, added], remove: removed });

    const expected = contacts
      .filter((contact) => !removed.includes(contact.id))
      .map((contact) => (contact.id === renamed.id ? renamed : contact))
      .concat(added);
    const rebuilt = buildDirectoryIndex(expected);
    expect(ids(updated.contacts)).to.deep.equal(ids(rebuilt.contacts));
    for (const query of [
      '',
      'ma',
      'aaron',
      'zyt',
      'mae aba',
      '06',
      'mairie dgs',
      contacts[20].givenName,
    ]) {
      expect(ids(searchDirectory(updated, query)), query).to.deep.equal(
        ids(searchDirectory(rebuilt, query)),
      );
    }
    expect(ids(searchDirectory(updated, 'aaron zyt'))).to.deep.equal([renamed.id]);
    expect(ids(searchDirectory(index, 'ma'))).to.deep.equal(before);
    expect(ids(searchDirectory(index, 'aaron zyt'))).to.deep.equal([]);
  });
});

/** A word as written in one of the contact's searchable fields, for building queries. */
function writtenWord(random: Random, contact: Contact): string {
  const fields = [
    contact.givenName,
    contact.familyName,
    contact.displayName,
    contact.organisation,
    contact.service,
    contact.jobTitle,
    ...contact.roles.flatMap((role) => [ROLE_NAMES[role].fr, ROLE_NAMES[role].en]),
  ].filter((field) => field.trim() !== '');
  const words = random
    .pick(fields)
    .split(/[\s’'-]+/)
    .filter((word) => word !== '');
  return random.pick(words);
}

/** How a person might type a word: a prefix, sometimes in capitals or without accents. */
function typed(random: Random, word: string): string {
  const prefix = word.slice(0, random.int(1, word.length));
  const roll = random.next();
  if (roll < 0.2) return prefix.toUpperCase();
  if (roll < 0.4) return prefix.normalize('NFD').replace(/\p{M}/gu, '');
  return prefix;
}

/** A fragment of one of the contact's numbers, as written or in another French form. */
function phoneFragment(random: Random, contact: Contact): string {
  if (contact.phones.length === 0) return String(random.int(10, 99));
  const written = random.pick(contact.phones).number;
  const digits = written.replace(/\D/g, '');
  const national = /^(?:00)?33(\d{9})$/.exec(digits);
  const source =
    national && random.chance(0.5) ? `0${national[1]}` : random.chance(0.5) ? written : digits;
  const start = random.int(0, Math.max(0, source.length - 3));
  return source.slice(start, start + random.int(2, 8));
}

function randomQuery(random: Random, contacts: readonly Contact[]): string {
  const contact = random.pick(contacts);
  const other = random.pick(contacts);
  switch (random.int(0, 9)) {
    case 0:
    case 1:
      return typed(random, writtenWord(random, contact));
    case 2:
    case 3:
      return `${typed(random, writtenWord(random, contact))} ${typed(random, writtenWord(random, contact))}`;
    case 4:
      return `${typed(random, writtenWord(random, contact))} ${typed(random, writtenWord(random, other))}`;
    case 5:
    case 6:
      return phoneFragment(random, contact);
    case 7:
      return `${typed(random, writtenWord(random, contact))} ${phoneFragment(random, contact)}`;
    case 8: {
      const role = ROLE_NAMES[random.pick(CRISIS_ROLES)];
      return typed(random, random.chance(0.5) ? role.fr : role.en);
    }
    default:
      return random.pick(['', ' ', 'e', 'zzq', '0', '6', 'de', 'mairie de', '+33', '-', 'ch dsi']);
  }
}

describe('searchDirectory against the linear baseline', () => {
  it('returns exactly the baseline results, in the same order, on 200 random queries over 5,000 contacts', function () {
    this.timeout(120_000);
    const contacts = generateDirectory(5000, 11);
    const index = buildDirectoryIndex(contacts);
    const random = createRandom(2024);
    let nonEmpty = 0;
    let several = 0;
    let narrow = 0;
    for (let i = 0; i < 200; i++) {
      const query = randomQuery(random, contacts);
      const expected = ids(linearSearchDirectory(contacts, query));
      expect(ids(searchDirectory(index, query)), `query "${query}"`).to.deep.equal(expected);
      expect(ids(searchDirectory(index, query, 7)), `query "${query}", limit 7`).to.deep.equal(
        expected.slice(0, 7),
      );
      if (expected.length > 0) nonEmpty++;
      if (expected.length > 1) several++;
      if (expected.length > 0 && expected.length < 50) narrow++;
    }
    // The queries must exercise matching and ordering, not agree on empty lists.
    expect(nonEmpty).to.be.above(150);
    expect(several).to.be.above(100);
    expect(narrow).to.be.above(40);
  });
});

describe('searchDirectoryRanks', () => {
  it('gives the ranks of what searchDirectory returns', () => {
    const contacts = generateDirectory(300, 4);
    const index = buildDirectoryIndex(contacts);
    for (const query of ['', ' ', 'ma', 'mairie dgs', '06', '06 12', 'zzq', 'e']) {
      for (const limit of [Infinity, 5, 0]) {
        const ranks = Array.from(searchDirectoryRanks(index.layout, query, limit));
        expect(
          ranks.map((rank) => index.contacts[rank]),
          `"${query}", limit ${limit}`,
        ).to.deep.equal(searchDirectory(index, query, limit));
      }
    }
  });

  it('keeps its results when the next search reuses the scratch space', () => {
    const index = buildDirectoryIndex(generateDirectory(300, 4));
    const first = searchDirectoryRanks(index.layout, 'ma');
    const copy = Array.from(first);
    searchDirectoryRanks(index.layout, 'du');
    expect(Array.from(first)).to.deep.equal(copy);
  });
});

describe('a stored layout', () => {
  it('searches exactly as the index it was stored from, once cloned and restored', () => {
    const contacts = generateDirectory(500, 12);
    const index = buildDirectoryIndex(contacts);
    const restored: DirectoryIndex = {
      contacts: index.contacts,
      layout: restoreLayout(structuredClone(layoutParts(index.layout))),
    };
    const random = createRandom(77);
    for (let i = 0; i < 100; i++) {
      const query = randomQuery(random, contacts);
      expect(ids(searchDirectory(restored, query)), query).to.deep.equal(
        ids(searchDirectory(index, query)),
      );
    }
  });
});

describe('reindexDirectory', () => {
  it('gives the index a rebuild gives, whatever changed', () => {
    const before = generateDirectory(400, 13);
    const index = buildDirectoryIndex(before);
    const signatures = index.contacts.map(indexSignature);
    const ids0 = ids(index.contacts);
    const renamed = { ...before[3], displayName: 'Aaron Zythum', givenName: 'Aaron' };
    const rephoned = {
      ...before[4],
      phones: [{ kind: 'mobile' as const, number: '07 99 88 77 66' }],
    };
    const noted = {
      ...before[5],
      notes: 'Astreinte le week-end',
      cellMember: !before[5].cellMember,
    };
    const added = makeContact({ givenName: 'Maëlys', familyName: 'Abadie' });
    const after = before
      .filter((_, i) => i !== 30)
      .map((contact) =>
        contact.id === renamed.id ? renamed : contact.id === rephoned.id ? rephoned : contact,
      )
      .map((contact) => (contact.id === noted.id ? noted : contact))
      .concat(added);

    const { index: reindexed, changed } = reindexDirectory(
      index.layout,
      ids0,
      after,
      (rank, contact) => signatures[rank] === indexSignature(contact),
    );
    // Renamed, new number, added, removed; the notes and the cell flag are not indexed.
    expect(changed).to.equal(4);
    const rebuilt = buildDirectoryIndex(after);
    expect(ids(reindexed.contacts)).to.deep.equal(ids(rebuilt.contacts));
    for (const query of ['', 'aaron zyt', '0799', 'mae aba', 'ma', before[30].familyName]) {
      expect(ids(searchDirectory(reindexed, query)), query).to.deep.equal(
        ids(searchDirectory(rebuilt, query)),
      );
    }
    // The contacts are the ones given, the edited one included.
    expect(reindexed.contacts.find((contact) => contact.id === noted.id)).to.equal(noted);
  });

  it('reuses the layout when nothing indexed changed', () => {
    const contacts = generateDirectory(100, 14);
    const index = buildDirectoryIndex(contacts);
    const signatures = index.contacts.map(indexSignature);
    const shuffled = [...contacts].reverse();
    const { index: same, changed } = reindexDirectory(
      index.layout,
      ids(index.contacts),
      shuffled,
      (rank, contact) => signatures[rank] === indexSignature(contact),
    );
    expect(changed).to.equal(0);
    expect(same.layout).to.equal(index.layout);
    expect(ids(same.contacts)).to.deep.equal(ids(index.contacts));
  });
});

describe('indexSignature', () => {
  it('changes with every field the index reads, and with no other', () => {
    const contact = dupont;
    const base = indexSignature(contact);
    const indexed: Partial<Contact>[] = [
      { id: 'other' },
      { givenName: 'Jeanne' },
      { familyName: 'Dupond' },
      { displayName: 'J. Dupont' },
      { organisation: 'Préfecture' },
      { service: 'SIDPC' },
      { jobTitle: 'Chef de cabinet' },
      { roles: ['communication'] },
      { phones: [{ kind: 'mobile', number: '06 00 00 00 00' }] },
    ];
    for (const change of indexed) {
      expect(indexSignature({ ...contact, ...change }), JSON.stringify(change)).to.not.equal(base);
    }
    const ignored: Partial<Contact>[] = [
      { emails: ['jean.dupont@example.org'] },
      { notes: 'Astreinte' },
      { groups: ['élus'] },
      { cellMember: !contact.cellMember },
      { origin: contact.origin === 'kit' ? 'local' : 'kit' },
      { updatedAt: '2030-01-01T00:00:00.000Z' },
      { phones: [{ kind: 'work', number: '+33 6 12 34 56 78' }] },
    ];
    for (const change of ignored) {
      expect(indexSignature({ ...contact, ...change }), JSON.stringify(change)).to.equal(base);
    }
  });
});

describe('linearSearch', () => {
  it('prepares once and gives the same results at every search', () => {
    const contacts = generateDirectory(300, 15);
    const prepared = prepareLinearDirectory(contacts);
    const index = buildDirectoryIndex(contacts);
    for (const query of ['', 'ma', 'mairie dgs', '06 1', 'zzq']) {
      expect(ids(linearSearch(prepared, query)), query).to.deep.equal(
        ids(searchDirectory(index, query)),
      );
    }
  });
});
