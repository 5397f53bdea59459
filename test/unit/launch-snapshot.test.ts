import { expect } from '@open-wc/testing';
import {
  keepLaunchSnapshot,
  readLaunchSnapshot,
  writeLaunchSnapshot,
} from '../../src/app/launch-snapshot.js';
import { loadLaunchState } from '../../src/app/launch-state.js';
import '../../src/features/home/tocsin-home-page.js';
import type { TocsinHomePage } from '../../src/features/home/tocsin-home-page.js';
import {
  cleanUpTestServices,
  createTestServices,
  installKit,
  sampleKit,
  waitFor,
} from './helpers.js';

const SNAPSHOT_KEY = 'tocsin:launch';

describe('the launch snapshot', () => {
  beforeEach(() => localStorage.removeItem(SNAPSHOT_KEY));
  afterEach(async () => {
    localStorage.removeItem(SNAPSHOT_KEY);
    await cleanUpTestServices();
  });

  it('gives back what this release wrote, and nothing to another release', () => {
    const kit = sampleKit();
    writeLaunchSnapshot({ locale: 'fr', kit }, '1.0.0');
    expect(readLaunchSnapshot('1.0.0')).to.deep.equal({ locale: 'fr', kit });
    expect(readLaunchSnapshot('1.1.0')).to.equal(undefined);
  });

  it('is ignored when damaged, so the launch waits for the database instead', () => {
    for (const stored of [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ release: '1.0.0', locale: 'de', kit: null }),
      JSON.stringify({ release: '1.0.0', locale: 'fr', kit: { organisation: 'x' } }),
      JSON.stringify({ release: '1.0.0', locale: 'fr' }),
    ]) {
      localStorage.setItem(SNAPSHOT_KEY, stored);
      expect(readLaunchSnapshot('1.0.0'), stored).to.equal(undefined);
    }
  });

  it('is written once the database has answered, and follows a new kit and a new language', async () => {
    const services = createTestServices();
    await loadLaunchState(services);
    const stop = keepLaunchSnapshot(services);
    expect(readLaunchSnapshot()).to.deep.equal({ locale: 'auto', kit: null });

    const kit = sampleKit();
    services.kit.remember(kit);
    expect(readLaunchSnapshot()?.kit).to.deep.equal(kit);
    await services.settings.saveLocalePreference('en');
    expect(readLaunchSnapshot()?.locale).to.equal('en');
    stop();
  });

  it('is not written from a preview the database has not confirmed', () => {
    const services = createTestServices();
    services.kit.preview(sampleKit());
    services.settings.localePreference.set('fr');
    const stop = keepLaunchSnapshot(services);
    expect(readLaunchSnapshot()).to.equal(undefined);
    stop();
  });
});

describe('home at launch', () => {
  afterEach(() => cleanUpTestServices());

  /** Mounts home as the boot does: with the snapshot's kit shown before the database answers. */
  async function launchHome(services: ReturnType<typeof createTestServices>, preview: boolean) {
    services.kit.preview(
      preview ? sampleKit({ member: { id: 'm', displayName: 'Old Name' } }) : null,
    );
    const home = document.createElement('tocsin-home-page') as TocsinHomePage;
    home.services = services;
    document.body.append(home);
    await home.updateComplete;
    const firstFrame = home.shadowRoot!.textContent ?? '';
    void loadLaunchState(services);
    return { home, firstFrame };
  }

  it('shows the snapshot in its first frame, then what the database holds', async () => {
    const services = createTestServices();
    await installKit(services, sampleKit({ member: { id: 'm', displayName: 'New Name' } }));
    const { home, firstFrame } = await launchHome(services, true);
    expect(firstFrame).to.contain('Old Name');
    await waitFor(
      () => (home.shadowRoot!.textContent ?? '').includes('New Name'),
      'home follows the database',
    );
    home.remove();
  });

  it('falls back to "not enrolled" when the database holds no kit any more', async () => {
    const services = createTestServices();
    const { home, firstFrame } = await launchHome(services, true);
    expect(firstFrame).to.contain('Mairie de Saint-Martin');
    await waitFor(
      () => home.shadowRoot!.querySelector('tocsin-empty-state') !== null,
      'home shows the not-enrolled state',
    );
    expect(home.shadowRoot!.textContent).not.to.contain('Mairie de Saint-Martin');
    home.remove();
  });
});

describe('the kit summary at launch', () => {
  afterEach(() => cleanUpTestServices());

  it('keeps a kit installed while the launch read was still pending', async () => {
    const services = createTestServices();
    let answer!: (kit: undefined) => void;
    services.kit.follow(new Promise((resolve) => (answer = resolve)));
    const installed = sampleKit({ version: 4 });
    services.kit.remember(installed);
    answer(undefined);
    expect(await services.kit.loadInstalledKit()).to.equal(installed);
    expect(services.kit.alreadyKnown()).to.equal(installed);
  });
});
