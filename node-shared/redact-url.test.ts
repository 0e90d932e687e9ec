import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['redis://:s3cret-pw@127.0.0.1:6379', 'redis://:***@127.0.0.1:6379'],
    [
      'rediss://app-user:s3cret-pw@redis.internal:6380/2',
      'rediss://app-user:***@redis.internal:6380/2',
    ],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['https://hub.example/v1/ws?access_token=eyJ.s3cret.sig#frag', 'https://hub.example/v1/ws'],
    ['https://ghp_s3cret@github.com/org/repo', 'https://***@github.com/org/repo'],
    ['app://console/index.html?x=1', 'app://console/index.html'],
  ])('redacts %s to %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('answers text that is not a URL with a placeholder, never the text itself', () => {
    expect(redactUrl('redis//:s3cret@host')).toBe('(invalid URL)');
    expect(redactUrl('')).toBe('(invalid URL)');
  });
});
