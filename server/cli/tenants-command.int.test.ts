import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { connectTestClient } from '../../test-support/ws-test-client';

describe('ops-hub tenants against a running hub on its data dir', () => {
  let hub: HubProcess;

  beforeAll(async () => {
    hub = await startHubProcess();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('adds a tenant and a location that an open client then sees, and shows and lists them', async () => {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['harbor-eats'] }),
    });
    try {
      client.send({ type: 'subscribe', tenant: 'harbor-eats' });
      await client.waitFor((f) => f.type === 'snapshot');
      const add = hub.runCli([
        'tenants',
        'add',
        'harbor-eats',
        '--name',
        'Harbor Eats',
        '--time-zone',
        'Asia/Dubai',
        '--currency',
        'AED',
        '--locales',
        'en,ar',
      ]);
      expect(add).toMatchObject({ status: 0, stdout: 'added tenant harbor-eats (Harbor Eats)\n' });
      const location = hub.runCli([
        'tenants',
        'locations',
        'add',
        'harbor-eats',
        'jbr-walk',
        '--name',
        'JBR Walk',
        '--localized-name',
        'ar=ممشى جي بي آر',
        '--area',
        'Indoor=T1,T2',
        '--area',
        'Terrace=6',
        '--late',
        '15',
        '--overdue',
        '25',
        '--stale',
        '50',
      ]);
      expect(location.status).toBe(0);
      const live = await client.waitFor(
        (f) => f.type === 'snapshot' && JSON.stringify(f.state).includes('ممشى جي بي آر'),
        { timeoutMs: 10_000 },
      );
      expect(live).toMatchObject({
        state: {
          timeZone: 'Asia/Dubai',
          currency: 'AED',
          directory: {
            locations: [
              {
                id: 'jbr-walk',
                displayName: 'JBR Walk',
                areas: [
                  { name: 'Indoor', tables: ['T1', 'T2'] },
                  { name: 'Terrace', tables: 6 },
                ],
                thresholds: { lateAfterMin: 15, overdueAfterMin: 25, staleAfterMin: 50 },
              },
            ],
          },
        },
      });
      const show = hub.runCli(['tenants', 'show', 'harbor-eats', '--json']);
      expect(JSON.parse(show.stdout)).toMatchObject({ id: 'harbor-eats', revision: 2 });
      expect(hub.runCli(['tenants', 'list']).stdout).toMatch(
        /^harbor-eats\tHarbor Eats\tAsia\/Dubai\tAED/,
      );
    } finally {
      await client.close();
    }
  });

  it('refuses bad fields and flags with the rule and a non-zero status, and changes nothing', () => {
    expect(
      hub.runCli(['tenants', 'add', 'cedar-group', '--name', 'C', '--currency', 'lira']),
    ).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('currency must be an ISO 4217 code'),
    });
    expect(hub.runCli(['tenants', 'add', 'Cedar Group', '--name', 'C']).status).toBe(2);
    expect(hub.runCli(['tenants', 'set', 'nobody', '--name', 'N'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('not in the directory'),
    });
    expect(
      hub.runCli([
        'tenants',
        'locations',
        'add',
        'harbor-eats',
        'x',
        '--name',
        'X',
        '--area',
        'nonsense',
      ]),
    ).toMatchObject({ status: 1, stderr: expect.stringContaining('NAME=COUNT') });
    expect(
      hub.runCli(['tenants', 'locations', 'set', 'harbor-eats', 'jbr-walk', '--late', '60']),
    ).toMatchObject({ status: 2, stderr: expect.stringContaining('must be ordered') });
    expect(hub.runCli(['tenants', 'list', '--json']).stdout).not.toContain('cedar-group');
  });
});
