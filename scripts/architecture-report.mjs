#!/usr/bin/env node
// Prints issue 19's architecture figures (scripts/architecture.mjs): functions over 80 lines,
// import cycles, backward imports. Usage: node scripts/architecture-report.mjs [--json].
import { analyzeArchitecture } from './architecture.mjs';

const report = analyzeArchitecture();
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  process.stdout.write(`${report.files} files in src/\n`);
  process.stdout.write(`functions over 80 lines: ${report.longFunctions.length}\n`);
  for (const f of report.longFunctions) process.stdout.write(`  ${String(f.lines).padStart(4)}  ${f.name}  ${f.at}\n`);
  process.stdout.write(`import cycles: ${report.cycles.length}\n`);
  for (const c of report.cycles) process.stdout.write(`  ${c.length} files: ${c.join(', ')}\n`);
  process.stdout.write(`backward imports: ${report.backwardImports.length}\n`);
  for (const b of report.backwardImports) process.stdout.write(`  ${b}\n`);
}
