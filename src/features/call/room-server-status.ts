// What the room page says of reaching the room: before joining, whether the kit's server answers
// (checking, answering, or silent and why, with when it was last asked; room-server-watch.ts keeps
// that answer fresh), and once a call could not reach the room or ended for good, why, with a way
// to try again. Drawn into the room page's shadow root; apart so the page keeps to choosing its
// view and joining.
import { html, nothing } from 'lit';
import { renderErrorDetails } from '../../app/failure-view.js';
import { logTime } from '../../app/i18n/time-format.js';
import { t } from './call-messages.js';
import type { CallProblem, CallState } from './call-types.js';
import { PROBE_TIMEOUT_MS, type ProbeResult } from './server-probe.js';

/** What the page says of the kit's server; the room page host's `data-server`. */
export type ServerState = 'checking' | 'reachable' | 'unreachable';

/** The state a probe's answer (or its absence, while the first is on its way) stands for. */
export function serverStateOf(probe: ProbeResult | undefined): ServerState {
  if (!probe) return 'checking';
  return probe.reachable ? 'reachable' : 'unreachable';
}

/**
 * Whether the kit's server answers, and when it was last asked. Joining stays possible either
 * way: the probe can be wrong, and a member may know better. `withDetails` is false where the
 * call's own technical details are shown already.
 */
export function renderServerStatus(probe: ProbeResult | undefined, withDetails = true) {
  if (!probe) {
    return html`<p class="server muted">
      <span role="status">${t('call.server.checking')}</span>
    </p>`;
  }
  const checked = t('call.server.checkedAt', logTime(probe.at.toISOString()));
  return html`<p class="server ${probe.reachable ? 'ok' : 'warning'}">
      <span role="status"
        >${
          probe.reachable
            ? t('call.server.reachable')
            : t('call.server.unreachable', probeFailure(probe))
        }</span
      >
      <span class="muted">(${checked})</span>
    </p>
    ${probe.reachable || !withDetails ? nothing : renderErrorDetails(probe.detail)}`;
}

/** Why the server did not answer, in words that fit in the sentence that says so. */
function probeFailure(probe: Extract<ProbeResult, { reachable: false }>): string {
  switch (probe.reason) {
    case 'offline':
      return t('call.server.reason.offline');
    case 'timeout':
      return t('call.server.reason.timeout', PROBE_TIMEOUT_MS / 1000);
    case 'network':
      return t('call.server.reason.network');
    case 'status':
      return t('call.server.reason.status', probe.status ?? 0);
  }
}

/**
 * Why the call could not reach the room or ended for good, what the kit's server says now, and a
 * button to try again (to join again, after the same member joined elsewhere). The page puts the
 * phone fallbacks after it.
 */
export function renderCallEnded(
  call: CallState,
  probe: ProbeResult | undefined,
  retry: () => void,
) {
  const problem: CallProblem = call.problem ?? { kind: 'unreachable', detail: '' };
  const texts = {
    unsupported: ['call.unsupported.title', 'call.unsupported.body'],
    unreachable: ['call.unreachable.title', 'call.unreachable.body'],
    refused: ['call.refused.title', 'call.refused.body'],
    duplicate: ['call.duplicate.title', 'call.duplicate.body'],
    removed: ['call.removed.title', 'call.removed.body'],
    encryption: ['call.encryptionFailed.title', 'call.encryptionFailed.body'],
  } as const;
  const [title, body] = texts[problem.kind];
  // livekit-client's own words ("could not establish signal connection…") are for whoever
  // supports the cell: behind a disclosure, never in the sentence.
  const detail = 'detail' in problem ? problem.detail : '';
  const offline = problem.kind === 'unreachable' && !navigator.onLine;
  return html`<section class="card" data-problem=${problem.kind}>
    <h2 tabindex="-1">${t(title)}</h2>
    <p>${offline ? t('call.unreachable.offline') : t(body)}</p>
    ${renderErrorDetails(detail)} ${renderServerStatus(probe, false)}
    <div class="actions">
      <button class="button join" @click=${() => retry()}>
        ${problem.kind === 'duplicate' ? t('call.rejoin') : t('call.retry')}
      </button>
    </div>
  </section>`;
}
