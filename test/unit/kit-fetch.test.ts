import { expect } from '@open-wc/testing';
import {
  fetchKit,
  kitDownloadUrl,
  KitFetchError,
  type KitDownloadProgress,
  type KitFetchFailure,
} from '../../src/features/kit/kit-fetch.js';

// The test server serves the repository: a real file, fetched for real over HTTP.
const SERVED_FILE = new URL('../fixtures/enrollment-qr.png', import.meta.url).href;

async function failure(promise: Promise<unknown>): Promise<KitFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KitFetchError) return error;
    throw error;
  }
  throw new Error('The download succeeded.');
}

/** Replaces window.fetch for one test; returns the requests it saw. */
function stubFetch(respond: (request: Request) => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return respond(new Request(input, init));
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('kit download', () => {
  it('downloads a file of the app’s origin, reporting progress against Content-Length', async () => {
    const expected = new Uint8Array(await (await fetch(SERVED_FILE)).arrayBuffer());
    const progress: KitDownloadProgress[] = [];
    const file = await fetchKit(SERVED_FILE, { onProgress: (p) => progress.push(p) });
    expect(file).to.deep.equal(expected);
    expect(progress[0]).to.deep.equal({ received: 0, total: expected.length });
    expect(progress.at(-1)).to.deep.equal({ received: expected.length, total: expected.length });
  });

  it('asks for no cache, no cookies and no redirects', async () => {
    const fetched = stubFetch(() => new Response(new Uint8Array([1, 2, 3])));
    try {
      expect(await fetchKit('/kits/marie.tocsin')).to.deep.equal(new Uint8Array([1, 2, 3]));
    } finally {
      fetched.restore();
    }
    expect(fetched.seen[0]!.url).to.equal(new URL('/kits/marie.tocsin', location.href).href);
    expect(fetched.seen[0]!.init).to.include({
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  });

  it('refuses another origin, and anything but http(s), without a request', async () => {
    const fetched = stubFetch(() => new Response('never'));
    try {
      for (const [url, reason] of [
        ['https://kits.example.org/marie.tocsin', 'cross-origin'],
        ['//kits.example.org/marie.tocsin', 'cross-origin'],
        [`${location.protocol}//${location.hostname}:1/marie.tocsin`, 'cross-origin'],
        ['data:application/octet-stream;base64,AAAA', 'bad-url'],
        ['javascript:alert(1)', 'bad-url'],
      ] as [string, KitFetchFailure][]) {
        expect((await failure(fetchKit(url))).reason, url).to.equal(reason);
      }
    } finally {
      fetched.restore();
    }
    expect(fetched.seen).to.have.length(0);
    expect(kitDownloadUrl('kit.tocsin', 'https://tocsin.example/app/#/enroll').href).to.equal(
      'https://tocsin.example/app/kit.tocsin',
    );
  });

  it('says 404 from a real server, and other HTTP errors with their status', async () => {
    const missing = await failure(fetchKit('/no/such/kit.tocsin'));
    expect(missing.reason).to.equal('not-found');
    expect(missing.status).to.equal(404);

    const fetched = stubFetch(() => new Response('busy', { status: 503 }));
    try {
      const error = await failure(fetchKit('/kits/marie.tocsin'));
      expect(error.reason).to.equal('http');
      expect(error.status).to.equal(503);
    } finally {
      fetched.restore();
    }
  });

  it('tells offline from a network failure', async () => {
    const fetched = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    try {
      expect((await failure(fetchKit('/kit.tocsin'))).reason).to.equal('network');
      expect((await failure(fetchKit('/kit.tocsin', { isOnline: () => false }))).reason).to.equal(
        'offline',
      );
    } finally {
      fetched.restore();
    }
    // Offline, it does not even try.
    expect(fetched.seen).to.have.length(1);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    let pulled = 0;
    const fetched = stubFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(1000));
            },
          }),
          { headers: { 'content-length': '5000' } },
        ),
    );
    try {
      expect((await failure(fetchKit('/kit.tocsin', { maxBytes: 4096 }))).reason).to.equal(
        'too-large',
      );
    } finally {
      fetched.restore();
    }
    // The stream's own start-up pull at most: the body is not read.
    expect(pulled).to.be.at.most(1);
  });

  it('stops reading an endless body as soon as it passes the limit', async () => {
    let pulled = 0;
    let cancelled = false;
    const fetched = stubFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                pulled++;
                controller.enqueue(new Uint8Array(1024));
              },
              cancel() {
                cancelled = true;
              },
            },
            { highWaterMark: 0 },
          ),
        ),
    );
    const progress: KitDownloadProgress[] = [];
    try {
      const error = await failure(
        fetchKit('/kit.tocsin', { maxBytes: 10 * 1024, onProgress: (p) => progress.push(p) }),
      );
      expect(error.reason).to.equal('too-large');
    } finally {
      fetched.restore();
    }
    expect(cancelled).to.equal(true);
    expect(pulled).to.be.at.most(12);
    // Without Content-Length there is no total: the page shows an indeterminate progress bar.
    expect(progress.every((p) => p.total === undefined)).to.equal(true);
    expect(progress.at(-1)!.received).to.equal(10 * 1024);
  });

  it('reports a cancelled download as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(fetchKit(SERVED_FILE, { signal: controller.signal }))).reason).to.equal(
      'aborted',
    );
  });
});
