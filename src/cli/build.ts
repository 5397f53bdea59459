// `tocsin-kit build`: one signed, encrypted kit per cell member, their enrollment links and QR
// codes, and the paper kit, from the organisation key, a directory file and a playbook.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import type { Contact } from '../domain/contact.js';
import { parseKitKey, importKitKey } from '../kit-format/kit-container.js';
import { isKitError } from '../kit-format/kit-error.js';
import { openKitFile } from '../kit-format/kit-open.js';
import { readDirectory, readRoom } from '../kit-format/kit-sections.js';
import { sealKit, type SealedKit } from '../kit-format/kit-seal.js';
import type { KitContact, KitDirectory, KitRoom } from '../domain/kit.js';
import { MAX_CLOCK_SKEW_MS } from '../kit-format/kit-policy.js';
import { loadDefaultPlaybook } from '../domain/default-playbook.js';
import type { Playbook } from '../domain/playbook.js';
import { parsePlaybookJson } from '../domain/playbook-json.js';
import { durationOption, integerOption, required, timeOption, withUsageErrors } from './args.js';
import { CliError, UsageError } from './cli-error.js';
import { readContactsFile } from './contacts.js';
import { isReadableByOthers, readInputFile, writePrivateFile } from './files.js';
import { enrollmentLink, publishedUrls, type PublishedUrls } from './links.js';
import { memberLivekitToken } from './livekit-token.js';
import { assignMemberIds } from './member-ids.js';
import { readOrganisationKey, type OrganisationKey } from './org-key.js';
import {
  memberKeyPairs,
  type MemberKeyPair,
  nextRelease,
  readKitState,
  statePathFor,
  writeKitState,
} from './kit-state.js';
import type { Output } from './output.js';
import { buildSummaryJson, printSummary } from './build-summary.js';
import { renderPaperKit } from './paper-kit.js';
import { DEFAULT_ROOM_NAME, livekitUrlOption, newRoom } from './room.js';
import { USAGE } from './usage.js';

const DEFAULT_VALIDITY = '180d';
const MAX_ROOM_NAME = 128;

/** The build's options, read and checked before any file is touched. */
export interface BuildOptions {
  keyPath: string;
  contactsPath: string;
  playbookPath: string | undefined;
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  roomName: string;
  validityMs: number;
  version: number | undefined;
  epoch: number | undefined;
  urls: PublishedUrls;
  issued: Date | undefined;
  outDir: string;
  /** Print the summary as JSON (for scripts such as `npm start`'s demo) rather than text. */
  json: boolean;
}

/** A cell member of this build. */
export interface Member {
  id: string;
  contact: Contact;
}

/** Makes every member's kit; the state file is updated only once all of them are written. */
export async function build(args: string[], output: Output): Promise<number> {
  const options = readBuildOptions(args);
  if (!options) {
    output.out(USAGE);
    return 0;
  }
  const now = new Date();
  const issued = options.issued ?? now;
  const expires = new Date(issued.getTime() + options.validityMs);
  if (expires.getTime() <= now.getTime()) {
    throw new CliError('These kits would already have expired: raise --expires or --issued.');
  }
  if (issued.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    output.err(
      'Warning: --issued is more than 24 hours ahead: devices refuse these kits until then.',
    );
  }

  const key = await readOrganisationKey(options.keyPath, '--key');
  if (await isReadableByOthers(options.keyPath)) {
    output.err(`Warning: ${options.keyPath} can be read by other users: chmod 600 it.`);
  }
  const statePath = statePathFor(options.keyPath);
  const state = await readKitState(statePath);
  const release = nextRelease(state, options);

  const contacts = await readContactsFile(options.contactsPath, output);
  const members = cellMembers(contacts);
  const playbook = await readPlaybook(options.playbookPath);
  const { keys, created } = memberKeyPairs(
    members.map((member) => member.id),
    state?.members,
  );
  const directory = kitDirectory(contacts, members, keys);
  const room = newRoom(options.livekitUrl, options.roomName);
  checkSections(directory, room);

  await mkdir(options.outDir, { recursive: true, mode: 0o700 });
  const manifestBase = {
    epoch: release.epoch,
    version: release.version,
    issued: issued.toISOString(),
    expires: expires.toISOString(),
  };
  for (const member of members) {
    const kit = { ...manifestBase, directory, playbook, room, now };
    const sealed = await sealMemberKit(options, key, kit, member, keys[member.id]!);
    await writeMemberFiles(options, member.id, sealed.file, sealed.kitKey);
  }
  await writePrivateFile(
    join(options.outDir, 'paper-kit.html'),
    renderPaperKit({
      manifest: { ...manifestBase, organisation: key.organisation },
      fingerprint: key.fingerprint,
      room,
      contacts: directory.contacts,
      playbook,
    }),
  );
  await writeKitState(statePath, { ...release, members: keys });

  const summary = { options, key, release, expires, members, created };
  if (options.json) output.out(JSON.stringify(buildSummaryJson(summary), null, 2));
  else printSummary(output, summary);
  await warnAboutStaleKits(output, options.outDir, members);
  return 0;
}

function readBuildOptions(args: string[]): BuildOptions | undefined {
  const { values } = withUsageErrors(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        key: { type: 'string' },
        contacts: { type: 'string' },
        playbook: { type: 'string' },
        'livekit-url': { type: 'string' },
        'api-key': { type: 'string' },
        'api-secret': { type: 'string' },
        room: { type: 'string' },
        expires: { type: 'string' },
        version: { type: 'string' },
        epoch: { type: 'string' },
        'app-url': { type: 'string' },
        'kits-url': { type: 'string' },
        issued: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) return undefined;
  const roomName = (values.room ?? DEFAULT_ROOM_NAME).trim();
  if (roomName.length < 1 || roomName.length > MAX_ROOM_NAME) {
    throw new UsageError(`--room must have 1 to ${MAX_ROOM_NAME} characters.`);
  }
  return {
    keyPath: required(values.key, '--key'),
    contactsPath: required(values.contacts, '--contacts'),
    playbookPath: values.playbook,
    livekitUrl: livekitUrlOption(required(values['livekit-url'], '--livekit-url')),
    apiKey: required(values['api-key'] ?? process.env.LIVEKIT_API_KEY, '--api-key'),
    apiSecret: required(values['api-secret'] ?? process.env.LIVEKIT_API_SECRET, '--api-secret'),
    roomName,
    validityMs: durationOption(values.expires ?? DEFAULT_VALIDITY, '--expires'),
    version:
      values.version === undefined ? undefined : integerOption(values.version, '--version', 1),
    epoch: values.epoch === undefined ? undefined : integerOption(values.epoch, '--epoch', 0),
    urls: publishedUrls(values['app-url'], values['kits-url']),
    issued: values.issued === undefined ? undefined : timeOption(values.issued, '--issued'),
    outDir: required(values.out, '--out'),
    json: values.json === true,
  };
}

/** The contacts marked as cell members, each with its member id. */
function cellMembers(contacts: Contact[]): Member[] {
  const contactsOfMembers = contacts.filter((contact) => contact.cellMember === true);
  if (contactsOfMembers.length === 0) {
    throw new CliError(
      '--contacts: no contact is a cell member, so there is nobody to make a kit for. Mark them "yes" in the "Cell member" column (X-TOCSIN-CELL-MEMBER in a vCard).',
    );
  }
  const ids = assignMemberIds(contactsOfMembers.map((contact) => contact.displayName));
  return contactsOfMembers.map((contact, i) => ({ id: ids[i]!, contact }));
}

async function readPlaybook(path: string | undefined): Promise<Playbook> {
  if (path === undefined) return loadDefaultPlaybook();
  const text = (await readInputFile(path, '--playbook')).toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parsePlaybookJson(text);
  if (!parsed.ok) {
    throw new CliError(`--playbook: ${path} cannot be used:\n  ${parsed.errors.join('\n  ')}`);
  }
  return parsed.playbook;
}

/** Every contact, as a kit carries it; members with their public identity. */
function kitDirectory(
  contacts: Contact[],
  members: Member[],
  keys: Record<string, { publicKey: string }>,
): KitDirectory {
  const memberOf = new Map(members.map((member) => [member.contact, member.id]));
  return {
    contacts: contacts.map((contact): KitContact => {
      const memberId = memberOf.get(contact);
      const kitContact: KitContact = {
        id: contact.id,
        givenName: contact.givenName,
        familyName: contact.familyName,
        displayName: contact.displayName,
        organisation: contact.organisation,
        service: contact.service,
        jobTitle: contact.jobTitle,
        roles: contact.roles,
        phones: contact.phones,
        emails: contact.emails,
        notes: contact.notes,
        groups: contact.groups,
        cellMember: contact.cellMember,
      };
      if (memberId) kitContact.member = { id: memberId, publicKey: keys[memberId]!.publicKey };
      return kitContact;
    }),
  };
}

/**
 * Reads the shared sections back with the device's own strict readers, so that a directory a
 * device would refuse (a phone number of 41 characters, notes too long…) stops the build before
 * any key or file is made, with the reason.
 */
function checkSections(directory: KitDirectory, room: KitRoom): void {
  try {
    readDirectory(JSON.parse(JSON.stringify(directory)));
    readRoom(JSON.parse(JSON.stringify(room)));
  } catch (error) {
    if (!isKitError(error)) throw error;
    const detail = error.detail ?? error.message;
    // The readers count contacts from 1 in directory order; the administrator knows them by name.
    const index = Number(/^contact (\d+)/.exec(detail)?.[1] ?? 0);
    const name = index > 0 ? ` (${directory.contacts[index - 1]?.displayName})` : '';
    throw new CliError(`A device would refuse this kit: ${detail}${name}.`);
  }
}

/** What every member's kit shares. */
interface SharedKit {
  epoch: number;
  version: number;
  issued: string;
  expires: string;
  directory: KitDirectory;
  playbook: Playbook;
  room: KitRoom;
  now: Date;
}

/** Seals one member's kit, with their LiveKit token, and checks that a device would open it. */
async function sealMemberKit(
  options: BuildOptions,
  key: OrganisationKey,
  kit: SharedKit,
  member: Member,
  signingKey: MemberKeyPair,
): Promise<SealedKit> {
  const livekitToken = await memberLivekitToken({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    memberId: member.id,
    displayName: member.contact.displayName,
    roomName: kit.room.roomName,
    expires: new Date(kit.expires),
    now: kit.now,
  });
  const sealed = await sealKit({
    organisation: key.organisation,
    organisationSecretKey: key.secretKey,
    epoch: kit.epoch,
    version: kit.version,
    issued: kit.issued,
    expires: kit.expires,
    content: {
      directory: kit.directory,
      playbook: kit.playbook,
      room: kit.room,
      member: { id: member.id, displayName: member.contact.displayName, livekitToken, signingKey },
    },
  });
  await checkOpensLikeADevice(sealed.file, sealed.kitKey, member.id);
  return sealed;
}

/** Opens the kit just sealed as a device would: a kit is never written unless it opens. */
async function checkOpensLikeADevice(
  file: Uint8Array<ArrayBuffer>,
  kitKey: string,
  memberId: string,
): Promise<void> {
  const kit = await openKitFile(file, await importKitKey(parseKitKey(kitKey)));
  if (kit.manifest.member !== memberId)
    throw new Error(`The kit of ${memberId} names another member.`);
}

async function writeMemberFiles(
  options: BuildOptions,
  memberId: string,
  file: Uint8Array<ArrayBuffer>,
  kitKey: string,
): Promise<void> {
  const link = enrollmentLink(options.urls, `${memberId}.tocsin`, kitKey);
  const base = join(options.outDir, memberId);
  // The .tocsin file is useless without its key and is meant to be published; the link and the QR
  // code carry the key and are owner-only. QRCode.toFile cannot set a mode, hence toBuffer.
  await writeFile(`${base}.tocsin`, file);
  await writePrivateFile(`${base}.link.txt`, `${link}\n`);
  const png = await QRCode.toBuffer(link, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 6,
  });
  await writePrivateFile(`${base}.png`, png);
}

/** Kits left in the folder by an earlier build, for members who are no longer in the cell. */
async function warnAboutStaleKits(
  output: Output,
  outDir: string,
  members: Member[],
): Promise<void> {
  const current = new Set(members.map((member) => `${member.id}.tocsin`));
  const stale = (await readdir(outDir)).filter(
    (name) => name.endsWith('.tocsin') && !current.has(name),
  );
  if (stale.length > 0) {
    output.err(
      `Warning: ${outDir} also holds kits this build did not make (${stale.join(', ')}); do not publish them.`,
    );
  }
}
