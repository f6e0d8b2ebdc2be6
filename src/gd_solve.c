/*
 * gd_solve.c - readings decided by the template's arithmetic and geometry
 * where the layout leaves doubt: runs of glued digits split into cells by
 * the identities of the whole requests table at once (every row's total,
 * every column's results total, 一 + 二 = 三（七） + 四 per column), and the
 * columns of a short space-aligned row's cells (blank cells leave no token)
 * chosen from the columns of the last complete row.
 *
 * Searches are bounded by step budgets, so hostile input costs at most a
 * fixed amount of work; a search that runs out decides nothing.
 */
#include "gd_solve.h"
#include "gd_template.h"

#include <stdio.h>
#include <string.h>

/* How much better (2 x columns) the spacing must fit a short row's best placement than any other. */
#define PLACEMENT_MARGIN2 4

/* A count the sums can take without overflow (larger ones leave their equations unchecked). */
#define SUMMABLE_MAX INT64_C(1000000000000)

static bool
summable(const gd_cell *c)
{
	return c->state == GD_NUMBER && c->scale == 0 && c->value <= SUMMABLE_MAX && c->value >= -SUMMABLE_MAX;
}


/* ---------- glued runs: every reading under the row's identities ---------- */

typedef struct run_search
{
	const char *run;
	int			len;
	int			width;
	int8_t		total_of[GD_ROW_WIDTH_MAX];	/* identity whose total the cell is, or -1 */
	int8_t		member_of[GD_ROW_WIDTH_MAX];	/* identity the cell adds to, or -1 */
	int64_t		sums[GD_ROW_WIDTH_MAX];	/* running sum of each identity's members */
	gd_cell		cells[GD_ROW_WIDTH_MAX];
	gd_cell    *readings;
	int			max_readings;
	bool		signed_cells;	/* cells may carry a sign (changes, not counts) */
	bool		pieces;			/* the run marks with ':' where pieces of wrapped numbers meet: cells end only there or at '|' */
	int			total_at;		/* where the row's total starts, tried one width at a time, or -1 */
	int64_t		total;			/* its value there */
	int			found;
	long		budget;			/* search steps left */
} run_search;

static int
decimal_digits(int64_t v)
{
	int			n = 1;

	while (v >= 10)
	{
		v /= 10;
		n++;
	}
	return n;
}

const gd_identity gd_request_row_total = {GD_REQ_COLS - 1, 0, GD_REQ_COLS - 1};

/* 10^n for n in 0..18 */
static const int64_t powers_of_ten[] = {
	1, INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000), INT64_C(100000), INT64_C(1000000),
	INT64_C(10000000), INT64_C(100000000), INT64_C(1000000000), INT64_C(10000000000),
	INT64_C(100000000000), INT64_C(1000000000000), INT64_C(10000000000000),
	INT64_C(100000000000000), INT64_C(1000000000000000), INT64_C(10000000000000000),
	INT64_C(100000000000000000), INT64_C(1000000000000000000)
};

/* decimal_digits(v) > max, without a division: the search asks it at every step. */
static bool
wider_than(int64_t v, int max)
{
	if (max < 1)
		return true;			/* every number has a digit */
	return v >= 0 && max < (int) (sizeof(powers_of_ten) / sizeof(powers_of_ten[0])) && v >= powers_of_ten[max];
}

static void
keep_reading(run_search *rs)
{
	if (rs->found < rs->max_readings)
		memcpy(rs->readings + (size_t) rs->found * (size_t) rs->width, rs->cells,
			   sizeof(gd_cell) * (size_t) rs->width);
	rs->found++;
}

/*
 * With the total's characters known (total_at): can members more cells,
 * each as wide as the total at most, fill the characters from pos to the
 * total and add up to rest?  Their sum is at least that of the widths spread
 * evenly (a number of d > 1 digits is at least 10^(d-1)) and at most that
 * of the widest widths (all 9s).
 */
static bool
members_can_close(const run_search *rs, int pos, int members, int64_t rest)
{
	int			chars = rs->total_at - pos,
				widest = rs->len - rs->total_at,
				even,
				longer,
				full,
				part;
	int64_t		least,
				most;

	if (rest < 0 || chars < members || chars > members * widest)
		return false;
	if (members == 0)
		return chars == 0 && rest == 0;
	even = chars / members;
	longer = chars % members;
	least = (int64_t) longer * powers_of_ten[even] + (even > 1 ? (int64_t) (members - longer) * powers_of_ten[even - 1] : 0);
	if (widest == 1)
		return rest >= least && rest <= (int64_t) members * 9;
	full = (chars - members) / (widest - 1);
	part = (chars - members) % (widest - 1);
	most = (int64_t) full * (powers_of_ten[widest] - 1) + (part > 0 ? powers_of_ten[part + 1] - 1 : 0) +
		(int64_t) (members - full - (part > 0)) * 9;
	return rest >= least && rest <= most;
}

static void search_run(run_search *rs, int pos, int k);

/* May a cell of a run of pieces end before run[pos]: at its end, a '|' or a ':' between pieces? */
static bool
piece_cut(const run_search *rs, int pos)
{
	return pos == rs->len || rs->run[pos] == '|' || rs->run[pos] == ':';
}

/*
 * Does v spell the run of pieces from pos, over the ':' between them, up to a place where a cell
 * may end?  Returns the characters it takes, 0 if not.
 */
static int
pieces_spell(const run_search *rs, int pos, int64_t v)
{
	char		digits[24];
	int			n = snprintf(digits, sizeof(digits), "%lld", (long long) v),
				q = pos;

	for (int i = 0; i < n; i++, q++)
	{
		if (i > 0 && q < rs->len && rs->run[q] == ':')
			q++;				/* the number goes on in the next piece */
		if (q >= rs->len || rs->run[q] != digits[i])
			return 0;
	}
	return piece_cut(rs, q) ? q - pos : 0;
}

/*
 * Cell k of a run of pieces from pos: one piece or several joined (a number wrapped in its
 * cell), never part of one, 1-9 digits, no leading zero.
 */
static void
search_piece_cell(run_search *rs, int pos, int k)
{
	int64_t		digits = 0;
	int			id = (int) rs->member_of[k],
				l = 0;

	for (int q = pos; q < rs->len && rs->run[q] != '|'; q++)
	{
		if (rs->run[q] == ':' && l > 0)
			continue;			/* joined to the next piece */
		if (!gd_is_digit(rs->run[q]) || l == 9 || (l > 0 && rs->run[pos] == '0'))
			return;
		digits = digits * 10 + (rs->run[q] - '0');
		l++;
		if (!piece_cut(rs, q + 1))
			continue;
		rs->cells[k].state = GD_NUMBER;
		rs->cells[k].value = digits;
		if (id >= 0)
			rs->sums[id] += digits;
		search_run(rs, q + 1, k + 1);
		if (id >= 0)
			rs->sums[id] -= digits;
	}
}

/* Place cell k at pos (the run's character); enumerates every way to go on. */
static void
search_run(run_search *rs, int pos, int k)
{
	int			cells_left = rs->width - k,
				chars_left = rs->len - pos,
				sign = 1;
	int64_t		digits = 0;
	gd_cell    *c = &rs->cells[k];

	if (rs->found > rs->max_readings || --rs->budget < 0)
		return;
	if (pos < rs->len && (rs->run[pos] == '|' || (rs->pieces && rs->run[pos] == ':')))
		chars_left = rs->len - ++pos;	/* values set apart: a cell ends at the bar, and digits stop at it */
	if (k == rs->width)
	{
		if (pos == rs->len)
			keep_reading(rs);
		return;
	}
	/* (the ':' of a run of pieces are no digits: its cells may hold more characters) */
	if (chars_left < cells_left || (!rs->pieces && chars_left > 9 * cells_left))
		return;
	memset(c, 0, sizeof(*c));
	c->inferred = 1;
	if (rs->total_of[k] >= 0)
	{
		/* a total is no choice: the sum of its members, printed right here */
		int64_t		v = rs->sums[rs->total_of[k]];
		int			n = decimal_digits(v);

		if (v < 0)
			return;				/* a total of counts */
		if (rs->run[pos] == 'P' || rs->run[pos] == 'M')
		{
			if (v != 0)
				return;
			c->state = GD_PLACEHOLDER;
			search_run(rs, pos + 1, k + 1);
			return;
		}
		if (rs->pieces)
		{
			if ((n = pieces_spell(rs, pos, v)) > 0)
			{
				c->state = GD_NUMBER;
				c->value = v;
				search_run(rs, pos + n, k + 1);
			}
			return;
		}
		if (n > chars_left)
			return;
		/* compared digit by digit from the last: most sums differ there at once */
		for (int64_t i = n - 1, w = v; i >= 0; i--, w /= 10)
			if (rs->run[pos + i] != (char) ('0' + w % 10))
				return;
		c->state = GD_NUMBER;
		c->value = v;
		search_run(rs, pos + n, k + 1);
		return;
	}
	if (rs->run[pos] == 'P' || rs->run[pos] == 'M')
	{
		c->state = GD_PLACEHOLDER;
		search_run(rs, pos + 1, k + 1);
		if (rs->run[pos] == 'P')
			return;
	}
	/* 'M' is also a minus sign, '+' a plus sign, starting a signed cell ("214+121047") */
	if (rs->run[pos] == 'M' || rs->run[pos] == '+')
	{
		if (!rs->signed_cells)
			return;
		sign = rs->run[pos] == 'M' ? -1 : 1;
		pos++;
		chars_left--;
	}
	if (rs->pieces)
	{
		search_piece_cell(rs, pos, k);
		return;
	}
	for (int l = 1; l <= 9 && l <= chars_left - (cells_left - 1); l++)
	{
		int64_t		v;
		int			id = (int) rs->member_of[k];

		if (!gd_is_digit(rs->run[pos + l - 1]) || (l > 1 && rs->run[pos] == '0'))
			break;
		/* the l digits' value from the l - 1 before: one step, not l */
		digits = digits * 10 + (rs->run[pos + l - 1] - '0');
		v = sign * digits;
		/* the identity's total follows and is at least the sum: it must still fit */
		if (id >= 0 && v >= 0 && wider_than(rs->sums[id] + v, chars_left - l - (cells_left - 1) + 1))
			break;
		if (rs->total_at >= 0 && id >= 0 && !members_can_close(rs, pos + l, cells_left - 2, rs->total - rs->sums[id] - v))
		{
			if (rs->sums[id] + v > rs->total)
				break;			/* more digits only add */
			continue;
		}
		rs->cells[k].state = GD_NUMBER;
		rs->cells[k].value = v;
		if (id >= 0)
			rs->sums[id] += v;
		search_run(rs, pos + l, k + 1);
		if (id >= 0)
			rs->sums[id] -= v;
	}
}

int
gd_glued_readings(const char *run, size_t len, int width, const gd_identity *ids, int nids,
				  bool signed_cells, gd_cell *readings, int max_readings)
{
	run_search	rs;

	if (width > GD_ROW_WIDTH_MAX || width <= 0 || len > GD_RUN_MAX)
		return GD_READINGS_TOO_MANY;
	memset(&rs, 0, sizeof(rs));
	rs.run = run;
	rs.len = (int) len;
	rs.width = width;
	rs.readings = readings;
	rs.max_readings = max_readings;
	rs.signed_cells = signed_cells;
	rs.budget = GD_RUN_SEARCH_BUDGET;
	memset(rs.total_of, -1, sizeof(rs.total_of));
	memset(rs.member_of, -1, sizeof(rs.member_of));
	/*
	 * a run exactly as long as the row: one character per cell is the only
	 * reading, if the identities hold on it (else a blank cell left no mark
	 * and a number has two digits)
	 */
	for (int i = 0; i < nids; i++)
	{
		rs.total_of[ids[i].total] = (int8_t) i;
		for (int m = 0; m < ids[i].count; m++)
			rs.member_of[ids[i].first + m] = (int8_t) i;
	}
	rs.total_at = -1;
	rs.pieces = memchr(run, ':', len) != NULL;
	if (nids == 1 && ids[0].first == 0 && ids[0].count == width - 1 && ids[0].total == width - 1 && !signed_cells &&
		len > 0 && memchr(run, '|', len) == NULL && !rs.pieces && gd_is_digit(run[len - 1]))
	{
		/*
		 * a row total printed last: its characters, one width at a time, bound what the members
		 * before it may take, which a search from the first cell learns only at the end
		 */
		for (int t = 1; t <= 9 && t <= rs.len - (width - 1); t++)
		{
			rs.total_at = rs.len - t;
			if (!gd_is_digit(run[rs.total_at]) || (t > 1 && run[rs.total_at] == '0'))
				continue;
			rs.total = gd_digits_value(run + rs.total_at, t);
			search_run(&rs, 0, 0);
		}
	}
	else
		search_run(&rs, 0, 0);
	if (rs.budget < 0 || rs.found > max_readings)
		return GD_READINGS_TOO_MANY;
	return rs.found;
}

/*
 * Choose slots for the remaining cells (from cell i on, slots from k on) so
 * that the offsets cell column - reference column vary least: rows of PDF
 * text are often shifted as a whole (a wrapped group label indents them), so
 * only the spacing of the columns is compared, not their positions.
 */
typedef struct slot_search
{
	int64_t		best_spread;
	int64_t		next_spread;	/* the least spread of another placement */
	int			best[GD_ROW_CELLS_MAX];
} slot_search;

static void
search_slots(const gd_grid_cell *cells, int n, int width, const uint32_t *ref, int i, int k,
			 int64_t lo, int64_t hi, int *slots, slot_search *ss)
{
	if (i == n)
	{
		if (hi - lo < ss->best_spread)
		{
			ss->next_spread = ss->best_spread;
			ss->best_spread = hi - lo;
			memcpy(ss->best, slots, sizeof(int) * (size_t) n);
		}
		else if (hi - lo < ss->next_spread)
			ss->next_spread = hi - lo;
		return;
	}
	for (int s = k; s <= width - (n - i); s++)
	{
		int64_t		d = (int64_t) cells[i].center2 - (int64_t) ref[s];
		int64_t		nlo = i == 0 || d < lo ? d : lo;
		int64_t		nhi = i == 0 || d > hi ? d : hi;

		if (nhi - nlo > ss->next_spread)
			continue;
		slots[i] = s;
		search_slots(cells, n, width, ref, i + 1, s + 1, nlo, nhi, slots, ss);
	}
}

/*
 * Place the cells of a short space-aligned row (blank cells leave no token
 * in PDF text) under the columns of the last complete row.  Returns false
 * when the row has no column positions.
 */
/* Does a placed row print its identity's total wherever it prints one of the cells summed? */
static bool
placement_keeps_total(const gd_cell *cells, const gd_identity *id)
{
	if (cells[id->total].state != GD_BLANK)
		return true;
	for (int m = 0; m < id->count; m++)
		if (cells[id->first + m].state != GD_BLANK)
			return false;
	return true;
}

bool
gd_place_by_columns(const gd_grid_cell *cells, int n, int width, const uint32_t *ref, const gd_identity *ids,
					int nids, gd_cell *out)
{
	int			slots[GD_ROW_CELLS_MAX];
	slot_search ss = {INT64_MAX, INT64_MAX, {0}};

	if (ref == NULL || n > width || n == 0)
		return false;
	for (int i = 0; i < n; i++)
		if (cells[i].center2 == 0)
			return false;
	search_slots(cells, n, width, ref, 0, 0, 0, 0, slots, &ss);
	/*
	 * the spacing must fit one placement clearly better than any other: two
	 * values the same distance apart fit every pair of columns that distance
	 * apart, and a column's width of text is no evidence (stream text, or
	 * labels of other widths before the values); and it must fit at all, two
	 * values (one spacing that nothing else confirms) closely: a page's
	 * columns may sit elsewhere
	 */
	if (ss.best_spread > (n < 3 ? PLACEMENT_MARGIN2 : 2 * PLACEMENT_MARGIN2) ||
		ss.next_spread - ss.best_spread < PLACEMENT_MARGIN2)
		return false;
	for (int i = 0; i < width; i++)
	{
		memset(&out[i], 0, sizeof(gd_cell));
		out[i].state = GD_BLANK;
		out[i].line = cells[0].cell.line;
	}
	for (int i = 0; i < n; i++)
		out[ss.best[i]] = cells[i].cell;
	/* columns of PDF text are uneven: a placement that leaves a printed row's total blank is no reading */
	for (int k = 0; k < nids; k++)
		if (!placement_keeps_total(out, &ids[k]))
			return false;
	return true;
}


int
gd_agreed_cells(const gd_cell *readings, int n, int width, gd_cell *out)
{
	int			undecided = 0;

	for (int c = 0; c < width; c++)
	{
		bool		same = true;

		for (int k = 1; k < n && same; k++)
		{
			const gd_cell *a = &readings[c],
					   *b = &readings[(size_t) k * (size_t) width + c];

			same = a->state == b->state && a->value == b->value && a->scale == b->scale;
		}
		out[c] = readings[c];
		if (!same)
		{
			memset(&out[c], 0, sizeof(gd_cell));
			out[c].state = GD_UNREADABLE;
			out[c].inferred = 1;	/* unknown because glued, not too large */
			undecided++;
		}
	}
	return undecided;
}

/* ---------- a number wrapped inside its cell ---------- */

bool
gd_row_total_holds(const gd_cell *cells, int width)
{
	int64_t		sum = 0;

	for (int i = 0; i < width; i++)
		if (!summable(&cells[i]) && cells[i].state != GD_PLACEHOLDER && cells[i].state != GD_BLANK)
			return false;
	for (int i = 0; i < width - 1; i++)
		sum += cells[i].state == GD_NUMBER ? cells[i].value : 0;
	/* a placeholder ("—") is a 0 (SPEC §1), and so is a blank cell to the sums */
	return cells[width - 1].state == GD_NUMBER ? cells[width - 1].value == sum : sum == 0;
}

bool
gd_join_wrapped(const gd_cell *values, int n, const char *frag, size_t frag_len, int width, gd_cell *out)
{
	gd_cell		as_new_cell[GD_ROW_WIDTH_MAX],
				as_continued[GD_ROW_WIDTH_MAX];
	bool		new_fits = false,
				continued_fits = false;
	int64_t		piece;

	if (n < width - 1 || n > width || frag_len == 0 || frag_len > 9 || width > GD_ROW_WIDTH_MAX ||
		(n == width && gd_row_total_holds(values, width)))
		return false;
	piece = gd_digits_value(frag, frag_len);
	if (n == width - 1)
	{
		memcpy(as_new_cell, values, sizeof(gd_cell) * (size_t) n);
		as_new_cell[n] = values[n - 1];
		as_new_cell[n].state = GD_NUMBER;
		as_new_cell[n].value = piece;
		new_fits = (frag[0] != '0' || frag_len == 1) && gd_row_total_holds(as_new_cell, width);
	}
	if (values[n - 1].state == GD_NUMBER && values[n - 1].value > 0 && values[n - 1].value < 1000000000 &&
		n == width)
	{
		memcpy(as_continued, values, sizeof(gd_cell) * (size_t) n);
		for (size_t i = 0; i < frag_len; i++)
			as_continued[n - 1].value *= 10;
		as_continued[n - 1].value += piece;
		continued_fits = gd_row_total_holds(as_continued, width);
	}
	if (new_fits == continued_fits)
		return false;
	memcpy(out, new_fits ? as_new_cell : as_continued, sizeof(gd_cell) * (size_t) width);
	out[width - 1].inferred = 1;
	return true;
}

/* ---------- the requests table's open rows, solved together ---------- */

#define EQUATIONS (2 * GD_REQ_COLS)	/* per column: results total, and 一 + 二 = 三（七） + 四 */

/*
 * What the search knows of each reading of its rows (too large for the
 * stack).  A row's readings still possible (the columns vouch for them and
 * the equations have not ruled them out) stand first in its order, so that
 * a pass over them costs as many steps as there are; one ruled out is
 * swapped behind them, and the search backing out of a choice takes them
 * back in the reverse order by counting them in again.
 */
typedef struct reading_flags
{
	int16_t		order[GD_REQ_ROWS][GD_ROW_READINGS_MAX];
	int16_t		place[GD_REQ_ROWS][GD_ROW_READINGS_MAX];	/* where reading j stands in order */
	bool		in_solution[GD_REQ_ROWS][GD_ROW_READINGS_MAX];	/* part of a combination found */
	int8_t		ruled_out[GD_REQ_ROWS * GD_ROW_READINGS_MAX];	/* the row of each reading ruled out, in turn */
} reading_flags;

/*
 * The table's combinations are searched for one that makes every checked
 * equation hold, a row at a time, the row with the fewest readings still
 * possible next; before each choice the equations rule out the readings
 * that no choice of the other rows can balance.  Whether the table decides
 * a cell is then asked reading by reading: a reading that would put another
 * value in a cell than the first combination found is tried on its own
 * (is there a combination with it?), so that a table with many
 * combinations costs a search per such reading, not one per combination.
 */
typedef struct table_search
{
	int			rows[GD_REQ_ROWS];	/* rows with more than one reading */
	int			nrows;
	const gd_cell *readings[GD_REQ_ROWS];	/* GD_ROW_READINGS_MAX x GD_REQ_COLS per row */
	int			counts[GD_REQ_ROWS];
	int64_t		coef[GD_REQ_ROWS][2];	/* row's weight in each column's two equations */
	bool		checked[EQUATIONS];	/* every cell of the equation is known */
	int64_t		residual[EQUATIONS];	/* what the known rows and the chosen readings add */
	reading_flags *flags;		/* allocated with the readings */
	int			npossible[GD_REQ_ROWS];
	int			nruled_out;
	bool		chosen[GD_REQ_ROWS];
	int			choice[GD_REQ_ROWS];
	int			first[GD_REQ_ROWS];	/* the first solution's choice */
	bool		differs[GD_REQ_ROWS][GD_REQ_COLS];	/* solutions disagree on the cell */
	long		solutions;
	bool		solved;			/* the current search found a combination */
	long		budget;
} table_search;

/* What the cells add to equation e (column e % GD_REQ_COLS) with the row's weight. */
static int64_t
row_term(const table_search *ts, int row, const gd_cell *cells, int e)
{
	const gd_cell *c = &cells[e % GD_REQ_COLS];

	return summable(c) ? ts->coef[row][e / GD_REQ_COLS] * c->value : 0;
}

static void
add_row(table_search *ts, int row, const gd_cell *cells, int sign)
{
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		int64_t		v = summable(&cells[c]) ? cells[c].value : 0;

		ts->residual[c] += sign * ts->coef[row][0] * v;
		ts->residual[GD_REQ_COLS + c] += sign * ts->coef[row][1] * v;
	}
}

/* A reading that leaves the row's total blank: the row total checks nothing in it. */
static bool
leaves_total_blank(const gd_cell *cells)
{
	return cells[GD_REQ_COLS - 1].state == GD_BLANK;
}

/*
 * Is every value of a reading that leaves the total blank in a column
 * equation that is checked?  Only a column identity can then vouch for
 * where the values went.
 */
static bool
columns_vouch(const table_search *ts, int row, const gd_cell *cells)
{
	if (!leaves_total_blank(cells))
		return true;
	for (int c = 0; c < GD_REQ_COLS; c++)
		if (cells[c].state == GD_NUMBER && cells[c].value != 0 &&
			!((ts->coef[row][0] && ts->checked[c]) || (ts->coef[row][1] && ts->checked[GD_REQ_COLS + c])))
			return false;
	return true;
}

/* Does search row i take part in checked equation e? */
static bool
in_equation(const table_search *ts, int i, int e)
{
	return ts->checked[e] && ts->coef[ts->rows[i]][e / GD_REQ_COLS] != 0;
}

static const gd_cell *
reading_cells(const table_search *ts, int i, int j)
{
	return ts->readings[i] + (size_t) j * GD_REQ_COLS;
}

static bool
is_possible(const table_search *ts, int i, int j)
{
	return ts->flags->place[i][j] < ts->npossible[i];
}

/* The k-th reading of row i still possible. */
static int
possible_reading(const table_search *ts, int i, int k)
{
	return ts->flags->order[i][k];
}

static void
rule_out(table_search *ts, int i, int j)
{
	reading_flags *f = ts->flags;
	int			at = f->place[i][j],
				last = --ts->npossible[i],
				other = f->order[i][last];

	f->order[i][at] = (int16_t) other;
	f->place[i][other] = (int16_t) at;
	f->order[i][last] = (int16_t) j;
	f->place[i][j] = (int16_t) last;
	f->ruled_out[ts->nruled_out++] = (int8_t) i;
}

/* Readings ruled out since mark possible again (the search backs out of a choice). */
static void
restore_ruled_out(table_search *ts, int mark)
{
	while (ts->nruled_out > mark)
		ts->npossible[ts->flags->ruled_out[--ts->nruled_out]]++;
}

/*
 * Rule out every possible reading of a row not yet chosen that some checked
 * equation cannot balance, whatever the other rows not chosen add (the least
 * and most of their possible readings), until none is; each reading looked
 * at costs a step.  False when a row has no reading left, an equation can no
 * longer hold, or the steps ran out.
 */
static bool
narrow_readings(table_search *ts)
{
	bool		narrowed = true;

	while (narrowed)
	{
		int64_t		lo[EQUATIONS],
					hi[EQUATIONS],
					row_lo[GD_REQ_ROWS][EQUATIONS],
					row_hi[GD_REQ_ROWS][EQUATIONS];

		narrowed = false;
		memcpy(lo, ts->residual, sizeof(lo));
		memcpy(hi, ts->residual, sizeof(hi));
		for (int i = 0; i < ts->nrows; i++)
			for (int e = 0; e < EQUATIONS && !ts->chosen[i]; e++)
			{
				row_lo[i][e] = INT64_MAX;
				row_hi[i][e] = INT64_MIN;
				if (!in_equation(ts, i, e))
					continue;
				for (int k = 0; k < ts->npossible[i]; k++)
				{
					int64_t		t = row_term(ts, ts->rows[i], reading_cells(ts, i, possible_reading(ts, i, k)), e);

					row_lo[i][e] = t < row_lo[i][e] ? t : row_lo[i][e];
					row_hi[i][e] = t > row_hi[i][e] ? t : row_hi[i][e];
				}
				lo[e] += row_lo[i][e];
				hi[e] += row_hi[i][e];
			}
		for (int e = 0; e < EQUATIONS; e++)
			if (ts->checked[e] && (lo[e] > 0 || hi[e] < 0))
				return false;
		for (int i = 0; i < ts->nrows; i++)
		{
			if (ts->chosen[i])
				continue;
			ts->budget -= ts->npossible[i];
			/* from the last: a reading ruled out swaps with one already looked at */
			for (int k = ts->npossible[i] - 1; k >= 0; k--)
			{
				int			j = possible_reading(ts, i, k);

				for (int e = 0; e < EQUATIONS; e++)
				{
					int64_t		t;

					if (!in_equation(ts, i, e))
						continue;
					t = row_term(ts, ts->rows[i], reading_cells(ts, i, j), e);
					if (lo[e] - row_lo[i][e] + t > 0 || hi[e] - row_hi[i][e] + t < 0)
					{
						rule_out(ts, i, j);
						narrowed = true;
						break;
					}
				}
			}
			if (ts->npossible[i] == 0)
				return false;
		}
		if (ts->budget < 0)
			return false;
	}
	return true;
}

/* The combination chosen holds: kept (the first) or compared with the first, cell by cell. */
static void
keep_solution(table_search *ts)
{
	for (int i = 0; i < ts->nrows; i++)
	{
		const gd_cell *now = reading_cells(ts, i, ts->choice[i]);

		ts->flags->in_solution[i][ts->choice[i]] = true;
		if (ts->solutions == 0)
			ts->first[i] = ts->choice[i];
		else
			for (int c = 0; c < GD_REQ_COLS; c++)
			{
				const gd_cell *was = &reading_cells(ts, i, ts->first[i])[c];

				ts->differs[i][c] |= now[c].state != was->state || now[c].value != was->value;
			}
	}
	ts->solutions++;
	ts->solved = true;
}

/* A combination of the possible readings of the rows not chosen that holds, if there is one. */
static void
search_table(table_search *ts)
{
	int			mark = ts->nruled_out,
				next = -1;

	if (--ts->budget < 0 || !narrow_readings(ts))
	{
		restore_ruled_out(ts, mark);
		return;
	}
	for (int i = 0; i < ts->nrows; i++)
		if (!ts->chosen[i] && (next < 0 || ts->npossible[i] < ts->npossible[next]))
			next = i;
	if (next < 0)
		keep_solution(ts);
	else
	{
		ts->chosen[next] = true;
		/* a chosen row's readings stay where they stand while the rows after it are chosen */
		for (int k = 0; k < ts->npossible[next] && !ts->solved && ts->budget >= 0; k++)
		{
			int			j = possible_reading(ts, next, k);

			ts->choice[next] = j;
			add_row(ts, ts->rows[next], reading_cells(ts, next, j), 1);
			search_table(ts);
			add_row(ts, ts->rows[next], reading_cells(ts, next, j), -1);
		}
		ts->chosen[next] = false;
	}
	restore_ruled_out(ts, mark);
}

/* Would reading j of search row i put another value than the first solution in a cell still agreed on? */
static bool
would_disagree(const table_search *ts, int i, int j)
{
	const gd_cell *cells = reading_cells(ts, i, j),
			   *first = reading_cells(ts, i, ts->first[i]);

	for (int c = 0; c < GD_REQ_COLS; c++)
		if (!ts->differs[i][c] && (cells[c].state != first[c].state || cells[c].value != first[c].value))
			return true;
	return false;
}

/*
 * Search the table's combinations (ts->rows and their readings, the known
 * rows in residual): a first solution, then, for each possible reading that
 * would disagree with it on a cell not yet in doubt, whether a solution
 * takes it (ruled out for good if none does).  differs then marks exactly
 * the cells some two solutions disagree on, as if every solution had been
 * listed.
 */
static void
solve_table(table_search *ts)
{
	ts->solutions = 0;
	ts->nruled_out = 0;
	memset(ts->differs, 0, sizeof(ts->differs));
	memset(ts->chosen, 0, sizeof(ts->chosen));
	for (int i = 0; i < ts->nrows; i++)
	{
		int			behind = ts->counts[i];

		ts->npossible[i] = 0;
		for (int j = 0; j < ts->counts[i]; j++)
		{
			int			at = columns_vouch(ts, ts->rows[i], reading_cells(ts, i, j)) ? ts->npossible[i]++ : --behind;

			ts->flags->order[i][at] = (int16_t) j;
			ts->flags->place[i][j] = (int16_t) at;
			ts->flags->in_solution[i][j] = false;
		}
	}
	ts->solved = false;
	search_table(ts);
	for (int i = 0; i < ts->nrows && ts->solutions > 0 && ts->budget >= 0; i++)
		for (int j = 0; j < ts->counts[i] && ts->budget >= 0; j++)
		{
			if (!is_possible(ts, i, j) || ts->flags->in_solution[i][j] || !would_disagree(ts, i, j))
				continue;
			ts->chosen[i] = true;
			ts->choice[i] = j;
			ts->solved = false;
			add_row(ts, ts->rows[i], reading_cells(ts, i, j), 1);
			search_table(ts);
			add_row(ts, ts->rows[i], reading_cells(ts, i, j), -1);
			ts->chosen[i] = false;
			if (!ts->solved && ts->budget >= 0)
				rule_out(ts, i, j);
		}
}

/* Is the row one of the result items (rows 3-23, or the undivided （六）)? */
static bool
is_result_row(int row, bool other_undivided)
{
	if (row == GD_REQ_OTHER_UNDIVIDED)
		return other_undivided;
	if (row >= GD_REQ_ROW_OTHER_FIRST && row <= GD_REQ_ROW_OTHER_LAST)
		return !other_undivided;
	return row > GD_REQ_ROW_CARRIED_OVER && row < GD_REQ_ROW_RESULTS_TOTAL;
}

void
gd_column_weights(int row, bool other_undivided, int64_t coef[2])
{
	coef[0] = is_result_row(row, other_undivided) ? 1 : row == GD_REQ_ROW_RESULTS_TOTAL ? -1 : 0;
	coef[1] = row <= GD_REQ_ROW_CARRIED_OVER ? 1 :
		(row == GD_REQ_ROW_RESULTS_TOTAL || row == GD_REQ_ROW_RESULTS_TOTAL + 1) ? -1 : 0;
}

static void
set_unknown(gd_cell *cells, uint32_t line)
{
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		memset(&cells[c], 0, sizeof(gd_cell));
		cells[c].state = GD_UNREADABLE;
		cells[c].inferred = 1;	/* unknown because glued, not too large */
		cells[c].line = line;
	}
}

/* Does the identity hold on cells, or is its total blank (nothing to check)? */
static bool
identity_allows(const gd_cell *cells, const gd_identity *id)
{
	int64_t		sum = 0;

	if (cells[id->total].state == GD_BLANK)
		return true;
	for (int m = 0; m <= id->count; m++)
	{
		const gd_cell *c = m < id->count ? &cells[id->first + m] : &cells[id->total];

		if (c->state == GD_NUMBER && !summable(c))
			return true;		/* too large to add up: nothing to check */
	}
	for (int m = 0; m < id->count; m++)
		sum += cells[id->first + m].state == GD_NUMBER ? cells[id->first + m].value : 0;
	return sum == (cells[id->total].state == GD_NUMBER ? cells[id->total].value : 0);
}

bool
gd_identities_allow(const gd_cell *cells, const gd_identity *ids, int nids)
{
	for (int k = 0; k < nids; k++)
		if (!identity_allows(cells, &ids[k]))
			return false;
	return true;
}

/* Is cells (width) a reading already among the first found? */
static bool
reading_known(const gd_cell *readings, int found, const gd_cell *cells, int width)
{
	for (int k = 0; k < found; k++)
	{
		bool		same = true;

		for (int c = 0; c < width && same; c++)
		{
			const gd_cell *a = &readings[(size_t) k * (size_t) width + c];

			same = a->state == cells[c].state && a->value == cells[c].value && a->scale == cells[c].scale;
		}
		if (same)
			return true;
	}
	return false;
}

/*
 * The n values into every choice of n of the width cells, in order; the
 * other cells blank, or (rest) the nrest values of another line in order.
 */
static int
place_values(const gd_cell *values, int n, const gd_cell *rest, int nrest, int width, const gd_identity *ids,
			 int nids, gd_cell *readings, int max_readings)
{
	int			found = 0;

	if (width > GD_REQ_COLS || n > width || n <= 0 || (rest != NULL && n + nrest != width))
		return GD_READINGS_TOO_MANY;
	for (unsigned mask = 0; mask < (1u << width); mask++)
	{
		gd_cell		cells[GD_REQ_COLS];
		int			k = 0,
					j = 0;
		bool		fits = true;

		if (__builtin_popcount(mask) != n)
			continue;
		for (int c = 0; c < width; c++)
		{
			if (mask & (1u << c))
			{
				cells[c] = values[k++];
				cells[c].inferred = 1;
			}
			else if (rest != NULL)
			{
				cells[c] = rest[j++];
				cells[c].inferred = 1;
			}
			else
			{
				memset(&cells[c], 0, sizeof(gd_cell));
				cells[c].state = GD_BLANK;
			}
		}
		for (int i = 0; i < nids && fits; i++)
			fits = identity_allows(cells, &ids[i]);
		/* equal values of the two lines swapped make the same reading */
		if (!fits || (rest != NULL && reading_known(readings, found < max_readings ? found : max_readings, cells, width)))
			continue;
		if (found < max_readings)
			memcpy(readings + (size_t) found * (size_t) width, cells, sizeof(gd_cell) * (size_t) width);
		if (++found > max_readings)
			return GD_READINGS_TOO_MANY;
	}
	return found;
}

int
gd_placements(const gd_cell *values, int n, int width, const gd_identity *ids, int nids,
			  gd_cell *readings, int max_readings)
{
	return place_values(values, n, NULL, 0, width, ids, nids, readings, max_readings);
}

/*
 * The n values before a row's total (values[n]) into every choice of n of
 * the cells before it, in order, the others blank, the total in its column.
 */
static int
place_members(const gd_cell *values, int n, gd_cell *readings, int max_readings)
{
	int			found = 0;

	for (unsigned mask = 0; mask < (1u << (GD_REQ_COLS - 1)); mask++)
	{
		gd_cell    *cells = readings + (size_t) found * GD_REQ_COLS;
		int			k = 0;

		if (__builtin_popcount(mask) != n)
			continue;
		if (found++ >= max_readings)
			return GD_READINGS_TOO_MANY;
		for (int c = 0; c < GD_REQ_COLS - 1; c++)
		{
			if (mask & (1u << c))
				cells[c] = values[k++];
			else
			{
				memset(&cells[c], 0, sizeof(gd_cell));
				cells[c].state = GD_BLANK;
			}
		}
		cells[GD_REQ_COLS - 1] = values[n];
	}
	return found;
}

/*
 * Every reading of a run as fewer values than the row has cells (blank cells
 * left no mark): each cut of it into fewer values, placed in every choice of
 * the row's columns in order, the row total holding; or (total_printed: a
 * long run, whose cuts only the total keeps few) the last value the total,
 * in its column, the sum of the others.
 */
static int
fewer_cut_readings(const gd_open_row *o, bool total_printed, gd_cell *readings, int max_readings)
{
	int			found = 0;

	for (int k = 1; k < GD_REQ_COLS; k++)
	{
		gd_cell		cuts[GD_ROW_READINGS_MAX * GD_REQ_COLS];
		gd_identity sum = {(uint8_t) (k - 1), 0, (uint8_t) (k - 1)};
		int			ncuts = gd_glued_readings(o->run, o->len, k, &sum, total_printed, false, cuts, GD_ROW_READINGS_MAX);

		if (ncuts < 0)
			return GD_READINGS_TOO_MANY;
		for (int j = 0; j < ncuts; j++)
		{
			const gd_cell *cut = cuts + (size_t) j * (size_t) k;
			int			n = total_printed ?
				place_members(cut, k - 1, readings + (size_t) found * GD_REQ_COLS, max_readings - found) :
				place_values(cut, k, NULL, 0, GD_REQ_COLS, &gd_request_row_total, 1,
							 readings + (size_t) found * GD_REQ_COLS, max_readings - found);

			if (n < 0)
				return GD_READINGS_TOO_MANY;
			found += n;
		}
	}
	return found;
}

/* Digits and marks of a run: the cells it fills at most. */
static int
run_cells(const gd_open_row *o)
{
	int			n = 0;

	for (int i = 0; i < o->len; i++)
		n += o->run[i] != '|' && o->run[i] != ':';
	return n;
}

int
gd_unreadable_cells(const gd_cell *cells, int n)
{
	int			open = 0;

	for (int i = 0; i < n; i++)
		open += cells[i].state == GD_UNREADABLE;
	return open;
}

/* ---------- rows the column equations settle ---------- */

/* Are all the open row's printed values zeros or placeholders (whichever cells they fill)? */
static bool
adds_nothing(const gd_open_row *o)
{
	for (int i = 0; i < o->len; i++)
		if (o->run[i] != '0' && o->run[i] != 'P' && o->run[i] != 'M' && o->run[i] != '|')
			return false;
	for (int i = 0; i < o->nvalues; i++)
		if (o->values[i].state == GD_NUMBER && o->values[i].value != 0)
			return false;
	return true;
}

/*
 * Is the cell known to the sums: a number that adds up, a placeholder or a
 * blank (0), or a cell of an open row that prints only zeros (0 whichever
 * cells are its blanks)?
 */
static bool
known_to_sums(const gd_cell *c, const gd_open_row *o)
{
	return summable(c) || c->state == GD_PLACEHOLDER || c->state == GD_BLANK ||
		(c->state == GD_UNREADABLE && (o->len > 0 || o->nvalues > 0) && adds_nothing(o));
}

/*
 * The sum, each by its weight, of the cells of column col's equation e
 * (results total, 一 + 二 = 三（七） + 四) but rows a and b; false when one
 * of them is not known to the sums.
 */
static bool
equation_rest(const gd_open_row *rows, const gd_report *r, int col, int e, int a, int b, int64_t *rest)
{
	*rest = 0;
	for (int other = 0; other < GD_REQ_ROWS; other++)
	{
		int64_t		coef[2];
		const gd_cell *c = &r->requests[other][col];

		gd_column_weights(other, r->other_undivided, coef);
		if (other == a || other == b || coef[e] == 0)
			continue;
		if (!known_to_sums(c, &rows[other]))
			return false;
		*rest += coef[e] * (c->state == GD_NUMBER ? c->value : 0);
	}
	return true;
}

/*
 * The value a column equation gives cell (row, col) from every other cell of
 * the equation, all known; false when none does so.
 */
static bool
column_value(const gd_open_row *rows, const gd_report *r, int row, int col, int64_t *value)
{
	int64_t		own[2],
				rest;

	gd_column_weights(row, r->other_undivided, own);
	for (int e = 0; e < 2; e++)
		if (own[e] != 0 && equation_rest(rows, r, col, e, row, -1, &rest))
		{
			*value = -rest * own[e];	/* own[e] is 1 or -1 */
			return true;
		}
	return false;
}

/* Do cells agree with every cell of known that is read (the rest unknown)? */
static bool
agrees_with_known(const gd_cell *cells, const gd_cell *known)
{
	for (int c = 0; c < GD_REQ_COLS; c++)
		if (known[c].state != GD_UNREADABLE &&
			(known[c].state != cells[c].state || known[c].value != cells[c].value))
			return false;
	return true;
}

/* Steps the joint cut of two rows' digits may take (settle_pair): each step is checked against both. */
#define PAIR_SEARCH_BUDGET 20000L

/* Two rows' digits cut together, a cell of each at a time (settle_pair). */
typedef struct pair_search
{
	const gd_open_row *a,
			   *b;
	int64_t		rest[GD_REQ_COLS];	/* the equation of each column: rest + coef_a * a + coef_b * b = 0 */
	int64_t		coef_a[GD_REQ_COLS];
	int64_t		coef_b[GD_REQ_COLS];	/* 1 or -1 */
	gd_cell		cells_a[GD_REQ_COLS],
				cells_b[GD_REQ_COLS];
	gd_cell		found_a[GD_REQ_COLS],
				found_b[GD_REQ_COLS];
	bool		blanks;			/* blank cells leave no mark: a cell of 0 may take no character */
	int			solutions;
	long		budget;
} pair_search;

/* Does value v start run[pos] (a 0 may be a placeholder mark)?  Returns the characters it takes, 0 if not. */
static int
spelled_at(const char *run, int len, int pos, int64_t v, gd_cell *cell)
{
	int			n;

	if (pos < len && (run[pos] == 'P' || run[pos] == 'M') && v == 0)
	{
		cell->state = GD_PLACEHOLDER;
		return 1;
	}
	if (v < 0 || pos + (n = decimal_digits(v)) > len)
		return 0;
	/* compared digit by digit from the last (no formatting: the search asks at every step) */
	for (int64_t i = n - 1, w = v; i >= 0; i--, w /= 10)
		if (run[pos + i] != (char) ('0' + w % 10))
			return 0;
	cell->state = GD_NUMBER;
	return n;
}

/*
 * The ways cells[c..], in order, spell the run from pos exactly: each
 * number's digits (a 0 may be a placeholder mark, then read as one, or with
 * blanks a blank cell that took no character), a cell ending at every '|'.
 * found counts them (2: more than one); the first is kept in first.
 */
static void
spell_run(const char *run, int len, int pos, gd_cell *cells, int c, bool blanks, gd_cell *first, int *found)
{
	int			n;

	if (*found > 1)
		return;
	if (pos < len && run[pos] == '|')
		pos++;
	if (c == GD_REQ_COLS)
	{
		if (pos == len && (*found)++ == 0)
			memcpy(first, cells, sizeof(gd_cell) * GD_REQ_COLS);
		return;
	}
	if ((n = spelled_at(run, len, pos, cells[c].value, &cells[c])) > 0)
		spell_run(run, len, pos + n, cells, c + 1, blanks, first, found);
	if (blanks && cells[c].value == 0)
	{
		cells[c].state = GD_BLANK;
		spell_run(run, len, pos, cells, c + 1, blanks, first, found);
	}
}

/* Do cells spell the run exactly one way (spell_run)?  Then cells get that way's states. */
static bool
run_spells(const char *run, int len, bool blanks, gd_cell *cells)
{
	gd_cell		first[GD_REQ_COLS];
	int			found = 0;

	spell_run(run, len, 0, cells, 0, blanks, first, &found);
	if (found == 1)
		memcpy(cells, first, sizeof(first));
	return found == 1;
}

static void search_pair(pair_search *ps, int c, int pos_a, int pos_b);

/* Row b's cell c for row a's cell c (value va) by the column's equation, then the cells after. */
static void
search_pair_b(pair_search *ps, int c, int pos_a, int pos_b, int64_t va)
{
	gd_cell    *cb = &ps->cells_b[c];
	int			taken;

	cb->value = -(ps->rest[c] + ps->coef_a[c] * va) * ps->coef_b[c];
	if ((taken = spelled_at(ps->b->run, ps->b->len, pos_b, cb->value, cb)) > 0)
		search_pair(ps, c + 1, pos_a, pos_b + taken);
	if (cb->value == 0 && ps->blanks)
	{
		cb->state = GD_BLANK;	/* a blank cell that left no mark */
		search_pair(ps, c + 1, pos_a, pos_b);
	}
}

/*
 * Row a's total, the last cell: no choice but the sum of its cells before
 * (blank, or a placeholder, only for a sum of 0), spelled where the run
 * goes on; then row b's.
 */
static void
pair_total(pair_search *ps, int pos_a, int pos_b)
{
	const char *run = ps->a->run;
	gd_cell    *ca = &ps->cells_a[GD_REQ_COLS - 1];
	int64_t		sum = 0;
	int			taken;

	for (int c = 0; c < GD_REQ_COLS - 1; c++)
		sum += ps->cells_a[c].state == GD_NUMBER ? ps->cells_a[c].value : 0;
	ca->value = sum;
	if (sum == 0 && ps->blanks)
	{
		ca->state = GD_BLANK;	/* a blank cell that left no mark */
		search_pair_b(ps, GD_REQ_COLS - 1, pos_a, pos_b, 0);
	}
	if (pos_a < ps->a->len && (run[pos_a] == 'P' || run[pos_a] == 'M'))
	{
		if (sum == 0)
		{
			ca->state = GD_PLACEHOLDER;
			search_pair_b(ps, GD_REQ_COLS - 1, pos_a + 1, pos_b, 0);
		}
		return;
	}
	/* a cell of up to 9 digits, as the other cells */
	if (sum < 1000000000 && (taken = spelled_at(run, ps->a->len, pos_a, sum, ca)) > 0)
		search_pair_b(ps, GD_REQ_COLS - 1, pos_a + taken, pos_b, sum);
}

static void
search_pair(pair_search *ps, int c, int pos_a, int pos_b)
{
	const char *run = ps->a->run;
	int			len = ps->a->len;
	gd_cell    *ca = &ps->cells_a[c];
	int64_t		va = 0;

	if (--ps->budget < 0 || ps->solutions > 1)
		return;
	if (pos_a < len && run[pos_a] == '|')
		pos_a++;
	if (pos_b < ps->b->len && ps->b->run[pos_b] == '|')
		pos_b++;
	if (c == GD_REQ_COLS)
	{
		if (pos_a == len && pos_b == ps->b->len && gd_row_total_holds(ps->cells_a, GD_REQ_COLS) &&
			gd_row_total_holds(ps->cells_b, GD_REQ_COLS) && ps->solutions++ == 0)
		{
			memcpy(ps->found_a, ps->cells_a, sizeof(ps->found_a));
			memcpy(ps->found_b, ps->cells_b, sizeof(ps->found_b));
		}
		return;
	}
	if (c == GD_REQ_COLS - 1)
	{
		pair_total(ps, pos_a, pos_b);
		return;
	}
	ca->value = 0;
	if (ps->blanks)
	{
		ca->state = GD_BLANK;	/* a blank cell that left no mark */
		search_pair_b(ps, c, pos_a, pos_b, 0);
	}
	if (pos_a < len && (run[pos_a] == 'P' || run[pos_a] == 'M'))
	{
		ca->state = GD_PLACEHOLDER;
		ca->value = 0;
		search_pair_b(ps, c, pos_a + 1, pos_b, 0);
		return;
	}
	for (int l = 1; l <= 9 && pos_a + l <= len; l++)
	{
		if (!gd_is_digit(run[pos_a + l - 1]) || (l > 1 && run[pos_a] == '0'))
			break;
		va = va * 10 + (run[pos_a + l - 1] - '0');
		ca->state = GD_NUMBER;
		ca->value = va;
		search_pair_b(ps, c, pos_a + l, pos_b, va);
	}
}

/*
 * Two rows of glued digits left unknown (一 and 三（七）, say) where every
 * column has an equation holding both, its other cells all known: cut
 * together, each cell of row a giving row b's by the equation, which must
 * spell b's digits there.  Returns whether exactly one joint cut makes both
 * rows' totals hold (both rows are then read).
 */
static bool
settle_pair(const gd_open_row *rows, gd_report *r, int a, int b)
{
	pair_search ps;
	int64_t		wa[2],
				wb[2];

	memset(&ps, 0, sizeof(ps));
	ps.a = &rows[a];
	ps.b = &rows[b];
	ps.budget = PAIR_SEARCH_BUDGET;
	ps.blanks = r->blanks_unmarked;
	gd_column_weights(a, r->other_undivided, wa);
	gd_column_weights(b, r->other_undivided, wb);
	for (int c = 0; c < GD_REQ_COLS; c++)
	{
		int			e = 0;

		while (e < 2 && !(wa[e] != 0 && wb[e] != 0 && equation_rest(rows, r, c, e, a, b, &ps.rest[c])))
			e++;
		if (e == 2)
			return false;
		ps.coef_a[c] = wa[e];
		ps.coef_b[c] = wb[e];
		ps.cells_a[c].inferred = ps.cells_b[c].inferred = 1;
		ps.cells_a[c].line = rows[a].line;
		ps.cells_b[c].line = rows[b].line;
	}
	search_pair(&ps, 0, 0, 0);
	if (ps.budget < 0 || ps.solutions != 1 || !agrees_with_known(ps.found_a, r->requests[a]) ||
		!agrees_with_known(ps.found_b, r->requests[b]))
		return false;
	memcpy(r->requests[a], ps.found_a, sizeof(ps.found_a));
	memcpy(r->requests[b], ps.found_b, sizeof(ps.found_b));
	return true;
}

/* Is the row one of glued digits, as many as its cells or more, with some cell unknown? */
static bool
open_run(const gd_open_row *o, const gd_cell *cells)
{
	return o->len > 0 && gd_unreadable_cells(cells, GD_REQ_COLS) > 0;
}

/*
 * A row of glued digits left unknown (too many readings, or readings the
 * table's combinations disagree on) whose every unknown cell a column
 * equation gives from cells all known: those values, if with the row's
 * known cells they spell its digits exactly and its total holds; or, two
 * such rows sharing their columns' equations, settled together
 * (settle_pair).  Settling rows may settle others: again until none is.
 */
static void
settle_by_columns(const gd_open_row *rows, gd_report *r)
{
	bool		settled = true;

	while (settled)
	{
		bool		open[GD_REQ_ROWS];	/* a row's own cells alone decide it, and settling changes only its own */
		int			nopen = 0;

		for (int row = 0; row < GD_REQ_ROWS; row++)
		{
			open[row] = open_run(&rows[row], r->requests[row]);
			nopen += open[row];
		}
		if (nopen == 0)
			return;				/* no row to settle: a complete table */
		settled = false;
		for (int row = 0; row < GD_REQ_ROWS; row++)
		{
			gd_cell		cells[GD_REQ_COLS];
			bool		given = open[row];

			for (int c = 0; c < GD_REQ_COLS && given; c++)
			{
				cells[c] = r->requests[row][c];
				if (cells[c].state == GD_UNREADABLE)
				{
					memset(&cells[c], 0, sizeof(gd_cell));
					cells[c].state = GD_NUMBER;
					cells[c].inferred = 1;
					cells[c].line = rows[row].line;
					given = column_value(rows, r, row, c, &cells[c].value);
				}
				else if (cells[c].state == GD_PLACEHOLDER || cells[c].state == GD_BLANK)
				{
					cells[c].state = GD_NUMBER;	/* spelled again below: a placeholder stays one */
					cells[c].value = 0;
				}
				else
					given = cells[c].state == GD_NUMBER;
			}
			if (!given || !run_spells(rows[row].run, rows[row].len, r->blanks_unmarked, cells) ||
				!gd_row_total_holds(cells, GD_REQ_COLS))
				continue;
			memcpy(r->requests[row], cells, sizeof(cells));
			settled = true;
		}
		/* no row settled above: every row is as open as before */
		for (int a = 0; a < GD_REQ_ROWS && !settled && nopen > 1; a++)
			for (int b = 0; b < GD_REQ_ROWS && !settled && open[a]; b++)
				settled = a != b && open[b] && settle_pair(rows, r, a, b);
	}
}

/* The problem of an open row no reading of which was kept (found: readings, 0, or too many). */
static void
report_open_row(gd_report *r, int row, const gd_open_row *o, int found)
{
	const char *why = found == 0 ? "no reading makes the row total hold" :
		found < 0 ? "too many readings make the row total hold" :
		"it prints only zeros and marks: which cells are blank is not told";

	if (o->len > 0 && o->len < GD_REQ_COLS)
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, o->line,
					"requests row %s: the digits \"%.*s\" are glued together, fewer than its %d cells: blank cells left no mark (line %u)",
					gd_request_row_keys[row], (int) o->len, o->run, GD_REQ_COLS, o->line);
	else if (o->len > 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, o->line,
					"requests row %s: the digits \"%.*s\" are glued together and %s (line %u)",
					gd_request_row_keys[row], (int) (o->len > 40 ? 40 : o->len), o->run, why, o->line);
	else
		gd_add_problem(r, GD_PROBLEM_ROW_SHORT, o->line,
					"requests row %s: %d values for %d cells, the blank cells unmarked, and %s (line %u)",
					gd_request_row_keys[row], o->nvalues, GD_REQ_COLS, why, o->line);
}

/*
 * The problem of an open row the table's identities left (partly) unknown,
 * naming the row: the search ran out, found no combination, or found several
 * that disagree on undecided of its cells.
 */
static void
report_undecided_row(gd_report *r, int row, const gd_open_row *o, const table_search *ts, int undecided)
{
	const char *key = gd_request_row_keys[row];
	const char *what = o->len > 0 ? "glued digits" : "blank cells that left no mark";

	if (ts->budget < 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, o->line,
					"requests row %s: %s give several readings, too many combinations with %d such rows to try against the identities; left unknown (line %u)",
					key, what, ts->nrows, o->line);
	else if (ts->solutions == 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, o->line,
					"requests row %s: %s give several readings, and none with the other %d such rows makes every column identity hold; left unknown (line %u)",
					key, what, ts->nrows - 1, o->line);
	else if (undecided > 0)
		gd_add_problem(r, GD_PROBLEM_GLUED_DIGITS, o->line,
					"requests row %s: %s give several readings that make every identity hold; the %d cells they disagree on are left unknown (line %u)",
					key, what, undecided, o->line);
}

/*
 * Does a glued row that no cut into all its cells reads (count 0) read as
 * fewer values, the last its total, the rest blank?  Then blank cells left
 * no mark in this table, and a row that a cut into all its cells reads may
 * be read so too.  readings: scratch space for a row's readings.
 */
static bool
shows_unmarked_blanks(const gd_open_row *rows, const int *count, gd_cell readings[][GD_ROW_READINGS_MAX * GD_REQ_COLS])
{
	for (int row = 0; row < GD_REQ_ROWS; row++)
		if (count[row] == 0 && rows[row].len > 0 && run_cells(&rows[row]) >= GD_REQ_COLS &&
			fewer_cut_readings(&rows[row], true, readings[row], GD_ROW_READINGS_MAX) != 0)
			return true;
	return false;
}

/* Row i of the search moved to place kept (kept <= i), as rows leave it. */
static void
keep_search_row(table_search *ts, int i, int kept)
{
	ts->rows[kept] = ts->rows[i];
	ts->readings[kept] = ts->readings[i];
	ts->counts[kept] = ts->counts[i];
}

/*
 * A search of the table's combinations that ran out of steps or found none
 * that holds: again without the rows of more than crowded readings, each
 * left unknown (found: too many), its columns' equations unchecked.
 */
static void
search_without_crowded_rows(table_search *ts, const gd_open_row *rows, gd_report *r, int *found, int crowded)
{
	int			kept = 0;

	for (int i = 0; i < ts->nrows; i++)
	{
		int			row = ts->rows[i];

		if (ts->counts[i] <= crowded)
		{
			keep_search_row(ts, i, kept++);
			continue;
		}
		set_unknown(r->requests[row], rows[row].line);
		found[row] = GD_READINGS_TOO_MANY;
		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			ts->checked[c] &= ts->coef[row][0] == 0;
			ts->checked[GD_REQ_COLS + c] &= ts->coef[row][1] == 0;
		}
	}
	if (kept == ts->nrows)
		return;
	ts->nrows = kept;
	ts->solutions = 0;
	ts->budget = GD_TABLE_SEARCH_BUDGET;
	if (kept > 0)
		solve_table(ts);
}

/* Rows of the search that the column equations settled before it: out of the search. */
static void
drop_settled_rows(table_search *ts, const gd_report *r, bool *searched)
{
	int			kept = 0;

	for (int i = 0; i < ts->nrows; i++)
	{
		int			row = ts->rows[i];

		if (gd_unreadable_cells(r->requests[row], GD_REQ_COLS) == 0)
		{
			searched[row] = false;
			continue;
		}
		keep_search_row(ts, i, kept++);
	}
	ts->nrows = kept;
}

/* Open row o's (a glued run, or values to place) readings into its cells as printed, into readings. */
static int
open_row_readings(const gd_open_row *o, gd_cell *readings)
{
	if (o->len > 0)
		return run_cells(o) < GD_REQ_COLS ? fewer_cut_readings(o, false, readings, GD_ROW_READINGS_MAX) :
			gd_glued_readings(o->run, o->len, GD_REQ_COLS, &gd_request_row_total, 1, false, readings, GD_ROW_READINGS_MAX);
	if (o->split > 0)
		return place_values(o->values, o->split, o->values + o->split, o->nvalues - o->split,
							GD_REQ_COLS, &gd_request_row_total, 1, readings, GD_ROW_READINGS_MAX);
	return gd_placements(o->values, o->nvalues, GD_REQ_COLS, &gd_request_row_total, 1, readings, GD_ROW_READINGS_MAX);
}

void
gd_solve_open_rows(const gd_text *tx, const gd_open_row *rows, gd_report *r)
{
	gd_cell		(*readings)[GD_ROW_READINGS_MAX * GD_REQ_COLS] = NULL;
	table_search ts = {.budget = GD_TABLE_SEARCH_BUDGET};
	int			found[GD_REQ_ROWS];	/* readings of a row none of which was kept, else 1 */
	bool		searched[GD_REQ_ROWS] = {false};	/* rows whose readings the table's combinations chose from */
	int			count[GD_REQ_ROWS];	/* each open row's readings into its cells as printed */
	bool		left_open = false;	/* a row with values left unknown before the search */

	for (int row = 0; row < GD_REQ_ROWS && readings == NULL; row++)
		if (rows[row].len > 0 || rows[row].nvalues > 0)
		{
			readings = gd_alloc(tx, sizeof(*readings) * GD_REQ_ROWS);	/* too large for the stack */
			ts.flags = gd_alloc(tx, sizeof(*ts.flags));
		}
	for (int row = 0; row < GD_REQ_ROWS; row++)
		found[row] = 1;
	for (int row = 0; row < GD_REQ_ROWS; row++)
		gd_column_weights(row, r->other_undivided, ts.coef[row]);
	for (int e = 0; e < EQUATIONS; e++)
		ts.checked[e] = true;
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		count[row] = rows[row].len > 0 || rows[row].nvalues > 0 ? open_row_readings(&rows[row], readings[row]) : 0;
	}
	r->blanks_unmarked = r->blanks_unmarked || shows_unmarked_blanks(rows, count, readings);
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		if (rows[row].len > 0 || rows[row].nvalues > 0)
		{
			const gd_open_row *o = &rows[row];
			int			n = count[row];
			/*
			 * blank cells leave no mark in this table, or in the text of a row of wrapped pieces
			 * (one line each, nothing for a blank): cuts into fewer cells too
			 */
			if (n >= 0 && o->len > 0 && run_cells(o) >= GD_REQ_COLS &&
				(r->blanks_unmarked || memchr(o->run, ':', o->len) != NULL))
			{
				int			fewer = fewer_cut_readings(o, true, readings[row] + (size_t) n * GD_REQ_COLS,
													   GD_ROW_READINGS_MAX - n);

				n = fewer < 0 ? GD_READINGS_TOO_MANY : n + fewer;
			}
			/* one reading decides the row only when the row total checked it */
			if (n == 1 && !leaves_total_blank(readings[row]))
			{
				memcpy(r->requests[row], readings[row], sizeof(gd_cell) * GD_REQ_COLS);
				for (int c = 0; c < GD_REQ_COLS; c++)
					r->requests[row][c].line = o->line;
			}
			else if (n >= 1 && !adds_nothing(o))
			{
				ts.rows[ts.nrows] = row;
				ts.readings[ts.nrows] = readings[row];
				ts.counts[ts.nrows++] = n;
				set_unknown(r->requests[row], o->line);
				searched[row] = true;
			}
			else
			{
				/* a row of zeros with readings: which cells are blank no sum tells, and none needs to */
				set_unknown(r->requests[row], o->line);
				found[row] = n;
				left_open = left_open || !adds_nothing(o);
			}
		}
	}
	/*
	 * a row left unknown (too many readings) whose every cell the column
	 * equations give from printed cells (三（七） from 一 + 二 - 四, say): settled
	 * before the search, its columns' equations then check the search's rows
	 */
	if (left_open && ts.nrows > 0)
	{
		settle_by_columns(rows, r);
		drop_settled_rows(&ts, r, searched);
	}
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		/* every cell is 0 or blank in a row of zeros left unknown: the sums know it */
		if (searched[row] || (gd_unreadable_cells(r->requests[row], GD_REQ_COLS) > 0 &&
							  (rows[row].len > 0 || rows[row].nvalues > 0) && adds_nothing(&rows[row])))
			continue;
		/* known cells enter the equations; an unknown one leaves its column's equations unchecked */
		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			const gd_cell *cell = &r->requests[row][c];

			if (cell->state == GD_UNREADABLE || (cell->state == GD_NUMBER && !summable(cell)) ||
				(cell->state == GD_ABSENT && (ts.coef[row][0] || ts.coef[row][1])))
			{
				ts.checked[c] &= ts.coef[row][0] == 0;
				ts.checked[GD_REQ_COLS + c] &= ts.coef[row][1] == 0;
			}
		}
		add_row(&ts, row, r->requests[row], 1);
	}
	if (ts.nrows > 0)
	{
		ts.budget = GD_TABLE_SEARCH_BUDGET;
		solve_table(&ts);
		/* the rows of most readings left out first, then all but those of few */
		if (ts.budget < 0 || ts.solutions == 0)
			search_without_crowded_rows(&ts, rows, r, found, GD_ROW_READINGS_MANY);
		if (ts.budget < 0 || ts.solutions == 0)
			search_without_crowded_rows(&ts, rows, r, found, GD_ROW_READINGS_FEW);
	}
	for (int i = 0; i < ts.nrows; i++)
	{
		int			row = ts.rows[i];

		for (int c = 0; c < GD_REQ_COLS && ts.budget >= 0 && ts.solutions > 0; c++)
			if (!ts.differs[i][c])
			{
				r->requests[row][c] = ts.readings[i][(size_t) ts.first[i] * GD_REQ_COLS + c];
				r->requests[row][c].line = rows[row].line;
			}
	}
	settle_by_columns(rows, r);
	for (int row = 0; row < GD_REQ_ROWS; row++)
		if (gd_unreadable_cells(r->requests[row], GD_REQ_COLS) == 0)
			continue;
		else if (found[row] != 1 || ((rows[row].len > 0 || rows[row].nvalues > 0) && adds_nothing(&rows[row])))
			report_open_row(r, row, &rows[row], found[row]);
		else if (searched[row])
			report_undecided_row(r, row, &rows[row], &ts, gd_unreadable_cells(r->requests[row], GD_REQ_COLS));
}

/* ---------- what a reading leaves in doubt ---------- */

/* Does a column equation fail with every cell read (blank and placeholders as 0)? */
static bool
column_breaks(const gd_report *r, int col, int equation)
{
	int64_t		sum = 0;

	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		int64_t		coef[2];
		const gd_cell *c = &r->requests[row][col];

		gd_column_weights(row, r->other_undivided, coef);
		if (coef[equation] == 0)
			continue;
		if (c->state == GD_UNREADABLE || c->state == GD_ABSENT || (c->state == GD_NUMBER && !summable(c)))
			return false;		/* not every cell known: nothing to check */
		sum += coef[equation] * (c->state == GD_NUMBER ? c->value : 0);
	}
	return sum != 0;
}

bool
gd_column_breaks(const gd_report *r, int col)
{
	return column_breaks(r, col, 0) || column_breaks(r, col, 1);
}

bool
gd_requests_all_hold(const gd_report *r)
{
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		bool		in_template = row == GD_REQ_OTHER_UNDIVIDED ? r->other_undivided :
			!(r->other_undivided && row >= GD_REQ_ROW_OTHER_FIRST && row <= GD_REQ_ROW_OTHER_LAST);

		if (in_template && (gd_unreadable_cells(r->requests[row], GD_REQ_COLS) > 0 ||
							!gd_row_total_holds(r->requests[row], GD_REQ_COLS)))
			return false;
	}
	for (int col = 0; col < GD_REQ_COLS; col++)
		if (gd_column_breaks(r, col))
			return false;
	return true;
}

int
gd_reading_doubts(const gd_report *r)
{
	static const gd_identity group_total = {GD_REV_OUTCOMES - 1, 0, GD_REV_OUTCOMES - 1};
	int			doubts = !r->has_requests + !r->has_review + !r->has_active;

	doubts += gd_unreadable_cells(r->active, r->active_count) + gd_unreadable_cells(r->review, GD_REV_CELLS);
	for (int g = 0; g < GD_REV_CELLS; g += GD_REV_OUTCOMES)
		doubts += !gd_unreadable_cells(&r->review[g], GD_REV_OUTCOMES) && !identity_allows(&r->review[g], &group_total);
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		int			open = gd_unreadable_cells(r->requests[row], GD_REQ_COLS);

		doubts += open ? open : !identity_allows(r->requests[row], &gd_request_row_total);
	}
	for (int col = 0; col < GD_REQ_COLS; col++)
		doubts += column_breaks(r, col, 0) + column_breaks(r, col, 1);
	return doubts;
}
