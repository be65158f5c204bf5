#!/bin/sh
# qfi built-in guest agent. Runs as /init (PID 1) of the initramfs qfi assembles, under busybox sh.
# It loads the kernel modules listed in /etc/qfi/modules, reads the run's inputs from QEMU fw_cfg,
# runs the test command and powers the machine off. The protocol is described in guest/README.md.
#
# Console markers carry a random per-run token read from fw_cfg, so test output cannot fake them;
# the token is never exported to the test command.

set -f # no globbing: /proc/cmdline and fw_cfg text are split on spaces, never expanded
bb=/bin/busybox
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

# Applets are called through busybox until --install has made their links.
$bb mount -t proc proc /proc
$bb mount -t sysfs sysfs /sys
$bb mount -t devtmpfs devtmpfs /dev
$bb mount -t tmpfs -o mode=1777 tmpfs /tmp
$bb mount -t tmpfs -o mode=0755 tmpfs /run
# The kernel may have started us without a console; from now on everything goes to it.
exec </dev/null >/dev/console 2>&1
$bb --install -s

token=
# A marker starts with a newline so that it never shares a line with the test's output.
marker() {
	printf '\nQFI:%s:%s\n' "${token:-notoken}" "$1"
}

finish() {
	sync
	poweroff -f
	# Only reached if power-off failed: with QEMU's -no-reboot a reboot also ends QEMU.
	reboot -f
	sleep 10
	exit 1 # PID 1 exiting panics the kernel; panic=-1 + -no-reboot end QEMU too
}

agent_error() {
	marker "agent-error=$1"
	finish
}

# Read a whole file into $content, keeping trailing newlines ($(...) alone strips them).
read_exact() {
	content=$(cat "$1" && echo x) || return 1
	content=${content%x}
}

# Modules first: reading fw_cfg needs qemu_fw_cfg. Remember a failure, report it with the token.
# They were built for one release (/etc/qfi/kernel-release): under another kernel (a custom
# `--kernel` with the built-in initramfs) they cannot load, and that kernel must have the drivers built in.
module_failed=
modules_release=
[ -r /etc/qfi/kernel-release ] && read -r modules_release </etc/qfi/kernel-release
if [ -r /etc/qfi/modules ] && { [ -z "$modules_release" ] || [ "$modules_release" = "$(uname -r)" ]; }; then
	while IFS= read -r ko; do
		[ -n "$ko" ] || continue
		if ! insmod "$ko"; then
			[ -n "$module_failed" ] || module_failed=$(basename "$ko" .ko)
		fi
	done </etc/qfi/modules
fi

fw=/sys/firmware/qemu_fw_cfg/by_name
if [ -r "$fw/opt/qfi/token/raw" ]; then
	# Only [A-Za-z0-9_-] survive, so a token can never contain the marker's `:`.
	token=$(tr -cd 'A-Za-z0-9_-' <"$fw/opt/qfi/token/raw")
fi
[ -z "$module_failed" ] || agent_error "insmod-failed:$module_failed"
[ -d "$fw" ] || agent_error "fw_cfg-unavailable"
[ -n "$token" ] || agent_error "fw_cfg-token-missing"
[ -r "$fw/opt/qfi/command/raw" ] || agent_error "fw_cfg-command-missing"
read_exact "$fw/opt/qfi/command/raw" || agent_error "fw_cfg-command-unreadable"
command=$content

# The rules' fw_cfg name comes from the kernel command line; no file means no fault injection.
rules_name=opt/qfi/rules
sync_start=
report_regions=
for arg in $(cat /proc/cmdline); do
	case $arg in
	qfi.rules=*) rules_name=${arg#qfi.rules=} ;;
	qfi.sync=1) sync_start=1 ;;
	qfi.regions=1) report_regions=1 ;;
	esac
done
mkdir -p /run/qfi
if [ -e "$fw/$rules_name/raw" ]; then
	cat "$fw/$rules_name/raw" >/run/qfi/rules || agent_error "fw_cfg-rules-unreadable"
else
	: >/run/qfi/rules
fi
read_exact /run/qfi/rules || agent_error "rules-unreadable"
QFI_RULES=$content
QFI_RULES_FILE=/run/qfi/rules
# The run's seed, for rate rules (qfi-fault reads /run/qfi/seed; other runtimes $QFI_SEED).
QFI_SEED=0
if [ -r "$fw/opt/qfi/seed/raw" ]; then
	QFI_SEED=$(tr -cd '0-9' <"$fw/opt/qfi/seed/raw")
fi
echo "${QFI_SEED:=0}" >/run/qfi/seed
export QFI_SEED
HOME=/root
TERM=dumb
export QFI_RULES QFI_RULES_FILE HOME TERM

# The runner talks back on the console (`go`, `ack NAME`): read with echo off so it stays out of the log.
stty -echo </dev/console 2>/dev/null
# Waits until the runner sends the line $1 on the console.
await_host() {
	while IFS= read -r line </dev/console; do
		[ "$line" = "$1" ] && return 0
	done
	return 1
}

# Markers the runner acts on: qfi-marker waits at them until the runner has done so.
if [ -r "$fw/opt/qfi/sync-markers/raw" ]; then
	cat "$fw/opt/qfi/sync-markers/raw" >/run/qfi/sync-markers
else
	: >/run/qfi/sync-markers
fi
cat >/usr/bin/qfi-marker <<'MARKER'
#!/bin/sh
# qfi-marker NAME[=0xVALUE]: tell the runner the test reached NAME. When a host rule waits for
# NAME (a fault window opening), wait until the runner has opened it.
[ -n "$1" ] || { echo "usage: qfi-marker NAME[=0xVALUE]" >&2; exit 2; }
printf '\nQFI-MARKER:%s\n' "$1" >/dev/console
name=${1%%=*}
if grep -qxF "$name" /run/qfi/sync-markers; then
	while IFS= read -r line </dev/console; do
		[ "$line" = "ack $name" ] && exit 0
	done
fi
exit 0
MARKER
chmod 755 /usr/bin/qfi-marker

# Disks: /dev/qfi/<id> for each virtio disk qfi attached (its serial is the disk id).
mkdir -p /dev/qfi
for dev in $(ls /sys/block); do
	[ -r "/sys/block/$dev/serial" ] || continue
	serial=$(cat "/sys/block/$dev/serial")
	[ -n "$serial" ] && ln -sf "/dev/$dev" "/dev/qfi/$serial"
done
# Network: QEMU user networking's fixed addresses when qfi attached a NIC.
if [ -d /sys/class/net/eth0 ]; then
	ip link set lo up
	ip link set eth0 up
	ip addr add 10.0.2.15/24 dev eth0
	ip route add default via 10.0.2.2
fi

# Snapshot campaigns flip bits in the kernel's sections: where they are (physical, end exclusive).
if [ -n "$report_regions" ]; then
	sed -n 's/^ *\([0-9a-f]*\)-\([0-9a-f]*\) : Kernel \([a-z]*\)$/\1 \2 \3/p' /proc/iomem |
		while read -r first last section; do
			printf '\nQFI-REGION:kernel-%s=0x%x-0x%x\n' "$section" $((0x$first)) $((0x$last + 1))
		done
fi

marker ready
cd /root 2>/dev/null || cd /tmp
# Boot stays quiet, but the test's kernel warnings (WARN splats, I/O errors) should be seen.
echo 5 >/proc/sys/kernel/printk
marker start
# Host rules that count from the test's start are put in place before the command runs.
[ -z "$sync_start" ] || await_host go || agent_error "no-go-from-host"
sh -c "$command" </dev/null
code=$?
# The command's results file (`results-file`) goes to the runner on its own virtio-serial port,
# before the exit marker: exact bytes, never mixed with kernel messages as on the console.
if [ -r "$fw/opt/qfi/results-file/raw" ]; then
	read -r results_file <"$fw/opt/qfi/results-file/raw"
	results_port=
	for port in $(ls /sys/class/virtio-ports 2>/dev/null); do
		[ "$(cat "/sys/class/virtio-ports/$port/name" 2>/dev/null)" = org.qfi.results ] && results_port=/dev/$port
	done
	[ -n "$results_port" ] || agent_error "results-port-missing:org.qfi.results(virtio_console)"
	if [ -f "$results_file" ]; then
		cat "$results_file" >"$results_port" || echo "qfi: could not copy the results file $results_file to the runner"
	else
		echo "qfi: the command left no results file $results_file"
	fi
fi
# What the test's fault points saw (qfi-fault): a probe run plans from these.
if [ -d /run/qfi/points ]; then
	for point in $(ls /run/qfi/points); do
		read -r calls fails <"/run/qfi/points/$point" || continue
		printf '\nQFI-POINT:%s calls=%s fails=%s\n' "$point" "$calls" "$fails"
	done
fi
marker "exit=$code"
finish
