// The routed page: which element shows a route. A switch of one template per page rather than a
// tag looked up in the pages table: a Lit template binds values, never a tag name, and a fixed
// template keeps the page's element (and its state) across the shell's renders.
import { html, type TemplateResult } from 'lit';
import type { PageId, Route } from './router.js';
import type { AppServices } from './services.js';

/**
 * The element of the route's page, handed the services and the route's query. Its module must have loaded
 * (`loadPage`): before, the tag is an unknown element, which would show nothing.
 */
export function renderRoutedPage(
  route: Extract<Route, { page: PageId }>,
  services: AppServices,
): TemplateResult {
  switch (route.page) {
    case 'home':
      return html`<tocsin-home-page
        .services=${services}
        .params=${route.params}
      ></tocsin-home-page>`;
    case 'directory':
      return html`<tocsin-directory-page
        .services=${services}
        .params=${route.params}
      ></tocsin-directory-page>`;
    case 'playbook':
      return html`<tocsin-playbook-page
        .services=${services}
        .params=${route.params}
      ></tocsin-playbook-page>`;
    case 'log':
      return html`<tocsin-log-page
        .services=${services}
        .params=${route.params}
      ></tocsin-log-page>`;
    case 'rollcall':
      return html`<tocsin-rollcall-page
        .services=${services}
        .params=${route.params}
      ></tocsin-rollcall-page>`;
    case 'room':
      return html`<tocsin-room-page
        .services=${services}
        .params=${route.params}
      ></tocsin-room-page>`;
    case 'settings':
      return html`<tocsin-settings-page
        .services=${services}
        .params=${route.params}
      ></tocsin-settings-page>`;
    case 'enroll':
      return html`<tocsin-enroll-page
        .services=${services}
        .params=${route.params}
      ></tocsin-enroll-page>`;
  }
}
