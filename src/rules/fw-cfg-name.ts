/** The fw_cfg file name the rules are delivered under (`-fw_cfg name=...,file=...`). */
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { DEFAULT_RULES_FW_CFG_NAME } from '../protocol/guest-protocol.js';
import { describeAt, locationInText } from './text-position.js';

export { DEFAULT_RULES_FW_CFG_NAME };

/** QEMU's FW_CFG_MAX_FILE_PATH is 56 bytes including the terminating NUL. */
export const FW_CFG_NAME_MAX_BYTES = 55;

const HINT =
  `use a name like ${DEFAULT_RULES_FW_CFG_NAME}: it must start with \`opt/\` (QEMU reserves other names), ` +
  `be at most ${FW_CFG_NAME_MAX_BYTES} bytes of printable ASCII without \`,\`, and have no empty or trailing \`/\` segments`;

/** Returns `name` unchanged when QEMU accepts it as a user fw_cfg file name; throws ConfigError otherwise. */
export function validateFwCfgName(name: string, location?: SourceLocation): string {
  const fail = (offset: number, what: string): never => {
    throw new ConfigError(`bad fw_cfg name ${JSON.stringify(name)}: ${what}`, {
      hint: HINT,
      location: locationInText(location, name, offset),
    });
  };
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) fail(i, `${describeAt(name, i, '')} is not printable ASCII`);
    // `-fw_cfg name=a,b,file=...` would end the name at the comma.
    if (code === 0x2c) fail(i, "`,` is not allowed: QEMU's option parser would split the name there");
  }
  if (!name.startsWith('opt/')) fail(0, 'expected a name starting with `opt/`');
  const empty = name.indexOf('//');
  if (empty >= 0) fail(empty + 1, 'empty path segment, expected a name between the `/`s');
  if (name.endsWith('/')) fail(name.length - 1, 'trailing `/`, expected a file name after it');
  const bytes = Buffer.byteLength(name, 'utf8');
  // Printable ASCII by now, so the byte offset is the character offset.
  if (bytes > FW_CFG_NAME_MAX_BYTES) fail(FW_CFG_NAME_MAX_BYTES, `${bytes} bytes long, expected at most ${FW_CFG_NAME_MAX_BYTES}`);
  return name;
}
