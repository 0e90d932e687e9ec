// Over 300 lines on purpose: one dictionary per language, and this one defines the `Messages`
// type the others must match; playlist strings already live in their own file.
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import type { OpenOrderStatus } from '../../../protocol/board/board-selectors';
import type { UpdateReason } from '../../../protocol/bridge/update-status';
import type { PaymentStatus } from '../../../protocol/events';
import { actionMessagesEn } from './action-messages-en';
import { playlistMessagesEn } from './playlist-messages-en';

/**
 * Every UI string, in English. `messages-ar.ts` must provide the same keys
 * (the type below enforces it). Functions take already-formatted numbers and
 * times so word order stays in the translator's hands.
 */
export const en = {
  appName: 'Ops Console',
  skipToBoard: 'Skip to board',
  language: 'Language',
  signIn: {
    title: 'Sign in',
    hubUrl: 'Hub URL',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    profiles: 'Saved profiles',
    continueAs: (name: string, hub: string) => `Continue as ${name} on ${hub}`,
    useProfile: (name: string) => `Use ${name}`,
    hostHub: 'Host a hub on this PC',
    hostHubHint: 'Starts a hub on this computer with demo data and signs you in to it.',
    hostHubFailed: (message: string) => `Could not start the hub: ${message}`,
    failed: (message: string) => `Sign-in failed: ${message}`,
    signOut: 'Sign out',
  },
  tenants: {
    title: 'Choose a restaurant group',
    none: 'This account has no restaurant groups. Ask an administrator to grant you one.',
    notGranted: (tenant: string) => `You do not have access to the group “${tenant}”.`,
    switch: 'Groups',
  },
  boards: {
    overview: 'Overview',
    orders: 'Orders / Kitchen',
    floor: 'Floor',
    payments: 'Payments',
    inventory: 'Inventory',
    feed: 'Feed',
  } satisfies Record<BoardKind, string>,
  boardTabs: 'Boards',
  openInNewWindow: 'Open in new window',
  openInNewWindowFailed: (message: string) => `Could not open a window: ${message}`,
  link: {
    live: 'Live',
    reconnecting: 'Reconnecting',
    attempt: (attempt: string) => `attempt ${attempt}`,
    nextTry: (seconds: string) => `next try in ${seconds} s`,
    tryingNow: 'trying now',
    offline: 'Offline',
    authRequired: 'Sign-in needed',
    unknown: 'Connecting to host…',
    lastUpdate: (time: string) => `Last update ${time}`,
    noUpdate: 'No updates yet',
    lag: (ms: string) => `lag ${ms} ms`,
    /** The board's history does not reach back to the start of the day (BoardState.totalsSince). */
    totalsSince: (time: string) => `Totals since ${time}`,
    signInAgain: 'Sign in again',
    /** Skips the wait before the next reconnect attempt. */
    retryNow: 'Retry now',
    /** The link is live again but the board still shows its old data until the hub's answer arrives. */
    catchingUp: 'Reconnected, catching up',
  },
  freshness: {
    staleBanner: (state: string, time: string, age: string) =>
      `${state} — showing data from ${time}, ${age}`,
    resyncing: 'Resyncing — a fresh snapshot is on its way; figures may jump.',
    loading: 'Loading board…',
    rejected: (message: string) => `Board problem: ${message}`,
    /** The wall-clock time beside the data's time while a board is not live. */
    clock: (time: string) => `time now ${time}`,
  },
  age: {
    justNow: 'just now',
    seconds: (n: string) => `${n} s ago`,
    minutes: (n: string) => `${n} min ago`,
    hours: (n: string) => `${n} h ago`,
  },
  kpi: {
    ordersToday: 'Orders today',
    revenue: 'Revenue today',
    openOrders: 'Open orders',
    occupancy: 'Table occupancy',
    failedPayments: 'Failed payments, 15 min',
    waitlist: 'Waitlist',
    ofTotal: (failed: string, total: string) => `${failed} of ${total}`,
    tables: (occupied: string, known: string, plural: Intl.LDMLPluralRule) =>
      `${occupied} of ${known} ${plural === 'one' ? 'table' : 'tables'} seen`,
    /** Against the tables the tenant directory configures. */
    tablesOf: (occupied: string, total: string, plural: Intl.LDMLPluralRule) =>
      `${occupied} of ${total} ${plural === 'one' ? 'table' : 'tables'}`,
    parties: 'parties waiting',
    trend: 'Trend, last 2 hours',
    changed: 'updated',
    byLocation: 'By location',
    location: 'Location',
    noLocation: 'Unassigned',
    avgTicket: (minutes: string) => `avg ticket ${minutes} min`,
    someFailures: 'Some failures',
    highFailures: 'High failure rate',
    longWait: 'Long wait',
    outOfStock: (n: string) => `${n} out of stock`,
  },
  orders: {
    lanes: {
      placed: 'Placed',
      accepted: 'Accepted',
      preparing: 'Preparing',
      ready: 'Ready',
    } satisfies Record<OpenOrderStatus, string>,
    empty: 'No tickets',
    onTime: 'On time',
    late: 'Late',
    overdue: 'Overdue',
    waiting: 'waiting',
    more: (n: string) => `+${n} more`,
    showMore: (n: string) => `Show ${n} more`,
    items: (n: string) => `${n} items`,
    /** Between the items of a ticket on one line. */
    itemSeparator: ', ',
    channel: { dine_in: 'Dine-in', takeaway: 'Takeaway', delivery: 'Delivery', unknown: 'Unknown' },
    count: (n: string) => `${n} tickets`,
    stale: 'Stale',
    /** In place of "On time" while the link is not live: the age is frozen, so no judgement is made. */
    notLive: 'Not live',
    /** Open orders past the detailed rail, summarised (BoardState.olderOpenOrders). */
    older: (n: string, oldest: string) => `+${n} older open orders, oldest waiting ${oldest}`,
    /** The collapsed group of tickets with no status change for the stale threshold. */
    staleGroup: (n: string) => `Stale (${n})`,
    staleHint: (silent: string) =>
      `No update for ${silent} or more: their closing event may be lost.`,
    /** Read by screen readers before an item's note. */
    note: 'Note:',
  },
  alerts: {
    /** The banner's label before the newest critical alert. */
    critical: 'Critical',
    /** Where and when: "Hamra · 4 min ago". */
    where: (location: string, age: string) => `${location} · ${age}`,
    more: (n: string) => `+${n} more`,
    bannerLabel: 'Critical alerts',
    tileTitle: 'Active alerts, last 30 min',
    notificationTitle: (group: string) => `Critical alert · ${group}`,
    notificationBody: (message: string, location: string) => `${message} (${location})`,
  },
  floor: {
    occupied: 'Occupied',
    free: 'Free',
    covers: (n: string, plural: Intl.LDMLPluralRule) =>
      `${n} ${plural === 'one' ? 'cover' : 'covers'}`,
    /** Put before the ticking m:ss of a seated table. */
    since: 'for',
    noTables: 'No tables reported yet.',
    summary: (occupied: string, known: string, plural: Intl.LDMLPluralRule) =>
      `${occupied} occupied of ${known} ${plural === 'one' ? 'table' : 'tables'} seen`,
    seenHint: 'Only tables that have been seated or cleared since the board started are shown.',
    /** Against the tables the tenant directory configures. */
    summaryOf: (occupied: string, total: string, plural: Intl.LDMLPluralRule) =>
      `${occupied} occupied of ${total} ${plural === 'one' ? 'table' : 'tables'}`,
    /** Tables events mention that the tenant directory does not list. */
    unknownCount: (n: string) => `${n} not in the directory`,
    unknown: 'Not in the directory',
    /** Heading of the group of tables the tenant directory does not list. */
    unknownArea: 'Not in the directory',
    /** After an area's name (e.g. "Terrace"): its occupancy. */
    areaSummary: (occupied: string, total: string) => `${occupied} of ${total} occupied`,
    /** Tables of an area configured only as a count, not yet named by any event. */
    unnamed: (n: string, plural: Intl.LDMLPluralRule) =>
      `+${n} ${plural === 'one' ? 'table' : 'tables'} without an id yet`,
  },
  payments: {
    location: 'Location',
    method: 'Payment method',
    all: 'All',
    status: {
      authorized: 'Authorized',
      captured: 'Captured',
      failed: 'Failed',
      refunded: 'Refunded',
    } satisfies Record<PaymentStatus, string>,
    methods: {
      card: 'Card',
      cash: 'Cash',
      wallet: 'Wallet',
      apple_pay: 'Apple Pay',
      google_pay: 'Google Pay',
      bank_transfer: 'Bank transfer',
      voucher: 'Voucher',
      gift_card: 'Gift card',
      cod: 'Cash on delivery',
      online: 'Online',
    } as Record<string, string>,
    empty: 'No payments match these filters.',
    window: (failed: string, total: string, rate: string) =>
      `Last 15 min: ${failed} failed of ${total} (${rate})`,
    showing: (shown: string, total: string) => `Showing ${shown} of ${total} recent payments`,
    time: 'Time',
    amount: 'Amount',
    statusHeader: 'Status',
    order: 'Order',
    recentFailures: 'Recent failures',
    noFailures: 'No failures among the recent payments.',
    latest: 'Latest payments',
    none: 'No payments yet.',
  },
  inventory: {
    title: 'Low stock',
    item: 'Item',
    qty: 'On hand',
    threshold: 'Threshold',
    out: 'Out of stock',
    low: 'Low',
    allGood: 'All stock is above its threshold.',
    left: (qty: string) => `${qty} left`,
    minimum: (threshold: string) => `minimum ${threshold}`,
  },
  feed: {
    title: 'Latest events',
    empty: 'No events yet.',
    filters: 'Filter events',
    filterType: 'Type',
    filterLocation: 'Location',
    filterSeverity: 'Severity',
    all: 'All',
    noMatch: 'No recent events match these filters.',
    types: {
      'order.placed': 'Order placed',
      'order.status': 'Order status',
      'table.seated': 'Table seated',
      'table.cleared': 'Table cleared',
      'payment.status': 'Payment',
      'inventory.level': 'Stock level',
      'queue.length': 'Queue length',
      metric: 'Metric',
      alert: 'Alert',
      'alert.acknowledged': 'Alert acknowledged',
      'alert.resolved': 'Alert resolved',
      'order.bumped': 'Ticket bumped',
      'order.recalled': 'Ticket recalled',
      'order.cleared': 'Ticket cleared',
    } as Record<string, string>,
    fields: {
      orderId: 'Order',
      channel: 'Channel',
      total: 'Total',
      currency: 'Currency',
      tableId: 'Table',
      covers: 'Covers',
      status: 'Status',
      paymentId: 'Payment',
      method: 'Method',
      amount: 'Amount',
      reason: 'Reason',
      sku: 'SKU',
      name: 'Name',
      qty: 'Qty',
      threshold: 'Threshold',
      unit: 'Unit',
      queue: 'Queue',
      length: 'Length',
      value: 'Value',
      severity: 'Severity',
      message: 'Message',
    } as Record<string, string>,
    orderStatus: {
      placed: 'Placed',
      accepted: 'Accepted',
      preparing: 'Preparing',
      ready: 'Ready',
      served: 'Served',
      cancelled: 'Cancelled',
    } as Record<string, string>,
    queues: { waitlist: 'Waitlist', kitchen: 'Kitchen', drive_thru: 'Drive-thru' } as Record<
      string,
      string
    >,
    severities: { info: 'Info', warning: 'Warning', critical: 'Critical' } as Record<
      string,
      string
    >,
  },
  wall: {
    enter: 'Wall mode',
    exitHint: 'Hold anywhere for 2 s or press Ctrl+Shift+W to leave wall mode.',
    playlist: (board: string, next: string) => `${board} · next: ${next}`,
    /** How old the board's data is, e.g. "updated 3 s ago" (the age comes from `age`). */
    updated: (age: string) => `updated ${age}`,
  },
  host: {
    fixture: (reason: string) => `Demo data: the real host is not available (${reason}).`,
  },
  actions: actionMessagesEn,
  playlists: playlistMessagesEn,
  settings: {
    title: 'Settings',
    open: 'Settings',
    back: 'Back to the console',
    wallTitle: 'Wall displays',
    textSize: 'Text size on the wall',
    textSizeHint: 'Larger type for screens read from across the room. Applies to wall mode only.',
    textSizes: { normal: 'Normal', large: 'Large', xlarge: 'Extra large' } as Record<
      'normal' | 'large' | 'xlarge',
      string
    >,
    alertsTitle: 'Critical alerts',
    notify: 'Show a desktop notification',
    notifyHint: 'The system shows it even while the console is minimised.',
    sound: 'Play a short sound',
    soundOnWall: 'Also play the sound on wall displays',
    soundHint: 'A soft two-tone beep when a new critical alert arrives.',
  },
  updates: {
    title: 'Updates',
    version: (version: string) => `Version ${version}`,
    channel: (channel: string) => `Channel: ${channel}`,
    channels: { stable: 'Stable', beta: 'Beta' } as Record<'stable' | 'beta', string>,
    managed: 'Set by your IT policy.',
    reasons: {
      browser: 'The browser console is updated together with its hub.',
      development: 'Updates are off in a development build.',
      'policy-off': 'Updates are turned off by your IT policy. IT installs new versions.',
      'policy-broken': 'Updates are off because your IT policy file could not be used.',
      'no-feed': 'No update server is configured for this build.',
      current: 'Ops Console is up to date.',
      staged: 'A newer version is being rolled out gradually; this PC gets it later.',
      'per-machine': 'This PC was installed for all users, so IT installs updates.',
      'per-user': 'Updates are checked automatically.',
      'feed-error': 'Could not check for updates.',
    } as Record<UpdateReason, string>,
    checking: 'Checking for updates…',
    downloading: (version: string, percent: string) =>
      `Downloading version ${version}… ${percent}%`,
    ready: (version: string) => `Version ${version} is ready. Restart to install it.`,
    availableForIt: (version: string) =>
      `Version ${version} is available. This PC was installed for all users, so IT installs it.`,
    lastChecked: (time: string) => `Last checked at ${time}`,
    checkNow: 'Check now',
    restart: 'Restart to update',
    policyProblem: (reason: string) =>
      `Your IT policy file could not be used, so the most restrictive settings apply: ${reason}`,
    statusReady: (version: string) => `Update ${version} ready: restart to install`,
  },
};

export type Messages = typeof en;
