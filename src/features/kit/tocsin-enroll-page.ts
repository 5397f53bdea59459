import { css, html, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { PageElement } from '../../app/page-element.js';
import { dialogStyles } from '../../ui/dialog-styles.js';
import { buttons, content, pageFrame, tokens } from '../../ui/tokens.js';
import {
  renderDownloadFailedStep,
  renderDownloadingStep,
  renderKeyStep,
  renderStartStep,
} from './enroll-arrival-steps.js';
import {
  renderBusyStep,
  renderDeclinedStep,
  renderInstalledStep,
  renderRefusedStep,
} from './enroll-outcome-steps.js';
import { EnrollmentFlow, type EnrollStep, type KeyEntry } from './enrollment-flow.js';
import { takeEnrollmentLink } from './enrollment-link.js';
import { fetchKit } from './kit-fetch.js';
import type { PreparedKit } from './kit-installer.js';
import { t } from './kit-messages.js';
import { enrollStepStyles } from './kit-styles.js';
import { confirmationModeOf, type TocsinKitConfirmation } from './tocsin-kit-confirmation.js';

/**
 * Enrollment (`#/enroll`): the crisis kit arrives by an enrollment link (file and key), or as a file
 * with its key scanned from the QR code or pasted. Nothing is installed before the member compares
 * the organisation's fingerprint with the paper kit (first enrollment) or accepts the update. The
 * key is never sent anywhere, never logged, never written into the page but in the field the
 * member typed it in, and forgotten once the kit is opened.
 *
 * The steps and their order are EnrollmentFlow's (enrollment-flow.ts); this element draws the
 * current step, moves focus between steps, and hands the member's actions to the flow.
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

  @state() private _dragging = false;
  @query('#key-input') private keyInput?: HTMLInputElement;
  @query('tocsin-kit-confirmation') private confirmation?: TocsinKitConfirmation;

  // The services are read at each call, not when the flow is made: they arrive after construction.
  private readonly flow = new EnrollmentFlow(
    {
      fetchKit,
      prepare: (file, kitKey) => this.services.crisisKit.prepare(file, kitKey),
      install: (prepared) => this.services.crisisKit.install(prepared),
      installedKit: () => this.services.kit.loadInstalledKit(),
      requestPersistence: () => this.services.storage.requestPersistence(),
    },
    () => this.requestUpdate(),
  );
  /** The step drawn by the last render, to tell a new step from a change within one. */
  private shownStep?: EnrollStep['name'];
  private started = false;

  /** What the steps' controls do; one object, so listeners stay the same between renders. */
  private readonly actions = {
    filePicked: (event: CustomEvent<File>) => void this.readFile(event.detail),
    dragOver: (event: DragEvent) => this.onDragOver(event),
    dragLeave: () => (this._dragging = false),
    drop: (event: DragEvent) => this.onDrop(event),
    chooseKeyEntry: (entry: KeyEntry) => this.chooseKeyEntry(entry),
    submitKey: (event: Event) => this.submitKey(event),
    qrRead: (event: CustomEvent<string>) => this.onQrRead(event),
    cancelDownload: () => this.flow.cancelDownload(),
    retryDownload: () => this.flow.retryDownload(),
    useFileInstead: () => this.flow.useFileInstead(),
    installAgain: () => this.flow.installAgain(),
    keyAgain: () => this.flow.keyAgain(),
    startAgain: () => this.flow.reset(),
  };

  private readonly onHashChange = () => {
    // main.ts took a new enrollment link out of the address; this page is already showing.
    const link = takeEnrollmentLink();
    if (link) this.flow.restartWithLink(link);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.flow.dispose();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('services') && this.services && !this.started) {
      this.started = true;
      const link = takeEnrollmentLink();
      if (link) this.flow.openLink(link);
    }
  }

  override updated(): void {
    const name = this.flow.state.step.name;
    // Each new step's heading takes focus (not a progress update within a step, nor the first
    // render, whose focus the shell gives the page's h1).
    if (this.shownStep && this.shownStep !== name) this.focusStepHeading();
    this.shownStep = name;
  }

  /** Reads a chosen or dropped file, refusing one too large to be a kit before reading it. */
  readFile(file: File): Promise<void> {
    return this.flow.readFile(file);
  }

  /** The confirmation's heading is in its own shadow root; every other step's is in this one. */
  private focusStepHeading(): void {
    if (this.confirmation) void this.confirmation.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  private submitKey(event: Event): void {
    event.preventDefault();
    const input = this.keyInput;
    if (!input) return;
    const text = input.value;
    // The key leaves the field as soon as it is read; only the flow holds it, briefly.
    input.value = '';
    this.flow.useKeyText(text, false);
  }

  private onQrRead(event: CustomEvent<string>): void {
    event.stopPropagation();
    this.flow.useKeyText(event.detail, true);
    if (this.flow.state.keyEntry === 'choose') void this.focusAfterRender('#scan');
  }

  private chooseKeyEntry(entry: KeyEntry): void {
    this.flow.chooseKeyEntry(entry);
    if (entry === 'paste') void this.focusAfterRender('#key-input');
    if (entry === 'scan') void this.focusAfterRender('tocsin-qr-scanner');
    if (entry === 'choose') void this.focusAfterRender('#scan');
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

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
    const { step, file, keyEntry, keyError, persisted } = this.flow.state;
    const actions = this.actions;
    const keyEntryView = { entry: keyEntry, error: keyError };
    switch (step.name) {
      case 'start':
        return renderStartStep(
          { keyHeld: this.flow.holdsKey, dragging: this._dragging, keyEntry: keyEntryView },
          actions,
        );
      case 'reading':
        return renderBusyStep(t('kit.file.reading'));
      case 'downloading':
        return renderDownloadingStep(step.progress, actions);
      case 'download-failed':
        return renderDownloadFailedStep(
          { reason: step.reason, status: step.status, canRetry: this.flow.canRetryDownload },
          actions,
        );
      case 'key':
        return renderKeyStep(file, keyEntryView, actions);
      case 'preparing':
        return renderBusyStep(t('kit.preparing'));
      case 'confirm':
        return html`<tocsin-kit-confirmation
          .prepared=${step.prepared}
          mode=${confirmationModeOf(step.prepared)}
          @kit-install=${(event: CustomEvent<PreparedKit>) => this.flow.install(event.detail)}
          @kit-decline=${(event: CustomEvent<PreparedKit>) => this.flow.decline(event.detail)}
        ></tocsin-kit-confirmation>`;
      case 'declined':
        return renderDeclinedStep(step.update, actions);
      case 'installing':
        return renderBusyStep(t('kit.installing'));
      case 'installed':
        return renderInstalledStep(step.summary, persisted);
      case 'refused':
        return renderRefusedStep(
          {
            problem: step.problem,
            canInstallAgain: this.flow.canInstallAgain,
            canRetypeKey: this.flow.canRetypeKey,
          },
          actions,
        );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-enroll-page': TocsinEnrollPage;
  }
}
