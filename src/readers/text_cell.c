/*
 * text_cell.c - what the text families that print one cell per line (or per
 * column of a line) share: a cell from trimmed text, the lines of a region,
 * and the reading of text where every line is a cell and nothing marks rows.
 */
#include "readers.h"

#include <string.h>

bool
gd_text_cell(const gd_text *tx, uint32_t line, size_t s, size_t e, gd_grid_cell *c)
{
	uint32_t	passed = 0;

	while (s < e && gd_is_blank(tx->t[s]))
		s++;
	while (e > s && gd_is_blank(tx->t[e - 1]))
		e--;
	memset(c, 0, sizeof(*c));
	c->span = (gd_span) {s, e - s};
	c->cell.line = line;
	if (s == e)
	{
		c->kind = GD_GRID_BLANK;
		c->cell.state = GD_BLANK;
		return false;
	}
	/* not the next item's number set apart from its label ("8" over "、属于…") */
	if (gd_parse_value(tx->t + s, e - s, &c->cell) && gd_item_number_label_end(tx->t, s, e, tx->n, &passed) == e)
	{
		c->kind = GD_GRID_VALUE;
		c->cell.line = line;
	}
	else
		c->kind = GD_GRID_TEXT;
	return true;
}

size_t
gd_item_number_label_end(const char *t, size_t ts, size_t te, size_t e, uint32_t *col)
{
	size_t		j = te;

	if (te - ts > 2 || !gd_is_digit(t[ts]) || !gd_is_digit(t[te - 1]))
		return te;
	while (j < e && gd_is_blank(t[j]))
		j++;
	if (!gd_starts_with(t + j, e - j, "、"))
		return te;
	for (*col += (uint32_t) (j - te); j < e && !gd_is_blank(t[j]); j++)
		if (((unsigned char) t[j] & 0xC0) != 0x80)
			(*col)++;
	return j;
}

void
gd_add_stream_cell(const gd_text *tx, gd_grid *out, const gd_grid_cell *c, bool *row_has_value)
{
	if (c->kind == GD_GRID_TEXT && *row_has_value)
	{
		gd_grid_end_row(tx, out);
		*row_has_value = false;
	}
	*row_has_value = *row_has_value || c->kind == GD_GRID_VALUE;
	gd_grid_add(tx, out, c);
}

void
gd_region_lines(const gd_text *tx, const gd_region *rg, size_t *first, size_t *end)
{
	*first = gd_line_of(tx, rg->start) - 1;
	*end = *first;
	while (*end < tx->nlines && tx->lines[*end].start < rg->end)
		(*end)++;
}

void
gd_region_line(const gd_text *tx, const gd_region *rg, size_t li, size_t *s, size_t *e)
{
	*s = tx->lines[li].start > rg->start ? tx->lines[li].start : rg->start;
	*e = tx->lines[li].end < rg->end ? tx->lines[li].end : rg->end;
}

bool
gd_next_region_line(gd_text *tx, const gd_region *rg, size_t *li, size_t end, size_t *s, size_t *e)
{
	for (; *li < end; (*li)++)
	{
		gd_region_line(tx, rg, *li, s, e);
		if (*s > *e)
			continue;
		gd_note_work(tx, *e - *s + 1);
		return true;
	}
	return false;
}

size_t
gd_count_region_lines(const gd_text *tx, const gd_region *regions,
					  bool (*is_line) (const gd_text *tx, size_t li), size_t at_most)
{
	size_t		li,
				last = (size_t) -1,
				count = 0;
	bool		region_start;
	gd_line_walk w;

	for (gd_walk_start(&w, tx, regions); count < at_most && gd_walk_next(&w, &li, &region_start);)
	{
		if (li != last && is_line(tx, li))
			count++;
		last = li;
	}
	return count;
}

void
gd_region_text(const gd_text *tx, const gd_region *rg, size_t *from, size_t *to)
{
	/* from the line rg starts on to the line its last byte is on: gd_region_lines' lines, found by halving */
	*from = tx->lines[gd_line_of(tx, rg->start) - 1].start;
	*to = tx->lines[gd_line_of(tx, rg->end > 0 ? rg->end - 1 : 0) - 1].end;
}

bool
gd_region_holds(const gd_text *tx, const gd_region *rg, char c)
{
	size_t		from,
				to;

	gd_region_text(tx, rg, &from, &to);
	return to > from && memchr(tx->t + from, c, to - from) != NULL;
}

bool
gd_regions_hold(const gd_text *tx, const gd_region *regions, const char *needle)
{
	for (int k = 0; k < GD_REGIONS; k++)
	{
		size_t		from,
					to;

		if (!regions[k].found)
			continue;
		gd_region_text(tx, &regions[k], &from, &to);
		if (to > from && gd_find_bytes(tx->t + from, to - from, needle, strlen(needle)))
			return true;
	}
	return false;
}

/*
 * Is the value cell c a label's serial number, its text node cut off before
 * the 、 or . that follows it on the next line ("1" / "、属于国家秘密": a
 * crawler's text nodes of a Word page, where the number and the words are
 * runs of different language)?
 */
static bool
cut_serial_number(const gd_text *tx, const gd_grid_cell *c, size_t next_line, size_t end)
{
	const char *t = tx->t;
	size_t		s,
				e,
				mark;

	if (c->span.len > 2 || next_line >= end || (unsigned char) t[c->span.off] > '9')
		return false;
	e = tx->lines[next_line].end;
	for (s = tx->lines[next_line].start; s < e && gd_is_blank(t[s]); s++)
		;
	mark = e - s < 6 ? 0 : t[s] == '.' ? 1 : memcmp(t + s, "、", 3) == 0 ? 3 : 0;
	return mark > 0 && (unsigned char) t[s + mark] >= 0xE0;	/* the label's words after it */
}

/*
 * A label's line ending in a value after a space ("3.补正后申请内容仍不明确 1":
 * MuPDF puts a row's first cell on its label's line): the value's cell split
 * off the text cell c, whose span is cut before it.
 */
static bool
split_trailing_value(const gd_text *tx, gd_grid_cell *c, gd_grid_cell *value)
{
	const char *t = tx->t;
	size_t		s = c->span.off,
				e = s + c->span.len,
				at = e;

	if (!gd_is_digit(t[e - 1]) && gd_placeholder_mark(t + e - 1, 1) == 0 &&
		(e - s < 3 || gd_placeholder_mark(t + e - 3, 3) != 3))
		return false;			/* no digit or mark at its end (most labels): told at once */
	while (at > s && !gd_is_blank(t[at - 1]))
		at--;
	if (at == s || e - at > 24 || (unsigned char) t[at - 2] < 0x80 ||
		!gd_text_cell(tx, c->cell.line, at, e, value) || value->kind != GD_GRID_VALUE)
		return false;
	while (at > s && gd_is_blank(t[at - 1]))
		at--;
	c->span.len = at - s;
	return true;
}

/*
 * A line of numbers of several cells and nothing else ("1244 12 10 14": a PDF's neighbouring cells on
 * one line, pdftohtml's text through pandoc), c its reading as one cell: each number a value cell of its
 * own.  False, nothing added, for any other line, and for digits a thousands grouping makes ("1 126").
 */
static bool
add_cells_run_together(const gd_text *tx, const gd_grid_cell *c, gd_grid *out, bool *row_has_value)
{
	size_t		e = c->span.off + c->span.len,
				i,
				ts;
	gd_grid_cell token;
	gd_cell		whole;
	bool		digits_only = true;
	int			tokens = 0;

	if (c->kind != GD_GRID_TEXT || !gd_is_digit(tx->t[c->span.off]))
		return false;
	for (i = c->span.off; i < e && digits_only; i++)
		digits_only = gd_is_digit(tx->t[i]) || gd_is_blank(tx->t[i]);
	if (digits_only)
	{
		gd_cut_number_cell(&whole, c->cell.line, tx->t + c->span.off, c->span.len);
		if (whole.value != GD_VALUE_CELLS_RUN_TOGETHER)
			return false;
	}
	for (i = c->span.off; gd_next_token(tx->t, &i, e, &ts); tokens++)
		if (!gd_text_cell(tx, c->cell.line, ts, i, &token) || token.kind != GD_GRID_VALUE)
			return false;
	if (tokens < 2)
		return false;
	for (i = c->span.off; gd_next_token(tx->t, &i, e, &ts);)
	{
		gd_text_cell(tx, c->cell.line, ts, i, &token);
		gd_add_stream_cell(tx, out, &token, row_has_value);
	}
	return true;
}

void
gd_read_cell_stream(gd_text *tx, const gd_region *rg, bool blanks_printed, gd_grid *out)
{
	bool		row_has_value = false;
	size_t		first,
				end,
				s,
				e;

	gd_grid_init(out);
	out->cells_per_line = true;
	out->blanks_unprinted = !blanks_printed;
	gd_region_lines(tx, rg, &first, &end);
	for (size_t li = first; gd_next_region_line(tx, rg, &li, end, &s, &e); li++)
	{
		gd_grid_cell c;

		if (gd_text_cell(tx, (uint32_t) li + 1, s, e, &c) || blanks_printed)
		{
			gd_grid_cell value;
			bool		trailing = c.kind == GD_GRID_TEXT && split_trailing_value(tx, &c, &value);

			if (c.kind == GD_GRID_VALUE && cut_serial_number(tx, &c, li + 1, end))
				c.kind = GD_GRID_TEXT;
			if (!add_cells_run_together(tx, &c, out, &row_has_value))
				gd_add_stream_cell(tx, out, &c, &row_has_value);
			if (trailing)
				gd_add_stream_cell(tx, out, &value, &row_has_value);
		}
	}
	gd_grid_end_row(tx, out);
}

void
gd_walk_start(gd_line_walk *w, const gd_text *tx, const gd_region *regions)
{
	w->tx = tx;
	w->regions = regions;
	w->k = -1;
	w->li = w->end = 0;
}

bool
gd_walk_next_region(gd_line_walk *w, size_t *li, bool *region_start)
{
	*region_start = false;
	while (w->li >= w->end)
	{
		if (++w->k >= GD_REGIONS)
			return false;
		if (w->regions[w->k].found)
		{
			gd_region_lines(w->tx, &w->regions[w->k], &w->li, &w->end);
			*region_start = true;
		}
	}
	*li = w->li++;
	return true;
}
