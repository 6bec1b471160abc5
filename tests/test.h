/* test.h -- a minimal unit-test harness.
 *
 * Each tests/test_*.c is its own program: it calls RUN(fn) for every test
 * function and ends with TEST_END(), which prints "N passed, N failed" and
 * returns non-zero on any failure.  A test function fails if any CHECK in it
 * fails; every failing CHECK prints file:line and the expression. */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H

#include <stdio.h>
#include <string.h>

static int t_passed, t_failed, t_cur_failed;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            t_cur_failed = 1;                                                \
        }                                                                    \
    } while (0)

#define CHECK_INT(a, b)                                                            \
    do {                                                                           \
        long long t_a = (long long)(a), t_b = (long long)(b);                      \
        if (t_a != t_b) {                                                          \
            fprintf(stderr, "  FAIL %s:%d: %s == %lld, expected %lld\n", __FILE__, \
                    __LINE__, #a, t_a, t_b);                                       \
            t_cur_failed = 1;                                                      \
        }                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                     \
    do {                                                                                    \
        const char *t_a = (a), *t_b = (b);                                                  \
        if (!t_a || !t_b || strcmp(t_a, t_b) != 0) {                                        \
            fprintf(stderr, "  FAIL %s:%d: %s\n    got      \"%s\"\n    expected \"%s\"\n", \
                    __FILE__, __LINE__, #a, t_a ? t_a : "(null)", t_b ? t_b : "(null)");     \
            t_cur_failed = 1;                                                               \
        }                                                                                   \
    } while (0)

#define RUN(fn)                                                  \
    do {                                                         \
        t_cur_failed = 0;                                        \
        fn();                                                    \
        if (t_cur_failed) {                                      \
            t_failed++;                                          \
            fprintf(stderr, "FAIL %s (%s)\n", #fn, __FILE__);    \
        } else {                                                 \
            t_passed++;                                          \
        }                                                        \
    } while (0)

#define TEST_END()                                                   \
    do {                                                             \
        printf("%d passed, %d failed\n", t_passed, t_failed);        \
        return t_failed ? 1 : 0;                                     \
    } while (0)

#endif
