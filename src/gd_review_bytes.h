/*
 * gd_review_bytes.h - the review table's row read from text laid out by byte
 * width, whose columns no other row tells (gd_review_bytes.c).
 */
#ifndef GD_REVIEW_BYTES_H
#define GD_REVIEW_BYTES_H

#include "gd_grid.h"

/*
 * The review row whose n runs of values (set apart by spaces) are row[0..n),
 * as the readings that keep every group's total agree, into out[15]: a cell
 * they print alike is read (a cut number its group's total tells, inferred),
 * the others GD_UNREADABLE.  *blank: a reading has a blank cell (which cells
 * are blank is not told).  False when no reading keeps the totals.
 */
bool		gd_decode_review_bytes(const gd_text *tx, const gd_grid_cell *row, int n, gd_cell *out, bool *blank);

#endif							/* GD_REVIEW_BYTES_H */
