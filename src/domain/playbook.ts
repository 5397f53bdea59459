import type { CrisisRoleId, LocalizedText } from './crisis-roles.js';

/**
 * The six phases of a cyber crisis, from preparation to exit and lessons learned, as public
 * crisis-management guidance divides it.
 */
export const PHASES = [
  'p0-preparation',
  'p1-alert',
  'p2-mobilisation',
  'p3-continuity',
  'p4-recovery',
  'p5-exit',
] as const;

/** One phase. */
export type PhaseId = (typeof PHASES)[number];

/** The display names of the phases. */
export const PHASE_NAMES: Record<PhaseId, LocalizedText> = {
  'p0-preparation': { fr: 'Préparation', en: 'Preparation' },
  'p1-alert': { fr: 'Alerte et qualification', en: 'Alert and qualification' },
  'p2-mobilisation': { fr: 'Mobilisation et endiguement', en: 'Mobilisation and containment' },
  'p3-continuity': {
    fr: 'Continuité en mode dégradé et investigation',
    en: 'Degraded-mode continuity and investigation',
  },
  'p4-recovery': { fr: 'Remédiation et reconstruction', en: 'Remediation and rebuilding' },
  'p5-exit': { fr: 'Sortie de crise et retour d’expérience', en: 'Exit and lessons learned' },
};

/** Strategic items are for the decision cell, operational ones for the teams acting. */
export type ItemLevel = 'strategic' | 'operational';

/** One checklist item of the playbook. */
export interface PlaybookItem {
  /** Stable id, e.g. "p1.tech.02"; ticks and log entries refer to it. */
  id: string;
  phase: PhaseId;
  role: CrisisRoleId;
  level: ItemLevel;
  /** Position within its phase and role. */
  order: number;
  text: LocalizedText;
  /** When it is due, counted from the crisis start, e.g. "H+1", "H+24" (optional). */
  due?: string;
  /** The public guidance it comes from, e.g. "CISA Ransomware Response Checklist". */
  source: string;
  /** Other roles or contacts the item involves. */
  links?: { roles?: CrisisRoleId[]; contactIds?: string[] };
}

/**
 * The id of Tocsin's default playbook (default-playbook.json). `tocsin-kit` puts that playbook in a
 * kit whose organisation gives none, so a kit's playbook with this id is Tocsin's default, not the
 * organisation's own.
 */
export const DEFAULT_PLAYBOOK_ID = 'tocsin-default';

/** A playbook: its identity and its items. */
export interface Playbook {
  /** Stable id of this playbook. */
  id: string;
  title: LocalizedText;
  /** Increases with every edition; imports keep the higher one. */
  version: number;
  /** ISO 8601 date of this edition. */
  updated: string;
  items: PlaybookItem[];
}

/** A checklist item ticked during a crisis: by whom and when. */
export interface ChecklistTick {
  crisisId: string;
  itemId: string;
  /** Display name (or member id once enrolled) of who ticked it. */
  by: string;
  /** ISO 8601 time. */
  at: string;
  /** False when the tick was withdrawn (the log keeps both). */
  done: boolean;
}
