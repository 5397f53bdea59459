// Reading a record that arrived from another device: only own properties, only the expected
// types, rebuilt into fresh objects so nothing unsigned rides along. A signature proves who wrote a
// record, not that it is well formed, so signed records are read this way too.
import { field, strictJsonReaders, type JsonObject } from '../../encoding/strict-json.js';
import { ENTRY_KINDS, MAX_ENTRY_TEXT, type Crisis, type LogEntry } from '../../domain/log.js';
import { deviceOfEntryId, entryId, memberOfDevice } from '../../domain/log-writer.js';
import type { ChecklistTick } from '../../domain/playbook.js';
import {
  isChainId,
  isHexHash,
  ROLL_CALL_STATUSES,
  type RecordBody,
  type RollCall,
  type RollCallAnswer,
  type SyncRecord,
} from '../../domain/records.js';

/** A received record that is not a well-formed record of this protocol. */
export class MalformedRecord extends Error {
  constructor(readonly detail: string) {
    super(`Malformed record: ${detail}`);
    this.name = 'MalformedRecord';
  }
}

const { array, base64Bytes, boolean, counter, isoTime, object, string, strings } =
  strictJsonReaders((detail) => new MalformedRecord(detail));

const ID_LENGTH = 200;

/** Reads one wire record, or throws MalformedRecord saying which field is wrong. */
export function readRecord(value: unknown): SyncRecord {
  return readRecordFields(object(value, 'record'));
}

function readRecordFields(data: JsonObject): SyncRecord {
  return {
    author: chainId(field(data, 'author'), 'author'),
    device: chainId(field(data, 'device'), 'device'),
    seq: counter(field(data, 'seq'), 'seq', 1),
    prev: hashOrEmpty(field(data, 'prev'), 'prev'),
    at: time(field(data, 'at'), 'at'),
    body: readBody(object(field(data, 'body'), 'body')),
    sig: base64Bytes(field(data, 'sig'), 'sig', 64),
  };
}

/**
 * What a record claims that its signer may not claim: a chain of another member's device (or of
 * no member's), an entry written on another device, a tick, roll-call or answer in another
 * member's name. Undefined when every identity it names is its signer's. Checked once the
 * signature is known to be the author's, so a refusal names who really signed it.
 */
export function impersonationIn({ author, device, body }: SyncRecord): string | undefined {
  if (memberOfDevice(device) !== author) return 'its chain is not on a device of its signer';
  switch (body.type) {
    case 'entry': {
      if (body.entry.deviceId !== device) {
        return 'its entry was written on another device than its chain';
      }
      const named = deviceOfEntryId(body.entry.id);
      const owner = named === undefined ? undefined : memberOfDevice(named);
      if (owner !== undefined && owner !== author) {
        return 'its entry takes the id of another member’s entry';
      }
      const corrected = body.entry.corrects && deviceOfEntryId(body.entry.corrects);
      return corrected === undefined || memberOfDevice(corrected) === author
        ? undefined
        : 'it corrects (strikes through) another member’s entry';
    }
    case 'tick':
      return body.tick.by === author ? undefined : 'its tick is in another member’s name';
    case 'rollcall':
      return body.rollCall.by === author ? undefined : 'its roll-call names another starter';
    case 'answer':
      return body.answer.member === author ? undefined : 'it answers for another member';
    case 'crisis': {
      // A crisis opened by an enrolled member carries its opener's namespace; one opened before
      // enrollment carries none, and is kept as first received.
      const opener = memberOfDevice(body.crisis.id);
      return opener === undefined || opener === author
        ? undefined
        : 'it opens a crisis under another member’s name';
    }
  }
}

/**
 * Why a record's entry id is not exactly its crisis, chain and number (the entry's key on every
 * device: any other id could collide with another entry), or undefined when it is. An id that
 * names another member's chain is impersonation ({@link impersonationIn}); this is the rest.
 */
export function misnamedEntry({ body }: SyncRecord): string | undefined {
  if (body.type !== 'entry') return undefined;
  const { id, crisisId, deviceId, seq } = body.entry;
  return id === entryId(crisisId, deviceId, seq)
    ? undefined
    : 'entry.id is not its crisis, device and number';
}

/**
 * The latest time a record claims: its signing time, or a later time in its body (a tick, an
 * answer, an entry written after it was signed). Ahead of the receiver's clock, it is not trusted.
 */
export function latestClaimedTime({ at, body }: SyncRecord): string {
  const times = [at];
  switch (body.type) {
    case 'entry':
      times.push(body.entry.recordedAt, body.entry.occurredAt);
      break;
    case 'tick':
      times.push(body.tick.at);
      break;
    case 'rollcall':
      times.push(body.rollCall.startedAt);
      break;
    case 'answer':
      times.push(body.answer.at);
      break;
    case 'crisis':
      times.push(body.crisis.openedAt);
      break;
  }
  return times.reduce((latest, time) => (time > latest ? time : latest));
}

function readBody(data: JsonObject): RecordBody {
  const type = field(data, 'type');
  switch (type) {
    case 'crisis':
      return { type, crisis: readCrisis(object(field(data, 'crisis'), 'crisis')) };
    case 'entry':
      return { type, entry: readEntry(object(field(data, 'entry'), 'entry')) };
    case 'tick':
      return { type, tick: readTick(object(field(data, 'tick'), 'tick')) };
    case 'rollcall':
      return { type, rollCall: readRollCall(object(field(data, 'rollCall'), 'rollCall')) };
    case 'answer':
      return { type, answer: readAnswer(object(field(data, 'answer'), 'answer')) };
    default:
      throw new MalformedRecord('unknown record type');
  }
}

function readCrisis(data: JsonObject): Crisis {
  const closedAt = field(data, 'closedAt');
  return {
    id: crisisId(field(data, 'id'), 'crisis.id'),
    name: string(field(data, 'name'), 'crisis.name', 500, 1),
    startedAt: time(field(data, 'startedAt'), 'crisis.startedAt'),
    openedAt: time(field(data, 'openedAt'), 'crisis.openedAt'),
    ...(closedAt === undefined ? {} : { closedAt: time(closedAt, 'crisis.closedAt') }),
  };
}

function readEntry(data: JsonObject): LogEntry {
  const kind = string(field(data, 'kind'), 'entry.kind', 40);
  if (!(ENTRY_KINDS as readonly string[]).includes(kind)) {
    throw new MalformedRecord('unknown entry kind');
  }
  const priority = field(data, 'priority');
  if (priority !== 'normal' && priority !== 'high') {
    throw new MalformedRecord('unknown entry priority');
  }
  const refs = object(field(data, 'refs'), 'entry.refs');
  const corrects = field(data, 'corrects');
  const id = string(field(data, 'id'), 'entry.id', 3 * ID_LENGTH, 1);
  const crisis = crisisId(field(data, 'crisisId'), 'entry.crisisId');
  const deviceId = chainId(field(data, 'deviceId'), 'entry.deviceId');
  const seq = counter(field(data, 'seq'), 'entry.seq', 1);
  return {
    id,
    crisisId: crisis,
    deviceId,
    seq,
    occurredAt: time(field(data, 'occurredAt'), 'entry.occurredAt'),
    recordedAt: time(field(data, 'recordedAt'), 'entry.recordedAt'),
    author: string(field(data, 'author'), 'entry.author', 500),
    kind: kind as LogEntry['kind'],
    priority,
    text: string(field(data, 'text'), 'entry.text', MAX_ENTRY_TEXT, 1),
    refs: {
      checklistItemIds: strings(field(refs, 'checklistItemIds'), 'checklistItemIds', 100, 200),
      contactIds: strings(field(refs, 'contactIds'), 'contactIds', 100, 200),
    },
    ...(corrects === undefined
      ? {}
      : { corrects: string(corrects, 'entry.corrects', 3 * ID_LENGTH, 1) }),
    prevHash: hashOrEmpty(field(data, 'prevHash'), 'entry.prevHash'),
    hash: hash(field(data, 'hash'), 'entry.hash'),
  };
}

function readTick(data: JsonObject): ChecklistTick {
  return {
    crisisId: crisisId(field(data, 'crisisId'), 'tick.crisisId'),
    itemId: string(field(data, 'itemId'), 'tick.itemId', ID_LENGTH, 1),
    by: string(field(data, 'by'), 'tick.by', ID_LENGTH, 1),
    at: time(field(data, 'at'), 'tick.at'),
    done: boolean(field(data, 'done'), 'tick.done'),
  };
}

function readRollCall(data: JsonObject): RollCall {
  return {
    id: string(field(data, 'id'), 'rollCall.id', ID_LENGTH, 1),
    startedAt: time(field(data, 'startedAt'), 'rollCall.startedAt'),
    by: string(field(data, 'by'), 'rollCall.by', ID_LENGTH, 1),
  };
}

function readAnswer(data: JsonObject): RollCallAnswer {
  const status = field(data, 'status');
  if (!(ROLL_CALL_STATUSES as readonly unknown[]).includes(status)) {
    throw new MalformedRecord('unknown roll-call answer');
  }
  return {
    rollCallId: string(field(data, 'rollCallId'), 'answer.rollCallId', ID_LENGTH, 1),
    member: string(field(data, 'member'), 'answer.member', ID_LENGTH, 1),
    status: status as RollCallAnswer['status'],
    at: time(field(data, 'at'), 'answer.at'),
  };
}

/**
 * A time exactly as `Date.prototype.toISOString` writes it (UTC, milliseconds): times are
 * compared as strings, for the log's order and against this device's clock, so an offset or
 * another precision would sort by its digits rather than its instant.
 */
function time(value: unknown, what: string): string {
  const text = isoTime(value, what);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) {
    throw new MalformedRecord(`${what} is not a UTC time with milliseconds`);
  }
  return text;
}

function chainId(value: unknown, what: string): string {
  const text = string(value, what, ID_LENGTH, 1);
  if (!isChainId(text)) throw new MalformedRecord(`${what} has characters ids cannot have`);
  return text;
}

/**
 * Crisis ids name entries (`<crisis>:<device>:<seq>`): no ":" (nor "|"), so ids never collide;
 * one "@" at most, after the opener's member id.
 */
function crisisId(value: unknown, what: string): string {
  const text = string(value, what, ID_LENGTH, 1);
  if (!/^[A-Za-z0-9._-]+(@[A-Za-z0-9._-]+)?$/.test(text)) {
    throw new MalformedRecord(`${what} has characters crisis ids cannot have`);
  }
  return text;
}

function hash(value: unknown, what: string): string {
  const text = string(value, what, 64);
  if (!isHexHash(text)) throw new MalformedRecord(`${what} is not a SHA-256 hash`);
  return text;
}

function hashOrEmpty(value: unknown, what: string): string {
  return value === '' ? '' : hash(value, what);
}

/** Reads a list of wire records, refusing lists longer than a message may carry. */
export function recordList(value: unknown, maxItems: number): unknown[] {
  return array(value, 'records', maxItems);
}
