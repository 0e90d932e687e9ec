#!/usr/bin/env node
// The ops-hub launcher: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/ops-hub.ts');
