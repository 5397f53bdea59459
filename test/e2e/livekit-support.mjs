// A real livekit-server for the end-to-end tests: built once (deploy/livekit/livekit-server.mjs),
// started on free loopback ports for one test file, stopped after it. Tokens are minted here with
// the server's keys, as the organisation's token service or tocsin-kit would.
import { after, before } from 'node:test';
import { AccessToken } from 'livekit-server-sdk';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';

/**
 * Starts a LiveKit server before the tests of the calling file and stops it after them. Returns a
 * live holder: `state.server` is set once `before` has run.
 */
export function useLivekitServer() {
  const state = {
    server: /** @type {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} */ (
      /** @type {unknown} */ (undefined)
    ),
  };
  before(async () => {
    const binary = await ensureLivekitServer({ log: (line) => console.log(`# ${line}`) });
    state.server = await startLivekitServer({ binary, port: 0, log: () => {} });
  });
  after(async () => {
    await state.server?.stop();
  });
  return state;
}

/**
 * A join token for `room`, signed with the server's key.
 * @param {{ apiKey: string, apiSecret: string }} server
 * @param {string} identity
 * @param {string} room
 */
export function joinToken(server, identity, room) {
  const token = new AccessToken(server.apiKey, server.apiSecret, { identity, ttl: '10m' });
  token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
  return token.toJwt();
}
