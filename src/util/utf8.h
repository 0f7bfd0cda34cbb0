#ifndef CROSSCHECK_UTF8_H
#define CROSSCHECK_UTF8_H
/* Byte-level UTF-8 checks and repair, used before text reaches a
 * report writer and when articles are loaded. */

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Offset of the first byte that is not part of well-formed UTF-8
 * (overlongs, surrogates and code points above U+10FFFF are not), or
 * len when all of s is valid. */
size_t utf8_invalid_at(const char *s, size_t len);
/* Append s to out with each ill-formed sequence (each maximal subpart,
 * as Unicode counts them) and the noncharacters U+FFFE and U+FFFF
 * replaced by U+FFFD, and each control character other than tab, LF and
 * CR (C0, DEL and C1) replaced by a space, so any XML or JSON writer
 * accepts the result. */
void utf8_repair(struct buf *out, const char *s, size_t len);
/* True when utf8_repair would change nothing. */
bool utf8_is_clean(const char *s, size_t len);

#endif
