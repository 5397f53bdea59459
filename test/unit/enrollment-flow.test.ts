// The enrollment's flow with no page: every port (download, kit checks, database, storage) is a
// fake, so each path through the steps is driven and watched directly. enroll-page.test.ts runs the
// same paths through the page with real kits.
import { expect } from '@open-wc/testing';
import type { InstalledKitSummary } from '../../src/db/schema.js';
import { MAX_KIT_BYTES } from '../../src/domain/kit.js';
import {
  EnrollmentFlow,
  type EnrollmentPorts,
  type EnrollStep,
  type PickedFile,
} from '../../src/features/kit/enrollment-flow.js';
import { KitFetchError, type KitDownloadProgress } from '../../src/features/kit/kit-fetch.js';
import type { PreparedKit } from '../../src/features/kit/kit-installer.js';
import { readKeyText } from '../../src/features/kit/kit-key-text.js';
import { KitError } from '../../src/kit-format/kit-error.js';

const KEY = 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8';
const OTHER_KEY = 'A'.repeat(43);
const KIT_URL = '/kits/marie.tocsin';
const BYTES = new Uint8Array([1, 2, 3, 4]);

const SUMMARY = {
  organisation: { id: 'org', name: 'Mairie de Saint-Martin', fingerprint: 'F', publicKey: 'P' },
  version: 3,
  counts: { contacts: 9, playbookItems: 12 },
} as InstalledKitSummary;

/** A kit as the installer would prepare it; only `installed` matters to the flow. */
function preparedKit(installed?: InstalledKitSummary): PreparedKit {
  return { installed, repair: false } as unknown as PreparedKit;
}

/** A promise settled from outside, to hold a port where the test wants to look. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every settled port's continuation run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** Ports that download BYTES, open them with KEY only, and install. */
function fakePorts(overrides: Partial<EnrollmentPorts> = {}) {
  const calls = {
    fetched: [] as string[],
    signals: [] as AbortSignal[],
    prepared: [] as { bytes: Uint8Array; key: string }[],
    installed: [] as PreparedKit[],
    installedKitReads: 0,
    persistenceRequests: 0,
  };
  const ports: EnrollmentPorts = {
    fetchKit: async (url, { signal, onProgress }) => {
      calls.fetched.push(url);
      calls.signals.push(signal);
      onProgress({ received: 2, total: 4 });
      return BYTES;
    },
    prepare: async (bytes, key) => {
      calls.prepared.push({ bytes, key });
      if (key !== KEY) throw new KitError('wrong-key');
      return preparedKit();
    },
    install: async (prepared) => {
      calls.installed.push(prepared);
      return SUMMARY;
    },
    installedKit: async () => {
      calls.installedKitReads++;
      return SUMMARY;
    },
    requestPersistence: async () => {
      calls.persistenceRequests++;
      return false;
    },
    ...overrides,
  };
  return { ports, calls };
}

/** A flow on `ports`, with the names of the steps it went through, in order. */
function track(ports: EnrollmentPorts) {
  const steps: EnrollStep['name'][] = [];
  let changes = 0;
  const flow = new EnrollmentFlow(ports, () => {
    changes++;
    const name = flow.state.step.name;
    if (steps[steps.length - 1] !== name) steps.push(name);
  });
  return { flow, steps, changes: () => changes };
}

/** The first step, with no file, no error and the key entry not chosen. */
function expectFreshStart(flow: EnrollmentFlow) {
  const { step, file, keyEntry, keyError } = flow.state;
  expect({ step, file, keyEntry, keyError }).to.deep.equal({
    step: { name: 'start' },
    file: undefined,
    keyEntry: 'choose',
    keyError: undefined,
  });
}

function pickedFile(bytes: Uint8Array, name = 'marie.tocsin'): PickedFile {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

describe('kit key text', () => {
  it('reads a whole link, a key-only fragment and a bare key, white space trimmed', () => {
    expect(readKeyText(`  https://crise.example/#/enroll?kit=${KIT_URL}&k=${KEY}\n`)).to.deep.equal(
      { kind: 'link', link: { kitUrl: KIT_URL, kitKey: KEY } },
    );
    expect(readKeyText(`#/enroll?k=${KEY}`)).to.deep.equal({
      kind: 'link',
      link: { kitKey: KEY },
    });
    expect(readKeyText(`\t${KEY} `)).to.deep.equal({ kind: 'key', key: KEY });
  });

  it('tells an empty text from one that is neither a link nor a key', () => {
    expect(readKeyText('  \n')).to.deep.equal({ kind: 'empty' });
    expect(readKeyText(KEY.slice(1))).to.deep.equal({ kind: 'unrecognised' });
    expect(readKeyText(`${KEY}=`)).to.deep.equal({ kind: 'unrecognised' });
    expect(readKeyText('https://example.org/#/directory')).to.deep.equal({ kind: 'unrecognised' });
  });
});

describe('enrollment flow', () => {
  it('a link with kit and key: downloads, opens with the key, then forgets it', async () => {
    const { ports, calls } = fakePorts();
    const { flow, steps } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    expect(flow.state.step).to.deep.equal({
      name: 'downloading',
      progress: { received: 2, total: 4 },
    });
    await settle();
    expect(calls.fetched).to.deep.equal([KIT_URL]);
    expect(calls.prepared).to.deep.equal([{ bytes: BYTES, key: KEY }]);
    expect(steps).to.deep.equal(['downloading', 'preparing', 'confirm']);
    expect(flow.state.file?.bytes).to.equal(BYTES);
    expect(flow.holdsKey, 'the key is used once').to.equal(false);
    expect(JSON.stringify(flow.state)).not.to.include(KEY);
  });

  it('reports download progress as the step, and ignores a download given up', async () => {
    const held = deferred<Uint8Array<ArrayBuffer>>();
    let report: ((progress: KitDownloadProgress) => void) | undefined;
    const { ports, calls } = fakePorts({
      fetchKit: (url, options) => {
        calls.fetched.push(url);
        calls.signals.push(options.signal);
        report = options.onProgress;
        return held.promise;
      },
    });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    report!({ received: 10, total: 40 });
    expect(flow.state.step).to.deep.equal({
      name: 'downloading',
      progress: { received: 10, total: 40 },
    });

    flow.cancelDownload();
    expect(calls.signals[0].aborted).to.equal(true);
    expect(flow.state.step).to.deep.equal({ name: 'start' });
    report!({ received: 20, total: 40 });
    held.resolve(BYTES);
    await settle();
    expect(flow.state.step, 'a late report or result changes nothing').to.deep.equal({
      name: 'start',
    });
    expect(calls.prepared).to.be.empty;
  });

  it('a failed download says why, and offers another try only when it may work', async () => {
    let failure = new KitFetchError('not-found', 404);
    const { ports, calls } = fakePorts({
      fetchKit: async (url) => {
        calls.fetched.push(url);
        throw failure;
      },
    });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    await settle();
    expect(flow.state.step).to.deep.equal({
      name: 'download-failed',
      reason: 'not-found',
      status: 404,
    });
    expect(flow.canRetryDownload).to.equal(true);

    failure = new KitFetchError('cross-origin');
    flow.retryDownload();
    await settle();
    expect(calls.fetched).to.deep.equal([KIT_URL, KIT_URL]);
    expect(flow.state.step).to.deep.equal({ name: 'download-failed', reason: 'cross-origin' });
    expect(flow.canRetryDownload).to.equal(false);
    flow.retryDownload();
    await settle();
    expect(calls.fetched, 'no third request').to.have.length(2);

    flow.useFileInstead();
    expect(flow.state.step).to.deep.equal({ name: 'start' });
    expect(flow.canRetryDownload).to.equal(false);
  });

  it('any other download error counts as the network failing', async () => {
    const { ports } = fakePorts({ fetchKit: () => Promise.reject(new TypeError('boom')) });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL });
    await settle();
    expect(flow.state.step).to.deep.equal({ name: 'download-failed', reason: 'network' });
  });

  it('a link with the key only holds it until a file is chosen', async () => {
    const { ports, calls } = fakePorts();
    const { flow, steps } = track(ports);
    flow.openLink({ kitKey: KEY });
    expect(flow.state.step.name).to.equal('start');
    expect(flow.holdsKey).to.equal(true);
    expect(calls.fetched).to.be.empty;

    await flow.readFile(pickedFile(BYTES));
    expect(calls.prepared).to.deep.equal([{ bytes: BYTES, key: KEY }]);
    expect(flow.state.file?.name).to.equal('marie.tocsin');
    expect(steps).to.deep.equal(['start', 'reading', 'preparing', 'confirm']);
  });

  it('a file without a key asks for it; a wrong key is refused and asked again', async () => {
    const { ports, calls } = fakePorts();
    const { flow } = track(ports);
    await flow.readFile(pickedFile(BYTES));
    expect(flow.state.step.name).to.equal('key');
    expect(flow.state.keyEntry).to.equal('choose');

    flow.chooseKeyEntry('paste');
    flow.useKeyText(OTHER_KEY, false);
    await settle();
    expect(calls.prepared.map((call) => call.key)).to.deep.equal([OTHER_KEY]);
    expect(flow.state.step).to.deep.equal({
      name: 'refused',
      problem: { kind: 'kit', code: 'wrong-key' },
    });
    expect(flow.canRetypeKey).to.equal(true);
    expect(flow.canInstallAgain).to.equal(false);
    expect(flow.holdsKey, 'a wrong key is not kept').to.equal(false);

    flow.keyAgain();
    expect(flow.state.step.name).to.equal('key');
    expect(flow.state.keyEntry).to.equal('choose');
    flow.useKeyText(`https://crise.example/#/enroll?k=${KEY}`, true);
    await settle();
    expect(flow.state.step.name).to.equal('confirm');
  });

  it('refuses texts that hold no key, going back to the choice after a scan only', async () => {
    const { ports, calls } = fakePorts();
    const { flow } = track(ports);
    await flow.readFile(pickedFile(BYTES));

    flow.chooseKeyEntry('paste');
    flow.useKeyText('   ', false);
    expect(flow.state.keyError).to.equal('empty');
    flow.useKeyText('not a key', false);
    expect(flow.state.keyError).to.equal('not-a-link');
    expect(flow.state.keyEntry, 'a typed text stays to be corrected').to.equal('paste');
    flow.useKeyText(`#/enroll?kit=${KIT_URL}`, false);
    expect(flow.state.keyError, 'a link without a key, for a file in hand').to.equal('no-key');
    expect(flow.state.keyEntry).to.equal('paste');

    flow.chooseKeyEntry('scan');
    expect(flow.state.keyError, 'a new choice clears the error').to.equal(undefined);
    flow.useKeyText('WIFI:S:mairie;;', true);
    expect(flow.state.keyError).to.equal('not-tocsin-qr');
    expect(flow.state.keyEntry).to.equal('choose');
    flow.chooseKeyEntry('scan');
    flow.useKeyText(`#/enroll?kit=${KIT_URL}`, true);
    expect(flow.state.keyError).to.equal('no-key');
    expect(flow.state.keyEntry).to.equal('choose');

    expect(flow.state.step.name, 'still waiting for the key').to.equal('key');
    expect(calls.prepared).to.be.empty;
    expect(calls.fetched, 'a link is not followed while a file is in hand').to.be.empty;
  });

  it('with no file yet, a pasted link is followed and a pasted key is held', async () => {
    const { ports, calls } = fakePorts();
    const { flow } = track(ports);
    flow.chooseKeyEntry('paste');
    flow.useKeyText(KEY, false);
    expect(flow.state.step.name).to.equal('start');
    expect(flow.state.keyEntry).to.equal('choose');
    expect(flow.holdsKey).to.equal(true);

    flow.chooseKeyEntry('paste');
    flow.useKeyText(`https://crise.example/#/enroll?kit=${KIT_URL}&k=${KEY}`, false);
    await settle();
    expect(calls.fetched).to.deep.equal([KIT_URL]);
    expect(flow.state.step.name).to.equal('confirm');
  });

  it('refuses a file too large without reading it, and says when reading fails', async () => {
    const { ports } = fakePorts();
    const { flow } = track(ports);
    let read = false;
    await flow.readFile({
      name: 'huge.tocsin',
      size: MAX_KIT_BYTES + 1,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    });
    expect(read).to.equal(false);
    expect(flow.state.step).to.deep.equal({
      name: 'refused',
      problem: { kind: 'kit', code: 'too-large' },
    });

    await flow.readFile({
      name: 'gone.tocsin',
      size: 4,
      arrayBuffer: () => Promise.reject(new DOMException('The file is gone', 'NotFoundError')),
    });
    expect(flow.state.step).to.deep.equal({
      name: 'refused',
      problem: { kind: 'failed', reason: 'NotFoundError: The file is gone' },
    });
    expect(flow.state.file).to.equal(undefined);
    expect(flow.canRetypeKey).to.equal(false);
  });

  it('installs a confirmed kit, then asks the browser to keep the data', async () => {
    const persistence = deferred<boolean>();
    const { ports, calls } = fakePorts({ requestPersistence: () => persistence.promise });
    const { flow, steps } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    await settle();
    const step = flow.state.step;
    if (step.name !== 'confirm') throw new Error(`At ${step.name}, not confirm`);

    const installing = flow.install(step.prepared);
    expect(flow.state.step.name).to.equal('installing');
    await installing;
    expect(calls.installed).to.deep.equal([step.prepared]);
    expect(flow.state.step).to.deep.equal({ name: 'installed', summary: SUMMARY });
    expect(flow.state.file, 'the file is let go').to.equal(undefined);
    expect(flow.state.persisted).to.equal(undefined);
    persistence.resolve(false);
    await settle();
    expect(flow.state.persisted).to.equal(false);
    expect(steps).to.deep.equal(['downloading', 'preparing', 'confirm', 'installing', 'installed']);
  });

  it('an install that fails on storage offers to install the verified kit again', async () => {
    let fail = true;
    const { ports, calls } = fakePorts({
      install: async (prepared) => {
        calls.installed.push(prepared);
        if (fail) throw new DOMException('Full', 'QuotaExceededError');
        return SUMMARY;
      },
    });
    const { flow } = track(ports);
    const prepared = preparedKit();
    await flow.install(prepared);
    expect(flow.state.step).to.deep.equal({ name: 'refused', problem: { kind: 'full' }, prepared });
    expect(flow.canInstallAgain).to.equal(true);

    fail = false;
    flow.installAgain();
    await settle();
    expect(calls.installed).to.deep.equal([prepared, prepared]);
    expect(flow.state.step.name).to.equal('installed');
  });

  it('a refused kit is not offered again, and names the installed kit when needed', async () => {
    const { ports, calls } = fakePorts({
      prepare: () => Promise.reject(new KitError('older-version')),
    });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    await settle();
    expect(calls.installedKitReads).to.equal(1);
    expect(flow.state.step).to.deep.equal({
      name: 'refused',
      problem: { kind: 'kit', code: 'older-version', installed: SUMMARY },
    });
    expect(flow.canInstallAgain).to.equal(false);
    expect(flow.canRetypeKey).to.equal(false);
    flow.installAgain();
    await settle();
    expect(calls.installed).to.be.empty;

    // A refusal that names no installed kit does not read it.
    const other = fakePorts({ prepare: () => Promise.reject(new KitError('tampered')) });
    const second = track(other.ports);
    second.flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    await settle();
    expect(other.calls.installedKitReads).to.equal(0);
  });

  it('declining tells a first enrollment from an update, and drops the file', async () => {
    const { ports } = fakePorts();
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    await settle();
    flow.decline(preparedKit());
    expect(flow.state.step).to.deep.equal({ name: 'declined', update: false });
    expect(flow.state.file).to.equal(undefined);
    flow.decline(preparedKit(SUMMARY));
    expect(flow.state.step).to.deep.equal({ name: 'declined', update: true });
  });

  it('a new link replaces what is under way, but never an install', async () => {
    const installing = deferred<InstalledKitSummary>();
    const { ports, calls } = fakePorts({ install: () => installing.promise });
    const { flow } = track(ports);
    flow.chooseKeyEntry('paste');
    flow.useKeyText('nope', false);
    flow.restartWithLink({ kitKey: KEY });
    expectFreshStart(flow);
    expect(flow.holdsKey).to.equal(true);

    void flow.install(preparedKit());
    flow.restartWithLink({ kitUrl: KIT_URL, kitKey: KEY });
    await flow.readFile(pickedFile(BYTES));
    expect(flow.state.step.name).to.equal('installing');
    expect(calls.fetched).to.be.empty;
    installing.resolve(SUMMARY);
    await settle();
    expect(flow.state.step.name).to.equal('installed');
  });

  it('starting again forgets the key, the file and the download', async () => {
    const held = deferred<Uint8Array<ArrayBuffer>>();
    const { ports, calls } = fakePorts({
      fetchKit: (url, { signal }) => {
        calls.fetched.push(url);
        calls.signals.push(signal);
        return held.promise;
      },
    });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    flow.reset();
    expect(calls.signals[0].aborted).to.equal(true);
    expect(flow.holdsKey).to.equal(false);
    expectFreshStart(flow);
    held.resolve(BYTES);
    await settle();
    expect(flow.state.step.name).to.equal('start');
    expect(calls.prepared).to.be.empty;
  });

  it('disposing stops the download and forgets the key', () => {
    const { ports, calls } = fakePorts({
      fetchKit: (_url, { signal }) => {
        calls.signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    const { flow } = track(ports);
    flow.openLink({ kitUrl: KIT_URL, kitKey: KEY });
    flow.dispose();
    expect(calls.signals[0].aborted).to.equal(true);
    expect(flow.holdsKey).to.equal(false);
  });

  it('tells its page of every change', async () => {
    const { ports } = fakePorts();
    const { flow, changes } = track(ports);
    expect(changes()).to.equal(0);
    flow.chooseKeyEntry('scan');
    expect(changes()).to.equal(1);
    await flow.readFile(pickedFile(BYTES));
    expect(changes()).to.be.greaterThan(1);
  });
});
