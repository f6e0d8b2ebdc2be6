/*
 * gd_parse.c - from normalised text to a gd_report.
 *
 * The shape (see README "Design"): segment the text into the title block and
 * the six sections by their headings' words; turn each table region into a
 * stream of label / value / blank / row-break events (one tokenizer for all
 * layouts, since normalisation already made HTML and pipe rows into tab
 * rows); assemble the events into rows of (label text, cells); and match
 * rows to the template by the key phrases of their labels, in template
 * order, falling back to position where a label is missing or garbled.
 */
#include "gd_template.h"

#include <string.h>

#define LABEL_CAP 768			/* folded label text kept per row (tail) */
#define CELL_CAP 40				/* cells kept per row (tail) */

typedef struct parser
{
	gd_text		tx;
	gd_report  *r;
	uint32_t	token_line;		/* 1-based line being tokenized */
	struct row_phrase_index *row_phrases;	/* built on the first requests row */
	bool		cell_mode;		/* one cell per line, blank line ends a row */
	bool		saw_glued;
} parser;

/* A cell as the assembler holds it: glued digits keep their source run. */
typedef struct acell
{
	gd_cell		cell;
	size_t		glued_off;
	uint32_t	glued_len;		/* 0 unless split out of a label */
	uint32_t	center2;		/* space-aligned text: 2 x the token's middle column; 0 otherwise */
} acell;

/*
 * A matcher reads one assembled row.  label holds the words carried since the
 * last row it consumed; the row's own words start at own_from.  It returns
 * whether it consumed the row (the carried words are then dropped).
 */
typedef bool (*row_matcher) (void *ctx, const char *label, size_t label_len, size_t own_from,
							 const acell *cells, int ncells);

typedef struct assembler
{
	parser	   *p;
	row_matcher match;
	void	   *match_ctx;
	char		label[LABEL_CAP];
	size_t		label_len;
	size_t		own_from;		/* where this row's own words start in label */
	bool		label_in_row;
	acell		cells[CELL_CAP];
	int			ncells;
	bool		has_value;
} assembler;

/* ---------- row assembler ---------- */

static void
label_append(assembler *a, const char *s, size_t n)
{
	char		buf[LABEL_CAP];
	size_t		k = gd_fold(s, n, buf, sizeof(buf));

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
push_cell(assembler *a, const acell *c)
{
	if (a->ncells == CELL_CAP)
	{
		memmove(a->cells, a->cells + 1, sizeof(acell) * (CELL_CAP - 1));
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
on_blank(assembler *a, uint32_t line)
{
	acell		c;

	if (!a->label_in_row && a->ncells == 0)
		return;					/* the empty label column of a merged row */
	memset(&c, 0, sizeof(c));
	c.cell.state = GD_BLANK;
	c.cell.line = line;
	push_cell(a, &c);
}

static void
on_value(assembler *a, const gd_cell *v, size_t glued_off, uint32_t glued_len, uint32_t center2)
{
	acell		c;

	c.cell = *v;
	c.glued_off = glued_off;
	c.glued_len = glued_len;
	c.center2 = center2;
	push_cell(a, &c);
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

/* ---------- tokenizer ---------- */

/* Bytes of the UTF-8 character that ends just before s[i] (i > 0). */
static size_t
prev_char_start(const char *s, size_t i)
{
	size_t		k = i - 1;

	while (k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80 && i - k < 4)
		k--;
	return k;
}

/*
 * Does the digit run s[ds..de) inside a label token stand for a table value
 * glued to its label ("行政许可447228")?  Item numbers ("1.属于"), years
 * ("2023年"), bracketed numbers ("(2023)") and the like do not.
 */
static bool
glued_run_is_value(const char *s, size_t n, size_t ds, size_t de)
{
	static const char *const after_not[] = {"年", "月", "日", "号", "时", "届", "版", "%", ")", "]", "》"};

	if (ds > 0)
	{
		char		pc = s[ds - 1];

		if (pc == '(' || pc == '[' || pc == '.' || pc == ':' || pc == '/' ||
			pc == '-' || pc == '+' || pc == '#' ||
			(pc >= 'a' && pc <= 'z') || (pc >= 'A' && pc <= 'Z'))
			return false;
		if (gd_starts_with(s + prev_char_start(s, ds), ds - prev_char_start(s, ds), "第"))
			return false;
	}
	for (size_t k = 0; k < sizeof(after_not) / sizeof(after_not[0]); k++)
		if (gd_starts_with(s + de, n - de, after_not[k]))
			return false;
	if (de < n && ((s[de] >= 'a' && s[de] <= 'z') || (s[de] >= 'A' && s[de] <= 'Z')))
		return false;
	return true;
}

/* Emit a label token, splitting out digit runs glued to it (collapsed layout). */
static void
emit_label_token(parser *p, assembler *a, size_t s, size_t e)
{
	const char *t = p->tx.t;
	size_t		label_start = s;
	size_t		i = s;

	while (i < e)
	{
		size_t		ds,
					de;

		if (!gd_is_digit(t[i]))
		{
			i++;
			continue;
		}
		ds = i;
		while (i < e && (gd_is_digit(t[i]) ||
						 ((t[i] == '.' || t[i] == ',') && i + 1 < e && gd_is_digit(t[i + 1]) &&
						  i > ds)))
			i++;
		de = i;
		/* "…00002.其他": the last digit numbers the next sub-item */
		if (de < e && (t[de] == '.' || gd_starts_with(t + de, e - de, "、")) &&
			!(de + 1 < e && gd_is_digit(t[de + 1])))
		{
			if (de - ds < 2)
				continue;
			de--;
			i = de;
		}
		if (ds == s && de == e)
			break;				/* the whole token is digits: not a label */
		if (!glued_run_is_value(t + s, e - s, ds - s, de - s))
			continue;
		{
			gd_cell		v;

			if (!gd_parse_value(t + ds, de - ds, &v))
				continue;
			if (ds > label_start)
				on_label(a, t + label_start, ds - label_start);
			v.line = p->token_line;
			on_value(a, &v, ds, (uint32_t) (de - ds), 0);
			p->saw_glued = p->saw_glued || (de - ds) > 1;
			label_start = de;
			i = de;
		}
	}
	if (e > label_start)
		on_label(a, t + label_start, e - label_start);
}

/* One cell or token: a value, a blank, or label text. */
static void
emit_item(parser *p, assembler *a, size_t s, size_t e, bool blanks_count, uint32_t center2)
{
	gd_cell		v;

	while (s < e && gd_is_blank(p->tx.t[s]))
		s++;
	while (e > s && gd_is_blank(p->tx.t[e - 1]))
		e--;
	if (s == e)
	{
		if (blanks_count)
			on_blank(a, p->token_line);
		return;
	}
	if (gd_parse_value(p->tx.t + s, e - s, &v))
	{
		v.line = p->token_line;
		on_value(a, &v, 0, 0, center2);
		return;
	}
	emit_label_token(p, a, s, e);
}

static bool
is_pipe_line(const char *t, size_t s, size_t e)
{
	const char *first;

	while (s < e && gd_is_blank(t[s]))
		s++;
	if (s < e && t[s] == '|')
		return true;
	first = memchr(t + s, '|', e - s);
	return first != NULL && memchr(first + 1, '|', (size_t) (t + e - first - 1)) != NULL;
}

static bool
has_inner_tab(const char *t, size_t s, size_t e)
{
	while (s < e && gd_is_blank(t[s]))
		s++;
	return memchr(t + s, '\t', e - s) != NULL;
}

/* "|---|:--|" rows of a Markdown table carry no data. */
static bool
is_rule_line(const char *t, size_t s, size_t e)
{
	bool		dash = false;

	for (size_t i = s; i < e; i++)
	{
		char		c = t[i];

		if (c == '-' || c == '=')
			dash = true;
		else if (c != '|' && c != ':' && c != '+' && !gd_is_blank(c))
			return false;
	}
	return dash;
}

/* Page footers of PDF text: "-3-", "- 4 -", "第 5 页", "3 / 12". */
static bool
is_page_footer(const char *t, size_t s, size_t e)
{
	char		buf[64];
	size_t		k,
				i = 0,
				digits = 0;
	bool		dash_before = false;

	if (e - s > 64)
		return false;
	while (s < e && gd_is_blank(t[s]))
		s++;
	if (s < e && !gd_is_digit(t[s]) && t[s] != '-' && !gd_starts_with(t + s, e - s, "第") &&
		!gd_starts_with(t + s, e - s, "—"))
		return false;			/* a table row or prose: no page number starts so */
	k = gd_fold(t + s, e - s, buf, sizeof(buf));
	if (k == 0)
		return false;
	if (gd_starts_with(buf, k, "第"))
		i = strlen("第");
	while (i < k && (buf[i] == '-' || gd_starts_with(buf + i, k - i, "—")))
	{
		dash_before = true;
		i += buf[i] == '-' ? 1 : strlen("—");
	}
	while (i < k && gd_is_digit(buf[i]))
	{
		i++;
		digits++;
	}
	if (digits == 0 || digits > 4)
		return false;
	if (i == k)
		return false;			/* a lone number may be a cell */
	if (gd_starts_with(buf + i, k - i, "页") && i + strlen("页") == k)
		return true;
	if (buf[i] == '/' )
	{
		for (i++; i < k && gd_is_digit(buf[i]); i++)
			;
		return i == k;
	}
	if (!dash_before)
		return false;
	while (i < k && (buf[i] == '-' || gd_starts_with(buf + i, k - i, "—")))
		i += buf[i] == '-' ? 1 : strlen("—");
	return i == k;
}

static void
tokenize_line(parser *p, assembler *a, size_t s, size_t e)
{
	const char *t = p->tx.t;
	bool		pipe;

	gd_note_work(&p->tx, e - s + 1);
	if (s == e)
	{
		if (p->cell_mode)
			on_rowbreak(a);
		return;
	}
	if (is_page_footer(t, s, e))
		return;
	pipe = is_pipe_line(t, s, e);
	if (pipe || has_inner_tab(t, s, e))
	{
		size_t		cs = s;

		if (pipe && is_rule_line(t, s, e))
			return;
		for (size_t i = s; i <= e; i++)
			if (i == e || t[i] == '\t' || (pipe && t[i] == '|'))
			{
				/* the empty outsides of "| a | b |" are no cells */
				bool		outside = pipe && (cs == s || i == e) && gd_only_blanks(t, cs, i);

				if (!outside)
					emit_item(p, a, cs, i, true, 0);
				cs = i + 1;
			}
		if (!p->cell_mode)
			on_rowbreak(a);
		return;
	}
	if (p->cell_mode)
	{
		emit_item(p, a, s, e, true, 0);
		return;
	}

	/*
	 * space-aligned or plain text rows: whitespace separates the tokens, and
	 * each token's column (in characters) lets a row with blank cells be
	 * placed under the columns of a complete row
	 */
	{
		uint32_t	col = 0;

		for (size_t i = s; i < e;)
		{
			size_t		ts;
			uint32_t	first_col;

			while (i < e && gd_is_blank(t[i]))
			{
				i++;
				col++;
			}
			ts = i;
			first_col = col;
			while (i < e && !gd_is_blank(t[i]))
			{
				if (((unsigned char) t[i] & 0xC0) != 0x80)
					col++;
				i++;
			}
			if (i > ts)
				emit_item(p, a, ts, i, false, first_col + col);
		}
	}
	on_rowbreak(a);
}

static void
run_region(parser *p, const gd_region *rg, row_matcher match, void *ctx)
{
	assembler  *a = gd_alloc(&p->tx, sizeof(assembler));

	memset(a, 0, sizeof(*a));
	a->p = p;
	a->match = match;
	a->match_ctx = ctx;
	for (size_t li = gd_line_of(&p->tx, rg->start) - 1; li < p->tx.nlines; li++)
	{
		size_t		s = p->tx.lines[li].start,
					e = p->tx.lines[li].end;

		if (s >= rg->end)
			break;
		if (s < rg->start)
			s = rg->start;
		if (e > rg->end)
			e = rg->end;
		if (s > e)
			continue;
		p->token_line = (uint32_t) li + 1;
		tokenize_line(p, a, s, e);
	}
	on_rowbreak(a);
}

/* ---------- fitting cells to a template row ---------- */

static int
count_values(const acell *c, int n)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
		k += (c[i].cell.state != GD_BLANK);
	return k;
}

/*
 * Split d[pos..len) into parts - part cells (1-9 digits, no leading zero)
 * that add up to remaining, counting the splits in *found (up to 2) and
 * keeping the first in best.  Cells only grow with their digits, so a cell
 * larger than what remains, or a remainder beyond what the digits left can
 * make, ends a branch.
 */
static void
search_splits(const char *d, int len, int pos, int part, int parts, int64_t remaining,
			  int *starts, int *best, int *found)
{
	static const int64_t pow10_table[10] = {1, 10, 100, 1000, 10000, 100000, 1000000,
		10000000, 100000000, 1000000000};
	int			left = parts - part,
				digits = len - pos,
				longest;

	if (*found > 1 || remaining < 0 || digits < left || digits > 9 * left)
		return;
	starts[part] = pos;
	if (left == 1)
	{
		if ((digits == 1 || d[pos] != '0') && gd_digits_value(d + pos, digits) == remaining && ++*found == 1)
			memcpy(best, starts, sizeof(int) * (size_t) parts);
		return;
	}
	longest = digits - (left - 1) < 9 ? digits - (left - 1) : 9;
	if (remaining >= left * pow10_table[longest])
		return;
	for (int l = 1; l <= longest; l++)
	{
		int64_t		v;

		if (l > 1 && d[pos] == '0')
			break;
		v = gd_digits_value(d + pos, l);
		if (v > remaining)
			break;
		search_splits(d, len, pos + l, part + 1, parts, remaining - v, starts, best, found);
	}
}

/* The widest template row fit_row places: the review table's one row of 15. */
#define ROW_WIDTH_MAX GD_REV_CELLS

/*
 * Split a run of glued digits into width cells.  One digit per cell is the
 * only reading when the run is exactly width long; for the requests table
 * the row identity (total = sum of the six applicant columns) can single out
 * one split of a longer run.  Returns false when no unique split exists.
 */
static bool
split_glued(const char *digits, size_t len, int width, bool row_total_identity, gd_cell *out)
{
	int			starts[GD_REQ_COLS + 1];
	int			best[ROW_WIDTH_MAX + 1];
	int			found = 0;

	if (width > ROW_WIDTH_MAX)
		return false;

	if (len == (size_t) width)
	{
		for (int i = 0; i < width; i++)
			best[i] = i;
	}
	else
	{
		if (!row_total_identity || width != GD_REQ_COLS || len > 40 || len < (size_t) width)
			return false;
		/* each length of the total (the last cell) fixes what the others add up to */
		for (int last = 1; last <= 9 && last < (int) len && found <= 1; last++)
		{
			int			before = found;
			const char *total = digits + len - last;

			if (last > 1 && total[0] == '0')
				continue;
			search_splits(digits, (int) len - last, 0, 0, width - 1, gd_digits_value(total, last),
						  starts, best, &found);
			if (found == 1 && before == 0)
				best[width - 1] = (int) len - last;
		}
		if (found != 1)
			return false;
	}
	best[width] = (int) len;
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_NUMBER;
		out[i].value = gd_digits_value(digits + best[i], best[i + 1] - best[i]);
		out[i].inferred = 1;
	}
	return true;
}

/*
 * Fit the cells of an assembled row to a template row of width cells:
 * shifted rows carry extra blank cells at either end, collapsed rows a
 * single glued run.  Returns false when the row cannot be read; then out
 * holds unreadable cells and a problem says why.
 */
/*
 * Choose slots for the remaining cells (from cell i on, slots from k on) so
 * that the offsets cell column - reference column vary least: rows of PDF
 * text are often shifted as a whole (a wrapped group label indents them), so
 * only the spacing of the columns is compared, not their positions.
 */
static void
search_slots(const acell *cells, int n, int width, const uint32_t *ref, int i, int k,
			 int64_t lo, int64_t hi, int *slots, int64_t *best_spread, int *best)
{
	if (i == n)
	{
		if (hi - lo < *best_spread)
		{
			*best_spread = hi - lo;
			memcpy(best, slots, sizeof(int) * (size_t) n);
		}
		return;
	}
	for (int s = k; s <= width - (n - i); s++)
	{
		int64_t		d = (int64_t) cells[i].center2 - (int64_t) ref[s];
		int64_t		nlo = i == 0 || d < lo ? d : lo;
		int64_t		nhi = i == 0 || d > hi ? d : hi;

		if (nhi - nlo >= *best_spread)
			continue;
		slots[i] = s;
		search_slots(cells, n, width, ref, i + 1, s + 1, nlo, nhi, slots, best_spread, best);
	}
}

/*
 * Place the cells of a short space-aligned row (blank cells leave no token
 * in PDF text) under the columns of the last complete row.  Returns false
 * when the row has no column positions.
 */
static bool
place_by_columns(const acell *cells, int n, int width, const uint32_t *ref, gd_cell *out)
{
	int			slots[CELL_CAP];
	int			best[CELL_CAP];
	int64_t		best_spread = INT64_MAX;

	if (ref == NULL || n > width || n == 0)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].center2 == 0)
			return false;
	search_slots(cells, n, width, ref, 0, 0, 0, 0, slots, &best_spread, best);
	if (best_spread == INT64_MAX)
		return false;
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_BLANK;
		out[i].line = cells[0].cell.line;
	}
	for (int i = 0; i < n; i++)
		out[best[i]] = cells[i].cell;
	return true;
}

static bool
fit_row(parser *p, const acell *cells, int n, int width, bool row_total_identity,
		const uint32_t *ref, const char *what, gd_cell *out)
{
	int			first = 0,
				last = n;

	if (n == 1 && cells[0].glued_len > 1 && width > 1)
	{
		char		digits[64];
		size_t		dl = 0;

		for (uint32_t i = 0; i < cells[0].glued_len && dl < sizeof(digits); i++)
			if (gd_is_digit(p->tx.t[cells[0].glued_off + i]))
				digits[dl++] = p->tx.t[cells[0].glued_off + i];
		if (split_glued(digits, dl, width, row_total_identity, out))
		{
			for (int i = 0; i < width; i++)
				out[i].line = cells[0].cell.line;
			return true;
		}
		for (int i = 0; i < width; i++)
		{
			memset(&out[i], 0, sizeof(gd_cell));
			out[i].state = GD_UNREADABLE;
			out[i].inferred = 1;	/* unknown because glued, not too large */
			out[i].line = cells[0].cell.line;
		}
		gd_add_problem(p->r, GD_PROBLEM_GLUED_DIGITS, cells[0].cell.line,
					"%s: the digits \"%.*s\" are glued together and cannot be split into %d cells (line %u)",
					what, (int) (dl > 40 ? 40 : dl), digits, width, cells[0].cell.line);
		return false;
	}
	if (n < width && count_values(cells, n) == n && place_by_columns(cells, n, width, ref, out))
		return true;
	while (last - first > width && cells[first].cell.state == GD_BLANK)
		first++;
	while (last - first > width && cells[last - 1].cell.state == GD_BLANK)
		last--;
	if (last - first > width)
	{
		/* a leading serial-number column is the usual cause: keep the last cells */
		gd_add_problem(p->r, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
					"%s: %d cells where %d are expected (line %u); the last %d were read",
					what, last - first, width, cells[0].cell.line, width);
		first = last - width;
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
	if (last - first < width)
	{
		gd_add_problem(p->r, GD_PROBLEM_ROW_SHORT, n > 0 ? cells[0].cell.line : 0,
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
require_whole(parser *p, gd_cell *c, int count, const char *what)
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
		gd_add_problem(p->r, GD_PROBLEM_FRACTION_IN_COUNT, c[i].line,
					"%s: a count has decimals (line %u); it is left unknown", what, c[i].line);
	}
}

static void
flag_unreadable(parser *p, const gd_cell *c, int count, const char *what)
{
	for (int i = 0; i < count; i++)
		if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].scale == 0 && c[i].value == 0)
		{
			gd_add_problem(p->r, GD_PROBLEM_NUMBER_TOO_LARGE, c[i].line,
						"%s: a number is too large to be a count (line %u); it is left unknown",
						what, c[i].line);
			return;
		}
}

/* ---------- the requests table ---------- */

typedef struct requests_state
{
	parser	   *p;
	int			cur;			/* last template row filled, -1 before the first */
	bool		filled[GD_REQ_ROWS];
	bool		have_columns;	/* columns of the last complete space-aligned row */
	uint32_t	columns[GD_REQ_COLS];
	bool		copy_reported;
} requests_state;

/*
 * The key phrases of the requests rows, found in a label in one pass: a
 * table from the low 12 bits of a phrase's first three bytes (a 3-byte
 * character's code point) to the phrases that start so.
 */
#define ROW_PHRASE_BUCKETS 4096		/* every value of trigram_key */

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
build_row_phrase_index(parser *p)
{
	row_phrase_index *ix = gd_alloc(&p->tx, sizeof(row_phrase_index));
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

/* ends[row]: where the last occurrence of one of the row's phrases ends in label, or -1. */
static void
row_phrase_ends(parser *p, const char *label, size_t len, long *ends)
{
	const row_phrase_index *ix;

	if (p->row_phrases == NULL)
		p->row_phrases = build_row_phrase_index(p);
	ix = p->row_phrases;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		ends[row] = -1;
	for (size_t i = 0; i + 3 <= len; i++)
		for (int e = ix->bucket[gd_trigram_key(label + i)]; e >= 0; e = ix->phrases[e].next)
		{
			const row_phrase *ph = &ix->phrases[e];

			if (ph->len <= len - i && memcmp(label + i, ph->text, ph->len) == 0 &&
				(long) (i + ph->len) > ends[ph->row])
				ends[ph->row] = (long) (i + ph->len);
		}
}

static bool
match_request_row(void *ctx, const char *label, size_t len, size_t own_from, const acell *cells, int n)
{
	requests_state *st = ctx;
	parser	   *p = st->p;
	gd_report  *r = p->r;
	int			row = -1;
	long		best = -1;
	char		what[80];
	long		ends[GD_REQ_ROWS];

	row_phrase_ends(p, label, len, ends);
	if (st->cur >= GD_REQ_TEMPLATE_ROWS - 1)
	{
		/* the table is complete: what follows is prose, or a copy of the table */
		if (!st->copy_reported && count_values(cells, n) > 0 && ends[0] >= 0)
		{
			st->copy_reported = true;
			gd_add_problem(p->r, GD_PROBLEM_DUPLICATE_TABLE, cells[0].cell.line,
						"requests: the table starts again (line %u); only the first copy is read",
						cells[0].cell.line);
		}
		return false;
	}
	for (int k = st->cur + 1; k < GD_REQ_TEMPLATE_ROWS; k++)
	{
		if (k == 23 && st->cur < 1)
			continue;			/* "总计" of the column header, not row （七） */
		if (ends[k] > best)
		{
			best = ends[k];
			row = k;
		}
	}
	/* （六）其他处理 printed as one row: its words, none of its sub-items' */
	if (st->cur < 20 && (row < 0 || row > 22) &&
		ends[GD_REQ_OTHER_UNDIVIDED] > best)
		row = GD_REQ_OTHER_UNDIVIDED;
	if (row < 0)
	{
		for (int k = 0; k <= st->cur; k++)
			if (ends[k] >= 0 && count_values(cells, n) > 0)
			{
				gd_add_problem(p->r, GD_PROBLEM_DUPLICATE_ROW, cells[0].cell.line,
							"requests: row %s appears again (line %u); the first one is kept",
							gd_request_row_keys[k], cells[0].cell.line);
				return true;
			}
		/* no words to go by: the next row of the template, if the row looks whole */
		if (count_values(cells, n) * 2 <= GD_REQ_COLS)
			return false;
		row = st->cur + 1;
	}
	if (count_values(cells, n) == 0 && (n != GD_REQ_COLS || ends[row] <= (long) own_from))
		return false;			/* a header line, not a row of blanks */
	name_row(what, sizeof(what), "requests row ", gd_request_row_keys[row]);
	fit_row(p, cells, n, GD_REQ_COLS, true, st->have_columns ? st->columns : NULL, what, r->requests[row]);
	if (n == GD_REQ_COLS && cells[0].center2 > 0 && count_values(cells, n) == n)
	{
		for (int k = 0; k < GD_REQ_COLS; k++)
			st->columns[k] = cells[k].center2;
		st->have_columns = true;
	}
	require_whole(p, r->requests[row], GD_REQ_COLS, what);
	flag_unreadable(p, r->requests[row], GD_REQ_COLS, what);
	st->filled[row] = true;
	if (row == GD_REQ_OTHER_UNDIVIDED)
	{
		r->other_undivided = true;
		st->cur = 22;
	}
	else
		st->cur = row;
	r->has_requests = true;
	return true;
}

/* ---------- the review table ---------- */

typedef struct review_state
{
	parser	   *p;
	int			count;
} review_state;

static bool
match_review_row(void *ctx, const char *label, size_t len, size_t own_from, const acell *cells, int n)
{
	review_state *st = ctx;
	parser	   *p = st->p;
	gd_report  *r = p->r;
	int			first = 0,
				last = n;

	(void) label;
	(void) len;
	(void) own_from;
	if (st->count >= GD_REV_CELLS || count_values(cells, n) == 0)
		return false;
	if (st->count == 0 && n == 1 && cells[0].glued_len > 1)
	{
		fit_row(p, cells, n, GD_REV_CELLS, false, NULL, "review table", r->review);
		st->count = GD_REV_CELLS;
		r->has_review = true;
		return true;
	}
	while (first < last && cells[first].cell.state == GD_BLANK && last - first > 5)
		first++;
	while (last > first && cells[last - 1].cell.state == GD_BLANK && last - first > 5)
		last--;
	if (last - first < 5 && !(p->cell_mode && st->count > 0))
		return false;			/* a stray number, not a row of the table */
	for (int i = first; i < last && st->count < GD_REV_CELLS; i++)
		r->review[st->count++] = cells[i].cell;
	r->has_review = true;
	return true;
}

/* ---------- the active table ---------- */

typedef struct active_state
{
	parser	   *p;
	const gd_active_item *items;
	bool		filled[16];
} active_state;

static bool
match_active_row(void *ctx, const char *label, size_t len, size_t own_from, const acell *cells, int n)
{
	active_state *st = ctx;
	parser	   *p = st->p;
	gd_report  *r = p->r;
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
	if (item < 0)
		return false;
	it = &st->items[item];
	if (count_values(cells, n) == 0 && (n != it->width || best <= (long) own_from))
		return false;			/* a header line, not a row of blanks */
	name_row(what, sizeof(what), "active item ", m[it->first].item);
	fit_row(p, cells, n, it->width, false, NULL, what, &r->active[it->first]);
	for (int i = 0; i < it->width; i++)
	{
		bool		money = strstr(m[it->first + i].measure, "amount") != NULL;

		if (!money)
			require_whole(p, &r->active[it->first + i], 1, what);
	}
	flag_unreadable(p, &r->active[it->first], it->width, what);
	st->filled[item] = true;
	r->has_active = true;
	return true;
}

/* ---------- layout ---------- */

static void
detect_layout(parser *p, const gd_region *regions, int nregions, bool is_html)
{
	size_t		single = 0,
				multi = 0,
				tabbed = 0,
				piped = 0;

	for (int k = 0; k < nregions; k++)
	{
		if (!regions[k].found)
			continue;
		for (size_t li = gd_line_of(&p->tx, regions[k].start) - 1; li < p->tx.nlines; li++)
		{
			size_t		s = p->tx.lines[li].start,
						e = p->tx.lines[li].end;
			int			values = 0;
			gd_cell		v;

			if (s >= regions[k].end)
				break;
			gd_note_work(&p->tx, e - s + 1);
			if (is_pipe_line(p->tx.t, s, e))
			{
				piped++;
				continue;
			}
			if (has_inner_tab(p->tx.t, s, e))
			{
				tabbed++;
				continue;
			}
			while (s < e && gd_is_blank(p->tx.t[s]))
				s++;
			while (e > s && gd_is_blank(p->tx.t[e - 1]))
				e--;
			if (s < e && gd_parse_value(p->tx.t + s, e - s, &v))
			{
				single++;
				continue;
			}
			for (size_t i = s; i < e;)
			{
				size_t		ts;

				while (i < e && gd_is_blank(p->tx.t[i]))
					i++;
				ts = i;
				while (i < e && !gd_is_blank(p->tx.t[i]))
					i++;
				if (i > ts && gd_parse_value(p->tx.t + ts, i - ts, &v))
					values++;
			}
			multi += (values >= 3);
		}
	}
	p->cell_mode = single >= 10 && single > 2 * (multi + tabbed + piped);
	if (is_html)
		p->r->layout = GD_LAYOUT_HTML;
	else if (piped >= 3 && piped >= tabbed)
		p->r->layout = GD_LAYOUT_PIPE_ROWS;
	else if (tabbed >= 3 && !p->cell_mode)
		p->r->layout = GD_LAYOUT_TAB_ROWS;
	else if (p->cell_mode)
		p->r->layout = GD_LAYOUT_CELL_PER_LINE;
	else if (multi >= 3)
		p->r->layout = GD_LAYOUT_SPACE_ALIGNED;
}

/* ---------- entry point ---------- */

static void
report_missing(parser *p, const requests_state *rq)
{
	gd_report  *r = p->r;

	if (!r->has_active)
		gd_add_problem(p->r, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 2 (主动公开政府信息情况) was not found");
	if (!r->has_requests)
		gd_add_problem(p->r, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 3 (收到和处理政府信息公开申请情况) was not found");
	else
		for (int k = 0; k < GD_REQ_TEMPLATE_ROWS; k++)
		{
			if (rq->filled[k] || (r->other_undivided && k >= 20 && k <= 22))
				continue;
			gd_add_problem(p->r, GD_PROBLEM_ROW_MISSING, 0, "requests: row %s (%s) was not found",
						gd_request_row_keys[k], gd_request_row_labels[k]);
		}
	if (!r->has_review)
		gd_add_problem(p->r, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 4 (行政复议、行政诉讼情况) was not found");
	else if (r->has_review)
	{
		int			got = 0;

		for (int k = 0; k < GD_REV_CELLS; k++)
			got += r->review[k].state != GD_ABSENT;
		if (got < GD_REV_CELLS)
			gd_add_problem(p->r, GD_PROBLEM_ROW_SHORT, 0, "review table: only %d of 15 cells were found", got);
	}
}

void
gd_parse(const char *buf, size_t len, const gd_options *opt, gd_report *r)
{
	parser		p;
	bool		is_html = false;
	char	   *text;
	gd_region	regions[GD_REGIONS];
	requests_state rq;
	review_state rv;
	active_state ac;
	int			nmeasures;

	memset(r, 0, sizeof(*r));
	memset(&p, 0, sizeof(p));
	p.tx.opt = opt;
	p.r = r;
	text = opt->alloc(opt->alloc_ctx, len + 1);
	r->text_len = gd_normalize(buf, len, text, &is_html, opt);
	r->text = text;
	p.tx.t = text;
	p.tx.n = r->text_len;
	gd_index_lines(&p.tx);
	gd_find_sections(&p.tx, r);
	gd_find_table_regions(&p.tx, r, regions);

	detect_layout(&p, regions, GD_REGIONS, is_html);

	r->template_kind = gd_identify_template(&p.tx, &regions[GD_REGION_ACTIVE]);

	memset(&rq, 0, sizeof(rq));
	rq.p = &p;
	rq.cur = -1;
	if (regions[GD_REGION_REQUESTS].found)
		run_region(&p, &regions[GD_REGION_REQUESTS], match_request_row, &rq);

	memset(&rv, 0, sizeof(rv));
	rv.p = &p;
	if (regions[GD_REGION_REVIEW].found)
		run_region(&p, &regions[GD_REGION_REVIEW], match_review_row, &rv);

	memset(&ac, 0, sizeof(ac));
	ac.p = &p;
	ac.items = r->template_kind == GD_TEMPLATE_2019 ? gd_active_items_2019 : gd_active_items_2021;
	if (regions[GD_REGION_ACTIVE].found)
		run_region(&p, &regions[GD_REGION_ACTIVE], match_active_row, &ac);
	if (r->template_kind == GD_TEMPLATE_UNKNOWN && (r->has_active || r->has_requests || r->has_review))
		r->template_kind = GD_TEMPLATE_2021;
	gd_active_measures(r->template_kind, &nmeasures);
	r->active_count = nmeasures;

	if (p.saw_glued && r->layout == GD_LAYOUT_UNKNOWN)
		r->layout = GD_LAYOUT_COLLAPSED;

	gd_find_title(&p.tx, r);
	if (!opt->skip_facts)
		gd_find_facts(&p.tx, r);

	if (!r->has_active && !r->has_requests && !r->has_review && !r->title_text)
	{
		bool		any_heading = false;

		for (int sec = 1; sec < GD_SECTIONS; sec++)
			any_heading = any_heading || r->section_found[sec];
		if (!any_heading)
		{
			gd_add_problem(r, GD_PROBLEM_NOT_A_REPORT, 0,
						   "this text is not an annual report: no title, section heading or table of the template was found");
			return;
		}
	}
	if (!r->title_text)
		gd_add_problem(r, GD_PROBLEM_NO_TITLE, 0, "no title line (…政府信息公开工作年度报告) was found");
	else if (r->year == 0)
		gd_add_problem(r, GD_PROBLEM_NO_TITLE, gd_line_of(&p.tx, r->title.off), "the title names no year (line %u)",
					   gd_line_of(&p.tx, r->title.off));
	report_missing(&p, &rq);
}
