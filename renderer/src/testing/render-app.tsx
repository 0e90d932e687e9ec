import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { App } from '../app/app';
import { AppStoresProvider, createAppStores, type AppStores } from '../app/app-stores';
import { checkedBoardUpdates } from '../host/host-bridge-context';
import {
  createFixtureHost,
  FIXTURE_NOW,
  type FixtureHost,
  type FixtureHostOptions,
} from '../fixtures/fixture-host';
import { createManualFrameScheduler } from '../stores/frame-scheduler';
import { memoryStorage } from './memory-storage';

/**
 * Test harness: the real App (or any tree) over the fixture host, with fake
 * timers pinned to FIXTURE_NOW, hand-stepped animation frames and a private
 * localStorage. `settle()` lets host promises resolve and runs pending frames.
 */

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.location.hash = '';
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
  document.documentElement.className = '';
});

export interface Harness extends RenderResult {
  host: FixtureHost;
  stores: AppStores;
  frames: ReturnType<typeof createManualFrameScheduler>;
  settle(): Promise<void>;
  /** Advances fake time, then settles. */
  advance(ms: number): Promise<void>;
}

export interface HarnessOptions extends FixtureHostOptions {
  hash?: string;
  storage?: Storage;
  ui?: (stores: AppStores) => ReactNode;
}

export async function renderApp(options: HarnessOptions = {}): Promise<Harness> {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(FIXTURE_NOW);
  window.location.hash = options.hash ?? '';
  const now = () => Date.now();
  const host = createFixtureHost({ now, ...options });
  const frames = createManualFrameScheduler();
  // As from Electron main: board updates pass the renderer's one entry check.
  const stores = createAppStores(checkedBoardUpdates(host), {
    scheduler: frames,
    storage: options.storage ?? memoryStorage(),
    now,
  });
  const result = render(
    <AppStoresProvider stores={stores}>
      {options.ui ? options.ui(stores) : <App />}
    </AppStoresProvider>,
  );
  const settle = async () => {
    for (let round = 0; round < 6; round += 1) {
      await act(async () => {
        await Promise.resolve();
        frames.runFrame();
      });
    }
  };
  const advance = async (ms: number) => {
    await act(async () => {
      vi.advanceTimersByTime(ms);
    });
    await settle();
  };
  await settle();
  return { ...result, host, stores, frames, settle, advance };
}
