import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from './i18n/i18n.js';
import type { AppServices } from './services.js';

/**
 * What every routed page shares: the app's services, the UI language, and a heading that receives
 * focus on navigation so screen-reader users hear where they arrived.
 */
export abstract class PageElement extends LitElement {
  /** The app's services, handed down by <tocsin-app>. */
  @property({ attribute: false }) services!: AppServices;

  /** The query of the page's route, e.g. `contact=…` in `#/directory?contact=…`. */
  @property({ attribute: false }) params = new URLSearchParams();

  protected readonly locale = new LocaleController(this);

  /** Moves focus to the page's first heading (it must carry tabindex="-1"). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
