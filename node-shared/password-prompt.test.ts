import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PasswordInputError, readPassword, type PasswordInput } from './password-prompt';

/** A real stream standing in for a terminal: raw-mode switches are recorded. */
function fakeTty(): PassThrough & PasswordInput & { rawModes: boolean[] } {
  const tty = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  return Object.assign(tty, {
    setRawMode(mode: boolean) {
      tty.rawModes.push(mode);
      return tty;
    },
  });
}

function outputSink(): { output: PassThrough; text: () => string } {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { output, text: () => chunks.join('') };
}

async function failure(promise: Promise<unknown>): Promise<PasswordInputError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PasswordInputError);
  return error as PasswordInputError;
}

describe('password from a pipe (--password-stdin)', () => {
  it('reads the first line, without its line ending, and prompts nothing', async () => {
    const input = new PassThrough();
    const { output, text } = outputSink();
    const read = readPassword('Password: ', { input, output });
    input.end('correct horse battery\r\nsecond line\n');
    await expect(read).resolves.toBe('correct horse battery');
    expect(text()).toBe('');
  });

  it('accepts the password when the input ends without a newline, as printf %s writes it', async () => {
    const input = new PassThrough();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    input.end('no-newline-pw');
    await expect(read).resolves.toBe('no-newline-pw');
  });

  it('rejects input that ends before any line with no_input', async () => {
    const input = new PassThrough();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    input.end();
    const error = await failure(read);
    expect(error.code).toBe('no_input');
    expect(error.message).toMatch(/first line of stdin/);
  });

  it('rejects an empty first line with empty, never returning an empty password', async () => {
    const input = new PassThrough();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    input.end('\nlater-line\n');
    expect((await failure(read)).code).toBe('empty');
  });
});

describe('password from a terminal', () => {
  it('prompts, turns echo off while typing, applies backspace and restores the terminal on Enter', async () => {
    const input = fakeTty();
    const { output, text } = outputSink();
    const read = readPassword('Password: ', { input, output });
    input.write('hunter');
    input.write('x\u007f2😀\u007f\r');
    await expect(read).resolves.toBe('hunter2');
    expect(input.rawModes).toEqual([true, false]);
    expect(text()).toBe('Password: \n');
    expect(input.isPaused()).toBe(true);
  });

  it('keeps a character whose bytes arrive in two chunks whole', async () => {
    const input = fakeTty();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    const euro = Buffer.from('€', 'utf8');
    input.write(Buffer.concat([Buffer.from('pw'), euro.subarray(0, 1)]));
    input.write(Buffer.concat([euro.subarray(1), Buffer.from('\n')]));
    await expect(read).resolves.toBe('pw€');
  });

  it('aborts on Ctrl-C with cancelled and restores the terminal', async () => {
    const input = fakeTty();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    input.write('half\u0003');
    const error = await failure(read);
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/Ctrl-C/);
    expect(input.rawModes).toEqual([true, false]);
  });

  it.each([
    ['Ctrl-D before Enter', (tty: PassThrough) => tty.write('half-typed\u0004')],
    ['the end of input before Enter', (tty: PassThrough) => tty.end('half-typed')],
  ])(
    'rejects %s with no_input instead of returning the half-typed password',
    async (_label, stop) => {
      const input = fakeTty();
      const read = readPassword('Password: ', { input, output: new PassThrough() });
      stop(input);
      const error = await failure(read);
      expect(error.code).toBe('no_input');
      expect(error.message).toMatch(/before Enter/);
      expect(input.rawModes).toEqual([true, false]);
    },
  );

  it('rejects an empty entry with empty', async () => {
    const input = fakeTty();
    const read = readPassword('Password: ', { input, output: new PassThrough() });
    input.write('\r');
    expect((await failure(read)).code).toBe('empty');
  });

  it('asks twice when a confirmation is wanted and returns the password when both match', async () => {
    const input = fakeTty();
    const { output, text } = outputSink();
    const read = readPassword('Password: ', { input, output, confirmPrompt: 'Repeat: ' });
    input.write('same-pw\r');
    await new Promise((resolve) => setImmediate(resolve));
    input.write('same-pw\r');
    await expect(read).resolves.toBe('same-pw');
    expect(text()).toBe('Password: \nRepeat: \n');
  });

  it('keeps the confirmation typed ahead in the same chunk as the password', async () => {
    const input = fakeTty();
    const read = readPassword('Password: ', {
      input,
      output: new PassThrough(),
      confirmPrompt: 'Repeat: ',
    });
    input.write('ahead-pw\r\nahead-pw\r');
    await expect(read).resolves.toBe('ahead-pw');
  });

  it('rejects with mismatch when the confirmation differs', async () => {
    const input = fakeTty();
    const read = readPassword('Password: ', {
      input,
      output: new PassThrough(),
      confirmPrompt: 'Repeat: ',
    });
    input.write('first-pw\r');
    await new Promise((resolve) => setImmediate(resolve));
    input.write('other-pw\r');
    const error = await failure(read);
    expect(error.code).toBe('mismatch');
    expect(error.message).toMatch(/differ; nothing was changed/);
  });
});
