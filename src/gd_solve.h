/*
 * gd_solve.h - readings decided by identities and column geometry (gd_solve.c).
 */
#ifndef GD_SOLVE_H
#define GD_SOLVE_H

#include "gd_grid.h"

/* The widest template row the matcher places: the review table's one row of 15. */
#define GD_ROW_WIDTH_MAX GD_REV_CELLS
/* Cells the matcher keeps of one assembled row (the last ones). */
#define GD_ROW_CELLS_MAX 40

/*
 * Split a run of glued digits into width cells.  One digit per cell is the
 * only reading when the run is exactly width long; with row_total_identity
 * (a requests row: the last cell is the sum of the others) one split of a
 * longer run may be singled out.  The cells are marked inferred.  Returns
 * false when no unique split exists.
 */
bool		gd_split_glued(const char *digits, size_t len, int width, bool row_total_identity, gd_cell *out);

/*
 * Place the n value cells of a short space-aligned row under the columns
 * ref[0..width) of the last complete row, the spacing of the columns
 * agreeing best; the other cells are blank.  Returns false when the row has
 * no column positions.
 */
bool		gd_place_by_columns(const gd_grid_cell *cells, int n, int width, const uint32_t *ref,
								gd_cell *out);

#endif							/* GD_SOLVE_H */
