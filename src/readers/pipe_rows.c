/*
 * pipe_rows.c - rows with '|' between cells (Markdown tables, some exports).
 */
#include "readers.h"

static int
score_pipe_rows(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	return census->piped >= 3 && census->piped >= census->tabbed ? GD_SCORE_FITS : 0;
}

const gd_reader gd_reader_pipe_rows = {"pipe-rows", GD_LAYOUT_PIPE_ROWS, score_pipe_rows, gd_read_text_lines};
