#!/usr/bin/env node
// The ops-console launcher: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/ops-console.ts');
process.exitCode = await main(process.argv);
