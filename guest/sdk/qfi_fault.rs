//! qfi's guest SDK for kernels that are not Linux, in Rust: fault points that follow the rules
//! qfi hands to the guest through QEMU fw_cfg. `#![no_std]`-compatible (only `core`), no alloc:
//! fixed storage with the limits below. Same API and behaviour as the C header `qfi_fault.h`,
//! tested on the same vectors (guest/sdk/vectors.json). Documentation: guest/sdk/README.md.
//!
//! ```ignore
//! #[path = "qfi_fault.rs"]
//! mod qfi_fault;
//! static mut FAULTS: qfi_fault::Faults = qfi_fault::Faults::new(console_write);
//! let faults = unsafe { &mut *core::ptr::addr_of_mut!(FAULTS) }; // or behind your kernel's lock
//! unsafe { faults.init_fw_cfg(&qfi_fault::FwCfgConfig::DEFAULT) }.ok();
//! faults.register("alloc.page").ok();
//! if faults.should_fail("alloc.page") { /* take the error path */ }
//! faults.report();
//! ```
//!
//! Works with rustc 1.63 (Debian 12's) and later.

use core::fmt::Write as _;
use core::ptr::{read_volatile, write_volatile};
use core::sync::atomic::{fence, Ordering};

/// Points known at once (with or without a rule).
pub const MAX_POINTS: usize = 64;
/// Points that have a rule.
pub const MAX_RULES: usize = 32;
/// Bytes of a point name.
pub const MAX_NAME: usize = 63;
/// Bytes of the rules file read from fw_cfg.
pub const MAX_RULES_TEXT: usize = 4096;
/// Bytes of an error message.
pub const MAX_MESSAGE: usize = 192;

/// fw_cfg names qfi writes (the rules name can be changed with qfi's `rules-fw-cfg-name`).
pub const FW_CFG_RULES: &str = "opt/qfi/rules";
pub const FW_CFG_SEED: &str = "opt/qfi/seed";
/// Where QEMU puts fw_cfg: the x86 selector port (data at +1), and the MMIO base of the
/// `virt` machines (data +0, selector +8, DMA address +16).
pub const FW_CFG_X86_PORT: u16 = 0x510;
pub const FW_CFG_AARCH64_VIRT: usize = 0x0902_0000;
pub const FW_CFG_RISCV64_VIRT: usize = 0x1010_0000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The rules text is malformed (line and column set).
    Parse,
    /// A MAX_* limit was exceeded.
    Limit,
    /// A point name the rule grammar does not allow.
    Name,
    /// No QEMU fw_cfg device where it was looked for.
    NoFwCfg,
    /// fw_cfg is there but a file could not be read.
    FwCfg,
}

/// What went wrong, and where in the rules text (1-based line and byte column; 0 when not about the text).
#[derive(Clone, Copy)]
pub struct Error {
    pub kind: ErrorKind,
    pub line: u32,
    pub column: u32,
    message: [u8; MAX_MESSAGE],
    len: usize,
}

impl Error {
    fn new(kind: ErrorKind, line: u32, column: u32) -> Self {
        Error { kind, line, column, message: [0; MAX_MESSAGE], len: 0 }
    }
    pub fn message(&self) -> &str {
        core::str::from_utf8(&self.message[..self.len]).unwrap_or("")
    }
    fn push(&mut self, s: &[u8]) {
        for &b in s {
            if self.len == MAX_MESSAGE {
                break;
            }
            self.message[self.len] = b;
            self.len += 1;
        }
        // Cut at a character boundary: messages hold ASCII and names from the text.
        while core::str::from_utf8(&self.message[..self.len]).is_err() {
            self.len -= 1;
        }
    }
}

impl core::fmt::Write for Error {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

impl core::fmt::Debug for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:?} at {}:{}: {}", self.kind, self.line, self.column, self.message())
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}

/// One call's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Decision {
    /// Inject the fault in this call.
    pub fail: bool,
    /// delay-ms:N: wait this long, then carry on.
    pub delay_ms: u32,
    /// The point's calls so far, this one included.
    pub calls: u64,
    /// The point's failed calls so far.
    pub fails: u64,
}

/// How fw_cfg was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FwCfgMethod {
    None,
    /// x86: selector and data I/O ports.
    IoPort,
    /// MMIO data register, one byte per read.
    Mmio,
    /// MMIO DMA interface (arm, riscv `virt`).
    Dma,
}

/// Where fw_cfg is.
#[derive(Clone, Copy, Debug)]
pub enum FwCfgAccess {
    /// I/O port 0x510 on x86; MMIO at the `virt` machine's base on aarch64 and riscv64.
    Auto,
    /// x86 I/O ports: the selector's port (data at +1).
    IoPort(u16),
    /// MMIO base address.
    Mmio(usize),
}

fn identity_phys(addr: usize) -> u64 {
    addr as u64
}

/// How to read fw_cfg.
#[derive(Clone, Copy)]
pub struct FwCfgConfig<'a> {
    pub access: FwCfgAccess,
    pub rules_name: &'a str,
    pub seed_name: &'a str,
    /// Physical address of a buffer for DMA (default: identity, MMU off or identity-mapped).
    pub to_phys: fn(usize) -> u64,
    /// MMIO: use the data register even when DMA is there.
    pub no_dma: bool,
}

impl FwCfgConfig<'static> {
    pub const DEFAULT: FwCfgConfig<'static> = FwCfgConfig {
        access: FwCfgAccess::Auto,
        rules_name: FW_CFG_RULES,
        seed_name: FW_CFG_SEED,
        to_phys: identity_phys,
        no_dma: false,
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    None,
    Off,
    Fail,
    DropEvery,
    FailAfter,
    Rate,
    DelayMs,
}

const KINDS: [(&str, Action); 6] = [
    ("off", Action::Off),
    ("fail", Action::Fail),
    ("drop-every", Action::DropEvery),
    ("fail-after", Action::FailAfter),
    ("rate", Action::Rate),
    ("delay-ms", Action::DelayMs),
];

fn kind_name(a: Action) -> &'static str {
    for (name, k) in KINDS.iter() {
        if *k == a {
            return name;
        }
    }
    ""
}

#[derive(Clone, Copy)]
struct Point {
    name: [u8; MAX_NAME],
    name_len: usize,
    action: Action,
    /// `[once=true]`: at most one failure.
    once: bool,
    n: u32,
    /// drop-every: calls % n.
    phase: u32,
    /// Order of the first register/call (1-based); 0: only a rule names it.
    seen: u32,
    calls: u64,
    fails: u64,
}

impl Point {
    const EMPTY: Point =
        Point { name: [0; MAX_NAME], name_len: 0, action: Action::None, once: false, n: 0, phase: 0, seen: 0, calls: 0, fails: 0 };
    fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }
}

fn is_ws(c: Option<u8>) -> bool {
    c == Some(b' ') || c == Some(b'\t')
}
fn is_digit(c: Option<u8>) -> bool {
    matches!(c, Some(b'0'..=b'9'))
}
fn is_name_start(c: Option<u8>) -> bool {
    matches!(c, Some(b'a'..=b'z' | b'A'..=b'Z' | b'_'))
}
fn is_name_char(c: Option<u8>) -> bool {
    is_name_start(c) || is_digit(c) || c == Some(b'-')
}
fn is_key_start(c: Option<u8>) -> bool {
    matches!(c, Some(b'a'..=b'z'))
}
fn is_key_char(c: Option<u8>) -> bool {
    matches!(c, Some(b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'))
}
fn is_value_char(c: Option<u8>) -> bool {
    matches!(c, Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b':' | b'#' | b'+' | b';' | b'/' | b'-'))
}

/// Dot-joined names of [A-Za-z0-9_-], each starting with a letter or `_`.
fn valid_name(s: &[u8]) -> bool {
    let at = |i: usize| s.get(i).copied();
    let mut i = 0;
    loop {
        if !is_name_start(at(i)) {
            return false;
        }
        while is_name_char(at(i)) {
            i += 1;
        }
        if i == s.len() {
            return true;
        }
        if at(i) != Some(b'.') {
            return false;
        }
        i += 1;
    }
}

/// Bytes as text for messages: the names the grammar allows are ASCII.
fn text(b: &[u8]) -> &str {
    core::str::from_utf8(b).unwrap_or("?")
}

/// `x`, a space, a tab, end of rule, or the byte's value: what sits at `at`.
struct Found<'a>(&'a [u8], usize);

impl core::fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0.get(self.1) {
            None => f.write_str("end of rule"),
            Some(b' ') => f.write_str("a space"),
            Some(b'\t') => f.write_str("a tab"),
            Some(&c) if c > 0x20 && c < 0x7f => write!(f, "`{}`", c as char),
            // U+XXXX as the runner says it; bytes that are not UTF-8 by value.
            Some(&c) => match utf8_at(&self.0[self.1..]) {
                Some(cp) => write!(f, "U+{:04X}", cp),
                None => write!(f, "byte 0x{:02x}", c),
            },
        }
    }
}

/// The code point of the UTF-8 sequence at the start of `s`, if it is valid UTF-8.
fn utf8_at(s: &[u8]) -> Option<u32> {
    let n = match s.first() {
        Some(&b) if b < 0x80 => 1,
        Some(&b) if (0xc0..0xe0).contains(&b) => 2,
        Some(&b) if (0xe0..0xf0).contains(&b) => 3,
        Some(&b) if (0xf0..0xf5).contains(&b) => 4,
        _ => return None,
    };
    let c = core::str::from_utf8(s.get(..n)?).ok()?.chars().next()?;
    Some(c as u32)
}

/// One parsed rule line.
struct Rule {
    point_start: usize,
    point_len: usize,
    action: Action,
    n: u32,
    once: bool,
}

/// Parses one rule line exactly as the runner does (src/rules/parse-rule.ts): same messages and columns.
fn parse_rule(t: &[u8], line: u32) -> Result<Rule, Error> {
    let len = t.len();
    let at = |i: usize| t.get(i).copied();
    let err = |i: usize| Error::new(ErrorKind::Parse, line, i as u32 + 1);
    let mut i = 0;
    while is_ws(at(i)) {
        i += 1;
    }
    if at(i) == Some(b'=') {
        let mut e = err(i);
        e.push(b"empty point, expected a point name like alloc.frame before `=`");
        return Err(e);
    }
    let point_start = i;
    loop {
        if !is_name_start(at(i)) {
            let mut e = err(i);
            if i == point_start {
                let _ = write!(e, "expected a point name starting with a letter or `_`, found {}", Found(t, i));
            } else {
                let _ = write!(e, "expected a name (starting with a letter or `_`) after `.`, found {}", Found(t, i));
            }
            return Err(e);
        }
        while is_name_char(at(i)) {
            i += 1;
        }
        if at(i) != Some(b'.') {
            break;
        }
        i += 1;
    }
    let point = &t[point_start..i];
    let mut point_end = i;
    let mut once = false;

    if at(i) == Some(b'[') {
        // Only once=true means anything here; other parameters are checked and skipped.
        let mut keys: [(usize, usize); 16] = [(0, 0); 16];
        let mut nkeys = 0;
        i += 1;
        loop {
            while is_ws(at(i)) {
                i += 1;
            }
            if at(i) == Some(b']') {
                if nkeys == 0 {
                    let mut e = err(i);
                    e.push(b"empty parameter list `[]`, expected key=value inside the brackets or no brackets");
                    return Err(e);
                }
                i += 1;
                break;
            }
            if i == len {
                let mut e = err(i);
                e.push(b"missing `]` to close the parameter list");
                return Err(e);
            }
            let key_start = i;
            if !is_key_start(at(i)) {
                let mut e = err(i);
                let _ = write!(e, "expected a parameter name (a lowercase letter first), found {}", Found(t, i));
                return Err(e);
            }
            while is_key_char(at(i)) {
                i += 1;
            }
            let key = &t[key_start..i];
            if at(i) != Some(b'=') {
                let mut e = err(i);
                let _ = write!(e, "expected `=` after parameter `{}`, found {}", text(key), Found(t, i));
                return Err(e);
            }
            i += 1;
            let value_start = i;
            while is_value_char(at(i)) {
                i += 1;
            }
            if i == value_start {
                let mut e = err(i);
                let _ = write!(e, "expected a value for parameter `{}`, found {}", text(key), Found(t, i));
                return Err(e);
            }
            for &(s, l) in keys[..nkeys].iter() {
                if &t[s..s + l] == key {
                    let mut e = err(key_start);
                    let _ = write!(e, "parameter `{}` is given twice", text(key));
                    return Err(e);
                }
            }
            if nkeys == keys.len() {
                let mut e = Error::new(ErrorKind::Limit, line, key_start as u32 + 1);
                e.push(b"more than 16 parameters on one point");
                return Err(e);
            }
            keys[nkeys] = (key_start, key.len());
            nkeys += 1;
            if key == b"once" {
                once = &t[value_start..i] == b"true";
            }
            if i == len {
                let mut e = err(i);
                e.push(b"missing `]` to close the parameter list");
                return Err(e);
            }
            if !is_ws(at(i)) && at(i) != Some(b']') {
                let mut e = err(i);
                let _ = write!(e, "unexpected {} in the value of `{}`, expected a space or `]`", Found(t, i), text(key));
                return Err(e);
            }
        }
        point_end = i;
    }

    while is_ws(at(i)) {
        i += 1;
    }
    if i == len {
        let mut e = err(point_end);
        let _ = write!(e, "missing `=` after point `{}`, expected point=action", text(point));
        return Err(e);
    }
    if at(i) != Some(b'=') {
        let mut e = err(i);
        if i == point_end {
            let _ = write!(e, "unexpected {} in point name, expected letters, digits, `_`, `-`, `.` or `=`", Found(t, i));
        } else {
            let _ = write!(e, "expected `=` after point `{}`, found {}", text(point), Found(t, i));
        }
        return Err(e);
    }
    i += 1;
    let eq_end = i;

    while is_ws(at(i)) {
        i += 1;
    }
    let name_start = i;
    while is_name_char(at(i)) {
        i += 1;
    }
    let name = &t[name_start..i];
    let name_end = i;
    if name.is_empty() {
        let mut e = err(if i == len { eq_end } else { i });
        let _ = write!(e, "expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found {}", Found(t, i));
        return Err(e);
    }
    let mut action = Action::None;
    for (k, a) in KINDS.iter() {
        if k.as_bytes() == name {
            action = *a;
        }
    }
    if action == Action::None {
        let mut e = err(name_start);
        let _ = write!(e, "unknown action `{}`, expected one of off, fail, drop-every, fail-after, rate, delay-ms", text(name));
        return Err(e);
    }

    while is_ws(at(i)) {
        i += 1;
    }
    let mut n: u32 = 0;
    if action == Action::Off || action == Action::Fail {
        if at(i) == Some(b':') {
            let mut e = err(i);
            let _ = write!(e, "`{}` takes no `:N`, expected end of rule", kind_name(action));
            return Err(e);
        }
    } else {
        let (min, max): (u64, u64) = match action {
            Action::DropEvery => (1, 4_294_967_295),
            Action::Rate => (0, 1000),
            _ => (0, 4_294_967_295),
        };
        if at(i) != Some(b':') {
            let mut e = err(if i == len { name_end } else { i });
            let k = kind_name(action);
            let _ = write!(e, "expected `:N` after `{}` (e.g. {}:1), found {}", k, k, Found(t, i));
            return Err(e);
        }
        i += 1;
        let colon_end = i;
        while is_ws(at(i)) {
            i += 1;
        }
        let num_start = i;
        while is_digit(at(i)) {
            i += 1;
        }
        if i == num_start {
            let mut e = err(if i == len { colon_end } else { i });
            let _ = write!(e, "expected an unsigned decimal number after `{}:`, found {}", kind_name(action), Found(t, i));
            return Err(e);
        }
        let mut d = num_start;
        while d + 1 < i && t[d] == b'0' {
            d += 1; // leading zeros
        }
        let too_long = i - d > 10;
        let mut v: u64 = 0;
        if !too_long {
            for &c in t[d..i].iter() {
                v = v * 10 + u64::from(c - b'0');
            }
        }
        if too_long || v < min || v > max {
            let mut e = err(num_start);
            e.push(match action {
                Action::DropEvery => b"drop-every fails every Nth call, expected N in 1..4294967295" as &[u8],
                Action::Rate => b"rate is per 1000, expected 0..1000",
                _ => b"N out of range, expected 0..4294967295",
            });
            return Err(e);
        }
        n = v as u32;
    }

    while is_ws(at(i)) {
        i += 1;
    }
    if i < len {
        let mut e = err(i);
        let _ = write!(e, "unexpected {} after `{}={}", Found(t, i), text(point), kind_name(action));
        if action != Action::Off && action != Action::Fail {
            let _ = write!(e, ":{}", n);
        }
        e.push(b"`, expected end of rule");
        return Err(e);
    }
    Ok(Rule { point_start, point_len: point.len(), action, n, once })
}

/// guestRateHash: FNV-1a over the name, the seed and the call number (little-endian), then a mixer.
fn rate_hash(point: &[u8], seed: u32, call: u32) -> u32 {
    let mut h: u32 = 2_166_136_261;
    let fnv = |h: u32, b: u8| (h ^ u32::from(b)).wrapping_mul(16_777_619);
    for &b in point {
        h = fnv(h, b);
    }
    for b in seed.to_le_bytes() {
        h = fnv(h, b);
    }
    for b in call.to_le_bytes() {
        h = fnv(h, b);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^= h >> 15;
    h = h.wrapping_mul(0x2c1b_3c6d);
    h ^= h >> 16;
    h % 1000
}

/// The point table and everything but the fw_cfg text buffer.
struct Table {
    points: [Point; MAX_POINTS],
    count: usize,
    ruled: usize,
    seen_next: u32,
    seed: u32,
    bad_name_reported: bool,
    full_reported: bool,
    method: FwCfgMethod,
    write: fn(&[u8]),
    delay: Option<fn(u32)>,
    error: Option<Error>,
}

/// Formats into the output callback.
struct Out(fn(&[u8]));

impl core::fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        if !s.is_empty() {
            (self.0)(s.as_bytes());
        }
        Ok(())
    }
}

impl Table {
    fn out(&self) -> Out {
        Out(self.write)
    }

    fn reset(&mut self, seed: u32) {
        for p in self.points.iter_mut() {
            *p = Point::EMPTY; // in place: no table-sized temporary on a small kernel stack
        }
        self.count = 0;
        self.ruled = 0;
        self.seen_next = 1;
        self.seed = seed;
        self.bad_name_reported = false;
        self.full_reported = false;
    }

    fn find(&self, name: &[u8]) -> Option<usize> {
        (0..self.count).find(|&k| self.points[k].name() == name)
    }

    fn add(&mut self, name: &[u8]) -> Option<usize> {
        if self.count == MAX_POINTS || name.len() > MAX_NAME {
            return None;
        }
        let p = &mut self.points[self.count];
        p.name[..name.len()].copy_from_slice(name);
        p.name_len = name.len();
        self.count += 1;
        Some(self.count - 1)
    }

    /// The last rule for a point wins.
    fn apply(&mut self, t: &[u8], line: u32, r: &Rule) -> Result<(), Error> {
        let name = &t[r.point_start..r.point_start + r.point_len];
        if name.len() > MAX_NAME {
            let mut e = Error::new(ErrorKind::Limit, line, r.point_start as u32 + 1);
            let _ = write!(e, "point name is longer than MAX_NAME ({} bytes): raise MAX_NAME in qfi_fault.rs", MAX_NAME);
            return Err(e);
        }
        let found = self.find(name);
        let k = match found {
            Some(k) if self.points[k].action != Action::None => k,
            _ => {
                if self.ruled == MAX_RULES || (found.is_none() && self.count == MAX_POINTS) {
                    let mut e = Error::new(ErrorKind::Limit, line, r.point_start as u32 + 1);
                    let _ = write!(e, "more than MAX_RULES ({}) points have rules: raise MAX_RULES in qfi_fault.rs", MAX_RULES);
                    return Err(e);
                }
                self.ruled += 1;
                match found {
                    Some(k) => k,
                    None => self.add(name).unwrap_or(0),
                }
            }
        };
        let p = &mut self.points[k];
        p.action = r.action;
        p.n = r.n;
        p.once = r.once;
        Ok(())
    }

    fn init_text(&mut self, text: &[u8], seed: u32) -> Result<(), Error> {
        self.reset(seed);
        self.error = None;
        for (index, raw) in text.split(|&b| b == b'\n').enumerate() {
            let line = match raw.last() {
                Some(b'\r') => &raw[..raw.len() - 1],
                _ => raw,
            };
            match line.iter().position(|&b| b != b' ' && b != b'\t') {
                None => continue,             // blank line
                Some(i) if line[i] == b'#' => continue, // comment
                Some(_) => {}
            }
            let number = index as u32 + 1;
            let result = parse_rule(line, number).and_then(|r| self.apply(line, number, &r));
            if let Err(e) = result {
                self.reset(seed); // a malformed rules text gives no rules at all
                self.print_error(&e, Some(line));
                self.error = Some(e);
                return Err(e);
            }
        }
        Ok(())
    }

    /// `qfi: rules 2:14: message`, then the line and a caret under the column.
    fn print_error(&self, e: &Error, line: Option<&[u8]>) {
        let mut out = self.out();
        let _ = match line {
            Some(_) => writeln!(out, "qfi: rules {}:{}: {}", e.line, e.column, e.message()),
            None => writeln!(out, "qfi: {}", e.message()),
        };
        if let Some(l) = line {
            let _ = out.write_str("qfi:   ");
            for &c in l.iter().take(120) {
                let ch = if (0x20..0x7f).contains(&c) || c == b'\t' { c } else { b'?' };
                (self.write)(&[ch]);
            }
            let _ = out.write_str("\nqfi:   ");
            for i in 1..e.column.min(122) {
                let tab = l.get(i as usize - 1) == Some(&b'\t');
                (self.write)(if tab { b"\t" } else { b" " });
            }
            let _ = out.write_str("^\n");
        }
    }

    /// The point's slot for a call or registration; None (reported once) for a bad name or a full table.
    fn point_for(&mut self, point: &str) -> Result<usize, ErrorKind> {
        let name = point.as_bytes();
        if !valid_name(name) || name.len() > MAX_NAME {
            if !self.bad_name_reported {
                self.bad_name_reported = true;
                let shown = &point[..point.char_indices().map(|(i, _)| i).nth(80).unwrap_or(point.len())];
                let _ = writeln!(
                    self.out(),
                    "qfi: bad point name \"{}\": names of letters, digits, _ and - joined by ., each starting with a letter or _, at most {} bytes",
                    shown,
                    MAX_NAME
                );
            }
            return Err(ErrorKind::Name);
        }
        let k = match self.find(name) {
            Some(k) => k,
            None => match self.add(name) {
                Some(k) => k,
                None => {
                    if !self.full_reported {
                        self.full_reported = true;
                        let _ = writeln!(
                            self.out(),
                            "qfi: more than MAX_POINTS ({}) points: \"{}\" and later new points are not counted (they have no rule, so they never fail); raise MAX_POINTS in qfi_fault.rs",
                            MAX_POINTS,
                            point
                        );
                    }
                    return Err(ErrorKind::Limit);
                }
            },
        };
        if self.points[k].seen == 0 {
            self.points[k].seen = self.seen_next;
            self.seen_next += 1;
        }
        Ok(k)
    }

    fn decide(&mut self, point: &str) -> Decision {
        let mut d = Decision::default();
        let seed = self.seed;
        if let Ok(k) = self.point_for(point) {
            let p = &mut self.points[k];
            p.calls += 1;
            let calls = p.calls;
            let mut fail = false;
            match p.action {
                Action::Fail => fail = true,
                Action::DropEvery => {
                    p.phase = if p.phase + 1 == p.n { 0 } else { p.phase + 1 };
                    fail = p.phase == 0;
                }
                Action::FailAfter => fail = calls > u64::from(p.n),
                Action::Rate => fail = rate_hash(p.name(), seed, calls as u32) < p.n,
                Action::DelayMs => d.delay_ms = p.n,
                Action::Off | Action::None => {}
            }
            if p.once && p.fails >= 1 {
                fail = false;
            }
            if fail {
                p.fails += 1;
            }
            d.fail = fail;
            d.calls = p.calls;
            d.fails = p.fails;
        }
        d
    }
}

/// Fault points for one guest: the rules, the seed and each point's counts, in fixed storage.
pub struct Faults {
    table: Table,
    text: [u8; MAX_RULES_TEXT],
}

impl Faults {
    /// Nothing known yet (no point fails); `write` gets everything the SDK prints.
    pub const fn new(write: fn(&[u8])) -> Self {
        Faults {
            table: Table {
                points: [Point::EMPTY; MAX_POINTS],
                count: 0,
                ruled: 0,
                seen_next: 1,
                seed: 0,
                bad_name_reported: false,
                full_reported: false,
                method: FwCfgMethod::None,
                write,
                delay: None,
                error: None,
            },
            text: [0; MAX_RULES_TEXT],
        }
    }

    /// Called by should_fail() for a delay-ms rule; without it the delay is only reported.
    pub fn set_delay(&mut self, delay: fn(u32)) {
        self.table.delay = Some(delay);
    }

    /// Replaces all rules and counts with those of `text` (rules as qfi writes them) and the seed.
    /// A malformed text leaves no rules, and the error is also printed.
    pub fn init_text(&mut self, text: &[u8], seed: u32) -> Result<(), Error> {
        self.table.init_text(text, seed)
    }

    /// Reads the rules and the seed from QEMU fw_cfg, then as init_text. No rules file is not
    /// an error: no point fails.
    ///
    /// # Safety
    /// Touches the fw_cfg device's I/O ports or MMIO registers, and DMA writes into this
    /// struct's buffer: `cfg` must describe the machine, and `to_phys` map this memory.
    pub unsafe fn init_fw_cfg(&mut self, cfg: &FwCfgConfig) -> Result<(), Error> {
        let t = &mut self.table;
        t.reset(0);
        t.error = None;
        t.method = FwCfgMethod::None;
        let result = read_fw_cfg(cfg, &mut self.text);
        let (size, seed, method) = match result {
            Ok(v) => v,
            Err(e) => {
                t.print_error(&e, None);
                t.error = Some(e);
                return Err(e);
            }
        };
        t.method = method;
        match size {
            None => {
                t.reset(seed);
                let _ = writeln!(t.out(), "qfi: no fw_cfg file {}: no fault rules", cfg.rules_name);
                Ok(())
            }
            Some(size) => {
                t.init_text(&self.text[..size], seed)?;
                let how = match method {
                    FwCfgMethod::Dma => "DMA",
                    FwCfgMethod::Mmio => "MMIO",
                    _ => "I/O ports",
                };
                let _ = writeln!(t.out(), "qfi: {} point(s) with rules from fw_cfg {} ({}), seed {}", t.ruled, cfg.rules_name, how, seed);
                Ok(())
            }
        }
    }

    /// One call of a point: the decision, counted. A bad name never fails (and is reported once).
    pub fn decide(&mut self, point: &str) -> Decision {
        self.table.decide(point)
    }

    /// decide(point).fail, after waiting through the delay callback for a delay-ms rule.
    pub fn should_fail(&mut self, point: &str) -> bool {
        let d = self.table.decide(point);
        if d.delay_ms > 0 {
            if let Some(delay) = self.table.delay {
                delay(d.delay_ms);
            }
        }
        d.fail
    }

    /// Makes a point known without calling it; prints `QFI-POINT:name` the first time.
    pub fn register(&mut self, point: &str) -> Result<(), Error> {
        let t = &mut self.table;
        let first = t.find(point.as_bytes()).map_or(true, |k| t.points[k].seen == 0);
        match t.point_for(point) {
            Ok(_) => {
                if first {
                    let _ = writeln!(t.out(), "QFI-POINT:{}", point);
                }
                Ok(())
            }
            Err(kind) => {
                let mut e = Error::new(kind, 0, 0);
                e.push(if kind == ErrorKind::Name { b"bad point name" as &[u8] } else { b"more than MAX_POINTS points" });
                Err(e)
            }
        }
    }

    /// Prints `QFI-POINT:name calls=N fails=M` for every point registered or called, in that order.
    pub fn report(&self) {
        let t = &self.table;
        for seen in 1..t.seen_next {
            for p in t.points[..t.count].iter().filter(|p| p.seen == seen) {
                let _ = writeln!(t.out(), "QFI-POINT:{} calls={} fails={}", text(p.name()), p.calls, p.fails);
            }
        }
    }

    /// (calls, fails) of a point; None when it was never registered or called.
    pub fn point_counts(&self, point: &str) -> Option<(u64, u64)> {
        let t = &self.table;
        t.find(point.as_bytes()).map(|k| &t.points[k]).filter(|p| p.seen != 0).map(|p| (p.calls, p.fails))
    }

    /// The last init's error, if it failed.
    pub fn last_error(&self) -> Option<&Error> {
        self.table.error.as_ref()
    }

    /// Number of points with a rule after the last init.
    pub fn rule_count(&self) -> usize {
        self.table.ruled
    }

    pub fn seed(&self) -> u32 {
        self.table.seed
    }

    pub fn fw_cfg_method(&self) -> FwCfgMethod {
        self.table.method
    }
}

// ---- QEMU fw_cfg (docs/specs/fw_cfg.rst in QEMU) ----

const FW_CFG_SIGNATURE: u16 = 0x0000;
const FW_CFG_FILE_DIR: u16 = 0x0019;
const DMA_ERROR: u32 = 0x01;
const DMA_READ: u32 = 0x02;
const DMA_SELECT: u32 = 0x08;
/// "QEMU CFG": what the DMA address register reads as when the DMA interface is there.
const DMA_SIGNATURE: u64 = 0x5145_4d55_2043_4647;

/// The descriptor QEMU reads for a DMA transfer: all fields big-endian.
#[repr(C, align(16))]
struct DmaAccess {
    control: u32,
    length: u32,
    address: u64,
}

struct FwCfgIo {
    method: FwCfgMethod,
    base: usize,
    to_phys: fn(usize) -> u64,
}

#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
unsafe fn outw(port: u16, v: u16) {
    core::arch::asm!("out dx, ax", in("dx") port, in("ax") v, options(nomem, nostack, preserves_flags));
}

#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
unsafe fn inb(port: u16) -> u8 {
    let v: u8;
    core::arch::asm!("in al, dx", out("al") v, in("dx") port, options(nomem, nostack, preserves_flags));
    v
}

impl FwCfgIo {
    /// Selects `key` (when `select`) and reads `buf.len()` bytes from the current offset.
    unsafe fn read(&self, select: Option<u16>, buf: &mut [u8]) -> bool {
        match self.method {
            #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
            FwCfgMethod::IoPort => {
                if let Some(key) = select {
                    outw(self.base as u16, key);
                }
                for b in buf.iter_mut() {
                    *b = inb(self.base as u16 + 1);
                }
                true
            }
            FwCfgMethod::Mmio => {
                if let Some(key) = select {
                    write_volatile((self.base + 8) as *mut u16, key.to_be());
                }
                for b in buf.iter_mut() {
                    *b = read_volatile(self.base as *const u8);
                }
                true
            }
            FwCfgMethod::Dma => {
                let control = DMA_READ | select.map_or(0, |key| DMA_SELECT | (u32::from(key) << 16));
                let mut dma = DmaAccess { control: 0, length: 0, address: 0 };
                // Volatile: QEMU reads the descriptor, nothing in this program does.
                write_volatile(
                    &mut dma,
                    DmaAccess {
                        control: control.to_be(),
                        length: (buf.len() as u32).to_be(),
                        address: (self.to_phys)(buf.as_mut_ptr() as usize).to_be(),
                    },
                );
                fence(Ordering::SeqCst);
                let desc = (self.to_phys)(&mut dma as *mut DmaAccess as usize);
                // The write to the low half (offset 4) starts the transfer: high half first.
                write_volatile((self.base + 16) as *mut u32, ((desc >> 32) as u32).to_be());
                write_volatile((self.base + 20) as *mut u32, (desc as u32).to_be());
                loop {
                    fence(Ordering::SeqCst);
                    let c = u32::from_be(read_volatile(&dma.control));
                    if c & !DMA_ERROR == 0 {
                        return c & DMA_ERROR == 0;
                    }
                }
            }
            _ => false,
        }
    }

    /// (key, size) of a file in the directory; Ok(None) when it is not there.
    unsafe fn find(&self, name: &str) -> Result<Option<(u16, u32)>, ()> {
        let mut be = [0u8; 4];
        if !self.read(Some(FW_CFG_FILE_DIR), &mut be) {
            return Err(());
        }
        for _ in 0..u32::from_be_bytes(be) {
            let mut entry = [0u8; 64]; // size (be32), select (be16), reserved, name[56]
            if !self.read(None, &mut entry) {
                return Err(());
            }
            let stored = &entry[8..];
            let len = stored.iter().position(|&b| b == 0).unwrap_or(stored.len());
            if &stored[..len] == name.as_bytes() {
                let size = u32::from_be_bytes([entry[0], entry[1], entry[2], entry[3]]);
                return Ok(Some((u16::from_be_bytes([entry[4], entry[5]]), size)));
            }
        }
        Ok(None)
    }
}

fn fw_cfg_error(kind: ErrorKind, args: core::fmt::Arguments) -> Error {
    let mut e = Error::new(kind, 0, 0);
    let _ = e.write_fmt(args);
    e
}

/// Reads the seed and the rules into `text`: (rules size or None without a rules file, seed, method).
unsafe fn read_fw_cfg(cfg: &FwCfgConfig, text: &mut [u8; MAX_RULES_TEXT]) -> Result<(Option<usize>, u32, FwCfgMethod), Error> {
    let mut io = FwCfgIo { method: FwCfgMethod::None, base: 0, to_phys: cfg.to_phys };
    let mmio = |io: &mut FwCfgIo, base: usize| {
        // The DMA register reads as "QEMU CFG" (big-endian) when the DMA interface is there.
        let hi = u32::from_be(read_volatile((base + 16) as *const u32));
        let lo = u32::from_be(read_volatile((base + 20) as *const u32));
        let dma = (u64::from(hi) << 32 | u64::from(lo)) == DMA_SIGNATURE && !cfg.no_dma;
        io.method = if dma { FwCfgMethod::Dma } else { FwCfgMethod::Mmio };
        io.base = base;
    };
    match cfg.access {
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        FwCfgAccess::Auto => {
            io.method = FwCfgMethod::IoPort;
            io.base = usize::from(FW_CFG_X86_PORT);
        }
        #[cfg(target_arch = "aarch64")]
        FwCfgAccess::Auto => mmio(&mut io, FW_CFG_AARCH64_VIRT),
        #[cfg(target_arch = "riscv64")]
        FwCfgAccess::Auto => mmio(&mut io, FW_CFG_RISCV64_VIRT),
        #[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64", target_arch = "riscv64")))]
        FwCfgAccess::Auto => {
            return Err(fw_cfg_error(ErrorKind::NoFwCfg, format_args!("init_fw_cfg: no fw_cfg address known for this architecture: give FwCfgAccess::Mmio")))
        }
        FwCfgAccess::IoPort(port) => {
            if cfg!(any(target_arch = "x86", target_arch = "x86_64")) {
                io.method = FwCfgMethod::IoPort;
                io.base = usize::from(port);
            } else {
                return Err(fw_cfg_error(ErrorKind::NoFwCfg, format_args!("init_fw_cfg: I/O ports exist only on x86")));
            }
        }
        FwCfgAccess::Mmio(base) => mmio(&mut io, base),
    }
    let mut sig = [0u8; 4];
    if !io.read(Some(FW_CFG_SIGNATURE), &mut sig) || &sig != b"QEMU" {
        return Err(fw_cfg_error(ErrorKind::NoFwCfg, format_args!("no QEMU fw_cfg device found (signature \"QEMU\" missing)")));
    }
    let dir_error = || fw_cfg_error(ErrorKind::FwCfg, format_args!("fw_cfg DMA error while reading the file directory"));

    let mut seed: u32 = 0;
    if let Some((key, size)) = io.find(cfg.seed_name).map_err(|_| dir_error())? {
        let mut digits = [0u8; 16];
        let bad = || fw_cfg_error(ErrorKind::FwCfg, format_args!("the seed is not a decimal number 0..4294967295 in fw_cfg file {}", cfg.seed_name));
        if size as usize > digits.len() || !io.read(Some(key), &mut digits[..size as usize]) {
            return Err(fw_cfg_error(ErrorKind::FwCfg, format_args!("cannot read fw_cfg file {}", cfg.seed_name)));
        }
        let s = &digits[..size as usize];
        let end = s.iter().rposition(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).map_or(0, |i| i + 1);
        if end == 0 || end > 10 || !s[..end].iter().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let v = s[..end].iter().fold(0u64, |v, &b| v * 10 + u64::from(b - b'0'));
        if v > u64::from(u32::MAX) {
            return Err(bad());
        }
        seed = v as u32;
    }

    let (key, size) = match io.find(cfg.rules_name).map_err(|_| dir_error())? {
        None => return Ok((None, seed, io.method)),
        Some(found) => found,
    };
    if size as usize > MAX_RULES_TEXT {
        return Err(fw_cfg_error(
            ErrorKind::Limit,
            format_args!(
                "fw_cfg file {} is {} bytes, more than MAX_RULES_TEXT ({}): raise MAX_RULES_TEXT in qfi_fault.rs",
                cfg.rules_name, size, MAX_RULES_TEXT
            ),
        ));
    }
    if !io.read(Some(key), &mut text[..size as usize]) {
        return Err(fw_cfg_error(ErrorKind::FwCfg, format_args!("cannot read fw_cfg file {}", cfg.rules_name)));
    }
    Ok((Some(size as usize), seed, io.method))
}
