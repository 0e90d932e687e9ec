import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../protocol/bridge/update-status';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { PREFS_STORAGE_KEY } from '../stores/prefs-store';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp } from '../testing/render-app';

const ready: UpdateStatus = {
  state: 'ready',
  reason: 'per-user',
  currentVersion: '1.2.0',
  availableVersion: '1.3.0',
  channel: 'stable',
  installBy: 'app',
  percent: 100,
  checkedAt: FIXTURE_NOW,
};

describe('settings: updates', () => {
  it('shows a downloaded update with a restart button, and one status-bar line saying it is ready', async () => {
    const app = await renderApp({ hash: '#/settings', update: ready });
    expect(screen.getByRole('heading', { name: 'Updates' })).toBeTruthy();
    expect(screen.getByText('Version 1.3.0 is ready. Restart to install it.')).toBeTruthy();
    expect(screen.getByText('Channel: Stable')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restart to update' }));
    await app.settle();
    expect(app.host.control.restartToUpdateCalls).toBe(1);
    const line = document.querySelectorAll('.status-bar [data-update-state="ready"]');
    expect(line).toHaveLength(1);
    expect(line[0]?.textContent).toBe('Update 1.3.0 ready: restart to install');
  });

  it('leaves a per-machine install to IT: no restart button and no status-bar line', async () => {
    await renderApp({
      hash: '#/settings',
      update: { ...ready, state: 'available', reason: 'per-machine', installBy: 'it' },
    });
    expect(screen.getByText(/Version 1\.3\.0 is available\. .*IT installs it\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();
    expect(document.querySelector('.status-bar [data-update-state="ready"]')).toBeNull();
  });

  it('says why updates are off when the policy file is broken, and offers no check', async () => {
    await renderApp({
      hash: '#/settings',
      update: {
        state: 'off',
        reason: 'policy-broken',
        currentVersion: '1.2.0',
        managed: true,
        policyProblem: 'it is not valid JSON (Unexpected end of JSON input)',
      },
    });
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
    expect(
      screen.getByText(/Updates are off because your IT policy file could not be used/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
  });

  it('follows pushed state changes from the host, from checking to ready', async () => {
    const app = await renderApp({
      hash: '#/settings',
      update: { state: 'idle', reason: 'per-user', currentVersion: '1.2.0', installBy: 'app' },
    });
    expect(screen.getByRole('button', { name: 'Check now' })).toBeTruthy();
    act(() => app.host.control.emitUpdate({ ...ready, state: 'downloading', percent: 40 }));
    expect(screen.getByText('Downloading version 1.3.0… 40%')).toBeTruthy();
    act(() => app.host.control.emitUpdate(ready));
    expect(screen.getByRole('button', { name: 'Restart to update' })).toBeTruthy();
  });

  it('shows the browser console as updated with its hub', async () => {
    await renderApp({ hash: '#/settings' });
    expect(screen.getByText('The browser console is updated together with its hub.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
  });

  it('speaks Arabic when the console does', async () => {
    await renderApp({
      hash: '#/settings',
      update: ready,
      storage: memoryStorage({ [PREFS_STORAGE_KEY]: JSON.stringify({ locale: 'ar' }) }),
    });
    expect(screen.getByRole('heading', { name: 'التحديثات' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'أعد التشغيل للتحديث' })).toBeTruthy();
    expect(document.querySelector('.status-bar [data-update-state="ready"]')?.textContent).toBe(
      'التحديث 1.3.0 جاهز: أعد التشغيل لتثبيته',
    );
  });
});
