import { svg, type SVGTemplateResult } from 'lit';

// Simple 24×24 stroke icons drawn for Tocsin; always decorative (aria-hidden), next to a text label.

/** Frames an icon's strokes (24×24 view box) as a decorative icon of `size` pixels. */
export const iconFrame = (body: SVGTemplateResult, size = 24) =>
  svg`<svg viewBox="0 0 24 24" width=${size} height=${size} aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

const frame = (body: SVGTemplateResult) => iconFrame(body);

/** The navigation icons, by page. */
export const icons = {
  home: frame(svg`<path d="M3 11l9-7 9 7"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/>`),
  directory: frame(
    svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/><path d="M16 4.5a3.5 3.5 0 010 7"/><path d="M18 14.8c1.8.8 3 2.5 3.5 5.2"/>`,
  ),
  playbook: frame(
    svg`<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8l1.5 1.5L12 7"/><path d="M8 14l1.5 1.5L12 13"/><path d="M14 8.5h3M14 14.5h3"/>`,
  ),
  log: frame(svg`<path d="M6 3h10l3 3v15H6z"/><path d="M9 9h7M9 13h7M9 17h4"/><path d="M3 6v15"/>`),
  rollcall: frame(
    svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/><path d="M15.5 10l2 2 4-4.5"/>`,
  ),
  room: frame(
    svg`<rect x="2.5" y="6" width="13" height="12" rx="2"/><path d="M15.5 10.5l6-3.5v10l-6-3.5"/>`,
  ),
  settings: frame(
    svg`<circle cx="12" cy="12" r="3"/><path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"/>`,
  ),
};
