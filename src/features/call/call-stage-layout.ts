// Which tiles the call shows, and how: everyone in a grid, or one person large above a strip of
// the others. Kept apart from the element so the choice of who is shown large can be tested alone.
import type { CallParticipant, CallState } from './call-types.js';

/** The tiles of the stage, in the order they are shown. */
export type StageLayout =
  | { kind: 'grid'; participants: readonly CallParticipant[] }
  | { kind: 'speaker'; main: CallParticipant; others: readonly CallParticipant[] };

/**
 * The speaker layout when it is asked for and there is someone else to show; otherwise the grid
 * (alone in the room, one tile is all there is).
 */
export function stageLayout(state: CallState, speakerView: boolean): StageLayout {
  const participants = state.participants;
  if (!speakerView || participants.length <= 1) return { kind: 'grid', participants };
  const main = featuredParticipant(state);
  return { kind: 'speaker', main, others: participants.filter((p) => p !== main) };
}

/**
 * Who the speaker layout shows large: who speaks now, else who spoke last, else someone else.
 * Another member rather than this device while there is one: the large picture is for whom the
 * member is listening to.
 */
function featuredParticipant(state: CallState): CallParticipant {
  const remote = state.participants.filter((p) => !p.local);
  const byIdentity = (identity?: string) => remote.find((p) => p.identity === identity);
  return (
    state.activeSpeakers.map(byIdentity).find(Boolean) ??
    byIdentity(state.lastSpeaker) ??
    remote[0] ??
    state.participants[0]!
  );
}
