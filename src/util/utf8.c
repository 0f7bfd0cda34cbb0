#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

#include "util/buf.h"

/* Scan one character at s.  Returns the bytes it takes and sets *ok;
 * for an ill-formed sequence returns the length of its maximal subpart
 * (at least 1), as Unicode's "U+FFFD substitution of maximal subparts"
 * counts it.  *cp gets the code point of a well-formed sequence. */
static size_t scan(const unsigned char *s, size_t len, bool *ok,
                   unsigned *cp)
{
    unsigned c = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;

    *ok = false;
    if (c < 0x80) {
        *ok = true;
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        *cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        *cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;      /* overlong */
        else if (c == 0xED)
            hi = 0x9F;      /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        *cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;      /* overlong */
        else if (c == 0xF4)
            hi = 0x8F;      /* above U+10FFFF */
    } else {
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if (i >= len || s[i] < lo || s[i] > hi)
            return i;
        *cp = *cp << 6 | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *ok = true;
    return n;
}

/* Characters no XML 1.0 document may hold, and other controls. */
static bool is_control(unsigned cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    return (cp >= 0x7F && cp <= 0x9F);
}

static bool is_nonchar(unsigned cp)
{
    return cp == 0xFFFE || cp == 0xFFFF;
}

size_t utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        /* eight ASCII bytes at a time: every byte read passes here */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        bool ok;
        unsigned cp;
        size_t n = scan(u + i, len - i, &ok, &cp);
        if (!ok)
            return i;
        i += n;
    }
    return len;
}

void utf8_repair(struct buf *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, start = 0;

    buf_grow(out, len);
    while (i < len) {
        bool ok;
        unsigned cp;
        size_t n = scan(u + i, len - i, &ok, &cp);
        if (ok && !is_control(cp) && !is_nonchar(cp)) {
            i += n;
            continue;
        }
        buf_append(out, s + start, i - start);
        if (ok && is_control(cp))
            buf_putc(out, ' ');
        else
            buf_puts(out, "\xEF\xBF\xBD");
        i += n;
        start = i;
    }
    buf_append(out, s + start, len - start);
}

bool utf8_is_clean(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        bool ok;
        unsigned cp;
        size_t n = scan(u + i, len - i, &ok, &cp);
        if (!ok || is_control(cp) || is_nonchar(cp))
            return false;
        i += n;
    }
    return true;
}
