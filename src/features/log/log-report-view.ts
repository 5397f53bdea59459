// The situation report of a crisis (`#/log?view=report`): its latest decisions and urgent facts,
// and the playbook's progress. Drawn into the log page's shadow root, whose toolbar and print rules
// it shares.
import { css, html } from 'lit';
import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { fullTime, logTime } from '../../app/i18n/time-format.js';
import type { ChainProblem } from '../../domain/log-chain.js';
import type { Crisis, LogEntry } from '../../domain/log.js';
import { PHASE_NAMES, PHASES } from '../../domain/playbook.js';
import type { SignedMember } from '../../domain/signed-members.js';
import { entrySigner, formatSigner } from './entry-signer.js';
import { renderTamperWarning } from './log-tamper-warning.js';
import { reportHighlights, type PlaybookStanding } from './situation-report.js';

export const logReportStyles = css`
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--tocsin-red);
  }
`;

export interface LogReportView {
  crisis: Crisis;
  entries: readonly LogEntry[];
  problems: readonly ChainProblem[];
  /** The signed directory's members, who name the entries' signers. */
  members: readonly SignedMember[];
  /** Undefined while the playbook and its ticks are read. */
  standing: PlaybookStanding | undefined;
}

export function renderLogReport(view: LogReportView) {
  const { crisis, standing } = view;
  const { decisions, highPriority } = reportHighlights(view.entries);
  const locale = currentLocale();
  const progress = standing?.progress;
  return html`<h1 tabindex="-1">${t('log.report')} — ${crisis.name}</h1>
    <p class="muted">${t('log.reportAt', fullTime(new Date().toISOString()))}</p>
    ${renderTamperWarning(view.problems)}
    <div class="toolbar">
      <a class="button secondary" href=${`#/log?crisis=${encodeURIComponent(crisis.id)}`}
        >${t('log.backToLog')}</a
      >
      <button class="button secondary" @click=${() => window.print()}>${t('log.print')}</button>
    </div>
    <section class="card">
      <h2>${t('log.reportDecisions')}</h2>
      ${renderEntryList(decisions, view.members)}
    </section>
    <section class="card">
      <h2>${t('log.reportHighPriority')}</h2>
      ${renderEntryList(highPriority, view.members)}
    </section>
    <section class="card">
      <h2>${t('log.reportProgress')}</h2>
      ${
        progress
          ? html`<dl class="facts">
              ${PHASES.filter((phase) => progress.byPhase.get(phase)?.total).map((phase) => {
                const p = progress.byPhase.get(phase)!;
                return html`<dt>${PHASE_NAMES[phase][locale]}</dt>
                  <dd>
                    ${p.done} / ${p.total}
                    <progress
                      max=${p.total}
                      .value=${p.done}
                      aria-label=${PHASE_NAMES[phase][locale]}
                    ></progress>
                  </dd>`;
              })}
            </dl>`
          : html`<p role="status">${t('app.loading')}</p>`
      }
    </section>
    <section class="card">
      <h2>${t('log.reportOpen')}</h2>
      ${
        standing?.open.length
          ? html`<ul>
              ${standing.open.map((item) => html`<li>${item.text[locale]}</li>`)}
            </ul>`
          : html`<p>${t('log.reportNone')}</p>`
      }
    </section>`;
}

/** One line per entry: when, what, and its verified signer. */
function renderEntryList(entries: readonly LogEntry[], members: readonly SignedMember[]) {
  if (entries.length === 0) return html`<p>${t('log.reportNone')}</p>`;
  const signer = (entry: LogEntry) => formatSigner(entrySigner(entry, members));
  return html`<ul>
    ${entries.map((entry) => html`<li><strong>${logTime(entry.occurredAt)}</strong> — ${entry.text} (${signer(entry)})</li>`)}
  </ul>`;
}
