export const LAYERS: string[][];
export interface ArchitectureReport {
  files: number;
  longFunctions: Array<{ at: string; name: string; lines: number }>;
  cycles: string[][];
  backwardImports: string[];
}
export function analyzeArchitecture(root?: string): ArchitectureReport;
