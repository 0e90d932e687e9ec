import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UUID } from 'builder-util-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, RESTRICTIVE_POLICY, type LoadedPolicy } from '../policy/managed-policy';
import { stagingFraction } from './update-decision';
import { planUpdates, type UpdatePlan } from './update-plan';
import { UpdateService, type UpdateInstaller } from './update-service';

/**
 * The update decision against a real HTTP server serving channel files the
 * way a generic feed does: given a policy, an install kind and a feed answer,
 * what the app does, and that an `off` plan never sends a request.
 */

let server: Server;
let baseUrl: string;
const files = new Map<string, string>();
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = files.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  files.clear();
  requests.length = 0;
});

/** A channel file as electron-builder writes it. */
function channelFile(version: string, stagingPercentage?: number): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Ops-Console-${version}-x86_64.AppImage`,
    '    sha512: c2hhNTEyLW9mLXRoZS1maWxl',
    '    size: 123456',
    `path: Ops-Console-${version}-x86_64.AppImage`,
    'sha512: c2hhNTEyLW9mLXRoZS1maWxl',
    "releaseDate: '2026-11-20T10:00:00.000Z'",
    ...(stagingPercentage === undefined ? [] : [`stagingPercentage: ${stagingPercentage}`]),
    '',
  ].join('\n');
}

/** A UUID whose staging fraction is about `fraction`. */
function idAt(fraction: number): string {
  const tail = Math.floor(fraction * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `0b6c2b2e-7d1c-4f3a-9c55-1234${tail}`;
}

interface Harness {
  service: UpdateService;
  downloads: string[];
  restarts: number;
  logs: string[];
}

function harness(plan: UpdatePlan, options: { id?: string; installFails?: boolean } = {}): Harness {
  const result: Harness = { service: undefined as never, downloads: [], restarts: 0, logs: [] };
  const installer: UpdateInstaller = {
    async download(_plan, version, onProgress) {
      result.downloads.push(version);
      onProgress(50);
      if (options.installFails) throw new Error('sha512 checksum mismatch');
    },
    restartAndInstall() {
      result.restarts += 1;
    },
  };
  result.service = new UpdateService({
    plan,
    currentVersion: '1.2.0',
    platform: 'linux',
    arch: 'x64',
    stagingId: async () => options.id ?? idAt(0.5),
    installer,
    log: (level, message) => result.logs.push(`${level}: ${message}`),
    now: () => 1_000,
  });
  return result;
}

function loaded(policy: LoadedPolicy['policy'], source: LoadedPolicy['source'] = 'file') {
  return { policy, source };
}

const perUser = (extra: Partial<Parameters<typeof planUpdates>[0]> = {}) =>
  planUpdates({
    loaded: loaded(DEFAULT_POLICY, 'defaults'),
    installKind: 'per-user',
    builtFeedUrl: baseUrl,
    builtChannel: 'stable',
    ...extra,
  });

describe('update decision against a real feed', () => {
  it('downloads a newer stable version on a per-user install and is then ready to restart', async () => {
    files.set('/feed/latest-linux.yml', channelFile('1.3.0'));
    const h = harness(perUser());
    const seen: string[] = [];
    h.service.onStatus((status) => seen.push(status.state));
    const status = await h.service.check();
    expect(requests).toEqual(['/feed/latest-linux.yml']);
    expect(h.downloads).toEqual(['1.3.0']);
    expect(status).toMatchObject({ state: 'ready', availableVersion: '1.3.0', installBy: 'app' });
    expect(seen).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(h.service.restartToUpdate()).toEqual({ ok: true, value: undefined });
    expect(h.restarts).toBe(1);
  });

  it('never downloads on a per-machine install: it reports the version and leaves the install to IT', async () => {
    files.set('/feed/latest-linux.yml', channelFile('1.3.0'));
    const h = harness(perUser({ installKind: 'per-machine' }));
    const status = await h.service.check();
    expect(status).toMatchObject({
      state: 'available',
      reason: 'per-machine',
      installBy: 'it',
      availableVersion: '1.3.0',
    });
    expect(h.downloads).toEqual([]);
    expect(h.service.restartToUpdate().ok).toBe(false);
    expect(h.restarts).toBe(0);
  });

  it('stays on the current version when the feed has nothing newer', async () => {
    files.set('/feed/latest-linux.yml', channelFile('1.2.0'));
    const h = harness(perUser());
    expect(await h.service.check()).toMatchObject({ state: 'up-to-date', reason: 'current' });
    expect(h.downloads).toEqual([]);
  });

  it('follows a staged rollout: a PC outside the percentage waits, one inside downloads', async () => {
    files.set('/feed/latest-linux.yml', channelFile('1.3.0', 20));
    const outside = harness(perUser(), { id: idAt(0.9) });
    expect(await outside.service.check()).toMatchObject({ state: 'up-to-date', reason: 'staged' });
    expect(outside.downloads).toEqual([]);
    const inside = harness(perUser(), { id: idAt(0.1) });
    expect(await inside.service.check()).toMatchObject({ state: 'ready' });
    expect(inside.downloads).toEqual(['1.3.0']);
  });

  it('reads the beta channel file when policy pins beta, from the feed policy pins', async () => {
    files.set('/feed/beta-linux.yml', channelFile('1.3.0-beta.2'));
    const plan = planUpdates({
      loaded: loaded({
        ...DEFAULT_POLICY,
        updates: { enabled: true, channel: 'beta', feedUrl: baseUrl },
      }),
      installKind: 'per-user',
      builtFeedUrl: 'https://updates.invalid/ops-console/',
      builtChannel: 'stable',
      userChannel: 'stable',
    });
    expect(plan).toMatchObject({ kind: 'check', channel: 'beta', feedUrl: baseUrl, managed: true });
    const h = harness(plan);
    expect(await h.service.check()).toMatchObject({
      state: 'ready',
      availableVersion: '1.3.0-beta.2',
    });
    expect(requests).toEqual(['/feed/beta-linux.yml']);
  });

  it('never contacts the feed when policy turns updates off, when the policy file is broken, or in development', async () => {
    files.set('/feed/latest-linux.yml', channelFile('9.0.0'));
    const plans = [
      perUser({ loaded: loaded({ ...DEFAULT_POLICY, updates: { enabled: false } }) }),
      perUser({ loaded: loaded(RESTRICTIVE_POLICY, 'restricted') }),
      perUser({ installKind: 'development' }),
      perUser({ builtFeedUrl: undefined }),
    ];
    expect(plans.map((plan) => (plan.kind === 'off' ? plan.reason : plan.kind))).toEqual([
      'policy-off',
      'policy-broken',
      'development',
      'no-feed',
    ]);
    for (const plan of plans) {
      const h = harness(plan);
      h.service.start(10);
      expect((await h.service.check()).state).toBe('off');
      h.service.stop();
      expect(h.downloads).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });

  it('reports a missing channel file, bad YAML and a non-channel document as errors without throwing', async () => {
    const h404 = harness(perUser());
    expect(await h404.service.check()).toMatchObject({
      state: 'error',
      reason: 'feed-error',
      error: { code: 'feed_unreachable' },
    });
    files.set('/feed/latest-linux.yml', 'version: [1.3.0\n');
    expect(await harness(perUser()).service.check()).toMatchObject({
      error: { code: 'feed_invalid' },
    });
    files.set('/feed/latest-linux.yml', 'version: banana\nfiles: []\n');
    const bad = await harness(perUser()).service.check();
    expect(bad.error?.message).toMatch(/version.*semver/);
  });

  it('reports an unreachable feed as an error', async () => {
    const plan = perUser({ builtFeedUrl: 'http://127.0.0.1:9/feed/' });
    expect(await harness(plan).service.check()).toMatchObject({
      state: 'error',
      error: { code: 'feed_unreachable' },
    });
  });

  it('reports a failed download and stays usable', async () => {
    files.set('/feed/latest-linux.yml', channelFile('1.3.0'));
    const h = harness(perUser(), { installFails: true });
    expect(await h.service.check()).toMatchObject({
      state: 'error',
      error: { code: 'download_failed', message: 'sha512 checksum mismatch' },
    });
  });
});

describe('stagingFraction', () => {
  it("agrees with electron-updater's own isStagingMatch arithmetic", () => {
    for (const id of [idAt(0), idAt(0.25), idAt(0.999), '6f1b6a52-8c1e-4d0a-9a57-0b7f3c1d2e41']) {
      expect(stagingFraction(id)).toBe(UUID.parse(id).readUInt32BE(12) / 0xffffffff);
    }
    expect(() => stagingFraction('not-a-uuid')).toThrow(TypeError);
  });
});
