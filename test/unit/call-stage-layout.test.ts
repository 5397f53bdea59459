// Which tiles the stage shows: the grid unless the speaker layout is asked for and someone else
// is there; in the speaker layout, who is shown large.
import { expect } from '@open-wc/testing';
import { stageLayout } from '../../src/features/call/call-stage-layout.js';
import type { CallParticipant } from '../../src/features/call/call-types.js';
import { callState, intruder, me, paul, zoe } from './call-fakes.js';

const identities = (participants: readonly CallParticipant[]) =>
  participants.map((p) => p.identity);

/** The large tile and the strip's, by identity, of a speaker layout. */
function speakerLayout(...args: Parameters<typeof stageLayout>) {
  const layout = stageLayout(...args);
  if (layout.kind !== 'speaker') throw new Error(`expected the speaker layout, got ${layout.kind}`);
  return { main: layout.main.identity, others: identities(layout.others) };
}

describe('the stage’s layout', () => {
  it('is the grid of everyone, in order, unless the speaker layout is asked for', () => {
    const layout = stageLayout(callState({ participants: [me, paul, intruder, zoe] }), false);
    expect(layout.kind).to.equal('grid');
    expect(identities(layout.kind === 'grid' ? layout.participants : [])).to.deep.equal([
      'marie-dupont',
      'paul-martin',
      'stolen-token',
      'zoe-bernard',
    ]);
  });

  it('stays the grid when there is nobody else to show large', () => {
    expect(stageLayout(callState({ participants: [me] }), true).kind).to.equal('grid');
    expect(stageLayout(callState({ participants: [] }), true).kind).to.equal('grid');
  });

  it('shows who speaks now large, the loudest first, and the others in the strip in order', () => {
    const state = callState({
      participants: [me, paul, intruder, zoe],
      activeSpeakers: ['zoe-bernard', 'paul-martin'],
    });
    expect(speakerLayout(state, true)).to.deep.equal({
      main: 'zoe-bernard',
      others: ['marie-dupont', 'paul-martin', 'stolen-token'],
    });
  });

  it('keeps another member large while this device speaks', () => {
    const state = callState({ activeSpeakers: ['marie-dupont'], lastSpeaker: 'stolen-token' });
    expect(speakerLayout(state, true).main).to.equal('stolen-token');
    const nobodySpoke = callState({ activeSpeakers: ['marie-dupont'] });
    expect(speakerLayout(nobodySpoke, true).main).to.equal('paul-martin');
  });

  it('falls back to who spoke last, then to the first other participant', () => {
    const silent = { activeSpeakers: [], participants: [me, paul, intruder] };
    expect(
      speakerLayout(callState({ ...silent, lastSpeaker: 'stolen-token' }), true).main,
    ).to.equal('stolen-token');
    // Who spoke last has left: the first other participant.
    expect(speakerLayout(callState({ ...silent, lastSpeaker: 'zoe-bernard' }), true)).to.deep.equal(
      {
        main: 'paul-martin',
        others: ['marie-dupont', 'stolen-token'],
      },
    );
  });
});
