import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_TENANTS } from '../fixtures/fixture-host';
import { renderApp } from '../testing/render-app';

async function signIn(app: Awaited<ReturnType<typeof renderApp>>, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'manager' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await app.settle();
}

describe('sign-in', () => {
  it('in the browser host hides the hub URL, signs in to the page origin, and a single tenant opens its Overview', async () => {
    const app = await renderApp({ signedIn: false, grantedTenants: ['cedar-group'] });
    expect(screen.queryByLabelText('Hub URL')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Host a hub on this PC' })).toBeNull();
    await signIn(app, 'secret');
    expect(app.host.control.signInCalls).toEqual([
      { hubUrl: window.location.origin, username: 'manager' },
    ]);
    expect(window.location.hash).toBe('#/t/cedar-group/overview');
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Cedar Group' })).toBeTruthy();
  });

  it('shows the host’s error and clears the password after a failed sign-in', async () => {
    const app = await renderApp({ signedIn: false });
    await signIn(app, 'wrong');
    expect(screen.getByRole('alert').textContent).toContain('Wrong username or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('in a desktop host asks for the hub URL and offers to host a hub when it can', async () => {
    await renderApp({ signedIn: false, appInfo: { host: 'electron', canHostHub: true } });
    expect(screen.getByLabelText('Hub URL')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Host a hub on this PC' })).toBeTruthy();
  });

  it('with several tenants shows the picker, and refuses a tenant the token does not grant', async () => {
    await renderApp({ grantedTenants: FIXTURE_TENANTS.map((tenant) => tenant.id) });
    expect(screen.getByRole('heading', { name: 'Choose a restaurant group' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /مجموعة الأرز|Harbor Eats/ })).toHaveLength(2);
  });

  it('does not show a tenant outside the grant even when its URL is typed', async () => {
    const app = await renderApp({
      grantedTenants: ['cedar-group'],
      hash: '#/t/harbor-eats/payments',
    });
    expect(screen.getByRole('alert').textContent).toContain(
      'You do not have access to the group “harbor-eats”.',
    );
    expect(app.host.control.subscriberCount('harbor-eats')).toBe(0);
  });
});
