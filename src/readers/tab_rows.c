/*
 * tab_rows.c - rows with a tab between cells (copied from a word processor).
 */
#include "readers.h"

static int
score_tab_rows(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	return census->tabbed >= 3 && !gd_one_cell_per_line(census) ? GD_SCORE_FITS : 0;
}

const gd_reader gd_reader_tab_rows = {"tab-rows", GD_LAYOUT_TAB_ROWS, score_tab_rows, gd_read_text_lines};
