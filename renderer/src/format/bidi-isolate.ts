/**
 * Wraps text from data (a user name, an order id, a reason) in Unicode's
 * first-strong isolate (U+2068 … U+2069), so a Latin name inside an Arabic
 * sentence, or an Arabic reason inside an English one, keeps its own order
 * without breaking the sentence around it. The plain-string twin of `<bdi>`,
 * for text that goes through a translated sentence.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Removes the isolates `isolate` adds (for comparing text in tests and titles). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
