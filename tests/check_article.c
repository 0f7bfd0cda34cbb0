/* article: reading files, their date and headers, checking bytes, walks. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article/article.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "harness.h"

#define DATA TEST_SRCDIR "/tests/data/articles/"

static int feb26(void)
{
    return date_from_ymd(2026, 2, 26);
}

/* ---- files that load ---- */

static const struct good_row {
    const char *file;
    const char *source;
    const char *url;
    const char *title;
    size_t body_off;
    const char *body;     /* how the body begins */
} good_rows[] = {
    { "date-same-line.txt", "date-same-line", NULL, NULL, 17, "Russia" },
    { "no-leading-space.txt", "no-leading-space", NULL, NULL, 16, "Russia" },
    { "date-own-line.txt", "date-own-line", NULL, NULL, 17, "Russia" },
    { "headers.txt", "Example Wire", "https://example.com/a",
      "Drones over Kyiv", 89, "Russia" },
    { "crlf.txt", "CRLF Times", NULL, NULL, 40, "Russia launched 420" },
    { "bom.txt", "bom", NULL, NULL, 20, "Russia" },
};

static void assert_str_or_null(const char *file, const char *what,
                               const char *got, const char *want)
{
    if (!want)
        ck_assert_msg(got == NULL, "%s: %s '%s', want none", file, what,
                      got);
    else
        ck_assert_msg(got && strcmp(got, want) == 0, "%s: %s '%s', want "
                      "'%s'", file, what, got ? got : "(none)", want);
}

START_TEST(loads_article)
{
    const struct good_row *r = &good_rows[_i];
    char path[512];
    struct err e = ERR_INIT;

    snprintf(path, sizeof(path), DATA "%s", r->file);
    struct article *a = article_load(path, &e);
    ck_assert_msg(a != NULL, "%s: %s", r->file, e.msg);
    ck_assert_msg(a->date == feb26(), "%s: wrong date", r->file);
    ck_assert_str_eq(a->path, path);
    assert_str_or_null(r->file, "source", a->source, r->source);
    assert_str_or_null(r->file, "url", a->url, r->url);
    assert_str_or_null(r->file, "title", a->title, r->title);
    ck_assert_msg(a->body_off == r->body_off, "%s: body at %zu, want %zu",
                  r->file, a->body_off, r->body_off);
    ck_assert_msg(strncmp(a->text + a->body_off, r->body,
                          strlen(r->body)) == 0,
                  "%s: body starts '%.20s'", r->file, a->text + a->body_off);
    article_free(a);
}
END_TEST

START_TEST(keeps_file_bytes_unchanged)
{
    static const char *const files[] = { "bom.txt", "crlf.txt" };

    for (size_t i = 0; i < 2; i++) {
        char path[512];
        struct buf raw = BUF_INIT;
        struct err e = ERR_INIT;

        snprintf(path, sizeof(path), DATA "%s", files[i]);
        ck_assert_msg(buf_read_file(&raw, path, &e) == 0, "%s", path);
        struct article *a = article_load(path, &e);
        ck_assert_msg(a != NULL, "%s: %s", files[i], e.msg);
        ck_assert_msg(a->len == raw.len &&
                      memcmp(a->text, raw.data, raw.len) == 0,
                      "%s: text differs from the file", files[i]);
        ck_assert_int_eq(a->text[a->len], '\0');
        article_free(a);
        buf_release(&raw);
    }
}
END_TEST

START_TEST(crlf_lines_are_indexed)
{
    struct err e = ERR_INIT;
    struct article *a = article_load(DATA "crlf.txt", &e);
    long line, col;

    ck_assert_msg(a != NULL, "crlf.txt: %s", e.msg);
    ck_assert_uint_eq(a->nlines, 5);
    article_line_col(a, a->body_off, &line, &col);
    ck_assert_msg(line == 4 && col == 1, "crlf.txt: body at %ld:%ld", line,
                  col);
    article_line_col(a, a->len - 1, &line, &col);
    ck_assert_msg(line == 5 && col == 14, "crlf.txt: end at %ld:%ld", line,
                  col);
    article_free(a);
}
END_TEST

/* ---- files that do not ---- */

static const struct bad_row {
    const char *file;
    long line, col;
    const char *msg;      /* the message contains this */
} bad_rows[] = {
    { "no-date.txt", 1, 0, "no date" },
    { "bad-date-feb-30.txt", 1, 7, "bad date '2026-02-30'" },
    { "invalid-utf8.txt", 3, 5, "invalid UTF-8" },
    { "overlong-utf8.txt", 1, 36, "invalid UTF-8" },
    { "nul-byte.txt", 2, 3, "null byte" },
    { "empty.txt", 0, 0, "empty file" },
    { "no-such-file.txt", 0, 0, "cannot read: no such file or directory" },
};

START_TEST(rejects_article)
{
    const struct bad_row *r = &bad_rows[_i];
    char path[512];
    struct err e = ERR_INIT;

    snprintf(path, sizeof(path), DATA "%s", r->file);
    struct article *a = article_load(path, &e);
    ck_assert_msg(a == NULL, "%s: loaded", r->file);
    ck_assert_msg(strcmp(e.file, path) == 0, "%s: error names '%s'",
                  r->file, e.file);
    ck_assert_msg(e.line == r->line && e.column == r->col,
                  "%s: error at %ld:%ld, want %ld:%ld", r->file, e.line,
                  e.column, r->line, r->col);
    ck_assert_msg(strstr(e.msg, r->msg) != NULL, "%s: message '%s'",
                  r->file, e.msg);
    ck_assert_msg(e.msg[strlen(e.msg) - 1] != '.', "%s: '%s' ends in a "
                  "full stop", r->file, e.msg);
}
END_TEST

/* ---- heads in memory ---- */

#define S(lit) lit, sizeof(lit) - 1

static const struct head_row {
    const char *name;
    const char *bytes;
    size_t len;
    const char *error;    /* NULL: loads */
    const char *body;     /* the body, when it loads */
    const char *source;
} head_rows[] = {
    { "date alone, no newline", S(" date 2026-02-26"), NULL, "", "x" },
    { "blank lines before body", S(" date 2026-02-26  \n\n \nBody"), NULL,
      "Body", "x" },
    { "tab after date", S(" date 2026-02-26\tBody"), NULL, "Body", "x" },
    { "headers only on own line", S(" date 2026-02-26 source: Y"), NULL,
      "source: Y", "x" },
    { "empty source header", S(" date 2026-02-26\nsource:\nBody"), NULL,
      "Body", "x" },
    { "first source counts", S(" date 2026-02-26\nsource: A\nsource: B\n"
      "Body"), NULL, "Body", "A" },
    { "header keys any case", S(" date 2026-02-26\nSource:  Wire \nBody"),
      NULL, "Body", "Wire" },
    { "body line after headers", S(" date 2026-02-26\ntitle: T\nBody\n"
      "source: Z\n"), NULL, "Body\nsource: Z\n", "x" },
    { "capital Date", S("Date 2026-02-26 Body"), "no date", NULL, NULL },
    { "no space after date", S(" date2026-02-26 Body"), "no date", NULL,
      NULL },
    { "short date", S(" date 2026-2-26 Body"), "bad date '2026-2-26'",
      NULL, NULL },
    { "date glued to body", S(" date 2026-02-26Body"),
      "bad date '2026-02-26Body'", NULL, NULL },
    { "no date value", S(" date \nBody"), "bad date ''", NULL, NULL },
    { "only spaces", S("   \n"), "no date", NULL, NULL },
    { "header before date", S("source: A\n date 2026-02-26\n"), "no date",
      NULL, NULL },
};

START_TEST(reads_head)
{
    const struct head_row *r = &head_rows[_i];
    struct err e = ERR_INIT;
    struct article *a = article_from_memory("dir/x.txt", r->bytes, r->len,
                                            &e);

    if (r->error) {
        ck_assert_msg(a == NULL, "%s: loaded", r->name);
        ck_assert_msg(strstr(e.msg, r->error) != NULL, "%s: message '%s'",
                      r->name, e.msg);
        ck_assert_msg(strcmp(e.file, "dir/x.txt") == 0 && e.line == 1,
                      "%s: at '%s':%ld", r->name, e.file, e.line);
        return;
    }
    ck_assert_msg(a != NULL, "%s: %s", r->name, e.msg);
    ck_assert_msg(a->date == feb26(), "%s: wrong date", r->name);
    ck_assert_msg(strcmp(a->text + a->body_off, r->body) == 0,
                  "%s: body '%s', want '%s'", r->name,
                  a->text + a->body_off, r->body);
    ck_assert_msg(strcmp(a->source, r->source) == 0, "%s: source '%s'",
                  r->name, a->source);
    article_free(a);
}
END_TEST

static const struct stem_row {
    const char *path;
    const char *source;
} stem_rows[] = {
    { "seeds/000_6a967550f90513e5.txt", "000_6a967550f90513e5" },
    { "/abs/dir.d/outlet.v2.txt", "outlet.v2" },
    { "plain", "plain" },
    { "dir/.hidden", ".hidden" },
    { "-", "-" },
};

START_TEST(source_is_file_stem)
{
    const struct stem_row *r = &stem_rows[_i];
    struct err e = ERR_INIT;
    struct article *a = article_from_memory(r->path, S(" date 2026-02-26 x"),
                                            &e);

    ck_assert_msg(a != NULL, "%s: %s", r->path, e.msg);
    ck_assert_msg(strcmp(a->source, r->source) == 0, "%s: source '%s'",
                  r->path, a->source);
    article_free(a);
}
END_TEST

START_TEST(line_col_counts_bytes)
{
    struct err e = ERR_INIT;
    struct article *a = article_from_memory("lc.txt",
        S(" date 2026-02-26\ncaf\xc3\xa9 420\n\nend"), &e);
    static const struct { size_t off; long line, col; } want[] = {
        { 0, 1, 1 }, { 16, 1, 17 }, { 17, 2, 1 }, { 23, 2, 7 },
        { 27, 3, 1 }, { 28, 4, 1 }, { 30, 4, 3 },
    };

    ck_assert_msg(a != NULL, "lc.txt: %s", e.msg);
    ck_assert_uint_eq(a->nlines, 4);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        long line, col;
        article_line_col(a, want[i].off, &line, &col);
        ck_assert_msg(line == want[i].line && col == want[i].col,
                      "lc.txt: offset %zu at %ld:%ld, want %ld:%ld",
                      want[i].off, line, col, want[i].line, want[i].col);
    }
    article_free(a);
}
END_TEST

/* ---- walks ---- */

struct seen {
    char paths[16][512];
    long long sizes[16];
    size_t n;
};

static void remember(const char *path, long long size, void *ctx)
{
    struct seen *s = ctx;

    if (s->n < 16) {
        snprintf(s->paths[s->n], sizeof(s->paths[0]), "%s", path);
        s->sizes[s->n] = size;
    }
    s->n++;
}

START_TEST(walk_is_sorted_and_takes_only_txt_and_jsonl)
{
    static const char *const want[] = {
        DATA "walk/a.txt", DATA "walk/b.txt", DATA "walk/sub.txt",
        DATA "walk/sub/c.txt", DATA "walk/sub/e.jsonl",
    };
    struct seen s = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_msg(article_walk(DATA "walk", remember, &s, &e) == 0,
                  "walk: %s", e.msg);
    ck_assert_msg(s.n == 5, "walk: %zu files visited, want 5", s.n);
    for (size_t i = 0; i < 5; i++) {
        struct stat st;
        ck_assert_msg(strcmp(s.paths[i], want[i]) == 0,
                      "walk: #%zu is '%s', want '%s'", i, s.paths[i],
                      want[i]);
        /* the size comes with the path: the walk's one stat serves the
         * progress and the sharing of work */
        ck_assert_int_eq(stat(want[i], &st), 0);
        ck_assert_msg(s.sizes[i] == (long long)st.st_size,
                      "walk: %s has size %lld, want %lld", want[i],
                      s.sizes[i], (long long)st.st_size);
    }
}
END_TEST

/* An empty file name in the folder dir. */
static void touch_in(const char *dir, const char *name)
{
    char path[600];

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot make %s", path);
    fclose(f);
}

/* Asked for no sizes, the walk visits the same files in the same order;
 * a plain file's size is then unknown (ARTICLE_REGULAR: a regular file,
 * as the directory says), as it was never stat'ed.
 * Asked for those of JSON Lines files, it gives theirs alone. */
START_TEST(walk_without_sizes_visits_the_same_files)
{
    struct seen with = { .n = 0 }, without = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_int_eq(article_walk_sized(DATA "walk", ARTICLE_SIZES_ALL,
                                        remember, &with, &e), 0);
    ck_assert_int_eq(article_walk_sized(DATA "walk", ARTICLE_SIZES_NONE,
                                        remember, &without, &e), 0);
    ck_assert_uint_eq(without.n, with.n);
    ck_assert_uint_eq(without.n, 5);
    for (size_t i = 0; i < without.n; i++) {
        ck_assert_str_eq(without.paths[i], with.paths[i]);
        ck_assert_msg(with.sizes[i] >= 0, "%s: no size", with.paths[i]);
        ck_assert_msg(without.sizes[i] == ARTICLE_REGULAR,
                      "%s: size %lld, want ARTICLE_REGULAR",
                      without.paths[i], without.sizes[i]);
    }
    /* asked for the sizes of JSON Lines files only: those, and no other */
    struct seen jsonl = { .n = 0 };
    ck_assert_int_eq(article_walk_sized(DATA "walk", ARTICLE_SIZES_JSONL,
                                        remember, &jsonl, &e), 0);
    ck_assert_uint_eq(jsonl.n, with.n);
    for (size_t i = 0; i < jsonl.n; i++) {
        bool is_jsonl = strstr(jsonl.paths[i], ".jsonl") != NULL;
        ck_assert_msg(jsonl.sizes[i] ==
                      (is_jsonl ? with.sizes[i] : ARTICLE_REGULAR),
                      "%s: size %lld", jsonl.paths[i], jsonl.sizes[i]);
    }
}
END_TEST

/* A FIFO named like an article is not a regular file: the walk says
 * so (-1), asked for sizes or not, so that it is read to its end, not
 * to its first short read. */
START_TEST(walk_tells_fifo_from_regular_file)
{
    char dir[] = "/tmp/crosscheck-walk-XXXXXX";
    char path[600];

    ck_assert_ptr_nonnull(mkdtemp(dir));
    touch_in(dir, "a.txt");
    snprintf(path, sizeof(path), "%s/b.txt", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    for (int k = 0; k < 2; k++) {
        struct seen s = { .n = 0 };
        struct err e = ERR_INIT;
        enum article_sizes sz = k ? ARTICLE_SIZES_ALL : ARTICLE_SIZES_NONE;
        ck_assert_int_eq(article_walk_sized(dir, sz, remember, &s, &e), 0);
        ck_assert_uint_eq(s.n, 2);
        ck_assert_msg(s.sizes[0] == (k ? 0 : ARTICLE_REGULAR),
                      "a.txt: size %lld", s.sizes[0]);
        ck_assert_msg(s.sizes[1] == -1, "b.txt (a FIFO): size %lld",
                      s.sizes[1]);
    }
    snprintf(path, sizeof(path), "rm -rf '%s'", dir);
    ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(walk_visits_named_file_whatever_its_name)
{
    struct seen s = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_int_eq(article_walk(DATA "walk/gold.json", remember, &s, &e),
                     0);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.paths[0], DATA "walk/gold.json");
}
END_TEST

START_TEST(walk_of_missing_path_names_it)
{
    struct seen s = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_int_eq(article_walk("no-such-dir", remember, &s, &e), -1);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_str_eq(e.file, "no-such-dir");
    ck_assert_msg(strstr(e.msg, "no such file") != NULL, "no-such-dir: "
                  "message '%s'", e.msg);
}
END_TEST

START_TEST(walk_survives_symlink_loop)
{
    char dir[] = "/tmp/crosscheck-walk-XXXXXX";
    char path[600];
    struct seen s = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    touch_in(dir, "x.txt");
    snprintf(path, sizeof(path), "%s/loop", dir);
    ck_assert_int_eq(symlink(".", path), 0);
    ck_assert_msg(article_walk(dir, remember, &s, &e) == 0, "%s: %s", dir,
                  e.msg);
    ck_assert_msg(s.n == 1, "%s: %zu files visited, want 1", dir, s.n);
    unlink(path);
    snprintf(path, sizeof(path), "%s/x.txt", dir);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* The walk visits as it goes, directory by directory, yet in the byte-
 * wise order of whole paths: a directory's content sorts as if its name
 * ended in '/', between "d-1.txt" ('-' < '/') and "d0.txt" ('/' < '0'). */
START_TEST(walk_order_is_whole_path_order)
{
    static const char *const files[] = {
        "e.txt", "d0/b.txt", "d0.txt", "d/a.txt", "d.txt", "d-1.txt",
        "d/sub/z.txt", "d/sub-1.txt", "c.jsonl",
    };
    static const char *const want[] = {
        "c.jsonl", "d-1.txt", "d.txt", "d/a.txt", "d/sub-1.txt",
        "d/sub/z.txt", "d0.txt", "d0/b.txt", "e.txt",
    };
    char dir[] = "/tmp/crosscheck-walk-XXXXXX";
    char path[600];
    struct seen s = { .n = 0 };
    struct err e = ERR_INIT;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
        for (char *sl = path + strlen(dir) + 1; (sl = strchr(sl, '/'));
             sl++) {
            *sl = '\0';
            mkdir(path, 0777);
            *sl = '/';
        }
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fclose(f);
    }
    ck_assert_msg(article_walk(dir, remember, &s, &e) == 0, "%s: %s", dir,
                  e.msg);
    ck_assert_uint_eq(s.n, sizeof(want) / sizeof(*want));
    for (size_t i = 0; i < s.n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, want[i]);
        ck_assert_msg(strcmp(s.paths[i], path) == 0, "#%zu is %s, want %s",
                      i, s.paths[i], path);
    }
    snprintf(path, sizeof(path), "rm -rf '%s'", dir);
    ck_assert_int_eq(system(path), 0);
}
END_TEST

/* ---- JSON Lines ---- */

#define LINE_OF(fields) "{\"date\": \"2026-02-26\", " fields "}"

static const struct json_row {
    const char *line;
    const char *path;      /* the source its facts name */
    const char *source;    /* the outlet */
    const char *url;
    const char *title;
    const char *text;      /* the decoded text, all of the article */
} json_rows[] = {
    { LINE_OF("\"source\": \"Wire\", \"url\": \"https://w.example/1\", "
              "\"title\": \"Drones\", \"text\": \"Russia launched 420 "
              "drones.\""),
      "https://w.example/1", "Wire", "https://w.example/1", "Drones",
      "Russia launched 420 drones." },
    { LINE_OF("\"url\": \"https://w.example/2\", \"text\": \"420 drones\""),
      "https://w.example/2", "https://w.example/2", "https://w.example/2",
      NULL, "420 drones" },
    { LINE_OF("\"source\": \"Wire\", \"text\": \"420 drones\""),
      "f.jsonl:7", "Wire", NULL, NULL, "420 drones" },
    { LINE_OF("\"text\": \"420 drones\", \"source\": \"\", "
              "\"url\": null"),
      "f.jsonl:7", "f.jsonl:7", NULL, NULL, "420 drones" },
    { LINE_OF("\"text\": \"caf\\u00e9 \\\"420\\\"\\nnext\", "
              "\"lang\": \"en\", \"tags\": [1, 2]") "\r\n",
      "f.jsonl:7", "f.jsonl:7", NULL, NULL, "caf\xc3\xa9 \"420\"\nnext" },
};

START_TEST(reads_json_line)
{
    const struct json_row *r = &json_rows[_i];
    struct err e = ERR_INIT;
    struct article *a = article_from_json("f.jsonl", 7, r->line,
                                          strlen(r->line), &e);

    ck_assert_msg(a != NULL, "%s: %s", r->line, e.msg);
    ck_assert_msg(a->date == feb26(), "%s: wrong date", r->line);
    assert_str_or_null(r->line, "path", a->path, r->path);
    assert_str_or_null(r->line, "source", a->source, r->source);
    assert_str_or_null(r->line, "url", a->url, r->url);
    assert_str_or_null(r->line, "title", a->title, r->title);
    ck_assert_msg(a->body_off == 0 && a->len == strlen(r->text) &&
                  memcmp(a->text, r->text, a->len) == 0,
                  "%s: text '%s' from %zu, want '%s' from 0", r->line,
                  a->text, a->body_off, r->text);
    article_free(a);
}
END_TEST

static const struct json_bad_row {
    const char *line;
    long column;           /* 0: none; else there must be one */
    const char *msg;       /* how the message begins */
} json_bad_rows[] = {
    { "not json", 1, "not a JSON article: " },
    { "[\"2026-02-26\", \"420 drones\"]", 0,
      "not a JSON article: not an object" },
    { "{\"text\": \"420 drones\"}", 0, "'date' must be a date YYYY-MM-DD" },
    { "{\"date\": \"2026-02-30\", \"text\": \"x\"}", 0,
      "bad date '2026-02-30'" },
    { LINE_OF("\"source\": \"Wire\""), 0, "'text' must be a string" },
    { LINE_OF("\"text\": \"\""), 0, "empty text" },
    { LINE_OF("\"text\": \"x\", \"source\": 5"), 0,
      "'source' must be a string" },
    { LINE_OF("\"text\": \"a\\u0000b\""), 1, "not a JSON article: " },
    { LINE_OF("\"text\": \"x\", \"text\": \"y\""), 1,
      "not a JSON article: " },
};

START_TEST(rejects_json_line)
{
    const struct json_bad_row *r = &json_bad_rows[_i];
    struct err e = ERR_INIT;
    struct article *a = article_from_json("f.jsonl", 7, r->line,
                                          strlen(r->line), &e);

    ck_assert_msg(a == NULL, "%s: read as an article", r->line);
    ck_assert_str_eq(e.file, "f.jsonl");
    ck_assert_msg(e.line == 7, "%s: line %ld, want 7", r->line, e.line);
    ck_assert_msg(r->column == 0 ? e.column == 0 : e.column > 0,
                  "%s: column %ld", r->line, e.column);
    ck_assert_msg(strncmp(e.msg, r->msg, strlen(r->msg)) == 0,
                  "%s: message '%s', want '%s...'", r->line, e.msg, r->msg);
    article_free(a);
}
END_TEST

struct lines_seen {
    char articles[8][512]; /* the path of each article */
    size_t narticles;
    struct err errors[8];
    size_t nerrors;
};

static void remember_line(const struct article *a, const struct err *bad,
                          void *ctx)
{
    struct lines_seen *s = ctx;

    if (a && s->narticles < 8)
        snprintf(s->articles[s->narticles++], sizeof(s->articles[0]), "%s",
                 a->path);
    else if (!a && s->nerrors < 8)
        s->errors[s->nerrors++] = *bad;
}

START_TEST(bad_json_line_among_good_ones)
{
    static const char path[] = TEST_SRCDIR "/tests/data/jsonl/mixed.jsonl";
    static const long bad_lines[] = { 3, 4, 5 };
    struct lines_seen s = { .narticles = 0 };
    struct err e = ERR_INIT;

    ck_assert_msg(article_read_jsonl(path, remember_line, &s, &e) == 0,
                  "%s: %s", path, e.msg);
    /* line 1 has a url; line 6 has none: its place stands for it */
    ck_assert_msg(s.narticles == 2, "%s: %zu articles, want 2", path,
                  s.narticles);
    ck_assert_str_eq(s.articles[0], "https://a.example/1");
    ck_assert_str_eq(s.articles[1], TEST_SRCDIR
                     "/tests/data/jsonl/mixed.jsonl:6");
    ck_assert_msg(s.nerrors == 3, "%s: %zu bad lines, want 3", path,
                  s.nerrors);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_str_eq(s.errors[i].file, path);
        ck_assert_msg(s.errors[i].line == bad_lines[i], "%s: bad line %ld, "
                      "want %ld", path, s.errors[i].line, bad_lines[i]);
    }
}
END_TEST

START_TEST(missing_jsonl_file_names_it)
{
    struct lines_seen s = { .narticles = 0 };
    struct err e = ERR_INIT;

    ck_assert_int_eq(article_read_jsonl("no-such.jsonl", remember_line, &s,
                                        &e), -1);
    ck_assert_str_eq(e.file, "no-such.jsonl");
    ck_assert_uint_eq(s.narticles + s.nerrors, 0);
}
END_TEST

START_TEST(jsonl_is_told_by_name)
{
    ck_assert(article_is_jsonl("a/b.jsonl"));
    ck_assert(!article_is_jsonl("a/b.txt"));
    ck_assert(!article_is_jsonl("a/b.jsonl.txt"));
    ck_assert(!article_is_jsonl("jsonl"));
}
END_TEST

#define LOOP(tc, fn, rows) \
    tcase_add_loop_test(tc, fn, 0, sizeof(rows) / sizeof(rows[0]))

static Suite *article_suite(void)
{
    Suite *s = suite_create("article");
    TCase *tc = tcase_create("load");

    LOOP(tc, loads_article, good_rows);
    tcase_add_test(tc, keeps_file_bytes_unchanged);
    tcase_add_test(tc, crlf_lines_are_indexed);
    LOOP(tc, rejects_article, bad_rows);
    LOOP(tc, reads_head, head_rows);
    LOOP(tc, source_is_file_stem, stem_rows);
    tcase_add_test(tc, line_col_counts_bytes);
    suite_add_tcase(s, tc);

    tc = tcase_create("jsonl");
    LOOP(tc, reads_json_line, json_rows);
    LOOP(tc, rejects_json_line, json_bad_rows);
    tcase_add_test(tc, bad_json_line_among_good_ones);
    tcase_add_test(tc, missing_jsonl_file_names_it);
    tcase_add_test(tc, jsonl_is_told_by_name);
    suite_add_tcase(s, tc);

    tc = tcase_create("walk");
    tcase_add_test(tc, walk_is_sorted_and_takes_only_txt_and_jsonl);
    tcase_add_test(tc, walk_without_sizes_visits_the_same_files);
    tcase_add_test(tc, walk_tells_fifo_from_regular_file);
    tcase_add_test(tc, walk_visits_named_file_whatever_its_name);
    tcase_add_test(tc, walk_of_missing_path_names_it);
    tcase_add_test(tc, walk_survives_symlink_loop);
    tcase_add_test(tc, walk_order_is_whole_path_order);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return harness_run_suite(article_suite());
}
