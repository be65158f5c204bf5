/*
 * Flat-object JSON reader and JSON string writer for qfi-fault.
 */
#include "jsonmini.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qfi_buf_init(struct qfi_buf *b)
{
    b->p = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

void qfi_buf_free(struct qfi_buf *b)
{
    free(b->p);
    qfi_buf_init(b);
}

static bool buf_reserve(struct qfi_buf *b, size_t extra)
{
    if (b->oom) {
        return false;
    }
    if (b->len + extra + 1 <= b->cap) {
        return true;
    }
    size_t cap = b->cap ? b->cap : 128;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void qfi_buf_add(struct qfi_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n)) {
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void qfi_buf_puts(struct qfi_buf *b, const char *s)
{
    qfi_buf_add(b, s, strlen(s));
}

void qfi_buf_printf(struct qfi_buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];

    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n < sizeof(small)) {
        qfi_buf_add(b, small, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n)) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void qfi_buf_json_str(struct qfi_buf *b, const char *s)
{
    qfi_buf_add(b, "\"", 1);
    for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
        switch (*q) {
        case '"':
            qfi_buf_add(b, "\\\"", 2);
            break;
        case '\\':
            qfi_buf_add(b, "\\\\", 2);
            break;
        case '\n':
            qfi_buf_add(b, "\\n", 2);
            break;
        case '\r':
            qfi_buf_add(b, "\\r", 2);
            break;
        case '\t':
            qfi_buf_add(b, "\\t", 2);
            break;
        default:
            if (*q < 0x20 || *q == 0x7f) {
                qfi_buf_printf(b, "\\u%04x", *q);
            } else {
                qfi_buf_add(b, (const char *)q, 1);
            }
        }
    }
    qfi_buf_add(b, "\"", 1);
}

char *qfi_buf_take(struct qfi_buf *b)
{
    char *p = b->p;
    if (!p) {
        p = malloc(1);
        if (p) {
            p[0] = '\0';
        }
    }
    qfi_buf_init(b);
    return p;
}

/* ---- reader ---- */

struct rd {
    const char *s;
    size_t n;
    size_t i;
    char *err;
    size_t errlen;
};

static int fail(struct rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct rd *r, const char *fmt, ...)
{
    if (r->err && r->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err, r->errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static void skip_ws(struct rd *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' ||
                           r->s[r->i] == '\r')) {
        r->i++;
    }
}

static int hex4(struct rd *r, unsigned *out)
{
    unsigned v = 0;
    if (r->n - r->i < 4) {
        return fail(r, "truncated \\u escape at offset %zu", r->i);
    }
    for (int k = 0; k < 4; k++) {
        char c = r->s[r->i++];
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= (unsigned)(c - 'A' + 10);
        } else {
            return fail(r, "bad \\u escape at offset %zu", r->i - 1);
        }
    }
    *out = v;
    return 0;
}

static void put_utf8(char *dst, size_t *len, unsigned cp)
{
    if (cp < 0x80) {
        dst[(*len)++] = (char)cp;
    } else if (cp < 0x800) {
        dst[(*len)++] = (char)(0xc0 | (cp >> 6));
        dst[(*len)++] = (char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        dst[(*len)++] = (char)(0xe0 | (cp >> 12));
        dst[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        dst[(*len)++] = (char)(0x80 | (cp & 0x3f));
    } else {
        dst[(*len)++] = (char)(0xf0 | (cp >> 18));
        dst[(*len)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
        dst[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        dst[(*len)++] = (char)(0x80 | (cp & 0x3f));
    }
}

/* Reads a string starting at the opening quote; *out is malloc'd. */
static int read_string(struct rd *r, char **out)
{
    size_t start = r->i;
    char *dst;
    size_t len = 0;

    *out = NULL;
    if (r->i >= r->n || r->s[r->i] != '"') {
        return fail(r, "expected a string at offset %zu", r->i);
    }
    r->i++;
    /* Decoded text is never longer than the encoded text. */
    dst = malloc(r->n - r->i + 1);
    if (!dst) {
        return fail(r, "out of memory");
    }
    for (;;) {
        if (r->i >= r->n) {
            free(dst);
            return fail(r, "unterminated string starting at offset %zu", start);
        }
        unsigned char c = (unsigned char)r->s[r->i++];
        if (c == '"') {
            break;
        }
        if (c < 0x20) {
            free(dst);
            return fail(r, "control character in string at offset %zu", r->i - 1);
        }
        if (c != '\\') {
            dst[len++] = (char)c;
            continue;
        }
        if (r->i >= r->n) {
            free(dst);
            return fail(r, "unterminated string starting at offset %zu", start);
        }
        char e = r->s[r->i++];
        unsigned cp;
        switch (e) {
        case '"':
            dst[len++] = '"';
            break;
        case '\\':
            dst[len++] = '\\';
            break;
        case '/':
            dst[len++] = '/';
            break;
        case 'b':
            dst[len++] = '\b';
            break;
        case 'f':
            dst[len++] = '\f';
            break;
        case 'n':
            dst[len++] = '\n';
            break;
        case 'r':
            dst[len++] = '\r';
            break;
        case 't':
            dst[len++] = '\t';
            break;
        case 'u':
            if (hex4(r, &cp) < 0) {
                free(dst);
                return -1;
            }
            if (cp >= 0xd800 && cp <= 0xdbff) {
                unsigned lo;
                if (r->n - r->i < 6 || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u') {
                    free(dst);
                    return fail(r, "unpaired surrogate at offset %zu", r->i);
                }
                r->i += 2;
                if (hex4(r, &lo) < 0) {
                    free(dst);
                    return -1;
                }
                if (lo < 0xdc00 || lo > 0xdfff) {
                    free(dst);
                    return fail(r, "unpaired surrogate at offset %zu", r->i);
                }
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                free(dst);
                return fail(r, "unpaired surrogate at offset %zu", r->i);
            }
            if (cp == 0) {
                free(dst);
                return fail(r, "\\u0000 is not allowed in strings");
            }
            put_utf8(dst, &len, cp);
            break;
        default:
            free(dst);
            return fail(r, "bad escape \\%c at offset %zu", e, r->i - 1);
        }
    }
    dst[len] = '\0';
    *out = dst;
    return 0;
}

static int read_number(struct rd *r, char **out)
{
    size_t start = r->i;

    *out = NULL;
    if (r->i < r->n && r->s[r->i] == '-') {
        r->i++;
    }
    if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9') {
        return fail(r, "bad number at offset %zu", start);
    }
    if (r->s[r->i] == '0') {
        r->i++;
    } else {
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9') {
            r->i++;
        }
    }
    if (r->i < r->n && r->s[r->i] == '.') {
        r->i++;
        if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9') {
            return fail(r, "bad number at offset %zu", start);
        }
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9') {
            r->i++;
        }
    }
    if (r->i < r->n && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
        r->i++;
        if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '-')) {
            r->i++;
        }
        if (r->i >= r->n || r->s[r->i] < '0' || r->s[r->i] > '9') {
            return fail(r, "bad number at offset %zu", start);
        }
        while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9') {
            r->i++;
        }
    }
    size_t len = r->i - start;
    char *p = malloc(len + 1);
    if (!p) {
        return fail(r, "out of memory");
    }
    memcpy(p, r->s + start, len);
    p[len] = '\0';
    *out = p;
    return 0;
}

static bool match_word(struct rd *r, const char *w)
{
    size_t n = strlen(w);
    if (r->n - r->i >= n && memcmp(r->s + r->i, w, n) == 0) {
        r->i += n;
        return true;
    }
    return false;
}

int qfi_json_parse_object(const char *s, size_t len, struct qfi_json_obj *o, char *err,
                          size_t errlen)
{
    struct rd r = { s, len, 0, err, errlen };

    memset(o, 0, sizeof(*o));
    if (err && errlen) {
        err[0] = '\0';
    }
    if (memchr(s, '\0', len)) {
        return fail(&r, "NUL byte in request");
    }
    skip_ws(&r);
    if (r.i >= r.n || s[r.i] != '{') {
        return fail(&r, "expected a JSON object");
    }
    r.i++;
    skip_ws(&r);
    if (r.i < r.n && s[r.i] == '}') {
        r.i++;
    } else {
        for (;;) {
            char *key;
            skip_ws(&r);
            if (read_string(&r, &key) < 0) {
                return -1;
            }
            for (size_t k = 0; k < o->n; k++) {
                if (strcmp(o->f[k].key, key) == 0) {
                    fail(&r, "duplicate key \"%.64s\"", key);
                    free(key);
                    return -1;
                }
            }
            if (o->n == QFI_JSON_FIELDS_MAX) {
                free(key);
                return fail(&r, "more than %d keys", QFI_JSON_FIELDS_MAX);
            }
            struct qfi_json_field *f = &o->f[o->n++];
            f->key = key;
            skip_ws(&r);
            if (r.i >= r.n || s[r.i] != ':') {
                return fail(&r, "expected ':' at offset %zu", r.i);
            }
            r.i++;
            skip_ws(&r);
            if (r.i >= r.n) {
                return fail(&r, "missing value for \"%.64s\"", key);
            }
            char c = s[r.i];
            if (c == '"') {
                f->type = QFI_JSON_STRING;
                if (read_string(&r, &f->str) < 0) {
                    return -1;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                f->type = QFI_JSON_NUMBER;
                if (read_number(&r, &f->str) < 0) {
                    return -1;
                }
            } else if (match_word(&r, "true")) {
                f->type = QFI_JSON_BOOL;
                f->b = true;
            } else if (match_word(&r, "false")) {
                f->type = QFI_JSON_BOOL;
                f->b = false;
            } else if (match_word(&r, "null")) {
                f->type = QFI_JSON_NULL;
            } else if (c == '{' || c == '[') {
                return fail(&r, "nested values are not supported (key \"%.64s\")", key);
            } else {
                return fail(&r, "bad value for \"%.64s\" at offset %zu", key, r.i);
            }
            skip_ws(&r);
            if (r.i < r.n && s[r.i] == ',') {
                r.i++;
                continue;
            }
            if (r.i < r.n && s[r.i] == '}') {
                r.i++;
                break;
            }
            return fail(&r, "expected ',' or '}' at offset %zu", r.i);
        }
    }
    skip_ws(&r);
    if (r.i != r.n) {
        return fail(&r, "unexpected text after the object at offset %zu", r.i);
    }
    return 0;
}

void qfi_json_obj_free(struct qfi_json_obj *o)
{
    for (size_t k = 0; k < o->n; k++) {
        free(o->f[k].key);
        free(o->f[k].str);
    }
    o->n = 0;
}

const struct qfi_json_field *qfi_json_get(const struct qfi_json_obj *o, const char *key)
{
    for (size_t k = 0; k < o->n; k++) {
        if (strcmp(o->f[k].key, key) == 0) {
            return &o->f[k];
        }
    }
    return NULL;
}
