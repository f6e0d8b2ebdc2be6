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

#include <limits.h>
#include <string.h>

#define HEADER_LINES_MAX 12		/* words over a table's first row searched for its start */

/* Bytes of the decimal digit at t[i] (before e), ASCII or full-width (０..９); 0 for none. */
static size_t
digit_bytes(const char *t, size_t i, size_t e)
{
	if (gd_is_digit(t[i]))
		return 1;
	return (unsigned char) t[i] == 0xEF && i + 2 < e && (unsigned char) t[i + 1] == 0xBC &&
		(unsigned char) t[i + 2] >= 0x90 && (unsigned char) t[i + 2] <= 0x99 ? 3 : 0;
}

/*
 * Might a digit start among the eight bytes at s: one of them an ASCII digit (a byte between
 * '0' - 1 and '9' + 1, tested on all eight at once) or 0xEF (the first byte of a full-width digit)?
 */
static inline bool
may_start_digit(const char *s)
{
	uint64_t	w,
				low,
				ef;

	memcpy(&w, s, sizeof(w));
	low = w & GD_BYTES_OF(0x7F);
	ef = w ^ GD_BYTES_OF(0xEF);
	return (((GD_BYTES_OF(0x7F + '9' + 1) - low) & ~w & (low + GD_BYTES_OF(0x7F - ('0' - 1)))) |
			((ef - GD_BYTES_OF(0x01)) & ~ef)) & GD_BYTES_OF(0x80);
}

/* Does t[s..e) hold a digit, ASCII or full-width (a line with none holds no piece)? */
static bool
has_digit(const char *t, size_t s, size_t e)
{
	size_t		i = s;

	/* the words of a label, eight bytes a step */
	while (i + 8 <= e && !may_start_digit(t + i))
		i += 8;
	for (; i < e; i++)
		if (digit_bytes(t, i, e) > 0)
			return true;
	return false;
}

/* Only decimal digits, ASCII or full-width. */
static bool
all_digits(const char *t, size_t s, size_t e)
{
	size_t		k;

	if (s == e)
		return false;
	for (; s < e; s += k)
		if ((k = digit_bytes(t, s, e)) == 0)
			return false;
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
	size_t		i = s;

	if (gd_numeral_item_at(t + s, e - s) > 0)
		return true;
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

/*
 * Index of the row token whose cell the piece at col sits in, -1 left of them all; -2 when none
 * can be: a cell's lines start in its column (columns as printed), so a piece starting elsewhere
 * is no rest of the token before it.
 */
static int
cell_above(const gd_col_token *row, int nrow, int col)
{
	int			above = -1;

	for (int k = 0; k < nrow; k++)
		if (row[k].col <= col)
			above = k;
	if (above >= 0 && col != row[above].col)
		return -2;
	return above;
}

/* Index of the row's label: its last token before its first value; -1 when a value opens the row. */
static int
row_label(const gd_text *tx, const gd_col_token *row, int nrow)
{
	int			label = -1;
	gd_cell		v;

	while (label + 1 < nrow && !gd_parse_value(tx->t + row[label + 1].s, row[label + 1].e - row[label + 1].s, &v))
		label++;
	return label;
}

/*
 * cell_above for a token under the row, but words left of the row's label that start in no
 * column of the row (-2) are -1: a group label's piece, its cell spanning its rows' lines
 * ("果  （四）  关政府信息" under "度办理结  1.本机关不掌握相": the inner group starts its own column).
 */
static int
cell_under(const gd_text *tx, const gd_col_token *row, int nrow, const gd_col_token *tok)
{
	int			above = cell_above(row, nrow, tok->col),
				label = row_label(tx, row, nrow);

	if (above == -2 && label >= 0 && tok->end_col <= row[label].col && !all_digits(tx->t, tok->s, tok->e))
		return -1;
	return above;
}

/*
 * Is tok a group label's piece beside the row: words ending left of where the row's label starts
 * (group_col; -1: no such words are looked for)?  A group's cell spans its rows' lines, so its words
 * share the lines of their pieces ("三、本年  ０  １  ７" under "1.本机关不掌握…  ６  ０  ４").
 */
static bool
group_word(const gd_text *tx, const gd_col_token *tok, int group_col)
{
	return group_col >= 0 && tok->end_col <= group_col && !all_digits(tx->t, tok->s, tok->e);
}

/* Is the token a placeholder mark alone ("—", "/", "无"): a cell's value, no digit? */
static bool
is_mark(const gd_text *tx, const gd_col_token *tok)
{
	gd_cell		v;

	return gd_parse_value(tx->t + tok->s, tok->e - tok->s, &v) && v.state == GD_PLACEHOLDER;
}

static const gd_col_token *cached_tokens(const gd_text *tx, size_t li, gd_piece_cache *cache, int *n);
/* Display columns of a token's last character (a digit's: one, or two for a full-width one). */
static int
last_char_width(const gd_text *tx, const gd_col_token *tk)
{
	size_t		last = tk->e - 1;

	while (last > tk->s && ((unsigned char) tx->t[last] & 0xC0) == 0x80)
		last--;
	return (int) gd_display_width(tx, last, tk->e);
}

/*
 * Are the n tokens of a line over the row (nrow tokens) the first pieces of its numbers: every one
 * digits alone starting in the column of one of the row's numbers, and filling its cell (the next
 * token right of it, on either line, within a separator and one more digit of its end: a number
 * wraps only where its cell is full)?  Each into top[k] of its number.  Words before them are a
 * group label's piece (group_word), or, where label is given, the first line of the row's label
 * when they start in its column (group_col) and fill its cell: a cell centred round a label of two
 * lines prints its first piece beside the label's first line and a one-line cell beside its second.
 */
static bool
top_pieces(const gd_text *tx, const gd_col_token *row, int nrow, const gd_col_token *tok, int n, int group_col,
		   gd_span *top, gd_span *label)
{
	int			pieces = 0;

	for (int k = 0; k < nrow; k++)
		top[k] = (gd_span) {0, 0};
	for (int j = 0; j < n; j++)
	{
		int			above = cell_above(row, nrow, tok[j].col),
					next = j + 1 < n ? tok[j + 1].col : INT_MAX;

		if (group_word(tx, &tok[j], group_col))
			continue;
		if (label != NULL && pieces == 0 && !all_digits(tx->t, tok[j].s, tok[j].e) &&
			(label->len > 0 || tok[j].col == group_col))
		{
			/* the label's words, up to its first value's column */
			if (above < 0 || all_digits(tx->t, row[above].s, row[above].e) ||
				(above + 1 < nrow && row[above + 1].col - tok[j].end_col > 1 + last_char_width(tx, &tok[j])))
				return false;
			if (label->len == 0)
				label->off = tok[j].s;
			label->len = tok[j].e - label->off;
			continue;
		}
		if (above < 0 || !all_digits(tx->t, tok[j].s, tok[j].e) || !all_digits(tx->t, row[above].s, row[above].e))
			return false;
		if (above + 1 < nrow && row[above + 1].col < next)
			next = row[above + 1].col;
		if (next != INT_MAX && next - tok[j].end_col > 1 + last_char_width(tx, &tok[j]))
			return false;
		top[above] = (gd_span) {tok[j].s, tok[j].e - tok[j].s};
		pieces++;
	}
	return pieces > 0;
}

/* Does a token of a line open a row's label with its item number? */
static bool
words_open_item(const gd_text *tx, const gd_col_token *tok, int n)
{
	for (int k = 0; k < n; k++)
		if (opens_item(tx->t, tok[k].s, tok[k].e))
			return true;
	return false;
}

/* Are the n tokens of a line all a group label's pieces (group_word)? */
static bool
group_words_alone(const gd_text *tx, const gd_col_token *tok, int n, int group_col)
{
	for (int j = 0; j < n; j++)
		if (!group_word(tx, &tok[j], group_col))
			return false;
	return n > 0;
}

static bool number_piece(const char *t, size_t s, size_t e);

/*
 * Might the pieces of a line of n tokens go on the numbers of the line over it (nover tokens): each
 * under one in its column filling its cell (the row's next column within a separator and one more
 * digit of its end: a number wraps only where its cell is full)?  If one cannot, the line is no
 * part of the row over it (rows take lines of their own), so it opens the next.
 */
static bool
go_on_over(const gd_text *tx, const gd_col_token *row, int nrow, const gd_col_token *over, int nover,
		   const gd_col_token *tok, int n)
{
	for (int j = 0; j < n; j++)
	{
		int			above = cell_above(row, nrow, tok[j].col),
					k = 0;

		if (above < 0 || !all_digits(tx->t, tok[j].s, tok[j].e))
			continue;
		while (k < nover && over[k].col != tok[j].col)
			k++;
		if (k == nover || !number_piece(tx->t, over[k].s, over[k].e) ||
			(above + 1 < nrow && row[above + 1].col - over[k].end_col > 1 + last_char_width(tx, &over[k])))
			return false;
	}
	return true;
}

static bool joined_total_holds(const gd_text *tx, size_t li, const gd_col_token *row, int nrow, const gd_wrap *w,
							   int nabove, size_t end);

/*
 * How many lines straight over row line li hold the first pieces of its numbers (top_pieces, into
 * w->top in line order), with only words over them up to a blank line (the header), a line the
 * row above read as its cells' (lines before first), or a line some piece of theirs cannot go on;
 * 0 for none, or when numbers are over them too (the rest of the row above, maybe).
 */
static int
top_lines(const gd_text *tx, size_t li, size_t first, const gd_col_token *row, int nrow, int group_col, gd_wrap *w)
{
	gd_col_token tok[GD_LINE_TOKENS_MAX],
				top[GD_LINE_TOKENS_MAX];
	int			ntop = 0,
				ntok = 0,
				label = row_label(tx, row, nrow);
	/* a row's label whose line opens no item may have begun a line higher */
	bool		label_above = label >= 0 && row[label].col == group_col && !opens_item(tx->t, row[label].s, row[label].e);

	w->top_label = (gd_span) {0, 0};
	for (size_t up = li; up-- > 0 && !gd_only_blanks(tx->t, tx->lines[up].start, tx->lines[up].end);)
	{
		int			n;

		if (up < first)
			break;				/* the row above read that line as its cells' */
		n = gd_line_tokens(tx, up, tok, GD_LINE_TOKENS_MAX);
		if (n < 0 || li - up > HEADER_LINES_MAX)
			return 0;
		if (ntop == (int) (li - up - 1) && ntop < GD_WRAP_LINES_MAX &&
			top_pieces(tx, row, nrow, tok, n, group_col, w->top[GD_WRAP_LINES_MAX - 1 - ntop],
					   ntop == 0 && label_above ? &w->top_label : NULL))
		{
			ntop++;
			memcpy(top, tok, sizeof(tok[0]) * (size_t) n);
			ntok = n;
		}
		else if (ntop > 0 && (group_words_alone(tx, tok, n, group_col) ||
							  (ntop == (int) (li - up - 1) &&
							   (!go_on_over(tx, row, nrow, tok, n, top, ntok) ||
								joined_total_holds(tx, up, tok, n, NULL, 0, up + 1)))))
			break;				/* a group label's piece between two rows' lines, or the row above's last line (whole: its total holds) */
		else if (ntop == 0 || has_digit(tx->t, tx->lines[up].start, tx->lines[up].end) ||
				 words_open_item(tx, tok, n))
			return 0;			/* a row's label over them may be the row they are */
	}
	/* top[] was filled from its last slot up: the first line over the row first */
	memmove(w->top, w->top + GD_WRAP_LINES_MAX - ntop, sizeof(w->top[0]) * (size_t) ntop);
	return ntop;
}

/*
 * Is a line of n tokens under line - 1 (the row's line li, or pieces under it) the next pieces of
 * the row's numbers, however many: each digits alone (or words under words), starting in the
 * column of a row's number, under a piece of it that fills its cell (a number wraps only where its
 * cell is full: the row's next column within a separator and one more digit of its end)?  In a
 * row's block closed by a blank line, or on its label's rest, such a line is no row of its own
 * (w3m and elinks print a tall cell's lines round its row's line).
 */
static bool
continues_row_pieces(const gd_text *tx, size_t li, size_t line, const gd_col_token *row, int nrow,
					 int group_col, const gd_col_token *tok, int n)
{
	gd_col_token own_prev[GD_LINE_TOKENS_MAX];
	const gd_col_token *prev = row;
	int			nprev = nrow;

	if (line - 1 > li)
	{
		if ((nprev = gd_line_tokens(tx, line - 1, own_prev, GD_LINE_TOKENS_MAX)) < 0)
			return false;
		prev = own_prev;
	}
	for (int j = 0; j < n; j++)
	{
		int			above = cell_under(tx, row, nrow, &tok[j]),
					k = 0;

		if (group_word(tx, &tok[j], group_col))
			continue;
		if (above == -2)
			return false;
		if (!all_digits(tx->t, tok[j].s, tok[j].e))
		{
			/* words under words (the rest of the row's label, a group label's piece), no value */
			if (above >= 0 && all_digits(tx->t, row[above].s, row[above].e))
				return false;
			continue;
		}
		if (above < 0)
			return false;
		while (k < nprev && prev[k].col != tok[j].col)
			k++;
		if (k == nprev || !all_digits(tx->t, prev[k].s, prev[k].e) ||
			(above + 1 < nrow && row[above + 1].col - prev[k].end_col > 1 + last_char_width(tx, &prev[k])))
			return false;
	}
	return n > 0;
}

/* Does one of lines from..to hold a digit? */
static bool
digits_between(const gd_text *tx, size_t from, size_t to)
{
	for (size_t l = from; l < to; l++)
		if (has_digit(tx->t, tx->lines[l].start, tx->lines[l].end))
			return true;
	return false;
}

/* Does line under hold digits, each going on a number of the row's line li over it (continues_row_pieces)? */
static bool
pieces_go_on(const gd_text *tx, size_t li, size_t under, const gd_col_token *row, int nrow, int group_col)
{
	gd_col_token tok[GD_LINE_TOKENS_MAX];
	int			n = under == li + 1 && under < tx->nlines ? gd_line_tokens(tx, under, tok, GD_LINE_TOKENS_MAX) : 0;

	return n > 0 && has_digit(tx->t, tx->lines[under].start, tx->lines[under].end) &&
		continues_row_pieces(tx, li, under, row, nrow, group_col, tok, n);
}

/*
 * Does a line of n tokens under the row hold the rest of the row's label: a word starting in the
 * column of the row's label, opening no item, where that label fills its cell (a label wraps only
 * where its cell is full)?  A row's cells span all its label's lines, so that line is the row's.
 */
static bool
holds_label_rest(const gd_text *tx, const gd_col_token *row, int nrow, const gd_col_token *tok, int n)
{
	int			label = row_label(tx, row, nrow),
				pieces = 0;

	if (label < 0 || label + 1 >= nrow ||
		row[label + 1].col - row[label].end_col > 1 + last_char_width(tx, &row[label]))
		return false;
	for (int j = 0; j < n; j++)
		if (tok[j].col == row[label].col)
		{
			if (all_digits(tx->t, tok[j].s, tok[j].e) || opens_item(tx->t, tok[j].s, tok[j].e))
				return false;
			/*
			 * and pieces of some of the row's numbers beside it: words alone, or beside as many
			 * values as the row's, may be the next row's label
			 */
			for (int k = j + 1; k < n; k++)
				pieces += all_digits(tx->t, tok[k].s, tok[k].e);
			return pieces > 0 && pieces < nrow - label - 1;
		}
	return false;
}

static bool paged_text(const gd_piece_cache *cache);
/* Value tokens of a row the row-total test reads: a requests row's, some cells maybe blank. */
#define TOTAL_ROW_VALUES_MIN 5
/* Bytes of one number's pieces joined (digits and separators, full-width ones three bytes each). */
#define JOINED_BYTES_MAX 64
/* A joined number summed with a row's others and doubled stays inside int64_t (no count is near it). */
#define JOINED_VALUE_MAX (INT64_MAX / (4 * (int64_t) GD_REQ_COLS))

/*
 * Does the row on line li, its tokens row[0..nrow), joined with the pieces of w's nabove top lines and of
 * the lines under it up to end (exclusive), print its total as the sum of its other values: its
 * last value token the sum of the others (a mark adding nothing)?  Each number is the top pieces,
 * the row's token and the pieces under it starting in its column, in line order.  False for a row
 * of fewer than TOTAL_ROW_VALUES_MIN or more than GD_REQ_COLS values, or where a piece is no
 * digits.
 */
static bool
joined_total_holds(const gd_text *tx, size_t li, const gd_col_token *row, int nrow, const gd_wrap *w, int nabove,
				   size_t end)
{
	gd_col_token under[GD_WRAP_LINES_MAX][GD_LINE_TOKENS_MAX];
	int			nunder[GD_WRAP_LINES_MAX] = {0},
				values = 0;
	int64_t		sum = 0;
	gd_cell		c;

	if (end - li - 1 > GD_WRAP_LINES_MAX)
		return false;
	for (size_t l = li + 1; l < end; l++)
		if ((nunder[l - li - 1] = gd_line_tokens(tx, l, under[l - li - 1], GD_LINE_TOKENS_MAX)) < 0)
			return false;
	memset(&c, 0, sizeof(c));
	for (int k = 0; k < nrow; k++)
	{
		char		joined[JOINED_BYTES_MAX];
		size_t		len = 0;

		if (!number_piece(tx->t, row[k].s, row[k].e) && !is_mark(tx, &row[k]))
		{
			if (values > 0)
				return false;	/* words after a value: no row of values alone */
			continue;
		}
		for (int l = 0; l < nabove; l++)
			if (w->top[l][k].len > 0 && len + w->top[l][k].len <= sizeof(joined))
			{
				memcpy(joined + len, tx->t + w->top[l][k].off, w->top[l][k].len);
				len += w->top[l][k].len;
			}
		if (len + (row[k].e - row[k].s) > sizeof(joined))
			return false;
		memcpy(joined + len, tx->t + row[k].s, row[k].e - row[k].s);
		len += row[k].e - row[k].s;
		for (size_t l = 0; l < end - li - 1; l++)
			for (int j = 0; j < nunder[l]; j++)
				if (under[l][j].col == row[k].col)
				{
					if (!all_digits(tx->t, under[l][j].s, under[l][j].e) ||
						len + (under[l][j].e - under[l][j].s) > sizeof(joined))
						return false;
					memcpy(joined + len, tx->t + under[l][j].s, under[l][j].e - under[l][j].s);
					len += under[l][j].e - under[l][j].s;
				}
		if (!gd_parse_value(joined, len, &c) || c.scale != 0 || (c.state != GD_NUMBER && c.state != GD_PLACEHOLDER) ||
			c.value > JOINED_VALUE_MAX || c.value < -JOINED_VALUE_MAX)
			return false;
		if (c.state == GD_NUMBER)
			sum += c.value;		/* the total's too: the others' sum is half the whole */
		values++;
	}
	return values >= TOTAL_ROW_VALUES_MIN && values <= GD_REQ_COLS && c.state == GD_NUMBER && sum == 2 * c.value;
}

/*
 * Does line li open a row's label with its item number, the label column being col: its first
 * token reaching past col ("1.属于国家秘密" of a sub-item, "（六）其他处理" of a row without
 * sub-items; a group label's piece ends left of it)?
 */
static bool
opens_in_column(const gd_text *tx, size_t li, int col)
{
	gd_col_token tok[GD_LINE_TOKENS_MAX];
	int			n = li < tx->nlines ? gd_line_tokens(tx, li, tok, GD_LINE_TOKENS_MAX) : 0;

	for (int k = 0; k < n; k++)
		if (tok[k].end_col > col)
			return opens_item(tx->t, tok[k].s, tok[k].e);
	return false;
}

bool
gd_wrapped_pieces(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_wrap *w, gd_piece_cache *cache)
{
	gd_col_token under[GD_LINE_TOKENS_MAX];
	int			nrow,
				row_digits = 0,
				group_col = -1,
				label_col;
	const gd_col_token *row = cached_tokens(tx, li, cache, &nrow);
	size_t		last = li + 1,
				first_full = 0;	/* the first line under the row with as many numbers as a row: its pieces or the next row */
	bool		next_row_follows = false,
				next_opens,
				row_labelled;

	if (row == NULL || nrow < 3)
		return false;
	row_labelled = !all_digits(tx->t, row[0].s, row[0].e);
	for (int k = 0; k < nrow; k++)
		row_digits += number_piece(tx->t, row[k].s, row[k].e);	/* "56,284" too */
	if (row_digits < 2)
		return false;			/* not a row of numbers */
	if (row_labelled)
		group_col = row[row_label(tx, row, nrow)].col;
	label_col = group_col;
	w->nabove = top_lines(tx, li, first, row, nrow, group_col, w);
	if (w->nabove == 0)
		w->top_label = (gd_span) {0, 0};
	/*
	 * under a row with top pieces, words left of its label are a group label's piece, even one
	 * opening its item ("三、本年"): a cell centred round the label's line prints as many lines
	 * under it as over it, so no next row starts there
	 */
	if (w->nabove == 0)
		group_col = -1;
	for (size_t up = li; w->nabove == 0 && up-- > 0 && !gd_only_blanks(tx->t, tx->lines[up].start, tx->lines[up].end);)
	{
		int			nup,
					digits = 0,
					marks = 0;

		if (up < first)
			break;				/* the row above read that line as its cells' */
		nup = gd_line_tokens(tx, up, under, GD_LINE_TOKENS_MAX);
		for (int j = 0; j < nup; j++)
		{
			digits += all_digits(tx->t, under[j].s, under[j].e);
			marks += is_mark(tx, &under[j]);
		}
		/*
		 * numbers alone straight over the row (no label among them): the tops of its cells that
		 * top_lines could not place (a blank cell beside one), or a row above whose label is
		 * elsewhere; which is not told, so the pieces under the row are not joined either
		 */
		if (digits == nup && up + 1 == li)
			return false;
		if ((digits + marks) * 2 > row_digits)
			break;				/* the row above (its zeros maybe printed as marks: "０  /  /  ０") */
		/* a few numbers above the row too: pieces printed round it (PDF text), not wrapped in it */
		if (nup < 0 || digits > 0)
			return false;
		if (li - up >= GD_WRAP_LINES_MAX)
			break;				/* words only (a header): no piece of the row is further up */
	}
	/* the pieces end at a blank line, or where the next row starts (its numbers, or its item number) */
	while (last < end_line && last < tx->nlines &&
		   !gd_only_blanks(tx->t, tx->lines[last].start, tx->lines[last].end))
	{
		int			n = gd_line_tokens(tx, last, under, GD_LINE_TOKENS_MAX),
					digits = 0,
					group_words = 0;
		bool		item = false,
					group_item = false,
					continues;

		for (int j = 0; j < n; j++)
		{
			digits += all_digits(tx->t, under[j].s, under[j].e);
			if (group_word(tx, &under[j], group_col))
				group_words++;
			else if (group_word(tx, &under[j], label_col))
				group_item = group_item || opens_item(tx->t, under[j].s, under[j].e);
			else
				item = item || opens_item(tx->t, under[j].s, under[j].e);
		}
		/* a group label opening its item beside the rest of the row's label ("（四）  关政府信息  ２") opens no row */
		item = item || (group_item && !holds_label_rest(tx, row, nrow, under, n));
		/* a number goes on only under a piece of it that fills its cell: other digits are the next row's */
		continues = digits == 0 || continues_row_pieces(tx, li, last, row, nrow, group_col, under, n);
		if (digits * 2 > row_digits && !item && continues &&
			(digits + group_words == n || holds_label_rest(tx, row, nrow, under, n)))
		{
			if (digits < n)
				first_full = 0;	/* the row's label goes on: this line and those over it are the row's */
			else if (first_full == 0)
				first_full = last;	/* its pieces if a blank line closes them */
		}
		else if (digits * 2 > row_digits || item || !continues)
		{
			next_row_follows = true;
			break;
		}
		/* under a row with top pieces, the next row's may follow its own */
		if (++last - li > (size_t) (w->nabove > 0 ? 2 : 1) * GD_WRAP_LINES_MAX)
			return false;
	}
	/*
	 * a line of pieces going on the row's numbers read as the next row's (a group label opening its
	 * item beside them, "（五）  ５０  ７  ０  ７７"): the row's where its total holds only with it
	 */
	if (next_row_follows && w->nabove == 0 && first_full == 0 && last - li <= GD_WRAP_LINES_MAX &&
		pieces_go_on(tx, li, last, row, nrow, group_col) &&
		joined_total_holds(tx, li, row, nrow, w, 0, last + 1) && !joined_total_holds(tx, li, row, nrow, w, 0, last))
	{
		last++;
		next_row_follows = last < end_line && last < tx->nlines &&
			!gd_only_blanks(tx->t, tx->lines[last].start, tx->lines[last].end);
	}
	if (next_row_follows && w->nabove > 0)
	{
		/*
		 * pieces over the row and a row under them: a cell centred round its label's line prints
		 * as many lines under it as over it, or one more; lines with a digit over the next row,
		 * after one without, are that row's top pieces.  The rest are the row's if they are as many
		 * as those over it, or end in a line without a digit; else whose, not told.
		 */
		size_t		tops_start = last;

		while (tops_start > li + 1 && has_digit(tx->t, tx->lines[tops_start - 1].start, tx->lines[tops_start - 1].end))
			tops_start--;
		if (tops_start > li + 1)
			last = tops_start;
		if (last > li + 1 && last - li - 1 < (size_t) w->nabove)
		{
			/* fewer lines under it than over it: the farthest over it are the row above's last */
			int			drop = w->nabove - (int) (last - li - 1);

			w->nabove -= drop;
			memmove(w->top, w->top + drop, sizeof(w->top[0]) * (size_t) w->nabove);
		}
		if (last - li - 1 < (size_t) w->nabove || (tops_start == li + 1 && last - li - 1 > (size_t) w->nabove))
			return false;
	}
	else if (next_row_follows && first_full > 0 &&
			 !(joined_total_holds(tx, li, row, nrow, w, w->nabove, last) &&
			   !joined_total_holds(tx, li, row, nrow, w, w->nabove, first_full)))
		last = first_full;		/* whose those numbers are, this row's or the next's, is told by the row total alone */
	/* (where numbers wrap over or under the row: words alone under it are read with its label's lines) */
	next_opens = next_row_follows && row_labelled && opens_in_column(tx, last, row[row_label(tx, row, nrow)].col) &&
		(w->nabove > 0 || digits_between(tx, li + 1, last));
	w->nlines = (int) (last - li - 1);
	if ((w->nabove == 0 && w->nlines == 0) || w->nlines > GD_WRAP_LINES_MAX)
		return false;
	for (int l = 0; l < w->nlines; l++)
	{
		int			nunder = gd_line_tokens(tx, li + 1 + (size_t) l, under, GD_LINE_TOKENS_MAX),
					digits = 0;
		bool		label_rest;

		if (nunder < 0)
			return false;
		/* words opening no item over the next row's label, in its column: the rest of the row's */
		label_rest = (next_opens && !words_open_item(tx, under, nunder)) ||
			(next_row_follows && holds_label_rest(tx, row, nrow, under, nunder) &&
			continues_row_pieces(tx, li, li + 1 + (size_t) l, row, nrow, group_col, under, nunder));
		for (int k = 0; k < nrow; k++)
			w->piece[l][k] = (gd_span) {0, 0};
		w->lead[l] = (gd_span) {0, 0};
		for (int j = 0; j < nunder; j++)
		{
			int			above = cell_under(tx, row, nrow, &under[j]);
			bool		is_digits = all_digits(tx->t, under[j].s, under[j].e);
			gd_cell		v;
			gd_span    *slot;

			digits += is_digits;
			if (group_word(tx, &under[j], group_col))
				above = -1;		/* the lead, whatever row tokens a group label's piece starts under */
			else if (above == -2 || (above >= 0 && is_digits != all_digits(tx->t, row[above].s, row[above].e)))
				return false;	/* text under a number or a number under text */
			/*
			 * a PDF's text places each line's words by their glyphs' x: a piece that neither starts
			 * nor ends where a number of the row does may be another cell's (gd_wrap_suspect doubts them)
			 */
			if (paged_text(cache) && is_digits && above >= 0 &&
				under[j].col != row[above].col && under[j].end_col != row[above].end_col)
				return false;
			if (!is_digits && gd_parse_value(tx->t + under[j].s, under[j].e - under[j].s, &v))
				return false;	/* a value of another row */
			slot = above < 0 ? &w->lead[l] : &w->piece[l][above];
			/*
			 * label words between two rows may be either's, unless they go on with the row's label;
			 * not words left of the row's label (the group label's column: "（四" / "）无" beside a
			 * row's wrapped digits)
			 */
			if ((above < 0 && is_digits) ||
				(next_row_follows && !is_digits && !(above < 0 && row_labelled) && !label_rest))
				return false;
			if (slot->len == 0)
				*slot = (gd_span) {under[j].s, under[j].e - under[j].s};
			else
				slot->len = under[j].e - slot->off;	/* words of one cell: "2023 年" */
		}
		if (digits * 2 > row_digits && !continues_row_pieces(tx, li, li + 1 + (size_t) l, row, nrow, group_col, under, nunder))
			return false;		/* as many numbers as a row of its own */
	}
	return true;
}

/* Digits with the separators a number prints ("1," "３０" "0.5"): a piece of a number wrapped in its cell. */
static bool
number_piece(const char *t, size_t s, size_t e)
{
	bool		digit = false;

	for (size_t i = s; i < e; i++)
		if (gd_is_digit(t[i]))
			digit = true;
		else if (t[i] != ',' && t[i] != '.')
			return all_digits(t, s, e);
	return digit;
}

/* A line's tokens, how many are number pieces and values, and what its label words say. */
typedef struct piece_line
{
	size_t		line;			/* which line (the cache's key) */
	bool		has_pieces;		/* read_piece_line's answer */
	bool		tokenized;		/* tok and n hold the line's tokens (not so for a line without a digit) */
	gd_col_token tok[GD_LINE_TOKENS_MAX];
	int			n;
	int			pieces;
	int			values;			/* pieces and placeholders */
	bool		labelled;		/* some token is no value */
	bool		opens;			/* its last label word opens an item ("1.本机关…", "（七）总计") */
	int			label_col;		/* where its last label word starts */
	int			label_end_col;	/* and where it ends */
} piece_line;

/*
 * The lines gd_wrap_suspect read last: each line is read as a neighbour, as the row, and as a
 * neighbour again.  A call reads three lines at most; four slots keep its row's while it reads.
 */
#define PIECE_CACHE_LINES 4
struct gd_piece_cache
{
	piece_line	lines[PIECE_CACHE_LINES];
	int			next;			/* the slot to fill next */
	bool		paged;			/* the text's pages are broken by form feeds: a PDF's text */
};

/* Is the text a PDF's, its pages broken by form feeds? */
static bool
paged_text(const gd_piece_cache *cache)
{
	return cache->paged;
}

gd_piece_cache *
gd_piece_cache_new(const gd_text *tx)
{
	gd_piece_cache *c = gd_alloc(tx, sizeof(gd_piece_cache));

	for (int k = 0; k < PIECE_CACHE_LINES; k++)
		c->lines[k].line = SIZE_MAX;
	c->next = 0;
	c->paged = gd_has_page_breaks(tx);
	return c;
}

/* Line li into pl; false when it is blank, a page footer, too long or holds no piece. */
static bool
read_piece_line(const gd_text *tx, size_t li, piece_line *pl)
{
	size_t		s = tx->lines[li].start,
				e = tx->lines[li].end;
	int			last_label = -1;

	pl->line = li;
	pl->n = pl->pieces = pl->values = 0;
	pl->labelled = pl->opens = false;
	pl->has_pieces = pl->tokenized = false;
	if (!has_digit(tx->t, s, e))
		return false;
	/* tokenized with a digit, footer or not: gd_wrapped_pieces reads a row of numbers from the cache */
	pl->n = gd_line_tokens(tx, li, pl->tok, GD_LINE_TOKENS_MAX);
	pl->tokenized = true;
	if (gd_is_page_footer(tx->t, s, e))
		return false;
	for (int k = 0; k < pl->n; k++)
	{
		const gd_col_token *tk = &pl->tok[k];
		gd_cell		v;

		if (number_piece(tx->t, tk->s, tk->e))
			pl->pieces++;
		/* a placeholder ("—", "无") or a zero typed 〇 is a value, not a label word */
		else if (!gd_parse_value(tx->t + tk->s, tk->e - tk->s, &v))
		{
			last_label = k;
			continue;
		}
		pl->values++;
	}
	if (last_label >= 0)
	{
		const gd_col_token *tk = &pl->tok[last_label];

		pl->labelled = true;
		pl->opens = opens_item(tx->t, tk->s, tk->e);
		pl->label_col = tk->col;
		pl->label_end_col = tk->end_col;
	}
	pl->has_pieces = pl->pieces > 0;
	return pl->has_pieces;
}

/* Line li read (from the cache when it holds it). */
static const piece_line *
cached_line(const gd_text *tx, size_t li, gd_piece_cache *cache)
{
	piece_line *pl;

	for (int k = 0; k < PIECE_CACHE_LINES; k++)
		if (cache->lines[k].line == li)
			return &cache->lines[k];
	pl = &cache->lines[cache->next];
	cache->next = (cache->next + 1) % PIECE_CACHE_LINES;
	read_piece_line(tx, li, pl);
	return pl;
}

/* Line li read; NULL when it holds no piece. */
static const piece_line *
piece_line_of(const gd_text *tx, size_t li, gd_piece_cache *cache)
{
	const piece_line *pl = cached_line(tx, li, cache);

	return pl->has_pieces ? pl : NULL;
}

/* Line li's tokens (n of them) as the cache read them; NULL for a line without a digit. */
static const gd_col_token *
cached_tokens(const gd_text *tx, size_t li, gd_piece_cache *cache, int *n)
{
	const piece_line *pl = cached_line(tx, li, cache);

	*n = pl->n;
	return pl->tokenized ? pl->tok : NULL;
}

/*
 * Does every number piece of pl start in the column of a token of neighbour (a cell's lines start
 * in its column; a PDF's text puts a row's values wherever its glyphs fall)?
 */
static bool
pieces_in_columns(const gd_text *tx, const piece_line *pl, const piece_line *neighbour)
{
	for (int k = 0; k < pl->n; k++)
	{
		bool		found = false;

		if (!number_piece(tx->t, pl->tok[k].s, pl->tok[k].e))
			continue;
		for (int j = 0; j < neighbour->n && !found; j++)
			found = neighbour->tok[j].col == pl->tok[k].col;
		if (!found)
			return false;
	}
	return true;
}

/* Column of the next token right of pl's token k, on pl or its neighbour; INT_MAX for none. */
static int
next_token_col(const piece_line *pl, int k, const piece_line *neighbour)
{
	int			next = INT_MAX;

	for (int j = 0; j < neighbour->n; j++)
		if (neighbour->tok[j].col > pl->tok[k].col && neighbour->tok[j].col < next)
			next = neighbour->tok[j].col;
	if (k + 1 < pl->n && pl->tok[k + 1].col < next)
		next = pl->tok[k + 1].col;
	return next;
}

/*
 * Does every number piece of pl fill its cell: the next token right of it, on pl or its neighbour,
 * starts within a separator and one more digit of its end?  A number wraps only where its cell is
 * full; its last line alone may be short ("０    ０" over a row is a row of its own, not the tops of
 * taller cells: a PDF's text puts a row's values under its wrapped label).
 */
static bool
pieces_fill_cells(const gd_text *tx, const piece_line *pl, const piece_line *neighbour)
{
	for (int k = 0; k < pl->n; k++)
	{
		const gd_col_token *tk = &pl->tok[k];
		int			next = next_token_col(pl, k, neighbour);

		if (number_piece(tx->t, tk->s, tk->e) && next != INT_MAX && next - tk->end_col > 1 + last_char_width(tx, tk))
			return false;
	}
	return true;
}

/*
 * Can pl hold the rest of numbers wrapped from its neighbour's cells: no label of its own, the
 * rest of the neighbour's (its last label word in the column of the neighbour's), or a group
 * label's piece ending left of the neighbour's label ("（三）  ６  ４" under "4.保护第三方…  ２  ４":
 * the group's cell spans its rows' lines, so its words share their pieces' lines); and fewer values
 * than the neighbour (a line of as many values alone is a row whose label is printed elsewhere),
 * or, under a row's line that opens its label, as many (any number with the rest of its label,
 * "，不计其他情形）" under "（二）部分公开（…"); or as many above or below that line, starting in its
 * columns, with no label of their own or only a group label's piece that opens none ("不予公"): a
 * text browser prints a cell taller than its row's label round the label's line (w3m and elinks
 * align cells in the middle), and a row's label stands in the row label column.
 */
static bool
holds_rest(const gd_text *tx, const piece_line *pl, const piece_line *neighbour, bool below)
{
	bool		group_label = pl->labelled && neighbour->labelled && pl->label_end_col <= neighbour->label_col;

	if (pl->opens && !group_label)
		return false;
	if (pl->labelled && neighbour->labelled && !group_label && pl->label_col != neighbour->label_col)
		return false;
	return pl->values < neighbour->values ||
		(below && neighbour->opens && !group_label && (pl->values == neighbour->values || pl->labelled)) ||
		(neighbour->opens && pl->values == neighbour->values && (!pl->labelled || (group_label && !pl->opens)) &&
		 pieces_in_columns(tx, pl, neighbour) && (below || pieces_fill_cells(tx, pl, neighbour)));
}

/*
 * Does token k of pa stand over or under a number piece of pb (their columns overlap)?  A PDF's text
 * (paged) places each line's words by their glyphs' x on its own: a piece centred under the number
 * it ends may stand a digit's width beside it, so there the columns may miss by one digit.
 */
static bool
stands_over(const gd_text *tx, const piece_line *pa, int k, const piece_line *pb, bool paged)
{
	const gd_col_token *a = &pa->tok[k];
	int			slack = paged ? 2 : 0;

	for (int j = 0; j < pb->n; j++)
	{
		const gd_col_token *b = &pb->tok[j];

		if (b->col < a->end_col + slack && a->col < b->end_col + slack &&
			number_piece(tx->t, b->s, b->e))
			return true;
	}
	return false;
}

/* Does the line under row line li (before end_line) hold pieces of its numbers? */
static bool
pieces_under(const gd_text *tx, size_t li, size_t end_line, const piece_line *row, gd_piece_cache *cache)
{
	const piece_line *under = li + 1 < end_line && li + 1 < tx->nlines ? piece_line_of(tx, li + 1, cache) : NULL;

	return under != NULL && holds_rest(tx, under, row, true);
}

/*
 * Do the lines over and under row line li (lines first to end_line) both hold pieces of numbers,
 * fewer than the row's: a cell centred round the row's line, its number printed over and under it?
 * (Each line is fetched right before its use: the cache keeps the last four read.)
 */
static bool
pieces_round(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_piece_cache *cache)
{
	for (int side = -1; side <= 1; side += 2)
	{
		const piece_line *pieces,
				   *row;

		if (li <= first || li + 1 >= end_line || li + 1 >= tx->nlines)
			return false;
		pieces = piece_line_of(tx, li + (size_t) side, cache);
		row = piece_line_of(tx, li, cache);
		if (pieces == NULL || row == NULL || pieces->values >= row->values || !holds_rest(tx, pieces, row, side > 0))
			return false;
	}
	return true;
}

/*
 * Is the piece tk a character or more narrower than a number piece of under it stands over?  A
 * number wrapped in its cell prints its first line as wide as the cell, short of one character at
 * most, and no line of the column is wider than the cell.
 */
static bool
narrower_than_under(const gd_text *tx, const gd_col_token *tk, const piece_line *under)
{
	for (int j = 0; j < under->n; j++)
	{
		const gd_col_token *u = &under->tok[j];

		if (u->col < tk->end_col && tk->col < u->end_col && number_piece(tx->t, u->s, u->e) &&
			u->end_col - u->col >= tk->end_col - tk->col + last_char_width(tx, tk))
			return true;
	}
	return false;
}

/*
 * Does some number piece of over that stands over a number piece of under fill its cell: the next
 * token right of it, on either line, within a separator and one more digit of its end (in the last
 * column, not narrower_than_under)?  A piece short of its cell's end over a number is no first
 * piece of it: a row of its own with blank cells ("规章  1      3" over "规范性文件  1  6  10").
 */
static bool
stacked_pieces_fill(const gd_text *tx, const piece_line *over, const piece_line *under)
{
	for (int k = 0; k < over->n; k++)
	{
		const gd_col_token *tk = &over->tok[k];
		int			next;

		if (!number_piece(tx->t, tk->s, tk->e) || !stands_over(tx, over, k, under, false))
			continue;
		next = next_token_col(over, k, under);
		if (next != INT_MAX ? next - tk->end_col <= 1 + last_char_width(tx, tk) : !narrower_than_under(tx, tk, under))
			return true;
	}
	return false;
}

/*
 * Does the row on line li (read as pl) print its total as the sum of the others as it stands, and
 * not with the pieces of line other (over or under it) joined to its numbers?  Its numbers are
 * whole, the pieces another row's.
 */
static bool
whole_by_total(const gd_text *tx, size_t li, const piece_line *pl, size_t other)
{
	gd_wrap		over;
	gd_col_token tok[GD_LINE_TOKENS_MAX];
	int			n;

	if (!joined_total_holds(tx, li, pl->tok, pl->n, NULL, 0, li + 1))
		return false;
	if (other > li)
		return !joined_total_holds(tx, li, pl->tok, pl->n, NULL, 0, other + 1);
	if ((n = gd_line_tokens(tx, other, tok, GD_LINE_TOKENS_MAX)) < 0 || pl->n > GD_LINE_TOKENS_MAX)
		return false;
	for (int k = 0; k < pl->n; k++)
	{
		over.top[0][k] = (gd_span) {0, 0};
		for (int j = 0; j < n; j++)
			if (tok[j].col == pl->tok[k].col && all_digits(tx->t, tok[j].s, tok[j].e))
				over.top[0][k] = (gd_span) {tok[j].s, tok[j].e - tok[j].s};
	}
	return !joined_total_holds(tx, li, pl->tok, pl->n, &over, 1, li + 1);
}

int
gd_wrap_suspect(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_span *suspects,
				gd_piece_cache *cache)
{
	const piece_line *row;
	bool		marked[GD_LINE_TOKENS_MAX] = {false};
	int			nsuspect = 0;

	/*
	 * a PDF's text puts pieces wherever their glyphs fall, not in their cell's column: pieces over
	 * and under the row are a cell the row's line lacks, maybe, not the rest of the numbers they
	 * stand over; those numbers and the pieces are kept for the row's sums to tell (gd_match.c
	 * joins the pieces where the row total then holds, and leaves the row unknown where no sum
	 * places its values)
	 */
	if (cache->paged && (pieces_round(tx, li, first, end_line, cache) ||
						 (li > 0 && pieces_round(tx, li - 1, first, end_line, cache)) ||
						 pieces_round(tx, li + 1, first, end_line, cache)))
		return 0;
	row = piece_line_of(tx, li, cache);
	if (row == NULL)
		return 0;
	for (int side = -1; side <= 1; side += 2)
	{
		size_t		other = li + (size_t) side;
		const piece_line *next;

		if ((side < 0 && li <= first) || (side > 0 && (other >= end_line || other >= tx->nlines)))
			continue;
		/* one of the two lines holds pieces under or over the other's: numbers in two lines */
		next = piece_line_of(tx, other, cache);
		/* or numbers alone straight over a labelled row with pieces under it that no join took: its cells' tops, maybe */
		if (next == NULL || !(holds_rest(tx, next, row, side > 0) || holds_rest(tx, row, next, side < 0) ||
							  (side < 0 && row->labelled && !next->labelled && next->n > 0 &&
							   next->pieces == next->n && pieces_under(tx, li, end_line, row, cache))))
			continue;
		/* text laid out by display width wraps a number only where its cell is full */
		if (!cache->paged && (!stacked_pieces_fill(tx, side < 0 ? next : row, side < 0 ? row : next) ||
							  whole_by_total(tx, li, row, other)))
			continue;
		/*
		 * pieces under a row of a PDF's text: pdftotext places a line's words by their glyphs' x,
		 * packing short lines, so the number a piece ends may stand anywhere along the row
		 */
		for (int k = 0; k < row->n; k++)
			if (!marked[k] && number_piece(tx->t, row->tok[k].s, row->tok[k].e) &&
				((cache->paged && side > 0) || stands_over(tx, row, k, next, cache->paged)))
			{
				marked[k] = true;
				suspects[nsuspect++] = (gd_span) {row->tok[k].s, row->tok[k].e - row->tok[k].s};
			}
	}
	return nsuspect;
}

int
gd_wrap_top_lines(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_wrap *w, gd_piece_cache *cache)
{
	size_t		i = tx->lines[li].start,
				e = tx->lines[li].end;
	const gd_col_token *first_tokens;
	int			nfirst,
				words = 0;

	/*
	 * told at once for most lines: a line of pieces starts with a digit, or with words (a group
	 * label's piece, "供  ５  １"; the row's label, "5.要求行政机关确认或重新…  １  １"; both)
	 */
	while (i < e && gd_is_blank(tx->t[i]))
		i++;
	while (i < e && digit_bytes(tx->t, i, e) == 0)
	{
		while (i < e && !gd_is_blank(tx->t[i]))
			i++;
		while (i < e && gd_is_blank(tx->t[i]))
			i++;
	}
	if (i == e || digit_bytes(tx->t, i, e) == 0 || (first_tokens = cached_tokens(tx, li, cache, &nfirst)) == NULL)
		return 0;
	/* words, then digits alone */
	while (words < nfirst && !all_digits(tx->t, first_tokens[words].s, first_tokens[words].e))
		words++;
	for (int k = words; k < nfirst; k++)
		if (!all_digits(tx->t, first_tokens[k].s, first_tokens[k].e))
			return 0;
	if (words == nfirst)
		return 0;
	/* the pieces follow a blank line or words; the row's line follows them, its label opening it */
	for (size_t row = li + 1; row < end_line && row < tx->nlines && row - li <= GD_WRAP_LINES_MAX; row++)
	{
		gd_col_token tok[GD_LINE_TOKENS_MAX];
		int			n;

		if (row - 1 > li)
		{
			n = gd_line_tokens(tx, row - 1, tok, GD_LINE_TOKENS_MAX);
			for (int k = 0; k < n; k++)
				if (!all_digits(tx->t, tok[k].s, tok[k].e))
					return 0;	/* a line of pieces holds digits alone, but for the first's words */
			if (n <= 0)
				return 0;
		}
		n = gd_line_tokens(tx, row, tok, GD_LINE_TOKENS_MAX);
		if (n > 0 && !all_digits(tx->t, tok[0].s, tok[0].e))
		{
			const char *t = tx->t + tx->lines[row].start;
			size_t		len = tx->lines[row].end - tx->lines[row].start;

			/*
			 * a line of bars or tabs is read otherwise, without these pieces; the row holds more than
			 * its tops, or as many where its total holds only with them (the first line's label
			 * beside a piece of every number)
			 */
			bool		as_many = words > 0 && row == li + 1 && n == nfirst;

			if (memchr(t, '\t', len) || memchr(t, '|', len) || (words > 0 && row == li + 1 && n < nfirst) ||
				(as_many && words_open_item(tx, tok, n)))
				return 0;		/* (a line opening its item is a row of its own) */
			if (!gd_wrapped_pieces(tx, row, first, end_line, w, cache) || w->nabove != (int) (row - li))
				return 0;
			if (as_many)
			{
				gd_col_token own[GD_LINE_TOKENS_MAX];
				int			nown = gd_line_tokens(tx, li, own, GD_LINE_TOKENS_MAX);

				n = gd_line_tokens(tx, row, tok, GD_LINE_TOKENS_MAX);
				if (nown < 0 || joined_total_holds(tx, li, own, nown, w, 0, li + 1) ||
					!joined_total_holds(tx, row, tok, n, w, w->nabove, row + 1 + (size_t) w->nlines))
					return 0;
			}
			return w->nabove;
		}
	}
	return 0;
}
