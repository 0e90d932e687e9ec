import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Feeds the real project config (eslint.config.js) one import at a time, as if
 * written in a file of a given layer, and reads what the layering rule says.
 * The files need not exist: lintText only uses the path to pick the config.
 */
const ROOT = resolve(import.meta.dirname, '..');
const RULE = 'layers/layer-imports';
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // The first lint loads the config, the plugins and the TypeScript parser:
  // seconds on a loaded machine, so it is paid here rather than in one probe.
  await eslint.lintText('', { filePath: resolve(ROOT, 'protocol/warm-up.ts') });
}, 60_000);

/** The layering messages for `code` written at project path `file`. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  expect(result, `no lint result for ${file}`).toBeDefined();
  const fatal = result!.messages.filter((message) => message.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result!.messages.filter((message) => message.ruleId === RULE).map((m) => m.message);
}

/** [sentence, file, code, a part of the message that must appear] */
const FORBIDDEN: Array<[string, string, string, string]> = [
  [
    'electron/core may not import electron/main',
    'electron/core/probe.ts',
    "import { x } from '../main/window-manager';",
    'electron/core may not import electron/main/window-manager',
  ],
  [
    'electron/core may not import electron/ipc',
    'electron/core/probe.ts',
    "export { x } from '../ipc/channels';",
    'electron/core may not import electron/ipc/channels',
  ],
  [
    'electron/ipc may not import electron/core',
    'electron/ipc/probe.ts',
    "import type { X } from '../core/hub-url';",
    'electron/ipc may not import electron/core/hub-url',
  ],
  [
    'electron/ipc may not import electron/main',
    'electron/ipc/probe.ts',
    "import { x } from '../main/ipc-handlers';",
    'electron/ipc may not import electron/main/ipc-handlers',
  ],
  [
    'electron/ipc may not import Node builtins',
    'electron/ipc/probe.ts',
    "import { readFile } from 'node:fs';",
    'electron/ipc may not import Node builtins',
  ],
  [
    'the renderer may not import electron/ipc',
    'renderer/src/probe.ts',
    "import { x } from '../../electron/ipc/channels';",
    'renderer/src may not import electron/ipc/channels',
  ],
  [
    'the preload may not import server/',
    'electron/preload/probe.ts',
    "import { x } from '../../server/hub/hub';",
    'electron/preload may not import server/hub/hub',
  ],
  [
    'the preload may not import electron/main',
    'electron/preload/probe.ts',
    "import { x } from '../main/index';",
    'electron/preload may not import electron/main/index',
  ],
  [
    'the preload may not import electron/core',
    'electron/preload/probe.ts',
    "import { x } from '../core/console-session';",
    'electron/preload may not import electron/core/console-session',
  ],
  [
    'production server code may not import test-support/',
    'server/hub/probe.ts',
    "import { startRedis } from '../../test-support/redis-server';",
    'test-support/redis-server is test-only',
  ],
  [
    'production electron/core code may not import bench/',
    'electron/core/probe.ts',
    "const m = await import('../../bench/load/report');",
    'bench/load/report is test-only',
  ],
  [
    'production renderer code may not import renderer/e2e/',
    'renderer/src/probe.ts',
    "import { x } from '../e2e/console-harness';",
    'renderer/e2e/console-harness is test-only',
  ],
  [
    'production renderer code may not import its test helpers',
    'renderer/src/app/probe.tsx',
    "import { renderApp } from '../testing/render-app';",
    'renderer/src/testing/render-app is test-only',
  ],
  [
    'production electron/core code may not import the scenario tests helpers',
    'electron/core/cli/probe.ts',
    "import { runCli } from '../scenarios/cli-process';",
    'electron/core/scenarios/cli-process is test-only',
  ],
  [
    "a bare 'fs' import fails even where Node is allowed",
    'server/probe.ts',
    "import { readFileSync } from 'fs';",
    "'node:fs', not 'fs'",
  ],
  [
    "a bare 'fs/promises' require fails",
    'electron/core/probe.ts',
    "const fs = require('fs/promises');",
    "'node:fs/promises', not 'fs/promises'",
  ],
  [
    'the renderer may not import pino',
    'renderer/src/probe.ts',
    "import pino from 'pino';",
    "renderer/src may not import the package 'pino'",
  ],
  [
    'protocol may not import Node builtins',
    'protocol/probe.ts',
    "import { randomUUID } from 'node:crypto';",
    'protocol may not import Node builtins',
  ],
  [
    'protocol may not import ws',
    'protocol/link/probe.ts',
    "import WebSocket from 'ws';",
    "protocol may not import the package 'ws'",
  ],
  [
    'protocol may not import server/',
    'protocol/probe.ts',
    "import { x } from '../server/hub/hub';",
    'protocol may not import server/hub/hub',
  ],
  [
    'node-shared may not import server/',
    'node-shared/probe.ts',
    "import { x } from '../server/logging/logger';",
    'node-shared may not import server/logging/logger',
  ],
  [
    'node-shared may not import electron/core',
    'node-shared/probe.ts',
    "import { x } from '../electron/core/hub-url';",
    'node-shared may not import electron/core/hub-url',
  ],
  [
    'server may not import electron/core',
    'server/cli/probe.ts',
    "import { x } from '../../electron/core/hub-url';",
    'server may not import electron/core/hub-url',
  ],
  [
    'server may not import electron',
    'server/probe.ts',
    "import { app } from 'electron';",
    "server may not import the package 'electron'",
  ],
  [
    'the pure demo generator may not import the rest of server/demo',
    'server/demo/generator/probe.ts',
    "import { x } from '../demo-runner';",
    'server/demo/generator may not import server/demo/demo-runner',
  ],
  [
    'the pure demo generator may not import Node builtins',
    'server/demo/generator/probe.ts',
    "import { randomInt } from 'node:crypto';",
    'server/demo/generator may not import Node builtins',
  ],
  [
    'electron/core may not import electron',
    'electron/core/probe.ts',
    "import { app } from 'electron';",
    "electron/core may not import the package 'electron'",
  ],
  [
    'electron/core production code may not import server/',
    'electron/core/probe.ts',
    "import { x } from '../../server/users/file-user-store';",
    'electron/core may not import server/users/file-user-store',
  ],
  [
    'electron/main reaches the hub only through server/runtime/',
    'electron/main/probe.ts',
    "import { createHub } from '../../server/hub/hub';",
    'electron/main may not import server/hub/hub',
  ],
  [
    'the bundled hub entry, too, starts the hub only through server/runtime/',
    'electron/main/hub-process-entry.ts',
    "import { createHub } from '../../server/hub/hub';",
    'electron/main may not import server/hub/hub',
  ],
  [
    'the renderer may not import the demo generator outside fixtures/',
    'renderer/src/boards/probe.ts',
    "import { x } from '../../../server/demo/generator/tenants';",
    'renderer/src may not import server/demo/generator/tenants',
  ],
  [
    'the renderer fixtures may not import the rest of server/',
    'renderer/src/fixtures/probe.ts',
    "import { x } from '../../../server/demo/demo-runner';",
    'renderer/src/fixtures may not import server/demo/demo-runner',
  ],
  [
    'a launcher may import only CLI entries',
    'bin/probe.mjs',
    "await import('../server/hub/hub.ts');",
    'bin may not import server/hub/hub.ts',
  ],
  [
    'packaging checks may not import product code',
    'electron/packaging/probe.ts',
    "import { x } from '../main/security';",
    'electron/packaging may not import electron/main/security',
  ],
  [
    'a server test may not import renderer code',
    'server/hub/probe.test.ts',
    "import { x } from '../../renderer/src/stores/board-store';",
    'server may not import renderer/src/stores/board-store',
  ],
  [
    'a renderer test may not import Node builtins',
    'renderer/src/probe.test.tsx',
    "import { readFileSync } from 'node:fs';",
    'renderer/src may not import Node builtins',
  ],
  [
    'an import may not leave the project',
    'server/probe.ts',
    "import { x } from '../../elsewhere/x';",
    "'../../elsewhere/x' points outside the project",
  ],
  [
    'a file in no layer fails until its folder is given an allow-list',
    'scripts/probe.ts',
    "import { x } from '../protocol';",
    'scripts/probe.ts is in no layer',
  ],
];

/** [sentence, file, code] */
const ALLOWED: Array<[string, string, string]> = [
  [
    'protocol may import zod and protocol/',
    'protocol/link/probe.ts',
    "import { z } from 'zod';\nimport { x } from '../events';",
  ],
  [
    'node-shared may import protocol/, node: builtins and pino',
    'node-shared/probe.ts',
    "import { x } from '../protocol';\nimport { join } from 'node:path';\nimport pino from 'pino';",
  ],
  [
    'server may import protocol/, node-shared/, node: builtins and its packages',
    'server/hub/probe.ts',
    "import { x } from '../../protocol/events';\nimport { y } from '../../node-shared/logger';\nimport { readFile } from 'node:fs/promises';\nimport Redis from 'ioredis';\nimport { WebSocketServer } from 'ws';",
  ],
  [
    'server may import the demo generator',
    'server/demo/probe.ts',
    "import { x } from './generator/tenants';",
  ],
  [
    'the demo generator may import protocol/ and itself',
    'server/demo/generator/probe.ts',
    "import { x } from '../../../protocol/events';\nimport { y } from './orders';",
  ],
  [
    'electron/core may import node-shared/, keytar and ws',
    'electron/core/probe.ts',
    "import { x } from '../../node-shared/logger';\nimport keytar from 'keytar';\nimport WebSocket from 'ws';\nexport * from './hub-url';",
  ],
  [
    'electron/ipc may import protocol/ and zod',
    'electron/ipc/probe.ts',
    "import { x } from '../../protocol/bridge';\nimport { z } from 'zod';\nimport { y } from './channel-names';",
  ],
  [
    'electron/main may import electron, core, ipc and server/runtime/',
    'electron/main/probe.ts',
    "import { app } from 'electron';\nimport { x } from '../core/hub-url';\nimport { y } from '../ipc/channels';\nimport { z } from '../../server/runtime/hub-runtime';",
  ],
  [
    'the preload may import electron, electron/ipc and protocol/',
    'electron/preload/probe.ts',
    "import { contextBridge } from 'electron';\nimport { x } from '../ipc/channel-names';\nimport type { Y } from '../../protocol/bridge';",
  ],
  [
    'the renderer may import react, zustand and protocol/',
    'renderer/src/boards/probe.tsx',
    "import { useState } from 'react';\nimport { create } from 'zustand/vanilla';\nimport { x } from '../../../protocol';",
  ],
  [
    'the renderer fixtures may import the demo generator',
    'renderer/src/fixtures/probe.ts',
    "import { x } from '../../../server/demo/generator/tenants';",
  ],
  [
    'a server test may import test-support/, vitest and fast-check',
    'server/hub/probe.int.test.ts',
    "import { it } from 'vitest';\nimport fc from 'fast-check';\nimport { startRedis } from '../../test-support/redis-server';",
  ],
  [
    'a renderer test may import its render helpers and testing-library',
    'renderer/src/boards/probe.test.tsx',
    "import { screen } from '@testing-library/react';\nimport { renderApp } from '../testing/render-app';",
  ],
  [
    'an electron/core test may check core against server/ code',
    'electron/core/probe.test.ts',
    "import { FileUserStore } from '../../server/users/file-user-store';",
  ],
  [
    'test-support may import any layer and any package',
    'test-support/probe.ts',
    "import { x } from '../server/hub/hub';\nimport { y } from '../electron/core/hub-url';\nimport { chromium } from 'playwright-core';",
  ],
  [
    'a launcher may import a CLI entry and tsx',
    'bin/probe.mjs',
    "import { register } from 'tsx/esm/api';\nawait import('../electron/core/cli/ops-console.ts');",
  ],
];

describe('layer-imports lint rule on the project config', () => {
  it.each(FORBIDDEN)('%s', async (_sentence, file, code, expected) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it.each(ALLOWED)('%s', async (_sentence, file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('every forbidden-import message names where the import should go instead', async () => {
    const errors = await layeringErrors(
      'electron/core/probe.ts',
      "import { x } from '../main/window-manager';",
    );
    expect(errors[0]).toContain('goes in electron/main');
  });
});
