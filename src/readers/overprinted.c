/*
 * overprinted.c - text laid out by a converter that counts a cell's width in
 * bytes (Debian's html2text): a CJK label wider than its column runs on under
 * the next columns and their values overwrite it ("其他对12理0务事240"), and a
 * value that fills its column touches the next one ("45702" for 45, 7, 0, 2).
 * A line is a row: its label is the text before its first value; after it,
 * each run of digits is one cell or several glued, and the words between them
 * are the label's overflow, no cell.  A blank cell leaves no mark.
 */
#include "readers.h"

#include <string.h>

/* Lines of overprinted rows in the table regions that tell the layout. */
#define OVERPRINTED_LINES_MIN 3

/* 〇 or ○: a zero typed as the numeral, glued among digits as any digit. */
static size_t
numeral_zero(const char *t, size_t i, size_t e)
{
	if (i + 3 > e || ((unsigned char) t[i] != 0xE3 && (unsigned char) t[i] != 0xE2))
		return 0;
	return memcmp(t + i, "〇", 3) == 0 || memcmp(t + i, "○", 3) == 0 ? 3 : 0;
}

/* Bytes of a value's character at t[i]: a digit, a numeral zero or a placeholder mark other than 无. */
static size_t
value_char(const char *t, size_t i, size_t e)
{
	size_t		zero;

	if (gd_is_digit(t[i]))
		return 1;
	if ((zero = numeral_zero(t, i, e)) > 0)
		return zero;
	/* 无 is a word of labels ("无正当理由"), overflow here */
	return (unsigned char) t[i] == 0xE6 ? 0 : gd_placeholder_mark(t + i, e - i);
}

/* Is t[i] the start of a CJK character (three bytes of UTF-8)? */
static bool
starts_cjk(const char *t, size_t i, size_t e)
{
	return i + 3 <= e && ((unsigned char) t[i] & 0xF0) == 0xE0;
}

/*
 * End of the value run starting at t[i] (value_char there): its digits, zeros,
 * marks, a thousands ',' or decimal '.' between digits, a sign before a digit.
 */
static size_t
value_run_end(const char *t, size_t i, size_t e)
{
	while (i < e)
	{
		size_t		step = value_char(t, i, e);

		if (step > 0)
			i += step;
		else if ((t[i] == ',' || t[i] == '.' || t[i] == '+') && i + 1 < e && gd_is_digit(t[i + 1]))
			i++;
		else
			break;
	}
	return i;
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
next_value_run(const char *t, size_t s, size_t *i, size_t e, size_t *ds, size_t *de, bool after_value)
{
	while (*i < e)
	{
		if (value_char(t, *i, e) == 0 && !((t[*i] == '+' || t[*i] == '-') && *i + 1 < e && gd_is_digit(t[*i + 1])))
		{
			(*i)++;
			continue;
		}
		*ds = *i;
		*de = value_run_end(t, *i, e);
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
 * Does the line t[s..e) show a label overprinted by its values: a value run
 * right after a CJK character, and columns padded by two spaces or more?
 */
static bool
is_overprinted_line(const char *t, size_t s, size_t e)
{
	size_t		i = s,
				ds,
				de;
	bool		touching = false,
				padded = false;

	for (size_t k = s; k + 1 < e && !padded; k++)
		padded = t[k] == ' ' && t[k + 1] == ' ';
	if (!padded || !digit_after_cjk(t, s, e))
		return false;
	while (!touching && next_value_run(t, s, &i, e, &ds, &de, false))
		touching = ds >= s + 3 && starts_cjk(t, ds - 3, e) && numeral_zero(t, ds - 3, e) == 0 &&
			gd_is_digit(t[ds]);
	return touching;
}

static bool
overprinted_line(const gd_text *tx, size_t li)
{
	return is_overprinted_line(tx->t, tx->lines[li].start, tx->lines[li].end);
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

/* The value run t[ds..de) of line as a cell: maybe several cells glued. */
static void
add_run(gd_text *tx, gd_grid *out, uint32_t line, size_t ds, size_t de)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_VALUE;
	c.span = (gd_span) {ds, de - ds};
	c.glued = 1;
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

static void
read_overprinted(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	const char *t = tx->t;
	size_t		first,
				end;

	(void) census;
	gd_grid_init(out);
	out->blanks_unprinted = true;
	out->tokens_apart = true;
	gd_region_lines(tx, rg, &first, &end);
	for (size_t li = first; li < end; li++)
	{
		size_t		s,
					e,
					i,
					ds,
					de;
		gd_grid_cell label;

		gd_region_line(tx, rg, li, &s, &e);
		if (s >= e)
			continue;
		gd_note_work(tx, e - s + 1);
		i = s;
		if (!next_value_run(t, s, &i, e, &ds, &de, false))
			ds = e;
		if (gd_text_cell(tx, (uint32_t) li + 1, s, ds, &label))
		{
			label.kind = GD_GRID_TEXT;
			gd_grid_add(tx, out, &label);
		}
		if (ds < e)
		{
			add_run(tx, out, (uint32_t) li + 1, ds, de);
			while (next_value_run(t, s, &i, e, &ds, &de, true))
				add_run(tx, out, (uint32_t) li + 1, ds, de);
		}
		gd_grid_end_row(tx, out);
	}
}

const gd_reader gd_reader_overprinted = {"overprinted", GD_LAYOUT_SPACE_ALIGNED, score_overprinted, read_overprinted};
