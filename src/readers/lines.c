/*
 * lines.c - the line reading the text families share: normalisation has
 * already made HTML and pipe rows into tab rows, so a line split by tabs or
 * pipes is a row of cells and another line a row of whitespace-separated
 * tokens (each with its column, to place rows with blank cells).  In text
 * with one cell per line, blank lines end rows.  Digit runs glued to label
 * words ("行政许可447228") are split out as values.
 *
 * Takes the text and a region; returns a grid.
 */
#include "readers.h"

#include <string.h>

#define GAP_LINES_MAX 64		/* whitespace lines of one gap kept (longer gaps are between tables) */

typedef struct line_reader
{
	gd_text    *tx;
	gd_grid    *g;
	uint32_t	line;			/* 1-based line being read */
	bool		cells_per_line;
	bool		html;			/* the text was a page's markup */
	const gd_wrap *wrapped;		/* the rest of the line's cells on the lines after it, or NULL */
	int			value_rows;		/* rows of three values or more, split by spaces */
	bool		wide_gaps;		/* some value of such a row stood two spaces or more from the last token */
	int			rule_run;		/* dash rule lines just read, one after another */
	bool		rule_closes;	/* the rule being read closes a table whose rows wrapped */
	bool		rows_wrapped;	/* in a simple table whose rule wrapped over lines: so did its rows */

	/*
	 * A page's text taken with its markup's whitespace (get_text()): each
	 * cell on its own line at the cells' indentation, and between two cells
	 * whitespace lines one level shallower, one where the cell closes and one
	 * where the next opens; a blank cell adds two, a row's end lines
	 * shallower still.  The indentations of the gap's lines.
	 */
	bool		markup_gaps;
	bool		empty_joins;	/* an empty line by every node (text nodes joined by newlines): no mark */
	bool		space_joins;	/* a space ending every line (text nodes joined by spaces): no depth */
	uint8_t		gap[GAP_LINES_MAX];
	uint8_t		gap_tabs[GAP_LINES_MAX];	/* tabs after the indentation: cell ends (flattened HTML) */
	int			ngap;
} line_reader;

static void
add_text(line_reader *lr, size_t s, size_t e)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_TEXT;
	c.span = (gd_span) {s, e - s};
	c.cell.line = lr->line;
	gd_grid_add(lr->tx, lr->g, &c);
}

static void
add_blank(line_reader *lr, size_t at)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_BLANK;
	c.span = (gd_span) {at, 0};
	c.cell.state = GD_BLANK;
	c.cell.line = lr->line;
	gd_grid_add(lr->tx, lr->g, &c);
}

static void
add_value(line_reader *lr, const gd_cell *v, size_t s, size_t e, uint32_t center2, bool glued)
{
	gd_grid_cell c;

	memset(&c, 0, sizeof(c));
	c.kind = GD_GRID_VALUE;
	c.cell = *v;
	c.span = (gd_span) {s, e - s};
	c.center2 = center2;
	c.glued = glued;
	gd_grid_add(lr->tx, lr->g, &c);
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

/* After a placeholder mark inside a glued run: do more marks, then a digit, follow? */
static bool
mark_continues_run(const char *t, size_t i, size_t e)
{
	size_t		mark;

	while (i < e && (mark = gd_placeholder_mark(t + i, e - i)) > 0)
		i += mark;
	return i < e && gd_is_digit(t[i]);
}

/*
 * Does the 无 at t[i] start a word of the template's labels (无法提供,
 * 无正当理由…) rather than stand for a cell?
 */
static bool
starts_label_word(const char *t, size_t i, size_t e)
{
	return gd_starts_with(t + i, e - i, "无法") || gd_starts_with(t + i, e - i, "无正当");
}

/*
 * End of the placeholder marks from t[i] on; a 无 among them not where it
 * starts a label's word ("16无法提供"), but before other words it is the
 * row's last cell ("221无其他对外管理服务事项": no label starts 无其他).
 */
static size_t
placeholder_marks_end(const char *t, size_t i, size_t e)
{
	size_t		mark;

	while (i < e && (mark = gd_placeholder_mark(t + i, e - i)) > 0)
	{
		if ((unsigned char) t[i] == 0xE6 && starts_label_word(t, i, e))
			break;
		i += mark;
	}
	return i;
}

/*
 * End of a run of placeholder marks starting at t[i] that stands for cells
 * glued between labels ("1.属于国家秘密———————2.其他…", "规章///行政…"): three
 * marks or more, or two before a digit or the token's end; i when none.
 * Not starting at 无 (a word of labels; the caller takes the 无 before the
 * run), and not one mark or "——" in words (增/减, a dash); a 无 among the
 * marks is a cell ("-//无//": offices mix their marks) unless it starts a
 * label's word.
 */
static size_t
marks_run_end(const char *t, size_t i, size_t e)
{
	size_t		j = i,
				mark;
	int			marks = 0;

	/* called at every character of a label: most start no mark (无 is none here) */
	if (!gd_may_start_mark(t[i]) || (unsigned char) t[i] == 0xE6)
		return i;
	while (j < e && (mark = gd_placeholder_mark(t + j, e - j)) > 0 &&
		   !((unsigned char) t[j] == 0xE6 && starts_label_word(t, j, e)))
	{
		j += mark;
		marks++;
	}
	return marks >= 3 || (marks == 2 && (j == e || gd_is_digit(t[j]))) ? j : i;
}

/*
 * Where one placeholder mark ends the label text t[s..e) after a blank
 * ("…申请 /"), e when none: not 无 (a word of labels).
 */
static size_t
trailing_mark(const char *t, size_t s, size_t e)
{
	for (size_t len = 1; len <= 3 && len < e - s; len++)
	{
		size_t		at = e - len;

		if (gd_is_blank(t[at - 1]) && (unsigned char) t[at] != 0xE6 && gd_placeholder_mark(t + at, len) == len)
			return at;
	}
	return e;
}

/* Bytes of the placeholder marks ending at t[i] after label_start (a mark is 1 to 3 bytes), 0 when none. */
static size_t
mark_before(const char *t, size_t label_start, size_t i)
{
	size_t		back = 0;
	bool		found = true;

	while (found)
	{
		found = false;
		for (size_t len = 1; len <= 3 && label_start + back + len <= i; len++)
		{
			const char *m = t + i - back - len;

			if (gd_placeholder_mark(m, len) == len)
			{
				back += len;
				found = true;
				break;
			}
		}
	}
	return back;
}

/*
 * Are the eight bytes at s all bytes of multi-byte characters, none 0xC3 or 0xE2 (the first
 * bytes of × and of – — ― ─)?  Then none starts a glued run: the bytes of CJK words, at once.
 */
static inline bool
only_word_bytes(const char *s)
{
	uint64_t	w,
				c3,
				e2;

	memcpy(&w, s, sizeof(w));
	if ((w & GD_BYTES_OF(0x80)) != GD_BYTES_OF(0x80))
		return false;
	c3 = w ^ GD_BYTES_OF(0xC3);
	e2 = w ^ GD_BYTES_OF(0xE2);
	/* a zero byte of c3 or e2 sets its high bit here */
	return ((((c3 - GD_BYTES_OF(0x01)) & ~c3) | ((e2 - GD_BYTES_OF(0x01)) & ~e2)) & GD_BYTES_OF(0x80)) == 0;
}

/* Does none of the eight bytes at s start a glued run (words with ASCII or punctuation among them)? */
static inline bool
no_run_starts(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;

	return ((gd_byte_starts[u[0]] | gd_byte_starts[u[1]] | gd_byte_starts[u[2]] | gd_byte_starts[u[3]] |
			 gd_byte_starts[u[4]] | gd_byte_starts[u[5]] | gd_byte_starts[u[6]] | gd_byte_starts[u[7]]) &
			GD_STARTS_GLUED_RUN) == 0;
}

/* A run of glued digits t[s..e) as one value cell (its number if it reads as one), for the matcher to split. */
static void
add_glued_run(line_reader *lr, size_t s, size_t e)
{
	gd_cell		v;

	if (!gd_parse_value(lr->tx->t + s, e - s, &v))
	{
		/* digits and placeholders: cells the matcher splits */
		memset(&v, 0, sizeof(v));
		v.state = GD_UNREADABLE;
		v.inferred = 1;
	}
	v.line = lr->line;
	add_value(lr, &v, s, e, 0, true);
	lr->g->glued = lr->g->glued || (e - s) > 1;
}

/*
 * Label text t[s..e), a run of two 无 or more in it split out as a row's
 * cells glued between labels ("（六）其他处理无无无无无无无（七）总计"): no
 * label holds two together.
 */
static void
add_label_text(line_reader *lr, size_t s, size_t e)
{
	static const char nothing[] = "无无";
	const size_t one = (sizeof(nothing) - 1) / 2;
	const char *t = lr->tx->t,
			   *at;

	while (s < e && (at = gd_find_bytes(t + s, e - s, nothing, sizeof(nothing) - 1)) != NULL)
	{
		size_t		run = (size_t) (at - t),
					run_end = run;

		while (run_end + one <= e && memcmp(t + run_end, nothing, one) == 0)
			run_end += one;
		if (run > s)
			add_text(lr, s, run);
		add_glued_run(lr, run, run_end);
		s = run_end;
	}
	if (e > s)
		add_text(lr, s, e);
}

/* Emit a label token, splitting out digit runs glued to it (collapsed layout). */
static void
emit_label_token(line_reader *lr, size_t s, size_t e)
{
	const char *t = lr->tx->t;
	size_t		label_start = s;
	size_t		i = s;
	uint32_t	skipped = 0;	/* columns: not counted in a label */

	while (i < e)
	{
		size_t		ds,
					de,
					run_start,
					marks_end;

		/* most of a label is words: pass over the bytes that start no value and no mark at once */
		while (i + 8 <= e && (only_word_bytes(t + i) || no_run_starts(t + i)))
			i += 8;
		while (i < e && !(gd_byte_starts[(unsigned char) t[i]] & GD_STARTS_GLUED_RUN))
			i++;
		if (i == e)
			break;
		marks_end = gd_is_digit(t[i]) ? i : marks_run_end(t, i, e);
		if (!gd_is_digit(t[i]) && marks_end == i)
		{
			i++;
			continue;
		}
		ds = run_start = i;
		if (marks_end > i)
			i = marks_end;		/* a row of placeholders, maybe digits after */
		/* a placeholder glued before is a cell of the run ("—12", "-12", "无14", "无/无//": no label ends in 无) */
		ds -= mark_before(t, label_start, ds);
		while (i < e)
		{
			size_t		mark = gd_placeholder_mark(t + i, e - i);

			if (gd_is_digit(t[i]) ||
				((t[i] == '.' || t[i] == ',' || t[i] == '+') && i + 1 < e && gd_is_digit(t[i + 1]) && i > ds))
				i++;
			else if (mark > 0 && mark_continues_run(t, i + mark, e))
				i += mark;		/* "1010—-112": a placeholder among glued cells */
			else if (mark > 0 && i > ds && gd_is_digit(t[i - 1]))
			{
				i = placeholder_marks_end(t, i, e);	/* "收费16—第二十条": the row's last cells, not label text */
				break;
			}
			else if (i > ds && gd_starts_with(t + i, e - i, "，") && i + 3 < e && gd_is_digit(t[i + 3]))
				i += 3;			/* "1，1266…": a thousands comma typed full-width */
			else
				break;
		}
		de = i;
		if (gd_item_number_label_end(t, ds, de, e, &skipped) > de)
			continue;			/* "6 8 、属于…": 8 numbers the next item */
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
		{
			/* on past the run's first digit: its last one given to the next item may be that digit ("---1.属于") */
			if (i <= run_start)
				i = run_start + 1;
			continue;
		}
		if (ds > label_start)
			add_label_text(lr, label_start, ds);
		add_glued_run(lr, ds, de);
		label_start = de;
		i = de;
	}
	if (e > label_start)
	{
		size_t		mark = trailing_mark(t, label_start, e);

		if (mark < e)
		{
			gd_cell		v;

			/* "4.无正当理由大量反复申请 /": a cell's mark printed on its label's line, as digits are */
			gd_parse_value(t + mark, e - mark, &v);
			v.line = lr->line;
			add_label_text(lr, label_start, mark);
			add_value(lr, &v, mark, e, 0, true);
			return;
		}
		add_label_text(lr, label_start, e);
	}
}

/* Digits of the largest count a cell holds (gd_solve.h: a glued run's cells are 1 to 9 digits). */
#define CELL_DIGITS_MAX 9

/*
 * Is t[s..e) a line's only token, digits and placeholder marks longer than
 * a count: a row's cells glued with its label on lines above (crawler text
 * of the review table, "行政复议行政诉讼…总计" over "11114021２３260２2-4")?
 */
static bool
is_glued_row_line(const line_reader *lr, size_t s, size_t e)
{
	const char *t = lr->tx->t;
	size_t		ls,
				le,
				chars = 0;
	bool		digits = false;	/* not a rule of dashes */

	/* more characters than a count's digits take more bytes: most tokens are shorter */
	if (e - s <= CELL_DIGITS_MAX || lr->line == 0 || lr->line > lr->tx->nlines)
		return false;
	ls = lr->tx->lines[lr->line - 1].start;
	le = lr->tx->lines[lr->line - 1].end;
	while (ls < le && gd_is_blank(t[ls]))
		ls++;
	while (le > ls && gd_is_blank(t[le - 1]))
		le--;
	if (s != ls || e != le)
		return false;
	for (size_t i = s, mark; i < e; chars++)
	{
		if (gd_is_digit(t[i]))
		{
			digits = true;
			i++;
		}
		else if ((mark = gd_placeholder_mark(t + i, e - i)) > 0)
			i += mark;
		else
			return false;
	}
	return digits && chars > CELL_DIGITS_MAX;
}

/* One cell or token: a value, a blank, or label text. */
static void
emit_item(line_reader *lr, size_t s, size_t e, bool blanks_count, uint32_t center2)
{
	gd_cell		v;

	/* rows are assembled token by token: a single long line is many checks' worth of work */
	gd_note_work(lr->tx, GD_TOKEN_WORK);
	while (s < e && gd_is_blank(lr->tx->t[s]))
		s++;
	while (e > s && gd_is_blank(lr->tx->t[e - 1]))
		e--;
	if (s == e)
	{
		if (blanks_count)
			add_blank(lr, s);
		return;
	}
	if (is_glued_row_line(lr, s, e))
	{
		add_glued_run(lr, s, e);
		return;
	}
	if (gd_parse_value(lr->tx->t + s, e - s, &v))
	{
		v.line = lr->line;
		add_value(lr, &v, s, e, center2, false);
		return;
	}
	if (gd_is_cut_number(lr->tx->t + s, e - s))
	{
		/* a cell of digits and separators that make no number ("1 126"): unknown, not label words */
		gd_cut_number_cell(&v, lr->line, lr->tx->t + s, e - s);
		add_value(lr, &v, s, e, center2, false);
		return;
	}
	emit_label_token(lr, s, e);
}

/*
 * The bar a pipe line's cells are split by: '|', or '!' for the rows of a
 * table nested in an AsciiDoc cell ("!行政许可 !214 !+12").
 */
static char
pipe_bar(const char *t, size_t s, size_t e)
{
	while (s < e && gd_is_blank(t[s]))
		s++;
	if (s + 1 >= e || t[s] != '!')
		return '|';
	/* another cell opened after a blank: " !" */
	for (size_t i = s + 2; i < e; i++)
		if (t[i] == '!' && gd_is_blank(t[i - 1]))
			return '!';
	return '|';
}

bool
gd_is_pipe_line(const char *t, size_t s, size_t e)
{
	const char *first;

	while (s < e && gd_is_blank(t[s]))
		s++;
	if (s < e && (t[s] == '|' || pipe_bar(t, s, e) == '!'))
		return true;
	first = memchr(t + s, '|', e - s);
	return first != NULL && memchr(first + 1, '|', (size_t) (t + e - first - 1)) != NULL;
}

bool
gd_has_inner_tab(const char *t, size_t s, size_t e)
{
	while (s < e && gd_is_blank(t[s]))
		s++;
	return memchr(t + s, '\t', e - s) != NULL;
}

/*
 * A line of text read one cell per line that holds two values or more and
 * nothing else (a PDF's neighbouring cells on one line: "1244 12"): each
 * value its own cell.  False, and nothing emitted, for any other line.
 */
static bool
emit_value_tokens(line_reader *lr, size_t s, size_t e)
{
	const char *t = lr->tx->t;
	int			tokens = 0;
	gd_cell		v;

	for (int pass = 0; pass < 2; pass++)
	{
		size_t		i = s,
					ts;

		while (gd_next_token(t, &i, e, &ts))
		{
			bool		is_value = gd_parse_value(t + ts, i - ts, &v);

			if (pass == 0 && !is_value)
				return false;
			tokens += pass == 0;
			if (pass == 1)
			{
				v.line = lr->line;
				add_value(lr, &v, ts, i, 0, false);
			}
		}
		if (tokens < 2)
			return false;
	}
	return true;
}

/*
 * A line of text read one cell per line that holds a label and then two values or more, set
 * apart by spaces (a PDF's row whose cells are one line each, on its label's line: "二、上年结转…
 * ０ ２ ０ １ ０ ０ ３"): the label, then each value its own cell.  False, and nothing emitted,
 * for any other line.
 */
static bool
emit_label_and_values(line_reader *lr, size_t s, size_t e)
{
	const char *t = lr->tx->t;
	size_t		i = s,
				ts,
				values_start = e,
				label_end = s;
	int			values = 0;
	gd_cell		v;

	/* most such lines are words: their last token says so at once */
	while (e > s && gd_is_blank(t[e - 1]))
		e--;
	for (ts = e; ts > s && !gd_is_blank(t[ts - 1]); ts--)
		;
	if (ts == s || !gd_parse_value(t + ts, e - ts, &v))
		return false;
	while (gd_next_token(t, &i, e, &ts))
	{
		if (gd_parse_value(t + ts, i - ts, &v))
		{
			values_start = values++ == 0 ? ts : values_start;
			continue;
		}
		values = 0;
		values_start = e;
		label_end = i;
	}
	if (values < 2 || label_end == s)
		return false;
	emit_label_token(lr, s, label_end);
	return emit_value_tokens(lr, values_start, e);
}

/*
 * A MediaWiki row mark "|-" (its line flattened into the table's: "|- | "):
 * the cell t[cs..ce) is a dash right after its bar, then blanks only, and
 * the next cell is padded.  A placeholder cell is padded too ("| - |"), or
 * closed at once ("|-|"), or unpadded like its neighbours (AsciiDoc "|- |0 ").
 */
static bool
is_wiki_row_mark(const char *t, size_t s, size_t e, size_t cs, size_t ce)
{
	return cs > s && ce - cs >= 2 && ce + 1 < e && t[cs - 1] == '|' && t[cs] == '-' &&
		gd_only_blanks(t, cs + 1, ce) && gd_is_blank(t[ce + 1]);
}

/* A cell holding only DokuWiki's forced line break "\\\\": a nested table's rows flattened into one line. */
static bool
is_line_break_cell(const char *t, size_t cs, size_t ce)
{
	const char *mark = memchr(t + cs, '\\', ce - cs);

	return mark != NULL && (size_t) (mark - t) + 1 < ce && mark[1] == '\\' && gd_only_blanks(t, cs, (size_t) (mark - t)) &&
		gd_only_blanks(t, (size_t) (mark - t) + 2, ce);
}

/* More cells than a row holds, all on one line, the last before a bar (get_text("|", strip=True))? */
static bool
one_line_of_bars(const gd_text *tx, const gd_grid *g)
{
	const gd_grid_cell *last;
	size_t		after;

	if (g->ncells <= GD_REV_CELLS)
		return false;
	last = &g->cells[g->ncells - 1];
	after = last->span.off + last->span.len;
	return g->cells[0].cell.line == last->cell.line && after < tx->n && tx->t[after] == '|';
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

/*
 * A rule of a simple table ("----------  -----", pandoc's), perhaps wrapped
 * over lines by a layout grid: a run of dashes longer than a placeholder's
 * marks, so the short runs beside it ("-", "--") are pieces of the rule too.
 */
static bool
is_dash_rule(const char *t, size_t s, size_t e)
{
	size_t		run = 0,
				longest = 0;

	/* most lines fail the rule's bytes at their first character: that test first */
	if (!is_rule_line(t, s, e))
		return false;
	for (size_t i = s; i < e; i++)
	{
		run = t[i] == '-' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	return longest > GD_PLACEHOLDER_MARKS_MAX;
}

/* Is c a byte of a footer's characters: blanks, digits, - / and 第 页 —? */
static bool
is_footer_byte(char c)
{
	switch ((unsigned char) c)
	{
		case ' ':
		case '\t':
		case '\n':
		case '-':
		case '/':
		case 0xE7:				/* 第 E7 AC AC */
		case 0xAC:
		case 0xE9:				/* 页 E9 A1 B5 */
		case 0xA1:
		case 0xB5:
		case 0xE2:				/* — E2 80 94 */
		case 0x80:
		case 0x94:
			return true;
		default:
			return gd_is_digit(c);
	}
}

bool
gd_is_page_footer(const char *t, size_t s, size_t e)
{
	char		buf[64];
	size_t		k,
				i = 0,
				digits = 0;
	int			numbers = 0;	/* runs of digits: a page's number and the count of pages at most */
	bool		dash_before = false,
				only_digits = true;

	if (e - s > 64)
		return false;
	while (s < e && gd_is_blank(t[s]))
		s++;
	if (s < e && !gd_is_digit(t[s]) && t[s] != '-' && !gd_starts_with(t + s, e - s, "第") &&
		!gd_starts_with(t + s, e - s, "—"))
		return false;			/* a table row or prose: no page number starts so */
	/* a byte of no footer's character: most rows that start with a digit ("1.属于…") end here, unfolded */
	for (size_t at = s; at < e; at++)
	{
		if (!is_footer_byte(t[at]))
			return false;
		only_digits = only_digits && (gd_is_digit(t[at]) || gd_is_blank(t[at]));
		numbers += gd_is_digit(t[at]) && (at == s || !gd_is_digit(t[at - 1]));
	}
	/* a number, a cell's (a footer has a mark beside its digits); or a row of them ("2 / 0 6 8 …") */
	if (only_digits || numbers > 2)
		return false;
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

/* A number whose digits begin on the lines over it or continue on the lines after it ("１１４" / "６"). */
static bool
emit_wrapped_number(line_reader *lr, size_t s, size_t e, int token, uint32_t center2)
{
	const gd_wrap *w = lr->wrapped;
	char		joined[64];
	size_t		n = 0;
	bool		pieces = false;
	gd_cell		v;

	/* its lines in order: the top pieces, its own, the pieces under it */
	for (int l = 0; l < w->nabove + 1 + w->nlines; l++)
	{
		gd_span		p = l < w->nabove ? w->top[l][token] : l == w->nabove ? (gd_span) {s, e - s} :
			w->piece[l - w->nabove - 1][token];

		if (n + p.len > sizeof(joined))
			return false;
		memcpy(joined + n, lr->tx->t + p.off, p.len);
		n += p.len;
		pieces = pieces || (l != w->nabove && p.len > 0);
	}
	if (!pieces || !gd_parse_value(joined, n, &v))
		return false;
	v.line = lr->line;
	add_value(lr, &v, s, e, center2, false);
	return true;
}

/* The words of a label continued on the lines after it. */
static void
emit_label_pieces(line_reader *lr, int token)
{
	for (int l = 0; l < lr->wrapped->nlines; l++)
	{
		gd_span		p = token < 0 ? lr->wrapped->lead[l] : lr->wrapped->piece[l][token];

		if (p.len > 0)
			emit_label_token(lr, p.off, p.off + p.len);
	}
}

/* Does line li (0-based) end in two blanks, before a layout grid's closing bar if any? */
static bool
ends_in_blanks(const gd_text *tx, size_t li)
{
	size_t		s = tx->lines[li].start,
				e = tx->lines[li].end;

	if (e > s && tx->t[e - 1] == '|')
		e--;
	return e >= s + 2 && gd_is_blank(tx->t[e - 1]) && gd_is_blank(tx->t[e - 2]);
}

/*
 * A line of values alone in a simple table whose rows wrapped (a layout
 * grid cut each row's line at its width, "规章  2" over "2  2"): the rest of
 * the row above, cells from row_start on, when that row holds its label and
 * a value of its own.  Only where the line above was cut in blanks: a cut
 * through a token may have cut a number.  The continuation's columns are the
 * wrapped line's, not the table's: none is kept, so no placement by columns
 * reads the row (the value above keeps it one of text aligned by spaces).
 */
static void
continue_wrapped_row(line_reader *lr, size_t row_start)
{
	gd_grid    *g = lr->g;
	bool		labelled = false,
				placed_value = false;

	if (g->nrows == 0 || g->row_end[g->nrows - 1] != row_start || lr->line < 2 ||
		!ends_in_blanks(lr->tx, lr->line - 2))
		return;
	for (size_t k = g->nrows > 1 ? g->row_end[g->nrows - 2] : 0; k < row_start; k++)
	{
		labelled = labelled || g->cells[k].kind == GD_GRID_TEXT;
		placed_value = placed_value || (g->cells[k].kind == GD_GRID_VALUE && g->cells[k].center2 > 0);
	}
	if (!labelled || !placed_value)
		return;
	g->nrows--;
	for (size_t k = row_start; k < g->ncells; k++)
		g->cells[k].center2 = 0;
}

/* One line; pipe and tabbed say whether it splits by pipes (gd_is_pipe_line) or, if not, by tabs (gd_has_inner_tab). */
/* Where the cell of a tab row (pipe: of a pipe row split by bar, or tabs) that starts at i ends: e after the last. */
static size_t
cell_end(const char *t, size_t i, size_t e, bool pipe, char bar)
{
	const char *tab;

	if (pipe)
	{
		while (i < e && t[i] != '\t' && t[i] != bar)
			i++;
		return i;
	}
	tab = memchr(t + i, '\t', e - i);
	return tab ? (size_t) (tab - t) : e;
}

/* Is t[s..e) blanks alone, none of them an NBSP? */
static bool
source_blanks(const gd_text *tx, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!gd_is_blank(tx->t[i]) || gd_converter_bytes(tx, i) != 1)
			return false;
	return true;
}

static void
tokenize_line(line_reader *lr, size_t s, size_t e, bool pipe, bool tabbed)
{
	const char *t = lr->tx->t;

	gd_note_work(lr->tx, e - s + 1);
	/* a page's source whitespace alone ("<br/>\n<hr/>") is no blank cell: HTML prints none (an NBSP is one) */
	if (s == e || (lr->cells_per_line && lr->html && source_blanks(lr->tx, s, e)))
	{
		if (lr->cells_per_line)
			gd_grid_end_row(lr->tx, lr->g);
		return;
	}
	if (gd_is_page_footer(t, s, e))
		return;
	/* "---|---": the rule of a two-column Markdown table without outer bars (html2text's) */
	if (!pipe && t[s] == '-' && memchr(t + s, '|', e - s) != NULL && is_rule_line(t, s, e))
		return;
	if (!pipe && !tabbed && !lr->cells_per_line && is_dash_rule(t, s, e))
	{
		if (lr->rule_run++ == 0)
			lr->rule_closes = lr->rows_wrapped;
		lr->rows_wrapped = !lr->rule_closes && lr->rule_run >= 2;
		return;
	}
	lr->rule_run = 0;
	if (pipe || tabbed)
	{
		size_t		cs = s;
		char		bar = pipe ? pipe_bar(t, s, e) : '|';

		if (pipe && is_rule_line(t, s, e))
			return;
		for (size_t i = cell_end(t, s, e, pipe, bar);; i = cell_end(t, cs, e, pipe, bar))
		{
			/* the empty outsides of "| a | b |" are no cells */
			bool		outside = pipe && (cs == s || i == e) && gd_only_blanks(t, cs, i);

			if (pipe && (is_wiki_row_mark(t, s, e, cs, i) || is_line_break_cell(t, cs, i)))
				gd_grid_end_row(lr->tx, lr->g);
			else if (!outside)
				emit_item(lr, cs, i, true, 0);
			if (i == e)
				break;
			cs = i + 1;
		}
		if (!lr->cells_per_line)
			gd_grid_end_row(lr->tx, lr->g);
		return;
	}
	if (lr->cells_per_line)
	{
		size_t		ts = s,
					te = e;
		uint32_t	col = 0;

		while (ts < te && gd_is_blank(t[ts]))
			ts++;
		while (te > ts && gd_is_blank(t[te - 1]))
			te--;
		/* "8" over "、属于行政查询事项": the next item's number, on a line of its own */
		if (ts < te && lr->line < lr->tx->nlines &&
			gd_item_number_label_end(t, ts, te, lr->tx->lines[lr->line].end, &col) > te)
			emit_label_token(lr, ts, te);
		else if (!gd_holds_blank(t, ts, te) || (!emit_value_tokens(lr, s, e) && !emit_label_and_values(lr, s, e)))
			emit_item(lr, s, e, true, 0);	/* one token: a cell, whatever it holds */
		return;
	}

	/*
	 * space-aligned or plain text rows: whitespace separates the tokens, and
	 * each token's display column (as printed: text browsers align cells by
	 * it) lets a row with blank cells be placed under the columns of a
	 * complete row
	 */
	{
		uint32_t	col = 0;
		int			token = 0;
		size_t		row_start = lr->g->ncells,
					gap;
		bool		wide = false;

		if (lr->wrapped)
		{
			gd_span		label = lr->wrapped->top_label;

			emit_label_pieces(lr, -1);
			if (label.len > 0)
				emit_label_token(lr, label.off, label.off + label.len);	/* the label's first line, over the row's */
		}
		for (size_t i = s; i < e;)
		{
			size_t		ts;
			uint32_t	first_col;

			/* a blank is one byte and one column (two folded from an ideographic space), as gd_display_width counts */
			for (gap = 0; i < e && gd_is_blank(t[i]); gap++, i++)
				col += 1 + (uint32_t) gd_folded_column(gd_column_folds(lr->tx), i);
			ts = i;
			first_col = col;
			while (i < e && !gd_is_blank(t[i]))
				i++;
			col += gd_display_width(lr->tx, ts, i);
			i = gd_item_number_label_end(t, ts, i, e, &col);
			if (i > ts && token > 0 && gap >= 2 && gd_is_digit(t[ts]))
				wide = true;
			if (i > ts && !(lr->wrapped && emit_wrapped_number(lr, ts, i, token, first_col + col)))
			{
				size_t		cells = lr->g->ncells;

				emit_item(lr, ts, i, false, first_col + col);
				if (lr->wrapped && lr->g->ncells > cells && lr->g->cells[lr->g->ncells - 1].kind == GD_GRID_TEXT)
					emit_label_pieces(lr, token);
			}
			token++;
		}
		{
			int			values = 0;

			for (size_t k = row_start; k < lr->g->ncells; k++)
				values += lr->g->cells[k].kind == GD_GRID_VALUE;
			if (lr->rows_wrapped && values > 0 && values == (int) (lr->g->ncells - row_start))
				continue_wrapped_row(lr, row_start);
			if (values >= 3)
			{
				lr->value_rows++;
				lr->wide_gaps = lr->wide_gaps || wide;
			}
		}
	}
	gd_grid_end_row(lr->tx, lr->g);
}

/*
 * Grid tables (pandoc -t markdown): a row is every '|' line between two
 * "+---+" rules, and a cell's words wrap onto those lines.  A row of more
 * lines or cells than this is read line by line.
 */
#define GRID_ROW_LINES_MAX 24
#define GRID_ROW_CELLS_MAX 24

static bool
is_grid_rule(const char *t, size_t s, size_t e)
{
	while (s < e && gd_is_blank(t[s]))
		s++;
	return s < e && t[s] == '+' && is_rule_line(t, s, e);
}

/*
 * A number wrapped over a grid cell's lines ("183" / "6540" / "0.50"), the
 * cells from on: one value; pieces that make no number together are no value.
 */
static void
join_value_pieces(line_reader *lr, size_t from)
{
	gd_grid    *g = lr->g;
	char		joined[64];
	size_t		jl = 0;
	gd_cell		v;

	if (g->ncells < from + 2)
		return;
	for (size_t k = from; k < g->ncells; k++)
	{
		if (g->cells[k].kind != GD_GRID_VALUE || g->cells[k].glued || jl + g->cells[k].span.len > sizeof(joined))
			return;
		memcpy(joined + jl, lr->tx->t + g->cells[k].span.off, g->cells[k].span.len);
		jl += g->cells[k].span.len;
	}
	if (gd_parse_value(joined, jl, &v))
	{
		v.line = g->cells[from].cell.line;
		g->cells[from].cell = v;
		g->ncells = from + 1;
		return;
	}
	for (size_t k = from; k < g->ncells; k++)
		g->cells[k].kind = GD_GRID_TEXT;
}

/*
 * Read lines [first, last) as one row of a grid table, cell by cell: each
 * cell's pieces in line order (a wrapped label's pieces follow each other,
 * so the matcher reads them as one label), without the attributes of a
 * Markdown span that wrapped with them, a blank where every piece is empty.  False when the lines do not split into the same cells.
 */
static bool
read_grid_row(line_reader *lr, size_t first, size_t last)
{
	const char *t = lr->tx->t;
	size_t		bars[GRID_ROW_LINES_MAX][GRID_ROW_CELLS_MAX + 1];
	size_t		nbars = 0;

	for (size_t li = first; li < last; li++)
	{
		size_t		n = 0;

		gd_note_work(lr->tx, lr->tx->lines[li].end - lr->tx->lines[li].start + 1);
		for (size_t i = lr->tx->lines[li].start; i < lr->tx->lines[li].end; i++)
			if (t[i] == '|')
			{
				if (n > GRID_ROW_CELLS_MAX)
					return false;
				bars[li - first][n++] = i;
			}
		if (n < 2 || (li > first && n != nbars))
			return false;
		nbars = n;
	}
	for (size_t c = 0; c + 1 < nbars; c++)
	{
		size_t		cells_before = lr->g->ncells;

		bool		in_attributes = false;

		for (size_t li = first; li < last; li++)
		{
			size_t		s = bars[li - first][c] + 1,
						e = bars[li - first][c + 1];

			lr->line = (uint32_t) li + 1;
			if (in_attributes)
			{
				const char *close = memchr(t + s, '}', e - s);

				if (close == NULL)
					continue;
				s = (size_t) (close - t) + 1;
				in_attributes = false;
			}
			/* a span's attributes wrapped over the cell's lines ("{lang=" / "\"zh-CN\"}") */
			for (size_t i = s; i < e; i++)
				if (t[i] == '{' && memchr(t + i, '}', e - i) == NULL)
				{
					e = i;
					in_attributes = true;
				}
			emit_item(lr, s, e, false, 0);
		}
		join_value_pieces(lr, cells_before);
		if (lr->g->ncells == cells_before)
			add_blank(lr, bars[0][c] + 1);
	}
	gd_grid_end_row(lr->tx, lr->g);
	return true;
}

/* The index of the grid rule that closes the row starting at line first, or 0 when none does. */
static size_t
grid_row_end(const gd_text *tx, const gd_region *rg, size_t first)
{
	for (size_t li = first; li < tx->nlines && li < first + GRID_ROW_LINES_MAX + 1; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;

		if (s >= rg->end)
			return 0;
		if (is_grid_rule(tx->t, s, e))
			return li > first ? li : 0;
		if (!gd_is_pipe_line(tx->t, s, e))
			return 0;
	}
	return 0;
}

/* Columns of leading whitespace of t[s..e), capped at 255. */
static uint8_t
indentation(const char *t, size_t s, size_t e)
{
	size_t		i = s;

	while (i < e && (t[i] == '\t' || t[i] == ' ') && i - s < 255)
		i++;
	return (uint8_t) (i - s);
}

static void
add_gap_blanks(line_reader *lr, int count, size_t at)
{
	for (int k = 0; k < count; k++)
		add_blank(lr, at);
}

/*
 * The gap before a cell at indentation depth.  Between two cells the gap
 * holds one line one level shallower where the cell closes and one where the
 * next opens; an empty cell adds one more (<td></td> on one line), or, when
 * it holds a whitespace line at the cells' depth, that line and two (its
 * opening and closing).  A line shallower still is a row's end: blanks before
 * it end the old row, blanks after it start the new one.
 */
static void
close_gap(line_reader *lr, uint8_t depth, size_t at)
{
	int			shallow_first = -1,
				shallow_last = -1;
	int			edges[3] = {0},	/* lines one level shallower: before, between, after the row's end */
				filled[3] = {0},	/* whitespace lines at the cells' depth: blank cells with content */
				tabs[3] = {0};	/* cell ends marked by tabs: each beyond the first is an empty cell */
	bool		tabbed = false;

	if (lr->ngap == 0)
		return;
	for (int k = 0; k < lr->ngap; k++)
		if (lr->gap[k] + 1 < depth)
		{
			if (shallow_first < 0)
				shallow_first = k;
			shallow_last = k;
		}
	for (int k = 0; k < lr->ngap; k++)
	{
		int			part = shallow_first < 0 ? 1 : k < shallow_first ? 0 : k > shallow_last ? 2 : -1;

		if (part < 0)
			continue;
		tabs[part] += lr->gap_tabs[k];
		tabbed |= lr->gap_tabs[k] > 0;
		if (lr->gap[k] + 1 == depth)
			edges[part]++;
		else if (lr->gap[k] >= depth)
			filled[part]++;
	}
	if (tabbed)
	{
		/* flattened HTML: a tab ends each cell, the indentation is decoration */
		for (int part = 0; part < 3; part++)
			edges[part] = tabs[part] + (part == 1 ? 1 : 0);
		memset(filled, 0, sizeof(filled));
	}
	if (lr->ngap == GAP_LINES_MAX)
		gd_grid_end_row(lr->tx, lr->g);
	else if (shallow_first < 0)
		add_gap_blanks(lr, edges[1] - 2 - filled[1], at);
	else
	{
		add_gap_blanks(lr, edges[0] - 1 - filled[0], at);
		gd_grid_end_row(lr->tx, lr->g);
		add_gap_blanks(lr, edges[2] - 1 - filled[2], at);
	}
	lr->ngap = 0;
}

/*
 * Do whitespace lines outnumber the lines with text (markup_gaps), and
 * stand between them (markup puts two between cells: a line of text right
 * after another is rare there, and common where a blank cell is a line of
 * blanks among its row's values)?  Empty lines outnumbering them too
 * (*empty_joins), or a space ending nine lines in ten (*space_joins), are
 * no markup's but the join's.
 */
#define MARKUP_ADJACENT_TEXT_RATIO 4	/* text lines to each one right after another, at least */
static bool
has_markup_gaps(const gd_text *tx, const gd_region *rg, bool *empty_joins, bool *space_joins)
{
	size_t		text_lines = 0,
				gap_lines = 0,
				empty_lines = 0,
				space_ends = 0,
				adjacent_text = 0;
	bool		after_text = false;

	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines && tx->lines[li].start < rg->end; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		bool		text = false;

		if (s == e)
			empty_lines++;
		else if (gd_only_blanks(tx->t, s, e))
			gap_lines++;
		else
		{
			text_lines++;
			text = true;
			adjacent_text += after_text;
		}
		after_text = text;
		space_ends += s < e && tx->t[e - 1] == ' ';
	}
	*empty_joins = empty_lines > text_lines;
	*space_joins = space_ends * 10 >= (gap_lines + text_lines) * 9;
	return gap_lines > text_lines && text_lines > 0 && adjacent_text * MARKUP_ADJACENT_TEXT_RATIO <= text_lines;
}

/* A line's indentation, less the space a join by spaces put after its tabs. */
static uint8_t
line_depth(const line_reader *lr, size_t s, size_t e)
{
	uint8_t		depth = indentation(lr->tx->t, s, e);

	if (lr->space_joins && depth >= 2 && lr->tx->t[s + depth - 1] == ' ' && lr->tx->t[s + depth - 2] == '\t')
		depth--;
	return depth;
}

/* A line of markup-gapped text: gap lines are kept, a cell line closes the gap. */
static void
read_gapped_line(line_reader *lr, size_t s, size_t e)
{
	const char *t = lr->tx->t;

	if (gd_only_blanks(t, s, e))
	{
		if (lr->ngap < GAP_LINES_MAX)
		{
			uint8_t		depth = line_depth(lr, s, e),
						tabs = 0;

			for (size_t i = s + 1; i < e; i++)
				tabs += t[i] == '\t' && t[i - 1] == ' ' && tabs < 255;
			lr->gap_tabs[lr->ngap] = tabs;
			lr->gap[lr->ngap++] = depth;
		}
		return;
	}
	close_gap(lr, line_depth(lr, s, e), s);
	gd_note_work(lr->tx, e - s + 1);
	if (!gd_is_page_footer(t, s, e))
		emit_item(lr, s, e, true, 0);
}

/*
 * Does some line of the region hold two blanks or more after its first token?  Where none does
 * (pdftotext -raw, a stream of tokens one space apart) no line's tokens stand in columns, and a
 * token under another is no piece of its number.
 */
static bool
has_column_gaps(const gd_text *tx, const gd_region *rg)
{
	const char *t = tx->t;
	bool		in_text = false;

	for (size_t i = rg->start; i + 1 < rg->end; i++)
	{
		if (t[i] == '\n')
			in_text = false;
		else if (!gd_is_blank(t[i]))
			in_text = true;
		else if (in_text && (t[i] == '\t' || gd_is_blank(t[i + 1])) && t[i + 1] != '\n')
			return true;
	}
	return false;
}

/* How many values (numbers, placeholders) line li holds; *labelled: a word of a label too.  -1: too many tokens. */
static int
line_values(const gd_text *tx, size_t li, bool *labelled)
{
	gd_col_token tok[GD_LINE_TOKENS_MAX];
	int			n = gd_line_tokens(tx, li, tok, GD_LINE_TOKENS_MAX),
				values = 0;
	gd_cell		v;

	*labelled = false;
	for (int k = 0; k < n; k++)
		if (gd_parse_value(tx->t + tok[k].s, tok[k].e - tok[k].s, &v))
			values++;
		else
			*labelled = true;
	return n < 0 ? -1 : values;
}

/* The line across a page break from line li (dir 1: after it, -1: before it), a page footer passed over; SIZE_MAX: none. */
static size_t
across_page_break(const gd_text *tx, size_t li, int dir)
{
	if (dir > 0 && gd_page_break_after(tx, li))
		return li + 1;
	if (dir > 0 && li + 2 < tx->nlines && gd_page_break_after(tx, li + 1) &&
		gd_is_page_footer(tx->t, tx->lines[li + 1].start, tx->lines[li + 1].end))
		return li + 2;			/* the row, its page's footer, the break */
	if (dir < 0 && li >= 1 && gd_page_break_after(tx, li - 1))
		return li >= 2 && gd_is_page_footer(tx->t, tx->lines[li - 1].start, tx->lines[li - 1].end) ? li - 2 : li - 1;
	return SIZE_MAX;
}

/*
 * Do line li and its neighbour over a page break hold one table row's cells: one of them values
 * alone, fewer than the other's three or more?  A cell too narrow for its number wraps it, and
 * where the row goes on over the page pdftotext places the rest in the new page's columns, not
 * under their cells: which cell each piece ends, neither line tells.
 */
static bool
split_by_page(const gd_text *tx, size_t li)
{
	for (int dir = -1; dir <= 1; dir += 2)
	{
		size_t		other = across_page_break(tx, li, dir);
		bool		labelled,
					other_labelled;
		int			values,
					other_values;

		if (other == SIZE_MAX)
			continue;
		values = line_values(tx, li, &labelled);
		other_values = line_values(tx, other, &other_labelled);
		if ((!other_labelled && other_values > 0 && other_values < values && values >= 3) ||
			(!labelled && values > 0 && values < other_values && other_values >= 3))
			return true;
	}
	return false;
}

void
gd_read_text_lines(gd_text *tx, const gd_region *rg, const gd_census *census, gd_grid *out)
{
	line_reader lr = {tx, out, 0, gd_one_cell_per_line(census), census->is_html, NULL, 0, false, 0, false, false, false, false, false, {0}, {0}, 0};
	size_t		end_line = gd_line_of(tx, rg->end > 0 ? rg->end - 1 : 0);
	gd_wrap    *wrap = gd_alloc(tx, sizeof(gd_wrap));
	gd_span		suspects[GD_LINE_TOKENS_MAX];
	gd_piece_cache *pieces = gd_piece_cache_new(tx);
	size_t		pieces_read = 0;	/* lines before it were read as pieces of a wrapped row */
	/* no line of a region without '|', '!' or tabs is a pipe or tab row */
	bool		bars = gd_region_holds(tx, rg, '|') || gd_region_holds(tx, rg, '!'),
				tabs = gd_region_holds(tx, rg, '\t'),
				columns;

	gd_grid_init(out);
	out->cells_per_line = lr.cells_per_line;
	/* markup, or one cell a line: no line is laid out in columns, nor told by them */
	columns = census->is_html || lr.cells_per_line || has_column_gaps(tx, rg);
	out->no_columns = !columns;
	lr.markup_gaps = lr.cells_per_line && has_markup_gaps(tx, rg, &lr.empty_joins, &lr.space_joins);
	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		bool		pipe,
					tabbed,
					display_laid,
					split;
		int			top_lines;

		if (s >= rg->end)
			break;
		if (s < rg->start)
			s = rg->start;
		if (e > rg->end)
			e = rg->end;
		if (s > e)
			continue;
		lr.line = (uint32_t) li + 1;
		if (is_grid_rule(tx->t, s, e))
		{
			size_t		rule = grid_row_end(tx, rg, li + 1);

			gd_note_work(tx, e - s + 1);
			if (rule > 0 && read_grid_row(&lr, li + 1, rule))
				li = rule - 1;	/* the closing rule opens the next row */
			continue;
		}
		if (lr.markup_gaps)
		{
			if (!(lr.empty_joins && s == e))
				read_gapped_line(&lr, s, e);
			continue;
		}
		pipe = bars && gd_is_pipe_line(tx->t, s, e);
		tabbed = !pipe && tabs && gd_has_inner_tab(tx->t, s, e);
		display_laid = columns && !lr.cells_per_line && !census->is_html && !lr.rows_wrapped && s == tx->lines[li].start && !pipe && !tabbed;
		if (display_laid && (top_lines = gd_wrap_top_lines(tx, li, pieces_read, end_line, wrap, pieces)) > 0)
		{
			li += (size_t) top_lines - 1;	/* the first pieces of the next line's numbers: read with it */
			continue;
		}
		/* the table's text laid out by display width, where a number may wrap in its cell (a simple table's never does) */
		split = display_laid && tx->folded != NULL && split_by_page(tx, li);
		lr.wrapped = display_laid && !split && gd_holds_blank(tx->t, s, tx->lines[li].end) &&	/* one token is no row of numbers */
			gd_wrapped_pieces(tx, li, pieces_read, end_line, wrap, pieces) ? wrap : NULL;
		if (lr.wrapped && lr.wrapped->nabove > 0)
			pieces_read = li;	/* the lines over it were its pieces */
		{
			size_t		first_cell = out->ncells;
			int			nsuspect = 0;

			if (split)
				suspects[nsuspect++] = (gd_span) {s, e - s};	/* every value of the line */
			else if (columns && !lr.cells_per_line && !census->is_html && !pipe && !tabbed && !lr.rows_wrapped)
			{
				/* a row joined with the pieces under it may still have pieces over it */
				nsuspect = gd_wrap_suspect(tx, li, pieces_read, lr.wrapped ? li + 1 : end_line, suspects, pieces);
			}
			tokenize_line(&lr, s, e, pipe, tabbed);
			if (nsuspect > 0)
				gd_grid_distrust_cells(out, first_cell, lr.line, suspects, nsuspect);
		}
		if (lr.wrapped)
		{
			li += (size_t) lr.wrapped->nlines;	/* their pieces are read */
			pieces_read = li + 1;
		}
	}
	gd_grid_end_row(tx, out);
	/*
	 * values one space apart (lynx's simple tables): no columns, and a blank cell leaves no trace;
	 * one cell per line: a blank cell is a line of its own, so a row short of cells lost some;
	 * more cells between bars on one line than a row holds: a crawler's stripped text nodes joined by '|'
	 */
	out->blanks_unprinted = (lr.value_rows >= 3 && !lr.wide_gaps) || lr.cells_per_line || one_line_of_bars(tx, out);
}
