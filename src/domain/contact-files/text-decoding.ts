/**
 * Turns the bytes of an imported file into text. Directory files come from Outlook, Google, phones
 * and French Excel: UTF-8 (with or without a byte order mark) or Windows-1252. Only TextDecoder is
 * used, so the same code runs in the browser and in Node.
 */
import { MAX_IMPORT_BYTES, refuseFile, type ImportEncoding, type ImportFailure } from './types.js';

/** Text read from an imported file, and the encoding it was read with. */
export interface DecodedImportText {
  ok: true;
  text: string;
  encoding: ImportEncoding;
}

// Text files never hold NUL bytes; spreadsheets, archives and images do, near their start.
const BINARY_SNIFF_BYTES = 8 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function isZipArchive(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    // TextDecoder drops one leading byte order mark by itself (ignoreBOM is false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes an imported file: UTF-8 when the bytes are valid UTF-8 (its byte order mark removed),
 * otherwise Windows-1252, which is what French Excel writes for "CSV (séparateur: point-virgule)".
 * Refuses binary files (a NUL byte in the first 8 KB) and UTF-16 text.
 */
export function decodeImportBytes(bytes: Uint8Array): DecodedImportText | ImportFailure {
  if (isUtf16(bytes)) {
    return refuseFile(
      'unsupported-encoding',
      'The file is UTF-16 text, which is not supported. Save it as "CSV UTF-8" and try again.',
    );
  }
  if (isZipArchive(bytes)) {
    return refuseFile(
      'not-text',
      'The file is an Excel workbook or another archive, not text. Save it as CSV and try again.',
    );
  }
  if (hasNulByte(bytes)) {
    return refuseFile('not-text', 'The file is not a text file, so nothing was imported.');
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== undefined) {
    return { ok: true, text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  }
  // Every byte has a meaning in Windows-1252, so this never fails.
  return {
    ok: true,
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
  };
}

const BYTES_PER_MEGABYTE = 1024 * 1024;

/** Checks the size limit, then decodes: the first step of every import. */
export function readImportFile(bytes: Uint8Array): DecodedImportText | ImportFailure {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return refuseFile(
      'too-large',
      `The file is ${(bytes.byteLength / BYTES_PER_MEGABYTE).toFixed(1)} MB; files over ` +
        `${MAX_IMPORT_BYTES / BYTES_PER_MEGABYTE} MB are not imported.`,
    );
  }
  return decodeImportBytes(bytes);
}
