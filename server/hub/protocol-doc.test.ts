import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, ErrorCode, HOST_CODES, WIRE_ERROR_CODES } from '../../protocol/codes';
import { eventInputSchema } from '../../protocol/events';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'protocol.md'), 'utf8');

/** The rows of the markdown table under `heading`, as trimmed cells (so prettier's padding does not matter). */
function tableUnder(heading: string): string[][] {
  const lines = doc.slice(doc.indexOf(heading)).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('docs/protocol.md', () => {
  it('lists every close code of protocol/close-codes.ts with its name, meaning and client action', () => {
    // Table rows as trimmed cells, so column padding (prettier) does not matter.
    const rows = doc
      .split('\n')
      .filter((line) => /^\|\s*\d{4}\s*\|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(
      CLOSE_CODES.map((info) => [String(info.code), info.name, info.meaning, info.action]),
    );
  });

  it('documents every error code', () => {
    for (const code of Object.values(ErrorCode)) expect(doc).toContain(`\`${code}\``);
  });

  it('lists every wire error code of protocol/codes with its meaning and client action, in order', () => {
    expect(tableUnder('### Error codes')).toEqual(
      WIRE_ERROR_CODES.map((info) => [`\`${info.code}\``, info.meaning, info.action]),
    );
  });

  it('lists every host code of protocol/codes with its meaning and client action, in order', () => {
    expect(tableUnder('### Host codes')).toEqual(
      HOST_CODES.map((info) => [`\`${info.code}\``, info.meaning, info.action]),
    );
  });

  it('carries one valid literal example per known event type', () => {
    const examples = doc
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('{"type":"') &&
          !line.includes('"…"') &&
          /"data":/.test(line) &&
          !line.includes('"seq"'),
      );
    const types = examples.map((line) => eventInputSchema.parse(JSON.parse(line)).type);
    expect(types).toEqual([
      'order.placed',
      'order.status',
      'table.seated',
      'table.cleared',
      'payment.status',
      'inventory.level',
      'queue.length',
      'metric',
      'alert',
    ]);
  });
});
