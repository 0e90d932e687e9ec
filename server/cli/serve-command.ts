import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopAndExit } from '../runtime/exit-on-stop';
import { startHubRuntime } from '../runtime/hub-runtime';
import { configFromFlags } from '../runtime/runtime-config';

export interface ServeOptions {
  demo?: boolean;
  [flag: string]: unknown;
}

/**
 * `ops-hub serve`: starts the hub (server/runtime/hub-runtime.ts) and keeps it
 * running until SIGTERM or SIGINT, then shuts down gracefully within
 * HUB_SHUTDOWN_TIMEOUT and exits.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const config = configFromFlags(process.env, options);
  const print = (text: string) => void process.stdout.write(text);
  const runtime = await startHubRuntime(config, { demo: Boolean(options.demo), print });
  print(consoleHint(runtime.url, runtime.config.consoleDir));
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => stopAndExit(runtime, signal));
}

/** Tells a new user where the browser console is, or how to build it. */
function consoleHint(hubUrl: string, consoleDir: string): string {
  const url = `${hubUrl}/console/`;
  return existsSync(join(consoleDir, 'index.html'))
    ? `browser console: ${url}\n`
    : `browser console: not built yet; run \`npm run build:renderer\` (or \`npm run console\`) to serve it at ${url}\n`;
}
