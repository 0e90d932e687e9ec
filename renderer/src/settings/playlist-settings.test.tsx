import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NamedPlaylist } from '../../../protocol/playlist';
import { PREFS_STORAGE_KEY } from '../stores/prefs-store';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp } from '../testing/render-app';

function shown(): { tenant: string | null; board: string | null } {
  const match = /^#\/t\/([^/]+)\/([a-z]+)/.exec(window.location.hash);
  return {
    tenant: match?.[1] ?? null,
    board: document.querySelector('main')?.getAttribute('data-board') ?? null,
  };
}

function addStep(group: string, board: string): void {
  fireEvent.change(screen.getByLabelText('Restaurant group'), { target: { value: group } });
  fireEvent.change(screen.getByLabelText('Board'), { target: { value: board } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

const itPlaylist: NamedPlaylist = {
  name: 'Lobby TV',
  steps: [
    { tenant: 'harbor-eats', board: 'payments' },
    { tenant: 'cedar-group', board: 'floor' },
  ],
  intervalSec: 20,
};

describe('settings: wall playlists', () => {
  it('creates a playlist across two restaurant groups, saves it, and it rotates across them on the wall', async () => {
    const storage = memoryStorage();
    const app = await renderApp({ hash: '#/settings', storage });
    fireEvent.click(screen.getByRole('button', { name: 'New playlist' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Evening wall' } });
    fireEvent.change(screen.getByLabelText('Seconds per board'), { target: { value: '15' } });
    addStep('cedar-group', 'orders');
    addStep('harbor-eats', 'overview');
    addStep('cedar-group', 'feed');
    // Reorder: the feed goes before Harbor Eats' overview.
    fireEvent.click(screen.getByRole('button', { name: /^Move .*Feed up$/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await app.settle();
    expect(screen.getByText('Saved.')).toBeTruthy();
    const saved = JSON.parse(storage.getItem(PREFS_STORAGE_KEY) ?? '{}') as {
      playlists: NamedPlaylist[];
    };
    expect(saved.playlists).toEqual([
      {
        name: 'Evening wall',
        intervalSec: 15,
        steps: [
          { tenant: 'cedar-group', board: 'orders' },
          { tenant: 'cedar-group', board: 'feed' },
          { tenant: 'harbor-eats', board: 'overview' },
        ],
      },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Open on this screen' }));
    await app.settle();
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'orders' });
    expect(document.documentElement.classList.contains('wall')).toBe(true);
    await app.advance(14_000);
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'orders' });
    await app.advance(1_000);
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'feed' });
    await app.advance(15_000);
    expect(shown()).toEqual({ tenant: 'harbor-eats', board: 'overview' });
    expect(document.querySelector('.wall-header')?.textContent).toContain('Harbor Eats');
    await app.advance(15_000);
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'orders' });
    // Two screens and five board renders: under a loaded CI box this outlasts the default 5 s.
  }, 30_000);

  it('refuses an interval below 5 s with a message and saves nothing', async () => {
    const storage = memoryStorage();
    const app = await renderApp({ hash: '#/settings', storage });
    fireEvent.click(screen.getByRole('button', { name: 'New playlist' }));
    fireEvent.change(screen.getByLabelText('Seconds per board'), { target: { value: '4' } });
    addStep('cedar-group', 'orders');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await app.settle();
    expect(screen.getByRole('alert').textContent).toContain('at least 5 s');
    expect(app.stores.prefs.getState().playlists).toEqual([]);
  });

  it('renames and deletes a saved playlist', async () => {
    const storage = memoryStorage({
      [PREFS_STORAGE_KEY]: JSON.stringify({ playlists: [{ ...itPlaylist, name: 'Old' }] }),
    });
    const app = await renderApp({ hash: '#/settings', storage });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'New' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await app.settle();
    expect(app.stores.prefs.getState().playlists.map((p) => p.name)).toEqual(['New']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete New' }));
    await app.settle();
    expect(app.stores.prefs.getState().playlists).toEqual([]);
    expect(screen.getByText('No playlists yet.')).toBeTruthy();
  });

  it("shows IT's playlists read-only, and opens one in a new kiosk window across tenants through the bridge", async () => {
    const app = await renderApp({
      hash: '#/settings',
      appInfo: { canOpenWindows: true, managedPlaylists: [itPlaylist] },
    });
    const list = screen.getByRole('list', { name: 'Set by your IT department' });
    expect(within(list).getByText('Lobby TV')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(list).queryByRole('button', { name: /Delete/ })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Open in a new window' }));
    await app.settle();
    expect(app.host.control.openedWindows).toEqual([
      {
        tenant: 'harbor-eats',
        board: 'payments',
        options: { mode: 'kiosk', playlist: { steps: itPlaylist.steps, intervalSec: 20 } },
      },
    ]);
  });

  it("opens IT's playlist by name from #/wall?playlist=<name> and rotates it across tenants", async () => {
    const app = await renderApp({
      hash: '#/wall?playlist=Lobby%20TV',
      appInfo: { managedPlaylists: [itPlaylist] },
    });
    await app.settle();
    expect(shown()).toEqual({ tenant: 'harbor-eats', board: 'payments' });
    await app.advance(20_000);
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'floor' });
    // Two tenants' boards render: under a loaded CI box this outlasts the default 5 s.
  }, 30_000);

  it('says on screen that a wall playlist name is unknown', async () => {
    await renderApp({ hash: '#/wall?playlist=Nope' });
    expect(screen.getByRole('alert').textContent).toContain('No playlist named "Nope"');
  });

  it('shows on the wall why a URL playlist with interval=3 was refused, and does not rotate', async () => {
    const app = await renderApp({
      hash: '#/t/cedar-group/orders?wall=1&playlist=orders,payments&interval=3',
    });
    expect(screen.getByRole('alert').textContent).toContain('at least 5 s');
    await app.advance(60_000);
    expect(shown()).toEqual({ tenant: 'cedar-group', board: 'orders' });
  });
});
