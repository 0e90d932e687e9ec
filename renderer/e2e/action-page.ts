import type { Locator, Page } from 'playwright-core';
import type { OpenOrderStatus } from '../../protocol/board/board-selectors';

/**
 * What the operator-action e2e tests know about the console's DOM (issue 13): accessible
 * names and the English wording a person reads, never CSS classes. The labels are the
 * ones `renderer/src/i18n/messages-en.ts` defines; they are written out here on purpose,
 * so a change of wording the issue asks for ("<user> acknowledged …") fails a test.
 */
export const ACTION_LABELS = {
  acknowledge: 'Acknowledge',
  /** The bump button says what happens next, by the ticket's status. */
  bump: {
    placed: 'Start',
    accepted: 'Start',
    preparing: 'Ready',
    ready: 'Served',
  } satisfies Record<OpenOrderStatus, string>,
  recall: 'Recall',
  /** Opens the reason picker. */
  clear: 'Clear…',
  /** The reason picked in the clear dialog. */
  duplicateReason: 'Duplicate ticket',
  /** The button that confirms the clear with its reason. */
  confirmClear: 'Clear ticket',
} as const;

/**
 * How long an action may take from the click to every window showing it, ms. The hub
 * answers in milliseconds; the margin is for a loaded 2-core box.
 */
export const SEEN_EVERYWHERE_WITHIN_MS = 5000;

/** Every label an action control may carry, for "this user sees no action control". */
export const EVERY_ACTION_LABEL: readonly string[] = [
  ACTION_LABELS.acknowledge,
  ...new Set(Object.values(ACTION_LABELS.bump)),
  ACTION_LABELS.recall,
  ACTION_LABELS.clear,
  'Resolve',
  'Retry',
];

/** The lane of an open status on the Orders board (a region named by its title, e.g. "Ready 3"). */
export function lane(page: Page, title: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${title}\\b`) });
}

/** The ticket of `orderId` within `scope` (a lane, the stale group or the whole page). */
export function ticket(scope: Page | Locator, orderId: string): Locator {
  // `has` is matched inside each list item, so it is built from the page, not from `scope`.
  const page = 'mainFrame' in scope ? scope : scope.page();
  return scope.getByRole('listitem').filter({
    has: page.getByText(orderId, { exact: true }),
  });
}

/** The critical-alert banner above every desktop board. */
export function criticalBanner(page: Page): Locator {
  return page.getByRole('region', { name: 'Critical alerts', exact: true });
}

/** The banner's entry for one alert (its message). */
export function bannerAlert(page: Page, message: string): Locator {
  return criticalBanner(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(message, { exact: true }) });
}

/** The collapsed "Stale (N)" toggle of the Orders board (its name may start with a disclosure mark). */
export function staleToggle(page: Page): Locator {
  return page.getByRole('button', { name: /\bStale \(\d+\)$/ });
}

/** The Feed board's rows whose text matches `text`. */
export function feedRows(page: Page, text: RegExp): Locator {
  return page.locator('[data-board="feed"]').getByRole('listitem').filter({ hasText: text });
}

/** The collapsed "Recently closed (N)" toggle of the Orders board (its name may start with a disclosure mark). */
export function recentlyClosedToggle(page: Page): Locator {
  return page.getByRole('button', { name: /\bRecently closed \(\d+\)$/ });
}

/** Every element that carries an operator action control (`data-action`), wherever it is. */
export function actionControls(page: Page): Locator {
  return page.locator('[data-action]');
}

/**
 * A RegExp source matching `text` literally, also when the console wrapped it in Unicode
 * isolates (U+2068 … U+2069), as it does with names and ids inside translated sentences.
 */
export function literal(text: string): string {
  return `\u2068?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u2069?`;
}
