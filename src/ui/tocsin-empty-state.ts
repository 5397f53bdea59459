import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from './tokens.js';

/**
 * What a page shows when it has nothing yet: a heading that says so and a sentence on what will
 * fill it. Extra content (an action) goes in the default slot.
 */
@customElement('tocsin-empty-state')
export class TocsinEmptyState extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        text-align: center;
        padding: 2rem 1rem;
        margin: 0 0 var(--tocsin-gap);
        border: 2px dashed var(--tocsin-border);
        border-radius: var(--tocsin-radius);
      }

      h2 {
        font-size: 1.25rem;
        margin: 0 0 0.5rem;
      }

      p {
        margin: 0 auto 1rem;
        max-width: 32rem;
        color: var(--tocsin-muted);
      }
    `,
  ];

  /** The sentence that says the page is empty. */
  @property() heading = '';

  /** What will fill the page, and how. */
  @property() body = '';

  override render() {
    return html`<h2>${this.heading}</h2>
      <p>${this.body}</p>
      <slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-empty-state': TocsinEmptyState;
  }
}
