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
 * A run of glued cells: digits, 'P' for a placeholder mark (one cell, read as
 * 0), 'M' for a '-' before a digit (a placeholder, or with signed cells a
 * minus sign), '+' for a plus sign and '|' where the text set values apart
 * (a cell ends there).
 */
#define GD_RUN_MAX 64
/*
 * Readings kept per requests row of glued digits or of values whose blank
 * cells left no mark; more count as too many (a short glued run, its blank
 * cells unmarked, has a hundred or two).  A table search that runs out
 * of steps is tried again without the rows of more than
 * GD_ROW_READINGS_MANY readings, then of more than GD_ROW_READINGS_FEW
 * (left unknown).
 */
#define GD_ROW_READINGS_MAX 256
#define GD_ROW_READINGS_MANY 64
#define GD_ROW_READINGS_FEW 16
/* Search steps: one row's splits, and the table's search (a step per choice and per reading narrowed). */
#define GD_RUN_SEARCH_BUDGET 20000L
#define GD_TABLE_SEARCH_BUDGET 200000L
#define GD_READINGS_TOO_MANY (-1)

/* An identity of a row: cell total = the sum of cells [first, first + count), all before it. */
typedef struct gd_identity
{
	uint8_t		total;
	uint8_t		first;
	uint8_t		count;
} gd_identity;

/* A requests row's total: its last cell, the sum of the six before it. */
extern const gd_identity gd_request_row_total;

/*
 * Every reading of run[0..len) as width cells (1-9 digits, no leading zero,
 * 'P' one placeholder cell) under which the identities hold, into
 * readings (width cells each, marked inferred).  A run of exactly width
 * characters has one reading, if the identities hold on it.  Signs ('M', '+')
 * start a signed cell only with signed_cells (a table of changes).  Returns how many
 * (0 when none fits), or GD_READINGS_TOO_MANY when more than max_readings fit
 * or the search ran out of steps.
 */
int			gd_glued_readings(const char *run, size_t len, int width, const gd_identity *ids, int nids,
							  bool signed_cells, gd_cell *readings, int max_readings);

/*
 * The cells on which all n readings (width cells each, found by
 * gd_glued_readings) agree, into out as read; the others unknown.  Returns
 * how many are unknown.
 */
int			gd_agreed_cells(const gd_cell *readings, int n, int width, gd_cell *out);

/*
 * Every placement of n printed values (in order) into width cells, the
 * others blank (blank cells that left no mark in the text), under which the
 * identities hold or cannot be checked (a blank total), into readings.
 * Returns how many, or GD_READINGS_TOO_MANY.
 */
int			gd_placements(const gd_cell *values, int n, int width, const gd_identity *ids, int nids,
						  gd_cell *readings, int max_readings);

/*
 * A requests row whose reading the layout leaves open: one glued run (len),
 * or nvalues printed values whose columns are unknown (blank cells left no
 * mark), or (split > 0) the row's values printed over two lines, the first
 * split of them on one, the rest on the next, each line's in column order.
 * None: the row was read as printed.
 */
typedef struct gd_open_row
{
	char		run[GD_RUN_MAX];
	uint8_t		len;
	uint8_t		nvalues;
	uint8_t		split;
	gd_cell		values[GD_REQ_COLS];
	uint32_t	line;
} gd_open_row;

/*
 * Decide the open rows rows[GD_REQ_ROWS] of the requests table together:
 * each row's readings under its row total, then the combinations under which
 * every column's results total and 一 + 二 = 三（七） + 四 hold (the other
 * rows' cells, already in r->requests, taking part).  A cell is read when
 * every fitting combination gives it the same value (marked inferred);
 * otherwise it is unknown and a problem says why.
 */
void		gd_solve_open_rows(const gd_text *tx, const gd_open_row *rows, gd_report *r);

/*
 * Does every identity of r's requests table hold, each cell of its rows read: every row total and
 * both column equations (the results total, 一 + 二 = 三（七） + 四; SPEC §7)?
 */
bool		gd_requests_all_hold(const gd_report *r);

/*
 * gd_unmarked.c: the requests table's n printed values (n at most its cells) in order as its rows
 * in template order ((六) as one row when undivided), the cells they leave blank cells that left no
 * mark, wherever every identity holds; a value beside_label (printed on a line of label words) may
 * be the first cell of any row, and the last ntail values (after the table's last words) a run of
 * cells in any row.  True, r's requests so filled (marked inferred), when some placing
 * makes every identity hold: a cell the placings disagree on (a blank cell is no 0) unknown.  More
 * blank cells than a row has are not searched (false).
 */
bool		gd_read_unmarked_blanks(const gd_text *tx, gd_report *r, const gd_cell *values, const bool *beside_label,
									int n, int ntail, bool undivided);
/* A problem for each requests row whose cells gd_read_unmarked_blanks left unknown. */
void		gd_report_unmarked_doubts(gd_report *r);

/*
 * How much a reading of the tables leaves in doubt: tables not found, cells
 * left unknown, and identities that fail with all their cells read (row
 * totals, the requests table's column equations, the review groups' totals).
 * 0: every identity holds and every cell is read.
 */
int			gd_reading_doubts(const gd_report *r);

/* Does an equation of requests column col (results total, 一 + 二 = 三（七） + 四) fail with every cell read? */
bool		gd_column_breaks(const gd_report *r, int col);
/* The requests row's weight in a column's two equations: results total, and 一 + 二 = 三（七） + 四. */
void		gd_column_weights(int row, bool other_undivided, int64_t coef[2]);

/* How many of n cells are left unknown. */
int			gd_unreadable_cells(const gd_cell *cells, int n);

/* Does total (the last of width cells) equal the sum of the others, all read (a placeholder or a blank 0)? */
bool		gd_row_total_holds(const gd_cell *cells, int width);

/*
 * A total wrapped inside its cell (a wide number printed over two or three
 * lines): the row's n printed values and frag, the digits printed alone on
 * the lines around it.  The fragments are read as the row's missing last
 * cell (n = width - 1) or as the rest of its last cell (n = width, the row
 * total failing as printed); when exactly one reading makes the row total
 * hold, out gets the row (the total marked inferred) and true is returned.
 */
bool		gd_join_wrapped(const gd_cell *values, int n, const char *frag, size_t frag_len, int width,
							gd_cell *out);

/*
 * Place the n value cells of a short space-aligned row under the columns
 * ref[0..width) of the last complete row, the spacing of the columns
 * agreeing clearly best; the other cells are blank.  Returns false when the
 * row has no column positions, the spacing fits another placement nearly as
 * well, or the placement leaves blank the total of an identity (ids) whose
 * other cells it prints.
 */
bool		gd_place_by_columns(const gd_grid_cell *cells, int n, int width, const uint32_t *ref,
								const gd_identity *ids, int nids, gd_cell *out);

/* Does every identity (ids) hold on cells, or leave its total blank (nothing to check)? */
bool		gd_identities_allow(const gd_cell *cells, const gd_identity *ids, int nids);

/*
 * The display columns where each of n token cells of text aligned by spaces, in line order on one
 * line, starts and ends (a cell's first line's part); false for cells that are no such tokens
 * (gd_columns.c).
 */
typedef struct gd_cell_edges
{
	int			start,
				end;
} gd_cell_edges;
bool		gd_row_edges(const gd_text *tx, const gd_grid_cell *cells, int n, gd_cell_edges *edges);
/* Does each of width cells of row b start or end where a's cell of its column does (the same columns)? */
bool		gd_same_columns(const gd_cell_edges *a, const gd_cell_edges *b, int width);
/*
 * Place the n values of a short row of text laid out by display width (w3m, elinks, links: every
 * row's cells in the same columns) under the width columns of a complete row (ref, its cells'
 * edges): each value starts or ends where exactly one of ref's cells does, left to right; the other
 * cells are blank.  False, out untouched, unless the columns place every value so.
 */
bool		gd_place_by_edges(const gd_text *tx, const gd_grid_cell *cells, int n, int width,
							  const gd_cell_edges *ref, gd_cell *out);

/*
 * Place the n values of a short row, the tokens of one line of text aligned
 * by a renderer, under the width columns that the header words (words, on
 * the lines above it, from first_line on) mark in display columns; the other
 * cells are blank (gd_columns.c).  Returns false unless the words mark
 * exactly width columns and each value lines up with one, left to right.
 */
bool		gd_place_under_header(const gd_text *tx, const gd_grid_cell *cells, int n, int width,
								  uint32_t first_line, const char *const *words, gd_cell *out);

#endif							/* GD_SOLVE_H */
