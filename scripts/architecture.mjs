// Issue 19's architecture rules, measured on src/ with the TypeScript compiler: functions over
// 80 lines, import cycles, and imports that run against the data flow
// inputs → config → plan → provision → run → observe → report (the modes and adapters sit on top).
// scripts/architecture-report.mjs prints them; test/unit/architecture.test.ts fails on any.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const defaultRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Layers, lowest first: a file may import its own layer and those below it. */
export const LAYERS = [
  ['core'],
  ['protocol'],
  ['rules'],
  ['config'],
  ['plan'],
  ['provision'],
  ['run'],
  ['observe'],
  ['report'],
  ['campaign', 'qtest', 'reproduce', 'parse', 'modes'],
  ['adapters'],
  ['entry'],
];

export function analyzeArchitecture(root = defaultRoot) {
  const src = join(root, 'src');

  const layerOf = (file) => {
    const top = relative(src, file).split('/')[0];
    const i = LAYERS.findIndex((l) => l.includes(top));
    return { top, index: i === -1 ? LAYERS.length : i };
  };

  function files(dir) {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  }

  const all = files(src);
  const longFunctions = [];
  const edges = new Map();
  const backward = [];
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const line = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
    const visit = (node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) ||
        ts.isConstructorDeclaration(node)
      ) {
        const lines = line(node.getEnd()) - line(node.getStart()) + 1;
        if (lines > 80) {
          const name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)');
          longFunctions.push({ at: `${relative(root, file)}:${line(node.getStart())}`, name, lines });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const targets = [];
    for (const statement of source.statements) {
      if (
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
      ) {
        const spec = statement.moduleSpecifier.text;
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        targets.push(target);
        const from = layerOf(file);
        const to = layerOf(target);
        if (to.index > from.index) backward.push(`${relative(root, file)} → ${relative(root, target)} (${from.top} imports ${to.top})`);
      }
    }
    edges.set(file, targets);
  }

  // Import cycles: strongly connected components with more than one file (Tarjan).
  const cycles = [];
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const strong = (v) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!indexOf.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(relative(root, w));
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of all) if (!indexOf.has(file)) strong(file);

  return { files: all.length, longFunctions: longFunctions.sort((a, b) => b.lines - a.lines), cycles, backwardImports: backward.sort() };
}
