/*
 * test_core - unit tests of the parsing core, no server needed.
 * Run from the repository root (reads test/fixtures).  Prints TAP lines and
 * a closing "N passed, N failed"; exits non-zero on any failure.
 */
#include "../../src/gd_checks.h"
#include "../../src/gd_core.h"
#include "../../src/gd_solve.h"
#include "../../src/readers/readers.h"
#include "arena.h"

#include <dirent.h>
#include <string.h>

static int	passed,
			failed;
static const char *current;
static bool current_ok;

#define CHECK(cond) \
	do { if (!(cond)) { current_ok = false; \
		fprintf(stderr, "  %s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, current, #cond); } } while (0)

typedef struct parsed
{
	arena		a;
	gd_report	r;
} parsed;

static parsed *
parse_mem_with(const char *buf, size_t len, gd_options opt)
{
	parsed	   *p = calloc(1, sizeof(parsed));

	opt.alloc_ctx = &p->a;
	gd_parse(buf, len, &opt, &p->r);
	return p;
}

static parsed *
parse_mem(const char *buf, size_t len)
{
	return parse_mem_with(buf, len, (gd_options) {.alloc = arena_alloc});
}

static parsed *
parse_str(const char *s)
{
	return parse_mem(s, strlen(s));
}

static parsed *
parse_file_with(const char *path, gd_options opt)
{
	FILE	   *f = fopen(path, "rb");
	static char buf[1 << 20];
	size_t		n;

	if (!f)
	{
		fprintf(stderr, "cannot open %s (run from the repository root)\n", path);
		exit(2);
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return parse_mem_with(buf, n, opt);
}

static parsed *
parse_file(const char *path)
{
	return parse_file_with(path, (gd_options) {.alloc = arena_alloc});
}

/* A fixture's text into buf (NUL-terminated, cap bytes at most); its length, 0 when it cannot be read. */
static size_t
read_fixture(const char *path, char *buf, size_t cap)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	if (!f)
		return 0;
	n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n;
}

static void
release(parsed *p)
{
	arena_free_all(&p->a);
	free(p);
}

static bool
has_problem(const gd_report *r, gd_problem_code code)
{
	for (int k = 0; k < r->problem_count; k++)
		if (r->problems[k].code == code)
			return true;
	return false;
}

static const gd_fact *
fact(const gd_report *r, gd_fact_key key)
{
	for (int k = 0; k < r->fact_count; k++)
		if (r->facts[k].key == key)
			return &r->facts[k];
	return NULL;
}

static bool
same_cell(const gd_cell *a, const gd_cell *b)
{
	bool		a_null = a->state == GD_ABSENT || a->state == GD_BLANK || a->state == GD_UNREADABLE;
	bool		b_null = b->state == GD_ABSENT || b->state == GD_BLANK || b->state == GD_UNREADABLE;

	if (a_null || b_null)
		return a_null == b_null;
	return a->value == b->value && a->scale == b->scale;
}

/* A small report in tab rows; %s slots let a test vary one row of the requests table. */
static const char *const small_report =
	"测试县档案馆\n2023年政府信息公开工作年度报告\n\n一、总体情况\n"
	"统计期限自2023年1月1日至2023年12月31日。本年度新收政府信息公开申请5件，办结5件。"
	"发出收费通知1件，总金额200元，实际收取的总金额0元。\n"
	"二、主动公开政府信息情况\n规章\t0\t0\t3\n行政规范性文件\t1\t0\t9\n行政许可\t12\n行政处罚\t7\n行政强制\t0\n行政事业性收费\t1.25\n"
	"三、收到和处理政府信息公开申请情况\n"
	"一、本年新收政府信息公开申请数量\t%s\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
	"（一）予以公开\t5\t0\t0\t0\t0\t0\t5\n（七）总计\t5\t0\t0\t0\t0\t0\t5\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
	"四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
	"五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

static parsed *
parse_small(const char *first_row)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), small_report, first_row);
	return parse_str(buf);
}

static void
test_small_report(void)
{
	parsed	   *p = parse_small("5\t0\t0\t0\t0\t0\t5");
	gd_report  *r = &p->r;
	char		num[32];

	CHECK(r->year == 2023);
	CHECK(r->org_text && r->org_text_len == strlen("测试县档案馆") &&
		  memcmp(r->org_text, "测试县档案馆", r->org_text_len) == 0);
	CHECK(r->template_kind == GD_TEMPLATE_2021);
	CHECK(r->layout == GD_LAYOUT_TAB_ROWS);
	CHECK(r->requests[0][6].state == GD_NUMBER && r->requests[0][6].value == 5);
	CHECK(r->requests[23][0].value == 5);
	CHECK(r->requests[4][0].state == GD_ABSENT);	/* not printed */
	CHECK(has_problem(r, GD_PROBLEM_ROW_MISSING));
	CHECK(r->active[9].state == GD_NUMBER);
	gd_cell_format(&r->active[9], num, sizeof(num));
	CHECK(strcmp(num, "1.25") == 0);
	CHECK(r->has_review && r->review[14].state == GD_NUMBER);
	CHECK(fact(r, GD_FACT_PERIOD_YEAR) && fact(r, GD_FACT_PERIOD_YEAR)->value.value == 2023);
	CHECK(fact(r, GD_FACT_REQUESTS_RECEIVED) && fact(r, GD_FACT_REQUESTS_RECEIVED)->value.value == 5);
	CHECK(fact(r, GD_FACT_FEE_BILLED) && fact(r, GD_FACT_FEE_BILLED)->value.value == 200);
	CHECK(fact(r, GD_FACT_FEE_COLLECTED) && fact(r, GD_FACT_FEE_COLLECTED)->value.value == 0);
	CHECK(r->section_found[1] && r->section_found[6]);
	release(p);
}

/*
 * pandoc prints a cell holding a non-breaking space as a line "\ " (groff's
 * unpaddable space, Markdown's escaped one): a blank, not the placeholder \
 * (read as 0).  A \ with more on its line stays the mark.
 */
static void
test_escaped_space_line(void)
{
	static const char text[] = "行政许可\n\\ \nT}\n5 \\ 3\n\\\n";
	char		out[sizeof(text)];
	bool		is_html;
	gd_options	opt = {.alloc = arena_alloc};
	const uint8_t *folded,
			   *wide_spaces;
	size_t		n = gd_normalize(text, sizeof(text) - 1, out, &is_html, &folded, &wide_spaces, &opt);

	CHECK(n == sizeof(text) - 2 && memcmp(out, "行政许可\n \nT}\n5 \\ 3\n\\\n", n) == 0 && folded == NULL);
}

/*
 * A wiki table printed a cell a line: the review row's first group as lines
 * of one value, then two groups each a line of blanks and its total.  The
 * pieces are the row's start when the whole makes every group's total hold;
 * otherwise no cell is placed (never the two groups as the first two).
 */
static void
test_review_after_pieces(void)
{
	static const char head[] =
		"测试县档案馆\n2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
		"|行政复议\n|结果维持\n|结果纠正\n|其他结果\n|尚未审结\n|总计\n|\n|1\n   |0\n   |0\n   |0\n";
	static const char tail[] =
		" |         |     |     |     |0\n |      |     |     |     |0\n |\n\n五、存在的主要问题及改进情况\n无。\n";
	char		buf[1024];
	parsed	   *p;

	snprintf(buf, sizeof(buf), "%s   |1\n%s", head, tail);
	p = parse_str(buf);
	CHECK(p->r.review[0].state == GD_NUMBER && p->r.review[0].value == 1);
	CHECK(p->r.review[4].state == GD_NUMBER && p->r.review[4].value == 1);
	CHECK(p->r.review[5].state == GD_BLANK && p->r.review[9].value == 0 && p->r.review[14].state == GD_NUMBER);
	release(p);

	snprintf(buf, sizeof(buf), "%s   |2\n%s", head, tail);	/* 1+0+0+0 is not 2: the pieces are no group */
	p = parse_str(buf);
	for (int k = 0; k < 15; k++)
		CHECK(p->r.review[k].state != GD_NUMBER);
	CHECK(has_problem(&p->r, GD_PROBLEM_ROW_SHORT));
	release(p);
}

/*
 * A number Word cut into two runs, kept apart by a crawler's text nodes
 * ("12" "44"): the row is one cell longer than its width and is read joined
 * when one joining alone makes the row total hold; two joinings that both do
 * (12|44 … 12 10 against 12 44 … 12|10) leave it unknown.  Once a row of the
 * table held only joined, a row whose total fails as printed beside two
 * possible pieces is not read as printed either.
 */
static void
test_number_pieces(void)
{
	parsed	   *p = parse_small("1\t5\t0\t0\t0\t0\t0\t15");
	gd_report  *r = &p->r;

	CHECK(r->requests[0][0].state == GD_NUMBER && r->requests[0][0].value == 15 && r->requests[0][0].inferred);
	CHECK(r->requests[0][1].value == 0 && r->requests[0][6].value == 15);
	release(p);

	p = parse_small("12\t44\t12\t10\t14\t16\t13\t1309");
	r = &p->r;
	for (int c = 0; c < 7; c++)
		CHECK(r->requests[0][c].state != GD_NUMBER);
	CHECK(has_problem(r, GD_PROBLEM_ROW_LONG));
	release(p);

	p = parse_small("1\t5\t0\t0\t0\t0\t0\t15\n（二）部分公开\t1\t8\t5\t0\t0\t0\t23");
	r = &p->r;
	CHECK(r->requests[0][0].value == 15);
	for (int c = 0; c < 7; c++)
		CHECK(r->requests[3][c].state != GD_NUMBER);
	release(p);
	p = parse_small("15\t0\t0\t0\t0\t0\t15\n（二）部分公开\t1\t8\t5\t0\t0\t0\t23");
	CHECK(p->r.requests[3][0].state == GD_NUMBER && p->r.requests[3][0].value == 1);	/* no number cut: as printed */
	release(p);
}

/*
 * What offices type into the template: a zero as 〇 (the numeral of a date
 * kept), and an empty cell beside a value (a cell merged over a Word
 * table's hairline column), dropped only when the row total then holds.
 */
static void
test_office_cells(void)
{
	parsed	   *p = parse_small("5\t〇\t0\t○\t0\t0\t5");
	gd_report  *r = &p->r;

	CHECK(r->requests[0][1].state == GD_NUMBER && r->requests[0][1].value == 0);
	CHECK(r->requests[0][3].state == GD_NUMBER && r->requests[0][3].value == 0);
	CHECK(r->requests[0][6].value == 5);
	release(p);
	p = parse_str("测试局二〇二三年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
				  "一、本年新收政府信息公开申请数量\t1\t〇\t0\t0\t0\t0\t1\n");
	CHECK(p->r.year == 2023);
	CHECK(p->r.requests[0][1].state == GD_NUMBER && p->r.requests[0][1].value == 0);
	release(p);

	p = parse_small("5\t0\t0\t0\t0\t0\t\t5");
	r = &p->r;
	CHECK(r->requests[0][5].state == GD_NUMBER && r->requests[0][5].value == 0);
	CHECK(r->requests[0][6].state == GD_NUMBER && r->requests[0][6].value == 5);
	release(p);

	p = parse_small("5\t0\t\t1\t0\t0\t0\t5");	/* 5+1 is not 5: which cell is spare is unknown */
	r = &p->r;
	for (int c = 0; c < 7; c++)
		CHECK(r->requests[0][c].state != GD_NUMBER);
	CHECK(has_problem(r, GD_PROBLEM_ROW_LONG));
	release(p);

	/* "4 1": two cells' numbers on one line (a PDF's); the row's other values are in unknown columns */
	p = parse_small("4 1\t0\t0\t0\t0\t0\t5");
	r = &p->r;
	for (int c = 0; c < 7; c++)
		CHECK(r->requests[0][c].state != GD_NUMBER);
	CHECK(has_problem(r, GD_PROBLEM_GLUED_DIGITS));
	release(p);
	/* a review row of decimals (pandoc's texinfo: the columns' @columnfractions) holds no counts */
	p = parse_str("测试局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
				  "0.07\t0.07\t0.07\t0.07\t0.05\t0.07\t0.07\t0.07\t0.07\t0.05\t0.07\t0.07\t0.07\t0.07\t0.06\n");
	for (int k = 0; k < GD_REV_CELLS; k++)
		CHECK(p->r.review[k].state != GD_NUMBER);
	CHECK(has_problem(&p->r, GD_PROBLEM_FRACTION_IN_COUNT));
	release(p);
	/* "1 126" in a cell of a row read whole: one number (a space for its thousands, or Word's runs), as its row total says */
	p = parse_small("1 126\t0\t0\t0\t0\t0\t1126");
	r = &p->r;
	CHECK(r->requests[0][0].state == GD_NUMBER && r->requests[0][0].value == 1126 && r->requests[0][0].inferred);
	release(p);
	/* ... and unknown where the row total does not say so */
	p = parse_small("1 126\t0\t0\t0\t0\t0\t1127");
	r = &p->r;
	CHECK(r->requests[0][0].state == GD_UNREADABLE && r->requests[0][6].value == 1127);
	release(p);
}

/*
 * One cell a line with nothing between rows, as MuPDF prints a PDF's table:
 * a row's first value on its label's line after a space, and a label's
 * serial number cut off on a line of its own before its 、.
 */
static void
test_cell_lines_of_a_pdf(void)
{
	static const char *const rows[] = {
		"一、本年新收政府信息公开申请数量 3", "1", "0", "0", "0", "0", "4",
		"二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0",
		"（一）予以公开 2", "1", "0", "0", "0", "0", "3",
		"（三）不予公开", "1", "、属于国家秘密", "1", "0", "0", "0", "0", "0", "1",
		"2", "、其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0",
		"（七）总计", "3", "1", "0", "0", "0", "0", "4",
		"四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"};
	char		buf[2048];
	size_t		n = (size_t) snprintf(buf, sizeof(buf), "测试局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
	parsed	   *p;

	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s\n", rows[k]);
	p = parse_str(buf);
	CHECK(p->r.layout == GD_LAYOUT_CELL_LINES);
	CHECK(p->r.requests[0][0].value == 3 && p->r.requests[0][1].value == 1 && p->r.requests[0][6].value == 4);
	CHECK(p->r.requests[2][0].value == 2 && p->r.requests[2][6].value == 3);
	CHECK(p->r.requests[4][0].value == 1 && p->r.requests[4][6].value == 1);
	CHECK(p->r.requests[5][0].state == GD_NUMBER && p->r.requests[5][0].value == 0 && p->r.requests[5][6].value == 0);
	release(p);

	/* the same table's stripped text nodes joined by bars on one line: a blank cell leaves no trace */
	p = parse_str("测试局2023年政府信息公开工作年度报告|三、收到和处理政府信息公开申请情况|"
				  "一、本年新收政府信息公开申请数量|3|1|0|0|0|0|4|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|"
				  "（一）予以公开|2|1|3|（二）部分公开|1|1|（七）总计|3|1|0|0|0|0|4|"
				  "四、结转下年度继续办理|0|0|0|0|0|0|0|四、政府信息公开行政复议、行政诉讼情况|");
	CHECK(p->r.requests[0][1].value == 1 && p->r.requests[0][6].value == 4);
	for (int c = 2; c < 6; c++)		/* printed 2 1 3 and 1 1: never read from the left */
		CHECK(p->r.requests[2][c].state != GD_NUMBER && p->r.requests[3][c].state != GD_NUMBER);
	/* each row's last value is its total in every reading whose total holds */
	CHECK(p->r.requests[2][6].state != GD_NUMBER || p->r.requests[2][6].value == 3);
	CHECK(p->r.requests[3][6].state != GD_NUMBER || p->r.requests[3][6].value == 1);
	release(p);
}

/* A nested table's rows flattened into one line of DokuWiki, \\\\ between them: each row its own. */
static void
test_flattened_rows(void)
{
	parsed	   *p = parse_str("测试局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
							  "| \\\\ |第二十条第（一）项 | | | |\\\\ |信息内容 |本年制发件数 |本年废止件数 |现行有效件数 |"
							  "\\\\ |规章 |0 |1 |3 |\\\\ |行政规范性文件 |6 |2 |58 |\\\\ |第二十条第（五）项 | | | |\n"
							  "三、收到和处理政府信息公开申请情况\n");

	CHECK(p->r.active[0].value == 0 && p->r.active[1].value == 1 && p->r.active[2].value == 3);
	CHECK(p->r.active[3].value == 6 && p->r.active[4].value == 2 && p->r.active[5].value == 58);
	release(p);

	/* comma-separated values (a table extractor's CSV): "214" before a comma is a cell, never cut into 2 1 4 */
	p = parse_str("测试局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项,,,\n"
				  "信息内容,本年制发件数,本年废止件数,现行有效件数\n规章,0,0,3\n行政规范性文件,214,+12,1047\n"
				  "三、收到和处理政府信息公开申请情况\n");
	{
		static const int64_t printed[3] = {214, 12, 1047};

		for (int k = 0; k < 3; k++)
			CHECK(p->r.active[3 + k].state != GD_NUMBER || p->r.active[3 + k].value == printed[k]);
	}
	release(p);

	/* a row that lost cells, its total among them (a wiki table's cell a line): never placed from the left */
	p = parse_str("测试局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
				  "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n"
				  "| 二、上年结转政府信息公开申请数量 | 0 |\n"
				  "| （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n");
	CHECK(p->r.requests[0][6].value == 6 && p->r.requests[2][6].value == 6);
	for (int c = 0; c < 7; c++)
		CHECK(p->r.requests[1][c].state != GD_NUMBER);
	release(p);
}

static void
test_cell_noise(void)
{
	/* placeholder, thousands separator, full-width digits, spaces, blank */
	parsed	   *p = parse_small("—\t1,234\t\xEF\xBC\x93\t 7 \t\t-2\t1243");
	gd_report  *r = &p->r;

	CHECK(r->requests[0][0].state == GD_PLACEHOLDER && r->requests[0][0].value == 0);
	CHECK(r->requests[0][1].value == 1234);
	CHECK(r->requests[0][2].value == 3);
	CHECK(r->requests[0][3].value == 7);
	CHECK(r->requests[0][4].state == GD_BLANK);
	CHECK(r->requests[0][5].state == GD_NUMBER && r->requests[0][5].value == -2);
	CHECK(r->requests[0][6].value == 1243);
	release(p);
}

/* The small report with every tab made some spaces: space-aligned rows (three) or stream text (one). */
static parsed *
parse_small_spaced(const char *first_row, const char *after_table, const char *gap)
{
	static char buf[4096],
				spaced[8192];
	size_t		k = 0;
	const char *end_of_table = strstr(small_report, "四、政府信息公开行政复议");

	snprintf(buf, sizeof(buf), "%.*s%s%s", (int) (end_of_table - small_report), small_report, after_table,
			 end_of_table);
	snprintf(spaced, sizeof(spaced), buf, first_row);
	memcpy(buf, spaced, strlen(spaced) + 1);
	for (const char *c = buf; *c && k + strlen(gap) < sizeof(spaced); c++)
		if (*c == '\t')
			k += (size_t) snprintf(spaced + k, sizeof(spaced) - k, "%s", gap);
		else
			spaced[k++] = *c;
	spaced[k] = '\0';
	return parse_str(spaced);
}

/* A report of a title and section 3's rows only (rows: the requests table as printed). */
static parsed *
parse_requests(const char *rows)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "测试县档案馆\n2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n%s"
			 "四、政府信息公开行政复议、行政诉讼情况\n", rows);
	return parse_str(buf);
}

/* An HTML page saved with CR LF line ends reads as with LF: the markup's line ends are no layout. */
static void
test_html_crlf(void)
{
	static const char *const pages[] = {"test/fixtures/jianglan.word-html.txt",
	"test/fixtures/matrix/wangjiang/cms-page.html.txt"};

	for (size_t k = 0; k < sizeof(pages) / sizeof(pages[0]); k++)
	{
		parsed	   *lf = parse_file(pages[k]);
		FILE	   *f = fopen(pages[k], "rb");
		static char buf[1 << 20],
					crlf[2 << 20];
		size_t		n = f ? fread(buf, 1, sizeof(buf), f) : 0,
					m = 0;
		parsed	   *cr;

		if (f)
			fclose(f);
		for (size_t i = 0; i < n; i++)
		{
			if (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r'))
				crlf[m++] = '\r';
			crlf[m++] = buf[i];
		}
		cr = parse_mem(crlf, m);
		CHECK(lf->r.has_requests && lf->r.has_review);
		for (int row = 0; row < GD_REQ_ROWS; row++)
			for (int col = 0; col < GD_REQ_COLS; col++)
				CHECK(same_cell(&lf->r.requests[row][col], &cr->r.requests[row][col]));
		for (int i = 0; i < GD_REV_CELLS; i++)
			CHECK(same_cell(&lf->r.review[i], &cr->r.review[i]));
		release(lf);
		release(cr);
	}
}

/* Bodies the fixtures did not have: how their numbers are printed, and what stands around the tables. */
static void
test_unseen_bodies(void)
{
	parsed	   *p;

	/* a thousands comma typed full-width */
	p = parse_small("1\xEF\xBC\x8C" "234\t0\t0\t0\t0\t0\t1,234");
	CHECK(p->r.requests[0][0].state == GD_NUMBER && p->r.requests[0][0].value == 1234);
	release(p);
	/* a space between the thousands in one cell: one number where the row total holds with it, else unknown; the next cells stay in their columns */
	p = parse_small("1 234\t0\t0\t0\t0\t0\t1234");
	CHECK(p->r.requests[0][0].state == GD_NUMBER && p->r.requests[0][0].value == 1234 && p->r.requests[0][0].inferred);
	release(p);
	p = parse_small("1 234\t0\t0\t0\t0\t0\t1000");
	CHECK(p->r.requests[0][0].state == GD_UNREADABLE && has_problem(&p->r, GD_PROBLEM_GLUED_DIGITS));
	CHECK(p->r.requests[0][1].state == GD_NUMBER && p->r.requests[0][1].value == 0);
	CHECK(p->r.requests[0][6].value == 1000);
	release(p);
	/* the same in space-aligned text: two tokens joined back by the row total */
	p = parse_small_spaced("1 234\t5\t0\t0\t0\t0\t1 239", "", "   ");
	CHECK(p->r.requests[0][0].state == GD_NUMBER && p->r.requests[0][0].value == 1234);
	CHECK(p->r.requests[0][1].value == 5 && p->r.requests[0][6].value == 1239);
	release(p);
	/* a breakdown row under the first: no row of the template, the next row keeps its own values */
	p = parse_small("5\t0\t0\t0\t0\t0\t5\n其中：通过网络申请\t3\t0\t0\t0\t0\t0\t3");
	CHECK(p->r.requests[1][0].state == GD_NUMBER && p->r.requests[1][0].value == 0);
	CHECK(p->r.requests[0][0].value == 5);
	release(p);
	/* a note under the table, its number glued to its words, in stream text */
	p = parse_small_spaced("5\t0\t0\t0\t0\t0\t5", "注：本表含12366热线转办的申请。\n", " ");
	CHECK(p->r.requests[24][6].state == GD_NUMBER && p->r.requests[24][6].value == 0);
	CHECK(!has_problem(&p->r, GD_PROBLEM_GLUED_DIGITS));
	release(p);
	/* rows of placeholders glued between labels (a crawler's text) */
	p = parse_str("测试县档案馆2023年政府信息公开工作年度报告一、总体情况无。三、收到和处理政府信息公开申请情况"
				  "一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量———————"
				  "三、本年度办理结果（一）予以公开5000005（七）总计5000005四、结转下年度继续办理0000000"
				  "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。");
	CHECK(p->r.requests[1][0].state == GD_PLACEHOLDER && p->r.requests[1][6].state == GD_PLACEHOLDER);
	CHECK(p->r.requests[0][0].value == 5);
	release(p);
	/* a cell's mark printed on its label's line after a space (MuPDF's text of a PDF) */
	p = parse_requests("一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"
					   "二、上年结转政府信息公开申请数量 /\t/\t/\t/\t/\t/\t/\n");
	CHECK(p->r.requests[1][0].state == GD_PLACEHOLDER && p->r.requests[1][6].state == GD_PLACEHOLDER);
	release(p);
	/* an all-blank row prints its label alone; （六）其他处理 as one row after it is still itself */
	p = parse_requests("一、本年新收政府信息公开申请数量\t2\t\t\t\t\t\t2\n"
					   "5.要求行政机关确认或重新出具已获取信息\n"
					   "（六）其他处理\t\t\t\t2\t\t\t2\n"
					   "（七）总计\t\t\t\t2\t\t\t2\n");
	CHECK(p->r.other_undivided && p->r.requests[GD_REQ_OTHER_UNDIVIDED][3].value == 2);
	CHECK(p->r.requests[19][3].state != GD_NUMBER);
	release(p);
	/* a review row of ten tokens aligned by spaces, two groups' blanks unmarked: not read as two whole groups */
	p = parse_str("测试县档案馆\n2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
				  "行政复议 行政诉讼\n1         1         2                3     1     4   3         2    1    6\n"
				  "五、存在的主要问题及改进情况\n无。\n");
	CHECK(p->r.review[0].state != GD_NUMBER && p->r.review[9].state != GD_NUMBER);
	release(p);
	/* PDF text in reading order: the next row's label and values under the last row's are no pieces of it */
	p = parse_requests("一、本年新收政府信息公开申请数量 57 12 12 14 16 11 122\n"
					   "（七）总计 57 12 12 14 16 11 122\n四、结转下年度继续办理 2 3 5\n");
	CHECK(p->r.requests[24][0].state != GD_NUMBER && p->r.requests[24][4].state != GD_NUMBER);
	release(p);
	/* a converter that dropped the last two columns and put two empty ones first: every row total fails */
	p = parse_requests("一、本年新收政府信息公开申请数量\t\t\t1126\t64\t0\t2\t9\n"
					   "二、上年结转政府信息公开申请数量\t\t\t7\t2\t0\t0\t0\n"
					   "（一）予以公开\t\t\t904\t48\t0\t1\t6\n（七）总计\t\t\t1122\t65\t0\t2\t9\n"
					   "四、结转下年度继续办理\t\t\t11\t1\t0\t0\t0\n");
	CHECK(p->r.requests[0][2].state == GD_UNREADABLE && p->r.requests[0][6].state == GD_UNREADABLE);
	release(p);
	/* a review row no group of which adds up: its cells are not in their columns */
	p = parse_str("测试县档案馆\n2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
				  "3\t1\t0\t1\t0\t5\t1\t0\t0\t1\t2\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n无。\n");
	CHECK(p->r.review[0].state == GD_UNREADABLE && has_problem(&p->r, GD_PROBLEM_ROW_LONG));
	release(p);
	/* a PDF's reading order: a value after the next block's header words is not the item's before them */
	p = parse_str("测试县档案馆\n2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n"
				  "信息内容\n本年处理决定数量\n行政许可\n第二十条第（六）项\n信息内容\n本年处理决定数量\n12\n"
				  "行政处罚\n行政强制\n三、收到和处理政府信息公开申请情况\n");
	CHECK(p->r.active[6].state != GD_NUMBER);
	release(p);
	/* glued text whose headings are numbered （三）, after a preamble that lists the sections' names */
	p = parse_str("测试县档案馆2023年政府信息公开工作年度报告本报告包括总体情况、主动公开政府信息情况、"
				  "收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况等部分。"
				  "（一）总体情况全年新收申请5件，上年结转9件。（三）收到和处理政府信息公开申请情况"
				  "一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000"
				  "三、本年度办理结果（一）予以公开5000005（七）总计5000005四、结转下年度继续办理0000000"
				  "（四）政府信息公开行政复议、行政诉讼情况（五）存在的主要问题及改进情况无。");
	CHECK(p->r.requests[1][0].state == GD_NUMBER && p->r.requests[1][0].value == 0);
	CHECK(p->r.requests[0][0].value == 5 && p->r.requests[24][6].value == 0);
	release(p);
}

static void
test_hostile_numbers(void)
{
	parsed	   *p = parse_small("99999999999999999999999\t0\t0\t0\t0\t0\t2.5");
	gd_report  *r = &p->r;

	CHECK(r->requests[0][0].state == GD_UNREADABLE);
	CHECK(r->requests[0][6].state == GD_UNREADABLE);
	CHECK(has_problem(r, GD_PROBLEM_NUMBER_TOO_LARGE));
	CHECK(has_problem(r, GD_PROBLEM_FRACTION_IN_COUNT));
	release(p);
}

static void
test_not_a_report(void)
{
	parsed	   *p = parse_str("今天天气很好，我们去公园散步。\n明天再说。\n");

	CHECK(has_problem(&p->r, GD_PROBLEM_NOT_A_REPORT));
	CHECK(!p->r.has_requests && !p->r.has_active && !p->r.has_review);
	release(p);
	p = parse_mem("", 0);
	CHECK(has_problem(&p->r, GD_PROBLEM_NOT_A_REPORT));
	release(p);
}

static void
test_normalise(void)
{
	/* BOM, CRLF, bookmark artefact, ideographic spaces, full-width parentheses */
	parsed	   *p = parse_str("\xEF\xBB\xBF[bookmark: _GoBack]\xE6\xB5\x8B\xE8\xAF\x95\xE5\xB1\x80\r\n"
							  "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x91 年政府信息公开工作年度报告\r\n"
							  "三、收到和处理政府信息公开申请情况\r\n"
							  "一、本年新收政府信息公开申请数量\xE3\x80\x80\t1\t0\t0\t0\t0\t0\t1\r\n");

	CHECK(p->r.year == 2021);
	CHECK(p->r.org_text && memcmp(p->r.org_text, "测试局", strlen("测试局")) == 0);
	CHECK(p->r.requests[0][6].value == 1);
	release(p);
}

static void
test_html_markup(void)
{
	parsed	   *p = parse_str("<html><head><title>年度报告</title><style>td{x:1}</style></head><body>"
							  "<p>测试局&nbsp;2022年政府信息公开工作年度报告</p><!-- note -->"
							  "<p>三、收到和处理政府信息公开申请情况</p><table><tr><td colspan=\"2\">"
							  "<span>一、本年新收政府信息公开申请数量</span></td><td>&#51;</td><td>0</td>"
							  "<td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table><p>未闭合 <b");

	CHECK(p->r.layout == GD_LAYOUT_HTML);
	CHECK(p->r.year == 2022);
	CHECK(p->r.requests[0][0].value == 3 && p->r.requests[0][6].value == 3);
	release(p);
}

static void
test_glued_digits(void)
{
	/* collapsed: seven zeros split one way only; the second run has several readings */
	parsed	   *p = parse_str("三、收到和处理政府信息公开申请情况\n"
							  "一、本年新收政府信息公开申请数量0000000二、上年结转政府信息公开申请数量12100014\n");

	CHECK(p->r.layout == GD_LAYOUT_COLLAPSED);
	CHECK(p->r.requests[0][0].state == GD_NUMBER && p->r.requests[0][0].inferred);
	/* 12100014 has several splits whose last part is the sum: unknown, never guessed */
	CHECK(p->r.requests[1][0].state == GD_UNREADABLE);
	CHECK(has_problem(&p->r, GD_PROBLEM_GLUED_DIGITS));
	release(p);
}

static void
test_template_2019(void)
{
	parsed	   *p = parse_file("test/fixtures/linchuan2019.tab-rows.txt");
	int			nm;
	const gd_active_measure *m = gd_active_measures(p->r.template_kind, &nm);

	CHECK(p->r.template_kind == GD_TEMPLATE_2019);
	CHECK(nm == 22 && strcmp(m[20].item, "procurement") == 0);
	CHECK(p->r.active[7].value == -4);	/* licensing change */
	CHECK(p->r.active[21].value == 3620000);
	CHECK(p->r.other_undivided && p->r.requests[GD_REQ_OTHER_UNDIVIDED][6].value == 2);
	CHECK(p->r.requests[20][0].state == GD_ABSENT);
	release(p);
}

static void
test_layouts_agree(void)
{
	static const char *const reports[] = {"qinghe", "jianglan", "nanhu"};
	static const char *const layouts[] = {"tab-rows", "pipe-rows", "html", "space-aligned"};

	for (size_t k = 0; k < sizeof(reports) / sizeof(reports[0]); k++)
	{
		char		path[256];
		parsed	   *base,
				   *other;

		snprintf(path, sizeof(path), "test/fixtures/%s.cell-per-line.txt", reports[k]);
		base = parse_file(path);
		CHECK(base->r.has_requests && base->r.has_active && base->r.has_review);
		for (size_t l = 0; l < sizeof(layouts) / sizeof(layouts[0]); l++)
		{
			snprintf(path, sizeof(path), "test/fixtures/%s.%s.txt", reports[k], layouts[l]);
			other = parse_file(path);
			CHECK(strcmp(gd_layout_name(other->r.layout), layouts[l]) == 0);
			CHECK(other->r.year == base->r.year);
			CHECK(other->r.org_text_len == base->r.org_text_len &&
				  memcmp(other->r.org_text, base->r.org_text, base->r.org_text_len) == 0);
			for (int row = 0; row < GD_REQ_ROWS; row++)
				for (int col = 0; col < GD_REQ_COLS; col++)
					CHECK(same_cell(&other->r.requests[row][col], &base->r.requests[row][col]));
			for (int i = 0; i < GD_REV_CELLS; i++)
				CHECK(same_cell(&other->r.review[i], &base->r.review[i]));
			for (int i = 0; i < base->r.active_count; i++)
				CHECK(same_cell(&other->r.active[i], &base->r.active[i]));
			release(other);
		}
		release(base);
	}
}

/*
 * A number read from a stream text is the printed one, or no number: every
 * read cell equals the HTML reading, and a cell left open comes with a
 * problem.  Streams are texts where blank cells leave no mark: the scraper's
 * glued text (collapsed), crawler get_text(strip=True) of the HTML and of the
 * Word-style HTML, and pdftotext -raw (test/fixtures/streams, made by
 * make_streams.py).
 */
static bool
holds_value(const gd_cell *c)
{
	return c->state == GD_NUMBER || c->state == GD_PLACEHOLDER;
}

static int
compare_stream_cells(const gd_cell *got, const gd_cell *base, int n, int *open)
{
	int			known = 0;

	for (int i = 0; i < n; i++)
	{
		if (!holds_value(&got[i]))
		{
			*open += holds_value(&base[i]);
			continue;
		}
		known++;
		CHECK(same_cell(&got[i], &base[i]));
	}
	return known;
}

static void
test_streams_never_wrong(void)
{
	static const char *const reports[] = {"qinghe", "jianglan", "nanhu"};
	static const struct
	{
		const char *name;
		int			min_known;	/* request cells read today (fewest of the three): a drop is a regression */
	}			streams[] = {{"collapsed", 146}, {"glue-strip", 146}, {"word-glue-strip", 146}, {"pdftotext-raw", 161}};

	for (size_t k = 0; k < sizeof(reports) / sizeof(reports[0]); k++)
	{
		char		path[256];
		parsed	   *base;

		snprintf(path, sizeof(path), "test/fixtures/%s.html.txt", reports[k]);
		base = parse_file(path);
		for (size_t s = 0; s < sizeof(streams) / sizeof(streams[0]); s++)
		{
			parsed	   *stream;
			int			known = 0,
						open = 0;

			snprintf(path, sizeof(path), "test/fixtures/%s%s.%s.txt", strcmp(streams[s].name, "collapsed") ? "streams/" : "",
					 reports[k], streams[s].name);
			stream = parse_file(path);
			CHECK(stream->r.year == base->r.year);
			for (int row = 0; row < GD_REQ_ROWS; row++)
				known += compare_stream_cells(stream->r.requests[row], base->r.requests[row], GD_REQ_COLS, &open);
			CHECK(known >= streams[s].min_known);
			compare_stream_cells(stream->r.review, base->r.review, GD_REV_CELLS, &open);
			compare_stream_cells(stream->r.active, base->r.active, base->r.active_count, &open);
			CHECK(open == 0 || stream->r.problem_count > 0);
			release(stream);
		}
		release(base);
	}
}

/* The registry ranks the readers that fit, best first; a runner-up only when it fits too. */
static void
test_readers_ranked(void)
{
	gd_census	census = {.piped = 5};
	const gd_reader *ranked[GD_READERS_RANKED];
	gd_text		tx;
	gd_region	regions[GD_REGIONS];

	memset(&tx, 0, sizeof(tx));
	memset(regions, 0, sizeof(regions));
	CHECK(gd_choose_reader(&tx, regions, &census, ranked) == 2);
	CHECK(strcmp(ranked[0]->name, "pipe-rows") == 0 && strcmp(ranked[1]->name, "collapsed") == 0);
	census.tabbed = 6;			/* more tab rows than pipe rows: tab rows win, pipe rows no longer fit */
	CHECK(gd_choose_reader(&tx, regions, &census, ranked) == 2);
	CHECK(strcmp(ranked[0]->name, "tab-rows") == 0 && strcmp(ranked[1]->name, "collapsed") == 0);
}

/* A clean reading leaves nothing in doubt; a changed cell breaks its row and column identities. */
static void
test_reading_doubts(void)
{
	parsed	   *p = parse_file("test/fixtures/qinghe.tab-rows.txt");

	CHECK(gd_reading_doubts(&p->r) == 0);
	p->r.requests[2][0].value += 1;
	CHECK(gd_reading_doubts(&p->r) == 2);	/* its row total and its column's results total */
	p->r.requests[2][0].state = GD_UNREADABLE;
	CHECK(gd_reading_doubts(&p->r) == 1);	/* the open cell: the identities through it cannot be checked */
	p->r.has_review = false;
	CHECK(gd_reading_doubts(&p->r) == 2);
	release(p);
}

static void
test_truncated_everywhere(void)
{
	/* every prefix of a real layout parses without tripping the sanitizers */
	parsed	   *whole = parse_file("test/fixtures/qinghe.html.txt");
	size_t		len = whole->r.text_len;
	char	   *copy = malloc(len);

	memcpy(copy, whole->r.text, len);
	for (size_t cut = 0; cut < len; cut += 7)
	{
		parsed	   *p = parse_mem(copy, cut);

		CHECK(p->r.problem_count <= GD_MAX_PROBLEMS);
		release(p);
	}
	free(copy);
	release(whole);
}

/* Findings collected by gd_check, for the rule tests. */
typedef struct finding_list
{
	int			count;
	int			errors;
	gd_finding	items[64];
} finding_list;

static void
collect_finding(void *ctx, const gd_finding *f)
{
	finding_list *list = ctx;

	if (strcmp(f->severity, "error") == 0)
		list->errors++;
	if (list->count < 64)
		list->items[list->count] = *f;
	list->count++;
}

static const gd_finding *
find_rule(const finding_list *list, const char *rule)
{
	for (int k = 0; k < list->count && k < 64; k++)
		if (strcmp(list->items[k].rule_id, rule) == 0)
			return &list->items[k];
	return NULL;
}

static void
check_report(const gd_report *r, finding_list *list, gd_check_input *in)
{
	static char letters[GD_CHECK_LETTERS_LEN];

	memset(list, 0, sizeof(*list));
	gd_check_input_of(r, letters, in);
	gd_check(in, collect_finding, list);
}

static void
test_rules_on_consistent_reports(void)
{
	static const char *const files[] = {"qinghe.tab-rows", "jianglan.pipe-rows", "nanhu.html"};

	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++)
	{
		char		path[256];
		parsed	   *p;
		finding_list list;
		gd_check_input in;

		snprintf(path, sizeof(path), "test/fixtures/%s.txt", files[k]);
		p = parse_file(path);
		check_report(&p->r, &list, &in);
		CHECK(list.errors == 0);
		release(p);
	}
}

static void
test_rules_name_the_cells(void)
{
	parsed	   *p = parse_file("test/fixtures/qinghe.tab-rows.txt");
	finding_list list;
	gd_check_input in;
	const gd_finding *f;
	static char letters[GD_CHECK_LETTERS_LEN];

	/* one more natural person received: its row total and the balance break */
	gd_check_input_of(&p->r, letters, &in);
	in.req[0].value += 1;
	memset(&list, 0, sizeof(list));
	gd_check(&in, collect_finding, &list);
	f = find_rule(&list, "REQ-ROW-TOTAL");
	CHECK(f != NULL && strcmp(f->row_key, "new_received") == 0 && strcmp(f->expected, "128") == 0 &&
		  strcmp(f->actual, "127") == 0 && strstr(f->cells, "new_received/natural_person") != NULL);
	f = find_rule(&list, "REQ-BALANCE");
	CHECK(f != NULL && strcmp(f->column_key, "natural_person") == 0);
	/* a stated amount with decimals against the table: compared exactly */
	in.req[0].value -= 1;
	in.fact_count = 1;
	in.facts[0] = (gd_check_fact) {GD_FACT_REQUESTS_RECEIVED, {1270, 1, true}, "件", "收到申请127.0件", 20};
	memset(&list, 0, sizeof(list));
	gd_check(&in, collect_finding, &list);
	CHECK(find_rule(&list, "TEXT-VS-TABLE") == NULL);
	in.facts[0].value.value = 1271;
	memset(&list, 0, sizeof(list));
	gd_check(&in, collect_finding, &list);
	f = find_rule(&list, "TEXT-VS-TABLE");
	CHECK(f != NULL && strcmp(f->actual, "127.1") == 0 && strcmp(f->expected, "127") == 0);
	/* sums beyond 64 bits are exact, not wrapped */
	for (int col = 0; col < 6; col++)
		in.req[7 + col] = (gd_value) {INT64_MAX, 0, true};
	in.req[13] = (gd_value) {0, 0, true};
	memset(&list, 0, sizeof(list));
	gd_check(&in, collect_finding, &list);
	f = find_rule(&list, "REQ-ROW-TOTAL");
	CHECK(f != NULL && strcmp(f->expected, "55340232221128654842") == 0);
	/* no tables at all: three TABLE-MISSING findings and nothing else */
	memset(&in, 0, sizeof(in));
	memset(&list, 0, sizeof(list));
	gd_check(&in, collect_finding, &list);
	CHECK(list.count == 3 && list.errors == 3);
	release(p);
}

static void
test_placeholder_marks(void)
{
	/* every mark a table prints for "nothing", and characters a byte away from one */
	static const char *const marks[] = {"-", "/", "\\", "~", "—", "–", "―", "─", "无", "×"};
	static const char *const others[] = {"‒", "┄", "旡", "Ö", "±", "一", "a", "1"};

	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
	{
		size_t		len = strlen(marks[k]);

		CHECK(gd_placeholder_mark(marks[k], len) == len);
		/* a mark cut by the end of the text is none */
		CHECK(len == 1 || gd_placeholder_mark(marks[k], len - 1) == 0);
	}
	for (size_t k = 0; k < sizeof(others) / sizeof(others[0]); k++)
		CHECK(gd_placeholder_mark(others[k], strlen(others[k])) == 0);
	CHECK(gd_placeholder_mark("—12", strlen("—12")) == strlen("—"));
}

static void
test_skip_facts_same_tables(void)
{
	/* what parse_report uses: no prose scan, the same tables and header */
	parsed	   *full = parse_file("test/fixtures/qinghe.html.txt");
	parsed	   *lean = calloc(1, sizeof(parsed));
	gd_options	opt = {.alloc = arena_alloc, .skip_facts = true};

	opt.alloc_ctx = &lean->a;
	gd_parse(full->r.text, full->r.text_len, &opt, &lean->r);
	CHECK(full->r.fact_count > 0 && lean->r.fact_count == 0);
	CHECK(lean->r.year == full->r.year && lean->r.problem_count == full->r.problem_count);
	for (int row = 0; row < GD_REQ_ROWS; row++)
		for (int col = 0; col < GD_REQ_COLS; col++)
			CHECK(same_cell(&lean->r.requests[row][col], &full->r.requests[row][col]));
	release(lean);
	release(full);
}

/* Every fixture of dir parsed whole and for request_cells (the requests table alone): the same requests. */
static void
compare_requests_only_in(const char *dir_path, int *compared, int *alone)
{
	DIR		   *dir = opendir(dir_path);
	struct dirent *e;

	CHECK(dir != NULL);
	while (dir != NULL && (e = readdir(dir)) != NULL)
	{
		char		path[512];
		size_t		n = strlen(e->d_name);
		parsed	   *full,
				   *lean;

		if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir_path, e->d_name);
		full = parse_file_with(path, (gd_options) {.alloc = arena_alloc, .skip_facts = true});
		lean = parse_file_with(path, (gd_options) {.alloc = arena_alloc, .skip_facts = true, .requests_only = true});
		CHECK(lean->r.has_requests == full->r.has_requests && lean->r.other_undivided == full->r.other_undivided);
		for (int row = 0; row < GD_REQ_ROWS; row++)
			for (int col = 0; col < GD_REQ_COLS; col++)
				CHECK(same_cell(&lean->r.requests[row][col], &full->r.requests[row][col]) &&
					  lean->r.requests[row][col].inferred == full->r.requests[row][col].inferred);
		(*compared)++;
		/* the short way: no other table read, no title looked for */
		*alone += lean->r.title_text == NULL && full->r.title_text != NULL;
		release(lean);
		release(full);
	}
	if (dir != NULL)
		closedir(dir);
}

static void
test_requests_only_same_requests(void)
{
	static const char *const reports[] = {"baishi", "fenglin", "jinxi", "luyu", "shimen", "tangxi", "wangjiang",
	"yulan", "yunxiu"};
	int			compared = 0,
				alone = 0;

	compare_requests_only_in("test/fixtures", &compared, &alone);
	compare_requests_only_in("test/fixtures/streams", &compared, &alone);
	for (size_t k = 0; k < sizeof(reports) / sizeof(reports[0]); k++)
	{
		char		dir[128];

		snprintf(dir, sizeof(dir), "test/fixtures/matrix/%s", reports[k]);
		compare_requests_only_in(dir, &compared, &alone);
	}
	/* every fixture compared, most of them the short way */
	CHECK(compared >= 500 && alone * 2 > compared);
	printf("# %d fixtures, %d read the short way\n", compared, alone);
}

static void
test_sections_only_same_sections(void)
{
	/* what section_minhash uses: the parse stops after the sections, which are the full parse's */
	static const char *const files[] = {"test/fixtures/qinghe.html.txt", "test/fixtures/jianglan.tab-rows.txt",
	"test/fixtures/nanhu.cell-per-line.txt", "test/fixtures/linchuan2019.tab-rows.txt"};

	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++)
	{
		parsed	   *full = parse_file(files[k]);
		parsed	   *lean = parse_file_with(files[k], (gd_options) {.alloc = arena_alloc, .skip_facts = true,
																	.sections_only = true});
		int			found = 0;

		CHECK(full->r.has_requests && !lean->r.has_requests);
		for (int sec = 0; sec < GD_SECTIONS; sec++)
		{
			found += full->r.section_found[sec];
			CHECK(lean->r.section_found[sec] == full->r.section_found[sec]);
			CHECK(lean->r.section_content[sec].off == full->r.section_content[sec].off &&
				  lean->r.section_content[sec].len == full->r.section_content[sec].len);
		}
		CHECK(found == GD_SECTIONS);
		release(lean);
		release(full);
	}
}

static bool
is_number(const gd_cell *c)
{
	return c->state == GD_NUMBER || c->state == GD_PLACEHOLDER;
}

/* Every number read from dump must be the one read from ref; returns the NULLs where ref has a number. */
static int
count_nulls_check_numbers(const gd_report *dump, const gd_report *ref, const char *path)
{
	int			nulls = 0;

	for (int row = 0; row < GD_REQ_ROWS; row++)
		for (int col = 0; col < GD_REQ_COLS; col++)
		{
			const gd_cell *d = &dump->requests[row][col],
					   *e = &ref->requests[row][col];

			if (is_number(d) && !(is_number(e) && d->value == e->value && d->scale == e->scale))
			{
				current_ok = false;
				fprintf(stderr, "  %s: requests[%d][%d] read %lld\n", path, row, col, (long long) d->value);
			}
			nulls += !is_number(d) && is_number(e);
		}
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		CHECK(!is_number(&dump->review[k]) || same_cell(&dump->review[k], &ref->review[k]));
		nulls += !is_number(&dump->review[k]) && is_number(&ref->review[k]);
	}
	return nulls;
}

static void
test_text_dump_families(void)
{
	static const char *const reports[] = {"yulan", "yunxiu", "baishi", "luyu"};
	static const struct
	{
		const char *path;
		gd_layout	layout;
	}			paths[] = {
		{"lynx-80", GD_LAYOUT_PARAGRAPH_PER_CELL}, {"w3m-box-80", GD_LAYOUT_BOX_DRAWN},
		{"lo-txt", GD_LAYOUT_CELL_LINES}, {"cell-lines-bar", GD_LAYOUT_CELL_LINES_BAR},
		{"cell-lines-bar-end", GD_LAYOUT_CELL_LINES_BAR}, {"w3m-80", GD_LAYOUT_SPACE_ALIGNED},
	};
	char		file[256];

	for (size_t k = 0; k < sizeof(reports) / sizeof(reports[0]); k++)
	{
		parsed	   *ref;

		snprintf(file, sizeof(file), "test/fixtures/matrix/%s/fixtures-cell-per-line.txt", reports[k]);
		ref = parse_file(file);
		for (size_t j = 0; j < sizeof(paths) / sizeof(paths[0]); j++)
		{
			parsed	   *p;
			int			nulls;

			snprintf(file, sizeof(file), "test/fixtures/matrix/%s/%s.txt", reports[k], paths[j].path);
			p = parse_file(file);
			CHECK(p->r.layout == paths[j].layout);
			nulls = count_nulls_check_numbers(&p->r, &ref->r, file);
			/* lynx prints nothing for a blank cell: rows with blanks are unknown, and say so */
			CHECK(nulls == 0 || (paths[j].layout == GD_LAYOUT_PARAGRAPH_PER_CELL && nulls <= 7 &&
								 has_problem(&p->r, GD_PROBLEM_ROW_SHORT)));
			release(p);
		}
		release(ref);
	}
}

/* A requests row reading: numbers whose last is the sum of the others. */
static bool
row_adds_up(const gd_cell *c)
{
	int64_t		sum = 0;

	for (int i = 0; i < GD_REQ_COLS - 1; i++)
		sum += c[i].state == GD_NUMBER ? c[i].value : 0;
	return c[GD_REQ_COLS - 1].state == GD_NUMBER && c[GD_REQ_COLS - 1].value == sum;
}

/* Runs of pieces (pdftotext -raw: a number wrapped in its cell, a piece a line): cells end only between pieces. */
static void
test_piece_readings(void)
{
	static const gd_identity row_total = {GD_REQ_COLS - 1, 0, GD_REQ_COLS - 1};
	static const gd_identity three = {2, 0, 2};
	static const int64_t wrapped[GD_REQ_COLS] = {1308, 0, 38, 0, 189, 198, 1733};
	gd_cell		readings[16 * GD_REQ_COLS];
	bool		same = true;

	/* "１３０" / "８" / "— ３８ —" / "１８" / "９" / "１９" / "８" / "１７" / "３３" */
	CHECK(gd_glued_readings("130:8|P|38|P|18:9|19:8|17:33", 28, GD_REQ_COLS, &row_total, 1, false, readings, 16) == 1);
	for (int c = 0; c < GD_REQ_COLS; c++)
		same &= readings[c].value == wrapped[c] && readings[c].inferred;
	CHECK(same && readings[1].state == GD_PLACEHOLDER && readings[3].state == GD_PLACEHOLDER);
	/* 11, 0, 11 alone: never a cut inside a piece (glued, "110|11" reads 1, 10, 11 as well) */
	CHECK(gd_glued_readings("110|11", 6, 3, &three, 1, false, readings, 16) == 2);
	CHECK(gd_glued_readings("11:0|11", 7, 3, &three, 1, false, readings, 16) == 1 &&
		  readings[0].value == 11 && readings[1].value == 0 && readings[2].value == 11);
	/* a piece goes on in the next: 45, 1, 46 */
	CHECK(gd_glued_readings("4:5|1|46", 8, 3, &three, 1, false, readings, 16) == 1 && readings[0].value == 45);
	/* a total spelled over two pieces */
	CHECK(gd_glued_readings("40|6|4:6", 8, 3, &three, 1, false, readings, 16) == 1 && readings[2].value == 46);
}

static void
test_solver_readings(void)
{
	static const gd_identity row_total = {GD_REQ_COLS - 1, 0, GD_REQ_COLS - 1};
	static const int64_t printed[GD_REQ_COLS] = {1244, 12, 10, 14, 16, 13, 1309};
	gd_cell		readings[64 * GD_REQ_COLS];
	gd_cell		values[GD_REQ_COLS];
	bool		printed_found = false;
	int			n = gd_glued_readings("124412101416131309", 18, GD_REQ_COLS, &row_total, 1, false, readings, 16);

	/* every reading adds up, is marked inferred, and the printed one is among them */
	CHECK(n >= 1);
	for (int k = 0; k < n; k++)
	{
		bool		same = true;

		CHECK(row_adds_up(readings + k * GD_REQ_COLS));
		CHECK(readings[k * GD_REQ_COLS].inferred);
		for (int c = 0; c < GD_REQ_COLS; c++)
			same &= readings[k * GD_REQ_COLS + c].value == printed[c];
		printed_found |= same;
	}
	CHECK(printed_found);
	/* one character per cell is the only reading of a run as long as the row, if it adds up */
	CHECK(gd_glued_readings("1111116", 7, GD_REQ_COLS, &row_total, 1, false, readings, 16) == 1);
	/* one that does not may hold a number of two digits, a blank cell leaving no mark: no reading */
	CHECK(gd_glued_readings("8522522", 7, GD_REQ_COLS, &row_total, 1, false, readings, 16) == 0);
	/* placeholders are cells: 10 1 0 - - 1 12 and 1 0 10 - - 1 12 both add up (the table decides) */
	CHECK(gd_glued_readings("1010PM112", 9, GD_REQ_COLS, &row_total, 1, false, readings, 16) == 2 &&
		  readings[3].state == GD_PLACEHOLDER && readings[4].state == GD_PLACEHOLDER && readings[6].value == 12);
	/* no split of a run that cannot add up */
	CHECK(gd_glued_readings("99999999", 8, GD_REQ_COLS, &row_total, 1, false, readings, 16) == 0);
	/* hostile runs end in bounded time with an answer, never a guess */
	n = gd_glued_readings("111111111111111111111111111111111111111111111111111111111111111", 63,
						  GD_REQ_COLS, &row_total, 1, false, readings, 16);
	CHECK(n == 0 || n == GD_READINGS_TOO_MANY);
	/* two zeros for seven cells: every placement fits, too many to choose */
	memset(values, 0, sizeof(values));
	values[0].state = values[1].state = GD_NUMBER;
	CHECK(gd_placements(values, 2, GD_REQ_COLS, &row_total, 1, readings, 16) == GD_READINGS_TOO_MANY);
	/* 5, 3, 9: 9 cannot be the total, so the total is blank in every placement kept */
	values[0].value = 5;
	values[1].value = 3;
	values[2].state = GD_NUMBER;
	values[2].value = 9;
	n = gd_placements(values, 3, GD_REQ_COLS, &row_total, 1, readings, 16);
	CHECK(n == GD_READINGS_TOO_MANY);
	values[2].value = 8;
	CHECK(gd_placements(values, 3, GD_REQ_COLS, &row_total, 1, readings, 64) == 35);
}

static void
test_wrapped_total(void)
{
	static const int64_t printed[GD_REQ_COLS] = {1128, 4, 3, 3, 4, 4, 114};
	gd_cell		values[GD_REQ_COLS],
				out[GD_REQ_COLS];

	memset(values, 0, sizeof(values));
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		values[c].state = GD_NUMBER;
		values[c].value = printed[c];
	}
	/* "114" then "6" alone on the next line: the rest of the total */
	CHECK(gd_join_wrapped(values, 7, "6", 1, GD_REQ_COLS, out) && out[6].value == 1146 && out[6].inferred);
	/* six values, "1146" in pieces around them: the missing total */
	CHECK(gd_join_wrapped(values, 6, "1146", 4, GD_REQ_COLS, out) && out[6].value == 1146);
	/* pieces that make nothing add up are not joined */
	CHECK(!gd_join_wrapped(values, 6, "17", 2, GD_REQ_COLS, out));
	/* a row that adds up as printed is kept */
	values[6].value = 1146;
	CHECK(!gd_join_wrapped(values, 7, "6", 1, GD_REQ_COLS, out));
}

/*
 * pdftohtml's text of a PDF, a cell a line: granted's total "１１４６" wrapped in its cell, a group
 * label's lines between its pieces ("１１４" / "度办理结" / "６").  Joined where the row total then holds;
 * a piece that joins nothing leaves the row unknown with a problem, never the first piece as the total.
 */
static void
test_wrapped_cell_one_cell_a_line(void)
{
	static char text[1 << 16];
	const char *path = "test/fixtures/matrix/yulan/pdftohtml.txt";
	const int	granted_row = 2;
	size_t		n;
	char	   *piece;
	parsed	   *p;
	const gd_cell *granted;

	n = read_fixture(path, text, sizeof(text));
	CHECK(n > 0);
	if (n == 0)
		return;
	p = parse_mem(text, n);
	CHECK(strcmp(gd_request_row_keys[granted_row], "granted") == 0);
	granted = p->r.requests[granted_row];
	CHECK(granted[6].state == GD_NUMBER && granted[6].value == 1146 && granted[6].inferred);
	release(p);
	piece = strstr(text, "１１４<br/>\n度办理结<br/>\n６");
	CHECK(piece != NULL);
	if (!piece)
		return;
	memcpy(strstr(piece, "６"), "７", strlen("７"));		/* 1147: no reading adds up */
	p = parse_mem(text, n);
	granted = p->r.requests[granted_row];
	CHECK(granted[6].state == GD_UNREADABLE && granted[0].state == GD_UNREADABLE);
	CHECK(has_problem(&p->r, GD_PROBLEM_GLUED_DIGITS));
	release(p);
}

/*
 * pdftohtml's text through pandoc, a cell a line: neighbouring cells on one line ("1244 12 10 14") are
 * each a value; digits a thousands grouping makes ("1 309") are not cut into two cells' values.
 */
static void
test_cells_run_together_one_cell_a_line(void)
{
	static char text[1 << 16],
				edited[1 << 16];
	size_t		n;
	char	   *row;
	parsed	   *p;
	const gd_cell *received;

	n = read_fixture("test/fixtures/matrix/yulan/pdftohtml-gfm.txt", text, sizeof(text));
	CHECK(n > 0);
	if (n == 0)
		return;
	p = parse_mem(text, n);
	received = p->r.requests[0];
	CHECK(received[0].state == GD_NUMBER && received[0].value == 1244 && received[3].value == 14 &&
		  received[6].state == GD_NUMBER && received[6].value == 1309);
	release(p);
	row = strstr(text, "13\u00a01309");
	CHECK(row != NULL);
	if (!row)
		return;
	/* "1 309" in place of the line "13 1309": one number, or two cells? */
	snprintf(edited, sizeof(edited), "%.*s1 309%s", (int) (row - text), text, row + strlen("13\u00a01309"));
	p = parse_str(edited);
	received = p->r.requests[0];
	CHECK(received[6].state != GD_NUMBER && received[5].state != GD_NUMBER);
	release(p);
}

/*
 * pdftotext with no mode flag: labels in blocks apart from their rows' values, so the requests table is
 * out of row order; its values, exactly its cells' count, are its rows when every identity then holds
 * (inferred), and so they are with one value moved when that move alone mends them.  Two values
 * exchanged with one between keep the row total but break the column equations, and no one move mends
 * them: the table is left unknown, never read with the two in each other's cells.  A blank cell that
 * left no mark is placed where every identity holds.
 */
static void
test_requests_by_position(void)
{
	static char text[1 << 16];
	size_t		n;
	char	   *row;
	parsed	   *p;
	const gd_cell *received;

	n = read_fixture("test/fixtures/matrix/jinxi/pdftotext-plain.txt", text, sizeof(text));
	CHECK(n > 0);
	if (n == 0)
		return;
	p = parse_mem(text, n);
	received = p->r.requests[0];
	CHECK(received[0].state == GD_NUMBER && received[0].value == 132 && received[0].inferred &&
		  received[1].value == 41 && received[6].value == 192);
	CHECK(p->r.requests[GD_REQ_TEMPLATE_ROWS - 1][0].state == GD_NUMBER);
	release(p);
	row = strstr(text, "\n132\n\n41\n\n3\n");
	CHECK(row != NULL);
	if (!row)
		return;
	/* 41 before 132: one value moved back makes every identity hold, and no other move does */
	memcpy(row, "\n41\n\n132\n", strlen("\n41\n\n132\n"));
	p = parse_mem(text, n);
	received = p->r.requests[0];
	CHECK(received[0].state == GD_NUMBER && received[0].value == 132 && received[1].value == 41);
	release(p);
	/* 3 and 132 exchanged, 41 between: no one move mends it; the row total holds, the columns do not */
	memcpy(row, "\n3\n\n41\n\n132\n", strlen("\n3\n\n41\n\n132\n"));
	p = parse_mem(text, n);
	received = p->r.requests[0];
	CHECK(received[0].state != GD_NUMBER && received[2].state != GD_NUMBER);
	CHECK(p->r.problem_count > 0);
	release(p);
	/* partial_granted's first 0 left out (a blank cell, no mark): only the blank in its own column makes the columns hold */
	memcpy(row, "\n132\n\n41\n\n3\n", strlen("\n132\n\n41\n\n3\n"));
	row = strstr(text, "\n11\n\n6\n\n0\n\n1\n");
	CHECK(row != NULL);
	if (!row)
		return;
	memmove(row + strlen("\n11\n\n6\n"), row + strlen("\n11\n\n6\n\n0\n"), n - (size_t) (row - text) - strlen("\n11\n\n6\n\n0\n") + 1);
	p = parse_mem(text, n - strlen("\n0\n"));
	received = p->r.requests[3];
	CHECK(received[1].value == 6 && received[2].state == GD_BLANK && received[3].state == GD_NUMBER &&
		  received[3].value == 1 && received[6].value == 19 && received[6].inferred);
	CHECK(p->r.requests[GD_REQ_TEMPLATE_ROWS - 1][6].state == GD_NUMBER);
	release(p);
	/* yulan: the first cell of the last row printed after the rows' labels ("４"), one value moved */
	p = parse_file("test/fixtures/matrix/yulan/pdftotext-plain.txt");
	received = p->r.requests[GD_REQ_TEMPLATE_ROWS - 1];
	CHECK(received[0].state == GD_NUMBER && received[0].value == 4 && received[1].value == 4 &&
		  received[6].value == 8 && received[6].inferred);
	release(p);
}

static int	interrupt_calls;

static void
count_interrupt(void *ctx)
{
	(void) ctx;
	interrupt_calls++;
}

/* Interrupt checks while parsing buf; newline_every > 0 breaks the rows into lines. */
static int
interrupts_while_parsing(const char *head, const char *row, size_t total, size_t newline_every)
{
	size_t		hl = strlen(head),
				rl = strlen(row),
				n = hl;
	char	   *buf = malloc(total + rl + 1);
	arena		a = {NULL};
	gd_options	opt = {.alloc = arena_alloc, .alloc_ctx = &a, .check_interrupts = count_interrupt};
	gd_report  *r = arena_alloc(&a, sizeof(gd_report));

	memcpy(buf, head, hl + 1);
	for (size_t rows = 1; n + rl < total; rows++)
	{
		memcpy(buf + n, row, rl + 1);
		n += rl;
		if (newline_every && rows % newline_every == 0)
			buf[n++] = '\n';
	}
	interrupt_calls = 0;
	gd_parse(buf, n, &opt, r);
	arena_free_all(&a);
	free(buf);
	return interrupt_calls;
}

static void
test_interrupts_on_long_lines(void)
{
	/* a table of 2 MiB printed as one line gets as many checks as the same rows on lines */
	const char *head = "三、收到和处理政府信息公开申请情况\n";
	const char *row = "一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\t";
	size_t		total = 2u << 20;
	int			one_line = interrupts_while_parsing(head, row, total, 0);
	int			lines = interrupts_while_parsing(head, row, total, 1);

	CHECK(one_line >= lines / 2);
	/* more than the normalisation pass alone makes: the rows are checked too */
	CHECK(one_line >= 4 * (int) (total >> 20));
}

static void
test_canonical_text(void)
{
	static const char *const cases[][2] = {
		{"\xEF\xBB\xBF" "a \t\r\nb\xE3\x80\x80\xC2\xA0\rc\n\n \n", "a\nb\nc"},
		{" a\n\n b", " a\n\n b"},	/* leading and inner whitespace and blank lines stay */
		{"a\xEF\xBB\xBF", "a\xEF\xBB\xBF"},	/* only a leading BOM goes */
		{"\r\n\r\n", ""},
		{"", ""},
		{"x\xE3\x80", "x\xE3\x80"}	/* a cut character is no whitespace */
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		char		out[64];
		size_t		n = gd_canonicalize_text(cases[k][0], strlen(cases[k][0]), out);

		CHECK(n == strlen(cases[k][1]) && memcmp(out, cases[k][1], n) == 0);
	}
}

static void
test_cell_format_extremes(void)
{
	char		buf[64];
	gd_cell		c = {0};

	c.value = INT64_MIN;
	gd_cell_format(&c, buf, sizeof(buf));
	CHECK(strcmp(buf, "-9223372036854775808") == 0);
	c.value = -123;
	c.scale = 25;				/* more decimals than a 64-bit power of ten holds */
	gd_cell_format(&c, buf, sizeof(buf));
	CHECK(strcmp(buf, "-0.0000000000000000000000123") == 0);
	c.scale = 255;
	gd_cell_format(&c, buf, sizeof(buf));
	CHECK(strncmp(buf, "-0.000", 6) == 0);
}

/* The publication date: each form read, impossible dates and cut-off text never guessed. */
static void
test_published_dates(void)
{
	static const struct
	{
		const char *text;
		int			year,
					month,
					day;			/* year 0: no date */
	}			cases[] = {
		{"发布时间：2024-03-28 09:30\n正文\n\n某县财政局\n2024年3月20日\n", 2024, 3, 28},
		{"正文\n\n某县财政局\n二〇二四年一月三十一日\n", 2024, 1, 31},
		{"正文\n\n某县财政局\n二○二三年十二月五日\n", 2023, 12, 5},
		{"正文\n\n某县财政局 2024 年 2 月 29 日\n", 2024, 2, 29},
		{"正文\n\n2023年2月29日\n", 0, 0, 0},
		{"正文\n\n2024年13月1日\n", 0, 0, 0},
		{"正文\n\n2024年1月\n", 0, 0, 0},
		{"成文日期：\n", 0, 0, 0},
		{"", 0, 0, 0},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		gd_date		d = {0};
		bool		found = gd_published(cases[k].text, strlen(cases[k].text), &d);

		CHECK(found == (cases[k].year != 0));
		if (found)
			CHECK(d.year == cases[k].year && d.month == cases[k].month && d.day == cases[k].day);
	}
	/* every prefix of a signed text: a date or none, never out of the calendar, never out of bounds */
	{
		const char *signed_text = "正文\n\n某县财政局\n二〇二四年一月二十日\n";

		for (size_t len = 0; len <= strlen(signed_text); len++)
		{
			char	   *copy = malloc(len + 1);
			gd_date		d = {0};

			memcpy(copy, signed_text, len);
			if (gd_published(copy, len, &d))
				CHECK(d.year == 2024 && d.month == 1 && d.day >= 1 && d.day <= 20);
			free(copy);
		}
	}
}

/* MinHash: equal texts agree everywhere, numbers do not matter, short texts get no signature. */
static void
test_minhash(void)
{
	const char *a = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息2215条，办理依申请公开127件，"
		"按时答复率保持稳定，政策解读与回应关切同步推进。";
	const char *b = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息9999条，办理依申请公开888件，"
		"按时答复率保持稳定，政策解读与回应关切同步推进。";
	const char *c = "镇政府在各村设立公开栏，低保评定、危房改造补助和土地征收补偿名单在村务公开栏张贴七天，"
		"群众有异议的由镇纪委牵头复核，复核结论当面反馈。";
	uint32_t	sa[GD_MINHASH_K],
				sb[GD_MINHASH_K],
				sc[GD_MINHASH_K];
	int64_t		ka[GD_LSH_BANDS],
				kb[GD_LSH_BANDS];
	const unsigned char junk[] = {0xE4, 0xB8, 0xFF, 0x80, 0xC0, 0xF4, 0x90, 0x80, 0xE4};

	CHECK(gd_minhash(a, strlen(a), sa) >= GD_MINHASH_MIN_CHARS);
	CHECK(gd_minhash(b, strlen(b), sb) >= GD_MINHASH_MIN_CHARS);
	CHECK(gd_minhash(c, strlen(c), sc) >= GD_MINHASH_MIN_CHARS);
	CHECK(gd_minhash_similarity(sa, sb) == 1.0);
	CHECK(gd_minhash_similarity(sa, sc) < 0.2);
	gd_minhash_bands(sa, ka);
	gd_minhash_bands(sb, kb);
	CHECK(memcmp(ka, kb, sizeof(ka)) == 0);
	for (int k = 1; k < GD_LSH_BANDS; k++)
		CHECK(ka[k] != ka[0]);
	CHECK(gd_minhash("公开", strlen("公开"), sa) < GD_MINHASH_MIN_CHARS);
	/* a byte that starts no valid character counts as one character of its own */
	CHECK(gd_minhash((const char *) junk, sizeof(junk), sa) == sizeof(junk));
}

#define RUN(fn) do { current = #fn; current_ok = true; fn(); \
	if (current_ok) { passed++; printf("ok %d - %s\n", passed + failed, #fn); } \
	else { failed++; printf("not ok %d - %s\n", passed + failed, #fn); } } while (0)

int
main(void)
{
	printf("TAP version 13\n");
	RUN(test_small_report);
	RUN(test_office_cells);
	RUN(test_escaped_space_line);
	RUN(test_review_after_pieces);
	RUN(test_number_pieces);
	RUN(test_cell_lines_of_a_pdf);
	RUN(test_flattened_rows);
	RUN(test_cell_noise);
	RUN(test_unseen_bodies);
	RUN(test_html_crlf);
	RUN(test_hostile_numbers);
	RUN(test_not_a_report);
	RUN(test_normalise);
	RUN(test_html_markup);
	RUN(test_glued_digits);
	RUN(test_template_2019);
	RUN(test_layouts_agree);
	RUN(test_streams_never_wrong);
	RUN(test_readers_ranked);
	RUN(test_reading_doubts);
	RUN(test_truncated_everywhere);
	RUN(test_rules_on_consistent_reports);
	RUN(test_rules_name_the_cells);
	RUN(test_placeholder_marks);
	RUN(test_skip_facts_same_tables);
	RUN(test_requests_only_same_requests);
	RUN(test_sections_only_same_sections);
	RUN(test_text_dump_families);
	RUN(test_solver_readings);
	RUN(test_piece_readings);
	RUN(test_wrapped_total);
	RUN(test_wrapped_cell_one_cell_a_line);
	RUN(test_cells_run_together_one_cell_a_line);
	RUN(test_requests_by_position);
	RUN(test_interrupts_on_long_lines);
	RUN(test_canonical_text);
	RUN(test_cell_format_extremes);
	RUN(test_published_dates);
	RUN(test_minhash);
	printf("1..%d\n%d passed, %d failed\n", passed + failed, passed, failed);
	return failed ? 1 : 0;
}
