/**
 * src/provision/packages.json, typed: the one list of host packages, shared with
 * scripts/install-deps.sh (which reads the same file with node).
 */
import list from '../packages.json' with { type: 'json' };

export type PackageGroup = 'demo' | 'test' | 'build';

export interface HostPackage {
  name: string;
  why: string;
  /** Not needed when one of these commands runs (`~` is the home folder). */
  skipIfCommand?: string[];
  skipIfPythonModule?: string;
  minVersion?: string;
  /** On Debian it comes from <codename>-backports; elsewhere it is not installed. */
  backports?: boolean;
  /** The Python distribution (importlib.metadata name) the package provides. */
  pythonDistribution?: string;
}

const groups = list.groups as Record<PackageGroup, { about: string; packages: HostPackage[] }>;

export function packageGroup(group: PackageGroup): readonly HostPackage[] {
  return groups[group].packages;
}

/** A package of the build group, by name; naming one that is not listed is a bug caught at load. */
export function buildPackage(name: string): HostPackage {
  const found = groups.build.packages.find((p) => p.name === name);
  if (!found) throw new Error(`internal: ${name} is not in the build group of src/provision/packages.json`);
  return found;
}

/** The build package that provides a Python distribution (`pycotap` -> python3-pycotap). */
export function packageForPythonDistribution(dist: string): HostPackage | undefined {
  return groups.build.packages.find((p) => p.pythonDistribution === dist);
}
