// Who wrote an entry, as the shared log can prove it. A device's entries form one hash chain; once
// the device is enrolled, its chain's id is namespaced by the member who signs it
// (`<member id>@<device>`), so a chain belongs to exactly one member, whatever order records
// arrive in: a receiver refuses a record whose device is not in its signer's namespace
// (docs/sync.md). Member ids cannot contain "@" (the kit format allows letters, digits, ".", "_"
// and "-"), so the first "@" separates the two.

/** The separator between the member and the device in a member's chain id. */
const MEMBER_DEVICE_SEPARATOR = '@';

/** The chain id of `memberId`'s entries and records written on the device `deviceId`. */
export function memberDeviceId(memberId: string, deviceId: string): string {
  return `${memberId}${MEMBER_DEVICE_SEPARATOR}${deviceId}`;
}

/**
 * The id of a crisis opened by `memberId` (undefined before enrollment): namespaced like a chain,
 * so that no other member can sign a crisis under that id and rename it on devices that have
 * not seen the real one yet.
 */
export function newCrisisId(memberId: string | undefined): string {
  const id = crypto.randomUUID();
  return memberId ? memberDeviceId(memberId, id) : id;
}

/**
 * The member a chain id belongs to; undefined for a device's chain written before it was enrolled
 * (not signed, kept on that device only).
 */
export function memberOfDevice(deviceId: string): string | undefined {
  const at = deviceId.indexOf(MEMBER_DEVICE_SEPARATOR);
  return at > 0 && at < deviceId.length - 1 ? deviceId.slice(0, at) : undefined;
}

/** The id of a main-courante entry: its crisis, its chain, its number in that chain. */
export function entryId(crisisId: string, deviceId: string, seq: number): string {
  return `${crisisId}:${deviceId}:${seq}`;
}

/**
 * Who answers for a chain: its member, or for a chain written before enrollment, the device
 * itself. Only the writer of an entry may correct it.
 */
export function writerOfDevice(deviceId: string): string {
  return memberOfDevice(deviceId) ?? deviceId;
}

/** The device part of an entry id (`<crisis>:<device>:<seq>`), or undefined when it has none. */
export function deviceOfEntryId(id: string): string | undefined {
  const first = id.indexOf(':');
  const last = id.lastIndexOf(':');
  return first > 0 && last > first + 1 ? id.slice(first + 1, last) : undefined;
}
