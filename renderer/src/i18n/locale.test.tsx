import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { revenueToday } from '../../../protocol/board/board-selectors';
import { formatMoney } from '../format/number-format';
import { renderApp } from '../testing/render-app';
import { intlLocaleOf } from './locale';

describe('locale', () => {
  it('formats LBP with no minor digits and USD with two, in both languages', () => {
    expect(formatMoney(1_350_000, 'LBP', intlLocaleOf('en'))).toMatch(/^LBP\s1,350,000$/);
    expect(formatMoney(1_350_000, 'LBP', intlLocaleOf('ar'))).toMatch(/^\u200F?1,350,000\s?ل\.ل\.\u200F?$/);
    expect(formatMoney(1250, 'USD', intlLocaleOf('en'))).toMatch(/^US\$12\.50$/);
    expect(formatMoney(1250, 'AED', intlLocaleOf('en'))).toMatch(/^AED\s12\.50$/);
  });

  it('switching to Arabic sets dir=rtl and lang=ar, translates the UI and formats the tenant currency', async () => {
    const app = await renderApp({ hash: '#/t/cedar-grill/overview' });
    expect(document.documentElement.dir).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    await app.settle();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('tab', { name: 'نظرة عامة' }).getAttribute('aria-selected')).toBe('true');
    const state = app.stores.boards.storeFor('cedar-grill').getState().state!;
    const revenue = screen.getByRole('region', { name: 'إيرادات اليوم' }).querySelector('.kpi__value')?.textContent ?? '';
    expect(revenue).toBe(formatMoney(revenueToday(state).amount, 'LBP', intlLocaleOf('ar')));
    expect(revenue).toContain('ل.ل.');
    expect(revenue).not.toMatch(/[.٫]\d{2}\D*$/);
    // The link state attribute stays stable whatever the language.
    expect(screen.getByRole('status').getAttribute('data-link-state')).toBe('live');
    expect(screen.getByRole('status').textContent).toContain('مباشر');
    expect(app.stores.prefs.getState().locale).toBe('ar');
  });
});
