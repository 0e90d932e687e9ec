import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

const TENANTS = ['t-alpha', 't-bravo', 't-charlie', 't-delta'];

const scenario = fc.record({
  clients: fc.array(
    fc.record({
      granted: fc.subarray(TENANTS),
      subscribe: fc.subarray(TENANTS, { minLength: 1 }),
      filtered: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  events: fc.array(
    fc.record({ tenant: fc.constantFrom(...TENANTS), location: fc.constantFrom('north', 'south') }),
    { maxLength: 30 },
  ),
});

describe.each(BACKPLANES)('tenant isolation (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  let publish: string;
  let run = 0;

  beforeAll(async () => {
    setup = await hubOn(kind);
    hub = setup.hub;
    publish = await hub.mintToken({ tenants: TENANTS, scope: 'publish' });
  });
  afterAll(async () => setup?.stop());

  async function post(tenant: string, location: string, marker: string): Promise<number> {
    const answer = await postJson(
      hub.url + ingestPath(tenant),
      { type: 'x-test.marked', location, data: { owner: tenant, marker } },
      { Authorization: `Bearer ${publish}` },
    );
    if (answer.status !== 200) throw new Error(`ingest failed: ${JSON.stringify(answer.body)}`);
    return (answer.body as { lastSeq: number }).lastSeq;
  }

  it('never lets a frame of a tenant reach a connection whose token does not hold it', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ clients, events }) => {
        run += 1;
        const connected: Array<{ client: TestClient; granted: string[]; subscribe: string[] }> = [];
        try {
          for (const spec of clients) {
            const client = await connectTestClient(hub.wsUrl, {
              token: await hub.mintToken({ tenants: spec.granted }),
            });
            for (const tenant of spec.subscribe)
              client.send({
                type: 'subscribe',
                tenant,
                ...(spec.filtered ? { filter: { locations: ['north'] } } : {}),
              });
            connected.push({ client, granted: spec.granted, subscribe: spec.subscribe });
          }
          // Every subscribe has been answered (snapshot or forbidden) before events flow.
          for (const { client, subscribe } of connected) {
            for (const tenant of subscribe)
              await client.waitFor(
                (f) => (f.type === 'snapshot' || f.type === 'error') && f.tenant === tenant,
              );
          }
          for (const event of events) await post(event.tenant, event.location, `run${run}`);
          const sentinels = new Map<string, number>();
          for (const tenant of TENANTS)
            sentinels.set(tenant, await post(tenant, 'north', `sentinel${run}`));
          for (const { client, granted, subscribe } of connected) {
            for (const tenant of subscribe) {
              if (granted.includes(tenant))
                await client.waitFor(
                  (f) =>
                    f.type === 'event' && f.tenant === tenant && f.seq === sentinels.get(tenant),
                );
            }
          }
          for (const { client, granted, subscribe } of connected) {
            for (const frame of client.frames) {
              if ('tenant' in frame && frame.tenant !== undefined && frame.type !== 'error')
                expect(granted).toContain(frame.tenant);
              if (frame.type === 'event') expect(frame.event.data.owner).toBe(frame.tenant);
              if (frame.type === 'snapshot') {
                const state = JSON.stringify(frame.state);
                for (const other of TENANTS)
                  if (other !== frame.tenant) expect(state).not.toContain(other);
              }
            }
            for (const tenant of subscribe.filter((t) => !granted.includes(t))) {
              expect(
                client.frames.some(
                  (f) => f.type === 'error' && f.code === 'forbidden' && f.tenant === tenant,
                ),
              ).toBe(true);
            }
            expect(client.invalid).toEqual([]);
          }
        } finally {
          await Promise.all(connected.map(({ client }) => client.close()));
        }
      }),
      { numRuns: 25 },
    );
  });
});
