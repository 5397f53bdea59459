// What the situation report sums up, with no DOM and no Lit: the latest decisions and urgent facts
// of the main courante, and how far the playbook has gone. The report view draws these.
import {
  doneItemIds,
  playbookProgress,
  type PlaybookProgress,
} from '../../domain/playbook-progress.js';
import { PHASES, type ChecklistTick, type PlaybookItem } from '../../domain/playbook.js';
import type { LogEntry } from '../../domain/log.js';
import { correctedIds } from './log-store.js';

/** How many decisions, and how many high-priority entries, a report lists: the latest only. */
export const REPORT_LIST_LENGTH = 10;

/** The entries a report lists, newest first. */
export interface ReportHighlights {
  decisions: LogEntry[];
  /** High-priority entries other than decisions, which are listed already. */
  highPriority: LogEntry[];
}

/** How far the playbook has gone during the crisis. */
export interface PlaybookStanding {
  progress: PlaybookProgress;
  /** The items still to do in the current phase: the first phase that has any. */
  open: PlaybookItem[];
}

/**
 * The latest decisions and high-priority entries of a log in written order. An entry its writer
 * corrected is left out: the report says what holds now, and the correction stands in its place.
 */
export function reportHighlights(entries: readonly LogEntry[]): ReportHighlights {
  const corrected = correctedIds(entries);
  const live = entries.filter((entry) => !corrected.has(entry.id));
  const latest = (chosen: LogEntry[]) => chosen.slice(-REPORT_LIST_LENGTH).reverse();
  return {
    decisions: latest(live.filter((entry) => entry.kind === 'decision')),
    highPriority: latest(
      live.filter((entry) => entry.priority === 'high' && entry.kind !== 'decision'),
    ),
  };
}

/** The playbook's progress under `ticks`, and what remains of its current phase. */
export function playbookStanding(
  items: readonly PlaybookItem[],
  ticks: readonly ChecklistTick[],
): PlaybookStanding {
  const done = doneItemIds(ticks);
  const phase = PHASES.find((p) => items.some((item) => item.phase === p && !done.has(item.id)));
  return {
    progress: playbookProgress(items, ticks),
    open: items.filter((item) => item.phase === phase && !done.has(item.id)),
  };
}
