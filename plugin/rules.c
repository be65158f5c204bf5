/*
 * qfi-fault rule lines: the parser (plugin/README.md, "Rule lines").
 */
#include "rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum key {
    K_ID, K_ACTION, K_ADDR, K_WIDTH, K_MASK, K_VALUE, K_BYTES, K_REG, K_RANGES,
    K_TRIGGER, K_REPEAT, K_COUNT, K_CPU, K_N
};

static const char *const key_names[K_N] = {
    "id", "action", "addr", "width", "mask", "value", "bytes", "reg", "ranges",
    "trigger", "repeat", "count", "cpu",
};

static const char *const action_names[] = {
    [QFI_ACT_NONE] = "?",
    [QFI_ACT_FLIP_RAM] = "flip-ram",
    [QFI_ACT_FLIP_RAM_RANDOM] = "flip-ram-random",
    [QFI_ACT_FLIP_REG] = "flip-reg",
    [QFI_ACT_SET_REG] = "set-reg",
    [QFI_ACT_WRITE_RAM] = "write-ram",
    [QFI_ACT_SKIP] = "skip",
};

/* Which action-specific keys each action takes: required (R) or optional (O). */
#define R 2
#define O 1
static const unsigned char action_keys[][K_N] = {
    [QFI_ACT_FLIP_RAM] = { [K_ADDR] = R, [K_MASK] = R, [K_WIDTH] = O },
    [QFI_ACT_FLIP_RAM_RANDOM] = { [K_RANGES] = R, [K_MASK] = O },
    [QFI_ACT_FLIP_REG] = { [K_REG] = R, [K_MASK] = R },
    [QFI_ACT_SET_REG] = { [K_REG] = R, [K_VALUE] = R },
    [QFI_ACT_WRITE_RAM] = { [K_ADDR] = R, [K_BYTES] = R },
    [QFI_ACT_SKIP] = { 0 },
};
#undef R
#undef O

const char *qfi_action_name(enum qfi_action a)
{
    if ((size_t)a < sizeof(action_names) / sizeof(action_names[0]) && action_names[a]) {
        return action_names[a];
    }
    return "?";
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    if (!err || errlen == 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int qfi_parse_dec(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;

    if (len == 0) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) {
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

int qfi_parse_hex(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;

    if (len < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || len - 2 > 16) {
        return -1;
    }
    for (size_t i = 2; i < len; i++) {
        int d = hexval(s[i]);
        if (d < 0) {
            return -1;
        }
        v = (v << 4) | (uint64_t)d;
    }
    *out = v;
    return 0;
}

bool qfi_valid_name(const char *s, size_t len)
{
    if (len < 1 || len > QFI_ID_MAX) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool qfi_rule_is_blank(const char *line)
{
    while (*line && is_space(*line)) {
        line++;
    }
    return *line == '\0' || *line == '#';
}

/* A slice of the line. */
struct span {
    const char *p;
    size_t n;
};

static bool span_eq(struct span s, const char *lit)
{
    size_t n = strlen(lit);
    return s.n == n && memcmp(s.p, lit, n) == 0;
}

static bool span_starts(struct span s, const char *lit)
{
    size_t n = strlen(lit);
    return s.n >= n && memcmp(s.p, lit, n) == 0;
}

static struct span span_from(struct span s, size_t off)
{
    struct span r = { s.p + off, s.n - off };
    return r;
}

/* Finds c in s; returns its index or -1. */
static long span_find(struct span s, char c)
{
    const char *q = memchr(s.p, c, s.n);
    return q ? (long)(q - s.p) : -1;
}

/* Printable form of a span for messages (truncated to fit). */
#define SHOW(s) (int)((s).n > 200 ? 200 : (s).n), (s).p

static int parse_trigger(struct span v, struct qfi_rule *r, char *err, size_t errlen)
{
    static const char hint[] =
        "expected insn:N, insn:+N, pc:0xADDR, pc:0xADDR#K or marker:NAME+insn:N";

    if (span_starts(v, "insn:")) {
        struct span n = span_from(v, 5);
        r->trigger = QFI_TRIG_INSN;
        if (n.n > 0 && n.p[0] == '+') {
            r->insn_relative = true;
            n = span_from(n, 1);
            if (qfi_parse_dec(n.p, n.n, &r->insn) < 0) {
                set_err(err, errlen, "bad trigger \"%.*s\": N must be a decimal number", SHOW(v));
                return -1;
            }
            return 0;
        }
        if (qfi_parse_dec(n.p, n.n, &r->insn) < 0 || r->insn == 0) {
            set_err(err, errlen, "bad trigger \"%.*s\": N must be a decimal number >= 1", SHOW(v));
            return -1;
        }
        return 0;
    }
    if (span_starts(v, "pc:")) {
        struct span a = span_from(v, 3);
        long hash = span_find(a, '#');
        r->trigger = QFI_TRIG_PC;
        r->pc_hit = 1;
        if (hash >= 0) {
            struct span k = span_from(a, (size_t)hash + 1);
            if (qfi_parse_dec(k.p, k.n, &r->pc_hit) < 0 || r->pc_hit == 0) {
                set_err(err, errlen, "bad trigger \"%.*s\": K in #K must be a decimal number >= 1",
                        SHOW(v));
                return -1;
            }
            a.n = (size_t)hash;
        }
        if (qfi_parse_hex(a.p, a.n, &r->pc) < 0) {
            set_err(err, errlen, "bad trigger \"%.*s\": the address must be hex 0x...", SHOW(v));
            return -1;
        }
        return 0;
    }
    if (span_starts(v, "marker:")) {
        struct span m = span_from(v, 7);
        long plus = span_find(m, '+');
        r->trigger = QFI_TRIG_MARKER;
        if (plus < 0) {
            set_err(err, errlen, "bad trigger \"%.*s\": %s", SHOW(v), hint);
            return -1;
        }
        struct span name = { m.p, (size_t)plus };
        struct span rest = span_from(m, (size_t)plus + 1);
        if (!qfi_valid_name(name.p, name.n)) {
            set_err(err, errlen,
                    "bad trigger \"%.*s\": the marker name must be 1-32 of [A-Za-z0-9_.-]",
                    SHOW(v));
            return -1;
        }
        if (!span_starts(rest, "insn:")) {
            set_err(err, errlen, "bad trigger \"%.*s\": %s", SHOW(v), hint);
            return -1;
        }
        rest = span_from(rest, 5);
        if (qfi_parse_dec(rest.p, rest.n, &r->insn) < 0) {
            set_err(err, errlen, "bad trigger \"%.*s\": N must be a decimal number", SHOW(v));
            return -1;
        }
        memcpy(r->marker, name.p, name.n);
        r->marker[name.n] = '\0';
        r->insn_relative = true;
        return 0;
    }
    set_err(err, errlen, "bad trigger \"%.*s\": %s", SHOW(v), hint);
    return -1;
}

static int parse_repeat(struct span v, struct qfi_rule *r, char *err, size_t errlen)
{
    if (span_eq(v, "once")) {
        r->repeat = QFI_REP_ONCE;
        return 0;
    }
    if (span_starts(v, "every:")) {
        struct span n = span_from(v, 6);
        if (qfi_parse_dec(n.p, n.n, &r->period) < 0 || r->period == 0) {
            set_err(err, errlen, "bad repeat \"%.*s\": N must be a decimal number >= 1", SHOW(v));
            return -1;
        }
        r->repeat = QFI_REP_EVERY;
        return 0;
    }
    if (span_starts(v, "rate:")) {
        struct span pn = span_from(v, 5);
        long colon = span_find(pn, ':');
        uint64_t p;
        if (colon < 0) {
            set_err(err, errlen, "bad repeat \"%.*s\": expected rate:P:N", SHOW(v));
            return -1;
        }
        struct span n = span_from(pn, (size_t)colon + 1);
        if (qfi_parse_dec(pn.p, (size_t)colon, &p) < 0 || p > 1000) {
            set_err(err, errlen, "bad repeat \"%.*s\": P must be a decimal number from 0 to 1000",
                    SHOW(v));
            return -1;
        }
        if (qfi_parse_dec(n.p, n.n, &r->period) < 0 || r->period == 0) {
            set_err(err, errlen, "bad repeat \"%.*s\": N must be a decimal number >= 1", SHOW(v));
            return -1;
        }
        r->rate = (unsigned)p;
        r->repeat = QFI_REP_RATE;
        return 0;
    }
    set_err(err, errlen, "bad repeat \"%.*s\": expected once, every:N or rate:P:N", SHOW(v));
    return -1;
}

static int parse_ranges(struct span v, struct qfi_rule *r, char *err, size_t errlen)
{
    size_t i = 0;

    r->nranges = 0;
    while (i <= v.n) {
        size_t j = i;
        while (j < v.n && v.p[j] != ';') {
            j++;
        }
        struct span one = { v.p + i, j - i };
        long dash = span_find(one, '-');
        struct qfi_range rg;
        if (dash < 0 || qfi_parse_hex(one.p, (size_t)dash, &rg.start) < 0 ||
            qfi_parse_hex(one.p + dash + 1, one.n - (size_t)dash - 1, &rg.end) < 0) {
            set_err(err, errlen, "bad ranges \"%.*s\": \"%.*s\" is not 0xSTART-0xEND", SHOW(v),
                    SHOW(one));
            return -1;
        }
        if (rg.start >= rg.end) {
            set_err(err, errlen, "bad ranges \"%.*s\": \"%.*s\" is empty (END is exclusive)",
                    SHOW(v), SHOW(one));
            return -1;
        }
        if (r->nranges == QFI_RANGES_MAX) {
            set_err(err, errlen, "bad ranges \"%.*s\": more than %d ranges", SHOW(v),
                    QFI_RANGES_MAX);
            return -1;
        }
        r->ranges[r->nranges++] = rg;
        i = j + 1;
    }
    return 0;
}

static int parse_value(enum key k, struct span v, struct qfi_rule *r, char *err, size_t errlen)
{
    uint64_t n;

    switch (k) {
    case K_ID:
        if (!qfi_valid_name(v.p, v.n)) {
            set_err(err, errlen, "bad id \"%.*s\": expected 1-32 of [A-Za-z0-9_.-]", SHOW(v));
            return -1;
        }
        memcpy(r->id, v.p, v.n);
        r->id[v.n] = '\0';
        return 0;
    case K_ACTION:
        for (size_t a = 1; a < sizeof(action_names) / sizeof(action_names[0]); a++) {
            if (span_eq(v, action_names[a])) {
                r->action = (enum qfi_action)a;
                return 0;
            }
        }
        set_err(err, errlen,
                "unknown action \"%.*s\": expected flip-ram, flip-ram-random, flip-reg, set-reg, "
                "write-ram or skip",
                SHOW(v));
        return -1;
    case K_ADDR:
        if (qfi_parse_hex(v.p, v.n, &r->addr) < 0) {
            set_err(err, errlen, "bad addr \"%.*s\": expected hex 0x... (up to 16 digits)",
                    SHOW(v));
            return -1;
        }
        return 0;
    case K_WIDTH:
        if (qfi_parse_dec(v.p, v.n, &n) < 0 || (n != 1 && n != 2 && n != 4 && n != 8)) {
            set_err(err, errlen, "bad width \"%.*s\": expected 1, 2, 4 or 8", SHOW(v));
            return -1;
        }
        r->width = (unsigned)n;
        return 0;
    case K_MASK:
        if (qfi_parse_hex(v.p, v.n, &r->mask) < 0) {
            set_err(err, errlen, "bad mask \"%.*s\": expected hex 0x... (up to 16 digits)",
                    SHOW(v));
            return -1;
        }
        if (r->mask == 0) {
            set_err(err, errlen, "bad mask \"%.*s\": a zero mask changes nothing", SHOW(v));
            return -1;
        }
        r->has_mask = true;
        return 0;
    case K_VALUE:
        if (qfi_parse_hex(v.p, v.n, &r->value) < 0) {
            set_err(err, errlen, "bad value \"%.*s\": expected hex 0x... (up to 16 digits)",
                    SHOW(v));
            return -1;
        }
        return 0;
    case K_BYTES:
        if (v.n % 2 != 0 || v.n / 2 > QFI_BYTES_MAX) {
            set_err(err, errlen,
                    "bad bytes \"%.*s\": expected an even number of hex digits, at most %d bytes",
                    SHOW(v), QFI_BYTES_MAX);
            return -1;
        }
        for (size_t i = 0; i < v.n; i += 2) {
            int hi = hexval(v.p[i]), lo = hexval(v.p[i + 1]);
            if (hi < 0 || lo < 0) {
                set_err(err, errlen, "bad bytes \"%.*s\": expected hex digits like deadbeef",
                        SHOW(v));
                return -1;
            }
            r->bytes[i / 2] = (uint8_t)(hi << 4 | lo);
        }
        r->nbytes = v.n / 2;
        return 0;
    case K_REG:
        if (v.n > QFI_REG_MAX) {
            set_err(err, errlen, "bad reg \"%.*s\": longer than %d characters", SHOW(v),
                    QFI_REG_MAX);
            return -1;
        }
        for (size_t i = 0; i < v.n; i++) {
            char c = v.p[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.')) {
                set_err(err, errlen, "bad reg \"%.*s\": expected a register name like rax or x0",
                        SHOW(v));
                return -1;
            }
        }
        memcpy(r->reg, v.p, v.n);
        r->reg[v.n] = '\0';
        return 0;
    case K_RANGES:
        return parse_ranges(v, r, err, errlen);
    case K_TRIGGER:
        return parse_trigger(v, r, err, errlen);
    case K_REPEAT:
        return parse_repeat(v, r, err, errlen);
    case K_COUNT:
        if (qfi_parse_dec(v.p, v.n, &r->count) < 0 || r->count == 0) {
            set_err(err, errlen, "bad count \"%.*s\": expected a decimal number >= 1", SHOW(v));
            return -1;
        }
        return 0;
    case K_CPU:
        if (qfi_parse_dec(v.p, v.n, &n) < 0 || n > 4095) {
            set_err(err, errlen, "bad cpu \"%.*s\": expected a vCPU index from 0 to 4095",
                    SHOW(v));
            return -1;
        }
        r->cpu = (unsigned)n;
        r->has_cpu = true;
        return 0;
    case K_N:
        break;
    }
    set_err(err, errlen, "internal error");
    return -1;
}

int qfi_rule_parse(const char *line, struct qfi_rule *out, char *err, size_t errlen)
{
    struct span vals[K_N];
    bool seen[K_N] = { false };
    size_t len = strlen(line);
    size_t tlen = 0;
    size_t i = 0;

    memset(out, 0, sizeof(*out));
    if (err && errlen) {
        err[0] = '\0';
    }
    if (len >= QFI_LINE_MAX) {
        set_err(err, errlen, "rule longer than %d characters", QFI_LINE_MAX - 1);
        return -1;
    }

    /* Split into key=value tokens; keep the line with its spaces collapsed. */
    while (i < len) {
        while (i < len && is_space(line[i])) {
            i++;
        }
        if (i == len) {
            break;
        }
        size_t start = i;
        while (i < len && !is_space(line[i])) {
            i++;
        }
        struct span tok = { line + start, i - start };
        long eq = span_find(tok, '=');
        if (eq <= 0) {
            set_err(err, errlen, "bad token \"%.*s\": expected key=value", SHOW(tok));
            return -1;
        }
        struct span key = { tok.p, (size_t)eq };
        struct span val = span_from(tok, (size_t)eq + 1);
        int k;
        for (k = 0; k < K_N; k++) {
            if (span_eq(key, key_names[k])) {
                break;
            }
        }
        if (k == K_N) {
            set_err(err, errlen,
                    "unknown key \"%.*s\" in \"%.*s\": expected id, action, addr, width, mask, "
                    "value, bytes, reg, ranges, trigger, repeat, count or cpu",
                    SHOW(key), SHOW(tok));
            return -1;
        }
        if (seen[k]) {
            set_err(err, errlen, "duplicate key \"%s\" in \"%.*s\"", key_names[k], SHOW(tok));
            return -1;
        }
        if (val.n == 0) {
            set_err(err, errlen, "empty value for key \"%s\"", key_names[k]);
            return -1;
        }
        seen[k] = true;
        vals[k] = val;
        if (tlen) {
            out->text[tlen++] = ' ';
        }
        memcpy(out->text + tlen, tok.p, tok.n);
        tlen += tok.n;
    }
    out->text[tlen] = '\0';
    if (tlen == 0) {
        set_err(err, errlen, "empty rule");
        return -1;
    }

    /* Parse values in a fixed order so messages do not depend on token order. */
    for (int k = 0; k < K_N; k++) {
        if (seen[k] && parse_value((enum key)k, vals[k], out, err, errlen) < 0) {
            return -1;
        }
    }
    if (!seen[K_ID]) {
        set_err(err, errlen, "missing id=");
        return -1;
    }
    if (!seen[K_ACTION]) {
        set_err(err, errlen, "rule %s: missing action=", out->id);
        return -1;
    }
    if (!seen[K_TRIGGER]) {
        set_err(err, errlen, "rule %s: missing trigger=", out->id);
        return -1;
    }
    const unsigned char *want = action_keys[out->action];
    for (int k = K_ADDR; k <= K_RANGES; k++) {
        if (seen[k] && !want[k]) {
            set_err(err, errlen, "rule %s: key %s does not apply to action %s", out->id,
                    key_names[k], qfi_action_name(out->action));
            return -1;
        }
        if (!seen[k] && want[k] == 2) {
            set_err(err, errlen, "rule %s: action %s needs %s=", out->id,
                    qfi_action_name(out->action), key_names[k]);
            return -1;
        }
    }
    if (out->action == QFI_ACT_FLIP_RAM) {
        if (!seen[K_WIDTH]) {
            out->width = 1;
        }
        if (out->width < 8 && (out->mask >> (8 * out->width)) != 0) {
            set_err(err, errlen, "rule %s: mask 0x%llx does not fit width %u", out->id,
                    (unsigned long long)out->mask, out->width);
            return -1;
        }
        if (out->addr > UINT64_MAX - (out->width - 1)) {
            set_err(err, errlen, "rule %s: addr 0x%llx + width %u wraps around", out->id,
                    (unsigned long long)out->addr, out->width);
            return -1;
        }
    }
    if (out->action == QFI_ACT_FLIP_RAM_RANDOM && out->has_mask && out->mask > 0xff) {
        set_err(err, errlen, "rule %s: mask 0x%llx does not fit the one byte a random flip touches",
                out->id, (unsigned long long)out->mask);
        return -1;
    }
    if (out->action == QFI_ACT_WRITE_RAM && out->addr > UINT64_MAX - (out->nbytes - 1)) {
        set_err(err, errlen, "rule %s: addr 0x%llx + %zu bytes wraps around", out->id,
                (unsigned long long)out->addr, out->nbytes);
        return -1;
    }
    return 0;
}
