/*
 * gd_parse.c - the driver: from bytes to a gd_report, one stage after the
 * other (see gd_internal.h for the stages and README "Design").
 */
#include "gd_match.h"
#include "gd_solve.h"
#include "gd_template.h"
#include "readers/readers.h"

#include <stddef.h>
#include <string.h>

/* Problems read_tables adds for one region before any table is matched, at most (broken lines, wrapped numbers). */
#define REGION_READ_PROBLEMS_MAX 2

/*
 * One reader's reading of the tables: each found table region into a grid,
 * the grids matched to the template's cells in r; requests_alone: the
 * requests region alone, matched to the requests table.
 */
static void
read_tables(gd_text *tx, const gd_region *regions, const gd_census *census, const gd_reader *reader,
			bool requests_alone, gd_report *r, bool *request_rows_found)
{
	gd_grid		grids[GD_REGIONS];
	int			nmeasures;

	static const char *const table_names[GD_REGIONS] = {"active table", "requests", "review table"};

	for (int k = 0; k < GD_REGIONS; k++)
	{
		int			broken_lines;
		uint32_t	first_broken;

		gd_grid_init(&grids[k]);
		if (!regions[k].found || (requests_alone && k != GD_REGION_REQUESTS))
			continue;
		reader->read(tx, &regions[k], census, &grids[k]);
		first_broken = gd_grid_distrust_broken(tx, &regions[k], &grids[k], &broken_lines);
		if (first_broken > 0)
			gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, first_broken,
						   "%s: %d lines hold characters a converter broke (U+FFFD, first line %u); their values are left unknown",
						   table_names[k], broken_lines, first_broken);
		if (grids[k].wrapped_lines > 0)
			gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, grids[k].first_wrapped,
						   "%s: %d lines hold numbers with pieces of digits over or under them (a number wrapped in its cell, first line %u); their values are left unknown",
						   table_names[k], grids[k].wrapped_lines, grids[k].first_wrapped);
	}
	r->layout = reader->layout;
	/* collapsed text is told by values glued to labels: without any, the layout is unknown */
	if (r->layout == GD_LAYOUT_COLLAPSED &&
		!(grids[GD_REGION_ACTIVE].glued || grids[GD_REGION_REQUESTS].glued || grids[GD_REGION_REVIEW].glued))
		r->layout = GD_LAYOUT_UNKNOWN;

	/* the requests are matched first, and the template's kind tells them nothing */
	if (!requests_alone)
		r->template_kind = gd_identify_template(tx, &regions[GD_REGION_ACTIVE], &grids[GD_REGION_ACTIVE]);
	gd_match_requests(tx, &grids[GD_REGION_REQUESTS], r, request_rows_found);
	if (requests_alone)
		return;
	gd_match_review(tx, &grids[GD_REGION_REVIEW], r);
	gd_match_active(tx, &grids[GD_REGION_ACTIVE], r);
	if (r->template_kind == GD_TEMPLATE_UNKNOWN && (r->has_active || r->has_requests || r->has_review))
		r->template_kind = GD_TEMPLATE_2021;
	gd_active_measures(r->template_kind, &nmeasures);
	r->active_count = nmeasures;
}

static bool
holds_value(const gd_cell *c)
{
	return c->state == GD_NUMBER || c->state == GD_PLACEHOLDER;
}

/*
 * The runner-up's cells into the first reading: a cell the first left open
 * takes the runner-up's value (inferred); a cell both read, differently, is
 * left unknown.  Returns how many cells the two read differently.
 */
static int
merge_cells(gd_cell *first, const gd_cell *other, int n)
{
	int			differ = 0;

	for (int i = 0; i < n; i++)
	{
		if (!holds_value(&other[i]))
			continue;
		if (!holds_value(&first[i]))
		{
			first[i] = other[i];
			first[i].inferred = 1;
		}
		else if (first[i].state != other[i].state || first[i].value != other[i].value ||
				 first[i].scale != other[i].scale)
		{
			first[i].state = GD_UNREADABLE;
			first[i].value = 0;
			differ++;
		}
	}
	return differ;
}

/*
 * Competing readers: when the best reader's reading leaves identities broken
 * or cells open, the runner-up reads the regions too.  Its reading counts
 * only when every identity holds and every cell is read on it; it then fills
 * the cells the first left open, and where both read a cell differently
 * neither is taken (NULL and a problem).  r holds the first reading;
 * problems_before is how many problems r had before the tables were read.
 */
static void
let_identities_choose(gd_text *tx, const gd_region *regions, const gd_census *census,
					  const gd_reader *first, const gd_reader *runner_up, int problems_before,
					  gd_report *r, bool *request_rows_found)
{
	gd_report  *other = tx->opt->alloc(tx->opt->alloc_ctx, sizeof(gd_report));
	bool		other_rows_found[GD_REQ_ROWS] = {false};
	int			differ;

	memcpy(other, r, sizeof(gd_report));
	other->problem_count = problems_before;
	other->has_requests = other->has_active = other->has_review = other->other_undivided = false;
	memset(other->requests, 0, sizeof(other->requests));
	memset(other->active, 0, sizeof(other->active));
	memset(other->review, 0, sizeof(other->review));
	read_tables(tx, regions, census, runner_up, false, other, other_rows_found);
	if (gd_reading_doubts(other) > 0 || other->template_kind != r->template_kind ||
		other->other_undivided != r->other_undivided)
		return;
	differ = merge_cells(r->requests[0], other->requests[0], GD_REQ_ROWS * GD_REQ_COLS) +
		merge_cells(r->active, other->active, r->active_count) +
		merge_cells(r->review, other->review, GD_REV_CELLS);
	r->has_requests |= other->has_requests;
	r->has_active |= other->has_active;
	r->has_review |= other->has_review;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		request_rows_found[row] |= other_rows_found[row];
	if (differ > 0)
		gd_add_problem(r, GD_PROBLEM_DUPLICATE_TABLE, 0,
					   "the %s reading and the %s reading of the tables both fit where they read cells, and %d cells they read differently are left unknown",
					   first->name, runner_up->name, differ);
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
	bool		request_rows_found[GD_REQ_ROWS] = {false};
	gd_census	census;
	const gd_reader *ranked[GD_READERS_RANKED];
	int			nranked;
	int			problems_before;
	bool		runner_up_reads_otherwise;

	/* a problem is written whole when added: the 64 slots (most of the report's bytes) need no clearing */
	memset(r, 0, offsetof(gd_report, problems));
	memset(&tx, 0, sizeof(tx));
	tx.opt = opt;
	text = opt->alloc(opt->alloc_ctx, len + 1);
	r->text_len = gd_normalize(buf, len, text, &is_html, &tx.folded, &tx.wide_spaces, opt);
	r->text = text;
	tx.t = text;
	tx.n = r->text_len;
	gd_index_lines(&tx);

	gd_find_sections(&tx, r);
	if (opt->sections_only)
		return;
	gd_find_table_regions(&tx, r, regions);
	gd_take_census(&tx, regions, is_html, &census);
	nranked = gd_choose_reader(&tx, regions, &census, ranked);
	problems_before = r->problem_count;
	runner_up_reads_otherwise = nranked > 1 && ranked[1]->read != ranked[0]->read;
	/* a runner-up's reading (doubts in any table) merges into the requests: read all then */
	if (opt->requests_only && !runner_up_reads_otherwise)
	{
		gd_options	whole = *opt;

		read_tables(&tx, regions, &census, ranked[0], true, r, request_rows_found);
		/*
		 * the regions left unread add their problems before the requests are matched, which asks how
		 * many problems it added: the same answers, unless those few more would have filled the list
		 */
		if (r->problem_peak + REGION_READ_PROBLEMS_MAX * (GD_REGIONS - 1) < GD_MAX_PROBLEMS)
			return;
		whole.requests_only = false;
		gd_parse(buf, len, &whole, r);
		return;
	}
	read_tables(&tx, regions, &census, ranked[0], false, r, request_rows_found);
	/* the hot path reads once: a runner-up only for doubts, and only one that reads otherwise */
	if (runner_up_reads_otherwise && gd_reading_doubts(r) > 0)
		let_identities_choose(&tx, regions, &census, ranked[0], ranked[1], problems_before, r,
							  request_rows_found);

	gd_find_title(&tx, r);
	if (!opt->skip_facts)
		gd_find_facts(&tx, r);

	if (check_is_report(&tx, r))
		gd_report_missing(r, request_rows_found);
}
