// Strict readers of the manifest and of each section (docs/kit-format.md §3).
import { isCrisisRole, type CrisisRoleId } from '../domain/crisis-roles.js';
import { CONTACT_LIMITS, PHONE_KINDS, type Phone, type PhoneKind } from '../domain/contact.js';
import { KitError } from './kit-error.js';
import {
  array,
  base64Bytes,
  boolean,
  counter,
  field,
  isoTime,
  malformed,
  object,
  string,
  strings,
  type JsonObject,
} from './kit-json.js';
import {
  KIT_MANIFEST_TYPE,
  KIT_SCHEMA,
  KIT_SECTIONS,
  type EmergencyNumber,
  type KitContact,
  type KitDirectory,
  type KitManifest,
  type KitMember,
  type KitMemberIdentity,
  type KitRoom,
} from '../domain/kit.js';

/** Member ids become LiveKit identities and file names: letters, digits, ".", "_", "-". */
export const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_CONTACTS = 100_000;
const NAME = 200;
/**
 * Contacts are read with the bounds of CONTACT_LIMITS (the importers' and the form's), but for
 * email addresses: kits have always taken up to 320 characters, and an installed kit must not
 * become unreadable because the importers now stop at 254.
 */
const KIT_EMAIL = 320;

/** The organisation's public key, read before the signature is checked (it is what checks it). */
export function manifestSigner(manifest: JsonObject): string {
  if (field(manifest, 'type') !== KIT_MANIFEST_TYPE) throw malformed('not a kit manifest');
  const organisation = object(field(manifest, 'organisation'), 'organisation');
  return base64Bytes(field(organisation, 'publicKey'), 'organisation public key', 32);
}

/** Reads a manifest whose signature has been verified. */
export function readManifest(data: JsonObject): KitManifest {
  const schema = counter(field(data, 'schema'), 'schema', 1);
  if (schema !== KIT_SCHEMA) throw new KitError('unsupported-schema', `schema ${schema}`);
  const organisation = object(field(data, 'organisation'), 'organisation');
  const sections = object(field(data, 'sections'), 'sections');
  const manifest: KitManifest = {
    type: KIT_MANIFEST_TYPE,
    schema,
    organisation: {
      id: string(field(organisation, 'id'), 'organisation id', 80, 1),
      name: string(field(organisation, 'name'), 'organisation name', NAME, 1),
      publicKey: base64Bytes(field(organisation, 'publicKey'), 'organisation public key', 32),
    },
    epoch: counter(field(data, 'epoch'), 'epoch', 0),
    version: counter(field(data, 'version'), 'version', 1),
    issued: isoTime(field(data, 'issued'), 'issued'),
    expires: isoTime(field(data, 'expires'), 'expires'),
    member: memberId(field(data, 'member'), 'member'),
    sections: Object.fromEntries(
      KIT_SECTIONS.map((name) => {
        const section = object(field(sections, name), `section ${name}`);
        return [
          name,
          {
            sha256: base64Bytes(field(section, 'sha256'), `${name} hash`, 32),
            bytes: counter(field(section, 'bytes'), `${name} size`),
          },
        ];
      }),
    ) as KitManifest['sections'],
  };
  if (Date.parse(manifest.expires) <= Date.parse(manifest.issued)) {
    throw malformed('expires is not after issued');
  }
  return manifest;
}

export function readDirectory(data: JsonObject): KitDirectory {
  const contacts = array(field(data, 'contacts'), 'contacts', MAX_CONTACTS).map(readContact);
  const ids = new Set<string>();
  const members = new Set<string>();
  for (const contact of contacts) {
    if (ids.has(contact.id)) throw malformed(`contact id ${contact.id} appears twice`);
    ids.add(contact.id);
    if (contact.member) {
      if (members.has(contact.member.id)) {
        throw malformed(`member ${contact.member.id} appears twice`);
      }
      members.add(contact.member.id);
    }
  }
  return { contacts };
}

function readContact(value: unknown, index: number): KitContact {
  const what = `contact ${index + 1}`;
  const data = object(value, what);
  const contact: KitContact = {
    id: string(field(data, 'id'), `${what} id`, CONTACT_LIMITS.name, 1),
    givenName: string(field(data, 'givenName'), `${what} given name`, CONTACT_LIMITS.name),
    familyName: string(field(data, 'familyName'), `${what} family name`, CONTACT_LIMITS.name),
    displayName: string(field(data, 'displayName'), `${what} display name`, CONTACT_LIMITS.name, 1),
    organisation: string(field(data, 'organisation'), `${what} organisation`, CONTACT_LIMITS.name),
    service: string(field(data, 'service'), `${what} service`, CONTACT_LIMITS.name),
    jobTitle: string(field(data, 'jobTitle'), `${what} job title`, CONTACT_LIMITS.name),
    roles: strings(field(data, 'roles'), `${what} roles`, 20, 40).map((role) =>
      crisisRole(role, what),
    ),
    phones: array(field(data, 'phones'), `${what} phones`, CONTACT_LIMITS.phones).map((phone, i) =>
      readPhone(phone, `${what} phone ${i + 1}`),
    ),
    emails: strings(field(data, 'emails'), `${what} emails`, CONTACT_LIMITS.emails, KIT_EMAIL),
    notes: string(field(data, 'notes'), `${what} notes`, CONTACT_LIMITS.notes),
    groups: strings(
      field(data, 'groups'),
      `${what} groups`,
      CONTACT_LIMITS.groups,
      CONTACT_LIMITS.name,
    ),
    cellMember: boolean(field(data, 'cellMember'), `${what} cell member`),
  };
  const member = field(data, 'member');
  if (member !== undefined) contact.member = readMemberIdentity(member, `${what} member`);
  return contact;
}

function crisisRole(role: string, what: string): CrisisRoleId {
  if (!isCrisisRole(role)) throw malformed(`${what} has an unknown role`);
  return role;
}

function readPhone(value: unknown, what: string): Phone {
  const data = object(value, what);
  const kind = string(field(data, 'kind'), `${what} kind`, 20);
  if (!(PHONE_KINDS as readonly string[]).includes(kind)) throw malformed(`${what} kind unknown`);
  return {
    kind: kind as PhoneKind,
    number: string(field(data, 'number'), `${what} number`, CONTACT_LIMITS.phoneText, 1),
  };
}

function readMemberIdentity(value: unknown, what: string): KitMemberIdentity {
  const data = object(value, what);
  return {
    id: memberId(field(data, 'id'), `${what} id`),
    publicKey: base64Bytes(field(data, 'publicKey'), `${what} public key`, 32),
  };
}

export function readRoom(data: JsonObject): KitRoom {
  const livekitUrl = string(field(data, 'livekitUrl'), 'LiveKit URL', 500, 1);
  let url: URL;
  try {
    url = new URL(livekitUrl);
  } catch {
    throw malformed('the LiveKit URL is not a URL');
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    throw malformed('the LiveKit URL is not ws:// or wss://');
  }
  return {
    livekitUrl,
    roomName: string(field(data, 'roomName'), 'room name', 128, 1),
    e2eeSecret: base64Bytes(field(data, 'e2eeSecret'), 'room secret', 32),
    emergencyNumbers: array(field(data, 'emergencyNumbers'), 'emergency numbers', 20).map(
      (value, i): EmergencyNumber => {
        const entry = object(value, `emergency number ${i + 1}`);
        return {
          label: string(field(entry, 'label'), `emergency number ${i + 1} label`, 100, 1),
          number: string(field(entry, 'number'), `emergency number ${i + 1}`, 40, 1),
        };
      },
    ),
  };
}

export function readMember(data: JsonObject): KitMember {
  const signingKey = object(field(data, 'signingKey'), 'signing key');
  const token = string(field(data, 'livekitToken'), 'LiveKit token', 8000, 1);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    throw malformed('the LiveKit token is not a JWT');
  }
  return {
    id: memberId(field(data, 'id'), 'member id'),
    displayName: string(field(data, 'displayName'), 'member name', NAME, 1),
    livekitToken: token,
    signingKey: {
      publicKey: base64Bytes(field(signingKey, 'publicKey'), 'member public key', 32),
      secretKey: base64Bytes(field(signingKey, 'secretKey'), 'member secret key', 32),
    },
  };
}

function memberId(value: unknown, what: string): string {
  const id = string(value, what, 64, 1);
  if (!MEMBER_ID.test(id)) throw malformed(`${what} has characters a member id may not have`);
  return id;
}
