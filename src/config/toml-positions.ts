/**
 * Where each key and value of a TOML document sits. smol-toml gives values without
 * positions, so this scans source that smol-toml has already accepted and maps every
 * path (`test.timeout`, `fault_injection.rules[2]`, `guest.disks[0].path`) to 1-based
 * line/column. It trusts the syntax: it is a locator, not a second parser.
 */

export interface TomlPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like smol-toml's TomlError. */
  column: number;
}

export interface TomlEntryPosition {
  /** The key (its last dotted segment); undefined for array elements. */
  key: TomlPosition | undefined;
  /** The value's first character: a quote, `[`, `{`, a digit... For a `[table]` header, its `[`. */
  value: TomlPosition;
  /** For strings: the first character inside the quotes (after a trimmed leading newline). */
  content?: TomlPosition;
}

export type TomlPathSegment = string | number;

/** Path keys as `tomlPath` writes them. */
export type TomlPositions = ReadonlyMap<string, TomlEntryPosition>;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** `['guest', 'disks', 0, 'path']` -> `guest.disks[0].path`; keys that are not bare are quoted. */
export function tomlPath(segments: readonly TomlPathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = BARE_KEY.test(seg) ? seg : JSON.stringify(seg);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/** Splits a dotted TOML key (`tools."qfi"`, `a . 'b.c'`) into segments; throws on bad syntax. */
export function parseDottedKey(text: string): string[] {
  const scanner = new Scanner(text);
  scanner.skipSpaces();
  const segments = scanner.readKey().map((seg) => seg.name);
  scanner.skipSpaces();
  if (!scanner.atEnd()) throw new Error(`unexpected ${JSON.stringify(text[scanner.offset])} at column ${scanner.offset + 1}`);
  return segments;
}

/** Positions of every key and value path in `source` (TOML that smol-toml parsed without error). */
export function scanTomlPositions(source: string): TomlPositions {
  const scanner = new Scanner(source);
  scanner.scanDocument();
  return scanner.entries;
}

interface KeySegment {
  name: string;
  offset: number;
}

class Scanner {
  offset = 0;
  readonly entries = new Map<string, TomlEntryPosition>();
  /** Paths recorded only because a longer key or header implied them; an explicit definition replaces them. */
  private readonly implicit = new Set<string>();
  /** Element counts of arrays of tables, by resolved path. */
  private readonly tableArrays = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  atEnd(): boolean {
    return this.offset >= this.src.length;
  }

  scanDocument(): void {
    let table: TomlPathSegment[] = [];
    while (!this.atEnd()) {
      this.skipSpaces();
      const c = this.src[this.offset];
      if (c === undefined) break;
      if (c === '#') this.skipComment();
      else if (c === '\n' || c === '\r') this.offset++;
      else if (c === '[') table = this.readHeader();
      else this.readKeyValue(table);
    }
  }

  skipSpaces(): void {
    while (this.src[this.offset] === ' ' || this.src[this.offset] === '\t') this.offset++;
  }

  /** Spaces, newlines and comments: what may sit between array items. */
  private skipBlank(): void {
    for (;;) {
      const c = this.src[this.offset];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.offset++;
      else if (c === '#') this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    while (!this.atEnd() && this.src[this.offset] !== '\n') this.offset++;
  }

  private position(offset: number): TomlPosition {
    // Binary search for the last line start at or before offset.
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  private record(path: TomlPathSegment[], entry: TomlEntryPosition, implicit: boolean): void {
    const key = tomlPath(path);
    if (this.entries.has(key)) {
      // A table first implied by `[a.b]` or `a.b = 1` keeps its first position until defined itself.
      if (implicit || !this.implicit.has(key)) return;
    }
    this.entries.set(key, entry);
    if (implicit) this.implicit.add(key);
    else this.implicit.delete(key);
  }

  /** `[a.b]` or `[[a.b]]`; returns the table path that following key/values belong to. */
  private readHeader(): TomlPathSegment[] {
    const open = this.offset;
    const isArray = this.src[open + 1] === '[';
    this.offset += isArray ? 2 : 1;
    this.skipSpaces();
    const key = this.readKey();
    this.skipSpaces();
    this.offset += isArray ? 2 : 1;

    const path: TomlPathSegment[] = [];
    key.forEach((seg, i) => {
      path.push(seg.name);
      const last = i === key.length - 1;
      const keyPos = this.position(seg.offset);
      if (last && isArray) {
        const resolved = tomlPath(path);
        const index = this.tableArrays.get(resolved) ?? 0;
        this.tableArrays.set(resolved, index + 1);
        this.record(path.slice(), { key: keyPos, value: this.position(open) }, true);
        path.push(index);
        this.record(path.slice(), { key: keyPos, value: this.position(open) }, false);
        return;
      }
      this.record(path.slice(), { key: keyPos, value: last ? this.position(open) : keyPos }, !last);
      // A prefix naming an array of tables means its latest element.
      const count = this.tableArrays.get(tomlPath(path));
      if (!last && count !== undefined) path.push(count - 1);
    });
    return path;
  }

  private readKeyValue(table: readonly TomlPathSegment[]): void {
    const key = this.readKey();
    this.skipSpaces();
    this.offset++; // '='
    this.skipSpaces();
    const path = [...table];
    key.forEach((seg, i) => {
      path.push(seg.name);
      const keyPos = this.position(seg.offset);
      if (i < key.length - 1) this.record(path.slice(), { key: keyPos, value: keyPos }, true);
    });
    const lastSeg = key[key.length - 1];
    this.readValue(path, lastSeg === undefined ? undefined : this.position(lastSeg.offset));
  }

  /** A dotted key: segments separated by `.` with optional spaces around the dots. */
  readKey(): KeySegment[] {
    const segments: KeySegment[] = [this.readKeySegment()];
    for (;;) {
      const save = this.offset;
      this.skipSpaces();
      if (this.src[this.offset] !== '.') {
        this.offset = save;
        return segments;
      }
      this.offset++;
      this.skipSpaces();
      segments.push(this.readKeySegment());
    }
  }

  private readKeySegment(): KeySegment {
    const start = this.offset;
    const c = this.src[start];
    if (c === '"') return { name: this.readBasicString(), offset: start };
    if (c === "'") {
      const end = this.src.indexOf("'", start + 1);
      if (end < 0) throw new Error(`unterminated quoted key at column ${start + 1}`);
      this.offset = end + 1;
      return { name: this.src.slice(start + 1, end), offset: start };
    }
    while (/[A-Za-z0-9_-]/.test(this.src[this.offset] ?? '')) this.offset++;
    if (this.offset === start) throw new Error(`expected a key at column ${start + 1}`);
    return { name: this.src.slice(start, this.offset), offset: start };
  }

  /** A single-line basic string at the cursor, unescaped (keys need their real names). */
  private readBasicString(): string {
    const start = this.offset;
    let out = '';
    this.offset++;
    for (;;) {
      const c = this.src[this.offset];
      if (c === undefined || c === '\n') throw new Error(`unterminated quoted key at column ${start + 1}`);
      this.offset++;
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.src[this.offset++] ?? '';
      const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
      const mapped = simple[e];
      if (mapped !== undefined) out += mapped;
      else {
        const len = e === 'u' ? 4 : e === 'U' ? 8 : e === 'x' ? 2 : 0;
        out += String.fromCodePoint(parseInt(this.src.slice(this.offset, this.offset + len), 16));
        this.offset += len;
      }
    }
  }

  private readValue(path: TomlPathSegment[], keyPos: TomlPosition | undefined): void {
    const start = this.offset;
    const value = this.position(start);
    const c = this.src[start];
    if (c === '"' || c === "'") {
      const content = this.skipString(c);
      this.record(path, { key: keyPos, value, content: this.position(content) }, false);
    } else if (c === '[') {
      this.record(path, { key: keyPos, value }, false);
      this.offset++;
      for (let index = 0; ; index++) {
        this.skipBlank();
        if (this.src[this.offset] === ']' || this.atEnd()) break;
        this.readValue([...path, index], undefined);
        this.skipBlank();
        if (this.src[this.offset] === ',') this.offset++;
      }
      this.offset++;
    } else if (c === '{') {
      this.record(path, { key: keyPos, value }, false);
      this.offset++;
      for (;;) {
        this.skipBlank(); // TOML 1.1 allows newlines and comments in inline tables
        if (this.src[this.offset] === '}' || this.atEnd()) break;
        this.readKeyValue(path);
        this.skipBlank();
        if (this.src[this.offset] === ',') this.offset++;
      }
      this.offset++;
    } else {
      // Numbers, booleans, dates (which may hold one space: `1979-05-27 07:32:00Z`).
      while (!this.atEnd() && !/[,\]}#\n\r]/.test(this.src[this.offset] ?? '')) this.offset++;
      this.record(path, { key: keyPos, value }, false);
    }
  }

  /** Skips a string of any kind at the cursor; returns the offset of its first content character. */
  private skipString(quote: '"' | "'"): number {
    const triple = this.src.startsWith(quote.repeat(3), this.offset);
    if (!triple) {
      this.offset++;
      const content = this.offset;
      while (!this.atEnd() && this.src[this.offset] !== quote) this.offset += quote === '"' && this.src[this.offset] === '\\' ? 2 : 1;
      this.offset++;
      return content;
    }
    this.offset += 3;
    // A newline right after the opening delimiter is not part of the string.
    if (this.src.startsWith('\r\n', this.offset)) this.offset += 2;
    else if (this.src[this.offset] === '\n') this.offset++;
    const content = this.offset;
    for (;;) {
      if (this.atEnd()) return content;
      if (quote === '"' && this.src[this.offset] === '\\') {
        this.offset += 2;
        continue;
      }
      if (this.src.startsWith(quote.repeat(3), this.offset)) {
        // Up to two quotes may end the content right before the closing delimiter: `"""""`.
        let run = 0;
        while (this.src[this.offset + run] === quote && run < 5) run++;
        this.offset += run;
        return content;
      }
      this.offset++;
    }
  }
}
