import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localCacheDir } from '../../../src/core/cache-dir.js';

/**
 * qfi-fault builds against plugin API 5 (QEMU 10.1/10.2) and the API 7 callback signatures
 * (QEMU 11.1), with the flags qfi uses: -Wall -Wextra -Werror -fvisibility=hidden.
 */
const plugin = new URL('../../../plugin/', import.meta.url).pathname;
const sources = join(localCacheDir(), 'sources');
const api7Header = join(sources, 'qemu-11.1-plugin-api7', 'qemu-plugin.h');
const api7Tarball = existsSync(sources) ? readdirSync(sources).find((f) => /^qemu[_-]11\.1\..*\.tar\.xz$/.test(f)) : undefined;
const haveApi7 = existsSync(api7Header) || api7Tarball !== undefined;

/**
 * QEMU 10.2.2's qemu-plugin.h (API 5), straight from the source tarball the build tests use
 * (scripts/fetch-qemu-source.sh), so these checks never wait for a QEMU build.
 */
const source10 = process.env.QFI_QEMU_SOURCE ?? join(sources, 'qemu_10.2.2+ds.orig.tar.xz');
const header10Dir = mkdtempSync(join(tmpdir(), 'qfi-plugin-h-'));
const header10 = existsSync(source10)
  ? (() => {
      execFileSync('tar', ['-xJf', source10, '-C', header10Dir, '--strip-components=3', 'qemu-10.2.2/include/qemu/qemu-plugin.h']);
      return join(header10Dir, 'qemu-plugin.h');
    })()
  : undefined;

const work = mkdtempSync(join(tmpdir(), 'qfi-plugin-api-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(header10Dir, { recursive: true, force: true });
});

const pluginSources = () =>
  readdirSync(plugin)
    .filter((f) => f.endsWith('.c'))
    .map((f) => join(plugin, f));
const glibFlags = () => execFileSync('pkg-config', ['--cflags', 'glib-2.0'], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean);

function compile(includeDir: string, out: string): { status: number | null; stderr: string } {
  const r = spawnSync(
    'cc',
    [
      '-shared',
      '-fPIC',
      '-O2',
      '-Wall',
      '-Wextra',
      '-Werror',
      '-fvisibility=hidden',
      `-I${includeDir}`,
      `-I${plugin}`,
      ...glibFlags(),
      ...pluginSources(),
      '-o',
      out,
    ],
    { encoding: 'utf8' },
  );
  return { status: r.status, stderr: r.stderr };
}

/** Applies textual changes to a header, failing loudly when one no longer matches. */
function patch(text: string, changes: Array<[RegExp | string, string]>): string {
  let out = text;
  for (const [from, to] of changes) {
    const next = out.replace(from, to);
    if (next === out) throw new Error(`header change did not apply: ${String(from)}`);
    out = next;
  }
  return out;
}

/** API 6 as QEMU 11.0 changed it: bool register access, qemu_plugin_set_pc, RW_REGS_PC. */
const api6: Array<[RegExp | string, string]> = [
  ['#define QEMU_PLUGIN_VERSION 5', '#define QEMU_PLUGIN_VERSION 6'],
  [/int qemu_plugin_read_register\(([^)]*)\);/, 'bool qemu_plugin_read_register($1);'],
  [
    /int qemu_plugin_write_register\(([^)]*)\);/,
    'bool qemu_plugin_write_register($1);\nQEMU_PLUGIN_API __attribute__((__noreturn__)) void qemu_plugin_set_pc(uint64_t vaddr);',
  ],
  ['    QEMU_PLUGIN_CB_RW_REGS,\n};', '    QEMU_PLUGIN_CB_RW_REGS,\n    QEMU_PLUGIN_CB_RW_REGS_PC,\n};'],
];
/** API 7 as QEMU 11.1 changed it: callbacks take userdata instead of the plugin id. */
const api7: Array<[RegExp | string, string]> = [
  ['#define QEMU_PLUGIN_VERSION 6', '#define QEMU_PLUGIN_VERSION 7'],
  [/typedef void \(\*qemu_plugin_simple_cb_t\)\(qemu_plugin_id_t id\);\n/, ''],
  [/typedef void \(\*qemu_plugin_udata_cb_t\)\(qemu_plugin_id_t id, void \*userdata\);/, 'typedef void (*qemu_plugin_udata_cb_t)(void *userdata);'],
  [/typedef void \(\*qemu_plugin_vcpu_simple_cb_t\)\(qemu_plugin_id_t id,\s*unsigned int vcpu_index\);\n/, ''],
  [
    /void qemu_plugin_(uninstall|reset)\(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb\);/g,
    'void qemu_plugin_$1(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);',
  ],
  [
    /void qemu_plugin_register_vcpu_(init|exit|idle|resume)_cb\(qemu_plugin_id_t id,\s*qemu_plugin_vcpu_simple_cb_t cb\);/g,
    'void qemu_plugin_register_vcpu_$1_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_udata_cb_t cb, void *userdata);',
  ],
  [
    /void qemu_plugin_vcpu_for_each\(qemu_plugin_id_t id,\s*qemu_plugin_vcpu_simple_cb_t cb\);/,
    'void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id, qemu_plugin_vcpu_udata_cb_t cb, void *userdata);',
  ],
  [
    /void qemu_plugin_register_flush_cb\(qemu_plugin_id_t id,\s*qemu_plugin_simple_cb_t cb\);/,
    'void qemu_plugin_register_flush_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);',
  ],
];
const api7Translate: Array<[RegExp | string, string]> = [
  [
    /typedef void \(\*qemu_plugin_vcpu_tb_trans_cb_t\)\(qemu_plugin_id_t id,\s*struct qemu_plugin_tb \*tb\);/,
    'typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(struct qemu_plugin_tb *tb, void *userdata);',
  ],
  [
    /void qemu_plugin_register_vcpu_tb_trans_cb\(qemu_plugin_id_t id,\s*qemu_plugin_vcpu_tb_trans_cb_t cb\);/,
    'void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb, void *userdata);',
  ],
];

describe('qfi-fault compiles for every plugin API it supports', () => {
  it(`against QEMU 10.2.2's qemu-plugin.h (API 5), from ${source10}`, () => {
    expect(header10, `no QEMU source at ${source10}: run bash scripts/fetch-qemu-source.sh`).toBeDefined();
    const r = compile(header10Dir, join(work, 'api5.so'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("against QEMU 10.2.2's header changed the way APIs 6 and 7 change it (both translation-callback shapes of the 11.1 series)", () => {
    expect(header10).toBeDefined();
    const base = readFileSync(header10!, 'utf8');
    const v6 = patch(base, api6);
    const v7 = patch(v6, api7);
    const headers: Record<string, string> = { api6: v6, 'api7-id-translate': v7, api7: patch(v7, api7Translate) };
    for (const [name, text] of Object.entries(headers)) {
      const dir = join(work, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'qemu-plugin.h'), text);
      const r = compile(dir, join(work, `${name}.so`));
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
  });

  it.skipIf(!haveApi7)(
    `against QEMU 11.1's own qemu-plugin.h (API 7)${haveApi7 ? '' : ` (skipped: no header at ${api7Header} and no QEMU 11.1 source tarball in ${sources})`}`,
    () => {
      const r = spawnSync('sh', [join(plugin, 'tests', 'check-api7.sh')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/qfi-fault compiles against/);
      expect(r.status).toBe(0);
    },
  );
});
