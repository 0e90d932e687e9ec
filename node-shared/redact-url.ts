/**
 * A URL fit for a log line or an error message: scheme, host, port and path are
 * kept; the password becomes `***`; the query and fragment are dropped, as they
 * may carry `access_token` or other credentials. A user name alone
 * (`https://ghp_abc@host`) is itself often a token, so it becomes `***` too; a
 * user name beside a password (a Redis ACL user) is kept, as it names the account.
 * Never throws: text that is not a URL comes back as `(invalid URL)`.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Echoing unparsable text could leak whatever secret made it unparsable.
    return '(invalid URL)';
  }
  let auth = '';
  if (parsed.password) auth = `${parsed.username}:***@`;
  else if (parsed.username) auth = '***@';
  return `${parsed.protocol}//${auth}${parsed.host}${parsed.pathname}`;
}
