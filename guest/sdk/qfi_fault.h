/*
 * qfi_fault.h — qfi's guest SDK for kernels that are not Linux: fault points that follow the
 * rules qfi hands to the guest through QEMU fw_cfg. Freestanding C11, no libc, no malloc.
 *
 * In exactly one translation unit:
 *     #define QFI_FAULT_IMPLEMENTATION
 *     #include "qfi_fault.h"
 * everywhere else just #include "qfi_fault.h". Documentation: guest/sdk/README.md.
 *
 * The decisions are qfi's own model (src/rules/guest-decide.ts), the same as the built-in Linux
 * guest's qfi-fault and the Rust module qfi_fault.rs; guest/sdk/vectors.json holds the vectors
 * all of them are tested on.
 *
 * Limits (define before including the implementation to change them):
 *     QFI_MAX_POINTS      points known at once (with or without a rule)     64
 *     QFI_MAX_RULES       points that have a rule                           32
 *     QFI_MAX_NAME        bytes of a point name                             63
 *     QFI_MAX_RULES_TEXT  bytes of the rules file read from fw_cfg          4096
 * Going over one is an error reported through the output callback, never a silent truncation.
 *
 * The state is global; calls from several CPUs must be serialised by the caller, or define
 * QFI_LOCK() / QFI_UNLOCK() (e.g. around a spinlock) before the implementation.
 */
#ifndef QFI_FAULT_H
#define QFI_FAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef QFI_MAX_POINTS
#define QFI_MAX_POINTS 64
#endif
#ifndef QFI_MAX_RULES
#define QFI_MAX_RULES 32
#endif
#ifndef QFI_MAX_NAME
#define QFI_MAX_NAME 63
#endif
#ifndef QFI_MAX_RULES_TEXT
#define QFI_MAX_RULES_TEXT 4096
#endif
/* Bytes of an error message kept for qfi_last_error(). */
#define QFI_MAX_MESSAGE 192

/* fw_cfg names qfi writes (the rules name can be changed with qfi's `rules-fw-cfg-name`). */
#define QFI_FW_CFG_RULES "opt/qfi/rules"
#define QFI_FW_CFG_SEED "opt/qfi/seed"

/* Where QEMU puts fw_cfg. */
#define QFI_FW_CFG_X86_PORT 0x510u               /* selector; data at +1 */
#define QFI_FW_CFG_AARCH64_VIRT 0x09020000u      /* -M virt: data +0, selector +8, DMA +16 */
#define QFI_FW_CFG_RISCV64_VIRT 0x10100000u      /* -M virt, same layout */

#ifdef __cplusplus
extern "C" {
#endif

/* Results of the init and register functions. */
enum qfi_status {
    QFI_OK = 0,
    QFI_ERR_PARSE = -1,     /* the rules text is malformed (line and column in qfi_last_error) */
    QFI_ERR_LIMIT = -2,     /* a QFI_MAX_* limit was exceeded */
    QFI_ERR_NAME = -3,      /* a point name the rule grammar does not allow */
    QFI_ERR_NO_FW_CFG = -4, /* no QEMU fw_cfg device where it was looked for */
    QFI_ERR_FW_CFG = -5     /* fw_cfg is there but a file could not be read (DMA error, bad seed) */
};

/* How fw_cfg was reached (qfi_fw_cfg_method()). */
enum qfi_fw_cfg_method {
    QFI_FW_CFG_NONE = 0,
    QFI_FW_CFG_IO_PORT, /* x86: selector and data I/O ports */
    QFI_FW_CFG_MMIO,    /* MMIO data register, one byte per read */
    QFI_FW_CFG_DMA      /* MMIO DMA interface (arm, riscv virt) */
};

/* Everything the SDK prints goes through this: bytes, not NUL-terminated, lines end in "\n". */
typedef void (*qfi_write_fn)(const char *bytes, size_t len);
/* Called by qfi_should_fail() for a delay-ms rule; without it the delay is only reported. */
typedef void (*qfi_delay_fn)(uint32_t ms);

struct qfi_decision {
    bool fail;         /* inject the fault in this call */
    uint32_t delay_ms; /* delay-ms:N: wait this long, then carry on */
    uint64_t calls;    /* the point's calls so far, this one included */
    uint64_t fails;    /* the point's failed calls so far */
};

struct qfi_error {
    int status;       /* enum qfi_status, QFI_OK when there was no error */
    uint32_t line;    /* 1-based position in the rules text; 0 when not about the text */
    uint32_t column;  /* 1-based byte column */
    char message[QFI_MAX_MESSAGE]; /* NUL-terminated */
};

enum qfi_fw_cfg_kind { QFI_FW_CFG_AUTO = 0, QFI_FW_CFG_USE_IO_PORT, QFI_FW_CFG_USE_MMIO };

/* Where and how to read fw_cfg; all-zero fields take this architecture's defaults. */
struct qfi_fw_cfg {
    enum qfi_fw_cfg_kind kind;  /* AUTO: I/O port on x86, MMIO elsewhere */
    uintptr_t base;             /* I/O port of the selector or MMIO base; 0: QEMU's default */
    const char *rules_name;     /* NULL: QFI_FW_CFG_RULES */
    const char *seed_name;      /* NULL: QFI_FW_CFG_SEED */
    /* Physical address of a buffer for DMA; NULL: identity (MMU off or identity-mapped). */
    uint64_t (*to_phys)(const void *p);
    bool no_dma;                /* MMIO: use the data register even when DMA is there */
};

void qfi_set_output(qfi_write_fn write);
void qfi_set_delay(qfi_delay_fn delay);

/* Replaces all rules and counts with those of `text` (rules as qfi writes them) and the seed. */
int qfi_init_text(const char *text, size_t len, uint32_t seed);
/* Reads the rules and the seed from QEMU fw_cfg (cfg NULL: defaults), then as qfi_init_text.
 * No rules file is not an error: no point fails. */
int qfi_init_fw_cfg(const struct qfi_fw_cfg *cfg);

/* One call of a point: the decision, counted. A bad name never fails (and is reported once). */
struct qfi_decision qfi_decide(const char *point);
/* qfi_decide(point).fail, after waiting through the delay callback for a delay-ms rule. */
bool qfi_should_fail(const char *point);

/* Makes a point known without calling it; prints "QFI-POINT:name" the first time. */
int qfi_register(const char *point);
/* Prints "QFI-POINT:name calls=N fails=M" for every point registered or called, in that order. */
void qfi_report(void);

/* Counts of a point; false when it was never registered or called. */
bool qfi_point_counts(const char *point, uint64_t *calls, uint64_t *fails);
/* The last init or register error (status QFI_OK when the last init succeeded). */
const struct qfi_error *qfi_last_error(void);
/* Number of points with a rule after the last init. */
unsigned qfi_rule_count(void);
uint32_t qfi_seed(void);
enum qfi_fw_cfg_method qfi_fw_cfg_method(void);

#ifdef __cplusplus
}
#endif
#endif /* QFI_FAULT_H */

/* ======================================================================================== */

#ifdef QFI_FAULT_IMPLEMENTATION
#ifndef QFI_FAULT_IMPLEMENTED
#define QFI_FAULT_IMPLEMENTED

#ifndef QFI_LOCK
#define QFI_LOCK() ((void)0)
#define QFI_UNLOCK() ((void)0)
#endif

#if QFI_MAX_RULES > QFI_MAX_POINTS
#error "QFI_MAX_RULES must not be larger than QFI_MAX_POINTS"
#endif

enum qfi__action { QFI__NONE = 0, QFI__OFF, QFI__FAIL, QFI__DROP_EVERY, QFI__FAIL_AFTER, QFI__RATE, QFI__DELAY_MS };

struct qfi__point {
    char name[QFI_MAX_NAME + 1];
    uint8_t action;     /* enum qfi__action; NONE: no rule */
    bool once;          /* [once=true]: at most one failure */
    uint32_t n;         /* N of the action */
    uint32_t phase;     /* drop-every: calls % n, kept so no 64-bit division is needed */
    uint32_t seen;      /* order of first register/call (1-based); 0: only a rule names it */
    uint64_t calls;
    uint64_t fails;
};

static struct {
    struct qfi__point points[QFI_MAX_POINTS];
    unsigned count;      /* slots in use */
    unsigned ruled;      /* slots with a rule */
    uint32_t seen_next;  /* next `seen` number */
    uint32_t seed;
    bool bad_name_reported;
    bool full_reported;
    enum qfi_fw_cfg_method method;
    qfi_write_fn write;
    qfi_delay_fn delay;
    struct qfi_error error;
} qfi__s;

/* ---- small freestanding helpers (no libc) ---- */

static size_t qfi__strlen(const char *s) {
    size_t n = 0;
    while (s[n] != '\0') n++;
    return n;
}

static bool qfi__name_eq(const char *a, const char *b, size_t blen) {
    size_t i = 0;
    for (; i < blen; i++)
        if (a[i] != b[i]) return false;
    return a[i] == '\0';
}

static void qfi__out(const char *s, size_t n) {
    if (qfi__s.write != NULL && n > 0) qfi__s.write(s, n);
}

static void qfi__outs(const char *s) { qfi__out(s, qfi__strlen(s)); }

/* Decimal without division (32-bit CPUs would need libgcc's __udivdi3 for 64-bit `/`). */
static size_t qfi__u64_dec(uint64_t v, char *buf) {
    static const uint64_t pow10[20] = {
        10000000000000000000ull, 1000000000000000000ull, 100000000000000000ull, 10000000000000000ull,
        1000000000000000ull, 100000000000000ull, 10000000000000ull, 1000000000000ull, 100000000000ull,
        10000000000ull, 1000000000ull, 100000000ull, 10000000ull, 1000000ull, 100000ull, 10000ull,
        1000ull, 100ull, 10ull, 1ull};
    size_t n = 0;
    for (unsigned i = 0; i < 20; i++) {
        char d = '0';
        while (v >= pow10[i]) {
            v -= pow10[i];
            d++;
        }
        if (d != '0' || n > 0 || i == 19) buf[n++] = d;
    }
    return n;
}

/* A message being built into a fixed buffer; silently cut at the end of the buffer. */
struct qfi__msg {
    char *buf;
    size_t cap, len;
};

static void qfi__msg_bytes(struct qfi__msg *m, const char *s, size_t n) {
    for (size_t i = 0; i < n && m->len + 1 < m->cap; i++) m->buf[m->len++] = s[i];
    m->buf[m->len] = '\0';
}
static void qfi__msg_str(struct qfi__msg *m, const char *s) { qfi__msg_bytes(m, s, qfi__strlen(s)); }
static void qfi__msg_u64(struct qfi__msg *m, uint64_t v) {
    char d[20];
    qfi__msg_bytes(m, d, qfi__u64_dec(v, d));
}
/* `digits` hex digits of v: lowercase with 0x, or uppercase without. */
static void qfi__msg_hex(struct qfi__msg *m, uint32_t v, unsigned digits, bool lower_0x) {
    const char *hex = lower_0x ? "0123456789abcdef" : "0123456789ABCDEF";
    if (lower_0x) qfi__msg_str(m, "0x");
    for (unsigned k = digits; k-- > 0;) {
        char d = hex[(v >> (4 * k)) & 15];
        qfi__msg_bytes(m, &d, 1);
    }
}

/* The code point of the UTF-8 sequence at s, or UINT32_MAX when it is not valid UTF-8. */
static uint32_t qfi__utf8_at(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) return u[0];
    unsigned extra = u[0] >= 0xf0 ? 3 : u[0] >= 0xe0 ? 2 : u[0] >= 0xc0 ? 1 : 0;
    if (extra == 0 || u[0] > 0xf4 || n <= extra) return UINT32_MAX;
    uint32_t cp = u[0] & (0x3fu >> extra);
    for (unsigned k = 1; k <= extra; k++) {
        if ((u[k] & 0xc0) != 0x80) return UINT32_MAX;
        cp = (cp << 6) | (u[k] & 0x3fu);
    }
    static const uint32_t least[4] = {0, 0x80, 0x800, 0x10000};
    if (cp < least[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return UINT32_MAX;
    return cp;
}

/* ---- the rule grammar (the runner's src/rules/parse-rule.ts, same messages and columns) ---- */

static bool qfi__is_ws(int c) { return c == ' ' || c == '\t'; }
static bool qfi__is_digit(int c) { return c >= '0' && c <= '9'; }
static bool qfi__is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool qfi__is_name_start(int c) { return qfi__is_alpha(c) || c == '_'; }
static bool qfi__is_name_char(int c) { return qfi__is_name_start(c) || qfi__is_digit(c) || c == '-'; }
static bool qfi__is_key_start(int c) { return c >= 'a' && c <= 'z'; }
static bool qfi__is_key_char(int c) { return qfi__is_key_start(c) || qfi__is_digit(c) || c == '_' || c == '-'; }
static bool qfi__is_value_char(int c) {
    return qfi__is_alpha(c) || qfi__is_digit(c) || c == '_' || c == '.' || c == ':' || c == '#' || c == '+' ||
           c == ';' || c == '/' || c == '-';
}

/* Checks a point name against the grammar: dot-joined names of [A-Za-z0-9_-], each starting with a letter or _. */
static bool qfi__valid_name(const char *s, size_t n) {
    size_t i = 0;
    for (;;) {
        if (i >= n || !qfi__is_name_start((unsigned char)s[i])) return false;
        while (i < n && qfi__is_name_char((unsigned char)s[i])) i++;
        if (i == n) return true;
        if (s[i] != '.') return false;
        i++;
    }
}

struct qfi__line {
    const char *t; /* the line, without its "\n" and a trailing "\r" */
    size_t len;
    uint32_t number;
};

/* `x`, a space, a tab, end of rule, or the byte's value: what sits at `at`. */
static void qfi__msg_found(struct qfi__msg *m, const struct qfi__line *l, size_t at) {
    unsigned char c = at < l->len ? (unsigned char)l->t[at] : 0;
    char q[3] = {'`', (char)c, '`'};
    if (at >= l->len) {
        qfi__msg_str(m, "end of rule");
    } else if (c == ' ') {
        qfi__msg_str(m, "a space");
    } else if (c == '\t') {
        qfi__msg_str(m, "a tab");
    } else if (c > 0x20 && c < 0x7f) {
        qfi__msg_bytes(m, q, 3);
    } else {
        /* U+XXXX as the runner says it; bytes that are not UTF-8 by value. */
        uint32_t cp = qfi__utf8_at(l->t + at, l->len - at);
        if (cp == UINT32_MAX) {
            qfi__msg_str(m, "byte ");
            qfi__msg_hex(m, c, 2, true);
        } else {
            qfi__msg_str(m, "U+");
            qfi__msg_hex(m, cp, cp > 0xffff ? (cp > 0xfffff ? 6 : 5) : 4, false);
        }
    }
}

static struct qfi__msg qfi__error_begin(int status, uint32_t line, uint32_t column) {
    qfi__s.error.status = status;
    qfi__s.error.line = line;
    qfi__s.error.column = column;
    qfi__s.error.message[0] = '\0';
    struct qfi__msg m = {qfi__s.error.message, QFI_MAX_MESSAGE, 0};
    return m;
}

/* Prints the error: `qfi: rules 2:14: message`, then the line and a caret under the column. */
static void qfi__error_print(const struct qfi__line *l) {
    char num[20];
    qfi__outs("qfi: ");
    if (l != NULL) {
        qfi__outs("rules ");
        qfi__out(num, qfi__u64_dec(qfi__s.error.line, num));
        qfi__outs(":");
        qfi__out(num, qfi__u64_dec(qfi__s.error.column, num));
        qfi__outs(": ");
    }
    qfi__outs(qfi__s.error.message);
    qfi__outs("\n");
    if (l == NULL) return;
    size_t shown = l->len < 120 ? l->len : 120;
    qfi__outs("qfi:   ");
    for (size_t i = 0; i < shown; i++) {
        unsigned char c = (unsigned char)l->t[i];
        char ch = (c >= 0x20 && c < 0x7f) || c == '\t' ? (char)c : '?';
        qfi__out(&ch, 1);
    }
    qfi__outs("\nqfi:   ");
    for (uint32_t i = 1; i < qfi__s.error.column && i <= 121; i++) {
        char ch = (i - 1 < l->len && l->t[i - 1] == '\t') ? '\t' : ' ';
        qfi__out(&ch, 1);
    }
    qfi__outs("^\n");
}

static const char *const qfi__kinds[] = {"", "off", "fail", "drop-every", "fail-after", "rate", "delay-ms"};

/* The parsed rule of one line. */
struct qfi__rule {
    size_t point_start, point_len;
    uint8_t action;
    uint32_t n;
    bool once;
};

/* Records a syntax error at byte `at` of the line; the message is started, callers finish it. */
static struct qfi__msg qfi__syntax(const struct qfi__line *l, size_t at) {
    return qfi__error_begin(QFI_ERR_PARSE, l->number, (uint32_t)at + 1);
}

static void qfi__msg_action(struct qfi__msg *m, uint8_t action, uint32_t n) {
    qfi__msg_str(m, qfi__kinds[action]);
    if (action != QFI__OFF && action != QFI__FAIL) {
        qfi__msg_str(m, ":");
        qfi__msg_u64(m, n);
    }
}

/* Parses one rule line; false with qfi__s.error set on a syntax error. */
static bool qfi__parse_rule(const struct qfi__line *l, struct qfi__rule *r) {
    const char *t = l->t;
    size_t len = l->len, i = 0;
#define QFI__C(k) ((k) < len ? (int)(unsigned char)t[k] : -1)
    struct qfi__msg m;
    while (qfi__is_ws(QFI__C(i))) i++;
    if (QFI__C(i) == '=') {
        m = qfi__syntax(l, i);
        qfi__msg_str(&m, "empty point, expected a point name like alloc.frame before `=`");
        return false;
    }
    size_t point_start = i;
    for (;;) {
        if (!qfi__is_name_start(QFI__C(i))) {
            m = qfi__syntax(l, i);
            qfi__msg_str(&m, i == point_start ? "expected a point name starting with a letter or `_`, found "
                                              : "expected a name (starting with a letter or `_`) after `.`, found ");
            qfi__msg_found(&m, l, i);
            return false;
        }
        while (qfi__is_name_char(QFI__C(i))) i++;
        if (QFI__C(i) != '.') break;
        i++;
    }
    r->point_start = point_start;
    r->point_len = i - point_start;
    r->once = false;
    size_t point_end = i;

    if (QFI__C(i) == '[') {
        /* Only once=true means anything here; other parameters are checked and skipped. */
        size_t keys[16], key_lens[16], nkeys = 0;
        i++;
        for (;;) {
            while (qfi__is_ws(QFI__C(i))) i++;
            if (QFI__C(i) == ']') {
                if (nkeys == 0) {
                    m = qfi__syntax(l, i);
                    qfi__msg_str(&m, "empty parameter list `[]`, expected key=value inside the brackets or no brackets");
                    return false;
                }
                i++;
                break;
            }
            if (i == len) {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "missing `]` to close the parameter list");
                return false;
            }
            size_t key_start = i;
            if (!qfi__is_key_start(QFI__C(i))) {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "expected a parameter name (a lowercase letter first), found ");
                qfi__msg_found(&m, l, i);
                return false;
            }
            while (qfi__is_key_char(QFI__C(i))) i++;
            size_t key_len = i - key_start;
            if (QFI__C(i) != '=') {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "expected `=` after parameter `");
                qfi__msg_bytes(&m, t + key_start, key_len);
                qfi__msg_str(&m, "`, found ");
                qfi__msg_found(&m, l, i);
                return false;
            }
            i++;
            size_t value_start = i;
            while (qfi__is_value_char(QFI__C(i))) i++;
            if (i == value_start) {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "expected a value for parameter `");
                qfi__msg_bytes(&m, t + key_start, key_len);
                qfi__msg_str(&m, "`, found ");
                qfi__msg_found(&m, l, i);
                return false;
            }
            for (size_t k = 0; k < nkeys; k++) {
                if (key_lens[k] == key_len) {
                    size_t j = 0;
                    while (j < key_len && t[keys[k] + j] == t[key_start + j]) j++;
                    if (j == key_len) {
                        m = qfi__syntax(l, key_start);
                        qfi__msg_str(&m, "parameter `");
                        qfi__msg_bytes(&m, t + key_start, key_len);
                        qfi__msg_str(&m, "` is given twice");
                        return false;
                    }
                }
            }
            if (nkeys == sizeof keys / sizeof keys[0]) {
                m = qfi__error_begin(QFI_ERR_LIMIT, l->number, (uint32_t)key_start + 1);
                qfi__msg_str(&m, "more than 16 parameters on one point");
                return false;
            }
            keys[nkeys] = key_start;
            key_lens[nkeys++] = key_len;
            if (key_len == 4 && t[key_start] == 'o' && t[key_start + 1] == 'n' && t[key_start + 2] == 'c' &&
                t[key_start + 3] == 'e')
                r->once = i - value_start == 4 && t[value_start] == 't' && t[value_start + 1] == 'r' &&
                          t[value_start + 2] == 'u' && t[value_start + 3] == 'e';
            if (i == len) {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "missing `]` to close the parameter list");
                return false;
            }
            if (!qfi__is_ws(QFI__C(i)) && QFI__C(i) != ']') {
                m = qfi__syntax(l, i);
                qfi__msg_str(&m, "unexpected ");
                qfi__msg_found(&m, l, i);
                qfi__msg_str(&m, " in the value of `");
                qfi__msg_bytes(&m, t + key_start, key_len);
                qfi__msg_str(&m, "`, expected a space or `]`");
                return false;
            }
        }
        point_end = i;
    }

    while (qfi__is_ws(QFI__C(i))) i++;
    if (i == len) {
        m = qfi__syntax(l, point_end);
        qfi__msg_str(&m, "missing `=` after point `");
        qfi__msg_bytes(&m, t + point_start, r->point_len);
        qfi__msg_str(&m, "`, expected point=action");
        return false;
    }
    if (QFI__C(i) != '=') {
        m = qfi__syntax(l, i);
        if (i == point_end) {
            qfi__msg_str(&m, "unexpected ");
            qfi__msg_found(&m, l, i);
            qfi__msg_str(&m, " in point name, expected letters, digits, `_`, `-`, `.` or `=`");
        } else {
            qfi__msg_str(&m, "expected `=` after point `");
            qfi__msg_bytes(&m, t + point_start, r->point_len);
            qfi__msg_str(&m, "`, found ");
            qfi__msg_found(&m, l, i);
        }
        return false;
    }
    i++;
    size_t eq_end = i;

    while (qfi__is_ws(QFI__C(i))) i++;
    size_t name_start = i;
    while (qfi__is_name_char(QFI__C(i))) i++;
    size_t name_len = i - name_start, name_end = i;
    if (name_len == 0) {
        m = qfi__syntax(l, i == len ? eq_end : i);
        qfi__msg_str(&m, "expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found ");
        qfi__msg_found(&m, l, i);
        return false;
    }
    uint8_t action = QFI__NONE;
    for (uint8_t k = QFI__OFF; k <= QFI__DELAY_MS; k++)
        if (qfi__name_eq(qfi__kinds[k], t + name_start, name_len)) action = k;
    if (action == QFI__NONE) {
        m = qfi__syntax(l, name_start);
        qfi__msg_str(&m, "unknown action `");
        qfi__msg_bytes(&m, t + name_start, name_len);
        qfi__msg_str(&m, "`, expected one of off, fail, drop-every, fail-after, rate, delay-ms");
        return false;
    }

    while (qfi__is_ws(QFI__C(i))) i++;
    uint32_t n = 0;
    if (action == QFI__OFF || action == QFI__FAIL) {
        if (QFI__C(i) == ':') {
            m = qfi__syntax(l, i);
            qfi__msg_str(&m, "`");
            qfi__msg_str(&m, qfi__kinds[action]);
            qfi__msg_str(&m, "` takes no `:N`, expected end of rule");
            return false;
        }
    } else {
        uint64_t min = action == QFI__DROP_EVERY ? 1 : 0, max = action == QFI__RATE ? 1000 : 4294967295u;
        if (QFI__C(i) != ':') {
            m = qfi__syntax(l, i == len ? name_end : i);
            qfi__msg_str(&m, "expected `:N` after `");
            qfi__msg_str(&m, qfi__kinds[action]);
            qfi__msg_str(&m, "` (e.g. ");
            qfi__msg_str(&m, qfi__kinds[action]);
            qfi__msg_str(&m, ":1), found ");
            qfi__msg_found(&m, l, i);
            return false;
        }
        i++;
        size_t colon_end = i;
        while (qfi__is_ws(QFI__C(i))) i++;
        size_t num_start = i;
        while (qfi__is_digit(QFI__C(i))) i++;
        if (i == num_start) {
            m = qfi__syntax(l, i == len ? colon_end : i);
            qfi__msg_str(&m, "expected an unsigned decimal number after `");
            qfi__msg_str(&m, qfi__kinds[action]);
            qfi__msg_str(&m, ":`, found ");
            qfi__msg_found(&m, l, i);
            return false;
        }
        size_t d = num_start;
        while (d + 1 < i && t[d] == '0') d++; /* leading zeros */
        uint64_t v = 0;
        bool too_long = i - d > 10;
        for (; !too_long && d < i; d++) v = v * 10 + (uint64_t)(t[d] - '0');
        if (too_long || v < min || v > max) {
            m = qfi__syntax(l, num_start);
            qfi__msg_str(&m, action == QFI__DROP_EVERY ? "drop-every fails every Nth call, expected N in 1..4294967295"
                             : action == QFI__RATE     ? "rate is per 1000, expected 0..1000"
                                                       : "N out of range, expected 0..4294967295");
            return false;
        }
        n = (uint32_t)v;
    }

    while (qfi__is_ws(QFI__C(i))) i++;
    if (i < len) {
        m = qfi__syntax(l, i);
        qfi__msg_str(&m, "unexpected ");
        qfi__msg_found(&m, l, i);
        qfi__msg_str(&m, " after `");
        qfi__msg_bytes(&m, t + point_start, r->point_len);
        qfi__msg_str(&m, "=");
        qfi__msg_action(&m, action, n);
        qfi__msg_str(&m, "`, expected end of rule");
        return false;
    }
    r->action = action;
    r->n = n;
    return true;
#undef QFI__C
}

/* ---- the point table ---- */

static void qfi__reset(uint32_t seed) {
    for (unsigned k = 0; k < QFI_MAX_POINTS; k++) {
        struct qfi__point *p = &qfi__s.points[k];
        p->name[0] = '\0';
        p->action = QFI__NONE;
        p->once = false;
        p->n = p->phase = p->seen = 0;
        p->calls = p->fails = 0;
    }
    qfi__s.count = qfi__s.ruled = 0;
    qfi__s.seen_next = 1;
    qfi__s.seed = seed;
    qfi__s.bad_name_reported = qfi__s.full_reported = false;
}

static void qfi__clear_error(void) {
    qfi__s.error.status = QFI_OK;
    qfi__s.error.line = qfi__s.error.column = 0;
    qfi__s.error.message[0] = '\0';
}

static struct qfi__point *qfi__find(const char *name, size_t len) {
    for (unsigned k = 0; k < qfi__s.count; k++)
        if (qfi__name_eq(qfi__s.points[k].name, name, len)) return &qfi__s.points[k];
    return NULL;
}

static struct qfi__point *qfi__add(const char *name, size_t len) {
    if (qfi__s.count == QFI_MAX_POINTS || len > QFI_MAX_NAME) return NULL;
    struct qfi__point *p = &qfi__s.points[qfi__s.count++];
    for (size_t i = 0; i < len; i++) p->name[i] = name[i];
    p->name[len] = '\0';
    return p;
}

/* Applies one parsed rule: the last rule for a point wins. */
static bool qfi__apply(const struct qfi__line *l, const struct qfi__rule *r) {
    const char *name = l->t + r->point_start;
    struct qfi__msg m;
    if (r->point_len > QFI_MAX_NAME) {
        m = qfi__error_begin(QFI_ERR_LIMIT, l->number, (uint32_t)r->point_start + 1);
        qfi__msg_str(&m, "point name is longer than QFI_MAX_NAME (");
        qfi__msg_u64(&m, QFI_MAX_NAME);
        qfi__msg_str(&m, " bytes): define QFI_MAX_NAME larger");
        return false;
    }
    struct qfi__point *p = qfi__find(name, r->point_len);
    if (p == NULL || p->action == QFI__NONE) {
        if (qfi__s.ruled == QFI_MAX_RULES || (p == NULL && qfi__s.count == QFI_MAX_POINTS)) {
            m = qfi__error_begin(QFI_ERR_LIMIT, l->number, (uint32_t)r->point_start + 1);
            qfi__msg_str(&m, "more than QFI_MAX_RULES (");
            qfi__msg_u64(&m, QFI_MAX_RULES);
            qfi__msg_str(&m, ") points have rules: define QFI_MAX_RULES larger");
            return false;
        }
        if (p == NULL) p = qfi__add(name, r->point_len);
        qfi__s.ruled++;
    }
    p->action = r->action;
    p->n = r->n;
    p->once = r->once;
    return true;
}

static int qfi__init_text_locked(const char *text, size_t len, uint32_t seed) {
    qfi__reset(seed);
    qfi__clear_error();
    size_t start = 0;
    uint32_t number = 0;
    while (start < len) {
        size_t end = start;
        while (end < len && text[end] != '\n') end++;
        struct qfi__line l = {text + start, end - start, ++number};
        if (l.len > 0 && l.t[l.len - 1] == '\r') l.len--;
        start = end + 1;
        size_t i = 0;
        while (i < l.len && qfi__is_ws((unsigned char)l.t[i])) i++;
        if (i == l.len || l.t[i] == '#') continue; /* blank line or comment */
        struct qfi__rule r;
        if (!qfi__parse_rule(&l, &r) || !qfi__apply(&l, &r)) {
            qfi__reset(seed); /* a malformed rules text gives no rules at all */
            qfi__error_print(&l);
            return qfi__s.error.status;
        }
    }
    return QFI_OK;
}

int qfi_init_text(const char *text, size_t len, uint32_t seed) {
    QFI_LOCK();
    int status = qfi__init_text_locked(text, len, seed);
    QFI_UNLOCK();
    return status;
}

/* The point's slot for a call or registration; NULL (reported once) for a bad name or a full table. */
static struct qfi__point *qfi__point_for(const char *point, bool *bad_name) {
    size_t len = qfi__strlen(point);
    *bad_name = false;
    if (!qfi__valid_name(point, len) || len > QFI_MAX_NAME) {
        *bad_name = true;
        if (!qfi__s.bad_name_reported) {
            qfi__s.bad_name_reported = true;
            qfi__outs("qfi: bad point name \"");
            qfi__out(point, len < 80 ? len : 80);
            qfi__outs("\": names of letters, digits, _ and - joined by ., each starting with a letter or _, at most ");
            char num[20];
            qfi__out(num, qfi__u64_dec(QFI_MAX_NAME, num));
            qfi__outs(" bytes\n");
        }
        return NULL;
    }
    struct qfi__point *p = qfi__find(point, len);
    if (p == NULL) p = qfi__add(point, len);
    if (p == NULL) {
        if (!qfi__s.full_reported) {
            qfi__s.full_reported = true;
            qfi__outs("qfi: more than QFI_MAX_POINTS (");
            char num[20];
            qfi__out(num, qfi__u64_dec(QFI_MAX_POINTS, num));
            qfi__outs(") points: \"");
            qfi__out(point, len);
            qfi__outs("\" and later new points are not counted (they have no rule, so they never fail); define QFI_MAX_POINTS larger\n");
        }
        return NULL;
    }
    if (p->seen == 0) p->seen = qfi__s.seen_next++;
    return p;
}

/* guestRateHash: FNV-1a over the name, the seed and the call number (little-endian), then a mixer. */
static uint32_t qfi__rate_hash(const char *point, uint32_t seed, uint32_t call) {
    uint32_t h = 2166136261u;
    for (const char *c = point; *c != '\0'; c++) h = (h ^ (uint8_t)*c) * 16777619u;
    for (unsigned k = 0; k < 4; k++) h = (h ^ ((seed >> (8 * k)) & 255u)) * 16777619u;
    for (unsigned k = 0; k < 4; k++) h = (h ^ ((call >> (8 * k)) & 255u)) * 16777619u;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 16;
    return h % 1000u;
}

struct qfi_decision qfi_decide(const char *point) {
    struct qfi_decision d = {false, 0, 0, 0};
    QFI_LOCK();
    bool bad_name;
    struct qfi__point *p = qfi__point_for(point, &bad_name);
    if (p != NULL) {
        uint64_t calls = ++p->calls;
        bool fail = false;
        switch (p->action) {
        case QFI__FAIL: fail = true; break;
        case QFI__DROP_EVERY:
            p->phase = p->phase + 1 == p->n ? 0 : p->phase + 1;
            fail = p->phase == 0;
            break;
        case QFI__FAIL_AFTER: fail = calls > p->n; break;
        case QFI__RATE: fail = qfi__rate_hash(p->name, qfi__s.seed, (uint32_t)calls) < p->n; break;
        case QFI__DELAY_MS: d.delay_ms = p->n; break;
        default: break;
        }
        if (p->once && p->fails >= 1) fail = false;
        if (fail) p->fails++;
        d.fail = fail;
        d.calls = p->calls;
        d.fails = p->fails;
    }
    QFI_UNLOCK();
    return d;
}

bool qfi_should_fail(const char *point) {
    struct qfi_decision d = qfi_decide(point);
    if (d.delay_ms > 0 && qfi__s.delay != NULL) qfi__s.delay(d.delay_ms);
    return d.fail;
}

int qfi_register(const char *point) {
    QFI_LOCK();
    bool bad_name;
    size_t len = qfi__strlen(point);
    struct qfi__point *p = qfi__find(point, len);
    bool first = p == NULL || p->seen == 0;
    p = qfi__point_for(point, &bad_name);
    int status = p != NULL ? QFI_OK : bad_name ? QFI_ERR_NAME : QFI_ERR_LIMIT;
    QFI_UNLOCK();
    if (p != NULL && first) {
        qfi__outs("QFI-POINT:");
        qfi__outs(p->name);
        qfi__outs("\n");
    }
    return status;
}

void qfi_report(void) {
    QFI_LOCK();
    for (uint32_t seen = 1; seen < qfi__s.seen_next; seen++) {
        for (unsigned k = 0; k < qfi__s.count; k++) {
            const struct qfi__point *p = &qfi__s.points[k];
            if (p->seen != seen) continue;
            char num[20];
            qfi__outs("QFI-POINT:");
            qfi__outs(p->name);
            qfi__outs(" calls=");
            qfi__out(num, qfi__u64_dec(p->calls, num));
            qfi__outs(" fails=");
            qfi__out(num, qfi__u64_dec(p->fails, num));
            qfi__outs("\n");
        }
    }
    QFI_UNLOCK();
}

bool qfi_point_counts(const char *point, uint64_t *calls, uint64_t *fails) {
    const struct qfi__point *p = qfi__find(point, qfi__strlen(point));
    if (p == NULL || p->seen == 0) return false;
    if (calls != NULL) *calls = p->calls;
    if (fails != NULL) *fails = p->fails;
    return true;
}

void qfi_set_output(qfi_write_fn write) { qfi__s.write = write; }
void qfi_set_delay(qfi_delay_fn delay) { qfi__s.delay = delay; }
const struct qfi_error *qfi_last_error(void) { return &qfi__s.error; }
unsigned qfi_rule_count(void) { return qfi__s.ruled; }
uint32_t qfi_seed(void) { return qfi__s.seed; }
enum qfi_fw_cfg_method qfi_fw_cfg_method(void) { return qfi__s.method; }

/* ---- QEMU fw_cfg (docs/specs/fw_cfg.rst in QEMU) ---- */

#define QFI__FW_CFG_SIGNATURE 0x0000u
#define QFI__FW_CFG_FILE_DIR 0x0019u
#define QFI__DMA_ERROR 0x01u
#define QFI__DMA_READ 0x02u
#define QFI__DMA_SELECT 0x08u
#define QFI__DMA_SIGNATURE 0x51454d5520434647ull /* "QEMU CFG" */

static uint16_t qfi__be16(uint16_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return v;
#else
    return (uint16_t)((v >> 8) | (v << 8));
#endif
}
static uint32_t qfi__be32(uint32_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return v;
#else
    return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
#endif
}
static uint64_t qfi__be64(uint64_t v) { return ((uint64_t)qfi__be32((uint32_t)v) << 32) | qfi__be32((uint32_t)(v >> 32)); }

struct qfi__fw_cfg_io {
    enum qfi_fw_cfg_method method;
    uintptr_t base;
    uint64_t (*to_phys)(const void *p);
};

/* The DMA descriptor QEMU reads: control, length, address, all big-endian. */
struct qfi__dma_access {
    uint32_t control;
    uint32_t length;
    uint64_t address;
};
static _Alignas(16) volatile struct qfi__dma_access qfi__dma;

#if defined(__i386__) || defined(__x86_64__)
static void qfi__outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static uint8_t qfi__inb(uint16_t port) {
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
#endif

static uint64_t qfi__identity_phys(const void *p) { return (uint64_t)(uintptr_t)p; }

static void qfi__barrier(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

/* Selects `key` (when select) and reads `len` bytes into buf from the current offset. */
static bool qfi__fw_cfg_read(const struct qfi__fw_cfg_io *io, bool select, uint16_t key, void *buf, uint32_t len) {
    uint8_t *out = (uint8_t *)buf;
    switch (io->method) {
#if defined(__i386__) || defined(__x86_64__)
    case QFI_FW_CFG_IO_PORT:
        if (select) qfi__outw((uint16_t)io->base, key);
        for (uint32_t i = 0; i < len; i++) out[i] = qfi__inb((uint16_t)(io->base + 1));
        return true;
#endif
    case QFI_FW_CFG_MMIO:
        if (select) *(volatile uint16_t *)(io->base + 8) = qfi__be16(key);
        for (uint32_t i = 0; i < len; i++) out[i] = *(volatile uint8_t *)io->base;
        return true;
    case QFI_FW_CFG_DMA: {
        uint32_t control = QFI__DMA_READ | (select ? QFI__DMA_SELECT | ((uint32_t)key << 16) : 0);
        qfi__dma.control = qfi__be32(control);
        qfi__dma.length = qfi__be32(len);
        qfi__dma.address = qfi__be64(io->to_phys(buf));
        qfi__barrier();
        uint64_t desc = io->to_phys((const void *)&qfi__dma);
        /* The write to the low half (offset 4) starts the transfer: high half first. */
        *(volatile uint32_t *)(io->base + 16) = qfi__be32((uint32_t)(desc >> 32));
        *(volatile uint32_t *)(io->base + 20) = qfi__be32((uint32_t)desc);
        uint32_t c;
        do {
            qfi__barrier();
            c = qfi__be32(qfi__dma.control);
        } while ((c & ~QFI__DMA_ERROR) != 0);
        return (c & QFI__DMA_ERROR) == 0;
    }
    default:
        return false;
    }
}

/* Finds a file in the fw_cfg directory; false when it is not there. */
static bool qfi__fw_cfg_find(const struct qfi__fw_cfg_io *io, const char *name, uint16_t *key, uint32_t *size, bool *io_error) {
    uint8_t be[4];
    *io_error = !qfi__fw_cfg_read(io, true, QFI__FW_CFG_FILE_DIR, be, 4);
    if (*io_error) return false;
    uint32_t count = ((uint32_t)be[0] << 24) | ((uint32_t)be[1] << 16) | ((uint32_t)be[2] << 8) | be[3];
    size_t name_len = qfi__strlen(name);
    for (uint32_t k = 0; k < count; k++) {
        uint8_t entry[64]; /* size (be32), select (be16), reserved, name[56] */
        *io_error = !qfi__fw_cfg_read(io, false, 0, entry, sizeof entry);
        if (*io_error) return false;
        entry[63] = 0;
        if (name_len < 56 && qfi__name_eq((const char *)entry + 8, name, name_len)) {
            *size = ((uint32_t)entry[0] << 24) | ((uint32_t)entry[1] << 16) | ((uint32_t)entry[2] << 8) | entry[3];
            *key = (uint16_t)((entry[4] << 8) | entry[5]);
            return true;
        }
    }
    return false;
}

static char qfi__text[QFI_MAX_RULES_TEXT];

static int qfi__fw_cfg_error(int status, const char *what, const char *name) {
    struct qfi__msg m = qfi__error_begin(status, 0, 0);
    qfi__msg_str(&m, what);
    if (name != NULL) {
        qfi__msg_str(&m, name);
    }
    qfi__error_print(NULL);
    return status;
}

int qfi_init_fw_cfg(const struct qfi_fw_cfg *cfg) {
    static const struct qfi_fw_cfg defaults = {QFI_FW_CFG_AUTO, 0, NULL, NULL, NULL, false};
    if (cfg == NULL) cfg = &defaults;
    const char *rules_name = cfg->rules_name != NULL ? cfg->rules_name : QFI_FW_CFG_RULES;
    const char *seed_name = cfg->seed_name != NULL ? cfg->seed_name : QFI_FW_CFG_SEED;
    struct qfi__fw_cfg_io io = {QFI_FW_CFG_NONE, cfg->base, cfg->to_phys != NULL ? cfg->to_phys : qfi__identity_phys};
    enum qfi_fw_cfg_kind kind = cfg->kind;
#if defined(__i386__) || defined(__x86_64__)
    if (kind == QFI_FW_CFG_AUTO) kind = QFI_FW_CFG_USE_IO_PORT;
    if (kind == QFI_FW_CFG_USE_IO_PORT && io.base == 0) io.base = QFI_FW_CFG_X86_PORT;
#elif defined(__aarch64__) || defined(__arm__)
    if (kind == QFI_FW_CFG_AUTO) kind = QFI_FW_CFG_USE_MMIO;
    if (io.base == 0) io.base = QFI_FW_CFG_AARCH64_VIRT;
#elif defined(__riscv)
    if (kind == QFI_FW_CFG_AUTO) kind = QFI_FW_CFG_USE_MMIO;
    if (io.base == 0) io.base = QFI_FW_CFG_RISCV64_VIRT;
#else
    if (kind == QFI_FW_CFG_AUTO) kind = QFI_FW_CFG_USE_MMIO;
#endif
    qfi__reset(0);
    qfi__clear_error();
    qfi__s.method = QFI_FW_CFG_NONE;
    if (io.base == 0) return qfi__fw_cfg_error(QFI_ERR_NO_FW_CFG, "qfi_init_fw_cfg: no fw_cfg base address for this architecture: set qfi_fw_cfg.base", NULL);
    if (kind == QFI_FW_CFG_USE_IO_PORT) {
#if defined(__i386__) || defined(__x86_64__)
        io.method = QFI_FW_CFG_IO_PORT;
#else
        return qfi__fw_cfg_error(QFI_ERR_NO_FW_CFG, "qfi_init_fw_cfg: I/O ports exist only on x86", NULL);
#endif
    } else {
        /* The DMA register reads as "QEMU CFG" (big-endian) when the DMA interface is there. */
        volatile uint32_t *dma_reg = (volatile uint32_t *)(io.base + 16);
        uint64_t sig = ((uint64_t)qfi__be32(dma_reg[0]) << 32) | qfi__be32(dma_reg[1]);
        io.method = sig == QFI__DMA_SIGNATURE && !cfg->no_dma ? QFI_FW_CFG_DMA : QFI_FW_CFG_MMIO;
    }
    char sig[4];
    if (!qfi__fw_cfg_read(&io, true, QFI__FW_CFG_SIGNATURE, sig, 4) || sig[0] != 'Q' || sig[1] != 'E' || sig[2] != 'M' ||
        sig[3] != 'U')
        return qfi__fw_cfg_error(QFI_ERR_NO_FW_CFG, "no QEMU fw_cfg device found (signature \"QEMU\" missing)", NULL);
    qfi__s.method = io.method;

    uint16_t key;
    uint32_t size;
    bool io_error;
    uint32_t seed = 0;
    if (qfi__fw_cfg_find(&io, seed_name, &key, &size, &io_error)) {
        char digits[16];
        uint64_t v = 0;
        size_t n = 0;
        if (size > sizeof digits || !qfi__fw_cfg_read(&io, true, key, digits, size))
            return qfi__fw_cfg_error(QFI_ERR_FW_CFG, "cannot read fw_cfg file ", seed_name);
        while (n < size && qfi__is_digit(digits[n]) && v <= 4294967295u) v = v * 10 + (uint64_t)(digits[n++] - '0');
        size_t end = n;
        while (end < size && (qfi__is_ws(digits[end]) || digits[end] == '\n' || digits[end] == '\r')) end++;
        if (n == 0 || n > 10 || end != size || v > 4294967295u)
            return qfi__fw_cfg_error(QFI_ERR_FW_CFG, "the seed is not a decimal number 0..4294967295 in fw_cfg file ", seed_name);
        seed = (uint32_t)v;
    } else if (io_error) {
        return qfi__fw_cfg_error(QFI_ERR_FW_CFG, "fw_cfg DMA error while reading the file directory", NULL);
    }

    char num[20];
    if (!qfi__fw_cfg_find(&io, rules_name, &key, &size, &io_error)) {
        if (io_error) return qfi__fw_cfg_error(QFI_ERR_FW_CFG, "fw_cfg DMA error while reading the file directory", NULL);
        qfi__reset(seed);
        qfi__outs("qfi: no fw_cfg file ");
        qfi__outs(rules_name);
        qfi__outs(": no fault rules\n");
        return QFI_OK;
    }
    if (size > QFI_MAX_RULES_TEXT) {
        struct qfi__msg m = qfi__error_begin(QFI_ERR_LIMIT, 0, 0);
        qfi__msg_str(&m, "fw_cfg file ");
        qfi__msg_str(&m, rules_name);
        qfi__msg_str(&m, " is ");
        qfi__msg_u64(&m, size);
        qfi__msg_str(&m, " bytes, more than QFI_MAX_RULES_TEXT (");
        qfi__msg_u64(&m, QFI_MAX_RULES_TEXT);
        qfi__msg_str(&m, "): define QFI_MAX_RULES_TEXT larger");
        qfi__error_print(NULL);
        return QFI_ERR_LIMIT;
    }
    if (!qfi__fw_cfg_read(&io, true, key, qfi__text, size)) return qfi__fw_cfg_error(QFI_ERR_FW_CFG, "cannot read fw_cfg file ", rules_name);
    int status = qfi_init_text(qfi__text, size, seed);
    if (status != QFI_OK) return status;
    qfi__outs("qfi: ");
    qfi__out(num, qfi__u64_dec(qfi__s.ruled, num));
    qfi__outs(" point(s) with rules from fw_cfg ");
    qfi__outs(rules_name);
    qfi__outs(io.method == QFI_FW_CFG_DMA ? " (DMA)" : io.method == QFI_FW_CFG_MMIO ? " (MMIO)" : " (I/O ports)");
    qfi__outs(", seed ");
    qfi__out(num, qfi__u64_dec(seed, num));
    qfi__outs("\n");
    return QFI_OK;
}

#endif /* QFI_FAULT_IMPLEMENTED */
#endif /* QFI_FAULT_IMPLEMENTATION */
