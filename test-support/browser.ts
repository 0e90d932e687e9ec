import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, for e2e tests. Each call gets a
 * fresh user-data-dir (so IndexedDB, SharedWorkers and storage start empty) that
 * is removed on `close()` and on process exit.
 *
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * ...
 * await browser.close();
 * ```
 */

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface LaunchChromiumOptions {
  /** Path of the binary; default `CHROMIUM_BIN` or `/usr/bin/chromium`. */
  executablePath?: string;
  viewport?: { width: number; height: number };
  /** BCP 47 locale of the browser, default `en-US`. */
  locale?: string;
  timezoneId?: string;
}

export interface TestBrowser {
  readonly context: BrowserContext;
  readonly userDataDir: string;
  /** Opens a tab; console errors and warnings are collected in `consoleLines`. */
  newPage(): Promise<Page>;
  /** Every console message of every page, as `type: text`, for failure reports. */
  readonly consoleLines: string[];
  /** Closes Chromium and removes the user-data-dir. Idempotent. */
  close(): Promise<void>;
}

const dirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // playwright kills the browsers it launched on exit; the dirs are ours to remove.
  process.on('exit', () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Launches Chromium with a fresh profile. @throws when the binary is missing or does not start. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<TestBrowser> {
  installExitHook();
  const executablePath = options.executablePath ?? process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}; install it (apt-get install chromium) or set CHROMIUM_BIN`,
    );
  const userDataDir = mkdtempSync(join(tmpdir(), 'ops-chromium-'));
  dirs.add(userDataDir);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: options.locale ?? 'en-US',
      timezoneId: options.timezoneId ?? 'UTC',
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    dirs.delete(userDataDir);
    throw error;
  }
  const consoleLines: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        consoleLines.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  let closed = false;
  const handedOut = new Set<Page>();
  return {
    context,
    userDataDir,
    consoleLines,
    async newPage() {
      // A persistent context opens with one blank tab; hand that out first.
      const page =
        context
          .pages()
          .find((candidate) => !handedOut.has(candidate) && candidate.url() === 'about:blank') ??
        (await context.newPage());
      handedOut.add(page);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      dirs.delete(userDataDir);
    },
  };
}
