import { describe, expect, it } from 'vitest';
import { corpusLabels, corpusNames, judgeCorpusLog } from '../../helpers/corpus.js';

/**
 * The labeled corpus: real consoles recorded by scripts/record-corpus.sh, each with a hand-made
 * label (labels.json: the verdict and the worst problem a reader sees in the log). Every log
 * goes through ConsoleParser, LogSummarizer, the KTAP parser, decideVerdict and the findings
 * step, as a run does; all must match their label.
 */
describe('labeled console corpus', () => {
  const labels = corpusLabels();
  const names = corpusNames();

  it('labels every recorded log, and has at least 20', () => {
    expect(Object.keys(labels).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it('classifies every log as labeled (verdict and top problem)', () => {
    const rows = names.map((name) => {
      const judged = judgeCorpusLog(name);
      const label = labels[name]!;
      const top = judged.top?.kind ?? 'none';
      const ok = judged.result.verdict === label.verdict && top === label.top;
      return { name, ok, want: `${label.verdict}/${label.top}`, got: `${judged.result.verdict}/${top}`, reason: judged.result.reason };
    });
    const correct = rows.filter((r) => r.ok).length;
    const table = rows.map((r) => `${r.ok ? '✓' : '✗'} ${r.name.padEnd(28)} ${r.got.padEnd(22)} ${r.ok ? '' : `(label ${r.want}) `}${r.reason.slice(0, 110)}`);
    console.log(`corpus: ${correct}/${rows.length} logs classified as labeled (${((100 * correct) / rows.length).toFixed(0)}%)\n${table.join('\n')}`);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
  });
});
