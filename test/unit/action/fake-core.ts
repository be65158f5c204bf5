/**
 * A recording stand-in for @actions/core, for adapter tests (the only place @actions/* is
 * mocked): inputs from a map, and every output, state, summary, annotation and failure kept.
 * Trims like the real package (input and lines, unless trimWhitespace is false).
 */
export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  props?: Record<string, unknown>;
}

export const recorded = {
  inputs: {} as Record<string, string>,
  outputs: {} as Record<string, string>,
  state: {} as Record<string, string>,
  summary: '',
  failed: [] as string[],
  annotations: [] as Annotation[],
  log: [] as string[],
};

/** Starts a step: the given inputs, and state carried over from a previous step (main -> post). */
export function startStep(inputs: Record<string, string> = {}, state: Record<string, string> = {}): void {
  Object.assign(recorded, { inputs, outputs: {}, state: { ...state }, summary: '', failed: [], annotations: [], log: [] });
}

export function getInput(name: string, options?: { trimWhitespace?: boolean }): string {
  const value = recorded.inputs[name] ?? '';
  return options?.trimWhitespace === false ? value : value.trim();
}

export function getMultilineInput(name: string, options?: { trimWhitespace?: boolean }): string[] {
  const lines = getInput(name, options)
    .split('\n')
    .filter((line) => line !== '');
  return options?.trimWhitespace === false ? lines : lines.map((line) => line.trim());
}

export const setOutput = (name: string, value: unknown) => void (recorded.outputs[name] = String(value));
export const saveState = (name: string, value: unknown) => void (recorded.state[name] = String(value));
export const getState = (name: string) => recorded.state[name] ?? '';
export const setFailed = (message: string | Error) => void recorded.failed.push(String(message));
export const error = (message: string, props?: Record<string, unknown>) =>
  void recorded.annotations.push({ level: 'error', message, ...(props ? { props } : {}) });
export const warning = (message: string) => void recorded.annotations.push({ level: 'warning', message });
export const info = (message: string) => void recorded.log.push(message);
export const debug = (message: string) => void recorded.log.push(`debug: ${message}`);
export const group = async <T>(_title: string, fn: () => Promise<T>) => fn();

let buffer = '';
export const summary = {
  addRaw(text: string) {
    buffer += text;
    return summary;
  },
  async write() {
    recorded.summary += buffer;
    buffer = '';
    return summary;
  },
};
