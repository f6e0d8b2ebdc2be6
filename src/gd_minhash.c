/*
 * gd_minhash.c - MinHash signatures of prose, for COPIED-TEXT.
 *
 * One-permutation hashing: every shingle is hashed once, its hash picks one
 * of the K bins by its top bits and the bin keeps the smallest of the rest.
 * That costs a few operations per character instead of K (a report's first
 * section may be 30 KB).  Bins no shingle fell into are filled by "optimal
 * densification" (Shrivastava 2017): bin i copies the first non-empty bin of
 * a fixed pseudo-random probe sequence of i, so two texts fill an empty bin
 * the same way and equal positions still estimate the Jaccard similarity.
 */
#include "gd_checks.h"

#include <string.h>

#define BIN_BITS 7				/* 2^7 = GD_MINHASH_K bins */
#define DENSIFY_PROBES 4096

_Static_assert((1 << BIN_BITS) == GD_MINHASH_K, "one bin per signature value");
_Static_assert(GD_LSH_BANDS * GD_LSH_ROWS <= GD_MINHASH_K, "bands use part of the signature");

/* splitmix64's finaliser: a cheap hash with full avalanche. */
static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

uint32_t
gd_utf8_next(const char *text, size_t len, size_t *at)
{
	const unsigned char *s = (const unsigned char *) text;
	unsigned char c = s[*at];
	size_t		n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	uint32_t	cp;

	if (c < 0xC0 || *at + n > len)
	{
		(*at)++;
		return c;
	}
	cp = c & (0x3F >> (n - 1));
	for (size_t k = 1; k < n; k++)
	{
		if ((s[*at + k] & 0xC0) != 0x80)
		{
			(*at)++;
			return c;
		}
		cp = (cp << 6) | (s[*at + k] & 0x3F);
	}
	*at += n;
	return cp;
}

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

size_t
gd_minhash(const char *text, size_t len, uint32_t sig[GD_MINHASH_K])
{
	uint32_t	window[GD_SHINGLE_CHARS] = {0};
	bool		filled[GD_MINHASH_K] = {false};
	size_t		chars = 0,
				at = 0;

	while (at < len)
	{
		uint32_t	cp = gd_utf8_next(text, len, &at);
		uint64_t	h = 0;

		if (is_space(cp))
			continue;
		if (cp >= '0' && cp <= '9')
			cp = '0';
		memmove(window, window + 1, sizeof(window) - sizeof(window[0]));
		window[GD_SHINGLE_CHARS - 1] = cp;
		if (++chars < GD_SHINGLE_CHARS)
			continue;
		for (int k = 0; k < GD_SHINGLE_CHARS; k++)
			h = (h ^ window[k]) * UINT64_C(0x100000001b3);
		h = mix64(h);
		{
			size_t		bin = (size_t) (h >> (64 - BIN_BITS));
			uint32_t	value = (uint32_t) h;

			if (!filled[bin] || value < sig[bin])
				sig[bin] = value;
			filled[bin] = true;
		}
	}
	if (chars < GD_MINHASH_MIN_CHARS)
		return chars;
	for (size_t bin = 0; bin < GD_MINHASH_K; bin++)
	{
		size_t		from = GD_MINHASH_K;

		for (uint64_t probe = 1; !filled[bin] && probe <= DENSIFY_PROBES && from == GD_MINHASH_K; probe++)
		{
			size_t		j = (size_t) (mix64((uint64_t) bin << 32 | probe) >> (64 - BIN_BITS));

			if (filled[j])
				from = j;
		}
		/* after that many misses (a text of almost no distinct shingles) take the next filled bin */
		for (size_t j = (bin + 1) % GD_MINHASH_K; !filled[bin] && from == GD_MINHASH_K; j = (j + 1) % GD_MINHASH_K)
			if (filled[j])
				from = j;
		if (!filled[bin])
			sig[bin] = sig[from];
	}
	return chars;
}

void
gd_minhash_bands(const uint32_t sig[GD_MINHASH_K], int64_t keys[GD_LSH_BANDS])
{
	for (int band = 0; band < GD_LSH_BANDS; band++)
	{
		uint64_t	h = mix64((uint64_t) band + 1);

		for (int row = 0; row < GD_LSH_ROWS; row++)
			h = mix64(h ^ sig[band * GD_LSH_ROWS + row]);
		keys[band] = (int64_t) h;
	}
}

double
gd_minhash_similarity(const uint32_t a[GD_MINHASH_K], const uint32_t b[GD_MINHASH_K])
{
	int			equal = 0;

	for (int k = 0; k < GD_MINHASH_K; k++)
		equal += a[k] == b[k];
	return (double) equal / GD_MINHASH_K;
}
