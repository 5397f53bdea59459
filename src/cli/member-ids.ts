import { MEMBER_ID } from '../kit-format/kit-sections.js';
import { slug } from '../kit-format/organisation.js';

/**
 * One member id per display name, in order: the name's slug ("Hélène Nguyễn" → "helene-nguyen"),
 * then -2, -3… for a name already taken. The ids name the members' files and LiveKit identities,
 * and the state file keys their signing keys by them, so the same directory gives the same ids.
 */
export function assignMemberIds(displayNames: string[]): string[] {
  const taken = new Set<string>();
  return displayNames.map((name) => {
    const base = slug(name) || 'member';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    if (!MEMBER_ID.test(id)) throw new Error(`"${id}" is not a valid member id.`);
    taken.add(id);
    return id;
  });
}
