// User Timing marks of a join, "tocsin:join:<step>": where join time goes can be read in the
// browser's performance panel and by the bench (test/bench/call.bench.mjs), with nothing logged.

/** The steps of a join, in the order they usually happen. */
export type JoinStep =
  | 'start'
  | 'media-captured'
  | 'room-created'
  | 'e2ee-enabled'
  | 'signal-connected'
  | 'connected'
  | 'encryption-active'
  | 'remote-video-subscribed'
  | 'remote-video-attached'
  | 'published';

const PREFIX = 'tocsin:join:';

/** Steps marked since the last 'start': each is marked once per join, however long the call. */
const marked = new Set<JoinStep>();

/** Marks a step of the current join; a new join starts by clearing the last one's marks. */
export function markJoin(step: JoinStep): void {
  if (step === 'start') {
    for (const done of marked) performance.clearMarks(PREFIX + done);
    marked.clear();
  }
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark(PREFIX + step);
}
