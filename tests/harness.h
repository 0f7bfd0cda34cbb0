#ifndef CROSSCHECK_HARNESS_H
#define CROSSCHECK_HARNESS_H
/* harness: what the Check suites share.  A scratch directory per test,
 * files written into it and read back, and the built program run as a
 * user runs it, its exit status, stdout and stderr captured and
 * asserted on.
 *
 * Every function here asserts with Check: on a failure it ends the
 * test, naming the path or the command line.  Paths and captured
 * output handed out by the harness live until the test ends; what a
 * function says the caller frees, the caller frees. */

#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* ---- the scratch directory ---- */

/* A test case of s whose every test gets a scratch directory of its
 * own, made before the test and removed after it with all it holds
 * (folders the test made unreadable included).  The caller adds the
 * tests to the case it returns. */
TCase *harness_tcase(Suite *s, const char *name);

/* Run every test of s, report as Check does and free the runner;
 * EXIT_SUCCESS when none failed, else EXIT_FAILURE: what a suite's main
 * returns. */
int harness_run_suite(Suite *s);

/* The scratch directory of the running test. */
const char *harness_tmp_dir(void);

/* The path of name inside the scratch directory; it stays valid until
 * the test ends. */
const char *harness_tmp(const char *name);

/* ---- files ---- */

/* Create or replace the file at path with text, or with len bytes. */
void harness_write_file(const char *path, const char *text);
void harness_write_bytes(const char *path, const void *data, size_t len);

/* The whole file at path, NUL-terminated; *len gets its length when len
 * is not NULL.  The caller frees it. */
char *harness_slurp(const char *path, size_t *len);

/* True when something is at path, even a link that leads nowhere. */
bool harness_exists(const char *path);

/* The number of entries in the folder dir, "." and ".." aside. */
size_t harness_count_entries(const char *dir);

/* The JSON document at path, which must parse, without duplicate keys;
 * cmd (or NULL) names in the message what wrote it.  The caller
 * json_decrefs it. */
json_t *harness_load_json(const char *path, const char *cmd);

/* ---- running the program ---- */

/* What a run of the built crosscheck did. */
struct harness_outcome {
    int status;          /* exit status; -1 when killed by a signal */
    char cmd[1024];      /* "crosscheck ARGS", for messages */
    struct buf out;      /* stdout; "" when it went to a file */
    struct buf err;      /* stderr */
};

/* Where a run reads, writes and works, and as whom; zero fields take
 * the default.  in and out are opened before the move to dir, so a
 * relative one names a file in the test's own working directory. */
struct harness_opts {
    const char *in;      /* stdin; NULL: /dev/null */
    const char *out;     /* stdout; NULL: captured in outcome.out */
    const char *dir;     /* working directory; NULL: the source tree */
    bool unprivileged;   /* as root, drop to nobody first, so that
                            permissions apply */
};

/* A NULL-terminated argument list from its words. */
#define HARNESS_ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Run crosscheck with the NULL-terminated args and wait for it, as opts
 * says (NULL: all defaults), filling o.  Asserts that the program could
 * be run.  Returns false, and runs nothing, only when opts asks for an
 * unprivileged run and nobody cannot run it from its directory. */
bool harness_run_argv(struct harness_outcome *o,
                      const struct harness_opts *opts,
                      const char *const *args);

/* harness_run(o, "check", "seeds") runs crosscheck check seeds in the
 * source tree; harness_run_io(o, in, out, ...) also takes stdin from
 * the file in and sends stdout to the file out (NULL: as by default). */
#define harness_run(o, ...) \
    harness_run_argv((o), NULL, HARNESS_ARGS(__VA_ARGS__))
#define harness_run_io(o, in, out, ...) \
    harness_run_argv((o), &(const struct harness_opts){ (in), (out), \
                                                        NULL, false }, \
                     HARNESS_ARGS(__VA_ARGS__))

/* The run exited with status. */
void harness_expect_status(const struct harness_outcome *o, int status);

/* The run exited 0 or 1: no error, whether or not a conflict is new. */
void harness_expect_success(const struct harness_outcome *o);

/* What the run wrote to stderr contains text. */
void harness_expect_stderr_has(const struct harness_outcome *o,
                               const char *text);

/* The number of lines the run wrote to stderr. */
size_t harness_stderr_lines(const struct harness_outcome *o);

#endif
