/*
 * gd_internal.h - helpers shared by the core's source files (not part of the API).
 */
#ifndef GD_INTERNAL_H
#define GD_INTERNAL_H

#include "gd_core.h"

/* How much work passes between two interrupt checks. */
#define GD_INTERRUPT_STRIDE (1u << 20)
/* A token costs the row assembly more than its bytes: it counts as this many. */
#define GD_TOKEN_WORK 64

/*
 * Normalise buf into out (which must hold len + 1 bytes; normalising never
 * grows the text).  Returns the length written.  *is_html tells whether the
 * input was read as HTML markup.
 */
size_t		gd_normalize(const char *buf, size_t len, char *out, bool *is_html,
						 const gd_options *opt);

/* Case-insensitive search for an ASCII needle; returns offset or len. */
size_t		gd_find_ascii_ci(const char *s, size_t len, const char *needle);

#endif							/* GD_INTERNAL_H */
