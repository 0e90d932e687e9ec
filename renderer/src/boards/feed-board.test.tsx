import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../protocol/board/board-state';
import { intlLocaleOf } from '../i18n/locale';
import { ar } from '../i18n/messages-ar';
import { en } from '../i18n/messages-en';
import { feedFields, feedTypeLabel } from './feed-fields';

const queue: FeedEntry = {
  seq: 1,
  ts: 0,
  type: 'queue.length',
  id: 'e1',
  location: 'beirut-downtown',
  fields: { queue: 'waitlist', length: 0 },
};
const payment: FeedEntry = {
  seq: 2,
  ts: 0,
  type: 'payment.status',
  id: 'e2',
  location: 'byblos',
  fields: {
    paymentId: 'p-1',
    method: 'apple_pay',
    amount: 90_000,
    currency: 'LBP',
    status: 'failed',
    reason: 'card declined',
  },
};

function Row({ entry }: { entry: FeedEntry }) {
  return (
    <p data-testid="row">
      {feedFields(entry, ar, intlLocaleOf('ar')).map((field) => (
        <span key={field.key} className="feed__field">
          {field.label}: <bdi>{field.value}</bdi>
        </span>
      ))}
    </p>
  );
}

describe('feed fields', () => {
  it('translate event types and field labels, and localise known values, in Arabic', () => {
    expect(feedTypeLabel('queue.length', ar)).toBe('طول الطابور');
    expect(feedTypeLabel('x-pos.shift_closed', ar)).toBe('x-pos.shift_closed');
    expect(feedFields(queue, ar, intlLocaleOf('ar'))).toEqual([
      { key: 'queue', label: 'الطابور', value: 'قائمة الانتظار' },
      { key: 'length', label: 'الطول', value: '0' },
    ]);
  });

  it('fold the currency into money, map payment methods and statuses to words', () => {
    const fields = feedFields(payment, en, intlLocaleOf('en'));
    expect(fields.map((field) => field.key)).not.toContain('currency');
    expect(fields.find((field) => field.key === 'amount')).toMatchObject({
      label: 'Amount',
      value: expect.stringMatching(/^LBP\s90,000$/),
    });
    expect(fields).toContainEqual({ key: 'method', label: 'Method', value: 'Apple Pay' });
    expect(fields).toContainEqual({ key: 'status', label: 'Status', value: 'Failed' });
  });

  it('isolate every value in its own <bdi>, so mixed-direction values cannot run together', () => {
    render(<Row entry={payment} />);
    const values = [...screen.getByTestId('row').querySelectorAll('bdi')].map(
      (node) => node.textContent,
    );
    expect(values).toContain('card declined');
    expect(values).toContain('p-1');
    expect(values).toHaveLength(feedFields(payment, ar, intlLocaleOf('ar')).length);
  });
});
