import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { describeError } from '../../app/database-service.js';
import { formatBytes } from '../../app/i18n/i18n.js';
import { PageElement } from '../../app/page-element.js';
import { hrefFor } from '../../app/router.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import '../../ui/tocsin-file-button.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import { readEnrollmentLink, takeEnrollmentLink, type EnrollmentLink } from './enrollment-link.js';
import { MAX_KIT_BYTES } from './format/kit-types.js';
import {
  fetchKit,
  KitFetchError,
  type KitDownloadProgress,
  type KitFetchFailure,
} from './kit-fetch.js';
import type { PreparedKit } from './kit-installer.js';
import { t } from './kit-messages.js';
import {
  downloadFailureMessage,
  isKeyProblem,
  isSeriousProblem,
  kitProblemOf,
  problemMessage,
  refusalNamesInstalledKit,
  type KitProblem,
} from './kit-problem-message.js';
import { enrollStepStyles } from './kit-styles.js';
import { confirmationModeOf, type TocsinKitConfirmation } from './tocsin-kit-confirmation.js';
import './tocsin-qr-scanner.js';

/** A kit key as links carry it: 32 bytes in base64url, no padding. */
const BARE_KEY = /^[A-Za-z0-9_-]{43}$/;

/** Where the member is in the enrollment; each step has its own heading, which takes focus. */
type Step =
  | { name: 'start' }
  | { name: 'reading' }
  | { name: 'downloading'; progress: KitDownloadProgress }
  | { name: 'download-failed'; reason: KitFetchFailure; status?: number }
  | { name: 'key' }
  | { name: 'preparing' }
  | { name: 'confirm'; prepared: PreparedKit }
  | { name: 'declined'; update: boolean }
  | { name: 'installing' }
  | { name: 'installed'; summary: InstalledKitSummary }
  | { name: 'refused'; problem: KitProblem; prepared?: PreparedKit };

/** How the member gives the key: not chosen yet, typed or pasted, or read by the camera. */
type KeyEntry = 'choose' | 'paste' | 'scan';

/** Download failures that another try will not mend. */
const FINAL_FAILURES: readonly KitFetchFailure[] = ['cross-origin', 'bad-url', 'too-large'];

/**
 * Enrollment (`#/enroll`): the crisis kit arrives by an enrollment link (file and key), or as a file
 * with its key scanned from the QR code or pasted. Nothing is installed before the member compares
 * the organisation's fingerprint with the paper kit (first enrollment) or accepts the update. The
 * key is never sent anywhere, never logged, never written into the page but in the field the
 * member typed it in, and forgotten once the kit is opened.
 */
@customElement('tocsin-enroll-page')
export class TocsinEnrollPage extends PageElement {
  static override styles = [
    tokens,
    buttons,
    pageFrame,
    content,
    dialogStyles,
    enrollStepStyles,
    css`
      .drop {
        padding: 1.25rem 1rem;
        border: 2px dashed var(--tocsin-border);
        border-radius: var(--tocsin-radius);
        text-align: center;
      }

      .drop.dragging {
        border-color: var(--tocsin-focus);
        background: var(--tocsin-bg);
      }

      .drop p {
        margin: 0 0 0.75rem;
      }

      .problem {
        border: 2px solid var(--tocsin-danger);
      }

      .problem.serious {
        border-width: 4px;
        background: var(--tocsin-surface);
      }

      .problem.serious .message {
        color: var(--tocsin-danger);
        font-weight: 700;
      }

      .done {
        border: 2px solid var(--tocsin-ok);
      }

      progress {
        display: block;
        width: 100%;
        height: 1.25rem;
        margin: 0.5rem 0;
        accent-color: var(--tocsin-red);
      }

      input.key {
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      }
    `,
  ];

  @state() private _step: Step = { name: 'start' };
  /** The kit file, downloaded or chosen, until it is installed or given up. */
  @state() private _file?: { bytes: Uint8Array<ArrayBuffer>; name?: string };
  @state() private _keyEntry: KeyEntry = 'choose';
  @state() private _keyError = '';
  @state() private _dragging = false;
  @state() private _persisted?: boolean;
  @query('#key-input') private keyInput?: HTMLInputElement;
  @query('tocsin-kit-confirmation') private confirmation?: TocsinKitConfirmation;

  /** The key, in memory only and only until the kit is opened with it. Never rendered. */
  private kitKey?: string;
  /** The kit URL of the link being downloaded, for "Try again". */
  private downloadUrl?: string;
  private download?: AbortController;
  private started = false;

  private readonly onHashChange = () => {
    // main.ts took a new enrollment link out of the address; this page is already showing.
    const link = takeEnrollmentLink();
    if (link && this._step.name !== 'installing') {
      this.reset();
      this.openLink(link);
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.download?.abort();
    this.kitKey = undefined;
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('services') && this.services && !this.started) {
      this.started = true;
      const link = takeEnrollmentLink();
      if (link) this.openLink(link);
    }
  }

  override updated(changed: PropertyValues): void {
    const previous = changed.get('_step') as Step | undefined;
    // Each new step's heading takes focus (not a progress update within a step, nor the first
    // render, whose focus the shell gives the page's h1).
    if (previous && previous.name !== this._step.name) this.focusStepHeading();
  }

  /** The confirmation's heading is in its own shadow root; every other step's is in this one. */
  private focusStepHeading(): void {
    if (this.confirmation) void this.confirmation.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  /** Follows an enrollment link: downloads its kit, or keeps its key until a file is chosen. */
  private openLink(link: EnrollmentLink): void {
    this.kitKey = link.kitKey;
    if (link.kitUrl) {
      void this.downloadKit(link.kitUrl);
    } else {
      this._file = undefined;
      this._step = { name: 'start' };
    }
  }

  private async downloadKit(kitUrl: string): Promise<void> {
    this.download?.abort();
    const download = new AbortController();
    this.download = download;
    this.downloadUrl = kitUrl;
    this._file = undefined;
    this._step = { name: 'downloading', progress: { received: 0 } };
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await fetchKit(kitUrl, {
        signal: download.signal,
        onProgress: (progress) => {
          if (this.download === download) this._step = { name: 'downloading', progress };
        },
      });
    } catch (error) {
      if (this.download !== download) return;
      this.download = undefined;
      const failure =
        error instanceof KitFetchError ? error : new KitFetchError('network', undefined);
      if (failure.reason === 'aborted') return;
      this._step = {
        name: 'download-failed',
        reason: failure.reason,
        ...(failure.status ? { status: failure.status } : {}),
      };
      return;
    }
    if (this.download !== download) return;
    this.download = undefined;
    this._file = { bytes };
    await this.continueWithFile();
  }

  private cancelDownload(): void {
    this.download?.abort();
    this.download = undefined;
    this._step = { name: 'start' };
  }

  /** Reads a chosen or dropped file, refusing one too large to be a kit before reading it. */
  async readFile(file: File): Promise<void> {
    if (this._step.name === 'installing') return;
    this.download?.abort();
    this.download = undefined;
    this._file = undefined;
    if (file.size > MAX_KIT_BYTES) {
      this._step = { name: 'refused', problem: { kind: 'kit', code: 'too-large' } };
      return;
    }
    this._step = { name: 'reading' };
    try {
      this._file = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
    } catch (error) {
      this._step = { name: 'refused', problem: { kind: 'failed', reason: describeError(error) } };
      return;
    }
    await this.continueWithFile();
  }

  /** With a file: open it if the key is known, or ask for the key. */
  private async continueWithFile(): Promise<void> {
    if (this.kitKey) {
      await this.prepareKit();
    } else {
      this._keyEntry = 'choose';
      this._keyError = '';
      this._step = { name: 'key' };
    }
  }

  /** Understands a pasted or scanned text: a whole enrollment link, or the key alone. */
  private useKeyText(text: string, scanned: boolean): void {
    const trimmed = text.trim();
    this._keyError = '';
    if (!trimmed) {
      this._keyError = t('kit.key.empty');
      return;
    }
    const link = readEnrollmentLink(trimmed);
    let key = link?.kitKey;
    if (!link) {
      if (!BARE_KEY.test(trimmed)) {
        this._keyError = scanned ? t('kit.key.notTocsinQr') : t('kit.key.notALink');
        this._keyEntry = scanned ? 'choose' : this._keyEntry;
        return;
      }
      key = trimmed;
    }
    if (this._file) {
      if (!key) {
        this._keyError = t('kit.key.noKey');
        if (scanned) this._keyEntry = 'choose';
        return;
      }
      this.kitKey = key;
      void this.prepareKit();
    } else if (link?.kitUrl) {
      this.openLink(link);
    } else {
      this.kitKey = key;
      this._keyEntry = 'choose';
      this._step = { name: 'start' };
    }
  }

  private submitKey(event: Event): void {
    event.preventDefault();
    const input = this.keyInput;
    if (!input) return;
    const text = input.value;
    // The key leaves the field as soon as it is read; only this.kitKey holds it, briefly.
    input.value = '';
    this.useKeyText(text, false);
  }

  private readonly onQrRead = (event: CustomEvent<string>) => {
    event.stopPropagation();
    this.useKeyText(event.detail, true);
    if (this._keyEntry === 'choose') void this.focusAfterRender('#scan');
  };

  private async prepareKit(): Promise<void> {
    const file = this._file;
    const key = this.kitKey;
    // Used once: a wrong key is typed again, never kept.
    this.kitKey = undefined;
    if (!file || !key) return;
    this._step = { name: 'preparing' };
    try {
      const prepared = await this.services.crisisKit.prepare(file.bytes, key);
      this._step = { name: 'confirm', prepared };
    } catch (error) {
      await this.refuse(error);
    }
  }

  private async install(prepared: PreparedKit): Promise<void> {
    this._step = { name: 'installing' };
    let summary: InstalledKitSummary;
    try {
      summary = await this.services.crisisKit.install(prepared);
    } catch (error) {
      await this.refuse(error, prepared);
      return;
    }
    this._file = undefined;
    this._persisted = undefined;
    this._step = { name: 'installed', summary };
    // Enrolling is one of the two moments Tocsin asks the browser to keep its data.
    void this.services.storage.requestPersistence().then(
      (granted) => (this._persisted = granted),
      () => undefined,
    );
  }

  private async refuse(error: unknown, prepared?: PreparedKit): Promise<void> {
    const installed = refusalNamesInstalledKit(error)
      ? await this.services.kit.loadInstalledKit().catch(() => undefined)
      : undefined;
    const problem = kitProblemOf(error, installed);
    this._step = { name: 'refused', problem, ...(prepared ? { prepared } : {}) };
  }

  private decline(prepared: PreparedKit): void {
    this._file = undefined;
    this._step = { name: 'declined', update: !!prepared.installed };
  }

  /** Forgets the file, the key and any download: back to the first step. */
  private reset(): void {
    this.download?.abort();
    this.download = undefined;
    this.kitKey = undefined;
    this.downloadUrl = undefined;
    this._file = undefined;
    this._keyEntry = 'choose';
    this._keyError = '';
    this._step = { name: 'start' };
  }

  private keyAgain(): void {
    this._keyEntry = 'choose';
    this._keyError = '';
    this._step = { name: 'key' };
  }

  private chooseKeyEntry(entry: KeyEntry): void {
    this._keyEntry = entry;
    this._keyError = '';
    if (entry === 'paste') void this.focusAfterRender('#key-input');
    if (entry === 'scan') void this.focusAfterRender('tocsin-qr-scanner');
    if (entry === 'choose') void this.focusAfterRender('#scan');
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly onFilePicked = (event: CustomEvent<File>) => void this.readFile(event.detail);

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this._dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this._dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.readFile(file);
  }

  override render() {
    return html`<h1 tabindex="-1">${t('enroll.title')}</h1>
      ${this.renderStep()}`;
  }

  private renderStep() {
    const step = this._step;
    switch (step.name) {
      case 'start':
        return this.renderStart();
      case 'reading':
        return this.renderBusy(t('kit.file.reading'));
      case 'downloading':
        return this.renderDownloading(step.progress);
      case 'download-failed':
        return this.renderDownloadFailed(step.reason, step.status);
      case 'key':
        return this.renderKey();
      case 'preparing':
        return this.renderBusy(t('kit.preparing'));
      case 'confirm':
        return html`<tocsin-kit-confirmation
          .prepared=${step.prepared}
          mode=${confirmationModeOf(step.prepared)}
          @kit-install=${(event: CustomEvent<PreparedKit>) => this.install(event.detail)}
          @kit-decline=${(event: CustomEvent<PreparedKit>) => this.decline(event.detail)}
        ></tocsin-kit-confirmation>`;
      case 'declined':
        return this.renderDeclined(step.update);
      case 'installing':
        return this.renderBusy(t('kit.installing'));
      case 'installed':
        return this.renderInstalled(step.summary);
      case 'refused':
        return this.renderRefused(step.problem, step.prepared);
    }
  }

  private renderBusy(message: string) {
    return html`<section class="card" role="status">
      <h2 id="step-title" tabindex="-1">${message}</h2>
      <progress aria-label=${message}></progress>
    </section>`;
  }

  private renderStart() {
    const keyHeld = !!this.kitKey;
    return html`<p>${keyHeld ? t('kit.keyHeld') : t('kit.intro')}</p>
      <section class="card" aria-labelledby="step-title">
        <h2 id="step-title" tabindex="-1">${t('kit.file.title')}</h2>
        <div
          class="drop ${this._dragging ? 'dragging' : ''}"
          @dragover=${this.onDragOver}
          @dragleave=${() => (this._dragging = false)}
          @drop=${this.onDrop}
        >
          <p>${t('kit.file.drop')}</p>
          <tocsin-file-button
            label=${t('kit.file.choose')}
            accept=".tocsin"
            @file-picked=${this.onFilePicked}
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
              ${this.renderKeyEntry(false)}
            </section>`
      }`;
  }

  private renderKey() {
    const file = this._file;
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
      ${this.renderKeyEntry(true)}
      <p class="actions">
        <tocsin-file-button
          label=${t('kit.file.another')}
          accept=".tocsin"
          @file-picked=${this.onFilePicked}
        ></tocsin-file-button>
      </p>
    </section>`;
  }

  /** Scan or paste: the key for a file in hand, or a whole link when there is no file yet. */
  private renderKeyEntry(forKey: boolean) {
    const error = this._keyError
      ? html`<p id="key-error" class="error" role="alert">${this._keyError}</p>`
      : nothing;
    switch (this._keyEntry) {
      case 'choose':
        return html`${error}
          <div class="actions">
            <button
              id="scan"
              class="button"
              type="button"
              @click=${() => this.chooseKeyEntry('scan')}
            >
              ${t('kit.key.scan')}
            </button>
            <button
              class="button secondary"
              type="button"
              @click=${() => this.chooseKeyEntry('paste')}
            >
              ${forKey ? t('kit.key.paste') : t('kit.key.pasteLink')}
            </button>
          </div>`;
      case 'scan':
        return html`<tocsin-qr-scanner
          @qr-read=${this.onQrRead}
          @qr-cancel=${() => this.chooseKeyEntry('choose')}
        ></tocsin-qr-scanner>`;
      case 'paste':
        return html`<form @submit=${this.submitKey}>
          <label for="key-input">${forKey ? t('kit.key.label') : t('kit.key.labelLink')}</label>
          <input
            id="key-input"
            class="key"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="go"
            aria-describedby=${this._keyError ? 'key-hint key-error' : 'key-hint'}
            aria-invalid=${this._keyError ? 'true' : 'false'}
          />
          <p id="key-hint" class="muted">${forKey ? t('kit.key.hint') : t('kit.link.hint')}</p>
          ${error}
          <div class="actions">
            <button class="button" type="submit">${t('kit.key.open')}</button>
            <button
              class="button secondary"
              type="button"
              @click=${() => this.chooseKeyEntry('choose')}
            >
              ${t('kit.update.cancel')}
            </button>
          </div>
        </form>`;
    }
  }

  private renderDownloading(progress: KitDownloadProgress) {
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
        <button class="button secondary" type="button" @click=${this.cancelDownload}>
          ${t('kit.download.cancel')}
        </button>
      </div>
    </section>`;
  }

  private renderDownloadFailed(reason: KitFetchFailure, status?: number) {
    const message = downloadFailureMessage(reason, status);
    const url = this.downloadUrl;
    return html`<section class="card problem" role="alert" aria-labelledby="step-title">
      <h2 id="step-title" tabindex="-1">${t('kit.download.failedTitle')}</h2>
      <p class="message">${message}</p>
      <p>${t('kit.download.nothingInstalled')}</p>
      <div class="actions">
        ${
          url && !FINAL_FAILURES.includes(reason)
            ? html`<button class="button" type="button" @click=${() => this.downloadKit(url)}>
                ${t('kit.download.retry')}
              </button>`
            : nothing
        }
        <button
          class="button secondary"
          type="button"
          @click=${() => (this._step = { name: 'start' })}
        >
          ${t('kit.download.useFile')}
        </button>
      </div>
    </section>`;
  }

  private renderDeclined(update: boolean) {
    return html`<section class="card ${update ? '' : 'problem serious'}" role="alert">
      <h2 id="step-title" tabindex="-1">
        ${update ? t('kit.cancelled.title') : t('kit.declined.title')}
      </h2>
      ${update ? nothing : html`<p class="message">${t('kit.declined.body')}</p>`}
      <p>${t('kit.nothingWritten')}</p>
      <div class="actions">
        <button class="button secondary" type="button" @click=${this.reset}>
          ${t('kit.startAgain')}
        </button>
      </div>
    </section>`;
  }

  private renderInstalled(summary: InstalledKitSummary) {
    return html`<section class="card done" role="status">
      <h2 id="step-title" tabindex="-1">${t('kit.installed.title')}</h2>
      <p>${t('kit.installed.body', summary.organisation.name, summary.version)}</p>
      <p>
        ${t(
          'kit.installed.counts',
          t('kit.contacts', summary.counts.contacts),
          t('kit.playbookItems', summary.counts.playbookItems),
        )}
      </p>
      ${
        this._persisted === false
          ? html`<p class="muted">${t('kit.installed.notPersisted')}</p>`
          : nothing
      }
      <div class="actions">
        <a class="button" href=${hrefFor('directory')}>${t('kit.installed.directory')}</a>
        <a class="button secondary" href=${hrefFor('home')}>${t('kit.installed.home')}</a>
      </div>
    </section>`;
  }

  private renderRefused(problem: KitProblem, prepared: PreparedKit | undefined) {
    const already = problem.kind === 'kit' && problem.code === 'already-installed';
    const serious = isSeriousProblem(problem);
    const keyProblem = isKeyProblem(problem);
    // Storage failed while installing: the verified kit can be installed again as it is.
    const installAgain = prepared && problem.kind !== 'kit';
    return html`<section
      class="card ${already ? 'done' : `problem ${serious ? 'serious' : ''}`}"
      role=${already ? 'status' : 'alert'}
    >
      <h2 id="step-title" tabindex="-1">
        ${already ? t('kit.refused.alreadyTitle') : t('kit.refused.title')}
      </h2>
      <p class="message">${problemMessage(problem)}</p>
      ${already ? nothing : html`<p>${t('kit.refused.unchanged')}</p>`}
      <div class="actions">
        ${
          installAgain
            ? html`<button class="button" type="button" @click=${() => this.install(prepared)}>
                ${t('kit.refused.installAgain')}
              </button>`
            : nothing
        }
        ${
          keyProblem && this._file
            ? html`<button class="button" type="button" @click=${this.keyAgain}>
                ${t('kit.refused.keyAgain')}
              </button>`
            : nothing
        }
        ${
          already
            ? html`<a class="button" href=${hrefFor('home')}>${t('kit.installed.home')}</a>`
            : nothing
        }
        <button class="button secondary" type="button" @click=${this.reset}>
          ${installAgain ? t('kit.startAgain') : t('kit.refused.anotherFile')}
        </button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-enroll-page': TocsinEnrollPage;
  }
}
