// A real livekit-server for the end-to-end tests: built once (deploy/livekit/livekit-server.mjs),
// started on free loopback ports for one test file, stopped after it. Tokens are minted here with
// the server's keys, as the organisation's token service or tocsin-kit would.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { AccessToken } from 'livekit-server-sdk';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { projectRoot } from './support.mjs';

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

/**
 * Serves bare pages on another loopback origin (a secure context, as E2EE requires): an empty
 * page, and livekit-client with its E2EE worker straight from node_modules.
 */
export async function startBareServer() {
  const dist = join(projectRoot, 'node_modules/livekit-client/dist');
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><title>bench</title><style>video{width:640px;height:360px}</style>');
      return;
    }
    const body = /^\/livekit-client[\w.]*\.mjs$/.test(path)
      ? await readFile(join(dist, path.slice(1))).catch(() => undefined)
      : undefined;
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/javascript' }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
    },
  };
}
