/*
 * gd_parse.c - the driver: from bytes to a gd_report, one stage after the
 * other (see gd_internal.h for the stages and README "Design").
 */
#include "gd_match.h"
#include "gd_template.h"
#include "readers/readers.h"

#include <string.h>

/* The layout family's reader turns each found table region into a grid. */
static const gd_reader *
read_regions(gd_text *tx, const gd_region *regions, bool is_html, gd_grid *grids)
{
	gd_census	census;
	const gd_reader *reader;

	gd_take_census(tx, regions, is_html, &census);
	reader = gd_choose_reader(tx, regions, &census);
	for (int k = 0; k < GD_REGIONS; k++)
	{
		gd_grid_init(&grids[k]);
		if (regions[k].found && (k == GD_REGION_REQUESTS || !tx->opt->requests_only))
			reader->read(tx, &regions[k], &census, &grids[k]);
	}
	return reader;
}

/* Problems about the report as a whole; false when it is no report at all. */
static bool
check_is_report(const gd_text *tx, gd_report *r)
{
	if (!r->has_active && !r->has_requests && !r->has_review && !r->title_text)
	{
		bool		any_heading = false;

		for (int sec = 1; sec < GD_SECTIONS; sec++)
			any_heading = any_heading || r->section_found[sec];
		if (!any_heading)
		{
			gd_add_problem(r, GD_PROBLEM_NOT_A_REPORT, 0,
						   "this text is not an annual report: no title, section heading or table of the template was found");
			return false;
		}
	}
	if (!r->title_text)
		gd_add_problem(r, GD_PROBLEM_NO_TITLE, 0, "no title line (…政府信息公开工作年度报告) was found");
	else if (r->year == 0)
		gd_add_problem(r, GD_PROBLEM_NO_TITLE, gd_line_of(tx, r->title.off), "the title names no year (line %u)",
					   gd_line_of(tx, r->title.off));
	return true;
}

void
gd_parse(const char *buf, size_t len, const gd_options *opt, gd_report *r)
{
	gd_text		tx;
	bool		is_html = false;
	char	   *text;
	gd_region	regions[GD_REGIONS];
	gd_grid		grids[GD_REGIONS];
	bool		request_rows_found[GD_REQ_ROWS] = {false};
	const gd_reader *reader;
	int			nmeasures;

	memset(r, 0, sizeof(*r));
	memset(&tx, 0, sizeof(tx));
	tx.opt = opt;
	text = opt->alloc(opt->alloc_ctx, len + 1);
	r->text_len = gd_normalize(buf, len, text, &is_html, opt);
	r->text = text;
	tx.t = text;
	tx.n = r->text_len;
	gd_index_lines(&tx);

	gd_find_sections(&tx, r);
	gd_find_table_regions(&tx, r, regions);
	reader = read_regions(&tx, regions, is_html, grids);
	r->layout = reader->layout;
	/* collapsed text is told by values glued to labels: without any, the layout is unknown */
	if (r->layout == GD_LAYOUT_COLLAPSED &&
		!(grids[GD_REGION_ACTIVE].glued || grids[GD_REGION_REQUESTS].glued || grids[GD_REGION_REVIEW].glued))
		r->layout = GD_LAYOUT_UNKNOWN;

	if (opt->requests_only)
	{
		/* the requests table reads the same without the template kind */
		gd_match_requests(&tx, &grids[GD_REGION_REQUESTS], r, request_rows_found);
		return;
	}
	r->template_kind = gd_identify_template(&tx, &regions[GD_REGION_ACTIVE], &grids[GD_REGION_ACTIVE]);
	gd_match_requests(&tx, &grids[GD_REGION_REQUESTS], r, request_rows_found);
	gd_match_review(&tx, &grids[GD_REGION_REVIEW], r);
	gd_match_active(&tx, &grids[GD_REGION_ACTIVE], r);
	if (r->template_kind == GD_TEMPLATE_UNKNOWN && (r->has_active || r->has_requests || r->has_review))
		r->template_kind = GD_TEMPLATE_2021;
	gd_active_measures(r->template_kind, &nmeasures);
	r->active_count = nmeasures;

	gd_find_title(&tx, r);
	if (!opt->skip_facts)
		gd_find_facts(&tx, r);

	if (check_is_report(&tx, r))
		gd_report_missing(r, request_rows_found);
}
