// The enrollment steps where the kit file and its key arrive: the first step (a file, or a link),
// the key for a file in hand, and a link's download. Drawn into the enrollment page's shadow root,
// whose styles they use; every action goes back to the page.
import { html, nothing } from 'lit';
import { formatBytes } from '../../app/i18n/i18n.js';
import '../../ui/tocsin-file-button.js';
import { renderKeyEntry, type KeyEntryActions, type KeyEntryView } from './enroll-key-entry.js';
import type { KitFile } from './enrollment-flow.js';
import type { KitDownloadProgress, KitFetchFailure } from './kit-fetch.js';
import { t } from './kit-messages.js';
import { downloadFailureMessage } from './kit-problem-message.js';

export interface FileActions {
  filePicked(event: CustomEvent<File>): void;
}

export interface DropActions extends FileActions {
  dragOver(event: DragEvent): void;
  dragLeave(): void;
  drop(event: DragEvent): void;
}

export interface StartView {
  /** A link gave the key: only its file is missing. */
  keyHeld: boolean;
  /** A file is dragged over the drop zone. */
  dragging: boolean;
  keyEntry: Omit<KeyEntryView, 'forKey'>;
}

/** The first step: drop or choose the kit file, or give the enrollment link. */
export function renderStartStep(view: StartView, actions: DropActions & KeyEntryActions) {
  const { keyHeld } = view;
  return html`<p>${keyHeld ? t('kit.keyHeld') : t('kit.intro')}</p>
    <section class="card" aria-labelledby="step-title">
      <h2 id="step-title" tabindex="-1">${t('kit.file.title')}</h2>
      <div
        class="drop ${view.dragging ? 'dragging' : ''}"
        @dragover=${actions.dragOver}
        @dragleave=${actions.dragLeave}
        @drop=${actions.drop}
      >
        <p>${t('kit.file.drop')}</p>
        <tocsin-file-button
          label=${t('kit.file.choose')}
          accept=".tocsin"
          @file-picked=${actions.filePicked}
        ></tocsin-file-button>
      </div>
    </section>
    ${
      keyHeld
        ? nothing
        : html`<section class="card" aria-labelledby="link-title">
            <h2 id="link-title">${t('kit.link.title')}</h2>
            <p>${t('kit.link.hint')}</p>
            <p><strong>${t('kit.key.private')}</strong></p>
            ${renderKeyEntry({ ...view.keyEntry, forKey: false }, actions)}
          </section>`
    }`;
}

/** A file is in hand without its key: scan or paste it, or choose another file. */
export function renderKeyStep(
  file: KitFile | undefined,
  keyEntry: Omit<KeyEntryView, 'forKey'>,
  actions: FileActions & KeyEntryActions,
) {
  return html`<section class="card" aria-labelledby="step-title">
    <h2 id="step-title" tabindex="-1">${t('kit.key.title')}</h2>
    ${
      file
        ? html`<p class="muted">
            ${
              file.name
                ? t('kit.file.chosen', file.name, formatBytes(file.bytes.length))
                : t('kit.file.downloaded', formatBytes(file.bytes.length))
            }
          </p>`
        : nothing
    }
    <p>${t('kit.key.why')}</p>
    <p><strong>${t('kit.key.private')}</strong></p>
    ${renderKeyEntry({ ...keyEntry, forKey: true }, actions)}
    <p class="actions">
      <tocsin-file-button
        label=${t('kit.file.another')}
        accept=".tocsin"
        @file-picked=${actions.filePicked}
      ></tocsin-file-button>
    </p>
  </section>`;
}

/** A link's kit downloading, with a bar when the server said how large it is. */
export function renderDownloadingStep(
  progress: KitDownloadProgress,
  actions: { cancelDownload(): void },
) {
  const { received, total } = progress;
  return html`<section class="card" aria-labelledby="step-title">
    <h2 id="step-title" tabindex="-1">${t('kit.download.title')}</h2>
    ${
      total
        ? html`<progress aria-labelledby="step-title" max=${total} .value=${received}></progress>`
        : html`<progress aria-labelledby="step-title"></progress>`
    }
    <p class="muted">
      ${
        total
          ? t('kit.download.progress', formatBytes(received), formatBytes(total))
          : t('kit.download.received', formatBytes(received))
      }
    </p>
    <div class="actions">
      <button class="button secondary" type="button" @click=${actions.cancelDownload}>
        ${t('kit.download.cancel')}
      </button>
    </div>
  </section>`;
}

export interface DownloadFailedView {
  reason: KitFetchFailure;
  status?: number;
  /** Another try may work (not for a link that can never be downloaded). */
  canRetry: boolean;
}

/** The download failed: why, and the way on (try again, or use a file). */
export function renderDownloadFailedStep(
  view: DownloadFailedView,
  actions: { retryDownload(): void; useFileInstead(): void },
) {
  return html`<section class="card problem" role="alert" aria-labelledby="step-title">
    <h2 id="step-title" tabindex="-1">${t('kit.download.failedTitle')}</h2>
    <p class="message">${downloadFailureMessage(view.reason, view.status)}</p>
    <p>${t('kit.download.nothingInstalled')}</p>
    <div class="actions">
      ${
        view.canRetry
          ? html`<button class="button" type="button" @click=${actions.retryDownload}>
              ${t('kit.download.retry')}
            </button>`
          : nothing
      }
      <button class="button secondary" type="button" @click=${actions.useFileInstead}>
        ${t('kit.download.useFile')}
      </button>
    </div>
  </section>`;
}
