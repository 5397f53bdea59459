import { expect, fixture, html } from '@open-wc/testing';
import '../../src/ui/tocsin-virtual-list.js';
import type { TocsinVirtualList } from '../../src/ui/tocsin-virtual-list.js';
import { waitFor } from './helpers.js';

describe('virtual list', () => {
  const items = Array.from({ length: 20_000 }, (_, i) => `Contact ${i}`);

  async function renderList() {
    return fixture<TocsinVirtualList>(
      html`<tocsin-virtual-list
        style="height: 400px"
        row-height="50"
        label="Contacts"
        .items=${items}
        .renderItem=${(item: unknown) => html`<button>${item}</button>`}
      ></tocsin-virtual-list>`,
    );
  }

  const rows = (list: TocsinVirtualList) => [...list.querySelectorAll('li')];

  it('renders only the rows in view, and says how long the whole list is', async () => {
    const list = await renderList();
    await waitFor(() => rows(list).length > 0, 'rows');
    expect(rows(list).length).to.be.within(8, 40);
    expect(rows(list)[0].getAttribute('aria-setsize')).to.equal('20000');
    expect(rows(list)[0].getAttribute('aria-posinset')).to.equal('1');
    await expect(list).to.be.accessible();
  });

  it('follows the scroll position', async () => {
    const list = await renderList();
    list.scrollTop = 50 * 12_345;
    await waitFor(
      () => rows(list).some((row) => row.textContent?.includes('Contact 12345')),
      'row 12345',
    );
    expect(rows(list).length).to.be.within(8, 40);
  });

  it('moves between rows with the arrow keys, scrolling as needed', async () => {
    const list = await renderList();
    await waitFor(() => rows(list).length > 0, 'rows');
    const first = list.querySelector('button')!;
    first.focus();
    for (let i = 0; i < 12; i++) {
      const active = document.activeElement as HTMLElement;
      active.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
      );
      await waitFor(
        () => document.activeElement?.textContent === `Contact ${i + 1}`,
        `row ${i + 1} focused`,
      );
    }
    expect(list.scrollTop).to.be.greaterThan(0);
  });
});
