/**
 * The roles of a crisis cell, as public crisis-management guidance names them. The ids are
 * stable: they are
 * stored in contacts, playbook items and log entries, and exchanged in kits and exports.
 */
export const CRISIS_ROLES = [
  'decideur',
  'coordinateur',
  'main_courante',
  'technique',
  'communication',
  'juridique',
  'metier',
] as const;

/** One crisis-cell role. */
export type CrisisRoleId = (typeof CRISIS_ROLES)[number];

/** Whether a string is a known crisis role id. */
export function isCrisisRole(value: string): value is CrisisRoleId {
  return (CRISIS_ROLES as readonly string[]).includes(value);
}

/** A text in both UI languages. */
export interface LocalizedText {
  fr: string;
  en: string;
}

/** The display names of the roles. */
export const ROLE_NAMES: Record<CrisisRoleId, LocalizedText> = {
  decideur: { fr: 'Décideur', en: 'Decision-maker' },
  coordinateur: { fr: 'Coordinateur', en: 'Coordinator' },
  main_courante: { fr: 'Main courante', en: 'Log keeper' },
  technique: { fr: 'Technique', en: 'Technical' },
  communication: { fr: 'Communication', en: 'Communication' },
  juridique: { fr: 'Juridique', en: 'Legal' },
  metier: { fr: 'Métier', en: 'Business continuity' },
};
