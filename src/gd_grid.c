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

/* Does t[s..e) hold U+FFFD (EF BF BD)? */
static bool
holds_replacement(const char *t, size_t s, size_t e)
{
	const char *p = t + s,
			   *end = t + e;

	while (p + 3 <= end && (p = memchr(p, 0xEF, (size_t) (end - p) - 2)) != NULL)
	{
		if ((unsigned char) p[1] == 0xBF && (unsigned char) p[2] == 0xBD)
			return true;
		p++;
	}
	return false;
}

/* A value the text cannot tell: unknown, not too large, and no glued run to split either. */
static void
distrust(gd_grid_cell *c)
{
	c->cell.state = GD_UNREADABLE;
	c->cell.value = 0;
	c->cell.scale = 0;
	c->cell.inferred = 1;
	c->glued = 0;
}

void
gd_grid_distrust_cells(gd_grid *g, size_t from, uint32_t line, const gd_span *spans, int nspans)
{
	bool		any = false;

	for (size_t k = from; k < g->ncells; k++)
	{
		gd_grid_cell *c = &g->cells[k];

		if (c->kind != GD_GRID_VALUE)
			continue;
		for (int j = 0; j < nspans; j++)
			if (c->span.off >= spans[j].off && c->span.off < spans[j].off + spans[j].len)
			{
				distrust(c);
				any = true;
				break;
			}
	}
	if (!any)
		return;
	if (g->first_wrapped == 0)
		g->first_wrapped = line;
	g->wrapped_lines++;
}

uint32_t
gd_grid_distrust_broken(const gd_text *tx, const gd_region *rg, gd_grid *g, int *nlines)
{
	uint32_t	first = 0,
				checked = 0;
	bool		broken = false;

	*nlines = 0;
	if (!holds_replacement(tx->t, rg->start, rg->end))
		return 0;
	/* a converter that cuts characters miscounts their widths too: columns do not place a short row */
	g->blanks_unprinted = true;
	for (size_t k = 0; k < g->ncells; k++)
	{
		gd_grid_cell *c = &g->cells[k];
		uint32_t	line = c->cell.line;

		if (c->kind != GD_GRID_VALUE || line == 0 || line > tx->nlines)
			continue;
		if (line != checked)
		{
			checked = line;
			broken = holds_replacement(tx->t, tx->lines[line - 1].start, tx->lines[line - 1].end);
			*nlines += broken;
			if (broken && first == 0)
				first = line;
		}
		if (broken)
			distrust(c);
	}
	return first;
}
