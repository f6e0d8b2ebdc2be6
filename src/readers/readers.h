/*
 * readers.h - one reader per layout family (SPEC §1), all behind one
 * interface: score() says how well the family fits the table regions,
 * read() turns one region into a grid.  readers.c lists them; adding a
 * family means adding a reader file and one entry there.
 */
#ifndef GD_READERS_H
#define GD_READERS_H

#include "../gd_grid.h"

/*
 * Counts of line kinds over the table regions, taken once for every
 * reader's score: lines split by '|', by tabs, lines that are one value,
 * lines holding three values or more.
 */
typedef struct gd_census
{
	size_t		piped;
	size_t		tabbed;
	size_t		single;
	size_t		multi;
	bool		is_html;		/* normalisation read the input as HTML markup */
} gd_census;

/* Scores: 0 when the family does not fit; the highest wins, ties go to the earlier reader. */
#define GD_SCORE_FITS 100
#define GD_SCORE_FALLBACK 1

typedef struct gd_reader
{
	const char *name;
	gd_layout	layout;			/* what gd_report.layout says when this reader is chosen */
	int			(*score) (const gd_text *tx, const gd_region *regions, const gd_census *census);
	void		(*read) (gd_text *tx, const gd_region *region, const gd_census *census, gd_grid *out);
} gd_reader;

/* How many readers gd_choose_reader ranks: the best, and the runner-up the identities may prefer. */
#define GD_READERS_RANKED 2

/*
 * readers.c: the census of the found regions (regions[GD_REGIONS]), and the
 * readers that fit them, best first (ties to the earlier entry), into ranked;
 * returns how many (at least one: the best, even when nothing fits).
 */
void		gd_take_census(gd_text *tx, const gd_region *regions, bool is_html, gd_census *census);
int			gd_choose_reader(const gd_text *tx, const gd_region *regions, const gd_census *census,
							 const gd_reader *ranked[GD_READERS_RANKED]);

/* cell_per_line.c: does the census say the text holds one cell per line? */
bool		gd_one_cell_per_line(const gd_census *census);

/*
 * lines.c: the line reading the text families share (normalisation makes
 * HTML and pipe rows into tab rows).  A line split by tabs or pipes is a
 * row of cells, another line a row of whitespace-separated tokens; when the
 * census says one cell per line, each line is a cell and blank lines end
 * rows.  Page footers and Markdown rule lines are skipped.
 */
void		gd_read_text_lines(gd_text *tx, const gd_region *region, const gd_census *census, gd_grid *out);
bool		gd_is_pipe_line(const char *t, size_t s, size_t e);
bool		gd_has_inner_tab(const char *t, size_t s, size_t e);

#endif							/* GD_READERS_H */
