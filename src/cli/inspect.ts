// `tocsin-kit inspect`: opens a kit exactly as a device does, and says what it holds or why a
// device would refuse it.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importKitKey, parseKitKey } from '../kit-format/kit-container.js';
import { KitError } from '../kit-format/kit-error.js';
import { openKitFile, type VerifiedKit } from '../kit-format/kit-open.js';
import { checkInstallable } from '../kit-format/kit-policy.js';
import { MAX_KIT_BYTES } from '../domain/kit.js';
import { normaliseFingerprint } from '../kit-format/organisation.js';
import { attachDashValues, required, withUsageErrors } from './args.js';
import { UsageError } from './cli-error.js';
import { readInputFile } from './files.js';
import { kitKeyText } from './links.js';
import { readOrganisationKey } from './org-key.js';
import type { Output } from './output.js';
import { USAGE } from './usage.js';

/** Exit code 0 only for a kit a device would install; a KitError otherwise (exit code 2). */
export async function inspect(args: string[], output: Output): Promise<number> {
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args: attachDashValues(args, ['--kit-key']),
      strict: true,
      allowPositionals: true,
      options: {
        'kit-key': { type: 'string' },
        'org-key': { type: 'string' },
        fingerprint: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one kit file.');
  const path = positionals[0]!;
  const keyOrLink = required(values['kit-key'], '--kit-key');
  if (values['org-key'] !== undefined && values.fingerprint !== undefined) {
    throw new UsageError('Give --org-key or --fingerprint, not both.');
  }
  const expectedFingerprint =
    values.fingerprint === undefined ? undefined : fingerprintOption(values.fingerprint);
  const expectedKey =
    values['org-key'] === undefined
      ? undefined
      : (await readOrganisationKey(values['org-key'], '--org-key')).organisation.publicKey;

  const kitKey = await importKitKey(parseKitKey(kitKeyText(keyOrLink)));
  // Refused before it is read, as a device refuses it before decrypting.
  const size = (await stat(path).catch(() => undefined))?.size ?? 0;
  if (size > MAX_KIT_BYTES) throw new KitError('too-large');
  const file = new Uint8Array(await readInputFile(path, 'inspect'));
  const kit = await openKitFile(file, kitKey);
  if (expectedKey !== undefined && kit.manifest.organisation.publicKey !== expectedKey) {
    throw new KitError('other-organisation', `signed by ${kit.fingerprint}`);
  }
  if (expectedFingerprint !== undefined && kit.fingerprint !== expectedFingerprint) {
    throw new KitError('other-organisation', `signed by ${kit.fingerprint}`);
  }
  checkInstallable(kit, undefined, new Date());

  if (values.json) output.out(JSON.stringify(verifiedContent(kit), null, 2));
  else printSummary(output, kit);
  return 0;
}

function fingerprintOption(text: string): string {
  const fingerprint = normaliseFingerprint(text);
  if (!fingerprint) throw new UsageError('--fingerprint must be 32 hexadecimal digits.');
  return fingerprint;
}

/** Everything the kit holds, secrets included: the administrator asked for it. */
function verifiedContent(kit: VerifiedKit) {
  return {
    manifest: kit.manifest,
    fingerprint: kit.fingerprint,
    manifestHash: kit.manifestHash,
    content: kit.content,
  };
}

function printSummary(output: Output, kit: VerifiedKit): void {
  const { manifest, content } = kit;
  output.out('A device would accept this kit.');
  output.out(`Organisation: ${manifest.organisation.name} (${manifest.organisation.id})`);
  output.out(`Fingerprint:  ${kit.fingerprint}`);
  output.out(`Epoch:        ${manifest.epoch}`);
  output.out(`Version:      ${manifest.version}`);
  output.out(`Issued:       ${manifest.issued}`);
  output.out(`Expires:      ${manifest.expires}`);
  output.out(`Member:       ${content.member.id} (${content.member.displayName})`);
  output.out(`Contacts:     ${content.directory.contacts.length}`);
  output.out(`Playbook:     ${content.playbook.items.length} items (${content.playbook.title.en})`);
  output.out(`LiveKit:      ${content.room.livekitUrl}`);
  output.out(`Room:         ${content.room.roomName}`);
}
