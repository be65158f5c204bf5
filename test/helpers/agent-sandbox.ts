/**
 * The built-in guest agent (guest/qfi-init.sh) run on the host, unchanged, as it runs in the guest:
 * PID 1 under the guest's static busybox, in a root laid out by the initramfs code, with the
 * kernel's interfaces as plain files (fw_cfg under /sys/firmware, /proc/cmdline, /proc/iomem,
 * virtio-serial ports) and a real terminal as /dev/console, which the test reads and writes as
 * QEMU's serial port would be.
 *
 * The sandbox is a mount and PID namespace (`unshare`; a user namespace too when not root) and a chroot: the agent's
 * `poweroff -f` ends the PID namespace as power-off ends the guest, an `insmod` cannot touch the
 * host kernel, and nothing it mounts or links outlives it. Only the agent's own `$bb mount` and
 * `$bb --install` (the first lines it runs) are skipped, by a /bin/busybox that stands in for them:
 * the files they would mount over are the test's, and the applet links are made beforehand.
 * `script` (util-linux) provides the terminal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initramfsEntries } from '../../src/provision/guest/initramfs.js';

const FW_CFG_DIR = 'sys/firmware/qemu_fw_cfg/by_name';

/**
 * The namespaces the sandbox runs in. Root needs no user namespace, and gets none: the kernel
 * refuses a new user namespace to a chrooted process (CI runs in a fresh root), but not mount
 * and PID namespaces to root. The new mount namespace is made private so that the sandbox's bind
 * mounts never reach the host; where / is no mount point (a chroot: CI's fresh root) unshare cannot
 * change its propagation, and the mounts are left as they are, but only when none of them
 * propagates (CI's namespace is private throughout).
 */
function namespaces(): string[] {
  const user = process.getuid?.() === 0 ? [] : ['--user', '--map-root-user'];
  const privateWorks = spawnSync('unshare', [...user, '--mount', '--propagation', 'private', 'true']).status === 0;
  const propagation = privateWorks || anyMountShared() ? 'private' : 'unchanged';
  return [...user, '--mount', '--propagation', propagation, '--pid', '--fork'];
}

function anyMountShared(): boolean {
  try {
    return /\sshared:\d+/.test(readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    return true;
  }
}

const NAMESPACES = namespaces();

/** Why the agent cannot be run here (no static busybox, no `script`, no namespaces), or undefined. */
export function agentSandboxProblem(busybox: string | undefined): string | undefined {
  if (busybox === undefined) return 'no cached static busybox: run test/integration/builtin-guest.test.ts once to download it';
  if (spawnSync('script', ['--version']).status !== 0) return 'no `script` (util-linux) for the console terminal';
  // The sandbox's own steps: namespaces, a terminal from script, a bind mount in the new mount namespace.
  const ns = spawnSync('script', ['-qfec', `unshare ${NAMESPACES.join(' ')} sh -c 'mount --bind "$(tty)" /dev/null'`, '/dev/null']);
  if (ns.status !== 0)
    return `no ${NAMESPACES.includes('--user') ? 'user, ' : ''}mount and PID namespaces here (unshare: ${(ns.stderr.toString() + ns.stdout.toString()).trim() || `exit ${ns.status}`})`;
  return undefined;
}

export interface AgentRoot {
  /** fw_cfg files by name (`opt/qfi/token` …); an absent name is an absent file. */
  fwCfg: Record<string, string>;
  /** /proc/cmdline. */
  cmdline: string;
  /** /proc/iomem. */
  iomem?: string;
  /** Virtio-serial ports by name: each becomes /dev/vportNpM, a file the test reads afterwards. */
  ports?: string[];
  /** Lines of /etc/qfi/modules (with /etc/qfi/kernel-release set to this kernel's release). */
  modules?: string[];
  /** No /sys/firmware/qemu_fw_cfg at all. */
  noFwCfg?: boolean;
}

/** Writes the guest's root: the initramfs's own entries, then the files the kernel would provide. */
export function makeAgentRoot(busyboxBytes: Uint8Array, agent: Uint8Array, faultHelper: Uint8Array, spec: AgentRoot): string {
  const root = mkdtempSync(join(tmpdir(), 'qfi-agent-'));
  // Never through a link: the applet links point at the guest's /bin, which is the host's outside the chroot.
  const file = (path: string, data: string | Uint8Array, mode = 0o644) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    rmSync(join(root, path), { force: true });
    writeFileSync(join(root, path), data, { mode, flag: 'wx' });
  };
  for (const e of initramfsEntries({ agent, faultHelper, busybox: { bytes: busyboxBytes }, kernelRelease: release(), modules: [] })) {
    if (e.type === 'dir') mkdirSync(join(root, e.path), { recursive: true, mode: e.mode });
    else if (e.type === 'file') file(e.path, e.data, e.mode);
    else symlinkSync(e.target, join(root, e.path));
  }
  // Every applet linked to the real busybox, as `busybox --install -s` would; /bin/busybox skips the mounts.
  renameSync(join(root, 'bin/busybox'), join(root, 'bin/busybox.real'));
  rmSync(join(root, 'bin/sh'));
  const applets = spawnSync(join(root, 'bin/busybox.real'), ['--list-full'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const path of applets) if (path !== 'bin/busybox') symlinkSync('/bin/busybox.real', join(root, path));
  file(
    'bin/busybox',
    '#!/bin/busybox.real sh\n# sandbox: mounted and linked beforehand\ncase $1 in mount | --install) exit 0 ;; esac\nexec /bin/busybox.real "$@"\n',
    0o755,
  );
  for (const dev of ['dev/console', 'dev/null']) file(dev, '');
  if (!spec.noFwCfg) mkdirSync(join(root, FW_CFG_DIR), { recursive: true });
  for (const [name, content] of Object.entries(spec.fwCfg)) file(`${FW_CFG_DIR}/${name}/raw`, content);
  file('proc/cmdline', `${spec.cmdline}\n`);
  file('proc/iomem', spec.iomem ?? '');
  file('proc/sys/kernel/printk', '4\t4\t1\t7\n');
  mkdirSync(join(root, 'sys/block'), { recursive: true });
  (spec.ports ?? []).forEach((name, i) => {
    file(`sys/class/virtio-ports/vport1p${i + 1}/name`, `${name}\n`);
    file(`dev/vport1p${i + 1}`, '');
  });
  if (spec.modules) file('etc/qfi/modules', spec.modules.map((m) => `${m}\n`).join(''));
  return root;
}

function release(): string {
  return spawnSync('uname', ['-r'], { encoding: 'utf8' }).stdout.trim();
}

/** The agent running in `root`: its console as text, and the console's input. */
export class AgentConsole {
  private readonly child: ChildProcess;
  private output = '';
  private closed = false;
  private readonly waiters = new Set<() => void>();
  /** Resolves when the sandbox has ended (the agent powered off, or was killed). */
  readonly exited: Promise<void>;

  constructor(root: string) {
    const inside = 'mount --bind "$(tty)" "$ROOT/dev/console" && mount --bind /dev/null "$ROOT/dev/null" && exec chroot "$ROOT" /bin/busybox.real sh /init';
    const sandbox = `unshare ${NAMESPACES.join(' ')} --kill-child sh -c '${inside}'`;
    this.child = spawn('script', ['-qfec', sandbox, '/dev/null'], {
      env: { ROOT: root, PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const notify = () => [...this.waiters].forEach((w) => w());
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.output += chunk;
      notify();
    });
    this.exited = new Promise((resolve) =>
      this.child.on('close', () => {
        this.closed = true;
        notify();
        resolve();
      }),
    );
  }

  /** Console lines so far, serial-style `\r\n` ends read as `\n`. */
  lines(): string[] {
    return this.output.replace(/\r\n/g, '\n').split('\n');
  }

  /** Resolves with the lines once `seen` holds for them; rejects after `ms` or when the agent is gone first. */
  async waitFor(what: string, seen: (lines: string[]) => boolean, ms = 10_000): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (seen(this.lines())) return done(() => resolve(this.lines()));
        if (this.closed) done(() => reject(new Error(`the agent ended before ${what}; its console:\n${this.output}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${what} within ${ms} ms; the console:\n${this.output}`))), ms);
      const done = (then: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        then();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Bytes on the console's input, as the runner writes them to QEMU's stdin. */
  send(bytes: string): void {
    this.child.stdin!.write(bytes);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
