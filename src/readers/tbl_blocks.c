/*
 * tbl_blocks.c - groff tbl tables of text blocks (pandoc's ms output): between
 * .TS and .TE, after the options and the format line (ending with '.'), each
 * cell is a block "T{" ... "T}" on lines of its own, a tab after "T}" opening
 * the next cell of the row ("T}<tab>T{") and "T}" alone ending the row.  A
 * block's lines that start with '.' are requests (.PP, .nr LL 5.4n), no text;
 * a line of escapes alone ("\ ", "\&") is a blank.  Outside the tables each
 * line of text is a row of its own.
 */
#include "readers.h"

#include <string.h>

/* Lines closing a block, at least, that tell the layout. */
#define TBL_BLOCK_ENDS_MIN 20

/* A line that closes a block: "T}", "T}<tab>T{". */
static bool
closes_block(const gd_text *tx, size_t li)
{
	size_t		s = tx->lines[li].start,
				e = tx->lines[li].end;

	return gd_starts_with(tx->t + s, e - s, "T}");
}

static int
score_tbl_blocks(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) census;
	/* a text without "T}" is refused by memchr, not line by line */
	if (!gd_contains(tx->t, tx->n, "T}"))
		return 0;
	/* above tab rows, which read each "T}<tab>T{" line as a row */
	return gd_count_region_lines(tx, regions, closes_block, TBL_BLOCK_ENDS_MIN) >= TBL_BLOCK_ENDS_MIN ?
		GD_SCORE_FITS + 1 : 0;
}

/* Is t[s..e) roff escapes alone ("\ ", "\&", "\c", "\~") and blanks? */
static bool
escapes_only(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
	{
		if (t[i] == '\\' && i + 1 < e)
			i++;
		else if (!gd_is_blank(t[i]))
			return false;
	}
	return true;
}

/* Is t[s..e) dashes written as roff escapes alone ("\[em]", "\[em]\[em]"): a placeholder cell? */
static bool
dash_escapes_only(const char *t, size_t s, size_t e)
{
	size_t		i = s;

	while (i < e && (gd_starts_with(t + i, e - i, "\\[em]") || gd_starts_with(t + i, e - i, "\\[en]")))
		i += strlen("\\[em]");
	return i > s && gd_only_blanks(t, i, e);
}

typedef enum tbl_place
{
	TBL_OUTSIDE,				/* text between tables */
	TBL_FORMAT,					/* after .TS: options and the format line */
	TBL_ROWS,					/* between blocks */
	TBL_BLOCK					/* inside T{ ... T} */
} tbl_place;

static void
read_tbl_blocks(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	const char *t = tx->t;
	size_t		first,
				end,
				s,
				e;
	tbl_place	at = TBL_OUTSIDE;
	bool		block_has_text = false;
	size_t		block_start = 0;

	(void) census;
	gd_grid_init(out);
	gd_region_lines(tx, rg, &first, &end);
	for (size_t li = first; gd_next_region_line(tx, rg, &li, end, &s, &e); li++)
	{
		gd_grid_cell c;

		if (gd_starts_with(t + s, e - s, ".TS"))
			at = TBL_FORMAT;
		else if (gd_starts_with(t + s, e - s, ".TE"))
		{
			gd_grid_end_row(tx, out);
			at = TBL_OUTSIDE;
		}
		else if (at == TBL_FORMAT)
		{
			if (e > s && t[e - 1] == '.')
				at = TBL_ROWS;
		}
		else if (gd_starts_with(t + s, e - s, "T}"))
		{
			/* (a region may start inside a block: nothing to close then) */
			if (at == TBL_BLOCK && !block_has_text)
			{
				gd_text_cell(tx, (uint32_t) li + 1, block_start, block_start, &c);
				gd_grid_add(tx, out, &c);
			}
			/* "T}<tab>T{": the row's next cell; "T}" alone: the row's end */
			at = memchr(t + s, '\t', e - s) != NULL ? TBL_BLOCK : TBL_ROWS;
			block_has_text = false;
			block_start = s;
			if (at == TBL_ROWS)
				gd_grid_end_row(tx, out);
		}
		else if (gd_starts_with(t + s, e - s, "T{"))
		{
			at = TBL_BLOCK;
			block_has_text = false;
			block_start = s;
		}
		else if (at == TBL_BLOCK && dash_escapes_only(t, s, e))
		{
			gd_text_cell(tx, (uint32_t) li + 1, s, e, &c);
			c.kind = GD_GRID_VALUE;
			memset(&c.cell, 0, sizeof(c.cell));
			c.cell.state = GD_PLACEHOLDER;
			c.cell.line = (uint32_t) li + 1;
			gd_grid_add(tx, out, &c);
			block_has_text = true;
		}
		else if (e > s && t[s] != '.' && !escapes_only(t, s, e) && gd_text_cell(tx, (uint32_t) li + 1, s, e, &c))
		{
			/* a block's text, or a line of text between tables: a row of its own */
			gd_grid_add(tx, out, &c);
			block_has_text = block_has_text || at == TBL_BLOCK;
			if (at != TBL_BLOCK)
				gd_grid_end_row(tx, out);
		}
	}
	gd_grid_end_row(tx, out);
}

const gd_reader gd_reader_tbl_blocks = {"tbl-blocks", GD_LAYOUT_TAB_ROWS, score_tbl_blocks, read_tbl_blocks};
