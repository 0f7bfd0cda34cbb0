/* util: buffers, arena, vectors, errors, dates, UTF-8. */
#include <check.h>
#include <time.h>
#include <errno.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/sha256.h"
#include "util/utf8.h"
#include "util/vec.h"
#include "util/xalloc.h"
#include "harness.h"

/* A string literal and its length, NUL bytes included. */
#define S(lit) lit, sizeof(lit) - 1

/* ---- buf ---- */

START_TEST(buf_appends_and_stays_nul_terminated)
{
    struct buf b = BUF_INIT;

    buf_puts(&b, "420");
    buf_putc(&b, ' ');
    buf_append(&b, "drones!", 6);
    ck_assert_uint_eq(b.len, 10);
    ck_assert_str_eq(b.data, "420 drones");
    ck_assert_int_eq(b.data[b.len], '\0');
    buf_truncate(&b, 3);
    ck_assert_str_eq(b.data, "420");
    buf_release(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
}
END_TEST

START_TEST(buf_empty_append_gives_empty_string)
{
    struct buf b = BUF_INIT;

    buf_append(&b, "", 0);
    ck_assert_ptr_nonnull(b.data);
    ck_assert_str_eq(b.data, "");
    buf_release(&b);
}
END_TEST

START_TEST(buf_printf_grows_past_capacity)
{
    struct buf b = BUF_INIT;

    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%04d,", i);
    ck_assert_uint_eq(b.len, 5000);
    ck_assert_uint_ge(b.cap, b.len + 1);
    ck_assert_int_eq(strncmp(b.data + 4995, "0999,", 5), 0);
    ck_assert_uint_eq(strlen(b.data), b.len);
    buf_release(&b);
}
END_TEST

START_TEST(buf_detach_hands_over_bytes)
{
    struct buf b = BUF_INIT;
    size_t len = 99;
    char *p = buf_detach(&b, &len);

    ck_assert_str_eq(p, "");
    ck_assert_uint_eq(len, 0);
    free(p);
    buf_puts(&b, "km");
    p = buf_detach(&b, &len);
    ck_assert_str_eq(p, "km");
    ck_assert_uint_eq(len, 2);
    ck_assert_ptr_null(b.data);
    free(p);
}
END_TEST

START_TEST(buf_reads_whole_file)
{
    const char *path = TEST_SRCDIR "/tests/data/articles/date-same-line.txt";
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;

    buf_puts(&b, ">");
    ck_assert_msg(buf_read_file(&b, path, &e) == 0, "%s: %s", path, e.msg);
    ck_assert_msg(strncmp(b.data, "> date 2026-02-26 ", 18) == 0,
                  "%s: read '%s'", path, b.data);
    ck_assert_uint_eq(strlen(b.data), b.len);
    buf_release(&b);
}
END_TEST

/* A regular file of several reads' worth (the reader asks 64 KB at a
 * time and stops at a short read): all of it, in order. */
START_TEST(buf_reads_regular_file_whole)
{
    char path[] = "/tmp/crosscheck-buf-XXXXXX";
    int fd = mkstemp(path);
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;
    size_t sizes[] = { 0, 1, 65534, 65535, 65536, 200001 };

    ck_assert_int_ge(fd, 0);
    close(fd);
    for (size_t k = 0; k < sizeof(sizes) / sizeof(*sizes); k++) {
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        for (size_t i = 0; i < sizes[k]; i++)
            fputc('a' + (int)(i * 7 % 26), f);
        fclose(f);
        buf_truncate(&b, 0);
        ck_assert_msg(buf_read_regular(&b, path, &e) == 0, "%s", e.msg);
        ck_assert_msg(b.len == sizes[k], "%zu bytes read of %zu", b.len,
                      sizes[k]);
        for (size_t i = 0; i < sizes[k]; i++)
            ck_assert_msg(b.data[i] == 'a' + (int)(i * 7 % 26),
                          "byte %zu of %zu", i, sizes[k]);
    }
    unlink(path);
    buf_release(&b);
}
END_TEST

START_TEST(buf_read_missing_file_names_it)
{
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;

    ck_assert_int_eq(buf_read_file(&b, "no-such-file.txt", &e), -1);
    ck_assert_str_eq(e.file, "no-such-file.txt");
    ck_assert_msg(strstr(e.msg, "no such file") != NULL, "msg '%s'", e.msg);
    ck_assert_uint_eq(b.len, 0);
    buf_release(&b);
}
END_TEST

/* ---- arena and vec ---- */

START_TEST(arena_memory_is_aligned)
{
    struct arena a = ARENA_INIT;

    for (size_t size = 0; size < 3000; size += 7) {
        char *p = arena_alloc(&a, size);
        ck_assert_msg((uintptr_t)p % alignof(max_align_t) == 0,
                      "size %zu: misaligned", size);
        memset(p, 'x', size);
    }
    arena_release(&a);
    ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(arena_serves_large_and_small)
{
    struct arena a = ARENA_INIT;
    char *small = arena_strdup(&a, "drones");
    char *big = arena_alloc(&a, 1 << 20);
    char *cut = arena_strndup(&a, "kilometres", 4);

    memset(big, 'k', 1 << 20);
    ck_assert_str_eq(small, "drones");
    ck_assert_str_eq(cut, "kilo");
    ck_assert_str_eq(arena_strndup(&a, "ab", 10), "ab");
    arena_release(&a);
    ck_assert_str_eq(arena_strdup(&a, "again"), "again");
    arena_release(&a);
}
END_TEST

START_TEST(vec_push_grows)
{
    VEC(int) xs = VEC_INIT;

    for (int i = 0; i < 1000; i++)
        VEC_PUSH(&xs, i * 2);
    ck_assert_uint_eq(xs.n, 1000);
    ck_assert_int_eq(xs.v[999], 1998);
    VEC_FREE(&xs);
    ck_assert_ptr_null(xs.v);
}
END_TEST

/* ---- err ---- */

START_TEST(err_first_error_wins)
{
    struct err e = ERR_INIT;

    ck_assert(!err_is_set(&e));
    ck_assert_int_eq(err_at(&e, "a.txt", 3, 7, "bad date '%s'", "x"), -1);
    ck_assert_int_eq(err_at(&e, "b.txt", 1, 1, "later"), -1);
    ck_assert(err_is_set(&e));
    ck_assert_str_eq(e.file, "a.txt");
    ck_assert_str_eq(e.msg, "bad date 'x'");
    err_clear(&e);
    ck_assert(!err_is_set(&e));
}
END_TEST

START_TEST(err_sys_lowercases_reason)
{
    struct err e = ERR_INIT;

    err_sys(&e, "x.json", ENOENT, "cannot write");
    ck_assert_str_eq(e.msg, "cannot write: no such file or directory");
}
END_TEST

static const struct format_row {
    const char *file;
    long line, col;
    const char *want;
} format_rows[] = {
    { "a.txt", 3, 7, "a.txt:3:7: why" },
    { "a.txt", 3, 0, "a.txt:3: why" },
    { "a.txt", 0, 7, "a.txt: why" },
    { "",      0, 0, "why" },
    { "",      2, 0, "2: why" },
};

START_TEST(err_format_leaves_out_unknown_parts)
{
    const struct format_row *r = &format_rows[_i];
    struct err e = ERR_INIT;
    char out[600];

    err_at(&e, r->file, r->line, r->col, "why");
    err_format(&e, out, sizeof(out));
    ck_assert_msg(strcmp(out, r->want) == 0, "%s:%ld:%ld: got '%s'",
                  r->file, r->line, r->col, out);
}
END_TEST

/* ---- dates ---- */

static const struct date_row {
    const char *iso;
    bool real;
} date_rows[] = {
    { "2026-02-26", true },
    { "2024-02-29", true },     /* leap year */
    { "2000-02-29", true },     /* divisible by 400 */
    { "1900-02-28", true },
    { "1970-01-01", true },
    { "1969-12-31", true },
    { "1000-01-01", true },
    { "9999-12-31", true },
    { "2026-12-31", true },
    { "2026-02-30", false },
    { "2026-02-29", false },    /* not a leap year */
    { "1900-02-29", false },    /* divisible by 100 */
    { "2026-04-31", false },
    { "2026-13-01", false },
    { "2026-00-10", false },
    { "2026-01-00", false },
    { "2026-01-32", false },
    { "0999-12-31", false },
    { "2026-2-26",  false },
    { "2026/02/26", false },
    { "2026-02-2x", false },
    { "26-02-2026", false },
    { "",           false },
};

START_TEST(date_parses_only_real_days)
{
    const struct date_row *r = &date_rows[_i];
    int day = date_parse_iso(r->iso, strlen(r->iso));
    char back[11];

    ck_assert_msg((day != DATE_NONE) == r->real, "'%s': got %s", r->iso,
                  day == DATE_NONE ? "DATE_NONE" : "a day");
    if (!r->real)
        return;
    date_format(day, back);
    ck_assert_msg(strcmp(back, r->iso) == 0, "'%s': formats as '%s'",
                  r->iso, back);
}
END_TEST

START_TEST(date_days_count_from_1970)
{
    int y, m, d;

    ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
    ck_assert_int_eq(date_from_ymd(1970, 1, 2), 1);
    ck_assert_int_eq(date_from_ymd(1969, 12, 31), -1);
    ck_assert_int_eq(date_from_ymd(2026, 3, 1) - date_from_ymd(2026, 2, 28),
                     1);
    ck_assert_int_eq(date_from_ymd(2024, 3, 1) - date_from_ymd(2024, 2, 28),
                     2);
    date_to_ymd(date_from_ymd(2026, 2, 26), &y, &m, &d);
    ck_assert_int_eq(y, 2026);
    ck_assert_int_eq(m, 2);
    ck_assert_int_eq(d, 26);
    date_to_ymd(DATE_NONE, &y, &m, &d);
    ck_assert_int_eq(y, 0);
}
END_TEST

START_TEST(date_round_trips_every_day)
{
    for (int day = date_from_ymd(1000, 1, 1);
         day <= date_from_ymd(9999, 12, 31); day += 37) {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        ck_assert_msg(date_from_ymd(y, m, d) == day,
                      "day %d: %04d-%02d-%02d", day, y, m, d);
    }
}
END_TEST

/* The arithmetic agrees with the C library's calendar for every day. */
START_TEST(date_agrees_with_timegm_every_day)
{
    for (int y = 1000; y <= 9999; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= date_month_days(y, m); d++) {
                struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1,
                                 .tm_mday = d, .tm_hour = 12 };
                long long want = ((long long)timegm(&tm) - 43200) / 86400;
                int day = date_from_ymd(y, m, d);
                if (day != want)
                    ck_abort_msg("%04d-%02d-%02d: %d, timegm says %lld",
                                 y, m, d, day, want);
                time_t t = (time_t)day * 86400 + 43200;
                struct tm back;
                int yy, mm, dd;
                gmtime_r(&t, &back);
                date_to_ymd(day, &yy, &mm, &dd);
                if (yy != back.tm_year + 1900 || mm != back.tm_mon + 1 ||
                    dd != back.tm_mday)
                    ck_abort_msg("day %d: %04d-%02d-%02d, gmtime_r says"
                                 " %04d-%02d-%02d", day, yy, mm, dd,
                                 back.tm_year + 1900, back.tm_mon + 1,
                                 back.tm_mday);
            }
}
END_TEST

START_TEST(date_knows_weekdays_and_month_lengths)
{
    ck_assert_int_eq(date_weekday(date_from_ymd(1970, 1, 1)), 4);
    ck_assert_int_eq(date_weekday(date_from_ymd(2026, 2, 26)), 4);
    ck_assert_int_eq(date_weekday(date_from_ymd(2000, 1, 1)), 6);
    ck_assert_int_eq(date_weekday(date_from_ymd(1969, 12, 28)), 0);
    ck_assert_int_eq(date_month_days(2024, 2), 29);
    ck_assert_int_eq(date_month_days(2026, 2), 28);
    ck_assert_int_eq(date_month_days(2100, 2), 28);
    ck_assert_int_eq(date_month_days(2026, 4), 30);
    ck_assert_int_eq(date_month_days(2026, 13), 0);
}
END_TEST

/* ---- UTF-8 ---- */

static const struct utf8_row {
    const char *name;
    const char *s;
    size_t len;
    size_t bad_at;
} utf8_rows[] = {
    { "ascii",              S("420 drones"),           10 },
    { "e acute",            S("caf\xc3\xa9"),           5 },
    { "euro sign",          S("\xe2\x82\xac" "5"),      4 },
    { "emoji",              S("\xf0\x9f\x98\x80"),      4 },
    { "U+10FFFF",           S("\xf4\x8f\xbf\xbf"),      4 },
    { "nul is valid",       S("a\0b"),                  3 },
    { "lone continuation",  S("ab\x80"),                2 },
    { "byte ff",            S("\xff"),                  0 },
    { "overlong slash",     S("\xc0\xaf"),              0 },
    { "overlong c1",        S("\xc1\xbf"),              0 },
    { "overlong 3 bytes",   S("ab\xe0\x80\xaf"),        2 },
    { "overlong 4 bytes",   S("\xf0\x8f\xbf\xbf"),      0 },
    { "surrogate",          S("x\xed\xa0\x80"),         1 },
    { "above U+10FFFF",     S("\xf4\x90\x80\x80"),      0 },
    { "lead byte f5",       S("\xf5\x80\x80\x80"),      0 },
    { "truncated at end",   S("x\xe2\x82"),             1 },
    { "truncated mid",      S("\xe2\x82" "x"),          0 },
};

START_TEST(utf8_finds_first_bad_byte)
{
    const struct utf8_row *r = &utf8_rows[_i];

    ck_assert_msg(utf8_invalid_at(r->s, r->len) == r->bad_at,
                  "%s: got %zu, want %zu", r->name,
                  utf8_invalid_at(r->s, r->len), r->bad_at);
}
END_TEST

#define FFFD "\xef\xbf\xbd"

static const struct repair_row {
    const char *name;
    const char *in;
    size_t inlen;
    const char *out;
} repair_rows[] = {
    { "clean text unchanged",  S("caf\xc3\xa9\t4\r\n"), "caf\xc3\xa9\t4\r\n" },
    { "bad byte",              S("a\xff" "b"),          "a" FFFD "b" },
    { "truncated sequence",    S("\xe2\x82" "x"),       FFFD "x" },
    { "surrogate",             S("\xed\xa0\x80"),       FFFD FFFD FFFD },
    { "overlong",              S("\xc0\xaf"),           FFFD FFFD },
    { "control chars",         S("a\x01" "b\x1b" "c"),  "a b c" },
    { "nul byte",              S("a\0b"),               "a b" },
    { "delete",                S("a\x7f" "b"),          "a b" },
    { "C1 control",            S("a\xc2\x85" "b"),      "a b" },
    { "noncharacter FFFE",     S("\xef\xbf\xbe"),       FFFD },
    { "at the end",            S("ok\xf0\x9f"),         "ok" FFFD },
};

START_TEST(utf8_repair_replaces_what_writers_reject)
{
    const struct repair_row *r = &repair_rows[_i];
    struct buf out = BUF_INIT;
    bool clean = strcmp(r->name, "clean text unchanged") == 0;

    utf8_repair(&out, r->in, r->inlen);
    ck_assert_msg(out.len == strlen(r->out) &&
                  memcmp(out.data, r->out, out.len) == 0,
                  "%s: got '%s', want '%s'", r->name, out.data, r->out);
    ck_assert_msg(utf8_is_clean(r->in, r->inlen) == clean,
                  "%s: utf8_is_clean says %d", r->name, !clean);
    ck_assert_msg(utf8_is_clean(out.data, out.len), "%s: repaired text "
                  "is not clean", r->name);
    buf_release(&out);
}
END_TEST

/* ---- sha256: FIPS 180-4 examples, as a CSP hash source spells them ---- */

static const struct sha_row {
    const char *in;
    size_t repeat;
    const char *base64;
} sha_rows[] = {
    { "", 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" },
    { "abc", 1, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
      "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=" },
    { "a", 1000000, "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA=" },
};

START_TEST(sha256_matches_fips_examples)
{
    const struct sha_row *r = &sha_rows[_i];
    struct buf in = BUF_INIT;
    char out[45];

    for (size_t i = 0; i < r->repeat; i++)
        buf_puts(&in, r->in);
    sha256_base64(in.data ? in.data : "", in.len, out);
    ck_assert_msg(strcmp(out, r->base64) == 0, "'%.20s' x %zu: got %s",
                  r->in, r->repeat, out);
    buf_release(&in);
}
END_TEST

#define LOOP(tc, fn, rows) \
    tcase_add_loop_test(tc, fn, 0, sizeof(rows) / sizeof(rows[0]))

static Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("buf");

    tcase_add_test(tc, buf_appends_and_stays_nul_terminated);
    tcase_add_test(tc, buf_empty_append_gives_empty_string);
    tcase_add_test(tc, buf_printf_grows_past_capacity);
    tcase_add_test(tc, buf_detach_hands_over_bytes);
    tcase_add_test(tc, buf_reads_whole_file);
    tcase_add_test(tc, buf_reads_regular_file_whole);
    tcase_add_test(tc, buf_read_missing_file_names_it);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    tcase_add_test(tc, arena_memory_is_aligned);
    tcase_add_test(tc, arena_serves_large_and_small);
    tcase_add_test(tc, vec_push_grows);
    suite_add_tcase(s, tc);

    tc = tcase_create("err");
    tcase_add_test(tc, err_first_error_wins);
    tcase_add_test(tc, err_sys_lowercases_reason);
    LOOP(tc, err_format_leaves_out_unknown_parts, format_rows);
    suite_add_tcase(s, tc);

    tc = tcase_create("date");
    LOOP(tc, date_parses_only_real_days, date_rows);
    tcase_add_test(tc, date_days_count_from_1970);
    tcase_add_test(tc, date_round_trips_every_day);
    tcase_add_test(tc, date_agrees_with_timegm_every_day);
    tcase_add_test(tc, date_knows_weekdays_and_month_lengths);
    suite_add_tcase(s, tc);

    tc = tcase_create("utf8");
    LOOP(tc, utf8_finds_first_bad_byte, utf8_rows);
    LOOP(tc, utf8_repair_replaces_what_writers_reject, repair_rows);
    suite_add_tcase(s, tc);

    tc = tcase_create("sha256");
    LOOP(tc, sha256_matches_fips_examples, sha_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return harness_run_suite(util_suite());
}
