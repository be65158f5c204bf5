/*
 * The little JSON qfi-fault needs: a reader for flat objects (control requests) and a
 * growable string buffer that writes escaped JSON strings (replies, the injection log).
 * Pure C11, unit-tested on the host (plugin/tests/).
 */
#ifndef QFI_JSONMINI_H
#define QFI_JSONMINI_H

#include <stdbool.h>
#include <stddef.h>

struct qfi_buf {
    char *p;     /* NUL-terminated once anything was added; NULL before */
    size_t len;
    size_t cap;
    bool oom;    /* an allocation failed: contents are incomplete */
};

void qfi_buf_init(struct qfi_buf *b);
void qfi_buf_free(struct qfi_buf *b);
void qfi_buf_add(struct qfi_buf *b, const char *s, size_t n);
void qfi_buf_puts(struct qfi_buf *b, const char *s);
void qfi_buf_printf(struct qfi_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a quoted JSON string. */
void qfi_buf_json_str(struct qfi_buf *b, const char *s);
/* Returns the string (never NULL: "" when empty) and hands ownership to the caller (free()). */
char *qfi_buf_take(struct qfi_buf *b);

enum qfi_json_type {
    QFI_JSON_STRING,
    QFI_JSON_NUMBER,
    QFI_JSON_BOOL,
    QFI_JSON_NULL,
};

#define QFI_JSON_FIELDS_MAX 16

struct qfi_json_field {
    char *key;
    enum qfi_json_type type;
    char *str;   /* STRING: the decoded text; NUMBER: the number as written */
    bool b;      /* BOOL */
};

struct qfi_json_obj {
    struct qfi_json_field f[QFI_JSON_FIELDS_MAX];
    size_t n;
};

/*
 * Parses one JSON object whose values are strings, numbers, booleans or null (nested
 * objects and arrays are refused). Surrounding whitespace is allowed, nothing else.
 * Returns 0, or -1 with a message in err; *o is always safe to free afterwards.
 */
int qfi_json_parse_object(const char *s, size_t len, struct qfi_json_obj *o, char *err,
                          size_t errlen);
void qfi_json_obj_free(struct qfi_json_obj *o);
const struct qfi_json_field *qfi_json_get(const struct qfi_json_obj *o, const char *key);

#endif
