import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../app/i18n/i18n.js';
import { PageElement } from '../../app/page-element.js';
import '../../ui/tocsin-empty-state.js';
import { content, pageFrame, tokens } from '../../ui/tokens.js';

/** The directory page. Until its data model lands, it says what will fill it and where it comes from. */
@customElement('tocsin-directory-page')
export class TocsinDirectoryPage extends PageElement {
  static override styles = [tokens, pageFrame, content];

  override render() {
    return html`<h1 tabindex="-1">${t('directory.title')}</h1>
      <tocsin-empty-state
        heading=${t('directory.empty.title')}
        body=${t('directory.empty.body')}
      ></tocsin-empty-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-directory-page': TocsinDirectoryPage;
  }
}
