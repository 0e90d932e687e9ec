import { join } from 'node:path';
import type { SequencedEvent } from '../../protocol/events';

/**
 * The memory backplane's journal file, `<dataDir>/journal/<tenant>.jsonl`: one JSON
 * object per line, each ending in `\n`. The first line is the header, naming the epoch
 * and the seq just before the first record; every further line is one accepted event,
 * with seqs growing by exactly 1.
 *
 * ```
 * {"journal":1,"epoch":"Qm9…","baseSeq":40}
 * {"seq":41,"ts":1700000000000,"event":{"type":"order.placed","id":"…",…}}
 * ```
 * @internal
 */

export interface JournalHeader {
  epoch: string;
  /** Seq of the event just before the first record (the head when the file was started). */
  baseSeq: number;
}

/** How a read journal ended: cleanly, with a torn last line (a crash mid-write), or at a corrupt line. */
export type JournalDamage =
  | { kind: 'none' }
  | { kind: 'torn-tail'; bytes: number }
  | { kind: 'corrupt'; line: number; reason: string };

export interface ParsedJournal {
  /** Null when the header line itself is missing or corrupt. */
  header: JournalHeader | null;
  /** The records before any damage, contiguous from `header.baseSeq + 1`. */
  records: SequencedEvent[];
  damage: JournalDamage;
}

export function journalDir(dataDir: string): string {
  return join(dataDir, 'journal');
}

export function journalPath(dataDir: string, tenant: string): string {
  return join(journalDir(dataDir), `${tenant}.jsonl`);
}

export function encodeHeader(header: JournalHeader): string {
  return `${JSON.stringify({ journal: 1, epoch: header.epoch, baseSeq: header.baseSeq })}\n`;
}

export function encodeRecords(records: readonly SequencedEvent[]): string {
  let text = '';
  for (const record of records)
    text += `${JSON.stringify({ seq: record.seq, ts: record.ts, event: record.event })}\n`;
  return text;
}

/** Parses a journal's text; never throws. Replay stops at the first line that is not a valid next record. */
export function parseJournal(text: string): ParsedJournal {
  const lastNewline = text.lastIndexOf('\n');
  const tail = text.slice(lastNewline + 1);
  const lines = lastNewline < 0 ? [] : text.slice(0, lastNewline).split('\n');
  const endDamage: JournalDamage =
    tail.length > 0 ? { kind: 'torn-tail', bytes: Buffer.byteLength(tail) } : { kind: 'none' };
  const header = parseHeader(lines[0]);
  if (!header) {
    if (lines.length === 0) return { header: null, records: [], damage: endDamage };
    return {
      header: null,
      records: [],
      damage: { kind: 'corrupt', line: 1, reason: 'the header line is not a journal header' },
    };
  }
  const records: SequencedEvent[] = [];
  for (let index = 1; index < lines.length; index++) {
    const expected = header.baseSeq + records.length + 1;
    const record = parseRecord(lines[index] as string);
    if (typeof record === 'string')
      return { header, records, damage: { kind: 'corrupt', line: index + 1, reason: record } };
    if (record.seq !== expected) {
      const reason = `expected seq ${expected}, found ${record.seq}`;
      return { header, records, damage: { kind: 'corrupt', line: index + 1, reason } };
    }
    records.push(record);
  }
  return { header, records, damage: endDamage };
}

function parseHeader(line: string | undefined): JournalHeader | null {
  const value = parseJson(line ?? '');
  if (!isObject(value) || value.journal !== 1) return null;
  const { epoch, baseSeq } = value;
  if (typeof epoch !== 'string' || epoch.length === 0 || epoch.length > 200) return null;
  if (!isSeq(baseSeq)) return null;
  return { epoch, baseSeq };
}

/** The record, or why the line is not one. */
function parseRecord(line: string): SequencedEvent | string {
  const value = parseJson(line);
  if (!isObject(value)) return 'the line is not a JSON object';
  const { seq, ts, event } = value;
  if (!isSeq(seq)) return 'seq is not a non-negative integer';
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return 'ts is not epoch ms';
  if (!isObject(event) || typeof event.id !== 'string' || typeof event.type !== 'string')
    return 'event is not an object with a string id and type';
  return { seq, ts, event: event as unknown as SequencedEvent['event'] };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
