/** Strings of the playlist editor (Settings) and the wall's playlist messages, in English. */
export const playlistMessagesEn = {
  title: 'Wall playlists',
  intro:
    'A playlist shows boards one after the other on a wall display, and can mix restaurant groups.',
  none: 'No playlists yet.',
  create: 'New playlist',
  defaultName: (n: number) => `Playlist ${n}`,
  name: 'Name',
  interval: 'Seconds per board',
  intervalHint: (min: number, max: number) => `From ${min} to ${max} seconds.`,
  steps: 'Boards in order',
  noSteps: 'Add at least one board.',
  addStep: 'Add',
  group: 'Restaurant group',
  board: 'Board',
  moveUp: (label: string) => `Move ${label} up`,
  moveDown: (label: string) => `Move ${label} down`,
  removeStep: (label: string) => `Remove ${label}`,
  stepLabel: (group: string, board: string) => `${group} · ${board}`,
  save: 'Save',
  saved: 'Saved.',
  delete: 'Delete',
  edit: 'Edit',
  cancel: 'Cancel',
  openHere: 'Open on this screen',
  openWindow: 'Open in a new window',
  openFailed: (message: string) => `Could not open the window: ${message}`,
  managed: 'Set by your IT department',
  summary: (steps: number, seconds: number) =>
    `${steps} ${steps === 1 ? 'board' : 'boards'}, ${seconds} s each`,
  nameTaken: (name: string) => `A playlist named "${name}" already exists.`,
  invalid: (reason: string) => `This playlist cannot be saved: ${reason}`,
  /** On the wall, when the URL's playlist is refused (the reason comes from the schema, in English). */
  refused: (reason: string) => `This wall's playlist was refused, so it does not rotate: ${reason}`,
  notFound: (name: string) =>
    `No playlist named "${name}" on this device. Create it in Settings, or check the name in the URL.`,
};
