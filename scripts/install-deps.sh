#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages qfi and its tests need, only those missing.
# Uses sudo when not root. Safe to run again: a warm machine installs nothing.
#   --build   also what building QEMU from source needs (meson from bookworm-backports on Debian 12)
set -euo pipefail
build=false
[ "${1:-}" = --build ] && build=true

packages=(
  qemu-system-x86   # qemu-system-x86_64 (system QEMU for rules that need no plugin)
  qemu-system-data  # qboot.rom: fast direct kernel boot
  busybox-static    # the built-in guest's userland
  libxml2-utils     # xmllint: tests validate junit.xml against the JUnit schema
  cpio              # tests read back the initramfs we write
  lz4               # tests check our LZ4 decoder against the real tool
  xz-utils
  zstd
  gcc-aarch64-linux-gnu  # the guest SDK's example kernel for aarch64 (test/fixtures/guests/sdk-kernel)
  libc6-dev-arm64-cross  # its libc: tests cross-build a dynamic aarch64 program for `files` (libraries resolved from /usr/aarch64-linux-gnu)
  qemu-system-arm        # qemu-system-aarch64: boots that kernel and the built-in aarch64 guest (-M virt, fw_cfg over DMA)
  debootstrap   # scripts/build-debian-image.sh: the Debian disk image with qemu-guest-agent (test/integration/guest-agent)
  extlinux      # its BIOS bootloader (+ syslinux-common's mbr.bin)
  fdisk         # its sfdisk (partition table)
  e2fsprogs     # its mkfs.ext4 -d (filesystem filled from a folder)
  qemu-utils    # qemu-img: its qcow2, and test overlays
)
# The Rust guest SDK's tests need a rustc; Debian's (1.63) is enough when rustup's is not there.
command -v rustc >/dev/null || [ -x "$HOME/.cargo/bin/rustc" ] || packages+=(rustc)
if $build; then
  packages+=(gcc make ninja-build pkg-config flex bison bzip2 patch python3-venv python3-pycotap
    libglib2.0-dev libpixman-1-dev zlib1g-dev libslirp-dev libfdt-dev)
  packages+=(bc libelf-dev libssl-dev)  # scripts/build-test-kernel.sh (kernel build: bc, objtool, certs)
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "install-deps: not a Debian/Ubuntu system; install by hand: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The built-in guest's kernel comes from `apt-get download`, which needs current package lists.
lists_ok=true
apt-cache show linux-image-cloud-amd64 >/dev/null 2>&1 || apt-cache show linux-image-virtual >/dev/null 2>&1 || lists_ok=false

sudo=()
# QEMU 10 needs meson >= 1.5; Debian 12's own is 1.0, its backports have 1.7.
need_meson=false
if $build && ! { command -v meson >/dev/null && dpkg --compare-versions "$(meson --version)" ge 1.5; }; then need_meson=true; fi

if [ ${#missing[@]} -eq 0 ] && $lists_ok && ! $need_meson; then
  echo "install-deps: all packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "install-deps: missing ${missing[*]:-package lists}; run as root or with passwordless sudo, or install them by hand" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
policy=$(apt-cache policy 2>/dev/null || true)
if $need_meson && [ "$(. /etc/os-release && echo "$ID")" = debian ] && [[ $policy != *"${codename}-backports"* ]]; then
  "${sudo[@]}" tee /etc/apt/sources.list.d/qfi-backports.sources >/dev/null <<SOURCES
# qfi: ${codename}-backports, for a meson new enough to build QEMU 10
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${codename}-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi
"${sudo[@]}" apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if $need_meson; then
  echo "install-deps: installing meson from ${codename}-backports"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends -t "${codename}-backports" meson
fi
