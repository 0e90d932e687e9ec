/**
 * The one nesting limit for JSON that enters the hub: ingest bodies, token requests and
 * WebSocket frames. Deeper input is refused before it is parsed, so no event that
 * `JSON.stringify` cannot write back (it overflows the stack at a few thousand levels) ever
 * gets a seq. Real events nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of arrays and objects in JSON text, stopping early once it exceeds
 * `stopAbove`. One linear pass that skips strings; it does not validate the text.
 */
export function jsonNestingDepth(text: string, stopAbove = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth -= 1;
  }
  return deepest;
}

/** The message for input nested deeper than `MAX_JSON_DEPTH`. */
export function tooDeepMessage(what: string): string {
  return `${what} nests arrays/objects deeper than ${MAX_JSON_DEPTH} levels`;
}
