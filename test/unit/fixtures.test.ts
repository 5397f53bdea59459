import { expect } from '@open-wc/testing';
import { CRISIS_ROLES, isCrisisRole } from '../../src/domain/crisis-roles.js';
import { PHONE_KINDS, type Contact } from '../../src/domain/contact.js';
import { normalizeForSearch } from '../../src/features/directory/search-words.js';
import { PHASES, type Playbook } from '../../src/domain/playbook.js';
import {
  FIXTURE_UPDATED_AT,
  cellSize,
  duplicateCount,
  generateDirectory,
} from '../fixtures/directory.js';
import { ITEM_TEXT_LENGTH, generatePlaybook } from '../fixtures/playbook.js';
import { createRandom } from '../fixtures/random.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The significant digits of a French number however it is written, or the digits as written. */
function numberKey(written: string): string {
  const digits = written.replace(/\D/g, '');
  const french = /^(?:0|(?:00)?330?)([1-9]\d{8})$/.exec(digits);
  return french ? french[1] : digits;
}

/** Same person, whatever the case, accents or phone format: the key near-duplicates share. */
function personKey(contact: Contact): string {
  const phones = contact.phones.map((phone) => numberKey(phone.number)).sort();
  return `${normalizeForSearch(`${contact.givenName} ${contact.familyName}`)}|${phones.join(',')}`;
}

/** Everything that makes a playbook invalid against the model, as readable messages. */
function playbookProblems(playbook: Playbook): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const orders = new Map<string, number[]>();
  for (const item of playbook.items) {
    if (seen.has(item.id)) problems.push(`duplicate id ${item.id}`);
    seen.add(item.id);
    if (!(PHASES as readonly string[]).includes(item.phase)) problems.push(`bad phase ${item.id}`);
    if (!isCrisisRole(item.role)) problems.push(`bad role ${item.id}`);
    if (item.level !== 'strategic' && item.level !== 'operational') {
      problems.push(`bad level ${item.id}`);
    }
    for (const language of ['fr', 'en'] as const) {
      const length = item.text[language].length;
      if (length < ITEM_TEXT_LENGTH.min || length > ITEM_TEXT_LENGTH.max) {
        problems.push(`${language} text of ${item.id} has ${length} characters`);
      }
    }
    if (item.source.trim() === '') problems.push(`no source for ${item.id}`);
    if (item.due !== undefined && !/^H\+\d+$/.test(item.due)) problems.push(`bad due ${item.id}`);
    for (const role of item.links?.roles ?? []) {
      if (!isCrisisRole(role)) problems.push(`bad linked role in ${item.id}`);
    }
    const key = `${item.phase}/${item.role}`;
    orders.set(key, [...(orders.get(key) ?? []), item.order]);
  }
  for (const [key, list] of orders) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.some((order, index) => order !== index + 1)) {
      problems.push(`orders of ${key} are not 1…n: ${sorted.join(',')}`);
    }
  }
  const phases = new Set(playbook.items.map((item) => item.phase));
  const roles = new Set(playbook.items.map((item) => item.role));
  for (const phase of PHASES) if (!phases.has(phase)) problems.push(`no item in ${phase}`);
  for (const role of CRISIS_ROLES) if (!roles.has(role)) problems.push(`no item for ${role}`);
  return problems;
}

describe('fixtures: random', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(7)).to.deep.equal(draw(7));
    expect(draw(7)).not.to.deep.equal(draw(8));
  });

  it('keeps int(), pick() and uuid() within their promises', () => {
    const random = createRandom(3);
    const ints = Array.from({ length: 2000 }, () => random.int(-2, 2));
    expect(Math.min(...ints)).to.equal(-2);
    expect(Math.max(...ints)).to.equal(2);
    expect(ints.every(Number.isInteger)).to.be.true;
    expect(['a', 'b']).to.include(random.pick(['a', 'b']));
    expect(() => random.pick([])).to.throw(RangeError);
    expect(random.uuid()).to.match(UUID);
    expect(random.sample([1, 2, 3, 4], 3)).to.have.length(3);
    expect(new Set(random.sample([1, 2, 3, 4], 4)).size).to.equal(4);
  });
});

describe('fixtures: generateDirectory', () => {
  const cache = new Map<string, Contact[]>();
  const directory = (count: number, seed = 1) => {
    const key = `${count}/${seed}`;
    if (!cache.has(key)) cache.set(key, generateDirectory(count, seed));
    return cache.get(key) as Contact[];
  };

  it('is deterministic: same seed, same directory; another seed, another one', () => {
    expect(generateDirectory(500, 1)).to.deep.equal(directory(500, 1));
    expect(generateDirectory(500, 2)).not.to.deep.equal(directory(500, 1));
    expect(generateDirectory(50, 2)[0].id).not.to.equal(directory(50, 1)[0].id);
  });

  it('has exactly the size asked for, with unique UUID-shaped ids', function () {
    this.timeout(30_000);
    for (const count of [0, 1, 9, 10, 50, 500, 5000, 20000]) {
      const contacts = directory(count);
      expect(contacts, `size ${count}`).to.have.length(count);
      expect(new Set(contacts.map((contact) => contact.id)).size, `ids of ${count}`).to.equal(
        count,
      );
      expect(contacts.every((contact) => UUID.test(contact.id))).to.be.true;
    }
  });

  it('produces well-formed local contacts', () => {
    for (const contact of directory(5000)) {
      expect(contact.origin).to.equal('local');
      expect(contact.updatedAt).to.equal(FIXTURE_UPDATED_AT);
      expect(contact.displayName.trim()).not.to.equal('');
      expect(contact.organisation).not.to.equal('');
      expect(contact.service).not.to.equal('');
      expect(contact.jobTitle).not.to.equal('');
      expect(contact.phones.length).to.be.within(1, 5);
      for (const phone of contact.phones) expect(PHONE_KINDS).to.include(phone.kind);
      expect(contact.emails.length).to.be.within(0, 2);
      // Addresses are written without accents, as mail systems require.
      for (const email of contact.emails)
        expect(email).to.match(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+$/);
      expect(contact.roles.every(isCrisisRole)).to.be.true;
      if (contact.cellMember) expect(contact.roles).not.to.be.empty;
    }
  });

  it('has French names with accents, compounds and particles, at every size', () => {
    for (const count of [50, 500, 5000]) {
      const contacts = directory(count);
      const given = contacts.map((contact) => contact.givenName);
      const family = contacts.map((contact) => contact.familyName);
      expect(
        given.some((name) => /[àâäçéèêëîïôöùûüÿœæ]/i.test(name)),
        `${count} accents`,
      ).to.be.true;
      expect(
        given.some((name) => /\p{L}-\p{L}/u.test(name)),
        `${count} compound given`,
      ).to.be.true;
      expect(
        family.some((name) => /^(de|du|de la|le|la|van) |^d’/i.test(name)),
        `${count} particles`,
      ).to.be.true;
    }
    const family = directory(5000).map((contact) => contact.familyName);
    for (const particle of [/^de /, /^du /, /^de la /, /^d’/, /^Le /, /^La /, /^Van /]) {
      expect(
        family.some((name) => particle.test(name)),
        String(particle),
      ).to.be.true;
    }
    expect(
      family.some((name) => /^[A-Z][a-zé]+-[A-Z][a-zé]+$/.test(name)),
      'Dupont-Moreau',
    ).to.be.true;
  });

  it('spreads contacts over the organisations and services of a crisis', () => {
    const contacts = directory(5000);
    const organisations = contacts.map((contact) => contact.organisation);
    for (const kind of [
      /^(Mairie|Ville) /,
      /^(CH|Centre hospitalier|CHU|Hôpital) /,
      /^Préfecture /,
      /^SDIS /,
      /Gendarmerie|gendarmerie/,
    ]) {
      expect(
        organisations.some((name) => kind.test(name)),
        String(kind),
      ).to.be.true;
    }
    const services = new Set(contacts.map((contact) => contact.service));
    for (const service of [
      'DGS',
      'DSI',
      'Communication',
      'État civil',
      'Services techniques',
      'Urgences',
    ]) {
      expect(services, service).to.include(service);
    }
    expect(contacts.filter((contact) => contact.notes !== '').length).to.be.within(500, 1500);
  });

  it('writes phone numbers in the mixed formats of real address books', () => {
    const numbers = directory(5000).flatMap((contact) =>
      contact.phones.map((phone) => phone.number),
    );
    const formats: Record<string, RegExp> = {
      spaced: /^0[1-9]( \d\d){4}$/,
      international: /^\+33 [1-9]( \d\d){4}$/,
      'with 0033': /^0033[1-9]\d{8}$/,
      dotted: /^0[1-9](\.\d\d){4}$/,
      compact: /^0[1-9]\d{8}$/,
      landline: /^0[1-5]( \d\d){4}$/,
      satellite: /^\+8(81|70) /,
      radio: /^(ISSI|RFGI|TETRA) \d+$/,
    };
    for (const [name, format] of Object.entries(formats)) {
      expect(
        numbers.some((number) => format.test(number)),
        name,
      ).to.be.true;
    }
  });

  it('gives crisis roles to about 10 % and the cell to about 15, at least 3', () => {
    for (const count of [50, 500, 5000, 20000]) {
      const contacts = directory(count);
      const withRoles = contacts.filter((contact) => contact.roles.length > 0).length;
      const cell = contacts.filter((contact) => contact.cellMember).length;
      expect(withRoles / count, `roles in ${count}`).to.be.within(0.08, 0.12);
      expect(cell, `cell of ${count}`).to.equal(cellSize(count - duplicateCount(count)));
      expect(cell).to.be.within(3, 15);
    }
    expect(cellSize(500)).to.equal(15);
    expect(cellSize(10)).to.equal(3);
    const roles = new Set(directory(500).flatMap((contact) => contact.roles));
    expect([...roles]).to.have.members([...CRISIS_ROLES]);
  });

  it('holds about 2 % near-duplicates: the same person in another case, spelling or format', () => {
    const variants = new Set<string>();
    for (const count of [50, 500, 5000]) {
      const pairs: [Contact, Contact][] = [];
      const seen = new Map<string, Contact>();
      for (const contact of directory(count)) {
        const key = personKey(contact);
        const first = seen.get(key);
        if (first) pairs.push([first, contact]);
        else seen.set(key, contact);
      }
      expect(pairs, `duplicates in ${count}`).to.have.length(duplicateCount(count));
      for (const [a, b] of pairs) {
        if (JSON.stringify(a.phones) !== JSON.stringify(b.phones)) variants.add('phone format');
        else if (a.displayName.toUpperCase() === b.displayName.toUpperCase()) variants.add('case');
        else variants.add('accents');
      }
    }
    expect(duplicateCount(5000)).to.equal(100);
    expect([...variants]).to.have.members(['phone format', 'case', 'accents']);
  });
});

describe('fixtures: generatePlaybook', () => {
  it('is deterministic: same seed, same playbook; another seed, another one', () => {
    expect(generatePlaybook(120, 1)).to.deep.equal(generatePlaybook(120, 1));
    expect(generatePlaybook(120, 2)).not.to.deep.equal(generatePlaybook(120, 1));
  });

  it('is valid against the model at 7, 42, 120 and 1,500 items, with the exact count', () => {
    for (const count of [7, 20, 42, 120, 1500]) {
      const playbook = generatePlaybook(count);
      expect(playbook.items, `count ${count}`).to.have.length(count);
      expect(playbookProblems(playbook), `count ${count}`).to.deep.equal([]);
    }
  });

  it('covers every phase × role pair from 42 items on', () => {
    const pairs = new Set(generatePlaybook(120).items.map((item) => `${item.phase}/${item.role}`));
    expect(pairs.size).to.equal(PHASES.length * CRISIS_ROLES.length);
  });

  it('has ids shaped like "p1.tech.02" and bilingual texts that differ', () => {
    for (const item of generatePlaybook(1500).items) {
      expect(item.id).to.match(/^p[0-5]\.[a-z]+\.\d{2,}$/);
      expect(item.id.startsWith(item.phase.slice(0, 2))).to.be.true;
      expect(item.text.fr).not.to.equal(item.text.en);
    }
  });

  it('has a checker that notices broken playbooks', () => {
    const playbook = generatePlaybook(120);
    const broken: Playbook = structuredClone(playbook);
    broken.items[1].id = broken.items[0].id;
    broken.items[5].order = 99;
    broken.items[7].text.en = 'Too short.';
    broken.items = broken.items.filter((item) => item.phase !== 'p5-exit');
    const problems = playbookProblems(broken);
    expect(problems.some((problem) => problem.startsWith('duplicate id'))).to.be.true;
    expect(problems.some((problem) => problem.startsWith('orders of'))).to.be.true;
    expect(problems.some((problem) => problem.includes('has 10 characters'))).to.be.true;
    expect(problems).to.include('no item in p5-exit');
  });
});
