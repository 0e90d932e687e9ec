import { createInterface } from 'node:readline';

/**
 * Reads a password: the first line of stdin when stdin is not a TTY (scripts,
 * no confirmation), otherwise an interactive prompt on stderr with echo off and
 * a confirmation. Passwords never come from argv.
 * @throws Error when stdin ends without a line or the two entries differ.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await hiddenPrompt(prompt);
  const second = await hiddenPrompt('Repeat the password: ');
  if (first !== second) throw new Error('the two passwords differ; nothing was changed');
  return first;
}

function firstLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line.replace(/\r$/, ''));
    });
    rl.once('close', () => {
      if (!done) reject(new Error('expected the password on the first line of stdin'));
    });
  });
}

function hiddenPrompt(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f') value = value.slice(0, -1);
        else value += char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
