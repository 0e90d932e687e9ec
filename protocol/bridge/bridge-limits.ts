import { z } from 'zod';

/**
 * The one set of limits for everything that crosses the host bridge, whichever
 * transport carries it (Electron IPC or the browser's link-worker port). Every
 * string from the renderer is bounded so a hostile or broken page cannot hand
 * its host megabytes; every bound here is the only copy of that number.
 */

/**
 * Longest password the bridge carries. The hub's token endpoint refuses longer
 * ones (`tokenRequestSchema` in protocol/http-api.ts), so a longer password
 * could never sign in; refusing it at the bridge says so before any network use.
 */
export const PASSWORD_MAX_LENGTH = 1024;

/** Longest username; the hub's token endpoint has the same bound. */
export const USERNAME_MAX_LENGTH = 128;

/** Longest display name a person may give a profile. */
export const DISPLAY_NAME_MAX_LENGTH = 128;

/**
 * Longest opaque id (profile ids, IPC subscription ids). The browser host's
 * profile id is `<origin>#<username>`, so this leaves room for a long origin
 * next to the longest username.
 */
export const ID_MAX_LENGTH = 512;

/** Longest hub URL; browsers and proxies commonly cap URLs near 2 KB. */
export const URL_MAX_LENGTH = 2048;

/** Longest human-readable text (error messages, link reasons, names shown in lists). */
export const TEXT_MAX_LENGTH = 2000;

/** Longest error code; codes are short snake_case words. */
export const CODE_MAX_LENGTH = 100;

/** An opaque, bounded id. */
export const bridgeIdSchema = z.string().min(1).max(ID_MAX_LENGTH);

/** Bounded text shown to a person. */
export const bridgeTextSchema = z.string().max(TEXT_MAX_LENGTH);

/**
 * The one URL rule for a hub: http or https, bounded, and without a user name
 * or password in it (a credential in a URL ends up in logs and history).
 */
export const hubUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(URL_MAX_LENGTH)
  // protocol/ has no URL global (it builds without DOM or Node types): user info is whatever precedes an `@` in the authority.
  .refine(
    (url) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url),
    'the hub URL must not carry a user name or password',
  );
