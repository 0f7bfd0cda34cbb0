/* Splitting an article body into words, numbers, marks and sentences. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "fact/fact_private.h"
#include "util/xalloc.h"

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Decode one code point at s[i]; *n gets its length (1 on bad bytes). */
static int32_t decode(const char *s, size_t i, size_t to, size_t *n)
{
    if ((unsigned char)s[i] < 0x80) {
        *n = 1;
        return (unsigned char)s[i];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(to - i), &cp);

    if (k <= 0) {
        *n = 1;
        return -1;
    }
    *n = (size_t)k;
    return cp;
}

static bool cp_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x2009 ||
           cp == 0x202F || cp == 0x2002 || cp == 0x2003 || cp == 0x200B ||
           cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}

static bool cp_letter(int32_t cp)
{
    if (cp < 0x80)
        return is_alpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
           c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_MN;
}

static bool cp_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Fold the token's text into t->low: lower case, typographic apostrophe
 * as "'"; "" when it does not fit. */
static void fold(const char *s, struct tok *t)
{
    size_t k = 0, n;

    /* the common case: ASCII only, no call per character */
    if (t->e - t->s < sizeof(t->low)) {
        size_t i = t->s;
        for (; i < t->e && (unsigned char)s[i] < 0x80; i++) {
            char ch = s[i];
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            t->low[k++] = ch;
        }
        if (i == t->e) {
            t->low[k] = '\0';
            t->hash = fact_hash24(t->low);
            return;
        }
        memset(t->low, 0, sizeof(t->low));
        k = 0;
    }
    for (size_t i = t->s; i < t->e; i += n) {
        int32_t cp = decode(s, i, t->e, &n);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m;

        if (cp == 0x2019 || cp == 0x2018)
            cp = '\'';
        else if (cp >= 0)
            cp = utf8proc_tolower(cp);
        if (cp < 0 || (m = utf8proc_encode_char(cp, enc)) <= 0 ||
            k + (size_t)m >= sizeof(t->low)) {
            memset(t->low, 0, sizeof(t->low));
            t->hash = fact_hash24(t->low);
            return;
        }
        memcpy(t->low + k, enc, (size_t)m);
        k += (size_t)m;
    }
    t->low[k] = '\0';
    t->hash = fact_hash24(t->low);
}

/* The common word: ASCII letters ended by a byte that cannot go on with
 * it (not a letter, apostrophe, dot or non-ASCII byte), scanned and
 * folded at once.  False when the word needs scan_word and fold (it goes
 * on, or does not fit t->low); t->low is then left zero-filled for
 * them. */
static bool ascii_word(const char *s, size_t i, size_t to, struct tok *t)
{
#if defined(__SSE2__) && !defined(CROSSCHECK_NO_SIMD)
    if (to - i >= 32) {
        /* 32 bytes at once: a byte is a letter when, with the case bit
         * set, it is 'a'..'z'; moved so that 'a' is -128, that is a
         * signed compare with -128 + 26 */
        const __m128i bit = _mm_set1_epi8(0x20);
        const __m128i shift = _mm_set1_epi8((char)(128 - 'a'));
        const __m128i top = _mm_set1_epi8((char)(-128 + 26));
        __m128i v0 = _mm_or_si128(
            _mm_loadu_si128((const __m128i *)(const void *)(s + i)), bit);
        __m128i v1 = _mm_or_si128(
            _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16)),
            bit);
        unsigned m0 = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v0, shift), top));
        unsigned m1 = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v1, shift), top));
        uint32_t letters = m0 | (m1 << 16);
        size_t len = letters == UINT32_MAX ? 32
                                           : (size_t)__builtin_ctz(~letters);
        if (len >= sizeof(t->low))
            return false;   /* too long for low: scan_word and fold */
        unsigned char b = (unsigned char)s[i + len];
        if (b >= 0x80 || b == '\'' || b == '.')
            return false;
        /* the letters lower-cased, the bytes after them zero */
        const __m128i idx0 = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                                           10, 11, 12, 13, 14, 15);
        const __m128i idx1 = _mm_add_epi8(idx0, _mm_set1_epi8(16));
        __m128i n = _mm_set1_epi8((char)len);
        _mm_storeu_si128((__m128i *)(void *)t->low,
                         _mm_and_si128(v0, _mm_cmpgt_epi8(n, idx0)));
        _mm_storel_epi64((__m128i *)(void *)(t->low + 16),
                         _mm_and_si128(v1, _mm_cmpgt_epi8(n, idx1)));
        t->e = i + len;
        t->hash = fact_hash24(t->low);
        return true;
    }
#endif
    size_t j = i, k = 0;
    while (j < to && k < sizeof(t->low) - 1) {
        unsigned char ch = (unsigned char)s[j];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        else if (ch < 'a' || ch > 'z')
            break;
        t->low[k++] = (char)ch;
        j++;
    }
    if (j < to) {
        unsigned char b = (unsigned char)s[j];
        if (b >= 0x80 || b == '\'' || b == '.' || is_alpha(b)) {
            memset(t->low, 0, sizeof(t->low));
            return false;
        }
    }
    t->e = j;
    t->low[k] = '\0';
    t->hash = fact_hash24(t->low);
    return true;
}

static const char *const abbrev[] = {
    "mr", "mrs", "ms", "dr", "gov", "gen", "sen", "rep", "st", "no", "nos",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "capt", "col", "lt", "sgt", "maj", "prof", "inc", "corp",
    "co", "ltd", "jr", "sr", "vs", "etc", "approx", "est", "fig", "vol",
    "mt", "ft", "rev", "adm", "cmdr", "supt", "dept", "univ", "ave", "blvd",
    "rd", "pres", "gens", "reps", "sens", "messrs", "op", "pp", "para",
};

/* The abbreviations by the hash of their zero-filled words, as tokens
 * carry it: a sentence mark after a word asks whether the word is one,
 * and a scan of the list cost a twentieth of tokenizing. */
enum { ABBREV_SLOTS = 256 };

static struct { char w[24]; } abbrev_slot[ABBREV_SLOTS];
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;

static void build_abbrev(void)
{
    for (size_t i = 0; i < sizeof(abbrev) / sizeof(*abbrev); i++) {
        char w[24] = { 0 };
        memcpy(w, abbrev[i], strlen(abbrev[i]));
        size_t k = (size_t)fact_hash24(w) & (ABBREV_SLOTS - 1);
        while (abbrev_slot[k].w[0])
            k = (k + 1) & (ABBREV_SLOTS - 1);
        memcpy(abbrev_slot[k].w, w, sizeof(w));
    }
}

static bool is_abbrev(const struct tok *t)
{
    if (!t->low[0] || t->low[6])
        return false;   /* none is longer than 6 letters */
    pthread_once(&abbrev_once, build_abbrev);
    size_t k = (size_t)t->hash & (ABBREV_SLOTS - 1);
    while (abbrev_slot[k].w[0]) {
        if (fact_same_word(abbrev_slot[k].w, t->low))
            return true;
        k = (k + 1) & (ABBREV_SLOTS - 1);
    }
    return false;
}

/* Scan a word at s[i]: letters, inner apostrophes, and dotted initials
 * ("U.S.", "p.m.").  Returns its end. */
static size_t scan_word(const char *s, size_t i, size_t to)
{
    size_t n, j = i;

    for (;;) {
        while (j < to && is_alpha((unsigned char)s[j]))
            j++;   /* the common case, a byte at a time */
        int32_t cp = decode(s, j, to, &n);
        if (cp_letter(cp)) {
            j += n;
            continue;
        }
        if (cp == '\'' || cp == 0x2019) {
            size_t m;
            if (j + n < to && cp_letter(decode(s, j + n, to, &m))) {
                j += n;
                continue;
            }
        }
        /* dotted initials: a letter or two, a dot, a letter */
        if (cp == '.' && j - i <= 2 && j + 1 < to && is_alpha(s[j + 1]) &&
            (j + 2 >= to || s[j + 2] == '.' || !is_alpha(s[j + 2]))) {
            j += 1;
            i = j;   /* the next part is measured again */
            continue;
        }
        if (cp == '.' && j > i && j >= 2 && s[j - 2] == '.')
            j += 1;   /* final dot of "U.S." */
        break;
    }
    return j;
}

static size_t scan_number(const char *s, size_t i, size_t to)
{
    size_t j = i;

    while (j < to) {
        if (is_digit(s[j])) {
            j++;
        } else if ((s[j] == ',' || s[j] == '.') && j + 1 < to &&
                   is_digit(s[j + 1]) && j > i) {
            j++;
        } else {
            break;
        }
    }
    return j;
}

size_t fact_tokenize(const char *text, size_t from, size_t to,
                     struct tok **out, size_t *capacity)
{
    size_t cap = *capacity, n = 0, i = from, len;
    struct tok *v = *out;

    if (!v || cap == 0) {
        cap = 256;
        v = xreallocarray(v, cap, sizeof(*v));
    }
    unsigned flags = TF_SENT_START;
    unsigned sent = 0;

    while (i < to) {
        unsigned char b0 = (unsigned char)text[i];
        int32_t cp;
        /* ASCII white space and letters without a call */
        if (b0 == ' ' || b0 == '\t' || b0 == '\r' || b0 == '\f' ||
            b0 == '\v') {
            flags |= TF_SPACE_BEFORE;
            i++;
            continue;
        }
        if (b0 == '\n') {
            flags |= TF_SPACE_BEFORE | TF_NEWLINE;
            i++;
            continue;
        }
        if (b0 < 0x80) {
            cp = b0;
            len = 1;
        } else {
            cp = decode(text, i, to, &len);
            if (cp_space(cp)) {
                flags |= TF_SPACE_BEFORE;
                if (cp == 0x2029 || cp == 0x2028)
                    flags |= TF_NEWLINE;
                i += len;
                continue;
            }
        }
        if (n == cap) {
            cap *= 2;
            v = xreallocarray(v, cap, sizeof(*v));
        }
        struct tok *t = &v[n];
        memset(t->low, 0, sizeof(t->low));   /* see struct tok */
        t->s = i;
        if (is_digit(b0)) {
            t->type = TOK_NUM;
            t->e = scan_number(text, i, to);
        } else if (cp < 0x80 ? is_alpha(cp) : cp_letter(cp)) {
            t->type = TOK_WORD;
            if (cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : cp_upper(cp))
                flags |= TF_CAP;
            if (cp < 0x80 && ascii_word(text, i, to, t))
                goto folded;
            t->e = scan_word(text, i, to);
        } else {
            t->type = TOK_PUNCT;
            t->e = i + len;
        }
        fold(text, t);
    folded:
        /* a line break or a sentence mark followed by a capital, digit or
         * quote starts a sentence */
        if (n > 0 && (flags & TF_NEWLINE))
            flags |= TF_SENT_START;
        if (n > 0 && (flags & TF_SPACE_BEFORE) && v[n - 1].type == TOK_PUNCT) {
            const char *pl = v[n - 1].low;
            bool mark = (pl[0] == '.' || pl[0] == '!' || pl[0] == '?') &&
                        pl[1] == '\0';
            if (mark && (t->type != TOK_WORD || (flags & TF_CAP)) &&
                (n < 2 || v[n - 2].type != TOK_WORD ||
                 !is_abbrev(&v[n - 2]) || t->type == TOK_PUNCT))
                flags |= TF_SENT_START;
            /* a quotation opening after a full stop */
            if (pl[0] == '.' && pl[1] == '\0' && t->type == TOK_PUNCT &&
                (t->low[0] == '"' || strcmp(t->low, "\xe2\x80\x9c") == 0))
                flags |= TF_SENT_START;
        }
        if ((flags & TF_SENT_START) && n > 0)
            sent++;
        t->flags = (unsigned char)flags;
        t->sent = (unsigned short)sent;
        flags = 0;
        i = t->e;
        n++;
    }
    *out = v;
    *capacity = cap;
    return n;
}
