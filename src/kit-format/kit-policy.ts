// Whether a verified kit may replace what this device has (docs/kit-format.md §5): the pinned
// organisation only, never backwards, never two contents under one version, never stale.
import { KitError } from './kit-error.js';
import type { VerifiedKit } from './kit-open.js';

/** What a device remembers of its installed kit to judge the next one. */
export interface InstalledKitState {
  /** The pinned organisation key (base64url), trusted on first use. */
  organisationKey: string;
  epoch: number;
  version: number;
  manifestHash: string;
}

/** How far ahead of this device's clock a kit may be dated (clocks drift; attackers pre-date). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Throws the KitError that refuses `kit`, or returns when it may be installed. */
export function checkInstallable(
  kit: VerifiedKit,
  installed: InstalledKitState | undefined,
  now: Date = new Date(),
): void {
  const { manifest } = kit;
  if (installed) {
    if (manifest.organisation.publicKey !== installed.organisationKey) {
      throw new KitError('other-organisation');
    }
    const order = compareVersions(manifest, installed);
    if (order < 0) {
      throw new KitError(
        'older-version',
        `${manifest.epoch}.${manifest.version} < ${installed.epoch}.${installed.version}`,
      );
    }
    if (order === 0) {
      throw new KitError(
        kit.manifestHash === installed.manifestHash ? 'already-installed' : 'equivocation',
      );
    }
  }
  if (Date.parse(manifest.issued) > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new KitError('issued-in-future', manifest.issued);
  }
  if (Date.parse(manifest.expires) <= now.getTime()) {
    throw new KitError('expired', manifest.expires);
  }
}

/** Lexicographic (epoch, version): a new epoch restarts versions (recovery from a stolen key). */
export function compareVersions(
  a: { epoch: number; version: number },
  b: { epoch: number; version: number },
): number {
  return a.epoch - b.epoch || a.version - b.version;
}
