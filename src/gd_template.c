/*
 * gd_template.c - the report template (SPEC §3-6) as data: keys, labels,
 * headings, anchors, row phrases, active items, fact phrases.
 */
#include "gd_template.h"

#include <stdio.h>

const char *const gd_heading_phrases[GD_SECTIONS][GD_HEADING_PHRASES] = {
	{NULL},
	{"总体情况"},
	{"主动公开政府信息情况"},
	{"收到和处理政府信息公开申请情况"},
	{"政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议和行政诉讼情况", "行政复议、行政诉讼情况"},
	{"存在的主要问题及改进情况", "存在的主要问题和改进情况", "主要问题及改进情况"},
	{"其他需要报告的事项"}
};

const char *const gd_active_anchors[] = {"第二十条", "信息内容", NULL};
const char *const gd_request_anchors[] = {"勾稽关系", "申请人情况", "本年新收", NULL};
const char *const gd_review_anchors[] = {"未经复议", "复议后起诉", NULL};

const char *const gd_template_2019_markers[] = {"新制作", "上一年项目数量", "新公开数量", "对外公开总数量", "对外管理服务", "采购总金额", "采购项目数量", NULL};

const gd_fact_rule gd_fact_rules[GD_FACT_RULES] = {
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

const char *const gd_request_row_keys[GD_REQ_ROWS] = {
	"new_received", "carried_over", "granted", "partially_granted",
	"denied_state_secret", "denied_prohibited", "denied_security",
	"denied_third_party", "denied_internal", "denied_process",
	"denied_enforcement_file", "denied_query",
	"unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
	"rejected_petition", "rejected_duplicate", "rejected_publication",
	"rejected_excessive", "rejected_confirmation",
	"other_no_correction", "other_unpaid_fee", "other_other",
	"results_total", "carried_forward", "other_undivided"
};

const char *const gd_request_row_labels[GD_REQ_ROWS] = {
	"一、本年新收政府信息公开申请数量",
	"二、上年结转政府信息公开申请数量",
	"三、本年度办理结果（一）予以公开",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"（三）不予公开 1.属于国家秘密",
	"2.其他法律行政法规禁止公开",
	"3.危及“三安全一稳定”",
	"4.保护第三方合法权益",
	"5.属于三类内部事务信息",
	"6.属于四类过程性信息",
	"7.属于行政执法案卷",
	"8.属于行政查询事项",
	"（四）无法提供 1.本机关不掌握相关政府信息",
	"2.没有现成信息需要另行制作",
	"3.补正后申请内容仍不明确",
	"（五）不予处理 1.信访举报投诉类申请",
	"2.重复申请",
	"3.要求提供公开出版物",
	"4.无正当理由大量反复申请",
	"5.要求行政机关确认或重新出具已获取信息",
	"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"3.其他",
	"（七）总计",
	"四、结转下年度继续办理",
	"（六）其他处理（未分项）"
};

/*
 * Key phrases that identify a row from its label, after label folding
 * (whitespace removed, '、' after a digit read as '.').  Several per row
 * because real labels are wrapped, typo'd ("其他法律行政止公开") or cut.
 */
const char *const gd_request_row_phrases[GD_REQ_ROWS][GD_MAX_PHRASES] = {
	{"新收", "本年新"},
	{"上年结转", "上年度结转"},
	{"予以公开"},
	{"部分公开"},
	{"国家秘密"},
	{"禁止公开", "其他法律", "行政止公开", "法规禁止"},
	{"三安全", "一稳定"},
	{"第三方"},
	{"内部事务"},
	{"过程性"},
	{"执法案卷"},
	{"查询事项"},
	{"不掌握"},
	{"另行制作", "没有现成"},
	{"仍不明确", "补正后"},
	{"信访", "举报投诉"},
	{"重复申请"},
	{"出版物"},
	{"大量反复"},
	{"重新出具", "确认或"},
	{"逾期不补", "不补正", "无正当理由逾期"},
	{"收费通知", "缴纳费用"},
	{"3.其他", "3其他", "3)其他"},	/* "3、其他", "（3）其他" */
	{"总计", "合计"},
	{"结转下年", "下年度继续", "继续办理"},
	{"其他处理"}
};

const char *const gd_applicant_keys[GD_REQ_COLS] = {
	"natural_person", "commercial", "research", "social_welfare",
	"legal_service", "other_org", "total"
};

const char *const gd_applicant_labels[GD_REQ_COLS] = {
	"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"
};

const char *const gd_review_group_keys[3] = {
	"review", "litigation_direct", "litigation_after_review"
};

const char *const gd_review_group_labels[3] = {
	"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"
};

const char *const gd_review_outcome_labels[5] = {
	"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"
};

const char *const gd_review_outcome_keys[5] = {
	"upheld", "corrected", "other", "pending", "total"
};

const char *const gd_fact_keys[GD_FACT_KEY_COUNT] = {
	"items_disclosed", "requests_received", "requests_handled",
	"requests_carried_forward", "fee_notices", "fee_billed", "fee_collected",
	"reviews", "lawsuits", "period_year"
};

static const gd_active_measure active_2021[] = {
	{"rules", "issued", "规章 本年制发件数"},
	{"rules", "repealed", "规章 本年废止件数"},
	{"rules", "in_force", "规章 现行有效件数"},
	{"normative_documents", "issued", "行政规范性文件 本年制发件数"},
	{"normative_documents", "repealed", "行政规范性文件 本年废止件数"},
	{"normative_documents", "in_force", "行政规范性文件 现行有效件数"},
	{"licensing", "decisions", "行政许可 本年处理决定数量"},
	{"punishment", "decisions", "行政处罚 本年处理决定数量"},
	{"coercion", "decisions", "行政强制 本年处理决定数量"},
	{"fees", "amount_10k_yuan", "行政事业性收费 本年收费金额（单位：万元）"}
};

static const gd_active_measure active_2019[] = {
	{"rules", "new_made", "规章 本年新制作数量"},
	{"rules", "new_published", "规章 本年新公开数量"},
	{"rules", "total_published", "规章 对外公开总数量"},
	{"normative_documents", "new_made", "规范性文件 本年新制作数量"},
	{"normative_documents", "new_published", "规范性文件 本年新公开数量"},
	{"normative_documents", "total_published", "规范性文件 对外公开总数量"},
	{"licensing", "prev_year_items", "行政许可 上一年项目数量"},
	{"licensing", "change", "行政许可 本年增/减"},
	{"licensing", "decisions", "行政许可 处理决定数量"},
	{"other_admin_services", "prev_year_items", "其他对外管理服务事项 上一年项目数量"},
	{"other_admin_services", "change", "其他对外管理服务事项 本年增/减"},
	{"other_admin_services", "decisions", "其他对外管理服务事项 处理决定数量"},
	{"punishment", "prev_year_items", "行政处罚 上一年项目数量"},
	{"punishment", "change", "行政处罚 本年增/减"},
	{"punishment", "decisions", "行政处罚 处理决定数量"},
	{"coercion", "prev_year_items", "行政强制 上一年项目数量"},
	{"coercion", "change", "行政强制 本年增/减"},
	{"coercion", "decisions", "行政强制 处理决定数量"},
	{"fees", "prev_year_items", "行政事业性收费 上一年项目数量"},
	{"fees", "change", "行政事业性收费 本年增/减"},
	{"procurement", "projects", "政府集中采购 采购项目数量"},
	{"procurement", "amount_yuan", "政府集中采购 采购总金额"}
};

/* Items of the active table: key phrases and the run of measures they own. */
const gd_active_item gd_active_items_2021[] = {
	{{"规章"}, 0, 3, "规章", "一"},
	{{"规范性文件"}, 3, 3, "行政规范性文件", "一"},
	{{"行政许可"}, 6, 1, "行政许可", "五"},
	{{"行政处罚"}, 7, 1, "行政处罚", "六"},
	{{"行政强制"}, 8, 1, "行政强制", "六"},
	{{"事业性收费", "行政收费"}, 9, 1, "行政事业性收费", "八"},
	{{NULL}, 0, 0, NULL, NULL}
};

const gd_active_item gd_active_items_2019[] = {
	{{"规章"}, 0, 3, "规章", "一"},
	{{"规范性文件"}, 3, 3, "规范性文件", "一"},
	{{"行政许可"}, 6, 3, "行政许可", "五"},
	{{"对外管理服务", "其他对外"}, 9, 3, "其他对外管理服务事项", "五"},
	{{"行政处罚"}, 12, 3, "行政处罚", "六"},
	{{"行政强制"}, 15, 3, "行政强制", "六"},
	{{"事业性收费", "行政收费"}, 18, 2, "行政事业性收费", "八"},
	{{"集中采购", "采购"}, 20, 2, "政府集中采购", "九"},
	{{NULL}, 0, 0, NULL, NULL}
};

const gd_active_measure *
gd_active_measures(gd_template t, int *count)
{
	if (t == GD_TEMPLATE_2019)
	{
		*count = (int) (sizeof(active_2019) / sizeof(active_2019[0]));
		return active_2019;
	}
	*count = (int) (sizeof(active_2021) / sizeof(active_2021[0]));
	return active_2021;
}

static bool
holds_2019_marker(const char *folded, size_t len)
{
	for (int k = 0; gd_template_2019_markers[k]; k++)
		if (gd_contains(folded, len, gd_template_2019_markers[k]))
			return true;
	return false;
}

/*
 * The region's words, else its grid's label cells in cell order: a grid
 * table wraps a header's words over lines between other columns' words.
 */
gd_template
gd_identify_template(const gd_text *tx, const gd_region *active, const gd_grid *active_grid)
{
	size_t		fl;
	size_t		span;
	char	   *f;
	char		labels[8192];
	size_t		ll = 0;

	if (!active->found)
		return GD_TEMPLATE_UNKNOWN;
	span = active->end - active->start;
	f = gd_copy_folded(tx, tx->t + active->start, span > 8192 ? 8192 : span, &fl);
	if (holds_2019_marker(f, fl))
		return GD_TEMPLATE_2019;
	for (size_t k = 0; k < active_grid->ncells && ll < sizeof(labels); k++)
		if (active_grid->cells[k].kind == GD_GRID_TEXT)
			ll += gd_fold(tx->t + active_grid->cells[k].span.off, active_grid->cells[k].span.len,
						  labels + ll, sizeof(labels) - ll);
	return holds_2019_marker(labels, ll) ? GD_TEMPLATE_2019 : GD_TEMPLATE_UNKNOWN;
}

const char *
gd_layout_name(gd_layout layout)
{
	switch (layout)
	{
		case GD_LAYOUT_CELL_PER_LINE:
			return "cell-per-line";
		case GD_LAYOUT_TAB_ROWS:
			return "tab-rows";
		case GD_LAYOUT_PIPE_ROWS:
			return "pipe-rows";
		case GD_LAYOUT_HTML:
			return "html";
		case GD_LAYOUT_SPACE_ALIGNED:
			return "space-aligned";
		case GD_LAYOUT_COLLAPSED:
			return "collapsed";
		case GD_LAYOUT_PARAGRAPH_PER_CELL:
			return "paragraph-per-cell";
		case GD_LAYOUT_BOX_DRAWN:
			return "box-drawn";
		case GD_LAYOUT_CELL_LINES_BAR:
			return "cell-lines-bar";
		case GD_LAYOUT_CELL_LINES:
			return "cell-lines";
		case GD_LAYOUT_UNKNOWN:
			break;
	}
	return "unknown";
}

const char *
gd_template_name(gd_template t)
{
	switch (t)
	{
		case GD_TEMPLATE_2021:
			return "2021";
		case GD_TEMPLATE_2019:
			return "2019";
		case GD_TEMPLATE_UNKNOWN:
			break;
	}
	return NULL;
}

void
gd_cell_format(const gd_cell *cell, char *buf, size_t buflen)
{
	int64_t		v = cell->value;
	uint64_t	mag = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
	uint64_t	unit = 1;

	/* 10^20 > UINT64_MAX: with that many decimals the integer part is 0 */
	if (cell->scale >= 20)
	{
		snprintf(buf, buflen, "%s0.%0*llu", v < 0 ? "-" : "", (int) cell->scale, (unsigned long long) mag);
		return;
	}
	for (int i = 0; i < cell->scale; i++)
		unit *= 10;
	if (cell->scale == 0)
		snprintf(buf, buflen, "%s%llu", v < 0 ? "-" : "", (unsigned long long) mag);
	else
		snprintf(buf, buflen, "%s%llu.%0*llu", v < 0 ? "-" : "",
				 (unsigned long long) (mag / unit), (int) cell->scale,
				 (unsigned long long) (mag % unit));
}
