/**
 * KTAP v1 and TAP 13/14 results (KUnit, kselftest, any TAP producer) from plain text lines — a
 * guest console or a results file — as a tree: streams of tests, suites holding nested tests.
 *
 * Nesting follows indentation, as KTAP specifies it: a deeper version, plan or result line opens
 * a subtest, a shallower result line is the result of the subtest it closes. The `# Subtest:`
 * line names a subtest, after its version line (KUnit) or before it (TAP 14). printk timestamps
 * and log levels are stripped first. Lines that are not KTAP (kernel messages, the test's own
 * output) become diagnostics of the test they were printed during, as kunit_parser does.
 *
 * Nothing here is trusted to end well: a stream that stops before its plan is complete, a suite
 * without its result line, a missing top-level plan or `Bail out!` is an error (a crash), never
 * a pass. Two forms have no top-level plan and are not errors: KUnit test modules (each suite is
 * printed as an indented subtest whose result line closes it, with no top-level header) and
 * nested subtests without a plan (KUnit's parameterised cases), which their result line closes.
 *
 * Memory is bounded for a looping guest: tests, streams and diagnostics beyond fixed budgets are
 * counted, not kept.
 */
import { stripPrintkPrefix } from './console-parser.js';
import { shorten } from './problems.js';

export type KtapOutcome = 'pass' | 'fail' | 'skip' | 'todo' | 'error';

export interface KtapTest {
  name: string;
  /** For a suite: the worst of its subtests and its own result line. */
  outcome: KtapOutcome;
  /** `SKIP`, `TODO`, `XFAIL`, `TIMEOUT` or `ERROR`, as on the result line. */
  directive: string | undefined;
  /** The text after `#` on the result line (a skip's reason). */
  note: string | undefined;
  /** Lines printed before its result, since the previous result at its level (bounded). */
  diagnostics: string[];
  /** Nested tests; empty for a test case. */
  subtests: KtapTest[];
  /** What made the parser distrust it: truncated, fewer results than planned... */
  errors: string[];
  /** Console line of its result line, or of where it stopped when it has none. */
  line: number;
  /** First console line of its span: the line after the previous result at its level. */
  firstLine: number;
  /** Added by the parser where a result is missing (a truncated stream, a short plan). */
  synthetic?: boolean;
}

export interface KtapStream {
  /** Where its lines are: `console`, or `results file /tmp/results.tap`; line numbers count there. */
  source: string;
  /** `KTAP version 1`, `TAP version 13`...; for KUnit modules, the first suite's version line. */
  version: string;
  /** KUnit module output: suites as subtests of a top level that has no header and no plan. */
  headerless: boolean;
  firstLine: number;
  lastLine: number;
  plan: number | undefined;
  tests: KtapTest[];
  /** Errors of the stream as a whole (truncated, missing plan, bail out), each naming where. */
  errors: string[];
}

export interface KtapCounts {
  /** Test cases (tests without subtests, plus the parser's placeholders for missing results). */
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  /** TODO and XFAIL failures: expected, so they do not fail the run. */
  todo: number;
  errors: number;
}

export interface KtapReport {
  streams: KtapStream[];
  counts: KtapCounts;
  /** Results counted but not kept (over the storage budget of a runaway log). */
  dropped: number;
}

/** Budgets: a looping guest may print KTAP forever. */
const maxStoredTests = 10_000;
const maxStreams = 200;
const maxDiagnostics = 40;

type Line =
  | { kind: 'version'; text: string }
  | { kind: 'plan'; count: number; note: string | undefined }
  | { kind: 'result'; ok: boolean; number: number | undefined; description: string; directive: string | undefined; note: string | undefined }
  | { kind: 'subtest'; name: string }
  | { kind: 'bail'; reason: string }
  | { kind: 'other' };

const versionLine = /^(K?TAP version \d+)$/;
const planLine = /^1\.\.(\d+)\s*(?:#\s*(.*))?$/;
const resultLine = /^(ok|not ok)\b(?:\s+(\d+))?\s*(.*)$/;
const subtestLine = /^# Subtest: (.*)$/;
const bailLine = /^Bail out!\s*(.*)$/;

export function classifyKtapLine(body: string): Line {
  let m = versionLine.exec(body);
  if (m) return { kind: 'version', text: m[1]! };
  m = planLine.exec(body);
  if (m) return { kind: 'plan', count: Number(m[1]), note: m[2]?.trim() || undefined };
  m = resultLine.exec(body);
  if (m) {
    // `ok 3 - name # SKIP why`: an unescaped `#` starts the directive (`\#` is part of the name).
    const rest = m[3]!;
    const hash = rest.search(/(?<!\\)#/);
    const description = (hash === -1 ? rest : rest.slice(0, hash)).replace(/^-\s*/, '').replace(/\\#/g, '#').trim();
    const comment = hash === -1 ? undefined : rest.slice(hash + 1).trim();
    const directive = comment ? /^(SKIP|TODO|XFAIL|TIMEOUT|ERROR)\b/i.exec(comment)?.[1]?.toUpperCase() : undefined;
    const note = comment === undefined ? undefined : (directive ? comment.slice(directive.length).trim() : comment) || undefined;
    return { kind: 'result', ok: m[1] === 'ok', number: m[2] === undefined ? undefined : Number(m[2]), description, directive, note };
  }
  m = subtestLine.exec(body);
  if (m) return { kind: 'subtest', name: m[1]!.trim() };
  m = bailLine.exec(body);
  if (m) return { kind: 'bail', reason: m[1]!.trim() };
  return { kind: 'other' };
}

/** One level of nesting: the test whose subtests are listed at this indentation. */
interface Level {
  test: KtapTest;
  indent: number;
  plan: number | undefined;
  results: number;
  /** Lines since the last result at this level: the next result's diagnostics. */
  pending: string[];
  pendingDropped: number;
  /** TAP 14: `# Subtest: name` before the subtest's own lines. */
  pendingName: string | undefined;
  /** A subtest that ended (a shallower line came), waiting for its result line here. */
  closedChild: KtapTest | undefined;
  /** Opened by a version line, so a `# Subtest:` right after it names it (KUnit). */
  fresh: boolean;
  /** Where the next test's span starts: after the last result here, or where the level opened. */
  spanStart: number;
}

const newTest = (name: string, line: number): KtapTest => ({
  name,
  outcome: 'pass',
  directive: undefined,
  note: undefined,
  diagnostics: [],
  subtests: [],
  errors: [],
  line,
  firstLine: line,
});

const outcomeRank: Record<KtapOutcome, number> = { pass: 0, skip: 0, todo: 0, fail: 1, error: 2 };

/**
 * Feed lines in order with `addLine`, then `end()` once the text is complete. `source` names
 * where the lines are (`console`, `results file /tmp/results.tap`) in every message.
 */
export class KtapParser {
  constructor(private readonly source = 'console') {}

  private stack: Level[] = [];
  private stream: { version: string; headerless: boolean; firstLine: number; errors: string[] } | undefined;
  private readonly streams: KtapStream[] = [];
  private stored = 0;
  private dropped = 0;
  private readonly overflow: KtapCounts = { tests: 0, passed: 0, failed: 0, skipped: 0, todo: 0, errors: 0 };
  private lastLine = 0;

  addLine(raw: string, lineNo: number): void {
    this.lastLine = lineNo;
    const text = stripPrintkPrefix(raw).replace(/\s+$/, '');
    const body = text.trimStart();
    const indent = indentWidth(text.slice(0, text.length - body.length));
    const line = classifyKtapLine(body);

    if (!this.stream) {
      if (line.kind === 'version') this.startStream(line.text, indent, lineNo);
      return;
    }
    switch (line.kind) {
      case 'version':
        this.onVersion(line.text, indent, lineNo);
        break;
      case 'subtest':
        this.onSubtest(line.name, indent, lineNo, text);
        break;
      case 'plan':
        this.onPlan(line.count, line.note, indent, lineNo, text);
        break;
      case 'result':
        this.onResult(line, indent, lineNo);
        break;
      case 'bail':
        this.stream.errors.push(`Bail out! at ${this.source} line ${lineNo}${line.reason ? `: ${shorten(line.reason)}` : ''}`);
        this.endStream(lineNo, `the producer bailed out at ${this.source} line ${lineNo}`);
        break;
      default:
        this.note(text);
    }
  }

  /** The text is complete: whatever is still open was cut off. */
  end(): KtapReport | undefined {
    if (this.stream) this.endStream(this.lastLine, `the ${this.source} ended at line ${this.lastLine}`);
    if (this.streams.length === 0 && this.overflow.tests === 0) return undefined;
    const counts = { ...this.overflow };
    for (const stream of this.streams) addCounts(counts, countStream(stream));
    return { streams: this.streams, counts, dropped: this.dropped };
  }

  private get top(): Level {
    return this.stack[this.stack.length - 1]!;
  }

  private startStream(version: string, indent: number, lineNo: number): void {
    // An indented first version line is a KUnit module's suite: its top level has no header.
    const headerless = indent > 0;
    this.stream = { version, headerless, firstLine: lineNo, errors: [] };
    this.stack = [this.level(newTest('', lineNo), 0, false)];
    if (headerless) this.stack.push(this.level(newTest('', lineNo), indent, true));
    else this.stack[0]!.indent = indent;
  }

  private level(test: KtapTest, indent: number, fresh: boolean): Level {
    return { test, indent, plan: undefined, results: 0, pending: [], pendingDropped: 0, pendingName: undefined, closedChild: undefined, fresh, spanStart: test.line };
  }

  private onVersion(version: string, indent: number, lineNo: number): void {
    const root = this.stack[0]!;
    if (indent <= root.indent) {
      // A new top-level stream: the current one is over, complete or not.
      this.endStream(lineNo - 1, `a new KTAP stream started at ${this.source} line ${lineNo}`);
      this.startStream(version, indent, lineNo);
      return;
    }
    this.cutDeeperThan(indent - 1, lineNo, `a new test started at ${this.source} line ${lineNo} before its result`);
    this.openChild(indent, lineNo, true);
  }

  private onSubtest(name: string, indent: number, lineNo: number, text: string): void {
    const top = this.top;
    if (indent === top.indent && top.fresh && top.results === 0 && this.stack.length > 1) {
      top.test.name = name;
    } else if (indent === top.indent) {
      top.pendingName = name;
    } else if (indent > top.indent) {
      this.openChild(indent, lineNo, false).test.name = name;
    } else {
      this.note(text);
    }
  }

  private onPlan(count: number, note: string | undefined, indent: number, lineNo: number, text: string): void {
    let top = this.top;
    if (indent > top.indent) top = this.openChild(indent, lineNo, false);
    if (indent !== top.indent || top.plan !== undefined) return this.note(text);
    top.plan = count;
    top.fresh = false;
    if (count === 0 && note && /^SKIP\b/i.test(note)) {
      top.test.directive = 'SKIP';
      top.test.note = note.slice(4).trim() || undefined;
    }
    if (this.stack.length === 1 && top.results >= count) this.endStream(lineNo, '');
  }

  private onResult(result: Extract<Line, { kind: 'result' }>, indent: number, lineNo: number): void {
    // A shallower result closes the subtests above it: it is the result of the outermost one closed.
    while (indent < this.top.indent && this.stack.length > 1) {
      const closed = this.stack.pop()!;
      this.finishLevel(closed);
      this.top.closedChild = closed.test;
    }
    if (indent > this.top.indent) this.openChild(indent, lineNo, false);
    this.record(this.top, result, lineNo);
    const root = this.stack[0]!;
    if (this.stack.length === 1 && root.plan !== undefined && root.results >= root.plan) this.endStream(lineNo, '');
  }

  private openChild(indent: number, lineNo: number, fresh: boolean): Level {
    const parent = this.top;
    // Lines printed before the subtest began stay with the parent: its result line is the subtest's.
    const child = this.level(newTest(parent.pendingName ?? '', lineNo), indent, fresh);
    parent.pendingName = undefined;
    this.stack.push(child);
    return child;
  }

  /** A result line at `level`: for the subtest that just closed there, or a new test case. */
  private record(level: Level, result: Extract<Line, { kind: 'result' }>, lineNo: number): void {
    const test = level.closedChild ?? { ...newTest('', lineNo), firstLine: level.spanStart };
    level.closedChild = undefined;
    level.spanStart = lineNo + 1;
    level.fresh = false;
    test.name = result.description || test.name || `test ${result.number ?? level.results + 1}`;
    test.line = lineNo;
    test.directive = result.directive;
    test.note = result.note;
    const own = resultOutcome(result.ok, result.directive);
    test.diagnostics.push(...this.takePending(level));
    if (test.subtests.length > 0) {
      // A failing suite whose cases all passed (its init failed): keep the failure visible as a case.
      if (rank(own) > 0 && !test.subtests.some((t) => rank(t.outcome) > 0)) {
        test.subtests.push({ ...newTest('(suite result)', lineNo), outcome: own, directive: result.directive, note: result.note, synthetic: true });
      }
      test.outcome = worst([own, ...test.subtests.map((t) => t.outcome)]);
      if (own === 'skip' && test.outcome === 'pass') test.outcome = 'skip';
    } else {
      test.outcome = own;
    }
    level.results++;
    this.store(level, test);
  }

  private store(level: Level, test: KtapTest): void {
    if (test.subtests.length === 0 && this.stored >= maxStoredTests) {
      this.dropped++;
      addCounts(this.overflow, countTests([test]));
      return;
    }
    if (test.subtests.length === 0) this.stored++;
    level.test.subtests.push(test);
  }

  /** Checks a closed level against its plan; lines left over after its last result are its own. */
  private finishLevel(level: Level): void {
    if (level.closedChild) {
      // Two levels closed by one line: the inner one never got its own result line.
      const orphan = level.closedChild;
      level.closedChild = undefined;
      orphan.errors.push(`no result line for ${orphan.name || 'a subtest'}`);
      orphan.outcome = 'error';
      level.results++;
      this.store(level, orphan);
    }
    level.test.diagnostics.push(...this.takePending(level));
    if (level.plan !== undefined && level.results !== level.plan) {
      const missing = level.plan - level.results;
      level.test.errors.push(`planned ${level.plan} test${level.plan === 1 ? '' : 's'}, got ${level.results} result${level.results === 1 ? '' : 's'}`);
      if (missing > 0) {
        level.test.subtests.push({ ...newTest(`(${missing} planned result${missing === 1 ? '' : 's'} missing)`, level.test.line), outcome: 'error', errors: [...level.test.errors], synthetic: true });
      }
    }
  }

  /** Ends levels nested deeper than `indent` that never got their result line. */
  private cutDeeperThan(indent: number, lineNo: number, why: string): void {
    while (this.stack.length > 1 && this.top.indent > indent) {
      const level = this.stack.pop()!;
      this.cutLevel(level, lineNo, why);
      this.top.closedChild = undefined;
      this.top.results++;
      this.store(this.top, level.test);
    }
  }

  /**
   * A level cut off before its result line: the test that was running in it becomes an error
   * case (a placeholder when it had printed nothing KTAP yet), and so does the level's own test.
   */
  private cutLevel(level: Level, lineNo: number, why: string): void {
    const last = level.test.subtests.at(-1);
    const counted = level.plan === undefined ? `${level.results} result${level.results === 1 ? '' : 's'}` : `${level.results} of ${level.plan} results`;
    const message = `stopped ${last ? `after ${last.name}` : 'before its first result'} (${counted}): ${why}`;
    const placeholder = level.plan === undefined ? '(no result)' : `(no result for test ${level.results + 1} of ${level.plan})`;
    const running = level.closedChild ?? { ...newTest(placeholder, lineNo), firstLine: level.spanStart, synthetic: true };
    level.closedChild = undefined;
    running.outcome = 'error';
    running.errors.push(`no result: ${why}`);
    running.diagnostics.push(...this.takePending(level));
    level.test.subtests.push(running);
    level.test.errors.push(message);
    level.test.outcome = 'error';
    level.test.line = lineNo;
  }

  /** Closes the stream: levels still open are cut off (with `why`); a root without plan is an error. */
  private endStream(lineNo: number, why: string): void {
    const stream = this.stream!;
    // Innermost first, so each cut test is stored in its parent before the parent is cut.
    while (this.stack.length > 1) {
      const level = this.stack.pop()!;
      this.cutLevel(level, lineNo, why);
      stream.errors.push(`KTAP ${pathOf(this.stack, level)} ${level.test.errors.at(-1)}`);
      this.top.closedChild = undefined;
      this.top.results++;
      this.store(this.top, level.test);
    }
    const root = this.stack[0]!;
    if (root.closedChild) {
      // A subtest closed by dedent whose result line never came.
      const test = root.closedChild;
      test.errors.push(`no result line for ${test.name || 'a subtest'}: ${why}`);
      test.outcome = 'error';
      root.results++;
      this.store(root, test);
      stream.errors.push(`KTAP ${test.name || 'subtest'}: no result line (${why})`);
    }
    const tail = this.takePending(root);
    if (!stream.headerless) {
      if (root.plan === undefined) {
        stream.errors.push(`KTAP stream at ${this.source} line ${stream.firstLine} has no plan (1..N)${root.results ? ` after ${root.results} result${root.results === 1 ? '' : 's'}` : ''}: ${why || 'it ended'}`);
      } else if (root.results < root.plan) {
        const last = root.test.subtests.at(-1);
        stream.errors.push(`KTAP stream at ${this.source} line ${stream.firstLine} stopped after ${root.results} of ${root.plan} results${last ? ` (last: ${last.name})` : ''}: ${why}`);
        root.test.subtests.push({ ...newTest(`(no result for test ${root.results + 1} of ${root.plan})`, lineNo), outcome: 'error', diagnostics: tail, errors: [why], synthetic: true });
      } else if (root.results > root.plan) {
        stream.errors.push(`KTAP stream at ${this.source} line ${stream.firstLine} planned ${root.plan} tests but reported ${root.results}`);
      }
    }
    const done: KtapStream = {
      source: this.source,
      version: stream.version,
      headerless: stream.headerless,
      firstLine: stream.firstLine,
      lastLine: lineNo,
      plan: root.plan,
      tests: root.test.subtests,
      errors: stream.errors,
    };
    if (this.streams.length < maxStreams) this.streams.push(done);
    else addCounts(this.overflow, countStream(done));
    this.stream = undefined;
    this.stack = [];
  }

  /** A line that is not KTAP: a diagnostic of whatever test is running at the innermost level. */
  private note(text: string): void {
    const level = this.top;
    if (level.pending.length < maxDiagnostics) level.pending.push(shorten(text.trim()));
    else level.pendingDropped++;
  }

  private takePending(level: Level): string[] {
    const lines = level.pending;
    if (level.pendingDropped) lines.push(`… (${level.pendingDropped} more line${level.pendingDropped === 1 ? '' : 's'})`);
    level.pending = [];
    level.pendingDropped = 0;
    return lines;
  }
}

/** Parses a whole text (a KTAP file, a console log) at once. */
export function parseKtap(text: string, source = 'console'): KtapReport | undefined {
  const parser = new KtapParser(source);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => parser.addLine(line.replace(/\r$/, ''), i + 1));
  return parser.end();
}

function resultOutcome(ok: boolean, directive: string | undefined): KtapOutcome {
  if (directive === 'SKIP') return 'skip';
  if (directive === 'XFAIL') return 'todo';
  if (directive === 'TODO') return ok ? 'pass' : 'todo';
  if (directive === 'TIMEOUT' || directive === 'ERROR') return 'fail';
  return ok ? 'pass' : 'fail';
}

const rank = (o: KtapOutcome) => outcomeRank[o];

function worst(outcomes: KtapOutcome[]): KtapOutcome {
  return outcomes.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'pass');
}

/** Tabs count as 8 columns, as printk's consumers show them. */
function indentWidth(space: string): number {
  let width = 0;
  for (const c of space) width += c === '\t' ? 8 : 1;
  return width;
}

/** Dotted names from the stream's top level to `level`'s test. */
function pathOf(stack: Level[], level: Level): string {
  return [...stack.slice(1).map((l) => l.test.name), level.test.name].filter(Boolean).join('.') || 'top level';
}

export function countTests(tests: KtapTest[]): KtapCounts {
  const counts: KtapCounts = { tests: 0, passed: 0, failed: 0, skipped: 0, todo: 0, errors: 0 };
  const visit = (t: KtapTest) => {
    if (t.subtests.length) return t.subtests.forEach(visit);
    counts.tests++;
    if (t.outcome === 'pass') counts.passed++;
    else if (t.outcome === 'fail') counts.failed++;
    else if (t.outcome === 'skip') counts.skipped++;
    else if (t.outcome === 'todo') counts.todo++;
    else counts.errors++;
  };
  tests.forEach(visit);
  return counts;
}

function countStream(stream: KtapStream): KtapCounts {
  const counts = countTests(stream.tests);
  // A stream error with no placeholder case (a missing plan) still counts once.
  if (stream.errors.length && counts.errors === 0) {
    counts.errors++;
    counts.tests++;
  }
  return counts;
}

function addCounts(into: KtapCounts, add: KtapCounts): void {
  for (const key of Object.keys(into) as Array<keyof KtapCounts>) into[key] += add[key];
}

/** Results from several places (the console, a results file) as one report, streams in order. */
export function mergeKtapReports(reports: ReadonlyArray<KtapReport | undefined>): KtapReport | undefined {
  const present = reports.filter((r): r is KtapReport => r !== undefined);
  if (present.length <= 1) return present[0];
  const counts: KtapCounts = { tests: 0, passed: 0, failed: 0, skipped: 0, todo: 0, errors: 0 };
  for (const r of present) addCounts(counts, r.counts);
  return { streams: present.flatMap((r) => r.streams), counts, dropped: present.reduce((n, r) => n + r.dropped, 0) };
}
