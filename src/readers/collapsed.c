/*
 * collapsed.c - text whose table lost its separators, values glued to their labels
 * ("行政许可447228").  The fallback: it fits any text a little, and the
 * layout is reported as collapsed only when glued values were read.
 */
#include "readers.h"

static int
score_collapsed(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	(void) census;
	return GD_SCORE_FALLBACK;
}

const gd_reader gd_reader_collapsed = {"collapsed", GD_LAYOUT_COLLAPSED, score_collapsed, gd_read_text_lines};
