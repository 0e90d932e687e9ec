import { describe, expect, it } from 'vitest';
import { SubscriptionRegistry } from './subscription-registry';

describe('SubscriptionRegistry', () => {
  function setup() {
    const released: string[] = [];
    const errors: string[] = [];
    const registry = new SubscriptionRegistry<number>((_error, id) => errors.push(id));
    const track = (name: string) => () => released.push(name);
    return { registry, released, errors, track };
  }

  it('releases one subscription on remove, and reports a second remove as not held', () => {
    const { registry, released, track } = setup();
    registry.add(1, 's1', track('a'));
    expect(registry.remove(1, 's1')).toBe(true);
    expect(registry.remove(1, 's1')).toBe(false);
    expect(released).toEqual(['a']);
  });

  it('does not let one window remove another window’s subscription', () => {
    const { registry, released, track } = setup();
    registry.add(1, 's1', track('a'));
    expect(registry.remove(2, 's1')).toBe(false);
    expect(released).toEqual([]);
  });

  it('releases every subscription of a window that goes away, and only those', () => {
    const { registry, released, track } = setup();
    registry.add(1, 's1', track('a'));
    registry.add(1, 's2', track('b'));
    registry.add(2, 's1', track('c'));
    expect(registry.removeOwner(1)).toBe(2);
    expect(released.sort()).toEqual(['a', 'b']);
    expect(registry.count(1)).toBe(0);
    expect(registry.count(2)).toBe(1);
  });

  it('releases the older subscription when an id is reused', () => {
    const { registry, released, track } = setup();
    registry.add(1, 's1', track('old'));
    registry.add(1, 's1', track('new'));
    expect(released).toEqual(['old']);
    expect(registry.count(1)).toBe(1);
  });

  it('keeps releasing the others when one release throws', () => {
    const { registry, released, errors, track } = setup();
    registry.add(1, 'bad', () => {
      throw new Error('boom');
    });
    registry.add(1, 'good', track('good'));
    expect(registry.removeOwner(1)).toBe(2);
    expect(released).toEqual(['good']);
    expect(errors).toEqual(['bad']);
  });
});
