/*
 * box_drawn.c - tables drawn with borders (`w3m -dump` of a bordered table,
 * pandoc's grid tables): cells between │ ┃ or |, rule lines of ─ ┼ ├ ┤ ┌ ┐
 * └ ┘ or +---+.  A long label or number wraps inside its cell, so one table
 * row spans the lines between two rule lines; they are joined column by
 * column.  A rowspan label keeps its column open across rules and prints its
 * pieces anywhere in its block: they are carried as label words.
 */
#include "readers.h"

#include <string.h>

/* A cell's text between two separators on one line. */
typedef struct segment
{
	size_t		s;
	size_t		e;
	bool		rule;			/* only rule dashes: a border, no content */
} segment;

#define SEGMENTS_MAX 48
#define BLOCK_LINES_MAX 64		/* a label wrapped one character a line in a narrow column */
#define BOX_LINES_PER_RULE 8	/* at most, on average: rows wrapped tall, not a Markdown table's one rule */

typedef struct box_line
{
	segment		seg[SEGMENTS_MAX];
	int			nseg;
	bool		is_rule;		/* holds a rule segment: a row border (maybe partial) */
	uint32_t	line;
} box_line;

/* A horizontal line of the box-drawing block: ─ ━ ┄ ┅ ┈ ┉ ═ ╌ ╍. */
static bool
is_horizontal(const unsigned char *u)
{
	if (u[1] == 0x94)
		return u[2] == 0x80 || u[2] == 0x81 || u[2] == 0x84 || u[2] == 0x85 || u[2] == 0x88 || u[2] == 0x89;
	return u[2] == 0x90 || u[2] == 0x8C || u[2] == 0x8D;
}

/*
 * Length of the separator at t[i], 0 if none: |, and every box-drawing
 * character (U+2500..U+257F, bytes E2 94/95 xx) but the horizontal lines.
 */
static size_t
separator_at(const char *t, size_t i, size_t e)
{
	const unsigned char *u = (const unsigned char *) t + i;

	if (t[i] == '|')
		return 1;
	/* '+' joins rules ("+---+") but is also a sign ("+12") */
	if (t[i] == '+')
		return ((i + 1 < e && (t[i + 1] == '-' || t[i + 1] == '=')) ||
				(i > 0 && (t[i - 1] == '-' || t[i - 1] == '='))) ? 1 : 0;
	if (u[0] != 0xE2 || i + 2 >= e || (u[1] != 0x94 && u[1] != 0x95))
		return 0;
	return is_horizontal(u) ? 0 : 3;
}

/* Only dashes of a border (─ ━ ═ and the like, - = :), at least two. */
static bool
is_rule_text(const char *t, size_t s, size_t e)
{
	int			dashes = 0;

	while (s < e)
	{
		if (t[s] == '-' || t[s] == '=' || t[s] == ':')
			s++, dashes++;
		else if ((unsigned char) t[s] == 0xE2 && s + 2 < e &&
				 ((unsigned char) t[s + 1] == 0x94 || (unsigned char) t[s + 1] == 0x95) &&
				 is_horizontal((const unsigned char *) t + s))
			s += 3, dashes++;
		else if (gd_is_blank(t[s]))
			s++;
		else
			return false;
	}
	return dashes >= 2;
}

/* The segments between the line's first and last separator; false when it has fewer than two. */
static bool
split_line(const char *t, size_t s, size_t e, box_line *bl)
{
	size_t		open = 0;
	bool		opened = false;

	bl->nseg = 0;
	bl->is_rule = false;
	for (size_t i = s; i < e;)
	{
		size_t		k = separator_at(t, i, e);

		if (k == 0)
		{
			i++;
			continue;
		}
		if (opened && bl->nseg < SEGMENTS_MAX)
		{
			segment    *sg = &bl->seg[bl->nseg++];

			sg->s = open;
			sg->e = i;
			sg->rule = is_rule_text(t, open, i);
			bl->is_rule = bl->is_rule || sg->rule;
		}
		opened = true;
		i += k;
		open = i;
	}
	return bl->nseg > 0;
}

/*
 * Whether a separator's first byte is on the line: memchr passes over the lines of other layouts
 * faster than split_line.  ascii: whether the regions hold '|' or '+' at all (most text holds neither).
 */
static bool
may_hold_separator(const char *t, size_t s, size_t e, bool ascii)
{
	return (ascii && (memchr(t + s, '|', e - s) || memchr(t + s, '+', e - s))) || memchr(t + s, 0xE2, e - s);
}

/*
 * Can the line be a border: a separator, and two rule dashes or a
 * box-drawing character?  Far cheaper than split_line, and every border is one.
 */
/* Is one of the eight bytes at s a rule dash ('-', '=', ':') or 0xE2 (a zero byte of its xor)? */
static inline bool
holds_rule_byte(const char *s)
{
	uint64_t	w,
				found = 0;

	memcpy(&w, s, sizeof(w));
	for (size_t k = 0; k < 4; k++)
	{
		uint64_t	x = w ^ GD_BYTES_OF((uint64_t) (unsigned char) "-=:\xE2"[k]);

		found |= (x - GD_BYTES_OF(0x01)) & ~x;
	}
	return (found & GD_BYTES_OF(0x80)) != 0;
}

static bool
may_be_border(const char *t, size_t s, size_t e, bool ascii)
{
	int			dashes = 0;

	if (!may_hold_separator(t, s, e, ascii))
		return false;
	for (size_t i = s; i < e; i++)
	{
		/* a row's words and numbers, eight bytes a step */
		while (i + 8 <= e && !holds_rule_byte(t + i))
			i += 8;
		if (i >= e)
			break;
		dashes += t[i] == '-' || t[i] == '=' || t[i] == ':';
		if ((unsigned char) t[i] == 0xE2 && i + 1 < e &&
			((unsigned char) t[i + 1] == 0x94 || (unsigned char) t[i + 1] == 0x95))
			return true;
	}
	return dashes >= 2;
}

/* Do the regions hold a box-drawing character (E2 94 xx or E2 95 xx)?  One pass for both lead pairs. */
static bool
regions_hold_box_drawing(const gd_text *tx, const gd_region *regions)
{
	for (int k = 0; k < GD_REGIONS; k++)
	{
		size_t		from,
					to;
		const char *at;

		if (!regions[k].found)
			continue;
		gd_region_text(tx, &regions[k], &from, &to);
		for (at = tx->t + from; to > from && (at = memchr(at, 0xE2, (size_t) (tx->t + to - at))) != NULL; at++)
			if (at + 1 < tx->t + to && ((unsigned char) at[1] == 0x94 || (unsigned char) at[1] == 0x95))
				return true;
	}
	return false;
}

#define BORDERS_MIN 5

static int
score_box_drawn(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	size_t		rules = 0,
				rows = 0,
				li;
	box_line	bl;
	bool		region_start;
	gd_line_walk w;
	int			may_be_borders = 0;
	bool		ascii = gd_regions_hold(tx, regions, "|") || gd_regions_hold(tx, regions, "+");

	(void) census;
	/* no separator at all (the box-drawing characters are E2 94 xx and E2 95 xx): no line is split */
	if (!ascii && !regions_hold_box_drawing(tx, regions))
		return 0;
	/* most text has no borders: a cheap count of the lines that may be one settles it */
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start) && may_be_borders < BORDERS_MIN;)
		may_be_borders += may_be_border(tx->t, tx->lines[li].start, tx->lines[li].end, ascii);
	if (may_be_borders < BORDERS_MIN)
		return 0;
	for (gd_walk_start(&w, tx, regions); gd_walk_next(&w, &li, &region_start);)
		if (may_hold_separator(tx->t, tx->lines[li].start, tx->lines[li].end, ascii) &&
			split_line(tx->t, tx->lines[li].start, tx->lines[li].end, &bl))
		{
			bool		border = bl.is_rule;

			/* a border holds no words ("| 2.其他… | --- |" is a row of dashes for placeholders) */
			for (int j = 0; j < bl.nseg && border; j++)
				border = bl.seg[j].rule || gd_only_blanks(tx->t, bl.seg[j].s, bl.seg[j].e);
			rules += border;
			rows += !border;
		}
	/* a rule under every row (rows of labels wrapped a few characters a line), not one under a Markdown header */
	return rules >= BORDERS_MIN && rules * BOX_LINES_PER_RULE >= rows ? GD_SCORE_FITS : 0;
}

/*
 * A piece of a number wrapped at its separator: digits, ',' and '.' (",1"
 * and "26" of "1,126", or "," alone in a column a character wide); the
 * joined pieces must still read as a number.
 */
static bool
is_number_piece(const gd_text *tx, const gd_grid_cell *c)
{
	for (size_t i = c->span.off; i < c->span.off + c->span.len; i++)
		if (!gd_is_digit(tx->t[i]) && tx->t[i] != ',' && tx->t[i] != '.')
			return false;
	return true;
}

/* One cell from the pieces p[0..n) of a column, joined: a wrapped label or number. */
static void
emit_column(gd_text *tx, gd_grid *out, const box_line *lines, int nlines, int col)
{
	char		joined[96];
	size_t		jl = 0;
	int			pieces = 0;
	gd_grid_cell c,
				first;
	bool		all_values = true;

	for (int k = 0; k < nlines; k++)
	{
		const segment *sg = &lines[k].seg[col];

		if (!gd_text_cell(tx, lines[k].line, sg->s, sg->e, &c))
			continue;
		if (pieces++ == 0)
			first = c;
		all_values = all_values && (c.kind == GD_GRID_VALUE || is_number_piece(tx, &c));
		if (jl + c.span.len < sizeof(joined))
			memcpy(joined + jl, tx->t + c.span.off, c.span.len);
		jl += c.span.len;
	}
	if (pieces == 0)
	{
		gd_text_cell(tx, lines[0].line, lines[0].seg[col].s, lines[0].seg[col].s, &c);
		gd_grid_add(tx, out, &c);
		return;
	}
	if (pieces == 1)
	{
		gd_grid_add(tx, out, &first);
		return;
	}
	if (all_values)
	{
		/* a number wrapped inside its cell ("１１" / "４６"); pieces that make none together: one cell, unknown */
		if (jl >= sizeof(joined) || !gd_parse_value(joined, jl, &first.cell))
			gd_cut_number_cell(&first.cell, lines[0].line, NULL, 0);
		first.kind = GD_GRID_VALUE;
		first.cell.line = lines[0].line;
		gd_grid_add(tx, out, &first);
		return;
	}
	for (int k = 0; k < nlines; k++)
	{
		const segment *sg = &lines[k].seg[col];

		if (gd_text_cell(tx, lines[k].line, sg->s, sg->e, &c))
		{
			/* a label wrapped a character a line ("（四）无法提供"): words, whatever they look like */
			c.kind = GD_GRID_TEXT;
			gd_grid_add(tx, out, &c);
		}
	}
}

/* Content of rule lines and of lines that break the block's columns: label words, line by line. */
static void
emit_loose(gd_text *tx, gd_grid *out, const box_line *bl)
{
	gd_grid_cell c;

	for (int j = 0; j < bl->nseg; j++)
		if (!bl->seg[j].rule && gd_text_cell(tx, bl->line, bl->seg[j].s, bl->seg[j].e, &c))
		{
			c.kind = GD_GRID_TEXT;
			gd_grid_add(tx, out, &c);
		}
	gd_grid_end_row(tx, out);
}

/*
 * The lines of a block, each its own row: lines that do not share their
 * columns, or a block too tall to join, whose values are then not told
 * (values_unknown: they may be pieces of wrapped numbers).
 */
static void
emit_lines(gd_text *tx, gd_grid *out, const box_line *lines, int nlines, bool values_unknown)
{
	for (int k = 0; k < nlines; k++)
	{
		gd_grid_cell c;

		for (int j = 0; j < lines[k].nseg; j++)
		{
			gd_text_cell(tx, lines[k].line, lines[k].seg[j].s, lines[k].seg[j].e, &c);
			if (values_unknown && c.kind == GD_GRID_VALUE)
			{
				c.cell.state = GD_UNREADABLE;
				c.cell.value = 0;
				c.cell.scale = 0;
				c.cell.inferred = 1;
			}
			gd_grid_add(tx, out, &c);
		}
		gd_grid_end_row(tx, out);
	}
}

/* The lines of one row block, joined column by column when they share their columns. */
static void
emit_block(gd_text *tx, gd_grid *out, const box_line *lines, int nlines)
{
	bool		same = nlines > 0;

	for (int k = 1; k < nlines; k++)
		same = same && lines[k].nseg == lines[0].nseg;
	if (!same)
	{
		emit_lines(tx, out, lines, nlines, false);
		return;
	}
	{
		size_t		row_start = out->ncells;
		bool		any_value = false;
		size_t		kept = row_start;

		for (int j = 0; j < lines[0].nseg; j++)
			emit_column(tx, out, lines, nlines, j);
		for (size_t i = row_start; i < out->ncells; i++)
			any_value = any_value || out->cells[i].kind == GD_GRID_VALUE;
		/* a header row's empty cells would read as a row of blanks */
		for (size_t i = row_start; i < out->ncells; i++)
			if (any_value || out->cells[i].kind != GD_GRID_BLANK)
				out->cells[kept++] = out->cells[i];
		out->ncells = kept;
	}
	gd_grid_end_row(tx, out);
}

static void
read_box_drawn(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	box_line   *block = gd_alloc(tx, sizeof(box_line) * BLOCK_LINES_MAX);
	int			nblock = 0;

	(void) census;
	gd_grid_init(out);
	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		box_line   *bl;

		if (s >= rg->end)
			break;
		if (e > rg->end)
			e = rg->end;
		gd_note_work(tx, e - s + 1);
		if (gd_only_blanks(tx->t, s, e))
			continue;
		if (nblock == BLOCK_LINES_MAX)
		{
			/* a block this tall is no row we can join: its lines are read alone, their numbers not told */
			emit_lines(tx, out, block, nblock, true);
			nblock = 0;
		}
		bl = &block[nblock];
		bl->line = (uint32_t) li + 1;
		if (!split_line(tx->t, s, e, bl))
		{
			/* prose or a heading between tables: its own row of words */
			gd_grid_cell c;

			emit_block(tx, out, block, nblock);
			nblock = 0;
			if (gd_text_cell(tx, (uint32_t) li + 1, s, e, &c))
			{
				gd_grid_add(tx, out, &c);
				gd_grid_end_row(tx, out);
			}
			continue;
		}
		if (bl->is_rule)
		{
			emit_block(tx, out, block, nblock);
			emit_loose(tx, out, bl);
			nblock = 0;
			continue;
		}
		nblock++;
	}
	emit_block(tx, out, block, nblock);
	gd_grid_end_row(tx, out);
}

const gd_reader gd_reader_box_drawn = {"box-drawn", GD_LAYOUT_BOX_DRAWN, score_box_drawn, read_box_drawn};
