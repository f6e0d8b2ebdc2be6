/*
 * wrapped.c - numbers wrapped inside their cells in text aligned by display
 * width (`w3m -dump` of a borderless table prints a cell too narrow for
 * "１１４６" as "１１４" with "６" under it on the next line).  The line
 * under a row holding only such digit pieces, each under a digit token of
 * the row and the block ending after it, continues the row's numbers.
 */
#include "readers.h"

/* Display columns of the UTF-8 character at s (CJK and full-width forms take two). */
static int
char_width(const unsigned char *s, size_t n, size_t *bytes)
{
	uint32_t	cp;

	if (s[0] < 0x80 || n < 2)
	{
		*bytes = 1;
		return 1;
	}
	if (s[0] < 0xE0 || n < 3)
	{
		*bytes = 2;
		return 1;
	}
	if (s[0] >= 0xF0)
	{
		*bytes = n < 4 ? n : 4;
		return 2;
	}
	*bytes = 3;
	cp = ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
		(cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		(cp >= 0xFFE0 && cp <= 0xFFE6) ? 2 : 1;
}

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

/* The whitespace-separated tokens of a line with their display columns [col, end_col). */
typedef struct token
{
	size_t		s,
				e;
	int			col,
				end_col;
} token;

static int
tokens_of(const gd_text *tx, size_t li, token *tok)
{
	const char *t = tx->t;
	size_t		i = tx->lines[li].start,
				e = tx->lines[li].end;
	int			col = 0,
				n = 0;

	while (i < e)
	{
		size_t		bytes;

		if (gd_is_blank(t[i]))
		{
			col += t[i] == '\t' ? 8 - col % 8 : 1;
			i++;
			continue;
		}
		if (n == GD_LINE_TOKENS_MAX)
			return -1;
		tok[n].s = i;
		tok[n].col = col;
		while (i < e && !gd_is_blank(t[i]))
		{
			col += char_width((const unsigned char *) t + i, e - i, &bytes);
			i += bytes;
		}
		tok[n].e = i;
		tok[n].end_col = col;
		n++;
	}
	return n;
}

bool
gd_wrapped_pieces(const gd_text *tx, size_t li, size_t end_line, gd_span pieces[GD_LINE_TOKENS_MAX])
{
	token		row[GD_LINE_TOKENS_MAX],
				under[GD_LINE_TOKENS_MAX];
	int			nrow,
				nunder,
				row_digits = 0;
	size_t		next = li + 2;

	if (li + 1 >= end_line || li + 1 >= tx->nlines)
		return false;
	if (next < end_line && next < tx->nlines &&
		!gd_only_blanks(tx->t, tx->lines[next].start, tx->lines[next].end))
		return false;			/* the block goes on: no row with a blank line after each */
	nrow = tokens_of(tx, li, row);
	nunder = tokens_of(tx, li + 1, under);
	if (nrow < 3 || nunder < 1)
		return false;
	for (int k = 0; k < nrow; k++)
	{
		row_digits += all_digits(tx->t, row[k].s, row[k].e);
		pieces[k] = (gd_span) {0, 0};
	}
	if (nunder * 2 > row_digits)
		return false;			/* as many numbers as a row of its own */
	for (int j = 0; j < nunder; j++)
	{
		int			above = -1;

		if (!all_digits(tx->t, under[j].s, under[j].e))
			return false;
		for (int k = 0; k < nrow; k++)
			if (all_digits(tx->t, row[k].s, row[k].e) && pieces[k].len == 0 &&
				(row[k].col == under[j].col || row[k].end_col == under[j].end_col))
				above = k;
		if (above < 0)
			return false;
		pieces[above] = (gd_span) {under[j].s, under[j].e - under[j].s};
	}
	return true;
}
