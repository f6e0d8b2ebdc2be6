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

/* More cells than any row of the template holds (the review table's 15). */
#define ROW_CELLS_MAX 15

/*
 * A whole table on one line, its cells between bars, is no table of rows: a
 * crawler's stripped text nodes joined by '|' (get_text("|", strip=True)),
 * where a blank cell leaves no trace.
 */
static void
read_pipe_rows(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	gd_read_text_lines(tx, rg, census, out);
	if (out->ncells > ROW_CELLS_MAX && out->cells[0].cell.line == out->cells[out->ncells - 1].cell.line)
		out->blanks_unprinted = true;
}

const gd_reader gd_reader_pipe_rows = {"pipe-rows", GD_LAYOUT_PIPE_ROWS, score_pipe_rows, read_pipe_rows};
