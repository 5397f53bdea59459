import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import {
  defaultQrReader,
  jsQrReader,
  type MediaStreamFactory,
  type TocsinQrScanner,
} from '../../src/features/kit/tocsin-qr-scanner.js';
import '../../src/features/kit/tocsin-qr-scanner.js';
import { shadowText, waitFor } from './helpers.js';

// test/fixtures/enrollment-qr.png was made with the qrcode package (not loadable in the test
// browser: CommonJS all the way down), by:
//   node -e "require('qrcode').toFile('test/fixtures/enrollment-qr.png', LINK,
//            { margin: 4, scale: 6, errorCorrectionLevel: 'M' }, (e) => { if (e) throw e; })"
const LINK =
  'https://tocsin.example/#/enroll?kit=/kits/marie-dupont.tocsin&k=q7Zt0vXW1cM4e9YbR2hL8sN5pKaJ3uGfD6iQxVwCyEo';

async function loadImage(src: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = src;
  await image.decode();
  return image;
}

/**
 * A camera that films a canvas: blank, or showing the enrollment QR code. It repaints a few times
 * a second, since a captured canvas only yields frames when it is drawn on.
 */
async function canvasCamera(showCode: boolean) {
  const image = await loadImage(new URL('../fixtures/enrollment-qr.png', import.meta.url).href);
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 360;
  const context = canvas.getContext('2d')!;
  let frame = 0;
  const paint = () => {
    context.fillStyle = frame++ % 2 ? '#fafafa' : '#f4f4f4';
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (showCode) context.drawImage(image, 80, 20);
  };
  paint();
  const painter = setInterval(paint, 50);
  const stream = canvas.captureStream(20);
  const requests: MediaStreamConstraints[] = [];
  const factory: MediaStreamFactory = async (constraints) => {
    requests.push(constraints);
    return stream;
  };
  return { stream, factory, requests, stopPainting: () => clearInterval(painter) };
}

describe('<tocsin-qr-scanner>', () => {
  afterEach(() => setLocale('en'));

  it('explains why it needs the camera before asking for it', async () => {
    let asked = 0;
    const scanner = await fixture<TocsinQrScanner>(
      html`<tocsin-qr-scanner
        .mediaStreamFactory=${() => {
          asked++;
          return Promise.reject(new Error('not expected'));
        }}
      ></tocsin-qr-scanner>`,
    );
    expect(shadowText(scanner)).to.include('Tocsin needs the camera');
    expect(asked).to.equal(0);
    await expect(scanner).to.be.accessible();
  });

  it('reads a real QR code with jsQR from a camera stream, fires qr-read and turns the camera off', async () => {
    const camera = await canvasCamera(true);
    try {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner
          .mediaStreamFactory=${camera.factory}
          .reader=${await jsQrReader()}
        ></tocsin-qr-scanner>`,
      );
      const read = new Promise<string>((resolve) =>
        scanner.addEventListener('qr-read', (event) => resolve((event as CustomEvent).detail), {
          once: true,
        }),
      );
      scanner.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await waitFor(() => !!scanner.shadowRoot!.querySelector('video'), 'the preview');
      expect(shadowText(scanner)).to.include('Point the camera at the QR code');
      await expect(scanner).to.be.accessible();
      expect(await read).to.equal(LINK);
      expect(camera.requests[0]).to.deep.equal({
        video: { facingMode: 'environment' },
        audio: false,
      });
      expect(camera.stream.getTracks().every((track) => track.readyState === 'ended')).to.equal(
        true,
      );
    } finally {
      camera.stopPainting();
    }
  });

  it('finds the reader by itself (BarcodeDetector or jsQR) when none is given', async () => {
    const camera = await canvasCamera(true);
    try {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner .mediaStreamFactory=${camera.factory}></tocsin-qr-scanner>`,
      );
      const read = new Promise<string>((resolve) =>
        scanner.addEventListener('qr-read', (event) => resolve((event as CustomEvent).detail)),
      );
      await scanner.start();
      expect(await read).to.equal(LINK);
    } finally {
      camera.stopPainting();
    }
  });

  it('prefers the platform’s BarcodeDetector where it reads QR codes', async () => {
    const scope = globalThis as { BarcodeDetector?: unknown };
    const original = Object.getOwnPropertyDescriptor(scope, 'BarcodeDetector');
    const made: unknown[] = [];
    let formats = ['ean_13'];
    scope.BarcodeDetector = class {
      static getSupportedFormats = async () => formats;
      constructor(options: unknown) {
        made.push(options);
      }
      detect = async () => [{ rawValue: LINK }];
    };
    try {
      const video = document.createElement('video');
      // Without qr_code among its formats, jsQR reads instead (and finds nothing in no frame).
      await defaultQrReader();
      expect(made).to.have.length(0);
      formats = ['ean_13', 'qr_code'];
      const reader = await defaultQrReader();
      expect(made).to.deep.equal([{ formats: ['qr_code'] }]);
      expect(await reader(video)).to.equal(LINK);
    } finally {
      if (original) Object.defineProperty(scope, 'BarcodeDetector', original);
      else delete scope.BarcodeDetector;
    }
  });

  it('stops every track on Cancel, and when it leaves the page', async () => {
    const camera = await canvasCamera(false);
    try {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner
          .mediaStreamFactory=${camera.factory}
          .reader=${await jsQrReader()}
        ></tocsin-qr-scanner>`,
      );
      let cancelled = 0;
      let read = 0;
      scanner.addEventListener('qr-cancel', () => cancelled++);
      scanner.addEventListener('qr-read', () => read++);
      await scanner.start();
      await waitFor(() => !!scanner.shadowRoot!.querySelector('video'), 'the preview');
      // Let it read a few blank frames first.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(camera.stream.getTracks().every((track) => track.readyState === 'live')).to.equal(
        true,
      );
      scanner.shadowRoot!.querySelector<HTMLButtonElement>('#cancel')!.click();
      expect(cancelled).to.equal(1);
      expect(read).to.equal(0);
      expect(camera.stream.getTracks().every((track) => track.readyState === 'ended')).to.equal(
        true,
      );
      await scanner.updateComplete;
      expect(scanner.shadowRoot!.querySelector('video')).to.equal(null);
    } finally {
      camera.stopPainting();
    }

    const second = await canvasCamera(false);
    try {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner
          .mediaStreamFactory=${second.factory}
          .reader=${await jsQrReader()}
        ></tocsin-qr-scanner>`,
      );
      await scanner.start();
      scanner.remove();
      expect(second.stream.getTracks().every((track) => track.readyState === 'ended')).to.equal(
        true,
      );
    } finally {
      second.stopPainting();
    }
  });

  it('turns off a camera that arrives after Cancel', async () => {
    const camera = await canvasCamera(false);
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    try {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner
          .mediaStreamFactory=${async (constraints: MediaStreamConstraints) => {
            await granted;
            return camera.factory(constraints);
          }}
        ></tocsin-qr-scanner>`,
      );
      const starting = scanner.start();
      scanner.cancel();
      grant();
      await starting;
      expect(camera.stream.getTracks().every((track) => track.readyState === 'ended')).to.equal(
        true,
      );
    } finally {
      camera.stopPainting();
    }
  });

  for (const [name, expected] of [
    ['NotAllowedError', 'may not use the camera'],
    ['NotFoundError', 'No camera was found'],
    ['NotReadableError', 'used by another app'],
  ] as const) {
    it(`says plainly what a ${name} means`, async () => {
      const scanner = await fixture<TocsinQrScanner>(
        html`<tocsin-qr-scanner
          .mediaStreamFactory=${() => Promise.reject(new DOMException('refused', name))}
        ></tocsin-qr-scanner>`,
      );
      await scanner.start();
      await scanner.updateComplete;
      const alert = scanner.shadowRoot!.querySelector('[role="alert"]');
      expect(alert?.textContent).to.include(expected);
      await expect(scanner).to.be.accessible();
    });
  }

  it('speaks French', async () => {
    setLocale('fr');
    const scanner = await fixture<TocsinQrScanner>(
      html`<tocsin-qr-scanner
        .mediaStreamFactory=${() => Promise.reject(new DOMException('refused', 'NotAllowedError'))}
      ></tocsin-qr-scanner>`,
    );
    expect(shadowText(scanner)).to.include('Allumer la caméra');
    await scanner.start();
    await scanner.updateComplete;
    expect(shadowText(scanner)).to.include('n’a pas le droit d’utiliser la caméra');
    await expect(scanner).to.be.accessible();
  });
});
