// Reading untrusted JSON into fresh objects: only own properties, only the expected types, every
// failure a KitError('malformed') naming the field. Signed kits are still read this way, because a
// signature proves who wrote a kit, not that their tool wrote it well.
import { fromBase64Url } from './bytes.js';
import { KitError } from './kit-error.js';

export type JsonObject = Record<string, unknown>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function malformed(detail: string): KitError {
  return new KitError('malformed', detail);
}

export function parseJsonObject(text: string, what: string): JsonObject {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw malformed(`${what} is not JSON`);
  }
  return object(data, what);
}

export function object(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`${what} is not an object`);
  }
  return value as JsonObject;
}

export function field(from: JsonObject, key: string): unknown {
  return Object.hasOwn(from, key) ? from[key] : undefined;
}

export function string(value: unknown, what: string, maxLength = 2000, minLength = 0): string {
  if (typeof value !== 'string' || value.length > maxLength || value.length < minLength) {
    throw malformed(`${what} is not a text of ${minLength}–${maxLength} characters`);
  }
  return value;
}

export function strings(value: unknown, what: string, maxItems = 100, maxLength = 2000): string[] {
  return array(value, what, maxItems).map((item, i) => string(item, `${what}[${i}]`, maxLength));
}

export function array(value: unknown, what: string, maxItems: number): unknown[] {
  if (!Array.isArray(value) || value.length > maxItems) {
    throw malformed(`${what} is not a list of at most ${maxItems} items`);
  }
  return value;
}

export function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw malformed(`${what} is not true or false`);
  return value;
}

export function counter(value: unknown, what: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw malformed(`${what} is not an integer ≥ ${min}`);
  }
  return value;
}

/** An ISO 8601 time with a zone, returned as written (the signed text is the truth). */
export function isoTime(value: unknown, what: string): string {
  const text = string(value, what, 40);
  if (!ISO_TIME.test(text) || Number.isNaN(Date.parse(text))) {
    throw malformed(`${what} is not an ISO 8601 time`);
  }
  return text;
}

/** Base64url bytes of an exact length, returned as the text. */
export function base64Bytes(value: unknown, what: string, length: number): string {
  const text = string(value, what, 200);
  if (fromBase64Url(text)?.length !== length) throw malformed(`${what} is not ${length} bytes`);
  return text;
}
