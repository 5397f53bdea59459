import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { currentLocale, LocaleController } from '../../app/i18n/i18n.js';
import { content, tokens, visuallyHidden } from '../../ui/tokens.js';
import { t } from './call-messages.js';
import type { SafetyCode } from './safety-code.js';

/**
 * The room's safety code as the cell reads it aloud: its words in the current language, large,
 * then the same code in digits for a cell that does not share one language.
 *
 * Its section carries `data-safety-code` (the digits) and `data-safety-words` (the words shown),
 * for end-to-end tests to compare two devices.
 */
@customElement('tocsin-safety-code')
export class TocsinSafetyCode extends LitElement {
  static override styles = [
    tokens,
    visuallyHidden,
    content,
    css`
      :host {
        display: block;
      }

      /* Compact, so that it fits on a small phone's first screen under the call's controls. */
      .safety {
        text-align: center;
        padding: 0.75rem 1rem;
      }

      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.1875rem;
      }

      .words {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0 1rem;
        margin: 0.25rem 0;
        font-size: 1.625rem;
        line-height: 1.3;
        font-weight: 700;
        letter-spacing: 0.01em;
      }

      .digits {
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
        font-size: 1.25rem;
        font-variant-numeric: tabular-nums;
      }

      p {
        margin: 0 0 0.25rem;
      }

      p.muted {
        margin: 0;
        font-size: 0.9375rem;
      }

      @media (max-width: 30rem) {
        .words {
          font-size: 1.4375rem;
          gap: 0 0.75rem;
        }

        .digits {
          font-size: 1.125rem;
        }
      }
    `,
  ];

  /** The room's safety code; nothing is shown without one. */
  @property({ attribute: false }) safety?: SafetyCode;

  protected readonly locale = new LocaleController(this);

  override render() {
    const safety = this.safety;
    if (!safety) return nothing;
    const words = safety.words[currentLocale()];
    return html`<section
      class="card safety"
      aria-labelledby="safety-title"
      data-safety-code=${safety.digits.join(' ')}
      data-safety-words=${words.join(' ')}
    >
      <h3 id="safety-title">${t('call.safety.title')}</h3>
      <p>${t('call.safety.readAloud')}</p>
      <p class="words">${words.map((word) => html`<span>${word}</span>`)}</p>
      <p class="digits">
        <span class="visually-hidden">${t('call.safety.digits')}: </span>${safety.digits.join(' ')}
      </p>
      <p class="muted">${t('call.safety.different')}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-safety-code': TocsinSafetyCode;
  }
}
