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
 * Most non-blank lines of the regions stand alone between blank lines (a
 * wrapped label is the exception), and most of them are one value.
 */
static int
score_paragraphs(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	size_t		filled = 0,
				joined = 0;

	if (!gd_one_cell_per_line(census))
		return 0;
	for (int k = 0; k < GD_REGIONS; k++)
	{
		bool		prev_filled = false;

		if (!regions[k].found)
			continue;
		for (size_t li = gd_line_of(tx, regions[k].start) - 1; li < tx->nlines; li++)
		{
			bool		is_filled;

			if (tx->lines[li].start >= regions[k].end)
				break;
			is_filled = !gd_only_blanks(tx->t, tx->lines[li].start, tx->lines[li].end);
			filled += is_filled;
			joined += is_filled && prev_filled;
			prev_filled = is_filled;
		}
	}
	return filled >= 20 && joined * 8 < filled ? GD_SCORE_FITS : 0;
}

static void
read_paragraphs(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	bool		row_has_value = false;

	(void) census;
	gd_grid_init(out);
	out->cells_per_line = true;
	out->blanks_unprinted = true;
	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		gd_grid_cell c;

		if (s >= rg->end)
			break;
		if (e > rg->end)
			e = rg->end;
		gd_note_work(tx, e - s + 1);
		if (!gd_text_cell(tx, (uint32_t) li + 1, s, e, &c))
			continue;
		gd_add_stream_cell(tx, out, &c, &row_has_value);
	}
	gd_grid_end_row(tx, out);
}

const gd_reader gd_reader_paragraphs = {"paragraph-per-cell", GD_LAYOUT_PARAGRAPH_PER_CELL, score_paragraphs, read_paragraphs};
