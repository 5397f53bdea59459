// The layout audit: a member enrolled with a real kit, with data on every page (contacts, one of
// them with a long unbroken name and a long address, a crisis and its entries, a ticked playbook
// item, a roll-call), is shown at four screen sizes (two phones, a tablet upright and on its side)
// in French and in English, on every page, in every dialog the audit can open, and in a real call
// on a real LiveKit server with a second member. In each state one pass in the page checks what a
// tester would see:
// - nothing is wider than the screen: the document, an element's box or a line of text past the
//   left or right edge (but inside the horizontal scrollers listed in SCROLLERS, and text cut
//   short on purpose by a box that clips it);
// - every visible, enabled control (button, link, input, select, textarea, summary, through the
//   open shadow roots of the Lit elements) can be touched: scrolled to the middle of the screen,
//   the element at its centre is the control itself or inside it, not a floating button, a
//   sticky footer, a banner or the navigation;
// - no button's label spills out of its button;
// - an open dialog is modal (in the top layer, above the floating button), and its own actions
//   are in sight as it opens, however long its content;
// - on a wide screen the navigation rail runs the page's whole height, beside the banners, its
//   links on screen wherever the page is scrolled;
// - in a call, the safety code's words are on the first screen, uncovered.
// Every finding names the state, the screen size, the language and the element. With
// TOCSIN_LAYOUT_SHOTS=<folder>, a screenshot of each state (top and end of the page) goes there.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { CELL_CONTACTS, CELL_MEMBERS, enrollAndReopen, tocsinKit } from './cell-support.mjs';
import { buildApp, removeBuild, startServer } from './support.mjs';

const ROOM = 'cellule-de-crise';
const [HELENE, FRANCOIS] = CELL_MEMBERS;

const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

/** The languages, and the label of each one's choice in the settings (in its own language). */
const LANGUAGES = [
  { lang: 'fr', choice: 'Français' },
  { lang: 'en', choice: 'English' },
];

/**
 * Where a box may pass the screen's edge on purpose: inside these horizontal scrollers, which
 * scroll sideways by design. Each is `host` (the element whose shadow root holds it) and a
 * selector within that root.
 */
const SCROLLERS = [
  // The speaker layout's strip of the other participants' tiles.
  { host: 'tocsin-call-stage', selector: '.strip' },
  // The paper kit, laid out for A4, whose tables keep each phone number on one line.
  { host: 'tocsin-directory-page', selector: 'tocsin-paper-kit' },
];

/**
 * Controls that are out of sight on purpose, and why.
 */
const HIDDEN_CONTROLS = [
  // The skip link sits above the screen until it takes focus.
  { host: 'tocsin-app', selector: 'button.skip' },
];

/** The import dialog's confirmation, shown once a file with contacts to add is read. */
const CONFIRM_IMPORT = 'tocsin-directory-import dialog[open] .actions > button:not(.secondary)';

/** A long unbroken name and a long address: what breaks a layout that only fits usual values. */
const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft';
const LONG_EMAIL =
  'maximiliana.wolfeschlegelsteinhausenbergerdorff@prefecture-auvergne-rhone-alpes.interieur.gouv.fr';
const CSV_HEADER =
  'Given name,Family name,Display name,Organisation,Service,Job title,Crisis roles,Mobile,' +
  'Work phone,Home phone,Satellite phone,Radio,Emails,Groups,Notes,Cell member,Id';
const IMPORT_CSV = [
  CSV_HEADER,
  `Maximiliana,${LONG_NAME},,Préfecture de la région Auvergne-Rhône-Alpes,Service interministériel de défense et de protection civiles,Cheffe du bureau de la planification et de la gestion des crises,decideur,06 45 21 87 93,04 72 61 60 60,,,,${LONG_EMAIL},Cellule de crise|Préfecture,Joignable jour et nuit,non,x-long`,
  'Paul,Durand,,Prestataire Infogérance,Support,Technicien,,07 81 23 45 67,,,,,paul.durand@example.org,,,non,x-paul',
  'Inès,Roux,,Centre hospitalier,Direction,Directrice de garde,,06 72 19 38 40,,,,,,,,non,x-ines',
].join('\r\n');
/** Three contacts the directory does not hold: the preview of an import still to confirm. */
const PREVIEW_CSV = [
  CSV_HEADER,
  `Anne-Sophie,Delacroix-Montgolfier,,Agence régionale de santé Auvergne-Rhône-Alpes,Veille et sécurité sanitaires,Responsable de la cellule de veille,,06 51 42 33 24,,,,,anne-sophie.delacroix-montgolfier@ars.sante.fr,,,non,`,
  'Karim,Benali,,SDIS de la Loire,Groupement prévision,Commandant,,06 38 47 56 65,,,,,,,,non,',
  'Lucie,Fabre,,Enedis,Astreinte,Cheffe d’astreinte,,07 62 53 44 35,,,,,,,,non,',
].join('\r\n');

const livekit = {
  server: /** @type {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} */ (
    /** @type {unknown} */ (undefined)
  ),
};
const state = {
  dir: '',
  keys: '',
  server: /** @type {{ url: string, kill: () => Promise<void> }} */ (
    /** @type {unknown} */ (undefined)
  ),
  browser: /** @type {import('playwright-core').Browser | undefined} */ (undefined),
  /** @type {Record<string, string>} */
  links: {},
};

before(async () => {
  // One hook for everything: node:test may not finish one root hook before starting the next.
  const binary = await ensureLivekitServer({ log: (line) => console.log(`# ${line}`) });
  livekit.server = await startLivekitServer({ binary, port: 0, log: () => {} });
  process.env.TOCSIN_LIVEKIT_URLS = livekit.server.url;
  state.dir = await buildApp('layout-audit', { TOCSIN_LIVEKIT_URLS: livekit.server.url });
  state.server = await startServer(state.dir);
  state.keys = await mkdtemp(join(tmpdir(), 'tocsin-e2e-layout-'));
  const key = join(state.keys, 'org.key');
  await tocsinKit(livekit.server, 'keygen', '--org-name', 'Mairie de Saint-Étienne', '--out', key);
  // The kits, served by the app's server; only the links of the two members the audit uses.
  const kits = join(state.dir, 'kits');
  await tocsinKit(
    livekit.server,
    'build',
    ...['--key', key, '--contacts', CELL_CONTACTS, '--livekit-url', livekit.server.url],
    ...['--room', ROOM, '--app-url', state.server.url.replace(/\/$/, '')],
    ...['--kits-url', new URL('kits/', state.server.url).href, '--out', kits],
  );
  for (const member of [HELENE, FRANCOIS]) {
    state.links[member] = (await readFile(join(kits, `${member}.link.txt`), 'utf8')).trim();
  }
  state.browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
});

after(async () => {
  await state.browser?.close();
  await livekit.server?.stop();
  await state.server?.kill();
  await removeBuild(state.dir);
  await rm(state.keys, { recursive: true, force: true });
  delete process.env.TOCSIN_LIVEKIT_URLS;
});

/**
 * The audit of one state, run in the page in one pass. Self-contained: it is serialised into the
 * page. Returns the findings as `{ kind, element, detail }`.
 * @param {{ scrollers: { host: string, selector: string }[],
 *   hiddenControls: { host: string, selector: string }[], safetyCode: boolean }} options
 */
function auditLayout({ scrollers, hiddenControls, safetyCode }) {
  /** @type {{ kind: string, element: string, detail: string }[]} */
  const findings = [];
  const width = document.documentElement.clientWidth;
  const height = window.innerHeight;
  window.scrollTo(0, 0);

  /** Every element of the document, shadow roots included, each after its parents. */
  const all = [];
  /** @param {Document | ShadowRoot} root */
  const collect = (root) => {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document);

  /** @param {Element} element the element's parent in the flat tree (slots and hosts included) */
  const parentOf = (element) => {
    if (element.assignedSlot) return element.assignedSlot;
    if (element.parentElement) return element.parentElement;
    const root = element.parentNode;
    return root instanceof ShadowRoot ? root.host : null;
  };
  /** @param {Element | null} element @param {Element} ancestor */
  const isInside = (element, ancestor) => {
    for (let at = element; at; at = parentOf(at)) {
      if (at === ancestor) return true;
    }
    return false;
  };
  /** @param {Element} element @param {{ host: string, selector: string }} place */
  const isAt = (element, place) => {
    const root = element.getRootNode();
    return (
      root instanceof ShadowRoot &&
      root.host.localName === place.host &&
      element.matches(place.selector)
    );
  };
  /** @param {Element} element a short description: hosts, a path, and its text or name */
  const describe = (element) => {
    const hosts = [];
    for (let root = element.getRootNode(); root instanceof ShadowRoot;) {
      hosts.unshift(root.host.localName);
      root = root.host.getRootNode();
    }
    const steps = [];
    for (let at = /** @type {Element | null} */ (element); at && steps.length < 3;) {
      const classes = [...at.classList].slice(0, 2).map((name) => `.${name}`);
      steps.unshift(at.localName + (at.id ? `#${at.id}` : '') + classes.join(''));
      at = at.parentElement;
    }
    const text = element instanceof HTMLElement ? element.innerText : element.textContent;
    const name =
      element.getAttribute('aria-label') ?? (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${hosts.join(' › ')} :: ${steps.join(' > ')}${name ? ` "${name}"` : ''}`;
  };
  /** @param {Element} element */
  const isShown = (element) => {
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false })) {
      return false;
    }
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  /** @param {DOMRect} a @param {DOMRect} b whether two boxes overlap by more than a pixel */
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  /** @param {DOMRect} box */
  const span = (box) =>
    `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
  /** The element at a point, followed into shadow roots. @param {number} x @param {number} y */
  const deepHit = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };

  // An open dialog must be modal: in the top layer, above everything, the rest inert.
  const dialogs = all.filter((element) => element instanceof HTMLDialogElement && element.open);
  for (const dialog of dialogs) {
    if (!dialog.matches(':modal')) {
      findings.push({ kind: 'dialog-not-modal', element: describe(dialog), detail: '' });
    }
  }
  const modal = dialogs.filter((dialog) => dialog.matches(':modal'));
  const inScope = modal.length
    ? all.filter((element) => modal.some((dialog) => isInside(element, dialog)))
    : all;

  // A dialog's own actions (its `.actions` row) are in sight as it opens, however long it is.
  for (const dialog of modal) {
    const row = [...dialog.children].find((child) => child.matches('.actions'));
    if (!row) continue;
    const frame = dialog.getBoundingClientRect();
    for (const control of row.querySelectorAll('button, a[href]')) {
      if (!isShown(control)) continue;
      const box = control.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const inside =
        box.top >= Math.max(frame.top, 0) - 1 && box.bottom <= Math.min(frame.bottom, height) + 1;
      if (!inside || !isInside(deepHit(x, y), control)) {
        findings.push({
          kind: 'dialog-action-out-of-sight',
          element: describe(control),
          detail: `at ${span(box)} in a dialog at ${span(frame)}, screen height ${height}`,
        });
      }
    }
  }

  // On a wide screen the navigation is a rail: the first column from the top of the page to its
  // end, with the banners beside it, never under it, and its links on screen wherever the page
  // is scrolled.
  const shell = document.querySelector('tocsin-app')?.shadowRoot;
  const nav = shell?.querySelector('nav');
  const navBox = nav?.getBoundingClientRect();
  if (nav && navBox && navBox.height > navBox.width && !modal.length) {
    const pageHeight = document.documentElement.scrollHeight;
    for (const at of [0, pageHeight]) {
      window.scrollTo(0, at);
      const rail = nav.getBoundingClientRect();
      const top = rail.top + window.scrollY;
      const bottom = rail.bottom + window.scrollY;
      if (top > 1 || bottom < pageHeight - 1) {
        findings.push({
          kind: 'rail-not-full-height',
          element: describe(nav),
          detail: `rail from ${Math.round(top)} to ${Math.round(bottom)} px of a ${pageHeight} px page`,
        });
        break;
      }
      const under = [...(shell?.querySelectorAll('.banners > *, .banners .alert') ?? [])].find(
        (banner) => isShown(banner) && overlap(banner.getBoundingClientRect(), rail),
      );
      if (under) {
        findings.push({
          kind: 'banner-under-rail',
          element: describe(under),
          detail: `banner at ${span(under.getBoundingClientRect())}, rail at ${span(rail)}`,
        });
        break;
      }
      const lost = [...nav.querySelectorAll('a')].find((link) => {
        const box = link.getBoundingClientRect();
        return (
          box.top < -1 ||
          box.bottom > height + 1 ||
          !isInside(deepHit(box.left + box.width / 2, box.top + box.height / 2), link)
        );
      });
      if (lost) {
        findings.push({
          kind: 'rail-link-out-of-sight',
          element: describe(lost),
          detail: `at ${span(lost.getBoundingClientRect())} with the page scrolled to ${window.scrollY}`,
        });
        break;
      }
    }
    window.scrollTo(0, 0);
  }

  // The safety code must be read without scrolling: on the first screen, nothing over it.
  if (safetyCode) {
    window.scrollTo(0, 0);
    const words = all.find((element) =>
      isAt(element, { host: 'tocsin-safety-code', selector: '.words' }),
    );
    if (!words) {
      findings.push({ kind: 'safety-code-missing', element: 'tocsin-safety-code', detail: '' });
    } else {
      const box = words.getBoundingClientRect();
      const corners = [
        [box.left + 2, box.top + 2],
        [box.right - 2, box.top + 2],
        [box.left + 2, box.bottom - 2],
        [box.right - 2, box.bottom - 2],
      ];
      const hidden = corners.find(
        ([x, y]) => x < 0 || y < 0 || x > width || y > height || !isInside(deepHit(x, y), words),
      );
      if (hidden) {
        const [x, y] = hidden;
        const over = x >= 0 && y >= 0 && x <= width && y <= height ? deepHit(x, y) : null;
        findings.push({
          kind: 'safety-code-below-the-fold',
          element: describe(words),
          detail: `words at ${Math.round(box.top)}–${Math.round(box.bottom)} px of ${height}${
            over ? `, covered by ${describe(over)}` : ''
          }`,
        });
      }
    }
  }

  // Nothing wider than the screen.
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) {
    findings.push({
      kind: 'page-wider-than-screen',
      element: 'document',
      detail: `${scrollWidth} px wide for ${width}`,
    });
  }
  /** @type {Set<Element>} */
  const wide = new Set();
  for (const element of inScope) {
    if (!isShown(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.left >= -1 && box.right <= width + 1) continue;
    const parent = parentOf(element);
    const ancestors = [];
    for (let at = parent; at; at = parentOf(at)) ancestors.push(at);
    if (ancestors.some((at) => wide.has(at))) continue;
    if (ancestors.some((at) => scrollers.some((place) => isAt(at, place)))) continue;
    wide.add(element);
    findings.push({
      kind: 'wider-than-screen',
      element: describe(element),
      detail: `box ${Math.round(box.left)}–${Math.round(box.right)} px, screen ${width} px`,
    });
  }

  // No text runs past the screen's edge, but text cut short on purpose (an ellipsis: its box
  // clips it) and text in the horizontal scrollers.
  for (const element of inScope) {
    if (wide.has(element) || !isShown(element)) continue;
    const outside = [...element.childNodes].some((node) => {
      if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) return false;
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].some(
        (rect) => rect.width > 0 && (rect.left < -1 || rect.right > width + 1),
      );
    });
    if (!outside) continue;
    const ancestors = [];
    for (let at = /** @type {Element | null} */ (element); at; at = parentOf(at)) {
      ancestors.push(at);
    }
    if (ancestors.some((at) => wide.has(at))) continue;
    if (ancestors.some((at) => scrollers.some((place) => isAt(at, place)))) continue;
    const clipped = ancestors.some((at) =>
      ['hidden', 'clip'].includes(getComputedStyle(at).overflowX),
    );
    if (clipped) continue;
    wide.add(element);
    findings.push({
      kind: 'text-wider-than-screen',
      element: describe(element),
      detail: `screen ${width} px`,
    });
  }

  // No label spills out of its button.
  for (const element of inScope) {
    if (!element.matches('button, a.button, [role="button"], summary') || !isShown(element)) {
      continue;
    }
    const box = element.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(element);
    const outside = [...range.getClientRects()].find(
      (rect) =>
        rect.width > 0 &&
        rect.height > 0 &&
        (rect.left < box.left - 1 ||
          rect.right > box.right + 1 ||
          rect.top < box.top - 1 ||
          rect.bottom > box.bottom + 1),
    );
    const html = /** @type {HTMLElement} */ (element);
    if (html.scrollWidth > html.clientWidth + 1 || outside) {
      findings.push({
        kind: 'label-overflows-button',
        element: describe(element),
        detail: outside
          ? `text ${Math.round(outside.left)}–${Math.round(outside.right)} px in a button ` +
            `${Math.round(box.left)}–${Math.round(box.right)} px`
          : `content ${html.scrollWidth} px in ${html.clientWidth} px`,
      });
    }
  }

  // Every control can be touched once scrolled to the middle of the screen.
  const controls = inScope.filter(
    (element) =>
      element.matches(
        'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]',
      ) &&
      !element.matches(':disabled') &&
      isShown(element) &&
      !hiddenControls.some((place) => isAt(element, place)),
  );
  for (const control of controls) {
    control.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    const box = control.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > width || y > height) {
      findings.push({
        kind: 'control-out-of-reach',
        element: describe(control),
        detail: `centre at (${Math.round(x)}, ${Math.round(y)}) after scrolling into view`,
      });
      continue;
    }
    const hit = deepHit(x, y);
    if (!hit || !isInside(hit, control)) {
      findings.push({
        kind: 'control-covered',
        element: describe(control),
        detail: hit ? `covered by ${describe(hit)}` : 'nothing at its centre',
      });
    }
  }
  window.scrollTo(0, 0);
  return findings;
}

/** Waits for two frames, so what changed is laid out and painted. */
function settled(/** @type {import('playwright-core').Page} */ page) {
  return page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))),
      ),
  );
}

/**
 * Goes to a route of the app (no reload) and waits until `ready` is on screen.
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 * @param {string} ready a selector (piercing shadow roots) that shows the state is drawn
 */
async function go(page, hash, ready) {
  await page.evaluate((target) => {
    if (location.hash !== target) location.hash = target;
  }, hash);
  try {
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
  } catch (error) {
    const shown = await page.locator('tocsin-app main').innerText();
    throw new Error(`${hash}: no ${ready}; the page shows: ${shown.slice(0, 400)}`, {
      cause: error,
    });
  }
  await settled(page);
}

/** Closes the open dialogs of the page, as Escape does. */
async function closeDialogs(/** @type {import('playwright-core').Page} */ page) {
  await page.evaluate(() => {
    /** @param {Document | ShadowRoot} root */
    const close = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLDialogElement && element.open) element.close();
        if (element.shadowRoot) close(element.shadowRoot);
      }
    };
    close(document);
  });
}

/**
 * Calls a method of the first element matching `selector`, looked for through the open shadow
 * roots (the way the page itself opens its dialogs).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {string} method
 */
async function callOn(page, selector, method) {
  await page
    .locator(selector)
    .first()
    .evaluate((element, name) => element[name](), method);
}

test('no layout hides a control or runs off the screen, in either language', async () => {
  const browser = /** @type {import('playwright-core').Browser} */ (state.browser);
  const context = await browser.newContext({ locale: 'en-GB', viewport: VIEWPORTS[0] });
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (error) => errors.push(error.message));
  await enrollAndReopen(page, state.links[HELENE]);
  const url = (/** @type {string} */ hash) => new URL(hash, state.server.url).href;

  // Data on every page: imported contacts (one with a long unbroken name and a long address), a
  // crisis with entries, a ticked playbook item, a roll-call answered.
  await page.goto(url('#/directory'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('tocsin-directory-import input[type="file"]').setInputFiles({
    name: 'annuaire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(IMPORT_CSV, 'utf8'),
  });
  await page.locator(CONFIRM_IMPORT).click();
  /** The id of the contact whose row shows `name`. @param {string} name */
  const contactId = async (name) => {
    const row = page.locator('tocsin-directory-page a.open', { hasText: name });
    const href = (await row.getAttribute('href')) ?? '';
    return new URLSearchParams(href.replace(/^#\/directory\?/, '')).get('contact');
  };
  const longId = await contactId(LONG_NAME);
  const signedId = await contactId('Hélène');
  assert.ok(longId && signedId, 'the imported and the signed contacts are listed');
  await page.goto(url('#/log'));
  await page.getByLabel('Name of the crisis').fill('Rançongiciel sur les serveurs de la mairie');
  await page.getByRole('button', { name: 'Open a crisis' }).click();
  await page.locator('tocsin-log-page h1', { hasText: 'Rançongiciel' }).waitFor();
  for (const text of [
    'Serveur de fichiers chiffré ; messagerie coupée par précaution.',
    `Appel de ${LONG_NAME} : la préfecture active sa cellule.`,
  ]) {
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save to the log' }).click();
    await page.getByText('Saved to the log.').waitFor();
  }
  await page.goto(url('#/playbook'));
  await page.locator('tocsin-playbook-page input[type="checkbox"]').first().check();
  await page.goto(url('#/rollcall'));
  await page.locator('tocsin-rollcall-page [data-action="start-rollcall"]').click();
  await page.locator('tocsin-rollcall-page [data-answer="present"]').click();
  await page.locator('tocsin-rollcall-page [data-answer="present"][aria-pressed="true"]').waitFor();
  await page.goto(url(`#/directory?contact=${longId}`));
  await page.locator('tocsin-contact-card h1', { hasText: LONG_NAME }).waitFor();

  /** @type {Map<string, { kind: string, element: string, detail: string, seen: string[] }>} */
  const findings = new Map();
  let states = 0;
  let auditMs = 0;
  /**
   * Audits the page as it is now.
   * @param {string} name the state, for the report
   * @param {string} where the screen size and the language
   * @param {{ safetyCode?: boolean }} [options]
   */
  const audit = async (name, where, { safetyCode = false } = {}) => {
    states += 1;
    const started = performance.now();
    if (process.env.TOCSIN_LAYOUT_SHOTS) {
      const shot = join(
        process.env.TOCSIN_LAYOUT_SHOTS,
        `${where} ${name}`.replace(/[^\w×.-]+/g, '_'),
      );
      await page.screenshot({ path: `${shot}.png` });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.screenshot({ path: `${shot}-end.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    const found = await page.evaluate(auditLayout, {
      scrollers: SCROLLERS,
      hiddenControls: HIDDEN_CONTROLS,
      safetyCode,
    });
    for (const finding of found) {
      const key = `${name} | ${finding.kind} | ${finding.element}`;
      const known = findings.get(key);
      if (known) known.seen.push(where);
      else findings.set(key, { ...finding, seen: [where] });
    }
    auditMs += performance.now() - started;
  };

  /**
   * The states outside a call, each reached from the last: a route and what shows it is drawn,
   * or a dialog opened on the page shown.
   * @type {{ name: string, hash: string, ready: string, open?: () => Promise<void> }[]}
   */
  const pages = [
    { name: 'home', hash: '#/', ready: 'tocsin-home-page h1' },
    { name: 'directory', hash: '#/directory', ready: 'tocsin-directory-page .row a.open' },
    {
      name: 'directory: import dialog with a preview',
      hash: '#/directory',
      ready: 'tocsin-directory-page .row a.open',
      open: async () => {
        await callOn(page, 'tocsin-directory-import', 'open');
        await page.locator('tocsin-directory-import input[type="file"]').setInputFiles({
          name: 'annuaire.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(PREVIEW_CSV, 'utf8'),
        });
        await page.locator(CONFIRM_IMPORT).waitFor();
      },
    },
    {
      name: 'directory: alert the cell',
      hash: '#/directory',
      ready: 'tocsin-directory-page .row a.open',
      open: async () => {
        await callOn(page, 'tocsin-cell-alert', 'open');
        await page.locator('tocsin-cell-alert textarea').waitFor();
      },
    },
    {
      name: 'contact card (signed)',
      hash: `#/directory?contact=${signedId}`,
      ready: 'tocsin-contact-card h1',
    },
    {
      name: 'contact card (local, long values)',
      hash: `#/directory?contact=${longId}`,
      ready: 'tocsin-contact-card h1',
    },
    {
      name: 'contact form (long values)',
      hash: `#/directory?edit=${longId}`,
      ready: 'tocsin-contact-form input',
    },
    { name: 'contact form (new)', hash: '#/directory?new', ready: 'tocsin-contact-form input' },
    { name: 'paper kit', hash: '#/directory?view=paper', ready: 'tocsin-paper-kit table' },
    {
      name: 'playbook',
      hash: '#/playbook',
      ready: 'tocsin-playbook-page input[type="checkbox"]',
    },
    { name: 'log', hash: '#/log', ready: 'tocsin-log-page tocsin-entry-form textarea' },
    {
      name: 'log: quick entry',
      hash: '#/log',
      ready: 'tocsin-log-page tocsin-entry-form textarea',
      open: async () => {
        await page.locator('tocsin-app button.quick').click();
        await page.locator('tocsin-quick-entry dialog[open] textarea').waitFor();
      },
    },
    { name: 'log: new crisis', hash: '#/log?new', ready: 'tocsin-log-page #crisis-name' },
    { name: 'log: report', hash: '#/log?view=report', ready: 'tocsin-log-page h1' },
    {
      name: 'roll-call',
      hash: '#/rollcall',
      ready: 'tocsin-rollcall-page[data-view="board"] [data-answer]',
    },
    {
      name: 'roll-call: confirm a new roll-call',
      hash: '#/rollcall',
      ready: 'tocsin-rollcall-page[data-view="board"] [data-answer]',
      open: async () => {
        await page.locator('tocsin-rollcall-page [data-action="start-rollcall"]').click();
        await page.locator('tocsin-rollcall-page dialog[open]').waitFor();
      },
    },
    {
      name: 'roll-call: sync problems',
      hash: '#/rollcall',
      ready: 'tocsin-rollcall-page[data-view="board"] [data-answer]',
      open: async () => {
        await callOn(page, 'tocsin-rollcall-page tocsin-sync-status', 'openProblems');
        await page.locator('tocsin-sync-status dialog[open] .actions button').waitFor();
      },
    },
    { name: 'room (before joining)', hash: '#/room', ready: 'tocsin-room-page[data-view="ready"]' },
    { name: 'settings', hash: '#/settings', ready: 'tocsin-settings-page dl.facts' },
  ];

  /** @param {string} lang */
  const chooseLanguage = async (lang) => {
    const { choice } = /** @type {typeof LANGUAGES[number]} */ (
      LANGUAGES.find((language) => language.lang === lang)
    );
    await go(page, '#/settings', 'tocsin-settings-page h1');
    await page.locator('tocsin-settings-page').getByLabel(choice).check();
    await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  };

  for (const { lang } of LANGUAGES) {
    await chooseLanguage(lang);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const where = `${viewport.width}×${viewport.height} ${lang}`;
      for (const shown of pages) {
        await go(page, shown.hash, shown.ready);
        if (shown.open) await shown.open();
        await settled(page);
        await audit(shown.name, where);
        if (shown.open) await closeDialogs(page);
      }
    }
  }

  // The call: this member and a second one, from another browser context, in the room.
  const other = await browser.newContext({ locale: 'en-GB' });
  const second = await other.newPage();
  await enrollAndReopen(second, state.links[FRANCOIS]);
  for (const member of [page, second]) {
    await member.goto(url('#/room'));
    await member.locator('tocsin-room-page[data-view="ready"] button.join').nth(1).click();
    await member
      .locator('tocsin-room-page[data-connection="connected"]')
      .waitFor({ timeout: 20_000 });
  }
  await page.locator('tocsin-participant-tile').nth(1).waitFor({ timeout: 20_000 });
  const inCall = 'tocsin-room-page[data-view="in-call"] tocsin-safety-code [data-safety-code]';
  const secondary = 'tocsin-room-page tocsin-call-controls[group="secondary"]';
  for (const { lang } of LANGUAGES) {
    await chooseLanguage(lang);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const where = `${viewport.width}×${viewport.height} ${lang}`;
      await go(page, '#/room', inCall);
      await audit('room (in a call)', where, { safetyCode: true });
      // The participant list open and the speaker layout on, then back as they were.
      await page.locator(`${secondary} button[aria-expanded="false"]`).click();
      await page.locator(`${secondary} button[aria-pressed="false"]`).click();
      await page.locator('tocsin-room-page tocsin-participant-list li').nth(1).waitFor();
      await settled(page);
      await audit('room (in a call, speaker view and participant list)', where);
      await page.locator(`${secondary} button[aria-expanded="true"]`).click();
      await page.locator(`${secondary} button[aria-pressed="true"]`).click();
      for (const shown of pages.filter((candidate) =>
        ['home', 'directory'].includes(candidate.name),
      )) {
        await go(page, shown.hash, shown.ready);
        await page.locator('tocsin-app .alert.call').waitFor();
        await audit(`${shown.name} (a call goes on)`, where);
      }
    }
  }
  await other.close();
  await context.close();

  const report = [...findings.entries()].map(
    ([key, finding]) =>
      `- ${key.split(' | ')[0]} [${finding.seen.join(', ')}]: ${finding.kind}: ${finding.element}` +
      (finding.detail ? ` — ${finding.detail}` : ''),
  );
  console.log(
    `# ${states} states audited in ${Math.round(auditMs / 1000)} s, ${findings.size} findings`,
  );
  assert.deepEqual(errors, [], 'no uncaught error in the page');
  assert.equal(
    report.length,
    0,
    `${report.length} layout problems:\n${report.slice(0, 80).join('\n')}` +
      (report.length > 80 ? `\n… and ${report.length - 80} more` : ''),
  );
});
