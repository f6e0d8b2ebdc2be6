/*
 * gd_review_bytes.c - the review table's one row in text laid out by byte
 * width (Debian's html2text, gd_grid.tokens_apart), whose columns no other
 * row tells.  A value that fits its column is followed by the spaces that
 * pad it, or by the next value where it fills the column; a value wider
 * than its column shows its first characters, the next column's value right
 * after them (a full-width "１２" in a column of five bytes shows "１").  So
 * a run of characters set apart by spaces is one cell or several, each but
 * the last whole or cut, the last whole or cut before a blank cell; blank
 * cells stand only where spaces do, each as wide as a column that could
 * show the row's narrowest character at least.  Every such reading of the row into 15
 * cells that keeps each group's total (a cut number being its digits shown
 * and one or more after them) is tried: a cell every reading prints alike is
 * read, and a cut one is the group's total less the others where it is the
 * group's only unknown (inferred).  A reading with a blank cell leaves the
 * whole table unknown: the totals do not tell which cells are blank.
 */
#include "gd_review_bytes.h"
#include "gd_template.h"

#include <string.h>

/* Characters of the row followed (far more than 15 cells print). */
#define GLYPHS_MAX 64
/* Digits of a number read from the row (a count of the review table is far shorter). */
#define NUMBER_DIGITS_MAX 9
/* Readings tried: the few a row has, with room to spare. */
#define WORK_MAX 20000

/* A character of the row: a digit ('0'-'9') or a mark ('P'); run_end: spaces (or the line's end) follow it. */
typedef struct review_glyph
{
	char		c;
	bool		run_end;
	uint32_t	spaces_before;	/* bytes of spaces before it as the converter wrote them (a run's first) */
} review_glyph;

/* A cell of a reading: glyphs first..last (first < 0: blank); cut: a number the next cell wrote over. */
typedef struct reading_cell
{
	int			first;
	int			last;
	bool		cut;
} reading_cell;

typedef struct review_search
{
	review_glyph g[GLYPHS_MAX];
	int			n;
	int			runs_from[GLYPHS_MAX + 1];	/* runs starting at glyph i or after: a cell each at least */
	uint32_t	blank_bytes;	/* spaces a blank cell prints at least: the narrowest character's bytes */
	reading_cell cells[GD_REV_CELLS];
	int			work;
	int			found;			/* readings whose groups can hold */
	bool		blank;			/* one of them has a blank cell */
	gd_cell		agreed[GD_REV_CELLS];	/* what they print alike; GD_UNREADABLE where they differ */
} review_search;

/* The value of glyphs first..last as printed (marks: a placeholder, 0 in sums). */
static int64_t
shown_value(const review_search *rs, const reading_cell *c)
{
	int64_t		v = 0;

	for (int q = c->first; q <= c->last; q++)
		v = v * 10 + (rs->g[q].c == 'P' ? 0 : rs->g[q].c - '0');
	return v;
}

/* Does v print as more digits than shown, beginning with them? */
static bool
continues_shown(int64_t v, int64_t shown)
{
	int64_t		scale = 10;

	while (scale <= INT64_C(1000000000) && shown * scale <= v)
	{
		if (v / scale == shown)
			return true;
		scale *= 10;
	}
	return false;
}

/*
 * One group of a reading (cells at .. at + 4): can its total be the sum of
 * its four, cut numbers being any with their shown digits first?  The value
 * of its one cut cell when the others tell it into *pinned (-1: none).
 */
static bool
group_holds(const review_search *rs, int at, int *pinned_cell, int64_t *pinned)
{
	const reading_cell *total = &rs->cells[at + GD_REV_OUTCOMES - 1];
	int64_t		whole = 0,
				least_cut = 0;
	int			cuts = 0,
				cut_at = -1;

	*pinned_cell = -1;
	for (int k = 0; k < GD_REV_OUTCOMES - 1; k++)
	{
		const reading_cell *c = &rs->cells[at + k];

		if (c->first < 0)
			continue;
		if (c->cut)
		{
			cuts++;
			cut_at = at + k;
			least_cut += shown_value(rs, c) * 10;
		}
		else
			whole += shown_value(rs, c);
	}
	if (total->first >= 0 && total->cut)
	{
		if (cuts > 0)
			return true;		/* two unknowns or more: some values fit */
		if (!continues_shown(whole, shown_value(rs, total)))
			return false;
		*pinned_cell = at + GD_REV_OUTCOMES - 1;
		*pinned = whole;
		return true;
	}
	{
		int64_t		t = total->first >= 0 ? shown_value(rs, total) : 0;

		if (cuts == 0)
			return t == whole;
		if (t - whole < least_cut)
			return false;
		if (cuts > 1)
			return true;
		if (!continues_shown(t - whole, least_cut / 10))
			return false;
		*pinned_cell = cut_at;
		*pinned = t - whole;
		return true;
	}
}

/* A reading of all 15 cells: if every group can hold, merge what it prints into agreed. */
static void
take_reading(review_search *rs)
{
	gd_cell		read[GD_REV_CELLS];
	bool		blank = false;

	memset(read, 0, sizeof(read));
	for (int at = 0; at < GD_REV_CELLS; at += GD_REV_OUTCOMES)
	{
		int			pinned_cell;
		int64_t		pinned = 0;

		if (!group_holds(rs, at, &pinned_cell, &pinned))
			return;
		for (int k = at; k < at + GD_REV_OUTCOMES; k++)
		{
			const reading_cell *c = &rs->cells[k];

			if (c->first < 0)
			{
				read[k].state = GD_BLANK;
				blank = true;
			}
			else if (k == pinned_cell)
			{
				read[k].state = GD_NUMBER;
				read[k].value = pinned;
				read[k].inferred = 1;
			}
			else if (c->cut)
				read[k].state = GD_UNREADABLE;
			else
			{
				read[k].state = rs->g[c->first].c == 'P' ? GD_PLACEHOLDER : GD_NUMBER;
				read[k].value = shown_value(rs, c);
			}
		}
	}
	rs->blank = rs->blank || blank;
	for (int k = 0; k < GD_REV_CELLS; k++)
		if (rs->found == 0)
			rs->agreed[k] = read[k];
		else if (rs->agreed[k].state != read[k].state || rs->agreed[k].value != read[k].value ||
				 rs->agreed[k].inferred != read[k].inferred)
			rs->agreed[k].state = GD_UNREADABLE;
	rs->found++;
}

/* Is glyphs first..last one value: marks only ("——" is one), 0 alone, or digits not starting with 0? */
static bool
one_value(const review_search *rs, int first, int last)
{
	bool		marks = rs->g[first].c == 'P';

	if (rs->g[first].c == '0')
		return first == last;
	for (int q = first + 1; q <= last; q++)
		if ((rs->g[q].c == 'P') != marks)
			return false;
	return last - first < NUMBER_DIGITS_MAX;
}

static void search(review_search *rs, int g, int cell, uint32_t spaces);

/* Spaces before glyph g where the cells after a run's end may be blank (the row's end: any). */
static uint32_t
spaces_at(const review_search *rs, int g)
{
	return g == rs->n ? UINT32_MAX : rs->g[g].spaces_before;
}

/* Cell `cell` is glyphs g..k, cut or not: read on after it. */
static void
place_value(review_search *rs, int g, int k, int cell, bool cut)
{
	uint32_t	spaces = rs->g[k].run_end ? spaces_at(rs, k + 1) : 0;

	rs->cells[cell] = (reading_cell) {g, k, cut};
	if (!(cut && rs->g[k].run_end))
	{
		search(rs, k + 1, cell + 1, spaces);
		return;
	}
	/* a number cut where spaces follow: the next cell is blank */
	if (cell + 1 < GD_REV_CELLS && spaces >= rs->blank_bytes)
	{
		rs->cells[cell + 1] = (reading_cell) {-1, -1, false};
		search(rs, k + 1, cell + 2, spaces - rs->blank_bytes);
	}
}

/*
 * Read glyphs from g into cells from cell on; spaces: the bytes of spaces
 * before glyph g no cell has taken, where a blank cell (blank_bytes of them
 * at least) may stand.
 */
static void
search(review_search *rs, int g, int cell, uint32_t spaces)
{
	int			pinned_cell;
	int64_t		pinned;

	/* a reading with a blank cell settles it (the table is not told); a group just read must hold */
	if (++rs->work > WORK_MAX || rs->blank || GD_REV_CELLS - cell < rs->runs_from[g] ||
		(cell > 0 && cell % GD_REV_OUTCOMES == 0 && !group_holds(rs, cell - GD_REV_OUTCOMES, &pinned_cell, &pinned)))
		return;
	if (cell == GD_REV_CELLS)
	{
		if (g == rs->n)
			take_reading(rs);
		return;
	}
	if (spaces >= rs->blank_bytes)
	{
		rs->cells[cell] = (reading_cell) {-1, -1, false};
		search(rs, g, cell + 1, spaces == UINT32_MAX ? spaces : spaces - rs->blank_bytes);
	}
	for (int k = g; k < rs->n && rs->work <= WORK_MAX; k++)
	{
		if (!one_value(rs, g, k))
			break;
		place_value(rs, g, k, cell, false);
		/* no number starts with 0, and a mark is whole */
		if (rs->g[g].c != '0' && rs->g[g].c != 'P')
			place_value(rs, g, k, cell, true);
		if (rs->g[k].run_end)
			break;
	}
}

bool
gd_decode_review_bytes(const gd_text *tx, const gd_grid_cell *row, int n, gd_cell *out, bool *blank)
{
	review_search rs;

	size_t		after = n > 0 && row[0].cell.line > 0 ? tx->lines[row[0].cell.line - 1].start : 0;

	memset(&rs, 0, sizeof(rs));
	*blank = false;
	rs.blank_bytes = UINT32_MAX;
	for (int i = 0; i < n; i++)
	{
		size_t		off = row[i].span.off,
					len = row[i].span.len,
					step;
		uint32_t	spaces = 0;

		if (row[i].kind != GD_GRID_VALUE || off < after)
			return false;
		for (size_t k = after; k < off; k++)
		{
			if (!gd_is_blank(tx->t[k]))
				return false;	/* words between values: no row of values alone */
			spaces += gd_converter_bytes(tx, k);
		}
		for (size_t k = 0; k < len; k += step)
		{
			uint32_t	bytes;

			step = gd_placeholder_mark(tx->t + off + k, len - k);
			if (rs.n == GLYPHS_MAX || (step == 0 && !gd_is_digit(tx->t[off + k])))
				return false;
			rs.g[rs.n++] = (review_glyph) {step > 0 ? 'P' : tx->t[off + k], false, k == 0 ? spaces : 0};
			step = step > 0 ? step : 1;
			bytes = (uint32_t) step - 1 + gd_converter_bytes(tx, off + k);
			rs.blank_bytes = bytes < rs.blank_bytes ? bytes : rs.blank_bytes;
		}
		if (rs.n > 0)
			rs.g[rs.n - 1].run_end = true;
		after = off + len;
	}
	for (int i = rs.n - 1; i >= 0; i--)
		rs.runs_from[i] = rs.runs_from[i + 1] + (i == 0 || rs.g[i - 1].run_end);
	search(&rs, 0, 0, rs.n > 0 ? rs.g[0].spaces_before : 0);
	if (rs.work > WORK_MAX || rs.found == 0)
		return false;
	*blank = rs.blank;
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		out[k] = rs.agreed[k];
		out[k].line = row[0].cell.line;
	}
	return true;
}
