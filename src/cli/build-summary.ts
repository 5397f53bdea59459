// What `tocsin-kit build` says it made: for the administrator (text, each member named with
// their job title and roles next to the files that hold their kit key) or for a script (--json).
import { join, resolve } from 'node:path';
import type { Contact } from '../domain/contact.js';
import { ROLE_NAMES } from '../domain/crisis-roles.js';
import type { BuildOptions, Member } from './build.js';
import { statePathFor } from './kit-state.js';
import type { OrganisationKey } from './org-key.js';
import type { Output } from './output.js';

/** What a build made, for its summary. */
export interface BuildSummary {
  options: Pick<BuildOptions, 'keyPath' | 'livekitUrl' | 'roomName' | 'urls' | 'outDir'>;
  key: OrganisationKey;
  release: { epoch: number; version: number };
  expires: Date;
  members: Member[];
  created: Set<string>;
}

/** A member's job title and crisis roles, e.g. "Maire, Décideur / Decision-maker". */
function memberDescription(contact: Contact): string {
  const roles = contact.roles.map((role) => `${ROLE_NAMES[role].fr} / ${ROLE_NAMES[role].en}`);
  return [contact.jobTitle, ...roles].filter(Boolean).join(', ');
}

/**
 * The summary as JSON: what an administrator's script needs to hand each member their link,
 * named and with their role, next to the fingerprint they will compare. The links hold the kit
 * keys: this output is as secret as the .link.txt files.
 */
export function buildSummaryJson(summary: BuildSummary) {
  const { options, key, release, members, created } = summary;
  // Absolute paths: a script reading them may not share the command's working directory.
  const outDir = resolve(options.outDir);
  return {
    organisation: key.organisation,
    fingerprint: key.fingerprint,
    epoch: release.epoch,
    version: release.version,
    expires: summary.expires.toISOString(),
    room: { name: options.roomName, livekitUrl: options.livekitUrl },
    paperKit: join(outDir, 'paper-kit.html'),
    members: members.map((member) => {
      const base = join(outDir, member.id);
      return {
        id: member.id,
        displayName: member.contact.displayName,
        jobTitle: member.contact.jobTitle,
        roles: member.contact.roles.map((role) => ({ id: role, ...ROLE_NAMES[role] })),
        newSigningKey: created.has(member.id),
        kit: `${base}.tocsin`,
        link: `${base}.link.txt`,
        qrCode: `${base}.png`,
      };
    }),
  };
}

export function printSummary(output: Output, summary: BuildSummary): void {
  const { options, key, release, members, created } = summary;
  const out = options.outDir;
  output.out(`Organisation: ${key.organisation.name} (${key.organisation.id})`);
  output.out(`Fingerprint:  ${key.fingerprint}`);
  output.out(
    `Kit:          ${release.epoch}.${release.version} (epoch ${release.epoch}, version ${release.version})`,
  );
  output.out(`Expires:      ${summary.expires.toISOString()}`);
  output.out(`Room:         ${options.roomName} on ${options.livekitUrl} (new room secret)`);
  output.out(`Members (${members.length}):`);
  const width = Math.max(...members.map((member) => member.id.length));
  for (const member of members) {
    const base = join(out, member.id);
    const isNew = created.has(member.id) ? ', new signing key' : '';
    const about = memberDescription(member.contact);
    output.out(
      `  ${member.id.padEnd(width)}  ${member.contact.displayName}${about ? ` (${about})` : ''}${isNew}: ${base}.tocsin ${base}.link.txt ${base}.png`,
    );
  }
  output.out(`Paper kit:    ${join(out, 'paper-kit.html')}`);
  output.out(`State:        ${statePathFor(options.keyPath)}`);
  output.out('');
  output.out(
    `Publish the .tocsin files at ${options.urls.kitsUrl}, then give each member their own`,
  );
  output.out('link or QR code, by hand or on a trusted channel: they hold the kit keys.');
}
