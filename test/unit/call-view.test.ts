// The call as people see it, from call states like those the session builds: tiles and their
// marks, the safety code, the controls, the layouts, the live announcements, the banners.
import { expect, fixture, html } from '@open-wc/testing';
import { createLocalAudioTrack, createLocalVideoTrack, type LocalTrack } from 'livekit-client';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { LitElement } from 'lit';
import type { CallSession } from '../../src/features/call/call-session.js';
import type { CallState } from '../../src/features/call/call-types.js';
import { safetyCodeFromBits } from '../../src/features/call/safety-code.js';
import '../../src/features/call/tocsin-call-view.js';
import type { TocsinCallView } from '../../src/features/call/tocsin-call-view.js';
import { makeContact } from '../fixtures/directory.js';
import { callState, intruder, me, paul, zoe } from './call-fakes.js';
import { shadowText, waitFor } from './helpers.js';

/** A session that only records what the controls ask of it. */
function recordingSession() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push(`${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
    };
  const session = {
    setMicrophoneEnabled: record('setMicrophoneEnabled'),
    setCameraEnabled: record('setCameraEnabled'),
    setAudioOnly: record('setAudioOnly'),
    switchCamera: record('switchCamera'),
    setSpeaker: record('setSpeaker'),
    startAudio: record('startAudio'),
    leave: record('leave'),
  } as unknown as CallSession;
  return { calls, session };
}

async function renderView(state: CallState) {
  const { calls, session } = recordingSession();
  const view = await fixture<TocsinCallView>(
    html`<tocsin-call-view
      .state=${state}
      .session=${session}
      .safety=${safetyCodeFromBits(Uint8Array.from([123, 26, 47, 83]))}
      .roomName=${'cellule-de-crise'}
      .members=${[
        makeContact({
          givenName: 'Paul',
          familyName: 'Martin',
          origin: 'kit',
          cellMember: true,
          phones: [{ kind: 'mobile', number: '06 22 22 22 22' }],
        }),
      ]}
      .emergencyNumbers=${[{ label: 'SAMU', number: '15' }]}
    ></tocsin-call-view>`,
  );
  return { view, calls };
}

/** The shadow root of one of the view's parts (its stage, participant list or safety code). */
const partOf = (view: TocsinCallView, tag: string) =>
  view.shadowRoot!.querySelector(tag)?.shadowRoot ?? undefined;
const tiles = (view: TocsinCallView) => [
  ...(partOf(view, 'tocsin-call-stage')?.querySelectorAll<HTMLElement>('tocsin-participant-tile') ??
    []),
];
const tile = (view: TocsinCallView, identity: string) =>
  tiles(view).find((each) => each.dataset['identity'] === identity)!;
/** Every control button, both groups. */
const controlButtons = (view: TocsinCallView) =>
  [...view.shadowRoot!.querySelectorAll('tocsin-call-controls')].flatMap((group) => [
    ...group.shadowRoot!.querySelectorAll('button'),
  ]);
const button = (view: TocsinCallView, label: string) =>
  controlButtons(view).find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label)!;

/** Waits for the view and every element inside it, however deep, to finish updating. */
async function settle(element: Element) {
  await (element as Partial<LitElement>).updateComplete;
  for (const inner of element.shadowRoot?.querySelectorAll('*') ?? []) await settle(inner);
}

describe('the call view', () => {
  const tracks: LocalTrack[] = [];
  afterEach(() => {
    for (const track of tracks.splice(0)) track.stop();
    setLocale('en');
  });

  it('shows each participant with their marks, and stable hooks for tests', async () => {
    const { view } = await renderView(callState({ participants: [me, paul, intruder, zoe] }));
    await settle(view);
    expect(tiles(view).map((t) => t.dataset['identity'])).to.deep.equal([
      'marie-dupont',
      'paul-martin',
      'stolen-token',
      'zoe-bernard',
    ]);
    expect({ ...tile(view, 'marie-dupont').dataset }).to.deep.equal({
      identity: 'marie-dupont',
      encryption: 'encrypted',
      verified: 'true',
      local: 'true',
      speaking: 'false',
      microphone: 'on',
      camera: 'off',
    });
    expect(shadowText(tile(view, 'marie-dupont'))).to.include('Marie Dupont (you)');
    expect(tile(view, 'paul-martin').dataset['speaking']).to.equal('true');

    const stranger = tile(view, 'stolen-token');
    expect(stranger.dataset['verified']).to.equal('false');
    expect(shadowText(stranger)).to.include('stolen-token');
    expect(shadowText(stranger)).to.include('Unverified');
    expect(shadowText(stranger)).to.include('Microphone off');
    expect(shadowText(stranger)).to.include('Poor connection');
    expect(shadowText(tile(view, 'paul-martin'))).to.not.include('Unverified');

    expect(tile(view, 'zoe-bernard').dataset['encryption']).to.equal('not-encrypted');
    expect(shadowText(tile(view, 'zoe-bernard'))).to.include('Not encrypted — not played');
    for (const each of tiles(view)) expect(each.shadowRoot!.querySelector('video')).to.exist;

    expect(
      partOf(view, 'tocsin-call-stage')!
        .querySelector('[data-layout="grid"]')!
        .getAttribute('data-count'),
    ).to.equal('4');
    await expect(view).to.be.accessible();
  });

  it('shows the safety code with the line to read it aloud, in both languages', async () => {
    const { view } = await renderView(callState());
    await settle(view);
    const safety = view.shadowRoot!.querySelector('tocsin-safety-code')!;
    const code = partOf(view, 'tocsin-safety-code')!.querySelector<HTMLElement>(
      '[data-safety-code]',
    )!;
    expect(code.dataset['safetyCode']).to.equal('065 313 619');
    expect(code.dataset['safetyWords']).to.equal('lantern bucket clover gadget');
    expect(shadowText(safety)).to.include('Read these words aloud: everyone must see the same.');
    setLocale('fr');
    await settle(view);
    expect(code.dataset['safetyWords']).to.equal('goutte biscuit canoë cuillère');
    expect(code.dataset['safetyCode']).to.equal('065 313 619');
    expect(shadowText(safety)).to.include('Lisez ces mots à voix haute');
    await expect(view).to.be.accessible();
  });

  it('attaches video to the tile and each remote voice to its own audio element', async () => {
    const video = await createLocalVideoTrack();
    const audio = await createLocalAudioTrack();
    tracks.push(video, audio);
    const { view } = await renderView(
      callState({ participants: [me, { ...paul, videoTrack: video, audioTrack: audio }] }),
    );
    await settle(view);
    const element = tile(view, 'paul-martin').shadowRoot!.querySelector('video')!;
    expect(element.hidden).to.equal(false);
    expect((element.srcObject as MediaStream).getVideoTracks()[0]).to.equal(video.mediaStreamTrack);
    const voice = view.shadowRoot!.querySelector<HTMLAudioElement>(
      'audio[data-identity="paul-martin"]',
    )!;
    expect((voice.srcObject as MediaStream).getAudioTracks()[0]).to.equal(audio.mediaStreamTrack);
    // Speaker view keeps the sound: it is not in the tiles.
    button(view, 'Speaker view').click();
    await settle(view);
    expect(view.shadowRoot!.querySelector('audio[data-identity="paul-martin"]')).to.equal(voice);
  });

  it('names a sound output the browser gives no label by its place, in the UI language', async () => {
    const { view } = await renderView(
      callState({
        devices: {
          cameras: [],
          speakers: [
            { deviceId: 'default', label: '', ordinal: 1 },
            { deviceId: 'usb-headset', label: '', ordinal: 2 },
          ],
        },
      }),
    );
    await settle(view);
    // The controls come in two rows (mute and leave first); the output selector is in the second.
    const select = [...view.shadowRoot!.querySelectorAll('tocsin-call-controls')]
      .map((controls) => controls.shadowRoot!.querySelector('select'))
      .find(Boolean)!;
    const names = [...select.options].map((option) => option.textContent!.trim());
    expect(names[1]).to.equal('Output 2');
    expect(names[0]).to.not.equal('');
  });

  it('drives the session from labelled toggles, and lists the participants on demand', async () => {
    const { view, calls } = await renderView(
      callState({
        camera: false,
        devices: {
          cameras: [
            { deviceId: 'front', label: 'Front', ordinal: 1 },
            { deviceId: 'back', label: 'Back', ordinal: 2 },
          ],
          speakers: [],
        },
      }),
    );
    await settle(view);
    expect(button(view, 'Mute').getAttribute('aria-pressed')).to.equal('false');
    expect(button(view, 'Stop camera').getAttribute('aria-pressed')).to.equal('true');
    expect(button(view, 'Audio only').getAttribute('aria-pressed')).to.equal('false');
    expect(button(view, 'Speaker view').getAttribute('aria-pressed')).to.equal('false');
    for (const each of controlButtons(view)) {
      const box = each.getBoundingClientRect();
      expect(Math.min(box.width, box.height), each.textContent!).to.be.at.least(44);
    }
    button(view, 'Mute').click();
    button(view, 'Stop camera').click();
    button(view, 'Audio only').click();
    button(view, 'Leave').click();
    expect(calls).to.deep.equal([
      'setMicrophoneEnabled(false)',
      'setCameraEnabled(true)',
      'setAudioOnly(true)',
      'leave()',
    ]);

    const list = button(view, 'Participants (3)');
    expect(list.getAttribute('aria-expanded')).to.equal('false');
    list.click();
    await settle(view);
    expect(list.getAttribute('aria-expanded')).to.equal('true');
    const people = [
      ...partOf(view, 'tocsin-participant-list')!.querySelectorAll('#participant-list li'),
    ];
    expect(people.map((li) => li.getAttribute('data-identity'))).to.deep.equal([
      'marie-dupont',
      'paul-martin',
      'stolen-token',
    ]);
    expect(people[2]!.textContent).to.include('Unverified');

    button(view, 'Speaker view').click();
    await settle(view);
    const stage = partOf(view, 'tocsin-call-stage')!.querySelector('[data-layout="speaker"]')!;
    expect(
      stage.querySelector(':scope > tocsin-participant-tile')!.getAttribute('data-identity'),
    ).to.equal('paul-martin');
    await expect(view).to.be.accessible();
    setLocale('fr');
    await settle(view);
    expect(shadowText(view.shadowRoot!.querySelector('tocsin-call-controls')!)).to.include(
      'Couper le micro',
    );
    await expect(view).to.be.accessible();
  });

  it('announces who joins and leaves, and encryption problems, as they happen', async () => {
    const { view } = await renderView(callState({ connection: 'connecting', participants: [] }));
    const status = () => view.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent;
    const alert = () => view.shadowRoot!.querySelector('[role="alert"]')!.textContent;

    view.state = callState({ participants: [me, paul] });
    await view.updateComplete;
    expect(status()).to.equal('You are in the room with 1 other person.');

    view.state = callState({ participants: [me, paul, intruder] });
    await view.updateComplete;
    expect(status()).to.equal('stolen-token joined the room. Not in the signed directory.');

    view.state = callState({ participants: [me, intruder] });
    await view.updateComplete;
    expect(status()).to.equal('Paul Martin left the room.');

    view.state = callState({
      participants: [me, { ...intruder, encryption: 'cannot-decrypt' }],
    });
    await settle(view);
    expect(alert()).to.include('stolen-token’s sound and image cannot be decrypted');
    expect(tile(view, 'stolen-token').dataset['encryption']).to.equal('cannot-decrypt');
    expect(shadowText(tile(view, 'stolen-token'))).to.include('Cannot decrypt');
  });

  it('shows reconnecting, then rejoining with the phone fallbacks when it lasts', async () => {
    const { view } = await renderView(callState());
    const heading = () => view.shadowRoot!.querySelector('h2')!.textContent;
    const status = () => view.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent;
    expect(heading()).to.equal('In the crisis room');
    view.state = callState({ connection: 'reconnecting' });
    await settle(view);
    const banner = () =>
      view.shadowRoot!.querySelector('.banner[role="status"]')?.textContent ?? '';
    expect(banner()).to.include('Reconnecting…');
    // The heading and the screen reader follow the connection, not the last good state.
    expect(heading()).to.equal('Reconnecting to the crisis room…');
    expect(status()).to.equal('Reconnecting to the crisis room…');
    expect(tiles(view)).to.have.length(3);

    view.state = callState({ connection: 'rejoining', rejoinAttempt: 1, participants: [] });
    await settle(view);
    expect(banner()).to.include('The connection was lost. Rejoining the crisis room…');
    expect(heading()).to.equal('Connection lost: rejoining the crisis room…');
    expect(status()).to.equal('Connection lost: rejoining the crisis room…');
    expect(view.shadowRoot!.querySelector('tocsin-call-fallbacks')).to.equal(null);

    view.state = callState({ connection: 'rejoining', rejoinAttempt: 4, participants: [] });
    await settle(view);
    expect(banner()).to.include('Attempt 4');
    expect(banner()).to.include('reach the cell by phone');
    const fallbacks = view.shadowRoot!.querySelector('tocsin-call-fallbacks')!;
    await waitFor(() => !!fallbacks.shadowRoot?.querySelector('a[href="tel:+33622222222"]'), 'tel');
    expect(button(view, 'Mute').disabled).to.equal(true);
    await expect(view).to.be.accessible();

    view.state = callState();
    await settle(view);
    expect(heading()).to.equal('In the crisis room');
    expect(status()).to.equal('You are in the room with 2 other people.');
  });
});
