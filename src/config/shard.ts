/** `shard`: which part of a campaign one job runs, `i/N` (1-based) as a plan's matrix entry carries it. */
import { ValueProblem } from '../core/value-problem.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/5`: shard 2 of 5. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) {
    throw new ValueProblem(
      `bad shard ${JSON.stringify(text)}`,
      "write the shard as i/N with 1 <= i <= N, like `2/5` (a plan's matrix entries carry it: `shard: ${{ matrix.shard }}`)",
    );
  }
  return { index, count };
}

export function printShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
