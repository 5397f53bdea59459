import { fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { PageElement } from '../../src/app/page-element.js';
import { PAGES, loadPage } from '../../src/app/pages.js';
import type { PageId } from '../../src/app/router.js';
import { createAppServices, type AppServices } from '../../src/app/services.js';
import { CURRENT_KIT_KEY, STORE, type InstalledKitSummary } from '../../src/db/schema.js';
import { makeContact, SMALL_CELL } from '../fixtures/directory.js';
import { makeTestKit, type TestKit, type TestKitOptions } from '../fixtures/kit.js';

let counter = 0;
const opened: { name: string; services: AppServices }[] = [];

/**
 * Real services on a scratch database of their own (the real IndexedDB of the test browser), or on
 * another services' database when `databaseName` is given: a second start of the app on the same
 * device.
 */
export function createTestServices(
  overrides: Parameters<typeof createAppServices>[0] = {},
): AppServices {
  const name = overrides.databaseName ?? `tocsin-test-${Date.now()}-${counter++}`;
  const services = createAppServices({
    installEnvironment: { standalone: false, ios: false },
    ...overrides,
    databaseName: name,
  });
  opened.push({ name, services });
  return services;
}

/** Closes and deletes every scratch database, and puts the UI back in English. */
export async function cleanUpTestServices(): Promise<void> {
  const all = opened.splice(0);
  // Every connection first: a database two services share is deleted once both are closed.
  for (const { services } of all) {
    try {
      (await services.database.db()).close();
    } catch {
      // Never opened, or handed over to a newer version: nothing to close.
    }
  }
  for (const name of new Set(all.map((entry) => entry.name))) await deleteDB(name);
  setLocale('en');
}

/**
 * Writes crisis-cell members into the directory as the signed kit would ([member id, given name,
 * family name] each), straight into the database: their names are what screens show for them.
 */
export async function signIntoDirectory(
  services: AppServices,
  members: readonly (readonly [id: string, givenName: string, familyName: string])[],
): Promise<void> {
  const db = await services.database.db();
  for (const [id, givenName, familyName] of members) {
    await db.put(
      STORE.contacts,
      makeContact({
        givenName,
        familyName,
        cellMember: true,
        origin: 'kit',
        member: { id, publicKey: 'not-a-real-key' },
      }),
    );
  }
}

/** A kit summary as the installer writes it (alone: no vault, so it is not a verifiable kit). */
export function sampleKit(overrides: Partial<InstalledKitSummary> = {}): InstalledKitSummary {
  return {
    organisation: {
      id: 'org-saint-martin',
      name: 'Mairie de Saint-Martin',
      fingerprint: '3F2A 91BC 0D47 E1F8 5A6B 77C0 19DE 4B82',
      publicKey: 'bm90LWEtcmVhbC1rZXktanVzdC0zMi1ieXRlcy1sb25n',
    },
    room: { name: 'cellule-de-crise', livekitUrl: 'wss://crise.saint-martin.example' },
    member: { id: 'marie-dupont', displayName: 'Marie Dupont' },
    epoch: 1,
    version: 3,
    issued: '2026-10-01T09:00:00Z',
    expires: '2099-04-01T09:00:00Z',
    manifestHash: 'not-a-real-hash',
    counts: { contacts: 0, playbookItems: 0 },
    installedAt: '2026-10-02T09:00:00Z',
    ...overrides,
  };
}

/**
 * Installs a real signed and sealed kit through the kit service, as enrollment does (its start-up
 * check then finds it verified). Use {@link sampleKit} only where the check does not run.
 */
export async function installTestKit(
  services: AppServices,
  options: TestKitOptions = {},
): Promise<TestKit> {
  const kit = await makeTestKit(options);
  await services.crisisKit.install(await services.crisisKit.prepare(kit.file, kit.kitKey));
  return kit;
}

/**
 * Scratch services enrolled with a real signed kit of {@link SMALL_CELL} (or `options.contacts`),
 * verified as at start-up, so pages get the room and the member from it.
 */
export async function createEnrolledServices(options: TestKitOptions = {}): Promise<AppServices> {
  const services = createTestServices();
  await installTestKit(services, { contacts: [...SMALL_CELL], ...options });
  await services.crisisKit.verify();
  return services;
}

/** Installs a kit summary into the services' database. */
export async function installKit(services: AppServices, kit: InstalledKitSummary): Promise<void> {
  const db = await services.database.db();
  await db.put(STORE.kit, kit, CURRENT_KIT_KEY);
}

/** Loads a routed page's module and mounts the page with `services`. */
export async function renderPage(
  page: PageId,
  services = createTestServices(),
): Promise<PageElement> {
  await loadPage(page);
  const element = document.createElement(PAGES[page].tag) as PageElement;
  element.services = services;
  const mounted = await fixture<HTMLElement>(html`<div></div>`);
  mounted.append(element);
  await element.updateComplete;
  return element;
}

/** Resolves once `check` holds, polling; fails with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean, message: string, timeoutMs = 3000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The microphone and camera are refused, and capturing fails. Refused by the member
 * (`'user'`), the permissions read 'denied'; by the system (`'system'`), the browser still reads
 * them as allowed (the test browser grants both). Returns what puts the browser back.
 */
export function refuseMedia(refusedBy: 'user' | 'system' = 'user'): () => void {
  const { mediaDevices, permissions } = navigator;
  const getUserMedia = mediaDevices.getUserMedia;
  const query = permissions.query;
  mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  if (refusedBy === 'user') {
    permissions.query = async (descriptor) =>
      ({ name: descriptor.name, state: 'denied' }) as unknown as PermissionStatus;
  }
  return () => {
    mediaDevices.getUserMedia = getUserMedia;
    permissions.query = query;
  };
}
