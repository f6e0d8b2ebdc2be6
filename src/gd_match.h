/*
 * gd_match.h - the template matched against grids (gd_match.c).
 */
#ifndef GD_MATCH_H
#define GD_MATCH_H

#include "gd_grid.h"

/* The requests table (section 3) into r->requests; rows_found[GD_REQ_ROWS] says which rows were read. */
void		gd_match_requests(const gd_text *tx, const gd_grid *g, gd_report *r, bool *rows_found);
/* The review table (section 4) into r->review. */
void		gd_match_review(const gd_text *tx, const gd_grid *g, gd_report *r);
/* The active table (section 2) of template r->template_kind into r->active. */
void		gd_match_active(const gd_text *tx, const gd_grid *g, gd_report *r);
/* Problems for the tables and requests rows that were not found. */
void		gd_report_missing(gd_report *r, const bool *request_rows_found);

#endif							/* GD_MATCH_H */
