/*
 * Host unit tests for plugin/jsonmini.c: one line per check ("ok"/"not ok"), then
 * "N passed, M failed". Build: cc -std=c11 -Wall -Wextra -Werror -Iplugin
 * plugin/tests/test-json.c plugin/jsonmini.c
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonmini.h"
#include "check.h"


static struct qfi_json_obj obj;
static char err[200];

static int parse(const char *s)
{
    qfi_json_obj_free(&obj);
    return qfi_json_parse_object(s, strlen(s), &obj, err, sizeof(err));
}

static const char *str(const char *key)
{
    const struct qfi_json_field *f = qfi_json_get(&obj, key);
    return f && f->type == QFI_JSON_STRING ? f->str : NULL;
}

static void bad(const char *s, const char *want)
{
    int rc = parse(s);
    check(rc == -1 && strstr(err, want) != NULL, "refuses %.40s with \"%s\" (got \"%s\")", s, want,
          rc == 0 ? "(parsed)" : err);
}

static void test_reader(void)
{
    const struct qfi_json_field *f;

    check(parse("{\"cmd\":\"add\",\"rule\":\"id=r9 action=skip trigger=insn:1\"}") == 0 &&
              obj.n == 2 && strcmp(str("cmd"), "add") == 0 &&
              strcmp(str("rule"), "id=r9 action=skip trigger=insn:1") == 0,
          "two string fields");
    check(parse(" \t\r\n{ \"cmd\" : \"list\" } \n") == 0 && strcmp(str("cmd"), "list") == 0,
          "whitespace around everything");
    check(parse("{}") == 0 && obj.n == 0, "empty object");
    check(parse("{\"a\":1,\"b\":-2.5e+3,\"c\":0,\"d\":true,\"e\":false,\"f\":null}") == 0 &&
              obj.n == 6,
          "numbers, booleans, null");
    f = qfi_json_get(&obj, "b");
    check(f && f->type == QFI_JSON_NUMBER && strcmp(f->str, "-2.5e+3") == 0, "number kept as text");
    f = qfi_json_get(&obj, "d");
    check(f && f->type == QFI_JSON_BOOL && f->b, "true");
    f = qfi_json_get(&obj, "e");
    check(f && f->type == QFI_JSON_BOOL && !f->b, "false");
    f = qfi_json_get(&obj, "f");
    check(f && f->type == QFI_JSON_NULL, "null");
    check(qfi_json_get(&obj, "zz") == NULL, "missing key");
    check(parse("{\"s\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"}") == 0 &&
              strcmp(str("s"), "q\" b\\ s/ \b\f\n\r\t") == 0,
          "escapes");
    check(parse("{\"s\":\"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\"}") == 0 &&
              strcmp(str("s"), "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") == 0,
          "\\u escapes and a surrogate pair to UTF-8");
    check(parse("{\"s\":\"caf\xc3\xa9\"}") == 0 && strcmp(str("s"), "caf\xc3\xa9") == 0,
          "raw UTF-8 passes through");
    bad("", "expected a JSON object");
    bad("[1,2]", "expected a JSON object");
    bad("\"cmd\"", "expected a JSON object");
    bad("not json", "expected a JSON object");
    bad("{\"cmd\":\"add\"", "expected ',' or '}'");
    bad("{\"cmd\":", "missing value");
    bad("{\"cmd\"}", "expected ':'");
    bad("{cmd:\"x\"}", "expected a string");
    bad("{\"cmd\":\"x\",}", "expected a string");
    bad("{\"cmd\":\"x\"} extra", "unexpected text after the object");
    bad("{\"cmd\":\"x\"}{}", "unexpected text");
    bad("{\"a\":{\"b\":1}}", "nested values are not supported");
    bad("{\"a\":[1]}", "nested values are not supported");
    bad("{\"a\":1,\"a\":2}", "duplicate key \"a\"");
    bad("{\"a\":tru}", "bad value");
    bad("{\"a\":01}", "expected ',' or '}'");
    bad("{\"a\":1.}", "bad number");
    bad("{\"a\":1e}", "bad number");
    bad("{\"a\":-}", "bad number");
    bad("{\"a\":\"x}", "unterminated string");
    bad("{\"a\":\"x\\", "unterminated string");
    bad("{\"a\":\"\\x\"}", "bad escape \\x");
    bad("{\"a\":\"\\u12\"}", "bad \\u escape");
    bad("{\"a\":\"\\u12", "truncated \\u escape");
    bad("{\"a\":\"\\u0000\"}", "\\u0000 is not allowed");
    bad("{\"a\":\"\\ud800\"}", "unpaired surrogate");
    bad("{\"a\":\"\\ud800\\u0041\"}", "unpaired surrogate");
    bad("{\"a\":\"\\udc00\"}", "unpaired surrogate");
    bad("{\"a\":\"tab\there\"}", "control character in string");
    qfi_json_obj_free(&obj);
    check(qfi_json_parse_object("{\"a\":\"x\0y\"}", 10, &obj, err, sizeof(err)) == -1 &&
              strstr(err, "NUL byte") != NULL,
          "refuses a NUL byte");
    qfi_json_obj_free(&obj);
    {
        char many[400] = "{";
        for (int i = 0; i < 17; i++) {
            char one[16];
            snprintf(one, sizeof(one), "%s\"k%d\":%d", i ? "," : "", i, i);
            strcat(many, one);
        }
        strcat(many, "}");
        bad(many, "more than 16 keys");
        many[strlen(many) - 1] = '\0';
        *strrchr(many, ',') = '}';
        *(strrchr(many, '}') + 1) = '\0';
        check(parse(many) == 0 && obj.n == 16, "16 keys");
    }
    qfi_json_obj_free(&obj);
}

static void test_writer(void)
{
    struct qfi_buf b;
    char *s;
    char big[600];

    qfi_buf_init(&b);
    s = qfi_buf_take(&b);
    check(s && strcmp(s, "") == 0, "an empty buffer gives \"\"");
    free(s);

    qfi_buf_init(&b);
    qfi_buf_json_str(&b, "a\"b\\c\nd\re\tf\x01g\x7fh\xc3\xa9");
    check(strcmp(b.p, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007fh\xc3\xa9\"") == 0,
          "JSON string escaping");
    qfi_buf_free(&b);

    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{");
    qfi_buf_printf(&b, "\"n\":%d,\"h\":\"0x%02x\"", 42, 7);
    qfi_buf_puts(&b, "}");
    s = qfi_buf_take(&b);
    check(strcmp(s, "{\"n\":42,\"h\":\"0x07\"}") == 0 && b.p == NULL, "printf and take");
    free(s);

    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    qfi_buf_init(&b);
    qfi_buf_printf(&b, "<%s>", big);
    check(b.len == sizeof(big) + 1 && b.p[0] == '<' && b.p[b.len - 1] == '>' && !b.oom,
          "printf longer than its first try");
    for (int i = 0; i < 100; i++) {
        qfi_buf_puts(&b, big);
    }
    check(b.len == sizeof(big) + 1 + 100 * (sizeof(big) - 1) && b.p[b.len] == '\0',
          "grows to 60 KB");
    qfi_buf_free(&b);

    /* A reply written by the writer reads back with the reader. */
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"error\":");
    qfi_buf_json_str(&b, "bad \"x\"\n\ttab");
    qfi_buf_puts(&b, "}");
    check(parse(b.p) == 0 && strcmp(str("error"), "bad \"x\"\n\ttab") == 0, "round trip");
    qfi_buf_free(&b);
    qfi_json_obj_free(&obj);
}

int main(void)
{
    test_reader();
    test_writer();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
