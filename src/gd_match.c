/*
 * gd_match.c - the template matched against grids, blind to the layout the
 * grid came from.  Rows are assembled from the grid's cells: label words
 * carried over from rows no table row consumed (wrapped labels), and the
 * row's cells.  Each table's matcher then names the row by the key phrases
 * of its label, in template order, or by position where a label is missing
 * or garbled, and fits its cells to the row's width (gd_solve.c decides
 * glued digits and the columns of short rows).
 *
 * Takes grids and the template (gd_template.h); returns the cells of the
 * three tables in gd_report, with problems for what could not be read.
 */
#include "gd_match.h"
#include "gd_review_bytes.h"
#include "gd_solve.h"
#include "gd_template.h"

#include <limits.h>
#include <string.h>

#define LABEL_CAP 768			/* folded label text kept per row (tail) */
#define GD_WRAP_MAX 9			/* digits of a wrapped number's pieces kept */
#define GD_SERIAL_CELLS_MAX 2	/* cells a row's serial-number columns add before its values */

/*
 * A matcher reads one assembled row.  label holds the words carried since the
 * last row it consumed; the row's own words start at own_from.  It returns
 * whether it consumed the row (the carried words are then dropped).
 */
typedef bool (*row_matcher) (void *ctx, const char *label, size_t label_len, size_t own_from,
							 const gd_grid_cell *cells, int ncells);

typedef struct assembler
{
	row_matcher match;
	void	   *match_ctx;
	char		label[LABEL_CAP];
	size_t		label_len;
	size_t		own_from;		/* where this row's own words start in label */
	bool		label_in_row;
	gd_grid_cell cells[GD_ROW_CELLS_MAX];
	int			ncells;
	bool		has_value;
	bool		blanks_open_rows;	/* a row without words may start with a blank cell of its own (the review table's) */
	int			piece_width;	/* cells of a row that may go on in lines of pieces under it (0: none may) */
	bool		pieces_row;		/* the row goes on in lines of pieces under it (goes_on_in_pieces) */
	bool		in_pieces;		/* its last line so is one piece of a wrapped number */
} assembler;

/* What every table's matcher reads from and writes to. */
typedef struct match_target
{
	const gd_text *tx;
	gd_report  *r;
	bool		blanks_unprinted;	/* the grid's layout prints nothing for a blank cell */
	uint32_t	disorder_line;	/* first sign the text is not in row order (0: none) */
	const char *disorder;		/* what that sign is */
	bool		numbers_cut;	/* a row held only with a number cut in pieces joined */
	bool		tokens_apart;	/* the grid's values set apart are other cells, each maybe several glued */
	bool		paged;			/* a PDF's text laid out in columns: pages broken by form feeds */
	bool		pieces_unjoined;	/* numbers wrap in their cells: the grid left some pieces unjoined */
} match_target;

static match_target
target_of(const gd_text *tx, const gd_grid *g, gd_report *r)
{
	return (match_target) {.tx = tx, .r = r, .blanks_unprinted = g->blanks_unprinted, .tokens_apart = g->tokens_apart,
		.paged = !g->no_columns && gd_has_page_breaks(tx), .pieces_unjoined = g->wrapped_lines > 0};
}

/* ---------- rows assembled from the grid ---------- */

static void
label_append(assembler *a, const char *s, size_t n)
{
	char		buf[LABEL_CAP];
	size_t		k;

	if (n <= LABEL_CAP - a->label_len)
	{
		/* folding never lengthens text: when it fits unfolded, fold it in place */
		a->label_len += gd_fold(s, n, a->label + a->label_len, n);
		return;
	}
	k = gd_fold(s, n, buf, sizeof(buf));

	if (a->label_len + k > LABEL_CAP)
	{
		/* keep the tail: the words nearest the numbers identify the row */
		size_t		drop = a->label_len + k - LABEL_CAP;

		if (drop > a->label_len)
			drop = a->label_len;
		while (drop < a->label_len && ((unsigned char) a->label[drop] & 0xC0) == 0x80)
			drop++;
		memmove(a->label, a->label + drop, a->label_len - drop);
		a->label_len -= drop;
		a->own_from = a->own_from > drop ? a->own_from - drop : 0;
		if (k > LABEL_CAP - a->label_len)
			k = LABEL_CAP - a->label_len;
	}
	memcpy(a->label + a->label_len, buf, k);
	a->label_len += k;
}

static void
flush_row(assembler *a)
{
	if (a->ncells > 0 &&
		a->match(a->match_ctx, a->label, a->label_len,
				 a->label_in_row ? a->own_from : a->label_len, a->cells, a->ncells))
		a->label_len = 0;
	a->ncells = 0;
	a->has_value = false;
}

static void
push_cell(assembler *a, const gd_grid_cell *c)
{
	if (a->ncells == GD_ROW_CELLS_MAX)
	{
		memmove(a->cells, a->cells + 1, sizeof(gd_grid_cell) * (GD_ROW_CELLS_MAX - 1));
		a->ncells--;
	}
	a->cells[a->ncells++] = *c;
}

static void
on_label(assembler *a, const char *s, size_t n)
{
	if (a->has_value)
		flush_row(a);
	else
		a->ncells = 0;			/* blanks before a label belong to no value column */
	if (!a->label_in_row)
		a->own_from = a->label_len;
	label_append(a, s, n);
	if (a->own_from > a->label_len)
		a->own_from = 0;		/* the carried words were cut to keep the tail */
	a->label_in_row = true;
}

static void
on_blank(assembler *a, const gd_grid_cell *c)
{
	if (!a->label_in_row && a->ncells == 0 && !a->blanks_open_rows)
		return;					/* the empty label column of a merged row */
	push_cell(a, c);
}

static void
on_value(assembler *a, const gd_grid_cell *c)
{
	push_cell(a, c);
	a->has_value = true;
}

static void
on_rowbreak(assembler *a)
{
	if (a->has_value || (a->label_in_row && a->ncells > 0))
		flush_row(a);
	a->ncells = 0;
	a->has_value = false;
	a->label_in_row = false;
}

/* width cells, unknown: which columns the printed values belong to cannot be told. */
static void
mark_unknown(gd_cell *out, int width, uint32_t line)
{
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_UNREADABLE;
		out[i].inferred = 1;	/* unknown for the layout, not too large */
		out[i].line = line;
	}
}

static bool digits_only(const gd_text *tx, const gd_span *span);

/* Are the grid row's n cells all numbers of digits alone or marks, at least one a number? */
static bool
pieces_alone(const gd_text *tx, const gd_grid_cell *row, size_t n)
{
	bool		number = false;

	for (size_t i = 0; i < n; i++)
	{
		if (row[i].kind != GD_GRID_VALUE || row[i].glued || (row[i].cell.state != GD_PLACEHOLDER &&
															  (row[i].cell.state != GD_NUMBER || !digits_only(tx, &row[i].span))))
			return false;
		number = number || row[i].cell.state == GD_NUMBER;
	}
	return number;
}

/*
 * Does grid row k + 1 go on with the row of grid row k, in text with no columns (pdftotext -raw):
 * a line right under it holding one number of digits alone (the next piece of a number wrapped in
 * its cell), or, after such a line (after_piece), numbers and marks alone (the cells after the
 * wrapped one, back on the row's first line)?  A line of several numbers right under the row's own
 * stays a row of its own: its cells may be the lines under each of the row's cells.
 */
static bool
line_goes_on(const gd_text *tx, const gd_grid *g, size_t k, bool after_piece)
{
	size_t		n,
				next_n;
	const gd_grid_cell *row,
			   *next;

	if (k + 1 >= g->nrows)
		return false;
	row = gd_grid_row(g, k, &n);
	next = gd_grid_row(g, k + 1, &next_n);
	return n > 0 && next_n > 0 && next[0].cell.line == row[n - 1].cell.line + 1 &&
		(next_n == 1 || after_piece) && pieces_alone(tx, next, next_n) &&
		(next_n > 1 || next[0].cell.state == GD_NUMBER);
}

/*
 * Does the row being assembled, its label read, go on after grid row k in the lines of pieces under
 * it (line_goes_on), which bring it to more cells than width (pieces that join: a cell of its own
 * in a row of one piece more, or a row's last piece round its label in a PDF that centres a cell's
 * lines, stays one)?
 */
static bool
goes_on_in_pieces(const gd_text *tx, const gd_grid *g, size_t k, const assembler *a)
{
	int			cells = a->ncells;
	bool		after_piece = a->in_pieces;

	if (a->piece_width == 0 || !g->no_columns || !a->label_in_row || !line_goes_on(tx, g, k, a->in_pieces))
		return false;
	if (a->pieces_row)
		return true;
	for (size_t j = k; cells <= a->piece_width && line_goes_on(tx, g, j, after_piece); j++)
	{
		size_t		n;

		(void) gd_grid_row(g, j + 1, &n);
		cells += (int) n;
		after_piece = n == 1;
	}
	return cells > a->piece_width;
}

/* Feed the grid's rows to match, row by row (rows of piece_width cells may go on in lines of pieces). */
static void
assemble(const gd_text *tx, const gd_grid *g, row_matcher match, void *ctx, bool blanks_open_rows, int piece_width)
{
	assembler  *a = gd_alloc(tx, sizeof(assembler));

	memset(a, 0, sizeof(*a));
	a->match = match;
	a->match_ctx = ctx;
	a->blanks_open_rows = blanks_open_rows;
	a->piece_width = piece_width;
	for (size_t k = 0; k < g->nrows; k++)
	{
		size_t		n;
		const gd_grid_cell *row = gd_grid_row(g, k, &n);

		for (size_t i = 0; i < n; i++)
		{
			/* a row of a single huge line holds millions of cells: check as the tokenizer did */
			if (i % (GD_INTERRUPT_STRIDE / GD_TOKEN_WORK) == GD_INTERRUPT_STRIDE / GD_TOKEN_WORK - 1 &&
				tx->opt->check_interrupts)
				tx->opt->check_interrupts(tx->opt->interrupt_ctx);
			if (row[i].kind == GD_GRID_TEXT && gd_is_cut_number(tx->t + row[i].span.off, row[i].span.len))
			{
				/* no label word, and no number either */
				gd_grid_cell cut = row[i];

				cut.kind = GD_GRID_VALUE;
				gd_cut_number_cell(&cut.cell, row[i].cell.line, tx->t + row[i].span.off, row[i].span.len);
				on_value(a, &cut);
			}
			else if (row[i].kind == GD_GRID_TEXT)
				on_label(a, tx->t + row[i].span.off, row[i].span.len);
			else if (row[i].kind == GD_GRID_BLANK)
				on_blank(a, &row[i]);
			else
				on_value(a, &row[i]);
		}
		if (goes_on_in_pieces(tx, g, k, a))
		{
			size_t		next_n;

			(void) gd_grid_row(g, k + 1, &next_n);
			a->in_pieces = next_n == 1;
			a->pieces_row = true;
		}
		else
		{
			on_rowbreak(a);
			a->pieces_row = a->in_pieces = false;
		}
	}
}

/* ---------- fitting cells to a template row ---------- */

/* The first sign that a table's text is not in row order (see distrust_stream). */
static void
note_disorder(match_target *mt, uint32_t line, const char *what)
{
	if (mt->disorder_line > 0)
		return;
	mt->disorder_line = line;
	mt->disorder = what;
}

static int
count_values(const gd_grid_cell *c, int n)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
		k += (c[i].cell.state != GD_BLANK);
	return k;
}

/* Is some cell a value split out of label words (glued text, where a blank cell leaves no mark)? */
static bool
any_glued(const gd_grid_cell *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].glued)
			return true;
	return false;
}

/* Is some cell a value the text cannot tell (a number wrapped in its cell, say)? */
static bool
any_unreadable(const gd_grid_cell *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].cell.state == GD_UNREADABLE)
			return true;
	return false;
}

/* Was every cell read: a number, a placeholder or printed blank? */
static bool
all_read(const gd_cell *cells, int n)
{
	for (int i = 0; i < n; i++)
		if (cells[i].state != GD_NUMBER && cells[i].state != GD_PLACEHOLDER && cells[i].state != GD_BLANK)
			return false;
	return true;
}

/* Is some cell a token of text aligned by spaces (a column position, no cell borders)? */
static bool
split_by_spaces(const gd_grid_cell *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].center2 > 0)
			return true;
	return false;
}

/* Are two of the cells values one blank apart on their line? */
static bool
packed_values(const gd_text *tx, const gd_grid_cell *c, int n)
{
	for (int i = 1; i < n; i++)
	{
		size_t		end = c[i - 1].span.off + c[i - 1].span.len;

		if (c[i - 1].kind == GD_GRID_VALUE && c[i].kind == GD_GRID_VALUE && c[i].cell.line == c[i - 1].cell.line &&
			c[i].span.off == end + 1 && gd_is_blank(tx->t[end]))
			return true;
	}
	return false;
}

/* Is a value among the cells digits opening with a zero ("05", "０７"), more than a zero alone? */
static bool
leading_zero_piece(const gd_text *tx, const gd_grid_cell *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].kind == GD_GRID_VALUE && c[i].cell.state == GD_NUMBER && c[i].span.len >= 2 &&
			tx->t[c[i].span.off] == '0' && gd_is_digit(tx->t[c[i].span.off + 1]))
			return true;
	return false;
}

/* Numbers among the cells (a placeholder may be a header's "/" of 增/减). */
static int
count_numbers(const gd_grid_cell *c, int n)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
		k += (c[i].cell.state == GD_NUMBER);
	return k;
}

/*
 * A row that is one cell of glued digits (a run split out of label text), or
 * (tokens_apart) fewer values than cells with at least a digit per cell, each
 * value one cell or several glued: its characters for the solver (gd_solve.h:
 * digits, placeholders, signs, '|' between values and (width_cuts) where
 * digits change from full-width to ASCII or back; a decimal point, which no
 * split reads) into run[GD_RUN_MAX].  Returns the run's length, 0 when the
 * row is not so.
 */
static size_t
glued_run(const match_target *mt, const gd_grid_cell *cells, int n, int width, bool width_cuts, char *run)
{
	const gd_text *tx = mt->tx;
	size_t		len = 0,
				cell_chars = 0; /* digits and marks: each a cell at most */
	bool		apart = mt->tokens_apart && n > 1 && n < width;

	if (n < 1 || width < 2 || (n > 1 && !apart))
		return 0;
	if (n == 1 && (!cells[0].glued || cells[0].span.len < 2 ||
				   (cells[0].span.off + cells[0].span.len < tx->n && tx->t[cells[0].span.off + cells[0].span.len] == ',')))
		return 0;				/* before a comma: a field of comma-separated values ("行政许可,214,+12"), not glued */
	for (int k = 0; k < n; k++)
	{
		size_t		off = cells[k].span.off;
		const char *t = tx->t + off;
		size_t		span_len = cells[k].span.len;

		/* a value known to have lost digits (unknown, not glued) is no run to split */
		if (cells[k].kind != GD_GRID_VALUE || (cells[k].cell.state == GD_UNREADABLE && !cells[k].glued))
			return 0;
		if (k > 0 && len < GD_RUN_MAX)
			run[len++] = '|';
		for (size_t i = 0; i < span_len && len < GD_RUN_MAX;)
		{
			size_t		mark = gd_placeholder_mark(t + i, span_len - i);

			if ((t[i] == '-' || t[i] == '+') && i + 1 < span_len && gd_is_digit(t[i + 1]))
				run[len++] = t[i++] == '-' ? 'M' : '+';
			else if (mark > 0)
			{
				run[len++] = 'P';
				cell_chars++;
				i += mark;
			}
			else if (gd_is_digit(t[i]) || t[i] == '.')
			{
				/*
				 * a cell's digits are typed all full-width or none: where the width changes a cell
				 * ends (width_cuts: where identities check the cut, a cell typed in both widths is
				 * left unknown, not misread)
				 */
				if (width_cuts && i > 0 && gd_is_digit(t[i - 1]) && gd_is_digit(t[i]) &&
					gd_folded_column(tx->folded, off + i) != gd_folded_column(tx->folded, off + i - 1) && len + 1 < GD_RUN_MAX)
					run[len++] = '|';
				cell_chars += t[i] != '.';
				run[len++] = t[i++];	/* a decimal point: no split reads it */
			}
			else if (i + 3 <= span_len && (memcmp(t + i, "〇", 3) == 0 || memcmp(t + i, "○", 3) == 0))
			{
				cell_chars++;
				run[len++] = '0';	/* a zero typed as the numeral among digits */
				i += 3;
			}
			else
				i++;
		}
	}
	if (len == GD_RUN_MAX)
		return 0;				/* longer than any row's cells: not cut short into a run that reads */
	/* fewer digits and marks than cells: blank cells left no mark, the values are placed as printed */
	return apart && cell_chars < (size_t) width ? 0 : len;
}

/*
 * Of the windows of width cells in cells[first, last), the start of the one
 * under which every identity holds, or -1 when not exactly one does.  All
 * its cells read; or (blanks) a blank read as 0, some cell printed, and only
 * blank cells outside the window (a row shifted by a cell).
 */
static int
window_holding(const gd_grid_cell *cells, int first, int last, int width, const gd_identity *ids, int nids,
			   bool blanks)
{
	int			found = -1;

	for (int w = first; w + width <= last && nids > 0; w++)
	{
		bool		holds = !blanks || count_values(cells + w, width) > 0;

		for (int i = first; i < last && holds && blanks; i++)
			holds = (i >= w && i < w + width) || cells[i].cell.state == GD_BLANK;
		for (int k = 0; k < nids && holds; k++)
		{
			int64_t		sum = 0;

			for (int m = 0; m <= ids[k].count && holds; m++)
			{
				const gd_cell *c = &cells[w + (m < ids[k].count ? ids[k].first + m : ids[k].total)].cell;

				holds = (blanks && c->state == GD_BLANK) || c->state == GD_PLACEHOLDER ||
					(c->state == GD_NUMBER && c->scale == 0);
				if (m < ids[k].count)
					sum = gd_sum_add(sum, c->state == GD_NUMBER ? c->value : 0);
				else
					holds = holds && sum == (c->state == GD_NUMBER ? c->value : 0);
			}
		}
		if (holds)
		{
			if (found >= 0)
				return -1;
			found = w;
		}
	}
	return found;
}

/*
 * Do the windows of width cells in cells[first, last) with only blank cells
 * outside them all read the same (a row shifted by a cell whose values sit
 * alike in each)?  Several that read otherwise leave its columns untold.
 */
static bool
blank_windows_agree(const gd_grid_cell *cells, int first, int last, int width)
{
	int			seen = -1;

	for (int w = first; w + width <= last; w++)
	{
		bool		window = true;

		for (int i = first; i < last && window; i++)
			window = (i >= w && i < w + width) || cells[i].cell.state == GD_BLANK;
		if (!window)
			continue;
		if (seen < 0)
			seen = w;
		else
			for (int i = 0; i < width; i++)
				if (cells[w + i].cell.state != cells[seen + i].cell.state ||
					cells[w + i].cell.value != cells[seen + i].cell.value)
					return false;
	}
	return true;
}

/* Are the span's bytes all digits (no sign, separator or unit)? */
static bool
digits_only(const gd_text *tx, const gd_span *span)
{
	for (size_t i = 0; i < span->len; i++)
		if (!gd_is_digit(tx->t[span->off + i]))
			return false;
	return span->len > 0;
}

/*
 * A requests row of more values than cells, over several lines, its values digits alone or
 * marks: a PDF's raw text, where a number too wide for its cell wraps inside it and each piece
 * of it comes on a line of its own.  Its characters for the solver (gd_solve.h) into
 * run[GD_RUN_MAX]: ':' between values on different lines, where a cell may go on in the next
 * piece (no longer than this one: a wrapped cell's lines are full but its last), '|' where a cell
 * must end (values side by side on a line are other cells).  Returns the run's length, 0 when the
 * row is not so (a blank line between its values) or no cell may go on.
 */
static size_t
piece_run(const gd_text *tx, const gd_grid_cell *cells, int n, char *run)
{
	size_t		len = 0;
	bool		may_join = false;

	if (n <= GD_REQ_COLS)
		return 0;
	for (int k = 0; k < n; k++)
	{
		const gd_grid_cell *c = &cells[k];
		bool		mark = c->cell.state == GD_PLACEHOLDER;

		/* (the first value may stand on its label's line, split out of it) */
		if (c->kind != GD_GRID_VALUE || (c->glued && k > 0) ||
			!(mark || (c->cell.state == GD_NUMBER && digits_only(tx, &c->span))) ||
			len + 1 + (mark ? 1 : c->span.len) >= GD_RUN_MAX)
			return 0;
		if (k > 0 && c->cell.line > cells[k - 1].cell.line + 1)
			return 0;			/* a blank line between: cells a paragraph each, not the lines of one */
		if (k > 0)
		{
			const gd_grid_cell *prev = &cells[k - 1];
			bool		goes_on = !mark && prev->cell.state == GD_NUMBER && c->cell.line == prev->cell.line + 1 &&
				c->span.len <= prev->span.len;

			may_join = may_join || goes_on;
			run[len++] = goes_on ? ':' : '|';
		}
		if (mark)
			run[len++] = 'P';
		else
		{
			memcpy(run + len, tx->t + c->span.off, c->span.len);
			len += c->span.len;
		}
	}
	return may_join ? len : 0;
}

/* Is the open row a run of pieces of wrapped numbers (piece_run)? */
static bool
is_piece_run(const gd_open_row *o)
{
	return o->len > 0 && memchr(o->run, ':', o->len) != NULL;
}

/*
 * Does some joining of the row's pieces into its cells make its total hold, or into fewer cells,
 * the last their total (the others blank cells that left no mark)?
 */
static bool
pieces_fit(const gd_open_row *o)
{
	gd_cell		reading[GD_REQ_COLS];

	for (int cells = GD_REQ_COLS; cells >= 2; cells--)
	{
		gd_identity total = {(uint8_t) (cells - 1), 0, (uint8_t) (cells - 1)};

		if (gd_glued_readings(o->run, o->len, cells, &total, 1, false, reading, 1) != 0)
			return true;
	}
	return false;
}

/*
 * Can cells[p] and cells[p + 1] be pieces of one number: digits alone both,
 * the first not starting with 0, and (tight) no more than one character
 * apart?  A number printed with a space between its thousands ("1 126"), or
 * cut by Word into two runs that a crawler's text nodes keep apart ("12"
 * "44").
 */
static bool
number_pieces(const gd_text *tx, const gd_grid_cell *cells, int p, bool tight)
{
	const gd_grid_cell *hi = &cells[p],
			   *lo = &cells[p + 1];

	return hi->cell.state == GD_NUMBER && lo->cell.state == GD_NUMBER && !hi->glued && !lo->glued &&
		hi->span.len <= 6 && lo->span.len <= 6 && tx->t[hi->span.off] != '0' &&
		(!tight || lo->span.off <= hi->span.off + hi->span.len + 1) &&
		digits_only(tx, &hi->span) && digits_only(tx, &lo->span);
}

/* At most this many joins in a row: a number cut in three counts two */
#define GD_PIECE_JOINS_MAX 3

typedef struct piece_search
{
	const gd_text *tx;
	const gd_grid_cell *cells;	/* the row's cells, width + joins of them */
	int			n;
	int			width;
	const gd_identity *ids;
	int			nids;
	bool		tight;			/* the row sets its cells apart by more than a character: pieces are closer */
	bool		join[GD_ROW_WIDTH_MAX + GD_PIECE_JOINS_MAX];	/* cells[p] joined to cells[p + 1] */
	int			found;
	gd_cell    *out;
} piece_search;

/* The row with the chosen pieces joined: does every identity hold?  The one found so far into out. */
static void
try_joined_row(piece_search *ps)
{
	gd_grid_cell row[GD_ROW_WIDTH_MAX];
	int			k = 0,
				digits = 0;

	for (int i = 0; i < ps->n; i++)
	{
		if (i > 0 && ps->join[i - 1])
		{
			gd_cell    *joined = &row[k - 1].cell;

			for (size_t d = 0; d < ps->cells[i].span.len; d++)
				joined->value *= 10;
			joined->value += ps->cells[i].cell.value;
			joined->inferred = 1;
			digits += (int) ps->cells[i].span.len;
			if (digits > 15)
				return;			/* more digits than a count has */
		}
		else
		{
			row[k++] = ps->cells[i];
			digits = (int) ps->cells[i].span.len;
		}
	}
	if (window_holding(row, 0, ps->width, ps->width, ps->ids, ps->nids, true) != 0)
		return;					/* blank cells read as 0 */
	if (++ps->found == 1)
		for (int i = 0; i < ps->width; i++)
			ps->out[i] = row[i].cell;
}

/* Choose left more joins among cells[from..]; stops at a second reading that holds. */
static void
search_joins(piece_search *ps, int from, int left)
{
	if (left == 0)
	{
		try_joined_row(ps);
		return;
	}
	for (int p = from; p + 1 < ps->n && ps->found < 2; p++)
		if (number_pieces(ps->tx, ps->cells, p, ps->tight))
		{
			ps->join[p] = true;
			search_joins(ps, p + 1, left - 1);
			ps->join[p] = false;
		}
}

/*
 * A row up to GD_PIECE_JOINS_MAX cells longer than its width whose numbers
 * may have been cut in pieces (number_pieces): how many ways of joining
 * neighbours back into width cells make every identity hold (0, 1, or 2 for
 * more); the one way, into out, its joined cells marked inferred.
 */
static int
join_number_pieces(const gd_text *tx, const gd_grid_cell *cells, int first, int last, int width,
				   const gd_identity *ids, int nids, gd_cell *out)
{
	piece_search ps;

	if (nids == 0 || last - first <= width || last - first > width + GD_PIECE_JOINS_MAX || width > GD_ROW_WIDTH_MAX)
		return 0;
	memset(&ps, 0, sizeof(ps));
	ps = (piece_search) {.tx = tx, .cells = cells + first, .n = last - first, .width = width, .ids = ids,
	.nids = nids, .out = out};
	for (int i = first; i + 1 < last && !ps.tight; i++)
		ps.tight = cells[i + 1].span.off > cells[i].span.off + cells[i].span.len + 1;
	search_joins(&ps, 0, last - first - width);
	return ps.found;
}

/* Does any window of width cells in cells[first, last) make every identity hold (blank cells 0)? */
static bool
any_window_holds(const gd_grid_cell *cells, int first, int last, int width, const gd_identity *ids, int nids)
{
	for (int w = first; w + width <= last; w++)
		if (window_holding(cells, w, w + width, width, ids, nids, true) == w)
			return true;
	return false;
}

/*
 * A row of cells more than its width, numbers among them that may be pieces
 * of one (join_number_pieces): read joined when one way of joining, and no
 * window of the cells as printed, makes every identity hold; left unknown
 * when a join and something else both do.  Returns 1 when read, -1 when left
 * unknown, 0 when no join holds (the row is not of cut numbers).
 */
static int
fit_number_pieces(match_target *mt, const gd_grid_cell *cells, int first, int last, int width,
				  const gd_identity *ids, int nids, const char *what, gd_cell *out)
{
	int			joins = join_number_pieces(mt->tx, cells, first, last, width, ids, nids, out);

	if (joins == 0)
		return 0;
	if (joins == 1 && !any_window_holds(cells, first, last, width, ids, nids))
	{
		mt->numbers_cut = true;
		return 1;
	}
	mark_unknown(out, width, cells[first].cell.line);
	gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[first].cell.line,
				   "%s: %d cells where %d are expected (line %u), and joining numbers cut in pieces makes its identities hold as well as another reading does; they are left unknown",
				   what, last - first, width, cells[first].cell.line);
	return -1;
}

/*
 * A row with blank cells among its values, as many as it has cells too many:
 * a cell merged over a Word table's hairline column printed an empty cell
 * beside it.  Its values alone fill out when they make every identity hold.
 */
static bool
fit_without_spare_blanks(const gd_grid_cell *cells, int first, int last, int width, const gd_identity *ids,
						 int nids, gd_cell *out)
{
	gd_grid_cell kept[GD_ROW_WIDTH_MAX];
	int			k = 0;

	if (nids == 0 || width > GD_ROW_WIDTH_MAX || count_values(cells + first, last - first) != width)
		return false;
	for (int i = first; i < last; i++)
		if (cells[i].cell.state != GD_BLANK)
			kept[k++] = cells[i];
	if (window_holding(kept, 0, width, width, ids, nids, false) != 0)
		return false;
	for (int i = 0; i < width; i++)
		out[i] = kept[i].cell;
	return true;
}

/*
 * The table shows blank cells that left no mark: do the glued digits also fill fewer than width
 * cells, the rest blank ("164" as 16, 4 and a blank; "1724335 61" as 17, 2, 4, 3, 35, a blank and
 * 61), the last their total when the row has one (nids 1)?  Then a cut into width cells that a row
 * total alone checks, or nothing checks (an active item), is one reading of two.
 */
static bool
fewer_cells_fit(const char *run, size_t run_len, int width, int nids, bool signed_cells)
{
	gd_cell		reading[GD_ROW_WIDTH_MAX];
	size_t		zeros = 0;

	/* zeros alone ("0000000", a row of blank cells printed 0): each one a cell, under any total */
	while (zeros < run_len && run[zeros] == '0')
		zeros++;
	if (zeros == run_len)
		return run_len >= 1 && run_len < (size_t) width;
	for (int fewer = 1; fewer < width; fewer++)
	{
		gd_identity total = {(uint8_t) (fewer - 1), 0, (uint8_t) (fewer - 1)};

		if (gd_glued_readings(run, run_len, fewer, &total, nids, signed_cells, reading, 1) != 0)
			return true;
	}
	return false;
}

/*
 * The problem of a row whose glued digits are not cut into its width cells
 * one way only: found cuts into width cells fit (0, or more than one); or
 * (fewer) a cut into fewer cells fits as well, the rest blank cells that
 * left no mark.
 */
static void
report_glued_run(gd_report *r, const char *what, const char *run, size_t run_len, int found, bool fewer,
				 int width, uint32_t line)
{
	int			shown = (int) (run_len > 40 ? 40 : run_len);

	if (fewer)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, line,
					   "%s: the digits \"%.*s\" are glued together and blank cells left no mark in this table: a split into fewer than %d cells, the rest blank, fits too (line %u)",
					   what, shown, run, width, line);
	else
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, line,
					   "%s: the digits \"%.*s\" are glued together and %s split into %d cells fits (line %u)",
					   what, shown, run, found == 0 ? "no" : "more than one", width, line);
}

/* Is the cell one mark character ("—", "-"): half a "——" wrapped in its cell? */
static bool
is_half_mark(const gd_text *tx, const gd_grid_cell *c)
{
	const unsigned char *u = (const unsigned char *) tx->t + c->span.off;

	return c->cell.state == GD_PLACEHOLDER &&
		((c->span.len == 1 && u[0] == '-') || (c->span.len == 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x94));
}

#define BESIDE_TOKENS_MAX 64	/* a line of more tokens is no line of pieces */

/*
 * Does a line next to the row's (1-based) hold numbers, fewer than a row of width cells: pieces of
 * numbers printed round the row's line, maybe (a PDF's text prints a cell centred in its row so),
 * or another short row, whose columns are as uneven?
 */
static bool
numbers_beside_line(const gd_text *tx, uint32_t line, int width)
{
	gd_col_token tok[BESIDE_TOKENS_MAX];

	for (int side = -1; side <= 1; side += 2)
	{
		long		li = (long) line - 1 + side;
		int			k,
					numbers = 0;

		if (li < 0 || (size_t) li >= tx->nlines || (k = gd_line_tokens(tx, (size_t) li, tok, BESIDE_TOKENS_MAX)) <= 0)
			continue;
		for (int j = 0; j < k; j++)
		{
			bool		digits = true;

			for (size_t i = tok[j].s; i < tok[j].e && digits; i++)
				digits = gd_is_digit(tx->t[i]);
			numbers += digits;
		}
		if (numbers > 0 && numbers < width)
			return true;
	}
	return false;
}

/* Is a row of a PDF's text laid out by spaces, with numbers beside its line (numbers_beside_line)? */
static bool
beside_pieces(const match_target *mt, const gd_grid_cell *cells, int n, int width)
{
	return mt->paged && split_by_spaces(cells, n) && numbers_beside_line(mt->tx, cells[0].cell.line, width);
}

/*
 * Marks only, more than the row's cells, as many more as pairs of single marks ("—— —" / "—"):
 * "——" cells wrapped in two.  However they pair, every cell of the row is a mark.
 */
static bool
fit_split_marks(const gd_text *tx, const gd_grid_cell *cells, int first, int last, int width, gd_cell *out)
{
	int			halves = 0;

	for (int i = first; i < last; i++)
	{
		if (cells[i].cell.state != GD_PLACEHOLDER)
			return false;
		halves += is_half_mark(tx, &cells[i]);
	}
	if (halves < 2 * (last - first - width))
		return false;
	for (int k = 0; k < width; k++)
	{
		out[k] = cells[first + k].cell;
		out[k].inferred = 1;
	}
	return true;
}

/* Readings of a glued row of a review or active table kept to see which cells they agree on. */
#define GLUED_READINGS_KEPT 64

static bool
fit_row(match_target *mt, const gd_grid_cell *cells, int n, int width, const gd_identity *ids, int nids,
		bool signed_cells, const uint32_t *ref, const char *what, gd_cell *out)
{
	int			first = 0,
				last = n,
				pieces;
	char		run[GD_RUN_MAX];
	size_t		run_len = glued_run(mt, cells, n, width, nids > 0, run);

	if (run_len > 0)
	{
		gd_cell		readings[GLUED_READINGS_KEPT * GD_ROW_WIDTH_MAX];
		int			found = gd_glued_readings(run, run_len, width, ids, nids, signed_cells, readings, GLUED_READINGS_KEPT);
		int			undecided = width;
		bool		fewer;

		/* fewer characters than cells: blank cells left no mark in this text (nor in text laid out by byte width) */
		mt->r->blanks_unmarked = mt->r->blanks_unmarked || run_len < (size_t) width;
		fewer = found >= 1 && nids <= 1 && (mt->r->blanks_unmarked || mt->tokens_apart) &&
			fewer_cells_fit(run, run_len, width, nids, signed_cells);
		/*
		 * a cell every reading gives the same value is read, whichever the others are; where no
		 * identity checks the readings (an active item), none is
		 */
		if (found == 1 ? !fewer : found > 1 && nids > 0)
			undecided = gd_agreed_cells(readings, found, width, out);
		else
			mark_unknown(out, width, cells[0].cell.line);
		for (int i = 0; i < width; i++)
			out[i].line = cells[0].cell.line;
		if (undecided == 0)
			return true;
		if (found > 1 && undecided < width)
			gd_add_problem(mt->r, GD_PROBLEM_GLUED_DIGITS, cells[0].cell.line,
						   "%s: the digits \"%.*s\" are glued together and %d splits into %d cells fit; the %d cells they disagree on are left unknown (line %u)",
						   what, (int) (run_len > 40 ? 40 : run_len), run, found, width, undecided, cells[0].cell.line);
		else
			report_glued_run(mt->r, what, run, run_len, found, fewer, width, cells[0].cell.line);
		return false;
	}
	if (n < width && (mt->blanks_unprinted || any_glued(cells, n)))
	{
		mt->r->blanks_unmarked = mt->r->blanks_unmarked || any_glued(cells, n);
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					"%s: %d of %d cells printed (line %u) and this layout prints nothing for a blank cell; which columns they belong to is unknown",
					what, n, width, cells[0].cell.line);
		return false;
	}
	if (n < width && mt->paged && packed_values(mt->tx, cells, n))
	{
		/*
		 * pdftotext sets a word one space after the last when their glyphs nearly touch, not
		 * where its x falls: values of narrow cells one space apart stand at no column
		 */
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					   "%s: %d of %d cells printed (line %u) in a PDF's text, some one space apart where no column shows; which columns they belong to is unknown",
					   what, n, width, cells[0].cell.line);
		return false;
	}
	if (n < width && count_values(cells, n) == n && gd_place_by_columns(cells, n, width, ref, ids, nids, out))
	{
		if (!beside_pieces(mt, cells, n, width) ||
			(!any_unreadable(cells, n) && gd_identities_allow(out, ids, nids)))
			return true;
		/*
		 * a PDF's text prints a number of a cell centred round its row's line over and under that
		 * line, where no column tells whose it is: blanks placed where an identity then fails (or
		 * a value left unknown lets none be checked) may stand for it, and the other values stand
		 * under the wrong cells
		 */
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					   "%s: %d of %d cells printed (line %u) in a PDF's text, and placed under the columns they fail the row's sums; a number printed round the row's line may be missing, so which columns they belong to is unknown",
					   what, n, width, cells[0].cell.line);
		return false;
	}
	if (n < width && n > 0 && cells[0].cell.state == GD_BLANK && count_values(cells, n) > 0)
	{
		/* a blank before fewer values than the row holds: a label's empty column or a blank cell, not told */
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					"%s: %d of %d cells found (line %u), the first blank; which columns the values belong to is unknown",
					what, n, width, cells[0].cell.line);
		return false;
	}
	if (n < width && split_by_spaces(cells, n))
	{
		/* space-aligned text marks no blank cell: values the columns do not place are not told */
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					"%s: %d of %d cells printed (line %u) in text aligned by spaces, and the columns do not place them; which columns they belong to is unknown",
					what, n, width, cells[0].cell.line);
		return false;
	}
	if (last - first > width)
	{
		/* blank cells around the row's own (a row shifted by a cell): the one place where its total holds */
		int			held = window_holding(cells, first, last, width, ids, nids, true);

		if (held >= 0)
		{
			first = held;
			last = held + width;
		}
		else if (!blank_windows_agree(cells, first, last, width))
		{
			mark_unknown(out, width, cells[0].cell.line);
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"%s: %d cells where %d are expected (line %u), blank ones before and after its values; which columns they are in is unknown",
						what, last - first, width, cells[0].cell.line);
			return false;
		}
	}
	while (last - first > width && cells[first].cell.state == GD_BLANK)
		first++;
	while (last - first > width && cells[last - 1].cell.state == GD_BLANK)
		last--;
	if (last - first > width && (pieces = fit_number_pieces(mt, cells, first, last, width, ids, nids, what, out)) != 0)
		return pieces > 0;
	if (last - first > width && fit_split_marks(mt->tx, cells, first, last, width, out))
		return true;
	if (last - first > width + (mt->blanks_unprinted ? 0 : GD_SERIAL_CELLS_MAX))
	{
		/*
		 * more than a serial number, or any more where the layout runs rows
		 * together: cells of other rows (a PDF's reading order), not told apart
		 */
		mark_unknown(out, width, cells[0].cell.line);
		note_disorder(mt, cells[0].cell.line, "a row runs on into other rows' cells");
		gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
					"%s: %d cells where %d are expected (line %u), more than a serial number adds; they are left unknown",
					what, last - first, width, cells[0].cell.line);
		return false;
	}
	if (last - first > width)
	{
		int			held = window_holding(cells, first, last, width, ids, nids, false);

		if (held >= 0 && held != last - width)
		{
			/* cells after the row's (a row mark, "|-"): the one window whose identities hold */
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"%s: %d cells where %d are expected (line %u); the %d whose total holds were read",
						what, last - first, width, cells[0].cell.line, width);
			first = held;
			last = held + width;
		}
		else if (held < 0 && fit_without_spare_blanks(cells, first, last, width, ids, nids, out))
			return true;
		else if (nids > 0 && held < 0 && window_holding(cells, last - width, last, width, ids, nids, false) < 0)
		{
			/* not a serial number before the row's cells: the last of them break the row total */
			mark_unknown(out, width, cells[0].cell.line);
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"%s: %d cells where %d are expected (line %u), and no %d of them make the row total hold; they are left unknown",
						what, last - first, width, cells[0].cell.line, width);
			return false;
		}
		else if (count_values(cells + last - width, width) < width && count_values(cells + first, last - width - first) > 0)
		{
			/* blank cells among the last and values before them: no serial number, which are the row's is not told */
			mark_unknown(out, width, cells[0].cell.line);
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"%s: %d cells where %d are expected (line %u), blank ones among its values; which columns they are in is unknown",
						what, last - first, width, cells[0].cell.line);
			return false;
		}
		else
		{
			/* a leading serial-number column is the usual cause: keep the last cells */
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"%s: %d cells where %d are expected (line %u); the last %d were read",
						what, last - first, width, cells[0].cell.line, width);
			first = last - width;
		}
	}
	for (int i = 0; i < width; i++)
	{
		if (first + i < last)
			out[i] = cells[first + i].cell;
		else
		{
			memset(&out[i], 0, sizeof(gd_cell));
			out[i].state = GD_BLANK;
			out[i].line = n > 0 ? cells[n - 1].cell.line : 0;
		}
	}
	if (last - first < width && nids > 0 && ids[0].total >= last - first && count_values(cells + first, last - first) > 0 &&
		!gd_only_blanks(mt->tx->t, cells[last - 1].span.off + cells[last - 1].span.len, mt->tx->n))
	{
		/*
		 * a total is never left blank beside printed values: the row lost
		 * cells, which ones is not known (unless the text ends there: cut off)
		 */
		mark_unknown(out, width, cells[0].cell.line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					"%s: only %d of %d cells were found (line %u), not its total; which columns they belong to is unknown",
					what, last - first, width, cells[0].cell.line);
		return false;
	}
	if (last - first < width)
	{
		gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, n > 0 ? cells[0].cell.line : 0,
					"%s: only %d of %d cells were found (line %u); the missing ones are blank",
					what, last - first, width, n > 0 ? cells[0].cell.line : 0);
		return false;
	}
	return true;
}

/* prefix + key into dst, for problem messages (on every row: no snprintf). */
static void
name_row(char *dst, size_t cap, const char *prefix, const char *key)
{
	size_t		pl = strlen(prefix),
				kl = strlen(key);

	if (pl + kl >= cap)
		kl = cap - pl - 1;
	memcpy(dst, prefix, pl);
	memcpy(dst + pl, key, kl);
	dst[pl + kl] = '\0';
}

/* Counts are whole numbers: "3.0" is 3, "2.5" is unreadable. */
static void
require_whole(match_target *mt, gd_cell *c, int count, const char *what)
{
	for (int i = 0; i < count; i++)
	{
		int64_t		unit = 1;

		if (c[i].state != GD_NUMBER || c[i].scale == 0)
			continue;
		for (int k = 0; k < c[i].scale; k++)
			unit *= 10;
		if (c[i].value % unit == 0)
		{
			c[i].value /= unit;
			c[i].scale = 0;
			continue;
		}
		c[i].state = GD_UNREADABLE;
		gd_add_problem(mt->r, GD_PROBLEM_FRACTION_IN_COUNT, c[i].line,
					"%s: a count has decimals (line %u); it is left unknown", what, c[i].line);
	}
}

/*
 * The first cell left unknown for what it printed (not for the layout): a
 * problem says why.  A cell holding numbers of several cells leaves the
 * others of its row unknown too: which columns they are in is not known.
 */
static void
flag_unreadable(match_target *mt, gd_cell *c, int count, const char *what)
{
	for (int i = 0; i < count; i++)
		if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].scale == 0 && c[i].value == 0)
		{
			gd_add_problem(mt->r, GD_PROBLEM_NUMBER_TOO_LARGE, c[i].line,
						"%s: a number is too large to be a count (line %u); it is left unknown",
						what, c[i].line);
			return;
		}
		else if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].value == GD_VALUE_CELLS_RUN_TOGETHER)
		{
			uint32_t	line = c[i].line;

			mark_unknown(c, count, line);
			gd_add_problem(mt->r, GD_PROBLEM_GLUED_DIGITS, line,
						"%s: a cell holds numbers of several cells (line %u); which columns the row's values are in is unknown",
						what, line);
			return;
		}
		else if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].value == GD_VALUE_CUT_NUMBER)
		{
			gd_add_problem(mt->r, GD_PROBLEM_GLUED_DIGITS, c[i].line,
						"%s: a cell holds digits and separators that make no number (line %u); it is left unknown",
						what, c[i].line);
			return;
		}
		else if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].value == GD_VALUE_LOST_DIGITS)
		{
			gd_add_problem(mt->r, GD_PROBLEM_GLUED_DIGITS, c[i].line,
						"%s: a number wider than its column lost digits under the next column's value (line %u); it is left unknown",
						what, c[i].line);
			return;
		}

}

/* ---------- the requests table ---------- */

typedef struct requests_state
{
	match_target mt;
	struct row_phrase_index *row_phrases;	/* built on the first row */
	struct folded_row_labels *row_labels;	/* made on the first row whose label is not found */
	int			cur;			/* last template row filled, -1 before the first */
	bool		filled[GD_REQ_ROWS];
	bool		have_columns;	/* columns of the last complete space-aligned row */
	uint32_t	columns[GD_REQ_COLS];
	/* where the last complete row's cells start and end; confirmed: the row before's started or ended there too */
	gd_cell_edges edges[GD_REQ_COLS];
	bool		have_edges;
	bool		edges_confirmed;
	uint32_t	columns_line;	/* that row's line */
	bool		copy_reported;
	bool		no_position;	/* values under a short row: lines naming no row are read by position no more, till one names a row */
	gd_open_row open[GD_REQ_ROWS];	/* rows the layout leaves open, solved together */
	bool		cells_per_line;	/* the grid was read one cell per line */
	bool		no_columns;		/* from lines whose tokens stand in no columns (one space apart) */
	bool		values_unplaced;	/* a short row's values went to the solver: blank cells leave no mark */
	gd_span		last_piece;		/* the last number alone taken as a piece, and its line */
	uint32_t	last_piece_line;
	/* digits printed alone on lines: pieces of a number wrapped inside its cell */
	char		before[GD_WRAP_MAX];	/* the pieces before the last row */
	size_t		before_len;
	char		after[GD_WRAP_MAX];	/* the pieces since */
	size_t		after_len;
	int			last_row;		/* the last row read, with its printed values */
	gd_cell		last_values[GD_REQ_COLS];
	int			last_n;
	/* the last row, fitted short of cells (the rest blank): the rest may follow on the next line */
	int			short_row;		/* -1: none */
	int			short_n;
	gd_grid_cell short_cells[GD_REQ_COLS];
	int			short_problem;	/* index of the problem that fit added */
	int			guess_first;	/* first of the rows read by their position since the last named one, -1: none */
	int			placed_row;		/* the last row placed under the confirmed column edges, -1: none */
	uint32_t	lead_piece_line;	/* a number alone above the first row, not yet joined to it (0: none) */
} requests_state;

/*
 * A short row of values only, tokens of text that marks no blank cell
 * (space-aligned or stream text, or a grid that says blanks_unprinted), which
 * column geometry cannot place: its values go to the solver.  Returns whether taken.
 */
static bool
take_unplaced_values(gd_open_row *o, const gd_grid_cell *cells, int n, const uint32_t *ref, bool blanks_unprinted)
{
	gd_cell		placed[GD_REQ_COLS];

	if (n == 0 || n >= GD_REQ_COLS || gd_place_by_columns(cells, n, GD_REQ_COLS, ref, &gd_request_row_total, 1, placed))
		return false;
	/* only whitespace-separated tokens (center2), or cells of such a grid, lose blank cells; split cells keep them */
	for (int i = 0; i < n; i++)
		if ((cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER) ||
			(cells[i].center2 == 0 && !blanks_unprinted))
			return false;
	for (int i = 0; i < n; i++)
		o->values[i] = cells[i].cell;
	o->nvalues = (uint8_t) n;
	return true;
}

/*
 * The columns a short row's values are placed under: none on the complete
 * row's own line, where rows run on in stream text and the gaps between
 * tokens are no columns.
 */
static const uint32_t *
column_reference(const requests_state *st, uint32_t line)
{
	return st->have_columns && st->columns_line != line ? st->columns : NULL;
}

/*
 * The pieces above the last row, none below, and the row whole with its total failing: the
 * total's first digits wrapped above it ("５" / "一、本年新收…" / "４５ ７" … "８", a cell's lines
 * centred on the row).  row gets the row with them put before the total's digits, if it then holds.
 */
static bool
prefix_wrapped_total(const requests_state *st, gd_cell *row)
{
	gd_cell    *total = &row[GD_REQ_COLS - 1];
	int64_t		shift = 1;

	if (st->last_n != GD_REQ_COLS || st->before_len == 0 || st->after_len > 0 || st->before_len >= GD_WRAP_MAX)
		return false;
	memcpy(row, st->last_values, sizeof(gd_cell) * GD_REQ_COLS);
	if (total->state != GD_NUMBER || total->scale != 0 || total->value <= 0 || total->value >= 1000000 ||
		gd_row_total_holds(row, GD_REQ_COLS))
		return false;
	for (int64_t v = total->value; v > 0; v /= 10)
		shift *= 10;
	total->value += gd_digits_value(st->before, (int) st->before_len) * shift;
	total->inferred = 1;
	return gd_row_total_holds(row, GD_REQ_COLS);
}

/* The problems that a row at line was short of cells: gone once pieces complete it. */
static void
drop_short_row_problems(gd_report *r, uint32_t line)
{
	int			kept = 0;

	for (int k = 0; k < r->problem_count; k++)
		if (r->problems[k].code != GD_PROBLEM_ROW_SHORT || r->problems[k].line != line)
			r->problems[kept++] = r->problems[k];
	r->problem_count = kept;
}

/* Read the last row again with the wrapped pieces around it; true when they complete it. */
static bool
join_wrapped_pieces(requests_state *st)
{
	char		frag[2 * GD_WRAP_MAX];
	gd_cell		row[GD_REQ_COLS];

	if (st->last_n == 0)
		return false;
	memcpy(frag, st->before, st->before_len);
	memcpy(frag + st->before_len, st->after, st->after_len);
	if (!gd_join_wrapped(st->last_values, st->last_n, frag, st->before_len + st->after_len, GD_REQ_COLS, row) &&
		!prefix_wrapped_total(st, row))
		return false;
	memcpy(st->mt.r->requests[st->last_row], row, sizeof(row));
	drop_short_row_problems(st->mt.r, st->open[st->last_row].line);
	st->open[st->last_row].nvalues = 0;
	if (st->before_len > 0)
		st->lead_piece_line = 0;
	st->before_len = st->after_len = 0;
	st->last_n = 0;
	return true;
}

/* Is the number at span the serial of the label after it ("1" / "、属于国家秘密": a text node cut before its 、)? */
static bool
serial_of_next_label(const gd_text *tx, const gd_span *span)
{
	size_t		j = span->off + span->len;

	if (span->len > 2)
		return false;
	while (j < tx->n && gd_is_blank(tx->t[j]))
		j++;
	return gd_starts_with(tx->t + j, tx->n - j, "、");
}

/*
 * One cell a line, a number alone after row last_row under no row's words, that joins none of its
 * cells (join_wrapped_pieces): it may still continue one of them, wrapped in its cell over lines with
 * a group label's lines between ("１１４" / "度办理结" / "６").  A row whose total fails as printed (or
 * is not read yet) is left unknown; one whose total holds keeps its values.
 */
static void
distrust_unjoined_row(requests_state *st, const gd_span *piece, uint32_t line)
{
	gd_report  *r = st->mt.r;
	int			row = st->last_row;
	gd_open_row *o = &st->open[row];

	if (st->after_len == 0 || st->cur < 0 || row != st->cur || serial_of_next_label(st->mt.tx, piece) ||
		(o->len == 0 && o->nvalues == 0 && gd_row_total_holds(r->requests[row], GD_REQ_COLS)))
		return;
	if (r->requests[row][0].state != GD_UNREADABLE || o->len > 0 || o->nvalues > 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, line,
					   "requests row %s: its total fails as printed and a number alone follows it (line %u), which may continue one of its cells wrapped over lines; the row is left unknown",
					   gd_request_row_keys[row], line);
	mark_unknown(r->requests[row], GD_REQ_COLS, line);
	o->len = o->nvalues = 0;
	st->last_n = 0;
}

/* Is some line between 1-based lines a and b blank? */
static bool
blank_line_between(const gd_text *tx, uint32_t a, uint32_t b)
{
	for (uint32_t line = a + 1; line < b && line <= tx->nlines; line++)
		if (gd_only_blanks(tx->t, tx->lines[line - 1].start, tx->lines[line - 1].end))
			return true;
	return false;
}

/*
 * A line holding one number and no row's name, in a table read row by row:
 * a piece of a number wrapped inside its cell (its line may hold pieces of
 * a wrapped group label too).  Returns whether it is one.  under_label: the
 * words of a row not read yet come before it (carried to that row).
 */
static bool
take_wrapped_piece(requests_state *st, const gd_grid_cell *cells, int n, bool under_label)
{
	const gd_text *tx = st->mt.tx;

	if (n != 1 || cells[0].glued || cells[0].cell.state != GD_NUMBER || cells[0].cell.scale != 0)
		return false;
	/* a cell's lines follow each other: pieces before a blank line are another cell's */
	if (st->after_len > 0 && blank_line_between(tx, st->last_piece_line, cells[0].cell.line))
		st->after_len = 0;
	for (size_t i = 0; i < cells[0].span.len && st->after_len < GD_WRAP_MAX; i++)
		if (gd_is_digit(tx->t[cells[0].span.off + i]))
			st->after[st->after_len++] = tx->t[cells[0].span.off + i];
	st->last_piece = cells[0].span;
	st->last_piece_line = cells[0].cell.line;
	if (!join_wrapped_pieces(st) && st->cells_per_line && st->cur >= 0)
	{
		distrust_unjoined_row(st, &cells[0].span, cells[0].cell.line);
		st->after_len = 0;		/* no piece of the next row */
		/* between a row's words and the values after them: whose the values are is not told (a PDF's blocks) */
		if (under_label)
			note_disorder(&st->mt, cells[0].cell.line, "a number that joins no cell stands between a row's words and values");
	}
	return true;
}

/* A row read: the pieces since the last row now come before this one. */
static void
remember_row(requests_state *st, int row, const gd_grid_cell *cells, int n)
{
	/* pieces that joined no cell of the row above, in text with no columns to tell whose they are */
	if (st->no_columns && st->after_len > 0 && st->cur >= 0)
		distrust_unjoined_row(st, &st->last_piece, st->last_piece_line);
	memcpy(st->before, st->after, st->after_len);
	st->before_len = st->after_len;
	st->after_len = 0;
	st->last_row = row;
	st->last_n = 0;
	if (n > GD_REQ_COLS || st->open[row].len > 0)
		return;
	for (int i = 0; i < n; i++)
	{
		if (cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER)
			return;
		st->last_values[i] = cells[i].cell;
	}
	st->last_n = n;
	join_wrapped_pieces(st);
}

/*
 * The key phrases of the requests rows, found in a label in one pass: a
 * table from the low 12 bits of a phrase's first three bytes (a 3-byte
 * character's code point) to the phrases that start so.
 */
#define ROW_PHRASE_BUCKETS 4096		/* every value of gd_trigram_key */

typedef struct row_phrase
{
	const char *text;
	uint8_t		len;
	uint8_t		row;
	int16_t		next;			/* next phrase of the bucket, -1 at the end */
} row_phrase;

typedef struct row_phrase_index
{
	int16_t		bucket[ROW_PHRASE_BUCKETS];
	row_phrase	phrases[GD_REQ_ROWS * GD_MAX_PHRASES];
} row_phrase_index;

static row_phrase_index *
build_row_phrase_index(const gd_text *tx)
{
	row_phrase_index *ix = gd_alloc(tx, sizeof(row_phrase_index));
	int			n = 0;

	for (int b = 0; b < ROW_PHRASE_BUCKETS; b++)
		ix->bucket[b] = -1;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		for (int k = 0; k < GD_MAX_PHRASES && gd_request_row_phrases[row][k]; k++)
		{
			const char *ph = gd_request_row_phrases[row][k];
			unsigned	key = gd_trigram_key(ph);	/* every phrase has three bytes or more */

			ix->phrases[n] = (row_phrase) {ph, (uint8_t) strlen(ph), (uint8_t) row, ix->bucket[key]};
			ix->bucket[key] = (int16_t) n++;
		}
	return ix;
}

/* Does an item number ("1.", "(七)", "四、") start at label[i], i > 0, a character's first byte? */
static bool
item_number_starts(const char *label, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *) label;
	size_t		d = i;

	/*
	 * a character of more bytes (most of a label) starts only "四、": a numeral's first byte, 0xE4 or
	 * 0xE5, and the first byte of 、 (0xE3) right after it are told before the numeral is looked up
	 */
	if (u[i] >= 0x80)
		return (u[i] == 0xE4 || u[i] == 0xE5) && i + 3 < len && u[i + 3] == 0xE3 &&
			gd_numeral_item_at(label + i, len - i) > 0;
	while (d < len && d - i < 3 && gd_is_digit(label[d]))
		d++;
	if (d > i && !gd_is_digit(label[i - 1]) && d - i <= 2 && d + 1 < len && label[d] == '.' &&
		!gd_is_digit(label[d + 1]))
		return true;
	return label[i] == '(' && gd_numeral_item_at(label + i, len - i) > 0;
}

/* Where the phrases starting at label[i] (i + 3 <= len) end, into ends[row] when later. */
static inline void
note_phrases(const row_phrase_index *ix, const char *label, size_t len, size_t i, long *ends)
{
	for (int e = ix->bucket[gd_trigram_key(label + i)]; e >= 0; e = ix->phrases[e].next)
	{
		const row_phrase *ph = &ix->phrases[e];

		if (ph->len <= len - i && memcmp(label + i, ph->text, ph->len) == 0 &&
			(long) (i + ph->len) > ends[ph->row])
			ends[ph->row] = (long) (i + ph->len);
	}
}

/*
 * One pass over a folded label, a character at a time: ends[row], where the
 * last occurrence of one of the row's phrases ends (-1: none); returns where
 * the last item number starts, 0 when none but at its start: words before it
 * are the rest of the row above, wrapped after that row's numbers ("过程性信息"
 * over "7.属于行政…": a text browser prints a cell's lines round its row's line).
 */
static size_t
scan_label(requests_state *st, const char *label, size_t len, long *ends)
{
	const unsigned char *u = (const unsigned char *) label;
	const row_phrase_index *ix;
	size_t		last = 0;

	if (st->row_phrases == NULL)
		st->row_phrases = build_row_phrase_index(st->mt.tx);
	ix = st->row_phrases;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		ends[row] = -1;
	for (size_t i = 0; i < len;)
	{
		/* a three-byte character, most of a label: its other two bytes start nothing */
		if ((u[i] & 0xF0) == 0xE0 && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		{
			note_phrases(ix, label, len, i, ends);
			/* of such characters only a numeral before 、 (its lead byte 0xE3) starts an item number */
			if (i > 0 && (u[i] == 0xE4 || u[i] == 0xE5) && i + 3 < len && u[i + 3] == 0xE3 &&
				gd_numeral_item_at(label + i, len - i) > 0)
				last = i;
			i += 3;
			continue;
		}
		/* phrases and item numbers start with a character's first byte, never a UTF-8 continuation byte */
		if ((u[i] & 0xC0) != 0x80)
		{
			if (i + 3 <= len)
				note_phrases(ix, label, len, i, ends);
			if (i > 0 && item_number_starts(label, len, i))
				last = i;
		}
		i++;
	}
	return last;
}

/*
 * Does a row printed again hold the values the row was read with (in order,
 * blanks aside)?  read: the row's cells as fitted; open: its values when the
 * solver was left to place them.
 */
static bool
same_values(const gd_cell *read, const gd_open_row *open, const gd_grid_cell *cells, int n)
{
	const gd_cell *first = open->nvalues > 0 ? open->values : read;
	int			nfirst = open->nvalues > 0 ? open->nvalues : GD_REQ_COLS,
				i = 0,
				k = 0;

	if (open->len > 0)
		return false;			/* glued digits: no values to compare */
	for (;; i++, k++)
	{
		while (i < nfirst && first[i].state == GD_BLANK)
			i++;
		while (k < n && cells[k].cell.state == GD_BLANK)
			k++;
		if (i == nfirst || k == n)
			return i == nfirst && k == n;
		if (first[i].state != cells[k].cell.state || first[i].value != cells[k].cell.value ||
			first[i].scale != cells[k].cell.scale)
			return false;
	}
}

/*
 * A row of one cell more than its width, all values, whose last cell
 * continues the total before it (a number wrapped in its cell, one piece a
 * line: "１１４" / "６"): joined when the row total then holds (gd_join_wrapped).
 */
static bool
join_wrapped_total(const gd_text *tx, const gd_grid_cell *cells, int n, gd_cell *out)
{
	const gd_grid_cell *last = &cells[n - 1];
	gd_cell		values[GD_REQ_COLS];
	char		frag[GD_WRAP_MAX];
	size_t		fl = 0;

	if (n != GD_REQ_COLS + 1 || last->cell.state != GD_NUMBER || last->cell.scale != 0 || last->glued ||
		last->span.len > GD_WRAP_MAX)
		return false;
	for (int i = 0; i < GD_REQ_COLS; i++)
	{
		if (cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER)
			return false;
		values[i] = cells[i].cell;
	}
	for (size_t i = 0; i < last->span.len; i++)
		if (gd_is_digit(tx->t[last->span.off + i]))
			frag[fl++] = tx->t[last->span.off + i];
	return gd_join_wrapped(values, GD_REQ_COLS, frag, fl, GD_REQ_COLS, out);
}

/*
 * Values alone on the line after a row fitted short, that make it whole: a
 * row wrapped over two lines (AsciiDoc tables).  Taken only when the row's
 * total then equals the sum of its cells; the short fit's problem goes.
 */
static bool
continue_short_row(requests_state *st, const gd_grid_cell *cells, int n)
{
	gd_report  *r = st->mt.r;
	gd_cell		joined[GD_REQ_COLS];
	int64_t		sum = 0;
	int			skip = 0;		/* blanks before the values: the empty column of a label over two */

	if (st->short_row < 0 || st->short_row != st->cur || count_values(cells, n) != n)
		return false;
	while (st->short_n - skip + n > GD_REQ_COLS && skip < st->short_n &&
		   st->short_cells[skip].cell.state == GD_BLANK)
		skip++;
	if (st->short_n - skip + n != GD_REQ_COLS)
		return false;
	for (int i = 0; i < GD_REQ_COLS; i++)
	{
		joined[i] = i < st->short_n - skip ? st->short_cells[skip + i].cell : cells[i - (st->short_n - skip)].cell;
		if (joined[i].state != GD_NUMBER && joined[i].state != GD_PLACEHOLDER && joined[i].state != GD_BLANK)
			return false;
		if (joined[i].state == GD_NUMBER && joined[i].scale != 0)
			return false;
		if (i < GD_REQ_COLS - 1 && joined[i].state == GD_NUMBER)
			sum = gd_sum_add(sum, joined[i].value);
	}
	if (sum != (joined[GD_REQ_COLS - 1].state == GD_NUMBER ? joined[GD_REQ_COLS - 1].value : 0))
		return false;
	memcpy(r->requests[st->short_row], joined, sizeof(joined));
	if (r->problem_count == st->short_problem + 1)
		r->problem_count--;
	st->short_row = -1;
	return true;
}

/*
 * Values on the line after a row whose printed values the columns did not
 * place, that make it whole: the row printed over two lines (a PDF's cells
 * aligned to their middle).  Each line keeps its order; how the two
 * interleave is for the identities (gd_solve.h, split).
 */
static bool
continue_open_row(requests_state *st, const gd_grid_cell *cells, int n)
{
	gd_open_row *o;

	if (st->cur < 0 || n == 0)
		return false;
	o = &st->open[st->cur];
	if (o->len > 0 || o->split > 0 || o->nvalues == 0 || o->nvalues + n != GD_REQ_COLS)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER)
			return false;
	o->split = o->nvalues;
	for (int i = 0; i < n; i++)
		o->values[o->nvalues++] = cells[i].cell;
	if (o->split == 1 && st->last_row == st->cur)
	{
		/* one value above the rest: maybe the top of the total wrapped in its cell, its rest to come */
		for (int i = 0; i < n; i++)
			st->last_values[i] = cells[i].cell;
		st->last_values[n] = o->values[0];
		st->last_n = n + 1;
	}
	return true;
}

/*
 * One mark alone after a row of marks only, on its label's rest ("公开" / "—"): the rest of a
 * "——" wrapped in its cell.  Whichever cell it ends, the row is all marks.
 */
static bool
rest_of_wrapped_mark(const requests_state *st, const gd_grid_cell *cells, int n)
{
	if (st->cur < 0 || n != 1 || !is_half_mark(st->mt.tx, &cells[0]) || st->open[st->cur].nvalues > 0 ||
		st->open[st->cur].len > 0)
		return false;
	for (int k = 0; k < GD_REQ_COLS; k++)
		if (st->mt.r->requests[st->cur][k].state != GD_PLACEHOLDER)
			return false;
	return true;
}

/* A short row's values placed under the confirmed column edges (blank cells where nothing stands). */
static bool
place_by_edges(const requests_state *st, const gd_grid_cell *cells, int n, gd_cell *out)
{
	/* pdftotext packs values whose glyphs nearly touch one space apart: those stand at no edge */
	return st->edges_confirmed && !st->mt.blanks_unprinted && !(st->mt.paged && packed_values(st->mt.tx, cells, n)) &&
		gd_place_by_edges(st->mt.tx, cells, n, GD_REQ_COLS, st->edges, out);
}

static bool
place_row_by_edges(requests_state *st, int row, const gd_grid_cell *cells, int n)
{
	if (!place_by_edges(st, cells, n, st->mt.r->requests[row]))
		return false;
	st->placed_row = row;
	return true;
}

/*
 * Values as many as the row's blank cells, placed in them in order (cells wider than their
 * column's numbers, "——", meet none of its edges): out gets them, the rest blank.
 */
static bool
fill_blank_columns(const gd_cell *row, const gd_grid_cell *cells, int n, gd_cell *out)
{
	int			i = 0;

	for (int k = 0; k < GD_REQ_COLS; k++)
	{
		out[k] = row[k];
		out[k].state = GD_BLANK;
		if (row[k].state != GD_BLANK)
			continue;
		if (i == n || (cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER))
			return false;
		out[k] = cells[i++].cell;
	}
	return i == n;
}

/*
 * Does the label hold a sub-item's number ("4、", "4.") before words?  Then
 * the values under it start an item whose words name no row as a whole ("4、无正当"
 * over "理由大量反": a label wrapped over lines), not the rest of the row above.
 */
static bool
holds_sub_item_number(const char *label, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++)
		if (gd_is_digit(label[i]) && (i == 0 || !gd_is_digit(label[i - 1])) &&
			((label[i + 1] == '.' && !gd_is_digit(label[i + 2])) || gd_starts_with(label + i + 1, len - i - 1, "、")))
			return true;
	return false;
}

/*
 * Values under no row's words after a row placed by the column edges: the row printed over
 * lines round its middle (a PDF centres each cell's lines on the row, so the label's line holds
 * only the cells wrapped in two: "—" / "—— —— …" / "—").  Taken when they stand under the row's
 * blank columns (or are as many as those, in order), or a mark under its own mark (the rest of a
 * wrapped ——), and the row is then whole with its total holding.
 */
static bool
continue_placed_row(requests_state *st, const gd_grid_cell *cells, int n)
{
	gd_cell    *row;
	gd_cell		placed[GD_REQ_COLS],
				merged[GD_REQ_COLS];

	if (st->cur < 0 || st->placed_row != st->cur)
		return false;
	row = st->mt.r->requests[st->cur];
	if (!place_by_edges(st, cells, n, placed) && !fill_blank_columns(row, cells, n, placed))
		return false;
	for (int k = 0; k < GD_REQ_COLS; k++)
	{
		merged[k] = row[k];
		if (placed[k].state == GD_BLANK)
			continue;
		if (row[k].state == GD_BLANK)
			merged[k] = placed[k];
		else if (row[k].state != GD_PLACEHOLDER || placed[k].state != GD_PLACEHOLDER)
			return false;
	}
	for (int k = 0; k < GD_REQ_COLS; k++)
		if (merged[k].state == GD_BLANK)
			return false;
	if (!gd_row_total_holds(merged, GD_REQ_COLS))
		return false;
	memcpy(row, merged, sizeof(merged));
	return true;
}

/*
 * Rows read by their position (values under no row's words: a garbled
 * label) hold their own values only if the next row named is the one after
 * them; when it is not (rows the converter dropped), which rows the values
 * were is not known.  Called with each row read: by_position, or named.
 */
static void
check_guessed_rows(requests_state *st, int row, bool by_position, uint32_t line)
{
	gd_report  *r = st->mt.r;

	if (by_position)
	{
		if (st->guess_first < 0)
			st->guess_first = row;
		return;
	}
	st->no_position = false;
	if (st->guess_first >= 0 && row != st->cur + 1 &&
		!(row == GD_REQ_OTHER_UNDIVIDED && st->cur + 1 == GD_REQ_ROW_OTHER_FIRST))
	{
		for (int k = st->guess_first; k <= st->cur; k++)
		{
			mark_unknown(r->requests[k], GD_REQ_COLS, line);
			st->open[k].nvalues = st->open[k].len = 0;
		}
		gd_add_problem(r, GD_PROBLEM_ROW_MISSING, line,
					"requests: rows %s to %s were read by their position, and the next row named (%s, line %u) is not the one after them; they are left unknown",
					gd_request_row_keys[st->guess_first], gd_request_row_keys[st->cur], gd_request_row_keys[row], line);
	}
	st->guess_first = -1;
}

/*
 * A requests row read whole (a cell for each column) whose cells hold digits split by
 * spaces or commas that make no number ("6 4", "9 61": a Word number's runs joined by a
 * crawler with spaces): each such cell is one cell, so its digits are one number, taken
 * (marked inferred) when the row total then holds.
 */
static void
join_split_cells(const gd_text *tx, const gd_grid_cell *cells, int n, gd_cell *out)
{
	gd_cell		joined[GD_REQ_COLS];
	int64_t		sum = 0;
	bool		any = false;

	if (n != GD_REQ_COLS)
		return;
	for (int i = 0; i < n; i++)
	{
		const char *t = tx->t + cells[i].span.off;
		char		digits[GD_RUN_MAX];
		int			len = 0;

		joined[i] = out[i];
		if (out[i].state != GD_UNREADABLE || out[i].inferred ||
			(out[i].value != GD_VALUE_CELLS_RUN_TOGETHER && out[i].value != GD_VALUE_CUT_NUMBER))
			continue;
		for (size_t k = 0; k < cells[i].span.len && len < GD_RUN_MAX; k++)
			if (gd_is_digit(t[k]))
				digits[len++] = t[k];
		if (len == 0 || len > 15 || (len > 1 && digits[0] == '0'))
			return;
		joined[i].state = GD_NUMBER;
		joined[i].value = gd_digits_value(digits, len);
		joined[i].inferred = 1;
		any = true;
	}
	for (int i = 0; i < n - 1; i++)
	{
		if (joined[i].state != GD_NUMBER && joined[i].state != GD_PLACEHOLDER && joined[i].state != GD_BLANK)
			return;
		sum += joined[i].state == GD_NUMBER ? joined[i].value : 0;
	}
	if (any && joined[n - 1].state == GD_NUMBER && joined[n - 1].scale == 0 && sum == joined[n - 1].value)
		memcpy(out, joined, sizeof(joined));
}

/* A group's number cut short by a narrow column ("（五" of （五）不予处理): bytes of it at s, else 0. */
static size_t
cut_group_number(const char *s, size_t n)
{
	static const char numerals[] = "一二三四五六七八九十";
	size_t		width = strlen("一");

	if (n < 1 + width + 1 || s[0] != '(' || s[1 + width] == ')')
		return 0;
	for (size_t k = 0; k + width <= sizeof(numerals) - 1; k += width)
		if (memcmp(s + 1, numerals + k, width) == 0)
			return 1 + width;
	return 0;
}

/*
 * Where the words of label[from..len) start after their last item number ("8.", "（三）"),
 * the number's start into *item (both from when there is none; a group's number cut short
 * is passed over as none).
 */
static size_t
words_after_item(const char *label, size_t from, size_t len, size_t *item)
{
	size_t		words = from;

	*item = from;
	for (size_t i = from; i < len; i++)
	{
		size_t		d = i,
					numeral;

		if (((unsigned char) label[i] & 0xC0) == 0x80)
			continue;
		if ((numeral = cut_group_number(label + i, len - i)) > 0)
		{
			*item = words = i + numeral;
			continue;
		}
		while (d < len && d - i < 3 && gd_is_digit(label[d]))
			d++;
		if (d > i && d - i <= 2 && (i == from || !gd_is_digit(label[i - 1])) && d < len && label[d] == '.' &&
			!(d + 1 < len && gd_is_digit(label[d + 1])))
		{
			*item = i;
			words = d + 1;
		}
		else if ((numeral = gd_numeral_item_at(label + i, len - i)) > 0)
		{
			*item = i;
			words = i + numeral;
		}
	}
	return words;
}

/* The template's row labels (gd_request_row_labels) folded as labels are. */
typedef struct folded_row_labels
{
	const char *text[GD_REQ_TEMPLATE_ROWS];
	size_t		len[GD_REQ_TEMPLATE_ROWS];
} folded_row_labels;

static const folded_row_labels *
row_labels(requests_state *st)
{
	if (st->row_labels == NULL)
	{
		st->row_labels = gd_alloc(st->mt.tx, sizeof(folded_row_labels));
		for (int k = 0; k < GD_REQ_TEMPLATE_ROWS; k++)
			st->row_labels->text[k] = gd_copy_folded(st->mt.tx, gd_request_row_labels[k],
													 strlen(gd_request_row_labels[k]), &st->row_labels->len[k]);
	}
	return st->row_labels;
}

/* Bytes of a cut label's words, at least, to name the row whose label they start: four CJK characters. */
#define CUT_LABEL_BYTES_MIN 12

/*
 * The row whose template label a label cut short starts ("8.属于行政查询" of
 * 8.属于行政查询事项: a converter cut it at its column's width): its own words
 * after their item number, four characters or more, begin the words of exactly
 * one row after st->cur with the same number (if one is printed); -1 when not so.
 */
static int
row_of_cut_label(const requests_state *st, const folded_row_labels *fl, const char *label, size_t len,
				 size_t own_from)
{
	size_t		item,
				words = words_after_item(label, own_from, len, &item);
	int			found = -1;

	if (len - words < CUT_LABEL_BYTES_MIN)
		return -1;
	for (int k = st->cur + 1; k < GD_REQ_TEMPLATE_ROWS; k++)
	{
		const char *folded = fl->text[k];
		size_t		flen = fl->len[k],
					titem,
					twords = words_after_item(folded, 0, flen, &titem);

		/* the same number, or none printed (offices leave sub-item numbers out) */
		if ((words == item || (twords - titem == words - item && memcmp(folded + titem, label + item, words - item) == 0)) &&
			flen - twords >= len - words && memcmp(folded + twords, label + words, len - words) == 0)
		{
			if (found >= 0)
				return -1;
			found = k;
		}
	}
	return found;
}

/*
 * Do words[0..n) go on with row k's template label past its start ("性信息" of 6.属于四类过程性信息)?
 * One character only when it ends the label ("卷" of 7.属于行政执法案卷); anywhere else one
 * character tells nothing.
 */
static bool
goes_on_with_label(const folded_row_labels *fl, int k, const char *words, size_t n)
{
	const char *folded = fl->text[k],
			   *at;
	size_t		flen = fl->len[k];

	if (n < 3)
		return false;
	if (n < 6)
		return flen > n && memcmp(folded + flen - n, words, n) == 0;
	at = gd_find_bytes(folded, flen, words, n);
	return at != NULL && at > folded;
}

/* Are words[0..n) some template label's words (a group label's piece: "不予处" of （五）不予处理)? */
static bool
template_words(const folded_row_labels *fl, const char *words, size_t n)
{
	for (int k = 0; k < GD_REQ_TEMPLATE_ROWS; k++)
		if (gd_find_bytes(fl->text[k], fl->len[k], words, n) != NULL)
			return true;
	return false;
}

/*
 * Do a line's own words go on with row k's label: the rest of the label of the row above, wrapped
 * in its cell, maybe after a group label's piece (the group's cell spans its rows' lines)?
 */
static bool
continues_row_label(const folded_row_labels *fl, int k, const char *words, size_t n)
{
	size_t		group;

	while (n > 0 && gd_is_blank(words[n - 1]))
		n--;
	while (n > 0 && gd_is_blank(words[0]))
		words++, n--;
	if (k < 0 || k >= GD_REQ_TEMPLATE_ROWS)
		return false;
	if (goes_on_with_label(fl, k, words, n))
		return true;
	if (gd_is_digit(words[0]))
		return false;			/* a row's item number ("8.属于行"): its label cut, no group label's piece */
	/* the group label's number alone ("（五）  版物"), which the template prints full-width and the text folded */
	group = words[0] == '(' ? gd_numeral_item_at(words, n) : 0;
	if (group > 0 && goes_on_with_label(fl, k, words + group, n - group))
		return true;
	for (size_t head = 3; head + 3 <= n; head++)
		if (((unsigned char) words[head] & 0xC0) != 0x80 && template_words(fl, words, head) &&
			goes_on_with_label(fl, k, words + head, n - head))
			return true;
	return false;
}

/*
 * Rows whose labels the label words of row name before its own item number,
 * with no value between (glued text: "7.属于行政执法案卷8.属于行政查询事项01056",
 * or such labels alone on their lines over "8.属于行政查询事项  3 5 …"):
 * printed with every cell blank, which such text leaves unmarked.  Words
 * carried from lines above count (from 0) only where the row's own words
 * hold its item number: else they may be its own label wrapped over lines,
 * its values printed apart.
 */
static void
blank_rows_passed(requests_state *st, long from, const long *named, int row, uint32_t line)
{
	bool		undivided = st->cur < GD_REQ_ROW_OTHER_FIRST && row > GD_REQ_ROW_OTHER_LAST &&
		named[GD_REQ_OTHER_UNDIVIDED] > from;

	/* （六）其他处理 named without the words of its three items: the row printed undivided */
	for (int k = GD_REQ_ROW_OTHER_FIRST; k <= GD_REQ_ROW_OTHER_LAST && undivided; k++)
		undivided = named[k] < 0;
	for (int k = st->cur + 1; k < GD_REQ_ROWS; k++)
	{
		if (k == row || (k > row && !(k == GD_REQ_OTHER_UNDIVIDED && undivided)) || named[k] <= from || st->filled[k] ||
			(k == GD_REQ_ROW_RESULTS_TOTAL && st->cur < GD_REQ_ROW_CARRIED_OVER))
			continue;
		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			memset(&st->mt.r->requests[k][c], 0, sizeof(gd_cell));
			st->mt.r->requests[k][c].state = GD_BLANK;
			st->mt.r->requests[k][c].line = line;
		}
		st->filled[k] = true;
	}
	st->mt.r->other_undivided = st->mt.r->other_undivided || undivided;
}

/* Line-by-line wraps of a row: its cells' first lines side by side, then the lines under them. */
#define LINE_WRAP_LINES_MAX 4
#define LINE_WRAP_STEPS_MAX 4096

typedef struct line_wraps
{
	const gd_text *tx;
	const gd_grid_cell *cells;
	int			line_start[LINE_WRAP_LINES_MAX + 1];	/* cells of line j: [line_start[j], line_start[j + 1]) */
	int			nlines;
	int			last_piece[GD_REQ_COLS];	/* the cell's last piece so far (index into cells), or -1 */
	int64_t		value[GD_REQ_COLS];
	int			digits[GD_REQ_COLS];
	int			found;
	int			steps;
	gd_cell    *out;
} line_wraps;

static void wrap_line(line_wraps *lw, int line, int token, int col);

/* Every line placed: does the row total hold?  The first reading into out. */
static void
wraps_placed(line_wraps *lw)
{
	int64_t		sum = 0;

	for (int c = 0; c < GD_REQ_COLS - 1; c++)
		sum += lw->value[c];
	if (sum != lw->value[GD_REQ_COLS - 1] || lw->found++ > 0)
		return;
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		lw->out[c] = lw->cells[c].cell;
		lw->out[c].inferred = 1;
		if (lw->cells[c].cell.state == GD_NUMBER)
			lw->out[c].value = lw->value[c];
	}
}

/*
 * Token token of line line continues a cell from col on, whose last piece (on a line above) is as
 * long or longer (a wrapped cell's lines are full but its last); the tokens after it, the cells
 * after that one.
 */
static void
wrap_line(line_wraps *lw, int line, int token, int col)
{
	if (lw->found > 1 || ++lw->steps > LINE_WRAP_STEPS_MAX)
		return;
	if (token == lw->line_start[line + 1])
	{
		if (line + 1 == lw->nlines)
			wraps_placed(lw);
		else
			wrap_line(lw, line + 1, token, 0);
		return;
	}
	for (int c = col; c < GD_REQ_COLS; c++)
	{
		const gd_grid_cell *piece = &lw->cells[token];
		int			above = lw->last_piece[c];
		int64_t		value = lw->value[c];
		int			digits = lw->digits[c];

		if (above < 0 || piece->span.len > lw->cells[above].span.len || digits + (int) piece->span.len > 15)
			continue;
		for (size_t d = 0; d < piece->span.len; d++)
			lw->value[c] = lw->value[c] * 10 + (lw->tx->t[piece->span.off + d] - '0');
		lw->digits[c] += (int) piece->span.len;
		lw->last_piece[c] = token;
		wrap_line(lw, line, token + 1, c + 1);
		lw->last_piece[c] = above;
		lw->value[c] = value;
		lw->digits[c] = digits;
	}
}

/*
 * A requests row printed line by line (pdftotext -raw of some rows): its label and the first line
 * of each of its cells side by side on one line, every cell printed, then lines of the pieces
 * of those of them that wrap, each line's left to right.  How many
 * ways of placing the pieces make the row total hold (0, 1, or 2 for more); the one, its cells
 * marked inferred, into out.  -1 when the row is not so printed.
 */
static int
read_line_wraps(const gd_text *tx, const gd_grid_cell *cells, int n, gd_cell *out)
{
	line_wraps	lw;
	size_t		ls;

	if (n <= GD_REQ_COLS || cells[0].cell.line == 0 || cells[0].cell.line > tx->nlines)
		return -1;
	memset(&lw, 0, sizeof(lw));
	lw.tx = tx;
	lw.cells = cells;
	lw.out = out;
	/* the label before the first line's values: the row's own line */
	for (ls = tx->lines[cells[0].cell.line - 1].start; ls < cells[0].span.off && gd_is_blank(tx->t[ls]); ls++)
		;
	if (ls == cells[0].span.off)
		return -1;
	for (int k = 0; k < n; k++)
	{
		bool		mark = cells[k].cell.state == GD_PLACEHOLDER;

		if (cells[k].kind != GD_GRID_VALUE || cells[k].glued ||
			!(mark || (cells[k].cell.state == GD_NUMBER && digits_only(tx, &cells[k].span))) ||
			(mark && k >= GD_REQ_COLS))
			return -1;
		if (k == 0 || cells[k].cell.line != cells[k - 1].cell.line)
		{
			if (k > 0 && cells[k].cell.line != cells[k - 1].cell.line + 1)
				return -1;
			if (lw.nlines == LINE_WRAP_LINES_MAX)
				return -1;
			lw.line_start[lw.nlines++] = k;
		}
	}
	lw.line_start[lw.nlines] = n;
	if (lw.line_start[1] != GD_REQ_COLS)
		return -1;				/* every cell's first line side by side */
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		lw.last_piece[c] = cells[c].cell.state == GD_NUMBER ? c : -1;
		lw.value[c] = cells[c].cell.state == GD_NUMBER ? cells[c].cell.value : 0;
		lw.digits[c] = (int) cells[c].span.len;
	}
	wrap_line(&lw, 1, GD_REQ_COLS, 0);
	return lw.steps > LINE_WRAP_STEPS_MAX ? 2 : lw.found > 1 ? 2 : lw.found;
}

/*
 * Does fit_row read the requests row's cells as the text prints them?  Asked before the row's
 * pieces are joined (piece_run): what it says and notes is taken back.
 */
static bool
fits_as_printed(match_target *mt, const gd_grid_cell *cells, int n)
{
	static const gd_identity row_total = {GD_REQ_COLS - 1, 0, GD_REQ_COLS - 1};
	match_target saved = *mt;
	int			problems = mt->r->problem_count;
	gd_cell		row[GD_REQ_COLS];
	bool		fits = fit_row(mt, cells, n, GD_REQ_COLS, &row_total, 1, false, NULL, "", row);

	*mt = saved;
	mt->r->problem_count = problems;
	return fits;
}

static bool
match_request_row(void *ctx, const char *label, size_t len, size_t own_from, const gd_grid_cell *cells, int n)
{
	requests_state *st = ctx;
	match_target *mt = &st->mt;
	gd_report  *r = mt->r;
	int			row = -1;
	long		best = -1;
	char		what[80];
	long		ends[GD_REQ_ROWS],
				named[GD_REQ_ROWS];	/* ends before the row above's words are left out */
	bool		by_position = false,
				round,
				wrapped_total;
	size_t		own = scan_label(st, label, len, ends);	/* where the last item number starts */

	{
		memcpy(named, ends, sizeof(named));
		for (int k = 0; own > 0 && k < GD_REQ_ROWS; k++)
			if (ends[k] >= 0 && (size_t) ends[k] <= own)
				ends[k] = -1;	/* the words of the row above */
	}
	if (st->cur >= GD_REQ_TEMPLATE_ROWS - 1)
	{
		if (ends[GD_REQ_ROW_NEW_RECEIVED] < 0 && take_wrapped_piece(st, cells, n, false))
			return false;		/* the last row's wrapped number */
		/* the table is complete: what follows is prose, or a copy of the table */
		if (!st->copy_reported && count_values(cells, n) > 0 && ends[GD_REQ_ROW_NEW_RECEIVED] >= 0)
		{
			st->copy_reported = true;
			gd_add_problem(mt->r, GD_PROBLEM_DUPLICATE_TABLE, cells[0].cell.line,
						"requests: the table starts again (line %u); only the first copy is read",
						cells[0].cell.line);
		}
		return false;
	}
	for (int k = st->cur + 1; k < GD_REQ_TEMPLATE_ROWS; k++)
	{
		/* "总计" of the column header, not row （七）: before the rows, or the header printed again on a new page */
		if (ends[k] <= best || (k == GD_REQ_ROW_RESULTS_TOTAL &&
								(st->cur < GD_REQ_ROW_CARRIED_OVER || gd_contains(label, len, "申请人情况") ||
								 gd_contains(label, len, "法人或其他组织"))))
			continue;
		best = ends[k];
		row = k;
	}
	/* （六）其他处理 printed as one row: its words after those of any other row (an all-blank row's, carried) */
	if (st->cur < GD_REQ_ROW_OTHER_FIRST && (row < GD_REQ_ROW_OTHER_FIRST || row > GD_REQ_ROW_OTHER_LAST) &&
		ends[GD_REQ_OTHER_UNDIVIDED] > best)
		row = GD_REQ_OTHER_UNDIVIDED;
	if (row < 0 && count_values(cells, n) > 0)
		row = row_of_cut_label(st, row_labels(st), label, len, own_from);
	/* one number on a line that names no row: a piece of a number wrapped in its cell */
	if (st->cur >= 0 && (row < 0 || ends[row] <= (long) own_from) && take_wrapped_piece(st, cells, n, row >= 0))
		return false;			/* the carried words stay for the next row */
	if (row < 0)
	{
		for (int k = 0; k <= st->cur; k++)
			if (ends[k] >= 0 && count_values(cells, n) > 0)
			{
				/* its words after the values read for it by position: the text is not in row order (a PDF's blocks) */
				if (st->guess_first >= 0 && k >= st->guess_first)
					note_disorder(mt, cells[0].cell.line, "a row's words come after the values read for it by position");
				if (same_values(r->requests[k], &st->open[k], cells, n))
					gd_add_problem(mt->r, GD_PROBLEM_DUPLICATE_ROW, cells[0].cell.line,
								"requests: row %s appears again (line %u); the first one is kept",
								gd_request_row_keys[k], cells[0].cell.line);
				else
				{
					/* which of the two holds the row's values (if either) is not told */
					mark_unknown(r->requests[k], GD_REQ_COLS, cells[0].cell.line);
					st->open[k].nvalues = 0;
					st->open[k].len = 0;
					gd_add_problem(mt->r, GD_PROBLEM_DUPLICATE_ROW, cells[0].cell.line,
								"requests: row %s appears again (line %u) with other values; it is left unknown",
								gd_request_row_keys[k], cells[0].cell.line);
				}
				return true;
			}
		if (continue_short_row(st, cells, n) || continue_open_row(st, cells, n) ||
			(!holds_sub_item_number(label, len) && continue_placed_row(st, cells, n)))
			return true;
		if (rest_of_wrapped_mark(st, cells, n))
			return true;
		if (count_values(cells, n) > 0 && continues_row_label(row_labels(st), st->cur, label + own_from, len - own_from))
		{
			/* values on both lines of a wrapped label (cells aligned to their middle): not the next row */
			mark_unknown(r->requests[st->cur], GD_REQ_COLS, cells[0].cell.line);
			st->open[st->cur].nvalues = 0;
			st->open[st->cur].len = 0;
			gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						"requests row %s: values on the line of its label's rest (line %u) as well as on its first; which are its cells is unknown",
						gd_request_row_keys[st->cur], cells[0].cell.line);
			return true;
		}
		if (st->cur >= 0 && gd_starts_with(label + own_from, len - own_from, "其中"))
		{
			/* a breakdown of the row above ("其中：通过网络申请"): no row of the template */
			gd_add_problem(mt->r, GD_PROBLEM_DUPLICATE_ROW, cells[0].cell.line,
						"requests: a row \"其中…\" (line %u) is no row of the template; it is left out",
						cells[0].cell.line);
			return true;
		}
		/*
		 * a number alone above the first row: the first piece of a number wrapped in its cell round
		 * the row's line (a PDF centres a cell's lines on its row), or else a value out of row order
		 */
		if (st->cur < 0 && take_wrapped_piece(st, cells, n, false))
		{
			st->lead_piece_line = st->lead_piece_line > 0 ? st->lead_piece_line : cells[0].cell.line;
			return false;
		}
		if (st->cur < 0 && count_numbers(cells, n) > 0)
			note_disorder(mt, cells[0].cell.line, "numbers come before the first row's label");
		/* no words to go by: the next row of the template, if the row is whole */
		if (count_values(cells, n) < GD_REQ_COLS)
		{
			if (st->cur < 0 || !st->filled[st->cur] || count_values(cells, n) < 2 ||
				gd_unreadable_cells(r->requests[st->cur], GD_REQ_COLS) > 0 || gd_row_total_holds(r->requests[st->cur], GD_REQ_COLS))
				return false;
			/* values naming no row under a row whose total fails: the rest of its numbers wrapped in their cells, maybe */
			mark_unknown(r->requests[st->cur], GD_REQ_COLS, cells[0].cell.line);
			gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
						   "requests row %s: its total fails as printed, and %d values under it name no row (line %u): the rest of its numbers wrapped in their cells, maybe; the row is left unknown",
						   gd_request_row_keys[st->cur], count_values(cells, n), cells[0].cell.line);
			return true;
		}
		if (st->no_position)
			return true;		/* more of the lines under a short row (its problem names it) */
		if (st->cur >= 0 && st->open[st->cur].nvalues > 0 && st->open[st->cur].nvalues < GD_REQ_COLS)
		{
			/* under a row short of values: the rest of its numbers wrapped in their cells, maybe (whose, not told) */
			gd_add_problem(mt->r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
						   "requests row %s: %d of %d cells printed, then a line of values under it that names no row (line %u); which are its cells is unknown",
						   gd_request_row_keys[st->cur], st->open[st->cur].nvalues, GD_REQ_COLS, cells[0].cell.line);
			mark_unknown(r->requests[st->cur], GD_REQ_COLS, cells[0].cell.line);
			st->open[st->cur].nvalues = 0;
			st->open[st->cur].len = 0;
			st->no_position = true;
			return true;
		}
		row = st->cur + 1;
		by_position = true;
	}
	if (count_values(cells, n) == 0 && (n != GD_REQ_COLS || ends[row] <= (long) own_from))
		return false;			/* a header line, not a row of blanks */
	check_guessed_rows(st, row, by_position, cells[0].cell.line);
	if (any_glued(cells, n) || mt->blanks_unprinted || r->blanks_unmarked || st->values_unplaced)
		blank_rows_passed(st, own >= own_from ? 0 : (long) own_from, named, row, cells[0].cell.line);
	name_row(what, sizeof(what), "requests row ", gd_request_row_keys[row]);
	st->open[row].len = (uint8_t) glued_run(mt, cells, n, GD_REQ_COLS, true, st->open[row].run);
	st->open[row].line = cells[0].cell.line;
	r->blanks_unmarked = r->blanks_unmarked || mt->tokens_apart || (st->open[row].len > 0 && st->open[row].len < GD_REQ_COLS);
	st->short_row = -1;
	wrapped_total = st->open[row].len == 0 && join_wrapped_total(mt->tx, cells, n, r->requests[row]);
	if (st->open[row].len == 0 && !wrapped_total)
		st->open[row].len = (uint8_t) piece_run(mt->tx, cells, n, st->open[row].run);
	/* no joining of pieces holds, or the row reads as printed (a serial number, a number cut in two) */
	if (is_piece_run(&st->open[row]) && (!pieces_fit(&st->open[row]) || fits_as_printed(mt, cells, n)))
		st->open[row].len = 0;
	if (st->open[row].len == 0 && !wrapped_total)
	{
		int			wraps = read_line_wraps(mt->tx, cells, n, r->requests[row]);

		if (wraps > 0 && fits_as_printed(mt, cells, n))
			wraps = -1;			/* read as printed (a serial number, a number cut in two) */
		wrapped_total = wraps == 1;
		if (wraps > 1)
		{
			wrapped_total = true;	/* not a row that runs into others: its own cells, not told apart */
			mark_unknown(r->requests[row], GD_REQ_COLS, cells[0].cell.line);
			gd_add_problem(r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
						   "%s: its cells wrapped line by line (line %u), and more than one placing of the pieces under them makes its total hold; left unknown",
						   what, cells[0].cell.line);
		}
	}
	/*
	 * not the total wrapped in its cell with its last piece a cell of its own, nor pieces of wrapped
	 * cells or values for the solver
	 */
	/* a short row of a PDF's text with numbers beside its line: one may be its, so no placement is left to the sums */
	round = n < GD_REQ_COLS && beside_pieces(mt, cells, n, GD_REQ_COLS);
	if (st->open[row].len == 0 && !wrapped_total &&
		(round || (!place_row_by_edges(st, row, cells, n) &&
				   !take_unplaced_values(&st->open[row], cells, n, column_reference(st, cells[0].cell.line),
										 mt->blanks_unprinted))))
	{
		int			problems_before = r->problem_count;

		if (!fit_row(mt, cells, n, GD_REQ_COLS, &gd_request_row_total, 1, false, column_reference(st, cells[0].cell.line), what,
					 r->requests[row]) &&
			n < GD_REQ_COLS && !mt->blanks_unprinted && !round && r->problem_count == problems_before + 1 &&
			r->problems[problems_before].code == GD_PROBLEM_ROW_SHORT)
		{
			st->short_row = row;
			st->short_n = n;
			memcpy(st->short_cells, cells, sizeof(gd_grid_cell) * (size_t) n);
			st->short_problem = problems_before;
		}
		else if (n == GD_REQ_COLS && !any_unreadable(cells, n) && beside_pieces(mt, cells, n, GD_REQ_COLS) &&
				 !gd_row_total_holds(r->requests[row], GD_REQ_COLS))
		{
			/* a number of it may go on beside its line: which cell, not told (pieces joining it read it again) */
			mark_unknown(r->requests[row], GD_REQ_COLS, cells[0].cell.line);
			gd_add_problem(r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
						   "%s: its total fails as printed (line %u) in a PDF's text with numbers beside its line, where one of its numbers may go on; the row is left unknown",
						   what, cells[0].cell.line);
		}
	}
	/*
	 * text aligned by spaces whose numbers wrap in their cells (some pieces left unjoined), or a
	 * PDF's text, which prints a cell's lines round its row's line: a row whose total fails as
	 * read, with numbers beside its line (any, in a PDF's), may hold a piece of a number of the
	 * row over or under it, or lack one of its own; which, no sum tells
	 */
	if ((mt->pieces_unjoined || gd_has_page_breaks(mt->tx)) && split_by_spaces(cells, n) &&
		all_read(r->requests[row], GD_REQ_COLS) && !gd_row_total_holds(r->requests[row], GD_REQ_COLS) &&
		numbers_beside_line(mt->tx, cells[0].cell.line, gd_has_page_breaks(mt->tx) ? INT_MAX : GD_REQ_COLS))
	{
		mark_unknown(r->requests[row], GD_REQ_COLS, cells[0].cell.line);
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, cells[0].cell.line,
					   "%s: its total fails as read (line %u) with numbers beside its line where a cell's number may be printed over lines; a piece of another row's number may be among its cells, so the row is left unknown",
					   what, cells[0].cell.line);
	}
	/* a short row of values no column places: this text prints nothing for a blank cell */
	if (st->open[row].nvalues > 0 && !st->values_unplaced)
	{
		st->values_unplaced = true;
		blank_rows_passed(st, own >= own_from ? 0 : (long) own_from, named, row, cells[0].cell.line);
	}
	if (n == GD_REQ_COLS && cells[0].center2 > 0 && count_values(cells, n) == n)
	{
		gd_cell_edges edges[GD_REQ_COLS];
		bool		have_edges = gd_row_edges(mt->tx, cells, GD_REQ_COLS, edges);

		st->have_columns = true;
		for (int k = 0; k < GD_REQ_COLS; k++)
			st->columns[k] = cells[k].center2;
		/* a PDF's rows are shifted as a whole by a group label's words: no columns to place by */
		st->edges_confirmed = have_edges && st->have_edges && gd_same_columns(st->edges, edges, GD_REQ_COLS);
		st->have_edges = have_edges;
		memcpy(st->edges, edges, sizeof(edges));
		st->columns_line = cells[0].cell.line;
	}
	join_split_cells(mt->tx, cells, n, r->requests[row]);
	require_whole(mt, r->requests[row], GD_REQ_COLS, what);
	flag_unreadable(mt, r->requests[row], GD_REQ_COLS, what);
	if (st->open[row].len == 0 && !wrapped_total && n <= GD_REQ_COLS && gd_has_page_breaks(mt->tx) &&
		leading_zero_piece(mt->tx, cells, n))
	{
		/*
		 * no office prints a count "05": in a PDF's text, the last piece of a number wrapped in its
		 * cell, on a line of its own (pieces more than the row's cells are joined: piece_run, read_line_wraps)
		 */
		mark_unknown(r->requests[row], GD_REQ_COLS, cells[0].cell.line);
		st->open[row].nvalues = 0;
		st->open[row].len = 0;
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, cells[0].cell.line,
					   "%s: a number printed with a leading zero (line %u), the piece of a number wrapped in its cell, maybe; the row is left unknown",
					   what, cells[0].cell.line);
	}
	remember_row(st, row, cells, n);
	st->filled[row] = true;
	if (row == GD_REQ_OTHER_UNDIVIDED)
	{
		r->other_undivided = true;
		st->cur = GD_REQ_ROW_OTHER_LAST;
	}
	else
		st->cur = row;
	r->has_requests = true;
	return true;
}

/* ---------- the review table ---------- */

/* Per group of the review table: total = upheld + corrected + other + pending. */
static const gd_identity review_group_totals[] = {{4, 0, 4}, {9, 5, 4}, {14, 10, 4}};

typedef struct review_state
{
	match_target mt;
	bool		cells_per_line;	/* the grid was read one cell per line */
	int			count;
	gd_grid_cell row[GD_REV_CELLS];	/* the first row read, as printed */
	int			nrow;
	gd_cell		pending[GD_REV_CELLS];	/* values of lines too short for a row: the row wrapped over them */
	int			npending;
	bool		pieces_overflow;	/* lines after such pieces held more values than the row has cells */
} review_state;

/* Words of the review table's outcome headers, alone or joined, as renderers print them. */
static const char *const review_header_words[] = {
	"结果", "维持", "纠正", "其他", "尚未", "审结", "总计", "总", "计",
	"结果维持", "结果纠正", "其他结果", "尚未审结", NULL
};

/* Per group, with any cell read: total = upheld + corrected + other + pending (blanks and placeholders 0). */
static bool
review_groups_hold(const gd_cell *c)
{
	for (int g = 0; g < GD_REV_CELLS; g += GD_REV_OUTCOMES)
	{
		int64_t		sum = 0;
		bool		any = false;

		for (int k = 0; k < GD_REV_OUTCOMES; k++)
		{
			any = any || c[g + k].state != GD_BLANK;
			if (c[g + k].state == GD_NUMBER && c[g + k].scale != 0)
				return false;
			if (k < GD_REV_OUTCOMES - 1)
				sum = gd_sum_add(sum, c[g + k].state == GD_NUMBER ? c[g + k].value : 0);
		}
		if (any && sum != (c[g + GD_REV_OUTCOMES - 1].state == GD_NUMBER ? c[g + GD_REV_OUTCOMES - 1].value : 0))
			return false;
	}
	return true;
}

/*
 * Does no group of the review table hold its total, two or more failing it
 * (a total other than the sum of its four, or left blank beside them)?
 */
static bool
review_groups_all_fail(const gd_cell *c)
{
	int			fails = 0;

	for (int g = 0; g < GD_REV_CELLS; g += GD_REV_OUTCOMES)
	{
		const gd_cell *total = &c[g + GD_REV_OUTCOMES - 1];
		int64_t		sum = 0;
		int			printed = 0;

		for (int k = 0; k < GD_REV_OUTCOMES - 1; k++)
		{
			if (c[g + k].state == GD_UNREADABLE || (c[g + k].state == GD_NUMBER && c[g + k].scale != 0))
				return false;
			printed += c[g + k].state == GD_NUMBER;
			sum = gd_sum_add(sum, c[g + k].state == GD_NUMBER ? c[g + k].value : 0);
		}
		if (total->state == GD_UNREADABLE || (printed == 0 && total->state != GD_NUMBER))
			continue;			/* nothing to check */
		if (sum == (total->state == GD_NUMBER ? total->value : 0) && total->state != GD_BLANK)
			return false;
		fails++;
	}
	return fails >= 2;
}

/*
 * A line of fewer values than a group's, before the table's row: a piece of
 * the row wrapped over several lines (a table nested in a layout table's
 * cell).  The pieces make the row when they come to its 15 cells exactly
 * and each group's total is the sum of its four; otherwise they are stray.
 */
static void
take_review_piece(review_state *st, const gd_grid_cell *cells, int n)
{
	gd_report  *r = st->mt.r;

	if (st->count > 0)
		return;
	for (int i = 0; i < n; i++)
	{
		if (cells[i].cell.state == GD_BLANK)
			continue;
		if (st->npending == GD_REV_CELLS ||
			(cells[i].cell.state != GD_NUMBER && cells[i].cell.state != GD_PLACEHOLDER))
		{
			st->npending = 0;
			return;
		}
		st->pending[st->npending++] = cells[i].cell;
	}
	if (st->npending < GD_REV_CELLS)
		return;
	if (!review_groups_hold(st->pending))
	{
		st->npending = 0;
		return;
	}
	memcpy(r->review, st->pending, sizeof(st->pending));
	st->count = GD_REV_CELLS;
	r->has_review = true;
}

/*
 * A whole row of more than 15 cells: its values alone, when they are 15 and
 * every group's total holds (fit_without_spare_blanks); otherwise which
 * cells are the spare ones is unknown.
 */
static void
review_row_without_spares(review_state *st, const gd_grid_cell *cells, int n)
{
	gd_report  *r = st->mt.r;

	st->count = GD_REV_CELLS;
	r->has_review = true;
	if (fit_without_spare_blanks(cells, 0, n, GD_REV_CELLS, review_group_totals, 3, r->review))
		return;
	mark_unknown(r->review, GD_REV_CELLS, cells[0].cell.line);
	gd_add_problem(r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
				   "review table: a row of %d cells (line %u), not 15, and no dropping of its blank ones makes every group's total hold; which cells are spare is unknown",
				   n, cells[0].cell.line);
}

static bool
match_review_row(void *ctx, const char *label, size_t len, size_t own_from, const gd_grid_cell *cells, int n)
{
	review_state *st = ctx;
	match_target *mt = &st->mt;
	gd_report  *r = mt->r;
	int			first = 0,
				last = n,
				before;

	(void) own_from;
	if (st->count >= GD_REV_CELLS && count_values(cells, n) > 0 && count_values(cells, n) < GD_REV_OUTCOMES &&
		gd_unreadable_cells(r->review, GD_REV_CELLS) == 0 && !review_groups_hold(r->review))
	{
		/* a piece under the row whose group totals fail: the rest of a number wrapped in its cell, maybe */
		mark_unknown(r->review, GD_REV_CELLS, cells[0].cell.line);
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, cells[0].cell.line,
					   "review table: a group's total fails as printed and %d values follow the row (line %u), the rest of a number wrapped in its cell, maybe; the row is left unknown",
					   count_values(cells, n), cells[0].cell.line);
		return false;
	}
	if (st->count >= GD_REV_CELLS || count_values(cells, n) == 0)
		return false;
	/* the header (结果维持 …) comes before the values: numbers before it are other cells (a PDF's reading order) */
	if (st->count == 0 && count_numbers(cells, n) > 0 && !gd_contains(label, len, "维持"))
		note_disorder(mt, cells[0].cell.line, "numbers come before the table's header");
	if (st->count == 0 && n == 1 && cells[0].glued && cells[0].span.len > 1)
	{
		fit_row(mt, cells, n, GD_REV_CELLS, review_group_totals, 3, false, NULL, "review table", r->review);
		st->count = GD_REV_CELLS;
		r->has_review = true;
		return true;
	}
	{
		/* blank cells of a whole row (15 or more printed) are its own down to 15: the first group's first may be blank */
		int			keep = st->count == 0 && n >= GD_REV_CELLS ? GD_REV_CELLS : GD_REV_OUTCOMES;
		int			held = keep == GD_REV_CELLS ? window_holding(cells, first, last, GD_REV_CELLS,
																 review_group_totals, 3, true) : -1;

		if (held >= 0)
		{
			first = held;		/* the blanks around it: where every group's total holds */
			last = held + GD_REV_CELLS;
		}
		while (first < last && cells[first].cell.state == GD_BLANK && last - first > keep)
			first++;
		while (last > first && cells[last - 1].cell.state == GD_BLANK && last - first > keep)
			last--;
	}
	if (st->count == 0 && last - first > GD_REV_CELLS)
	{
		review_row_without_spares(st, cells + first, last - first);
		return true;
	}
	if (st->npending > 0 && st->count > 0 && st->count < GD_REV_CELLS)
	{
		/* the row wrapped over the lines before it: so it does over the next ones, short or not, to its 15 cells */
		if (st->count + st->npending + (last - first) > GD_REV_CELLS)
		{
			st->pieces_overflow = true;
			return false;
		}
	}
	else if (last - first < GD_REV_OUTCOMES && !(st->cells_per_line && st->count > 0))
	{
		take_review_piece(st, cells + first, last - first);
		return false;			/* a stray number, not a row of the table, or a piece of one */
	}
	if (st->count == 0)
		for (int i = first; i < last && st->nrow < GD_REV_CELLS; i++)
			st->row[st->nrow++] = cells[i];
	before = st->count;
	for (int i = first; i < last && st->count < GD_REV_CELLS; i++)
		r->review[st->count++] = cells[i].cell;
	require_whole(mt, r->review + before, st->count - before, "review table");
	flag_unreadable(mt, r->review + before, st->count - before, "review table");
	r->has_review = true;
	first += st->count - before;	/* values left over on the line that completes the row */
	if (before > 0 && first < last && count_values(cells + first, last - first) > 0 && !review_groups_hold(r->review))
	{
		/* a row over lines that comes to more than 15 cells, a group's total failing: a number wrapped in its cell, maybe */
		mark_unknown(r->review, GD_REV_CELLS, cells[0].cell.line);
		gd_add_problem(r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
					   "review table: its lines hold more than 15 values (line %u) and a group's total fails as printed: a number wrapped in its cell, maybe; the row is left unknown",
					   cells[0].cell.line);
	}
	return true;
}


/* ---------- the active table ---------- */

typedef struct active_state
{
	match_target mt;
	const gd_active_item *items;
	bool		filled[16];
	bool		matched[16];	/* a row named the item, values or blanks */
	char		anchor[3];		/* the numeral of the last 第二十条第（N）项 passed (no NUL; [0] 0: none) */
} active_state;

/* Bytes of a cut item label's words, at least: two CJK characters ("行政" of 行政许可). */
#define CUT_ITEM_BYTES_MIN 6

/* Does the label of item it start with words[0..n) (n at least CUT_ITEM_BYTES_MIN)? */
static bool
item_label_starts(const gd_active_item *it, const char *words, size_t n)
{
	return n >= CUT_ITEM_BYTES_MIN && strlen(it->label) >= n && memcmp(it->label, words, n) == 0;
}

/*
 * The item whose label a label cut short starts ("行政许" of 行政许可): the row's own
 * words begin the label of exactly one item not yet filled; or, of several ("行政"),
 * the first listed under the last 第二十条第（N）项 passed, unless the words carried
 * before the row hold the same words (a line passed over that began so) or end with the
 * start of one of those (a row of blanks: its line is its label alone); -1 when not so.
 */
static int
item_of_cut_label(const active_state *st, const char *label, size_t len, size_t own_from)
{
	int			found = -1,
				nfound = 0,
				under = -1;

	for (int k = 0; st->items[k].phrases[0]; k++)
	{
		const gd_active_item *it = &st->items[k];

		if (st->filled[k] || !item_label_starts(it, label + own_from, len - own_from))
			continue;
		found = k;
		nfound++;
		if (under < 0 && memcmp(st->anchor, it->anchor, sizeof(st->anchor)) == 0)
			under = k;
	}
	if (nfound == 1 || under < 0)
		return nfound == 1 ? found : -1;
	/* a line passed over since began with the same words ("行政/罚" before "行政54"): which is which is not told */
	if (gd_find_bytes(label, own_from, label + own_from, len - own_from) != NULL)
		return -1;
	for (int k = under; st->items[k].phrases[0]; k++)
	{
		const gd_active_item *it = &st->items[k];

		if (st->filled[k] || memcmp(st->anchor, it->anchor, sizeof(st->anchor)) != 0 ||
			!item_label_starts(it, label + own_from, len - own_from))
			continue;
		for (size_t n = CUT_ITEM_BYTES_MIN; n <= own_from; n++)
			if (item_label_starts(it, label + own_from - n, n))
				return -1;
	}
	return under;
}

static bool
match_active_row(void *ctx, const char *label, size_t len, size_t own_from, const gd_grid_cell *cells, int n)
{
	active_state *st = ctx;
	match_target *mt = &st->mt;
	gd_report  *r = mt->r;
	int			item = -1;
	long		best = -1;
	const gd_active_item *it;
	int			nmeasures;
	const gd_active_measure *m = gd_active_measures(r->template_kind, &nmeasures);
	char		what[80];

	for (int k = 0; st->items[k].phrases[0]; k++)
	{
		if (st->filled[k])
			continue;
		for (int j = 0; j < GD_MAX_PHRASES && st->items[k].phrases[j]; j++)
		{
			long		e = gd_last_occurrence_end(label, len, st->items[k].phrases[j]);

			if (e > best)
			{
				best = e;
				item = k;
			}
		}
	}
	/* under the header's words, after any item's (or of no item the template has, 行政确认…): values before their label */
	if ((item < 0 || gd_contains(label + best, len - (size_t) best, "信息内容")) && count_numbers(cells, n) > 0 &&
		gd_contains(label, len, "信息内容"))
	{
		note_disorder(mt, cells[0].cell.line, "numbers stand under the header, before their item's label");
		return false;
	}
	{
		long		anchor = gd_last_occurrence_end(label, len, "第二十条第(");

		if (anchor >= 0 && (size_t) anchor + sizeof(st->anchor) <= len)
			memcpy(st->anchor, label + anchor, sizeof(st->anchor));
	}
	/* a line is a whole row there: words of the lines above it name no item of its own */
	if (mt->tokens_apart && best <= (long) own_from)
		item = -1;
	if (item < 0 && mt->tokens_apart && count_values(cells, n) > 0)
		item = item_of_cut_label(st, label, len, own_from);
	if (item < 0)
		return false;
	it = &st->items[item];
	if (count_values(cells, n) == 0 && (n != it->width || best <= (long) own_from))
		return false;			/* a header line, not a row of blanks */
	name_row(what, sizeof(what), "active item ", m[it->first].item);
	fit_row(mt, cells, n, it->width, NULL, 0, true, NULL, what, &r->active[it->first]);
	for (int i = 0; i < it->width; i++)
	{
		bool		money = strstr(m[it->first + i].measure, "amount") != NULL;

		if (!money)
			require_whole(mt, &r->active[it->first + i], 1, what);
	}
	flag_unreadable(mt, &r->active[it->first], it->width, what);
	/* a row of blanks may be a header line naming the item: a later row with values replaces it */
	st->filled[item] = count_values(cells, n) > 0;
	st->matched[item] = true;
	r->has_active = true;
	return true;
}

/* ---------- entry point ---------- */

/*
 * A row of a cell stream that ran on into other rows' cells, or values
 * before the first row's label, show the text is not in row order (a PDF's
 * reading order puts some values before their labels): no row of the table
 * can be trusted to hold its own cells.
 */
static bool
distrust_stream(match_target *mt, const gd_grid *g, const char *table)
{
	if (!g->cells_per_line || mt->disorder_line == 0)
		return false;
	mt->r->out_of_row_order = true;
	gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, mt->disorder_line,
				"%s: %s (line %u), so the text is not in row order; the table's cells are left unknown",
				table, mt->disorder, mt->disorder_line);
	return true;
}

/*
 * Row totals that fail in most rows read with all their cells: the columns
 * are not what they seem (a converter shifted or dropped some), not a few
 * slips of the office's arithmetic.  The table is left unknown.
 */
#define BROKEN_TOTALS_MIN 3

static void
distrust_broken_totals(gd_report *r)
{
	int			holds = 0,
				fails = 0;

	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		const gd_cell *c = r->requests[row];
		int64_t		sum = 0;
		bool		read = c[GD_REQ_COLS - 1].state == GD_NUMBER && c[GD_REQ_COLS - 1].scale == 0;

		for (int col = 0; col < GD_REQ_COLS - 1 && read; col++)
		{
			read = c[col].state == GD_NUMBER || c[col].state == GD_PLACEHOLDER || c[col].state == GD_BLANK;
			sum = gd_sum_add(sum, c[col].state == GD_NUMBER ? c[col].value : 0);
		}
		holds += read && sum == c[GD_REQ_COLS - 1].value;
		fails += read && sum != c[GD_REQ_COLS - 1].value;
	}
	if (fails < BROKEN_TOTALS_MIN || fails <= holds)
		return;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		if (r->requests[row][0].state != GD_ABSENT)
			mark_unknown(r->requests[row], GD_REQ_COLS, r->requests[row][0].line);
	gd_add_problem(r, GD_PROBLEM_ROW_LONG, 0,
				"requests: the row total fails in %d of %d rows read whole, so the columns are not what they seem (a converter shifted or dropped some); the table's cells are left unknown",
				fails, fails + holds);
}

/*
 * A requests row read as printed whose total fails, beside two numbers that
 * may be pieces of one (the first not 0)?  Blank cells and placeholders 0.
 */
static bool
may_hide_cut_number(const gd_cell *c)
{
	int64_t		sum = 0;
	bool		pieces = false;

	for (int col = 0; col < GD_REQ_COLS; col++)
	{
		if (c[col].inferred || (c[col].state != GD_NUMBER && c[col].state != GD_PLACEHOLDER && c[col].state != GD_BLANK) ||
			(c[col].state == GD_NUMBER && c[col].scale != 0))
			return false;
		if (col < GD_REQ_COLS - 1)
			sum = gd_sum_add(sum, c[col].state == GD_NUMBER ? c[col].value : 0);
		pieces = pieces || (col > 0 && c[col - 1].state == GD_NUMBER && c[col - 1].value > 0 && c[col].state == GD_NUMBER);
	}
	return pieces && sum != (c[GD_REQ_COLS - 1].state == GD_NUMBER ? c[GD_REQ_COLS - 1].value : 0);
}

/*
 * In a table whose other rows held only with numbers cut in pieces joined,
 * a row whose total fails as printed beside two numbers that may be pieces
 * is that number and a blank cell as likely as an office's slip (18 5 4 _ 2
 * 4 33 printed "1 8 5 4 2 4 33"): where the blank is, is not told.
 */
static void
distrust_cut_rows(const match_target *mt)
{
	for (int row = 0; row < GD_REQ_ROWS && mt->numbers_cut; row++)
	{
		gd_cell    *c = mt->r->requests[row];

		if (!may_hide_cut_number(c))
			continue;
		mark_unknown(c, GD_REQ_COLS, c[0].line);
		gd_add_problem(mt->r, GD_PROBLEM_ROW_LONG, c[0].line,
					"requests row %s: its total fails as printed (line %u) where other rows hold only with numbers cut in pieces joined; two of its numbers may be one beside a blank cell, so its cells are left unknown",
					gd_request_row_keys[row], c[0].line);
	}
}

/* Has a requests row's run of glued digits (no placeholder) no reading under its row total, into 7 cells or fewer? */
static bool
run_reads_nowhere(const gd_open_row *o)
{
	gd_cell		reading[GD_REQ_COLS];

	/* text laid out by byte width marks no blank cell: a cut into fewer cells is a reading too */
	return o->len > 0 && memchr(o->run, 'P', o->len) == NULL &&
		gd_glued_readings(o->run, o->len, GD_REQ_COLS, &gd_request_row_total, 1, false, reading, 1) == 0 &&
		!fewer_cells_fit(o->run, o->len, GD_REQ_COLS, 1, false);
}

/*
 * Does a requests row's run print exactly one zero or mark a cell ("0000|0|00")?  A value keeps
 * its first character wherever the next column writes over the rest, and no number starts with 0:
 * each is a whole cell, whichever reading placed them.
 */
static bool
run_is_zero_a_cell(const gd_open_row *o)
{
	int			cells = 0;

	for (int i = 0; i < o->len; i++)
	{
		if (o->run[i] != '0' && o->run[i] != 'P' && o->run[i] != '|')
			return false;
		cells += o->run[i] != '|';
	}
	return cells == GD_REQ_COLS;
}

/*
 * The pieces of a piece row's run from *pos that spell cell c as read: each continued piece's
 * digits into full[c] (the same in every row: where the column's width wraps a number), the
 * last's into widest[c] (no more than that).  False when they do not spell it.
 */
static bool
walk_pieces(const gd_open_row *o, const gd_cell *cell, int c, int *pos, int *full, int *widest)
{
	int			digits = 0,
				want = 0;

	if (*pos > 0 && *pos < o->len && (o->run[*pos] == '|' || o->run[*pos] == ':'))
		(*pos)++;
	if (cell->state == GD_BLANK)
		return true;
	if (cell->state == GD_PLACEHOLDER)
		return *pos < o->len && o->run[(*pos)++] == 'P';
	if (cell->state != GD_NUMBER || cell->value < 0)
		return false;
	for (int64_t v = cell->value; v > 0 || want == 0; v /= 10)
		want++;
	while (digits < want)
	{
		int			piece = 0;

		if (digits > 0 && *pos < o->len && o->run[*pos] == ':')
			(*pos)++;
		while (*pos < o->len && gd_is_digit(o->run[*pos]))
		{
			piece++;
			(*pos)++;
		}
		digits += piece;
		if (piece == 0 || digits > want)
			return false;
		if (digits < want && full[c] != 0 && full[c] != piece)
			return false;
		if (digits < want)
			full[c] = piece;
		else
			widest[c] = piece > widest[c] ? piece : widest[c];
	}
	return true;
}

/*
 * Rows read from pieces of numbers wrapped in their cells (piece_run): a column wraps a number
 * where its width ends, so every piece a cell goes on from holds as many digits, the same in
 * every row, and no cell of that column holds more on one line.  A piece row left partly unknown
 * is left unknown (its read cells unchecked so); where the widths disagree, every piece row is:
 * a row total met by chance in text that wraps nothing.
 */
static void
distrust_piece_columns(const requests_state *st, gd_report *r)
{
	int			full[GD_REQ_COLS] = {0},
				widest[GD_REQ_COLS] = {0};
	bool		agree = true,
				pieces = false;

	for (int row = 0; row < GD_REQ_ROWS && !pieces; row++)
		pieces = is_piece_run(&st->open[row]);
	if (!pieces)
		return;
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		const gd_open_row *o = &st->open[row];
		int			pos = 0;

		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			const gd_cell *cell = &r->requests[row][c];

			if (!is_piece_run(o))
			{
				int			digits = 0;

				/* (a cell the identities read, as joined pieces or cut digits, says nothing of its width) */
				for (int64_t v = cell->value; cell->state == GD_NUMBER && !cell->inferred && cell->scale == 0 && v > 0; v /= 10)
					digits++;
				widest[c] = digits > widest[c] ? digits : widest[c];
			}
			else if (gd_unreadable_cells(r->requests[row], GD_REQ_COLS) > 0)
			{
				mark_unknown(r->requests[row], GD_REQ_COLS, o->line);
				break;
			}
			else
				agree = agree && walk_pieces(o, cell, c, &pos, full, widest);
		}
	}
	for (int c = 0; c < GD_REQ_COLS; c++)
		agree = agree && (full[c] == 0 || widest[c] <= full[c]);
	for (int row = 0; row < GD_REQ_ROWS && !agree; row++)
		if (is_piece_run(&st->open[row]))
		{
			mark_unknown(r->requests[row], GD_REQ_COLS, st->open[row].line);
			gd_add_problem(r, GD_PROBLEM_ROW_LONG, st->open[row].line,
						   "requests row %s: read from numbers wrapped in their cells, but the columns' widths do not agree with the pieces (line %u); left unknown",
						   gd_request_row_keys[row], st->open[row].line);
		}
}

/*
 * Text laid out by byte width (tokens_apart): a value wider than its column loses digits under
 * the next column's, and what is left reads as glued digits that a row total may still cut by
 * chance.  Where some row's glued digits fit no reading (digits were lost), or a column's
 * equations fail, the cells the identities cut or placed there are left unknown.
 */
static void
distrust_lost_digits(const requests_state *st, gd_report *r)
{
	bool		lost = false,
				breaks[GD_REQ_COLS];

	for (int row = 0; row < GD_REQ_ROWS && !lost; row++)
		lost = run_reads_nowhere(&st->open[row]);
	for (int col = 0; col < GD_REQ_COLS; col++)
		breaks[col] = lost || gd_column_breaks(r, col);
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		int			dropped = 0;

		if (run_is_zero_a_cell(&st->open[row]))
			continue;
		/* the numbers; then, in a row whose reading lost some, the placeholders it placed too */
		for (int pass = 0; pass < 2 && (pass == 0 || dropped > 0); pass++)
			for (int col = 0; col < GD_REQ_COLS; col++)
			{
				gd_cell    *c = &r->requests[row][col];

				if (!breaks[col] || c->state != (pass == 0 ? GD_NUMBER : GD_PLACEHOLDER) || !c->inferred)
					continue;
				c->state = GD_UNREADABLE;
				c->value = 0;
				dropped++;
			}
		if (dropped > 0)
			gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, r->requests[row][0].line,
						"requests row %s: %d cells cut from glued digits or placed by the identities are left unknown: %s (text laid out by byte width, where a value wider than its column loses digits under the next)",
						gd_request_row_keys[row], dropped,
						lost ? "some row's glued digits fit no reading" : "their column's equations fail");
	}
}

/*
 * Is value cell c the rest of value cell prev, a number wrapped in its cell: digits alone on the line
 * right under prev's, digits alone on theirs, no empty line between ("１１４" / "６" in one paragraph)?
 */
static bool
continues_wrapped_number(const gd_text *tx, const gd_grid_cell *prev, const gd_grid_cell *c)
{
	size_t		prev_end = prev->span.off + prev->span.len;

	if (prev->cell.line == 0 || c->cell.line != prev->cell.line + 1 || c->cell.line > tx->nlines ||
		!digits_only(tx, &prev->span) || !digits_only(tx, &c->span))
		return false;
	for (size_t i = tx->lines[prev->cell.line - 1].start; i < tx->lines[c->cell.line - 1].end; i++)
		if (!gd_is_blank(tx->t[i]) && (i < prev->span.off || (i >= prev_end && i < c->span.off)))
			return false;		/* more than the two numbers on their lines */
	return tx->lines[prev->cell.line - 1].end + 1 == tx->lines[c->cell.line - 1].start;
}

/* The requests table's n values in order into r as its rows in template order; do all its identities hold? */
static bool
fill_by_position(gd_report *r, const gd_cell *values, int n)
{
	int			at = 0;

	memset(r->requests, 0, sizeof(r->requests));
	/* （六）其他处理 as one row: two rows fewer */
	r->other_undivided = n < GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS;
	for (int row = 0; row < GD_REQ_TEMPLATE_ROWS; row++)
	{
		int			to = r->other_undivided && row == GD_REQ_ROW_OTHER_FIRST ? GD_REQ_OTHER_UNDIVIDED : row;

		if (r->other_undivided && row > GD_REQ_ROW_OTHER_FIRST && row <= GD_REQ_ROW_OTHER_LAST)
			continue;
		for (int col = 0; col < GD_REQ_COLS; col++)
		{
			r->requests[to][col] = values[at++];
			r->requests[to][col].inferred = 1;
		}
	}
	return gd_requests_all_hold(r);
}

/* Do readings a and b give every cell the same number (a zero mark and a 0 alike: a moved 0 among zero marks)? */
static bool
same_reading(const gd_cell *a, const gd_cell *b, int n)
{
	for (int i = 0; i < n; i++)
		if ((a[i].state == GD_NUMBER ? a[i].value : 0) != (b[i].state == GD_NUMBER ? b[i].value : 0))
			return false;
	return true;
}

/*
 * values (n) with one value moved (a PDF's reading order puts a cell's block after the rows' labels:
 * "…13 1305 | 4 0 0 0 0 8 | labels | ４"): the one reading with a single value moved under which every
 * identity holds into values.  False when none does, or readings that differ do.
 */
static bool
move_one_value(gd_report *r, gd_cell *values, int n)
{
	gd_cell		moved[GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS],
				found[GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS];
	bool		any = false;

	for (int from = 0; from < n; from++)
		for (int to = 0; to < n; to++)
		{
			int			k = 0;

			if (to == from)
				continue;
			/* values[from] taken out and put back before the value now at index to of the rest */
			for (int i = 0; i < n; i++)
			{
				if (i == from)
					continue;
				if (k == to)
					moved[k++] = values[from];
				moved[k++] = values[i];
			}
			if (k == to)
				moved[k++] = values[from];
			if (!fill_by_position(r, moved, n))
				continue;
			if (any && !same_reading(found, moved, n))
				return false;
			memcpy(found, moved, sizeof(gd_cell) * (size_t) n);
			any = true;
		}
	if (any)
		memcpy(values, found, sizeof(gd_cell) * (size_t) n);
	return any;
}

/*
 * Cell c a line of numbers and spaces alone ("613 401 399"), words to the grid (its groups may be one
 * number's thousands): in text read by position, its numbers are that many cells, appended to values
 * (room for *n up to max) -- a wrong cut shifts every cell after it, which the identities then refuse.
 * False when c is no such line or the values would not fit.
 */
static bool
take_numbers_of_line(const gd_text *tx, const gd_grid_cell *c, gd_cell *values, bool *beside_label, int *n, int max)
{
	size_t		e = c->span.off + c->span.len,
				i = c->span.off;
	int			was = *n;

	if (c->kind != GD_GRID_TEXT || c->span.len == 0 || !gd_is_digit(tx->t[i]))
		return false;
	for (size_t k = i; k < e; k++)
		if (!gd_is_digit(tx->t[k]) && !gd_is_blank(tx->t[k]))
			return false;
	while (i < e)
	{
		size_t		ts = i;

		while (i < e && gd_is_digit(tx->t[i]))
			i++;
		if (*n == max || !gd_parse_value(tx->t + ts, i - ts, &values[*n]) || values[*n].state != GD_NUMBER)
		{
			*n = was;
			return false;
		}
		values[*n].line = c->cell.line;
		beside_label[(*n)++] = false;
		while (i < e && gd_is_blank(tx->t[i]))
			i++;
	}
	return true;
}

/*
 * Fewer values than the table has cells (n), or values beside label words out of place: the blank
 * cells left no mark, a value printed on a label's line may be any row's first, and the last ntail
 * (after the table's last words) any row's cells.  The one reading
 * gd_read_unmarked_blanks finds into r, with (六) as three rows or, when n allows, as one; false
 * when neither or both give a reading.
 */
static bool
read_with_unmarked_blanks(const gd_text *tx, gd_report *r, const gd_cell *values, const bool *beside_label, int n,
						  int ntail)
{
	gd_cell		divided[GD_REQ_ROWS][GD_REQ_COLS];
	bool		as_divided = gd_read_unmarked_blanks(tx, r, values, beside_label, n, ntail, false);

	if (n > (GD_REQ_TEMPLATE_ROWS - 2) * GD_REQ_COLS)
		return as_divided;
	memcpy(divided, r->requests, sizeof(divided));
	if (gd_read_unmarked_blanks(tx, r, values, beside_label, n, ntail, true))
		return !as_divided;		/* both: which rows the table has is unknown */
	memcpy(r->requests, divided, sizeof(divided));
	r->other_undivided = false;
	return as_divided;
}

/*
 * Text out of row order (a PDF's text in reading order, pdftotext with no mode flag: rows' labels in
 * blocks apart from their values), where a blank cell leaves no mark: when exactly as many values as
 * the table has cells were printed, and every identity of the table holds (row totals and both column
 * equations) with them taken in order as its rows in template order, they are its cells, marked
 * inferred; so are they when one value moved, and one reading alone, makes every identity hold.
 * Otherwise r's cells stay as they were and false is returned.
 */
static bool
read_by_position(requests_state *st, const gd_grid *g)
{
	gd_report  *r = st->mt.r;
	const gd_text *tx = st->mt.tx;
	gd_cell		values[GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS];
	bool		beside_label[GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS];
	gd_cell		saved[GD_REQ_ROWS][GD_REQ_COLS];
	bool		saved_undivided = r->other_undivided;
	const gd_grid_cell *prev = NULL;
	int			n = 0,
				after_words = 0;
	bool		whole;

	if (!g->cells_per_line || !g->blanks_unprinted || g->glued)
		return false;
	for (size_t k = 0; k < g->ncells; k++)
	{
		const gd_grid_cell *c = &g->cells[k];

		if (c->kind != GD_GRID_VALUE)
		{
			if (take_numbers_of_line(tx, c, values, beside_label, &n, GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS))
				prev = NULL;
			else if (c->kind == GD_GRID_TEXT)
				after_words = n;
			continue;
		}
		if ((c->cell.state != GD_NUMBER && c->cell.state != GD_PLACEHOLDER) || c->cell.scale != 0)
			return false;
		if (prev != NULL && prev->cell.state == GD_NUMBER && continues_wrapped_number(tx, prev, c) &&
			values[n - 1].value < INT64_C(100000000) && c->span.len < 9)
		{
			for (size_t i = 0; i < c->span.len; i++)
				values[n - 1].value = values[n - 1].value * 10 + (tx->t[c->span.off + i] - '0');
			prev = NULL;		/* a number in two pieces at most */
			continue;
		}
		if (n == GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS)
			return false;
		beside_label[n] = (k > 0 && c[-1].kind == GD_GRID_TEXT && c[-1].cell.line == c->cell.line) ||
			(k + 1 < g->ncells && c[1].kind == GD_GRID_TEXT && c[1].cell.line == c->cell.line);
		values[n++] = c->cell;
		prev = c;
	}
	memcpy(saved, r->requests, sizeof(saved));
	whole = n == GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS || n == (GD_REQ_TEMPLATE_ROWS - 2) * GD_REQ_COLS;
	if (!(whole && (fill_by_position(r, values, n) || (move_one_value(r, values, n) && fill_by_position(r, values, n)))) &&
		!read_with_unmarked_blanks(tx, r, values, beside_label, n, n - after_words))
	{
		memcpy(r->requests, saved, sizeof(saved));
		r->other_undivided = saved_undivided;
		return false;
	}
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		st->filled[row] = r->requests[row][0].state != GD_ABSENT;
		st->open[row].nvalues = st->open[row].len = 0;
	}
	r->has_requests = true;
	return true;
}

void
gd_match_requests(const gd_text *tx, const gd_grid *g, gd_report *r, bool *rows_found)
{
	requests_state st;
	int			problems_before = r->problem_count;

	memset(&st, 0, sizeof(st));
	st.mt = target_of(tx, g, r);
	st.cur = -1;
	st.short_row = -1;
	st.guess_first = -1;
	st.placed_row = -1;
	st.cells_per_line = g->cells_per_line;
	st.no_columns = g->no_columns;
	assemble(tx, g, match_request_row, &st, true, GD_REQ_COLS);
	if (st.lead_piece_line > 0)
		note_disorder(&st.mt, st.lead_piece_line, "numbers come before the first row's label");
	if (st.mt.disorder_line > 0 && read_by_position(&st, g))
	{
		/* what the row by row reading said of its rows is not so: every cell is read or in doubt */
		r->problem_count = problems_before;
		r->out_of_row_order = true;
		gd_report_unmarked_doubts(r);
	}
	else if (distrust_stream(&st.mt, g, "requests"))
	{
		for (int row = 0; row < GD_REQ_ROWS; row++)
		{
			st.open[row].nvalues = st.open[row].len = 0;
			if (st.filled[row])
				mark_unknown(r->requests[row], GD_REQ_COLS, st.open[row].line);
		}
	}
	distrust_cut_rows(&st.mt);
	gd_solve_open_rows(tx, st.open, r);
	distrust_piece_columns(&st, r);
	if (g->tokens_apart)
		distrust_lost_digits(&st, r);
	distrust_broken_totals(r);
	memcpy(rows_found, st.filled, sizeof(st.filled));
}

/* Lines of words between the review table's region and its cells printed after it (the next sections' headings and paragraphs). */
#define REVIEW_SPILL_WORD_LINES 8

/*
 * A PDF's text in reading order (a cell a paragraph, pdftotext with no mode flag) may print the
 * review table's last cells where its page's blocks end: after the next section's heading and first
 * paragraph, a line each.  When such a run (two values or more, right after at most
 * REVIEW_SPILL_WORD_LINES lines of words) is exactly the cells the table lacks, and every group's
 * total then holds, they are its last cells (inferred).
 */
static bool
review_goes_on_after(review_state *st, const gd_text *tx, const gd_grid *g)
{
	gd_cell		cells[GD_REV_CELLS];
	int			n = st->count,
				words = 0;

	if (!g->cells_per_line || g->ncells == 0 || st->nrow != st->count)
		return false;
	memcpy(cells, st->mt.r->review, sizeof(gd_cell) * (size_t) n);
	for (size_t li = g->cells[g->ncells - 1].cell.line; li < tx->nlines; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		gd_cell		c;

		while (s < e && (gd_is_blank(tx->t[s]) || tx->t[s] == '\f'))
			s++;
		while (e > s && gd_is_blank(tx->t[e - 1]))
			e--;
		if (s == e)
			continue;
		if (!gd_parse_value(tx->t + s, e - s, &c) || (c.state != GD_NUMBER && c.state != GD_PLACEHOLDER))
		{
			if (n > st->count || ++words > REVIEW_SPILL_WORD_LINES)
				break;
			continue;
		}
		if (n == GD_REV_CELLS)
			return false;		/* more values than the table lacks */
		c.line = (uint32_t) li + 1;
		c.inferred = 1;
		cells[n++] = c;
	}
	if (n != GD_REV_CELLS || n - st->count < 2 || !review_groups_hold(cells))
		return false;
	memcpy(st->mt.r->review, cells, sizeof(cells));
	return true;
}

/*
 * A short row after lines of values too short for a row (a wiki table
 * printed a cell a line, then a line of a group's blanks and its total):
 * the pieces are the row's first cells.  Together they make the row when
 * they come to its 15 cells and every group's total holds; otherwise which
 * cells the row's are is unknown (never placed from the left as if whole).
 */
static void
review_after_pieces(review_state *st)
{
	gd_report  *r = st->mt.r;

	if (st->npending + st->count == GD_REV_CELLS && !st->pieces_overflow)
	{
		gd_cell		joined[GD_REV_CELLS];

		memcpy(joined, st->pending, sizeof(gd_cell) * (size_t) st->npending);
		memcpy(joined + st->npending, r->review, sizeof(gd_cell) * (size_t) st->count);
		if (review_groups_hold(joined))
		{
			memcpy(r->review, joined, sizeof(joined));
			return;
		}
	}
	mark_unknown(r->review, GD_REV_CELLS, st->pending[0].line);
	gd_add_problem(r, GD_PROBLEM_ROW_SHORT, st->pending[0].line,
				   "review table: %d values in lines too short for a row (line %u) before a row of %d cells; which cells they fill is unknown",
				   st->npending, st->pending[0].line, st->count);
}

/*
 * A review row of fewer runs than cells in text laid out by byte width: the
 * cells its readings print alike (gd_decode_review_bytes), the others
 * unknown; none where a reading has a blank cell.  False when no reading
 * keeps the groups' totals.
 */
static bool
review_by_bytes(review_state *st, const gd_text *tx)
{
	gd_report  *r = st->mt.r;
	gd_cell		read[GD_REV_CELLS];
	uint32_t	line = st->row[0].cell.line;
	bool		blank;
	int			unknown = 0;

	if (!gd_decode_review_bytes(tx, st->row, st->nrow, read, &blank))
		return false;
	if (blank)
	{
		mark_unknown(r->review, GD_REV_CELLS, line);
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, line,
					"review table: %d runs of values for 15 cells (line %u) in text laid out by byte width, and a reading with a blank cell keeps every group's total; which cells are blank is unknown",
					st->nrow, line);
		return true;
	}
	for (int k = 0; k < GD_REV_CELLS; k++)
		unknown += read[k].state == GD_UNREADABLE;
	memcpy(r->review, read, sizeof(read));
	if (unknown > 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, line,
					"review table: values cut under the next column's (line %u) in text laid out by byte width; the %d cells the readings keeping every group's total disagree on are left unknown",
					line, unknown);
	return true;
}

void
gd_match_review(const gd_text *tx, const gd_grid *g, gd_report *r)
{
	review_state st;

	memset(&st, 0, sizeof(st));
	st.mt = target_of(tx, g, r);
	st.cells_per_line = g->cells_per_line;
	assemble(tx, g, match_review_row, &st, true, 0);
	if (st.count == 0 && st.npending >= GD_REV_OUTCOMES)
	{
		/* values only in lines too short for a row, a group's worth or more, never its 15 cells (blanks unmarked) */
		r->has_review = true;
		mark_unknown(r->review, GD_REV_CELLS, st.pending[0].line);
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, st.pending[0].line,
					"review table: %d values printed in lines too short for a row (line %u), not its 15 cells; which cells they fill is unknown",
					st.npending, st.pending[0].line);
	}
	else if (distrust_stream(&st.mt, g, "review table"))
		mark_unknown(r->review, st.count, r->review[0].line);
	else if (st.count == GD_REV_CELLS && review_groups_all_fail(r->review))
	{
		/* every group's total fails: the cells are not in their columns (empty lines that separate, not blanks) */
		mark_unknown(r->review, GD_REV_CELLS, r->review[0].line);
		gd_add_problem(r, GD_PROBLEM_ROW_LONG, r->review[0].line,
					"review table: no group's total is the sum of its four (line %u), so the cells are not in their columns; they are left unknown",
					r->review[0].line);
	}
	else if (st.count == GD_REV_CELLS && g->cells_per_line && r->out_of_row_order && !review_groups_hold(r->review))
	{
		/* the text moved another table's values out of their rows: a group failing may be this one's, moved */
		mark_unknown(r->review, GD_REV_CELLS, r->review[0].line);
		gd_add_problem(r, GD_PROBLEM_ROW_LONG, r->review[0].line,
					"review table: a group's total is not the sum of its four (line %u) in text whose cells come out of row order elsewhere; they are left unknown",
					r->review[0].line);
	}
	else if (st.count > 0 && st.count < GD_REV_CELLS && st.npending > 0)
		review_after_pieces(&st);
	/*
	 * a short table whose cells end inside a group (cut off, or blanks
	 * unmarked), or tokens of text aligned by spaces (a blank cell leaves no
	 * token, whole groups or not): which cells they are is not known
	 */
	else if (st.count > 0 && st.count < GD_REV_CELLS &&
			 (g->blanks_unprinted || st.count % GD_REV_OUTCOMES != 0 || split_by_spaces(st.row, st.nrow)))
	{
		uint32_t	line = r->review[0].line;
		gd_cell		placed[GD_REV_CELLS];

		if (g->tokens_apart && st.nrow == st.count && review_by_bytes(&st, tx))
			return;
		if (review_goes_on_after(&st, tx, g))
			return;

		/* the columns of a renderer's header words place the values, if every group's total then holds */
		if (st.nrow == st.count && g->ncells > 0 &&
			gd_place_under_header(tx, st.row, st.nrow, GD_REV_CELLS, g->cells[0].cell.line, review_header_words,
								  placed) && review_groups_hold(placed))
		{
			memcpy(r->review, placed, sizeof(placed));
			return;
		}

		mark_unknown(r->review, st.count, line);
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, line,
					"review table: %d of 15 cells printed (line %u) %s; which columns they belong to is unknown",
					st.count, line, g->blanks_unprinted ? "and this layout prints nothing for a blank cell" : "and they end inside a group");
	}
}

void
gd_match_active(const gd_text *tx, const gd_grid *g, gd_report *r)
{
	active_state st;
	int			problems_before = r->problem_count;
	bool		blanks_known = r->blanks_unmarked;

	for (int pass = 0; pass < 2; pass++)
	{
		memset(&st, 0, sizeof(st));
		st.mt = target_of(tx, g, r);
		st.items = r->template_kind == GD_TEMPLATE_2019 ? gd_active_items_2019 : gd_active_items_2021;
		assemble(tx, g, match_active_row, &st, false, 0);
		if (blanks_known || !r->blanks_unmarked)
			break;
		/* a row showed blank cells leave no mark after rows were cut as if every cell were printed: again, knowing it */
		blanks_known = true;
		r->problem_count = problems_before;
		memset(r->active, 0, sizeof(r->active));
	}
	if (distrust_stream(&st.mt, g, "active table"))
		for (int k = 0; st.items[k].phrases[0]; k++)
			if (st.filled[k])
				mark_unknown(&r->active[st.items[k].first], st.items[k].width, 0);
	for (int k = 0; r->has_active && st.items[k].phrases[0]; k++)
		if (!st.matched[k])
		{
			int			nmeasures;
			const gd_active_measure *m = gd_active_measures(r->template_kind, &nmeasures);

			/* blank cells, or a value glued between its label and the next ("行政许可无第二十条") */
			gd_add_problem(r, GD_PROBLEM_ROW_MISSING, 0,
						   "active item %s (%s): no row with its values was found (its cells blank, or not read)",
						   m[st.items[k].first].item, st.items[k].phrases[0]);
		}
}

void
gd_report_missing(gd_report *r, const bool *request_rows_found)
{
	if (!r->has_active)
		gd_add_problem(r, GD_PROBLEM_TABLE_MISSING, 0, "active table (section 2, 主动公开政府信息情况) was not found");
	if (!r->has_requests)
		gd_add_problem(r, GD_PROBLEM_TABLE_MISSING, 0, "requests table (section 3, 收到和处理政府信息公开申请情况) was not found");
	else
		for (int k = 0; k < GD_REQ_TEMPLATE_ROWS; k++)
		{
			if (request_rows_found[k] ||
				(r->other_undivided && k >= GD_REQ_ROW_OTHER_FIRST && k <= GD_REQ_ROW_OTHER_LAST))
				continue;
			gd_add_problem(r, GD_PROBLEM_ROW_MISSING, 0, "requests row %s (%s) was not found",
						   gd_request_row_keys[k], gd_request_row_labels[k]);
		}
	if (!r->has_review)
		gd_add_problem(r, GD_PROBLEM_TABLE_MISSING, 0, "review table (section 4, 行政复议、行政诉讼情况) was not found");
	else
	{
		int			got = 0;

		for (int k = 0; k < GD_REV_CELLS; k++)
			got += r->review[k].state != GD_ABSENT;
		if (got < GD_REV_CELLS)
			gd_add_problem(r, GD_PROBLEM_ROW_SHORT, 0, "review table: only %d of 15 cells were found", got);
	}
}
