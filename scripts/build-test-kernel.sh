#!/usr/bin/env bash
# Builds a small x86_64 test kernel with the kernel's own test and bug-finding facilities (KUnit,
# KASAN, UBSAN, LKDTM, fault injection, lockup/hung-task/RCU-stall detectors), which Debian's
# kernels lack. It boots with qfi's built-in initramfs: every driver the agent needs is built in.
#
#   scripts/build-test-kernel.sh            build if needed, print the cache folder
#   qfi run --kernel "$(scripts/build-test-kernel.sh)/bzImage" --command '...'
#
# Source: Debian's linux-source-6.1 package (apt-get download, no root). Result, cached under
# ${XDG_CACHE_HOME:-~/.cache}/qfi/test-kernel/<key>/ (key = hash of this script + source version):
#   bzImage, vmlinux, System.map, config, modules.tar (the test modules, flat), .complete
# The KUnit suites are modules (modules.tar): load them in the guest while the test runs, e.g. from
# a disk: --disks 'id=mods path=modules.tar read-only=true' and `tar -xf /dev/qfi/mods -C /tmp`.
# Needs: gcc make flex bison bc libelf-dev libssl-dev cpio (scripts/install-deps.sh --build).
set -euo pipefail

script=$(readlink -f "${BASH_SOURCE[0]}")
cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/qfi/test-kernel
package=linux-source-6.1
jobs=${QFI_KERNEL_JOBS:-2}

version=$(apt-cache show --no-all-versions "$package" 2>/dev/null | sed -n 's/^Version: //p' | head -n1)
if [ -z "$version" ]; then
  echo "build-test-kernel: apt knows no $package package; run apt-get update (Debian 12 has it in main)" >&2
  exit 1
fi
key=$( { cat "$script"; echo "$package=$version"; } | sha256sum | cut -c1-16)
out=$cache_root/$key
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi

for tool in gcc make flex bison bc perl cpio; do
  command -v "$tool" >/dev/null || { echo "build-test-kernel: $tool is missing (scripts/install-deps.sh --build)" >&2; exit 1; }
done
[ -e /usr/include/libelf.h ] || { echo "build-test-kernel: libelf-dev is missing (objtool needs it)" >&2; exit 1; }

work=$out.work
rm -rf "$work"
mkdir -p "$work"
started=$(date +%s)
log() { echo "build-test-kernel: [$(( $(date +%s) - started ))s] $*" >&2; }

log "fetching $package $version"
(cd "$work" && apt-get download "$package=$version" >/dev/null 2>&1) ||
  { echo "build-test-kernel: apt-get download $package=$version failed" >&2; exit 1; }
dpkg-deb -x "$work"/${package}_*.deb "$work/deb"
tar -xf "$work/deb/usr/src/$package.tar.xz" -C "$work"
rm -rf "$work/deb" "$work"/${package}_*.deb
src=$work/$package

# Start from tinyconfig (nothing but the core), then turn on exactly what the guest and the tests
# need. tinyconfig's size choices (SLOB, XZ, guess unwinder) are undone: KASAN needs SLUB, XZ is slow
# to decompress under TCG, and stack traces should be exact.
make -C "$src" -s ARCH=x86_64 tinyconfig >/dev/null
want_y=(
  # core userland needs: busybox static + a shell script as /init
  64BIT SMP PRINTK PRINTK_TIME BUG MULTIUSER FUTEX EPOLL SIGNALFD TIMERFD EVENTFD SHMEM AIO
  POSIX_TIMERS FILE_LOCKING ADVISE_SYSCALLS MEMBARRIER BASE_FULL KALLSYMS KALLSYMS_ALL
  BINFMT_ELF BINFMT_SCRIPT PROC_FS PROC_SYSCTL SYSFS TMPFS DEVTMPFS DEVTMPFS_MOUNT
  BLK_DEV_INITRD RD_GZIP KERNEL_GZIP SLUB SLUB_DEBUG SYSFS_SYSCALL UNWINDER_FRAME_POINTER
  MODULES MODULE_UNLOAD
  # the machine qfi starts: q35, serial console, fw_cfg, ACPI power-off, virtio devices
  HYPERVISOR_GUEST PVH ACPI PCI PCI_MSI TTY SERIAL_8250 SERIAL_8250_CONSOLE
  FW_CFG_SYSFS BLOCK VIRTIO_MENU VIRTIO_PCI VIRTIO_BLK VIRTIO_CONSOLE
  NET INET UNIX NETDEVICES NET_CORE VIRTIO_NET MSDOS_PARTITION
  VFAT_FS
  # diagnostics and the test facilities
  DEBUG_KERNEL DEBUG_FS RUNTIME_TESTING_MENU MAGIC_SYSRQ PERF_EVENTS STACKTRACE
  SOFTLOCKUP_DETECTOR HARDLOCKUP_DETECTOR DETECT_HUNG_TASK RCU_STALL_COMMON
  KASAN KASAN_GENERIC KASAN_OUTLINE UBSAN UBSAN_BOUNDS
  FAULT_INJECTION FAILSLAB FAIL_PAGE_ALLOC FAULT_INJECTION_DEBUG_FS
  LKDTM KUNIT KUNIT_DEBUGFS
)
# KUnit suites as modules: loaded by the test command, so their KTAP lands inside the test.
# example: skipped cases; fat_test: parameterised cases (a third level); kunit-test: several suites
# in one module; memcpy: one slow case (memmove_large_test) to crash the guest in.
want_m=(
  KUNIT_EXAMPLE_TEST KUNIT_TEST LIST_KUNIT_TEST MEMCPY_KUNIT_TEST FAT_KUNIT_TEST
  KASAN_KUNIT_TEST TEST_UBSAN
)
want_n=(
  SLOB KERNEL_XZ UNWINDER_GUESS UBSAN_TRAP UBSAN_SHIFT UBSAN_DIV_ZERO UBSAN_BOOL UBSAN_ENUM
  UBSAN_UNREACHABLE MODULE_SIG DEBUG_INFO KUNIT_ALL_TESTS
)
cfg=("$src/scripts/config" --file "$src/.config")
for o in "${want_y[@]}"; do "${cfg[@]}" --enable "$o"; done
for o in "${want_m[@]}"; do "${cfg[@]}" --module "$o"; done
for o in "${want_n[@]}"; do "${cfg[@]}" --disable "$o"; done
"${cfg[@]}" --set-val NR_CPUS 4
# Every SysRq function, so a test can `echo c > /proc/sysrq-trigger`.
"${cfg[@]}" --set-val MAGIC_SYSRQ_DEFAULT_ENABLE 0x1
"${cfg[@]}" --set-str LOCALVERSION -qfi-test
"${cfg[@]}" --disable LOCALVERSION_AUTO
# olddefconfig runs twice: options behind a newly enabled menu only appear on the second pass.
make -C "$src" -s ARCH=x86_64 olddefconfig >/dev/null
for o in "${want_y[@]}"; do "${cfg[@]}" --enable "$o"; done
for o in "${want_m[@]}"; do "${cfg[@]}" --module "$o"; done
for o in "${want_n[@]}"; do "${cfg[@]}" --disable "$o"; done
make -C "$src" -s ARCH=x86_64 olddefconfig >/dev/null

# Kconfig silently drops what it cannot satisfy: check every wish came true.
missing=()
for o in "${want_y[@]}"; do
  grep -qx "CONFIG_$o=y" "$src/.config" || missing+=("$o=y")
done
for o in "${want_m[@]}"; do grep -qx "CONFIG_$o=m" "$src/.config" || missing+=("$o=m"); done
for o in "${want_n[@]}"; do grep -qx "CONFIG_$o=[ym]" "$src/.config" && missing+=("$o=n"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-test-kernel: the kernel configuration does not have: ${missing[*]}" >&2
  echo "build-test-kernel: (a dependency is missing; see $src/.config)" >&2
  exit 1
fi

log "building (make -j$jobs, nice 10)"
nice -n 10 make -C "$src" -s ARCH=x86_64 -j"$jobs" bzImage modules >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log" >&2; echo "build-test-kernel: build failed, log in $work/build.log" >&2; exit 1; }

release=$(make -C "$src" -s ARCH=x86_64 kernelrelease)
mkdir -p "$work/out/modules"
cp "$src/arch/x86/boot/bzImage" "$src/vmlinux" "$src/System.map" "$work/out/"
cp "$src/.config" "$work/out/config"
# Flat tar of the modules (insmod needs no modules.dep); written so busybox tar can read it
# straight off a raw disk.
find "$src" -name '*.ko' -exec cp {} "$work/out/modules/" \;
tar --format=ustar -cf "$work/out/modules.tar" -C "$work/out/modules" .
rm -rf "$work/out/modules"
echo "$release" >"$work/out/kernelrelease"
log "built $release: bzImage $(( $(stat -c %s "$work/out/bzImage") / 1024 )) KiB, $(tar -tf "$work/out/modules.tar" | grep -c '\.ko$') modules"

rm -rf "$out"
mv "$work/out" "$out"
echo "$(( $(date +%s) - started ))s $package=$version" >"$out/.complete"
rm -rf "$work"
echo "$out"
