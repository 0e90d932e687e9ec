import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]),
  );
}

describe('contentSecurityPolicy', () => {
  it('forbids remote origins, inline script, eval, plugins and framing when packaged', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe|https?:|ws:/);
  });

  it('allows only the given dev server (and its HMR socket) in development', () => {
    const csp = directives(contentSecurityPolicy('http://localhost:5173'));
    expect(csp.get('connect-src')).toBe("'self' http://localhost:5173 ws://localhost:5173");
    expect(csp.get('script-src')).toContain('http://localhost:5173');
    expect(csp.get('default-src')).toBe("'none'");
  });
});
