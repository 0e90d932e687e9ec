import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';

/** Why no password was read. */
export type PasswordInputFailure = 'no_input' | 'empty' | 'cancelled' | 'mismatch';

/** No password was read; `message` says what happened and that nothing was changed. */
export class PasswordInputError extends Error {
  override readonly name = 'PasswordInputError';
  constructor(
    readonly code: PasswordInputFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The stream a password is read from: stdin, or a test's PassThrough. */
export interface PasswordInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  /** Present on a TTY; turns echo and line editing off. */
  setRawMode?(mode: boolean): unknown;
}

/** Options of {@link readPassword}. */
export interface ReadPasswordOptions {
  /** On a TTY, ask a second time with this prompt and reject when the entries differ. */
  confirmPrompt?: string;
  input?: PasswordInput;
  /** Where prompts go; default stderr, as stdout belongs to the command's output. */
  output?: NodeJS.WritableStream;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/**
 * Reads a password, never from argv:
 * - input not a TTY (`--password-stdin`, scripts): the first line; a final newline is
 *   optional, so `printf %s "$PW" | cmd` works. No prompt, no confirmation.
 * - a TTY: `prompt` on `output` with echo off; Enter ends the entry, Backspace edits it.
 * @throws PasswordInputError `cancelled` on Ctrl-C; `no_input` on Ctrl-D or end of input
 *   before Enter (a half-typed password is never returned); `empty` for an empty line;
 *   `mismatch` when the confirmation differs.
 */
export async function readPassword(
  prompt: string,
  options: ReadPasswordOptions = {},
): Promise<string> {
  const input: PasswordInput = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  if (!isTerminal(input)) return nonEmpty(await firstLine(input));
  const first = nonEmpty(await hiddenLine(prompt, input, output));
  if (options.confirmPrompt === undefined) return first;
  const second = await hiddenLine(options.confirmPrompt, input, output);
  if (first !== second)
    throw new PasswordInputError('mismatch', 'the two passwords differ; nothing was changed');
  return first;
}

type TerminalInput = PasswordInput & { setRawMode(mode: boolean): unknown };

function isTerminal(input: PasswordInput): input is TerminalInput {
  return input.isTTY === true && typeof input.setRawMode === 'function';
}

function nonEmpty(password: string): string {
  if (password === '')
    throw new PasswordInputError('empty', 'the password is empty; nothing was changed');
  return password;
}

function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      input.off('error', onError);
      lines.close();
      outcome();
    };
    const onError = (error: Error) => settle(() => reject(error));
    lines.once('line', (line) => settle(() => resolve(line.replace(/\r$/, ''))));
    lines.once('close', () =>
      settle(() =>
        reject(
          new PasswordInputError(
            'no_input',
            'expected the password on the first line of stdin; got nothing',
          ),
        ),
      ),
    );
    input.once('error', onError);
  });
}

function hiddenLine(
  prompt: string,
  input: TerminalInput,
  output: NodeJS.WritableStream,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let value = '';
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      for (let i = 0; i < text.length; i++) {
        const char = text[i] as string;
        if (char === '\r' || char === '\n') {
          // Type-ahead (the confirmation pasted with the password) goes back for the next read.
          const rest = text.slice(char === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1);
          // Unshift only once finish has paused the stream: into a flowing one it re-enters onData.
          return finish(() => {
            if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
            resolve(value);
          });
        }
        if (char === CTRL_C)
          return finish(() =>
            reject(new PasswordInputError('cancelled', 'cancelled (Ctrl-C); nothing was changed')),
          );
        if (char === CTRL_D) return onEnd();
        // Array.from splits by code point, so Backspace never leaves half of an emoji behind.
        if (BACKSPACES.has(char)) value = Array.from(value).slice(0, -1).join('');
        else value += char;
      }
    };
    const onEnd = () =>
      finish(() =>
        reject(
          new PasswordInputError(
            'no_input',
            'input ended before Enter; no password was read, nothing was changed',
          ),
        ),
      );
    const onError = (error: Error) => finish(() => reject(error));
    output.write(prompt);
    input.setRawMode(true);
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}
