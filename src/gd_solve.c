/*
 * gd_solve.c - readings decided by the template's arithmetic and geometry
 * where the layout leaves doubt: a run of glued digits split into cells by
 * the row identity (total = sum of the others), and the columns of a short
 * space-aligned row's cells (blank cells leave no token) chosen from the
 * columns of the last complete row.
 *
 * Takes cells (digits, or grid cells with columns) and a template row width;
 * returns the row's cells, or false when no single reading exists.
 */
#include "gd_solve.h"

#include <string.h>

/*
 * Split d[pos..len) into parts - part cells (1-9 digits, no leading zero)
 * that add up to remaining, counting the splits in *found (up to 2) and
 * keeping the first in best.  Cells only grow with their digits, so a cell
 * larger than what remains, or a remainder beyond what the digits left can
 * make, ends a branch.
 */
static void
search_splits(const char *d, int len, int pos, int part, int parts, int64_t remaining,
			  int *starts, int *best, int *found)
{
	static const int64_t pow10_table[10] = {1, 10, 100, 1000, 10000, 100000, 1000000,
		10000000, 100000000, 1000000000};
	int			left = parts - part,
				digits = len - pos,
				longest;

	if (*found > 1 || remaining < 0 || digits < left || digits > 9 * left)
		return;
	starts[part] = pos;
	if (left == 1)
	{
		if ((digits == 1 || d[pos] != '0') && gd_digits_value(d + pos, digits) == remaining && ++*found == 1)
			memcpy(best, starts, sizeof(int) * (size_t) parts);
		return;
	}
	longest = digits - (left - 1) < 9 ? digits - (left - 1) : 9;
	if (remaining >= left * pow10_table[longest])
		return;
	for (int l = 1; l <= longest; l++)
	{
		int64_t		v;

		if (l > 1 && d[pos] == '0')
			break;
		v = gd_digits_value(d + pos, l);
		if (v > remaining)
			break;
		search_splits(d, len, pos + l, part + 1, parts, remaining - v, starts, best, found);
	}
}

/*
 * Split a run of glued digits into width cells.  One digit per cell is the
 * only reading when the run is exactly width long; for the requests table
 * the row identity (total = sum of the six applicant columns) can single out
 * one split of a longer run.  Returns false when no unique split exists.
 */
bool
gd_split_glued(const char *digits, size_t len, int width, bool row_total_identity, gd_cell *out)
{
	int			best[GD_ROW_WIDTH_MAX + 1];
	int			found = 0;

	if (width > GD_ROW_WIDTH_MAX)
		return false;

	if (len == (size_t) width)
	{
		for (int i = 0; i < width; i++)
			best[i] = i;
	}
	else
	{
		int			starts[GD_REQ_COLS + 1];

		if (!row_total_identity || width != GD_REQ_COLS || len > 40 || len < (size_t) width)
			return false;
		/* each length of the total (the last cell) fixes what the others add up to */
		for (int last = 1; last <= 9 && last < (int) len && found <= 1; last++)
		{
			int			before = found;
			const char *total = digits + len - last;

			if (last > 1 && total[0] == '0')
				continue;
			search_splits(digits, (int) len - last, 0, 0, width - 1, gd_digits_value(total, last),
						  starts, best, &found);
			if (found == 1 && before == 0)
				best[width - 1] = (int) len - last;
		}
		if (found != 1)
			return false;
	}
	best[width] = (int) len;
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_NUMBER;
		out[i].value = gd_digits_value(digits + best[i], best[i + 1] - best[i]);
		out[i].inferred = 1;
	}
	return true;
}
/*
 * Choose slots for the remaining cells (from cell i on, slots from k on) so
 * that the offsets cell column - reference column vary least: rows of PDF
 * text are often shifted as a whole (a wrapped group label indents them), so
 * only the spacing of the columns is compared, not their positions.
 */
static void
search_slots(const gd_grid_cell *cells, int n, int width, const uint32_t *ref, int i, int k,
			 int64_t lo, int64_t hi, int *slots, int64_t *best_spread, int *best)
{
	if (i == n)
	{
		if (hi - lo < *best_spread)
		{
			*best_spread = hi - lo;
			memcpy(best, slots, sizeof(int) * (size_t) n);
		}
		return;
	}
	for (int s = k; s <= width - (n - i); s++)
	{
		int64_t		d = (int64_t) cells[i].center2 - (int64_t) ref[s];
		int64_t		nlo = i == 0 || d < lo ? d : lo;
		int64_t		nhi = i == 0 || d > hi ? d : hi;

		if (nhi - nlo >= *best_spread)
			continue;
		slots[i] = s;
		search_slots(cells, n, width, ref, i + 1, s + 1, nlo, nhi, slots, best_spread, best);
	}
}

/*
 * Place the cells of a short space-aligned row (blank cells leave no token
 * in PDF text) under the columns of the last complete row.  Returns false
 * when the row has no column positions.
 */
bool
gd_place_by_columns(const gd_grid_cell *cells, int n, int width, const uint32_t *ref, gd_cell *out)
{
	int			slots[GD_ROW_CELLS_MAX];
	int			best[GD_ROW_CELLS_MAX];
	int64_t		best_spread = INT64_MAX;

	if (ref == NULL || n > width || n == 0)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].center2 == 0)
			return false;
	search_slots(cells, n, width, ref, 0, 0, 0, 0, slots, &best_spread, best);
	if (best_spread == INT64_MAX)
		return false;
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_BLANK;
		out[i].line = cells[0].cell.line;
	}
	for (int i = 0; i < n; i++)
		out[best[i]] = cells[i].cell;
	return true;
}

