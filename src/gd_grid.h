/*
 * gd_grid.h - what a reader makes of a table region: rows of cells, each
 * with its text span, its reading as a value, and how many grid columns and
 * rows it covers.  Readers build grids; the matcher reads them, blind to the
 * layout they came from.
 */
#ifndef GD_GRID_H
#define GD_GRID_H

#include "gd_internal.h"

typedef enum gd_grid_cell_kind
{
	GD_GRID_TEXT = 0,			/* label words */
	GD_GRID_VALUE,				/* a number or placeholder: see cell */
	GD_GRID_BLANK				/* a printed cell with nothing in it */
} gd_grid_cell_kind;

typedef struct gd_grid_cell
{
	gd_cell		cell;			/* a value's reading; state GD_BLANK for a blank; line always */
	gd_span		span;			/* the cell's text in the normalised text */
	uint32_t	center2;		/* space-aligned text: 2 x the token's middle column; 0 otherwise */
	uint8_t		kind;			/* gd_grid_cell_kind */
	uint8_t		glued;			/* a value split out of label text: span holds its digits */
	uint16_t	colspan;		/* grid columns the cell covers (a merged cell is one cell) */
	uint16_t	rowspan;		/* grid rows it covers */
} gd_grid_cell;

typedef struct gd_grid
{
	gd_grid_cell *cells;		/* all rows' cells, row after row */
	size_t		ncells;
	size_t		cells_cap;
	size_t	   *row_end;		/* row k holds cells [row_end[k-1], row_end[k]) */
	size_t		nrows;
	size_t		rows_cap;
	bool		cells_per_line;	/* read one cell per line: only blank lines end rows */
	bool		no_columns;		/* read from lines whose tokens stand in no columns (one space apart) */
	bool		glued;			/* some value was split out of label text */
	bool		blanks_unprinted;	/* a blank cell leaves no trace: a short row's columns are unknown */
	bool		tokens_apart;	/* values set apart are other cells; each may be several glued (gd_match.c) */
	uint32_t	first_wrapped;	/* first line of values left unknown by gd_grid_distrust_cells (0: none) */
	int			wrapped_lines;	/* how many such lines */
} gd_grid;

/* An empty grid. */
void		gd_grid_init(gd_grid *g);
/* Room for one more cell (the slow path of gd_grid_add). */
void		gd_grid_grow(const gd_text *tx, gd_grid *g);

/* Append a cell to the open row (colspan and rowspan of 0 are read as 1); inline: one call per token. */
static inline void
gd_grid_add(const gd_text *tx, gd_grid *g, const gd_grid_cell *c)
{
	gd_grid_cell *dst;

	if (g->ncells == g->cells_cap)
		gd_grid_grow(tx, g);
	dst = &g->cells[g->ncells++];
	*dst = *c;
	if (dst->colspan == 0)
		dst->colspan = 1;
	if (dst->rowspan == 0)
		dst->rowspan = 1;
}
/* Close the open row; a row without cells is not kept. */
void		gd_grid_end_row(const gd_text *tx, gd_grid *g);
/* First cell of row k and how many cells it has. */
const gd_grid_cell *gd_grid_row(const gd_grid *g, size_t k, size_t *ncells);

/*
 * The values of g on lines of region rg holding U+FFFD become unknown: a
 * converter cut characters there (CJK text wrapped byte by byte) and digits
 * beside a cut may be pieces of other cells; and since such a converter
 * miscounts widths, no short row of the region is placed by its columns.
 * Returns the first such line (0: none) and how many into *nlines.
 */
/*
 * The values among cells [from, ncells) of g, read from line (1-based), that start in one of spans
 * become unknown: their digits may be pieces of numbers wrapped over lines (gd_wrap_suspect);
 * counted in first_wrapped and wrapped_lines.
 */
void		gd_grid_distrust_cells(gd_grid *g, size_t from, uint32_t line, const gd_span *spans, int nspans);
uint32_t	gd_grid_distrust_broken(const gd_text *tx, const gd_region *rg, gd_grid *g, int *nlines);

#endif							/* GD_GRID_H */
