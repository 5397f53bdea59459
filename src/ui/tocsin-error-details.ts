import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from './tokens.js';

/**
 * The technical side of an error, kept out of the way: a closed disclosure under the sentence
 * that says, in the member's language, what happened and what to do. What browsers and libraries
 * say ("TypeError: Failed to fetch") helps whoever supports the cell, not a member in a crisis, so
 * it is never shown inline. Renders nothing without a detail.
 *
 * The label ("Technical details") comes from the caller, in the member's language: ui/ has no
 * i18n. The detail must hold no secret (the call's `safeDetail` cuts tokens out).
 */
@customElement('tocsin-error-details')
export class TocsinErrorDetails extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }

      details {
        margin: 0.5rem 0 0;
        font-size: 0.9375rem;
        color: var(--tocsin-muted);
      }

      summary {
        cursor: pointer;
        min-height: var(--tocsin-touch);
        display: flex;
        align-items: center;
      }

      code {
        display: block;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-size: 0.875rem;
      }
    `,
  ];

  /** The disclosure's summary, in the member's language ("Technical details"). */
  @property() label = '';

  /** The error as the browser or a library gave it; nothing is shown when empty. */
  @property() detail = '';

  override render() {
    if (!this.detail) return nothing;
    return html`<details>
      <summary>${this.label}</summary>
      <code>${this.detail}</code>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-error-details': TocsinErrorDetails;
  }
}
