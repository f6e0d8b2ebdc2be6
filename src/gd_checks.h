/*
 * gd_checks.h - the core of the reviewer checks: MinHash signatures of prose
 * (COPIED-TEXT) and the publication date of a report (LATE).
 *
 * Plain C11 like the rest of the core: no PostgreSQL headers, input as
 * (buffer, length), results in caller-supplied storage.
 */
#ifndef GD_CHECKS_H
#define GD_CHECKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A signature holds GD_MINHASH_K minima over the text's shingles of
 * GD_SHINGLE_CHARS characters.  The first GD_LSH_BANDS * GD_LSH_ROWS values
 * form the LSH bands; all K are compared when a candidate pair is verified.
 * With 16 bands of 4 rows a pair of similarity 0.8 becomes a candidate with
 * probability 0.9998, one of 0.2 with 0.025.
 */
#define GD_MINHASH_K 128
#define GD_SHINGLE_CHARS 5
#define GD_LSH_BANDS 16
#define GD_LSH_ROWS 4
/* A text of fewer characters gets no signature: a line of boilerplate is no evidence of copying. */
#define GD_MINHASH_MIN_CHARS 60

/*
 * Signature of a UTF-8 text.  Whitespace is skipped and every ASCII digit
 * counts as '0', so a text copied with new numbers is still the same text.
 * Returns the number of characters hashed; when it is below
 * GD_MINHASH_MIN_CHARS, sig is left undefined and the caller stores none.
 */
size_t		gd_minhash(const char *text, size_t len, uint32_t sig[GD_MINHASH_K]);

/* Band keys of a signature (band number hashed in, so bands never collide with each other). */
void		gd_minhash_bands(const uint32_t sig[GD_MINHASH_K], int64_t keys[GD_LSH_BANDS]);

/* Share of equal positions of two signatures: an estimate of the Jaccard similarity. */
double		gd_minhash_similarity(const uint32_t a[GD_MINHASH_K], const uint32_t b[GD_MINHASH_K]);

typedef struct gd_date
{
	int			year;
	int			month;
	int			day;
} gd_date;

/*
 * The publication date of a report: the date after 发布时间/发布日期/成文日期
 * (page metadata), else the last date printed on its own line in the last
 * lines of the text (the date under the closing signature).  Dates are read
 * as 2024年1月25日, 2024-01-25, 2024/1/25, 2024.01.25 or in Chinese numerals
 * (二〇二四年一月二十五日).  Returns false when there is none.
 */
bool		gd_published(const char *text, size_t len, gd_date *out);

/* The code point at text[*at] (a stray byte stands for itself); advances *at past it. */
uint32_t	gd_utf8_next(const char *text, size_t len, size_t *at);

#endif							/* GD_CHECKS_H */
