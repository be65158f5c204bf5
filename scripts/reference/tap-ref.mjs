#!/usr/bin/env node
// Reference TAP parse using tap-parser (node-tap's parser).
// Usage: node scripts/reference/tap-ref.mjs FILE.tap [--strict] (tap-parser from devDependencies)
// Prints ONE JSON line:
// {file, ok, count, pass, fail, skip, todo, bailout, plan:{start,end,skipAll,comment},
//  failures:[...], tests:[{name, ok, skip, todo, id, diag?, subtest?:{...same shape...}}]}
// Tests import readTap(text) for the same object (without `file`).
import { Parser } from 'tap-parser';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// JSON-safe copy of YAML diag (may contain Dates, BigInts, Maps, cycles)
const safe = (v) => {
  const seen = new WeakSet();
  return JSON.parse(
    JSON.stringify(v, (_k, x) => {
      if (typeof x === 'bigint') return x.toString();
      if (x instanceof Map) return Object.fromEntries(x);
      if (x instanceof Set) return [...x];
      if (x && typeof x === 'object') {
        if (seen.has(x)) return '[Circular]';
        seen.add(x);
      }
      return x;
    }) ?? 'null',
  );
};

const summary = (r) => ({
  ok: r.ok,
  count: r.count,
  pass: r.pass,
  fail: r.fail,
  skip: r.skip,
  todo: r.todo,
  bailout: r.bailout,
  plan: {
    start: r.plan.start,
    end: r.plan.end,
    skipAll: r.plan.skipAll,
    comment: r.plan.comment,
  },
  failures: r.failures.map((f) =>
    'tapError' in f && !('ok' in f) ? { tapError: f.tapError, data: f.data } : { id: f.id, name: f.name, ok: f.ok, tapError: f.tapError ?? null },
  ),
});

// Wire a parser; returns a node {name, tests, pendingChildren, result}
function attach(parser, name) {
  const node = { name, tests: [], pending: [], result: null };
  parser.on('child', (child) => {
    node.pending.push(attach(child, child.name));
  });
  parser.on('assert', (res) => {
    const t = {
      name: res.name,
      ok: res.ok,
      skip: res.skip,
      todo: res.todo,
      id: res.id,
    };
    if (res.tapError) t.tapError = res.tapError;
    if (res.diag) t.diag = safe(res.diag);
    if (res.closingTestPoint && node.pending.length) {
      const c = node.pending.shift();
      t.subtest = render(c);
    }
    node.tests.push(t);
  });
  parser.on('complete', (r) => {
    node.result = r;
  });
  return node;
}

function render(node) {
  const out = { name: node.name };
  if (node.result) Object.assign(out, summary(node.result));
  out.tests = node.tests;
  // children never closed by a test point (e.g. bailout inside subtest)
  if (node.pending.length) out.unclosedSubtests = node.pending.map(render);
  return out;
}

/** What tap-parser reads from a TAP text: the object this script prints, without `file`. */
export function readTap(text, { strict = false } = {}) {
  return new Promise((resolve) => {
    const p = new Parser({ strict });
    const root = attach(p, null);
    p.on('complete', () => {
      const { name: _n, ...rest } = render(root);
      resolve(rest);
    });
    p.end(text);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node ref.mjs FILE.tap [--strict]');
    process.exit(2);
  }
  const rest = await readTap(readFileSync(file, 'utf8'), { strict });
  process.stdout.write(JSON.stringify({ file, ...rest }) + '\n');
}
