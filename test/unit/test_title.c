/*
 * test_title - the title line, the reporting body (org) and the year on the
 * forms real pages give them: title forms, a title over two lines, spaced
 * or split, metadata fields, preambles, signature blocks, page chrome, and
 * glued crawler text.  Every body is fictional.
 *
 * Run from the repository root.  Prints TAP lines and a closing
 * "N passed, N failed"; exits non-zero on any failure.
 */
#include "../../src/gd_core.h"
#include "arena.h"

#include <string.h>

static int	passed,
			failed;

/* The six sections with little in them: what follows the title block. */
static const char report_body[] =
	"一、总体情况\n本年度政府信息公开工作平稳推进。\n"
	"二、主动公开政府信息情况\n本年主动公开信息若干。\n"
	"三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"
	"四、政府信息公开行政复议、行政诉讼情况\n无。\n"
	"五、存在的主要问题及改进情况\n栏目更新不够及时。\n"
	"六、其他需要报告的事项\n本年度未收取信息处理费。\n";

/* One page: the text before the six sections, the text after them, and what must be read. */
typedef struct title_case
{
	const char *name;
	const char *head;
	const char *tail;
	const char *org;			/* NULL: none */
	int			year;			/* 0: none */
	const char *title;			/* NULL: not checked */
} title_case;

static bool
same_text(const char *s, size_t len, const char *want)
{
	return s != NULL && len == strlen(want) && memcmp(s, want, len) == 0;
}

/* Parse head + the six sections + tail; check org, year and the title text. */
static void
expect(const title_case *c)
{
	const char *org = c->org,
			   *title = c->title;
	int			year = c->year;
	size_t		len = strlen(c->head) + strlen(report_body) + strlen(c->tail);
	char	   *text = malloc(len + 1);
	arena		a = {NULL};
	gd_options	opt = {.alloc = arena_alloc, .alloc_ctx = &a, .skip_facts = true};
	gd_report  *r = calloc(1, sizeof(gd_report));
	bool		ok;

	snprintf(text, len + 1, "%s%s%s", c->head, report_body, c->tail);
	gd_parse(text, len, &opt, r);
	ok = r->year == year && (org == NULL ? r->org_text == NULL : same_text(r->org_text, r->org_text_len, org)) &&
		(title == NULL || same_text(r->title_text, r->title_text_len, title));
	if (ok)
		printf("ok %d - %s\n", ++passed + failed, c->name);
	else
	{
		printf("not ok %d - %s\n", passed + ++failed, c->name);
		fprintf(stderr, "  %s: want org %s year %d title %s; got org %.*s year %d title %.*s\n", c->name,
				org ? org : "(none)", year, title ? title : "(any)",
				(int) (r->org_text ? r->org_text_len : 6), r->org_text ? r->org_text : "(none)", r->year,
				(int) (r->title_text ? r->title_text_len : 6), r->title_text ? r->title_text : "(none)");
	}
	arena_free_all(&a);
	free(r);
	free(text);
}

static const title_case cases[] = {
	/* title forms */
	{"body before the year", "桐溪市水务局2023年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, "桐溪市水务局2023年政府信息公开工作年度报告"},
	{"年度 after the year", "桐溪市水务局2023年度政府信息公开工作年度报告\n", "", "桐溪市水务局", 2023, NULL},
	{"关于 between body and year", "桐溪市水务局关于2023年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"关于…工作情况的报告, a vertical bureau's signature by its short name",
	 "国家税务总局桐溪县税务局关于2025年度政府信息公开工作情况的报告\n", "\n桐溪县税务局\n2026年1月20日\n",
	 "国家税务总局桐溪县税务局", 2025, NULL},
	{"signed by the short name, the full name in 发布机构",
	 "发布机构：国家税务总局桐溪县税务局\n2025年度政府信息公开工作年度报告\n", "\n桐溪县税务局\n2026年1月20日\n",
	 "国家税务总局桐溪县税务局", 2025, NULL},
	{"signed by the body, 发布机构 its office", "发布机构：桐溪县税务局办公室\n2025年度政府信息公开工作年度报告\n",
	 "\n桐溪县税务局\n2026年1月20日\n", "桐溪县税务局", 2025, NULL},
	{"year first", "2023年桐溪市水务局政府信息公开工作年度报告\n", "", "桐溪市水务局", 2023, NULL},
	{"year first, 年度, a district branch",
	 "2023年度桐溪市生态环境局岚山分局政府信息公开工作年度报告\n", "", "桐溪市生态环境局岚山分局", 2023, NULL},
	{"a commission", "桐溪市发展和改革委员会2021年政府信息公开工作年度报告\n", "",
	 "桐溪市发展和改革委员会", 2021, NULL},
	{"year in Chinese numerals", "桐溪市统计局二〇二三年政府信息公开工作年度报告\n", "", "桐溪市统计局", 2023, NULL},
	{"year after the title", "桐溪市统计局政府信息公开工作年度报告（2022年度）\n", "", "桐溪市统计局", 2022, NULL},
	{"year after the phrase", "桐溪市统计局政府信息公开工作2023年度报告\n", "", "桐溪市统计局", 2023, NULL},
	{"body in parentheses after the title", "2023年政府信息公开工作年度报告（桐溪市供销合作社）\n", "",
	 "桐溪市供销合作社", 2023, "2023年政府信息公开工作年度报告(桐溪市供销合作社)"},
	{"a preamble naming the requirements, wrapped before 总局关于…年度报告的有关要求",
	 "标题：国家税务总局桐溪县税务局2025年度政府信息公开工作年度\n国家税务总局桐溪县税务局2025年度政府信息公开工作年度报告\n"
	 "本年度报告依据条例和国家税务\n总局关于政府信息公开工作年度报告的有关要求编制。\n", "",
	 "国家税务总局桐溪县税务局", 2025, NULL},
	{"notice that issues the report", "关于印发桐溪市水务局2023年政府信息公开工作年度报告的通知\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"emphasis as __ (pandoc's haddock)", "__桐溪市水务局____2023____年政府信息公开工作年度报告__\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"markdown heading and emphasis", "## **桐溪市水务局** **2023**年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	/* titles over lines, spaced, wrapped */
	{"two-level body over two lines, spaced year",
	 "   桐溪市岚山区人民政府\n\n   2023 年政府信息公开工作年度报告\n", "",
	 "桐溪市岚山区人民政府", 2023, "桐溪市岚山区人民政府2023年政府信息公开工作年度报告"},
	{"street office over two lines", "岚山区青梅街道办事处\n2022年政府信息公开工作年度报告\n", "",
	 "岚山区青梅街道办事处", 2022, NULL},
	{"title wrapped inside the phrase", "桐溪市岚山区人民政府2023年政府信息公\n开工作年度报告\n", "",
	 "桐溪市岚山区人民政府", 2023, NULL},
	{"title wrapped after the year", "桐溪市岚山区人民政府2023年\n政府信息公开工作年度报告\n", "",
	 "桐溪市岚山区人民政府", 2023, NULL},
	{"characters spaced out (PDF)", "桐 溪 市 水 务 局 2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告\n", "",
	 "桐溪市水务局", 2023, NULL},
	/* metadata fields and page chrome */
	{"metadata block before the report: the field label is no part of the name",
	 "当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文\n标题：桐溪市水务局2023年政府信息公开工作年度报告\n"
	 "发布机构：桐溪市水务局\n发布时间：2024-01-20\n索引号：TX-SW-2024-0007\n",
	 "", "桐溪市水务局", 2023, "桐溪市水务局2023年政府信息公开工作年度报告"},
	{"metadata in a pipe table", "| 标题： | 桐溪市水务局2023年政府信息公开工作年度报告 |\n| 发布机构： | 桐溪市水务局 |\n",
	 "", "桐溪市水务局", 2023, NULL},
	{"<title> with the site name, English header, own title",
	 "<html><head><title>2023年政府信息公开工作年度报告_桐溪市人民政府门户网站</title></head><body>"
	 "<div>TONGXI MUNICIPAL PEOPLE'S GOVERNMENT</div><p>桐溪市水务局</p>"
	 "<p>2023年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>\n",
	 "", "桐溪市水务局", 2023, NULL},
	{"a sidebar lists another body's report before the own title",
	 "相关信息\n桐溪市财政局2022年政府信息公开工作年度报告\n桐溪市水务局2023年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"crawler text: title copies glued to page tools",
	 "标题：桐溪市水务局2023年政府信息公开工作年度报告发布机构：桐溪市水务局索引号：TX-SW-2024-0007"
	 "桐溪市水务局2023年政府信息公开工作年度报告分享到：微信微博【字体：大中小】打印"
	 "桐溪市水务局2023年政府信息公开工作年度报告根据条例编制本报告。", "",
	 "桐溪市水务局", 2023, NULL},
	{"crawler text: page tools glued before the title",
	 "当前位置：首页>政务公开>年度报告>正文桐溪市水务局2023年政府信息公开工作年度报告分享到：微信【字体：大中小】"
	 "打印桐溪市水务局2023年政府信息公开工作年度报告", "", "桐溪市水务局", 2023, NULL},
	{"only the publisher field names the body",
	 "标题：2023年政府信息公开工作年度报告\n发布机构：桐溪市岚山区人民政府办公室\n来源：区政府办\n"
	 "2023年政府信息公开工作年度报告\n", "",
	 "桐溪市岚山区人民政府办公室", 2023, NULL},
	{"glued fields: the next label is cut",
	 "2023年政府信息公开工作年度报告\n发布机构：桐溪市岚山区人民政府发布时间：2024-01-20\n", "",
	 "桐溪市岚山区人民政府", 2023, NULL},
	{"only the breadcrumb names the body",
	 "当前位置：首页 > 部门信息公开 > 桐溪市水务局 > 年度报告\n2023年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"only the site name: 欢迎访问…网站", "欢迎访问桐溪市岚山区人民政府网站 长者版 | 无障碍\n"
	 "2023年政府信息公开工作年度报告\n", "", "桐溪市岚山区人民政府", 2023, NULL},
	{"only the footer's 主办单位", "2023年政府信息公开工作年度报告\n",
	 "主办单位：桐溪市岚山区人民政府办公室 网站标识码：1234567890\n", "桐溪市岚山区人民政府办公室", 2023, NULL},
	/* the preamble and the signature block */
	{"preamble names the body; the publisher is a generic office",
	 "标题：2022年政府信息公开工作年度报告\n发布机构：桐溪市岚山区人民政府办公室\n"
	 "2022年政府信息公开工作年度报告\n"
	 "根据《中华人民共和国政府信息公开条例》规定，现公布桐溪市岚山区人民政府2022年政府信息公开工作年度报告。\n",
	 "桐溪市岚山区人民政府\n2023年1月30日\n", "桐溪市岚山区人民政府", 2022, "2022年政府信息公开工作年度报告"},
	{"preamble wrapped inside the name",
	 "2022年政府信息公开工作年度报告\n根据《条例》规定，现公布桐溪市岚山\n区人民政府2022年政府信息公开工作年度报告。\n",
	 "", "桐溪市岚山区人民政府", 2022, NULL},
	{"signature block: name line, then the date line",
	 "2023年政府信息公开工作年度报告\n发布机构：桐溪市岚山区人民政府办公室\n",
	 "\n        桐溪市岚山区人民政府\n\n        2024年1月20日\n分享到：微信\n", "桐溪市岚山区人民政府", 2023, NULL},
	{"signature glued after the last sentence", "2023年政府信息公开工作年度报告\n",
	 "无其他需要报告的事项。桐溪市青梅镇人民政府二〇二四年一月二十日版权所有", "桐溪市青梅镇人民政府", 2023, NULL},
	{"a party organ signing is not the body", "2023年政府信息公开工作年度报告\n发布机构：桐溪市青梅镇人民政府\n",
	 "中共桐溪市青梅镇委员会\n2024年1月20日\n", "桐溪市青梅镇人民政府", 2023, NULL},
	{"a joint title: the party organ is cut",
	 "中共桐溪市青梅镇委员会 桐溪市青梅镇人民政府\n2023年政府信息公开工作年度报告\n", "",
	 "桐溪市青梅镇人民政府", 2023, NULL},
	{"a party organ alone in the title is no body", "中共桐溪市委宣传部2023年政府信息公开工作年度报告\n",
	 "桐溪市人民政府新闻办公室\n2024年1月20日\n", "桐溪市人民政府新闻办公室", 2023, NULL},
	{"a pronoun in the preamble is not a name",
	 "2023年政府信息公开工作年度报告\n现将本局2023年政府信息公开工作年度报告公布如下。\n",
	 "桐溪市水务局\n2024年1月5日\n", "桐溪市水务局", 2023, NULL},
	{"the national template's name in the preamble is no title",
	 "发布机构：桐溪市水务局\n2023年政府信息公开工作年度报告\n根据《国务院办公厅政府信息与政务公开办公室关于印发"
	 "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求，编制本报告。\n", "", "桐溪市水务局", 2023,
	 "2023年政府信息公开工作年度报告"},
	{"the compiler sentence when nothing else names the body",
	 "2024年政府信息公开工作年度报告\n本报告由桐溪市岚山区人民政府办公室根据《条例》要求编制。\n", "",
	 "桐溪市岚山区人民政府办公室", 2024, NULL},
	/* the statistics year */
	{"statistics period gives the year, not the publication date",
	 "桐溪市水务局政府信息公开工作年度报告\n发布时间：2024-01-20\n"
	 "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"statistics period after a colon", "桐溪市水务局政府信息公开工作年度报告\n统计期限：2022年1月1日至12月31日。\n",
	 "", "桐溪市水务局", 2022, NULL},
	{"no year anywhere: none, never the publication date",
	 "桐溪市水务局政府信息公开工作年度报告\n发布时间：2024-01-20\n", "桐溪市水务局\n2024年1月20日\n",
	 "桐溪市水务局", 0, NULL},
	{"year from a copy of the title when the own title has none",
	 "标题：桐溪市水务局2023年政府信息公开工作年度报告\n桐溪市水务局政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"a menu item is no title", "政府信息公开年报\n", "", NULL, 0, "政府信息公开年报"},
	/* real page shapes (orgprobe.py, issue #11 point 3) */
	{"a year cut over two lines before the body", "2023\n年桐溪市水务局政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"a numeral year cut over two lines", "桐溪市水务局二〇二\n三年政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"a title beginning with its year is the own title, not the sidebar's",
	 "桐溪市财政局2022年政府信息公开工作年度报告\n2023年桐溪市水务局政府信息公开工作年度报告\n", "",
	 "桐溪市水务局", 2023, NULL},
	{"a list's last item of the report's year gives way to the signature",
	 "相关文章：\n桐溪市财政局2022年政府信息公开工作年度报告\n桐溪市林业局2023年政府信息公开工作年度报告\n"
	 "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n",
	 "桐溪市水务局\n2024年1月20日\n", "桐溪市水务局", 2023, NULL},
	{"a list of other reports before a title without the body",
	 "相关文章：\n桐溪市财政局2023年政府信息公开工作年度报告\n桐溪市水务局2022年政府信息公开工作年度报告\n"
	 "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n",
	 "桐溪市水务局\n2024年1月20日\n", "桐溪市水务局", 2023, NULL},
	{"glued: another field's value before a title without the body",
	 "来源：桐溪市人民政府办公室2023年政府信息公开工作年度报告本报告根据条例编制。\n",
	 "本年度未收取费用。桐溪市水务局2024年1月20日\n", "桐溪市水务局", 2023, NULL},
	{"glued: the office's name before the body's", "来源：桐溪市人民政府办公室桐溪市水务局2023年政府信息公开工作年度报告\n",
	 "", "桐溪市水务局", 2023, NULL},
	{"the value of a field on the line above is no title line",
	 "信息来源：\n桐溪市人民政府办公室\n2023年政府信息公开工作年度报告\n", "桐溪市水务局\n2024年1月20日\n",
	 "桐溪市水务局", 2023, NULL},
	{"a table cell's wrapped tail above the title gives way to the signature",
	 "发布机构  桐溪市人民政府办\n          公室局局\n2023年政府信息公开工作年度报告\n", "桐溪市水务局\n2024年1月20日\n",
	 "桐溪市水务局", 2023, NULL},
	{"a field's value wrapped inside the name", "名称：桐溪市生态\n环境局2023年政府信息公开工作年度报告\n", "",
	 "桐溪市生态环境局", 2023, NULL},
	{"a signature is not completed from a cell glued before a copy",
	 "索引号 文号 名称\nTX-0007 无 桐溪市水务局2023年政府信息公开工作年度报告\n2023年政府信息公开工作年度报告\n",
	 "桐溪市水务局\n2024年1月20日\n", "桐溪市水务局", 2023, NULL},
};

int
main(void)
{
	printf("TAP version 13\n");
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		expect(&cases[k]);
	printf("1..%d\n%d passed, %d failed\n", passed + failed, passed, failed);
	return failed ? 1 : 0;
}
