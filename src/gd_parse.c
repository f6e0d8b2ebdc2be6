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
#include "gd_internal.h"
#include "gd_template.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LABEL_CAP 768			/* folded label text kept per row (tail) */
#define CELL_CAP 40				/* cells kept per row (tail) */
#define HEADING_MAX 96			/* folded bytes: longer lines are prose */
#define FACT_SCAN_MAX 65536		/* prose scanned per section for facts */

typedef struct line_range
{
	size_t		start;
	size_t		end;			/* exclusive, without the '\n' */
} line_range;

typedef struct region
{
	size_t		start;
	size_t		end;
	bool		found;
} region;

typedef struct parser
{
	const gd_options *opt;
	gd_report  *r;
	const char *t;
	size_t		n;
	line_range *lines;
	size_t		nlines;
	uint32_t	token_line;		/* 1-based line being tokenized */
	struct row_phrase_index *row_phrases;	/* built on the first requests row */
	bool		cell_mode;		/* one cell per line, blank line ends a row */
	bool		saw_glued;
	size_t		work;
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

/* ---------- small helpers ---------- */

static void *
gd_alloc(parser *p, size_t size)
{
	return p->opt->alloc(p->opt->alloc_ctx, size ? size : 1);
}

static void
note_work(parser *p, size_t bytes)
{
	p->work += bytes;
	if (p->work >= GD_INTERRUPT_STRIDE)
	{
		p->work = 0;
		if (p->opt->check_interrupts)
			p->opt->check_interrupts(p->opt->interrupt_ctx);
	}
}

static bool
is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static uint32_t
line_of(const parser *p, size_t off)
{
	size_t		lo = 0,
				hi = p->nlines;

	while (lo + 1 < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (p->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t) (lo + 1);
}

static void add_problem(parser *p, gd_problem_code code, uint32_t line, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

static void
add_problem(parser *p, gd_problem_code code, uint32_t line, const char *fmt,...)
{
	gd_report  *r = p->r;
	gd_problem *pr;
	va_list		ap;

	if (r->problem_count >= GD_MAX_PROBLEMS)
		return;
	pr = &r->problems[r->problem_count++];
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

/*
 * Fold text for phrase matching: drop whitespace, read '、' after a digit as
 * '.', so "1、其他" and "1. 其他" and "1.其他" compare equal.  Returns the
 * folded length (at most cap).
 */
static size_t
fold(const char *s, size_t n, char *dst, size_t cap)
{
	size_t		k = 0;

	for (size_t i = 0; i < n && k < cap; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c > ' ' && c != 0xE3)
		{
			dst[k++] = (char) c;	/* the common case: kept as it is */
			continue;
		}
		if (is_blank_char((char) c))
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

/*
 * A 4096-bit set of 3-byte sequences (the phrase starts a scan looks for):
 * a position whose three bytes are not in it starts none of them.
 */
typedef struct trigram_set
{
	uint64_t	bits[64];
} trigram_set;

/* For a 3-byte character: the low 12 bits of its code point. */
static inline unsigned
trigram_key(const char *s)
{
	return (((unsigned) (unsigned char) s[1] & 0x3F) << 6) | ((unsigned) (unsigned char) s[2] & 0x3F);
}

static inline void
trigram_add(trigram_set *set, const char *s)
{
	unsigned	k = trigram_key(s);

	set->bits[k >> 6] |= UINT64_C(1) << (k & 63);
}

static inline bool
trigram_has(const trigram_set *set, const char *s)
{
	unsigned	k = trigram_key(s);

	return (set->bits[k >> 6] >> (k & 63)) & 1;
}

/* End offset of the last occurrence of needle in hay, or -1. */
static long
last_occurrence_end(const char *hay, size_t hlen, const char *needle)
{
	size_t		nl = strlen(needle);

	if (nl == 0 || nl > hlen)
		return -1;
	for (size_t i = hlen - nl + 1; i-- > 0;)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nl) == 0)
			return (long) (i + nl);
	return -1;
}

static bool
contains(const char *hay, size_t hlen, const char *needle)
{
	return last_occurrence_end(hay, hlen, needle) >= 0;
}

/* Match key at t[pos..end) skipping whitespace in the text; returns end or 0. */
static size_t
match_skipping_space(const char *t, size_t pos, size_t end, const char *key)
{
	for (const char *k = key; *k; k++)
	{
		while (pos < end && is_blank_char(t[pos]))
			pos++;
		if (pos >= end || t[pos] != *k)
			return 0;
		pos++;
	}
	return pos;
}

/* ---------- values ---------- */

static bool
starts_with(const char *s, size_t n, const char *lit)
{
	size_t		l = strlen(lit);

	return n >= l && memcmp(s, lit, l) == 0;
}

static bool
is_placeholder(const char *s, size_t n)
{
	static const char *const marks[] = {"-", "—", "–", "―", "─", "/", "\\", "无", "×", "~"};
	int			count = 0;

	if (n > 12)
		return false;			/* at most four marks of up to three bytes */
	if (strchr("-/\\~\xE2\xE6\xC3", s[0]) == NULL || s[0] == '\0')
		return false;			/* no mark starts with this byte */
	while (n > 0)
	{
		size_t		used = 0;

		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]) && !used; k++)
			if (starts_with(s, n, marks[k]))
				used = strlen(marks[k]);
		if (!used || ++count > 4)
			return false;
		s += used;
		n -= used;
	}
	return count > 0;
}

/* A ',' between digit groups of three: "1,234". */
static bool
is_thousands_separator(const char *s, size_t n, size_t i)
{
	for (size_t k = 1; k <= 3; k++)
		if (i + k >= n || s[i + k] < '0' || s[i + k] > '9')
			return false;
	return i + 4 >= n || s[i + 4] < '0' || s[i + 4] > '9';
}

/*
 * Read s[0..n) (already trimmed) as one table value.  Returns true when it is
 * a value (a number, possibly unreadable, or a placeholder).
 */
static bool
parse_value(const char *s, size_t n, gd_cell *cell)
{
	static const char *const units[] = {"件", "条", "个", "项", "次", "元"};
	size_t		i = 0;
	bool		neg = false,
				overflow = false,
				any = false,
				point = false;
	uint64_t	v = 0;
	int			decimals = 0;

	memset(cell, 0, sizeof(*cell));
	if (n == 0)
		return false;
	if (is_placeholder(s, n))
	{
		cell->state = GD_PLACEHOLDER;
		return true;
	}
	if (s[0] == '-' || s[0] == '+')
	{
		neg = (s[0] == '-');
		i = 1;
	}
	for (; i < n; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			any = true;
			if (point && decimals >= 6)
				continue;		/* finer than that carries no meaning here */
			if (v > ((uint64_t) INT64_MAX - (uint64_t) (c - '0')) / 10)
				overflow = true;
			else
				v = v * 10 + (uint64_t) (c - '0');
			if (point)
				decimals++;
		}
		else if (c == ',' && any && !point && is_thousands_separator(s, n, i))
			continue;
		else if (c == '.' && any && !point && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
			point = true;
		else
			break;
	}
	if (!any)
		return false;
	if (i < n)
	{
		bool		unit = false;

		for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
			if (n - i == strlen(units[k]) && memcmp(s + i, units[k], n - i) == 0)
				unit = true;
		if (!unit)
			return false;
	}
	cell->scale = (uint8_t) decimals;
	if (overflow)
	{
		cell->state = GD_UNREADABLE;
		return true;
	}
	cell->state = GD_NUMBER;
	cell->value = neg ? -(int64_t) v : (int64_t) v;
	return true;
}

/* ---------- row assembler ---------- */

static void
label_append(assembler *a, const char *s, size_t n)
{
	char		buf[LABEL_CAP];
	size_t		k = fold(s, n, buf, sizeof(buf));

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

static bool
is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

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
		if (starts_with(s + prev_char_start(s, ds), ds - prev_char_start(s, ds), "第"))
			return false;
	}
	for (size_t k = 0; k < sizeof(after_not) / sizeof(after_not[0]); k++)
		if (starts_with(s + de, n - de, after_not[k]))
			return false;
	if (de < n && ((s[de] >= 'a' && s[de] <= 'z') || (s[de] >= 'A' && s[de] <= 'Z')))
		return false;
	return true;
}

/* Emit a label token, splitting out digit runs glued to it (collapsed layout). */
static void
emit_label_token(parser *p, assembler *a, size_t s, size_t e)
{
	const char *t = p->t;
	size_t		label_start = s;
	size_t		i = s;

	while (i < e)
	{
		size_t		ds,
					de;

		if (!is_ascii_digit(t[i]))
		{
			i++;
			continue;
		}
		ds = i;
		while (i < e && (is_ascii_digit(t[i]) ||
						 ((t[i] == '.' || t[i] == ',') && i + 1 < e && is_ascii_digit(t[i + 1]) &&
						  i > ds)))
			i++;
		de = i;
		/* "…00002.其他": the last digit numbers the next sub-item */
		if (de < e && (t[de] == '.' || starts_with(t + de, e - de, "、")) &&
			!(de + 1 < e && is_ascii_digit(t[de + 1])))
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

			if (!parse_value(t + ds, de - ds, &v))
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

	/* rows are assembled token by token: a single long line is many checks' worth of work */
	note_work(p, GD_TOKEN_WORK);

	while (s < e && is_blank_char(p->t[s]))
		s++;
	while (e > s && is_blank_char(p->t[e - 1]))
		e--;
	if (s == e)
	{
		if (blanks_count)
			on_blank(a, p->token_line);
		return;
	}
	if (parse_value(p->t + s, e - s, &v))
	{
		v.line = p->token_line;
		on_value(a, &v, 0, 0, center2);
		return;
	}
	emit_label_token(p, a, s, e);
}

static bool
only_blanks(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!is_blank_char(t[i]))
			return false;
	return true;
}

static bool
is_pipe_line(const char *t, size_t s, size_t e)
{
	const char *first;

	while (s < e && is_blank_char(t[s]))
		s++;
	if (s < e && t[s] == '|')
		return true;
	first = memchr(t + s, '|', e - s);
	return first != NULL && memchr(first + 1, '|', (size_t) (t + e - first - 1)) != NULL;
}

static bool
has_inner_tab(const char *t, size_t s, size_t e)
{
	while (s < e && is_blank_char(t[s]))
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
		else if (c != '|' && c != ':' && c != '+' && !is_blank_char(c))
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
	while (s < e && is_blank_char(t[s]))
		s++;
	if (s < e && !is_ascii_digit(t[s]) && t[s] != '-' && !starts_with(t + s, e - s, "第") &&
		!starts_with(t + s, e - s, "—"))
		return false;			/* a table row or prose: no page number starts so */
	k = fold(t + s, e - s, buf, sizeof(buf));
	if (k == 0)
		return false;
	if (starts_with(buf, k, "第"))
		i = strlen("第");
	while (i < k && (buf[i] == '-' || starts_with(buf + i, k - i, "—")))
	{
		dash_before = true;
		i += buf[i] == '-' ? 1 : strlen("—");
	}
	while (i < k && is_ascii_digit(buf[i]))
	{
		i++;
		digits++;
	}
	if (digits == 0 || digits > 4)
		return false;
	if (i == k)
		return false;			/* a lone number may be a cell */
	if (starts_with(buf + i, k - i, "页") && i + strlen("页") == k)
		return true;
	if (buf[i] == '/' )
	{
		for (i++; i < k && is_ascii_digit(buf[i]); i++)
			;
		return i == k;
	}
	if (!dash_before)
		return false;
	while (i < k && (buf[i] == '-' || starts_with(buf + i, k - i, "—")))
		i += buf[i] == '-' ? 1 : strlen("—");
	return i == k;
}

static void
tokenize_line(parser *p, assembler *a, size_t s, size_t e)
{
	const char *t = p->t;
	bool		pipe;

	note_work(p, e - s + 1);
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
				bool		outside = pipe && (cs == s || i == e) && only_blanks(t, cs, i);

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

			while (i < e && is_blank_char(t[i]))
			{
				i++;
				col++;
			}
			ts = i;
			first_col = col;
			while (i < e && !is_blank_char(t[i]))
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
run_region(parser *p, const region *rg, row_matcher match, void *ctx)
{
	assembler  *a = gd_alloc(p, sizeof(assembler));

	memset(a, 0, sizeof(*a));
	a->p = p;
	a->match = match;
	a->match_ctx = ctx;
	for (size_t li = line_of(p, rg->start) - 1; li < p->nlines; li++)
	{
		size_t		s = p->lines[li].start,
					e = p->lines[li].end;

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

static int64_t
digits_value(const char *d, int len)
{
	int64_t		v = 0;

	for (int i = 0; i < len; i++)
		v = v * 10 + (d[i] - '0');
	return v;
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
		if ((digits == 1 || d[pos] != '0') && digits_value(d + pos, digits) == remaining && ++*found == 1)
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
		v = digits_value(d + pos, l);
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
			search_splits(digits, (int) len - last, 0, 0, width - 1, digits_value(total, last),
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
		out[i].value = digits_value(digits + best[i], best[i + 1] - best[i]);
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
			if (is_ascii_digit(p->t[cells[0].glued_off + i]))
				digits[dl++] = p->t[cells[0].glued_off + i];
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
		add_problem(p, GD_PROBLEM_GLUED_DIGITS, cells[0].cell.line,
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
		add_problem(p, GD_PROBLEM_ROW_LONG, cells[0].cell.line,
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
		add_problem(p, GD_PROBLEM_ROW_SHORT, n > 0 ? cells[0].cell.line : 0,
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
		add_problem(p, GD_PROBLEM_FRACTION_IN_COUNT, c[i].line,
					"%s: a count has decimals (line %u); it is left unknown", what, c[i].line);
	}
}

static void
flag_unreadable(parser *p, const gd_cell *c, int count, const char *what)
{
	for (int i = 0; i < count; i++)
		if (c[i].state == GD_UNREADABLE && !c[i].inferred && c[i].scale == 0 && c[i].value == 0)
		{
			add_problem(p, GD_PROBLEM_NUMBER_TOO_LARGE, c[i].line,
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
	row_phrase_index *ix = gd_alloc(p, sizeof(row_phrase_index));
	int			n = 0;

	for (int b = 0; b < ROW_PHRASE_BUCKETS; b++)
		ix->bucket[b] = -1;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		for (int k = 0; k < GD_MAX_PHRASES && gd_request_row_phrases[row][k]; k++)
		{
			const char *ph = gd_request_row_phrases[row][k];
			unsigned	key = trigram_key(ph);	/* every phrase has three bytes or more */

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
		for (int e = ix->bucket[trigram_key(label + i)]; e >= 0; e = ix->phrases[e].next)
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
			add_problem(p, GD_PROBLEM_DUPLICATE_TABLE, cells[0].cell.line,
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
				add_problem(p, GD_PROBLEM_DUPLICATE_ROW, cells[0].cell.line,
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
			long		e = last_occurrence_end(label, len, st->items[k].phrases[j]);

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

/* ---------- segmentation ---------- */

static const char *const heading_phrases[GD_SECTIONS][4] = {
	{NULL},
	{"总体情况"},
	{"主动公开政府信息情况"},
	{"收到和处理政府信息公开申请情况"},
	{"政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议和行政诉讼情况", "行政复议、行政诉讼情况"},
	{"存在的主要问题及改进情况", "存在的主要问题和改进情况", "主要问题及改进情况"},
	{"其他需要报告的事项"}
};

#define HEADING_PREFIX_MAX 15	/* folded bytes before the words: "（一）", "第一部分" */
#define HEADING_SUFFIX_MAX 12	/* folded bytes after them: "：", "（续）" */

/*
 * A heading is a short line made of the heading's words, with at most a
 * numbering before them: prose that merely mentions the words (a wrapped
 * PDF line is short too) does not start with them.
 */
/*
 * Does s hold the 3-byte character ch?  Searched by its last byte: lead
 * bytes are shared by thousands of characters, last bytes far less often.
 */
static bool
holds_character(const char *s, size_t n, const char *ch)
{
	if (n < 3)
		return false;
	for (const char *hit = s + 2; (hit = memchr(hit, ch[2], n - (size_t) (hit - s))) != NULL; hit++)
		if (hit[-2] == ch[0] && hit[-1] == ch[1])
			return true;
	return false;
}

/*
 * Cheap test before folding: a heading holds the first and the last
 * character of one of its phrases unbroken (folding only drops whitespace
 * between characters).  The phrases are made of 3-byte characters.
 */
static bool
line_may_hold_phrase(const char *s, size_t n, const char *const *phrases)
{
	for (int j = 0; j < 4 && phrases[j]; j++)
	{
		size_t		pl = strlen(phrases[j]);

		if (holds_character(s, n, phrases[j]) && holds_character(s, n, phrases[j] + pl - 3))
			return true;
	}
	return false;
}

static bool
line_is_heading(parser *p, size_t li, int sec)
{
	char		buf[HEADING_MAX + 1];
	size_t		s = p->lines[li].start,
				e = p->lines[li].end;
	size_t		k;

	if (e - s > (size_t) 4 * HEADING_MAX || !line_may_hold_phrase(p->t + s, e - s, heading_phrases[sec]))
		return false;
	k = fold(p->t + s, e - s, buf, sizeof(buf));
	if (k > HEADING_MAX || k == 0)
		return false;
	for (int j = 0; j < 4 && heading_phrases[sec][j]; j++)
	{
		size_t		pl = strlen(heading_phrases[sec][j]);

		for (size_t at = 0; at <= HEADING_PREFIX_MAX && at + pl <= k; at++)
			if (memcmp(buf + at, heading_phrases[sec][j], pl) == 0)
				return k - at - pl <= HEADING_SUFFIX_MAX;
	}
	return false;
}

/*
 * Offset of the first occurrence of phrase in [from, to), or to.  Searched
 * by its third byte: a CJK lead byte is shared by thousands of characters.
 */
static size_t
find_phrase(const parser *p, size_t from, size_t to, const char *phrase)
{
	size_t		pl = strlen(phrase);
	size_t		k = pl >= 3 ? 2 : 0;

	while (from + pl <= to)
	{
		const char *hit = memchr(p->t + from + k, phrase[k], to - pl + 1 - from);

		if (hit == NULL)
			break;
		from = (size_t) (hit - p->t) - k;
		if (memcmp(p->t + from, phrase, pl) == 0)
			return from;
		from++;
	}
	return to;
}

/*
 * The first line from line `from` on that is a heading of section sec, or
 * nlines.  A heading holds the last character of one of its phrases, and
 * all phrases of a section end in the same one (况 or 项): only the lines
 * holding it are tested, found by a memchr over the text for its last byte.
 */
static size_t
find_heading_line(parser *p, size_t from, int sec)
{
	const char *const *phrases = heading_phrases[sec];
	const char *last = phrases[0] + strlen(phrases[0]) - 3;
	size_t		at = from < p->nlines ? p->lines[from].start : p->n;
	size_t		li = from;

	for (int j = 1; j < 4 && phrases[j]; j++)
		if (memcmp(phrases[j] + strlen(phrases[j]) - 3, last, 3) != 0)
		{
			/* phrases with different last characters: test every line */
			for (; li < p->nlines; li++)
			{
				note_work(p, p->lines[li].end - p->lines[li].start + 1);
				if (line_is_heading(p, li, sec))
					return li;
			}
			return li;
		}
	while (li < p->nlines && at + 3 <= p->n)
	{
		const char *hit = memchr(p->t + at + 2, last[2], p->n - at - 2);
		size_t		ch;

		if (hit == NULL)
			break;
		ch = (size_t) (hit - p->t) - 2;
		note_work(p, ch + 1 - at);
		at = ch + 1;
		if (hit[-2] != last[0] || hit[-1] != last[1])
			continue;
		while (li < p->nlines && p->lines[li].end < ch + 3)
			li++;				/* the line holding the character */
		if (li == p->nlines)
			break;
		if (line_is_heading(p, li, sec))
			return li;
		at = p->lines[li].end;
		li++;
	}
	return p->nlines;
}

/*
 * Only the first of several copies is read (a page that repeats its report,
 * two reports pasted together); a later heading of section 3 says so.
 */
static void
report_second_copy(parser *p)
{
	const gd_report *r = p->r;
	const char *ph = heading_phrases[3][0];
	size_t		at;

	if (!r->section_found[3])
		return;
	at = r->section_content[3].off + r->section_content[3].len;
	while ((at = find_phrase(p, at, p->n, ph)) < p->n)
	{
		uint32_t	line = line_of(p, at);

		if (line_is_heading(p, line - 1, 3))
		{
			add_problem(p, GD_PROBLEM_DUPLICATE_TABLE, line,
						"the text holds a second copy of section 3 (line %u); only the first copy is read",
						line);
			return;
		}
		at += strlen(ph);
	}
}

/*
 * Find the section headings in order, by their words (numbers are often
 * lost).  A heading is a short line; in collapsed text, where there are no
 * short lines, the longer phrases are looked for anywhere.
 */
static void
find_sections(parser *p)
{
	gd_report  *r = p->r;
	size_t		from_line = 0;
	size_t		from_off = 0;

	for (int sec = 1; sec < GD_SECTIONS; sec++)
	{
		size_t		li = find_heading_line(p, from_line, sec);

		if (li < p->nlines)
		{
			r->section_found[sec] = true;
			r->section_heading[sec].off = p->lines[li].start;
			r->section_heading[sec].len = p->lines[li].end - p->lines[li].start;
			from_line = li + 1;
			from_off = p->lines[li].end;
		}
		if (!r->section_found[sec] && sec >= 2)
		{
			const char *ph = heading_phrases[sec][0];
			size_t		hit = find_phrase(p, from_off, p->n, ph);

			if (hit < p->n)
			{
				r->section_found[sec] = true;
				r->section_heading[sec].off = hit;
				r->section_heading[sec].len = strlen(ph);
				from_off = r->section_heading[sec].off + strlen(ph);
				from_line = line_of(p, from_off);
			}
		}
	}
	/* contents run from a heading to the next heading found */
	for (int sec = 0; sec < GD_SECTIONS; sec++)
	{
		size_t		begin = sec == 0 ? 0 : r->section_heading[sec].off + r->section_heading[sec].len;
		size_t		end = p->n;

		if (sec > 0 && !r->section_found[sec])
			continue;
		for (int nx = sec + 1; nx < GD_SECTIONS; nx++)
			if (r->section_found[nx])
			{
				end = r->section_heading[nx].off;
				break;
			}
		if (begin > end)
			begin = end;
		r->section_content[sec].off = begin;
		r->section_content[sec].len = end - begin;
	}
	r->section_found[0] = true;
	report_second_copy(p);
}

/* Offset of the line holding the first occurrence of phrase in [from, to), or to. */
static size_t
anchor_line_start(parser *p, size_t from, size_t to, const char *phrase)
{
	size_t		i = find_phrase(p, from, to, phrase);
	size_t		li;

	if (i == to)
		return to;
	li = line_of(p, i) - 1;
	return p->lines[li].start > from ? p->lines[li].start : from;
}

static region
section_region(parser *p, int sec, size_t fallback_from, const char *const *anchors)
{
	gd_report  *r = p->r;
	region		rg = {0, 0, false};

	if (r->section_found[sec])
	{
		rg.start = r->section_content[sec].off;
		rg.end = rg.start + r->section_content[sec].len;
		rg.found = true;
		return rg;
	}
	{
		size_t		at = p->n;

		/* the earliest of the words that open the table */
		for (int k = 0; anchors[k]; k++)
		{
			size_t		hit = anchor_line_start(p, fallback_from, at, anchors[k]);

			if (hit < at)
				at = hit;
		}
		if (at < p->n)
		{
			size_t		end = p->n;

			for (int nx = sec + 1; nx < GD_SECTIONS; nx++)
				if (r->section_found[nx] && r->section_heading[nx].off > at)
				{
					end = r->section_heading[nx].off;
					break;
				}
			rg.start = at;
			rg.end = end;
			rg.found = true;
		}
	}
	return rg;
}

/* ---------- layout ---------- */

static void
detect_layout(parser *p, const region *regions, int nregions, bool is_html)
{
	size_t		single = 0,
				multi = 0,
				tabbed = 0,
				piped = 0;

	for (int k = 0; k < nregions; k++)
	{
		if (!regions[k].found)
			continue;
		for (size_t li = line_of(p, regions[k].start) - 1; li < p->nlines; li++)
		{
			size_t		s = p->lines[li].start,
						e = p->lines[li].end;
			int			values = 0;
			gd_cell		v;

			if (s >= regions[k].end)
				break;
			note_work(p, e - s + 1);
			if (is_pipe_line(p->t, s, e))
			{
				piped++;
				continue;
			}
			if (has_inner_tab(p->t, s, e))
			{
				tabbed++;
				continue;
			}
			while (s < e && is_blank_char(p->t[s]))
				s++;
			while (e > s && is_blank_char(p->t[e - 1]))
				e--;
			if (s < e && parse_value(p->t + s, e - s, &v))
			{
				single++;
				continue;
			}
			for (size_t i = s; i < e;)
			{
				size_t		ts;

				while (i < e && is_blank_char(p->t[i]))
					i++;
				ts = i;
				while (i < e && !is_blank_char(p->t[i]))
					i++;
				note_work(p, GD_TOKEN_WORK);
				if (i > ts && parse_value(p->t + ts, i - ts, &v))
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

/* ---------- title, org, year ---------- */

static char *
copy_folded(parser *p, const char *s, size_t n, size_t *out_len)
{
	char	   *buf = gd_alloc(p, n + 1);

	*out_len = fold(s, n, buf, n);
	buf[*out_len] = '\0';
	return buf;
}

/* Drop leading markup ("## ", "* ", "> ") from a folded title line. */
static const char *
strip_markup(const char *s, size_t *n)
{
	while (*n > 0 && strchr("#*>-=_|:", *s) != NULL)
	{
		s++;
		(*n)--;
	}
	return s;
}

/* Offset of a "20xx年" in folded text, with the year; -1 when absent. */
static long
find_year(const char *s, size_t n, int *year)
{
	for (size_t i = 0; i + 4 < n; i++)
		if (s[i] == '2' && (s[i + 1] == '0' || s[i + 1] == '1') &&
			is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) &&
			starts_with(s + i + 4, n - i - 4, "年") && (i == 0 || !is_ascii_digit(s[i - 1])))
		{
			*year = (int) digits_value(s + i, 4);
			return (long) i;
		}
	return -1;
}

static void
find_title(parser *p, gd_report *r, const char **title, size_t *title_len,
		   const char **org, size_t *org_len)
{
	size_t		block_end = r->section_content[0].len;
	size_t		budget = 8192;	/* bytes of non-blank lines to look at */
	size_t		prev_line = SIZE_MAX;

	*title = *org = NULL;
	*title_len = *org_len = 0;
	for (size_t li = 0; li < p->nlines && p->lines[li].start < block_end; li++)
	{
		size_t		s = p->lines[li].start,
					e = p->lines[li].end;
		size_t		fl;
		char	   *f;
		long		ypos;
		int			year = 0;

		/* blank lines (markup that left only line breaks) cost no budget */
		if (only_blanks(p->t, s, e))
			continue;
		if (budget == 0)
			break;
		if (e - s > 600)
		{
			/* a title is short: cut a long line at a character boundary */
			e = s + 600;
			while (e > s && ((unsigned char) p->t[e] & 0xC0) == 0x80)
				e--;
		}
		budget -= budget < e - s ? budget : e - s;
		f = copy_folded(p, p->t + s, e - s, &fl);
		f = (char *) strip_markup(f, &fl);
		if (fl == 0)
			continue;
		if (last_occurrence_end(f, fl, "年度报告") < 0)
		{
			prev_line = li;
			continue;
		}
		ypos = find_year(f, fl, &year);
		if (ypos < 0 && !contains(f, fl, "政府信息公开"))
			continue;			/* a bare "年度报告" (an HTML <title>, a running head) */
		r->year = year;
		r->title.off = s;
		r->title.len = e - s;
		*title = f;
		*title_len = fl;
		if (ypos > 0)
		{
			*org = f;
			*org_len = (size_t) ypos;
		}
		else if (ypos == 0)
		{
			/* "2023年度某某局政府信息公开工作年度报告" */
			size_t		from = 4 + strlen("年");
			long		stop = -1;

			if (starts_with(f + from, fl - from, "度"))
				from += strlen("度");
			for (size_t i = from; i + strlen("政府信息公开") <= fl; i++)
				if (memcmp(f + i, "政府信息公开", strlen("政府信息公开")) == 0)
				{
					stop = (long) i;
					break;
				}
			if (stop > (long) from)
			{
				*org = f + from;
				*org_len = (size_t) stop - from;
			}
		}
		if (*org_len == 0 && prev_line != SIZE_MAX)
		{
			size_t		ps = p->lines[prev_line].start,
						pe = p->lines[prev_line].end;
			size_t		pl;
			const char *pf = copy_folded(p, p->t + ps, pe - ps, &pl);

			pf = strip_markup(pf, &pl);
			if (pl > 0 && pl <= 120 && !contains(pf, pl, "。"))
			{
				char	   *joined = gd_alloc(p, pl + fl + 1);

				memcpy(joined, pf, pl);
				memcpy(joined + pl, f, fl);
				joined[pl + fl] = '\0';
				*org = pf;
				*org_len = pl;
				*title = joined;
				*title_len = pl + fl;
				r->title.off = ps;
				r->title.len = e - ps;
			}
		}
		return;
	}
}

/* ---------- narrative facts ---------- */

typedef struct fact_rule
{
	gd_fact_key key;
	const char *phrases[6];
	const char *units[3];
	size_t		window;			/* bytes after the phrase to look for the number */
} fact_rule;

static const fact_rule fact_rules[] = {
	{GD_FACT_ITEMS_DISCLOSED, {"主动公开"}, {"条", "件"}, 60},
	{GD_FACT_REQUESTS_RECEIVED, {"新收政府信息公开申请", "受理政府信息公开申请", "收到政府信息公开申请",
	"新收申请", "共受理", "共收到"}, {"件"}, 45},
	{GD_FACT_REQUESTS_HANDLED, {"办结", "答复"}, {"件"}, 15},
	{GD_FACT_REQUESTS_CARRIED_FORWARD, {"结转下年度继续办理", "结转下年度", "结转至下年度"}, {"件"}, 24},
	{GD_FACT_FEE_NOTICES, {"发出收费通知"}, {"件", "份", "次"}, 24},
	{GD_FACT_FEE_BILLED, {"总金额"}, {"元", "万元"}, 24},
	{GD_FACT_FEE_COLLECTED, {"实际收取", "收取政府信息公开信息处理费", "收取信息处理费",
	"收取政府信息公开处理费"}, {"元", "万元"}, 45},
	{GD_FACT_REVIEWS, {"行政复议"}, {"件", "起"}, 18},
	{GD_FACT_LAWSUITS, {"行政诉讼"}, {"件", "起"}, 18},
	{GD_FACT_PERIOD_YEAR, {"统计期限自", "统计期限为", "统计期间为", "统计期间自", "统计时限"}, {"年"}, 15}
};

static bool
is_sentence_end(const char *t, size_t i, size_t end)
{
	return starts_with(t + i, end - i, "。") || starts_with(t + i, end - i, "；") ||
		starts_with(t + i, end - i, "！") || starts_with(t + i, end - i, "？");
}

/* After a phrase: the first number followed by one of the units, in the window. */
static bool
number_after(parser *p, size_t from, size_t end, const fact_rule *rule, gd_fact *fact)
{
	const char *t = p->t;
	size_t		limit = from + rule->window < end ? from + rule->window : end;

	for (size_t i = from; i < limit; i++)
	{
		size_t		ns,
					ne,
					u;

		if (is_sentence_end(t, i, end))
			return false;
		if (!is_ascii_digit(t[i]))
			continue;
		ns = i;
		while (i < end && (is_ascii_digit(t[i]) ||
						   ((t[i] == '.' || t[i] == ',') && i + 1 < end && is_ascii_digit(t[i + 1]))))
			i++;
		ne = i;
		u = ne;
		while (u < end && is_blank_char(t[u]))
			u++;
		if (starts_with(t + u, end - u, "余"))
			u += strlen("余");
		else if (starts_with(t + u, end - u, "多"))
			u += strlen("多");
		for (int k = 0; k < 3 && rule->units[k]; k++)
			if (starts_with(t + u, end - u, rule->units[k]) &&
				parse_value(t + ns, ne - ns, &fact->value))
			{
				fact->value.line = line_of(p, ns);
				fact->unit = rule->units[k];
				fact->span.len = u + strlen(rule->units[k]) - fact->span.off;
				return true;
			}
		i = ne > ns ? ne - 1 : ns;
	}
	return false;
}

/*
 * One pass over a prose section for every rule still unanswered: the first
 * phrase of a rule followed by a number decides it.  Facts are appended in
 * rule order.
 */
static void
find_facts_in(parser *p, size_t start, size_t end, bool *have)
{
	enum
	{
		NRULES = sizeof(fact_rules) / sizeof(fact_rules[0])
	};
	gd_report  *r = p->r;
	gd_fact		found[NRULES];
	bool		got[NRULES] = {false};
	trigram_set starts;
	int			open = 0;

	if (end - start > FACT_SCAN_MAX)
		end = start + FACT_SCAN_MAX;
	note_work(p, end - start);
	memset(&starts, 0, sizeof(starts));
	for (size_t fr = 0; fr < NRULES; fr++)
	{
		if (have[fact_rules[fr].key])
			continue;
		open++;
		for (int k = 0; k < 6 && fact_rules[fr].phrases[k]; k++)
			trigram_add(&starts, fact_rules[fr].phrases[k]);	/* each begins with a CJK character */
	}
	for (size_t i = start; open > 0 && i + 2 < end; i++)
	{
		unsigned char c = (unsigned char) p->t[i];

		if (c < 0xE0)
			continue;
		if (!trigram_has(&starts, p->t + i))
		{
			i += (c < 0xF0) ? 2 : 0;	/* past the rest of this 3-byte character */
			continue;
		}
		for (size_t fr = 0; fr < NRULES; fr++)
		{
			const fact_rule *rule = &fact_rules[fr];

			if (have[rule->key] || got[fr])
				continue;
			for (int k = 0; k < 6 && rule->phrases[k]; k++)
			{
				size_t		pe;

				if (p->t[i] != rule->phrases[k][0] || p->t[i + 1] != rule->phrases[k][1] ||
					p->t[i + 2] != rule->phrases[k][2])
					continue;
				pe = match_skipping_space(p->t, i, end, rule->phrases[k]);
				if (!pe)
					continue;
				memset(&found[fr], 0, sizeof(gd_fact));
				found[fr].key = rule->key;
				found[fr].span.off = i;
				if (number_after(p, pe, end, rule, &found[fr]))
				{
					got[fr] = true;
					open--;
				}
				break;
			}
		}
	}
	for (size_t fr = 0; fr < NRULES; fr++)
		if (got[fr] && r->fact_count < GD_MAX_FACTS)
		{
			r->facts[r->fact_count++] = found[fr];
			have[fact_rules[fr].key] = true;
		}
}

/* ---------- entry point ---------- */

/* Line starts and ends, one memchr per line; the array grows by doubling. */
static void
index_lines(parser *p)
{
	size_t		cap = p->n / 32 + 64,
				start = 0;

	p->lines = gd_alloc(p, sizeof(line_range) * cap);
	p->nlines = 0;
	for (;;)
	{
		const char *nl = memchr(p->t + start, '\n', p->n - start);
		size_t		end = nl ? (size_t) (nl - p->t) : p->n;

		if (p->nlines == cap)
		{
			line_range *bigger = gd_alloc(p, sizeof(line_range) * cap * 2);

			memcpy(bigger, p->lines, sizeof(line_range) * cap);
			p->lines = bigger;
			cap *= 2;
		}
		p->lines[p->nlines].start = start;
		p->lines[p->nlines].end = end;
		p->nlines++;
		if (nl == NULL)
			break;
		start = end + 1;
	}
}

static void
report_missing(parser *p, const requests_state *rq)
{
	gd_report  *r = p->r;

	if (!r->has_active)
		add_problem(p, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 2 (主动公开政府信息情况) was not found");
	if (!r->has_requests)
		add_problem(p, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 3 (收到和处理政府信息公开申请情况) was not found");
	else
		for (int k = 0; k < GD_REQ_TEMPLATE_ROWS; k++)
		{
			if (rq->filled[k] || (r->other_undivided && k >= 20 && k <= 22))
				continue;
			add_problem(p, GD_PROBLEM_ROW_MISSING, 0, "requests: row %s (%s) was not found",
						gd_request_row_keys[k], gd_request_row_labels[k]);
		}
	if (!r->has_review)
		add_problem(p, GD_PROBLEM_TABLE_MISSING, 0, "the table of section 4 (行政复议、行政诉讼情况) was not found");
	else if (r->has_review)
	{
		int			got = 0;

		for (int k = 0; k < GD_REV_CELLS; k++)
			got += r->review[k].state != GD_ABSENT;
		if (got < GD_REV_CELLS)
			add_problem(p, GD_PROBLEM_ROW_SHORT, 0, "review table: only %d of 15 cells were found", got);
	}
}

void
gd_parse(const char *buf, size_t len, const gd_options *opt, gd_report *r)
{
	parser		p;
	bool		is_html = false;
	char	   *text;
	region		regions[3];
	static const char *const active_anchors[] = {"第二十条", "信息内容", NULL};
	static const char *const request_anchors[] = {"勾稽关系", "申请人情况", "本年新收", NULL};
	static const char *const review_anchors[] = {"未经复议", "复议后起诉", NULL};
	requests_state rq;
	review_state rv;
	active_state ac;
	bool		have_fact[GD_FACT_KEY_COUNT] = {false};
	const char *title,
			   *org;
	size_t		title_len,
				org_len;
	int			nmeasures;

	memset(r, 0, sizeof(*r));
	memset(&p, 0, sizeof(p));
	p.opt = opt;
	p.r = r;
	text = opt->alloc(opt->alloc_ctx, len + 1);
	r->text_len = gd_normalize(buf, len, text, &is_html, opt);
	r->text = text;
	p.t = text;
	p.n = r->text_len;
	index_lines(&p);
	find_sections(&p);

	/* table regions: by heading, else by the words that open the table */
	regions[1] = section_region(&p, 3, 0, request_anchors);
	regions[2] = section_region(&p, 4, regions[1].found ? regions[1].start : 0, review_anchors);
	if (regions[1].found && regions[2].found && regions[2].start > regions[1].start &&
		regions[1].end > regions[2].start)
		regions[1].end = regions[2].start;
	regions[0] = section_region(&p, 2, 0, active_anchors);
	if (regions[0].found && regions[1].found && regions[0].start < regions[1].start &&
		regions[0].end > regions[1].start)
		regions[0].end = regions[1].start;
	if (regions[0].found && regions[1].found && regions[0].start >= regions[1].start)
		regions[0].found = false;	/* an anchor inside the requests table */

	detect_layout(&p, regions, 3, is_html);

	/* which template: the 2019 one names other measures in section 2 */
	r->template_kind = GD_TEMPLATE_UNKNOWN;
	if (regions[0].found)
	{
		size_t		fl;
		size_t		span = regions[0].end - regions[0].start;
		char	   *f = copy_folded(&p, p.t + regions[0].start, span > 8192 ? 8192 : span, &fl);

		if (contains(f, fl, "新制作") || contains(f, fl, "上一年项目数量") || contains(f, fl, "新公开数量"))
			r->template_kind = GD_TEMPLATE_2019;
	}

	memset(&rq, 0, sizeof(rq));
	rq.p = &p;
	rq.cur = -1;
	if (regions[1].found)
		run_region(&p, &regions[1], match_request_row, &rq);

	memset(&rv, 0, sizeof(rv));
	rv.p = &p;
	if (regions[2].found)
		run_region(&p, &regions[2], match_review_row, &rv);

	memset(&ac, 0, sizeof(ac));
	ac.p = &p;
	ac.items = r->template_kind == GD_TEMPLATE_2019 ? gd_active_items_2019 : gd_active_items_2021;
	if (regions[0].found)
		run_region(&p, &regions[0], match_active_row, &ac);
	if (r->template_kind == GD_TEMPLATE_UNKNOWN && (r->has_active || r->has_requests || r->has_review))
		r->template_kind = GD_TEMPLATE_2021;
	gd_active_measures(r->template_kind, &nmeasures);
	r->active_count = nmeasures;

	if (p.saw_glued && r->layout == GD_LAYOUT_UNKNOWN)
		r->layout = GD_LAYOUT_COLLAPSED;

	find_title(&p, r, &title, &title_len, &org, &org_len);
	r->title_text = title;
	r->title_text_len = title_len;
	r->org_text = org;
	r->org_text_len = org_len;

	/* facts: the prose sections (and the preamble, which states the period) */
	{
		static const int prose[] = {0, 1, 5, 6};

		for (size_t k = 0; k < sizeof(prose) / sizeof(prose[0]) && !opt->skip_facts; k++)
			if (r->section_found[prose[k]] && (prose[k] != 0 || r->section_found[1] || r->section_found[2]))
				find_facts_in(&p, r->section_content[prose[k]].off,
							  r->section_content[prose[k]].off + r->section_content[prose[k]].len, have_fact);
	}

	if (!r->has_active && !r->has_requests && !r->has_review && !title)
	{
		bool		any_heading = false;

		for (int sec = 1; sec < GD_SECTIONS; sec++)
			any_heading = any_heading || r->section_found[sec];
		if (!any_heading)
		{
			add_problem(&p, GD_PROBLEM_NOT_A_REPORT, 0,
						"this text is not an annual report: no title, section heading or table of the template was found");
			return;
		}
	}
	if (!title)
		add_problem(&p, GD_PROBLEM_NO_TITLE, 0, "no title line (…政府信息公开工作年度报告) was found");
	else if (r->year == 0)
		add_problem(&p, GD_PROBLEM_NO_TITLE, line_of(&p, r->title.off), "the title names no year (line %u)",
					line_of(&p, r->title.off));
	report_missing(&p, &rq);
}
