import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonNestingDepth } from './json-limits';

describe('jsonNestingDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingDepth('{"a":"[[[{{{","b":"\\"[[["}')).toBe(1);
  });

  it('stops counting just past the limit, so a 100,000-level text costs one short scan', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(jsonNestingDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
  });
});
