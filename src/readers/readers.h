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

/*
 * text_cell.c: the trimmed text s..e of line as a value or label cell into c;
 * false (c a blank cell) when only blanks are there.
 */
bool		gd_text_cell(const gd_text *tx, uint32_t line, size_t s, size_t e, gd_grid_cell *c);
/*
 * End of the token t[ts..te) (e: where the text may be read to): with the label after it when it
 * is an item number set apart from its label ("6 8 、属于行政查询事项", "8" over "、属于…": a
 * converter's text nodes split where the script changes), which is no cell; else te.  *col counts
 * the characters passed.
 */
size_t		gd_item_number_label_end(const char *t, size_t ts, size_t te, size_t e, uint32_t *col);
/*
 * Append c to a grid of text that marks no row ends: label words after a
 * row's values open the next row.  *row_has_value tracks the open row.
 */
void		gd_add_stream_cell(const gd_text *tx, gd_grid *out, const gd_grid_cell *c, bool *row_has_value);
/* Lines [*first, *end) of the text hold region rg. */
void		gd_region_lines(const gd_text *tx, const gd_region *rg, size_t *first, size_t *end);
/* Line li's text within region rg into [*s, *e) (*s > *e: none of it is). */
void		gd_region_line(const gd_text *tx, const gd_region *rg, size_t li, size_t *s, size_t *e);
/*
 * The next line from *li on, before end, that holds some of region rg: its part into [*s, *e)
 * (empty on an empty line) and its work noted; false past the last.
 */
bool		gd_next_region_line(gd_text *tx, const gd_region *rg, size_t *li, size_t end, size_t *s, size_t *e);
/*
 * How many lines of the found regions (regions[GD_REGIONS]) is_line holds for, counted up to
 * at_most (a score need not look further); a line holding several regions counts once.
 */
size_t		gd_count_region_lines(const gd_text *tx, const gd_region *regions,
								  bool (*is_line) (const gd_text *tx, size_t li), size_t at_most);
/* The bytes [*from, *to) of the text the lines of rg hold. */
void		gd_region_text(const gd_text *tx, const gd_region *rg, size_t *from, size_t *to);
/*
 * Does byte c occur on the lines of rg?  One memchr over them: most layouts
 * print no '|' or tab, and the per-line checks for them can be passed over.
 */
bool		gd_region_holds(const gd_text *tx, const gd_region *rg, char c);
/* Does any of the found regions (regions[GD_REGIONS]) hold needle on its lines? */
bool		gd_regions_hold(const gd_text *tx, const gd_region *regions, const char *needle);
/* A walk over the lines of the found regions (regions[GD_REGIONS]), for scores. */
typedef struct gd_line_walk
{
	const gd_text *tx;
	const gd_region *regions;
	int			k;
	size_t		li,
				end;
} gd_line_walk;
void		gd_walk_start(gd_line_walk *w, const gd_text *tx, const gd_region *regions);
/* gd_walk_next at a region's end: on to the next found region. */
bool		gd_walk_next_region(gd_line_walk *w, size_t *li, bool *region_start);

/* The next line into *li, *region_start telling a region's first line; false after the last. */
static inline bool
gd_walk_next(gd_line_walk *w, size_t *li, bool *region_start)
{
	/* inline within a region: every score walks every line */
	if (w->li >= w->end)
		return gd_walk_next_region(w, li, region_start);
	*region_start = false;
	*li = w->li++;
	return true;
}

/*
 * Every line of rg a cell, rows told by their labels; an empty line is a
 * blank cell when blanks_printed, else nothing (and the grid says a blank
 * cell leaves no trace).
 */
void		gd_read_cell_stream(gd_text *tx, const gd_region *rg, bool blanks_printed, gd_grid *out);

/*
 * wrapped.c: the rest of line li's cells wrapped onto the lines after it, in
 * text aligned by display width (up to a blank line or the next row).  For each
 * such line l: piece[l][k] continues li's k-th whitespace-separated token
 * (length 0: nothing), lead[l] is label text left of all of li's tokens (a
 * merged group label).  False when the lines after li are no such pieces.
 */
#define GD_LINE_TOKENS_MAX 64
#define GD_WRAP_LINES_MAX 4
typedef struct gd_wrap
{
	int			nlines;
	gd_span		lead[GD_WRAP_LINES_MAX];
	gd_span		piece[GD_WRAP_LINES_MAX][GD_LINE_TOKENS_MAX];
	/*
	 * lines over li holding the first pieces of its cells (w3m prints a cell taller than its row's
	 * label round the label's line), nabove of them from li - nabove on, between a blank line or
	 * the table's header and li: top[l][k] starts li's k-th token's number
	 */
	int			nabove;
	gd_span		top[GD_WRAP_LINES_MAX][GD_LINE_TOKENS_MAX];
	gd_span		top_label;		/* the first line of li's label, beside the top pieces next to li */
} gd_wrap;
typedef struct gd_piece_cache gd_piece_cache;	/* the lines read last, for the next line's call */
gd_piece_cache *gd_piece_cache_new(const gd_text *tx);
/* Lines before first were read as a row's pieces: no line of li's is looked for there. */
bool		gd_wrapped_pieces(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_wrap *w,
							  gd_piece_cache *cache);
/*
 * How many lines from li on are the top pieces of the cells of the row line after them
 * (gd_wrapped_pieces' nabove for that line, w its reading); 0 when li is no such line.
 */
int			gd_wrap_top_lines(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_wrap *w,
							  gd_piece_cache *cache);
/*
 * The numbers of line li over or under pieces of numbers on the line next to it (lines first to
 * end_line, no blank line between) that gd_wrapped_pieces could not join: numbers wrapped in their
 * cells, spread round their row's line.  Each such token of li (a piece of the next line, or a
 * number the next line's pieces continue) into suspects (GD_LINE_TOKENS_MAX); returns how many.
 * cache: from gd_piece_cache_new, one per region, shared with gd_wrapped_pieces, so that each
 * line is tokenized once.
 */
int			gd_wrap_suspect(const gd_text *tx, size_t li, size_t first, size_t end_line, gd_span *suspects,
							gd_piece_cache *cache);
/* lines.c: page footers of PDF text: "-3-", "- 4 -", "第 5 页", "3 / 12" (a lone number is no footer). */
bool		gd_is_page_footer(const char *t, size_t s, size_t e);

/* The next whitespace-separated token of t[*i, e) into [*ts, *i); false when none is left. */
static inline bool
gd_next_token(const char *t, size_t *i, size_t e, size_t *ts)
{
	while (*i < e && gd_is_blank(t[*i]))
		(*i)++;
	*ts = *i;
	while (*i < e && !gd_is_blank(t[*i]))
		(*i)++;
	return *i > *ts;
}

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
