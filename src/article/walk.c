#include "article/article.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/err.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* A directory on the path from the walk's root to where it is now. */
struct dir_id {
    dev_t dev;
    ino_t ino;
};

struct walk {
    enum article_sizes sizes;    /* which articles to stat for size */
    article_visit_fn *visit;
    void *ctx;
    VEC(struct dir_id) path;     /* to stop at symlink loops */
    struct err *e;
};

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool on_path(const struct walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->path.n; i++)
        if (w->path.v[i].dev == st->st_dev && w->path.v[i].ino == st->st_ino)
            return true;
    return false;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    bool slash = n > 0 && dir[n - 1] == '/';
    size_t m = strlen(name);
    char *p = xmalloc(n + m + 2);

    memcpy(p, dir, n);
    if (!slash)
        p[n++] = '/';
    memcpy(p + n, name, m + 1);
    return p;
}

/* An entry of a directory, with what stat said of it and the key it
 * sorts by: its name, and a slash after a directory's.  Every path below
 * a directory "d" begins "d/", so visiting entries in this order, and
 * each directory's whole content in its place, gives the byte-wise order
 * of whole paths (the order `LC_ALL=C sort` gives) without holding all of
 * them: "d-1.txt" < "d/a.txt" < "d0.txt", as '-' < '/' < '0'. */
struct entry {
    char *name;
    char *key;
    unsigned char type;          /* d_type: DT_REG, DT_DIR, ... */
    bool ok;                     /* stat succeeded */
    struct stat st;
};

/* Whether an entry needs a stat: a directory for its identity, a link
 * or an entry of unknown type for what it is, an article for its size
 * when the walk gives its sizes.  A plain file of another name needs
 * none. */
static bool needs_stat(const struct walk *w, const struct entry *en)
{
    if (en->type != DT_REG)
        return true;
    if (has_suffix(en->name, ".jsonl"))
        return w->sizes != ARTICLE_SIZES_NONE;
    return w->sizes == ARTICLE_SIZES_ALL && has_suffix(en->name, ".txt");
}

/* What the visitor is told of an article's size (article_visit_fn). */
static long long visit_size(const struct entry *en)
{
    if (!en->ok)
        return en->type == DT_REG ? ARTICLE_REGULAR : -1;
    return S_ISREG(en->st.st_mode) ? (long long)en->st.st_size : -1;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->key,
                  ((const struct entry *)b)->key);
}

static void walk_dir(struct walk *w, const char *dir, const struct stat *st);

static void walk_entry(struct walk *w, const char *dir, struct entry *en)
{
    char *child = join(dir, en->name);

    if (en->ok && S_ISDIR(en->st.st_mode)) {
        if (!on_path(w, &en->st))
            walk_dir(w, child, &en->st);
    } else if (has_suffix(en->name, ".txt") ||
               has_suffix(en->name, ".jsonl")) {
        /* read even when stat fails: the reader reports why */
        w->visit(child, visit_size(en), w->ctx);
    }
    free(child);
}

/* The entries are read and stat'ed relative to the directory (a lookup
 * of one name, not of the whole path: half the walk's time in a tree of
 * thousands of articles), and the directory is closed before the walk
 * goes down, so a deep tree holds one descriptor at a time. */
static void walk_dir(struct walk *w, const char *dir, const struct stat *st)
{
    DIR *d = opendir(dir);
    VEC(struct entry) names = VEC_INIT;
    struct dirent *de;

    if (!d) {
        err_sys(w->e, dir, errno, "cannot read directory");
        return;
    }
    while ((errno = 0, de = readdir(d)) != NULL)
        if (de->d_name[0] != '.') {
            struct entry en = { xstrdup(de->d_name), NULL, de->d_type,
                                false, { 0 } };
            VEC_PUSH(&names, en);
        }
    if (errno)
        err_sys(w->e, dir, errno, "cannot read directory");
    int fd = dirfd(d);
    for (size_t i = 0; i < names.n; i++) {
        struct entry *en = &names.v[i];
        en->ok = needs_stat(w, en) &&
                 fstatat(fd, en->name, &en->st, 0) == 0;
        en->key = en->name;
        if (en->ok && S_ISDIR(en->st.st_mode))
            en->key = join(en->name, "");   /* "name/" */
    }
    closedir(d);
    qsort(names.v, names.n, sizeof(*names.v), cmp_entry);
    VEC_PUSH(&w->path, ((struct dir_id){ st->st_dev, st->st_ino }));
    for (size_t i = 0; i < names.n; i++) {
        walk_entry(w, dir, &names.v[i]);
        if (names.v[i].key != names.v[i].name)
            free(names.v[i].key);
        free(names.v[i].name);
    }
    w->path.n--;
    VEC_FREE(&names);
}

int article_walk(const char *path, article_visit_fn *visit, void *ctx,
                 struct err *e)
{
    return article_walk_sized(path, ARTICLE_SIZES_ALL, visit, ctx, e);
}

int article_walk_sized(const char *path, enum article_sizes sizes,
                       article_visit_fn *visit, void *ctx, struct err *e)
{
    struct walk w = { sizes, visit, ctx, VEC_INIT, e };
    struct err first = ERR_INIT;
    struct stat st;

    if (stat(path, &st) < 0)
        return err_sys(e, path, errno, NULL);
    if (!S_ISDIR(st.st_mode)) {
        visit(path, S_ISREG(st.st_mode) ? (long long)st.st_size : -1, ctx);
        return 0;
    }
    w.e = &first;
    walk_dir(&w, path, &st);
    VEC_FREE(&w.path);
    if (err_is_set(&first)) {
        if (!err_is_set(e))
            *e = first;
        return -1;
    }
    return 0;
}
