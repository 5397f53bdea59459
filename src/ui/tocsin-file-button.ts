import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { buttons, tokens } from './tokens.js';

/**
 * A button that opens the file picker and fires `file-picked` with the chosen file. The native
 * file input stays hidden: its look cannot be made a large, labelled touch target.
 */
@customElement('tocsin-file-button')
export class TocsinFileButton extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  /** The button's label. */
  @property() label = '';

  /** The file types offered, as in `<input accept>`. */
  @property() accept = '';

  @query('input') private input!: HTMLInputElement;

  /** Opens the picker, as a click on the button does. */
  pick(): void {
    this.input.click();
  }

  private picked(): void {
    const file = this.input.files?.[0];
    // Cleared so that picking the same file again is still a change.
    this.input.value = '';
    if (file) {
      this.dispatchEvent(
        new CustomEvent<File>('file-picked', { detail: file, bubbles: true, composed: true }),
      );
    }
  }

  override render() {
    return html`<button class="button secondary" type="button" @click=${this.pick}>
        ${this.label}
      </button>
      <input type="file" hidden accept=${this.accept} @change=${this.picked} />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-file-button': TocsinFileButton;
  }
}
