import type { CrisisRoleId } from './crisis-roles.js';
import type { ChecklistTick, PhaseId, PlaybookItem } from './playbook.js';

/** How many items are done out of how many. */
export interface Progress {
  done: number;
  total: number;
}

/** Progress of a playbook in a crisis, overall and per phase and per role. */
export interface PlaybookProgress {
  overall: Progress;
  byPhase: Map<PhaseId, Progress>;
  byRole: Map<CrisisRoleId, Progress>;
}

/** The ids of the items whose latest tick says done. */
export function doneItemIds(ticks: readonly ChecklistTick[]): Set<string> {
  return new Set(ticks.filter((tick) => tick.done).map((tick) => tick.itemId));
}

/** Counts done items overall, per phase and per role. */
export function playbookProgress(
  items: readonly PlaybookItem[],
  ticks: readonly ChecklistTick[],
): PlaybookProgress {
  const done = doneItemIds(ticks);
  const overall: Progress = { done: 0, total: 0 };
  const byPhase = new Map<PhaseId, Progress>();
  const byRole = new Map<CrisisRoleId, Progress>();
  for (const item of items) {
    const isDone = done.has(item.id) ? 1 : 0;
    for (const progress of [overall, entry(byPhase, item.phase), entry(byRole, item.role)]) {
      progress.total++;
      progress.done += isDone;
    }
  }
  return { overall, byPhase, byRole };
}

function entry<K>(map: Map<K, Progress>, key: K): Progress {
  let progress = map.get(key);
  if (!progress) {
    progress = { done: 0, total: 0 };
    map.set(key, progress);
  }
  return progress;
}
