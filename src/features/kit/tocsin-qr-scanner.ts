import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../../app/i18n/i18n.js';
import { buttons, tokens } from '../../ui/tokens.js';
import { t } from './kit-messages.js';

/** Reads the text of a QR code in the frame the video shows now; undefined when there is none. */
export type QrReader = (frame: HTMLVideoElement) => Promise<string | undefined>;

/** Opens a camera stream; tests hand in a stream of their own (a canvas's captureStream()). */
export type MediaStreamFactory = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/** Why the camera cannot be used; each has its own message. */
export type CameraProblem = 'denied' | 'no-camera' | 'busy' | 'insecure' | 'unsupported' | 'failed';

type ScannerState = 'intro' | 'starting' | 'scanning' | CameraProblem;

/** About 8 frames a second: enough to read a code at once, little enough for an old phone. */
const FRAME_INTERVAL_MS = 125;
/** Frames are scaled down to this many pixels on their long side before jsQR reads them. */
const JSQR_MAX_SIDE = 640;

const CAMERA: MediaStreamConstraints = { video: { facingMode: 'environment' }, audio: false };

class CameraUnavailable extends Error {
  constructor(readonly problem: CameraProblem) {
    super(`Camera unavailable: ${problem}`);
  }
}

/** The browser's camera, where the page may use it. */
export const openCamera: MediaStreamFactory = (constraints) => {
  if (!window.isSecureContext) return Promise.reject(new CameraUnavailable('insecure'));
  if (!navigator.mediaDevices?.getUserMedia) {
    return Promise.reject(new CameraUnavailable('unsupported'));
  }
  return navigator.mediaDevices.getUserMedia(constraints);
};

function problemOf(error: unknown): CameraProblem {
  if (error instanceof CameraUnavailable) return error.problem;
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

// BarcodeDetector is not in TypeScript's DOM library yet: the little of it used here.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** The platform's QR reader (Android, ChromeOS, macOS), or undefined where it reads no QR codes. */
export async function barcodeDetectorReader(): Promise<QrReader | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue || undefined;
  } catch {
    return undefined;
  }
}

type JsQr = typeof import('jsqr').default;
let jsQrLoading: Promise<JsQr> | undefined;

/**
 * jsQR ships one UMD file. Vite wraps it as CommonJS; a browser that loads it as a plain ES module
 * (the unit test server has no CommonJS transform) finds neither `module` nor `exports` and it
 * would become a global. A global `module` for the time of its first evaluation gives it somewhere
 * to put its exports (as for papaparse, see csv-import.ts). Loaded only when the scanner runs
 * without BarcodeDetector: it is ~250 KB that most enrollments never need.
 */
function loadJsQr(): Promise<JsQr> {
  jsQrLoading ??= (async () => {
    const scope = globalThis as { module?: unknown; exports?: unknown; jsQR?: unknown };
    const shim: { exports: { default?: unknown } } = { exports: {} };
    const installShim = !('module' in scope) && !('exports' in scope);
    if (installShim) {
      scope.module = shim;
      scope.exports = shim.exports;
    }
    try {
      const loaded = (await import('jsqr')) as { default?: unknown };
      const nested = (loaded.default as { default?: unknown } | undefined)?.default;
      const found = [loaded.default, nested, shim.exports.default, scope.jsQR].find(
        (candidate) => typeof candidate === 'function',
      );
      if (!found) throw new Error('jsQR loaded without its function');
      return found as JsQr;
    } finally {
      if (installShim) {
        delete scope.module;
        delete scope.exports;
      }
    }
  })().catch((error: unknown) => {
    jsQrLoading = undefined;
    throw error;
  });
  return jsQrLoading;
}

/** Reads QR codes with jsQR from frames drawn, scaled down, into a canvas of its own. */
export async function jsQrReader(): Promise<QrReader> {
  const jsQR = await loadJsQr();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas to read frames with');
  return async (frame) => {
    const scale = Math.min(1, JSQR_MAX_SIDE / Math.max(frame.videoWidth, frame.videoHeight));
    const width = Math.max(1, Math.round(frame.videoWidth * scale));
    const height = Math.max(1, Math.round(frame.videoHeight * scale));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.drawImage(frame, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height)?.data || undefined;
  };
}

/** BarcodeDetector where the platform reads QR codes with it, jsQR elsewhere. */
export async function defaultQrReader(): Promise<QrReader> {
  return (await barcodeDetectorReader()) ?? jsQrReader();
}

/**
 * Reads a QR code with the camera. Says why it needs the camera before asking for it, then shows
 * the preview and fires `qr-read` (detail: the code's text) once a code is read, or `qr-cancel`.
 * The camera is turned off on success, on Cancel and when the element leaves the page.
 */
@customElement('tocsin-qr-scanner')
export class TocsinQrScanner extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }

      p {
        margin: 0 0 0.75rem;
      }

      video {
        display: block;
        width: 100%;
        max-height: 60vh;
        aspect-ratio: 1;
        object-fit: cover;
        margin: 0 0 0.75rem;
        border-radius: var(--tocsin-radius);
        background: #000;
      }

      .error {
        color: var(--tocsin-danger);
        font-weight: 600;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  /** Opens the camera (default: the browser's rear camera). */
  @property({ attribute: false }) mediaStreamFactory: MediaStreamFactory = openCamera;

  /** Reads codes in frames (default: BarcodeDetector where it reads QR codes, jsQR elsewhere). */
  @property({ attribute: false }) reader?: QrReader;

  @state() private _state: ScannerState = 'intro';
  @query('video') private video?: HTMLVideoElement;
  @query('#cancel') private cancelButton?: HTMLButtonElement;
  protected readonly locale = new LocaleController(this);

  private stream?: MediaStream;
  private timer?: ReturnType<typeof setTimeout>;
  /** Bumped by every start and stop, so a late camera or frame of an older run does nothing. */
  private run = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this._state = 'intro';
  }

  /** Asks for the camera, then reads frames until a code is found. */
  async start(): Promise<void> {
    this.stop();
    const run = this.run;
    this._state = 'starting';
    void this.updateComplete.then(() => this.cancelButton?.focus());
    // The reader loads while the member answers the camera prompt.
    const reading = this.reader ? Promise.resolve(this.reader) : defaultQrReader();
    reading.catch(() => undefined);
    let stream: MediaStream;
    try {
      stream = await this.mediaStreamFactory(CAMERA);
    } catch (error) {
      if (run === this.run) this._state = problemOf(error);
      return;
    }
    if (run !== this.run) {
      stopTracks(stream);
      return;
    }
    this.stream = stream;
    let reader: QrReader;
    try {
      reader = await reading;
    } catch {
      if (run !== this.run) return;
      this.stop();
      this._state = 'failed';
      return;
    }
    if (run !== this.run) return;
    this._state = 'scanning';
    await this.updateComplete;
    const video = this.video;
    if (!video || run !== this.run) return;
    video.srcObject = stream;
    // Muted and inline, it may play without a gesture; a refusal only delays the first frame.
    video.play().catch(() => undefined);
    this.readNextFrame(run, video, reader);
  }

  /** Turns the camera off and goes back to the explanation, firing `qr-cancel`. */
  cancel(): void {
    this.stop();
    this._state = 'intro';
    this.dispatchEvent(new CustomEvent('qr-cancel', { bubbles: true, composed: true }));
  }

  private readNextFrame(run: number, video: HTMLVideoElement, reader: QrReader): void {
    this.timer = setTimeout(async () => {
      if (run !== this.run) return;
      let text: string | undefined;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        try {
          text = await reader(video);
        } catch {
          // A frame that could not be read; the next one may be.
        }
      }
      if (run !== this.run) return;
      if (!text) {
        this.readNextFrame(run, video, reader);
        return;
      }
      this.stop();
      this._state = 'intro';
      this.dispatchEvent(
        new CustomEvent<string>('qr-read', { detail: text, bubbles: true, composed: true }),
      );
    }, FRAME_INTERVAL_MS);
  }

  /** Stops every track of the camera stream and any frame still to read. */
  private stop(): void {
    this.run++;
    clearTimeout(this.timer);
    if (this.stream) stopTracks(this.stream);
    this.stream = undefined;
    if (this.video) this.video.srcObject = null;
  }

  override render() {
    const state = this._state;
    const problem = state !== 'intro' && state !== 'starting' && state !== 'scanning';
    // Trying again cannot give a camera to a browser or an address that has none.
    const canStart =
      state === 'intro' || (problem && state !== 'insecure' && state !== 'unsupported');
    return html`${state === 'intro' ? html`<p>${t('qr.why')}</p>` : nothing}
      ${
        state === 'scanning'
          ? html`<video muted playsinline aria-label=${t('qr.preview')}></video>`
          : nothing
      }
      <p role="status">
        ${state === 'starting' ? t('qr.starting') : state === 'scanning' ? t('qr.scanning') : ''}
      </p>
      ${problem ? html`<p class="error" role="alert">${t(`qr.${state}`)}</p>` : nothing}
      <div class="actions">
        ${
          canStart
            ? html`<button class="button" type="button" @click=${this.start}>
                ${state === 'intro' ? t('qr.start') : t('qr.retry')}
              </button>`
            : nothing
        }
        <button id="cancel" class="button secondary" type="button" @click=${this.cancel}>
          ${t('qr.cancel')}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tocsin-qr-scanner': TocsinQrScanner;
  }
}
