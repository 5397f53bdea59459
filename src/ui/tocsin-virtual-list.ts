import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssomStyle } from './cssom-style.js';

/** Rows rendered above and below the visible ones, so fast scrolling never shows blanks. */
const OVERSCAN = 8;

/**
 * A list that renders only the rows in view, so 20,000 contacts scroll as smoothly as 20. Rows
 * have one fixed height. It is its own scroll container; give it a height from outside.
 * Screen readers hear the whole list's size (aria-setsize) and each row's position; arrow keys
 * move between rows, scrolling as they go.
 */
@customElement('tocsin-virtual-list')
export class TocsinVirtualList extends LitElement {
  /**
   * Rows are rendered into the light DOM, inside the shadow root of the page using the list,
   * so the page's own styles reach them. Hence no static styles: the few structural rules
   * are set inline (through the CSSOM, which the Content Security Policy allows), and the page
   * gives the list its height.
   */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The items to list. */
  @property({ attribute: false }) items: readonly unknown[] = [];

  /** Draws one row; it must fit `rowHeight` and contain one focusable element. */
  @property({ attribute: false }) renderItem: (item: unknown, index: number) => TemplateResult =
    () => html``;

  /** Gives each row a stable key, so rows are reused as the list scrolls or is filtered. */
  @property({ attribute: false }) keyOf: (item: unknown, index: number) => unknown = (_, i) => i;

  /** The height of every row, in CSS pixels. */
  @property({ type: Number, attribute: 'row-height' }) rowHeight = 72;

  /** The list's accessible name. */
  @property() label = '';

  @state() private _first = 0;
  @state() private _visible = 20;
  private frame = 0;
  private readonly resizeObserver = new ResizeObserver(() => this.measure());

  override connectedCallback(): void {
    super.connectedCallback();
    Object.assign(this.style, {
      display: 'block',
      overflowY: 'auto',
      overscrollBehavior: 'contain',
      contain: 'strict',
    });
    this.addEventListener('scroll', this.onScroll, { passive: true });
    this.addEventListener('keydown', this.onKeyDown);
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('scroll', this.onScroll);
    this.removeEventListener('keydown', this.onKeyDown);
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new result set starts at its top.
    if (changed.has('items') && changed.get('items') !== undefined) {
      this.scrollTop = 0;
      this._first = 0;
    }
  }

  /** Scrolls so the row at `index` is in view. */
  scrollToIndex(index: number): void {
    const top = index * this.rowHeight;
    if (top < this.scrollTop) this.scrollTop = top;
    else if (top + this.rowHeight > this.scrollTop + this.clientHeight) {
      this.scrollTop = top + this.rowHeight - this.clientHeight;
    }
    this.measure();
  }

  private readonly onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  };

  private measure(): void {
    const first = Math.max(0, Math.floor(this.scrollTop / this.rowHeight) - OVERSCAN);
    const visible = Math.ceil(this.clientHeight / this.rowHeight) + 2 * OVERSCAN;
    if (first !== this._first) this._first = first;
    if (visible !== this._visible) this._visible = visible;
  }

  private readonly onKeyDown = async (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const row = (event.composedPath() as Element[]).find(
      (node) => node instanceof HTMLLIElement && node.dataset.index !== undefined,
    ) as HTMLLIElement | undefined;
    if (!row) return;
    event.preventDefault();
    const next = Number(row.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= this.items.length) return;
    this.scrollToIndex(next);
    await this.updateComplete;
    this.querySelector<HTMLElement>(`li[data-index="${next}"]`)
      ?.querySelector<HTMLElement>('a, button, [tabindex]')
      ?.focus();
  };

  override render() {
    const first = Math.min(this._first, Math.max(0, this.items.length - 1));
    const slice = this.items.slice(first, first + this._visible);
    return html`<div
      style=${cssomStyle({ position: 'relative', height: `${this.items.length * this.rowHeight}px` })}
    >
      <ul
        aria-label=${this.label}
        style=${cssomStyle({
          position: 'absolute',
          inset: '0 0 auto 0',
          margin: '0',
          padding: '0',
          'list-style': 'none',
          transform: `translateY(${first * this.rowHeight}px)`,
        })}
      >
        ${repeat(
          slice,
          (item, i) => this.keyOf(item, first + i),
          (item, i) =>
            html`<li
              data-index=${first + i}
              aria-setsize=${this.items.length}
              aria-posinset=${first + i + 1}
              style=${cssomStyle({
                height: `${this.rowHeight}px`,
                'box-sizing': 'border-box',
                overflow: 'hidden',
              })}
            >
              ${this.renderItem(item, first + i)}
            </li>`,
        )}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-virtual-list': TocsinVirtualList;
  }
}
