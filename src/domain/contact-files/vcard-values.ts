/**
 * vCard text values (RFC 6350 §3.4): the backslash escapes, and the lists and structured values
 * that unescaped "," and ";" separate. Reading and writing are kept side by side so that what the
 * export escapes is visibly what the import unescapes.
 */

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** `\n` and `\N` are line breaks; any other escaped character stands for itself (`\,` `\;` `\\`). */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A comma-separated list of texts (CATEGORIES, ROLE, X-TOCSIN-ROLES). */
export function textList(value: string): string[] {
  return splitUnescaped(value, ',')
    .map((item) => unescapeText(item).trim())
    .filter((item) => item !== '');
}

/** The components of a structured value (N, ORG); commas inside one join its several values. */
export function components(value: string): string[] {
  return splitUnescaped(value, ';').map((component) => textList(component).join(' '));
}

/** Escapes a text value: backslash, line breaks, and the "," and ";" that separate values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}
