import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Electronegativity over the desktop app's code, as CI runs it
 * (`npx tsx electron/packaging/security-audit.ts`, from .ci/run).
 *
 * electron/ and the renderer are scanned as ONE tree: Electronegativity's
 * global checks (navigation limits, permission handler, CSP) look for the
 * main-process code that covers the renderer, and report false HIGH findings
 * when the renderer is scanned alone.
 *
 * The audit fails on any finding of HIGH severity or above, on any finding
 * of the rules that guard the checklist items the app relies on (so turning
 * `sandbox` or `contextIsolation` off fails CI even where Electronegativity
 * rates it MEDIUM), and on any file it could not parse (an unscanned file is
 * not a passed one). The remaining findings are printed; docs/security.md
 * explains each one by rule name.
 */

/** Rules whose findings always fail, whatever severity Electronegativity gives them. */
export const ALWAYS_FAIL_RULES = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'REMOTE_MODULE_JS_CHECK',
  'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  'CERTIFICATE_ERROR_EVENT_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
]);

const SEVERITY_RANK: Record<string, number> = {
  INFORMATIONAL: 0,
  LOW: 1,
  MEDIUM: 2,
  HIGH: 3,
  CRITICAL: 4,
};

export interface AuditFinding {
  rule: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
  /** Why this finding fails the audit, when it does. */
  fails?: string;
}

export interface AuditResult {
  findings: AuditFinding[];
  /** Files that could not be parsed, with the parser's message. */
  unparsed: Array<{ file: string; message: string }>;
  passed: boolean;
}

interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number };
  manualReview?: boolean;
}

type Runner = (options: Record<string, unknown>) => Promise<{
  issues: RawIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}>;

/**
 * Scans `sources` (folders or files, relative to `root`) as one tree.
 * @param electronVersion the Electron version the app ships, so version checks do not guess.
 */
export async function auditSources(
  root: string,
  sources: readonly string[],
  electronVersion: string,
): Promise<AuditResult> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity/dist/runner.js') as Runner;
  const tree = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    for (const source of sources)
      await cp(join(root, source), join(tree, source), { recursive: true });
    const result = await run({
      input: tree,
      isRelative: true,
      electronVersionOverride: electronVersion,
    });
    const findings = result.issues.map((issue): AuditFinding => {
      const finding: AuditFinding = {
        rule: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        manualReview: Boolean(issue.manualReview),
      };
      if ((SEVERITY_RANK[finding.severity] ?? 0) >= SEVERITY_RANK.HIGH!)
        finding.fails = `${finding.severity} severity`;
      else if (ALWAYS_FAIL_RULES.has(finding.rule))
        finding.fails = 'guards a security checklist item the app relies on';
      return finding;
    });
    const unparsed = result.errors.filter((error) => !error.tolerable);
    return {
      findings,
      unparsed,
      passed: unparsed.length === 0 && findings.every((finding) => !finding.fails),
    };
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

/** The trees CI scans: the Electron code and the renderer that runs inside it. */
export const AUDITED_SOURCES = ['electron', 'renderer/src', 'renderer/index.html', 'package.json'];

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const electronPackage = JSON.parse(
    await readFile(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  const result = await auditSources(root, AUDITED_SOURCES, electronPackage.version);
  for (const finding of result.findings)
    console.log(
      `${finding.fails ? 'FAIL' : 'note'} ${finding.rule} ${finding.severity}/${finding.confidence}${finding.manualReview ? ' (review)' : ''} ${finding.file}:${finding.line}${finding.fails ? ` — ${finding.fails}` : ''}`,
    );
  for (const error of result.unparsed)
    console.log(`FAIL could not parse ${error.file}: ${error.message}`);
  console.log(
    `electronegativity: ${result.findings.length} findings, ${result.findings.filter((f) => f.fails).length} failing, ${result.unparsed.length} unparsed files (Electron ${electronPackage.version}); see docs/security.md`,
  );
  if (!result.passed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('electronegativity audit could not run:', error);
    process.exitCode = 2;
  });
}
