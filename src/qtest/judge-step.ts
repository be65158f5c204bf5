/**
 * One script step's answer against its expectation: whether it holds, and a diff a person can
 * read in a JUnit failure (command, expected, actual, and the bits or bytes that differ).
 */
import type { QtestAnswer } from './qtest-client.js';
import type { Expectation, ScriptStep } from './script.js';

export interface StepOutcome {
  ok: boolean;
  /** What QEMU answered, as shown in reports (`OK 0x0051`). */
  actual: string;
  /** For a mismatch: expected vs actual, several lines. */
  diff?: string;
}

export function judgeAnswer(step: ScriptStep, answer: QtestAnswer): StepOutcome {
  const expect = step.expect;
  const actual = answer.line;
  if (expect?.kind === 'error') {
    return answer.status === 'OK' ? { ok: false, actual, diff: `expected: an error (ERR or FAIL)\nactual:   ${actual}` } : { ok: true, actual };
  }
  if (answer.status !== 'OK') return { ok: false, actual, diff: `expected: OK${expect ? ` ${describe(expect)}` : ''}\nactual:   ${actual}` };
  if (!expect) return { ok: true, actual };
  switch (expect.kind) {
    case 'value':
      return judgeValue(expect, answer.rest, actual);
    case 'data':
      return judgeData(expect, answer.rest, actual);
    case 'text': {
      const holds = (answer.rest === expect.word) === (expect.op === '==');
      return holds
        ? { ok: true, actual }
        : { ok: false, actual, diff: `expected: ${expect.op === '!=' ? 'not ' : ''}${expect.word}\nactual:   ${answer.rest}` };
    }
  }
}

function describe(expect: Expectation): string {
  if (expect.kind === 'value') return `${expect.op === '!=' ? '!= ' : ''}${expect.text}${expect.mask !== undefined ? ` (& ${hex(expect.mask)})` : ''}`;
  if (expect.kind === 'data' || expect.kind === 'text') return `${expect.op === '!=' ? '!= ' : ''}${expect.text}`;
  return 'ERR';
}

function judgeValue(expect: Extract<Expectation, { kind: 'value' }>, rest: string, actual: string): StepOutcome {
  const word = rest.split(/\s+/)[0] ?? '';
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(word)) return { ok: false, actual, diff: `expected: a value ${describe(expect)}\nactual:   ${actual} (no number)` };
  const raw = BigInt(word);
  const value = expect.mask === undefined ? raw : raw & expect.mask;
  const holds = (value === expect.value) === (expect.op === '==');
  if (holds) return { ok: true, actual };
  // As wide as QEMU printed the value (`0x0005` for an inb), so the two lines line up.
  const printed = word.startsWith('0x') ? word.length - 2 : 0;
  const width = Math.max(printed, hexDigits(raw), hexDigits(expect.value), expect.mask === undefined ? 0 : hexDigits(expect.mask));
  const lines = [
    `expected: ${expect.op === '!=' ? 'anything but ' : ''}${pad(expect.value, width)}${expect.mask !== undefined ? ` (after & ${pad(expect.mask, width)})` : ''}`,
    `actual:   ${pad(value, width)}${expect.mask !== undefined ? ` (read ${pad(raw, width)})` : ''}`,
  ];
  if (expect.op === '==') lines.push(`differs:  ${pad(value ^ expect.value, width)} (bits ${bitList(value ^ expect.value)})`);
  return { ok: false, actual, diff: lines.join('\n') };
}

function judgeData(expect: Extract<Expectation, { kind: 'data' }>, rest: string, actual: string): StepOutcome {
  const got = (rest.split(/\s+/)[0] ?? '').toLowerCase();
  const holds = (got === expect.data) === (expect.op === '==');
  if (holds) return { ok: true, actual };
  const lines = [`expected: ${expect.op === '!=' ? 'anything but ' : ''}${expect.data}`, `actual:   ${got}`];
  if (expect.op === '==') {
    const want = expect.data.slice(2).match(/../g) ?? [];
    const have = got.replace(/^0x/, '').match(/../g) ?? [];
    const differing = want.map((b, i) => (b !== have[i] ? `byte ${i}: ${b} != ${have[i] ?? '--'}` : undefined)).filter((d) => d !== undefined);
    if (differing.length) lines.push(`differs:  ${differing.slice(0, 8).join(', ')}${differing.length > 8 ? ` and ${differing.length - 8} more` : ''}`);
  }
  return { ok: false, actual, diff: lines.join('\n') };
}

function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

function hexDigits(v: bigint): number {
  return v.toString(16).length;
}

function pad(v: bigint, width: number): string {
  return `0x${v.toString(16).padStart(width, '0')}`;
}

function bitList(v: bigint): string {
  const bits: number[] = [];
  for (let i = 0; v >> BigInt(i) > 0n; i++) if ((v >> BigInt(i)) & 1n) bits.push(i);
  return bits.length > 8 ? `${bits.slice(0, 8).join(', ')}…` : bits.join(', ');
}
