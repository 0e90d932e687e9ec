import { useEffect, useRef, useState } from 'react';

/**
 * True for `holdMs` after `value` changes (never on first render), so a tile can
 * show "what changed just now" with a brief highlight.
 */
export function useChangedFlag(value: unknown, holdMs = 900): boolean {
  const previous = useRef(value);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    setChanged(true);
    const timer = setTimeout(() => setChanged(false), holdMs);
    return () => clearTimeout(timer);
  }, [value, holdMs]);
  return changed;
}
