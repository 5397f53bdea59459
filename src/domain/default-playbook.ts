// The checklist that ships with Tocsin is data, not code: default-playbook.json, written in our own
// words from public cyber-crisis guidance (ANSSI's crisis-management guides, CERT-FR's first-hours
// advice, CISA's #StopRansomware guide, NIST SP 800-61r3, ENISA), each item citing its source.
// It loads only when a device has no playbook of its own, and is read through the same strict
// reader as any imported playbook, so a bad edit of the file is refused, never half-shown.
//
// Item ids spell their phase, role and order ("p1.tech.02"). They are stable: ticks and log entries
// point at them, so an edition may add items at the end of a phase and role but never renumber
// old ones (the unit tests hold both rules).
import type { Playbook } from './playbook.js';
import { readPlaybook } from './playbook-json.js';

let loaded: Promise<Playbook> | undefined;

/** The default playbook, read once per run. */
export function loadDefaultPlaybook(): Promise<Playbook> {
  loaded ??= import('./default-playbook.json').then(({ default: data }) => {
    const result = readPlaybook(data);
    if (!result.ok) throw new Error(`The default playbook is damaged: ${result.errors[0]}`);
    return result.playbook;
  });
  return loaded;
}
