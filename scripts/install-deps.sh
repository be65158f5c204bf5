#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages qfi needs, only those missing, from the one list in
# src/provision/packages.json (read with node; this script has no list of its own):
#   bash scripts/install-deps.sh            the demo group: what `npm run demo` needs
#   bash scripts/install-deps.sh --test     also what the tests use
#   bash scripts/install-deps.sh --build    also what building QEMU and the test kernel needs
#   bash scripts/install-deps.sh --list ... print the packages of those groups and exit
# Flags combine. Root, or sudo without a password. Safe to run again: a warm machine installs
# nothing. Packages marked backports (meson, pycotap: only a QEMU source without bundled wheels,
# Debian's +ds tarball, needs them) come from <codename>-backports on Debian, and are left out
# elsewhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
groups=demo
list=false
for arg in "$@"; do
  case $arg in
    --test) groups+=,test ;;
    --build) groups+=,build ;;
    --list) list=true ;;
    *) echo "usage: install-deps.sh [--test] [--build] [--list]" >&2; exit 2 ;;
  esac
done
os_id=$( (. /etc/os-release && echo "${ID:-}") 2>/dev/null || true)
codename=$( (. /etc/os-release && echo "${VERSION_CODENAME:-}") 2>/dev/null || true)

# One row a package (fields split by \x1f: a tab would merge empty fields): name, minVersion,
# backports, skipIfCommand (comma-separated), skipIfPythonModule, why.
rows=$(node -e '
  const [file, groups] = process.argv.slice(1);
  const all = JSON.parse(require("fs").readFileSync(file, "utf8")).groups;
  const seen = new Set();
  for (const group of groups.split(",")) {
    for (const p of all[group].packages) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      console.log([p.name, p.minVersion ?? "", p.backports ? "yes" : "", (p.skipIfCommand ?? []).join(","), p.skipIfPythonModule ?? "", p.why].join("\x1f"));
    }
  }' "$root/src/provision/packages.json" "$groups")

# The Python QEMU's configure is given; none yet on a fresh machine, where python3 is installed first.
python_has() { local py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3; "$py" -c "import $1" 2>/dev/null; }
have_python() { [ -x /usr/bin/python3 ] || command -v python3 >/dev/null; }
has_command() { # a comma-separated list of commands or paths (~ = $HOME): does one run?
  local c
  IFS=, read -ra cmds <<<"$1"
  for c in "${cmds[@]}"; do
    c=${c/#\~/$HOME}
    if [[ $c == */* ]]; then [ -x "$c" ] && return 0; else command -v "$c" >/dev/null && return 0; fi
  done
  return 1
}
installed_version() { # the installed version of a package, or nothing
  { dpkg-query -W -f='${Status}\t${Version}' "$1" 2>/dev/null || true; } | sed -n 's/^install ok installed\t//p'
}

wanted=() missing=() from_backports=() left_out=() reasons=() after_python=()
while IFS=$'\x1f' read -r name min backports skip_commands skip_module why; do
  [ -n "$skip_commands" ] && has_command "$skip_commands" && continue
  if [ -n "$skip_module" ]; then
    if have_python; then python_has "$skip_module" && continue; else after_python+=("$name $skip_module"); fi
  fi
  if [ -n "$backports" ] && [ "$os_id" != debian ]; then left_out+=("$name"); continue; fi
  wanted+=("$name")
  $list && continue
  [ -n "$skip_module" ] && ! have_python && continue   # decided once python3 is in
  have=$(installed_version "$name")
  if [ -n "$have" ] && { [ -z "$min" ] || dpkg --compare-versions "$have" ge "$min"; }; then continue; fi
  if [ -n "$backports" ]; then from_backports+=("$name"); else missing+=("$name"); fi
  reasons+=("  $name${have:+ (has $have, needs >= $min)}: $why")
done <<<"$rows"

if $list; then
  printf '%s\n' "${wanted[@]}"
  exit 0
fi
[ ${#left_out[@]} -eq 0 ] ||
  echo "install-deps: leaving out ${left_out[*]}: Debian backports packages, needed only to build a QEMU source without bundled wheels (Debian's +ds tarball)"
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "install-deps: not a Debian/Ubuntu system; install by hand the equivalents of: ${wanted[*]}" >&2
  exit 1
fi
if [ ${#missing[@]} -eq 0 ] && [ ${#from_backports[@]} -eq 0 ] && [ ${#after_python[@]} -eq 0 ]; then
  echo "install-deps: all ${#wanted[@]} packages (${groups//,/ + }) present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "install-deps: missing ${missing[*]} ${from_backports[*]}; run as root or with passwordless sudo, or install them by hand" >&2
    exit 1
  fi
fi
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
echo "install-deps: installing (${groups//,/ + }):"
printf '%s\n' "${reasons[@]}"
suite=${codename}-backports
if [ ${#from_backports[@]} -gt 0 ] && [[ $(apt-cache policy 2>/dev/null) != *"$suite"* ]]; then
  echo "install-deps: adding $suite to the apt sources (for ${from_backports[*]})"
  "${sudo[@]}" tee /etc/apt/sources.list.d/qfi-backports.sources >/dev/null <<SOURCES
# qfi: ${suite}, for a meson new enough to build QEMU 10 from Debian's +ds source
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${suite}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi
"${apt[@]}" update -q
[ ${#missing[@]} -eq 0 ] || "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"
[ ${#from_backports[@]} -eq 0 ] || "${apt[@]}" install -y -q --no-install-recommends -t "$suite" "${from_backports[@]}"
for entry in "${after_python[@]}"; do
  read -r name module <<<"$entry"
  python_has "$module" && continue
  echo "install-deps: installing $name (this python3 lacks $module)"
  "${apt[@]}" install -y -q --no-install-recommends "$name"
done
echo "install-deps: done"
