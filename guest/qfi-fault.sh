#!/bin/sh
# qfi-fault: the built-in guest's fault points, for tests written in shell (or anything that can
# run a command). Installed as /usr/bin/qfi-fault by the initramfs; documented in guest/README.md.
#
#   qfi-fault POINT             one call of POINT: exit 0 = fail this call (inject the fault),
#                               1 = carry on normally, 2 = usage error
#   qfi-fault --register POINT…  make points known without calling them (a probe run lists them)
#
# The decision follows the run's rules (/run/qfi/rules, `point[params]=action`, last rule for a
# point wins) exactly as qfi's model does (src/rules/guest-decide.ts; test/unit/guest checks both
# on the same vectors): off; fail; drop-every:N (calls N, 2N, …); fail-after:N (every call after
# the N-th); rate:N (N per 1000, from the run's seed, the point and the call number); delay-ms:N
# (sleep, then carry on). `[once=true]` stops the rule after its first failure, so
# `p[once=true]=fail-after:4` fails exactly the 5th call. Counts live in $QFI_RUN_DIR/points and
# the agent reports them at the end (`QFI-POINT:name calls=N fails=M`).
set -f
run=${QFI_RUN_DIR:-/run/qfi}
dir=$run/points

usage() {
	echo "usage: qfi-fault POINT | qfi-fault --register POINT..." >&2
	exit 2
}

# Point names as the rule grammar has them: dot-joined names of [A-Za-z0-9_-], each starting with a letter or _.
check_name() {
	case $1 in
	'' | .* | *. | *..* | *[!A-Za-z0-9_.-]* | [0-9-]* | *.[0-9-]*)
		echo "qfi-fault: bad point name \"$1\": names of letters, digits, _ and - joined by ., each starting with a letter or _" >&2
		exit 2
		;;
	esac
}

mkdir -p "$dir" || exit 2
# One caller at a time: read, count and write back without losing a concurrent call.
lock() {
	until mkdir "$dir/.lock" 2>/dev/null; do usleep 1000; done
	trap 'rmdir "$dir/.lock"' EXIT
	trap 'rmdir "$dir/.lock"; exit 2' INT TERM
}

[ $# -ge 1 ] || usage
if [ "$1" = "--register" ]; then
	shift
	[ $# -ge 1 ] || usage
	for p in "$@"; do check_name "$p"; done
	lock
	for p in "$@"; do [ -e "$dir/$p" ] || echo "0 0" >"$dir/$p"; done
	exit 1
fi
[ $# -eq 1 ] || usage
point=$1
check_name "$point"

# FNV-1a over bytes (decimal on stdin), 32 bits; every product stays below 2^63 in shell arithmetic.
fnv_bytes() {
	while read -r line; do
		for b in $line; do h=$(((h ^ b) * 16777619 & 0xffffffff)); done
	done
}
le_bytes() {
	echo $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}
# rate:N fails the call when this hash of (point, seed, call) mod 1000 is below N.
rate_hash() {
	h=2166136261
	fnv_bytes <<EOF
$(printf %s "$point" | od -An -tu1 -v)
$(le_bytes "$1")
$(le_bytes "$2")
EOF
	h=$((h ^ h >> 16))
	h=$((h * 0x7feb352d & 0xffffffff))
	h=$((h ^ h >> 15))
	h=$((h * 0x2c1b3c6d & 0xffffffff))
	h=$((h ^ h >> 16))
	echo $((h % 1000))
}

rule=
if [ -r "$run/rules" ]; then
	while IFS= read -r line; do
		p=${line%%=*}
		p=${p%%\[*}
		[ "$p" = "$point" ] && rule=$line
	done <"$run/rules"
fi
case $rule in
*\]=*)
	action=${rule##*\]=}
	params=${rule#*\[}
	params=${params%%\]=*}
	;;
*)
	action=${rule#*=}
	params=
	;;
esac
once=
case " $params " in *" once=true "*) once=1 ;; esac

lock
calls=0
fails=0
[ -r "$dir/$point" ] && read -r calls fails <"$dir/$point"
calls=$((calls + 1))
fail=
n=${action#*:}
case $action in
fail) fail=1 ;;
drop-every:*) [ $((calls % n)) -eq 0 ] && fail=1 ;;
fail-after:*) [ "$calls" -gt "$n" ] && fail=1 ;;
rate:*)
	seed=0
	[ -r "$run/seed" ] && read -r seed <"$run/seed"
	[ "$(rate_hash "$seed" "$calls")" -lt "$n" ] && fail=1
	;;
esac
[ -n "$once" ] && [ "$fails" -ge 1 ] && fail=
[ -n "$fail" ] && fails=$((fails + 1))
echo "$calls $fails" >"$dir/$point"
rmdir "$dir/.lock"
trap - EXIT INT TERM
case $action in delay-ms:*) usleep $((n * 1000)) ;; esac
[ -n "$fail" ] && exit 0
exit 1
