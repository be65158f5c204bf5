#!/usr/bin/env bash
# .ci/fresh-root.sh WORK REPO — the part of .ci/run that makes a fresh machine and runs the README's
# commands on it. .ci/run starts it as the first process (PID 1) of its own PID, mount, UTS and IPC
# namespaces (unshare), so:
#   - every mount made here (the root's /proc, /sys, /dev, the shared download cache; debootstrap's and
#     the Debian-image test's own) exists in this mount namespace only and vanishes with it, even when
#     everything is killed with SIGKILL: the outer machine never sees them, and `rm -rf` of WORK from
#     outside can never reach the outer /dev through a bind mount;
#   - when this script ends, however it ends, the kernel kills every process left in the namespace
#     (a QEMU a test forgot, a daemon a package started): nothing started here outlives .ci/run.
# A plain chroot would share the outer mount table and process space: a killed run would leave its
# bind mounts and QEMUs behind, and cleaning them up would mean guessing which are ours.
#
# The fresh machine: Debian 12, debootstrap --variant=minbase, from this machine's Debian mirror, plus
# what a new user of qfi is assumed to have, by the README ("Node.js 20 or newer, and root or
# passwordless sudo"), and nothing else:
#   - this machine's Node.js (node, npm, npx, corepack, the headers; npm's global config);
#   - root: the commands run as root, the README's first option (no sudo in the root: a step that needs
#     sudo when run as root is a bug this shows);
#   - the network as this machine has it: its trusted CA certificates, the environment variables that
#     name them or a proxy, its DNS settings, its apt sources and settings (Check-Valid-Until false:
#     the mirror's Release files are old). Not the qfi-*.sources files qfi's own scripts wrote here:
#     writing those is part of what is being proven;
#   - the source tree of the commit under test (cloned here from the outside, so no git in the root:
#     a user may have fetched a tarball; no curl, no sudo, no ca-certificates package either).
# Everything else (QEMU, busybox, compilers, git if a step wanted it) must come from the steps.
#
# Shared between runs (QFI_CI_CACHE, default /var/cache/qfi-ci), downloads only, named by content:
#   debs/         .deb files (name_version_arch.deb), for debootstrap and the root's apt. Seeded into
#                 the run by hard links; debootstrap and apt check each against the checksums of the
#                 signed package index before use, so a bad file is downloaded again, not installed.
#                 New ones are added back (atomically, by link) at the end; after a complete run
#                 the cache keeps only what this run installed.
#   npm-cacache/  npm's content cache (~/.npm/_cacache, every entry checked by its integrity hash;
#                 npm's own concurrency-safe store). Not node_modules, no qfi cache, no QEMU build:
#                 each run starts with an empty ~/.cache/qfi and builds everything again.
#
# Steps (QFI_CI_STEPS, default all): npm-ci demo dist lint node24 test. Each step's time goes to
# WORK/times for .ci/run's summary; a step that fails is reported and the later ones still run
# (all but npm ci, without which nothing can). Every step ends by QFI_CI_DEADLINE (epoch seconds).
set -euo pipefail
work=${1:?usage: fresh-root.sh WORK REPO}
repo=${2:?usage: fresh-root.sh WORK REPO}
root=$work/root
src=/root/qfi                       # the checkout, inside the root
cache=${QFI_CI_CACHE:-/var/cache/qfi-ci}
deadline=${QFI_CI_DEADLINE:-$(( $(date +%s) + 3600 ))}
steps=" ${QFI_CI_STEPS:-npm-ci demo dist lint node24 test} "
times=$work/times
suite=bookworm
failed=0
tests_done=false
current=""                          # the step running now, and since when (for an interruption)

[ "$$" -eq 1 ] || { echo "fresh-root: must run as PID 1 of its own namespace (unshare --pid --fork --mount-proc); see .ci/run" >&2; exit 2; }

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$times"; }
# Output lines get the time since the step began: where a step spends its time shows in the log.
stamp() { local t0=$SECONDS line; while IFS= read -r line || [ -n "$line" ]; do printf '%6s %s\n' "+$(( SECONDS - t0 ))s" "$line"; done; }

# Processes still running when a step has ended were left behind by it (all but PID 1 and the
# step's output stamper, $2): name and kill them.
leftovers() {
  local d p i state pids=()
  # A process that is exiting as the step ends (esbuild's service after node, say) gets a moment; a
  # zombie has ended already (this shell, PID 1, reaps it) and is no leftover.
  for i in $(seq 20); do
    pids=()
    for d in /proc/[0-9]*; do
      p=${d#/proc/}
      [ "$p" = 1 ] || [ "$p" = "${2:-}" ] || [ "$p" = "$BASHPID" ] && continue
      state=$(awk '/^State:/ { print $2 }' "$d/status" 2>/dev/null) || continue
      [ -n "$state" ] && [ "$state" != Z ] && pids+=("$p")
    done
    [ ${#pids[@]} -gt 0 ] || return 0
    sleep 0.1
  done
  echo "fresh-root: $1 left ${#pids[@]} process(es) running; killing them:"
  for p in "${pids[@]}"; do echo "  $p $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-200)"; done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  return 1
}

# Adds the .deb files of FROM that are not in TO yet, each by one atomic link (or a copy renamed in).
add_debs() {
  local from=$1 to=$2 f n
  for f in "$from"/*.deb; do
    [ -f "$f" ] || continue
    n=${f##*/}
    [ -e "$to/$n" ] && continue
    ln "$f" "$to/$n" 2>/dev/null || { cp "$f" "$to/.$n.$$" && mv -f "$to/.$n.$$" "$to/$n"; } || true
  done
}

cleanup() {
  local rc=$? m why
  set +e
  trap - EXIT TERM INT HUP
  kill -KILL -1 2>/dev/null   # every other process of this PID namespace: all were started here
  wait 2>/dev/null
  case $rc in 129|130|143) why=INTERRUPTED ;; *) why="FAILED (exit $rc)" ;; esac
  [ -z "$current" ] || record "$current" $(( SECONDS - current_started )) "$why"
  if [ -d "$root/var/cache/apt/archives" ] && [ -d "$cache/debs" ]; then
    add_debs "$root/var/cache/apt/archives" "$cache/debs"
    if $tests_done && [ "$steps" = " npm-ci demo dist lint node24 test " ]; then
      # Keep what this run installed (every package in the root's dpkg status), drop the rest:
      # superseded versions, packages no step installs any more.
      local keep
      keep=$(awk -F': ' '/^Package:/{p=$2} /^Version:/{v=$2} /^Architecture:/{a=$2}
        /^Status: install ok installed/{i=1} /^$/{if(i){gsub(":","%3a",v); print p"_"v"_"a".deb"}; i=0; p=v=a=""}
        END{if(i){gsub(":","%3a",v); print p"_"v"_"a".deb"}}' "$root/var/lib/dpkg/status")
      for m in "$cache/debs"/*.deb; do
        [ -f "$m" ] && ! grep -qxF "${m##*/}" <<<"$keep" && rm -f "$m"
      done
    fi
  fi
  # The namespace takes its mounts with it; unmounting here, deepest first, is for good measure.
  for m in $(findmnt -rn -o TARGET | grep -F "$root/" | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# The Debian mirror this machine's apt sources name for SUITE (one-line or deb822 format).
debian_mirror() {
  local f uri=
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v suite="$suite" '
      function found(uri) { print uri; done = 1; exit }
      /^[ \t]*deb[ \t]/ { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i ~ /:\/\//) { if ($(i+1) == suite) found($i); break } }
      /^Types:/ { t = $0 } /^URIs:/ { u = $2 } /^Suites:/ { s = " " $0 " " }
      /^[ \t]*$/ { if (t ~ /[ \t]deb([ \t]|$)/ && s ~ " " suite " " && u != "") found(u); t = u = s = "" }
      END { if (!done && t ~ /[ \t]deb([ \t]|$)/ && s ~ " " suite " " && u != "") print u }' "$f")
    [ -n "$uri" ] && break
  done
  echo "${uri:-http://deb.debian.org/debian}"
}

# A step: NAME, then a command line run in the root, in the checkout, as a new user's shell would.
# Environment: a login's basics, CI=true (as in CI), and the variables the network needs here.
chroot_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root USER=root LOGNAME=root
  SHELL=/bin/bash LANG=C.UTF-8 CI=true)
network_vars=(http_proxy https_proxy ftp_proxy all_proxy no_proxy HTTP_PROXY HTTPS_PROXY FTP_PROXY ALL_PROXY NO_PROXY
  NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR CURL_CA_BUNDLE REQUESTS_CA_BUNDLE GIT_SSL_CAINFO PIP_CERT)
for v in "${network_vars[@]}"; do [ -n "${!v:-}" ] && chroot_env+=("$v=${!v}"); done

in_root() {
  local name=$1 cmd=$2 started=$SECONDS status=0 left=ok remaining
  echo
  echo "=== $name"
  remaining=$(( deadline - $(date +%s) ))
  if [ "$remaining" -lt 30 ]; then
    echo "fresh-root: no time left for $name (QFI_CI_DEADLINE)" >&2
    record "$name" 0 "not run: no time left"; failed=1; return 1
  fi
  # timeout signals the step's whole process group; what escapes it is caught by leftovers(). The
  # step runs in the background, so that a TERM from .ci/run runs the trap at once, and its output
  # goes through a FIFO, so that a process it leaves holding the output cannot keep the step open.
  current=$name current_started=$started
  rm -f "$work/output"; mkfifo "$work/output"
  stamp <"$work/output" &
  local stamper=$!
  timeout -k 30 "$remaining" chroot "$root" /usr/bin/env -i "${chroot_env[@]}" /bin/bash -c "cd $src && $cmd" \
    </dev/null >"$work/output" 2>&1 &
  wait $! || status=$?
  leftovers "$name" "$stamper" || left="left processes behind"
  wait "$stamper" || true
  current=""
  local result="ok"
  [ "$status" -eq 0 ] || { result="FAILED (exit $status$([ "$status" -eq 124 ] && echo ': timed out'))"; failed=1; }
  [ "$left" = ok ] || { result="$result; $left"; failed=1; }
  record "$name" $(( SECONDS - started )) "$result"
  return "$status"
}

want() { [[ $steps == *" $1 "* ]]; }

# ---------------------------------------------------------------- root creation
echo "=== root creation: debootstrap --variant=minbase $suite"
started=$SECONDS current="root creation (debootstrap minbase)" current_started=$SECONDS
mount --make-rprivate /            # (unshare did; again, so nothing made here can reach the outside)
mirror=$(debian_mirror)
arch=$(dpkg --print-architecture)
mkdir -p "$cache/debs" "$work/debs/partial" "$root"
add_debs "$cache/debs" "$work/debs"
echo "fresh-root: mirror $mirror, $(find "$work/debs" -maxdepth 1 -name '*.deb' | wc -l) .deb files from $cache/debs"
set +e
debootstrap --variant=minbase --arch="$arch" --cache-dir="$work/debs" "$suite" "$root" "$mirror" </dev/null >"$work/debootstrap.log" 2>&1
status=$?
set -e
grep -E '^(E:|W:|I: (Retrieving Release|Base system))' "$work/debootstrap.log" | stamp || true
if [ "$status" -ne 0 ]; then
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
fi
record "$current" $(( SECONDS - started )) "ok"

# ---------------------------------------------------------------- the fresh machine's own setup
echo
echo "=== root preparation: Node.js, the network's settings, the checkout"
started=$SECONDS current="root preparation (Node.js, network settings, clone)" current_started=$SECONDS
# Node.js as this machine has it, wherever it is installed (/usr here: nodesource's package, with
# npm upgraded in place; /usr/local for nodejs.org's tarball): node, the npm and corepack packages
# and their bin links, the headers (every Node.js install ships them), npm's global config.
node=$(readlink -f "$(command -v node)")
prefix=$(dirname "$(dirname "$node")")
mkdir -p "$root$prefix/bin" "$root$prefix/lib/node_modules" "$root$prefix/include" "$root$prefix/etc"
cp -a "$node" "$root$prefix/bin/node"
for tool in npm npx corepack; do
  [ -L "$prefix/bin/$tool" ] && cp -a "$prefix/bin/$tool" "$root$prefix/bin/$tool"
done
for pkg in npm corepack; do
  [ -d "$prefix/lib/node_modules/$pkg" ] && cp -a "$prefix/lib/node_modules/$pkg" "$root$prefix/lib/node_modules/"
done
[ -d "$prefix/include/node" ] && cp -a "$prefix/include/node" "$root$prefix/include/"
# npm's global config ($PREFIX/etc/npmrc: here its cafile). Not /root/.npmrc: that is this machine's
# user's own config (no registry, no credentials; audit/fund/update-notifier off, nodedir for node-gyp),
# which a new user does not have.
[ -f "$prefix/etc/npmrc" ] && cp -a "$prefix/etc/npmrc" "$root$prefix/etc/npmrc"
# Trusted CA certificates: the local ones (which update-ca-certificates adds to the bundle if a step
# installs ca-certificates) and the bundle itself, at the path npm's cafile and the CA variables name.
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
for f in /etc/ssl/certs/ca-certificates.crt $(for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE CURL_CA_BUNDLE REQUESTS_CA_BUNDLE GIT_SSL_CAINFO PIP_CERT; do echo "${!v:-}"; done) \
  $(sed -n 's/^[[:space:]]*cafile[[:space:]]*=[[:space:]]*//p' "$prefix/etc/npmrc" 2>/dev/null); do
  [ -f "$f" ] && [ ! -e "$root$f" ] && { mkdir -p "$root$(dirname "$f")"; cp -L "$f" "$root$f"; }
done
# DNS and host names as here (debootstrap copies them too; again, in case this machine changed them).
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
[ -s "$root/etc/hosts" ] || cp -L /etc/hosts "$root/etc/hosts"
# apt: this machine's settings (apt.conf.d; the root's own package files stay as Debian ships them),
# its sources but not the ones qfi's scripts add (qfi-*), and any keyring those sources name.
cp -n /etc/apt/apt.conf.d/* "$root/etc/apt/apt.conf.d/" 2>/dev/null || true
rm -f "$root/etc/apt/sources.list"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  case ${f##*/} in qfi-*) continue ;; esac
  cp -a "$f" "$root$f"
  for key in $(sed -n -e 's/^Signed-By:[[:space:]]*\(\/[^[:space:]]*\).*/\1/p' -e 's/.*signed-by=\([^] ]*\).*/\1/p' "$f"); do
    [ -f "$key" ] && [ ! -e "$root$key" ] && { mkdir -p "$root$(dirname "$key")"; cp -a "$key" "$root$key"; }
  done
done
# The shared .deb files, where the root's apt looks before it downloads.
add_debs "$work/debs" "$root/var/cache/apt/archives"
# The kernel's file systems, as a booted machine has them: this namespace's own /proc (only its
# processes), /sys, /dev (with /dev/pts), and a /dev/shm of its own.
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
mkdir -p "$cache/npm-cacache" "$root/root/.npm/_cacache"
mount --bind "$cache/npm-cacache" "$root/root/.npm/_cacache"
# The commit under test, as a clone of the checkout .ci/run runs from, at its HEAD.
commit=$(git -C "$repo" rev-parse HEAD)
git clone -q --no-checkout "$repo" "$root$src"
git -C "$root$src" checkout -q --detach "$commit"
echo "fresh-root: $(chroot "$root" /usr/bin/env -i "${chroot_env[@]}" /bin/sh -c 'echo "node $(node --version), npm $(npm --version)"'), checkout at $(git -C "$root$src" log -1 --format='%h %s' | cut -c1-80)"
record "$current" $(( SECONDS - started )) "ok"
current=""

# apt-get runs of the root since line FROM of its history: when they began in the step, how long
# they took, what they installed (downloads come before each Start-Date and count to the step).
apt_runs() {
  local log=$root/var/log/apt/history.log from=$1 t0=$2 key value s= cmd=
  [ -f "$log" ] || return 0
  tail -n +"$from" "$log" | while IFS= read -r line; do
    key=${line%%: *} value=${line#*: }
    case $key in
      Start-Date) s=$(date -d "$value" +%s) ;;
      Commandline) cmd=$value ;;
      End-Date) echo "  apt at +$(( s - t0 ))s, $(( $(date -d "$value" +%s) - s ))s: $(cut -c1-150 <<<"$cmd")" ;;
    esac
  done
}
history_lines() { if [ -f "$root/var/log/apt/history.log" ]; then wc -l <"$root/var/log/apt/history.log"; else echo 0; fi; }

# ---------------------------------------------------------------- the README's commands, then CI's checks
if want npm-ci; then
  in_root "npm ci" "npm ci" || { echo "fresh-root: npm ci failed: nothing else can run" >&2; exit 1; }
fi
if want demo; then
  h=$(( $(history_lines) + 1 )) t=$(date +%s)
  in_root "npm run demo" "npm run demo" || true
  apt_runs "$h" "$t"
fi
if want dist; then
  if in_root "dist/ is what npm run bundle makes" "npm run bundle && npm run action-yml"; then
    if [ -n "$(git -C "$root$src" status --porcelain -- dist action.yml)" ]; then
      git -C "$root$src" status --short -- dist action.yml
      echo "dist/ or action.yml is out of date: run npm run bundle && npm run action-yml and commit" >&2
      sed -i '$ s/\tok$/\tFAILED (dist\/ or action.yml out of date)/' "$times"
      failed=1
    fi
  fi
fi
want lint && { in_root "lint (npm run lint: tsc, eslint, prettier --check)" "npm run lint" || true; }
want node24 && { in_root "dist/ entries on Node 24" "bash scripts/node24-smoke.sh" || true; }
if want test; then
  # npm test from an empty qfi cache too: the demo and the Node 24 smoke filled it.
  h=$(( $(history_lines) + 1 )) t=$(date +%s)
  in_root "tests (npm test, empty qfi cache)" \
    'rm -rf "$HOME/.cache/qfi" && status=0 && { npm test -- --reporter=default --reporter=json --outputFile.json=/tmp/qfi-ci-vitest.json || status=$?; } &&
     { node .ci/count-tests.mjs /tmp/qfi-ci-vitest.json || status=1; } && exit $status' || true
  apt_runs "$h" "$t"
  count=$(chroot "$root" /usr/bin/env -i "${chroot_env[@]}" /bin/sh -c "cd $src && node .ci/count-tests.mjs /tmp/qfi-ci-vitest.json 2>/dev/null | tail -n 1" || true)
  [ -n "$count" ] && sed -i "\$ s/\t\([^\t]*\)\$/\t\1 — ${count//\//\\/}/" "$times"
  tests_done=true
fi
exit "$failed"
