/*
 * gd_check.c - the single-report consistency rules of SPEC §7.
 *
 * The rules work on values as the data layer stores them (gd_check_input),
 * so that the findings view, check_report() and the tests agree on one
 * implementation.  Sums are exact: 128-bit integers for counts, and decimal
 * comparison by integer and fractional parts for stated amounts.
 */
#include "gd_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 wide;

#define REQ_CELLS ((size_t) GD_REQ_ROWS * GD_REQ_COLS)
#define ROW_RESULTS_TOTAL 24	/* 1-based row numbers, as in SPEC */
#define ROW_CARRIED_FORWARD 25
#define ROW_UNPAID_FEE 22

/* ---------- numbers ---------- */

static void
format_wide(wide v, char *buf, size_t len)
{
	char		digits[48];
	int			n = 0;
	bool		neg = v < 0;
	unsigned __int128 mag = neg ? (unsigned __int128) 0 - (unsigned __int128) v : (unsigned __int128) v;

	do
	{
		digits[n++] = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag > 0 && n < (int) sizeof(digits));
	if (len < (size_t) n + 2)
	{
		buf[0] = '\0';
		return;
	}
	{
		size_t		k = 0;

		if (neg)
			buf[k++] = '-';
		while (n > 0)
			buf[k++] = digits[--n];
		buf[k] = '\0';
	}
}

static void
format_value(const gd_value *v, char *buf, size_t len)
{
	gd_cell		c = {0};

	c.value = v->value;
	c.scale = v->scale;
	gd_cell_format(&c, buf, len);
}

/* -1, 0, 1 as a < b, a == b, a > b (both known). */
static int
compare_values(const gd_value *a, const gd_value *b)
{
	int64_t		ua = 1,
				ub = 1;
	int64_t		ia,
				ib,
				fa,
				fb;

	for (int k = 0; k < a->scale && k < 18; k++)
		ua *= 10;
	for (int k = 0; k < b->scale && k < 18; k++)
		ub *= 10;
	ia = a->value / ua;
	ib = b->value / ub;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	/* fractional parts on a common scale of 18 digits, sign included */
	fa = a->value % ua;
	fb = b->value % ub;
	for (int k = a->scale; k < 18; k++)
		fa *= 10;
	for (int k = b->scale; k < 18; k++)
		fb *= 10;
	return fa < fb ? -1 : fa > fb ? 1 : 0;
}

static gd_value
whole(wide v)
{
	gd_value	r = {0};

	r.known = v >= INT64_MIN && v <= INT64_MAX;
	r.value = r.known ? (int64_t) v : 0;
	return r;
}

/* ---------- findings ---------- */

typedef struct checker
{
	const gd_check_input *in;
	void		(*emit) (void *ctx, const gd_finding *f);
	void	   *ctx;
	gd_finding	f;
	bool		req_present;
	bool		active_present;
	bool		review_present;
} checker;

static gd_finding *
begin(checker *c, int64_t sort_key, const char *rule, const char *severity, const char *table,
	  const char *row_key, const char *column_key)
{
	gd_finding *f = &c->f;

	memset(f, 0, sizeof(*f));
	f->sort_key = sort_key;
	f->rule_id = rule;
	f->severity = severity;
	f->table_name = table;
	f->row_key = row_key;
	f->column_key = column_key;
	return f;
}

static void message(gd_finding *f, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
message(gd_finding *f, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
}

/* Append "row/column" to the list of compared cells. */
static void
add_cell(gd_finding *f, const char *row, const char *column)
{
	size_t		n = strlen(f->cells);

	snprintf(f->cells + n, sizeof(f->cells) - n, "%s%s/%s", n > 0 ? "," : "", row, column);
}

/* The length of s cut to at most max bytes, at a character boundary. */
static size_t
clip_to_character(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* A text cut by its buffer must not end inside a UTF-8 character. */
static void
trim_to_character(char *s)
{
	size_t		n = strlen(s),
				start = n;

	while (start > 0 && ((unsigned char) s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && (unsigned char) s[start - 1] >= 0xC0)
	{
		unsigned char lead = (unsigned char) s[start - 1];
		size_t		need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

		if (n - (start - 1) < need)
			s[start - 1] = '\0';
	}
}

static void
finish(checker *c)
{
	trim_to_character(c->f.cells);
	trim_to_character(c->f.message);
	c->emit(c->ctx, &c->f);
}

static bool
present(const char *states)
{
	if (states == NULL)
		return false;
	for (const char *s = states; *s; s++)
		if (*s != 'a')
			return true;
	return false;
}

static bool
req_row_absent(const checker *c, int row)
{
	for (int col = 0; col < GD_REQ_COLS; col++)
		if (c->in->req_states[row * GD_REQ_COLS + col] != 'a')
			return false;
	return true;
}

/* ---------- rules ---------- */

static void
check_tables_missing(checker *c)
{
	static const char *const tables[3] = {"active", "requests", "review"};
	static const char *const labels[3] = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况"};
	const bool	found[3] = {c->active_present, c->req_present, c->review_present};

	for (int t = 0; t < 3; t++)
		if (!found[t])
		{
			gd_finding *f = begin(c, 1000000 + t + 1, "TABLE-MISSING", "error", tables[t], NULL, NULL);

			message(f, "缺少表格：%s", labels[t]);
			finish(c);
		}
	if (!c->req_present)
		return;
	for (int row = 0; row < GD_REQ_TEMPLATE_ROWS; row++)
	{
		bool		undivided = !req_row_absent(c, GD_REQ_OTHER_UNDIVIDED);

		/* （六）其他处理 printed as one row stands for its three sub-rows */
		if (!req_row_absent(c, row) || (undivided && row >= 20 && row <= 22))
			continue;
		message(begin(c, 1100000 + row + 1, "TABLE-MISSING", "error", "requests", gd_request_row_keys[row], NULL),
				"缺少行：%s", gd_request_row_labels[row]);
		finish(c);
	}
}

/* One cell of any table, for the cell rules. */
typedef struct cell_ref
{
	const char *table;
	int			table_offset;	/* in the sort key */
	int			ord;			/* 1-based within its table */
	const char *row_key;
	const char *column_key;
	char		label[192];
	char		state;
	const gd_value *value;
} cell_ref;

static void
check_cell(checker *c, const cell_ref *cell)
{
	static const gd_value zero = {0, 0, true};
	gd_finding *f;

	if (cell->state == 'b' || cell->state == 'p' || cell->state == 'u')
	{
		f = begin(c, 2000000 + cell->table_offset + cell->ord,
				  cell->state == 'u' ? "CELL-UNREADABLE" : cell->state == 'b' ? "CELL-BLANK" : "CELL-PLACEHOLDER",
				  cell->state == 'u' ? "error" : "warning", cell->table, cell->row_key, cell->column_key);
		add_cell(f, cell->row_key, cell->column_key);
		if (cell->state == 'p')
			format_value(&zero, f->actual, sizeof(f->actual));
		message(f, "%s%s",
				cell->state == 'u' ? "数字无法读取（过大、带小数或数字粘连），请核对原文："
				: cell->state == 'b' ? "单元格为空白，请确认是否应填0：" : "单元格填写了占位符（“-”“/”“无”等），已按0计：",
				cell->label);
		finish(c);
	}
	if (cell->value->known && cell->value->value < 0 && strcmp(cell->column_key, "change") != 0)
	{
		f = begin(c, 3000000 + cell->table_offset + cell->ord, "NEGATIVE", "error", cell->table,
				  cell->row_key, cell->column_key);
		add_cell(f, cell->row_key, cell->column_key);
		format_value(&zero, f->expected, sizeof(f->expected));
		format_value(cell->value, f->actual, sizeof(f->actual));
		message(f, "%s为负数（%s），件数不能小于0", cell->label, f->actual);
		finish(c);
	}
}

static void
check_cells(checker *c)
{
	const gd_check_input *in = c->in;
	cell_ref	cell;

	if (c->req_present)
		for (int row = 0; row < GD_REQ_ROWS; row++)
		{
			if (req_row_absent(c, row))
				continue;
			for (int col = 0; col < GD_REQ_COLS; col++)
			{
				int			k = row * GD_REQ_COLS + col;

				cell = (cell_ref) {"requests", 1000, k + 1, gd_request_row_keys[row], gd_applicant_keys[col],
				"", in->req_states[k], &in->req[k]};
				snprintf(cell.label, sizeof(cell.label), "%s / %s", gd_request_row_labels[row], gd_applicant_labels[col]);
				check_cell(c, &cell);
			}
		}
	if (c->review_present)
		for (int k = 0; k < GD_REV_CELLS; k++)
		{
			cell = (cell_ref) {"review", 2000, k + 1, gd_review_group_keys[k / 5], gd_review_outcome_keys[k % 5],
			"", in->review_states[k], &in->review[k]};
			snprintf(cell.label, sizeof(cell.label), "%s·%s", gd_review_group_labels[k / 5], gd_review_outcome_labels[k % 5]);
			check_cell(c, &cell);
		}
	if (c->active_present)
	{
		int			nm;
		const gd_active_measure *m = gd_active_measures(in->template_kind == GD_TEMPLATE_2019 ?
														GD_TEMPLATE_2019 : GD_TEMPLATE_2021, &nm);

		for (int k = 0; k < nm && k < in->active_count; k++)
		{
			cell = (cell_ref) {"active", 0, k + 1, m[k].item, m[k].measure, "", in->active_states[k], &in->active[k]};
			snprintf(cell.label, sizeof(cell.label), "%s", m[k].label);
			check_cell(c, &cell);
		}
	}
}

/* Sum of known values; false when one of them is unknown. */
static bool
sum_known(const gd_value *const *v, int n, wide *sum)
{
	*sum = 0;
	for (int k = 0; k < n; k++)
	{
		if (!v[k]->known)
			return false;
		*sum += v[k]->value;
	}
	return true;
}

static void
set_sums(gd_finding *f, wide expected, wide actual)
{
	format_wide(expected, f->expected, sizeof(f->expected));
	format_wide(actual, f->actual, sizeof(f->actual));
}

static void
check_request_sums(checker *c)
{
	const gd_check_input *in = c->in;

	if (!c->req_present)
		return;
	/* REQ-ROW-TOTAL: the six applicant columns add up to the total column */
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		const gd_value *v[GD_REQ_COLS];
		wide		parts,
					total;
		gd_finding *f;

		if (req_row_absent(c, row))
			continue;
		for (int col = 0; col < GD_REQ_COLS; col++)
			v[col] = &in->req[row * GD_REQ_COLS + col];
		if (!sum_known(v, GD_REQ_COLS - 1, &parts) || !v[GD_REQ_COLS - 1]->known)
			continue;
		total = v[GD_REQ_COLS - 1]->value;
		if (parts == total)
			continue;
		f = begin(c, 4000000 + row + 1, "REQ-ROW-TOTAL", "error", "requests", gd_request_row_keys[row], "total");
		for (int col = 0; col < GD_REQ_COLS; col++)
			add_cell(f, gd_request_row_keys[row], gd_applicant_keys[col]);
		set_sums(f, parts, total);
		message(f, "%s：六类申请人之和为%s，但“总计”列为%s", gd_request_row_labels[row], f->expected, f->actual);
		finish(c);
	}
	for (int col = 0; col < GD_REQ_COLS; col++)
	{
		const gd_value *v[GD_REQ_ROWS];
		wide		parts = 0,
					lhs,
					rhs;
		gd_finding *f;

		/* REQ-RESULTS-TOTAL: the result rows add up to （七）总计 */
		if (!req_row_absent(c, ROW_RESULTS_TOTAL - 1))
		{
			int			n = 0;
			bool		all_known = true;

			f = begin(c, 5000000 + col + 1, "REQ-RESULTS-TOTAL", "error", "requests", "results_total",
					  gd_applicant_keys[col]);
			for (int row = 2; row < GD_REQ_ROWS; row++)
			{
				const gd_value *x = &in->req[row * GD_REQ_COLS + col];

				if (row == ROW_CARRIED_FORWARD - 1 || req_row_absent(c, row))
					continue;
				add_cell(f, gd_request_row_keys[row], gd_applicant_keys[col]);
				all_known = all_known && x->known;
				if (row != ROW_RESULTS_TOTAL - 1)
				{
					parts += x->value;
					n++;
				}
			}
			rhs = in->req[(ROW_RESULTS_TOTAL - 1) * GD_REQ_COLS + col].value;
			if (all_known && n > 0 && parts != rhs)
			{
				set_sums(f, parts, rhs);
				message(f, "%s列：办理结果各项之和为%s，但“（七）总计”为%s", gd_applicant_labels[col], f->expected, f->actual);
				finish(c);
			}
		}
		/* REQ-BALANCE: new + carried over = results total + carried forward */
		v[0] = &in->req[0 * GD_REQ_COLS + col];
		v[1] = &in->req[1 * GD_REQ_COLS + col];
		v[2] = &in->req[(ROW_RESULTS_TOTAL - 1) * GD_REQ_COLS + col];
		v[3] = &in->req[(ROW_CARRIED_FORWARD - 1) * GD_REQ_COLS + col];
		if (sum_known(v, 2, &lhs) && sum_known(v + 2, 2, &rhs) && lhs != rhs)
		{
			static const int rows[4] = {0, 1, ROW_RESULTS_TOTAL - 1, ROW_CARRIED_FORWARD - 1};

			f = begin(c, 6000000 + col + 1, "REQ-BALANCE", "error", "requests", NULL, gd_applicant_keys[col]);
			for (int k = 0; k < 4; k++)
				add_cell(f, gd_request_row_keys[rows[k]], gd_applicant_keys[col]);
			set_sums(f, lhs, rhs);
			message(f, "%s列：新收加上年结转为%s，但办理结果总计加结转下年度为%s（表头勾稽关系：第一项加第二项之和等于第三项加第四项之和）",
					gd_applicant_labels[col], f->expected, f->actual);
			finish(c);
		}
	}
}

static void
check_review_sums(checker *c)
{
	if (!c->review_present)
		return;
	for (int g = 0; g < 3; g++)
	{
		const gd_value *v[5];
		wide		parts;
		gd_finding *f;

		for (int k = 0; k < 5; k++)
			v[k] = &c->in->review[g * 5 + k];
		if (!sum_known(v, 4, &parts) || !v[4]->known || parts == v[4]->value)
			continue;
		f = begin(c, 7000000 + g * 5 + 1, "REV-TOTAL", "error", "review", gd_review_group_keys[g], "total");
		for (int k = 0; k < 5; k++)
			add_cell(f, gd_review_group_keys[g], gd_review_outcome_keys[k]);
		set_sums(f, parts, v[4]->value);
		message(f, "%s：维持、纠正、其他、尚未审结之和为%s，但总计为%s", gd_review_group_labels[g], f->expected, f->actual);
		finish(c);
	}
}

static void
check_template_year(checker *c)
{
	const gd_check_input *in = c->in;
	gd_finding *f;

	if (in->template_kind != GD_TEMPLATE_2019 || in->year < 2021)
		return;
	f = begin(c, 8000000, "TEMPLATE-OLD", "warning", "active", NULL, NULL);
	format_wide(2021, f->expected, sizeof(f->expected));
	format_wide(in->year, f->actual, sizeof(f->actual));
	message(f, "%d年度报告仍使用2019年旧模板（主动公开表的指标不同）", in->year);
	finish(c);
}

/* What a stated fact is compared with in the tables. */
typedef struct fact_target
{
	gd_fact_key key;
	const char *table;
	const char *row_key;
	const char *column_key;
	const char *cells;
	const char *what;
} fact_target;

static gd_value
fact_table_value(const gd_check_input *in, int n)
{
	switch (n)
	{
		case 0:
			return in->req[0 * GD_REQ_COLS + 6];
		case 1:
			return in->req[(ROW_RESULTS_TOTAL - 1) * GD_REQ_COLS + 6];
		case 2:
			return in->req[(ROW_CARRIED_FORWARD - 1) * GD_REQ_COLS + 6];
		case 3:
			return in->review[4];
		default:
			if (!in->review[9].known || !in->review[14].known)
				return in->review[9].known ? in->review[14] : in->review[9];
			return whole((wide) in->review[9].value + in->review[14].value);
	}
}

static void
check_facts(checker *c)
{
	static const fact_target targets[5] = {
		{GD_FACT_REQUESTS_RECEIVED, "requests", "new_received", "total", "new_received/total", "本年新收申请总计"},
		{GD_FACT_REQUESTS_HANDLED, "requests", "results_total", "total", "results_total/total", "办理结果总计"},
		{GD_FACT_REQUESTS_CARRIED_FORWARD, "requests", "carried_forward", "total", "carried_forward/total",
		"结转下年度继续办理总计"},
		{GD_FACT_REVIEWS, "review", "review", "total", "review/total", "行政复议总计"},
		{GD_FACT_LAWSUITS, "review", NULL, "total", "litigation_direct/total,litigation_after_review/total",
		"行政诉讼总计（两类之和）"}
	};
	const gd_check_input *in = c->in;
	const gd_value *unpaid = &in->req[(ROW_UNPAID_FEE - 1) * GD_REQ_COLS + 6];

	for (int i = 0; i < in->fact_count; i++)
	{
		const gd_check_fact *fact = &in->facts[i];
		int			span_len = (int) clip_to_character(fact->span, fact->span_len, 400);
		gd_finding *f;

		if (!fact->value.known)
			continue;
		for (int n = 0; n < 5; n++)
		{
			gd_value	table = fact_table_value(in, n);

			if (targets[n].key != fact->key || !table.known || compare_values(&fact->value, &table) == 0)
				continue;
			f = begin(c, 9000000 + n + 1, "TEXT-VS-TABLE", "warning", targets[n].table, targets[n].row_key,
					  targets[n].column_key);
			snprintf(f->cells, sizeof(f->cells), "%s", targets[n].cells);
			format_value(&table, f->expected, sizeof(f->expected));
			format_value(&fact->value, f->actual, sizeof(f->actual));
			message(f, "正文称“%.*s”，但表格中%s为%s", span_len, fact->span, targets[n].what, f->expected);
			finish(c);
		}
		if (fact->key == GD_FACT_FEE_COLLECTED)
			for (int j = 0; j < in->fact_count; j++)
			{
				const gd_check_fact *billed = &in->facts[j];

				if (billed->key != GD_FACT_FEE_BILLED || !billed->value.known ||
					strcmp(billed->unit, fact->unit) != 0 || compare_values(&fact->value, &billed->value) <= 0)
					continue;
				f = begin(c, 10000000, "FEE-NOTICE", "warning", "narrative", NULL, NULL);
				format_value(&billed->value, f->expected, sizeof(f->expected));
				format_value(&fact->value, f->actual, sizeof(f->actual));
				message(f, "实际收取金额%s%s超过收费通知总金额%s%s", f->actual, fact->unit, f->expected, billed->unit);
				finish(c);
			}
		if (fact->key == GD_FACT_FEE_NOTICES && unpaid->known && compare_values(unpaid, &fact->value) > 0)
		{
			f = begin(c, 10000001, "FEE-NOTICE", "warning", "requests", "other_unpaid_fee", "total");
			add_cell(f, "other_unpaid_fee", "total");
			format_value(&fact->value, f->expected, sizeof(f->expected));
			format_value(unpaid, f->actual, sizeof(f->actual));
			message(f, "因逾期未缴费不再处理的申请%s件，多于正文所述发出收费通知%s件", f->actual, f->expected);
			finish(c);
		}
		if (fact->key == GD_FACT_PERIOD_YEAR && in->year != 0)
		{
			gd_value	year = whole(in->year);

			if (compare_values(&fact->value, &year) == 0)
				continue;
			f = begin(c, 11000000, "YEAR-MISMATCH", "warning", "narrative", NULL, NULL);
			snprintf(f->cells, sizeof(f->cells), "%.*s", span_len, fact->span);
			format_value(&fact->value, f->expected, sizeof(f->expected));
			format_value(&year, f->actual, sizeof(f->actual));
			message(f, "标题年份为%d，但正文统计期限为“%.*s”", in->year, span_len, fact->span);
			finish(c);
		}
	}
}

void
gd_check(const gd_check_input *in, void (*emit) (void *ctx, const gd_finding *f), void *ctx)
{
	checker		c;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.emit = emit;
	c.ctx = ctx;
	c.req_present = present(in->req_states);
	c.active_present = present(in->active_states);
	c.review_present = present(in->review_states);
	check_tables_missing(&c);
	check_cells(&c);
	check_request_sums(&c);
	check_review_sums(&c);
	check_template_year(&c);
	check_facts(&c);
}

/* ---------- from a parse ---------- */

char
gd_state_letter(const gd_cell *cell)
{
	static const char letters[] = {'a', 'b', 'n', 'p', 'u'};

	return cell->state < sizeof(letters) ? letters[cell->state] : 'u';
}

static gd_value
value_of(const gd_cell *cell)
{
	gd_value	v = {0};

	v.known = cell->state == GD_NUMBER || cell->state == GD_PLACEHOLDER;
	if (cell->state == GD_NUMBER)
	{
		v.value = cell->value;
		v.scale = cell->scale;
	}
	return v;
}

void
gd_check_input_of(const gd_report *r, char *letters, gd_check_input *in)
{
	char	   *req = letters,
			   *active = letters + REQ_CELLS + 1,
			   *review = active + GD_ACTIVE_MAX + 1;

	memset(in, 0, sizeof(*in));
	in->year = r->year;
	in->template_kind = r->template_kind;
	for (size_t k = 0; k < REQ_CELLS; k++)
	{
		req[k] = gd_state_letter(&r->requests[0][0] + k);
		in->req[k] = value_of(&r->requests[0][0] + k);
	}
	req[REQ_CELLS] = '\0';
	for (int k = 0; k < r->active_count; k++)
	{
		active[k] = gd_state_letter(&r->active[k]);
		in->active[k] = value_of(&r->active[k]);
	}
	active[r->active_count] = '\0';
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		review[k] = gd_state_letter(&r->review[k]);
		in->review[k] = value_of(&r->review[k]);
	}
	review[GD_REV_CELLS] = '\0';
	in->req_states = req;
	in->active_states = active;
	in->active_count = r->active_count;
	in->review_states = review;
	in->fact_count = r->fact_count;
	for (int k = 0; k < r->fact_count; k++)
	{
		in->facts[k].key = r->facts[k].key;
		in->facts[k].value = value_of(&r->facts[k].value);
		in->facts[k].unit = r->facts[k].unit;
		in->facts[k].span = r->text + r->facts[k].span.off;
		in->facts[k].span_len = r->facts[k].span.len;
	}
}
