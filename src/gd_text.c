/*
 * gd_text.c - the normalised text every stage reads: its line index, work
 * counting for interrupts, folding and phrase search, and the problems list.
 */
#include "gd_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void *
gd_alloc(const gd_text *tx, size_t size)
{
	return tx->opt->alloc(tx->opt->alloc_ctx, size ? size : 1);
}

void
gd_check_work(gd_text *tx)
{
	tx->work = 0;
	if (tx->opt->check_interrupts)
		tx->opt->check_interrupts(tx->opt->interrupt_ctx);
}

/* Line starts and ends, one memchr per line; the array grows by doubling. */
void
gd_index_lines(gd_text *tx)
{
	size_t		cap = tx->n / 32 + 64,
				start = 0;

	tx->lines = gd_alloc(tx, sizeof(gd_line) * cap);
	tx->nlines = 0;
	for (;;)
	{
		const char *nl = memchr(tx->t + start, '\n', tx->n - start);
		size_t		end = nl ? (size_t) (nl - tx->t) : tx->n;

		if (tx->nlines == cap)
		{
			gd_line    *bigger = gd_alloc(tx, sizeof(gd_line) * cap * 2);

			memcpy(bigger, tx->lines, sizeof(gd_line) * cap);
			tx->lines = bigger;
			cap *= 2;
		}
		tx->lines[tx->nlines].start = start;
		tx->lines[tx->nlines].end = end;
		tx->nlines++;
		if (nl == NULL)
			break;
		start = end + 1;
	}
	tx->paged = false;
	for (size_t li = 0; tx->folded != NULL && li + 1 < tx->nlines && !tx->paged; li++)
		tx->paged = gd_page_break_after(tx, li);
}

uint32_t
gd_line_of(const gd_text *tx, size_t off)
{
	const gd_line *first = tx->lines;	/* the last line starting at or before off is in [first, first + n) */
	size_t		n = tx->nlines;

	/* halving without a branch to mispredict: a select the compiler makes a conditional move */
	while (n > 1)
	{
		size_t		half = n / 2;

		first = first[half].start <= off ? first + half : first;
		n -= half;
	}
	return (uint32_t) (first - tx->lines + 1);
}

void
gd_add_problem(gd_report *r, gd_problem_code code, uint32_t line, const char *fmt,...)
{
	gd_problem *pr;
	va_list		ap;

	if (r->problem_count >= GD_MAX_PROBLEMS)
		return;
	pr = &r->problems[r->problem_count++];
	if (r->problem_count > r->problem_peak)
		r->problem_peak = r->problem_count;
	if (r->problem_count == GD_MAX_PROBLEMS)
	{
		pr->code = GD_PROBLEM_TOO_MANY_PROBLEMS;
		pr->line = 0;
		snprintf(pr->message, GD_PROBLEM_LEN, "too many problems; the rest are not listed");
		return;
	}
	pr->code = code;
	pr->line = line;
	va_start(ap, fmt);
	vsnprintf(pr->message, GD_PROBLEM_LEN, fmt, ap);
	va_end(ap);
}

/* Eight bytes that hold no blank, control byte or 0xE3 (lead byte of 、), which fold keeps as they are. */
static inline bool
all_kept(const char *s)
{
	uint64_t	w,
				e3;

	memcpy(&w, s, sizeof(w));
	e3 = w ^ GD_BYTES_OF(0xE3);
	/* a byte below 0x21, and a zero byte of e3 (a byte 0xE3 of w), set their high bit here */
	return ((((w - GD_BYTES_OF(0x21)) & ~w) | ((e3 - GD_BYTES_OF(0x01)) & ~e3)) & GD_BYTES_OF(0x80)) == 0;
}

/* So "1、其他" and "1. 其他" and "1.其他" compare equal. */
size_t
gd_fold(const char *s, size_t n, char *dst, size_t cap)
{
	size_t		k = 0;

	for (size_t i = 0; i < n && k < cap; i++)
	{
		unsigned char c;

		/* label text is mostly CJK: copy it eight bytes a step */
		while (i + 8 <= n && k + 8 <= cap && all_kept(s + i))
		{
			memcpy(dst + k, s + i, 8);
			k += 8;
			i += 8;
		}
		/* kept as they are, up to the next byte folding may change (within eight when the test failed) */
		while (i < n && k < cap && (unsigned char) s[i] > ' ' && (unsigned char) s[i] != 0xE3)
			dst[k++] = s[i++];
		if (i >= n || k >= cap)
			break;
		c = (unsigned char) s[i];
		if (gd_is_blank((char) c))
			continue;
		if (c == 0xE3 && i + 2 < n && (unsigned char) s[i + 1] == 0x80 &&
			(unsigned char) s[i + 2] == 0x81 && k > 0 && dst[k - 1] >= '0' && dst[k - 1] <= '9')
		{
			dst[k++] = '.';
			i += 2;
			continue;
		}
		dst[k++] = (char) c;
	}
	return k;
}

char *
gd_copy_folded(const gd_text *tx, const char *s, size_t n, size_t *out_len)
{
	char	   *buf = gd_alloc(tx, n + 1);

	*out_len = gd_fold(s, n, buf, n);
	buf[*out_len] = '\0';
	return buf;
}

bool
gd_only_blanks(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!gd_is_blank(t[i]))
			return false;
	return true;
}

bool
gd_holds_blank(const char *t, size_t s, size_t e)
{
	size_t		i = s;

	/* eight bytes a step while none is below '!' (labels are long runs of CJK) */
	for (; i + 8 <= e; i += 8)
	{
		uint64_t	w;

		memcpy(&w, t + i, sizeof(w));
		if (((w - GD_BYTES_OF(0x21)) & ~w & GD_BYTES_OF(0x80)) != 0)
			break;
	}
	for (; i < e; i++)
		if (gd_is_blank(t[i]))
			return true;
	return false;
}

long
gd_last_occurrence_end(const char *hay, size_t hlen, const char *needle)
{
	size_t		nl = strlen(needle);
	long		last = -1;

	if (nl == 0 || nl > hlen)
		return -1;
	/* forward by gd_find_bytes' memchr, which passes over most of the text at once */
	for (const char *hit = hay; (hit = gd_find_bytes(hit, hlen - (size_t) (hit - hay), needle, nl)) != NULL; hit++)
		last = (long) (hit - hay) + (long) nl;
	return last;
}

bool
gd_contains(const char *hay, size_t hlen, const char *needle)
{
	return gd_find_bytes(hay, hlen, needle, strlen(needle)) != NULL;
}

/*
 * Searched by the needle's third byte: a CJK lead byte is shared by
 * thousands of characters, so memchr on it stops at every other character.
 */
const char *
gd_find_bytes(const char *hay, size_t hlen, const char *needle, size_t nl)
{
	size_t		k = nl >= 3 ? 2 : 0;
	size_t		from = 0;

	if (nl == 0)
		return hay;
	while (from + nl <= hlen)
	{
		const char *hit = memchr(hay + from + k, needle[k], hlen - nl + 1 - from);

		if (hit == NULL)
			break;
		from = (size_t) (hit - hay) - k;
		if (memcmp(hay + from, needle, nl) == 0)
			return hay + from;
		from++;
	}
	return NULL;
}

size_t
gd_find_phrase(const gd_text *tx, size_t from, size_t to, const char *phrase)
{
	const char *hit = from < to ? gd_find_bytes(tx->t + from, to - from, phrase, strlen(phrase)) : NULL;

	return hit ? (size_t) (hit - tx->t) : to;
}

/* Display columns of the UTF-8 character at s (CJK and full-width forms take two unless one_column). */
static inline int
char_width(const unsigned char *s, size_t n, size_t *bytes, bool one_column)
{
	uint32_t	cp;

	if (one_column)
	{
		*bytes = s[0] < 0xC0 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
		if (*bytes > n)
			*bytes = n;
		return 1;
	}
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
	if (s[0] >= 0xE4 && s[0] <= 0xE9)
		return 2;				/* U+4000..U+9FFF, the ideographs: wide, without decoding (most of a report) */
	cp = ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
		(cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		(cp >= 0xFFE0 && cp <= 0xFFE6) ? 2 : 1;
}

uint32_t
gd_display_width(const gd_text *tx, size_t s, size_t e)
{
	const uint8_t *folded = gd_column_folds(tx);
	uint32_t	width = 0;
	size_t		bytes;

	for (size_t i = s; i < e; i += bytes)
		width += (uint32_t) (char_width((const unsigned char *) tx->t + i, e - i, &bytes, tx->one_column_chars) +
							 gd_folded_column(folded, i));
	return width;
}

int
gd_line_tokens(const gd_text *tx, size_t li, gd_col_token *tok, int max)
{
	const char *t = tx->t;
	const uint8_t *folded = gd_column_folds(tx);	/* read once: the stores to tok might reach it */
	bool		one_column = tx->one_column_chars;
	size_t		i = tx->lines[li].start,
				e = tx->lines[li].end;
	int			col = 0,
				n = 0;

	while (i < e)
	{
		size_t		bytes;

		if (gd_is_blank(t[i]))
		{
			col += t[i] == '\t' ? 8 - col % 8 : 1 + gd_folded_column(folded, i);
			i++;
			continue;
		}
		if (n == max)
			return -1;
		tok[n].s = i;
		tok[n].col = col;
		while (i < e && !gd_is_blank(t[i]))
		{
			col += char_width((const unsigned char *) t + i, e - i, &bytes, one_column) + gd_folded_column(folded, i);
			i += bytes;
		}
		tok[n].e = i;
		tok[n].end_col = col;
		n++;
	}
	return n;
}

#define WIDTH_VOTE_COLUMNS 512
#define WIDTH_VOTE_TOKENS 32

struct gd_width_votes
{
	/* per way of counting (two columns, one): values starting and ending in each column so far */
	uint32_t	starts[2][WIDTH_VOTE_COLUMNS];
	uint32_t	ends[2][WIDTH_VOTE_COLUMNS];
	uint64_t	lined_up[2];	/* values meeting an earlier one's column */
};

gd_width_votes *
gd_width_votes_new(const gd_text *tx)
{
	gd_width_votes *votes = gd_alloc(tx, sizeof(gd_width_votes));

	memset(votes, 0, sizeof(*votes));
	return votes;
}

/*
 * gd_line_tokens of line li both ways in one walk: tok[0] with two columns for
 * wide characters, tok[1] with one.  -1 for more than WIDTH_VOTE_TOKENS tokens;
 * -2 where the two ways step over a byte differently (a stray UTF-8
 * continuation byte: one column a character steps over it alone), for
 * gd_line_tokens to count each way.
 */
static int
line_tokens_both_widths(const gd_text *tx, size_t li, gd_col_token tok[2][WIDTH_VOTE_TOKENS])
{
	const char *t = tx->t;
	const uint8_t *folded = tx->folded;	/* one column a character: no column folded */
	size_t		i = tx->lines[li].start,
				e = tx->lines[li].end;
	int			col[2] = {0, 0},
				n = 0;

	while (i < e)
	{
		size_t		bytes;

		if (gd_is_blank(t[i]))
		{
			col[0] += t[i] == '\t' ? 8 - col[0] % 8 : 1 + gd_folded_column(folded, i);
			col[1] += t[i] == '\t' ? 8 - col[1] % 8 : 1;
			i++;
			continue;
		}
		if (n == WIDTH_VOTE_TOKENS)
			return -1;
		tok[0][n].s = tok[1][n].s = i;
		tok[0][n].col = col[0];
		tok[1][n].col = col[1];
		while (i < e && !gd_is_blank(t[i]))
		{
			/* one column a character, and the same bytes as two columns count but for a stray continuation byte */
			if (((unsigned char) t[i] & 0xC0) == 0x80 && e - i >= 2)
				return -2;
			col[0] += char_width((const unsigned char *) t + i, e - i, &bytes, false) + gd_folded_column(folded, i);
			col[1]++;
			i += bytes;
		}
		tok[0][n].e = tok[1][n].e = i;
		tok[0][n].end_col = col[0];
		tok[1][n].end_col = col[1];
		n++;
	}
	return n;
}

void
gd_width_vote(gd_text *tx, gd_width_votes *votes, size_t li)
{
	gd_col_token tok[2][WIDTH_VOTE_TOKENS];
	int			both = line_tokens_both_widths(tx, li, tok);

	for (int one = 0; one <= 1; one++)
	{
		int			n = both;

		if (both == -2)
		{
			tx->one_column_chars = one;
			n = gd_line_tokens(tx, li, tok[one], WIDTH_VOTE_TOKENS);
		}
		for (int k = 0; k < n; k++)
		{
			/* values only: a label's words start where the row's indentation says, either way */
			if (!gd_is_digit(tx->t[tok[one][k].s]) || tok[one][k].end_col >= WIDTH_VOTE_COLUMNS)
				continue;
			votes->lined_up[one] += votes->starts[one][tok[one][k].col] + votes->ends[one][tok[one][k].end_col];
			votes->starts[one][tok[one][k].col]++;
			votes->ends[one][tok[one][k].end_col]++;
		}
	}
	tx->one_column_chars = false;
}

void
gd_width_decide(gd_text *tx, const gd_width_votes *votes)
{
	/*
	 * a PDF's text (pages broken by form feeds: pdftotext -layout) puts each word where its glyphs'
	 * x falls and counts its characters one a column, whatever their width: the better count wins
	 */
	if (gd_has_page_breaks(tx))
		tx->one_column_chars = votes->lined_up[1] > votes->lined_up[0];
	else
		tx->one_column_chars = votes->lined_up[1] > 2 * votes->lined_up[0] + 8;
}

size_t
gd_numeral_item_at(const char *s, size_t n)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	size_t		at = n > 0 && s[0] == '(' ? 1 : 0,
				width = strlen("一"),	/* every numeral is one three-byte character */
				closer;

	if (at + width >= n)
		return 0;
	/* what closes the number first: it is rarer than a numeral's lead byte */
	closer = at > 0 ? (s[at + width] == ')' ? 1 : 0) : (gd_starts_with(s + at + width, n - at - width, "、") ? strlen("、") : 0);
	if (closer == 0)
		return 0;
	for (size_t k = 0; k < sizeof(numerals) / sizeof(numerals[0]); k++)
		if (memcmp(s + at, numerals[k], width) == 0)
			return at + width + closer;
	return 0;
}
