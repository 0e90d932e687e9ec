import type { DemoLocation } from './demo-tenants';
import { secondsBetween } from './seeded-random';
import type { DemoStep, SimOrder } from './tenant-simulation-state';

/** Longest waitlist a location reports; guests beyond it walk away. */
const MAX_WAITLIST = 25;
/** Seconds a served table stays occupied before it is cleared, as [min, max]. */
const CLEAR_AFTER_S = [20, 90] as const;

/**
 * Seats a dine-in party at a free table of `location` (`table.seated`), or puts it
 * on the waitlist when every table is taken.
 * @returns the table id, or undefined when the party waits.
 */
export function seatParty(
  { sim, now, emit }: DemoStep,
  location: DemoLocation,
): string | undefined {
  const occupied = sim.occupied.get(location.id) as Set<string>;
  if (occupied.size >= location.tables) {
    sim.waitlist.set(location.id, Math.min(MAX_WAITLIST, (sim.waitlist.get(location.id) ?? 0) + 1));
    return undefined;
  }
  let tableId: string;
  do tableId = `T${1 + Math.floor(sim.random() * location.tables)}`;
  while (occupied.has(tableId));
  occupied.add(tableId);
  emit({
    type: 'table.seated',
    location: location.id,
    ts: now,
    data: { tableId, covers: 1 + Math.floor(sim.random() * 6) },
  });
  return tableId;
}

/** Schedules the table of a finished order to be cleared a little later. */
export function releaseTable({ sim, now }: DemoStep, order: SimOrder): void {
  if (!order.tableId) return;
  sim.clearAt.push({
    location: order.location.id,
    tableId: order.tableId,
    at: now + secondsBetween(sim.random, CLEAR_AFTER_S),
  });
}

/** Clears the tables that are due (`table.cleared`); each frees a place on the waitlist. */
export function clearTables({ sim, now, emit }: DemoStep): void {
  const due = sim.clearAt.filter((c) => c.at <= now);
  sim.clearAt = sim.clearAt.filter((c) => c.at > now);
  for (const { location, tableId } of due) {
    sim.occupied.get(location)?.delete(tableId);
    emit({ type: 'table.cleared', location, data: { tableId } });
    const waiting = sim.waitlist.get(location) ?? 0;
    if (waiting > 0) sim.waitlist.set(location, waiting - 1);
  }
}
