/**
 * QEMU releases qfi knows the tarball checksum of. Each sha256 was taken from several
 * independent public build recipes that pin the same upstream tarball (Homebrew's formula
 * among them); a version not listed here needs `qemu-sha256` or `qemu-source`.
 */
export interface QemuRelease {
  version: string;
  sha256: string;
}

export const QEMU_RELEASES: readonly QemuRelease[] = [
  { version: '10.2.2', sha256: '784b296ff29c1417aa72323abcb2d2ea9ab9771724f577dcd785c3b04f21e176' },
  { version: '11.1.2', sha256: '731b5681e4bb18be313231579b8efd0296c5b015fa36dc533874b639ba838016' },
];

export function releaseTarballUrl(version: string): string {
  return `https://download.qemu.org/qemu-${version}.tar.xz`;
}

export function knownReleaseSha256(version: string): string | undefined {
  return QEMU_RELEASES.find((r) => r.version === version)?.sha256;
}

/** Plugin API version per QEMU minor release (FACTS.md); undefined before plugins (4.2) or when unknown. */
export function pluginApiVersion(version: string): number | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const v = major * 100 + minor;
  if (v >= 1101) return 7;
  if (v >= 1100) return 6;
  if (v >= 1001) return 5;
  if (v >= 902) return 4;
  if (v >= 901) return 3;
  if (v >= 900) return 2;
  if (v >= 402) return 1;
  return undefined;
}
