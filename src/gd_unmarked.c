/*
 * gd_unmarked.c - the requests table's printed values taken in template
 * order when its blank cells left no mark (a PDF's text in reading order,
 * pdftotext with no mode flag: a blank cell is no paragraph at all).  Which
 * cells were blank is searched row by row: every row's total must hold
 * with the row's values where its cells not blank are, and every column's
 * equations with the whole table.  A value printed beside label words (the
 * label's block and the first column's cell side by side on one line) may
 * stand anywhere in the order: it is tried as the first cell of every row.
 * So may the few values after the table's last words (a label block read
 * after the cells beside it): in order, a run of them in any row's cells.
 * A cell is read when every reading so found gives it the same number (a
 * blank cell is no 0); the cells the readings disagree on are unknown.
 *
 * The search is bounded: a partial reading is searched on from a row only
 * once for each position in the values and each state of the column sums
 * (its readings merely differ above that row), and a search that runs out
 * of steps or of room decides nothing.
 */
#include "gd_internal.h"
#include "gd_solve.h"
#include "gd_template.h"

#include <string.h>

#define UNMARKED_STEPS_MAX 1000000
#define SEEN_SLOTS 8192			/* partial readings remembered (a power of two) */
#define BLANKS_MAX GD_REQ_COLS	/* more blank cells than a row's: too many placings agree by chance */
#define FLOATING_MAX 4			/* values beside label words tried in every row (more: taken in order) */
#define TAIL_MAX 3				/* values after the last words tried in every row (more: taken in order) */
#define SUMMABLE_MAX INT64_C(1000000000000)

typedef struct unmarked_search
{
	gd_report  *r;
	gd_cell		values[GD_REQ_TEMPLATE_ROWS * GD_REQ_COLS];	/* the values in order, floating ones left out */
	int			n;
	gd_cell		floating[FLOATING_MAX];	/* the values beside label words */
	int			nfloating;
	gd_cell		tail[TAIL_MAX];	/* values after the table's last words, in order, any row's */
	int			ntail;
	int			rows[GD_REQ_TEMPLATE_ROWS];	/* r's row of each template row in print order */
	int			nrows;
	int64_t		sums[GD_REQ_TEMPLATE_ROWS + 1][2][GD_REQ_COLS];	/* column equations' sums above each row */
	long		steps;
	bool		gave_up;		/* out of steps or of room: decide nothing */
	bool		found;
	gd_cell		reading[GD_REQ_ROWS][GD_REQ_COLS];	/* the first reading found */
	bool		differs[GD_REQ_ROWS][GD_REQ_COLS];	/* readings found disagree on the cell */
	uint64_t	seen[SEEN_SLOTS];	/* (row, position, floating used, sums) searched on; 0 free */
	bool		seen_read[SEEN_SLOTS];	/* and some reading was found from there */
	int			nseen;
} unmarked_search;

/* A cell's number for telling readings apart: a zero mark reads as 0, a blank cell as none. */
static int64_t
reading_of(const gd_cell *c)
{
	return c->state == GD_NUMBER ? c->value : c->state == GD_BLANK ? INT64_MIN : 0;
}

/* The slot of the partial reading (row k, value at, floating used, sums above k); -1 when out of room. */
static int
seen_slot(unmarked_search *s, int k, int at, unsigned used, bool *seen)
{
	uint64_t	h = UINT64_C(14695981039346656037) ^ ((uint64_t) k << 48) ^ ((uint64_t) at << 32) ^ used;
	size_t		i;

	/* FNV-1a over the sums: the column equations are all the rows above k weigh on below it */
	for (int e = 0; e < 2; e++)
		for (int col = 0; col < GD_REQ_COLS; col++)
		{
			h ^= (uint64_t) s->sums[k][e][col];
			h *= UINT64_C(1099511628211);
		}
	h |= 1;
	for (i = (size_t) (h >> 7) & (SEEN_SLOTS - 1); s->seen[i] != 0; i = (i + 1) & (SEEN_SLOTS - 1))
		if (s->seen[i] == h)
		{
			*seen = true;
			return (int) i;
		}
	*seen = false;
	if (s->nseen >= SEEN_SLOTS / 2)
		return -1;
	s->seen[i] = h;
	s->nseen++;
	return (int) i;
}

/* Rows [0, upto) of the print order as r holds them now into what the readings agree on. */
static void
note_rows(unmarked_search *s, int upto)
{
	for (int k = 0; k < upto; k++)
	{
		int			row = s->rows[k];

		for (int col = 0; col < GD_REQ_COLS; col++)
			if (!s->found)
				s->reading[row][col] = s->r->requests[row][col];
			else if (reading_of(&s->reading[row][col]) != reading_of(&s->r->requests[row][col]))
				s->differs[row][col] = true;
	}
	s->found = true;
}

/*
 * Row k's cells: its first from floating value first (-1: from the values in order), the cells in
 * blank_cols blank, the cells in tail_cols the tail's from tail value at_tail on, the rest the values
 * in order from at on.  Where the values in order end.
 */
static int
fill_row(unmarked_search *s, gd_cell *row, int first, unsigned blank_cols, unsigned tail_cols, int at_tail, int at)
{
	for (int col = 0; col < GD_REQ_COLS; col++)
	{
		if (col == 0 && first >= 0)
			row[col] = s->floating[first];
		else if (tail_cols & (1u << col))
			row[col] = s->tail[at_tail++];
		else if (blank_cols & (1u << col))
		{
			row[col] = s->values[at < s->n ? at : s->n - 1];
			row[col].state = GD_BLANK;
			row[col].value = 0;
		}
		else
			row[col] = s->values[at++];
		row[col].inferred = 1;
	}
	return at;
}

static bool search_rows(unmarked_search *s, int k, int at, int blanks, unsigned used, int at_tail);

/* Row k read as r holds it: on to the rows under it.  Did some reading come of it? */
static bool
search_below(unmarked_search *s, int k, int next, int blanks, unsigned used, int at_tail)
{
	const gd_cell *row = s->r->requests[s->rows[k]];
	int64_t		coef[2];

	if (!gd_row_total_holds(row, GD_REQ_COLS))
		return false;
	gd_column_weights(s->rows[k], s->r->other_undivided, coef);
	for (int e = 0; e < 2; e++)
		for (int col = 0; col < GD_REQ_COLS; col++)
			s->sums[k + 1][e][col] = s->sums[k][e][col] + coef[e] * (row[col].state == GD_NUMBER ? row[col].value : 0);
	return search_rows(s, k + 1, next, blanks, used, at_tail);
}

/*
 * Template rows k on from value at on, with blanks blank cells among them, the floating values not
 * in used and the tail from at_tail on to place.  Did some reading come of it?
 */
static bool
search_rows(unmarked_search *s, int k, int at, int blanks, unsigned used, int at_tail)
{
	gd_cell    *row;
	bool		seen,
				any = false;
	int			slot;

	if (k == s->nrows)
	{
		for (int e = 0; e < 2; e++)
			for (int col = 0; col < GD_REQ_COLS; col++)
				if (s->sums[k][e][col] != 0 || at != s->n || used != (1u << s->nfloating) - 1 || at_tail != s->ntail)
					return false;
		note_rows(s, k);
		return true;
	}
	slot = seen_slot(s, k, at, used | ((unsigned) at_tail << 8), &seen);
	if (slot < 0)
		s->gave_up = true;
	if (s->gave_up)
		return false;
	if (seen)
	{
		/* the rows under k read as before: only the rows above may differ */
		if (s->seen_read[slot])
			note_rows(s, k);
		return s->seen_read[slot];
	}
	row = s->r->requests[s->rows[k]];
	for (int first = -1; first < s->nfloating && !s->gave_up; first++)
	{
		if (first >= 0 && (used & (1u << first)))
			continue;
		/* a run of the tail's values in cells tail_from on, tail_len of them (0: none) */
		for (int tail_len = 0; tail_len <= s->ntail - at_tail && !s->gave_up; tail_len++)
			for (int tail_from = first >= 0; tail_from + tail_len <= GD_REQ_COLS && !s->gave_up;
				 tail_from += tail_len > 0 ? 1 : GD_REQ_COLS)
			{
				unsigned	tail_cols = ((1u << tail_len) - 1) << tail_from,
							taken = tail_cols | (first >= 0 ? 1u : 0u);

				for (unsigned blank_cols = 0; blank_cols < (1u << GD_REQ_COLS) && !s->gave_up; blank_cols++)
				{
					int			nblank = __builtin_popcount(blank_cols),
								next;

					if ((blank_cols & taken) || nblank > blanks ||
						at + GD_REQ_COLS - nblank - __builtin_popcount(taken) > s->n)
						continue;
					s->gave_up = ++s->steps > UNMARKED_STEPS_MAX;
					next = fill_row(s, row, first, blank_cols, tail_cols, at_tail, at);
					any |= search_below(s, k, next, blanks - nblank, first >= 0 ? used | (1u << first) : used,
										at_tail + tail_len);
				}
			}
	}
	s->seen_read[slot] = any;
	return any;
}

bool
gd_read_unmarked_blanks(const gd_text *tx, gd_report *r, const gd_cell *values, const bool *beside_label, int n,
						int ntail, bool undivided)
{
	unmarked_search *s;
	int			nbeside = 0,
				cells = (undivided ? GD_REQ_TEMPLATE_ROWS - (GD_REQ_ROW_OTHER_LAST - GD_REQ_ROW_OTHER_FIRST) :
						 GD_REQ_TEMPLATE_ROWS) * GD_REQ_COLS;

	if (n <= 0 || n > cells || cells - n > BLANKS_MAX)
		return false;
	for (int i = 0; i < n; i++)
	{
		if (values[i].state == GD_NUMBER && (values[i].scale != 0 || values[i].value > SUMMABLE_MAX))
			return false;		/* the sums would not hold it */
		nbeside += beside_label[i];
	}
	s = gd_alloc(tx, sizeof(unmarked_search));	/* too large for the stack */
	memset(s, 0, sizeof(*s));
	s->r = r;
	if (ntail > TAIL_MAX)
		ntail = 0;
	for (int i = 0; i < n; i++)
	{
		if (i >= n - ntail)
			s->tail[s->ntail++] = values[i];
		else if (beside_label[i] && nbeside <= FLOATING_MAX)
			s->floating[s->nfloating++] = values[i];
		else
			s->values[s->n++] = values[i];
	}
	for (int row = 0; row < GD_REQ_TEMPLATE_ROWS; row++)
	{
		if (undivided && row > GD_REQ_ROW_OTHER_FIRST && row <= GD_REQ_ROW_OTHER_LAST)
			continue;
		s->rows[s->nrows++] = undivided && row == GD_REQ_ROW_OTHER_FIRST ? GD_REQ_OTHER_UNDIVIDED : row;
	}
	memset(r->requests, 0, sizeof(r->requests));
	r->other_undivided = undivided;
	search_rows(s, 0, 0, cells - n, 0, 0);
	if (!s->found || s->gave_up)
		return false;
	memcpy(r->requests, s->reading, sizeof(s->reading));
	for (int k = 0; k < s->nrows; k++)
		for (int col = 0; col < GD_REQ_COLS; col++)
			if (s->differs[s->rows[k]][col])
			{
				r->requests[s->rows[k]][col].state = GD_UNREADABLE;
				r->requests[s->rows[k]][col].value = 0;
			}
	return true;
}

void
gd_report_unmarked_doubts(gd_report *r)
{
	for (int row = 0; row < GD_REQ_ROWS; row++)
	{
		int			open = gd_unreadable_cells(r->requests[row], GD_REQ_COLS);

		if (open > 0)
			gd_add_problem(r, GD_PROBLEM_ROW_SHORT, r->requests[row][0].line,
						"requests row %s: blank cells that left no mark (text out of row order) may be %d of its cells; which is unknown (line %u)",
						gd_request_row_keys[row], open, r->requests[row][0].line);
	}
}
