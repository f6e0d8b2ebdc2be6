/*
 * paragraphs.c - one paragraph per cell (`lynx -dump` of a table too wide
 * for the screen): every cell its own line or lines, a blank line after each,
 * nothing where a row ends and nothing at all for a blank cell.  Rows are
 * told apart by their labels (a label after values opens the next row); the
 * matcher fits the values to the template's row widths, and since a blank
 * cell leaves no trace, a row short of its width has unknown columns.
 */
#include "readers.h"

/*
 * Most non-blank lines of the regions stand alone between empty lines (a
 * wrapped label is the exception), and most of them are one value.
 */
static int
score_paragraphs(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	size_t		filled = 0,
				joined = 0,
				spaced = 0,
				li;
	bool		prev_filled = false,
				region_start;
	gd_line_walk w;

	if (!gd_one_cell_per_line(census))
		return 0;
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start);)
	{
		bool		is_filled = !gd_only_blanks(tx->t, tx->lines[li].start, tx->lines[li].end);

		filled += is_filled;
		joined += is_filled && prev_filled && !region_start;
		spaced += !is_filled && tx->lines[li].end > tx->lines[li].start;
		prev_filled = is_filled;
	}
	/* lines of spaces between the cells: a page's markup whitespace, which marks blank cells (lines.c) */
	return filled >= 20 && joined * 4 < filled && spaced * 4 < filled ? GD_SCORE_FITS : 0;
}

static void
read_paragraphs(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	(void) census;
	gd_read_cell_stream(tx, rg, false, out);
}

const gd_reader gd_reader_paragraphs = {"paragraph-per-cell", GD_LAYOUT_PARAGRAPH_PER_CELL, score_paragraphs, read_paragraphs};
