import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseDottedKey, scanTomlPositions, tomlPath, type TomlPosition } from '../../../src/config/toml-positions.js';

const RUSTOS = fileURLToPath(new URL('../../fixtures/config/rustos.toml', import.meta.url));

/** The source text starting at a position, for readable assertions. */
function textAt(source: string, pos: TomlPosition | undefined, length: number): string {
  if (!pos) return '<none>';
  const line = source.split('\n')[pos.line - 1] ?? '';
  return line.slice(pos.column - 1, pos.column - 1 + length);
}

function scan(source: string) {
  parse(source); // the scanner's contract: only documents smol-toml accepts
  const positions = scanTomlPositions(source);
  const get = (path: string) => {
    const entry = positions.get(path);
    if (!entry) throw new Error(`no position for ${path}; have ${[...positions.keys()].join(', ')}`);
    return entry;
  };
  return { positions, get };
}

describe('tomlPath', () => {
  it('writes bare keys plainly, quotes the rest, and indexes arrays', () => {
    expect(tomlPath(['guest', 'disks', 0, 'path'])).toBe('guest.disks[0].path');
    expect(tomlPath(['tools', 'qfi.x', 'a b'])).toBe('tools."qfi.x"."a b"');
    expect(tomlPath(['rules', 2])).toBe('rules[2]');
  });
});

describe('parseDottedKey', () => {
  it('splits bare, basic and literal segments with spaces around dots', () => {
    expect(parseDottedKey('fault_injection')).toEqual(['fault_injection']);
    expect(parseDottedKey('tools."qfi"')).toEqual(['tools', 'qfi']);
    expect(parseDottedKey(' a . \'b.c\' . "d\\u0041" ')).toEqual(['a', 'b.c', 'dA']);
  });

  it('rejects what is not a dotted key', () => {
    expect(() => parseDottedKey('')).toThrow(/expected a key/);
    expect(() => parseDottedKey('a.')).toThrow(/expected a key/);
    expect(() => parseDottedKey('a b')).toThrow(/unexpected "b"/);
    expect(() => parseDottedKey('"open')).toThrow(/unterminated/);
  });
});

describe('scanTomlPositions', () => {
  it('locates keys and values of top-level pairs, skipping comments and blank lines', () => {
    const src = '# a comment\n\ntitle = "qfi" # trailing\ncount=3\n  flag   =   true\n';
    const { get } = scan(src);
    expect(get('title')).toEqual({ key: { line: 3, column: 1 }, value: { line: 3, column: 9 }, content: { line: 3, column: 10 } });
    expect(get('count')).toEqual({ key: { line: 4, column: 1 }, value: { line: 4, column: 7 } });
    expect(get('flag')).toEqual({ key: { line: 5, column: 3 }, value: { line: 5, column: 14 } });
  });

  it('locates tables, their keys, and super-tables implied by a dotted header', () => {
    const src = '[test]\ncommand = "make check"\ntimeout = "10m"\n\n[kernel.build]\ncodegen_units = 1\n';
    const { get } = scan(src);
    expect(get('test').value).toEqual({ line: 1, column: 1 });
    expect(get('test').key).toEqual({ line: 1, column: 2 });
    expect(get('test.timeout').key).toEqual({ line: 3, column: 1 });
    expect(textAt(src, get('test.timeout').value, 5)).toBe('"10m"');
    expect(get('kernel.build').key).toEqual({ line: 5, column: 9 });
    expect(get('kernel').key).toEqual({ line: 5, column: 2 });
    expect(get('kernel.build.codegen_units').value).toEqual({ line: 6, column: 17 });
  });

  it('prefers an explicit [table] over the position a later or earlier dotted header implied', () => {
    const src = '[a.b]\nx = 1\n[a]\ny = 2\n';
    const { get } = scan(src);
    expect(get('a').value).toEqual({ line: 3, column: 1 });
    expect(get('a.b').value).toEqual({ line: 1, column: 1 });
  });

  it('locates each element of multi-line arrays, with comments and trailing commas', () => {
    const src = [
      '[fault_injection]',
      'enabled = true',
      'rules = [',
      '    "alloc.frame=fail-after:3", # first',
      '    # a comment line',
      "    'block.read=drop-every:4',",
      '',
      '    "block.write=off"  ,',
      ']',
    ].join('\n');
    const { get, positions } = scan(src);
    expect(get('fault_injection.rules').value).toEqual({ line: 3, column: 9 });
    expect(get('fault_injection.rules[0]')).toEqual({ key: undefined, value: { line: 4, column: 5 }, content: { line: 4, column: 6 } });
    expect(get('fault_injection.rules[1]').content).toEqual({ line: 6, column: 6 });
    expect(get('fault_injection.rules[2]').content).toEqual({ line: 8, column: 6 });
    expect(positions.has('fault_injection.rules[3]')).toBe(false);
  });

  it('locates arrays of tables, their keys, and sub-tables of the latest element', () => {
    const src = '[[guest.disks]]\npath = "a.img"\n\n[[guest.disks]]\npath = "b.img"\n[guest.disks.opts]\nro = true\n';
    const { get } = scan(src);
    expect(get('guest.disks').value).toEqual({ line: 1, column: 1 });
    expect(get('guest.disks[0]').value).toEqual({ line: 1, column: 1 });
    expect(get('guest.disks[0].path').content).toEqual({ line: 2, column: 9 });
    expect(get('guest.disks[1]').value).toEqual({ line: 4, column: 1 });
    expect(get('guest.disks[1].path').content).toEqual({ line: 5, column: 9 });
    expect(get('guest.disks[1].opts.ro').value).toEqual({ line: 7, column: 6 });
  });

  it('nests arrays of tables inside arrays of tables', () => {
    const src = '[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n[[a.b]]\nx = 3\n';
    const { get } = scan(src);
    expect(get('a[0].b[1].x').value).toEqual({ line: 5, column: 5 });
    expect(get('a[1].b[0].x').value).toEqual({ line: 8, column: 5 });
  });

  it('locates keys inside inline tables, nested inline tables and arrays of inline tables', () => {
    const src = 'guest = { kernel = "vmlinuz", disks = [ { path = "a" }, {path="b", ro=true} ], net.user = 1 }\n';
    const { get } = scan(src);
    expect(get('guest').value).toEqual({ line: 1, column: 9 });
    expect(textAt(src, get('guest.kernel').key, 6)).toBe('kernel');
    expect(textAt(src, get('guest.disks[0].path').content, 1)).toBe('a');
    expect(textAt(src, get('guest.disks[1].ro').value, 4)).toBe('true');
    expect(textAt(src, get('guest.net').key, 3)).toBe('net');
    expect(textAt(src, get('guest.net.user').key, 4)).toBe('user');
    expect(textAt(src, get('guest.net.user').value, 1)).toBe('1');
  });

  it('locates dotted keys, with spaces around dots, and quoted keys', () => {
    const src = '[test]\nphysical.color = "red"\nsite . "google.com" = true\n\'literal key\' = 1\n"a\\"b" = 2\n';
    const { get } = scan(src);
    expect(get('test.physical').key).toEqual({ line: 2, column: 1 });
    expect(get('test.physical.color').key).toEqual({ line: 2, column: 10 });
    expect(get('test.site."google.com"').key).toEqual({ line: 3, column: 8 });
    expect(get('test.site."google.com"').value).toEqual({ line: 3, column: 23 });
    expect(get('test."literal key"').key).toEqual({ line: 4, column: 1 });
    expect(get('test."a\\"b"').value).toEqual({ line: 5, column: 10 });
  });

  it('skips every string kind, including ones holding quotes, brackets, # and newlines', () => {
    const src = [
      'a = "x = [ # \\" ]"',
      "b = 'C:\\path # not a comment'",
      'c = """',
      'line one "quoted" ""two quotes""',
      'still c = [ ]"""',
      "d = '''",
      "raw ' '' text'''",
      'e = """ends with quotes"""""',
      "f = '''ends with quotes'''''",
      'g = """\\',
      '   trimmed"""',
      'h = "after"',
    ].join('\n');
    const { get, positions } = scan(src);
    expect(get('c').value).toEqual({ line: 3, column: 5 });
    expect(get('c').content).toEqual({ line: 4, column: 1 });
    expect(get('d').content).toEqual({ line: 7, column: 1 });
    expect(get('e').content).toEqual({ line: 8, column: 8 });
    expect(get('h').value).toEqual({ line: 12, column: 5 });
    expect([...positions.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('handles numbers, dates with a space, booleans and CRLF line ends', () => {
    const src = 'a = 0xde_ad\r\nb = 1979-05-27 07:32:00Z\r\nc = -inf\r\nd = [1, 2.5e3,\r\n  3]\r\ne = true\r\n';
    const { get } = scan(src);
    expect(get('b').value).toEqual({ line: 2, column: 5 });
    expect(get('d[2]').value).toEqual({ line: 5, column: 3 });
    expect(get('e').value).toEqual({ line: 6, column: 5 });
  });

  it('maps a RustOS-style config: [kernel.build] and a several-line rules array', () => {
    const src = readFileSync(RUSTOS, 'utf8');
    const { get } = scan(src);
    const rules = get('fault_injection.rules');
    expect(textAt(src, rules.key, 5)).toBe('rules');
    for (const [i, rule] of ['alloc.frame=fail-after:3', 'block.read=drop-every:4', 'block.write=off'].entries()) {
      expect(textAt(src, get(`fault_injection.rules[${i}]`).content, rule.length)).toBe(rule);
    }
    expect(textAt(src, get('fault_injection.enabled').value, 4)).toBe('true');
    expect(textAt(src, get('kernel.build.codegen_units').key, 13)).toBe('codegen_units');
    expect(textAt(src, get('kernel.build.extra_rustflags').value, 2)).toBe('[]');
    expect(textAt(src, get('logging.categories.panic').content, 5)).toBe('fatal');
  });

  it('finds every path smol-toml produces, at text that matches the value (property)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b_c', 'd-e', '0', 'rules'), fc.string({ minLength: 0, maxLength: 6 }));
    const scalar = fc.oneof(
      fc.string({ maxLength: 12, unit: 'grapheme' }),
      fc.constantFrom('a"b', "it's", 'x\ny', '# not a comment', '[x]', '{y}', 'a=b,c'),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), tie('table')),
      table: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(value.table, (doc) => {
        const source = stringify(doc);
        const parsed = parse(source);
        const positions = scanTomlPositions(source);
        const check = (node: unknown, path: (string | number)[]): void => {
          if (path.length > 0) {
            const entry = positions.get(tomlPath(path));
            expect(entry, `${tomlPath(path)} in\n${source}`).toBeDefined();
            const first = textAt(source, entry?.value, 1);
            if (typeof node === 'string') expect(first).toMatch(/["']/);
            if (typeof node === 'boolean') expect(textAt(source, entry?.value, String(node).length)).toBe(String(node));
            if (typeof node === 'number') expect(first).toMatch(/[-+0-9in]/);
          }
          if (Array.isArray(node)) node.forEach((item, i) => check(item, [...path, i]));
          else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
            for (const [k, v] of Object.entries(node)) check(v, [...path, k]);
          }
        };
        check(parsed, []);
      }),
      { numRuns: 300 },
    );
  });
});
