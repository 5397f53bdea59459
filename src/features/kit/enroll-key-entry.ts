// The controls where the member gives the kit key, drawn into the enrollment page's shadow root:
// a choice between the camera and a paste, then the QR scanner or the paste field.
import { html, nothing } from 'lit';
import type { KeyEntry, KeyTextError } from './enrollment-flow.js';
import { t } from './kit-messages.js';
import './tocsin-qr-scanner.js';

export interface KeyEntryView {
  entry: KeyEntry;
  error: KeyTextError | undefined;
  /** The key for a file in hand, or (false) a whole link when there is no file yet. */
  forKey: boolean;
}

export interface KeyEntryActions {
  chooseKeyEntry(entry: KeyEntry): void;
  /** The paste form was submitted; the page reads the field and empties it. */
  submitKey(event: Event): void;
  qrRead(event: CustomEvent<string>): void;
}

/** What the member is told when a pasted or scanned text was not taken. */
export function keyTextErrorMessage(error: KeyTextError): string {
  switch (error) {
    case 'empty':
      return t('kit.key.empty');
    case 'not-a-link':
      return t('kit.key.notALink');
    case 'not-tocsin-qr':
      return t('kit.key.notTocsinQr');
    case 'no-key':
      return t('kit.key.noKey');
  }
}

/** Scan or paste: the key for a file in hand, or a whole link when there is no file yet. */
export function renderKeyEntry(view: KeyEntryView, actions: KeyEntryActions) {
  const { entry, forKey } = view;
  const error = view.error
    ? html`<p id="key-error" class="error" role="alert">${keyTextErrorMessage(view.error)}</p>`
    : nothing;
  switch (entry) {
    case 'choose':
      return html`${error}
        <div class="actions">
          <button
            id="scan"
            class="button"
            type="button"
            @click=${() => actions.chooseKeyEntry('scan')}
          >
            ${t('kit.key.scan')}
          </button>
          <button
            class="button secondary"
            type="button"
            @click=${() => actions.chooseKeyEntry('paste')}
          >
            ${forKey ? t('kit.key.paste') : t('kit.key.pasteLink')}
          </button>
        </div>`;
    case 'scan':
      return html`<tocsin-qr-scanner
        @qr-read=${actions.qrRead}
        @qr-cancel=${() => actions.chooseKeyEntry('choose')}
      ></tocsin-qr-scanner>`;
    case 'paste':
      return html`<form @submit=${actions.submitKey}>
        <label for="key-input">${forKey ? t('kit.key.label') : t('kit.key.labelLink')}</label>
        <input
          id="key-input"
          class="key"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="go"
          aria-describedby=${view.error ? 'key-hint key-error' : 'key-hint'}
          aria-invalid=${view.error ? 'true' : 'false'}
        />
        <p id="key-hint" class="muted">${forKey ? t('kit.key.hint') : t('kit.link.hint')}</p>
        ${error}
        <div class="actions">
          <button class="button" type="submit">${t('kit.key.open')}</button>
          <button
            class="button secondary"
            type="button"
            @click=${() => actions.chooseKeyEntry('choose')}
          >
            ${t('kit.update.cancel')}
          </button>
        </div>
      </form>`;
  }
}
