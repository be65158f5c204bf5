/**
 * The one rule model every fault layer compiles from: `point=action`, as RustOS's
 * `[fault_injection]` writes it (`alloc.frame=fail-after:3`).
 */

export type Action =
  | { kind: 'off' }
  | { kind: 'fail' }
  /** Exactly every Nth call fails (N >= 1). */
  | { kind: 'drop-every'; n: number }
  /** Calls 1..N succeed, every later one fails (N >= 0). */
  | { kind: 'fail-after'; n: number }
  /** About N calls per 1000 fail, deterministic from the run's seed (0..1000). */
  | { kind: 'rate'; perMille: number }
  /** Each call is delayed by N milliseconds. */
  | { kind: 'delay-ms'; ms: number };

export type ActionKind = Action['kind'];

export interface Rule {
  /** Dotted name: `alloc.frame`, `block.read`. */
  point: string;
  /**
   * Parameters in brackets after the point, for layers that need more than a name:
   * `mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail`. Absent when none were written.
   */
  params?: Record<string, string>;
  action: Action;
  /**
   * From the guest's own rules file (`rules-file`): always handed to the guest as written,
   * never carried out by a host layer, even on a point such as block.read that qfi's host
   * layers also know (RustOS has its own block.read).
   */
  guest?: true;
}

/** Where a rule's text came from, so an error can point at it. */
export interface RuleOrigin {
  /** The TOML file, when the rule came from one. */
  file?: string;
  /** The action input or CLI flag, when the rule came from one (`faults`, `fault`). */
  input?: string;
  /** 1-based line and column of the rule's first character in that file or input. */
  line?: number;
  column?: number;
  /**
   * The whole source line holding the rule (e.g. the TOML line `faults = ["a=fail"]`), so an
   * error's caret shows in context; `column` is the rule's position in it. Omit when unknown:
   * errors then show the rule text itself.
   */
  sourceLine?: string;
}

export interface RuleText {
  text: string;
  origin: RuleOrigin;
}
