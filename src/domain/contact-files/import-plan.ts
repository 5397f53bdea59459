/**
 * What importing a file would do to the directory, decided before anything is written: each
 * imported contact is new, already there, a copy of a contact of the signed crisis kit, or a
 * contact of this device that the user may merge, skip or add apart. Pure (no DOM, no storage):
 * the import dialog shows the plan, and the store plans again inside its write transaction, so
 * that what changed in between (a kit installed meanwhile) decides.
 *
 * Recognising someone (see match-keys.ts): the same id (a vCard UID), the same name whatever the
 * case, accents, punctuation and word order, or a phone number in common. Rules:
 * - A signed contact is never shadowed by an unsigned copy: a row that is a kit contact by id or
 *   by name is never imported, whatever else it matches, because the name is what a search shows.
 * - Otherwise the strongest sign wins: id, then name, then number. A row named like one local
 *   contact and holding another's number is the named one (numbers pass from hand to hand: a duty
 *   phone, a switchboard). Between contacts matched the same way, a kit contact wins, then the one
 *   matched in more ways, then the first in the directory.
 * - A number held by several contacts (of the directory, or of the file) whose names have no word
 *   in common is a shared line, a switchboard: it identifies no one, or a whole staff list would
 *   fold into one person.
 * - A name alone ties a row to a local contact, or two rows together, only when nothing else they
 *   state disagrees (mayBeSamePerson: organisation, service, job title, numbers and addresses): a large
 *   organisation has homonyms, and folding two people into one would lose one of them.
 * - The same person twice in the file (by the same rules) is imported once: the later rows are
 *   folded into the first and reported as repeats. Rows that come to the same directory contact
 *   are the same person too.
 * Everything is looked up in maps by key, so 1,000 rows against 20,000 contacts stays instant.
 */
import type { Contact, Phone } from '../contact.js';
import { mergeChangesAnything, mergeContact, type MergeChanges } from './contact-merge.js';
import { identifyingNumbers, mayBeSamePerson, nameKeys, phoneKeys } from './match-keys.js';

/** What happens to one imported contact. */
export type ImportStatus = 'new' | 'same' | 'signed-duplicate' | 'local-match';

/** What the user chose for a contact that matches a local one. */
export type MatchChoice = 'merge' | 'skip' | 'add';

/** The choice made for a local match when the user makes none. */
export const DEFAULT_MATCH_CHOICE: MatchChoice = 'merge';

/** The choices for the local matches, by the row's index in the imported contacts. */
export type ImportDecisions = ReadonlyMap<number, MatchChoice>;

/** How an imported contact was recognised. */
export type MatchReason = 'id' | 'name' | 'phone';

/** One imported contact and what importing it does. */
export interface PlanRow {
  /** Its position in the imported contacts. */
  index: number;
  contact: Contact;
  status: ImportStatus;
  /** The directory's contact it is (same, signed-duplicate, local-match). */
  match?: Contact;
  reason?: MatchReason;
  /** For a later row of the same person in the file: the first row, which it is folded into. */
  repeatOf?: number;
  /** For a first row: the later rows of the file folded into it. */
  repeats: number[];
  /** For a signed duplicate: what the row has that the kit's contact lacks, left out. */
  notImported?: { phones: Phone[]; emails: string[] };
  /** What adding it writes (new, and local-match when the user chooses "add"). */
  add?: Contact;
  /** For a local match: the contact a merge writes (the local id kept), and what it changes. */
  merge?: { contact: Contact; changes: MergeChanges };
}

/** How many rows of each kind a plan has. */
export interface PlanCounts {
  /** Contacts that will be added (a person repeated in the file counts once). */
  new: number;
  /** Contacts already in the directory with nothing new. */
  same: number;
  /** Later rows of a person already seen in the file (not signed ones). */
  repeated: number;
  /** Rows that are contacts of the signed kit: never imported. */
  signed: number;
  /** Local contacts the file has more about: merge, skip or add. */
  localMatches: number;
}

/** The plan of one import. */
export interface ImportPlan {
  imported: readonly Contact[];
  /** What the directory held when the plan was made (directoryBasis), to tell if it still holds. */
  basis: string;
  /** One per imported contact, in the file's order. */
  rows: PlanRow[];
  counts: PlanCounts;
}

/** What a plan and the user's choices write, and how many rows are added, merged or skipped. */
export interface ImportWrites {
  contacts: Contact[];
  added: number;
  merged: number;
  skipped: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The directory looked up by id, name and identifying number. */
class DirectoryIndex {
  readonly byId = new Map<string, number>();
  readonly byName = new Map<string, number[]>();
  readonly byPhone: Map<string, number[]>;

  constructor(readonly contacts: readonly Contact[]) {
    const names = contacts.map(nameKeys);
    contacts.forEach((contact, i) => {
      this.byId.set(contact.id, i);
      for (const key of names[i]) push(this.byName, key, i);
    });
    this.byPhone = identifyingNumbers(contacts, names);
  }
}

// The strength of a match, strongest first (see the header for why a kit name beats a local id).
const TIER = {
  kit: { id: 0, name: 1, phone: 4 },
  local: { id: 2, name: 3, phone: 5 },
} as const;

interface Candidate {
  at: number;
  tier: number;
  reason: MatchReason;
  ways: Set<MatchReason>;
}

/** The directory contact the rows of one person are, if any. */
function findTarget(
  rows: readonly Contact[],
  fileNumbers: ReadonlySet<string>,
  directory: DirectoryIndex,
): Candidate | undefined {
  const candidates = new Map<number, Candidate>();
  const consider = (at: number, reason: MatchReason): void => {
    const tier = TIER[directory.contacts[at].origin === 'kit' ? 'kit' : 'local'][reason];
    const known = candidates.get(at);
    if (!known) {
      candidates.set(at, { at, tier, reason, ways: new Set([reason]) });
      return;
    }
    known.ways.add(reason);
    if (tier < known.tier) Object.assign(known, { tier, reason });
  };
  for (const row of rows) {
    const byId = directory.byId.get(row.id);
    if (byId !== undefined) consider(byId, 'id');
    for (const key of nameKeys(row)) {
      for (const at of directory.byName.get(key) ?? []) {
        // A signed contact's name is never taken by an unsigned copy, homonym or not; a local
        // contact is the same person only if nothing else says otherwise.
        const known = directory.contacts[at];
        if (known.origin === 'kit' || mayBeSamePerson(row, known)) consider(at, 'name');
      }
    }
    for (const key of phoneKeys(row)) {
      if (!fileNumbers.has(key)) continue;
      for (const at of directory.byPhone.get(key) ?? []) consider(at, 'phone');
    }
  }
  let best: Candidate | undefined;
  for (const candidate of candidates.values()) {
    if (
      !best ||
      candidate.tier < best.tier ||
      (candidate.tier === best.tier &&
        (candidate.ways.size > best.ways.size ||
          (candidate.ways.size === best.ways.size && candidate.at < best.at)))
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * The file's rows grouped by person: each group lists row indexes in order, the first being the
 * row the others fold into. Also gives the numbers that identify someone within the file.
 */
function groupFileRows(imported: readonly Contact[]): {
  groups: number[][];
  fileNumbers: Set<string>;
} {
  const names = imported.map(nameKeys);
  const fileNumbers = new Set(identifyingNumbers(imported, names).keys());
  // Union-find whose root is always the smallest index: the first row of the person.
  const parent = imported.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (first: number, i: number): void => {
    const [a, b] = [root(first), root(i)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const owner = new Map<string, number>();
  // The rows of each name, one per person of that name met so far (homonyms stay apart).
  const namesakes = new Map<string, number[]>();
  imported.forEach((contact, i) => {
    const keys = [
      ...(typeof contact.id === 'string' && contact.id !== '' ? [`id:${contact.id}`] : []),
      ...phoneKeys(contact)
        .filter((key) => fileNumbers.has(key))
        .map((key) => `phone:${key}`),
    ];
    for (const key of keys) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else union(first, i);
    }
    for (const name of names[i]) {
      const rows = namesakes.get(name);
      const same = rows?.find((row) => mayBeSamePerson(imported[row], contact));
      if (same !== undefined) union(same, i);
      else if (rows) rows.push(i);
      else namesakes.set(name, [i]);
    }
  });
  const byRoot = new Map<number, number[]>();
  imported.forEach((_, i) => push(byRoot, root(i), i));
  return { groups: [...byRoot.values()], fileNumbers };
}

/** A contact as an import writes it: this device's, without any signed member identity. */
function asLocal(contact: Contact): Contact {
  const { member: _member, ...rest } = contact;
  return { ...rest, origin: 'local' };
}

/**
 * The plan of importing `imported` into a directory holding `existing` (kit and local contacts).
 * The imported contacts are expected as the file readers give them (ids unique within the file).
 */
export function planImport(imported: readonly Contact[], existing: readonly Contact[]): ImportPlan {
  const directory = new DirectoryIndex(existing);
  const { groups, fileNumbers } = groupFileRows(imported);

  // Rows that come to the same directory contact are one person, even if nothing in the file
  // tied them together ("H. Lefèvre" with her mobile, "Hélène Lefèvre" with her email).
  const people: { rows: number[]; target?: Candidate }[] = [];
  const personOfTarget = new Map<number, (typeof people)[number]>();
  for (const rows of groups) {
    const target = findTarget(
      rows.map((i) => imported[i]),
      fileNumbers,
      directory,
    );
    const same = target && personOfTarget.get(target.at);
    if (same) {
      same.rows.push(...rows);
      same.rows.sort((a, b) => a - b);
      continue;
    }
    const person = { rows, target };
    people.push(person);
    if (target) personOfTarget.set(target.at, person);
  }

  const planRows: PlanRow[] = new Array<PlanRow>(imported.length);
  const counts: PlanCounts = { new: 0, same: 0, repeated: 0, signed: 0, localMatches: 0 };
  for (const { rows, target } of people) {
    const [first, ...later] = rows;
    const match = target && existing[target.at];
    let combined = asLocal(imported[first]);
    for (const i of later) combined = mergeContact(combined, imported[i]).contact;

    if (match?.origin === 'kit') {
      for (const i of rows) {
        const { changes } = mergeContact(match, imported[i]);
        planRows[i] = {
          index: i,
          contact: imported[i],
          status: 'signed-duplicate',
          match,
          reason: target!.reason,
          ...(i === first ? {} : { repeatOf: first }),
          repeats: i === first ? later : [],
          notImported: { phones: changes.phones, emails: changes.emails },
        };
      }
      counts.signed += rows.length;
      continue;
    }

    let head: PlanRow;
    if (!match) {
      head = { index: first, contact: imported[first], status: 'new', repeats: later };
      head.add = combined;
      counts.new++;
    } else {
      const merge = mergeContact(match, combined);
      const changes = mergeChangesAnything(merge.changes);
      head = {
        index: first,
        contact: imported[first],
        status: changes ? 'local-match' : 'same',
        match,
        reason: target!.reason,
        repeats: later,
      };
      if (changes) {
        head.merge = merge;
        // Added apart, it must not take the id of the contact it matched (or of any other).
        head.add = directory.byId.has(combined.id)
          ? { ...combined, id: crypto.randomUUID() }
          : combined;
        counts.localMatches++;
      } else {
        counts.same++;
      }
    }
    planRows[first] = head;
    for (const i of later) {
      planRows[i] = {
        index: i,
        contact: imported[i],
        status: 'same',
        repeatOf: first,
        repeats: [],
      };
    }
    counts.repeated += later.length;
  }
  return { imported, basis: directoryBasis(existing), rows: planRows, counts };
}

/**
 * A digest of a directory for {@link ImportPlan.basis}: every contact's id and time of change, in
 * id order. Two equal bases mean the plan made against one holds for the other, so the store need
 * not plan again (a 20,000-contact plan takes seconds on a phone).
 */
export function directoryBasis(contacts: readonly Contact[]): string {
  return contacts
    .map((contact) => `${contact.id}\u0000${contact.updatedAt}`)
    .sort()
    .join('\u0001');
}

/**
 * The contacts a plan writes with the user's choices (a local match with no choice is merged),
 * and how many rows are added, merged or skipped. Every row counts once: a repeat folded into an
 * earlier row, a contact already there and a signed duplicate count as skipped.
 */
export function importWrites(plan: ImportPlan, decisions: ImportDecisions): ImportWrites {
  const writes: ImportWrites = { contacts: [], added: 0, merged: 0, skipped: 0 };
  for (const row of plan.rows) {
    if (row.repeatOf !== undefined) {
      writes.skipped++;
      continue;
    }
    const choice =
      row.status === 'new'
        ? 'add'
        : row.status === 'local-match'
          ? (decisions.get(row.index) ?? DEFAULT_MATCH_CHOICE)
          : 'skip';
    if (choice === 'add' && row.add) {
      writes.contacts.push(row.add);
      writes.added++;
    } else if (choice === 'merge' && row.merge) {
      writes.contacts.push(row.merge.contact);
      writes.merged++;
    } else {
      writes.skipped++;
    }
  }
  return writes;
}
