import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

/**
 * .github/workflows/release.yml cannot run here (it needs hosted runners, the
 * network and signing secrets), so this parses it and checks the structure a
 * release depends on. It is no substitute for a first real run; see
 * docs/deployment.md.
 */

const root = resolve(import.meta.dirname, '../..');
const text = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');

const stepSchema = z
  .strictObject({
    name: z.string().optional(),
    uses: z
      .string()
      .regex(/^[\w-]+\/[\w-]+@v\d+$/, 'pin actions to a major version')
      .optional(),
    run: z.string().optional(),
    with: z.record(z.string(), z.unknown()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    if: z.string().optional(),
    shell: z.string().optional(),
  })
  .refine(
    (step) => (step.uses === undefined) !== (step.run === undefined),
    'a step has either uses or run',
  );

const jobSchema = z.strictObject({
  name: z.string(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  'runs-on': z.string(),
  'timeout-minutes': z.number().int().positive(),
  strategy: z.unknown().optional(),
  environment: z.string().optional(),
  permissions: z.record(z.string(), z.enum(['read', 'write', 'none'])).optional(),
  steps: z.array(stepSchema).min(1),
});

const workflowSchema = z.strictObject({
  name: z.string(),
  on: z.strictObject({
    push: z.strictObject({ tags: z.array(z.string()).min(1) }),
    workflow_dispatch: z.unknown(),
  }),
  permissions: z.record(z.string(), z.enum(['read', 'write', 'none'])),
  concurrency: z.unknown(),
  env: z.record(z.string(), z.string()),
  jobs: z.record(z.string(), jobSchema),
});

const workflow = workflowSchema.parse(load(text));
type Step = z.output<typeof stepSchema>;
const steps = (job: string): Step[] => workflow.jobs[job]?.steps ?? [];
const runs = (job: string) =>
  steps(job)
    .map((step) => step.run ?? '')
    .join('\n');

describe('release workflow', () => {
  it('parses and has the shape of a GitHub Actions workflow (strict schema of the keys it uses)', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['verify', 'build', 'publish']);
  });

  it('runs on version tags only, with read-only default permissions', () => {
    const tags = workflow.on.push.tags.map(
      (glob) =>
        new RegExp(
          `^${glob
            .replace(/\[0-9\]\+/g, '[0-9]+')
            .replace(/\./g, '\\.')
            .replace(/\*/g, '.*')}$`,
        ),
    );
    for (const tag of ['v1.4.0', 'v1.5.0-beta.1'])
      expect(
        tags.some((re) => re.test(tag)),
        tag,
      ).toBe(true);
    for (const tag of ['latest', 'release-1', '1.4.0'])
      expect(
        tags.some((re) => re.test(tag)),
        tag,
      ).toBe(false);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.publish?.permissions).toEqual({ contents: 'write' });
  });

  it('verifies the tag, lint, types, unit tests and Electronegativity before building', () => {
    expect(runs('verify')).toMatch(/test "v\$\{version\}" = "\$\{RELEASE_TAG\}"/);
    for (const command of [
      'npm run lint',
      'npm run typecheck',
      'npm run test:unit',
      'security-audit.ts',
    ])
      expect(runs('verify')).toContain(command);
  });

  it('builds Windows, macOS and Linux each on its own hosted runner with their targets', () => {
    const build = workflow.jobs.build;
    expect(build?.needs).toBe('verify');
    const matrix = (build?.strategy as { matrix: { include: Array<Record<string, string>> } })
      .matrix.include;
    expect(matrix.map((entry) => [entry.platform, entry.os, entry.targets])).toEqual([
      ['windows', 'windows-latest', '--win nsis msi'],
      ['macos', 'macos-latest', '--mac dmg pkg zip'],
      ['linux', 'ubuntu-latest', '--linux AppImage deb rpm'],
    ]);
    expect(build?.['runs-on']).toBe('${{ matrix.os }}');
    expect(runs('build')).toContain('npm run build:desktop');
    expect(runs('build')).toContain('--publish never');
  });

  it('signs and notarizes only with secrets, never literal credentials', () => {
    const pack = steps('build').find((step) => step.name === 'Package and sign');
    const env = pack?.env ?? {};
    for (const name of [
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'AZURE_CLIENT_SECRET',
    ])
      expect(env[name], name).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        for (const value of Object.values(step.env ?? {}))
          expect(value).toMatch(/^\$\{\{ [^}]+ \}\}$|^[01]$/);
    // Secrets reach commands through env only, never interpolated into a script.
    expect(text).not.toMatch(/run:[^\n]*\$\{\{ secrets\./);
  });

  it('publishes to the generic feed with installers before channel files, sets the rollout, and attaches a GitHub release', () => {
    expect(workflow.jobs.publish?.needs).toBe('build');
    const script = runs('publish');
    expect(script).toContain('stagingPercentage');
    const installers = script.indexOf("--exclude '*.yml'");
    const channels = script.indexOf("--include '*.yml'");
    expect(installers).toBeGreaterThan(-1);
    expect(channels).toBeGreaterThan(installers);
    expect(script).toContain('gh release create');
    expect(steps('build').some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(
      true,
    );
    expect(
      steps('publish').some((step) => step.uses?.startsWith('actions/download-artifact@')),
    ).toBe(true);
  });

  it('bakes the feed URL from a repository variable into the build, never a hard-coded URL', () => {
    expect(workflow.env.OPS_CONSOLE_UPDATE_FEED).toBe('${{ vars.OPS_CONSOLE_UPDATE_FEED }}');
    expect(text).not.toMatch(/https:\/\/[a-z0-9-]+\.[a-z0-9.-]+/i);
  });
});
