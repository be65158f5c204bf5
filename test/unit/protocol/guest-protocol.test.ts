/**
 * The contract between the runner's side of the guest protocol (src/protocol/guest-protocol.ts)
 * and the built-in agent (guest/qfi-init.sh): the real script runs in a sandbox
 * (test/helpers/agent-sandbox.ts) with its inputs written under the module's names, the test
 * answers on its console with the module's lines, and every protocol line the agent prints must
 * parse with the module's parser into the expected values. A change of either side's format fails
 * here: a name the agent no longer reads, a line it no longer prints or waits for.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { agentScriptPath, faultHelperPath } from '../../../src/provision/guest/initramfs.js';
import {
  AGENT_FW_CFG,
  GO_LINE,
  NO_TOKEN,
  REPORT_REGIONS_PARAM,
  RESULTS_PORT,
  SYNC_START_PARAM,
  ackLine,
  consoleInput,
  isProtocolLine,
  parseGuestLine,
  rulesNameParam,
  syncMarkersText,
  type GuestLine,
} from '../../../src/protocol/guest-protocol.js';
import { AgentConsole, agentSandboxProblem, makeAgentRoot, type AgentRoot } from '../../helpers/agent-sandbox.js';
import { findCachedBusybox } from '../guest/real-kernel.js';

const busybox = findCachedBusybox(process.arch === 'arm64' ? 'arm64' : 'amd64');
const problem = agentSandboxProblem(busybox);
if (problem) console.warn(`guest protocol contract test skipped: ${problem}`);

const token = 'tok-Run_42';
const roots: string[] = [];
const consoles: AgentConsole[] = [];
afterEach(() => {
  for (const c of consoles.splice(0)) c.kill();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function start(spec: AgentRoot): { root: string; agent: AgentConsole } {
  const root = makeAgentRoot(readFileSync(busybox!), readFileSync(agentScriptPath()), readFileSync(faultHelperPath()), spec);
  roots.push(root);
  const agent = new AgentConsole(root);
  consoles.push(agent);
  return { root, agent };
}

const said = (lines: string[], as = token): GuestLine[] => lines.map((l) => parseGuestLine(l, as)).filter((g) => g !== undefined);
const saw = (kind: GuestLine['kind'], name?: string) => (lines: string[]) =>
  said(lines).some((g) => g.kind === kind && (name === undefined || ('name' in g && g.name === name)));

/** /proc/iomem of a Debian bookworm x86_64 guest (256 MiB), its kernel lines as the agent reads them. */
const IOMEM = `00000000-00000fff : Reserved
00001000-0009fbff : System RAM
00100000-0fffffff : System RAM
  01000000-01e01ef1 : Kernel code
  01e02000-0220ffff : Kernel rodata
  02400000-0268d1ff : Kernel data
  02bd8000-02dfffff : Kernel bss
fed00000-fed003ff : HPET 0
`;

const COMMAND = [
  'echo "seed=$QFI_SEED rules=$(cat "$QFI_RULES_FILE")"',
  'echo QFI:forged:exit=0',
  'qfi-marker warm',
  'echo after-warm',
  'qfi-marker page=0x1000',
  'qfi-fault --register a.b',
  'qfi-fault io.read && echo io.read-failed',
  "printf 'KTAP version 1\\n1..1\\nok 1 x\\n' >/tmp/results.tap",
  'exit 3',
].join('\n');

describe.skipIf(problem !== undefined)('guest protocol against guest/qfi-init.sh', () => {
  it("reads the inputs under the module's names, waits for go and ack, prints lines the module parses", async () => {
    const { root, agent } = start({
      fwCfg: {
        [AGENT_FW_CFG.token]: token,
        [AGENT_FW_CFG.command]: COMMAND,
        [AGENT_FW_CFG.seed]: '1234',
        'opt/test/rules': 'io.read=fail\n',
        [AGENT_FW_CFG.syncMarkers]: syncMarkersText(['warm']),
        [AGENT_FW_CFG.resultsFile]: '/tmp/results.tap',
      },
      cmdline: ['console=ttyS0', 'quiet', rulesNameParam('opt/test/rules'), SYNC_START_PARAM, REPORT_REGIONS_PARAM].join(' '),
      iomem: IOMEM,
      ports: [RESULTS_PORT],
    });
    // With the sync parameter the command waits for `go`: nothing of it runs before.
    await agent.waitFor('test-start', saw('test-start'));
    await sleep(300);
    expect(
      agent.lines().some((l) => l.startsWith('seed=')),
      agent.lines().join('\n'),
    ).toBe(false);
    agent.send(consoleInput(GO_LINE));
    // At a sync marker qfi-marker waits for its ack.
    await agent.waitFor('marker warm', saw('marker', 'warm'));
    await sleep(300);
    expect(agent.lines()).not.toContain('after-warm');
    agent.send(consoleInput(ackLine('warm')));
    await agent.waitFor('test-exit', saw('test-exit'));
    await agent.exited;

    const lines = agent.lines();
    expect(said(lines)).toEqual([
      { kind: 'region', name: 'kernel-code', range: '0x1000000-0x1e01ef2' },
      { kind: 'region', name: 'kernel-rodata', range: '0x1e02000-0x2210000' },
      { kind: 'region', name: 'kernel-data', range: '0x2400000-0x268d200' },
      { kind: 'region', name: 'kernel-bss', range: '0x2bd8000-0x2e00000' },
      { kind: 'agent-ready' },
      { kind: 'test-start' },
      { kind: 'marker', name: 'warm' },
      { kind: 'marker', name: 'page', value: '0x1000' },
      { kind: 'point', name: 'a.b', calls: 0, fails: 0 },
      { kind: 'point', name: 'io.read', calls: 1, fails: 1 },
      { kind: 'test-exit', exitCode: 3 },
    ]);
    // The command's own lines: its inputs arrived (seed, rules under the name on the command line),
    // a forged marker is no marker of this run, and none of them is a protocol line.
    const own = ['seed=1234 rules=io.read=fail', 'QFI:forged:exit=0', 'after-warm', 'io.read-failed'];
    expect(lines).toEqual(expect.arrayContaining(own));
    expect(own.slice(0, 1).concat(own.slice(2)).filter(isProtocolLine)).toEqual([]);
    expect(lines.filter((l) => parseGuestLine(l, token) !== undefined).every(isProtocolLine)).toBe(true);
    // The host's answers are read with echo off: they never appear in the console log.
    expect(lines.filter((l) => l === GO_LINE || l === ackLine('warm'))).toEqual([]);
    // The results file reached the results port byte for byte; the test's printk level was raised.
    expect(readFileSync(join(root, 'dev/vport1p1'), 'utf8')).toBe('KTAP version 1\n1..1\nok 1 x\n');
    expect(readFileSync(join(root, 'proc/sys/kernel/printk'), 'utf8')).toBe('5\n');
  });

  const token_ = { [AGENT_FW_CFG.token]: token };
  const command = { [AGENT_FW_CFG.command]: 'echo ran' };
  it.each<[string, AgentRoot, string, GuestLine[]]>([
    ['no fw_cfg', { fwCfg: {}, cmdline: '', noFwCfg: true }, NO_TOKEN, [{ kind: 'agent-error', reason: 'fw_cfg-unavailable' }]],
    ['no token', { fwCfg: command, cmdline: '' }, NO_TOKEN, [{ kind: 'agent-error', reason: 'fw_cfg-token-missing' }]],
    ['no command', { fwCfg: token_, cmdline: '' }, token, [{ kind: 'agent-error', reason: 'fw_cfg-command-missing' }]],
    [
      'a module that does not load',
      { fwCfg: { ...token_, ...command }, cmdline: '', modules: ['/lib/modules/gone/qfi_absent.ko'] },
      token,
      [{ kind: 'agent-error', reason: 'insmod-failed:qfi_absent' }],
    ],
    [
      'a results file but no results port',
      { fwCfg: { ...token_, ...command, [AGENT_FW_CFG.resultsFile]: '/tmp/r.tap' }, cmdline: '' },
      token,
      [{ kind: 'agent-ready' }, { kind: 'test-start' }, { kind: 'agent-error', reason: `results-port-missing:${RESULTS_PORT}(virtio_console)` }],
    ],
  ])('reports an agent error the module parses: %s', async (_what, spec, markerToken, expected) => {
    const { agent } = start(spec);
    await agent.exited;
    expect(said(agent.lines(), markerToken)).toEqual(expected);
  });
});

describe('guest protocol lines', () => {
  it("takes agent markers only with the run's token, anywhere in the line", () => {
    expect(parseGuestLine(`garbage QFI:${token}:exit=255`, token)).toEqual({ kind: 'test-exit', exitCode: 255 });
    expect(parseGuestLine('QFI:other:exit=0', token)).toBeUndefined();
    expect(parseGuestLine(`QFI:${token}:exit=1000`, token)).toBeUndefined();
    expect(parseGuestLine(`QFI:${token}:agent-error=insmod-failed:virtio_blk `, token)).toEqual({ kind: 'agent-error', reason: 'insmod-failed:virtio_blk' });
  });

  it('parses points, regions and named markers, whoever prints them', () => {
    expect(parseGuestLine('QFI-POINT:net.tx', token)).toEqual({ kind: 'point', name: 'net.tx' });
    expect(parseGuestLine('QFI-POINT:1bad calls=1 fails=0', token)).toBeUndefined();
    expect(parseGuestLine('QFI-REGION:kernel-code=0x1000000-0x1e01ef2\r', token)).toEqual({
      kind: 'region',
      name: 'kernel-code',
      range: '0x1000000-0x1e01ef2',
    });
    expect(parseGuestLine('QFI-MARKER:page=0xABC0', token)).toEqual({ kind: 'marker', name: 'page', value: '0xABC0' });
  });

  it("tells protocol lines from the test's output, whatever the token", () => {
    for (const line of ['QFI:any-token:start', 'QFI:notoken:agent-error=x', 'x QFI-POINT:a calls=1 fails=0', 'QFI-MARKER:m', 'QFI-REGION:r=0x1-0x2'])
      expect(isProtocolLine(line), line).toBe(true);
    for (const line of ['QFI', 'QFI-OTHER:x', 'qfi:tok:start', 'hello']) expect(isProtocolLine(line), line).toBe(false);
  });

  it('prints the lines the agent waits for, each ending in a newline', () => {
    expect(consoleInput(GO_LINE)).toBe('go\n');
    expect(consoleInput(ackLine('warm'))).toBe('ack warm\n');
    expect(syncMarkersText(['a', 'b.c'])).toBe('a\nb.c\n');
  });
});
