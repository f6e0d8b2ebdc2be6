/*
 * gd_template.h - the report template (SPEC §3-6) as data, shared by the
 * core's stages (internal): section headings, the words that open each
 * table, the rows with their key phrases and widths, and the fact phrases.
 * The code that reads a report names rows through these, never by number.
 */
#ifndef GD_TEMPLATE_H
#define GD_TEMPLATE_H

#include "gd_grid.h"

#define GD_MAX_PHRASES 4

/* ---------- sections ---------- */

#define GD_HEADING_PHRASES 4
/* The words of each section's heading (index 0: the title block has none). */
extern const char *const gd_heading_phrases[GD_SECTIONS][GD_HEADING_PHRASES];

/* Words that open each table when its heading is lost (NULL-terminated). */
extern const char *const gd_active_anchors[];
extern const char *const gd_request_anchors[];
extern const char *const gd_review_anchors[];

/* Words of section 2 that only the 2019 template has (NULL-terminated). */
extern const char *const gd_template_2019_markers[];

/* ---------- the active table (section 2) ---------- */

typedef struct gd_active_item
{
	const char *phrases[GD_MAX_PHRASES];
	int			first;			/* index of its first measure */
	int			width;			/* how many measures it has */
	const char *label;			/* its words as the template prints them (a label cut short starts them) */
	const char *anchor;			/* the numeral of 第二十条第（N）项 it is listed under */
} gd_active_item;

/* Items of each template, ended by one with no phrase. */
extern const gd_active_item gd_active_items_2021[];
extern const gd_active_item gd_active_items_2019[];

/* ---------- the requests table (section 3): GD_REQ_COLS cells a row ---------- */

extern const char *const gd_request_row_phrases[GD_REQ_ROWS][GD_MAX_PHRASES];

/* Rows the matcher treats apart from the rest (indexes of gd_request_row_keys). */
#define GD_REQ_ROW_NEW_RECEIVED 0	/* the table's first row */
#define GD_REQ_ROW_CARRIED_OVER 1
#define GD_REQ_ROW_OTHER_FIRST 20	/* （六）其他处理 1., the first of its sub-items */
#define GD_REQ_ROW_OTHER_LAST 22	/* （六）其他处理 3. */
#define GD_REQ_ROW_RESULTS_TOTAL 23	/* （七）总计: its words also head the total column */

/* ---------- the review table (section 4) ---------- */

#define GD_REV_OUTCOMES 5		/* cells of one group: a printed row holds at least these */

/* ---------- narrative facts ---------- */

typedef struct gd_fact_rule
{
	gd_fact_key key;
	const char *phrases[6];
	const char *units[3];
	size_t		window;			/* bytes after the phrase to look for the number */
} gd_fact_rule;

#define GD_FACT_RULES 10
extern const gd_fact_rule gd_fact_rules[GD_FACT_RULES];

/* Which template the table of section 2 (its region and grid) follows: 2019 by its measures, else unknown. */
gd_template gd_identify_template(const gd_text *tx, const gd_region *active, const gd_grid *active_grid);

#endif							/* GD_TEMPLATE_H */
