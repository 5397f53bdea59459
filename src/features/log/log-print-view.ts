// The whole main courante of a crisis as a table to print (`#/log?view=print`): every entry with
// its verified signer and device, corrected entries struck through rather than left out, since a
// printed log is a record. Drawn into the log page's shadow root, whose print rules hide the
// toolbar.
import { css, html } from 'lit';
import { t } from '../../app/i18n/page-messages.js';
import { fullTime } from '../../app/i18n/time-format.js';
import type { ChainProblem } from '../../domain/log-chain.js';
import type { Crisis, LogEntry } from '../../domain/log.js';
import type { SignedMember } from '../../domain/signed-members.js';
import { entrySigner, formatSigner } from './entry-signer.js';
import { kindName } from './log-format.js';
import { correctedIds } from './log-store.js';
import { renderTamperWarning } from './log-tamper-warning.js';

export const logPrintStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--tocsin-border);
  }

  td.device {
    font-family: ui-monospace, monospace;
    white-space: nowrap;
  }

  td.text-cell {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

export interface LogPrintView {
  crisis: Crisis;
  entries: readonly LogEntry[];
  problems: readonly ChainProblem[];
  /** The signed directory's members, who name the entries' signers. */
  members: readonly SignedMember[];
}

export function renderLogPrint(view: LogPrintView) {
  const { crisis, entries, members } = view;
  const corrected = correctedIds(entries);
  return html`<h1 tabindex="-1">${t('log.title')} — ${crisis.name}</h1>
    <p>
      ${t('log.startedAt')} : ${fullTime(crisis.startedAt)} · ${t('log.entries', entries.length)} ·
      ${t('log.reportAt', fullTime(new Date().toISOString()))}
    </p>
    ${renderTamperWarning(view.problems)}
    <div class="toolbar">
      <a class="button secondary" href=${`#/log?crisis=${encodeURIComponent(crisis.id)}`}
        >${t('log.backToLog')}</a
      >
      <button class="button" @click=${() => window.print()}>${t('log.print')}</button>
    </div>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('log.occurredAt')}</th>
          <th scope="col">${t('log.kind')}</th>
          <th scope="col">${t('log.signer.column')}</th>
          <th scope="col">${t('log.signer.device')}</th>
          <th scope="col">${t('log.text')}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map((entry) => {
          const signer = entrySigner(entry, members);
          return html`<tr>
            <td>${fullTime(entry.occurredAt)}</td>
            <td>${kindName(entry.kind)}${entry.priority === 'high' ? ' !' : ''}</td>
            <td>${formatSigner(signer)}</td>
            <td class="device">${signer.device}</td>
            <td class="text-cell">
              ${corrected.has(entry.id) ? html`<s>${entry.text}</s>` : entry.text}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
