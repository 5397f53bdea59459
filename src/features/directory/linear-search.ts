// The plain linear scan that the search index is measured against (test/bench) and checked
// against (the unit tests): the same matching rules, no index.
import type { Contact } from '../../domain/contact.js';
import {
  compareContacts,
  parseQuery,
  prepareContact,
  type PreparedContact,
} from './search-words.js';

/**
 * The linear baseline's directory: every contact normalised once, when the list loads, and kept
 * in display order, so that a search only filters. It is what a competent plain scan does, and
 * the baseline the benchmark and the tests compare the index with; the app never uses it.
 */
export interface LinearDirectory {
  readonly entries: readonly PreparedContact[];
}

/** Normalises and sorts the contacts once for linearSearch (the one-off cost of a plain scan). */
export function prepareLinearDirectory(contacts: readonly Contact[]): LinearDirectory {
  const cache = new Map<string, readonly string[]>();
  const entries = contacts.map((contact) => prepareContact(contact, cache));
  entries.sort((a, b) => compareContacts(a.contact, b.contact));
  return { entries };
}

/** The same results as searchDirectory, by testing every contact against the query. */
export function linearSearch(directory: LinearDirectory, query: string): Contact[] {
  const terms = parseQuery(query);
  const results: Contact[] = [];
  for (const { contact, words, phones } of directory.entries) {
    const matches = terms.every(
      (term) =>
        words.some((word) => word.startsWith(term.text)) ||
        (term.digits !== null && phones.includes(term.digits)),
    );
    if (matches) results.push(contact);
  }
  return results;
}

/** linearSearch over contacts prepared for this one call: the tests' reference. */
export function linearSearchDirectory(contacts: readonly Contact[], query: string): Contact[] {
  return linearSearch(prepareLinearDirectory(contacts), query);
}
