// Records guest/sdk/vectors.json, the vectors the guest SDK (C header, Rust module), the built-in
// guest's qfi-fault.sh and qfi's model are all tested on (test/unit/guest/sdk-vectors.test.ts).
// Rule texts are what the runner writes (its parser, merge and printer); expected decisions and
// errors come from the model (src/rules/guest-decide.ts) and the runner's parser, through a
// throwaway esbuild bundle of test/helpers/sdk-vectors.ts. Run: node scripts/write-sdk-vectors.mjs
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const U32_MAX = 4294967295;

// The SDKs' default limits (QFI_MAX_* in qfi_fault.h, MAX_* in qfi_fault.rs); the test checks both.
const limits = { maxPoints: 64, maxRules: 32, maxName: 63, maxRulesText: 4096 };

const times = (point, n) => Array.from({ length: n }, () => point);
/** Round-robin over several call lists: a, b, c, a, b, c, ... */
const interleave = (...lists) => {
  const out = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
};

/**
 * Decision cases. `faults`: groups of rules as a user writes them (config file, then `faults`
 * input), turned into the runner's fw_cfg text; `text`: a rules text given as is.
 */
const decisionCases = [
  // The built-in guest's original vectors (test/unit/guest/qfi-fault.test.ts).
  { name: 'no rules: nothing fails', faults: [], seed: 1, calls: times('storage.read', 4) },
  { name: 'fail: every call', faults: [['storage.read=fail']], seed: 1, calls: times('storage.read', 4) },
  { name: 'off: never', faults: [['storage.read=off']], seed: 1, calls: times('storage.read', 3) },
  { name: 'drop-every:3 fails calls 3, 6, 9', faults: [['storage.read=drop-every:3']], seed: 1, calls: times('storage.read', 10) },
  { name: 'fail-after:4 fails calls 5 and later', faults: [['storage.read=fail-after:4']], seed: 1, calls: times('storage.read', 8) },
  { name: '[once=true] fail-after:4 fails only call 5', faults: [['storage.read[once=true]=fail-after:4']], seed: 1, calls: times('storage.read', 8) },
  { name: '[once=true] drop-every:2 fails only call 2', faults: [['storage.read[once=true]=drop-every:2']], seed: 1, calls: times('storage.read', 6) },
  { name: 'rate:300 seed 7', faults: [['storage.read=rate:300']], seed: 7, calls: times('storage.read', 30) },
  { name: 'rate:300 seed 8', faults: [['storage.read=rate:300']], seed: 8, calls: times('storage.read', 30) },
  { name: 'rate:500 seed 2^32-1, `_` in the name', faults: [['net.tx_2=rate:500']], seed: U32_MAX, calls: times('net.tx_2', 20) },
  {
    name: 'the last line for a point wins (hand-written text with the same point twice)',
    text: 'storage.read=fail\nstorage.write=fail-after:1\nstorage.read=drop-every:2\n',
    seed: 1,
    calls: times('storage.read', 4),
  },
  { name: 'a rule for another point does not apply', faults: [['storage.write=fail']], seed: 1, calls: times('storage.read', 2) },
  // Every action on several interleaved points, points without rules, registered points.
  {
    name: 'a kernel: every action on interleaved points, one point without a rule, one registered and never called',
    faults: [['alloc.page=fail-after:2', 'disk.read=drop-every:3', 'net.tx=rate:250', 'timer.tick=delay-ms:5', 'irq.mask=off', 'dev.probe=fail']],
    seed: 0,
    register: ['alloc.page', 'disk.read', 'idle.loop'],
    calls: interleave(
      times('alloc.page', 5),
      times('disk.read', 7),
      times('net.tx', 8),
      times('timer.tick', 3),
      times('sched.yield', 4),
      times('irq.mask', 2),
      times('dev.probe', 2),
    ),
  },
  {
    name: 'delay-ms:0 and delay-ms:4294967295 carry on; only the delay differs',
    faults: [['a.zero=delay-ms:0', 'a.max=delay-ms:4294967295']],
    seed: 3,
    calls: interleave(times('a.zero', 2), times('a.max', 2)),
  },
  { name: 'fail-after:0 fails every call', faults: [['p=fail-after:0']], seed: 0, calls: times('p', 3) },
  { name: 'fail-after:4294967295 never fails here', faults: [['p=fail-after:4294967295']], seed: 0, calls: times('p', 3) },
  { name: '[once=true] fail fails only the first call', faults: [['p[once=true]=fail']], seed: 0, calls: times('p', 4) },
  { name: '[once=true] rate:500: only the first call the rate picks', faults: [['p[once=true]=rate:500']], seed: 0, calls: times('p', 12) },
  {
    name: '[once=false] and other parameters change nothing',
    faults: [['p[once=false]=fail', 'q[mode=x once=true]=drop-every:2']],
    seed: 0,
    calls: interleave(times('p', 3), times('q', 6)),
  },
  { name: 'drop-every:1 fails every call', faults: [['p=drop-every:1']], seed: 0, calls: times('p', 3) },
  {
    name: 'rate:0 never, rate:1000 always (seed 2^32-1)',
    faults: [['r.never=rate:0', 'r.always=rate:1000']],
    seed: U32_MAX,
    calls: interleave(times('r.never', 5), times('r.always', 5)),
  },
  { name: 'rate:500 seed 0', faults: [['chaos.point=rate:500']], seed: 0, calls: times('chaos.point', 24) },
  { name: 'rate:500 seed 2^32-1 (other calls than seed 0)', faults: [['chaos.point=rate:500']], seed: U32_MAX, calls: times('chaos.point', 24) },
  {
    name: 'rate:100, 2 points with the same seed: the name is hashed too',
    faults: [['r.a=rate:100', 'r.b=rate:100']],
    seed: 12345,
    calls: interleave(times('r.a', 30), times('r.b', 30)),
  },
  {
    name: 'names with `.`, `_` and `-`',
    faults: [['_x.y-z_1.a-b=drop-every:2', 'net-if.tx_queue.q0=fail', 'A.B_C=fail-after:1']],
    seed: 9,
    calls: interleave(times('_x.y-z_1.a-b', 4), times('net-if.tx_queue.q0', 2), times('A.B_C', 3)),
  },
  {
    name: 'a prefix of a point, or a longer name, is another point',
    faults: [['disk=fail', 'disk.read.fast=fail']],
    seed: 0,
    calls: ['disk.read', 'disk', 'disk.read', 'disk.read.fast', 'disk.rea'],
  },
  {
    name: 'the runner merges a later rule for the same point (last wins, one line)',
    faults: [['storage.read=fail', 'net.rx=drop-every:2'], ['storage.read=fail-after:2']],
    seed: 0,
    calls: interleave(times('storage.read', 4), times('net.rx', 4)),
  },
  {
    name: 'rules with other parameters stay two lines: the last line for the point wins',
    faults: [['storage.read[once=true]=fail'], ['storage.read=drop-every:2']],
    seed: 0,
    calls: times('storage.read', 6),
  },
  {
    name: 'rules with other parameters stay two lines: the last one may be [once=true]',
    faults: [['storage.read=drop-every:2'], ['storage.read[once=true]=fail-after:1']],
    seed: 0,
    calls: times('storage.read', 6),
  },
  {
    name: 'the fail-nth rule: fails exactly call 3',
    faults: [['storage.read[once=true]=fail-after:2']],
    seed: 0,
    calls: times('storage.read', 6),
  },
  {
    name: "not the runner's text but valid: comments, blank lines, spaces, tabs, CRLF, leading zeros, no final newline",
    text: '# rules by hand\n\n  a.b = drop-every : 02  \r\n\tc[ once=true ]=fail\r\n# the end\nd=rate:1000',
    seed: 0,
    calls: interleave(times('a.b', 4), times('c', 3), times('d', 2)),
  },
  {
    name: 'registered points without calls are reported with zero counts',
    faults: [['reg.only=fail']],
    seed: 0,
    register: ['reg.only', 'other.one'],
    calls: [],
  },
  { name: 'an empty rules text', text: '', seed: 0, register: ['x'], calls: times('x', 2) },
];

/** Malformed rules texts: the runner's error position and message (the SDKs must report the same). */
const malformedTexts = [
  ['unknown action', 'storage.read=fial\n'],
  ['empty point', '=fail\n'],
  ['a name must not start with a digit', '1abc=fail\n'],
  ['an empty name between dots', 'a..b=fail\n'],
  ['a name must not end with a dot', 'a.=fail\n'],
  ['a space after a dot', 'a. b=fail\n'],
  ['a tab after a dot', 'a.\tb=fail\n'],
  ['a name must not start with `-` after a dot', 'a.-b=fail\n'],
  ['a character points do not have', 'a/b=fail\n'],
  ['no `=`', 'a.b\n'],
  ['a space in the point name', 'a b=fail\n'],
  ['no action', 'a=\n'],
  ['no action but spaces', 'a=   \n'],
  ['`fail` takes no N', 'a=fail:3\n'],
  ['drop-every without N', 'a=drop-every\n'],
  ['drop-every with an empty N', 'a=drop-every:\n'],
  ['N is not a number', 'a=fail-after:x\n'],
  ['drop-every:0', 'a=drop-every:0\n'],
  ['rate above 1000', 'a=rate:1001\n'],
  ['N above 2^32-1', 'a=fail-after:4294967296\n'],
  ['N of 11 digits', 'a=delay-ms:00000000000042949672950\n'],
  ['text after the action', 'a=fail x\n'],
  ['text after a counted action (N printed as the runner prints it)', 'a=fail-after:007 junk\n'],
  ['a negative N', 'a=fail-after:-1\n'],
  ['an empty parameter list', 'a[]=fail\n'],
  ['an unclosed parameter list', 'a[once=true\n'],
  ['`=` in a parameter value', 'a[once=true=fail\n'],
  ['a parameter name must start with a lowercase letter', 'a[Once=true]=fail\n'],
  ['a parameter without a value', 'a[once]=fail\n'],
  ['a parameter with an empty value', 'a[once=]=fail\n'],
  ['a parameter given twice', 'a[once=true once=false]=fail\n'],
  ['a space before the parameters', 'a [once=true]=fail\n'],
  ['the error is on line 2', 'a=fail\nb=oops\n'],
  ['lines count from 1 through comments and blank lines', '# comment\n\nb=drop-every:0\n'],
  ['a second CR', 'a=fail\r\r\n'],
  ['a NUL byte', 'a=fail\u0000\n'],
  ['a non-ASCII character in a name', 'caf\u00e9.read=fail\n'],
  ['a non-ASCII character in a value', 'a[x=\u00e9]=fail\n'],
  ['an emoji after the action', 'a=fail \u{1F600}\n'],
  ['the first bad line stops the parse', 'ok.one=fail\nbad two=fail\nbad=three\n'],
];

const dir = mkdtempSync(join(tmpdir(), 'qfi-sdk-vectors-'));
try {
  const out = join(dir, 'model.mjs');
  await build({ entryPoints: [join(root, 'test/helpers/sdk-vectors.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const m = await import(pathToFileURL(out).href);

  const decisions = decisionCases.map((c) => {
    const rules = c.text ?? m.runnerRulesText(c.faults);
    const input = { name: c.name, rules, seed: c.seed, register: c.register ?? [] };
    const result = m.runOnModel(input, c.calls);
    return { ...input, canonical: m.isCanonicalRulesText(rules), calls: result.calls, counts: result.counts };
  });

  const malformed = malformedTexts.map(([name, rules]) => {
    const error = m.modelParseError(rules);
    if (!error) throw new Error(`malformed case "${name}" parses`);
    return { name, rules, ...error };
  });

  // Limits of the SDKs' fixed storage: expected results given here, not by the model.
  const name63 = 'n' + 'x'.repeat(limits.maxName - 1);
  const name64 = 'n' + 'x'.repeat(limits.maxName);
  const ruled = (n) => Array.from({ length: n }, (_, i) => `r${i}=fail`).join('\n') + '\n';
  const others = Array.from({ length: limits.maxPoints }, (_, i) => `o${i}`);
  const report = (pairs) => pairs.map(([p, calls, fails]) => `QFI-POINT:${p} calls=${calls} fails=${fails}`);
  const limitCases = [
    {
      name: `a point name of QFI_MAX_NAME (${limits.maxName}) bytes works`,
      rules: `${name63}=fail\n`,
      seed: 0,
      register: [],
      registerStatus: [],
      calls: [{ point: name63, fail: true, delayMs: 0 }],
      report: report([[name63, 1, 1]]),
      printed: [],
    },
    {
      name: 'a longer point name in the rules is an error at the name',
      rules: `ok=fail\n  ${name64}=fail\n`,
      seed: 0,
      register: [],
      registerStatus: [],
      error: { kind: 'limit', line: 2, column: 3 },
      calls: [{ point: 'ok', fail: false, delayMs: 0 }],
      report: report([['ok', 1, 0]]),
      printed: ['2:3', 'MAX_NAME'],
    },
    {
      name: `QFI_MAX_RULES (${limits.maxRules}) points with rules work`,
      rules: ruled(limits.maxRules),
      seed: 0,
      register: [],
      registerStatus: [],
      calls: [{ point: `r${limits.maxRules - 1}`, fail: true, delayMs: 0 }],
      report: report([[`r${limits.maxRules - 1}`, 1, 1]]),
      printed: [],
    },
    {
      name: 'one more point with a rule is an error at its line',
      rules: ruled(limits.maxRules + 1),
      seed: 0,
      register: [],
      registerStatus: [],
      error: { kind: 'limit', line: limits.maxRules + 1, column: 1 },
      calls: [{ point: 'r0', fail: false, delayMs: 0 }],
      report: report([['r0', 1, 0]]),
      printed: [`${limits.maxRules + 1}:1`, 'MAX_RULES'],
    },
    {
      name: 'more rules for the same points are not more points',
      rules: ruled(limits.maxRules) + ruled(limits.maxRules).replaceAll('=fail', '=off'),
      seed: 0,
      register: [],
      registerStatus: [],
      calls: [{ point: 'r0', fail: false, delayMs: 0 }],
      report: report([['r0', 1, 0]]),
      printed: [],
    },
    {
      name: 'a full point table: new points are not counted (reported once), points with rules still fail',
      rules: 'ruled.point=fail\n',
      seed: 0,
      register: ['o0'],
      registerStatus: ['ok'],
      calls: [
        ...others.map((p, i) => ({ point: p, fail: false, delayMs: 0, counted: i < limits.maxPoints - 1 })),
        { point: 'ruled.point', fail: true, delayMs: 0 },
      ].map(({ point, fail, delayMs }) => ({ point, fail, delayMs })),
      report: report([...others.slice(0, limits.maxPoints - 1).map((p) => [p, 1, 0]), ['ruled.point', 1, 1]]),
      printed: ['MAX_POINTS', `"o${limits.maxPoints - 1}"`],
    },
    {
      name: 'a bad point name never fails and is reported once; registering it is an error',
      rules: 'p=fail\n',
      seed: 0,
      register: ['1bad', 'p', '', name64],
      registerStatus: ['name', 'ok', 'name', 'name'],
      calls: [
        { point: 'a..b', fail: false, delayMs: 0 },
        { point: 'p', fail: true, delayMs: 0 },
        { point: 'x y', fail: false, delayMs: 0 },
      ],
      report: report([['p', 1, 1]]),
      printed: ['bad point name "1bad"'],
    },
  ];

  const file = {
    about:
      "Shared vectors of qfi guest fault points: the C SDK (qfi_fault.h), the Rust SDK (qfi_fault.rs), the built-in guest's qfi-fault.sh and qfi's model (src/rules/guest-decide.ts) must all agree. " +
      '`rules` is the rules text byte for byte (`canonical`: exactly what the runner writes into the fw_cfg file); `calls` are made in order after registering `register`; `counts` are the final counts of every point registered or called. ' +
      "`malformed`: the runner's error line, byte column and message. `limitCases`: the SDKs' fixed-storage limits (C/Rust only). Recorded by scripts/write-sdk-vectors.mjs; test: test/unit/guest/sdk-vectors.test.ts.",
    limits,
    decisions,
    malformed,
    limitCases,
  };
  // One call per line keeps the file readable and its diffs small.
  const json = JSON.stringify(file, null, 2)
    .replace(/\{\n\s+"point": ("(?:[^"\\]|\\.)*"),\n\s+"fail": (true|false),\n\s+"delayMs": (\d+)\n\s+\}/g, '{ "point": $1, "fail": $2, "delayMs": $3 }')
    .replace(/\{\n\s+"calls": (\d+),\n\s+"fails": (\d+)\n\s+\}/g, '{ "calls": $1, "fails": $2 }');
  writeFileSync(join(root, 'guest/sdk/vectors.json'), json + '\n');
  console.log(
    `guest/sdk/vectors.json: ${decisions.length} decision vectors (${decisions.reduce((n, d) => n + d.calls.length, 0)} calls), ${malformed.length} malformed, ${limitCases.length} limit cases`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
