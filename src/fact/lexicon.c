/* The topic lexicon: which words are counted nouns, predicates, places.
 *
 * Format, one entry a line ('#' starts a comment; words of a multi-word
 * form are joined by '_'):
 *
 *     noun CLASS[/ROLE]: form form ...   counted nouns; CLASS is the
 *                                        topic's noun, ROLE the default
 *     place CLASS: form ...              places hit (regions, sites)
 *     role ROLE: form ...                predicates
 *     person: ROLE ...                   roles whose default noun is people
 *     change: form ...                   verbs of change ("rose from")
 *     purpose NAME: form ...             what money is for
 *     country: name ...                  nationwide: no scope
 *     capital: name ...                  resolves "the capital"
 *     placetype: form ...                region, district, county
 *     state: pattern ...                 topics that are states: "*
 *                                        length" (suffix), "unit:km" */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <libstemmer.h>

#include "fact/fact_private.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

extern const char fact_builtin_lexicon[];

/* A slot's form as a token carries its word: hashed, and zero-filled to
 * 24 bytes (w[0] is 0 for a form too long for a token), so that a
 * token is looked up without hashing it again or calling strcmp. */
struct key {
    unsigned long long h;
    char w[24];
};

struct table {
    struct lx_entry **slot;
    struct key *key;             /* one per slot */
    size_t cap, n;
};

#define NAME_BITS 16384

struct lexicon {
    struct table forms;
    struct table stems;          /* noun stems -> entries */
    struct table heads;          /* first words of multi-word forms */
    char **states;               /* state patterns */
    size_t *state_len;           /* ...and their lengths */
    size_t nstates;
    char **strings;              /* everything we allocated, to free */
    size_t nstrings, capstrings;
    struct sb_stemmer *stemmer;
    /* a bit per hash of every country's and capital's form, alone and
     * with "'s": a word whose bit is clear is neither, without a probe
     * of the forms (which an article asks of each capitalised word) */
    uint64_t names[NAME_BITS / 64];
    bool names_off;   /* a noun that is also a name: its stem may find
                       * it from any word, and the filter cannot tell */
};

/* The tokens' hash (fact_word_hash): a token's word is looked up by the
 * hash the tokenizer made. */
static unsigned long long hash(const char *s)
{
    return fact_word_hash(s);
}

static const char *keep(struct lexicon *lx, char *s)
{
    if (lx->nstrings == lx->capstrings) {
        lx->capstrings = lx->capstrings ? lx->capstrings * 2 : 256;
        lx->strings = xreallocarray(lx->strings, lx->capstrings,
                                    sizeof(*lx->strings));
    }
    lx->strings[lx->nstrings++] = s;
    return s;
}

/* The slot of form, whose hash is h: where it is, or the empty one it
 * would take. */
static struct lx_entry **slot_of(struct table *t, const char *form,
                                 unsigned long long h)
{
    size_t i = (size_t)h & (t->cap - 1);

    while (t->slot[i] && strcmp(t->slot[i]->form, form) != 0)
        i = (i + 1) & (t->cap - 1);
    return &t->slot[i];
}

static void put(struct table *t, struct lx_entry *en);

static void grow(struct table *t)
{
    struct table old = *t;

    t->cap = old.cap ? old.cap * 2 : 1024;
    t->slot = xcalloc(t->cap, sizeof(*t->slot));
    t->key = xcalloc(t->cap, sizeof(*t->key));
    t->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i])
            put(t, old.slot[i]);
    free(old.slot);
    free(old.key);
}

static void put(struct table *t, struct lx_entry *en)
{
    if ((t->n + 1) * 2 > t->cap)
        grow(t);
    unsigned long long h = hash(en->form);
    struct lx_entry **s = slot_of(t, en->form, h);
    if (!*s)
        t->n++;
    *s = en;
    struct key *k = &t->key[s - t->slot];
    size_t len = strlen(en->form);
    memset(k, 0, sizeof(*k));
    k->h = h;
    if (len < sizeof(k->w))
        memcpy(k->w, en->form, len);
}

/* get() of a token's word: low zero-filled to 24 bytes, h its hash.
 * The probe is get()'s, the test of each slot cheaper. */
static struct lx_entry *get_word(const struct table *t, const char *low,
                                 unsigned long long h)
{
    if (!t->cap || !low[0])
        return NULL;
    size_t i = (size_t)h & (t->cap - 1);
    while (t->slot[i] &&
           !(t->key[i].h == h && fact_same_word(t->key[i].w, low)))
        i = (i + 1) & (t->cap - 1);
    return t->slot[i];
}

static struct lx_entry *get(const struct table *t, const char *form)
{
    if (!t->cap)
        return NULL;
    return *slot_of((struct table *)t, form, hash(form));
}

static struct lx_entry *entry(struct lexicon *lx, const char *form)
{
    struct lx_entry *en = get(&lx->forms, form);

    if (en)
        return en;
    en = xcalloc(1, sizeof(*en));
    keep(lx, (char *)en);
    en->form = keep(lx, xstrdup(form));
    put(&lx->forms, en);
    const char *sp = strchr(form, ' ');
    if (sp) {
        struct lx_entry *head = xcalloc(1, sizeof(*head));
        keep(lx, (char *)head);
        head->form = keep(lx, xstrndup(form, (size_t)(sp - form)));
        if (!get(&lx->heads, head->form))
            put(&lx->heads, head);
    }
    return en;
}

/* A Snowball stemmer keeps state between calls: one per thread. */
static _Thread_local struct sb_stemmer *thread_stemmer;

static const char *stem(const struct lexicon *lx, const char *w)
{
    (void)lx;
    if (!thread_stemmer && !(thread_stemmer = sb_stemmer_new("english",
                                                             NULL))) {
        fputs("crosscheck: out of memory\n", stderr);
        exit(2);
    }
    return (const char *)sb_stemmer_stem(thread_stemmer,
                                         (const sb_symbol *)w,
                                         (int)strlen(w));
}

/* ---- reading ---- */

static void set_name_bit(struct lexicon *lx, unsigned long long h)
{
    lx->names[(h % NAME_BITS) / 64] |= 1ULL << (h % 64);
}

static void add_name(struct lexicon *lx, const char *form)
{
    char poss[80];

    set_name_bit(lx, hash(form));
    snprintf(poss, sizeof(poss), "%s's", form);
    set_name_bit(lx, hash(poss));
}

bool lexicon_may_be_name(const struct lexicon *lx, unsigned long long h)
{
    return lx->names_off || ((lx->names[(h % NAME_BITS) / 64] >> (h % 64)) & 1);
}

static int add_form(struct lexicon *lx, const char *kw, const char *name,
                    const char *form, char *err, size_t errsize)
{
    struct lx_entry *en = entry(lx, form);
    char *nmc = name ? xstrdup(name) : NULL;
    const char *nm = nmc ? keep(lx, nmc) : NULL;

    for (char *p = nmc; p && *p; p++)
        if (*p == '_')
            *p = ' ';

    if (strcmp(kw, "noun") == 0 || strcmp(kw, "place") == 0) {
        const char *slash = nm ? strchr(nm, '/') : NULL;
        if (!nm) {
            snprintf(err, errsize, "'%s' needs a class name", kw);
            return -1;
        }
        en->flags |= strcmp(kw, "noun") == 0 ? LX_NOUN : LX_PLACE;
        en->noun = slash ? keep(lx, xstrndup(nm, (size_t)(slash - nm)))
                         : nm;
        en->default_role = slash ? slash + 1 : NULL;
        if (en->default_role && en->default_role[0] == '?') {
            en->fallback_role = en->default_role + 1;
            en->default_role = NULL;
        }
        /* stems let "Shaheds" find "shahed"; not for nouns that imply a
         * role ("lives"), whose stem is a common verb ("live") */
        if (!strchr(form, ' ') && !en->default_role) {
            const char *st = stem(lx, form);
            struct lx_entry *se = xcalloc(1, sizeof(*se));
            keep(lx, (char *)se);
            *se = *en;
            se->form = keep(lx, xstrdup(st));
            if (se->flags & (LX_COUNTRY | LX_CAPITAL))
                lx->names_off = true;
            if (!get(&lx->stems, se->form))
                put(&lx->stems, se);
        }
    } else if (strcmp(kw, "role") == 0 || strcmp(kw, "purpose") == 0) {
        if (!nm) {
            snprintf(err, errsize, "'%s' needs a name", kw);
            return -1;
        }
        const char *slash = strchr(nm, '/');
        en->flags |= strcmp(kw, "role") == 0 ? LX_ROLE : LX_PURPOSE;
        const char *at = strchr(nm, '@');
        size_t rl = slash ? (size_t)(slash - nm) : at ? (size_t)(at - nm)
                                                      : strlen(nm);
        en->role = keep(lx, xstrndup(nm, rl));
        en->priority = slash ? atoi(slash + 1) : 1;
        en->role_nouns = at ? at + 1 : NULL;
    } else if (strcmp(kw, "person") == 0) {
        /* the forms are role names */
        en->flags |= LX_PERSON;
    } else if (strcmp(kw, "change") == 0) {
        en->flags |= LX_CHANGE;
    } else if (strcmp(kw, "country") == 0) {
        en->flags |= LX_COUNTRY;
        add_name(lx, form);
    } else if (strcmp(kw, "capital") == 0) {
        en->flags |= LX_CAPITAL;
        add_name(lx, form);
    } else if (strcmp(kw, "placetype") == 0) {
        en->flags |= LX_PLACETYPE;
    } else if (strcmp(kw, "state") == 0) {
        lx->states = xreallocarray(lx->states, lx->nstates + 1,
                                   sizeof(*lx->states));
        lx->state_len = xreallocarray(lx->state_len, lx->nstates + 1,
                                      sizeof(*lx->state_len));
        lx->state_len[lx->nstates] = strlen(form);
        lx->states[lx->nstates++] = (char *)keep(lx, xstrdup(form));
    } else {
        snprintf(err, errsize, "unknown entry '%s'", kw);
        return -1;
    }
    return 0;
}

/* Parse one line; -1 with a message in err on a bad line. */
static int parse_line(struct lexicon *lx, char *line, char *err,
                      size_t errsize)
{
    char *hash_ = strchr(line, '#');
    char *colon, *kw, *name, *save, *w;

    if (hash_)
        *hash_ = '\0';
    line += strspn(line, " \t\r");
    if (!*line || *line == '\n')
        return 0;
    colon = strchr(line, ':');
    if (!colon) {
        snprintf(err, errsize, "expected 'KIND [NAME]: forms'");
        return -1;
    }
    *colon = '\0';
    kw = strtok_r(line, " \t", &save);
    name = strtok_r(NULL, " \t", &save);
    if (!kw) {
        snprintf(err, errsize, "missing kind before ':'");
        return -1;
    }
    for (w = strtok_r(colon + 1, " \t\r\n", &save); w;
         w = strtok_r(NULL, " \t\r\n", &save)) {
        char form[64];
        size_t n = strlen(w);
        if (n >= sizeof(form)) {
            snprintf(err, errsize, "form too long '%.40s'", w);
            return -1;
        }
        for (size_t i = 0; i <= n; i++) {
            char c = w[i];
            form[i] = c == '_' ? ' ' : (c >= 'A' && c <= 'Z' &&
                      strcmp(kw, "state") != 0) ? (char)(c - 'A' + 'a')
                                                : c;
        }
        if (strcmp(kw, "state") == 0)
            for (char *p = form; *p; p++)
                if (*p == '_')
                    *p = ' ';
        if (add_form(lx, kw, name, form, err, errsize) < 0)
            return -1;
    }
    return 0;
}

static int parse_text(struct lexicon *lx, const char *text, const char *path,
                      struct err *e)
{
    char *copy = xstrdup(text), *save = copy, *line;
    long lineno = 0;
    char msg[200];
    int rc = 0;

    while ((line = save) != NULL) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        if (parse_line(lx, line, msg, sizeof(msg)) < 0) {
            rc = err_at(e, path, lineno, 0, "%s", msg);
            break;
        }
    }
    free(copy);
    return rc;
}

struct lexicon *fact_lexicon_default(void)
{
    struct lexicon *lx = xcalloc(1, sizeof(*lx));
    struct err e = ERR_INIT;

    lx->stemmer = sb_stemmer_new("english", NULL);
    if (!lx->stemmer) {
        fputs("crosscheck: out of memory\n", stderr);
        exit(2);
    }
    /* The built-in lexicon is part of the program; a bad line is a bug
     * caught by the tests. */
    if (parse_text(lx, fact_builtin_lexicon, "topics.lex", &e) < 0) {
        char msg[600];
        err_format(&e, msg, sizeof(msg));
        fprintf(stderr, "crosscheck: built-in lexicon: %s\n", msg);
        exit(2);
    }
    return lx;
}

int fact_lexicon_load(struct lexicon *lx, const char *path, struct err *e)
{
    struct buf text = BUF_INIT;
    int rc;

    if (buf_read_file(&text, path, e) < 0)
        return -1;
    rc = parse_text(lx, text.data ? text.data : "", path, e);
    buf_release(&text);
    return rc;
}

void fact_lexicon_free(struct lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->nstrings; i++)
        free(lx->strings[i]);
    free(lx->strings);
    free(lx->forms.slot);
    free(lx->stems.slot);
    free(lx->heads.slot);
    free(lx->forms.key);
    free(lx->stems.key);
    free(lx->heads.key);
    free(lx->states);
    free(lx->state_len);
    sb_stemmer_delete(lx->stemmer);
    free(lx);
    /* This thread's memo answers for lx by its address, which the next
     * lexicon may get: forget it, and free the stemmer with it. */
    lexicon_thread_release();
}

/* ---- looking up ---- */

const struct lx_entry *lexicon_find_exact(const struct lexicon *lx,
                                          const char *form)
{
    return get(&lx->forms, form);
}

const struct lx_entry *lexicon_find_hashed(const struct lexicon *lx,
                                           const char *form,
                                           unsigned long long h)
{
    return get_word(&lx->forms, form, h);
}

/* Stemming costs a thousand instructions a word, and news repeats its
 * words: each thread remembers the last answers, found or not.  A slot
 * is overwritten on collision; the lexicon it answered for is kept so a
 * second lexicon never sees the first one's answers. */
#define STEM_CACHE 8192

struct stem_memo {
    const struct lexicon *lx;
    char form[24];
    const struct lx_entry *en;
};

static _Thread_local struct stem_memo *stem_memo;

const struct lx_entry *lexicon_find(const struct lexicon *lx,
                                    const char *form)
{
    const struct lx_entry *en = get(&lx->forms, form);
    size_t len;

    if (en || strchr(form, ' '))
        return en;
    len = strlen(form);
    if (len >= sizeof(stem_memo->form))
        return get(&lx->stems, stem(lx, form));
    if (!stem_memo)
        stem_memo = xcalloc(STEM_CACHE, sizeof(*stem_memo));
    struct stem_memo *m = &stem_memo[hash(form) & (STEM_CACHE - 1)];
    if (m->lx == lx && strcmp(m->form, form) == 0)
        return m->en;
    en = get(&lx->stems, stem(lx, form));
    m->lx = lx;
    memset(m->form, 0, sizeof(m->form));   /* as lexicon_find_word reads */
    memcpy(m->form, form, len + 1);
    m->en = en;
    return en;
}

const struct lx_entry *lexicon_find_word(const struct lexicon *lx,
                                         const char *low,
                                         unsigned long long h)
{
    const struct lx_entry *en = get_word(&lx->forms, low, h);

    if (en || !low[0])
        return en;
    if (!stem_memo)
        stem_memo = xcalloc(STEM_CACHE, sizeof(*stem_memo));
    struct stem_memo *m = &stem_memo[h & (STEM_CACHE - 1)];
    if (m->lx == lx && fact_same_word(m->form, low))
        return m->en;
    en = get(&lx->stems, stem(lx, low));
    m->lx = lx;
    memcpy(m->form, low, sizeof(m->form));
    m->en = en;
    return en;
}

void lexicon_thread_release(void)
{
    free(stem_memo);
    stem_memo = NULL;
    if (thread_stemmer)
        sb_stemmer_delete(thread_stemmer);
    thread_stemmer = NULL;
}

bool lexicon_starts_phrase(const struct lexicon *lx, const char *word)
{
    return get(&lx->heads, word) != NULL;
}

bool lexicon_starts_phrase_hashed(const struct lexicon *lx, const char *low,
                                  unsigned long long h)
{
    return get_word(&lx->heads, low, h) != NULL;
}

/* Whether a topic of length tl (and its unit) matches a state pattern:
 * "unit:U", "*suffix", "prefix*", "*infix*" (as a suffix: its last
 * star is part of it, as ever) or the topic itself. */
static bool matches(const char *pat, size_t pl, const char *topic,
                    size_t tl, const char *unit)
{
    if (pl >= 5 && memcmp(pat, "unit:", 5) == 0)
        return strcmp(pat + 5, unit) == 0;
    if (pat[0] == '*')
        return tl >= pl - 1 &&
               memcmp(topic + tl - (pl - 1), pat + 1, pl - 1) == 0;
    if (pl && pat[pl - 1] == '*')
        return tl >= pl - 1 && memcmp(topic, pat, pl - 1) == 0;
    return tl == pl && memcmp(pat, topic, pl) == 0;
}

bool lexicon_is_state(const struct lexicon *lx, const char *topic,
                      const char *unit)
{
    size_t tl = strlen(topic);

    for (size_t i = 0; i < lx->nstates; i++)
        if (matches(lx->states[i], lx->state_len[i], topic, tl, unit))
            return true;
    return false;
}
