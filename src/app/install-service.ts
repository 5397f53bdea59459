import { Observable } from './observable.js';

/** The `beforeinstallprompt` event, which TypeScript's DOM library does not describe. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * How this device can get Tocsin on its home screen:
 * - installed: it runs from the home screen already;
 * - promptable: the browser offered to install (show our button);
 * - ios: Safari on iPhone/iPad, which only installs through Share → Add to Home Screen;
 * - manual: any other browser, through its own menu.
 */
export type InstallMode = 'installed' | 'promptable' | 'ios' | 'manual';

/** Facts about the browser that decide the install mode; a seam for tests. */
export interface InstallEnvironment {
  standalone: boolean;
  ios: boolean;
}

/** Reads the install environment of the running browser. */
export function detectInstallEnvironment(): InstallEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  const standalone =
    window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true;
  // iPadOS reports itself as a Mac; only touch tells them apart.
  const ios =
    /iPad|iPhone|iPod/.test(nav.userAgent) ||
    (nav.userAgent.includes('Macintosh') && nav.maxTouchPoints > 1);
  return { standalone, ios };
}

/** Captures the browser's install offer so the app can show its own "Install" button. */
export class InstallService {
  /** How the device can install Tocsin now. */
  readonly mode: Observable<InstallMode>;
  private deferredPrompt?: BeforeInstallPromptEvent;

  constructor(
    environment: InstallEnvironment,
    private readonly onInstalled: () => void,
    target: Window = window,
  ) {
    this.mode = new Observable<InstallMode>(
      environment.standalone ? 'installed' : environment.ios ? 'ios' : 'manual',
    );
    target.addEventListener('beforeinstallprompt', (event) => {
      // Keep the offer for our own button instead of the browser's mini-infobar.
      event.preventDefault();
      this.deferredPrompt = event as BeforeInstallPromptEvent;
      this.mode.set('promptable');
    });
    target.addEventListener('appinstalled', () => {
      this.deferredPrompt = undefined;
      this.mode.set('installed');
      this.onInstalled();
    });
    if (environment.standalone) this.onInstalled();
  }

  /** Shows the browser's install dialog; resolves with whether the user accepted. */
  async promptInstall(): Promise<boolean> {
    const offer = this.deferredPrompt;
    if (!offer) return false;
    this.deferredPrompt = undefined;
    await offer.prompt();
    const { outcome } = await offer.userChoice;
    if (outcome !== 'accepted') this.mode.set('manual');
    return outcome === 'accepted';
  }
}
