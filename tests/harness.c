/* harness: the scratch directory, files, and runs of the built program
 * that the Check suites share (harness.h says what each does). */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/vec.h"

#define BIN TEST_BUILDDIR "/src/crosscheck"
#define NOBODY 65534

/* ---- the scratch directory ---- */

static char tmpdir[64];
static VEC(void *) owned = VEC_INIT;    /* freed when the test ends */

static void *own(void *p)
{
    VEC_PUSH(&owned, p);
    return p;
}

static void make_tmp(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/crosscheck-test-XXXXXX");
    ck_assert_msg(mkdtemp(tmpdir) != NULL, "cannot make %s: %s", tmpdir,
                  strerror(errno));
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    if (flag == FTW_DNR || (flag == FTW_D && (st->st_mode & 0700) != 0700))
        chmod(path, 0700);
    return remove(path);
}

static void remove_tmp(void)
{
    struct stat st;

    /* a folder made unreadable must be opened before it is walked */
    nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    if (lstat(tmpdir, &st) == 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    tmpdir[0] = '\0';
    while (owned.n > 0)
        free(owned.v[--owned.n]);
    VEC_FREE(&owned);
}

int harness_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);

    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

TCase *harness_tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, make_tmp, remove_tmp);
    suite_add_tcase(s, tc);
    return tc;
}

const char *harness_tmp_dir(void)
{
    ck_assert_msg(tmpdir[0] != '\0', "no scratch directory outside a "
                  "harness_tcase");
    return tmpdir;
}

const char *harness_tmp(const char *name)
{
    struct buf b = BUF_INIT;

    buf_printf(&b, "%s/%s", harness_tmp_dir(), name);
    return own(buf_detach(&b, NULL));
}

/* ---- files ---- */

void harness_write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
    size_t n = fwrite(data, 1, len, f);
    int closed = fclose(f);
    ck_assert_msg(n == len && closed == 0, "cannot write %s", path);
}

void harness_write_file(const char *path, const char *text)
{
    harness_write_bytes(path, text, strlen(text));
}

char *harness_slurp(const char *path, size_t *len)
{
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;

    ck_assert_msg(buf_read_file(&b, path, &e) == 0, "%s: %s", path, e.msg);
    return buf_detach(&b, len);
}

bool harness_exists(const char *path)
{
    struct stat st;

    return lstat(path, &st) == 0;
}

size_t harness_count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t n = 0;

    ck_assert_msg(d != NULL, "cannot read %s: %s", dir, strerror(errno));
    while ((de = readdir(d)) != NULL)
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

json_t *harness_load_json(const char *path, const char *cmd)
{
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);

    ck_assert_msg(root != NULL, "%s%s%s:%d: not JSON: %s", cmd ? cmd : "",
                  cmd ? ": " : "", path, je.line, je.text);
    return root;
}

/* ---- running the program ---- */

/* In the child: wire stdin, stdout and stderr, move to the working
 * directory, drop root's rights if asked, and become crosscheck.  Exit
 * status 127: it cannot be run; 126: nobody cannot run it. */
static void become_crosscheck(const char *const *argv,
                              const struct harness_opts *opts, int out_fd,
                              int err_fd)
{
    int fd0 = open(opts->in ? opts->in : "/dev/null", O_RDONLY);
    int fd1 = opts->out ? open(opts->out, O_WRONLY | O_CREAT | O_TRUNC,
                               0666) : out_fd;

    if (fd0 < 0 || fd1 < 0 || chdir(opts->dir ? opts->dir : TEST_SRCDIR) < 0)
        _exit(127);
    if (opts->unprivileged && geteuid() == 0 &&
        (setgroups(0, NULL) < 0 || setgid(NOBODY) < 0 ||
         setuid(NOBODY) < 0 || access(BIN, X_OK) < 0 ||
         access(".", R_OK | X_OK) < 0))
        _exit(126);
    dup2(fd0, 0);
    dup2(fd1, 1);
    dup2(err_fd, 2);
    execv(BIN, (char *const *)argv);
    _exit(127);
}

/* What the child wrote to f (NULL: nothing captured, ""), kept until the
 * test ends; closes f. */
static void read_back(struct buf *b, FILE *f, const char *cmd)
{
    char chunk[65536];
    size_t n;

    buf_init(b);
    buf_puts(b, "");
    if (f) {
        rewind(f);
        while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
            buf_append(b, chunk, n);
        bool failed = ferror(f);
        fclose(f);
        ck_assert_msg(!failed, "%s: cannot read back its output", cmd);
    }
    own(b->data);
}

bool harness_run_argv(struct harness_outcome *o,
                      const struct harness_opts *opts,
                      const char *const *args)
{
    static const struct harness_opts defaults;
    const char *argv[40] = { "crosscheck" };
    size_t n = 1;
    int ws;

    if (!opts)
        opts = &defaults;
    snprintf(o->cmd, sizeof(o->cmd), "crosscheck");
    for (; args[n - 1]; n++) {
        ck_assert_msg(n < sizeof(argv) / sizeof(*argv) - 1,
                      "%s ...: too many arguments", o->cmd);
        argv[n] = args[n - 1];
        size_t len = strlen(o->cmd);
        snprintf(o->cmd + len, sizeof(o->cmd) - len, " %s", args[n - 1]);
    }
    argv[n] = NULL;
    /* unlinked files, so that the scratch directory holds only what
     * the test and the program put there */
    FILE *out = opts->out ? NULL : tmpfile();
    FILE *err = tmpfile();
    ck_assert_msg((opts->out || out) && err, "%s: no file for its output: "
                  "%s", o->cmd, strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0)
        become_crosscheck(argv, opts, out ? fileno(out) : -1, fileno(err));
    ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
    o->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    read_back(&o->out, out, o->cmd);
    read_back(&o->err, err, o->cmd);
    ck_assert_msg(o->status != 127, "%s: cannot run %s", o->cmd, BIN);
    return !(opts->unprivileged && o->status == 126);
}

void harness_expect_status(const struct harness_outcome *o, int status)
{
    ck_assert_msg(o->status == status, "%s: exit status %d, want %d; "
                  "stderr: %s", o->cmd, o->status, status, o->err.data);
}

void harness_expect_success(const struct harness_outcome *o)
{
    ck_assert_msg(o->status == 0 || o->status == 1, "%s: exit status %d, "
                  "want 0 or 1; stderr: %s", o->cmd, o->status, o->err.data);
}

void harness_expect_stderr_has(const struct harness_outcome *o,
                               const char *text)
{
    ck_assert_msg(strstr(o->err.data, text) != NULL,
                  "%s: stderr lacks \"%s\": %s", o->cmd, text, o->err.data);
}

size_t harness_stderr_lines(const struct harness_outcome *o)
{
    size_t n = 0;

    for (const char *c = o->err.data; *c; c++)
        n += *c == '\n';
    return n;
}
