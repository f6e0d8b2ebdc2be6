/*
 * overprinted.c - text laid out by a converter that counts a cell's width in
 * bytes (Debian's html2text): a CJK label wider than its column runs on under
 * the next columns and their values overwrite it ("其他对12理0务事240"), and a
 * value that fills its column touches the next one ("45702" for 45, 7, 0, 2).
 * A line is a row: its label is the text before its first value; after it,
 * each run of digits is one cell or several glued, and the words between them
 * are the label's overflow, no cell.  A blank cell leaves no mark, but each
 * column starts at the same byte on every line: where two lines print all 7
 * cells of a requests row apart, a shorter row whose cells start at those
 * bytes is placed under them (place_by_bytes), its other columns blank; a
 * row gluing digits across columns is cut at those bytes (cut_at_columns),
 * its row total vouching that no digit was lost.
 */
#include "readers.h"

#include <string.h>

/* Lines of overprinted rows in the table regions that tell the layout. */
#define OVERPRINTED_LINES_MIN 3
/* Rows of all a requests row's values set apart, at the same bytes, that tell its columns. */
#define COLUMN_LINES_MIN 2
/* Bytes dropped before a row's first value glued to its label: the rest of the character it overwrote. */
#define CUT_BYTES_MAX 2

/* A line's value runs (up to one more than a requests row's cells). */
typedef struct line_runs
{
	int			n;
	size_t		ds[GD_REQ_COLS + 1];
	size_t		de[GD_REQ_COLS + 1];
} line_runs;

/* A line's cells as line_pieces_of cuts its runs. */
typedef struct line_pieces
{
	int			n;
	bool		valid;
	size_t		ds[GD_REQ_COLS + 1];
	size_t		de[GD_REQ_COLS + 1];
	bool		fills[GD_REQ_COLS + 1];	/* a mark or a 0: whole even where it fills its column */
} line_pieces;

/* Where a requests row's columns start, in bytes from the line's start as the converter counted them. */
typedef struct column_model
{
	bool		found;
	uint32_t	start[GD_REQ_COLS];
} column_model;

/* 〇 or ○: a zero typed as the numeral, glued among digits as any digit. */
static size_t
numeral_zero(const char *t, size_t i, size_t e)
{
	if (i + 3 > e || ((unsigned char) t[i] != 0xE3 && (unsigned char) t[i] != 0xE2))
		return 0;
	return memcmp(t + i, "〇", 3) == 0 || memcmp(t + i, "○", 3) == 0 ? 3 : 0;
}

/*
 * Bytes of a value's character at t[i]: a digit, a numeral zero or a placeholder mark.  无 is a
 * word of labels too ("4.无正当理由"): a cell only after the row's first value (no label's words
 * that far hold it) or set apart by a space before it.
 */
static size_t
value_char(const char *t, size_t s, size_t i, size_t e, bool after_value)
{
	size_t		zero;

	if (gd_is_digit(t[i]))
		return 1;
	if ((zero = numeral_zero(t, i, e)) > 0)
		return zero;
	if ((unsigned char) t[i] == 0xE6 && !after_value && !(i > s && gd_is_blank(t[i - 1])))
		return 0;
	return gd_placeholder_mark(t + i, e - i);
}

/* Was the digit at t[i] typed full-width (folded by normalising)? */
static bool
full_width_digit(const gd_text *tx, size_t i)
{
	return tx->folded != NULL && (tx->folded[i >> 3] >> (i & 7) & 1);
}

/* Is t[i] the start of a CJK character (three bytes of UTF-8)? */
static bool
starts_cjk(const char *t, size_t i, size_t e)
{
	return i + 3 <= e && ((unsigned char) t[i] & 0xF0) == 0xE0;
}

/*
 * The value run starting at t[i] (value_char there): its digits, zeros, marks,
 * a thousands ',' or decimal '.' between digits, a sign before a digit; its
 * end into *end.  Returns how many times its digits change width (ASCII,
 * full-width), the first change's offset into *first_change.
 */
static int
scan_value_run(const gd_text *tx, size_t s, size_t i, size_t e, size_t *end, size_t *first_change)
{
	const char *t = tx->t;
	int			changes = 0,
				width = -1;		/* the digits so far: 1 full-width, 0 ASCII, -1 none yet */

	while (i < e)
	{
		size_t		step = value_char(t, s, i, e, true);

		if (step == 1 && gd_is_digit(t[i]))
		{
			if (width >= 0 && width != (int) full_width_digit(tx, i) && changes++ == 0)
				*first_change = i;
			width = (int) full_width_digit(tx, i);
		}
		if (step > 0)
			i += step;
		else if ((t[i] == ',' || t[i] == '.' || t[i] == '+') && i + 1 < e && gd_is_digit(t[i + 1]))
			i++;
		else
			break;
	}
	*end = i;
	return changes;
}

/*
 * End of the value run starting at t[i].  No office types a number in digits
 * of two widths: where they change once ("１８544") a value was written over
 * the rest of the one before, and the run ends there (add_run); where they
 * change back ("１3555７") the one before outlasts it, and the run is the
 * whole stretch.
 */
static size_t
value_run_end(const gd_text *tx, size_t s, size_t i, size_t e)
{
	size_t		end,
				change = e;

	return scan_value_run(tx, s, i, e, &end, &change) == 1 ? change : end;
}

/*
 * Is the run t[ds..de) no value: an item number ("1.属于", "2、其他"), a
 * number inside words ("第二十条", "2019年", "12366热线") that a converter did
 * not cut?  After a row's first value (after_value) the words are the label's
 * overflow, cut anywhere ("只61这500，不1其他067）"): its digits are values.
 */
static bool
run_is_words(const char *t, size_t s, size_t ds, size_t de, size_t e, bool after_value)
{
	static const char *const after_words[] = {"年", "月", "日", "号", "条", "项", "届", "版", "%", "）", ")"};
	size_t		mark = gd_placeholder_mark(t + ds, de - ds);

	/* one mark inside a label's words ("增/减"), not set apart as a cell is nor ending the row ("行政—") */
	if (!after_value && mark > 0 && mark == de - ds && ds > s && !gd_is_blank(t[ds - 1]) && !gd_only_blanks(t, de, e))
		return true;
	if (de < e && ((t[de] >= 'a' && t[de] <= 'z') || (t[de] >= 'A' && t[de] <= 'Z')))
		return true;
	if (after_value)
		return false;
	/* an item number is followed by its label's words ("2、其他"), a value by anything ("补2、000关") */
	if (de < e && t[de] == '.' && !(de + 1 < e && gd_is_digit(t[de + 1])))
		return true;
	if (gd_starts_with(t + de, e - de, "、") && !(de + 3 < e && gd_is_digit(t[de + 3])))
		return true;
	for (size_t k = 0; k < sizeof(after_words) / sizeof(after_words[0]); k++)
		if (gd_starts_with(t + de, e - de, after_words[k]))
			return true;
	if (ds >= s + 3 && gd_starts_with(t + ds - 3, 3, "第"))
		return true;
	return ds > s && (t[ds - 1] == '(' || t[ds - 1] == '[' || t[ds - 1] == ':' ||
					  (t[ds - 1] >= 'a' && t[ds - 1] <= 'z') || (t[ds - 1] >= 'A' && t[ds - 1] <= 'Z'));
}

/* The next value run of t[*i..e) into [*ds, *de) (after_value: run_is_words); false when none is left. */
static bool
next_value_run(const gd_text *tx, size_t s, size_t *i, size_t e, size_t *ds, size_t *de, bool after_value)
{
	const char *t = tx->t;

	while (*i < e)
	{
		if (value_char(t, s, *i, e, after_value) == 0 &&
			!((t[*i] == '+' || t[*i] == '-') && *i + 1 < e && gd_is_digit(t[*i + 1])))
		{
			(*i)++;
			continue;
		}
		*ds = *i;
		*de = value_run_end(tx, s, *i, e);
		*i = *de > *ds ? *de : *ds + 1;
		if (*de > *ds && !run_is_words(t, s, *ds, *de, e, after_value))
			return true;
	}
	return false;
}

/*
 * Does a digit follow a CJK character's three bytes anywhere in t[s..e)?  A
 * line without one is refused before its value runs are read: most lines of
 * ordinary text are.
 */
static bool
digit_after_cjk(const char *t, size_t s, size_t e)
{
	for (size_t k = s + 3; k < e; k++)
		if (gd_is_digit(t[k]) && ((unsigned char) t[k - 3] & 0xF0) == 0xE0)
			return true;
	return false;
}

/*
 * Does an item number run on right after an ideograph in t[s..e) ("（三4.保护", "办1.本机关"):
 * a group label cut at its column's last byte, the next column's label glued to it?
 */
static bool
item_after_ideograph(const char *t, size_t s, size_t e)
{
	for (size_t k = s + 3; k + 1 < e; k++)
	{
		size_t		d = k;

		if (!gd_is_digit(t[k]) || (unsigned char) t[k - 3] < 0xE4 || (unsigned char) t[k - 3] > 0xE9)
			continue;
		while (d < e && gd_is_digit(t[d]))
			d++;
		if ((d < e && t[d] == '.' && d + 1 < e && !gd_is_digit(t[d + 1])) || gd_starts_with(t + d, e - d, "、"))
			return true;
		k = d;
	}
	return false;
}

/*
 * Does the line t[s..e) show a label overprinted by its values (a value run
 * right after a CJK character) or cut at its column's end (item_after_ideograph),
 * and columns padded by two spaces or more?
 */
static bool
is_overprinted_line(const gd_text *tx, size_t s, size_t e)
{
	const char *t = tx->t;
	size_t		i = s,
				ds,
				de;
	bool		touching = false,
				padded = false;

	for (size_t k = s; k + 1 < e && !padded; k++)
		padded = t[k] == ' ' && t[k + 1] == ' ';
	if (!padded || !digit_after_cjk(t, s, e))
		return false;
	touching = item_after_ideograph(t, s, e);
	while (!touching && next_value_run(tx, s, &i, e, &ds, &de, false))
		touching = ds >= s + 3 && starts_cjk(t, ds - 3, e) && numeral_zero(t, ds - 3, e) == 0 &&
			gd_is_digit(t[ds]);
	return touching;
}

static bool
overprinted_line(const gd_text *tx, size_t li)
{
	return is_overprinted_line(tx, tx->lines[li].start, tx->lines[li].end);
}

static int
score_overprinted(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	/* rows of several values: the space-aligned text this layout is a kind of */
	if (census->multi < OVERPRINTED_LINES_MIN || census->is_html)
		return 0;
	/* above space-aligned, which reads the overflow between values as labels */
	return gd_count_region_lines(tx, regions, overprinted_line, OVERPRINTED_LINES_MIN) >= OVERPRINTED_LINES_MIN ?
		GD_SCORE_FITS + 1 : 0;
}

/*
 * The value run t[ds..de) of line as a cell: maybe several cells glued.  A run
 * the next one's digits cut, or digits of values written over one another
 * (value_run_end), lost digits under them: an unknown cell, no digits to
 * split either.
 */
/* A value that lost digits under the next one, t[ds..de) its first digits: unknown. */
static void
add_lost(gd_text *tx, gd_grid *out, uint32_t line, size_t ds, size_t de)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_VALUE;
	c.span = (gd_span) {ds, de - ds};
	c.cell.state = GD_UNREADABLE;
	c.cell.value = GD_VALUE_LOST_DIGITS;
	c.cell.line = line;
	gd_grid_add(tx, out, &c);
}

/* Is t[ds..de) 无 twice or more: a cell each (a full-width mark fills a column of three bytes; no cell prints 无无)? */
static bool
nothing_marks(const char *t, size_t ds, size_t de)
{
	if (de - ds < 6 || (de - ds) % 3 != 0)
		return false;
	for (size_t i = ds; i < de; i += 3)
		if (memcmp(t + i, "无", 3) != 0)
			return false;
	return true;
}

/*
 * A cell of a row placed by its bytes: t[ds..de), a value alone in its column
 * as printed (one glued to the next where it fills its column: the row total
 * vouched that no digit was lost there), or blank where ds == de (a column no
 * cell starts in).
 */
static void
add_placed(gd_text *tx, gd_grid *out, uint32_t line, size_t ds, size_t de)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.span = (gd_span) {ds, de - ds};
	c.kind = ds == de ? GD_GRID_BLANK : GD_GRID_VALUE;
	c.cell.state = GD_BLANK;
	if (ds < de)
		(void) gd_parse_value(tx->t + ds, de - ds, &c.cell);
	c.cell.line = line;
	gd_grid_add(tx, out, &c);
}

static void
add_run(gd_text *tx, gd_grid *out, uint32_t line, size_t ds, size_t de, size_t e)
{
	gd_grid_cell c;
	size_t		end,
				change;

	if (nothing_marks(tx->t, ds, de))
	{
		for (size_t i = ds; i < de; i += 3)
			add_placed(tx, out, line, i, i + 3);
		return;
	}

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_VALUE;
	c.span = (gd_span) {ds, de - ds};
	c.glued = 1;
	if ((de < e && gd_is_digit(tx->t[de])) || scan_value_run(tx, ds, ds, de, &end, &change) > 1)
	{
		add_lost(tx, out, line, ds, de);
		return;
	}
	if (!gd_parse_value(tx->t + ds, de - ds, &c.cell))
	{
		/* zeros typed 〇 among digits, marks among digits: cells the matcher splits */
		memset(&c.cell, 0, sizeof(c.cell));
		c.cell.state = GD_UNREADABLE;
		c.cell.inferred = 1;
	}
	c.cell.line = line;
	gd_grid_add(tx, out, &c);
}

/* The value runs of the line t[s..e): the first after its label, the rest after a value (run_is_words). */
static void
line_value_runs(const gd_text *tx, size_t s, size_t e, line_runs *lr)
{
	size_t		i = s,
				ds,
				de;

	lr->n = 0;
	while (lr->n <= GD_REQ_COLS && next_value_run(tx, s, &i, e, &ds, &de, lr->n > 0))
	{
		lr->ds[lr->n] = ds;
		lr->de[lr->n++] = de;
	}
}

/* Bytes before t[i] on the line starting at s as the converter wrote them: a folded full-width form was three, an NBSP two. */
static uint32_t
byte_column(const gd_text *tx, size_t s, size_t i)
{
	uint32_t	col = (uint32_t) (i - s);

	for (size_t k = s; k < i; k++)
		col += gd_converter_bytes(tx, k) - 1;
	return col;
}

/*
 * Is t[ds..de) one value alone: a number or one mark (not "00", "无3", a run
 * of two widths)?
 */
static bool
lone_value(const gd_text *tx, size_t ds, size_t de)
{
	const char *t = tx->t;
	size_t		end,
				change;
	gd_cell		c;

	if (!gd_parse_value(t + ds, de - ds, &c) || (c.state != GD_NUMBER && c.state != GD_PLACEHOLDER) ||
		scan_value_run(tx, ds, ds, de, &end, &change) > 0)
		return false;
	return !(t[ds] == '0' && de > ds + 1 && gd_is_digit(t[ds + 1]));
}

/* Bytes of a cell that stays whole where it fills its column at t[i]: a mark or a 0 (no number starts with it). */
static size_t
filling_cell(const char *t, size_t s, size_t i, size_t e)
{
	if (t[i] == '0')
		return 1;
	return gd_is_digit(t[i]) ? 0 : value_char(t, s, i, e, true);
}

static void
add_piece(line_pieces *lp, size_t ds, size_t de, bool fills)
{
	if (lp->n > GD_REQ_COLS)
	{
		lp->valid = false;
		return;
	}
	lp->ds[lp->n] = ds;
	lp->de[lp->n] = de;
	lp->fills[lp->n++] = fills;
}

/*
 * The cells of lr's runs, each set apart by a blank after it: a value alone,
 * or a run of marks and zeros each a cell, its last maybe any digit ("０／／",
 * "无3"): a full-width mark or zero fills a column of three bytes.  valid is
 * false when some run is neither.
 */
static void
line_pieces_of(const gd_text *tx, const line_runs *lr, size_t s, size_t e, line_pieces *lp)
{
	const char *t = tx->t;

	lp->n = 0;
	lp->valid = lr->n <= GD_REQ_COLS;
	for (int k = 0; k < lr->n && lp->valid; k++)
	{
		size_t		ds = lr->ds[k],
					de = lr->de[k],
					i = ds,
					step;

		lp->valid = de == e || gd_is_blank(t[de]);
		if (lone_value(tx, ds, de))
		{
			add_piece(lp, ds, de, filling_cell(t, s, ds, de) == de - ds);
			continue;
		}
		while (lp->valid && i < de && (step = filling_cell(t, s, i, de)) > 0 && i + step < de)
		{
			add_piece(lp, i, i + step, true);
			i += step;
		}
		/* the last cell of the run: a value alone */
		lp->valid = lp->valid && i > ds && lone_value(tx, i, de) && value_char(t, s, i, de, true) == de - i;
		if (lp->valid)
			add_piece(lp, i, de, filling_cell(t, s, i, de) == de - i);
	}
}

/* Where the cells of line li start when it prints all 7 of a requests row's apart (line_pieces_of), each run after a blank. */
static bool
full_row_starts(const gd_text *tx, const gd_region *rg, size_t li, uint32_t *start)
{
	size_t		s,
				e;
	line_runs	lr;
	line_pieces lp;
	bool		apart;

	gd_region_line(tx, rg, li, &s, &e);
	line_value_runs(tx, s, e, &lr);
	line_pieces_of(tx, &lr, s, e, &lp);
	apart = lp.valid && lp.n == GD_REQ_COLS;
	for (int k = 0; k < lr.n && apart; k++)
		apart = lr.ds[k] > s && gd_is_blank(tx->t[lr.ds[k] - 1]);
	for (int k = 0; k < GD_REQ_COLS && apart; k++)
		start[k] = byte_column(tx, s, lp.ds[k]);
	return apart;
}

/*
 * The requests row's columns: where the cells start on lines of all 7 cells
 * (full_row_starts), when COLUMN_LINES_MIN such lines agree.
 */
static void
find_columns(const gd_text *tx, const gd_region *rg, size_t first, size_t end, column_model *m)
{
	int			agree = 0;

	m->found = false;
	for (size_t li = first; li < end && agree < COLUMN_LINES_MIN; li++)
	{
		uint32_t	start[GD_REQ_COLS];

		if (!full_row_starts(tx, rg, li, start))
			continue;
		if (agree == 0 || memcmp(start, m->start, sizeof(start)) != 0)
		{
			memcpy(m->start, start, sizeof(start));
			agree = 0;
		}
		agree++;
	}
	m->found = agree >= COLUMN_LINES_MIN;
}

/*
 * Does the last of lp's cells, a row's total, print the sum of the others (a
 * mark adding nothing), and is it more than 0 unless all 7 cells are printed?
 * Bytes a converter did not count as printed (an NBSP normalised to one
 * space) shift a value into another column, a value that fills its column may
 * have lost digits under the next, and blank cells round zeros are not told
 * by any sum: the row total must vouch for a row placed by its bytes.
 */
static bool
total_holds(const gd_text *tx, const line_pieces *lp)
{
	int64_t		sum = 0;
	gd_cell		c;

	memset(&c, 0, sizeof(c));
	for (int k = 0; k < lp->n; k++)
	{
		if (!gd_parse_value(tx->t + lp->ds[k], lp->de[k] - lp->ds[k], &c) || c.scale != 0)
			return false;
		if (c.state == GD_NUMBER && k < lp->n - 1)
			sum += c.value;
	}
	return c.state == GD_NUMBER && (c.value > 0 || lp->n == GD_REQ_COLS) && c.value == sum;
}

/*
 * The columns of lp's cells, of a row printed in fewer than 7 runs: col[k] for
 * cell k, which starts at its column's byte and ends before the next column's
 * (one that reaches it may have lost digits under it), or at it for a mark or
 * a 0.  The bytes a cut character dropped before the first value (the rest
 * of a label's character) shift the rest alike; exactly one shift must place
 * them all, and the row total must hold.
 */
static bool
place_by_bytes(const gd_text *tx, const column_model *m, const line_pieces *lp, size_t s, int *col)
{
	int			placements = 0,
				at[GD_REQ_COLS];

	if (!m->found || !lp->valid || lp->n == 0 || lp->n > GD_REQ_COLS)
		return false;
	for (uint32_t cut = 0; cut <= CUT_BYTES_MAX; cut++)
	{
		int			j = 0,
					k;

		for (k = 0; k < lp->n; k++)
		{
			uint32_t	from = byte_column(tx, s, lp->ds[k]) + cut,
						to = byte_column(tx, s, lp->de[k]) + cut;

			while (j < GD_REQ_COLS && m->start[j] < from)
				j++;
			if (j == GD_REQ_COLS || m->start[j] != from ||
				(j + 1 < GD_REQ_COLS && to + (lp->fills[k] ? 0 : 1) > m->start[j + 1]))
				break;
			at[k] = j++;
		}
		if (k == lp->n && placements++ == 0)
			memcpy(col, at, sizeof(int) * (size_t) lp->n);
	}
	return placements == 1 && col[lp->n - 1] == GD_REQ_COLS - 1 && total_holds(tx, lp);
}

/*
 * Does each of lp's 7 cells start at its column's byte, shifted by the bytes cut characters
 * dropped before it (0 to CUT_BYTES_MAX, never fewer than before an earlier cell)?
 */
static bool
cells_at_columns(const gd_text *tx, const column_model *m, const line_pieces *lp, size_t s)
{
	uint32_t	cut = 0;

	if (!m->found || !lp->valid || lp->n != GD_REQ_COLS)
		return false;
	for (int k = 0; k < GD_REQ_COLS; k++)
	{
		uint32_t	at = byte_column(tx, s, lp->ds[k]);

		while (cut < CUT_BYTES_MAX && at + cut < m->start[k])
			cut++;
		if (at + cut != m->start[k])
			return false;
	}
	return true;
}

/*
 * A label wider than its column ends under the first value: a mark written there is glued to
 * it ("禁止公开—").  When it and the line's runs are a cell a column, each at its column's byte,
 * it is the row's first cell: lr gets it as its first run.
 */
static void
take_mark_glued_to_label(const gd_text *tx, const column_model *m, size_t s, size_t e, line_runs *lr)
{
	const char *t = tx->t;
	size_t		end,
				mark = 0;
	line_runs	with_mark;
	line_pieces lp;

	if (!m->found || lr->n == 0 || lr->n >= GD_REQ_COLS)
		return;
	end = lr->ds[0];
	while (end > s && gd_is_blank(t[end - 1]))
		end--;
	for (size_t len = 1; len <= 3 && mark == 0 && end >= s + len + 3; len++)
		if (gd_placeholder_mark(t + end - len, len) == len && ((unsigned char) t[end - len - 1] & 0xC0) == 0x80)
			mark = len;
	if (mark == 0)
		return;
	with_mark.n = lr->n + 1;
	with_mark.ds[0] = end - mark;
	with_mark.de[0] = end;
	memcpy(with_mark.ds + 1, lr->ds, sizeof(size_t) * (size_t) lr->n);
	memcpy(with_mark.de + 1, lr->de, sizeof(size_t) * (size_t) lr->n);
	line_pieces_of(tx, &with_mark, s, e, &lp);
	if (cells_at_columns(tx, m, &lp, s))
		*lr = with_mark;
}

/* Is byte b where one of m's columns starts? */
static bool
column_starts_at(const column_model *m, uint32_t b)
{
	for (int j = 0; j < GD_REQ_COLS; j++)
		if (m->start[j] == b)
			return true;
	return false;
}

/*
 * lr's runs cut where m's columns start, shifted by cut bytes: digits glued
 * across columns ("３０２" under three columns of three bytes) are a cell a
 * column.  A digit reaching the next column may be what the next one left of a
 * wider value (it overwrote the rest) or may run on into a blank column; either
 * prints less than the value, so the row total, never overwritten, tells.
 */
static void
cut_at_columns(const gd_text *tx, const column_model *m, const line_runs *lr, size_t s, uint32_t cut, line_pieces *lp)
{
	const char *t = tx->t;

	lp->n = 0;
	lp->valid = lr->n <= GD_REQ_COLS;
	for (int k = 0; k < lr->n && lp->valid; k++)
	{
		size_t		ds = lr->ds[k];

		for (size_t i = ds + 1; i < lr->de[k]; i++)
			if (gd_is_digit(t[i]) && gd_is_digit(t[i - 1]) && column_starts_at(m, byte_column(tx, s, i) + cut))
			{
				add_piece(lp, ds, i, true);
				ds = i;
			}
		add_piece(lp, ds, lr->de[k], false);
	}
	for (int k = 0; k < lp->n && lp->valid; k++)
		lp->valid = lone_value(tx, lp->ds[k], lp->de[k]);
}

/*
 * A row whose runs glue digits of several columns: the one cut at the
 * columns' bytes (cut_at_columns) that place_by_bytes places, into lp and col,
 * when exactly one shift does.
 */
static bool
place_glued_by_bytes(const gd_text *tx, const column_model *m, const line_runs *lr, size_t s, line_pieces *lp, int *col)
{
	int			placements = 0;

	if (!m->found)
		return false;
	for (uint32_t cut = 0; cut <= CUT_BYTES_MAX; cut++)
	{
		line_pieces cut_pieces;
		int			at[GD_REQ_COLS];

		cut_at_columns(tx, m, lr, s, cut, &cut_pieces);
		if (cut_pieces.n <= lr->n || !place_by_bytes(tx, m, &cut_pieces, s, at))
			continue;
		if (placements++ == 0)
		{
			*lp = cut_pieces;
			memcpy(col, at, sizeof(at));
		}
	}
	return placements == 1;
}

/* Characters of a line the column decoding follows (a row of a table is far shorter). */
#define GLYPHS_MAX 160
/* Readings tried for one line: the few a row has, with room to spare. */
#define DECODE_WORK_MAX 4096

/* A character of a line: its bytes in the text; the byte the converter put it at, less the bytes it dropped before, and its bytes there. */
typedef struct glyph
{
	size_t		at,
				end;
	uint32_t	col,
				width;
	bool		value;			/* a digit, a numeral zero or a mark */
} glyph;

/*
 * A line decoded as the converter wrote it: the label, then each column's
 * value over it at the column's byte, the characters a value cut losing
 * their other bytes (so the text's bytes fall behind the columns' by up to
 * WRITE_DROP_MAX per value).  first[j]..last[j]: the glyphs of column j's
 * value, first[j] < 0 for a blank column.
 */
typedef struct byte_decoding
{
	const gd_text *tx;
	const column_model *m;
	glyph		g[GLYPHS_MAX];
	int			n;
	int			work;
	int			first[GD_REQ_COLS],
				last[GD_REQ_COLS];
	bool		lost[GD_REQ_COLS];	/* a number the next value may have cut: its digits shown are not all */
	bool		suspect[GD_REQ_COLS];	/* a value of several glyphs after a cut one: maybe its rest too */
	int			found;			/* readings whose row total holds */
	bool		differ;			/* two of them disagree */
	int			kept_first[GD_REQ_COLS],
				kept_last[GD_REQ_COLS];
	bool		kept_lost[GD_REQ_COLS];
} byte_decoding;

/*
 * Does the reading print its total as the sum of the others (a mark or a
 * blank adding nothing), more than 0 where a cell is blank (blank cells
 * round zeros are not told by any sum: total_holds)?
 */
static bool
decoded_total_holds(const byte_decoding *d)
{
	int64_t		sum = 0;
	int			blanks = 0,
				lost = 0;
	gd_cell		c;

	memset(&c, 0, sizeof(c));
	for (int j = 0; j < GD_REQ_COLS; j++)
	{
		if (d->first[j] < 0)
		{
			c.state = GD_BLANK;
			blanks++;
		}
		else if (!gd_parse_value(d->tx->t + d->g[d->first[j]].at, d->g[d->last[j]].end - d->g[d->first[j]].at, &c) ||
				 c.scale != 0 || (c.state != GD_NUMBER && c.state != GD_PLACEHOLDER))
			return false;
		if (j < GD_REQ_COLS - 1 && c.state == GD_NUMBER)
			sum += c.value;
		lost += d->first[j] >= 0 && d->lost[j];
	}
	/* the numbers shown of the cut ones are their first digits */
	if (lost > 0)
		return c.state == GD_NUMBER && c.value >= sum;
	if (c.state == GD_NUMBER)
		return c.value == sum && (c.value > 0 || blanks == 0);
	return c.state == GD_PLACEHOLDER && sum == 0 && blanks == 0;
}

/* Bytes a number of up to digits digits and its thousands separators takes in glyphs width bytes wide. */
static uint32_t
number_bytes_max(int digits, uint32_t width)
{
	return (uint32_t) (digits + (digits - 1) / 3) * width;
}

/* The byte (as the converter counted) where column j's value ends. */
static uint32_t
decoded_end(const byte_decoding *d, int j)
{
	return d->m->start[j] + d->g[d->last[j]].col + d->g[d->last[j]].width - d->g[d->first[j]].col;
}

/* Is one of the first ncols columns' values a number the next value cut? */
static bool
any_lost(const byte_decoding *d, int ncols)
{
	for (int j = 0; j < ncols; j++)
		if (d->first[j] >= 0 && d->lost[j])
			return true;
	return false;
}

/*
 * A cut number's rest may show after a later value (what the cut one ran on
 * with, where the later one is shorter).  No count is above the row total,
 * so none has more digits than it, and the rest ends by where that many
 * digits would: a value of several glyphs after a cut (suspect) is whole
 * where it ends past every such rest, else unknown; the total must end past
 * them all.  False when it does not, or no total is printed.
 */
static bool
settle_after_cuts(byte_decoding *d)
{
	const int	total = GD_REQ_COLS - 1;
	int			digits = 0;
	uint32_t	reach = 0;

	if (!any_lost(d, total))
		return true;
	if (d->first[total] < 0 || d->lost[total])
		return false;
	for (int q = d->first[total]; q <= d->last[total]; q++)
		digits += gd_is_digit(d->tx->t[d->g[q].at]);
	if (digits == 0)
		return false;
	for (int j = 0; j < total; j++)
	{
		if (d->first[j] < 0)
			continue;
		if (d->suspect[j])
			d->lost[j] = decoded_end(d, j) <= reach;
		if (d->lost[j] && d->m->start[j] + number_bytes_max(digits, d->g[d->first[j]].width) > reach)
			reach = d->m->start[j] + number_bytes_max(digits, d->g[d->first[j]].width);
	}
	return reach <= decoded_end(d, total);
}

/*
 * In a row that lost digits, what a cut number ran on with may show after a
 * later value and read as another column's first digits, and a number
 * touching the next value's digits (no blank between) as whole: such a number
 * is unknown too.
 */
static void
distrust_touching_numbers(byte_decoding *d)
{
	bool		lost = any_lost(d, GD_REQ_COLS);

	for (int j = 0; lost && j < GD_REQ_COLS - 1; j++)
	{
		int			k = d->last[j];

		if (d->first[j] >= 0 && !d->lost[j] && k + 1 < d->n && d->g[k + 1].value &&
			filling_cell(d->tx->t, d->g[d->first[j]].at, d->g[d->first[j]].at, d->g[k].end) != d->g[k].end - d->g[d->first[j]].at)
			d->lost[j] = true;
	}
}

static void
keep_decoding(byte_decoding *d)
{
	for (int j = 0; j < GD_REQ_COLS; j++)
		if (d->first[j] < 0)
		{
			d->last[j] = -1;
			d->lost[j] = false;
			d->suspect[j] = false;
		}
	if (!settle_after_cuts(d) || !decoded_total_holds(d))
		return;
	distrust_touching_numbers(d);
	if (d->found++ == 0)
	{
		memcpy(d->kept_first, d->first, sizeof(d->first));
		memcpy(d->kept_last, d->last, sizeof(d->last));
		memcpy(d->kept_lost, d->lost, sizeof(d->lost));
	}
	else if (memcmp(d->kept_first, d->first, sizeof(d->first)) != 0 || memcmp(d->kept_last, d->last, sizeof(d->last)) != 0 ||
			 memcmp(d->kept_lost, d->lost, sizeof(d->lost)) != 0)
		d->differ = true;
}

/*
 * Is glyphs v..k one value alone (a number, or one mark) written at byte at
 * and ending before byte next, where the next column's value starts?
 * Another digit of a number would follow it there, shown unless it reached
 * next and the next value overwrote it: a number must end a digit's bytes
 * short of next (a 0 or a mark is whole anyway: no number goes on after it).
 */
static bool
decoded_value(const byte_decoding *d, int v, int k, uint32_t at, uint32_t next)
{
	const char *t = d->tx->t;
	size_t		ds = d->g[v].at,
				de = d->g[k].end;
	uint32_t	end = at + d->g[k].col + d->g[k].width - d->g[v].col;

	if (!lone_value(d->tx, ds, de) || end > next)
		return false;
	if (filling_cell(t, ds, ds, de) == de - ds)
		return true;
	return gd_is_digit(t[ds]) && end + d->g[k].width <= next;
}

/*
 * Is glyphs v..k, at byte at, the first digits of a number the next value,
 * at byte next, may have cut: digits of one width, not starting with 0?
 */
static bool
cut_number(const byte_decoding *d, int v, int k, uint32_t at, uint32_t next)
{
	const char *t = d->tx->t;

	for (int q = v; q <= k; q++)
		if (!gd_is_digit(t[d->g[q].at]) || d->g[q].width != d->g[v].width)
			return false;
	return t[d->g[v].at] != '0' && at + d->g[k].col + d->g[k].width - d->g[v].col <= next;
}

/*
 * Read on from glyph i, columns from col on, drop bytes dropped so far
 * (started: a value was written; after_lost: a number before was cut, and
 * what it ran on with may show after a later value).  The next value glyph
 * starts a column at its byte plus the bytes dropped before it; its value is
 * a prefix of its run of value glyphs, each one tried, the rest of the run
 * starting a column after.  A value is whole (decoded_value), or the first
 * digits of a number cut by the next one, or, after a cut, of more than one
 * glyph and maybe followed by what the cut number ran on with: its first
 * digits are its own, the rest unknown.
 */
static void
decode_from(byte_decoding *d, int i, int col, uint32_t drop, bool started, bool after_lost)
{
	int			v = i,
				r;
	uint32_t	drop_room;

	while (v < d->n && !d->g[v].value)
		v++;
	/* what the last value's end cut, and what this one's start cut: a character before it, shown or not */
	drop_room = (started ? CUT_BYTES_MAX : 0) + (v > 0 && !gd_is_blank(d->tx->t[d->g[v - 1].at]) ? CUT_BYTES_MAX : 0);
	if (v == d->n)
	{
		for (int j = col; j < GD_REQ_COLS; j++)
			d->first[j] = -1;
		keep_decoding(d);
		return;
	}
	for (r = v; r + 1 < d->n && d->g[r + 1].value; r++)
		;
	for (int j = col; j < GD_REQ_COLS && d->work < DECODE_WORK_MAX; j++)
	{
		uint32_t	next = j + 1 < GD_REQ_COLS ? d->m->start[j + 1] : UINT32_MAX,
					extra = d->m->start[j] - d->g[v].col - drop;

		if (d->m->start[j] < d->g[v].col + drop || extra > drop_room)
			continue;
		for (int k = v; k <= r && d->work < DECODE_WORK_MAX; k++)
		{
			bool		whole = decoded_value(d, v, k, d->m->start[j], next);

			d->work++;
			if (!whole && !(k < r && cut_number(d, v, k, d->m->start[j], next)))
				continue;
			for (int b = col; b < j; b++)
				d->first[b] = -1;
			d->first[j] = v;
			d->last[j] = k;
			d->lost[j] = !whole;
			d->suspect[j] = whole && after_lost && k == r && k > v;
			decode_from(d, k + 1, j + 1, drop + extra, true, after_lost || !whole);
		}
	}
}

/*
 * Values of a decoded row that lost digits under the next: with this many, the reading's one
 * check (its total at least the sum of the digits shown) barely tells it from another, where the
 * total took the first digits of the number before it or a zero is what a cut number ran on with.
 */
#define LOST_VALUES_MAX 5

/* How many of the kept reading's values lost digits. */
static int
lost_values(const byte_decoding *d)
{
	int			n = 0;

	for (int j = 0; j < GD_REQ_COLS; j++)
		n += d->kept_first[j] >= 0 && d->kept_lost[j];
	return n;
}

/*
 * A row the converter wrote over a label wider than its column, whose
 * characters are left between the values ("重新出20-0信息"), or whose
 * values were cut where a character ends: its cells placed by decoding the
 * line (decode_from), when exactly one reading makes its total hold.  The
 * line's characters from the first column's byte (less what a cut dropped)
 * are read; first and last get each column's glyph span.
 */
static bool
place_by_decoding(const gd_text *tx, const column_model *m, size_t s, size_t e, byte_decoding *d)
{
	uint32_t	col = 0;

	if (!m->found)
		return false;
	d->tx = tx;
	d->m = m;
	d->n = 0;
	d->work = 0;
	d->found = 0;
	d->differ = false;
	for (size_t i = s; i < e;)
	{
		size_t		len = 1;
		uint32_t	width;
		bool		value;

		while (i + len < e && ((unsigned char) tx->t[i + len] & 0xC0) == 0x80)
			len++;
		width = (uint32_t) len + gd_converter_bytes(tx, i) - 1;
		value = !gd_is_blank(tx->t[i]) && value_char(tx->t, i, i, e, true) == len;
		if (d->n == GLYPHS_MAX)
			return false;
		/*
		 * digits before the first column (less what a cut dropped) are the label's: "5.要求", "（三4.保护";
		 * a run of them going on past it is no label's nor a column's alone
		 */
		if (value && col + CUT_BYTES_MAX < m->start[0] && col + width + CUT_BYTES_MAX >= m->start[0])
			return false;
		d->g[d->n++] = (glyph) {i, i + len, col, width, value && col + CUT_BYTES_MAX >= m->start[0]};
		col += width;
		i += len;
	}
	decode_from(d, 0, 0, 0, false, false);
	return d->found > 0 && !d->differ && d->work < DECODE_WORK_MAX && lost_values(d) < LOST_VALUES_MAX;
}

/* Columns of a decoded row printing a value none of whose digits was lost. */
static int
whole_values(const byte_decoding *d)
{
	int			n = 0;

	for (int j = 0; j < GD_REQ_COLS; j++)
		n += d->kept_first[j] >= 0 && !d->kept_lost[j];
	return n;
}

/* Shorter rows, of PLACED_CELLS_MIN cells or more, that a lone full row's columns must place to be taken. */
#define PLACED_LINES_MIN 2
#define PLACED_CELLS_MIN 3

/*
 * Where find_columns found no two full rows that agree (blank cells left
 * unmarked: a table of few full rows), the columns of the one full row by
 * which PLACED_LINES_MIN shorter rows are placed, each cell at its column's
 * byte and the row total holding (place_by_bytes, place_glued_by_bytes), or
 * decoded one way only with PLACED_CELLS_MIN values whole (place_by_decoding).
 * Two full rows that disagree and are both vouched for: neither.
 */
static void
vouch_lone_row(const gd_text *tx, const gd_region *rg, size_t first, size_t end, column_model *m)
{
	column_model candidate,
				vouched;
	byte_decoding decoding;
	int			found = 0;

	if (m->found)
		return;
	candidate.found = true;
	for (size_t li = first; li < end && found < 2; li++)
	{
		int			placed = 0;

		if (!full_row_starts(tx, rg, li, candidate.start) ||
			(found > 0 && memcmp(candidate.start, vouched.start, sizeof(candidate.start)) == 0))
			continue;
		for (size_t lj = first; lj < end && placed < PLACED_LINES_MIN; lj++)
		{
			size_t		s,
						e;
			line_runs	lr;
			line_pieces lp;
			int			col[GD_REQ_COLS];

			gd_region_line(tx, rg, lj, &s, &e);
			line_value_runs(tx, s, e, &lr);
			if (lr.n == 0 || lr.n >= GD_REQ_COLS)
				continue;
			line_pieces_of(tx, &lr, s, e, &lp);
			if (place_by_bytes(tx, &candidate, &lp, s, col) || place_glued_by_bytes(tx, &candidate, &lr, s, &lp, col))
				placed += lp.n >= PLACED_CELLS_MIN;
			else if (place_by_decoding(tx, &candidate, s, e, &decoding) && whole_values(&decoding) >= PLACED_CELLS_MIN)
				placed++;
		}
		if (placed >= PLACED_LINES_MIN && found++ == 0)
			vouched = candidate;
	}
	if (found == 1)
		*m = vouched;
}

/*
 * The one number of a decoded row that may have lost digits, when every other
 * cell is read and the total is whole: the row total less the others decides
 * it, if it starts with the digits shown (inferred, into *cell).  Its column,
 * or -1.
 */
static int
lost_by_total(const byte_decoding *d, gd_cell *cell)
{
	const int	total = GD_REQ_COLS - 1;
	const char *t = d->tx->t;
	int			lost = -1,
				shown = 0;
	int64_t		sum = 0,
				rest;
	gd_cell		c;
	char		digits[24];

	if (d->kept_first[total] < 0)
		return -1;
	for (int j = 0; j <= total; j++)
	{
		if (d->kept_first[j] < 0)
			continue;
		if (d->kept_lost[j])
		{
			if (lost >= 0 || j == total)
				return -1;
			lost = j;
			continue;
		}
		if (!gd_parse_value(t + d->g[d->kept_first[j]].at, d->g[d->kept_last[j]].end - d->g[d->kept_first[j]].at, &c) ||
			c.scale != 0 || (c.state != GD_NUMBER && c.state != GD_PLACEHOLDER) || (j == total && c.state != GD_NUMBER))
			return -1;
		if (j < total && c.state == GD_NUMBER)
			sum += c.value;
	}
	if (lost < 0 || c.value < sum)
		return -1;
	/* the digits of the total less the others, most significant first, must begin with those shown */
	rest = c.value - sum;
	do
	{
		digits[shown++] = (char) ('0' + rest % 10);
		rest /= 10;
	} while (rest > 0 && shown < (int) sizeof(digits));
	for (int q = d->kept_first[lost]; q <= d->kept_last[lost]; q++)
		if (shown-- == 0 || t[d->g[q].at] != digits[shown])
			return -1;
	memset(cell, 0, sizeof(*cell));
	cell->state = GD_NUMBER;
	cell->value = c.value - sum;
	cell->inferred = 1;
	return lost;
}

/* Do words of the label show between lr's runs ("公开0版0"): a label the values were written over? */
static bool
runs_among_words(const gd_text *tx, const line_runs *lr)
{
	for (int k = 1; k < lr->n; k++)
		if (!gd_is_blank(tx->t[lr->ds[k] - 1]))
			return true;
	return false;
}

static void
read_overprinted(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	size_t		first,
				end;
	column_model model;
	byte_decoding decoding;

	(void) census;
	gd_grid_init(out);
	out->blanks_unprinted = true;
	out->tokens_apart = true;
	gd_region_lines(tx, rg, &first, &end);
	find_columns(tx, rg, first, end, &model);
	vouch_lone_row(tx, rg, first, end, &model);
	for (size_t li = first; li < end; li++)
	{
		size_t		s,
					e,
					label_end;
		line_runs	lr;
		line_pieces lp;
		int			col[GD_REQ_COLS];
		bool		placed,
					decoded;
		gd_grid_cell label;
		uint32_t	line = (uint32_t) li + 1;

		gd_region_line(tx, rg, li, &s, &e);
		if (s >= e)
			continue;
		gd_note_work(tx, e - s + 1);
		line_value_runs(tx, s, e, &lr);
		take_mark_glued_to_label(tx, &model, s, e, &lr);
		line_pieces_of(tx, &lr, s, e, &lp);
		placed = lr.n < GD_REQ_COLS && (place_by_bytes(tx, &model, &lp, s, col) ||
										place_glued_by_bytes(tx, &model, &lr, s, &lp, col));
		decoded = !placed && (lr.n < GD_REQ_COLS || (lr.n == GD_REQ_COLS && runs_among_words(tx, &lr))) &&
			place_by_decoding(tx, &model, s, e, &decoding);
		label_end = lr.n > 0 ? lr.ds[0] : e;
		/* a decoded row's label ends at its first value: "1、属于国家秘" of "1、属于国家秘无0无无" */
		for (int j = 0; decoded && j < GD_REQ_COLS; j++)
			if (decoding.kept_first[j] >= 0)
			{
				label_end = decoding.g[decoding.kept_first[j]].at;
				break;
			}
		if (gd_text_cell(tx, line, s, label_end, &label))
		{
			label.kind = GD_GRID_TEXT;
			gd_grid_add(tx, out, &label);
		}
		if (placed)
		{
			/* a short row whose cells start at the columns' bytes: the columns between are blank */
			for (int j = 0, k = 0; j < GD_REQ_COLS; j++)
				if (k < lp.n && col[k] == j)
				{
					add_placed(tx, out, line, lp.ds[k], lp.de[k]);
					k++;
				}
				else
					add_placed(tx, out, line, e, e);
		}
		else if (decoded)
		{
			gd_grid_cell solved;
			int			solved_col;

			memset(&solved, 0, sizeof(solved));
			solved_col = lost_by_total(&decoding, &solved.cell);

			for (int j = 0; j < GD_REQ_COLS; j++)
				if (decoding.kept_first[j] < 0)
					add_placed(tx, out, line, e, e);
				else if (j == solved_col)
				{
					solved.kind = GD_GRID_VALUE;
					solved.span = (gd_span) {decoding.g[decoding.kept_first[j]].at,
						decoding.g[decoding.kept_last[j]].end - decoding.g[decoding.kept_first[j]].at};
					solved.cell.line = line;
					gd_grid_add(tx, out, &solved);
				}
				else if (decoding.kept_lost[j])
					add_lost(tx, out, line, decoding.g[decoding.kept_first[j]].at, decoding.g[decoding.kept_last[j]].end);
				else
					add_placed(tx, out, line, decoding.g[decoding.kept_first[j]].at, decoding.g[decoding.kept_last[j]].end);
		}
		else
		{
			for (int k = 0; k < lr.n; k++)
				add_run(tx, out, line, lr.ds[k], lr.de[k], e);
			/* more runs than a requests row's cells: the rest as they come */
			if (lr.n > GD_REQ_COLS)
			{
				size_t		i = lr.de[GD_REQ_COLS],
							ds,
							de;

				while (next_value_run(tx, s, &i, e, &ds, &de, true))
					add_run(tx, out, line, ds, de, e);
			}
		}
		gd_grid_end_row(tx, out);
	}
}

const gd_reader gd_reader_overprinted = {"overprinted", GD_LAYOUT_SPACE_ALIGNED, score_overprinted, read_overprinted};
