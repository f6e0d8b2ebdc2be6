/*
 * text_cell.c - a cell of the text families that print one cell per line
 * (or per column of a line): trimmed text read as a value, else as label words.
 */
#include "readers.h"

#include <string.h>

bool
gd_text_cell(const gd_text *tx, uint32_t line, size_t s, size_t e, gd_grid_cell *c)
{
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
	if (gd_parse_value(tx->t + s, e - s, &c->cell))
	{
		c->kind = GD_GRID_VALUE;
		c->cell.line = line;
	}
	else
		c->kind = GD_GRID_TEXT;
	return true;
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
