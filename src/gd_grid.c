/*
 * gd_grid.c - building and reading grids (see gd_grid.h).  Arrays grow by
 * doubling in the caller's allocator, which never frees.
 */
#include "gd_grid.h"

#include <string.h>

void
gd_grid_init(gd_grid *g)
{
	memset(g, 0, sizeof(*g));
}

/* A copy of old (count elements of size bytes) with room for twice as many. */
static void *
grown(const gd_text *tx, const void *old, size_t count, size_t size, size_t *cap)
{
	size_t		want = *cap ? *cap * 2 : 64;
	void	   *bigger = gd_alloc(tx, want * size);

	if (count > 0)
		memcpy(bigger, old, count * size);
	*cap = want;
	return bigger;
}

void
gd_grid_grow(const gd_text *tx, gd_grid *g)
{
	g->cells = grown(tx, g->cells, g->ncells, sizeof(gd_grid_cell), &g->cells_cap);
}

void
gd_grid_end_row(const gd_text *tx, gd_grid *g)
{
	size_t		row_start = g->nrows > 0 ? g->row_end[g->nrows - 1] : 0;

	if (g->ncells == row_start)
		return;
	if (g->nrows == g->rows_cap)
		g->row_end = grown(tx, g->row_end, g->nrows, sizeof(size_t), &g->rows_cap);
	g->row_end[g->nrows++] = g->ncells;
}

const gd_grid_cell *
gd_grid_row(const gd_grid *g, size_t k, size_t *ncells)
{
	size_t		start = k > 0 ? g->row_end[k - 1] : 0;

	*ncells = g->row_end[k] - start;
	return g->cells + start;
}
