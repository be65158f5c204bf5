/**
 * qtest scripts: QEMU's qtest protocol lines, each with an optional expectation, in named
 * sections. One section is one JUnit testcase.
 *
 *   # the fw_cfg signature through the x86 I/O ports
 *   [fw_cfg signature]
 *   outw 0x510 0x0000
 *   inb 0x511 == 0x51
 *   readl 0x09000018 & 0x90 == 0x00          # a mask applied to the value read
 *   read 0x40000000 4 == 0x51454d55          # bytes, as QEMU prints them
 *   inb 0x1f7 & 0x88 == 0x08 until 2s        # poll until it matches
 *   readl 0x0e000000 secure == 0x0            # memory-transaction attributes (if QEMU has them)
 *   readl 0x1000 space=realm == ERR           # a command that must fail
 *   marker blk-window                         # opens host fault windows waiting for this marker
 *   irq 4 == raised                           # an intercepted IRQ line's last state
 *
 * Without an expectation a command must still answer OK. Lines before the first `[section]`
 * form a section named `setup`; a script without sections is one section named after the file.
 */
import { decodeUtf8Input, MAX_TEXT_INPUT_BYTES, readInputFile } from '../core/input-file.js';
import { basename } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { parseDuration, ValueProblem } from '../config/parse-values.js';

/** What a command's answer is compared with. */
export type Expectation =
  | { kind: 'value'; op: '==' | '!='; value: bigint; mask: bigint | undefined; text: string }
  | { kind: 'data'; op: '==' | '!='; data: string; text: string }
  | { kind: 'text'; op: '==' | '!='; word: string; text: string }
  | { kind: 'error' };

export interface ScriptStep {
  /** 1-based line in the script file. */
  line: number;
  /** The line as written, comment removed. */
  source: string;
  /** What is sent to QEMU (`readl 0x1000 secure`); empty for qfi's own steps. */
  wire: string;
  kind: 'qtest' | 'marker' | 'irq';
  command: string;
  /** Memory-transaction attributes (`secure`, `space=realm`) the command carries. */
  attrs: string | undefined;
  expect: Expectation | undefined;
  /** Poll: send again until the expectation holds, for at most this long. */
  untilMs: number | undefined;
  /** For `marker`: its name; for `irq`: the line number and the state wanted. */
  marker?: string;
  irq?: { line: number; raised: boolean };
}

export interface ScriptSection {
  name: string;
  line: number;
  steps: ScriptStep[];
}

export interface QtestScript {
  file: string;
  /** The file's base name without `.qtest`: the JUnit suite name. */
  name: string;
  sections: ScriptSection[];
}

type Answer = 'ok' | 'value' | 'data' | 'text';

/** Each command QEMU's qtest server knows: its arguments (before attributes) and its answer. */
const COMMANDS: Record<string, { args: number; answer: Answer; attrs: boolean; optionalArgs?: number }> = {
  readb: { args: 1, answer: 'value', attrs: true },
  readw: { args: 1, answer: 'value', attrs: true },
  readl: { args: 1, answer: 'value', attrs: true },
  readq: { args: 1, answer: 'value', attrs: true },
  writeb: { args: 2, answer: 'ok', attrs: true },
  writew: { args: 2, answer: 'ok', attrs: true },
  writel: { args: 2, answer: 'ok', attrs: true },
  writeq: { args: 2, answer: 'ok', attrs: true },
  inb: { args: 1, answer: 'value', attrs: false },
  inw: { args: 1, answer: 'value', attrs: false },
  inl: { args: 1, answer: 'value', attrs: false },
  outb: { args: 2, answer: 'ok', attrs: false },
  outw: { args: 2, answer: 'ok', attrs: false },
  outl: { args: 2, answer: 'ok', attrs: false },
  read: { args: 2, answer: 'data', attrs: true },
  write: { args: 3, answer: 'ok', attrs: true },
  b64read: { args: 2, answer: 'text', attrs: true },
  b64write: { args: 3, answer: 'ok', attrs: true },
  memset: { args: 3, answer: 'ok', attrs: true },
  clock_step: { args: 0, optionalArgs: 1, answer: 'value', attrs: false },
  clock_set: { args: 1, answer: 'value', attrs: false },
  irq_intercept_in: { args: 1, answer: 'ok', attrs: false },
  irq_intercept_out: { args: 1, answer: 'ok', attrs: false },
  set_irq_in: { args: 4, answer: 'ok', attrs: false },
  endianness: { args: 0, answer: 'text', attrs: false },
};

/** The attribute forms of QEMU's qtest protocol: `secure` (x86 SMM, Arm Secure) and Arm's security spaces. */
const ATTRS = /^(secure|space=(non-secure|secure|root|realm))$/;
const NUMBER = /^(0x[0-9a-fA-F]+|[0-9]+)$/;
const SCRIPT_HINT = 'a line is a qtest command with an optional expectation: `inb 0x511 == 0x51`, `readl 0x1000 & 0xff == 0x12`, `read 0x1000 4 == 0x51454d55`';

export function readQtestScript(file: string): QtestScript {
  const request = { path: file, displayPath: file, what: 'qtest script', maxBytes: MAX_TEXT_INPUT_BYTES, location: { input: 'qtest-script' } };
  return parseQtestScript(decodeUtf8Input(readInputFile(request), request), file);
}

export function parseQtestScript(text: string, file: string): QtestScript {
  const name = basename(file).replace(/\.qtest$/, '');
  const sections: ScriptSection[] = [];
  let current: ScriptSection | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const source = stripComment(raw.replace(/\r$/, '')).trim();
    if (source === '') return;
    const header = /^\[(.*)\]$/.exec(source);
    if (header) {
      const title = header[1]!.trim();
      if (title === '') throw scriptError('a section needs a name: `[fw_cfg signature]`', file, lineNo, raw, 1);
      if (sections.some((s) => s.name === title))
        throw scriptError(`section [${title}] is given twice`, file, lineNo, raw, 1, 'give each section its own name: it is the JUnit testcase name');
      current = { name: title, line: lineNo, steps: [] };
      sections.push(current);
      return;
    }
    if (!current) {
      current = { name: 'setup', line: lineNo, steps: [] };
      sections.push(current);
    }
    try {
      current.steps.push(parseStep(source, lineNo));
    } catch (err) {
      if (!(err instanceof ValueProblem)) throw err;
      const indent = raw.length - raw.trimStart().length;
      const at = err instanceof WordProblem ? raw.indexOf(err.word, indent) + 1 : indent + 1;
      throw scriptError(err.message, file, lineNo, raw, Math.max(at, 1), err.hint);
    }
  });
  // A script with no section headers is one testcase named after the file.
  if (sections.length === 1 && sections[0]!.name === 'setup' && !/^\s*\[/m.test(text)) sections[0]!.name = name;
  const withSteps = sections.filter((s) => s.steps.length > 0);
  if (withSteps.length === 0) throw scriptError('the script has no commands', file, 1, lines[0] ?? '', 1, SCRIPT_HINT);
  const empty = sections.find((s) => s.steps.length === 0);
  if (empty)
    throw scriptError(
      `section [${empty.name}] has no commands`,
      file,
      empty.line,
      lines[empty.line - 1] ?? '',
      1,
      'add commands under it, or remove the section',
    );
  return { file, name, sections };
}

/** `#` starts a comment unless it is inside a word (`b64write` data may hold none, so this is safe). */
function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

class WordProblem extends ValueProblem {
  constructor(
    message: string,
    readonly word: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A step's line taken apart: `COMMAND ARGS [& MASK] (==|!=) EXPECTED [until DURATION]`. */
interface StepParts {
  command: string;
  args: string[];
  mask: string | undefined;
  op: '==' | '!=' | undefined;
  expected: string | undefined;
  untilMs: number | undefined;
}

function splitStep(source: string): StepParts {
  let rest = source;
  let untilMs: number | undefined;
  const until = /\s+until\s+(\S+)$/.exec(rest);
  if (until) {
    untilMs = parseDuration(until[1]!);
    rest = rest.slice(0, until.index);
  }
  const cmp = /\s+(==|!=)\s+(\S+)$/.exec(rest);
  let mask: string | undefined;
  let op: '==' | '!=' | undefined;
  let expected: string | undefined;
  if (cmp) {
    op = cmp[1] as '==' | '!=';
    expected = cmp[2]!;
    rest = rest.slice(0, cmp.index);
    const masked = /\s+&\s+(\S+)$/.exec(rest);
    if (masked) {
      mask = masked[1]!;
      rest = rest.slice(0, masked.index);
    }
  }
  const words = rest.split(/\s+/);
  if (untilMs !== undefined && op === undefined)
    throw new WordProblem('`until` polls for an expectation, but the line has none', 'until', 'write `inb 0x1f7 & 0x80 == 0x00 until 2s`');
  return { command: words[0]!, args: words.slice(1), mask, op, expected, untilMs };
}

function parseStep(source: string, line: number): ScriptStep {
  const parts = splitStep(source);
  if (parts.command === 'marker') return markerStep(parts, source, line);
  if (parts.command === 'irq') return irqStep(parts, source, line);
  return qtestStep(parts, source, line);
}

/** qfi's own `marker NAME`: host rules may wait for it. */
function markerStep({ command, args, op }: StepParts, source: string, line: number): ScriptStep {
  if (args.length !== 1 || op !== undefined || !/^[A-Za-z0-9_.-]+$/.test(args[0] ?? ''))
    throw new WordProblem('`marker` takes one name of letters, digits, `_`, `.`, `-`', command, 'write `marker blk-window`');
  return { line, source, wire: '', kind: 'marker', command, attrs: undefined, expect: undefined, untilMs: undefined, marker: args[0]! };
}

/** qfi's own `irq N == raised|lowered`, on a line intercepted before. */
function irqStep({ command, args, op, expected, mask, untilMs }: StepParts, source: string, line: number): ScriptStep {
  const irqLine = args[0] ?? '';
  if (args.length !== 1 || !/^[0-9]+$/.test(irqLine) || op !== '==' || (expected !== 'raised' && expected !== 'lowered') || mask) {
    throw new WordProblem(
      '`irq` checks an intercepted IRQ line: `irq N == raised` or `irq N == lowered`',
      command,
      'intercept the lines first with `irq_intercept_in` or `irq_intercept_out`',
    );
  }
  return {
    line,
    source,
    wire: '',
    kind: 'irq',
    command,
    attrs: undefined,
    expect: undefined,
    untilMs,
    irq: { line: Number(irqLine), raised: expected === 'raised' },
  };
}

/** One of QEMU's qtest commands, its arguments checked before QEMU sees them. */
function qtestStep({ command, args, mask, op, expected, untilMs }: StepParts, source: string, line: number): ScriptStep {
  const spec = COMMANDS[command];
  if (!spec)
    throw new WordProblem(`unknown qtest command \`${command}\``, command, `known commands: ${Object.keys(COMMANDS).join(', ')}, and qfi's own marker and irq`);
  let attrs: string | undefined;
  const most = spec.args + (spec.optionalArgs ?? 0);
  if (spec.attrs && args.length === spec.args + 1) attrs = args.pop();
  if (args.length < spec.args || args.length > most) {
    throw new WordProblem(
      `\`${command}\` takes ${spec.optionalArgs ? `${spec.args} to ${most}` : spec.args} argument${most === 1 ? '' : 's'}${spec.attrs ? ' and optional attributes' : ''}, got ${args.length + (attrs ? 1 : 0)}`,
      command,
      SCRIPT_HINT,
    );
  }
  if (attrs !== undefined && !ATTRS.test(attrs)) {
    throw new WordProblem(
      `bad memory-transaction attributes \`${attrs}\``,
      attrs,
      "QEMU's qtest takes `secure` or `space=non-secure|secure|root|realm` after the command's arguments",
    );
  }
  const numeric = command.startsWith('set_irq_in') || command.startsWith('irq_intercept') ? [] : command === 'b64write' ? args.slice(0, 2) : args;
  for (const a of numeric) if (!NUMBER.test(a)) throw new WordProblem(`\`${a}\` is not a number`, a, 'write numbers in hex (`0x510`) or decimal');
  // QEMU asserts on these (it would abort, not answer).
  if (/^(in|out)[bwl]$/.test(command) && BigInt(args[0]!) > 0xffffn)
    throw new WordProblem(`port ${args[0]} is beyond 0xffff`, args[0]!, 'I/O ports are 16-bit; use readX/writeX for memory addresses');
  if (['read', 'b64read', 'write', 'b64write', 'memset'].includes(command) && BigInt(args[1]!) === 0n)
    throw new WordProblem('a size of 0 reads or writes nothing', args[1]!, 'give the number of bytes');

  return {
    line,
    source,
    wire: [command, ...args, ...(attrs ? [attrs] : [])].join(' '),
    kind: 'qtest',
    command,
    attrs,
    expect: op && expected ? expectation(spec.answer, op, expected, mask) : undefined,
    untilMs,
  };
}

function expectation(answer: Answer, op: '==' | '!=', expected: string, mask: string | undefined): Expectation {
  if (expected === 'ERR') {
    if (op !== '==' || mask) throw new WordProblem('only `== ERR` expects a failure', expected);
    return { kind: 'error' };
  }
  if (mask !== undefined && answer !== 'value') throw new WordProblem('a mask (`& MASK`) applies to commands that answer a value', mask);
  switch (answer) {
    case 'value':
      if (!NUMBER.test(expected)) throw new WordProblem(`expected value \`${expected}\` is not a number`, expected, 'write it in hex (`0x51`) or decimal');
      if (mask !== undefined && !NUMBER.test(mask)) throw new WordProblem(`mask \`${mask}\` is not a number`, mask, 'write it in hex, like `& 0xff`');
      return { kind: 'value', op, value: BigInt(expected), mask: mask === undefined ? undefined : BigInt(mask), text: expected };
    case 'data':
      if (!/^0x([0-9a-fA-F]{2})+$/.test(expected))
        throw new WordProblem(`expected data \`${expected}\` is not hex bytes`, expected, '`read` answers bytes in order, like `0x51454d55`');
      return { kind: 'data', op, data: expected.toLowerCase(), text: expected };
    case 'text':
      return { kind: 'text', op, word: expected, text: expected };
    case 'ok':
      throw new WordProblem('this command answers only OK: expect nothing, or `== ERR`', expected);
  }
}

function scriptError(message: string, file: string, line: number, sourceLine: string, column: number, hint?: string): ConfigError {
  return new ConfigError(message, { location: { file, line, column, sourceLine }, hint: hint ?? SCRIPT_HINT });
}
