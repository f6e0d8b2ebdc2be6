/*
 * wrapped.c - numbers wrapped inside their cells in text aligned by display
 * width (`w3m -dump` of a borderless table prints a cell too narrow for
 * "１１４６" as "１１４" with "６" under it on the next line), and so does
 * a label ("4.无正当理由大" / "量反复申请").  The lines between a row of
 * numbers and the next blank line hold the rest of its cells, each piece in
 * the cell in whose column it starts; lines of digit pieces alone also when
 * the next row follows with no blank line.
 */
#include "readers.h"

/* Only decimal digits, ASCII or full-width. */
static bool
all_digits(const char *t, size_t s, size_t e)
{
	if (s == e)
		return false;
	while (s < e)
	{
		if (gd_is_digit(t[s]))
			s++;
		else if (gd_starts_with(t + s, e - s, "\xEF\xBC") && s + 2 < e &&
				 (unsigned char) t[s + 2] >= 0x90 && (unsigned char) t[s + 2] <= 0x99)
			s += 3;				/* ０..９ */
		else
			return false;
	}
	return true;
}

/*
 * Does t[s..e) open a row's label with its item number ("2.没有现成…",
 * "3、重复申请", "四、结转…", "(七)总计"): a row whose cells are all blank
 * prints no numbers, only this, and a PDF's text puts the next row's label
 * and values under the last one's.
 */
static bool
opens_item(const char *t, size_t s, size_t e)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	size_t		i = s;

	if (i < e && t[i] == '(')
		i++;
	for (size_t k = 0; k < sizeof(numerals) / sizeof(numerals[0]); k++)
		if (gd_starts_with(t + i, e - i, numerals[k]))
		{
			i += strlen(numerals[k]);
			return i > s + 3 ? gd_starts_with(t + i, e - i, ")") : gd_starts_with(t + i, e - i, "、");
		}
	i = s;
	while (i < e && gd_is_digit(t[i]))
		i++;
	if (i == s || i - s > 2)
		return false;
	if (i < e && t[i] == '.')
		i++;
	else if (gd_starts_with(t + i, e - i, "、"))
		i += strlen("、");
	else
		return false;
	return i < e && !gd_is_digit(t[i]);
}

/* Visible ASCII characters in t[s..e): the most columns folding full-width forms can have taken away. */
static int
ascii_before(const char *t, size_t s, size_t e)
{
	int			n = 0;

	for (; s < e; s++)
		n += (unsigned char) t[s] < 0x80 && !gd_is_blank(t[s]);
	return n;
}

/* Index of the row token whose cell the piece at col sits in, -1 left of them all; -2 when none can be. */
static int
cell_above(const gd_text *tx, size_t row_start, const gd_col_token *row, int nrow, int col)
{
	int			above = -1;

	/*
	 * the last token starting at or before it, no further left than the
	 * folded characters before it explain (normalisation made full-width forms
	 * ASCII, one column narrower each; a piece's line holds no other text)
	 */
	for (int k = 0; k < nrow; k++)
		if (row[k].col <= col)
			above = k;
	if (above >= 0 && col - row[above].col > ascii_before(tx->t, row_start, row[above].s))
		return -2;
	return above;
}

bool
gd_wrapped_pieces(const gd_text *tx, size_t li, size_t end_line, gd_wrap *w)
{
	gd_col_token row[GD_LINE_TOKENS_MAX],
				under[GD_LINE_TOKENS_MAX];
	int			nrow = gd_line_tokens(tx, li, row, GD_LINE_TOKENS_MAX),
				row_digits = 0;
	size_t		last = li + 1;
	bool		next_row_follows = false;

	if (nrow < 3)
		return false;
	for (int k = 0; k < nrow; k++)
		row_digits += all_digits(tx->t, row[k].s, row[k].e);
	if (row_digits < 2)
		return false;			/* not a row of numbers */
	for (size_t up = li; up-- > 0 && !gd_only_blanks(tx->t, tx->lines[up].start, tx->lines[up].end);)
	{
		int			nup = gd_line_tokens(tx, up, under, GD_LINE_TOKENS_MAX),
					digits = 0;

		for (int j = 0; j < nup; j++)
			digits += all_digits(tx->t, under[j].s, under[j].e);
		if (digits * 2 > row_digits)
			break;				/* the row above */
		/* a few numbers above the row too: pieces printed round it (PDF text), not wrapped in it */
		if (nup < 0 || digits > 0 || li - up >= GD_WRAP_LINES_MAX)
			return false;
	}
	/* the pieces end at a blank line, or where the next row starts (its numbers, or its item number) */
	while (last < end_line && last < tx->nlines &&
		   !gd_only_blanks(tx->t, tx->lines[last].start, tx->lines[last].end))
	{
		int			n = gd_line_tokens(tx, last, under, GD_LINE_TOKENS_MAX),
					digits = 0;
		bool		item = false;

		for (int j = 0; j < n; j++)
		{
			digits += all_digits(tx->t, under[j].s, under[j].e);
			item = item || opens_item(tx->t, under[j].s, under[j].e);
		}
		if (digits * 2 > row_digits || item)
		{
			next_row_follows = true;
			break;
		}
		if (++last - li > GD_WRAP_LINES_MAX)
			return false;
	}
	w->nlines = (int) (last - li - 1);
	if (w->nlines == 0)
		return false;
	for (int l = 0; l < w->nlines; l++)
	{
		int			nunder = gd_line_tokens(tx, li + 1 + (size_t) l, under, GD_LINE_TOKENS_MAX),
					digits = 0;

		if (nunder < 0)
			return false;
		for (int k = 0; k < nrow; k++)
			w->piece[l][k] = (gd_span) {0, 0};
		w->lead[l] = (gd_span) {0, 0};
		for (int j = 0; j < nunder; j++)
		{
			int			above = cell_above(tx, tx->lines[li].start, row, nrow, under[j].col);
			bool		is_digits = all_digits(tx->t, under[j].s, under[j].e);
			gd_cell		v;
			gd_span    *slot;

			digits += is_digits;
			if (above == -2 || (above >= 0 && is_digits != all_digits(tx->t, row[above].s, row[above].e)))
				return false;	/* text under a number or a number under text */
			if (!is_digits && gd_parse_value(tx->t + under[j].s, under[j].e - under[j].s, &v))
				return false;	/* a value of another row */
			slot = above < 0 ? &w->lead[l] : &w->piece[l][above];
			if ((above < 0 && is_digits) || (next_row_follows && !is_digits))
				return false;	/* label words between two rows may be either's */
			if (slot->len == 0)
				*slot = (gd_span) {under[j].s, under[j].e - under[j].s};
			else
				slot->len = under[j].e - slot->off;	/* words of one cell: "2023 年" */
		}
		if (digits * 2 > row_digits)
			return false;		/* as many numbers as a row of its own */
	}
	return true;
}
