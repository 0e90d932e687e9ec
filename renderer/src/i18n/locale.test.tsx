import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { revenueToday } from '../../../protocol/board/board-selectors';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { formatMoney, formatNumber } from '../format/number-format';
import { PREFS_STORAGE_KEY } from '../stores/prefs-store';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp } from '../testing/render-app';
import { intlLocaleOf } from './locale';
import { ar } from './messages-ar';

describe('locale', () => {
  it('formats LBP with no minor digits and USD with two, in both languages', () => {
    expect(formatMoney(1_350_000, 'LBP', intlLocaleOf('en'))).toMatch(/^LBP\s1,350,000$/);
    expect(formatMoney(1_350_000, 'LBP', intlLocaleOf('ar'))).toMatch(
      /^\u200F?1,350,000\s?ل\.ل\.\u200F?$/,
    );
    expect(formatMoney(1250, 'USD', intlLocaleOf('en'))).toMatch(/^US\$12\.50$/);
    expect(formatMoney(1250, 'AED', intlLocaleOf('en'))).toMatch(/^AED\s12\.50$/);
  });

  it('switching to Arabic sets dir=rtl and lang=ar, translates the UI and formats the tenant currency', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview' });
    expect(document.documentElement.dir).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    await app.settle();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('tab', { name: 'نظرة عامة' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    const revenue =
      screen.getByRole('region', { name: 'إيرادات اليوم' }).querySelector('.kpi__value')
        ?.textContent ?? '';
    expect(revenue).toBe(formatMoney(revenueToday(state).amount, 'LBP', intlLocaleOf('ar')));
    expect(revenue).toContain('ل.ل.');
    expect(revenue).not.toMatch(/[.٫]\d{2}\D*$/);
    // The link state attribute stays stable whatever the language.
    expect(screen.getByRole('status').getAttribute('data-link-state')).toBe('live');
    expect(screen.getByRole('status').textContent).toContain('مباشر');
    expect(app.stores.prefs.getState().locale).toBe('ar');
  });
});

describe('Arabic numbers', () => {
  it('no Arabic string carries Arabic-Indic digits, since Intl formats every number in Latin digits (nu-latn)', () => {
    const texts: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value === 'string') texts.push(value);
      else if (typeof value === 'function')
        texts.push(String((value as (...args: string[]) => unknown)('7', '8', '9')));
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(ar);
    expect(texts.filter((text) => /[\u0660-\u0669\u06F0-\u06F9]/.test(text))).toEqual([]);
    expect(formatNumber(15, intlLocaleOf('ar'))).toBe('15');
  });

  it('the Payments board in Arabic names apple_pay as Apple Pay, never the raw id', async () => {
    const app = await renderApp({
      hash: '#/t/cedar-group/payments',
      storage: memoryStorage({ [PREFS_STORAGE_KEY]: JSON.stringify({ locale: 'ar' }) }),
    });
    const state = app.stores.boards.storeFor('cedar-group').getState().state!;
    app.host.control.emitBoard({
      kind: 'events',
      tenant: 'cedar-group',
      events: [
        {
          seq: state.seq + 1,
          ts: FIXTURE_NOW,
          event: {
            type: 'payment.status',
            id: 'ap-1',
            location: 'beirut-downtown',
            data: {
              paymentId: 'ap-1',
              method: 'apple_pay',
              amount: 90_000,
              currency: 'LBP',
              status: 'captured',
            },
          },
        },
      ],
    });
    await app.advance(0);
    expect(document.body.textContent).toContain('Apple Pay');
    expect(document.body.textContent).not.toContain('apple_pay');
    const windowLine = document.querySelector('.payments__window');
    expect(windowLine?.firstElementChild?.getAttribute('data-icon')).toBeTruthy();
    expect(windowLine?.textContent).toMatch(/^\s*آخر 15 دقيقة/);
  });
});
