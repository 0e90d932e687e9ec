import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private D-Bus session bus, optionally with gnome-keyring's Secret Service on
 * it, for keychain tests. Nothing touches the developer's real keyring: HOME and
 * XDG dirs point into a temp folder. Pass `env` to child processes (or set
 * DBUS_SESSION_BUS_ADDRESS before the first keytar call in-process).
 *
 * ```ts
 * const keyring = await startKeyring();                    // bus + unlocked keyring
 * const bare = await startKeyring({ secretService: false }); // bus, no Secret Service
 * await keyring.stop();
 * ```
 */
export interface TestKeyring {
  /** DBUS_SESSION_BUS_ADDRESS plus HOME/XDG dirs in the temp folder. */
  readonly env: Record<string, string>;
  readonly home: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): Promise<void> {
  running.add(child);
  return new Promise((resolve) => child.once('exit', () => (running.delete(child), resolve())));
}

async function readAddress(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`dbus-daemon printed no address within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dbus-daemon exited (${code}) before printing its address`));
    });
  });
}

function secretServiceUp(env: Record<string, string>): boolean {
  const result = spawnSync(
    'dbus-send',
    [
      '--session',
      '--dest=org.freedesktop.DBus',
      '--type=method_call',
      '--print-reply',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 5000 },
  );
  return result.status === 0 && /boolean true/.test(result.stdout);
}

/** Starts the bus (and keyring). @throws when a daemon does not come up, with what it printed. */
export async function startKeyring(
  options: { secretService?: boolean } = {},
): Promise<TestKeyring> {
  const home = mkdtempSync(join(tmpdir(), 'ops-keyring-'));
  const baseEnv: Record<string, string> = {
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_RUNTIME_DIR: home,
  };
  // A minimal session bus with no service directories: nothing is D-Bus-activated,
  // so "no Secret Service" really means none (the stock config would autostart gnome-keyring).
  const config = join(home, 'session.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${home}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    env: { ...process.env, ...baseEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const busExit = track(bus);
  const children: Array<{ child: ChildProcess; exit: Promise<void> }> = [
    { child: bus, exit: busExit },
  ];
  const stop = async () => {
    for (const { child } of children.reverse())
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => c.exit));
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const address = await readAddress(bus, 10_000);
    const env = { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: address };
    if (options.secretService !== false) {
      const keyring = spawn(
        'gnome-keyring-daemon',
        ['--foreground', '--unlock', '--components=secrets'],
        { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let stderr = '';
      keyring.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      children.push({ child: keyring, exit: track(keyring) });
      keyring.stdin?.end('test-keyring-password');
      const deadline = Date.now() + 10_000;
      while (!secretServiceUp(env)) {
        if (Date.now() > deadline)
          throw new Error(
            `gnome-keyring did not register org.freedesktop.secrets within 10 s:\n${stderr}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { env, home, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
