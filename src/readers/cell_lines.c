/*
 * cell_lines.c - cell-per-line with no row breaks (LibreOffice's text
 * export of a Word table): every cell on its own line, an empty line for a
 * blank cell, and nothing between rows.  A merged group label
 * (三、本年度办理结果, （三）不予公开) is printed once; the rows under it have
 * empty lines where the merged cell was, before their own label.  Rows are
 * told by their labels; the empty lines of merged cells fall before a label
 * or after a row's last cell, where the matcher drops them.
 */
#include "readers.h"

typedef enum line_kind
{
	LINE_EMPTY,
	LINE_VALUE,
	LINE_LABEL
} line_kind;

static line_kind
kind_of(const gd_text *tx, size_t li)
{
	gd_grid_cell c;

	if (!gd_text_cell(tx, (uint32_t) li + 1, tx->lines[li].start, tx->lines[li].end, &c))
		return LINE_EMPTY;
	return c.kind == GD_GRID_VALUE ? LINE_VALUE : LINE_LABEL;
}

/*
 * One cell per line, and rows that follow each other directly: a value line
 * right above a label line is what tells this text from cell-per-line text
 * with blank lines between rows.
 */
#define CELL_LINES_MULTI_RATIO 20	/* one line of several values to this many of one */

static int
score_cell_lines(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	size_t		direct = 0,
				parted = 0,
				li;
	line_kind	prev = LINE_LABEL,
				before_empties = LINE_LABEL;
	bool		region_start;
	gd_line_walk w;

	/* lines of several values: a PDF's text in reading order, not one cell per line */
	if (!gd_one_cell_per_line(census) || census->multi * CELL_LINES_MULTI_RATIO > census->single)
		return 0;
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start);)
	{
		line_kind	kind = kind_of(tx, li);

		if (region_start)
			prev = before_empties = LINE_LABEL;
		if (kind == LINE_LABEL && prev == LINE_VALUE)
			direct++;
		else if (kind == LINE_LABEL && prev == LINE_EMPTY && before_empties == LINE_VALUE)
			parted++;
		if (kind != LINE_EMPTY)
			before_empties = kind;
		prev = kind;
	}
	return direct >= 5 && direct * 4 >= parted ? GD_SCORE_FITS : 0;
}

/*
 * Does an empty line follow nearly every value (pdftotext's paragraphs, a
 * cell each): the empty lines part the cells, they are none?
 */
#define PARTED_VALUES_MIN 8		/* values each followed by an empty line, and */
#define PARTED_RATIO 8			/* this many times as many as values followed by a line of text */

static bool
parted_by_empty_lines(const gd_text *tx, size_t first, size_t end)
{
	int			value_then_line = 0,
				value_then_empty = 0;

	for (size_t li = first; li + 1 < end; li++)
		if (kind_of(tx, li) == LINE_VALUE)
		{
			if (gd_only_blanks(tx->t, tx->lines[li + 1].start, tx->lines[li + 1].end))
				value_then_empty++;
			else
				value_then_line++;
		}
	return value_then_empty >= PARTED_VALUES_MIN && value_then_line * PARTED_RATIO < value_then_empty;
}

/*
 * Does the region print blank cells as empty lines?  Not without two empty
 * lines next to a value's (a crawler's stripped text nodes print nothing for
 * a blank cell; a PDF's page break between two labels is no cell), nor where
 * they part every cell (parted_by_empty_lines): a row short of cells then
 * lost some, and which is not known.
 */
static bool
has_empty_line(const gd_text *tx, const gd_region *rg)
{
	size_t		first,
				end;
	int			beside_values = 0;

	gd_region_lines(tx, rg, &first, &end);
	for (size_t li = first; li < end && beside_values < 2; li++)
		if (gd_only_blanks(tx->t, tx->lines[li].start, tx->lines[li].end))
		{
			size_t		before = li,
						after = li + 1;

			while (before > first && gd_only_blanks(tx->t, tx->lines[before - 1].start, tx->lines[before - 1].end))
				before--;
			while (after < end && gd_only_blanks(tx->t, tx->lines[after].start, tx->lines[after].end))
				after++;
			beside_values += (before > first && kind_of(tx, before - 1) == LINE_VALUE) ||
				(after < end && kind_of(tx, after) == LINE_VALUE);
		}
	return beside_values >= 2 && !parted_by_empty_lines(tx, first, end);
}

static void
read_cell_lines(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	(void) census;
	gd_read_cell_stream(tx, rg, has_empty_line(tx, rg), out);
}

const gd_reader gd_reader_cell_lines = {"cell-lines", GD_LAYOUT_CELL_LINES, score_cell_lines, read_cell_lines};
