#ifndef CROSSCHECK_FACT_PRIVATE_H
#define CROSSCHECK_FACT_PRIVATE_H
/* What the extractor's files share: tokens, the lexicon's entries, and
 * the number and date readers. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fact/fact.h"

/* ---- tokens ---- */

enum tok_type { TOK_WORD, TOK_NUM, TOK_PUNCT };

/* Token flags. */
#define TF_SPACE_BEFORE 1u   /* white space before the token */
#define TF_CAP          2u   /* word starting with an upper-case letter */
#define TF_SENT_START   4u   /* first token of a sentence */
#define TF_NEWLINE      8u   /* a line break before the token */

struct tok {
    size_t s, e;            /* byte span in the article text */
    unsigned char type;
    unsigned char flags;
    unsigned short sent;    /* sentence number, modulo 65536 */
    char low[24];           /* lower-cased word (ASCII folding; typographic
                             * apostrophe folded), "" if longer; zero
                             * bytes fill it to the end, so that it can be
                             * compared whole with another such array */
    unsigned long long hash;   /* fact_hash24 of low */
};

/* Whether two words zero-filled to 24 bytes (a token's low, a table's
 * copy of a form) are the same: three compares of eight bytes, where
 * strcmp costs a call and a loop. */
static inline bool fact_same_word(const char *a, const char *b)
{
    uint64_t a0, a1, a2, b0, b1, b2;

    memcpy(&a0, a, 8);
    memcpy(&a1, a + 8, 8);
    memcpy(&a2, a + 16, 8);
    memcpy(&b0, b, 8);
    memcpy(&b1, b + 8, 8);
    memcpy(&b2, b + 16, 8);
    return ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2)) == 0;
}

/* The hash of a word zero-filled to 24 bytes (a token's low, a table's
 * copy of a form): its three 8-byte parts multiplied apart and mixed, a
 * few instructions a word where a hash of a byte at a time (FNV) took
 * two a byte, one after another. */
static inline uint64_t fact_hash24(const char *w)
{
    uint64_t a, b, c;

    memcpy(&a, w, 8);
    memcpy(&b, w + 8, 8);
    memcpy(&c, w + 16, 8);
    uint64_t h = (a ^ 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL;
    h ^= (b ^ 0xc2b2ae3d27d4eb4fULL) * 0x94d049bb133111ebULL;
    h ^= (c ^ 0x165667b19e3779f9ULL) * 0xff51afd7ed558ccdULL;
    h ^= h >> 31;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    return h;
}

/* The hash of any word or phrase: fact_hash24 of it zero-filled when it
 * is shorter than 24 bytes, so that a table of forms and the tokens
 * looked up in it agree; a longer one is hashed a byte at a time. */
static inline uint64_t fact_word_hash(const char *s)
{
    size_t n = strlen(s);

    if (n < 24) {
        char w[24] = { 0 };
        memcpy(w, s, n);
        return fact_hash24(w);
    }
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Tokenize text[from, to): words, numbers (digits with inner , and .),
 * and single punctuation marks (UTF-8 dashes, quotes and symbols kept
 * whole).  Marks sentence starts.  Returns the number of tokens, stored
 * in *out, an array of *capacity tokens that is reused (NULL or 0: a new
 * one) and grown with xrealloc as needed; the caller frees it. */
size_t fact_tokenize(const char *text, size_t from, size_t to,
                     struct tok **out, size_t *capacity);

/* Free the extractor's per-thread scratch arrays. */
void extract_thread_release(void);

/* ---- the lexicon ---- */

/* What a lexicon form is; one form may be several things. */
#define LX_NOUN     1u     /* a counted noun: class is its topic noun */
#define LX_PLACE    2u     /* a noun for places hit: regions, sites */
#define LX_ROLE     4u     /* predicate: role is its canonical name */
#define LX_COUNTRY  8u     /* a country name: nationwide scope */
#define LX_CAPITAL  16u    /* a capital city, resolves "the capital" */
#define LX_PLACETYPE 32u   /* region, district, county ... after a name */
#define LX_PURPOSE  64u    /* what money is for */
#define LX_PERSON   128u   /* role whose default noun is people */
#define LX_CHANGE   256u   /* verb of change: "rose from X to Y" */

struct lx_entry {
    const char *form;       /* lower case, words joined by one space */
    unsigned flags;
    const char *noun;       /* LX_NOUN/LX_PLACE: canonical plural */
    const char *role;       /* LX_ROLE/LX_PURPOSE: canonical name */
    const char *default_role;  /* LX_NOUN: the role the noun implies */
    const char *fallback_role; /* LX_NOUN: role when none is found */
    int priority;              /* LX_PURPOSE: the more specific wins */
    const char *role_nouns;    /* LX_ROLE: "a,b,c", the only nouns it
                                * applies to; NULL: any */
};

/* The entry for a lower-case form, or NULL; tries the form itself, then
 * its Snowball stem against the stems of the lexicon's nouns. */
const struct lx_entry *lexicon_find(const struct lexicon *lx,
                                    const char *form);
/* The entry of exactly this form, without stemming (for names). */
const struct lx_entry *lexicon_find_exact(const struct lexicon *lx,
                                          const char *form);
/* lexicon_find_exact and lexicon_find of a token's word: low is zero-
 * filled to its 24 bytes and hash is its fact_hash24, as the tokenizer makes
 * them; neither is computed again. */
const struct lx_entry *lexicon_find_hashed(const struct lexicon *lx,
                                           const char *low,
                                           unsigned long long hash);
const struct lx_entry *lexicon_find_word(const struct lexicon *lx,
                                         const char *low,
                                         unsigned long long hash);
/* False when the word whose hash (as a token's) is h is surely not a
 * country or capital, nor one with "'s"; true when it may be. */
bool lexicon_may_be_name(const struct lexicon *lx, unsigned long long h);
/* Free this thread's memo of stemmed lookups (it is rebuilt on need). */
void lexicon_thread_release(void);
/* Whether some multi-word form of the lexicon begins with word. */
bool lexicon_starts_phrase(const struct lexicon *lx, const char *word);
/* The same of a token's word: low zero-filled, h its hash. */
bool lexicon_starts_phrase_hashed(const struct lexicon *lx, const char *low,
                                  unsigned long long h);
/* Whether a topic is a state (see "state" lines of the lexicon). */
bool lexicon_is_state(const struct lexicon *lx, const char *topic,
                      const char *unit);

/* ---- numbers ---- */

/* Fill out with up to max words the number readers know ("eight",
 * "third"); returns how many. */
size_t number_vocabulary(const char **out, size_t max);
/* The value of a number word ("eight", "twenty", "hundred"), or -1. */
double number_word(const char *low);
/* The value of an ordinal word or "4th" form, or -1. */
double number_ordinal(const char *low);
/* The multiplier of a scale word ("million", "bn", "k"), or 0. */
double number_scale(const char *low);
/* Parse digits with thousands separators and a decimal point from
 * s[0..len).  Returns -1 when they are not a well-formed number. */
int number_digits(const char *s, size_t len, double *out);

/* ---- dates ---- */

/* Month 1-12 of a month name or abbreviation ("feb", "february",
 * "sept"), else 0. */
int when_month(const char *low);
/* Weekday 0 (Sunday) - 6 of a day name, else -1. */
int when_weekday(const char *low);

#endif
