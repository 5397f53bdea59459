import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../app/i18n/i18n.js';
import { PageElement } from '../../app/page-element.js';
import '../../ui/tocsin-empty-state.js';
import { content, pageFrame, tokens } from '../../ui/tokens.js';

/** The log page. Until its data model lands, it says what will fill it and where it comes from. */
@customElement('tocsin-log-page')
export class TocsinLogPage extends PageElement {
  static override styles = [tokens, pageFrame, content];

  override render() {
    return html`<h1 tabindex="-1">${t('log.title')}</h1>
      <tocsin-empty-state
        heading=${t('log.empty.title')}
        body=${t('log.empty.body')}
      ></tocsin-empty-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-log-page': TocsinLogPage;
  }
}
