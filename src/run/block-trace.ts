/**
 * Reads QEMU's block trace (the events in run/qemu-argv.ts BLOCK_TRACE_EVENTS, written with
 * `-msg timestamp=on`) into the guest's block requests and the ones that failed.
 *
 * QEMU traces name nothing, only pointers, so disks are recognized in steps:
 *  - `bdrv_open_common` of a raw/qcow2 node whose file name is a disk's image -> that node
 *    (bs pointer) is the disk's format node;
 *  - a device request (`virtio_blk_handle_read vdev V req R sector S`) is followed in the
 *    same BQL section by the block layer call (`blk_co_preadv blk B bs F`), so vdev V is
 *    the device on format node F;
 *  - `virtio_blk_rw_complete req R ret -5` says request R failed with EIO;
 *    `virtio_blk_req_complete req R status 1` for a request that was neither a read nor a
 *    write is a failed flush (its errno is not traced).
 */

export type BlockOp = 'read' | 'write' | 'flush';

export interface BlockRequest {
  disk: string;
  op: BlockOp;
  /** Host wall-clock time in ms since the epoch. */
  at: number;
}

export interface BlockFailure extends BlockRequest {
  /** This request is the n-th of its kind on its disk since QEMU started (1-based). */
  ordinal: number;
  /** Undefined for flushes. */
  sector: number | undefined;
  sectors: number | undefined;
  /** Positive errno; undefined when not traced (flush). */
  errno: number | undefined;
}

const LINE = /^(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z )?(?:\d+@(\d+)\.(\d+):)?(\w+) (.*)$/;

function field(args: string, name: string): string | undefined {
  return new RegExp(`(?:^| )${name} ([^ ]+)`).exec(args)?.[1];
}

function timeOf(iso: string | undefined, sec: string | undefined, usec: string | undefined): number | undefined {
  if (iso !== undefined) {
    const [whole, frac = ''] = iso.split('.');
    return Date.parse(`${whole}Z`) + Number(`0.${frac || '0'}`) * 1000;
  }
  if (sec !== undefined) return Number(sec) * 1000 + Number(usec ?? '0') / 1000;
  return undefined;
}

/** Parses the trace incrementally: feed lines as they are written, ask for counts at any time. */
export class BlockTraceReader {
  readonly failures: BlockFailure[] = [];
  /** Lines that named a device qfi could not tie to a disk. */
  unmatched = 0;
  private readonly formatNodes = new Map<string, string>();
  private readonly vdevDisk = new Map<string, string>();
  private readonly pending = new Map<string, { vdev: string; op: 'read' | 'write'; sector: number; sectors: number; ordinal: number }>();
  private awaitingBlk: string | undefined;
  private readonly totals = new Map<string, number>();
  private lastTime = 0;
  /** With one disk, every virtio-blk device is it: no mapping to learn. */
  private readonly onlyDisk: string | undefined;

  /** `images`: image path -> disk id. */
  constructor(private readonly images: ReadonlyMap<string, string>) {
    const disks = new Set(images.values());
    this.onlyDisk = disks.size === 1 ? [...disks][0] : undefined;
  }

  addLine(line: string): void {
    const m = LINE.exec(line.trim());
    if (!m) return;
    const [, iso, sec, usec, event, args = ''] = m;
    const at = timeOf(iso, sec, usec) ?? this.lastTime;
    this.lastTime = at;
    switch (event) {
      case 'bdrv_open_common': {
        const format = /format_name "([^"]*)"/.exec(args)?.[1];
        const filename = /filename "([^"]*)"/.exec(args)?.[1];
        const disk = filename === undefined ? undefined : this.images.get(filename);
        if (disk !== undefined && (format === 'raw' || format === 'qcow2')) this.formatNodes.set(field(args, 'bs') ?? '', disk);
        break;
      }
      case 'virtio_blk_handle_read':
      case 'virtio_blk_handle_write': {
        const vdev = field(args, 'vdev') ?? '';
        const op = event.endsWith('read') ? 'read' : 'write';
        const disk = this.diskOf(vdev);
        this.awaitingBlk = disk === undefined ? vdev : undefined;
        const ordinal = disk !== undefined ? this.count(disk, op) : 0;
        if (disk === undefined) this.unmatched++;
        this.pending.set(field(args, 'req') ?? '', { vdev, op, sector: Number(field(args, 'sector')), sectors: Number(field(args, 'nsectors')), ordinal });
        break;
      }
      case 'blk_co_preadv':
      case 'blk_co_pwritev': {
        const disk = this.formatNodes.get(field(args, 'bs') ?? '');
        if (this.awaitingBlk !== undefined && disk !== undefined) {
          this.vdevDisk.set(this.awaitingBlk, disk);
          // The request that taught us the mapping was counted as unmatched: count it now.
          const req = [...this.pending.values()].find((p) => p.vdev === this.awaitingBlk);
          if (req) {
            this.unmatched--;
            req.ordinal = this.count(disk, req.op);
          }
        }
        this.awaitingBlk = undefined;
        break;
      }
      case 'virtio_blk_rw_complete': {
        const req = this.pending.get(field(args, 'req') ?? '');
        const ret = Number(field(args, 'ret'));
        if (req && ret < 0) {
          const disk = this.diskOf(req.vdev);
          if (disk !== undefined) this.failures.push({ disk, op: req.op, at, ordinal: req.ordinal, sector: req.sector, sectors: req.sectors, errno: -ret });
        }
        break;
      }
      case 'virtio_blk_req_complete': {
        const reqPtr = field(args, 'req') ?? '';
        const vdev = field(args, 'vdev') ?? '';
        if (this.pending.delete(reqPtr)) break;
        // Neither a read nor a write: a flush (or an id/discard request, which qfi does not fail).
        const disk = this.diskOf(vdev);
        if (disk === undefined) break;
        const ordinal = this.count(disk, 'flush');
        if (Number(field(args, 'status')) === 1)
          this.failures.push({ disk, op: 'flush', at, ordinal, sector: undefined, sectors: undefined, errno: undefined });
        break;
      }
      default:
        break;
    }
  }

  /** Requests of one kind on one disk so far. */
  total(disk: string, op: BlockOp): number {
    return this.totals.get(`${disk}/${op}`) ?? 0;
  }

  /** Counts one request; returns its number among its disk's requests of that kind. */
  private count(disk: string, op: BlockOp): number {
    const key = `${disk}/${op}`;
    const n = (this.totals.get(key) ?? 0) + 1;
    this.totals.set(key, n);
    return n;
  }

  private diskOf(vdev: string): string | undefined {
    return this.vdevDisk.get(vdev) ?? this.onlyDisk;
  }
}
