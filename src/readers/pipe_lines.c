/*
 * pipe_lines.c - '|' tables whose cells keep their line breaks (pandoc's
 * DokuWiki/ZimWiki output): a row runs over several lines ("|一、本年新收…" /
 * "   |1,126" / "|64" / "|"), each cell's text ending in a line break before
 * the next bar, and it ends at a line that ends with its closing bar.  A row
 * is every line up to that one; its cells lie between its bars.
 */
#include "readers.h"

/* Lines of open rows, at least, that tell the layout (the tables' every row is one). */
#define PIPE_LINES_MIN 20

/* The text of a line without its blanks at either end, into [*s, *e). */
static void
trim_line(const gd_text *tx, size_t li, size_t *s, size_t *e)
{
	*s = tx->lines[li].start;
	*e = tx->lines[li].end;
	while (*s < *e && gd_is_blank(tx->t[*s]))
		(*s)++;
	while (*e > *s && gd_is_blank(tx->t[*e - 1]))
		(*e)--;
}

/* A line that opens a cell and leaves it open: "|64", "   |1,126". */
static bool
opens_cell(const gd_text *tx, size_t li)
{
	size_t		s,
				e;

	trim_line(tx, li, &s, &e);
	return e - s >= 2 && tx->t[s] == '|' && tx->t[e - 1] != '|';
}

static int
score_pipe_lines(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	if (census->piped < PIPE_LINES_MIN)
		return 0;
	/* above pipe rows, which read each line as a row */
	return gd_count_region_lines(tx, regions, opens_cell, PIPE_LINES_MIN) >= PIPE_LINES_MIN ? GD_SCORE_FITS + 1 : 0;
}

/* The cells of a row, the text [s, e) from its first bar to its closing one. */
static void
add_row_cells(gd_text *tx, size_t s, size_t e, gd_grid *out)
{
	size_t		cs = s + 1;

	for (size_t i = s + 1; i <= e; i++)
		if (i == e || tx->t[i] == '|')
		{
			gd_grid_cell c;

			gd_text_cell(tx, gd_line_of(tx, cs), cs, i, &c);
			gd_grid_add(tx, out, &c);
			cs = i + 1;
		}
	gd_grid_end_row(tx, out);
}

/* Is t[s..e) a rule row ("|---|---|")? */
static bool
is_rule(const char *t, size_t s, size_t e)
{
	bool		dash = false;

	for (size_t i = s; i < e; i++)
	{
		if (t[i] == '-')
			dash = true;
		else if (t[i] != '|' && t[i] != ':' && !gd_is_blank(t[i]))
			return false;
	}
	return dash;
}

static void
read_pipe_lines(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	size_t		first,
				end,
				row_start = 0;
	bool		in_row = false;

	(void) census;
	gd_grid_init(out);
	gd_region_lines(tx, rg, &first, &end);
	for (size_t li = first; li < end; li++)
	{
		size_t		s,
					e;
		gd_grid_cell c;

		trim_line(tx, li, &s, &e);
		if (s < rg->start)
			s = rg->start;
		if (e > rg->end)
			e = rg->end;
		gd_note_work(tx, e - s + 1);
		if (s >= e)
			continue;
		if (!in_row && tx->t[s] != '|')
		{
			/* words between tables: a row of their own */
			if (gd_text_cell(tx, (uint32_t) li + 1, s, e, &c))
			{
				gd_grid_add(tx, out, &c);
				gd_grid_end_row(tx, out);
			}
			continue;
		}
		if (!in_row)
			row_start = s;
		in_row = true;
		/* the closing bar ends its line ("| " opens a blank cell), after the row's first bar */
		if (tx->lines[li].end == e && tx->t[e - 1] == '|' && e - 1 > row_start)
		{
			if (!is_rule(tx->t, row_start, e))
				add_row_cells(tx, row_start, e - 1, out);
			in_row = false;
		}
	}
	if (in_row)
		add_row_cells(tx, row_start, rg->end, out);
	gd_grid_end_row(tx, out);
}

const gd_reader gd_reader_pipe_lines = {"pipe-lines", GD_LAYOUT_PIPE_ROWS, score_pipe_lines, read_pipe_lines};
