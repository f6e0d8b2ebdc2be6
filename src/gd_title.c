/*
 * gd_title.c - the title line, the reporting body (org) and the year.
 *
 * Takes the text and the section spans; returns r->title, title_text,
 * org_text and year.
 *
 * Real pages put the report among page chrome: a <title>, breadcrumbs, a
 * metadata block (标题：, 发布机构：, 来源：, 索引号：), a heading copied from
 * the metadata, and then the report itself, whose own title may lack the
 * body's name (it is then in a preamble or the signature block).  Every
 * source is read and the org is taken from the strongest that names one.
 * The order of evidence, strongest first, and why:
 *
 *   1. the report's own title: the last title phrase (…信息公开工作年度报告) in
 *      the title block that is not inside a sentence (chrome copies of the
 *      title come before it, the report body right after it), the body's
 *      name before the year, between 年 and 政府信息公开, or alone on the line
 *      above (a title over two lines);
 *   2. the preamble naming the report (现公布X2022年政府信息公开工作年度报告):
 *      the report's own words;
 *   3. the signature block at the end (the body's name, then a date line):
 *      the report's own words, though some sign as their office;
 *   4. other copies of the title (the 标题： field, the page heading, the
 *      <title>): the CMS's words about this page;
 *   5. the compiler (本报告由X编制), the publisher field (发布机构：), the
 *      source field (来源：): mostly a generic office of the body (…办公室,
 *      区政府办), so below the report's own words — the specific body wins
 *      over the office that compiles or posts the report;
 *   6. page chrome: breadcrumbs, 主办单位, the site name (欢迎访问X网站,
 *      X门户网站, the <title>'s "_X"): the site hosts many bodies' reports.
 *
 * The year is the statistics year: the own title's, the preamble's, the
 * statistics period (统计期限自2023年1月1日…), other copies of the title.
 * A publication date is never the year.
 *
 * Everything is read from folded copies (whitespace and markdown emphasis
 * dropped, lines joined) of the title block and of the last section, so a
 * title split over lines or spaced (2023 年) reads as one.  Each scan is one
 * pass with bounded work per hit: linear in the text.
 */
#include "gd_internal.h"

#include <stdint.h>
#include <string.h>

#define ORG_MAX_CHARS 40		/* longer runs of characters are prose, not a name */
#define CJK ((size_t) 3)		/* bytes of a CJK character in UTF-8 */
#define MAX_GUESSES 16			/* distinct names kept from glued title copies */

/* ---------- folded views ---------- */

/*
 * Lines of the text folded and joined with nothing between them; line_at[k]
 * is where the k-th kept (non-blank) line starts in f, line_no[k] its index
 * in tx->lines.
 */
typedef struct folded_view
{
	char	   *f;
	size_t		n;
	size_t	   *line_at;
	size_t	   *line_no;
	size_t		nlines;
} folded_view;

/* Markup that may open a line: headings, quotes, bullets, table pipes. */
static bool
is_line_markup(char c)
{
	return c != '\0' && strchr("#>-=_|:+", c) != NULL;
}

/*
 * Fold the lines of the text in [from, to) into v: whitespace, markdown
 * emphasis and escapes (**2023**年, \|) and the markup opening a line
 * dropped; blank lines left out.  One pass over the bytes, counted as work
 * (the title block of a text without headings is all of it).
 */
static void
fold_lines(gd_text *tx, size_t from, size_t to, folded_view *v)
{
	size_t		first = from < tx->n ? gd_line_of(tx, from) - 1 : tx->nlines;
	size_t		last = first;

	while (last < tx->nlines && tx->lines[last].start < to)
		last++;
	v->f = gd_alloc(tx, to - from + 1);
	v->line_at = gd_alloc(tx, (last - first + 1) * sizeof(size_t));
	v->line_no = gd_alloc(tx, (last - first + 1) * sizeof(size_t));
	v->n = v->nlines = 0;
	for (size_t li = first; li < last; li++)
	{
		size_t		e = tx->lines[li].end < to ? tx->lines[li].end : to;
		size_t		line_start = v->n;

		gd_note_work(tx, tx->lines[li].end - tx->lines[li].start + 1);

		for (size_t i = tx->lines[li].start > from ? tx->lines[li].start : from; i < e; i++)
		{
			char		c = tx->t[i];

			/* bytes of characters (the common case) are kept without more tests; __ is emphasis (haddock's) */
			if ((unsigned char) c >= 0x80 ||
				!(gd_is_blank(c) || c == '*' || c == '\\' || (v->n == line_start && is_line_markup(c)) ||
				  (c == '_' && ((i + 1 < e && tx->t[i + 1] == '_') || (i > 0 && tx->t[i - 1] == '_')))))
				v->f[v->n++] = c;
		}
		if (v->n > line_start)
		{
			v->line_at[v->nlines] = line_start;
			v->line_no[v->nlines++] = li;
		}
	}
	v->f[v->n] = '\0';
	v->line_at[v->nlines] = v->n;
}

/* The kept line holding folded offset pos (the last line for pos == n). */
static size_t
line_holding(const folded_view *v, size_t pos)
{
	size_t		lo = 0,
				hi = v->nlines;

	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (v->line_at[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Offset of needle in f[from, n), or n.  Searched by its third byte, as gd_find_phrase. */
static size_t
find_from(const char *f, size_t n, size_t from, const char *needle)
{
	size_t		nl = strlen(needle);

	for (size_t at = from + 2; from + nl <= n && at < n;)
	{
		const char *hit = memchr(f + at, (unsigned char) needle[2], n - at);

		if (hit == NULL)
			break;
		at = (size_t) (hit - f);
		if (at - 2 + nl <= n && memcmp(f + at - 2, needle, nl) == 0)
			return at - 2;
		at++;
	}
	return n;
}

static bool
ends_with(const char *f, size_t lo, size_t pos, const char *lit)
{
	size_t		l = strlen(lit);

	return pos - lo >= l && memcmp(f + pos - l, lit, l) == 0;
}

/* ---------- characters, years, dates ---------- */

/* A CJK ideograph (U+4000..U+9FFF) ends at pos. */
static bool
ideograph_ends_at(const char *f, size_t lo, size_t pos)
{
	unsigned char c;

	if (pos - lo < CJK)
		return false;
	c = (unsigned char) f[pos - 3];
	return c >= 0xE4 && c <= 0xE9 && ((unsigned char) f[pos - 2] & 0xC0) == 0x80 &&
		((unsigned char) f[pos - 1] & 0xC0) == 0x80;
}

/* A digit printed as a Chinese numeral, as in 二〇二三年; its value, or -1. */
static int
numeral_at(const char *f, size_t n, size_t pos)
{
	static const char *const numerals[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

	if (n - pos < CJK)
		return -1;
	for (int d = 0; d < 10; d++)
		if (memcmp(f + pos, numerals[d], CJK) == 0)
			return d;
	if (memcmp(f + pos, "零", CJK) == 0 || memcmp(f + pos, "○", CJK) == 0)
		return 0;
	return -1;
}

/* The year spelt by 4 digits (or 4 numerals) at pos; its end in *end; 0 when none. */
static int
year_digits_at(const char *f, size_t n, size_t pos, size_t *end)
{
	int			y = 0;

	if (n - pos >= 4 && gd_is_digit(f[pos]) && gd_is_digit(f[pos + 1]) &&
		gd_is_digit(f[pos + 2]) && gd_is_digit(f[pos + 3]))
	{
		y = (int) gd_digits_value(f + pos, 4);
		*end = pos + 4;
	}
	else
	{
		for (int k = 0; k < 4; k++)
		{
			int			d = numeral_at(f, n, pos + (size_t) k * CJK);

			if (d < 0)
				return 0;
			y = y * 10 + d;
		}
		*end = pos + 4 * CJK;
	}
	return y >= 1990 && y <= 2099 ? y : 0;
}

/* A year "2023年" or "2023年度" at pos: the year, its end in *end; 0 when none. */
static int
year_at(const char *f, size_t n, size_t pos, size_t *end)
{
	size_t		e;
	int			y = pos < n ? year_digits_at(f, n, pos, &e) : 0;

	if (y == 0 || !gd_starts_with(f + e, n - e, "年"))
		return 0;
	e += CJK;
	if (gd_starts_with(f + e, n - e, "度"))
		e += CJK;
	*end = e;
	return y;
}

/* A year "2023年" or "2023年度" ending at pos (not before lo): the year, its start in *start; 0 when none. */
static int
year_ending_at(const char *f, size_t lo, size_t pos, size_t *start)
{
	size_t		e;

	if (ends_with(f, lo, pos, "度"))
		pos -= CJK;
	if (!ends_with(f, lo, pos, "年"))
		return 0;
	pos -= CJK;
	if (pos - lo >= 4 && year_digits_at(f, pos, pos - 4, &e) != 0)
	{
		*start = pos - 4;
		return year_digits_at(f, pos, pos - 4, &e);
	}
	if (pos - lo >= 4 * CJK && year_digits_at(f, pos, pos - 4 * CJK, &e) != 0)
	{
		*start = pos - 4 * CJK;
		return year_digits_at(f, pos, pos - 4 * CJK, &e);
	}
	return 0;
}

/* 1..limit characters of a month or day number (digits or numerals 一…十) at pos; the end, or 0. */
static size_t
small_number_end(const char *f, size_t n, size_t pos, int limit)
{
	size_t		at = pos;

	while (at < n && gd_is_digit(f[at]) && at - pos < 2)
		at++;
	if (at > pos)
		return at;
	for (int k = 0; k < limit && (numeral_at(f, n, at) > 0 || gd_starts_with(f + at, n - at, "十")); k++)
		at += CJK;
	return at > pos ? at : 0;
}

/* A full date "2024年1月15日" starting at pos: its year, the end in *end; 0 when none. */
static int
date_at(const char *f, size_t n, size_t pos, size_t *end)
{
	size_t		e,
				m,
				d;
	int			y = year_digits_at(f, n, pos, &e);

	if (y == 0 || !gd_starts_with(f + e, n - e, "年"))
		return 0;
	m = small_number_end(f, n, e + CJK, 2);
	if (m == 0 || !gd_starts_with(f + m, n - m, "月"))
		return 0;
	d = small_number_end(f, n, m + CJK, 3);
	if (d == 0 || !gd_starts_with(f + d, n - d, "日"))
		return 0;
	*end = d + CJK;
	return y;
}

/* ---------- names ---------- */

/* A name found in a folded view. */
typedef struct name_span
{
	size_t		start;
	size_t		end;			/* start == end: none */
} name_span;

static bool
span_holds(const char *f, name_span s, const char *lit)
{
	return find_from(f, s.end, s.start, lit) < s.end;
}

/*
 * Words that show a run of characters is not a name: the report's own
 * words, sentences, page tools.
 */
static const char *const not_in_names[] = {
	"报告", "公开", "年度", "根据", "依据", "条例", "网站", "首页", "位置", "栏目", NULL
};

/* Words that stand for a body without naming it (the state's name alone is none either). */
static const char *const pronouns[] = {
	"本机关", "本单位", "本部门", "本局", "本委", "本办", "本院", "本级", "本市", "本区", "本县",
	"本镇", "本乡", "本街道", "全区", "全市", "全县", "全镇", "中华人民共和国", NULL
};

/* A plausible name in a title: two characters or more, none of the words above. */
static bool
could_be_name(const char *f, name_span s)
{
	if (s.end - s.start < 2 * CJK)
		return false;
	for (int k = 0; not_in_names[k]; k++)
		if (span_holds(f, s, not_in_names[k]))
			return false;
	for (int k = 0; pronouns[k]; k++)
		if (s.end - s.start == strlen(pronouns[k]) && memcmp(f + s.start, pronouns[k], s.end - s.start) == 0)
			return false;
	return !gd_starts_with(f + s.start, s.end - s.start, "我") &&
		!gd_starts_with(f + s.start, s.end - s.start, "该");
}

/*
 * The last words of a body's name: governments, their departments and
 * offices, townships and street offices, commissions, centres.
 */
static const char *const body_endings[] = {
	"政府", "街道", "中心", "局", "委", "会", "办", "处", "室", "厅", "院", "署", "部", "所", "站",
	"队", "馆", "镇", "乡", "区", "县", "市", "省", "州", "旗", "盟", "关", "台", "行", "场", "社", "联",
	"团", "校", "狱", NULL
};

/*
 * Evidence from outside the title (a sentence, a signature, a field, the
 * chrome) must look like a body's name: it ends like one (供销合作社, 残联,
 * 共青团…委 too), and a party organ (中共…) is not the body of a government
 * report.
 */
static bool
is_body_name(const char *f, name_span s)
{
	if (!could_be_name(f, s) || gd_starts_with(f + s.start, s.end - s.start, "中共") ||
		gd_starts_with(f + s.start, s.end - s.start, "中国共产党"))
		return false;
	for (int k = 0; body_endings[k]; k++)
		if (ends_with(f, s.start, s.end, body_endings[k]))
			return true;
	return false;
}

/* Where the kept line holding the character that ends at pos starts. */
static size_t
line_start_before(const folded_view *v, size_t pos)
{
	return v->line_at[line_holding(v, pos > 0 ? pos - 1 : 0)];
}

/*
 * The run of ideographs ending at end, back to lo, a non-ideograph, or a
 * year that ends there (2023年X局…: *year and *year_start are set; the
 * year may start before lo: a line wrapped inside it, 2023 / 年X局 or
 * 二〇二 / 一年).  At most ORG_MAX_CHARS: *bounded is false when the run went
 * on (prose).
 */
static name_span
run_back(const char *f, size_t lo, size_t end, int *year, size_t *year_start, bool *bounded)
{
	size_t		pos = end;

	*year = 0;
	*bounded = true;
	for (int chars = 0;; chars++)
	{
		if ((*year = year_ending_at(f, 0, pos, year_start)) != 0 || !ideograph_ends_at(f, lo, pos))
			break;
		if (chars == ORG_MAX_CHARS)
		{
			*bounded = false;
			break;
		}
		pos -= CJK;
	}
	return (name_span) {pos, end};
}

/* run_back within the line holding end (empty at a line start), when no year matters. */
static name_span
name_before(const folded_view *v, size_t end, bool *bounded)
{
	int			year;
	size_t		year_start;

	return run_back(v->f, v->line_at[line_holding(v, end)], end, &year, &year_start, bounded);
}

/* The run of ideographs starting at pos, up to ORG_MAX_CHARS. */
static name_span
run_forward(const char *f, size_t n, size_t pos)
{
	name_span	s = {pos, pos};

	while (s.end - s.start < ORG_MAX_CHARS * CJK && s.end + CJK <= n && ideograph_ends_at(f, s.end, s.end + CJK))
		s.end += CJK;
	return s;
}

/*
 * A party organ is not the body of a government report: in a joint name
 * (中共桐溪市委办公室 桐溪市人民政府办公室) the body starts where the place
 * name after 中共 comes again; a party organ alone leaves no name.
 */
static name_span
without_party_organ(const char *f, name_span s)
{
	static const char *const prefixes[] = {"中国共产党", "中共", NULL};

	for (int k = 0; prefixes[k]; k++)
		if (gd_starts_with(f + s.start, s.end - s.start, prefixes[k]))
		{
			size_t		place = s.start + strlen(prefixes[k]);
			char		key[2 * CJK + 1];
			size_t		again;

			if (s.end - place < 2 * CJK)
				return (name_span) {s.start, s.start};
			memcpy(key, f + place, 2 * CJK);
			key[2 * CJK] = '\0';
			again = find_from(f, s.end, place + 2 * CJK, key);
			return again < s.end ? (name_span) {again, s.end} : (name_span) {s.start, s.start};
		}
	return s;
}

/* The whole kept line k as a name, or an empty span. */
static name_span
whole_line_name(const folded_view *v, size_t k)
{
	name_span	s = run_forward(v->f, v->line_at[k + 1], v->line_at[k]);

	if (s.end != v->line_at[k + 1])
		return (name_span) {s.start, s.start};
	s = without_party_organ(v->f, s);
	return is_body_name(v->f, s) ? s : (name_span) {s.start, s.start};
}

/* Drop a word from the start (or the end) of a span when it is there. */
static void
drop_prefix(const char *f, name_span *s, const char *lit)
{
	if (gd_starts_with(f + s->start, s->end - s->start, lit))
		s->start += strlen(lit);
}

static void
drop_suffix(const char *f, name_span *s, const char *lit)
{
	if (ends_with(f, s->start, s->end, lit))
		s->end -= strlen(lit);
}

/* Words that lead a sentence up to the report it names (现公布X2022年…报告). */
static const char *const lead_ins[] = {
	"公布", "发布", "印发", "现将", "特将", "编制", "编写", "形成", "予以", "向社会", NULL
};

/*
 * Page tools that crawler text glues before a title (…【字体：大中小】打印X2023年…),
 * the end of another title glued before it (…年度报告X局2023年…: a list), and
 * the label of the title's field when a converter lost its colon (名称X局2023年…).
 */
static const char *const page_tools[] = {
	"正文", "打印", "关闭窗口", "关闭", "返回顶部", "返回", "收藏", "分享", "首页", "报告", "名称", "标题", NULL
};

/* Cut the span after the last of these words in it (at least 2 characters are left); true when cut. */
static bool
cut_after_last(const char *f, name_span *s, const char *const *words)
{
	size_t		cut = s->start;

	if (s->end - s->start < 4 * CJK)
		return false;			/* too short for a word and a name */
	for (int k = 0; words[k]; k++)
	{
		size_t		l = strlen(words[k]);

		for (size_t at = s->start; (at = find_from(f, s->end, at, words[k])) < s->end; at += l)
			if (at + l > cut)
				cut = at + l;
	}
	if (cut == s->start)
		return false;
	s->start = cut;
	return true;
}

/* ---------- the title phrase ---------- */

/* One mention of the report's title: …信息公开工作年度报告. */
typedef struct title_hit
{
	size_t		start;			/* where the title begins (its org, or its year) */
	size_t		end;			/* after 报告 */
	name_span	org;
	int			year;
	bool		clean;			/* begins a line or a field: not glued to other text */
	bool		prose;			/* inside a sentence (a preamble) */
	bool		org_guessed;	/* the org is a guess from the layout: the line above, a list's last item */
} title_hit;

/*
 * After 信息公开 at q: [工作] [2023年[度]] 年度报告|年报|报告|情况[的]报告.  Returns the
 * end of the title, 0 when this is no title (…信息公开条例, …信息公开申请).
 */
static size_t
title_tail_end(const char *f, size_t n, size_t q, int *year)
{
	static const char *const tails[] = {"年度报告", "年报", "报告", "工作年度报告", "工作报告", "情况的报告", "情况报告",
	NULL};
	size_t		e;

	if (gd_starts_with(f + q, n - q, "工作"))
		q += 2 * CJK;
	if ((*year = year_at(f, n, q, &e)) != 0)
		q = e;
	for (int k = 0; tails[k]; k++)
		if (gd_starts_with(f + q, n - q, tails[k]))
		{
			q += strlen(tails[k]);
			/* 《…年度报告格式》: the national template; …年度报告的有关要求: a sentence's (not …的通知 issuing it) */
			if (gd_starts_with(f + q, n - q, "格式") ||
				(gd_starts_with(f + q, n - q, "的") && !gd_starts_with(f + q + CJK, n - q - CJK, "通知")))
				return 0;
			/* "…年度报告(2023年度)" */
			if (*year == 0 && q < n && f[q] == '(' && (*year = year_at(f, n, q + 1, &e)) != 0 &&
				e < n && f[e] == ')')
				q = e + 1;
			return q;
		}
	return 0;
}

/* Does the text before folded offset pos end a field label or markup (标题：X, |X, > X)? */
static bool
opens_field(const char *f, size_t lo, size_t pos)
{
	return pos == lo || strchr(":>|_#", f[pos - 1]) != NULL || ends_with(f, lo, pos, "：");
}

/* Does the text before folded offset pos end with one of the words? */
static bool
ends_with_any(const char *f, size_t lo, size_t pos, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (ends_with(f, lo, pos, words[k]))
			return true;
	return false;
}

/*
 * The body's name alone on kept line k above a title: not a field's value
 * (来源： / X市人民政府办公室 / 2023年…报告, a metadata block as lines) and
 * more than a cell's wrapped tail (公室): three characters at least.
 */
static name_span
name_line_above(const folded_view *v, size_t k)
{
	name_span	s = whole_line_name(v, k);

	if (s.end - s.start < 3 * CJK ||
		(k > 0 && (ends_with(v->f, 0, v->line_at[k], "：") || v->f[v->line_at[k] - 1] == ':')))
		return (name_span) {s.start, s.start};
	return s;
}

/* Labels of a metadata block's fields: cut from a glued value. */
static const char *const field_labels[] = {
	"发布时间", "发布日期", "成文日期", "生成日期", "发文日期", "索引号", "发文字号", "文号", "来源",
	"主题分类", "公开方式", "公开范围", "公开时限", "有效性", "所属主题", "体裁分类", "组配分类",
	"发布机构", "发布单位", "发文机关", "标题", "名称", "关键词", "网站标识码", "分类", "浏览次数", "点击数", NULL
};

/*
 * Does pos follow the label of a field other than the title's own
 * (来源：, 主题分类：, not 标题：/名称：)?  Glued text puts that field's value
 * right before a copy of the title that names no body (来源：X市人民政府办公室2023年…).
 */
static bool
follows_other_label(const char *f, size_t pos)
{
	if (ends_with(f, 0, pos, "："))
		pos -= strlen("：");
	else if (pos > 0 && f[pos - 1] == ':')
		pos--;
	else
		return false;
	return ends_with_any(f, 0, pos, field_labels) && !ends_with(f, 0, pos, "标题") && !ends_with(f, 0, pos, "名称");
}

static bool
span_holds_any(const char *f, name_span s, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (span_holds(f, s, words[k]))
			return true;
	return false;
}

/* Last words of an organ's name (not of a place): where a field's value glued before a name ends. */
static const char *const organ_endings[] = {"政府", "办公室", "局", "委员会", "办事处", "中心", "厅", NULL};

/*
 * Glued text puts a field's value right before the title's name
 * (来源：桐溪市人民政府办公室桐溪市教育局2023年…, or the name twice): the
 * name is the last body's name in the run that starts with the run's own
 * place after an organ's name.
 */
static name_span
after_glued_value(const char *f, name_span s)
{
	for (size_t cut = s.start + 3 * CJK; cut + 3 * CJK <= s.end; cut += CJK)
		if (memcmp(f + cut, f + s.start, 2 * CJK) == 0 && ends_with_any(f, s.start, cut, organ_endings) &&
			is_body_name(f, (name_span) {cut, s.end}))
			return after_glued_value(f, (name_span) {cut, s.end});
	return s;
}

/* Labels of lists of other pages: their titles name other reports (other bodies, other years). */
static const char *const list_labels[] = {
	"相关文章", "相关链接", "相关阅读", "相关信息", "相关文件", "相关推荐", "推荐阅读", "延伸阅读", "往期回顾",
	"上一篇", "下一篇", NULL
};

/* Read the title mention whose 信息公开 starts at p; false when it is none. */
static bool
read_title_hit(const folded_view *v, size_t p, title_hit *h)
{
	const char *f = v->f;
	size_t		head = p,
				ys,
				begin,
				line_start;
	int			year_before;
	bool		bounded;

	memset(h, 0, sizeof(*h));
	h->end = title_tail_end(f, v->n, p + strlen("信息公开"), &h->year);
	if (h->end == 0)
		return false;
	if (ends_with(f, 0, head, "政府") || ends_with(f, 0, head, "政务"))
		head -= 2 * CJK;
	line_start = v->line_at[line_holding(v, head)];
	bounded = true;
	if (head == line_start && head > 0 &&
		(year_before = year_ending_at(f, line_start_before(v, head), head, &ys)) != 0)
		h->org = (name_span) {head, head};	/* the year ends the line above */
	else
		h->org = run_back(f, line_start, head, &year_before, &ys, &bounded);
	h->start = h->org.start;
	if (year_before != 0)
	{
		h->year = year_before;
		h->start = ys;
		/* X[关于]2023年政府信息公开…, else 2023年X政府信息公开… */
		if (h->org.start == head)
		{
			h->org = name_before(v, ys, &bounded);
			drop_suffix(f, &h->org, "关于");
		}
	}
	/* the title begins with its org, or with its year (2023年X局…) */
	begin = h->org.end > h->org.start && h->org.start < h->start ? h->org.start : h->start;
	line_start = v->line_at[line_holding(v, begin)];
	h->clean = opens_field(f, line_start, begin);
	/* a line wrapped by a converter has the line above right over it, no blank line between */
	if (begin == line_start && line_start > 0 &&
		v->line_no[line_holding(v, begin)] == v->line_no[line_holding(v, begin) - 1] + 1)
	{
		/* a sentence wrapped before the name or inside it: …现公布云岫区 / 人民政府2022年… */
		bool		ext_bounded;
		int			y;
		size_t		yst;
		name_span	ext = run_back(f, 0, h->org.end > h->org.start ? h->org.end : begin, &y, &yst, &ext_bounded);

		/* a metadata row (发布机构 X市人民政府办 / 公室) is no sentence: its 发布 leads in nothing */
		if (ext.start < begin && !span_holds_any(f, ext, field_labels) && cut_after_last(f, &ext, lead_ins))
		{
			h->org = ext;
			h->prose = true;
		}
		else if (ext.start < begin && ext_bounded && h->org.end > h->org.start && opens_field(f, 0, ext.start))
			h->org = ext;		/* a field's value wrapped inside the name: 名称：桐溪市生态 / 环境局2023年… */
	}
	if (!h->prose)
		h->prose = cut_after_last(f, &h->org, lead_ins) || ends_with_any(f, 0, begin, lead_ins) ||
			ends_with(f, 0, h->org.start, "，") ||
			ends_with(f, 0, h->org.start, "《") || ends_with(f, 0, h->org.start, "〈") ||
			ends_with(f, 0, h->org.start, "“");
	cut_after_last(f, &h->org, page_tools);
	cut_after_last(f, &h->org, list_labels);	/* 相关文章X局2022年… glued: the list's first item */
	drop_prefix(f, &h->org, "关于");
	h->org = without_party_organ(f, h->org);
	if (follows_other_label(f, h->org.start) && after_glued_value(f, h->org).start == h->org.start)
		h->org.end = h->org.start;	/* the field's value alone */
	h->org = after_glued_value(f, h->org);
	if (!could_be_name(f, h->org) || (!bounded && !h->prose))
		h->org.end = h->org.start;
	if (h->org.start == h->org.end && begin == line_start && !h->prose)
	{
		/* the body's name alone on the line above: a title over two lines */
		size_t		k = line_holding(v, line_start);

		if (k > 0)
			h->org = name_line_above(v, k - 1);
		h->org_guessed = h->org.end > h->org.start;
	}
	if (h->org.start == h->org.end && h->end < v->n && f[h->end] == '(')
	{
		/* 2023年政府信息公开工作年度报告（桐溪市水务局） */
		name_span	after = run_forward(f, v->n, h->end + 1);

		if (after.end < v->n && f[after.end] == ')' && is_body_name(f, after))
		{
			h->org = after;
			h->end = after.end + 1;
		}
	}
	/* the title starts with its org (after the words cut from it), or with its year */
	if (h->org.end > h->org.start && (h->org.start < h->start || year_before == 0))
		h->start = h->org.start;
	return true;
}

/* ---------- what each source says ---------- */

/* A name and a year with the source's rank; found says whether any. */
typedef struct evidence
{
	name_span	org;
	bool		org_found;
	int			year;
} evidence;

static void
take_org(evidence *e, name_span s)
{
	if (!e->org_found && s.end > s.start)
	{
		e->org = s;
		e->org_found = true;
	}
}

static void
take_year(evidence *e, int year)
{
	if (e->year == 0)
		e->year = year;
}

/* Names read from glued copies of the title, counted: the most frequent wins. */
typedef struct guesses
{
	name_span	name[MAX_GUESSES];
	int			count[MAX_GUESSES];
	int			n;
} guesses;

static void
count_guess(guesses *g, const char *f, name_span s)
{
	size_t		len = s.end - s.start;

	for (int k = 0; k < g->n; k++)
		if (g->name[k].end - g->name[k].start == len && memcmp(f + g->name[k].start, f + s.start, len) == 0)
		{
			g->count[k]++;
			return;
		}
	if (g->n < MAX_GUESSES)
	{
		g->name[g->n] = s;
		g->count[g->n++] = 1;
	}
}

static name_span
best_guess(const guesses *g)
{
	int			best = -1;

	for (int k = 0; k < g->n; k++)
		if (best < 0 || g->count[k] > g->count[best])
			best = k;
	return best < 0 ? (name_span) {0, 0} : g->name[best];
}

/* What the title mentions in the title block say, by kind. */
typedef struct title_reading
{
	title_hit	own;			/* the last clean mention outside sentences */
	bool		own_found;
	evidence	preamble;		/* the first mention inside a sentence */
	evidence	copies;			/* the last clean mention naming a body (or a year) */
	guesses		glued;			/* names from mentions glued to other text */
	int			glued_year;
	title_hit	any;			/* the last mention outside sentences, clean or not */
	bool		any_found;
	title_hit	bare;			/* the first mention naming neither body nor year */
	bool		bare_found;
	name_span	site;			/* "_X" after a mention: the <title>'s site name */
} title_reading;

/* Marks between a list's label or item and the next item: colons, bullets. */
static const char *const list_marks[] = {"：", ":", "•", "·", "●", "◆", NULL};

/* Where a mention stands to a list of other pages. */
typedef enum list_place
{
	NOT_LISTED,
	AFTER_LABEL,				/* right after a list label (相关文章：X局2022年…) */
	AFTER_ITEM					/* right after the previous item */
} list_place;

/* Is the mention starting at pos right after a list label, or right after the previous item (list_end)? */
static list_place
in_page_list(const char *f, size_t pos, size_t list_end)
{
	for (bool skipped = true; skipped;)
	{
		skipped = false;
		for (int k = 0; list_marks[k] && !skipped; k++)
			if (ends_with(f, 0, pos, list_marks[k]))
			{
				pos -= strlen(list_marks[k]);
				skipped = true;
			}
	}
	return ends_with_any(f, 0, pos, list_labels) ? AFTER_LABEL : pos == list_end ? AFTER_ITEM : NOT_LISTED;
}

/* Count one mention outside lists as what it is: a preamble's, a menu's, a glued copy, a clean copy. */
static void
take_title(const folded_view *v, const title_hit *h, title_reading *tr)
{
	if (h->prose)
	{
		if (is_body_name(v->f, h->org))
			take_org(&tr->preamble, h->org);
		take_year(&tr->preamble, h->year);
		return;
	}
	if (h->org.end == h->org.start && h->year == 0)
	{
		/* 政府信息公开年报 in a menu: a title only when there is no other */
		if (!tr->bare_found)
			tr->bare = *h;
		tr->bare_found = true;
		return;
	}
	tr->any = *h;
	tr->any_found = true;
	if (h->end < v->n && strchr("_-|", v->f[h->end]) != NULL && tr->site.end == tr->site.start)
		tr->site = run_forward(v->f, v->n, h->end + 1);
	if (!h->clean)
	{
		if (h->org.end > h->org.start)
			count_guess(&tr->glued, v->f, h->org);
		if (tr->glued_year == 0)
			tr->glued_year = h->year;
		return;
	}
	tr->own = *h;
	tr->own_found = true;
	if (h->org.end > h->org.start)
	{
		tr->copies.org = h->org;
		tr->copies.org_found = true;
	}
	if (h->year)
		tr->copies.year = h->year;
}

/*
 * Every mention of the title block, but the items of lists of other pages
 * (相关文章, 上一篇…: other bodies' reports).  A list's last item may be the
 * page's own title right under the list: it counts when no mention follows
 * and its year is not another than the statistics period's (period_year, 0
 * when the report states none).
 */
static void
read_titles(const folded_view *v, int period_year, title_reading *tr)
{
	size_t		list_end = SIZE_MAX;
	title_hit	last_item;
	bool		item_held = false;

	memset(tr, 0, sizeof(*tr));
	for (size_t p = 0; (p = find_from(v->f, v->n, p, "信息公开")) < v->n; p += strlen("信息公开"))
	{
		title_hit	h;
		list_place	place;

		if (!read_title_hit(v, p, &h))
			continue;
		item_held = false;
		if ((place = in_page_list(v->f, h.start, list_end)) != NOT_LISTED)
		{
			list_end = h.end;
			last_item = h;
			item_held = place == AFTER_ITEM;
			continue;
		}
		take_title(v, &h, tr);
	}
	if (item_held && (period_year == 0 || last_item.year == 0 || last_item.year == period_year))
	{
		last_item.org_guessed = true;
		take_title(v, &last_item, tr);
	}
}

/*
 * The signature block: the body's name, then the date, alone on their
 * lines (or, in glued text, the name right after a sentence).  The last
 * one in the view.
 */
static name_span
read_signature(const folded_view *v)
{
	name_span	found = {0, 0};

	for (size_t p = 0; (p = find_from(v->f, v->n, p, "年")) < v->n; p += CJK)
	{
		size_t		ys,
					end;
		bool		bounded;
		size_t		k;
		name_span	s;

		if (p < 4 || year_ending_at(v->f, 0, p + CJK, &ys) == 0 || date_at(v->f, v->n, ys, &end) == 0)
			continue;
		k = line_holding(v, ys);
		s = name_before(v, ys, &bounded);
		if (s.start == ys && ys == v->line_at[k] && k > 0)
			s = whole_line_name(v, k - 1);
		else if (s.start != v->line_at[k] && !ends_with(v->f, 0, s.start, "。") &&
				 !ends_with(v->f, 0, s.start, "；") && !ends_with(v->f, 0, s.start, "！"))
			continue;
		s = without_party_organ(v->f, s);
		if (s.end > s.start && is_body_name(v->f, s))
			found = s;
	}
	return found;
}

/* Endings of site names: XX市人民政府门户网站, XX区政府网. */
static const char *const site_endings[] = {"门户网站", "官方网站", "网站", "门户网", "官网", "网", NULL};

/* The name a field's value (or a site name) gives, cut from glued labels and site words. */
static name_span
field_value(const char *f, size_t n, size_t pos)
{
	name_span	s;
	size_t		full;

	while (pos < n && is_line_markup(f[pos]))
		pos++;
	s = run_forward(f, n, pos);
	full = s.end;
	for (int k = 0; field_labels[k]; k++)
		drop_suffix(f, &s, field_labels[k]);
	if (s.end == full)
		for (int k = 0; site_endings[k]; k++)
		{
			size_t		at = find_from(f, s.end, s.start, site_endings[k]);

			if (at < s.end)
				s.end = at;
		}
	return is_body_name(f, s) ? s : (name_span) {0, 0};
}

/* The first field with one of these labels (followed by ：) naming a body. */
static name_span
read_field(const folded_view *v, const char *const *labels)
{
	for (int k = 0; labels[k]; k++)
	{
		size_t		l = strlen(labels[k]);

		for (size_t p = 0; (p = find_from(v->f, v->n, p, labels[k])) < v->n; p += l)
		{
			size_t		q = p + l;
			name_span	s;

			if (gd_starts_with(v->f + q, v->n - q, "："))
				q += CJK;
			else if (q < v->n && v->f[q] == ':')
				q++;
			else
				continue;
			s = field_value(v->f, v->n, q);
			if (s.end > s.start)
				return s;
		}
	}
	return (name_span) {0, 0};
}

/* 本报告由X根据《条例》编制: the body (often its office) that compiled the report. */
static name_span
read_compiler(const folded_view *v)
{
	static const char *const verbs[] = {"根据", "依据", "按照", "编制", "负责", "组织", NULL};
	size_t		p = find_from(v->f, v->n, 0, "本报告由");
	name_span	s;

	if (p == v->n)
		return (name_span) {0, 0};
	s = run_forward(v->f, v->n, p + strlen("本报告由"));
	for (int k = 0; verbs[k]; k++)
	{
		size_t		at = find_from(v->f, s.end, s.start, verbs[k]);

		if (at < s.end)
			s.end = at;
	}
	return is_body_name(v->f, s) ? s : (name_span) {0, 0};
}

/* A breadcrumb (当前位置：首页>…>X局>…): its last item that names a body. */
static name_span
read_breadcrumb(const folded_view *v)
{
	static const char *const crumbs[] = {"当前位置", "您的位置", "您现在的位置", NULL};

	for (int k = 0; crumbs[k]; k++)
	{
		size_t		p = find_from(v->f, v->n, 0, crumbs[k]);
		size_t		end;
		name_span	found = {0, 0};

		if (p == v->n)
			continue;
		end = v->line_at[line_holding(v, p) + 1];
		for (size_t q = p; q < end; q++)
			if (v->f[q] == '>' || v->f[q] == '/')
			{
				name_span	s = run_forward(v->f, end, q + 1);

				if (is_body_name(v->f, s))
					found = s;
			}
		return found;
	}
	return (name_span) {0, 0};
}

/* The site name at the top of the page: 欢迎访问X网站, X门户网站, or X alone on the first line. */
static name_span
read_site_name(const folded_view *v)
{
	size_t		p;
	name_span	s;

	if (v->nlines == 0)
		return (name_span) {0, 0};
	p = v->line_at[0];
	if (gd_starts_with(v->f + p, v->n - p, "欢迎访问"))
		p += strlen("欢迎访问");
	s = field_value(v->f, v->line_at[1], p);
	/* a name alone on its line, or one that a site word ended */
	if (s.end == v->line_at[1] || (s.end > s.start && run_forward(v->f, v->line_at[1], p).end > s.end))
		return s;
	return (name_span) {0, 0};
}

/* The statistics period: 统计期限自2023年1月1日… */
static int
statistics_year(const gd_text *tx, size_t to)
{
	static const char *const phrases[] = {"统计期限", "统计期间", "统计时限", "统计时间", "统计时段", NULL};

	for (int k = 0; phrases[k]; k++)
	{
		size_t		at = gd_find_phrase(tx, 0, to, phrases[k]);

		if (at < to)
		{
			char		buf[48];
			size_t		n = gd_fold(tx->t + at + strlen(phrases[k]), to - at - strlen(phrases[k]), buf, sizeof(buf));
			size_t		e;

			/* a word or two before the year: 自, 为, 从, ：, 的是 (bytes: misaligned, no digit matches) */
			for (size_t q = 0; q <= 2 * CJK && q < n; q++)
			{
				int			y = year_at(buf, n, q, &e);

				if (y)
					return y;
			}
		}
	}
	return 0;
}

/* The text span (lines) holding folded [start, end) of the view. */
static gd_span
text_span(const gd_text *tx, const folded_view *v, size_t start, size_t end)
{
	size_t		first = v->line_no[line_holding(v, start)],
				last = v->line_no[line_holding(v, end > start ? end - 1 : start)];
	gd_span		s;

	s.off = tx->lines[first].start;
	s.len = tx->lines[last].end - s.off;
	return s;
}

/* The end of the report: the content of the last section found. */
static void
fold_last_section(gd_text *tx, const gd_report *r, folded_view *v)
{
	int			sec = GD_SECTIONS - 1;

	while (sec > 1 && !r->section_found[sec])
		sec--;
	if (r->section_found[sec])
		fold_lines(tx, r->section_content[sec].off, r->section_content[sec].off + r->section_content[sec].len, v);
	else
		fold_lines(tx, tx->n, tx->n, v);
}

/* The sources of the org, strongest first (see the header comment). */
typedef enum org_source
{
	ORG_OWN_TITLE,
	ORG_PREAMBLE,
	ORG_SIGNATURE,
	ORG_TITLE_COPIES,
	ORG_COMPILER,				/* 本报告由X编制 */
	ORG_PUBLISHER_FIELD,
	ORG_SOURCE_FIELD,
	ORG_BREADCRUMB,
	ORG_HOST_AT_END,			/* the footer's 主办单位 */
	ORG_HOST_AT_TOP,
	ORG_TITLE_SITE,				/* <title>X报告_site</title> */
	ORG_SITE_NAME,
	ORG_SOURCES
} org_source;

/* What the org sources read: the title block, and the end of the report folded when first asked. */
typedef struct org_reading
{
	gd_text    *tx;
	const gd_report *r;
	const title_reading *tr;
	const folded_view *head;
	folded_view tail;
	bool		tail_folded;
} org_reading;

static name_span org_from(org_reading *o, org_source source, const folded_view **in);

/*
 * A name guessed from the layout (the line above the title: it may be a
 * table row's wrapped tail; a list's last item: it may be another body's
 * report) gives way to the preamble's name, and to a signature that is not
 * that name or that name's office.
 */
static bool
guess_overruled(org_reading *o)
{
	const folded_view *in;
	name_span	signed_by;
	size_t		len = o->tr->own.org.end - o->tr->own.org.start;

	if (o->tr->preamble.org_found)
		return true;
	signed_by = org_from(o, ORG_SIGNATURE, &in);
	return signed_by.end > signed_by.start &&
		!(signed_by.end - signed_by.start >= len &&
		  memcmp(in->f + signed_by.start, o->head->f + o->tr->own.org.start, len) == 0);
}

/* The name one source gives, and the view it points into. */
static name_span
org_from(org_reading *o, org_source source, const folded_view **in)
{
	static const char *const publishers[] = {"发布机构", "发文机关", "发布单位", "发文单位", "公开主体", "所属机构", "发布部门", NULL};
	static const char *const sources[] = {"信息来源", "文章来源", "来源", NULL};
	static const char *const hosts[] = {"主办单位", "主办", NULL};
	const title_reading *tr = o->tr;
	const name_span none = {0, 0};

	*in = o->head;
	if ((source == ORG_SIGNATURE || source == ORG_HOST_AT_END) && !o->tail_folded)
	{
		fold_last_section(o->tx, o->r, &o->tail);
		o->tail_folded = true;
	}
	switch (source)
	{
		case ORG_OWN_TITLE:
			return tr->own_found && !(tr->own.org_guessed && guess_overruled(o)) ? tr->own.org : none;
		case ORG_PREAMBLE:
			return tr->preamble.org;
		case ORG_SIGNATURE:
			*in = &o->tail;
			return read_signature(&o->tail);
		case ORG_TITLE_COPIES:
			return tr->copies.org_found ? tr->copies.org : best_guess(&tr->glued);
		case ORG_COMPILER:
			return read_compiler(o->head);
		case ORG_PUBLISHER_FIELD:
			return read_field(o->head, publishers);
		case ORG_SOURCE_FIELD:
			return read_field(o->head, sources);
		case ORG_BREADCRUMB:
			return read_breadcrumb(o->head);
		case ORG_HOST_AT_END:
			*in = &o->tail;
			return read_field(&o->tail, hosts);
		case ORG_HOST_AT_TOP:
			return read_field(o->head, hosts);
		case ORG_TITLE_SITE:
			return is_body_name(o->head->f, tr->site) ? tr->site : none;
		case ORG_SITE_NAME:
		case ORG_SOURCES:
			break;
	}
	return read_site_name(o->head);
}

/*
 * A name that is only a body's last words (委员会, 人民政府): the rest of it
 * wrapped onto the line above the title, or cut off.
 */
static bool
is_bare_ending(const char *name, size_t len)
{
	static const char *const bare[] = {"委员会", "人民政府", "政府", "办公室", "管理局", "管委会", "办事处", NULL};

	for (int k = 0; bare[k]; k++)
		if (len == strlen(bare[k]) && memcmp(name, bare[k], len) == 0)
			return true;
	return false;
}

/*
 * The org (r->org_text) completed from the sources first..last: the first
 * longer name that ends with it.  For a bare ending (the rest cut off), and
 * for a signature by the body's short name (棠溪县税务局) where the title
 * copies or the fields give the full one (国家税务总局棠溪县税务局); never a
 * name with more after it (…办公室, the office that posts the report).
 * With parent_first, what comes before must name a body itself (国家税务总局),
 * not be a cell's value glued before a copy (无X局, 政务公开X局).
 */
/* What comes before the org in a longer name names a body, other than the org again (X局X局: glued copies). */
static bool
is_parent_name(const char *f, name_span before, const gd_report *r)
{
	return is_body_name(f, before) &&
		!(before.end - before.start >= r->org_text_len &&
		  memcmp(f + before.end - r->org_text_len, r->org_text, r->org_text_len) == 0);
}

static void
complete_org(org_reading *o, org_source first, org_source last, bool parent_first, gd_report *r)
{
	for (org_source source = first; source <= last; source++)
	{
		const folded_view *in;
		name_span	s = org_from(o, source, &in);

		if (s.end - s.start > r->org_text_len &&
			memcmp(in->f + s.end - r->org_text_len, r->org_text, r->org_text_len) == 0 &&
			(!parent_first || is_parent_name(in->f, (name_span) {s.start, s.end - r->org_text_len}, r)))
		{
			r->org_text = in->f + s.start;
			r->org_text_len = s.end - s.start;
			return;
		}
	}
}

void
gd_find_title(gd_text *tx, gd_report *r)
{
	folded_view head;
	title_reading tr;
	const title_hit *shown;
	org_reading o;
	int			period_year = statistics_year(tx, r->section_found[3] ? r->section_heading[3].off : tx->n);

	fold_lines(tx, 0, r->section_content[0].len, &head);
	read_titles(&head, period_year, &tr);

	/* the title line: the report's own, else the last mention */
	shown = tr.own_found ? &tr.own : tr.any_found ? &tr.any : tr.bare_found ? &tr.bare : NULL;
	if (shown)
	{
		r->title = text_span(tx, &head, shown->start, shown->end);
		r->title_text = head.f + shown->start;
		r->title_text_len = shown->end - shown->start;
	}

	/* the year, in the order of the header comment */
	r->year = tr.own_found && tr.own.year ? tr.own.year : tr.preamble.year;
	if (r->year == 0)
		r->year = period_year;
	if (r->year == 0)
		r->year = tr.copies.year ? tr.copies.year : tr.glued_year;

	/* the org: the first source that names a body */
	memset(&o, 0, sizeof(o));
	o.tx = tx;
	o.r = r;
	o.tr = &tr;
	o.head = &head;
	for (org_source source = 0; source < ORG_SOURCES; source++)
	{
		const folded_view *in;
		name_span	s = org_from(&o, source, &in);

		if (s.end > s.start)
		{
			r->org_text = in->f + s.start;
			r->org_text_len = s.end - s.start;
			if (is_bare_ending(r->org_text, r->org_text_len))
				complete_org(&o, (org_source) (source + 1), ORG_SOURCES - 1, false, r);
			else if (source == ORG_SIGNATURE)
				complete_org(&o, ORG_TITLE_COPIES, ORG_SOURCE_FIELD, true, r);
			return;
		}
	}
}
