/*
 * The harness shared by the host tests in plugin/tests/: one TAP-style line per check; each
 * test's main() ends with the "N passed, M failed" line and exits non-zero on a failure.
 */
#ifndef QFI_TESTS_CHECK_H
#define QFI_TESTS_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int passed, failed;

static void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void check(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", passed + failed + 1);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (cond) {
        passed++;
    } else {
        failed++;
    }
}

#endif
