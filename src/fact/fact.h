#ifndef CROSSCHECK_FACT_H
#define CROSSCHECK_FACT_H
/* The extractor: every number an article states becomes a fact.
 *
 * A fact is plain data passed between stages: the quoted bytes (offset and
 * length into the article file), the value after unit normalization, the
 * bounds the wording allows, the qualifier, what is counted (topic), when
 * (date span) and where (scope).  Strings point into an arena owned by
 * whoever ran the extraction or read the facts back.
 *
 * Canonical units: "count" (things counted), "ordinal", "percent", "pp"
 * (percentage points), "km" (km, miles), "m" (metres, feet, yards), "mm"
 * (mm, cm, inches), "ha" (hectares, acres, square km and miles), "m2",
 * "kg" (kg, tonnes, pounds), "degC" (Fahrenheit converted), "deg" (a
 * bare "degrees"), "min" (seconds to hours, in minutes), "days" (days,
 * weeks), "months" (months, years), "km/h", "date" (a stated calendar
 * date, value YYYYMMDD), and money as a lowercase ISO code ("usd", "eur",
 * "gbp", ...).  The unit as printed stays in text.
 *
 * Bounds: low/high are what the statement allows.  "at least 6": low 6,
 * no high; "more than 24": low 24 exclusive; "up to 3": high 3; "about
 * 420": value 420 with low == high == 420 (the comparator widens it by
 * its tolerance); "between 8 and 19": low 8, high 19, value NULL-like
 * (has_value false); "dozens": vague, low 24, high 199, has_value false.
 * A value written with a scale word or in another unit keeps the
 * precision it was written with: "$49 billion" allows 48.5 to 49.5
 * billion, "82 square miles" 81.5 to 82.5 square miles (in hectares),
 * "53,000 acres" 52,500 to 53,500 acres (a number of four or more digits
 * ending in zeros is taken as rounded).  Plain counts and values in their
 * canonical unit are taken as written: "1,200km" is 1200 to 1200.
 *
 * Topic: "" when the article does not say what the number counts ("it
 * rose to 16"), or when the number is stated but not to be compared: a
 * reference ("the two sides"), a withdrawn figure ("authorities at first
 * believed 134"), a possibility ("may chip in $20 billion"), a horizon
 * ("over the next 10 years").  The comparator groups no such fact. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;
struct article;
struct err;
struct json_t;

enum qualifier {
    QUAL_EXACT,      /* "420" */
    QUAL_ABOUT,      /* about, around, roughly, some, an estimated */
    QUAL_NEARLY,     /* nearly, almost, close to: just under */
    QUAL_MORE_THAN,  /* more than, over, upwards of: low, exclusive */
    QUAL_AT_LEAST,   /* at least, no fewer than: low */
    QUAL_UP_TO,      /* up to, as many as, at most: high */
    QUAL_LESS_THAN,  /* fewer than, less than, under: high, exclusive */
    QUAL_RANGE,      /* between 8 and 19, 8-19 */
    QUAL_VAGUE,      /* dozens, hundreds, scores of, a handful */
    QUAL_COUNT_      /* number of qualifiers, not a qualifier */
};

/* Whether a topic is a state (a length, a share, a cumulative toll: grouped
 * within a window of days) or an event (grouped by its exact dates). */
enum fact_kind { KIND_EVENT, KIND_STATE };

struct fact {
    const char *source;   /* article path, as given or walked */
    const char *outlet;   /* article source name (header or file stem) */
    size_t offset;        /* byte offset of text in the file */
    size_t length;        /* bytes of text */
    const char *text;     /* exactly those bytes */
    double value;
    double low, high;
    const char *unit;     /* canonical unit, see above */
    const char *topic;    /* "drones launched", "people injured", ... */
    const char *scope;    /* place named, "" when none or nationwide */
    int source_date;      /* publication day (util/date.h) */
    int date_from, date_to;  /* inclusive span of days it is about */
    enum qualifier qual;
    enum fact_kind kind;
    bool has_value : 1;   /* false for vague amounts and ranges */
    bool has_low : 1, has_high : 1;
    bool low_excl : 1, high_excl : 1;
    /* (so ordered and packed, a fact is 112 bytes, not 128: a check
     * holds one for each fact of the corpus) */
};

/* A growable list of facts. */
struct fact_list {
    struct fact *v;
    size_t n, cap;
};

#define FACT_LIST_INIT { NULL, 0, 0 }

void fact_list_push(struct fact_list *l, const struct fact *f);
void fact_list_release(struct fact_list *l);

/* "exact", "about", "nearly", "more_than", "at_least", "up_to",
 * "less_than", "range", "vague". */
const char *fact_qualifier_name(enum qualifier q);
/* The qualifier named s; -1 when s names none. */
int fact_qualifier_parse(const char *s, enum qualifier *q);

/* ---- the lexicon: what nouns and verbs count as ---- */

struct lexicon;

/* The lexicon built into the program (src/fact/topics.lex). */
struct lexicon *fact_lexicon_default(void);
/* Read the lexicon file at path over lx: its entries extend or replace
 * the built-in ones.  Returns -1 and fills e (file, line) on a bad line. */
int fact_lexicon_load(struct lexicon *lx, const char *path, struct err *e);
/* fact_lexicon_free(NULL) does nothing. */
void fact_lexicon_free(struct lexicon *lx);

/* ---- extraction ---- */

/* Append to out every fact stated in the body of a.  Strings are
 * allocated in ar; source and outlet are copied from a.  Never fails on
 * text: anything not understood is left out.  Returns the number of
 * facts added. */
size_t fact_extract(const struct article *a, const struct lexicon *lx,
                    struct arena *ar, struct fact_list *out);

/* Free what the calling thread keeps between calls of the extractor
 * and the JSON Lines writer (a stemmer, memos, a line buffer).  Call it
 * before a thread that extracted ends, and before exit; the next call of
 * either rebuilds what it needs. */
void fact_thread_release(void);

/* ---- facts as JSON Lines ---- */

/* Write f as one JSON object with sorted keys and a newline.  Numbers
 * that are whole are written as integers, others with up to 15
 * significant digits, so that reading the line back gives the same
 * doubles (see fact_round).  Returns -1 on a write error. */
int fact_write_json(FILE *out, const struct fact *f);

/* Parse one line (len bytes, no newline needed) written by
 * fact_write_json into f, strings allocated in ar.  Returns -1 and fills
 * e's message and column (the caller sets file and line) when the line
 * is not such a fact. */
int fact_read_json(const char *line, size_t len, struct arena *ar,
                   struct fact *f, struct err *e);

/* The same as a jansson object (the caller's: json_decref it), for
 * writers that put facts inside other JSON. */
struct json_t *fact_to_json(const struct fact *f);

/* The same as fact_read_json, from a jansson value already parsed
 * (borrowed). */
int fact_from_json(const struct json_t *o, struct arena *ar, struct fact *f,
                   struct err *e);

/* fact_read_json without jansson, for a line that is plainly a fact:
 * one JSON object of the members fact_write_json writes, each at most
 * once, whose values are strings without escapes, numbers, booleans or
 * null.  Reads it as fact_read_json would, with the same checks and
 * messages.  Returns 1, leaving f and e alone, when the line is not that
 * plain: the caller then parses it (fact_read_json, or jansson and
 * fact_from_json) and says what is wrong with it. */
int fact_read_plain_json(const char *line, size_t len, struct arena *ar,
                         struct fact *f, struct err *e);

/* ---- reading JSON records field by field ----
 *
 * What the fact reader and the readers of the records around facts (cmp:
 * groups, stats) share: each member is checked on its own, and the first
 * bad one is said as "'KEY' must be ...".  Like every reader of a line,
 * they leave file and line empty (0) for the caller, who knows where the
 * line came from, to fill in. */

/* Record the message and column (0: unknown) in e, with no file and line
 * 0, unless e already holds an error.  Returns -1. */
int fact_json_bad(struct err *e, long column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The string member key of o (borrowed), copied into ar.  Returns -1
 * ("'KEY' must be a string") when there is none. */
int fact_json_get_str(const struct json_t *o, const char *key,
                      struct arena *ar, const char **out, struct err *e);
/* The member key, a date "YYYY-MM-DD", as a day (util/date.h).  Returns
 * -1 ("'KEY' must be a date YYYY-MM-DD") when it is none. */
int fact_json_get_day(const struct json_t *o, const char *key, int *out,
                      struct err *e);
/* The member key, a whole number from 0.  Returns -1 ("'KEY' must be a
 * whole number") when it is none. */
int fact_json_get_count(const struct json_t *o, const char *key,
                        size_t *out, struct err *e);

/* Round x to 15 significant digits, the precision facts are written
 * with, so that facts compared in memory and facts read back from JSON
 * are the same doubles. */
double fact_round(double x);

/* Total order used everywhere facts are sorted: source, offset, length,
 * then every other field, so that shuffled input sorts the same. */
int fact_cmp(const struct fact *a, const struct fact *b);

#endif
