/* Numbers written in digits and in words. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fact/fact_private.h"

struct named { const char *name; double value; };

static const struct named words[] = {
    { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 },
    { "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
    { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
    { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
    { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 },
    { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
    { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
    { "hundred", 100 }, { "thousand", 1000 }, { "million", 1e6 },
    { "billion", 1e9 }, { "trillion", 1e12 },
};

static const struct named ordinals[] = {
    { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 },
    { "fifth", 5 }, { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 },
    { "ninth", 9 }, { "tenth", 10 }, { "eleventh", 11 },
    { "twelfth", 12 }, { "thirteenth", 13 }, { "fourteenth", 14 },
    { "fifteenth", 15 }, { "sixteenth", 16 }, { "seventeenth", 17 },
    { "eighteenth", 18 }, { "nineteenth", 19 }, { "twentieth", 20 },
    { "thirtieth", 30 }, { "fortieth", 40 }, { "fiftieth", 50 },
    { "hundredth", 100 }, { "thousandth", 1000 },
};

static const struct named scales[] = {
    { "hundred", 100 }, { "thousand", 1e3 }, { "million", 1e6 },
    { "millions", 1e6 }, { "billion", 1e9 }, { "trillion", 1e12 },
    { "mln", 1e6 }, { "mn", 1e6 }, { "bn", 1e9 }, { "bln", 1e9 },
    { "tn", 1e12 }, { "trn", 1e12 }, { "k", 1e3 }, { "m", 1e6 },
    { "b", 1e9 }, { "lakh", 1e5 }, { "lakhs", 1e5 }, { "crore", 1e7 },
    { "crores", 1e7 },
};

/* The three tables in one hash table, built once: the readers ask of
 * every "a", "an" and "no" whether it is a number word, and a scan of
 * the tables was a tenth of reading the numbers. */
enum { T_WORD, T_ORDINAL, T_SCALE, NTABLES, NSLOTS = 256 };

struct slot {
    char w[24];                 /* zero-filled; "" for an empty slot */
    double value[NTABLES];      /* -1 where the word is not in a table */
};

static struct slot slots[NSLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static struct slot *slot_of(const char *w24)
{
    size_t i = (size_t)fact_hash24(w24) & (NSLOTS - 1);

    while (slots[i].w[0] && !fact_same_word(slots[i].w, w24))
        i = (i + 1) & (NSLOTS - 1);
    return &slots[i];
}

static void add(const struct named *t, size_t n, int table)
{
    for (size_t i = 0; i < n; i++) {
        char w[24] = { 0 };
        memcpy(w, t[i].name, strlen(t[i].name));
        struct slot *sl = slot_of(w);
        if (!sl->w[0]) {
            memcpy(sl->w, w, sizeof(w));
            for (int k = 0; k < NTABLES; k++)
                sl->value[k] = -1;
        }
        sl->value[table] = t[i].value;
    }
}

static void build_slots(void)
{
    add(words, sizeof(words) / sizeof(*words), T_WORD);
    add(ordinals, sizeof(ordinals) / sizeof(*ordinals), T_ORDINAL);
    add(scales, sizeof(scales) / sizeof(*scales), T_SCALE);
}

static double lookup(int table, const char *low)
{
    size_t n = strlen(low);

    if (n >= 24)
        return -1;   /* no name is that long */
    char w[24] = { 0 };
    memcpy(w, low, n);
    pthread_once(&slots_once, build_slots);
    const struct slot *sl = slot_of(w);
    return sl->w[0] ? sl->value[table] : -1;
}

/* Every word the number readers know, for callers that want a table. */
size_t number_vocabulary(const char **out, size_t max)
{
    size_t n = 0;

    for (size_t i = 0; i < sizeof(words) / sizeof(*words) && n < max; i++)
        out[n++] = words[i].name;
    for (size_t i = 0; i < sizeof(ordinals) / sizeof(*ordinals) && n < max;
         i++)
        out[n++] = ordinals[i].name;
    return n;
}

double number_word(const char *low)
{
    return lookup(T_WORD, low);
}

double number_scale(const char *low)
{
    double v = lookup(T_SCALE, low);

    return v < 0 ? 0 : v;
}

double number_ordinal(const char *low)
{
    size_t n = strlen(low);
    double v = lookup(T_ORDINAL, low);

    if (v >= 0)
        return v;
    /* "twenty-first", "4th", "21st", "2nd", "3rd" */
    const char *dash = strrchr(low, '-');
    if (dash) {
        char head[24];
        size_t hl = (size_t)(dash - low);
        if (hl >= sizeof(head))
            return -1;
        memcpy(head, low, hl);
        head[hl] = '\0';
        double t = number_word(head), o = number_ordinal(dash + 1);
        return t >= 20 && t < 100 && o > 0 && o < 10 ? t + o : -1;
    }
    if (n < 3 || n > 8)
        return -1;
    const char *suf = low + n - 2;
    if (strcmp(suf, "st") && strcmp(suf, "nd") && strcmp(suf, "rd") &&
        strcmp(suf, "th"))
        return -1;
    v = 0;
    for (size_t i = 0; i < n - 2; i++) {
        if (low[i] < '0' || low[i] > '9')
            return -1;
        v = v * 10 + (low[i] - '0');
    }
    return v;
}

int number_digits(const char *s, size_t len, double *out)
{
    char tmp[64];
    size_t k = 0, group = 0, i = 0;
    bool seen_comma = false, seen_dot = false;

    if (len == 0 || len >= sizeof(tmp) || s[0] < '0' || s[0] > '9')
        return -1;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            tmp[k++] = c;
            group++;
        } else if (c == ',' && !seen_dot) {
            /* thousands: 1-3 digits before the first comma, 3 after */
            if ((!seen_comma && (group < 1 || group > 3)) ||
                (seen_comma && group != 3))
                return -1;
            seen_comma = true;
            group = 0;
        } else if (c == '.' && !seen_dot) {
            if (seen_comma && group != 3)
                return -1;
            seen_dot = true;
            seen_comma = false;
            tmp[k++] = '.';
            group = 0;
        } else {
            return -1;
        }
    }
    if (group == 0 || (seen_comma && group != 3))
        return -1;
    tmp[k] = '\0';
    *out = strtod(tmp, NULL);
    return 0;
}
