#!/usr/bin/env bash
# Builds a Debian bookworm amd64 disk image for qfi's "bring a disk image" tests, from Debian
# packages with debootstrap: systemd, udev, qemu-guest-agent (started by udev when its
# virtio-serial port appears), Debian's cloud kernel with an initramfs, tuned to boot fast under
# TCG (no cloud-init, no getty, slow first-boot units masked, volatile journal).
# With working loop devices it also installs extlinux (BIOS), so the image boots on its own with
# QEMU's default firmware (SeaBIOS) like a cloud image; without them the image is still complete
# and boots with the exported kernel + initrd (-kernel vmlinuz -initrd initrd.img -append root=/dev/vda1).
#
#   sudo bash scripts/build-debian-image.sh OUT_DIR
#
# Writes OUT_DIR/disk.qcow2, OUT_DIR/vmlinuz, OUT_DIR/initrd.img and OUT_DIR/image.env (what was
# built: kernel release, bootloader, root UUID, kernel command line). OUT_DIR must not exist; the
# image is assembled in OUT_DIR.partial and renamed at the end, so OUT_DIR is never half built.
# Needs root (debootstrap chroots, mknod), debootstrap, e2fsprogs, fdisk (sfdisk), qemu-utils and,
# for the bootloader, extlinux + syslinux-common. Non-interactive: fine in CI without stdin.
# Env: QFI_DEBIAN_MIRROR (default http://deb.debian.org/debian), QFI_DEBIAN_DEB_CACHE (a folder
# debootstrap keeps downloaded .debs in, so a rebuild downloads nothing).
set -euo pipefail

out=${1:?usage: build-debian-image.sh OUT_DIR}
mirror=${QFI_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
disk_mib=2048          # sparse: the qcow2 holds only what is written
part_start_mib=1       # the partition starts at 1 MiB, after the MBR
hostname=qfi-debian

# What the image holds. The kernel is the cloud flavour: small, virtio drivers as modules.
packages=(
  systemd-sysv          # systemd as init
  udev                  # creates /dev/virtio-ports/org.qemu.guest_agent.0 and starts the agent
  qemu-guest-agent      # qemu-ga: what qfi talks to (guest-exec, guest-file-*, guest-shutdown)
  dbus                  # guest-shutdown runs `shutdown -P +0`, which asks systemd-logind over D-Bus
  linux-image-cloud-amd64
  initramfs-tools
  zstd                  # initramfs compression (else initramfs-tools falls back to gzip)
)
# Kernel command line: serial console; no fsck, no resume device search, no CPU mitigations,
# no crypto self-tests, no TSC calibration (TCG timers are steady).
cmdline_tail="ro console=ttyS0,115200 fsck.mode=skip noresume mitigations=off cryptomgr.notests tsc=reliable no_timer_check i8042.noaux i8042.nokbd"

started=$(date +%s)
step() { echo "build-debian-image [$(( $(date +%s) - started ))s] $*"; }
die() { echo "build-debian-image: error: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap needs chroot and mknod): sudo bash $0 $out"
[ ! -e "$out" ] || die "$out exists; remove it first"
for tool in debootstrap mkfs.ext4 sfdisk qemu-img; do
  command -v "$tool" >/dev/null || die "$tool not found: apt-get install debootstrap e2fsprogs fdisk qemu-utils (or bash scripts/install-deps.sh)"
done

work="$out.partial"
root="$work/root"
mnt="$work/mnt"
loop=""
# Never delete through a mount: debootstrap mounts /proc and /sys inside the tree.
cleanup() {
  set +e
  [ -n "$loop" ] && { umount "$mnt" 2>/dev/null; losetup -d "$loop" 2>/dev/null; }
  for m in $(findmnt -rn -o TARGET | grep -F "$(realpath -m "$work")/" | sort -r); do umount -l "$m"; done
  if findmnt -rn -o TARGET | grep -qF "$(realpath -m "$work")/"; then
    echo "build-debian-image: leaving $work in place: something is still mounted under it" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that the EXIT trap unmounts and cleans up on Ctrl-C or a kill too
rm -rf --one-file-system "$work"
mkdir -p "$root" "$mnt"

step "debootstrap $suite (minbase + ${packages[*]}) from $mirror"
cache_args=()
if [ -n "${QFI_DEBIAN_DEB_CACHE:-}" ]; then mkdir -p "$QFI_DEBIAN_DEB_CACHE"; cache_args=(--cache-dir="$(realpath "$QFI_DEBIAN_DEB_CACHE")"); fi
include=$(IFS=,; echo "${packages[*]}")
# The full log stays in $work; progress lines and errors are printed.
set +e
DEBIAN_FRONTEND=noninteractive debootstrap --variant=minbase --arch=amd64 --include="$include" \
  "${cache_args[@]}" "$suite" "$root" "$mirror" </dev/null 2>&1 | tee "$work/debootstrap.log" \
  | { grep --line-buffered -E '^(E:|W:|I: (Retrieving (InRelease|Release|Packages)|Checking|Resolving|Found|Installing|Unpacking (the|required)|Configuring (the|required)|Base system))' || true; }
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || die "debootstrap failed ($status); see the end of $work/debootstrap.log (mirror $mirror; set QFI_DEBIAN_MIRROR for another)"
[ -x "$root/usr/sbin/qemu-ga" ] || die "debootstrap did not install qemu-guest-agent (see $work/debootstrap.log)"

kver=$(basename "$(ls -d "$root"/lib/modules/*/ | head -n1)")
[ -f "$root/boot/vmlinuz-$kver" ] || die "no kernel in $root/boot"
step "configuring the system (kernel $kver)"
uuid=$(cat /proc/sys/kernel/random/uuid)
echo "$hostname" >"$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$hostname" >"$root/etc/hosts"
# Pass 0: no fsck at boot (each run starts from the same clean image).
printf 'UUID=%s\t/\text4\terrors=remount-ro\t0\t0\n' "$uuid" >"$root/etc/fstab"
mkdir -p "$root/etc/systemd/journald.conf.d"
printf '[Journal]\nStorage=volatile\n' >"$root/etc/systemd/journald.conf.d/qfi-volatile.conf"

# A small initramfs: only what mounts an ext4 root on virtio-blk (MODULES=most packs ~300 modules).
cat >"$root/etc/initramfs-tools/conf.d/qfi.conf" <<'CONF'
MODULES=list
COMPRESS=zstd
RESUME=none
CONF
printf '%s\n' virtio_pci virtio_blk ext4 crc32c_generic >>"$root/etc/initramfs-tools/modules"

# The work of the "needs update" first-boot units is done here, then they are masked; also units
# that only wait, or serve a display or a login prompt (no password is set: qemu-ga runs commands).
chroot "$root" ldconfig
chroot "$root" systemd-hwdb update
chroot "$root" journalctl --update-catalog
chroot "$root" systemd-machine-id-setup >/dev/null
masked=(
  systemd-hwdb-update.service ldconfig.service systemd-journal-catalog-update.service systemd-update-done.service
  systemd-firstboot.service getty@.service serial-getty@.service getty-static.service
  e2scrub_reap.service e2scrub_all.timer fstrim.timer apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer
  systemd-timesyncd.service
)
for unit in "${masked[@]}"; do ln -sf /dev/null "$root/etc/systemd/system/$unit"; done
# udev starts the agent when its port appears (60-qemu-guest-agent.rules); check it is there.
grep -rqs 'qemu-guest-agent.service' "$root/lib/udev/rules.d/" \
  || die "qemu-guest-agent's udev rule is missing: the agent would never start"

step "initramfs (MODULES=list, zstd)"
chroot "$root" update-initramfs -u -k "$kver" >/dev/null
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/log/*.log "$root"/var/cache/debconf/*-old "$root/debootstrap"

# extlinux reads its configuration from the filesystem; it is installed below if a loop device works.
if command -v extlinux >/dev/null && [ -f /usr/lib/syslinux/mbr/mbr.bin ]; then
  mkdir -p "$root/boot/extlinux"
  cat >"$root/boot/extlinux/extlinux.conf" <<CONF
SERIAL 0 115200
DEFAULT debian
PROMPT 0
TIMEOUT 0
LABEL debian
  LINUX /boot/vmlinuz-$kver
  INITRD /boot/initrd.img-$kver
  APPEND root=UUID=$uuid $cmdline_tail
CONF
fi

step "disk: MBR, one ext4 partition from $part_start_mib MiB, filled from the tree (mkfs.ext4 -d)"
raw="$work/disk.raw"
truncate -s "${disk_mib}M" "$raw"
echo "start=$(( part_start_mib * 2048 )), type=83, bootable" | sfdisk -q --label dos "$raw"
# No 64bit feature: extlinux 6.04 cannot read 64-bit ext4; a 2 GiB filesystem does not need it.
mkfs.ext4 -q -F -O ^64bit -L root -U "$uuid" -E offset=$(( part_start_mib * 1024 * 1024 )) -d "$root" \
  "$raw" "$(( disk_mib - part_start_mib ))M"

# The bootloader needs the filesystem mounted (extlinux asks the kernel where its files lie), so a
# loop device; where none works (unprivileged containers) the image is kept without one.
bootloader=none
if [ -f "$root/boot/extlinux/extlinux.conf" ] \
  && loop=$(losetup --find --show --offset $(( part_start_mib * 1024 * 1024 )) "$raw" 2>/dev/null) \
  && mount "$loop" "$mnt" 2>/dev/null; then
  step "bootloader: extlinux on the partition (through $loop), syslinux MBR"
  extlinux --install "$mnt/boot/extlinux" 2>&1 | { grep -v ' is device ' || true; }
  umount "$mnt"
  losetup -d "$loop"
  loop=""
  dd if=/usr/lib/syslinux/mbr/mbr.bin of="$raw" bs=440 count=1 conv=notrunc status=none
  bootloader=extlinux
else
  [ -n "$loop" ] && { losetup -d "$loop"; loop=""; }
  echo "build-debian-image: warning: no working loop device (or no extlinux): the image has no bootloader; boot it with -kernel vmlinuz -initrd initrd.img -append 'root=/dev/vda1 ...'" >&2
fi

# Compressed clusters: 120 MB instead of 310 MB, and the same boot time (QEMU inflates them on the host).
step "qcow2 (compressed), kernel and initrd"
qemu-img convert -c -f raw -O qcow2 "$raw" "$work/disk.qcow2"
rm -f "$raw"
cp "$root/boot/vmlinuz-$kver" "$work/vmlinuz"
cp "$root/boot/initrd.img-$kver" "$work/initrd.img"
qga_version=$(chroot "$root" dpkg-query -W -f='${Version}' qemu-guest-agent)
cat >"$work/image.env" <<ENV
SUITE=$suite
KERNEL_RELEASE=$kver
QEMU_GUEST_AGENT_VERSION=$qga_version
BOOTLOADER=$bootloader
ROOT_UUID=$uuid
ROOT_PARTITION=/dev/vda1
CMDLINE="$cmdline_tail"
ENV
rm -rf --one-file-system "$root" "$mnt"
mv "$work" "$out"
# Give the files to whoever asked through sudo, so their later runs can read and remove them.
if [ -n "${SUDO_UID:-}" ]; then chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$out"; fi
step "done: $out ($(du -sh --apparent-size "$out/disk.qcow2" | cut -f1) qcow2, bootloader $bootloader)"
