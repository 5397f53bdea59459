// Reading untrusted JSON into fresh objects: only own properties, only the expected types, every
// failure an error naming the field. Signed data (kits, records) is still read this way, because a
// signature proves who wrote it, not that their tool wrote it well.
//
// Each format says how its refusals look (a kit refuses with KitError('malformed'), the sync with
// MalformedRecord), so the readers are made for it by `strictJsonReaders(refuse)`.
import { fromBase64Url } from './bytes.js';

export type JsonObject = Record<string, unknown>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Readers that throw `refuse(detail)` for the first thing that is not as expected. */
export interface StrictJsonReaders {
  /** The refusal of this format, for checks the readers do not cover. */
  malformed(detail: string): Error;
  parseJsonObject(text: string, what: string): JsonObject;
  object(value: unknown, what: string): JsonObject;
  string(value: unknown, what: string, maxLength?: number, minLength?: number): string;
  strings(value: unknown, what: string, maxItems?: number, maxLength?: number): string[];
  array(value: unknown, what: string, maxItems: number): unknown[];
  boolean(value: unknown, what: string): boolean;
  counter(value: unknown, what: string, min?: number): number;
  /** An ISO 8601 time with a zone, returned as written (the signed text is the truth). */
  isoTime(value: unknown, what: string): string;
  /** Base64url bytes of an exact length, returned as the text. */
  base64Bytes(value: unknown, what: string, length: number): string;
}

/** An own property, never one inherited through the prototype. */
export function field(from: JsonObject, key: string): unknown {
  return Object.hasOwn(from, key) ? from[key] : undefined;
}

export function strictJsonReaders(refuse: (detail: string) => Error): StrictJsonReaders {
  const object = (value: unknown, what: string): JsonObject => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw refuse(`${what} is not an object`);
    }
    return value as JsonObject;
  };
  const string = (value: unknown, what: string, maxLength = 2000, minLength = 0): string => {
    if (typeof value !== 'string' || value.length > maxLength || value.length < minLength) {
      throw refuse(`${what} is not a text of ${minLength}–${maxLength} characters`);
    }
    return value;
  };
  const array = (value: unknown, what: string, maxItems: number): unknown[] => {
    if (!Array.isArray(value) || value.length > maxItems) {
      throw refuse(`${what} is not a list of at most ${maxItems} items`);
    }
    return value;
  };
  return {
    malformed: refuse,
    object,
    string,
    array,
    parseJsonObject(text, what) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw refuse(`${what} is not JSON`);
      }
      return object(data, what);
    },
    strings(value, what, maxItems = 100, maxLength = 2000) {
      return array(value, what, maxItems).map((item, i) =>
        string(item, `${what}[${i}]`, maxLength),
      );
    },
    boolean(value, what) {
      if (typeof value !== 'boolean') throw refuse(`${what} is not true or false`);
      return value;
    },
    counter(value, what, min = 0) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
        throw refuse(`${what} is not an integer ≥ ${min}`);
      }
      return value;
    },
    isoTime(value, what) {
      const text = string(value, what, 40);
      if (!ISO_TIME.test(text) || Number.isNaN(Date.parse(text))) {
        throw refuse(`${what} is not an ISO 8601 time`);
      }
      return text;
    },
    base64Bytes(value, what, length) {
      const text = string(value, what, 200);
      if (fromBase64Url(text)?.length !== length) throw refuse(`${what} is not ${length} bytes`);
      return text;
    },
  };
}
