// The contract between any page and the quick-entry dialog, kept apart from the dialog's code so
// the app shell can listen for it without loading the main courante's elements at start-up.
import type { EntryKind } from '../domain/log.js';

/** How a new entry starts when opened from elsewhere. */
export interface EntryPreset {
  kind?: EntryKind;
  text?: string;
  contactIds?: string[];
}

/** The window event that opens the quick entry from anywhere; its detail is an EntryPreset. */
export const QUICK_ENTRY_EVENT = 'tocsin:quick-entry';

/** Opens the quick entry from any page. */
export function requestQuickEntry(preset: EntryPreset): void {
  window.dispatchEvent(new CustomEvent<EntryPreset>(QUICK_ENTRY_EVENT, { detail: preset }));
}
