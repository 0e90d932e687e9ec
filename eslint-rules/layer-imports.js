// @ts-check
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * `layers/layer-imports`: the allow-list layering of ../docs/architecture.md.
 *
 * Every linted file belongs to the layer whose path is the longest prefix of
 * its own (so `server/demo/generator/x.ts` is in `server/demo/generator`, not
 * `server`). Each import is then checked against that layer's allow-list:
 * - a relative import is resolved to a project path and must lie under one of
 *   the layer's `mayImport` prefixes;
 * - a package import must be in the layer's `packages`;
 * - a Node builtin must carry the `node:` prefix, and the layer must allow
 *   `nodeBuiltins`.
 * Anything not listed fails, so a new crossing fails lint without anyone
 * having thought to forbid it (a deny-list lets it through). Test files get
 * their layer's list plus the test-only layers, the test packages and the
 * layer's `testsMayImport`; so do the helpers inside a test-only layer. A file in no layer fails too: a new folder has to
 * be given its allow-list before it can import anything.
 *
 * The layer table is the rule's option, written out in eslint.config.js.
 */

/**
 * @typedef {object} Layer
 * @property {string} name Shown in messages.
 * @property {string[]} paths Folder or file paths, relative to the project root.
 * @property {string[]} mayImport Project path prefixes this layer may import; `*` for any.
 * @property {string[]} packages npm packages this layer may import; `*` for any.
 * @property {boolean} nodeBuiltins Whether `node:*` modules may be imported.
 * @property {boolean} [testOnly] Only tests and other test-only layers may import it.
 * @property {string[]} [testsMayImport] Extra project prefixes for this layer's tests.
 * @property {string} hint Where the import should go instead; ends each message.
 *
 * @typedef {object} Exception
 * @property {string} file A project path.
 * @property {string[]} mayImport Extra project prefixes for that file only.
 * @property {string} reason Why, and who removes it.
 *
 * @typedef {object} Options
 * @property {string} [root] The project root; defaults to ESLint's cwd.
 * @property {Layer[]} layers
 * @property {string} testFilePattern A RegExp source matched against the project path.
 * @property {string[]} testPackages Packages every test file may import.
 * @property {Exception[]} [exceptions]
 */

const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** True when `target` is `prefix` itself or lies inside it. */
function isUnder(target, prefix) {
  return prefix === '*' || target === prefix || target.startsWith(`${prefix}/`);
}

/**
 * The layer that owns a project path: the longest matching path wins.
 * @param {Layer[]} layers
 * @param {string} projectPath
 * @returns {Layer | undefined}
 */
export function layerOf(layers, projectPath) {
  let best;
  let bestLength = -1;
  for (const layer of layers) {
    for (const prefix of layer.paths) {
      if (isUnder(projectPath, prefix) && prefix.length > bestLength) {
        best = layer;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function list(items) {
  return items.length === 0 ? 'nothing' : items.join(', ');
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Each layer imports only what its allow-list names (docs/architecture.md).',
    },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      noLayer:
        '{{file}} is in no layer of eslint.config.js. Add its folder to the layer table with what it may import.',
      outsideProject: "'{{specifier}}' points outside the project.",
      projectImport:
        "{{layer}} may not import {{target}} ('{{specifier}}'). {{layer}} may import: {{allowed}}. {{hint}}",
      testOnlyImport:
        "{{target}} is test-only ({{targetLayer}}): only tests (*.test.ts) and test-support/, bench/, renderer/e2e/ may import it ('{{specifier}}'). Move what production needs into {{layer}} or a layer it may import.",
      packageImport:
        "{{layer}} may not import the package '{{pkg}}'. Its packages: {{allowed}}. {{hint}}",
      bareBuiltin:
        "Import Node builtins with the node: prefix: 'node:{{specifier}}', not '{{specifier}}'.",
      nodeBuiltin: "{{layer}} may not import Node builtins ('{{specifier}}'). {{hint}}",
    },
  },
  create(context) {
    /** @type {Options} */
    const options = context.options[0];
    // The config's folder, so that running eslint from a subfolder resolves the same paths.
    const cwd = options.root ?? context.cwd;
    const file = path.relative(cwd, path.resolve(cwd, context.filename)).split(path.sep).join('/');
    const layer = layerOf(options.layers, file);
    const isTest = new RegExp(options.testFilePattern).test(file);

    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'noLayer', data: { file } });
        },
      };
    }

    const testOnlyPaths = options.layers.filter((l) => l.testOnly).flatMap((l) => l.paths);
    const exceptionPaths = (options.exceptions ?? [])
      .filter((exception) => exception.file === file)
      .flatMap((exception) => exception.mayImport);
    // Test helpers in a test-only layer get what tests get.
    const testing = isTest || layer.testOnly === true;
    const mayImport = [
      ...layer.mayImport,
      ...exceptionPaths,
      ...(testing ? [...testOnlyPaths, ...(layer.testsMayImport ?? [])] : []),
    ];
    const packages = [...layer.packages, ...(testing ? options.testPackages : [])];
    const data = { layer: layer.name, hint: layer.hint };

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      const specifier = source.replace(/[?#].*$/, '');

      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = path.posix.normalize(
          specifier.startsWith('/')
            ? specifier.slice(1)
            : path.posix.join(path.posix.dirname(file), specifier),
        );
        if (target === '..' || target.startsWith('../')) {
          context.report({ node, messageId: 'outsideProject', data: { specifier } });
          return;
        }
        // Before the allow-list: a test-only folder may sit inside an allowed one
        // (renderer/src/testing inside renderer/src).
        const targetLayer = layerOf(options.layers, target);
        if (targetLayer?.testOnly && !isTest && !layer.testOnly) {
          context.report({
            node,
            messageId: 'testOnlyImport',
            data: { ...data, specifier, target, targetLayer: targetLayer.name },
          });
          return;
        }
        if (mayImport.some((prefix) => isUnder(target, prefix))) return;
        context.report({
          node,
          messageId: 'projectImport',
          data: { ...data, specifier, target, allowed: list(mayImport) },
        });
        return;
      }

      if (specifier.startsWith('node:')) {
        if (!layer.nodeBuiltins)
          context.report({ node, messageId: 'nodeBuiltin', data: { ...data, specifier } });
        return;
      }
      if (builtins.has(specifier) || builtins.has(specifier.split('/')[0])) {
        context.report({ node, messageId: 'bareBuiltin', data: { specifier } });
        return;
      }
      const pkg = packageName(specifier);
      if (packages.includes('*') || packages.includes(pkg)) return;
      context.report({
        node,
        messageId: 'packageImport',
        data: { ...data, pkg, allowed: list(packages) },
      });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression(node) {
        const [first] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          first?.type === 'Literal'
        ) {
          check(first, first.value);
        }
      },
      /** `import x = require('y')` and `import('y').T` in types. */
      TSImportEqualsDeclaration(node) {
        const reference = /** @type {any} */ (node).moduleReference;
        if (reference.type === 'TSExternalModuleReference')
          check(reference.expression, reference.expression.value);
      },
      TSImportType(node) {
        const argument = /** @type {any} */ (node).argument;
        check(node, argument?.literal?.value ?? argument?.value);
      },
    };
  },
};

export default rule;
