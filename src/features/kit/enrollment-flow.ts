// The enrollment's steps and what moves the member from one to the next, with no DOM and no Lit:
// <tocsin-enroll-page> draws `state` and hands the member's actions to it. Everything that reaches
// outside (the download, the kit checks, the database, the browser's storage) comes in through
// `EnrollmentPorts`, so the whole flow runs in a test with fakes.
import { describeError } from '../../app/database-service.js';
import type { InstalledKitSummary } from '../../db/schema.js';
import { MAX_KIT_BYTES } from '../../domain/kit.js';
import type { EnrollmentLink } from './enrollment-link.js';
import { KitFetchError, type KitDownloadProgress, type KitFetchFailure } from './kit-fetch.js';
import type { PreparedKit } from './kit-installer.js';
import { readKeyText } from './kit-key-text.js';
import {
  isKeyProblem,
  kitProblemOf,
  refusalNamesInstalledKit,
  type KitProblem,
} from './kit-problem-message.js';

/** Where the member is in the enrollment; each step has its own heading, which takes focus. */
export type EnrollStep =
  | { name: 'start' }
  | { name: 'reading' }
  | { name: 'downloading'; progress: KitDownloadProgress }
  | { name: 'download-failed'; reason: KitFetchFailure; status?: number }
  | { name: 'key' }
  | { name: 'preparing' }
  | { name: 'confirm'; prepared: PreparedKit }
  | { name: 'declined'; update: boolean }
  | { name: 'installing' }
  | { name: 'installed'; summary: InstalledKitSummary }
  | { name: 'refused'; problem: KitProblem; prepared?: PreparedKit };

/** How the member gives the key: not chosen yet, typed or pasted, or read by the camera. */
export type KeyEntry = 'choose' | 'paste' | 'scan';

/** Why a pasted or scanned text was not taken; the page says each in the member's language. */
export type KeyTextError = 'empty' | 'not-a-link' | 'not-tocsin-qr' | 'no-key';

/** The kit file, downloaded (no name) or chosen on the device. */
export interface KitFile {
  bytes: Uint8Array<ArrayBuffer>;
  name?: string;
}

/** A file the member chose or dropped: only what reading it needs. */
export type PickedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

export interface EnrollmentState {
  readonly step: EnrollStep;
  /** The kit file, downloaded or chosen, until it is installed or given up. */
  readonly file?: KitFile;
  readonly keyEntry: KeyEntry;
  readonly keyError?: KeyTextError;
  /** Whether the browser agreed to keep the app's data, once asked after an install. */
  readonly persisted?: boolean;
}

/** What the flow needs from outside; the page wires these to `fetchKit` and its services. */
export interface EnrollmentPorts {
  fetchKit(
    kitUrl: string,
    options: { signal: AbortSignal; onProgress: (progress: KitDownloadProgress) => void },
  ): Promise<Uint8Array<ArrayBuffer>>;
  /** Decrypts and verifies a kit and judges it against the installed one; writes nothing. */
  prepare(file: Uint8Array<ArrayBuffer>, kitKey: string): Promise<PreparedKit>;
  install(prepared: PreparedKit): Promise<InstalledKitSummary>;
  installedKit(): Promise<InstalledKitSummary | undefined>;
  requestPersistence(): Promise<boolean>;
}

/** Download failures that another try will not mend. */
const FINAL_FAILURES: readonly KitFetchFailure[] = ['cross-origin', 'bad-url', 'too-large'];

/**
 * The enrollment: the kit arrives by a link (downloaded) or as a file, the key by the link, the QR
 * code or a paste; the kit is opened, confirmed by the member, then installed. The key is held in
 * memory only, and only until the kit is opened with it: it is never part of `state`.
 */
export class EnrollmentFlow {
  private current: EnrollmentState = { step: { name: 'start' }, keyEntry: 'choose' };
  /** The key, until the kit is opened with it. */
  private kitKey?: string;
  /** The kit URL of the link being downloaded, for "Try again". */
  private downloadUrl?: string;
  private download?: AbortController;

  /** `changed` is called after every change of `state`. */
  constructor(
    private readonly ports: EnrollmentPorts,
    private readonly changed: () => void,
  ) {}

  get state(): EnrollmentState {
    return this.current;
  }

  /** Whether a key from a link waits for its file: the first step then asks for the file only. */
  get holdsKey(): boolean {
    return !!this.kitKey;
  }

  /** After a failed download: whether trying the same link again may work. */
  get canRetryDownload(): boolean {
    const { step } = this.current;
    return (
      step.name === 'download-failed' && !!this.downloadUrl && !FINAL_FAILURES.includes(step.reason)
    );
  }

  /** After a refusal: whether another key may open the file in hand. */
  get canRetypeKey(): boolean {
    const { step } = this.current;
    return step.name === 'refused' && isKeyProblem(step.problem) && !!this.current.file;
  }

  /** After a refusal: storage failed while installing; the verified kit can be installed as is. */
  get canInstallAgain(): boolean {
    const { step } = this.current;
    return step.name === 'refused' && !!step.prepared && step.problem.kind !== 'kit';
  }

  /** Follows an enrollment link: downloads its kit, or keeps its key until a file is chosen. */
  openLink(link: EnrollmentLink): void {
    this.kitKey = link.kitKey;
    if (link.kitUrl) {
      void this.downloadKit(link.kitUrl);
    } else {
      this.set({ file: undefined, step: { name: 'start' } });
    }
  }

  /**
   * A link that arrived while the page shows: it replaces whatever is under way, except an install,
   * which is never cut short (the member would not know what was written).
   */
  restartWithLink(link: EnrollmentLink): void {
    if (this.current.step.name === 'installing') return;
    this.reset();
    this.openLink(link);
  }

  retryDownload(): void {
    if (this.canRetryDownload) void this.downloadKit(this.downloadUrl!);
  }

  cancelDownload(): void {
    this.download?.abort();
    this.download = undefined;
    this.set({ step: { name: 'start' } });
  }

  /** After a failed download: back to the first step, to choose the file on the device. */
  useFileInstead(): void {
    this.set({ step: { name: 'start' } });
  }

  /** Reads a chosen or dropped file, refusing one too large to be a kit before reading it. */
  async readFile(file: PickedFile): Promise<void> {
    if (this.current.step.name === 'installing') return;
    this.download?.abort();
    this.download = undefined;
    if (file.size > MAX_KIT_BYTES) {
      this.set({
        file: undefined,
        step: { name: 'refused', problem: { kind: 'kit', code: 'too-large' } },
      });
      return;
    }
    this.set({ file: undefined, step: { name: 'reading' } });
    try {
      this.set({ file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } });
    } catch (error) {
      this.set({
        step: { name: 'refused', problem: { kind: 'failed', reason: describeError(error) } },
      });
      return;
    }
    await this.continueWithFile();
  }

  /** Takes a pasted or scanned text: a whole enrollment link, or the key alone. */
  useKeyText(text: string, scanned: boolean): void {
    const read = readKeyText(text);
    // A camera that read some other code goes back to the choice, where the member can scan again;
    // a typed text stays in the field's place, to be corrected.
    const afterError = scanned ? { keyEntry: 'choose' as const } : {};
    if (read.kind === 'empty') {
      this.set({ keyError: 'empty' });
      return;
    }
    if (read.kind === 'unrecognised') {
      this.set({ keyError: scanned ? 'not-tocsin-qr' : 'not-a-link', ...afterError });
      return;
    }
    const link = read.kind === 'link' ? read.link : undefined;
    const key = read.kind === 'key' ? read.key : read.link.kitKey;
    if (this.current.file) {
      if (!key) {
        this.set({ keyError: 'no-key', ...afterError });
        return;
      }
      this.kitKey = key;
      this.set({ keyError: undefined });
      void this.prepareKit();
    } else if (link?.kitUrl) {
      this.set({ keyError: undefined });
      this.openLink(link);
    } else {
      this.kitKey = key;
      this.set({ keyError: undefined, keyEntry: 'choose', step: { name: 'start' } });
    }
  }

  chooseKeyEntry(entry: KeyEntry): void {
    this.set({ keyEntry: entry, keyError: undefined });
  }

  /** After a key was refused: asks for it again, for the same file. */
  keyAgain(): void {
    this.set({ keyEntry: 'choose', keyError: undefined, step: { name: 'key' } });
  }

  async install(prepared: PreparedKit): Promise<void> {
    this.set({ step: { name: 'installing' } });
    let summary: InstalledKitSummary;
    try {
      summary = await this.ports.install(prepared);
    } catch (error) {
      await this.refuse(error, prepared);
      return;
    }
    this.set({ file: undefined, persisted: undefined, step: { name: 'installed', summary } });
    // Enrolling is one of the two moments Tocsin asks the browser to keep its data.
    void this.ports.requestPersistence().then(
      (granted) => this.set({ persisted: granted }),
      () => undefined,
    );
  }

  /** See {@link canInstallAgain}. */
  installAgain(): void {
    const { step } = this.current;
    if (this.canInstallAgain && step.name === 'refused') void this.install(step.prepared!);
  }

  /** The member did not confirm: the file is dropped, nothing was written. */
  decline(prepared: PreparedKit): void {
    this.set({ file: undefined, step: { name: 'declined', update: !!prepared.installed } });
  }

  /** Forgets the file, the key and any download: back to the first step. */
  reset(): void {
    this.download?.abort();
    this.download = undefined;
    this.kitKey = undefined;
    this.downloadUrl = undefined;
    this.set({
      file: undefined,
      keyEntry: 'choose',
      keyError: undefined,
      step: { name: 'start' },
    });
  }

  /** The page is gone: stops the download and forgets the key. */
  dispose(): void {
    this.download?.abort();
    this.kitKey = undefined;
  }

  private set(changes: Partial<EnrollmentState>): void {
    this.current = { ...this.current, ...changes };
    this.changed();
  }

  private async downloadKit(kitUrl: string): Promise<void> {
    this.download?.abort();
    const download = new AbortController();
    this.download = download;
    this.downloadUrl = kitUrl;
    this.set({ file: undefined, step: { name: 'downloading', progress: { received: 0 } } });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await this.ports.fetchKit(kitUrl, {
        signal: download.signal,
        onProgress: (progress) => {
          // A download given up or replaced may still report: it no longer owns the step.
          if (this.download === download) this.set({ step: { name: 'downloading', progress } });
        },
      });
    } catch (error) {
      if (this.download !== download) return;
      this.download = undefined;
      const failure =
        error instanceof KitFetchError ? error : new KitFetchError('network', undefined);
      if (failure.reason === 'aborted') return;
      this.set({
        step: {
          name: 'download-failed',
          reason: failure.reason,
          ...(failure.status ? { status: failure.status } : {}),
        },
      });
      return;
    }
    if (this.download !== download) return;
    this.download = undefined;
    this.set({ file: { bytes } });
    await this.continueWithFile();
  }

  /** With a file: open it if the key is known, or ask for the key. */
  private async continueWithFile(): Promise<void> {
    if (this.kitKey) {
      await this.prepareKit();
    } else {
      this.set({ keyEntry: 'choose', keyError: undefined, step: { name: 'key' } });
    }
  }

  private async prepareKit(): Promise<void> {
    const file = this.current.file;
    const key = this.kitKey;
    // Used once: a wrong key is typed again, never kept.
    this.kitKey = undefined;
    if (!file || !key) return;
    this.set({ step: { name: 'preparing' } });
    try {
      const prepared = await this.ports.prepare(file.bytes, key);
      this.set({ step: { name: 'confirm', prepared } });
    } catch (error) {
      await this.refuse(error);
    }
  }

  private async refuse(error: unknown, prepared?: PreparedKit): Promise<void> {
    // Some messages name the installed kit (its organisation, its version): read it first.
    const installed = refusalNamesInstalledKit(error)
      ? await this.ports.installedKit().catch(() => undefined)
      : undefined;
    const problem = kitProblemOf(error, installed);
    this.set({ step: { name: 'refused', problem, ...(prepared ? { prepared } : {}) } });
  }
}
