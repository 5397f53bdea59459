#!/usr/bin/env node
// A real livekit-server for the end-to-end tests and `npm start`: built once from source with
// `go install` into .cache/livekit/ (LiveKit publishes no npm package of the server, and the
// machines reach the Go module proxy but not GitHub's release downloads), then run on loopback
// with a configuration that keeps every packet on this machine.
//
//   node deploy/livekit/livekit-server.mjs install            builds the binary (CI warm-up)
//   node deploy/livekit/livekit-server.mjs run [--port 7880]  runs it in the foreground with
//                                                             LIVEKIT_API_KEY / LIVEKIT_API_SECRET
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { accessSync, constants } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The server release we build. Its go.mod has no `replace` directive, which `go install` refuses;
 * check a new tag's go.mod before moving to it (docs/deploy.md).
 */
export const LIVEKIT_VERSION = 'v1.13.5';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(projectRoot, '.cache/livekit');
const MODULE = 'github.com/livekit/livekit-server/cmd/server';

/** @typedef {(message: string) => void} Log */

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The version a livekit-server binary reports ("server version 1.13.5"), or undefined if it does
 * not run.
 * @param {string} binary
 */
function binaryVersion(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) return undefined;
  return /(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
}

/** The `go` command: on PATH, else the standard /usr/local/go install. */
function findGo() {
  const candidates = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'go'));
  candidates.push('/usr/local/go/bin/go');
  return candidates.find(isExecutable);
}

/** @param {number} ms */
const minutes = (ms) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/**
 * Returns the absolute path of a livekit-server binary, building it first if needed:
 * `TOCSIN_LIVEKIT_SERVER` when set, else .cache/livekit/<version>/bin/server, which
 * `go install …@LIVEKIT_VERSION` makes (several minutes the first time).
 * @param {{ log?: Log }} [options]
 * @returns {Promise<string>}
 */
export async function ensureLivekitServer({ log = console.log } = {}) {
  const given = process.env.TOCSIN_LIVEKIT_SERVER;
  if (given) {
    const binary = resolve(given);
    if (!isExecutable(binary)) {
      throw new Error(`TOCSIN_LIVEKIT_SERVER=${given} is not an executable file.`);
    }
    return binary;
  }

  const wanted = LIVEKIT_VERSION.slice(1);
  const versionDir = join(cacheDir, LIVEKIT_VERSION);
  const binary = join(versionDir, 'bin/server');
  if (isExecutable(binary)) {
    if (binaryVersion(binary) === wanted) return binary;
    log(`${binary} does not run as livekit-server ${wanted}: building it again.`);
  }

  const go = findGo();
  if (!go) {
    throw new Error(
      `The LiveKit server is built from source with Go, and Go was not found (neither \`go\` on PATH nor /usr/local/go/bin/go).
Either install Go 1.26 or newer (https://go.dev/doc/install; on Debian/Ubuntu the golang-go package is often older than 1.26),
or put a livekit-server ${wanted} binary on this machine and set TOCSIN_LIVEKIT_SERVER=/path/to/livekit-server.`,
    );
  }

  // A fresh temporary GOBIN per build, renamed into place at the end: an interrupted or concurrent
  // build never leaves a half-written binary where the next run would pick it up.
  const tmpBin = join(versionDir, `bin.tmp-${process.pid}`);
  await rm(tmpBin, { recursive: true, force: true });
  await mkdir(tmpBin, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, GOBIN: tmpBin, CGO_ENABLED: '0' };
  // Keep the downloads and the build cache inside the project unless the machine has its own, so
  // CI on a fresh machine needs nothing else. -modcacherw: Go makes its module cache read-only,
  // which would stop a plain `rm -rf .cache` by a non-root user.
  if (!process.env.GOMODCACHE) {
    env.GOMODCACHE = join(cacheDir, 'go/mod');
    env.GOFLAGS = [process.env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' ');
  }
  if (!process.env.GOCACHE) env.GOCACHE = join(cacheDir, 'go/build');

  log(
    `Building livekit-server ${wanted} from source with ${go} (go install ${MODULE}@${LIVEKIT_VERSION}).`,
  );
  log(
    'The first build downloads about 360 MB of Go modules and compiles them: about 3 minutes on 2 cores. Later builds reuse .cache/livekit/go.',
  );
  const started = Date.now();
  const ticker = setInterval(
    () => log(`… still building (${minutes(Date.now() - started)})`),
    60_000,
  );
  try {
    await new Promise((done, fail) => {
      const child = spawn(go, ['install', `${MODULE}@${LIVEKIT_VERSION}`], {
        cwd: cacheDir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
      child.on('error', fail);
      child.on('exit', (code) =>
        code === 0
          ? done(undefined)
          : fail(new Error(`go install ${MODULE}@${LIVEKIT_VERSION} failed (${code}):\n${output}`)),
      );
    });
    await mkdir(dirname(binary), { recursive: true });
    await rename(join(tmpBin, 'server'), binary);
  } finally {
    clearInterval(ticker);
    await rm(tmpBin, { recursive: true, force: true });
  }
  const version = binaryVersion(binary);
  if (version !== wanted) {
    throw new Error(`The freshly built ${binary} reports version ${version}, not ${wanted}.`);
  }
  log(`Built ${binary} in ${minutes(Date.now() - started)}.`);
  return binary;
}

/**
 * Whether a port can be bound on 127.0.0.1 right now.
 * @param {number} port
 * @param {'tcp' | 'udp'} protocol
 * @returns {Promise<boolean>}
 */
function portIsFree(port, protocol) {
  return new Promise((done) => {
    if (protocol === 'udp') {
      const socket = createSocket('udp4');
      socket.once('error', () => done(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => done(true)));
      return;
    }
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/**
 * A port p such that p (HTTP/WebSocket) and p+1 (ICE/TCP) are free TCP ports and p+2 (the ICE/UDP
 * mux) is a free UDP port. Another process may still take them before the server starts; the
 * server then fails to start with a clear error.
 */
export async function freeLivekitPort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
        server.close(() => done(port));
      });
    });
    if (port + 2 > 65535) continue;
    if (
      (await portIsFree(port + 1, 'tcp')) &&
      (await portIsFree(port + 2, 'udp')) &&
      (await portIsFree(port, 'tcp'))
    ) {
      return port;
    }
  }
  throw new Error('Found no three consecutive free ports for livekit-server on 127.0.0.1.');
}

/**
 * At most one keyframe request per video layer every PLI_THROTTLE, forwarded by the server to the
 * publisher (rtc.pli_throttle; a Go duration string, a bare number is refused). v1.13.5's defaults
 * are 500 ms for the low layer and 1 s for the others, while a receiver that lost its picture asks
 * every 200 to 250 ms: a joining member whose E2EE worker dropped the first keyframe (livekit-client
 * decrypts only once the Room is connected), or any member after packet loss, waited up to a second
 * more. For a crisis room of a handful of people a few more keyframes are worth it. The crisis
 * box's livekit.yaml sets the same (docs/deploy.md).
 */
const PLI_THROTTLE = '200ms';

/**
 * The server's configuration for loopback: nothing is bound or advertised beyond 127.0.0.1 except
 * the ICE/TCP listener, which livekit-server always opens on every interface.
 * @param {number} port
 */
function loopbackConfig(port) {
  return [
    `port: ${port}`,
    'bind_addresses: [127.0.0.1]',
    'rtc:',
    `  tcp_port: ${port + 1}`,
    `  udp_port: ${port + 2}`,
    '  use_external_ip: false',
    '  node_ip: 127.0.0.1',
    '  enable_loopback_candidate: true',
    // The UDP mux listens on loopback only.
    '  ips:',
    '    includes: [127.0.0.1/32]',
    // An empty stun_servers list is accepted but does not help: with no STUN and no TURN
    // configured, v1.13.5 hands clients Twilio's and Google's public STUN servers
    // (RoomManager.iceServersForParticipant). Naming a loopback address instead keeps the
    // browsers' STUN queries on this machine; nothing answers them and host candidates suffice.
    `  stun_servers: ['127.0.0.1:${port + 2}']`,
    '  pli_throttle:',
    `    low_quality: ${PLI_THROTTLE}`,
    `    mid_quality: ${PLI_THROTTLE}`,
    `    high_quality: ${PLI_THROTTLE}`,
    'logging:',
    '  level: warn',
    'room:',
    '  auto_create: true',
    '  empty_timeout: 300',
  ].join('\n');
}

/**
 * The environment of the server process: livekit-server reads NODE_IP, UDP_PORT, REDIS_HOST and
 * any LIVEKIT_* variable as configuration, so none of the caller's may leak in. The keys go in
 * LIVEKIT_KEYS rather than on the command line, where every user of the machine could read them.
 * @param {string} apiKey
 * @param {string} apiSecret
 */
function serverEnv(apiKey, apiSecret) {
  const reserved = /^(LIVEKIT_|NODE_IP$|UDP_PORT$|REDIS_HOST$|REDIS_PASSWORD$)/;
  /** @type {NodeJS.ProcessEnv} */
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !reserved.test(name)),
  );
  // Quoted: unquoted, a secret YAML reads as a number or a boolean is silently dropped.
  env.LIVEKIT_KEYS = `${JSON.stringify(apiKey)}: ${JSON.stringify(apiSecret)}`;
  return env;
}

/**
 * @typedef {object} LivekitServer
 * @property {string} url the WebSocket URL clients connect to (ws://127.0.0.1:port)
 * @property {string} httpUrl the same server over HTTP (http://127.0.0.1:port)
 * @property {number} port
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {() => Promise<void>} stop ends the server (SIGTERM, then SIGKILL after 3 s)
 * @property {() => Promise<void>} restart stop, then start again on the same ports and keys
 * @property {Promise<void>} exited settles when the current server process ends, for any reason
 */

/**
 * Starts livekit-server on 127.0.0.1 and resolves once it answers HTTP. Ports: `port` for HTTP and
 * WebSocket, `port + 1` for ICE over TCP, `port + 2` for ICE over UDP; `port: 0` picks free ones.
 * Without keys, a random secret is made for key "tocsin-test".
 * @param {{ binary: string, port?: number, apiKey?: string, apiSecret?: string, log?: Log,
 *   echo?: boolean, readyTimeoutMs?: number }} options `echo` copies the server's own output to
 *   `log` (for a foreground run); otherwise only its tail is shown, in the error of a failed start.
 * @returns {Promise<LivekitServer>}
 */
export async function startLivekitServer({
  binary,
  port = 7880,
  apiKey = 'tocsin-test',
  apiSecret = randomBytes(32).toString('base64url'),
  log = console.log,
  echo = false,
  readyTimeoutMs = 20_000,
}) {
  const chosenPort = port === 0 ? await freeLivekitPort() : port;
  const httpUrl = `http://127.0.0.1:${chosenPort}`;
  const args = ['--config-body', loopbackConfig(chosenPort), '--node-ip', '127.0.0.1'];
  args.push('--bind', '127.0.0.1');
  const env = serverEnv(apiKey, apiSecret);

  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<void>} */
  let exited = Promise.resolve();
  // Never leave a server behind when the caller dies without stopping it.
  const killOnExit = () => child?.kill('SIGKILL');

  async function start() {
    // A server already on the port would answer the readiness check in place of ours.
    if (!(await portIsFree(chosenPort, 'tcp'))) {
      throw new Error(
        `Port ${chosenPort} on 127.0.0.1 is taken (is another LiveKit server or demo running?).`,
      );
    }
    let tail = '';
    const proc = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    process.on('exit', killOnExit);
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      tail = (tail + chunk).slice(-3000);
      if (echo) log(String(chunk).trimEnd());
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    /** @type {string | undefined} */
    let exitReason;
    exited = new Promise((done) => {
      proc.on('error', (error) => {
        exitReason = String(error);
        done();
      });
      proc.on('exit', (code, signal) => {
        exitReason ??= `exited with ${signal ?? code}`;
        process.off('exit', killOnExit);
        done();
      });
    });

    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (exitReason) {
        throw new Error(
          `livekit-server on port ${chosenPort} ${exitReason} before it was ready. Its last output:\n${tail}`,
        );
      }
      try {
        const response = await fetch(`${httpUrl}/`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) {
          // LivekitServer.Start marks itself running 100 ms after it starts serving, and a stop
          // signal before that is ignored: a stop() right after start() would wait for SIGKILL.
          await new Promise((wait) => setTimeout(wait, 150));
          return;
        }
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `livekit-server did not answer on ${httpUrl}/ within ${readyTimeoutMs / 1000} s. Its last output:\n${tail}`,
        );
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  async function stop() {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  }

  await start();
  log(`livekit-server ${LIVEKIT_VERSION} is listening on ws://127.0.0.1:${chosenPort}.`);
  return {
    url: `ws://127.0.0.1:${chosenPort}`,
    httpUrl,
    port: chosenPort,
    apiKey,
    apiSecret,
    stop,
    get exited() {
      return exited;
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '7880' } },
  });
  const command = positionals[0];
  try {
    if (command === 'install') {
      console.log(`livekit-server is at ${await ensureLivekitServer()}`);
    } else if (command === 'run') {
      const apiKey = process.env.LIVEKIT_API_KEY ?? 'devkey';
      const apiSecret = process.env.LIVEKIT_API_SECRET;
      if (!apiSecret || apiSecret.length < 32) {
        throw new Error(
          'Set LIVEKIT_API_SECRET (at least 32 characters) and optionally LIVEKIT_API_KEY (default devkey), e.g.\n' +
            '  LIVEKIT_API_SECRET=$(openssl rand -base64 33) node deploy/livekit/livekit-server.mjs run',
        );
      }
      const binary = await ensureLivekitServer();
      const server = await startLivekitServer({
        binary,
        port: Number(values.port),
        apiKey,
        apiSecret,
        echo: true,
      });
      console.log(
        `API key ${apiKey} (the secret is the one in LIVEKIT_API_SECRET). Ctrl-C stops it.`,
      );
      let stopping = false;
      for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
        process.on(signal, () => {
          stopping = true;
          void server.stop().then(() => process.exit(0));
        });
      }
      await server.exited;
      if (!stopping) {
        console.error('livekit-server stopped by itself.');
        process.exit(1);
      }
    } else {
      console.error('Usage: node deploy/livekit/livekit-server.mjs install | run [--port 7880]');
      process.exit(2);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
