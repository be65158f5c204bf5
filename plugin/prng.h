/*
 * The seeded random numbers behind flip-ram-random and rate:P:N: splitmix64, one stream per
 * rule, seeded from the plugin's seed and the rule id so a run is reproducible and one
 * rule's draws do not depend on the others.
 */
#ifndef QFI_PRNG_H
#define QFI_PRNG_H

#include <stdint.h>

static inline uint64_t qfi_prng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A value in [0, n), n > 0 (the modulo bias is below 2^-40 for the sizes used here). */
static inline uint64_t qfi_prng_below(uint64_t *state, uint64_t n)
{
    return qfi_prng_next(state) % n;
}

static inline uint64_t qfi_prng_seed(uint64_t seed, const char *id)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a of the rule id */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        h = (h ^ *p) * 0x100000001b3ULL;
    }
    uint64_t s = seed ^ h;
    return qfi_prng_next(&s);
}

#endif
