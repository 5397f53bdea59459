// The strict JSON readers of the kit format: every refusal is a KitError('malformed') naming the
// field, which the app and the command line both say in plain words.
import { strictJsonReaders } from '../encoding/strict-json.js';
import { KitError } from './kit-error.js';

export { field, type JsonObject } from '../encoding/strict-json.js';

export const {
  malformed,
  parseJsonObject,
  object,
  string,
  strings,
  array,
  boolean,
  counter,
  isoTime,
  base64Bytes,
} = strictJsonReaders((detail) => new KitError('malformed', detail));
