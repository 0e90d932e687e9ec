import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles, type ImportGraph } from './import-graph';

const ROOT = resolve(import.meta.dirname, '..');
/** Production folders: everything but tests, test-support/, bench/ and renderer/e2e/. */
const PRODUCTION = ['protocol', 'node-shared', 'server', 'electron', 'renderer/src', 'bin'];

/**
 * Cycles accepted for now, each with a comment saying why and what removes it.
 * The test fails on an entry that no longer occurs, so the list cannot go stale.
 */
const KNOWN_CYCLES: string[][] = [];

describe('import cycles', () => {
  it('finds a cycle through three modules and a module importing itself, and none in a chain', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['d.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      findCycles(
        new Map([
          ['x.ts', ['y.ts']],
          ['y.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('resolves every relative import of the production code to a file, so the walk sees every edge', () => {
    const { graph, unresolved } = buildImportGraph(ROOT, PRODUCTION);
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('electron/core/credential-store.ts')).toContain(
      'electron/core/keytar-credential-store.ts',
    );
  });

  it('production code has no import cycle beyond the known ones another branch removes', () => {
    const { graph } = buildImportGraph(ROOT, PRODUCTION);
    const key = (cycle: string[]) => cycle.join(' ⇄ ');
    const known = new Set(KNOWN_CYCLES.map(key));
    const found = findCycles(graph).map(key);
    expect(
      found.filter((cycle) => !known.has(cycle)),
      'new import cycles',
    ).toEqual([]);
    expect(
      [...known].filter((cycle) => !found.includes(cycle)),
      'KNOWN_CYCLES entries that no longer occur: delete them',
    ).toEqual([]);
  });
});
