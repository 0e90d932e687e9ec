import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Module path (relative to the root, `/`-separated) → the modules it imports. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx|js|mjs)$/;
const TEST = /\.test\.tsx?$/;
/** Static imports, `export … from`, `import type` and literal `import()`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** The file a relative specifier names, or null when none exists. */
function resolveImport(root: string, from: string, specifier: string): string | null {
  const base = join(root, dirname(from), specifier.replace(/[?#].*$/, ''));
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile())
      return toPosix(relative(root, candidate));
  }
  // `./x.js` written for a `./x.ts` source.
  const asTs = base.replace(/\.js$/, '.ts');
  return asTs !== base && existsSync(asTs) ? toPosix(relative(root, asTs)) : null;
}

/**
 * The relative-import graph of the production sources under `folders`
 * (test files excluded). Returns the graph and every import that named no
 * file, so a caller can prove the walk missed nothing.
 */
export function buildImportGraph(
  root: string,
  folders: string[],
): { graph: ImportGraph; unresolved: string[] } {
  const graph: ImportGraph = new Map();
  const unresolved: string[] = [];
  for (const folder of folders) {
    if (!existsSync(join(root, folder))) continue;
    const files = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .map((name) => toPosix(join(folder, name)))
      .filter((file) => SOURCE.test(file) && !TEST.test(file) && !file.includes('node_modules/'));
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      const targets: string[] = [];
      for (const match of source.matchAll(IMPORT)) {
        const specifier = match[1] as string;
        const target = resolveImport(root, file, specifier);
        if (target === null) unresolved.push(`${file} → ${specifier}`);
        else if (SOURCE.test(target)) targets.push(target);
      }
      graph.set(file, targets);
    }
  }
  return { graph, unresolved };
}

/**
 * Every cycle in `graph`, each as the list of modules on it (its strongly
 * connected components of more than one module, plus self-imports), found
 * with Tarjan's algorithm. Edges to modules outside the graph are ignored.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;

  const visit = (node: string): void => {
    index.set(node, next);
    lowLink.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(target)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      cycles.push(component.sort());
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
