/**
 * The playbook's checklist: the items the filters leave, grouped by phase and then by role, each a
 * checkbox that says who ticked it and when. It is a template, not an element: it holds no state
 * of its own (the page owns the ticks and the writes in flight), and its checkboxes stay in the
 * page's shadow root, where the page's styles and the tests find them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { logTime } from '../../app/i18n/time-format.js';
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../../domain/crisis-roles.js';
import {
  PHASE_NAMES,
  PHASES,
  type ChecklistTick,
  type Playbook,
  type PlaybookItem,
} from '../../domain/playbook.js';

/** What the checklist shows, and how it hands a tick back to the page. */
export interface ChecklistView {
  /** The whole playbook: a phase's count is over all its items, whatever the filters hide. */
  playbook: Playbook;
  /** The items the filters leave. */
  items: readonly PlaybookItem[];
  ticks: ReadonlyMap<string, ChecklistTick>;
  /** False without an open crisis or an author's name: a tick would have nowhere to go. */
  canTick: boolean;
  /** Items whose tick is being written: their box waits for it. */
  busy: ReadonlySet<string>;
  /** The name shown for whoever made a tick. */
  tickedBy: (tick: ChecklistTick) => string;
  onToggle: (item: PlaybookItem, done: boolean) => void;
}

/** The checklist's styles, for the shadow root of the page that renders it. */
export const checklistStyles = css`
  h2.phase {
    margin-top: 1.5rem;
  }

  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
    color: var(--tocsin-muted);
  }

  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  ul.items li {
    border-top: 1px solid var(--tocsin-border);
  }

  .item {
    display: flex;
    gap: 0.875rem;
    align-items: flex-start;
    padding: 0.75rem 0;
    font-weight: 400;
    margin: 0;
    cursor: pointer;
  }

  .item input {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    margin: 0.125rem 0 0;
    accent-color: var(--tocsin-ok);
  }

  .item.done .text {
    color: var(--tocsin-muted);
  }

  .detail {
    display: block;
    font-size: 0.875rem;
    color: var(--tocsin-muted);
  }

  .level {
    font-weight: 700;
  }
`;

function isDone(view: ChecklistView, item: PlaybookItem): boolean {
  return Boolean(view.ticks.get(item.id)?.done);
}

/** A section for every phase that has visible items, in the order of the phases. */
export function renderChecklist(view: ChecklistView): TemplateResult[] {
  const locale = currentLocale();
  return PHASES.filter((phase) => view.items.some((item) => item.phase === phase)).map((phase) => {
    const phaseItems = view.items.filter((item) => item.phase === phase);
    const allPhaseItems = view.playbook.items.filter((item) => item.phase === phase);
    const phaseDone = allPhaseItems.filter((item) => isDone(view, item)).length;
    return html`<section aria-labelledby=${`phase-${phase}`}>
      <h2 class="phase" id=${`phase-${phase}`}>
        ${PHASE_NAMES[phase][locale]}
        <span class="muted">(${phaseDone}/${allPhaseItems.length})</span>
      </h2>
      ${CRISIS_ROLES.filter((role) => phaseItems.some((item) => item.role === role)).map((role) =>
        renderRole(view, role, phaseItems),
      )}
    </section>`;
  });
}

/** A role's items within one phase, under the role's name and how many of them are done. */
function renderRole(
  view: ChecklistView,
  role: CrisisRoleId,
  phaseItems: readonly PlaybookItem[],
): TemplateResult {
  const roleItems = phaseItems.filter((item) => item.role === role);
  const roleDone = roleItems.filter((item) => isDone(view, item)).length;
  return html`<h3>${ROLE_NAMES[role][currentLocale()]} (${roleDone}/${roleItems.length})</h3>
    <ul class="items">
      ${roleItems.sort((a, b) => a.order - b.order).map((item) => renderItem(view, item))}
    </ul>`;
}

function renderItem(view: ChecklistView, item: PlaybookItem): TemplateResult {
  const tick = view.ticks.get(item.id);
  const done = Boolean(tick?.done);
  return html`<li>
    <label class="item ${done ? 'done' : ''}">
      <input
        type="checkbox"
        .checked=${done}
        ?disabled=${!view.canTick || view.busy.has(item.id)}
        @change=${(event: Event) => view.onToggle(item, (event.target as HTMLInputElement).checked)}
      />
      <span>
        <span class="text">${item.text[currentLocale()]}</span>
        <span class="detail">
          <span class="level"
            >${item.level === 'strategic' ? t('playbook.strategic') : t('playbook.operational')}</span
          >
          ${item.due ? ` · ${t('playbook.due', item.due)}` : ''} ·
          ${t('playbook.source', item.source)}
        </span>
        ${
          done && tick
            ? html`<span class="detail"
                >${t('playbook.doneBy', view.tickedBy(tick), logTime(tick.at))}</span
              >`
            : nothing
        }
      </span>
    </label>
  </li>`;
}
