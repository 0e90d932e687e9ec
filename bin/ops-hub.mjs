#!/usr/bin/env node
// The ops-hub launcher: runs the compiled hub (out/hub/ops-hub.mjs), building it first when it is
// missing or stale (bin/hub-build.mjs). OPS_HUB_FROM_SOURCE=1 runs the TypeScript through tsx
// instead, for development; so does a production install that has neither a build nor esbuild.
import { pathToFileURL } from 'node:url';
import { ensureHubBuild } from './hub-build.mjs';

const build = process.env.OPS_HUB_FROM_SOURCE === '1' ? null : ensureHubBuild();
if (build) {
  await import(pathToFileURL(build).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/ops-hub.ts');
}
