/*
 * space_aligned.c - rows of tokens aligned by spaces (pdftotext -layout); a row with
 * blank cells is placed under the columns of the last complete row.
 */
#include "readers.h"

static int
score_space_aligned(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	return census->multi >= 3 ? GD_SCORE_FITS : 0;
}

const gd_reader gd_reader_space_aligned = {"space-aligned", GD_LAYOUT_SPACE_ALIGNED, score_space_aligned, gd_read_text_lines};
