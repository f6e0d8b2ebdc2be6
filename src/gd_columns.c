/*
 * gd_columns.c - the columns of a table printed by a text renderer (w3m,
 * elinks, pandoc's plain tables), read from the words of its header: a row
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

static bool
token_is(const gd_text *tx, const gd_col_token *tk, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (strlen(words[k]) == tk->e - tk->s && memcmp(tx->t + tk->s, words[k], tk->e - tk->s) == 0)
			return true;
	return false;
}

static bool
holds_digit(const gd_text *tx, const gd_col_token *tk)
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
column_of(gd_col_token *cols, int *ncols, const gd_col_token *tk)
{
	for (int k = 0; k < *ncols; k++)
	{
		if (cols[k].col == tk->col)
		{
			if (tk->end_col > cols[k].end_col)
				cols[k].end_col = tk->end_col;
			return k;
		}
		if (tk->col < cols[k].end_col && cols[k].col < tk->end_col)
			return -1;
	}
	if (*ncols == HEADER_COLUMNS_MAX)
		return -1;
	cols[*ncols] = *tk;
	return (*ncols)++;
}

/* The one column a value starts or is centred under (within a column either way), or -1. */
static int
column_under(const gd_col_token *cols, int ncols, const gd_col_token *v)
{
	int			found = -1;

	for (int k = 0; k < ncols; k++)
	{
		int			centre = cols[k].col + cols[k].end_col,
					vcentre = v->col + v->end_col;
		bool		starts = v->col >= cols[k].col - 1 && v->col <= cols[k].col + 1;
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
	gd_col_token values[LINE_TOKENS_MAX],
				tokens[LINE_TOKENS_MAX],
				cols[HEADER_COLUMNS_MAX];
	int			nvalues,
				ncols = 0,
				last = -1;

	if (n == 0 || n >= width || width > HEADER_COLUMNS_MAX || line < 2 || line > tx->nlines)
		return false;
	/* the values are the tokens of one line, in order */
	nvalues = gd_line_tokens(tx, line - 1, values, LINE_TOKENS_MAX);
	if (nvalues != n)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].cell.line != line || cells[i].span.off != values[i].s ||
			(cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER))
			return false;
	for (size_t li = line - 1; li-- > 0 && li + 1 >= first_line && line - 1 - li <= HEADER_LINES_MAX;)
	{
		int			nt = gd_line_tokens(tx, li, tokens, LINE_TOKENS_MAX);
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
		for (int k = i; k > 0 && cols[k - 1].col > cols[k].col; k--)
		{
			gd_col_token	swap = cols[k];

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

bool
gd_row_edges(const gd_text *tx, const gd_grid_cell *cells, int n, gd_cell_edges *edges)
{
	uint32_t	line = n > 0 ? cells[0].cell.line : 0;
	size_t		from,
				end;
	int			col = 0;

	if (line < 1 || line > tx->nlines)
		return false;
	from = tx->lines[line - 1].start;
	end = tx->lines[line - 1].end;
	/* one walk along the line, cell after cell */
	for (int i = 0; i < n; i++)
	{
		size_t		to = cells[i].span.off + cells[i].span.len;

		if (cells[i].center2 == 0 || cells[i].cell.line != line || cells[i].span.off < from ||
			cells[i].span.off >= end)
			return false;
		if (to > end)
			to = end;			/* a number joined from pieces wrapped in its cell */
		col += (int) gd_display_width(tx, from, cells[i].span.off);
		edges[i].start = col;
		col += (int) gd_display_width(tx, cells[i].span.off, to);
		edges[i].end = col;
		from = to;
	}
	return true;
}

bool
gd_same_columns(const gd_cell_edges *a, const gd_cell_edges *b, int width)
{
	for (int k = 0; k < width; k++)
		if (a[k].start != b[k].start && a[k].end != b[k].end)
			return false;
	return true;
}

bool
gd_place_by_edges(const gd_text *tx, const gd_grid_cell *cells, int n, int width, const gd_cell_edges *ref,
				  gd_cell *out)
{
	int			slot[HEADER_COLUMNS_MAX],
				last = -1;
	gd_cell_edges at[HEADER_COLUMNS_MAX];

	if (n == 0 || n >= width || width > HEADER_COLUMNS_MAX || !gd_row_edges(tx, cells, n, at))
		return false;
	for (int i = 0; i < n; i++)
	{
		if (cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER)
			return false;
		slot[i] = -1;
		for (int k = last + 1; k < width; k++)
			if (ref[k].start == at[i].start || ref[k].end == at[i].end)
			{
				if (slot[i] >= 0)
					return false;	/* under two columns: not told */
				slot[i] = k;
			}
		if (slot[i] < 0)
			return false;
		last = slot[i];
	}
	for (int k = 0; k < width; k++)
	{
		memset(&out[k], 0, sizeof(gd_cell));
		out[k].state = GD_BLANK;
		out[k].line = cells[0].cell.line;
	}
	for (int i = 0; i < n; i++)
		out[slot[i]] = cells[i].cell;
	return true;
}
