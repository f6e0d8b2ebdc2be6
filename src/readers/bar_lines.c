/*
 * bar_lines.c - cell-per-line with | lines (a web page copied from some
 * browsers and readers): every cell on its own line, a line holding only |
 * between cells or " |" at a cell's end, nothing where a row ends.  A blank
 * cell is an empty line before its bar, so a row keeps its width; rows are
 * told by their labels, as in paragraph-per-cell text.
 */
#include "readers.h"

/* Where the cell text of a line ends when the line closes a cell ("|" alone or "text |"); e when it does not. */
static size_t
bar_at_end(const char *t, size_t s, size_t e)
{
	while (e > s && gd_is_blank(t[e - 1]))
		e--;
	if (e == s || t[e - 1] != '|')
		return (size_t) -1;
	e--;
	if (e > s && !gd_is_blank(t[e - 1]))
		return (size_t) -1;		/* "a|" is text, "a |" or "|" a cell's end */
	for (size_t i = s; i < e; i++)
		if (t[i] == '|')
			return (size_t) -1;	/* a pipe row, not one cell */
	return e;
}

/*
 * Bars of a line of bars alone ("|  |  |": a cell's end, then blank cells,
 * each with its bar: Python html2text); 0 for another line.
 */
static int
bars_alone(const char *t, size_t s, size_t e)
{
	int			bars = 0;

	for (size_t i = s; i < e; i++)
	{
		if (t[i] == '|')
			bars++;
		else if (!gd_is_blank(t[i]))
			return 0;
	}
	return bars;
}

/* Is line li one of blanks alone, not empty (the "  " of a Markdown line break)? */
static bool
ends_row(const gd_text *tx, size_t li)
{
	return li < tx->nlines && tx->lines[li].end > tx->lines[li].start &&
		gd_only_blanks(tx->t, tx->lines[li].start, tx->lines[li].end);
}

static int
score_bar_lines(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	size_t		bars = 0,
				filled = 0,
				li;
	bool		region_start;
	gd_line_walk w;

	(void) census;
	if (!gd_regions_hold(tx, regions, "|"))
		return 0;				/* no line ends with a bar */
	/*
	 * bars first (an empty line has none): most text has too few, and then its filled lines need no count;
	 * a line of bars alone ends cells too (blank ones after the first)
	 */
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start);)
		bars += bar_at_end(tx->t, tx->lines[li].start, tx->lines[li].end) != (size_t) -1 ||
			bars_alone(tx->t, tx->lines[li].start, tx->lines[li].end) > 0;
	if (bars < 20)
		return 0;
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start);)
		filled += !gd_only_blanks(tx->t, tx->lines[li].start, tx->lines[li].end);
	return bars * 3 >= filled ? GD_SCORE_FITS : 0;
}

static void
read_bar_lines(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	bool		row_has_value = false,
				cell_has_text = false,
				bar_last = false;	/* the last cell read was closed by a bar */
	gd_grid_cell c;

	(void) census;
	gd_grid_init(out);
	out->cells_per_line = true;
	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end,
					text_end;

		if (s >= rg->end)
			break;
		if (e > rg->end)
			e = rg->end;
		gd_note_work(tx, e - s + 1);
		if (ends_row(tx, li))
		{
			/* the row ends after a bar: its last cell is blank */
			if (bar_last)
			{
				gd_text_cell(tx, (uint32_t) li + 1, s, s, &c);
				gd_add_stream_cell(tx, out, &c, &row_has_value);
			}
			bar_last = false;
			continue;
		}
		text_end = bar_at_end(tx->t, s, e);
		if (text_end == (size_t) -1 && bars_alone(tx->t, s, e) > 1)
		{
			/* the open cell's end (a blank one when it has no text), then a blank cell for each further bar */
			for (int k = bars_alone(tx->t, s, e) - (cell_has_text ? 1 : 0); k > 0; k--)
			{
				gd_text_cell(tx, (uint32_t) li + 1, s, s, &c);
				gd_add_stream_cell(tx, out, &c, &row_has_value);
			}
			cell_has_text = false;
			bar_last = true;
			continue;
		}
		if (gd_text_cell(tx, (uint32_t) li + 1, s, text_end == (size_t) -1 ? e : text_end, &c))
		{
			bar_last = text_end != (size_t) -1;
			gd_add_stream_cell(tx, out, &c, &row_has_value);
			/* a line of blanks after it, not an empty one: html2text's line break where a row ends, closing the cell */
			cell_has_text = text_end != (size_t) -1 || !ends_row(tx, li + 1);
		}
		if (text_end == (size_t) -1)
			continue;
		if (!cell_has_text)
			gd_add_stream_cell(tx, out, &c, &row_has_value);	/* the blank cell before the bar */
		cell_has_text = false;
		bar_last = true;
	}
	gd_grid_end_row(tx, out);
}

const gd_reader gd_reader_bar_lines = {"cell-lines-bar", GD_LAYOUT_CELL_LINES_BAR, score_bar_lines, read_bar_lines};
