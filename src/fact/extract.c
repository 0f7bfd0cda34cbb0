/* The extractor: from an article's words to facts.
 *
 * One pass over the tokens of the body.  At each token that starts a
 * number (digits, number words, vague amounts, ordinals) the number is
 * read with its scale, range and the qualifier before it; then the unit
 * after it; then what it counts (the noun phrase after it, or the subject
 * before it), the predicate acting on it (launched, killed...), the place
 * named in its clause and the time expression nearest to it.  Numbers that
 * are parts of dates, times of day, ages, years, identifiers and phone or
 * street numbers are passed over. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "fact/fact_private.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xalloc.h"

struct ctx {
    const struct article *a;
    const char *s;
    const struct lexicon *lx;
    struct arena *ar;
    struct fact_list *out;
    struct tok *t;
    size_t n;
    int today;              /* the article's date */
    int day;                /* the day of a fact that names none: the
                             * article's date (a next-day paper's "on
                             * Thursday" facts group apart from its
                             * undated ones; grouping stays exact) */
    const char *capital;    /* what "the capital" means here, or NULL */
    const char *home;       /* the one country the article is about, or
                             * NULL when it names several alike */
    size_t first;           /* index of the first fact of this article */
    bool quiet;             /* the number at hand is stated but not to be
                             * compared: its topic is left empty */
    const char *source, *outlet;   /* the article's names, in the arena */
    unsigned *mask;         /* per token: the word lists it is in */
    size_t *sstart, *send;  /* per token: its sentence's first token and
                             * the token after its last */
    const struct lx_entry **lxc;   /* per token: its lexicon entry */
    unsigned char *lxdone;  /* per token: lxc is filled in */
    const char *interned[16];      /* recent strings copied to the arena */
    unsigned ninterned;
};

/* The arena's copy of s, shared with recent facts of the article so that
 * a topic repeated fact after fact is stored once. */
static const char *intern(struct ctx *c, const char *s)
{
    for (unsigned k = 0; k < c->ninterned && k < 16; k++)
        if (c->interned[k] == s || (c->interned[k][0] == s[0] &&
                                    strcmp(c->interned[k], s) == 0))
            return c->interned[k];
    const char *copy = arena_strdup(c->ar, s);
    c->interned[c->ninterned++ % 16] = copy;
    return copy;
}

/* A number as read, before its unit and topic. */
struct num {
    size_t start, end;      /* tokens [start, end) of the number itself */
    size_t qstart;          /* first token of the qualifier, or start */
    bool has_value;
    double value, low, high;
    bool has_low, has_high, low_excl, high_excl;
    enum qualifier qual;
    bool ordinal;
    bool vague;
    bool negative;          /* "minus" or "-" before the digits */
};

/* ---- word lists: each token knows which it is in (see word_mask) ---- */

#define MASK_SCAN    (1u << 25)   /* looked for in a sentence window:
                                   * "initially", "governor" ... */
#define MASK_QUALEND (1u << 26)   /* may end a qualifier ("than") */
#define MASK_UNIT    (1u << 27)   /* may start a unit */
#define MASK_TIME    (1u << 28)   /* may start a time expression */
#define MASK_MONTH   (1u << 29)
#define MASK_WEEKDAY (1u << 30)
#define MASK_NUMBER  (1u << 31)   /* may start a number */

static const char *const boundary_marks[] = {
    ";", ":", "(", ")", "[", "]", "\xe2\x80\x94", "\"",
    "\xe2\x80\x9c", "\xe2\x80\x9d", ".", "!", "?", NULL,
};

static const char *const time_after[] = {
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "est",
    "edt", "pst", "pdt", "cet", "cest", "bst", "ist", "hrs",
    "o'clock", "hours_local", NULL,
};

static const char *const age_span[] = {
    "year", "years", "month", "months", "week", "weeks", "day", "days",
    NULL,
};

static const char *const directions[] = {
    "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "away", "inland", "offshore", NULL,
};

static const char *const bare_skip[] = {
    "by", "to", "at", "of", "for", "was", "is", "were", "are", "be",
    "been", "reached", "expected", "stood", "stands", NULL,
};

static const char *const horizon_words[] = {
    "next", "past", "last", "first", "coming", "previous", "within",
    "in", "over", "since", NULL,
};

static const char *const definite[] = {
    "the", "these", "those", "both", "its", "their", "his", "her",
    "our", "my", "your", "all", "every", NULL,
};

static const char *const finish_verbs[] = {
    "finished", "ranked", "placed", "came", "ranks", "ranking",
    "finish", "place", "rank", NULL,
};


/* ---- token helpers ---- */

static const struct tok *tk(const struct ctx *c, size_t i)
{
    static const struct tok none = { 0, 0, TOK_PUNCT, 0, 0, "", 0 };
    return i < c->n ? &c->t[i] : &none;
}

static bool is(const struct ctx *c, size_t i, const char *w)
{
    return i < c->n && c->t[i].low[0] == w[0] &&
           strcmp(c->t[i].low, w) == 0;
}

static bool is_word(const struct ctx *c, size_t i)
{
    return i < c->n && c->t[i].type == TOK_WORD;
}

static bool is_num(const struct ctx *c, size_t i)
{
    return i < c->n && c->t[i].type == TOK_NUM;
}

static bool glued(const struct ctx *c, size_t i)
{
    return i < c->n && !(c->t[i].flags & TF_SPACE_BEFORE);
}

static bool cap(const struct ctx *c, size_t i)
{
    return is_word(c, i) && (c->t[i].flags & TF_CAP);
}

static bool same_sent(const struct ctx *c, size_t i, size_t j)
{
    return i < c->n && j < c->n && c->t[i].sent == c->t[j].sent;
}

/* How far a scan reaches from the number it is about, in tokens.  What a
 * sentence says further away is about something else, and a 60 MB line
 * with a million numbers stays linear. */
#define REACH 48

/* The first token of i's sentence (i < n). */
static size_t sent_start(const struct ctx *c, size_t i)
{
    return c->sstart[i];
}

/* Where a scan around tokens [from, to) of one sentence may start, and
 * where it must stop: the sentence, but no further than REACH. */
static size_t scan_from(const struct ctx *c, size_t from)
{
    size_t s = c->sstart[from];
    return from > s + REACH ? from - REACH : s;
}

static size_t scan_to(const struct ctx *c, size_t to_incl)
{
    size_t e = c->send[to_incl];
    return to_incl + REACH < e ? to_incl + REACH : e;
}

/* "-", or an en dash, em dash, hyphen or non-breaking hyphen (U+2013,
 * U+2014, U+2010, U+2011), told by their bytes. */
static bool is_dash(const struct ctx *c, size_t i)
{
    if (i >= c->n)
        return false;
    const unsigned char *w = (const unsigned char *)c->t[i].low;
    if (w[0] == '-')
        return w[1] == '\0';
    return w[0] == 0xe2 && w[1] == 0x80 && w[3] == '\0' &&
           (w[2] == 0x93 || w[2] == 0x94 || w[2] == 0x90 || w[2] == 0x91);
}

/* The bit of each word list in a token's mask (see word_mask); a list
 * without one is scanned. */
enum {
    LIST_BIT_boundary_marks = 1u << 0, LIST_BIT_time_after = 1u << 1,
    LIST_BIT_age_span = 1u << 2, LIST_BIT_np_stop = 1u << 3,
    LIST_BIT_np_filler = 1u << 4, LIST_BIT_past = 1u << 5,
    LIST_BIT_aux = 1u << 6, LIST_BIT_locative = 1u << 7,
    LIST_BIT_directions = 1u << 8, LIST_BIT_bare_skip = 1u << 9,
    LIST_BIT_horizon_words = 1u << 10, LIST_BIT_definite = 1u << 11,
    LIST_BIT_finish_verbs = 1u << 12, LIST_BIT_linking = 0,
};

/* Whether token i is one of the words ws, whose bit is bit.  The lists
 * the extractor uses are known in advance: each token carries a bit per
 * list (word_mask), so this is a bit test, not a scan of the list. */
static bool is_in(const struct ctx *c, size_t i, const char *const *ws,
                  unsigned bit)
{
    if (bit && c->mask)
        return i < c->n && (c->mask[i] & bit) != 0;
    for (; *ws; ws++)
        if (is(c, i, *ws))
            return true;
    return false;
}

#define is_any(c, i, ws) is_in(c, i, ws, LIST_BIT_##ws)

/* A clause boundary: sentence marks, semicolons, colons, brackets,
 * spaced dashes and quotes. */
static bool is_boundary(const struct ctx *c, size_t i)
{
    if (i >= c->n)
        return true;
    if (is(c, i, "\xe2\x80\x93") && (c->t[i].flags & TF_SPACE_BEFORE))
        return true;
    return c->t[i].type == TOK_PUNCT && is_any(c, i, boundary_marks);
}

static bool is_comma(const struct ctx *c, size_t i)
{
    return is(c, i, ",");
}

static const struct lx_entry *lx_word(const struct ctx *c, size_t i)
{
    if (!is_word(c, i) || !c->t[i].low[0])
        return NULL;
    if (c->lxdone && c->lxdone[i])
        return c->lxc[i];
    /* a capitalised word inside a sentence is a name: no stemming */
    const struct lx_entry *en =
        (c->t[i].flags & (TF_CAP | TF_SENT_START)) == TF_CAP
            ? lexicon_find_hashed(c->lx, c->t[i].low, c->t[i].hash)
            : lexicon_find_word(c->lx, c->t[i].low, c->t[i].hash);
    if (c->lxdone) {
        /* a cache, not the token's meaning: safe to fill from const */
        ((struct ctx *)c)->lxc[i] = en;
        ((struct ctx *)c)->lxdone[i] = 1;
    }
    return en;
}

/* The longest lexicon form of up to three words at i; *len gets its word
 * count. */
static const struct lx_entry *lx_at(const struct ctx *c, size_t i,
                                    size_t *len)
{
    char form[80];

    if (!is_word(c, i) ||
        !lexicon_starts_phrase_hashed(c->lx, c->t[i].low, c->t[i].hash))
        goto single;
    for (size_t k = 4; k >= 2; k--) {
        size_t p = 0;
        bool ok = true;
        for (size_t j = 0; j < k && ok; j++) {
            const struct tok *t = tk(c, i + j);
            size_t l = strlen(t->low);
            if (t->type != TOK_WORD || !l || p + l + 2 > sizeof(form) ||
                (j && !same_sent(c, i, i + j)))
                ok = false;
            else {
                if (j)
                    form[p++] = ' ';
                memcpy(form + p, t->low, l);
                p += l;
            }
        }
        if (!ok)
            continue;
        form[p] = '\0';
        const struct lx_entry *en = lexicon_find(c->lx, form);
        if (en) {
            *len = k;
            return en;
        }
    }
single:
    if (is_word(c, i) && is_dash(c, i + 1) && glued(c, i + 1) &&
        is_word(c, i + 2) && glued(c, i + 2)) {
        snprintf(form, sizeof(form), "%s-%s", c->t[i].low, c->t[i + 2].low);
        const struct lx_entry *en = lexicon_find(c->lx, form);
        if (en) {
            *len = 3;
            return en;
        }
    }
    *len = 1;
    return lx_word(c, i);
}

static const char *astr(struct ctx *c, const char *s)
{
    return arena_strdup(c->ar, s);
}

/* ---- exclusions: dates, times, ages, identifiers ---- */

static bool is_month(const struct ctx *c, size_t i)
{
    char w[24];
    size_t l;

    if (!is_word(c, i) || (c->mask && !(c->mask[i] & MASK_MONTH)))
        return false;
    l = strlen(c->t[i].low);
    if (l >= sizeof(w))
        return false;
    memcpy(w, c->t[i].low, l + 1);
    if (l && w[l - 1] == '.')
        w[l - 1] = '\0';
    /* "may" and "march" are verbs too: only capitalised */
    if ((strcmp(w, "may") == 0 || strcmp(w, "march") == 0 ||
         strcmp(w, "mar") == 0) && !cap(c, i))
        return false;
    return when_month(w) > 0;
}

/* Index past an abbreviation's dot: "Feb." is word + "." */
static size_t skip_dot(const struct ctx *c, size_t i)
{
    return is(c, i, ".") && glued(c, i) ? i + 1 : i;
}

static bool is_year_value(const struct ctx *c, size_t i)
{
    const struct tok *t = tk(c, i);
    size_t l = t->e - t->s;
    double v;

    return t->type == TOK_NUM && l == 4 &&
           number_digits(c->s + t->s, l, &v) == 0 && v >= 1800 && v <= 2100;
}

static bool ordinal_suffix(const struct ctx *c, size_t i)
{
    return is_word(c, i) && glued(c, i) &&
           (is(c, i, "st") || is(c, i, "nd") || is(c, i, "rd") ||
            is(c, i, "th"));
}

/* The number token i is the day or year of a date. */
static bool in_date(const struct ctx *c, size_t i)
{
    size_t p = i ? i - 1 : c->n;
    /* "Feb. 24", "February 24th", "June 3" */
    if (i > 0 && is(c, p, ".") && glued(c, p) && is_month(c, p - 1))
        return true;
    if (i > 0 && is_month(c, p))
        return true;
    /* "24 February", "24th of February" */
    size_t q = i + 1;
    if (ordinal_suffix(c, q))
        q++;
    if (is(c, q, "of"))
        q++;
    if (is_month(c, q))
        return true;
    /* "2023-10-08", "10/08/2023" */
    if (is_dash(c, i + 1) && glued(c, i + 1) && is_num(c, i + 2) &&
        glued(c, i + 2) && is_dash(c, i + 3) && glued(c, i + 3))
        return true;
    if (is(c, i + 1, "/") && glued(c, i + 1) && is_num(c, i + 2))
        return true;
    if (i >= 2 && is(c, p, "/") && glued(c, p) && is_num(c, p - 1))
        return true;
    /* "on Feb. 24, 2022": the year after a day */
    if (i >= 2 && is_comma(c, p) && is_num(c, p - 1) && in_date(c, p - 1))
        return true;
    return false;
}

static bool is_time(const struct ctx *c, size_t i)
{
    size_t j = i + 1;

    if (is(c, j, ":") && glued(c, j) && is_num(c, j + 1) && glued(c, j + 1))
        return true;
    if (i > 0 && is(c, i - 1, ":") && glued(c, i - 1) && is_num(c, i - 2))
        return true;
    /* "7.20pm" is a number token "7.20" before "pm" */
    return is_any(c, j, time_after);
}

static double digits_of(const struct ctx *c, size_t i);

/* "(62)" after a name, "a 12-year-old", "Serhii, 38,", "aged 62". */
static bool is_age(const struct ctx *c, size_t i, size_t end)
{
    size_t p = i ? i - 1 : c->n;

    /* "Larysa Fuzik (62)", "the driver (62)" */
    if (is(c, p, "(") && is(c, end, ")") && i >= 2 && is_word(c, i - 2) &&
        is_num(c, i) && end == i + 1 && digits_of(c, i) < 120)
        return true;
    if (is_dash(c, end) && is_any(c, end + 1, age_span) && is_dash(c, end + 2)
        && is(c, end + 3, "old"))
        return true;
    if (is_any(c, end, age_span) && (is(c, end + 1, "old") ||
        (is(c, end + 1, "of") && is(c, end + 2, "age"))))
        return true;
    if (is(c, p, "aged") || is(c, p, "age"))
        return true;
    /* "John Smith, 54, said" */
    if (is_comma(c, p) && i >= 2 && cap(c, i - 2) &&
        (is_comma(c, end) || is(c, end, ".")) && end == i + 1 &&
        is_num(c, i) && digits_of(c, i) < 120 &&
        !(c->t[i - 2].flags & TF_SENT_START))
        return true;
    return false;
}

static const char *read_currency(const struct ctx *c, size_t i,
                                 size_t *start);

/* "Highway 32", "F-16", "COVID-19", "No 10", phone numbers. */
static bool is_identifier(const struct ctx *c, size_t i, size_t end)
{
    size_t p = i ? i - 1 : c->n;

    if (i > 0 && is_dash(c, p) && glued(c, p) && is_word(c, p - 1) &&
        glued(c, p) && !(c->t[p].flags & TF_SPACE_BEFORE) &&
        number_word(c->t[p - 1].low) < 0 && cap(c, p - 1))
        return true;
    if (i > 0 && is_word(c, p) && glued(c, i))
        return true;   /* "G7", "MH17" */
    if (is_word(c, end) && glued(c, end) && !ordinal_suffix(c, end) &&
        number_scale(c->t[end].low) == 0 && strlen(c->t[end].low) == 1 &&
        !is(c, end, "c") && !is(c, end, "f"))
        return true;   /* "221B" */
    /* a capitalised name before: "Highway 32", "Route 66", "Flight 17";
     * not at a sentence start and not a month */
    size_t cs;
    if (i > 0 && cap(c, p) && !(c->t[p].flags & TF_SENT_START) &&
        !is_month(c, p) && same_sent(c, p, i) &&
        !read_currency(c, i, &cs) && !is(c, p, "no.") &&
        !(lx_word(c, p) && (lx_word(c, p)->flags & (LX_NOUN | LX_ROLE)) &&
          lx_word(c, p)->noun && strcmp(lx_word(c, p)->noun, "-")))
        return true;   /* "Highway 32", "World War 2", "Flight 17" */
    /* phone numbers: 555-0143, +1 202, 0800 123 456, (555) 123-4567 */
    if (is(c, p, "+"))
        return true;
    if ((is_num(c, end) && !glued(c, end)) || (i > 0 && is_num(c, p)))
        return true;   /* digit groups side by side */
    if (is(c, p, "(") && is(c, end, ")") && is_num(c, end + 1))
        return true;   /* "(555) 123-4567" */
    {
        const struct tok *t = tk(c, i);
        if (t->e - t->s >= 2 && c->s[t->s] == '0' &&
            !memchr(c->s + t->s, '.', t->e - t->s) &&
            !memchr(c->s + t->s, ',', t->e - t->s))
            return true;   /* "0800", "05": codes, not quantities */
    }
    if (is_dash(c, end) && glued(c, end) && is_num(c, end + 1) &&
        glued(c, end + 1) && tk(c, end + 1)->e - tk(c, end + 1)->s == 4 &&
        tk(c, i)->e - tk(c, i)->s == 3)
        return true;   /* "123-4567" */
    if (is(c, p, ")") && i >= 2 && is_num(c, i - 2) && i >= 3 &&
        is(c, i - 3, "("))
        return true;   /* "(555) 123" */
    /* "2024-11-05": the parts of an ISO date */
    if (i >= 2 && is_dash(c, p) && glued(c, p) && glued(c, i) &&
        is_num(c, i - 2) && (is_year_value(c, i - 2) ||
        (i >= 4 && is_dash(c, i - 3) && is_year_value(c, i - 4))))
        return true;
    if (is_dash(c, end) && glued(c, end) && is_num(c, end + 1) &&
        glued(c, end + 1) && is_dash(c, end + 2) && is_num(c, end + 3))
        return true;
    /* street numbers: "10 Downing Street" */
    for (size_t j = end; j < end + 4 && cap(c, j); j++)
        if (is(c, j + 1, "street") || is(c, j + 1, "st.") ||
            is(c, j + 1, "avenue") || is(c, j + 1, "road") ||
            is(c, j + 1, "lane") || is(c, j + 1, "boulevard"))
            return true;
    return false;
}

/* ---- reading a number ---- */

static double digits_of(const struct ctx *c, size_t i)
{
    double v;
    const struct tok *t = tk(c, i);

    if (t->type != TOK_NUM || number_digits(c->s + t->s, t->e - t->s, &v))
        return -1;
    return v;
}

/* Number words from i: "twenty-five", "three hundred and six", "a
 * hundred".  Returns the value and sets *end, or -1. */
static double read_words(const struct ctx *c, size_t i, size_t *end)
{
    double total = 0, cur = 0, w;
    size_t j = i;
    bool any = false;

    double mult = 1;
    if (is(c, j, "half") && is(c, j + 1, "a") &&
        (is(c, j + 2, "million") || is(c, j + 2, "billion") ||
         is(c, j + 2, "dozen"))) {
        mult = 0.5;
        j++;
    }
    if ((is(c, j, "a") || is(c, j, "an")) &&
        (is(c, j + 1, "hundred") || is(c, j + 1, "thousand") ||
         is(c, j + 1, "million") || is(c, j + 1, "billion"))) {
        cur = 1;
        j++;
    }
    if (mult != 1 && is(c, j, "a") && is(c, j + 1, "dozen")) {
        *end = j + 2;
        return 6;
    }
    while (j < c->n && is_word(c, j) && (w = number_word(c->t[j].low)) >= 0
           && same_sent(c, i, j)) {
        if (w == 100) {
            cur = (cur ? cur : 1) * 100;
        } else if (w >= 1000) {
            total += (cur ? cur : 1) * w;
            cur = 0;
        } else if (w < 100 && cur && fmod(cur, 100) != 0 && w >= 10) {
            break;   /* "five ten" is not a number */
        } else {
            cur += w;
        }
        any = true;
        j++;
        /* "twenty-five" */
        if (is_dash(c, j) && glued(c, j) && is_word(c, j + 1) &&
            glued(c, j + 1) && w >= 20 && w < 100 &&
            number_word(c->t[j + 1].low) > 0 &&
            number_word(c->t[j + 1].low) < 10)
            j++;
        /* "three hundred and six" */
        else if (is(c, j, "and") && cur >= 100 && fmod(cur, 100) == 0 &&
                 is_word(c, j + 1) && number_word(c->t[j + 1].low) > 0 &&
                 number_word(c->t[j + 1].low) < 100)
            j++;
    }
    if (!any)
        return -1;
    *end = j;
    return (total + cur) * mult;
}

static const struct lx_entry *lx_word(const struct ctx *c, size_t i);

/* The value after a scale word: "1.2 million", "$53bn". */
static size_t read_scale(const struct ctx *c, size_t j, double *v)
{
    double sc;

    if (!is_word(c, j) || (sc = number_scale(c->t[j].low)) == 0)
        return j;
    /* one-letter scales only when glued: "1.2m", "50bn"; never "5 m" */
    if (strlen(c->t[j].low) <= 2 && !glued(c, j) && !is(c, j, "bn") &&
        !is(c, j, "mn"))
        return j;
    if ((is(c, j, "m") || is(c, j, "b") || is(c, j, "k")) && !glued(c, j))
        return j;
    /* "5m" is metres unless money or a count of things follows */
    if (is(c, j, "m") && !(j >= 2 && (is(c, j - 2, "$") ||
        is(c, j - 2, "\xe2\x82\xac") || is(c, j - 2, "\xc2\xa3"))) &&
        !(lx_word(c, j + 1) && (lx_word(c, j + 1)->flags & LX_NOUN)))
        return j;
    *v *= sc;
    j++;
    /* "1.2 million" may be followed by another scale: "tens of" no */
    return j;
}

/* A plain value at i: digits (with scale) or words.  Sets *end. */
static double read_value(const struct ctx *c, size_t i, size_t *end)
{
    double v;

    if (is_num(c, i)) {
        if ((v = digits_of(c, i)) < 0)
            return -1;
        *end = read_scale(c, i + 1, &v);
        return v;
    }
    if ((v = read_words(c, i, end)) < 0)
        return -1;
    /* "two dozen" */
    if (is(c, *end, "dozen") || is(c, *end, "dozens")) {
        v *= 12;
        (*end)++;
    }
    return v;
}

struct vague { const char *w; double low, high; };

static const struct vague vagues[] = {
    { "dozens", 24, 199 }, { "scores", 40, 199 }, { "hundreds", 200, 1999 },
    { "thousands", 2000, 999999 }, { "millions", 2e6, 999e6 },
    { "billions", 2e9, 999e9 },
};

/* Vague amounts: "dozens of", "tens of thousands of", "a handful of". */
static bool read_vague(const struct ctx *c, size_t i, struct num *nm)
{
    size_t j = i;

    nm->vague = true;
    nm->qual = QUAL_VAGUE;
    nm->has_low = nm->has_high = true;
    if (is(c, j, "a") && is(c, j + 1, "handful") && is(c, j + 2, "of")) {
        nm->low = 2;
        nm->high = 9;
        nm->end = j + 2;
        return true;
    }
    if (is(c, j, "a") && is(c, j + 1, "dozen")) {
        nm->vague = false;
        nm->qual = QUAL_EXACT;
        nm->has_value = true;
        nm->value = nm->low = nm->high = 12;
        nm->end = j + 2;
        return true;
    }
    if (is(c, j, "tens") && is(c, j + 1, "of") &&
        (is(c, j + 2, "thousands") || is(c, j + 2, "millions"))) {
        double sc = is(c, j + 2, "thousands") ? 1e3 : 1e6;
        nm->low = 20 * sc;
        nm->high = 99 * sc;
        nm->end = j + 3;
        return true;
    }
    if (is(c, j, "hundreds") && is(c, j + 1, "of") &&
        (is(c, j + 2, "thousands") || is(c, j + 2, "millions"))) {
        double sc = is(c, j + 2, "thousands") ? 1e3 : 1e6;
        nm->low = 200 * sc;
        nm->high = 999 * sc;
        nm->end = j + 3;
        return true;
    }
    for (size_t k = 0; k < sizeof(vagues) / sizeof(*vagues); k++)
        if (is(c, j, vagues[k].w) && is(c, j + 1, "of")) {
            nm->low = vagues[k].low;
            nm->high = vagues[k].high;
            nm->end = j + 1;
            return true;
        }
    /* "Dozens were injured", "dozens more" */
    if (is(c, j, "dozens") || is(c, j, "hundreds") ||
        is(c, j, "thousands")) {
        for (size_t k = 0; k < sizeof(vagues) / sizeof(*vagues); k++)
            if (is(c, j, vagues[k].w)) {
                nm->low = vagues[k].low;
                nm->high = vagues[k].high;
            }
        nm->end = j + 1;
        return true;
    }
    nm->vague = false;
    nm->has_low = nm->has_high = false;
    return false;
}

struct qual_pat { const char *words[4]; enum qualifier q; };

/* Longest first. */
static const struct qual_pat quals[] = {
    { { "no", "fewer", "than" }, QUAL_AT_LEAST },
    { { "no", "less", "than" }, QUAL_AT_LEAST },
    { { "no", "more", "than" }, QUAL_UP_TO },
    { { "a", "minimum", "of" }, QUAL_AT_LEAST },
    { { "a", "maximum", "of" }, QUAL_UP_TO },
    { { "in", "excess", "of" }, QUAL_MORE_THAN },
    { { "well", "over" }, QUAL_MORE_THAN },
    { { "well", "above" }, QUAL_MORE_THAN },
    { { "just", "over" }, QUAL_MORE_THAN },
    { { "just", "under" }, QUAL_LESS_THAN },
    { { "just", "below" }, QUAL_LESS_THAN },
    { { "more", "than" }, QUAL_MORE_THAN },
    { { "greater", "than" }, QUAL_MORE_THAN },
    { { "higher", "than" }, QUAL_MORE_THAN },
    { { "upwards", "of" }, QUAL_MORE_THAN },
    { { "at", "least" }, QUAL_AT_LEAST },
    { { "up", "to" }, QUAL_UP_TO },
    { { "as", "many", "as" }, QUAL_UP_TO },
    { { "as", "much", "as" }, QUAL_UP_TO },
    { { "as", "high", "as" }, QUAL_UP_TO },
    { { "as", "long", "as" }, QUAL_UP_TO },
    { { "as", "far", "as" }, QUAL_UP_TO },
    { { "as", "deep", "as" }, QUAL_UP_TO },
    { { "at", "most" }, QUAL_UP_TO },
    { { "fewer", "than" }, QUAL_LESS_THAN },
    { { "less", "than" }, QUAL_LESS_THAN },
    { { "lower", "than" }, QUAL_LESS_THAN },
    { { "close", "to" }, QUAL_NEARLY },
    { { "an", "estimated" }, QUAL_ABOUT },
    { { "estimated", "at" }, QUAL_ABOUT },
    { { "some" }, QUAL_ABOUT },
    { { "about" }, QUAL_ABOUT },
    { { "around" }, QUAL_ABOUT },
    { { "approximately" }, QUAL_ABOUT },
    { { "approx" }, QUAL_ABOUT },
    { { "roughly" }, QUAL_ABOUT },
    { { "nearly" }, QUAL_NEARLY },
    { { "almost" }, QUAL_NEARLY },
    { { "over" }, QUAL_MORE_THAN },
    { { "above" }, QUAL_MORE_THAN },
    { { "exceeding" }, QUAL_MORE_THAN },
    { { "surpassing" }, QUAL_MORE_THAN },
    { { "under" }, QUAL_LESS_THAN },
    { { "below" }, QUAL_LESS_THAN },
    { { "within" }, QUAL_UP_TO },
    { { "estimated" }, QUAL_ABOUT },
};

/* The qualifier ending just before token i; sets *start to its first
 * token.  QUAL_EXACT when none. */
static enum qualifier read_qualifier(const struct ctx *c, size_t i,
                                     size_t *start)
{
    *start = i;
    if (c->mask && (i == 0 || !(c->mask[i - 1] & MASK_QUALEND)))
        return QUAL_EXACT;
    for (size_t k = 0; k < sizeof(quals) / sizeof(*quals); k++) {
        size_t len = 0;
        while (len < 4 && quals[k].words[len])
            len++;
        if (len > i)
            continue;
        bool ok = true;
        for (size_t j = 0; j < len && ok; j++)
            ok = is(c, i - len + j, quals[k].words[j]) &&
                 same_sent(c, i - len + j, i);
        if (ok) {
            *start = i - len;
            return quals[k].q;
        }
    }
    return QUAL_EXACT;
}

static void set_bounds(struct num *nm)
{
    double v = nm->value;

    nm->has_low = nm->has_high = false;
    nm->low_excl = nm->high_excl = false;
    switch (nm->qual) {
    case QUAL_EXACT:
    case QUAL_ABOUT:
        nm->has_low = nm->has_high = true;
        nm->low = nm->high = v;
        break;
    case QUAL_NEARLY:
        nm->has_high = true;
        nm->high = v;
        break;
    case QUAL_MORE_THAN:
        nm->has_low = nm->low_excl = true;
        nm->low = v;
        break;
    case QUAL_AT_LEAST:
        nm->has_low = true;
        nm->low = v;
        break;
    case QUAL_UP_TO:
        nm->has_high = true;
        nm->high = v;
        break;
    case QUAL_LESS_THAN:
        nm->has_high = nm->high_excl = true;
        nm->high = v;
        break;
    default:
        break;
    }
}

static bool is_change_before(const struct ctx *c, size_t i)
{
    /* "rose from", "up from", "revised from" */
    for (size_t k = 1; k <= 3 && k <= i; k++) {
        const struct lx_entry *en = lx_word(c, i - k);
        if (en && (en->flags & LX_CHANGE))
            return true;
    }
    return false;
}

/* Read the number starting at token i, with its qualifier and range.
 * Returns false when i starts no number worth a fact. */
static bool read_number(const struct ctx *c, size_t i, struct num *nm)
{
    size_t end = i;
    double v, o;

    memset(nm, 0, sizeof(*nm));
    nm->start = i;
    if (is_word(c, i) && number_word(c->t[i].low) >= 20 &&
        is_dash(c, i + 1) && glued(c, i + 1) && is_word(c, i + 2) &&
        (o = number_ordinal(c->t[i + 2].low)) >= 1 && o < 10) {
        nm->ordinal = true;   /* "twenty-first" */
        nm->end = i + 3;
        nm->value = number_word(c->t[i].low) + o;
    } else if (is(c, i, "no.") || (is(c, i, "no") && is(c, i + 1, ".") &&
               glued(c, i + 1))) {
        size_t k = is(c, i, "no.") ? i + 1 : i + 2;
        if (!is_num(c, k) || (v = digits_of(c, k)) < 1 || !cap(c, i))
            return false;
        nm->ordinal = true;   /* "No. 7" */
        nm->end = k + 1;
        nm->value = v;
    } else if (is_word(c, i) && (o = number_ordinal(c->t[i].low)) >= 2 &&
        !(o == 2 && is(c, i, "second") && is(c, i - 1, "per"))) {
        nm->ordinal = true;
        nm->end = i + 1;
        nm->value = o;
    } else if (is_num(c, i) && ordinal_suffix(c, i + 1) &&
               (v = digits_of(c, i)) >= 1 && !in_date(c, i)) {
        nm->ordinal = true;
        nm->end = i + 2;
        nm->value = v;
    } else if (read_vague(c, i, nm)) {
        /* done */
    } else {
        if ((v = read_value(c, i, &end)) < 0)
            return false;
        nm->end = end;
        nm->value = v;
    }
    if (!nm->ordinal && !nm->vague && i > 0 && (is(c, i - 1, "minus") ||
        (is(c, i - 1, "-") && glued(c, i) &&
         (i < 2 || (c->t[i - 1].flags & TF_SPACE_BEFORE))))) {
        nm->value = -nm->value;   /* "minus 20 degrees", "-5C" */
        nm->negative = true;
    }
    if (nm->ordinal) {
        nm->has_value = nm->has_low = nm->has_high = true;
        nm->low = nm->high = nm->value;
        nm->qstart = i;
        return true;
    }
    if (nm->vague) {
        nm->qstart = i;
        enum qualifier q = read_qualifier(c, i, &nm->qstart);
        if (q == QUAL_MORE_THAN || q == QUAL_AT_LEAST) {
            nm->has_high = false;
        } else {
            nm->qstart = i;
        }
        if (nm->has_value)
            nm->qual = QUAL_EXACT;
        return true;
    }
    nm->has_value = true;
    nm->qual = read_qualifier(c, i, &nm->qstart);
    /* "between 8 and 19", "8-19", "8 to 19", "two or three" */
    size_t j = nm->end;
    bool between = nm->qstart == i && i > 0 && is(c, i - 1, "between");
    bool from = i > 0 && is(c, i - 1, "from");
    if ((between && is(c, j, "and")) || is(c, j, "to") || is(c, j, "or") ||
        (is_dash(c, j) && (glued(c, j) || is(c, j, "\xe2\x80\x93")))) {
        size_t e2;
        double hi = read_value(c, j + 1, &e2);
        bool dates = is_month(c, j + 1);
        if (hi >= 0 && !dates && same_sent(c, i, j + 1) &&
            !(is_num(c, j + 1) && in_date(c, j + 1))) {
            if (from && is_change_before(c, i - 1)) {
                return false;   /* "rose from 233 to 288": 288 counts */
            }
            double hraw = digits_of(c, j + 1);
            if (hraw > 0 && hi / hraw > 1.5 && nm->end == i + 1 &&
                is_num(c, i))
                nm->value *= hi / hraw;   /* "$5-10 million" */
            if (hi > nm->value && !is(c, j, "or")) {
                nm->has_value = false;
                nm->qual = nm->qual == QUAL_EXACT ? QUAL_RANGE : nm->qual;
                nm->low = nm->value;
                nm->high = hi;
                nm->has_low = nm->has_high = true;
                nm->end = e2;
                if (between)
                    nm->qstart = i - 1;
                if (nm->qual == QUAL_MORE_THAN || nm->qual == QUAL_AT_LEAST)
                    nm->has_high = false;
                return true;
            }
            if (hi > nm->value && is(c, j, "or") && hi < 100) {
                nm->has_value = false;
                nm->qual = QUAL_RANGE;
                nm->low = nm->value;
                nm->high = hi;
                nm->has_low = nm->has_high = true;
                nm->end = e2;
                return true;
            }
        }
    }
    /* "420 or more", "200+" */
    if (is(c, nm->end, "or") && is(c, nm->end + 1, "more") &&
        nm->qual == QUAL_EXACT) {
        nm->qual = QUAL_AT_LEAST;
        nm->end += 2;
    } else if (is(c, nm->end, "+") && glued(c, nm->end) &&
               nm->qual == QUAL_EXACT) {
        nm->qual = QUAL_AT_LEAST;
        nm->end += 1;
    }
    set_bounds(nm);
    return true;
}

/* ---- units ---- */

struct unit { const char *form; const char *unit; double factor; };

static const struct unit units[] = {
    { "km", "km", 1 }, { "kms", "km", 1 }, { "kilometre", "km", 1 },
    { "kilometres", "km", 1 }, { "kilometer", "km", 1 },
    { "kilometers", "km", 1 }, { "mile", "km", 1.609344 },
    { "miles", "km", 1.609344 }, { "mi", "km", 1.609344 },
    { "nautical miles", "km", 1.852 },
    { "m", "m", 1 }, { "metre", "m", 1 }, { "metres", "m", 1 },
    { "meter", "m", 1 }, { "meters", "m", 1 }, { "ft", "m", 0.3048 },
    { "foot", "m", 0.3048 }, { "feet", "m", 0.3048 },
    { "yard", "m", 0.9144 }, { "yards", "m", 0.9144 },
    { "mm", "mm", 1 }, { "millimetre", "mm", 1 }, { "millimetres", "mm", 1 },
    { "millimeter", "mm", 1 }, { "millimeters", "mm", 1 },
    { "cm", "mm", 10 }, { "centimetre", "mm", 10 },
    { "centimetres", "mm", 10 }, { "centimeter", "mm", 10 },
    { "centimeters", "mm", 10 }, { "inch", "mm", 25.4 },
    { "inches", "mm", 25.4 },
    { "square kilometres", "ha", 100 }, { "square kilometers", "ha", 100 },
    { "square kilometre", "ha", 100 }, { "square kilometer", "ha", 100 },
    { "square km", "ha", 100 }, { "sq km", "ha", 100 }, { "km2", "ha", 100 },
    { "km\xc2\xb2", "ha", 100 }, { "square miles", "ha", 258.9988110336 },
    { "square mile", "ha", 258.9988110336 },
    { "sq miles", "ha", 258.9988110336 }, { "sq mi", "ha", 258.9988110336 },
    { "hectares", "ha", 1 }, { "hectare", "ha", 1 }, { "ha", "ha", 1 },
    { "acres", "ha", 0.40468564224 }, { "acre", "ha", 0.40468564224 },
    { "square metres", "m2", 1 }, { "square meters", "m2", 1 },
    { "square feet", "m2", 0.09290304 },
    { "kg", "kg", 1 }, { "kilograms", "kg", 1 }, { "kilogram", "kg", 1 },
    { "kilos", "kg", 1 }, { "tonnes", "kg", 1000 }, { "tonne", "kg", 1000 },
    { "metric tons", "kg", 1000 }, { "tons", "kg", 907.18474 },
    { "ton", "kg", 907.18474 }, { "lbs", "kg", 0.45359237 },
    { "lb", "kg", 0.45359237 },
    { "degrees celsius", "degC", 1 }, { "degrees c", "degC", 1 },
    { "\xc2\xb0 c", "degC", 1 }, { "degrees fahrenheit", "degF", 1 },
    { "degrees f", "degF", 1 }, { "\xc2\xb0 f", "degF", 1 },
    { "degrees", "deg", 1 },
    { "seconds", "min", 1.0 / 60 }, { "second", "min", 1.0 / 60 },
    { "minutes", "min", 1 }, { "minute", "min", 1 }, { "hours", "min", 60 },
    { "hour", "min", 60 }, { "days", "days", 1 }, { "day", "days", 1 },
    { "weeks", "days", 7 }, { "week", "days", 7 }, { "months", "months", 1 },
    { "month", "months", 1 }, { "years", "months", 12 },
    { "year", "months", 12 }, { "decades", "months", 120 },
    { "km / h", "km/h", 1 }, { "kph", "km/h", 1 }, { "mph", "km/h", 1.609344 },
    { "miles per hour", "km/h", 1.609344 }, { "km per hour", "km/h", 1 },
    { "kilometres per hour", "km/h", 1 }, { "kilometers per hour", "km/h", 1 },
    { "kilometres an hour", "km/h", 1 }, { "kilometers an hour", "km/h", 1 },
    { "miles an hour", "km/h", 1.609344 }, { "km an hour", "km/h", 1 },
    { "knots", "km/h", 1.852 },
    { "per cent", "percent", 1 }, { "percent", "percent", 1 },
    { "pc", "percent", 1 }, { "percentage points", "pp", 1 },
    { "dollars", "usd", 1 }, { "us dollars", "usd", 1 },
    { "euros", "eur", 1 }, { "euro", "eur", 1 },
    { "pounds sterling", "gbp", 1 }, { "rupees", "inr", 1 },
    { "yuan", "cny", 1 }, { "roubles", "rub", 1 }, { "rubles", "rub", 1 },
    { "hryvnias", "uah", 1 }, { "shekels", "ils", 1 }, { "yen", "jpy", 1 },
    { "usd", "usd", 1 }, { "eur", "eur", 1 }, { "gbp", "gbp", 1 },
    { "pounds", "kg", 0.45359237 }, { "pound", "kg", 0.45359237 },
    { "c", "degC", 1 }, { "f", "degF", 1 },
};

/* Each unit's first word, zero-filled like a token's (build_words fills
 * them before any extraction): a unit whose first word is not the
 * token's is passed over at one compare. */
static char unit_first[sizeof(units) / sizeof(*units)][24];
static bool unit_first_ready;

/* The unit whose form starts at token i (after an optional glued hyphen
 * in "1,250-kilometer"); sets *end. */
static const struct unit *read_unit(const struct ctx *c, size_t i,
                                    size_t *end)
{
    const struct unit *best = NULL;
    size_t best_end = i;
    size_t j = i;

    if (is_dash(c, j) && glued(c, j) && glued(c, j + 1))
        j++;
    if (c->mask && j < c->n && !(c->mask[j] & MASK_UNIT))
        return NULL;
    const char *first = tk(c, j)->low;
    for (size_t k = 0; k < sizeof(units) / sizeof(*units); k++) {
        if (unit_first_ready && !fact_same_word(unit_first[k], first))
            continue;   /* its first word is another */
        const char *f = units[k].form;
        size_t p = j;
        bool ok = true;
        while (*f && ok) {
            const char *sp = strchr(f, ' ');
            size_t l = sp ? (size_t)(sp - f) : strlen(f);
            const struct tok *t = tk(c, p);
            if (t->type == TOK_NUM || strlen(t->low) != l ||
                strncmp(t->low, f, l) != 0 || !same_sent(c, i, p))
                ok = false;
            p++;
            f += l;
            if (*f == ' ')
                f++;
        }
        if (ok && p > best_end) {
            best = &units[k];
            best_end = p;
        }
    }
    /* "km²": the superscript is its own token */
    if (best && strcmp(best->form, "km") == 0 && is(c, best_end, "\xc2\xb2")
        && glued(c, best_end)) {
        static const struct unit km2 = { "km2", "ha", 100 };
        best = &km2;
        best_end++;
    }
    if (best && (strcmp(best->form, "m") == 0 || strcmp(best->form, "c") == 0
                 || strcmp(best->form, "f") == 0) && !glued(c, j))
        best = NULL;   /* "5 m" is too ambiguous */
    if (best)
        *end = best_end;
    return best;
}

/* A currency sign or code just before token i; sets *start. */
static const char *read_currency(const struct ctx *c, size_t i,
                                 size_t *start)
{
    size_t p = i ? i - 1 : c->n;

    if (is(c, p, "$")) {
        *start = p;
        if (p > 0 && (is(c, p - 1, "us") || is(c, p - 1, "u.s.")) &&
            glued(c, p))
            *start = p - 1;
        if (p > 0 && (is(c, p - 1, "a") || is(c, p - 1, "au")) && glued(c, p)
            && cap(c, p - 1))
            return "aud";
        if (p > 0 && (is(c, p - 1, "c") || is(c, p - 1, "ca")) && glued(c, p)
            && cap(c, p - 1))
            return "cad";
        return "usd";
    }
    *start = p;
    if (is(c, p, "\xe2\x82\xac"))
        return "eur";
    if (is(c, p, "\xc2\xa3"))
        return "gbp";
    if (is(c, p, "\xc2\xa5"))
        return "jpy";
    if (is(c, p, "\xe2\x82\xb9") || is(c, p, "rs") || is(c, p, "rs."))
        return "inr";
    if (is(c, p, "usd") || is(c, p, "eur") || is(c, p, "gbp") ||
        is(c, p, "chf") || is(c, p, "cad") || is(c, p, "aud")) {
        static char code[4];
        memcpy(code, c->t[p].low, 3);
        code[3] = '\0';
        return code;
    }
    *start = i;
    return NULL;
}

static bool is_money_unit(const char *u)
{
    static const char *const codes[] = {
        "usd", "eur", "gbp", "inr", "cny", "rub", "uah", "ils", "jpy",
        "aud", "cad", "chf", NULL,
    };
    for (const char *const *p = codes; *p; p++)
        if (strcmp(u, *p) == 0)
            return true;
    return false;
}

static bool read_number(const struct ctx *c, size_t i, struct num *nm);
static bool may_start_number(const struct ctx *c, size_t i);

/* ---- what is counted ---- */

static const char *const np_stop[] = {
    "in", "on", "at", "of", "for", "from", "to", "by", "with", "over",
    "across", "into", "onto", "under", "near", "since", "during", "after",
    "before", "between", "among", "around", "about", "against", "toward",
    "towards", "through", "per", "including", "as", "than", "like", "and",
    "or", "but", "while", "when", "which", "that", "who", "whose", "where",
    "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "will", "would", "could", "can", "may", "might", "should", "must", "do",
    "does", "did", "the", "a", "an", "this", "these", "those", "its",
    "their", "his", "her", "our", "it", "they", "he", "she", "we", "so",
    "also", "still", "just", "only", "alone", "each", "all", "within",
    "out", "up", "down", "off", "there", "here", "not", "no", "if", "then",
    "because", "although", "though", "until", "via", "along", "beyond",
    "inside", "outside", "behind", "amid", "despite", "plus", "more",
    "fewer", "less", "too", "ago", "later", "earlier", "overnight", "today",
    "yesterday", "tonight", "said", "says", "say", "told", "according",
    "ahead", "away", "back", "apart", "last", "next", "this", "that",
    "now", "again", "so", "far", "yet", "ever", "never",
    /* verbs that do not end in -ed */
    "fell", "went", "came", "took", "gave", "got", "ran", "saw", "made",
    "put", "set", "began", "became", "grew", "fought", "brought",
    "caught", "won", "spread", "kept", "stood", "sat", "led", "felt",
    "found", "knew", "thought", "met", "paid", "built", "broke", "flew",
    "drove", "wrote", "spoke", "include", "includes", "remain", "remains",
    "stay", "stays", "lie", "lay", "face", "faces", "need", "needs",
    "take", "takes", "make", "makes", "get", "gets", "go", "goes", "live",
    "work", "stay", "want", "wanted", "have", "die", "fear", "hope",
    "face", "need", NULL,
};

/* Words in a noun phrase that say nothing of what is counted. */
static const char *const np_filler[] = {
    "other", "others", "different", "various", "several", "new",
    "additional", "confirmed", "separate", "further", "more", "total",
    "reported", "registered", "estimated", "recorded", "known", "some",
    "many", "individual", "extra", "large", "small", "major", "minor",
    "critical", NULL,
};

struct np {
    size_t start, end;        /* tokens of the phrase after the number */
    const char *noun;         /* canonical noun, NULL if none */
    const char *role;         /* a role inside the phrase ("missile
                               * impacts") or from a fixed-role noun */
    bool fixed_role;          /* the noun implies its role ("lives") */
    bool place;               /* regions, sites: damage means hit */
    bool inherit;             /* "others", "more": the previous noun */
    bool event_noun;          /* the fire itself */
    const char *fallback;     /* role when the clause names none */
    bool compound;            /* "nine-story": a modifier, not a count */
    bool of_total;            /* "312 of the 650 seats" */
};

static bool ends_with(const char *w, const char *suf)
{
    size_t a = strlen(w), b = strlen(suf);
    return a >= b && strcmp(w + a - b, suf) == 0;
}

/* A lower-case plural for a noun outside the lexicon. */
static void plural(const char *w, char *out, size_t size)
{
    size_t n = strlen(w);

    if (n + 3 >= size) {
        snprintf(out, size, "%s", w);
        return;
    }
    if (ends_with(w, "s") || ends_with(w, "people") || ends_with(w, "men"))
        snprintf(out, size, "%s", w);
    else if (ends_with(w, "man"))
        snprintf(out, size, "%.*smen", (int)(n - 3), w);
    else if (ends_with(w, "y") && n > 1 && !strchr("aeiou", w[n - 2]))
        snprintf(out, size, "%.*sies", (int)(n - 1), w);
    else if (ends_with(w, "ch") || ends_with(w, "sh") || ends_with(w, "x") ||
             ends_with(w, "z"))
        snprintf(out, size, "%ses", w);
    else
        snprintf(out, size, "%ss", w);
}

/* Apply the lexicon entry of a head word to the phrase. */
static void head_entry(struct ctx *c, struct np *np,
                       const struct lx_entry *en)
{
    np->noun = en->noun;
    np->place = (en->flags & LX_PLACE) != 0;
    if (en->default_role) {
        np->role = en->default_role;
        np->fixed_role = true;
    }
    np->fallback = en->fallback_role;
    if (np->noun && strcmp(np->noun, "-") == 0) {
        np->noun = NULL;
        np->event_noun = true;
    }
}

/* Predicates in the past tense that do not end in -ed. */
static const char *const past[] = {
    "struck", "hit", "shot", "lost", "fled", "sent", "dead", "hurt",
    "held", "missing", "brought", "burnt", "won", "taken", "fought",
    NULL,
};

/* The noun phrase after the number: up to four words ending at a stop
 * word or mark; its last word is the head. */
static void read_np(struct ctx *c, size_t i, struct np *np)
{
    size_t j = i, words = 0, last = (size_t)-1, prev = (size_t)-1;

    memset(np, 0, sizeof(*np));
    np->start = np->end = i;
    if (((is(c, j, "of") && is(c, j + 1, "the")) ||
         (is(c, j, "out") && is(c, j + 1, "of"))) &&
        may_start_number(c, j + 2) && !is_year_value(c, j + 2)) {
        /* "312 of the 650 seats", "18 out of 36": counted as the total */
        size_t k = j + 2;
        struct num tot;
        if (read_number(c, k, &tot) && !tot.ordinal) {
            j = tot.end;
            np->of_total = true;
        }
    } else if (is(c, j, "of") && !is_num(c, j + 1)) {
        j++;   /* "dozens of people" */
        if (is(c, j, "the") || is(c, j, "its") || is(c, j, "their"))
            j++;
    }
    if ((is(c, j, "other") || is(c, j, "further") ||
         is(c, j, "additional")) && is_word(c, j + 1) &&
        !is_any(c, j + 1, np_stop))
        j++;   /* "17 other people" */
    if (is(c, j, "of") && (is(c, j + 1, "them") || is(c, j + 1, "those") ||
                           is(c, j + 1, "these") || is(c, j + 1, "whom"))) {
        np->inherit = true;   /* "119,000 of them in Paris" */
        np->end = j + 2;
        return;
    }
    if (is(c, j, "others") || is(c, j, "more") || is(c, j, "other") ||
        is(c, j, "another")) {
        np->inherit = true;
        np->end = j + 1;
        if (is(c, j, "more") && is_word(c, j + 1) && lx_word(c, j + 1) &&
            (lx_word(c, j + 1)->flags & (LX_NOUN | LX_PLACE))) {
            np->inherit = false;   /* "4,200 more homes" */
            j++;
        } else {
            return;
        }
    }
    if (is_dash(c, j) && glued(c, j) && is_word(c, j + 1) &&
        glued(c, j + 1)) {
        /* "nine-story building": the compound is what is counted */
        const struct lx_entry *en = lx_word(c, j + 1);
        np->end = j + 2;
        np->compound = true;
        if (en && (en->flags & LX_NOUN) && !en->default_role)
            head_entry(c, np, en);
        return;
    }
    while (j < c->n && words < 5 && is_word(c, j) && same_sent(c, i, j) &&
           !is_any(c, j, np_stop)) {
        const struct lx_entry *en = lx_word(c, j);
        /* a participle after a head ends the phrase: "people injured" */
        if (last != (size_t)-1 && en && (en->flags & LX_ROLE) &&
            !(en->flags & (LX_NOUN | LX_PLACE)) &&
            (ends_with(c->t[j].low, "ed") || is_any(c, j, past)))
            break;   /* "people dead", "54 drones struck targets" */
        if (ends_with(c->t[j].low, "ly") && !lx_word(c, j))
            break;   /* adverbs: "people reportedly" */
        if ((ends_with(c->t[j].low, "ing") || (ends_with(c->t[j].low, "ed")
             && !(en && (en->flags & (LX_NOUN | LX_PLACE))))) &&
            last != (size_t)-1)
            break;   /* "three trains collided" */
        if (en && (en->flags & LX_ROLE) && ends_with(c->t[j].low, "ed"))
            np->role = en->role;   /* "injured passengers" */
        if (is_dash(c, j + 1) && glued(c, j + 1) && is_num(c, j + 2) &&
            glued(c, j + 2)) {
            j += 3;   /* "F-16 jets" */
            continue;
        }
        prev = last;
        last = j;
        words++;
        j++;
        /* "Shahed-type", "long-range" */
        while (is_dash(c, j) && glued(c, j) && is_word(c, j + 1) &&
               glued(c, j + 1))
            j += 2;
    }
    if (last == (size_t)-1)
        return;
    np->end = j;
    const struct lx_entry *en = lx_word(c, last);
    if (prev != (size_t)-1 && prev + 1 == last) {
        size_t l2;
        const struct lx_entry *e2 = lx_at(c, prev, &l2);
        if (e2 && l2 == 2 && (e2->flags & (LX_NOUN | LX_PLACE))) {
            head_entry(c, np, e2);
            return;
        }
    }
    /* "missile impacts", "drone hits": the head is a predicate */
    if (en && (en->flags & LX_ROLE) && !(en->flags & (LX_NOUN | LX_PLACE))
        && prev != (size_t)-1) {
        const struct lx_entry *pe = lx_word(c, prev);
        np->role = en->role;
        if (pe && (pe->flags & (LX_NOUN | LX_PLACE)))
            head_entry(c, np, pe);
        return;
    }
    if (en && (en->flags & (LX_NOUN | LX_PLACE))) {
        head_entry(c, np, en);
        /* "police personnel", "passenger trains": a modifier the lexicon
         * does not know names a kind of its own */
        if (np->noun && prev != (size_t)-1 && prev + 1 == last &&
            !cap(c, prev) && !lx_word(c, prev) && c->t[prev].low[0] &&
            !is_any(c, prev, np_filler) && number_word(c->t[prev].low) < 0 &&
            number_ordinal(c->t[prev].low) < 0 &&
            !ends_with(c->t[prev].low, "al") &&
            !ends_with(c->t[prev].low, "ed") &&
            !ends_with(c->t[prev].low, "ic") &&
            !ends_with(c->t[prev].low, "ive") &&
            !ends_with(c->t[prev].low, "ous") &&
            !ends_with(c->t[prev].low, "ful")) {
            char both[96];
            snprintf(both, sizeof(both), "%s %s", c->t[prev].low, np->noun);
            np->noun = astr(c, both);
        }
        return;
    }
    if (en && (en->flags & LX_ROLE)) {
        /* "900 injured", "288 dead" with no noun: a role alone */
        np->role = en->role;
        np->end = last + 1;
        return;
    }
    if (is_any(c, last, np_filler))
        return;
    /* a noun outside the lexicon: its plural, with the word before it
     * when that is a noun too ("health units") */
    char head[64], both[96];
    plural(c->t[last].low, head, sizeof(head));
    if (prev != (size_t)-1 && !cap(c, prev) && !is_any(c, prev, np_filler)
        && !ends_with(c->t[prev].low, "al") &&
        !ends_with(c->t[prev].low, "ed") && !ends_with(c->t[prev].low, "ic")
        && !ends_with(c->t[prev].low, "ive") && c->t[prev].low[0]) {
        snprintf(both, sizeof(both), "%s %s", c->t[prev].low, head);
        np->noun = astr(c, both);
    } else if (prev != (size_t)-1 && cap(c, prev) && words >= 3) {
        snprintf(both, sizeof(both), "%s %s", c->t[prev].low, head);
        np->noun = astr(c, both);
    } else {
        np->noun = astr(c, head);
    }
    if (!c->t[last].low[0])
        np->noun = NULL;
}

/* ---- predicates ---- */

static const char *const aux[] = {
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had",
    "also", "reportedly", "either", "left", "later", "all", "both", "so",
    "far", "now", "already", "still", "who", "which", "that", "got",
    "get", "getting", "become", "became", "officially", "confirmed",
    "severely", "badly", "seriously", "critically", "partially", "partly",
    "completely", "fully", "directly", "currently", "now", "as", "well",
    /* "are feared dead", "are known to have died", "were reported
     * killed" */
    "known", "believed", "feared", "thought", "reported", "said", "to",
    "presumed", "likely", "feared", "estimated", "understood", "ordered",
    "told", "forced", "asked", "urged", "advised", NULL,
};

static bool may_start_number(const struct ctx *c, size_t i);

/* Canonical role of a role entry, combining "destroyed or damaged". */
static const char *role_at(struct ctx *c, size_t i, size_t *len)
{
    size_t l;
    const struct lx_entry *en = lx_at(c, i, &l);

    if (!en || !(en->flags & LX_ROLE))
        return NULL;
    *len = l;
    size_t j = i + l;
    if ((is(c, j, "or") || is(c, j, "and")) && same_sent(c, i, j)) {
        size_t k = j + 1, l2;
        while (is_any(c, k, aux))
            k++;
        const struct lx_entry *e2 = lx_at(c, k, &l2);
        if (e2 && (e2->flags & LX_ROLE) && strcmp(e2->role, en->role) &&
            ((strcmp(en->role, "damaged") == 0 &&
              strcmp(e2->role, "destroyed") == 0) ||
             (strcmp(en->role, "destroyed") == 0 &&
              strcmp(e2->role, "damaged") == 0))) {
            *len = k + l2 - i;
            return "damaged or destroyed";
        }
        if (e2 && (e2->flags & LX_ROLE) && strcmp(e2->role, en->role) &&
            ((strcmp(en->role, "killed") == 0 &&
              strcmp(e2->role, "injured") == 0) ||
             (strcmp(en->role, "injured") == 0 &&
              strcmp(e2->role, "killed") == 0))) {
            *len = k + l2 - i;
            return "killed or injured";
        }
    }
    return en->role;
}

/* The predicate acting on the number [qs, ne) whose noun phrase ends at
 * np_end.  Searches right after the phrase (passives: "were injured"),
 * then left of the number (verbs: "launched 420"), then further left in
 * the clause past coordinated numbers. */
static const char *find_role(struct ctx *c, size_t qs, size_t np_end,
                             bool *right)
{
    size_t j = np_end, len;
    const char *r;

    *right = false;
    /* right: auxiliaries, then a role; "in Kyiv were damaged" */
    for (size_t k = 0; k < 8 && j < c->n && same_sent(c, qs, j); k++) {
        /* ", totaling 170,812 buildings," is an aside */
        if (is_comma(c, j) && is_word(c, j + 1) &&
            ends_with(c->t[j + 1].low, "ing") && !role_at(c, j + 1, &len)) {
            size_t e = j + 1;
            while (e < j + 10 && e < c->n && !is_comma(c, e) &&
                   !is_boundary(c, e))
                e++;
            if (!is_comma(c, e))
                break;
            j = e + 1;
            continue;
        }
        if (is_boundary(c, j) || is_comma(c, j))
            break;
        /* "nine missiles and 54 drones struck": the verb is shared */
        if ((is(c, j, "and") || is(c, j, "plus")) &&
            may_start_number(c, j + 1)) {
            j++;
            for (size_t m = 0; m < 6 && j < c->n && !is_boundary(c, j) &&
                 !is_comma(c, j) && !role_at(c, j, &len); m++)
                j++;
            continue;
        }
        /* "homes and businesses without power" */
        if ((is(c, j, "and") || is(c, j, "or")) && is_word(c, j + 1) &&
            !role_at(c, j + 1, &len) && !is_any(c, j + 1, np_stop) &&
            !may_start_number(c, j + 1)) {
            j++;
            for (size_t m = 0; m < 3 && is_word(c, j) && !role_at(c, j, &len)
                 && !is_any(c, j, np_stop); m++)
                j++;
            continue;
        }
        /* "coaches of a train derailed" */
        if (is(c, j, "of") && k == 0) {
            size_t e = j + 1;
            while (e < j + 5 && is_word(c, e) && !role_at(c, e, &len) &&
                   !is_any(c, e, aux) && same_sent(c, qs, e))
                e++;
            if (role_at(c, e, &len)) {
                j = e;
                continue;
            }
            break;
        }
        if ((r = role_at(c, j, &len)) != NULL) {
            *right = true;
            return r;
        }
        if (is_any(c, j, aux) || is(c, j, "not") || is(c, j, "under") ||
            is(c, j, "without")) {
            j++;
            continue;
        }
        /* a prepositional phrase: "in the capital" */
        if (is(c, j, "in") || is(c, j, "across") || is(c, j, "at") ||
            is(c, j, "on")) {
            j++;
            while (j < c->n && (cap(c, j) || is(c, j, "the") ||
                   is(c, j, "'s")) && same_sent(c, qs, j))
                j++;
            continue;
        }
        /* "had died", "are dead": done above; other verbs end it */
        break;
    }
    /* left: the verb just before, or past coordinated numbers */
    if (qs == 0)
        return NULL;
    size_t i = qs - 1;
    for (size_t k = 0; k < 14; k++) {
        if (!same_sent(c, i, qs) || is_boundary(c, i))
            break;
        if (is_comma(c, i) && !(is(c, i + 1, "including") ||
            is(c, i + 1, "with") || is_num(c, i - 1) ||
            (i >= 1 && is_word(c, i - 1) && is_num(c, i - 2))))
            break;
        if ((r = role_at(c, i, &len)) != NULL && i + len <= qs) {
            /* "intercepted and destroyed 747 drones" */
            size_t l2;
            const char *r2;
            if (i >= 2 && (is(c, i - 1, "and") || is(c, i - 1, "or")) &&
                (r2 = role_at(c, i - 2, &l2)) != NULL &&
                (strcmp(r2, "shot down") == 0 || i - 2 + l2 > i))
                return r2;
            return r;
        }
        if (i == 0)
            break;
        i--;
    }
    return NULL;
}

static const char *previous_noun(struct ctx *c, size_t qs);
static bool sentence_opens_of_those(const struct ctx *c, size_t qs);

/* "the death toll ... stands at 233", "the number of people killed ...
 * rose to 288": the subject before a number that has no noun. */
static void subject_before(struct ctx *c, size_t qs, struct np *np,
                           const char **role)
{
    for (size_t k = 1; k <= 16 && k <= qs; k++) {
        size_t i = qs - k;
        if (!same_sent(c, i, qs) || is(c, i, ";"))
            break;
        size_t len;
        const struct lx_entry *en = lx_at(c, i, &len);
        if (is(c, i, "toll") || is(c, i, "death") || is(c, i, "deaths") ||
            (is(c, i, "count") && is(c, i - 1, "death"))) {
            np->noun = "people";
            *role = "killed";
            return;
        }
        if ((is(c, i, "put") || is(c, i, "puts") || is(c, i, "placed") ||
             is(c, i, "estimated") || is(c, i, "estimates")) &&
            is(c, i + 1, "the") && is_word(c, i + 2) && i + 4 >= qs &&
            (is(c, qs - 1, "at") || is(c, qs - 2, "at"))) {
            /* "police put the crowd at 15,000" */
            if (is(c, i + 2, "crowd") || is(c, i + 2, "turnout")) {
                np->noun = "people";
                *role = "attended";
                return;
            }
            if (is(c, i + 2, "number") || is(c, i + 2, "figure")) {
                np->noun = previous_noun(c, qs);
                np->inherit = np->noun != NULL;
                if (np->noun)
                    return;
            }
        }
        if ((is(c, i, "number") || is(c, i, "total") || is(c, i, "tally")
             || is(c, i, "count")) && is(c, i + 1, "of")) {
            struct np inner;
            read_np(c, i + 2, &inner);
            if (inner.noun) {
                np->noun = inner.noun;
                bool r;
                const char *ro = inner.role ? inner.role
                                            : find_role(c, i + 2, inner.end,
                                                        &r);
                if (ro)
                    *role = ro;
                return;
            }
        }
        (void)en;
    }
}

/* ---- places ---- */

static const char *const locative[] = {
    "in", "at", "near", "across", "around", "over", "outside", "inside",
    "throughout", NULL,
};

static bool is_demonym(const struct ctx *c, size_t i)
{
    const char *w = c->t[i].low;
    return ends_with(w, "ian") || ends_with(w, "ean") ||
           ends_with(w, "ese") || ends_with(w, "ish") || ends_with(w, "ern")
           || ends_with(w, "an") || ends_with(w, "li") || ends_with(w, "qi")
           || ends_with(w, "ni") || ends_with(w, "di") || ends_with(w, "ch")
           || ends_with(w, "ic");
}

/* A place name at i ("Kharkiv", "Butte County", "the capital"); writes
 * its canonical form ("" for a country) and returns the token after it,
 * or i when there is none. */
static size_t read_place(struct ctx *c, size_t i, char *out, size_t size)
{
    size_t j = i;

    out[0] = '\0';
    if (is(c, j, "the"))
        j++;
    while (is_word(c, j) && !cap(c, j) && !lx_word(c, j) &&
           !is(c, j, "capital") &&
           (ends_with(c->t[j].low, "ern") || ends_with(c->t[j].low, "ing")
            || ends_with(c->t[j].low, "al")))
        j++;   /* "neighboring", "southern", "central" */
    if (is(c, j, "capital") && c->capital) {
        snprintf(out, size, "%s", c->capital);
        return j + 1;
    }
    /* "in the country": the country named last, in this sentence or the
     * one before */
    if (is(c, j, "country") && j > i && is(c, i, "the")) {
        for (size_t k = i; k > 0; k--) {
            if (c->t[k - 1].sent + 1 < c->t[i].sent)
                break;
            if (!cap(c, k - 1))
                continue;
            char name[24];
            size_t l = strlen(c->t[k - 1].low);
            if (ends_with(c->t[k - 1].low, "'s"))
                l -= 2;   /* "Turkey's vice-president" */
            snprintf(name, sizeof(name), "%.*s", (int)l, c->t[k - 1].low);
            const struct lx_entry *en = lexicon_find_exact(c->lx, name);
            if (en && (en->flags & LX_COUNTRY)) {
                snprintf(out, size, "%s", name);
                return j + 1;
            }
        }
    }
    if (!cap(c, j) || is_month(c, j) || when_weekday(c->t[j].low) >= 0)
        return i;
    size_t k = j;
    size_t p = 0;
    while (cap(c, k) && same_sent(c, j, k) && k - j < 4) {
        const struct lx_entry *en = lx_word(c, k);
        if (k > j && en && (en->flags & LX_PLACETYPE))
            break;
        if (k == j && is_demonym(c, k) && is_word(c, k + 1) &&
            !cap(c, k + 1) && !lx_word(c, k))
            return i;   /* "Russian regions", "Israeli bombardment" */
        size_t l = strlen(c->t[k].low);
        if (l >= 2 && ends_with(c->t[k].low, "'s"))
            l -= 2;
        if (p + l + 2 >= size)
            break;
        if (p)
            out[p++] = ' ';
        memcpy(out + p, c->t[k].low, l);
        p += l;
        out[p] = '\0';
        k++;
        if (ends_with(c->t[k - 1].low, "'s")) {
            /* "in California's history": the place owns what follows */
            if (is_word(c, k) && !cap(c, k) &&
                !(lx_word(c, k) && (lx_word(c, k)->flags & LX_PLACETYPE)))
                return i;
            break;
        }
    }
    if (!p)
        return i;
    /* "Butte and Tehama counties" */
    if (is(c, k, "and") && cap(c, k + 1) && p + 20 < size) {
        size_t l = strlen(c->t[k + 1].low);
        if (p + l + 2 < size) {
            out[p++] = '+';
            memcpy(out + p, c->t[k + 1].low, l);
            p += l;
            out[p] = '\0';
            k += 2;
        }
    }
    /* a country is a place like any other ("killed in Syria"); across,
     * around or throughout it, or in the one country the article is
     * about, the whole country: no scope */
    const struct lx_entry *en = lexicon_find(c->lx, out);
    if (en && (en->flags & LX_COUNTRY) && ((i > 0 &&
        (is(c, i - 1, "across") || is(c, i - 1, "around") ||
         is(c, i - 1, "throughout") || is(c, i - 1, "over") ||
         is(c, i - 1, "all"))) || (c->home && strcmp(c->home, out) == 0)))
        out[0] = '\0';
    if (lx_word(c, k) && (lx_word(c, k)->flags & LX_PLACETYPE))
        k++;
    return k;
}

/* The place named in the clause of tokens [qs, end): a locative phrase
 * in the same comma-bounded stretch, else a sentence-initial "In X,",
 * else "X Governor/Mayor". */
static const char *find_scope(struct ctx *c, size_t qs, size_t end)
{
    char place[96];
    size_t from = qs, to = end;

    size_t lo = scan_from(c, qs), hi = scan_to(c, end > qs ? end - 1 : qs);
    while (from > lo && !is_boundary(c, from - 1) && !is_comma(c, from - 1))
        from--;
    while (to < hi && !is_boundary(c, to) && !is_comma(c, to))
        to++;
    /* nearest locative to the number */
    size_t best = (size_t)-1, bestd = (size_t)-1;
    for (size_t i = from; i < to; i++) {
        if (!is_any(c, i, locative))
            continue;
        size_t k = read_place(c, i + 1, place, sizeof(place));
        if (k == i + 1)
            continue;
        const struct lx_entry *ce = lexicon_find(c->lx, place);
        if (ce && (ce->flags & LX_COUNTRY) && !is(c, i, "in"))
            continue;   /* "drones at Ukraine": a target, not a place */
        size_t d = i < qs ? qs - i : i - end;
        if (d < bestd) {
            bestd = d;
            best = i;
        }
    }
    if (best != (size_t)-1) {
        read_place(c, best + 1, place, sizeof(place));
        return astr(c, place);
    }
    /* "13 coaches of the Coromandel Express": whose */
    if (is(c, end, "of")) {
        size_t k = end + 1;
        if (is(c, k, "the"))
            k++;
        size_t e = read_place(c, k, place, sizeof(place));
        /* the name must be the whole phrase: "of Gaza hospitals" names
         * hospitals, not a place */
        const struct lx_entry *ce = place[0] ? lexicon_find(c->lx, place)
                                             : NULL;
        if (cap(c, k) && e > k && place[0] &&
            !(ce && (ce->flags & LX_COUNTRY)) &&
            !(is_word(c, e) && !cap(c, e) && !is_any(c, e, np_stop)))
            return astr(c, place);
    }
    /* "In Odesa, one person was killed" */
    size_t s = sent_start(c, qs);
    if (is(c, s, "in") && read_place(c, s + 1, place, sizeof(place)) >
        s + 1) {
        size_t k = read_place(c, s + 1, place, sizeof(place));
        if (is_comma(c, k) && k < qs)
            return astr(c, place);
    }
    /* "Kharkiv Governor ... said", "the Donetsk region's governor" */
    size_t ghi = scan_to(c, end > qs ? end - 1 : qs);
    for (size_t i = scan_from(c, qs); i < ghi; i++) {
        if (c->mask && !(c->mask[i] & MASK_SCAN))
            continue;
        if (is(c, i, "governor") || is(c, i, "mayor") ||
            is(c, i, "governor's")) {
            size_t k = i;
            if (k > s && (is(c, k - 1, "region's") ||
                is(c, k - 1, "oblast's") || is(c, k - 1, "city's")))
                k--;
            if (k > s && cap(c, k - 1) && !is_demonym(c, k - 1)) {
                size_t b = k - 1;
                if (b > s && is(c, b - 1, "the"))
                    b--;
                size_t e = read_place(c, b, place, sizeof(place));
                if (e > b)
                    return astr(c, place);
            }
        }
    }
    return "";
}

/* ---- time ---- */

struct span { int from, to; bool since; bool found; };

static int last_weekday(int today, int wd)
{
    int back = (date_weekday(today) - wd + 7) % 7;
    return today - back;
}

/* A month name at i with an optional year after: "February 2025". */
static bool month_span(struct ctx *c, size_t i, struct span *sp)
{
    int m, y, d0;

    if (!is_month(c, i))
        return false;
    char w[24];
    snprintf(w, sizeof(w), "%s", c->t[i].low);
    size_t l = strlen(w);
    if (l && w[l - 1] == '.')
        w[l - 1] = '\0';
    m = when_month(w);
    size_t j = skip_dot(c, i + 1);
    date_to_ymd(c->today, &y, &d0, &d0);
    int day = 0;
    if (is_num(c, j) && !is_year_value(c, j)) {
        double dv = digits_of(c, j);
        if (dv >= 1 && dv <= 31) {
            day = (int)dv;
            j++;
            if (ordinal_suffix(c, j))
                j++;
            if (is_comma(c, j))
                j++;
        }
    }
    if (is_year_value(c, j)) {
        y = (int)digits_of(c, j);
    } else {
        int ty, tm, td;
        date_to_ymd(c->today, &ty, &tm, &td);
        y = m > tm ? ty - 1 : ty;
    }
    if (day) {
        int d = date_from_ymd(y, m, day);
        if (d == DATE_NONE)
            return false;
        sp->from = sp->to = d;
    } else {
        sp->from = date_from_ymd(y, m, 1);
        sp->to = date_from_ymd(y, m, date_month_days(y, m));
    }
    return true;
}

/* "24 February 2022", "8 October 2023" */
static bool day_month_span(struct ctx *c, size_t i, struct span *sp)
{
    if (!is_num(c, i))
        return false;
    size_t j = i + 1;
    if (ordinal_suffix(c, j))
        j++;
    if (is(c, j, "of"))
        j++;
    if (!is_month(c, j))
        return false;
    double dv = digits_of(c, i);
    struct span ms;
    if (!month_span(c, j, &ms) || dv < 1 || dv > 31)
        return false;
    int y, m, d;
    date_to_ymd(ms.from, &y, &m, &d);
    int day = date_from_ymd(y, m, (int)dv);
    if (day == DATE_NONE)
        return false;
    sp->from = sp->to = day;
    return true;
}

/* The time expression at token i, if any. */
static bool time_at(struct ctx *c, size_t i, struct span *sp)
{
    int t = c->today, y, m, d, wd;

    if (c->mask && !is_num(c, i) &&
        !(c->mask[i] & (MASK_TIME | MASK_MONTH | MASK_WEEKDAY)))
        return false;   /* most words: before any other work */
    memset(sp, 0, sizeof(*sp));
    date_to_ymd(t, &y, &m, &d);
    if (is(c, i, "overnight") || is(c, i, "tonight") || is(c, i, "today") ||
        (is(c, i, "last") && is(c, i + 1, "night")) ||
        (is(c, i, "this") && (is(c, i + 1, "morning") ||
                              is(c, i + 1, "evening")))) {
        sp->from = sp->to = t;
        return true;
    }
    if (is(c, i, "yesterday")) {
        sp->from = sp->to = t - 1;
        return true;
    }
    if ((!c->mask || (c->mask[i] & MASK_WEEKDAY)) &&
        (wd = when_weekday(c->t[i].low)) >= 0 && cap(c, i)) {
        sp->from = sp->to = last_weekday(t, wd);
        return true;
    }
    if ((is(c, i, "last") || is(c, i, "past") || is(c, i, "previous")) &&
        is(c, i + 1, "week")) {
        if (is(c, i, "last") && !is(c, i - 1, "the")) {
            int mon = last_weekday(t, 1);
            sp->from = mon - 7;
            sp->to = mon - 1;
        } else {
            sp->from = t - 7;
            sp->to = t - 1;
        }
        return true;
    }
    if (is(c, i, "week") && is(c, i + 1, "before") && is(c, i - 1, "the")) {
        sp->from = t - 7;
        sp->to = t - 1;
        return true;
    }
    if (is(c, i, "this") && is(c, i + 1, "week")) {
        sp->from = last_weekday(t, 1);
        sp->to = t;
        return true;
    }
    if ((is(c, i, "this") || is(c, i, "earlier")) &&
        is(c, i + 1, "month")) {
        sp->from = date_from_ymd(y, m, 1);
        sp->to = t;
        return true;
    }
    if (is(c, i, "last") && is(c, i + 1, "month")) {
        int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
        sp->from = date_from_ymd(py, pm, 1);
        sp->to = date_from_ymd(py, pm, date_month_days(py, pm));
        return true;
    }
    if (is(c, i, "last") && is(c, i + 1, "year")) {
        sp->from = date_from_ymd(y - 1, 1, 1);
        sp->to = date_from_ymd(y - 1, 12, 31);
        return true;
    }
    if (is(c, i, "this") && is(c, i + 1, "year")) {
        sp->from = date_from_ymd(y, 1, 1);
        sp->to = t;
        return true;
    }
    if (month_span(c, i, sp) || day_month_span(c, i, sp))
        return true;
    if (is_year_value(c, i) && !in_date(c, i)) {
        int yy = (int)digits_of(c, i);
        if (yy > y)
            return false;
        sp->from = date_from_ymd(yy, 1, 1);
        sp->to = yy == y ? t : date_from_ymd(yy, 12, 31);
        return true;
    }
    return false;
}

/* "fire", "earthquake", "war": the event itself (lexicon class "-") */
static bool is_event_noun(const struct ctx *c, size_t i)
{
    const struct lx_entry *en = lx_word(c, i);
    return en && en->noun && strcmp(en->noun, "-") == 0;
}

/* The time of the number at [qs, end): the nearest time expression in
 * its sentence, preferring its clause; "since X" makes it cumulative. */
static struct span find_when(struct ctx *c, size_t qs, size_t end)
{
    struct span best = { c->day, c->day, false, false }, sp;
    size_t s = sent_start(c, qs), bestd = (size_t)-1;
    size_t hi = scan_to(c, end > qs ? end - 1 : qs);

    for (size_t i = scan_from(c, qs); i < hi; i++) {
        if (i >= qs && i < end)
            continue;
        if (!time_at(c, i, &sp))
            continue;
        size_t d = i < qs ? qs - i : i - end + 1;
        /* a boundary between costs distance */
        size_t a = i < qs ? i : end, b = i < qs ? qs : i;
        for (size_t k = a; k < b; k++)
            if (is_boundary(c, k))
                d += 20;
            else if (is_comma(c, k))
                d += 8;
        /* "the 2018 Camp Fire, which ... leaving 85 people dead": a
         * named event's year reaches its relative clause */
        bool named = is_year_value(c, i) && i < qs &&
                     (cap(c, i + 1) || is_event_noun(c, i + 1));
        if (d > (named ? 48u : 16u))
            continue;   /* another clause's time */
        /* "since 2014", "since hostilities began in 2014" */
        bool since = false;
        for (size_t k = i; k > s && k + 6 > i; k--)
            if (is(c, k - 1, "since")) {
                since = true;
                break;
            }
        if (since) {
            sp.to = c->today;
            sp.since = true;
        }
        if (sp.to > c->today || sp.from > sp.to)
            continue;   /* plans, not facts; "since 2069" is no span */
        if (d < bestd) {
            bestd = d;
            best = sp;
            best.found = true;
        }
    }
    return best;
}

/* ---- topics by unit ---- */

static const char *ordinal_topic(struct ctx *c, size_t end)
{
    size_t j = end;
    if (is_dash(c, j) && glued(c, j))
        j++;
    if (is_word(c, j) && !is_any(c, j, np_stop) && !cap(c, j)) {
        char buf[64];
        snprintf(buf, sizeof(buf), "%s", c->t[j].low);
        return astr(c, buf);
    }
    return "rank";   /* "finished 4th", "No. 7 on the list" */
}

/* What a measure is of, from the words before it: "winds of 150 mph" ->
 * "winds", "a depth of 17.9 km" -> "depth", "The storm surge reached as
 * high as 12 feet" -> "surge".  NULL when they say nothing. */
static const char *measure_subject(struct ctx *c, size_t qs)
{
    static const char *const linking[] = {
        "reached", "reaches", "was", "is", "were", "are", "stood", "stands",
        "hit", "hits", "topped", "tops", "measured", "measures", "peaked",
        "rose", "fell", "climbed", "dropped", "exceeded", "totalled",
        "totaled", "came", "will", "be", "been", "could", NULL,
    };
    char buf[64];
    size_t i = qs;

    if (i >= 2 && is(c, i - 1, "of") && is_word(c, i - 2) &&
        !is_any(c, i - 2, np_stop) && !cap(c, i - 2) && c->t[i - 2].low[0] &&
        number_word(c->t[i - 2].low) < 0) {
        snprintf(buf, sizeof(buf), "%s", c->t[i - 2].low);
        return astr(c, buf);
    }
    while (i > 0 && same_sent(c, i - 1, qs) && is_any(c, i - 1, linking))
        i--;
    if (i < qs && i > 0 && is_word(c, i - 1) && same_sent(c, i - 1, qs) &&
        !is_any(c, i - 1, np_stop) && !cap(c, i - 1) && c->t[i - 1].low[0] &&
        !ends_with(c->t[i - 1].low, "ly")) {
        snprintf(buf, sizeof(buf), "%s", c->t[i - 1].low);
        return astr(c, buf);
    }
    return NULL;
}

/* For a length: "front line length", "distance to kolkata", "distance". */
static const char *length_topic(struct ctx *c, size_t qs, size_t end,
                                size_t *np_end)
{
    size_t j = end;
    char buf[128], place[96];

    /* "(750-mile)" was absorbed already */
    /* "a depth of 17.9 km", "at a height of 30 metres" */
    if (qs >= 2 && is(c, qs - 1, "of")) {
        const char *sub = measure_subject(c, qs);
        if (sub)
            return sub;
    }
    /* "17 km deep", "a wall 5 metres high" */
    static const char *const dims[][2] = {
        { "deep", "depth" }, { "long", "length" }, { "wide", "width" },
        { "high", "height" }, { "tall", "height" }, { "thick", "thickness" },
    };
    for (size_t k = 0; k < sizeof(dims) / sizeof(*dims); k++)
        if (is(c, j, dims[k][0]))
            return dims[k][1];
    if (is_any(c, j, directions))
        j++;
    if (is(c, j, "of") || is(c, j, "from")) {
        /* the last capitalised name before the clause ends */
        size_t k = j + 1, lastname = (size_t)-1;
        while (k < c->n && same_sent(c, j, k) && !is_boundary(c, k) &&
               !is(c, k, "and") && k < j + 8 &&
               !(is_comma(c, k) && !is(c, k - 1, "capital") &&
                 !is(c, k - 1, "city"))) {
            if (cap(c, k) && (lastname == (size_t)-1 ||
                              !cap(c, k - 1) || is_comma(c, k - 1)))
                lastname = k;
            k++;
        }
        if (lastname != (size_t)-1 &&
            read_place(c, lastname, place, sizeof(place)) > lastname &&
            place[0]) {
            snprintf(buf, sizeof(buf), "distance to %s", place);
            *np_end = j + 1;
            return astr(c, buf);
        }
        return "distance";
    }
    /* "1,200km front line", "the 500-mile border" */
    size_t w = j, last = (size_t)-1;
    while (is_word(c, w) && !is_any(c, w, np_stop) && w < j + 3 &&
           same_sent(c, j, w)) {
        last = w;
        w++;
        while (is_dash(c, w) && glued(c, w) && is_word(c, w + 1))
            w += 2;
    }
    if (last != (size_t)-1) {
        char np[64] = "";
        size_t p = 0;
        for (size_t k = j; k <= last && p + 24 < sizeof(np); k++)
            if (is_word(c, k) && !is_dash(c, k))
                p += (size_t)snprintf(np + p, sizeof(np) - p, "%s%s",
                                      p ? " " : "", c->t[k].low);
            else if (is_dash(c, k))
                p += (size_t)snprintf(np + p, sizeof(np) - p, " ");
        *np_end = w;
        snprintf(buf, sizeof(buf), "%s length", np);
        return astr(c, buf);
    }
    const char *sub = measure_subject(c, qs);
    return sub ? sub : "distance";
}

static const char *word_before(struct ctx *c, size_t qs);

/* For money: what it is for, and a near-term horizon ("first three
 * years"); NULL when nothing says. */
static const char *money_topic(struct ctx *c, size_t qs, size_t end)
{
    const char *purpose = NULL;
    size_t s = qs, e = end;
    char buf[128];
    int horizon = 0;
    long score = 0;

    size_t lo = scan_from(c, qs), hi = scan_to(c, end > qs ? end - 1 : qs);
    while (s > lo && !is(c, s - 1, ";") && !is(c, s - 1, ":"))
        s--;
    while (e < hi && !is(c, e, ";") && !is(c, e, ":"))
        e++;
    for (size_t i = s; i < e; i++) {
        const struct lx_entry *en = lx_word(c, i);
        if (is_comma(c, i) && is(c, i + 1, "and")) {
            if (i < qs) {
                purpose = NULL;
            } else {
                break;
            }
        }
        if (en && (en->flags & LX_PURPOSE) &&
            (!cap(c, i) || (c->t[i].flags & TF_SENT_START)) &&
            !(i > 0 && is(c, i - 1, "including")) &&
            !is(c, i + 1, "included")) {
            /* nearer wins, after the number more than before; a more
             * specific purpose ("losses") may stand a little further */
            long d = (long)(i < qs ? (qs - i) * 2 : i - end) -
                     3L * en->priority;
            if (!purpose || d < score) {
                score = d;
                purpose = en->role;
            }
        }
        /* "in the first three years", "over the next three years" */
        if ((is(c, i, "first") || is(c, i, "next")) && i + 1 < e) {
            double v = number_word(c->t[i + 1].low);
            if (v < 0)
                v = digits_of(c, i + 1);
            if (v > 0 && v < 10 && (is(c, i + 2, "years") ||
                is(c, i + 2, "year") || is_boundary(c, i + 2)))
                horizon = (int)v;
        }
    }
    if (!purpose) {
        /* "a $5 billion package", "$300 million in aid", "pay $40m" */
        struct np np;
        size_t k = end;
        if (is(c, k, "in") || is(c, k, "of") || is(c, k, "for"))
            k++;
        read_np(c, k, &np);
        purpose = np.noun && !np.event_noun ? np.noun : word_before(c, qs);
        if (!purpose)
            return NULL;
    }
    if (horizon)
        snprintf(buf, sizeof(buf), "%s, %d years", purpose, horizon);
    else
        snprintf(buf, sizeof(buf), "%s", purpose);
    return astr(c, buf);
}

/* The verb or subject a bare measure hangs on: "contracted by 83%" ->
 * "contract", "Turnout was 67.3 percent" -> "turnout"; NULL if none. */
static const char *word_before(struct ctx *c, size_t qs)
{
    char buf[64];
    size_t i = qs;

    while (i > 0 && same_sent(c, i - 1, qs) && is_any(c, i - 1, bare_skip))
        i--;
    if (i > 0 && is_word(c, i - 1) && same_sent(c, i - 1, qs) &&
        !is_any(c, i - 1, np_stop) && c->t[i - 1].low[0]) {
        const char *w = c->t[i - 1].low;
        size_t l = strlen(w);
        if (ends_with(w, "ed") && l > 4)
            l -= 2;   /* a rough lemma: "contracted" -> "contract" */
        else if (ends_with(w, "s") && l > 4 && !ends_with(w, "ss"))
            l -= 1;   /* "lasts" -> "last" */
        snprintf(buf, sizeof(buf), "%.*s", (int)l, w);
        return astr(c, buf);
    }
    /* the clause's first word when it is a noun: "Turnout ..." */
    size_t s = qs, lo = scan_from(c, qs);
    while (s > lo && !is_comma(c, s - 1) && !is_boundary(c, s - 1))
        s--;
    if (s + 4 >= qs && is_word(c, s) && !is_any(c, s, np_stop) &&
        !cap(c, s + 1) && is_any(c, s + 1, bare_skip)) {
        snprintf(buf, sizeof(buf), "%s", c->t[s].low);
        return astr(c, buf);
    }
    return NULL;
}

/* For a percentage: "share of ukraine held", "buildings damaged",
 * "contained". */
static const char *percent_topic(struct ctx *c, size_t qs, size_t end,
                                 size_t *np_end)
{
    char buf[160], place[96];
    const char *what = NULL;
    size_t j = end;
    bool right;

    if (is(c, j, "of")) {
        size_t k = j + 1;
        while (is(c, k, "the") || is(c, k, "all") || is(c, k, "its") ||
               is(c, k, "their"))
            k++;
        size_t e = read_place(c, k, place, sizeof(place));
        if (cap(c, k) && ends_with(c->t[k].low, "'s"))
            e = k + 1;   /* "of Ukraine's territory": a share of Ukraine */
        bool modifier = cap(c, k) && !ends_with(c->t[k].low, "'s") &&
                        is_word(c, k + 1) && !cap(c, k + 1) &&
                        !is_any(c, k + 1, np_stop);
        if (e > k && cap(c, k) && !modifier) {
            char w[64];
            snprintf(w, sizeof(w), "%.*s", (int)(c->t[k].e - c->t[k].s),
                     c->s + c->t[k].s);
            /* the name itself, even for a country */
            size_t l = strlen(c->t[k].low);
            if (ends_with(c->t[k].low, "'s"))
                l -= 2;
            snprintf(buf, sizeof(buf), "share of %.*s", (int)l,
                     c->t[k].low);
            what = astr(c, buf);
            *np_end = e;
        } else {
            struct np np;
            if (modifier)
                k++;
            while (is_word(c, k) && !cap(c, k) && !lx_word(c, k) &&
                   (ends_with(c->t[k].low, "ised") ||
                    ends_with(c->t[k].low, "ized")))
                k++;
            read_np(c, k, &np);
            if (np.event_noun) {
                what = NULL;
                *np_end = np.end;
            } else if (np.noun) {
                what = np.noun;
                *np_end = np.end;
            } else if (cap(c, k)) {
                /* "industrialised Donetsk" */
                snprintf(buf, sizeof(buf), "share of %s", c->t[k].low);
                what = astr(c, buf);
                *np_end = k + 1;
            }
        }
    } else {
        struct np np;
        read_np(c, j, &np);
        if (np.noun) {
            what = np.noun;
            *np_end = np.end;
        } else if (np.role) {
            *np_end = np.end;
            return np.role;
        }
    }
    const char *role = find_role(c, qs, *np_end, &right);
    if (!what && !role)
        return word_before(c, qs);
    if (!what)
        return role;
    if (!role)
        return what;
    snprintf(buf, sizeof(buf), "%s %s", what, role);
    return astr(c, buf);
}

/* ---- the driver ---- */

/* "the next 10 years", "over the past three days", "for two hours":
 * a stretch of time around the statement, not a fact. */
static bool horizon_before(const struct ctx *c, size_t qs)
{
    return qs > 0 && is_any(c, qs - 1, horizon_words);
}

/* Skip "(750-mile)", "(137 miles)", "(€50bn)" after a measure. */
static size_t absorb_conversion(struct ctx *c, size_t j)
{
    if (!is(c, j, "("))
        return j;
    size_t k = j + 1, e;
    size_t cs;
    if (read_currency(c, k + 1, &cs) && cs == k)
        k++;
    if (read_value(c, k, &e) < 0)
        return j;
    size_t ue;
    if (read_unit(c, e, &ue))
        e = ue;
    if (is(c, e, ")"))
        return e + 1;
    return j;
}

/* Half the step of the last significant digit the number was written
 * with ("53,000" -> 500, "82" -> 0.5, "1.5" -> 0.05), in its own unit. */
static double half_step(const struct ctx *c, const struct num *nm,
                        bool converted)
{
    double v = fabs(nm->value), step = 1;
    const struct tok *t = tk(c, nm->start);

    if (t->type == TOK_NUM) {
        const char *dot = memchr(c->s + t->s, '.', t->e - t->s);
        double w = digits_of(c, nm->start);
        if (dot)
            step = pow(10, -(double)(c->s + t->e - dot - 1));
        if (w > 0 && v / w > 1.5)
            return step * (v / w) / 2;   /* "$49 billion", "1.2m" */
        if (dot)
            return step / 2;
    }
    /* "53,000 acres": rounded to thousands when converted to hectares;
     * "1,200km" in its own unit is taken as written */
    if (converted && v == floor(v) && v >= 1000)
        while (fmod(v, step * 10) == 0 && step * 10 < v)
            step *= 10;
    return step / 2;
}

/* Units of measure, as against counts, ordinals and dates: "18 km" is
 * written to the kilometre, so it allows 17.5 to 18.5. */
static bool is_measure(const char *unit)
{
    return strcmp(unit, "count") && strcmp(unit, "ordinal") &&
           strcmp(unit, "date") && strcmp(unit, "min") &&
           strcmp(unit, "days") && strcmp(unit, "months");
}

/* Whether the number was written with a scale word ("$49 billion"). */
static bool scaled(const struct ctx *c, const struct num *nm)
{
    double w = digits_of(c, nm->start);
    return w > 0 && fabs(nm->value) / w > 1.5;
}

static void emit(struct ctx *c, const struct num *nm, size_t tstart,
                 size_t tend, const char *unit, double factor,
                 const char *topic, size_t qs, size_t end)
{
    struct fact f;
    const struct article *a = c->a;

    memset(&f, 0, sizeof(f));
    f.source = c->source;
    f.outlet = c->outlet;
    f.source_date = a->date;
    f.offset = c->t[tstart].s;
    f.length = c->t[tend - 1].e - f.offset;
    f.text = arena_strndup(c->ar, c->s + f.offset, f.length);
    f.has_value = nm->has_value;
    f.value = fact_round(nm->value * factor);
    f.has_low = nm->has_low;
    f.low = fact_round(nm->low * factor);
    f.has_high = nm->has_high;
    f.high = fact_round(nm->high * factor);
    f.low_excl = nm->low_excl;
    f.high_excl = nm->high_excl;
    f.qual = nm->qual;
    if (!f.has_value)
        f.value = 0;
    if (!f.has_low)
        f.low = 0;
    if (!f.has_high)
        f.high = 0;
    /* a value converted from another unit keeps the precision it was
     * written with, so "53,000 acres" and "82 square miles" can agree */
    if ((factor != 1 || scaled(c, nm) || is_measure(unit)) &&
        f.has_value && (nm->qual == QUAL_EXACT || nm->qual == QUAL_ABOUT) &&
        strcmp(unit, "min") && strcmp(unit, "days") &&
        strcmp(unit, "months") && strcmp(unit, "date")) {
        double h = half_step(c, nm, factor != 1);
        f.low = fact_round((nm->value - h) * factor);
        f.high = fact_round((nm->value + h) * factor);
    }
    /* facts own their strings: nothing points into the lexicon */
    f.unit = intern(c, unit);
    f.topic = c->quiet || !topic ? "" : intern(c, topic);
    topic = f.topic;
    struct span sp = find_when(c, qs, end);
    f.date_from = sp.from;
    f.date_to = sp.to;
    f.scope = find_scope(c, qs, end);
    f.kind = sp.since || lexicon_is_state(c->lx, topic, unit) ? KIND_STATE
                                                              : KIND_EVENT;
    fact_list_push(c->out, &f);
}

/* The noun of the previous count fact in this sentence, for "five
 * others damaged" and "more than 900 injured". */
static const char *previous_noun(struct ctx *c, size_t qs)
{
    for (size_t k = c->out->n; k > c->first && k + 16 > c->out->n; k--) {
        const struct fact *f = &c->out->v[k - 1];
        if (strcmp(f->unit, "count") != 0)
            continue;
        /* same sentence? compare by the token's sentence number */
        size_t lo = 0, hi = qs;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c->t[mid].s < f->offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo >= c->n || (!same_sent(c, lo, qs) &&
            !(sentence_opens_of_those(c, qs) &&
              c->t[lo].sent + 1 == c->t[qs].sent)))
            return NULL;
        const char *sp = strchr(f->topic, ' ');
        char buf[64];
        const char *t = f->topic;
        size_t l = sp ? (size_t)(sp - t) : strlen(t);
        /* the noun is the topic less its role; nouns of two words keep
         * both */
        const struct lx_entry *en;
        snprintf(buf, sizeof(buf), "%.*s", (int)l, t);
        en = lexicon_find(c->lx, buf);
        if (en && (en->flags & (LX_NOUN | LX_PLACE)))
            return en->noun;
        return astr(c, buf);
    }
    return NULL;
}

/* Whether a role applies to a noun ("launched" only to weapons). */
static bool role_fits(struct ctx *c, const char *role, const char *noun)
{
    const struct lx_entry *en = lexicon_find(c->lx, role);
    const char *p;
    size_t n = strlen(noun);

    if (!en || !en->role_nouns)
        return true;
    for (p = en->role_nouns; *p;) {
        const char *q = strchr(p, ',');
        size_t l = q ? (size_t)(q - p) : strlen(p);
        /* the noun's last word: "cruise missiles" is missiles */
        if (n >= l && strncmp(noun + n - l, p, l) == 0 &&
            (n == l || noun[n - l - 1] == ' '))
            return true;
        p += l + (q ? 1 : 0);
    }
    return false;
}

/* "Of those, 43 ...", "Of them, 12 ...": the sentence counts part of what
 * the previous one counted. */
static bool sentence_opens_of_those(const struct ctx *c, size_t qs)
{
    size_t s = sent_start(c, qs);
    return is(c, s, "of") && (is(c, s + 1, "those") || is(c, s + 1, "them")
                              || is(c, s + 1, "these")) &&
           is_comma(c, s + 2) && s + 3 == qs;
}

static bool person_role(struct ctx *c, const char *role)
{
    const struct lx_entry *en = role ? lexicon_find(c->lx, role) : NULL;
    return en && (en->flags & LX_PERSON);
}

/* A count of things: its noun and predicate make the topic. */
static void count_fact(struct ctx *c, struct num *nm, size_t i)
{
    struct np np;
    bool right;
    char buf[160];
    const char *noun, *role;

    read_np(c, nm->end, &np);
    noun = np.noun;
    role = np.role;
    if (!noun && np.end == nm->end && nm->qstart > 0 &&
        (is(c, nm->qstart - 1, "another") || is(c, nm->qstart - 1, "further")))
        np.inherit = true;   /* "another 4,200 are under threat" */
    if (!noun && np.end == nm->end && sentence_opens_of_those(c, nm->qstart))
        np.inherit = true;   /* "Of those, 43 were brought down" */
    if (np.inherit)
        noun = previous_noun(c, nm->qstart);
    if (!np.fixed_role && !np.role)
        role = find_role(c, nm->qstart, np.end, &right);
    if (!noun && !np.inherit && np.end == nm->end)
        subject_before(c, nm->qstart, &np, &role), noun = np.noun;
    if (nm->qstart >= 3 && (is(c, nm->qstart - 1, "the") &&
        is(c, nm->qstart - 2, "of") && is_num(c, nm->qstart - 3)))
        role = "total";   /* "312 of the 650 seats": the 650 */
    else if (nm->qstart >= 3 && is(c, nm->qstart - 1, "of") &&
             is(c, nm->qstart - 2, "out") && is_num(c, nm->qstart - 3))
        role = "total";   /* "18 out of 36 hospitals" */
    if (role && strcmp(role, "deployed") == 0)
        role = NULL;   /* resources at work: the noun says it */
    if (role && noun && !role_fits(c, role, noun))
        role = NULL;   /* "sent two rescue helicopters" is not a launch */
    if (!role && np.fallback)
        role = np.fallback;
    if (np.compound)
        c->quiet = true;   /* "two-day talks", "nine-storey building" */
    if (!noun && role && person_role(c, role))
        noun = "people";
    if (!noun && role && np.inherit)
        noun = NULL;
    if (np.place && role) {
        role = strcmp(role, "debris") == 0 ? "debris" : "hit";
    }
    if (!noun && !role)
        c->quiet = true;   /* a bare number: nothing to compare it by */
    else if (is(c, nm->start, "one") && (!role || np.inherit || !np.noun))
        c->quiet = true;   /* "one man who survived", "one spot" */
    else if (!noun && !person_role(c, role) &&
             strcmp(role, "launched") != 0)
        c->quiet = true;   /* "destroyed 490": of what? */
    if (!noun && !role)
        buf[0] = '\0';
    else if (!noun)
        snprintf(buf, sizeof(buf), "%s", role);
    else if (!role)
        snprintf(buf, sizeof(buf), "%s", noun);
    else
        snprintf(buf, sizeof(buf), "%s %s", noun, role);
    size_t tend = np.end > nm->end && !np.of_total ? np.end : nm->end;
    emit(c, nm, nm->qstart, tend, "count", 1, astr(c, buf), nm->qstart,
         tend);
    (void)i;
}

static bool read_unit_or_pct(const struct ctx *c, size_t i)
{
    size_t e;
    return is(c, i, "%") || read_unit(c, i, &e) != NULL;
}

/* The sentence says the number was an earlier, withdrawn one. */
static bool withdrawn(const struct ctx *c, size_t qs)
{
    size_t hi = scan_to(c, qs);
    for (size_t i = scan_from(c, qs); i < hi; i++)
        if ((!c->mask || (c->mask[i] & MASK_SCAN)) &&
            ((is(c, i, "at") && is(c, i + 1, "first") &&
             !is(c, i + 2, "time")) || is(c, i, "initially") ||
            (is(c, i, "earlier") && (is(c, i + 1, "figure") ||
             is(c, i + 1, "report") || is(c, i + 1, "estimate") ||
             is(c, i + 1, "count") || is(c, i + 1, "tally")))))
            return true;
    return false;
}

/* Whether a number is stated but not for comparing: a reference ("the
 * two sides", "one of the sources"), a withdrawn figure ("at first",
 * "an earlier figure") or a possibility ("may chip in $20 billion"). */
static bool uncompared(const struct ctx *c, const struct num *nm)
{
    size_t i = nm->start;

    if (is(c, i, "one") && (is(c, i + 1, "of") || is(c, i + 1, "another")
        || is(c, i + 1, "day")))
        return true;
    if (i > 0 && !nm->ordinal && is_any(c, i - 1, definite) &&
        !is_num(c, i) && nm->value < 10)
        return true;
    if (withdrawn(c, nm->qstart))
        return true;
    for (size_t k = nm->qstart, m = 0; k > 0 && m < 5; k--, m++) {
        if (is_boundary(c, k - 1) || is_comma(c, k - 1) ||
            !same_sent(c, k - 1, i))
            break;
        if (is(c, k - 1, "may") || is(c, k - 1, "might"))
            return true;
    }
    return false;
}

/* Whether the number at i must be passed over. */
static bool excluded(struct ctx *c, const struct num *nm)
{
    size_t i = nm->start;

    if (is_age(c, i, nm->end))
        return true;
    if (i > 0 && !nm->ordinal && is_any(c, i - 1, definite) &&
        is_num(c, i) && cap(c, nm->end) && !read_unit_or_pct(c, nm->end))
        return true;   /* "the 18 Cemetery" */
    if (!is_num(c, i))
        return false;
    if (in_date(c, i) || is_time(c, i) || is_age(c, i, nm->end) ||
        is_identifier(c, i, nm->end))
        return true;
    /* a year, unless money, a unit or a scale follows */
    if (is_year_value(c, i) && nm->end == i + 1 && nm->qstart == i &&
        nm->has_value) {
        size_t ue;
        size_t cs;
        if (!read_unit(c, i + 1, &ue) && !read_currency(c, i, &cs) &&
            !is(c, i + 1, "%"))
            return true;
    }
    return false;
}

static void fact_at(struct ctx *c, size_t i, size_t *next)
{
    struct num nm;
    size_t cs, ue, np_end;
    const char *cur;
    const struct unit *u;

    *next = i + 1;
    if (!read_number(c, i, &nm))
        return;
    if (excluded(c, &nm)) {
        *next = nm.end > i ? nm.end : i + 1;
        return;
    }
    if (nm.negative && nm.qstart == i)
        nm.qstart = i - 1;
    c->quiet = uncompared(c, &nm);
    *next = nm.end > i ? nm.end : i + 1;
    if (nm.ordinal) {
        if (cap(c, nm.end) && cap(c, nm.end + 1) &&
            !is(c, nm.start, "no.") && !is(c, nm.start, "no"))
            return;   /* "the Second World War": part of a name */
        const char *topic = ordinal_topic(c, nm.end);
        if (strcmp(topic, "rank") == 0 && !is(c, nm.start, "no.") &&
            !is(c, nm.start, "no") &&
            !(nm.start > 0 && is_any(c, nm.start - 1, finish_verbs)))
            c->quiet = true;
        size_t tend = nm.end;
        if (is_word(c, tend) || (is_dash(c, tend) && is_word(c, tend + 1)))
            tend = is_dash(c, tend) ? tend + 2 : tend + 1;
        if (strcmp(topic, "rank") == 0)
            tend = nm.end;
        emit(c, &nm, nm.qstart, tend, "ordinal", 1, topic, nm.qstart, tend);
        return;
    }
    /* money: a sign or code before the number */
    if ((cur = read_currency(c, i, &cs)) != NULL) {
        size_t qs = cs;
        struct num m2 = nm;
        enum qualifier q = read_qualifier(c, cs, &qs);
        if (nm.qstart == i && nm.qual != QUAL_RANGE) {
            m2.qual = nm.vague ? nm.qual : q;
            m2.qstart = qs;
            if (!nm.vague && nm.has_value)
                set_bounds(&m2);
        } else {
            m2.qstart = nm.qstart;
        }
        size_t end = absorb_conversion(c, nm.end);
        const char *topic = money_topic(c, m2.qstart, end);
        *next = end;
        emit(c, &m2, m2.qstart < cs ? m2.qstart : cs, end, astr(c, cur), 1,
             topic, m2.qstart, end);
        return;
    }
    /* "a magnitude 7.8 earthquake", "a 7.8-magnitude quake" */
    if ((nm.qstart > 0 && is(c, nm.qstart - 1, "magnitude")) ||
        is(c, nm.end, "magnitude") ||
        (is_dash(c, nm.end) && glued(c, nm.end) &&
         is(c, nm.end + 1, "magnitude"))) {
        size_t end = is(c, nm.end, "magnitude") ? nm.end + 1
                   : is_dash(c, nm.end) ? nm.end + 2 : nm.end;
        size_t from = nm.qstart > 0 && is(c, nm.qstart - 1, "magnitude")
                    ? nm.qstart - 1 : nm.qstart;
        emit(c, &nm, from, end, "magnitude", 1, "magnitude", nm.qstart,
             end);
        *next = end;
        return;
    }
    if (is(c, nm.end, "%") || (u = read_unit(c, nm.end, &ue)) != NULL) {
        const char *unit, *topic;
        double factor = 1;
        size_t end;
        if (is(c, nm.end, "%")) {
            unit = "percent";
            end = nm.end + 1;
        } else {
            unit = u->unit;
            factor = u->factor;
            end = ue;
        }
        if (strcmp(unit, "degF") == 0) {
            nm.value = (nm.value - 32) * 5 / 9;
            nm.low = (nm.low - 32) * 5 / 9;
            nm.high = (nm.high - 32) * 5 / 9;
            unit = "degC";
        }
        /* durations that are ages or times of day are not facts */
        end = absorb_conversion(c, end);
        np_end = end;
        if (strcmp(unit, "percent") == 0 || strcmp(unit, "pp") == 0) {
            /* "18 out of 36 hospitals (50%)" restates a count */
            if (nm.qstart > 0 && is(c, nm.qstart - 1, "(") &&
                is(c, end, ")"))
                c->quiet = true;
            topic = percent_topic(c, nm.qstart, end, &np_end);
        }
        else if (strcmp(unit, "km") == 0 || strcmp(unit, "m") == 0)
            topic = length_topic(c, nm.qstart, end, &np_end);
        else if (strcmp(unit, "ha") == 0)
            topic = "area";
        else if (is_money_unit(unit))
            topic = money_topic(c, nm.qstart, end);
        else if (strncmp(unit, "deg", 3) == 0)
            topic = "temperature";
        else {
            struct np np;
            size_t k = end;
            if (is(c, k, "of"))
                k++;
            read_np(c, k, &np);
            bool dur = strcmp(unit, "min") == 0 ||
                       strcmp(unit, "days") == 0 ||
                       strcmp(unit, "months") == 0;
            if (dur && horizon_before(c, nm.qstart))
                c->quiet = true;   /* "the next 10 years": a horizon */
            const char *verb = NULL;
            if (dur && !np.noun)
                verb = word_before(c, nm.qstart);
            char buf[96];
            const char *sub = !np.noun && !dur ? measure_subject(c, nm.qstart)
                                               : NULL;
            snprintf(buf, sizeof(buf), "%s", np.noun ? np.noun :
                     sub ? sub : np.role ? np.role : "");
            if (dur)
                snprintf(buf, sizeof(buf), "%s duration",
                         np.noun ? np.noun : verb ? verb : "");
            topic = buf[0] && buf[0] != ' ' ? astr(c, buf) : NULL;
        }
        emit(c, &nm, nm.qstart, end, astr(c, unit), factor, topic,
             nm.qstart, end);
        *next = end;
        return;
    }
    count_fact(c, &nm, i);
}

/* A stated calendar date ("February 24th, 2022", "Feb. 24 2022", "8
 * October 2023") as a fact of unit "date", its value YYYYMMDD; its topic
 * is the noun it dates ("invasion of Feb. 24 2022"), and it is dated by
 * itself.  Returns the token after it, or i when there is none. */
static size_t date_fact(struct ctx *c, size_t i)
{
    struct span sp;
    size_t j = i, e;
    int y, m, d;

    if (is_month(c, i)) {
        j = skip_dot(c, i + 1);
        if (!is_num(c, j) || is_year_value(c, j))
            return i;
        e = j + 1;
        if (ordinal_suffix(c, e))
            e++;
        if (is_comma(c, e) && is_year_value(c, e + 1))
            e++;
        if (!is_year_value(c, e))
            return i;   /* only dates with their year */
        e++;
        if (!month_span(c, i, &sp))
            return i;
    } else if (is_num(c, i) && day_month_span(c, i, &sp)) {
        e = i + 1;
        if (ordinal_suffix(c, e))
            e++;
        if (is(c, e, "of"))
            e++;
        e = skip_dot(c, e + 1);
        if (!is_year_value(c, e))
            return i;
        e++;
    } else {
        return i;
    }
    date_to_ymd(sp.from, &y, &m, &d);
    struct num nm;
    memset(&nm, 0, sizeof(nm));
    nm.start = nm.qstart = i;
    nm.end = e;
    nm.has_value = nm.has_low = nm.has_high = true;
    nm.value = nm.low = nm.high = y * 10000.0 + m * 100 + d;
    /* "the invasion of Feb. 24 2022", "data from February 24th, 2022" */
    const char *topic = NULL;
    size_t p = i;
    if (p >= 2 && (is(c, p - 1, "of") || is(c, p - 1, "from") ||
                   is(c, p - 1, "since") || is(c, p - 1, "on")) &&
        is_word(c, p - 2) && !is_any(c, p - 2, np_stop) && !cap(c, p - 2)) {
        char buf[64];
        snprintf(buf, sizeof(buf), "%s date", c->t[p - 2].low);
        topic = astr(c, buf);
    }
    c->quiet = false;
    emit(c, &nm, i, e, "date", 1, topic, i, e);
    struct fact *f = &c->out->v[c->out->n - 1];
    f->date_from = f->date_to = sp.from;
    f->kind = KIND_STATE;
    return e;
}

/* What "the capital" means in this article, the first capital named;
 * and the country it is about, the only one it names or one named three
 * times as often as any other.  One pass over the capitalised words,
 * most of which the lexicon's filter of names turns away unprobed. */
static void find_names(struct ctx *c)
{
    struct { const char *name; unsigned n; } seen[8];
    unsigned nseen = 0;
    bool many = false;   /* a story of many countries: no home */

    c->capital = NULL;
    for (size_t i = 0; i < c->n; i++) {
        const struct tok *t = &c->t[i];
        if (!cap(c, i) || !t->low[0] || !lexicon_may_be_name(c->lx, t->hash))
            continue;
        const struct lx_entry *en;
        size_t l = strlen(t->low);
        bool poss = l >= 2 && t->low[l - 2] == '\'' && t->low[l - 1] == 's';
        if (!c->capital && (en = lx_word(c, i)) &&
            (en->flags & LX_CAPITAL)) {
            char buf[32];
            snprintf(buf, sizeof(buf), "%.*s", (int)(poss ? l - 2 : l),
                     t->low);
            c->capital = astr(c, buf);
        }
        if (many)
            continue;
        if (poss) {
            char name[sizeof(t->low)];
            memcpy(name, t->low, l - 2);
            name[l - 2] = '\0';
            en = lexicon_find_exact(c->lx, name);
        } else {
            en = lexicon_find_hashed(c->lx, t->low, t->hash);
        }
        if (!en || !(en->flags & LX_COUNTRY))
            continue;
        unsigned k = 0;
        while (k < nseen && strcmp(seen[k].name, en->form) != 0)
            k++;
        if (k == nseen) {
            if (nseen == 8) {
                many = true;
                continue;
            }
            seen[nseen].name = en->form;
            seen[nseen++].n = 0;
        }
        seen[k].n++;
    }
    c->home = NULL;
    unsigned best = 0, second = 0, bi = 0;
    for (unsigned k = 0; !many && k < nseen; k++) {
        if (seen[k].n > best) {
            second = best;
            best = seen[k].n;
            bi = k;
        } else if (seen[k].n > second) {
            second = seen[k].n;
        }
    }
    if (!many && best && best >= 3 * second)
        c->home = astr(c, seen[bi].name);
}

static bool may_start_number(const struct ctx *c, size_t i)
{
    if (i >= c->n)
        return false;   /* "... 5 drones and" ends the text */
    const struct tok *t = &c->t[i];
    if (t->type == TOK_NUM)
        return true;
    if (c->mask)
        return (c->mask[i] & MASK_NUMBER) != 0;
    if (t->type != TOK_WORD)
        return false;
    return number_word(t->low) >= 0 || number_ordinal(t->low) >= 0 ||
           strcmp(t->low, "a") == 0 || strcmp(t->low, "an") == 0 ||
           strcmp(t->low, "half") == 0 || strcmp(t->low, "no.") == 0 ||
           strcmp(t->low, "no") == 0 ||
           strcmp(t->low, "dozens") == 0 || strcmp(t->low, "hundreds") == 0
           || strcmp(t->low, "thousands") == 0 ||
           strcmp(t->low, "millions") == 0 || strcmp(t->low, "scores") == 0
           || strcmp(t->low, "tens") == 0 || strcmp(t->low, "billions") == 0;
}

/* ---- the word table behind is_any ---- */

static const struct {
    const char *const *words;
    unsigned bit;
} word_lists[] = {
#define LIST(ws) { ws, LIST_BIT_##ws }
    LIST(boundary_marks), LIST(time_after), LIST(age_span), LIST(np_stop),
    LIST(np_filler), LIST(past), LIST(aux), LIST(locative),
    LIST(directions), LIST(bare_skip), LIST(horizon_words),
    LIST(definite), LIST(finish_verbs),
#undef LIST
};

struct word_bits { char w[24]; unsigned bits; };

static struct {
    struct word_bits *slot;
    size_t cap;
} words;

static size_t word_slot_h(const char *w, unsigned long long h)
{
    size_t i = (size_t)h & (words.cap - 1);
    while (words.slot[i].w[0] && strcmp(words.slot[i].w, w) != 0)
        i = (i + 1) & (words.cap - 1);
    return i;
}

/* word_slot_h of a token's low, which is zero-filled like the slots. */
static size_t token_slot(const struct tok *t)
{
    size_t i = (size_t)t->hash & (words.cap - 1);
    while (words.slot[i].w[0] && !fact_same_word(words.slot[i].w, t->low))
        i = (i + 1) & (words.cap - 1);
    return i;
}

static size_t word_slot(const char *w)
{
    return word_slot_h(w, fact_word_hash(w));
}

static void add_word(const char *w, unsigned bits)
{
    if (strlen(w) >= sizeof(words.slot->w))
        return;
    size_t i = word_slot(w);
    snprintf(words.slot[i].w, sizeof(words.slot[i].w), "%s", w);
    words.slot[i].bits |= bits;
}

/* Built once, before any extraction (pthread_once), then only read. */
static void build_words(void)
{
    static const char *const extra[] = {
        "a", "an", "half", "no", "no.", "dozens", "hundreds", "thousands",
        "millions", "billions", "scores", "tens",
    };
    words.cap = 4096;
    words.slot = xcalloc(words.cap, sizeof(*words.slot));
    for (size_t k = 0; k < sizeof(word_lists) / sizeof(*word_lists); k++)
        for (const char *const *p = word_lists[k].words; *p; p++)
            add_word(*p, word_lists[k].bit);
    static const char *const months[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    };
    for (size_t k = 0; k < sizeof(months) / sizeof(*months); k++)
        add_word(months[k], MASK_MONTH);
    static const char *const days[] = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday's", "monday's", "tuesday's", "wednesday's",
        "thursday's", "friday's", "saturday's",
    };
    for (size_t k = 0; k < sizeof(days) / sizeof(*days); k++)
        add_word(days[k], MASK_WEEKDAY);
    for (size_t k = 0; k < sizeof(extra) / sizeof(*extra); k++)
        add_word(extra[k], MASK_NUMBER);
    const char *vocab[128];
    size_t nv = number_vocabulary(vocab, 128);
    for (size_t k = 0; k < nv; k++)
        add_word(vocab[k], MASK_NUMBER);
    for (size_t k = 0; k < sizeof(quals) / sizeof(*quals); k++) {
        size_t len = 0;
        while (len < 4 && quals[k].words[len])
            len++;
        add_word(quals[k].words[len - 1], MASK_QUALEND);
    }
    bool all_fit = true;
    for (size_t k = 0; k < sizeof(units) / sizeof(*units); k++) {
        char first[24];
        size_t l = strcspn(units[k].form, " ");
        if (l < sizeof(first)) {
            snprintf(first, sizeof(first), "%.*s", (int)l, units[k].form);
            add_word(first, MASK_UNIT);
            memcpy(unit_first[k], units[k].form, l);
        } else {
            all_fit = false;
        }
    }
    unit_first_ready = all_fit;
    static const char *const times[] = {
        "overnight", "tonight", "today", "last", "this", "yesterday",
        "past", "previous", "week", "earlier",
    };
    for (size_t k = 0; k < sizeof(times) / sizeof(*times); k++)
        add_word(times[k], MASK_TIME);
    /* the words withdrawn() and find_scope() look for in a window of
     * the sentence, which skips every other word on one bit */
    static const char *const scanned[] = {
        "at", "initially", "earlier", "governor", "mayor", "governor's",
    };
    for (size_t k = 0; k < sizeof(scanned) / sizeof(*scanned); k++)
        add_word(scanned[k], MASK_SCAN);
}

static pthread_once_t words_once = PTHREAD_ONCE_INIT;

/* The lists token t is in; numbers words are told by the number reader. */
static unsigned word_mask(const struct tok *t)
{
    unsigned bits = 0;

    if (!t->low[0])
        return 0;
    /* "4th", "21st": digits with an ordinal suffix in one word */
    if (t->type == TOK_WORD && t->low[0] >= '0' && t->low[0] <= '9')
        bits |= MASK_NUMBER;
    size_t i = token_slot(t);
    return bits | words.slot[i].bits;
}

/* Per-token arrays, kept by each thread from one article to the next:
 * asking malloc for six arrays an article, and giving them back, cost
 * more than a tenth of extraction (and the arrays of a long article made
 * malloc consolidate its heap each time). */
struct scratch {
    struct tok *t;
    size_t tcap;            /* tokens t holds */
    size_t cap;             /* entries of each array below */
    unsigned *mask;
    const struct lx_entry **lxc;
    unsigned char *lxdone;
    size_t *sstart, *send;
};

/* Tokens beyond which the arrays are freed after the article. */
#define SCRATCH_KEEP ((size_t)1 << 16)

static _Thread_local struct scratch scratch;

void extract_thread_release(void)
{
    free(scratch.t);
    free(scratch.mask);
    free(scratch.lxc);
    free(scratch.lxdone);
    free(scratch.sstart);
    free(scratch.send);
    memset(&scratch, 0, sizeof(scratch));
}

size_t fact_extract(const struct article *a, const struct lexicon *lx,
                    struct arena *ar, struct fact_list *out)
{
    pthread_once(&words_once, build_words);
    struct ctx c;
    size_t before = out->n;

    memset(&c, 0, sizeof(c));
    c.a = a;
    c.s = a->text;
    c.lx = lx;
    c.ar = ar;
    c.out = out;
    c.today = a->date;
    c.first = out->n;
    c.source = arena_strdup(ar, a->path);
    c.outlet = arena_strdup(ar, a->source);
    struct scratch *sc = &scratch;
    c.n = fact_tokenize(a->text, a->body_off, a->len, &sc->t, &sc->tcap);
    c.t = sc->t;
    if (c.n > sc->cap || !sc->mask) {
        sc->cap = c.n > 2 * sc->cap ? c.n : 2 * sc->cap;
        if (sc->cap < 256)
            sc->cap = 256;
        sc->mask = xreallocarray(sc->mask, sc->cap, sizeof(*sc->mask));
        sc->lxc = xreallocarray(sc->lxc, sc->cap, sizeof(*sc->lxc));
        sc->lxdone = xreallocarray(sc->lxdone, sc->cap, 1);
        sc->sstart = xreallocarray(sc->sstart, sc->cap, sizeof(*sc->sstart));
        sc->send = xreallocarray(sc->send, sc->cap, sizeof(*sc->send));
    }
    c.mask = sc->mask;
    c.lxc = sc->lxc;
    c.lxdone = sc->lxdone;
    c.sstart = sc->sstart;
    c.send = sc->send;
    memset(c.lxdone, 0, c.n);
    for (size_t i = 0, first = 0; i < c.n; i++) {
        c.mask[i] = word_mask(&c.t[i]);
        if (i > 0 && c.t[i].sent != c.t[i - 1].sent)
            first = i;
        c.sstart[i] = first;
    }
    for (size_t i = c.n, after = c.n; i > 0; i--) {
        if (i < c.n && c.t[i].sent != c.t[i - 1].sent)
            after = i;
        c.send[i - 1] = after;
    }
    find_names(&c);
    c.day = c.today;
    for (size_t i = 0; i < c.n;) {
        size_t next = i + 1;
        if (c.t[i].type != TOK_NUM &&
            !(c.mask[i] & (MASK_MONTH | MASK_NUMBER))) {
            i++;   /* most words: neither a date nor a number */
            continue;
        }
        if ((c.mask[i] & MASK_MONTH || c.t[i].type == TOK_NUM) &&
            (next = date_fact(&c, i)) > i) {
            i = next;
            continue;
        }
        next = i + 1;
        if (may_start_number(&c, i))
            fact_at(&c, i, &next);
        i = next > i ? next : i + 1;
    }
    if (sc->tcap > SCRATCH_KEEP)
        extract_thread_release();   /* a huge article's arrays go */
    return out->n - before;
}
