/**
 * Original run vs its replay. `matched` is about the outcome: the same verdict and the same
 * injections (host and plugin injections as injectionKey keeps them, and each guest point's
 * calls and fails). What the replay ran with (rules, seed, QEMU, guest) is compared too, as
 * the likely reason when the outcome differs.
 */
import type { GuestPoint } from '../observe/guest-points.js';
import type { RecordedGuest, RunFacts } from './run-facts.js';

export interface Comparison {
  matched: boolean;
  verdict: { matched: boolean; original: string; rerun: string; originalReason: string; rerunReason: string };
  injections: { matched: boolean; original: number; rerun: number; onlyOriginal: string[]; onlyRerun: string[] };
  /** `summary`: the replay's points as `name calls/fails`, for the matched line. */
  points: { matched: boolean; differences: string[]; summary: string[] };
  setup: {
    rules: { matched: boolean; original: string[]; rerun: string[] };
    seed: { matched: boolean; original: number; rerun: number };
    qemu: { matched: boolean; original: string; rerun: string };
    guest: { matched: boolean; differences: string[] };
  };
}

export function compareRuns(original: RunFacts, rerun: RunFacts): Comparison {
  const o = original.summary;
  const r = rerun.summary;
  const onlyOriginal = multisetMinus(original.injections, rerun.injections);
  const onlyRerun = multisetMinus(rerun.injections, original.injections);
  const points = pointDifferences(o.points ?? [], r.points ?? []);
  const verdictMatched = o.verdict === r.verdict;
  const injectionsMatched = onlyOriginal.length === 0 && onlyRerun.length === 0;
  const qemu = (s: typeof o) => `QEMU ${s.qemu.version} (${qemuOrigin(s.qemu.origin)})`;
  const guest = guestDifferences(o.guest ?? undefined, r.guest ?? undefined);
  return {
    matched: verdictMatched && injectionsMatched && points.length === 0,
    verdict: { matched: verdictMatched, original: o.verdict, rerun: r.verdict, originalReason: o.reason, rerunReason: r.reason },
    injections: { matched: injectionsMatched, original: original.injections.length, rerun: rerun.injections.length, onlyOriginal, onlyRerun },
    points: {
      matched: points.length === 0,
      differences: points,
      summary: (r.points ?? []).map((p) => `${p.name} ${p.calls === undefined ? 'registered' : `${p.fails ?? 0} of ${p.calls} call(s) failed`}`),
    },
    setup: {
      rules: { matched: sameList(o.faults.rules, r.faults.rules), original: o.faults.rules, rerun: r.faults.rules },
      seed: { matched: o.faults.seed === r.faults.seed, original: o.faults.seed, rerun: r.faults.seed },
      qemu: { matched: qemu(o) === qemu(r), original: qemu(o), rerun: qemu(r) },
      guest: { matched: guest.length === 0, differences: guest },
    },
  };
}

/** A QEMU qfi built, whether just now or from a cache, is the same build. */
function qemuOrigin(origin: string): string {
  return ['built', 'local-cache', 'remote-cache'].includes(origin) ? 'built by qfi' : origin;
}

/** The lines to print: the outcome first, then what the replay ran with where it differed. */
export function describeComparison(c: Comparison): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const v = c.verdict;
  lines.push(
    v.matched
      ? `verdict: matched (${v.rerun}: ${v.rerunReason})`
      : `verdict: differed: the original was ${v.original} (${v.originalReason}), the replay ${v.rerun} (${v.rerunReason})`,
  );
  const i = c.injections;
  const guestPoints = c.points.summary.length ? `; guest points: ${c.points.summary.join(', ')}` : '';
  if (i.matched && c.points.matched) lines.push(`injections: matched (${i.rerun} by host or plugin rules${guestPoints})`);
  else {
    lines.push('injections: differed');
    if (i.matched) lines.push(`  host and plugin rules: matched (${i.rerun})`);
    else {
      lines.push(`  host and plugin rules: ${i.original} in the original, ${i.rerun} in the replay`);
      if (i.onlyOriginal.length) lines.push(`  only in the original: ${examples(i.onlyOriginal)}`);
      if (i.onlyRerun.length) lines.push(`  only in the replay: ${examples(i.onlyRerun)}`);
    }
    if (!c.points.matched) lines.push(`  guest points: ${c.points.differences.join('; ')}`);
  }
  const warnings: string[] = [];
  const s = c.setup;
  if (!s.rules.matched) warnings.push(`the replay's rules differ: original [${s.rules.original.join(' ')}], replay [${s.rules.rerun.join(' ')}]`);
  if (!s.seed.matched) warnings.push(`the replay's seed differs: original ${s.seed.original}, replay ${s.seed.rerun}`);
  if (!s.qemu.matched) warnings.push(`the replay ran ${s.qemu.rerun}, the original ${s.qemu.original}: QEMU's behaviour may differ between versions`);
  if (!s.guest.matched) warnings.push(`the replay's guest differs from the original's: ${s.guest.differences.join('; ')}`);
  lines.push(
    `qfi reproduce: ${c.matched ? 'matched' : 'differed'} — the verdict and the injections ${c.matched ? 'are the same as in the original' : 'are not the same as in the original'}`,
  );
  return { lines, warnings };
}

function examples(keys: string[]): string {
  const shown = keys.slice(0, 5).join('; ');
  return keys.length > 5 ? `${shown}; and ${keys.length - 5} more` : shown;
}

/** Items of `a` not matched one for one in `b`. */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return n === 0;
  });
}

function pointDifferences(original: readonly GuestPoint[], rerun: readonly GuestPoint[]): string[] {
  const text = (p: GuestPoint | undefined) =>
    p === undefined ? 'not reported' : p.calls === undefined ? 'registered only' : `${p.calls} call(s), ${p.fails ?? 0} failed`;
  const names = [...new Set([...original, ...rerun].map((p) => p.name))];
  return names.flatMap((name) => {
    const a = text(original.find((p) => p.name === name));
    const b = text(rerun.find((p) => p.name === name));
    return a === b ? [] : [`${name}: ${a} in the original, ${b} in the replay`];
  });
}

/** Which packages and hashes of the built-in guest differ (its mirror and how it was trusted may). */
function guestDifferences(original: RecordedGuest | undefined, rerun: RecordedGuest | undefined): string[] {
  if (original === undefined && rerun === undefined) return [];
  if (original === undefined || rerun === undefined) return [`the built-in guest ran only in the ${original ? 'original' : 'replay'}`];
  const fields: Array<[string, (g: RecordedGuest) => string | undefined]> = [
    ['arch', (g) => g.arch],
    ['kernel package', (g) => g.kernel && `${g.kernel.package} ${g.kernel.version} (deb sha256 ${g.kernel.debSha256})`],
    ['busybox package', (g) => g.busybox && `${g.busybox.package} ${g.busybox.version} (deb sha256 ${g.busybox.debSha256})`],
    ['kernel sha256', (g) => g.kernelSha256],
    ['initramfs sha256', (g) => g.initrdSha256],
  ];
  return fields.flatMap(([what, get]) =>
    get(original) === get(rerun) ? [] : [`${what}: ${get(original) ?? 'none'} in the original, ${get(rerun) ?? 'none'} in the replay`],
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
