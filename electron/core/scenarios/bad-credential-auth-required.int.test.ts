import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../../test-support/hub-process';
import { recordLink, waitFor } from '../../../test-support/link-recorder';

describe('bad credential', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess();
    await hub.addUser('ops', 'correct horse battery', { tenants: ['cedar-group'], scope: 'read' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('goes to auth_required and does not retry', async () => {
    const rec = recordLink({
      hubUrl: hub.url,
      username: 'ops',
      password: 'wrong password',
      tenant: 'cedar-group',
    });
    try {
      rec.link.start();
      await waitFor('auth_required', () => rec.link.status().state === 'auth_required');
      // Long enough for several backoff rounds, had there been any.
      await new Promise((r) => setTimeout(r, 5000));
    } finally {
      rec.link.stop();
    }
    expect(rec.tokenRequests()).toBe(1);
    expect(rec.states()).toEqual(['connecting', 'auth_required', 'stopped']);
    expect(rec.seen.error.map((e) => e.code)).toEqual(['unauthorized']);
  });
});
