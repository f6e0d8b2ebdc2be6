/*
 * cell_per_line.c - one cell per line, a blank line between rows.
 */
#include "readers.h"

static int
score_cell_per_line(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	return gd_one_cell_per_line(census) ? GD_SCORE_FITS : 0;
}

const gd_reader gd_reader_cell_per_line = {"cell-per-line", GD_LAYOUT_CELL_PER_LINE, score_cell_per_line, gd_read_text_lines};

/* Most lines of the table regions are one value each. */
bool
gd_one_cell_per_line(const gd_census *census)
{
	return census->single >= 10 &&
		census->single > 2 * (census->multi + census->tabbed + census->piped);
}
