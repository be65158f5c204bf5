/*
 * qfi-fault rule lines: the model and the parser (plugin/README.md, "Rule lines").
 * Pure C11: no QEMU or glib headers, so it is unit-tested on the host (plugin/tests/).
 */
#ifndef QFI_RULES_H
#define QFI_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QFI_ID_MAX 32        /* id and marker names: 1..32 of [A-Za-z0-9_.-] */
#define QFI_REG_MAX 31       /* register names */
#define QFI_BYTES_MAX 256    /* write-ram payload */
#define QFI_RANGES_MAX 16    /* flip-ram-random ranges */
#define QFI_LINE_MAX 4096    /* one rule line */
#define QFI_ERR_MAX 512      /* room for an error message (callers may pass less) */

enum qfi_action {
    QFI_ACT_NONE = 0,
    QFI_ACT_FLIP_RAM,
    QFI_ACT_FLIP_RAM_RANDOM,
    QFI_ACT_FLIP_REG,
    QFI_ACT_SET_REG,
    QFI_ACT_WRITE_RAM,
    QFI_ACT_SKIP,
};

enum qfi_trigger {
    QFI_TRIG_NONE = 0,
    QFI_TRIG_INSN,   /* insn:N (absolute) or insn:+N (relative to when the rule is added) */
    QFI_TRIG_PC,     /* pc:0xADDR or pc:0xADDR#K */
    QFI_TRIG_MARKER, /* marker:NAME+insn:N */
};

enum qfi_repeat {
    QFI_REP_ONCE = 0,
    QFI_REP_EVERY, /* every:N */
    QFI_REP_RATE,  /* rate:P:N */
};

struct qfi_range {
    uint64_t start; /* inclusive */
    uint64_t end;   /* exclusive */
};

struct qfi_rule {
    char id[QFI_ID_MAX + 1];
    enum qfi_action action;

    uint64_t addr;       /* flip-ram, write-ram */
    unsigned width;      /* flip-ram: 1, 2, 4 or 8 (default 1) */
    uint64_t mask;       /* flip-ram, flip-reg, flip-ram-random (optional there) */
    bool has_mask;
    uint64_t value;      /* set-reg */
    uint8_t bytes[QFI_BYTES_MAX];
    size_t nbytes;       /* write-ram */
    char reg[QFI_REG_MAX + 1];
    struct qfi_range ranges[QFI_RANGES_MAX];
    size_t nranges;      /* flip-ram-random */

    enum qfi_trigger trigger;
    uint64_t insn;       /* insn:N, insn:+N, marker:NAME+insn:N */
    bool insn_relative;  /* insn:+N */
    uint64_t pc;         /* pc:0xADDR */
    uint64_t pc_hit;     /* pc:0xADDR#K, default 1 */
    char marker[QFI_ID_MAX + 1];

    enum qfi_repeat repeat;
    uint64_t period;     /* every:N and rate:P:N */
    unsigned rate;       /* rate:P:N, P per 1000 */
    uint64_t count;      /* 0: no limit */
    unsigned cpu;        /* default 0 */
    bool has_cpu;

    char text[QFI_LINE_MAX]; /* the line, whitespace collapsed */
};

/*
 * Parses one rule line into *out. Returns 0, or -1 with a message in err naming the
 * offending text (err may be NULL). Blank and comment lines are errors here: the caller
 * skips them (qfi_rule_is_blank).
 */
int qfi_rule_parse(const char *line, struct qfi_rule *out, char *err, size_t errlen);

/* True for an empty line, a line of spaces, or one whose first non-space character is '#'. */
bool qfi_rule_is_blank(const char *line);

/* "flip-ram", "set-reg"... or "?" */
const char *qfi_action_name(enum qfi_action a);

/* Number parsers shared with the argument parser; 0 on success, -1 on a bad number. */
int qfi_parse_dec(const char *s, size_t len, uint64_t *out);  /* [0-9]+, no sign, no overflow */
int qfi_parse_hex(const char *s, size_t len, uint64_t *out);  /* 0x + 1..16 hex digits */

/* True when s (len bytes) is 1..32 of [A-Za-z0-9_.-]. */
bool qfi_valid_name(const char *s, size_t len);

#endif
