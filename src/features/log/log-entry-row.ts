// The main courante's list of entries and one entry's row, drawn into the log page's shadow root.
// Rows have a fixed height (the virtual list places them by it), so a long text is cut here and
// read in full by a screen reader, in the print view, or in an export.
import { css, html, nothing } from 'lit';
import { t } from '../../app/i18n/page-messages.js';
import { logTime } from '../../app/i18n/time-format.js';
import type { ChainProblem } from '../../domain/log-chain.js';
import { writerOfDevice } from '../../domain/log-writer.js';
import type { LogEntry } from '../../domain/log.js';
import type { SignedMember } from '../../domain/signed-members.js';
import '../../ui/tocsin-virtual-list.js';
import { entrySigner, formatSigner } from './entry-signer.js';
import { kindName } from './log-format.js';
import { correctedIds } from './log-store.js';

export const logEntryRowStyles = css`
  tocsin-virtual-list {
    height: calc(100dvh - 16rem);
    min-height: 20rem;
    border: 1px solid var(--tocsin-border);
    border-radius: var(--tocsin-radius);
    background: var(--tocsin-surface);
  }

  .entry {
    display: flex;
    gap: 0.75rem;
    height: 100%;
    box-sizing: border-box;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--tocsin-border);
  }

  .entry.high {
    box-shadow: inset 4px 0 0 var(--tocsin-red);
  }

  .entry.broken {
    box-shadow: inset 4px 0 0 var(--tocsin-danger);
    background: color-mix(in srgb, var(--tocsin-danger) 8%, transparent);
  }

  .time {
    flex: none;
    width: 4.5rem;
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }

  .body {
    flex: 1;
    min-width: 0;
  }

  .meta {
    font-size: 0.875rem;
    color: var(--tocsin-muted);
  }

  /* Rows have a fixed height: a long "for …" is cut on screen, read in full by a reader. */
  .meta.line {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .text {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }

  .corrected .text {
    text-decoration: line-through;
    color: var(--tocsin-muted);
  }

  .entry button {
    flex: none;
    align-self: center;
    min-height: 44px;
    padding: 0 0.75rem;
  }
`;

export interface LogEntryRow {
  entry: LogEntry;
  /** Who the entry is shown as written by (entry-signer.ts). */
  signer: string;
  /** A later entry of the same writer corrects it: struck through, and not corrected again. */
  corrected: boolean;
  /** The chain check found this entry altered. */
  broken: boolean;
  /** Written on this device: the member may correct it here. */
  ownEntry: boolean;
}

/** An entry's row; `correct` is called when the member asks to correct it. */
export function renderLogEntryRow(row: LogEntryRow, correct: (entry: LogEntry) => void) {
  const { entry, corrected, broken } = row;
  const classes = [
    'entry',
    entry.priority === 'high' ? 'high' : '',
    corrected ? 'corrected' : '',
    broken ? 'broken' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<article
    class=${classes}
    aria-label=${`${logTime(entry.occurredAt)} ${kindName(entry.kind)}`}
  >
    <span class="time">${logTime(entry.occurredAt)}</span>
    <div class="body">
      <div class="meta line">
        ${kindName(entry.kind)} ·
        ${row.signer}${entry.priority === 'high' ? ` · ${t('log.highPriority')}` : ''}${
          entry.corrects ? ` · ${t('log.correction')}` : ''
        }
      </div>
      <div class="text">${entry.text}</div>
      ${corrected ? html`<span class="meta">${t('log.corrected')}</span>` : nothing}
      ${broken ? html`<span class="meta error">${t('log.tamperMark')}</span>` : nothing}
    </div>
    ${
      corrected || !row.ownEntry
        ? nothing
        : html`<button
            class="button secondary"
            aria-label=${`${t('log.correct')} : ${entry.text.slice(0, 60)}`}
            @click=${() => correct(entry)}
          >
            ${t('log.correct')}
          </button>`
    }
  </article>`;
}

/** The log the list draws; see renderLogEntryList. */
export interface LogEntryList {
  entries: readonly LogEntry[];
  /** What the chain check found: those entries are marked altered. */
  problems: readonly ChainProblem[];
  /** The signed directory's members: the names of the entries' signers. */
  members: readonly SignedMember[];
  /** Who writes on this device (domain/log-writer.ts): only their own entries can be corrected. */
  writer: string | undefined;
}

/**
 * The entries, newest first, each shown as written by its verified signer and for whom
 * (entry-signer.ts); `correct` is called when the member asks to correct one.
 */
export function renderLogEntryList(log: LogEntryList, correct: (entry: LogEntry) => void) {
  const corrected = correctedIds(log.entries);
  const broken = new Set(log.problems.map((p) => p.entryId));
  const newestFirst = [...log.entries].reverse();
  return html`<tocsin-virtual-list
    label=${t('log.listLabel')}
    row-height="104"
    .items=${newestFirst}
    .keyOf=${(entry: unknown) => (entry as LogEntry).id}
    .renderItem=${(item: unknown) => {
      const entry = item as LogEntry;
      return renderLogEntryRow(
        {
          entry,
          signer: formatSigner(entrySigner(entry, log.members)),
          corrected: corrected.has(entry.id),
          broken: broken.has(entry.id),
          ownEntry: writerOfDevice(entry.deviceId) === log.writer,
        },
        correct,
      );
    }}
  ></tocsin-virtual-list>`;
}
