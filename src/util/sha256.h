#ifndef CROSSCHECK_SHA256_H
#define CROSSCHECK_SHA256_H
/* SHA-256 (FIPS 180-4) of bytes in memory, and its Base64 form as a
 * Content-Security-Policy hash source wants it ("'sha256-...'"). */

#include <stddef.h>

/* The digest of the len bytes at data into out. */
void sha256(const void *data, size_t len, unsigned char out[32]);

/* The digest in standard Base64 with padding, NUL-terminated: 44
 * characters and the NUL. */
void sha256_base64(const void *data, size_t len, char out[45]);

#endif
