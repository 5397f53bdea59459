// The import dialog's preview: the plan's rows needing a look (signed duplicates, local matches)
// and some of the others, each saying what the import will do with it, and for a local match the
// choice of merging, skipping or adding it apart. Render functions drawn into the dialog's shadow
// root, whose styles they use; apart so the dialog keeps to reading the file and confirming. The
// choices are the dialog's state, read and set through `PreviewChoices`.
import { html, nothing } from 'lit';
import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import type { MergeChanges, MergeField } from '../../domain/contact-files/contact-merge.js';
import type { ImportPlan, MatchChoice, PlanRow } from '../../domain/contact-files/import-plan.js';
import { contactSubtitle } from './contact-format.js';

/**
 * How many rows the preview lists besides those needing a look (signed duplicates and local
 * matches, always all listed).
 */
const PREVIEW_ROWS = 20;

const MATCH_CHOICES: readonly MatchChoice[] = ['merge', 'skip', 'add'];

/** The user's choices for the local matches, held by the dialog. */
export interface PreviewChoices {
  /** A local match's choice: the user's, or the default (merge). */
  of(row: PlanRow): MatchChoice;
  /** Records the choice the user picked for a local match. */
  set(row: PlanRow, choice: MatchChoice): void;
}

/** A field's label, lower-cased to sit inside a sentence. */
function fieldName(field: MergeField): string {
  return t(`contact.${field}`).toLocaleLowerCase(currentLocale());
}

/** What merging adds, fills and keeps, in words (one sentence each). */
function mergeSentences(changes: MergeChanges): string[] {
  const adds = [
    changes.phones.length ? t('import.merge.phones', changes.phones.length) : '',
    changes.emails.length ? t('import.merge.emails', changes.emails.length) : '',
    changes.groups.length ? t('import.merge.groups', changes.groups.length) : '',
    changes.roles.length ? t('import.merge.roles', changes.roles.length) : '',
    changes.cellMember ? t('import.merge.cell') : '',
  ].filter(Boolean);
  return [
    adds.length ? t('import.merge.adds', adds.join(', ')) : '',
    changes.filled.length ? t('import.merge.fills', changes.filled.map(fieldName).join(', ')) : '',
    changes.kept.length ? t('import.merge.keeps', changes.kept.map(fieldName).join(', ')) : '',
    changes.leftOut ? t('import.merge.leftOut', changes.leftOut) : '',
  ].filter(Boolean);
}

/** Why a row was recognised, naming the directory's contact. */
function matchedBy(row: PlanRow): string {
  if (!row.match || !row.reason) return '';
  return t(`import.matchedBy.${row.reason}`, row.match.displayName);
}

/**
 * The rows needing a look (signed duplicates, local matches) all, then the others up to
 * PREVIEW_ROWS: a file of 1,000 new contacts needs no 1,000-row preview.
 */
export function renderImportPreview(plan: ImportPlan, choices: PreviewChoices) {
  const toCheck = plan.rows.filter(
    (row) =>
      row.status === 'signed-duplicate' ||
      (row.status === 'local-match' && row.repeatOf === undefined),
  );
  const others = plan.rows.filter((row) => !toCheck.includes(row));
  const shown = others.slice(0, PREVIEW_ROWS);
  return html`${
    toCheck.length
      ? html`<section aria-labelledby="import-check">
          <h3 id="import-check">${t('import.toCheck', toCheck.length)}</h3>
          <ul class="rows">
            ${toCheck.map((row) => renderRow(plan, row, choices))}
          </ul>
        </section>`
      : nothing
  }
  ${
    shown.length
      ? html`<section aria-labelledby="import-others">
          <h3 id="import-others">${t('import.otherRows')}</h3>
          ${
            shown.length < others.length
              ? html`<p class="muted">
                  ${t('import.previewCaption', shown.length, others.length)}
                </p>`
              : nothing
          }
          <ul class="rows">
            ${shown.map((row) => renderRow(plan, row, choices))}
          </ul>
        </section>`
      : nothing
  }`;
}

function renderRow(plan: ImportPlan, row: PlanRow, choices: PreviewChoices) {
  const contact = row.contact;
  const subtitle = contactSubtitle(contact);
  const numbers = contact.phones.map((phone) => phone.number).join(', ');
  return html`<li data-status=${row.status}>
    <span class="name">${contact.displayName}</span>${
      contact.cellMember
        ? html` <strong aria-hidden="true">★</strong
            ><span class="visually-hidden">${t('directory.cellMember')}</span>`
        : nothing
    }
    ${subtitle ? html`<p class="muted">${subtitle}</p>` : nothing}
    ${numbers ? html`<p class="numbers">${numbers}</p>` : nothing}
    ${renderStatus(plan, row, choices)}
  </li>`;
}

function renderStatus(plan: ImportPlan, row: PlanRow, choices: PreviewChoices) {
  const contact = row.contact;
  const first = row.repeatOf !== undefined ? plan.rows[row.repeatOf].contact.displayName : '';
  switch (row.status) {
    case 'new':
      return html`<p class="status">${t('import.status.new')}</p>`;
    case 'same':
      return html`<p class="status">
        ${row.repeatOf !== undefined ? t('import.status.repeat', first) : t('import.status.same')}
        ${row.match ? html`<span class="muted">— ${matchedBy(row)}</span>` : nothing}
      </p>`;
    case 'signed-duplicate': {
      const left = [
        ...(row.notImported?.phones.map((phone) => phone.number) ?? []),
        ...(row.notImported?.emails ?? []),
      ];
      return html`<p class="status signed">${t('import.status.signed')}</p>
        <p class="muted">${matchedBy(row)}</p>
        ${
          left.length
            ? html`<p class="not-imported">${t('import.notImported', left.join(', '))}</p>`
            : nothing
        }`;
    }
    case 'local-match': {
      const id = `import-choice-${row.index}`;
      return html`<p class="status">${t('import.status.localMatch')}</p>
        <p class="muted">${matchedBy(row)}</p>
        <label for=${id}>${t('import.choice', contact.displayName)}</label>
        <select
          id=${id}
          @change=${(event: Event) =>
            choices.set(row, (event.target as HTMLSelectElement).value as MatchChoice)}
        >
          ${MATCH_CHOICES.map(
            (choice) =>
              html`<option value=${choice} ?selected=${choices.of(row) === choice}>
                ${t(`import.choice.${choice}`)}
              </option>`,
          )}
        </select>
        ${
          choices.of(row) === 'merge' && row.merge
            ? mergeSentences(row.merge.changes).map(
                (sentence) => html`<p class="muted">${sentence}</p>`,
              )
            : nothing
        }`;
    }
  }
}
