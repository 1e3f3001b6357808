#ifndef JIXIAO_CSHA256_H
#define JIXIAO_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) state. Blocks are compressed with the x86 SHA extensions when the CPU
/// has them (checked once, at run time) and with portable C otherwise.
typedef struct {
    uint32_t state[8];
    uint8_t pending[64];
    size_t pending_count;
    uint64_t length;
    /// Nonzero: never use the SHA extensions (tests compare both paths).
    int portable_only;
} jixiao_sha256_context;

void jixiao_sha256_init(jixiao_sha256_context *context, int portable_only);
void jixiao_sha256_update(jixiao_sha256_context *context, const uint8_t *bytes, size_t count);
void jixiao_sha256_final(jixiao_sha256_context *context, uint8_t digest[32]);

/// Whether this CPU compresses with the SHA extensions.
int jixiao_sha256_accelerated(void);

#endif
