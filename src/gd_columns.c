/*
 * gd_columns.c - the columns of a table printed by a text renderer (w3m,
 * links, pandoc's plain tables), read from the words of its header: a row
 * whose blank cells left no token is placed under them.  Positions are
 * display columns (a CJK character is two wide), as those renderers align
 * them; a value belongs to a column when it starts where the column's words
 * start or is centred where they are centred.  Text whose header and values
 * do not line up so (a PDF's text) places nothing.
 */
#include "gd_solve.h"

#include <string.h>

#define HEADER_LINES_MAX 12		/* lines above the values searched for the header's words */
#define LINE_TOKENS_MAX 48
#define HEADER_COLUMNS_MAX 32

typedef struct col_token
{
	size_t		s;				/* bytes of the token in the text */
	size_t		e;
	int			start;			/* display columns [start, end) */
	int			end;
} col_token;

/* Characters that take two display columns: CJK, Hangul, full-width forms (a 3-byte code point). */
static bool
is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
		(cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		(cp >= 0xFFE0 && cp <= 0xFFE6);
}

/* Display width of the character at t[i] (end e); *bytes gets its length. */
static int
char_width(const char *t, size_t i, size_t e, size_t *bytes)
{
	const unsigned char *u = (const unsigned char *) t + i;

	if (u[0] >= 0xF0 && i + 4 <= e)
	{
		*bytes = 4;
		return 2;
	}
	if (u[0] >= 0xE0 && i + 3 <= e)
	{
		*bytes = 3;
		return is_wide(((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F)) ? 2 : 1;
	}
	*bytes = u[0] >= 0xC0 && i + 2 <= e ? 2 : 1;
	return 1;
}

/* The whitespace-separated tokens of line li (0-based) with their display columns; -1 when too many. */
static int
line_tokens(const gd_text *tx, size_t li, col_token *out)
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
		if (n == LINE_TOKENS_MAX)
			return -1;
		out[n].s = i;
		out[n].start = col;
		while (i < e && !gd_is_blank(t[i]))
		{
			col += char_width(t, i, e, &bytes);
			i += bytes;
		}
		out[n].e = i;
		out[n++].end = col;
	}
	return n;
}

static bool
token_is(const gd_text *tx, const col_token *tk, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (strlen(words[k]) == tk->e - tk->s && memcmp(tx->t + tk->s, words[k], tk->e - tk->s) == 0)
			return true;
	return false;
}

static bool
holds_digit(const gd_text *tx, const col_token *tk)
{
	for (size_t i = tk->s; i < tk->e; i++)
		if (gd_is_digit(tx->t[i]))
			return true;
	return false;
}

/*
 * The column of a header word: the one starting where it starts (a word
 * over two lines, "结果" / "维持"), else a new one; -1 when it overlaps
 * another column without starting with it (the words do not line up).
 */
static int
column_of(col_token *cols, int *ncols, const col_token *tk)
{
	for (int k = 0; k < *ncols; k++)
	{
		if (cols[k].start == tk->start)
		{
			if (tk->end > cols[k].end)
				cols[k].end = tk->end;
			return k;
		}
		if (tk->start < cols[k].end && cols[k].start < tk->end)
			return -1;
	}
	if (*ncols == HEADER_COLUMNS_MAX)
		return -1;
	cols[*ncols] = *tk;
	return (*ncols)++;
}

/* The one column a value starts or is centred under (within a column either way), or -1. */
static int
column_under(const col_token *cols, int ncols, const col_token *v)
{
	int			found = -1;

	for (int k = 0; k < ncols; k++)
	{
		int			centre = cols[k].start + cols[k].end,
					vcentre = v->start + v->end;
		bool		starts = v->start >= cols[k].start - 1 && v->start <= cols[k].start + 1;
		bool		centred = vcentre >= centre - 2 && vcentre <= centre + 2;

		if (starts || centred)
		{
			if (found >= 0)
				return -1;
			found = k;
		}
	}
	return found;
}

bool
gd_place_under_header(const gd_text *tx, const gd_grid_cell *cells, int n, int width, uint32_t first_line,
					  const char *const *words, gd_cell *out)
{
	uint32_t	line = n > 0 ? cells[0].cell.line : 0;
	col_token	values[LINE_TOKENS_MAX],
				tokens[LINE_TOKENS_MAX],
				cols[HEADER_COLUMNS_MAX];
	int			nvalues,
				ncols = 0,
				last = -1;

	if (n == 0 || n >= width || width > HEADER_COLUMNS_MAX || line < 2 || line > tx->nlines)
		return false;
	/* the values are the tokens of one line, in order */
	nvalues = line_tokens(tx, line - 1, values);
	if (nvalues != n)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].cell.line != line || cells[i].span.off != values[i].s ||
			(cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER))
			return false;
	for (size_t li = line - 1; li-- > 0 && li + 1 >= first_line && line - 1 - li <= HEADER_LINES_MAX;)
	{
		int			nt = line_tokens(tx, li, tokens);
		bool		digits = false;

		if (nt < 0)
			return false;
		for (int k = 0; k < nt; k++)
			digits = digits || holds_digit(tx, &tokens[k]);
		if (digits)
			break;				/* values of another row: the header is below it */
		for (int k = 0; k < nt; k++)
			if (token_is(tx, &tokens[k], words) && column_of(cols, &ncols, &tokens[k]) < 0)
				return false;
	}
	if (ncols != width)
		return false;
	/* left to right */
	for (int i = 1; i < ncols; i++)
		for (int k = i; k > 0 && cols[k - 1].start > cols[k].start; k--)
		{
			col_token	swap = cols[k];

			cols[k] = cols[k - 1];
			cols[k - 1] = swap;
		}
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_BLANK;
		out[i].line = line;
	}
	for (int i = 0; i < n; i++)
	{
		int			k = column_under(cols, ncols, &values[i]);

		if (k <= last)
			return false;
		out[k] = cells[i].cell;
		last = k;
	}
	return true;
}
