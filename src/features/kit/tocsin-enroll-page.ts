// Placeholder until the enrollment page lands (written by another engineer right now).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../app/page-element.js';

@customElement('tocsin-enroll-page')
export class TocsinEnrollPage extends PageElement {
  override render() {
    return html`<h1 tabindex="-1">Enroll</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-enroll-page': TocsinEnrollPage;
  }
}
