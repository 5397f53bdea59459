// Reading a record that arrived from another device: only own properties, only the expected
// types, rebuilt into fresh objects so nothing unsigned rides along. A signature proves who wrote a
// record, not that it is well formed, so signed records are read this way too.
import {
  array,
  base64Bytes,
  boolean,
  counter,
  field,
  isoTime,
  object,
  string,
  strings,
  type JsonObject,
} from '../kit/format/json-reader.js';
import { KitError } from '../kit/format/kit-error.js';
import { MAX_ENTRY_TEXT } from '../log/log-store.js';
import { ENTRY_KINDS, type Crisis, type LogEntry } from '../log/model.js';
import type { ChecklistTick } from '../playbook/model.js';
import {
  isChainId,
  isHexHash,
  ROLL_CALL_STATUSES,
  type RecordBody,
  type RollCall,
  type RollCallAnswer,
  type SyncRecord,
} from './model.js';

/** A received record that is not a well-formed record of this protocol. */
export class MalformedRecord extends Error {
  constructor(readonly detail: string) {
    super(`Malformed record: ${detail}`);
    this.name = 'MalformedRecord';
  }
}

const ID_LENGTH = 200;

/** Reads one wire record, or throws MalformedRecord saying which field is wrong. */
export function readRecord(value: unknown): SyncRecord {
  try {
    return readRecordFields(object(value, 'record'));
  } catch (error) {
    if (error instanceof KitError) throw new MalformedRecord(error.message);
    throw error;
  }
}

function readRecordFields(data: JsonObject): SyncRecord {
  const author = chainId(field(data, 'author'), 'author');
  const device = chainId(field(data, 'device'), 'device');
  const record: SyncRecord = {
    author,
    device,
    seq: counter(field(data, 'seq'), 'seq', 1),
    prev: hashOrEmpty(field(data, 'prev'), 'prev'),
    at: isoTime(field(data, 'at'), 'at'),
    body: readBody(object(field(data, 'body'), 'body')),
    sig: base64Bytes(field(data, 'sig'), 'sig', 64),
  };
  checkBodyBelongsToSigner(record);
  return record;
}

/** What the signer may say: only their own device's entries and their own answers. */
function checkBodyBelongsToSigner({ author, device, body }: SyncRecord): void {
  if (body.type === 'entry' && body.entry.deviceId !== device) {
    throw new MalformedRecord('the entry was written on another device than the record');
  }
  if (body.type === 'rollcall' && body.rollCall.by !== author) {
    throw new MalformedRecord('the roll-call names another member as its starter');
  }
  if (body.type === 'answer' && body.answer.member !== author) {
    throw new MalformedRecord('the answer is for another member than its signer');
  }
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
    id: string(field(data, 'id'), 'crisis.id', ID_LENGTH, 1),
    name: string(field(data, 'name'), 'crisis.name', 500, 1),
    startedAt: isoTime(field(data, 'startedAt'), 'crisis.startedAt'),
    openedAt: isoTime(field(data, 'openedAt'), 'crisis.openedAt'),
    ...(closedAt === undefined ? {} : { closedAt: isoTime(closedAt, 'crisis.closedAt') }),
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
  return {
    id: string(field(data, 'id'), 'entry.id', 3 * ID_LENGTH, 1),
    crisisId: string(field(data, 'crisisId'), 'entry.crisisId', ID_LENGTH, 1),
    deviceId: string(field(data, 'deviceId'), 'entry.deviceId', ID_LENGTH, 1),
    seq: counter(field(data, 'seq'), 'entry.seq', 1),
    occurredAt: isoTime(field(data, 'occurredAt'), 'entry.occurredAt'),
    recordedAt: isoTime(field(data, 'recordedAt'), 'entry.recordedAt'),
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
    crisisId: string(field(data, 'crisisId'), 'tick.crisisId', ID_LENGTH, 1),
    itemId: string(field(data, 'itemId'), 'tick.itemId', ID_LENGTH, 1),
    by: string(field(data, 'by'), 'tick.by', 500),
    at: isoTime(field(data, 'at'), 'tick.at'),
    done: boolean(field(data, 'done'), 'tick.done'),
  };
}

function readRollCall(data: JsonObject): RollCall {
  return {
    id: string(field(data, 'id'), 'rollCall.id', ID_LENGTH, 1),
    startedAt: isoTime(field(data, 'startedAt'), 'rollCall.startedAt'),
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
    at: isoTime(field(data, 'at'), 'answer.at'),
  };
}

function chainId(value: unknown, what: string): string {
  const text = string(value, what, ID_LENGTH, 1);
  if (!isChainId(text)) throw new MalformedRecord(`${what} has characters ids cannot have`);
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
  try {
    return array(value, 'records', maxItems);
  } catch (error) {
    if (error instanceof KitError) throw new MalformedRecord(error.message);
    throw error;
  }
}
