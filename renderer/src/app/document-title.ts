import { useEffect } from 'react';

/** Separates the parts of the window title: "Harbor Eats · Floor · Ops Console". */
const SEPARATOR = ' · ';

/**
 * Sets the document title (the window's title in Electron, the tab's in a
 * browser) from its parts, most specific first, so a taskbar full of console
 * windows tells the groups apart by their real names.
 */
export function useDocumentTitle(parts: readonly string[]): void {
  const title = parts.join(SEPARATOR);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
