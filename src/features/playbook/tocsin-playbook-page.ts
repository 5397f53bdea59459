import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../app/i18n/i18n.js';
import { PageElement } from '../../app/page-element.js';
import '../../ui/tocsin-empty-state.js';
import { content, pageFrame, tokens } from '../../ui/tokens.js';

/** The playbook page. Until its data model lands, it says what will fill it and where it comes from. */
@customElement('tocsin-playbook-page')
export class TocsinPlaybookPage extends PageElement {
  static override styles = [tokens, pageFrame, content];

  override render() {
    return html`<h1 tabindex="-1">${t('playbook.title')}</h1>
      <tocsin-empty-state
        heading=${t('playbook.empty.title')}
        body=${t('playbook.empty.body')}
      ></tocsin-empty-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-playbook-page': TocsinPlaybookPage;
  }
}
