#!/usr/bin/env bash
# Records the labeled console corpus (test/fixtures/corpus/): real runs of the shipped CLI, on the
# built-in guest (Debian's kernel) and, where a kernel facility is needed (LKDTM, KASAN, UBSAN,
# KUnit, fault injection, lockup detectors), on the test kernel of scripts/build-test-kernel.sh
# booted with the built-in initramfs. Each run leaves NAME.log (console.log) and NAME.json (what
# re-running the verdict needs: token, QEMU exit, timeout kind, the command line).
#
# labels.json is NOT written here: it is the hand-made reading of each log (expected verdict and
# top problem). After re-recording, read the new logs and check the labels still hold.
#
# Usage: scripts/record-corpus.sh [NAME…]   (only those; default all). Run `node scripts/bundle.mjs` first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/corpus
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

only=" $* "
wanted() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }

test_kernel=
ensure_test_kernel() {
  [ -n "$test_kernel" ] || test_kernel=$(scripts/build-test-kernel.sh)
}

# record NAME TRIES MUST MUST_NOT -- qfi run flags…: runs until the console matches MUST and not
# MUST_NOT (grep -E patterns, '' for none), at most TRIES times (for races a real guest cannot avoid).
record() {
  local name=$1 tries=$2 check=$3 refuse=$4; shift 5
  local try=1
  while :; do
    rm -rf "${work:?}/$name"
    node dist/cli.js run --quiet --name "$name" --results-dir "$work/$name" "$@" >"$work/$name.out" 2>&1 || true
    if [ ! -s "$work/$name/console.log" ]; then
      echo "record-corpus: $name left no console.log:" >&2
      cat "$work/$name.out" >&2
      return 1
    fi
    if { [ -z "$check" ] || grep -qE "$check" "$work/$name/console.log"; } &&
      { [ -z "$refuse" ] || ! grep -qE "$refuse" "$work/$name/console.log"; }; then break; fi
    if [ "$try" -ge "$tries" ]; then
      echo "record-corpus: $name: the console never matched /$check/ without /$refuse/ in $tries tries" >&2
      return 1
    fi
    try=$((try + 1))
  done
  cp "$work/$name/console.log" "$out/$name.log"
  local shown=("$@")
  [ -z "$test_kernel" ] || shown=("${shown[@]//$test_kernel/\$TEST_KERNEL}")
  node -e '
    const [summaryFile, name, outFile, testKernel, ...argv] = process.argv.slice(1);
    const s = JSON.parse(require("fs").readFileSync(summaryFile, "utf8"));
    // The test kernel by what it is, not by where this machine caches it.
    const release = testKernel ? require("fs").readFileSync(testKernel + "/kernelrelease", "utf8").trim() : "";
    const kernel = testKernel ? s.kernel.replace(testKernel + "/bzImage", `${release} (scripts/build-test-kernel.sh ${require("path").basename(testKernel)})`) : s.kernel;
    const token = s.fwCfg.find((e) => e.name === "opt/qfi/token").content;
    const meta = {
      name,
      recordedWith: ["qfi", "run", ...argv],
      kernel,
      qemu: s.qemu.version,
      token,
      qemuExit: s.qemu.exit,
      timedOut: s.timedOut,
      commandExitCode: s.commandExitCode,
      consoleLines: s.console.lines,
      recordedVerdict: s.verdict,
      recordedReason: s.reason,
    };
    require("fs").writeFileSync(outFile, JSON.stringify(meta, null, 2) + "\n");
  ' "$work/$name/summary.json" "$name" "$out/$name.json" "$test_kernel" "${shown[@]}"
  echo "recorded $name: $(node -e 'const m=require(process.argv[1]); console.log(m.recordedVerdict, "—", m.recordedReason.slice(0, 120))' "$PWD/$out/$name.json")"
}

# On the built-in guest (Debian's cloud kernel).
debian() {
  local name=$1; shift
  wanted "$name" || return 0
  record "$name" 1 '' '' -- "$@"
}

# On the test kernel with the built-in initramfs; its test modules are on the read-only disk
# `mods` (a tar the guest unpacks). $PRELUDE mounts debugfs and shows KERN_INFO on the console.
testk() {
  local name=$1 tries=$2 check=$3 refuse=$4; shift 4
  wanted "$name" || return 0
  ensure_test_kernel
  record "$name" "$tries" "$check" "$refuse" -- --kernel "$test_kernel/bzImage" --disks "id=mods path=$test_kernel/modules.tar read-only=true" "$@"
}
PRELUDE='mount -t debugfs none /sys/kernel/debug; echo 7 >/proc/sys/kernel/printk; mkdir -p /tmp/m; tar -xf /dev/qfi/mods -C /tmp/m'
lkdtm() { echo "$PRELUDE; echo $1 >/sys/kernel/debug/provoke-crash/DIRECT"; }

# --- Debian's kernel: the agent's outcomes and user-space trouble ---
debian pass --command 'echo hello; exit 0'
debian fail-exit --command 'echo about to fail >&2; exit 3'
debian panic-sysrq --command 'echo c > /proc/sysrq-trigger'
debian hang-sleep --command 'echo sleeping; sleep 600' --test-timeout 3s
# The guest powers off in the middle of the command: no exit marker, a truncated console.
debian truncated-poweroff --command 'echo working; echo o > /proc/sysrq-trigger; sleep 10; echo never'
# KERN_INFO shows user-space crashes; unbounded recursion overflows the shell's stack.
debian segfault --command 'echo 7 > /proc/sys/kernel/printk; ulimit -s 512; f() { f; }; f'
debian oom-kill --command 'echo 1 > /proc/sys/vm/overcommit_memory; awk "BEGIN { s = \"x\"; while (1) s = s s }"'
debian qfi-markers --command 'qfi-marker phase-1; qfi-fault --register net.tx; qfi-marker page=0x1000; qfi-fault storage.read || echo "read ok"; qfi-marker phase-2; exit 0' --fault storage.read=fail-after:5
# A test of its own in TAP 13: a TODO failure is expected, a SKIP no failure.
debian tap13-todo-skip --command 'echo "TAP version 13"; echo "1..4";
  [ -d /proc/self ] && echo "ok 1 - /proc is mounted" || echo "not ok 1 - /proc is mounted";
  [ "$(wc -l < /proc/swaps)" -gt 1 ] && echo "ok 2 - swap is on" || echo "not ok 2 - swap is on # TODO the built-in guest has no swap yet";
  [ -c /dev/kvm ] && echo "ok 3 - kvm in the guest" || echo "ok 3 - kvm in the guest # SKIP no nested virtualisation";
  echo "ok 4 - done"'
# A TAP producer that never prints its plan, and one that bails out: neither may pass.
debian tap-missing-plan --command 'echo "TAP version 14"; for f in /proc/version /proc/cmdline /proc/uptime; do [ -r $f ] && echo "ok - $f readable" || echo "not ok - $f readable"; done'
debian tap-bail-out --command 'echo "TAP version 13"; echo "1..3"; echo "ok 1 - shell runs"; [ -d /sys/class/net/eth0 ] || { echo "Bail out! no network device (run with --network user)"; exit 0; }; echo "ok 2 - eth0"; echo "ok 3 - done"'

# --- the test kernel: LKDTM crashes, sanitizers, detectors ---
testk oops-null 1 '' '' --command "$(lkdtm EXCEPTION)"
testk bug-lkdtm 1 '' '' --command "$(lkdtm BUG)"
testk warning-lkdtm 1 '' '' --command "$(lkdtm WARNING); echo still running"
# The same warning in a loop: the summary counts it instead of growing.
testk warning-loop 1 '' '' --command "$PRELUDE; i=0; while [ \$i -lt 20 ]; do echo WARNING > /sys/kernel/debug/provoke-crash/DIRECT; i=\$((i+1)); done; echo done"
testk kasan-slab-oob 1 '' '' --command "$(lkdtm SLAB_LINEAR_OVERFLOW); echo still running"
testk ubsan-bounds 1 '' '' --command "$(lkdtm ARRAY_BOUNDS); echo still running"
# Detectors with short thresholds; each lockup runs into the test timeout.
testk soft-lockup 1 'soft lockup' '' --test-timeout 15s --command "$PRELUDE; echo 1 > /proc/sys/kernel/watchdog_thresh; echo SOFTLOCKUP > /sys/kernel/debug/provoke-crash/DIRECT"
testk hung-task 1 'blocked for more than' '' --test-timeout 12s --command "$PRELUDE; echo 2 > /proc/sys/kernel/hung_task_timeout_secs; echo HUNG_TASK > /sys/kernel/debug/provoke-crash/DIRECT"
# A stall needs a grace period waiting for the stuck CPU: on a second vCPU, short-lived processes
# keep queueing RCU callbacks while the first spins with preemption off.
testk rcu-stall 2 'detected stall' '' --test-timeout 15s --cpus 2 --append rcupdate.rcu_cpu_stall_timeout=3 --command "$PRELUDE; echo 0 > /proc/sys/kernel/soft_watchdog; echo SOFTLOCKUP > /sys/kernel/debug/provoke-crash/DIRECT & while :; do cat /proc/version > /dev/null; done"
# Interrupts off: no timer, no NMI watchdog under TCG (no PMU), so nothing can report it.
testk hard-lockup-unseen 1 '' '' --test-timeout 10s --command "$PRELUDE; echo HARDLOCKUP > /sys/kernel/debug/provoke-crash/DIRECT"
# Fault injection: failslab on one process (task-filter + make-it-fail), verbose with stacks.
testk failslab-ls 1 'FAULT_INJECTION' '' --command "$PRELUDE; cd /sys/kernel/debug/failslab; echo Y > task-filter; echo N > ignore-gfp-wait; echo 100 > probability; echo 3 > times; echo 2 > verbose; sh -c 'echo 1 > /proc/self/make-it-fail; exec ls /proc/self/'; echo \"ls exited with \$?\"; exit 0"

# --- KTAP from KUnit modules ---
testk ktap-pass 1 'ok 2 hlist' '' --command "$PRELUDE; insmod /tmp/m/list-test.ko"
# KASAN's self-test: its reports are provoked by tests that pass; one test fails for real with
# GCC 12 (kasan_global_oob_right: no report for a global's redzone).
testk ktap-fail-kasan 1 'not ok [0-9]+ kasan_global_oob_right' '' --test-timeout 2m --command "$PRELUDE; insmod /tmp/m/kasan_test.ko"
# The same suite while high-order page allocations fail (fail_page_alloc, order >= 4): pagealloc_uaf
# does not check its alloc_pages() and dereferences NULL; KUnit then waits for the dead test thread.
testk ktap-fault-oops 1 'Oops' '' --test-timeout 20s --command "$PRELUDE; cd /sys/kernel/debug/fail_page_alloc; echo 4 > min-order; echo N > ignore-gfp-wait; echo N > ignore-gfp-highmem; echo 100 > probability; echo -1 > times; echo 1 > verbose; insmod /tmp/m/kasan_test.ko"
# Nested suites (fat_test's parameterised cases), skipped cases (example), then the guest powers
# off while KASAN's suite is half-way: the stream ends without its results. Where it is cut differs
# from run to run: after re-recording, update the expected JUnit in test/unit/report/junit-ktap.test.ts.
testk ktap-nested-skip-truncated 3 'ok 6 kmalloc_pagealloc_invalid_free' '^\[[ 0-9.]+\] (not )?ok [0-9]+ kasan' --test-timeout 5m --command "$PRELUDE; insmod /tmp/m/kunit-example-test.ko; insmod /tmp/m/fat_test.ko; insmod /tmp/m/kasan_test.ko & until dmesg | grep -q 'ok 6 kmalloc_pagealloc_invalid_free'; do sleep 0.05; done; echo o > /proc/sysrq-trigger; sleep 30"
