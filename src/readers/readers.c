/*
 * readers.c - the registry of readers, and the census their scores read.
 *
 * To add a layout family: write readers/FAMILY.c defining a gd_reader, and
 * list it in `readers` below.  Order breaks ties between equal scores.
 */
#include "readers.h"

extern const gd_reader gd_reader_html;
extern const gd_reader gd_reader_box_drawn;
extern const gd_reader gd_reader_bar_lines;
extern const gd_reader gd_reader_pipe_lines;
extern const gd_reader gd_reader_pipe_rows;
extern const gd_reader gd_reader_tbl_blocks;
extern const gd_reader gd_reader_tab_rows;
extern const gd_reader gd_reader_paragraphs;
extern const gd_reader gd_reader_cell_lines;
extern const gd_reader gd_reader_cell_per_line;
extern const gd_reader gd_reader_overprinted;
extern const gd_reader gd_reader_space_aligned;
extern const gd_reader gd_reader_collapsed;

static const gd_reader *const readers[] = {
	&gd_reader_html,
	&gd_reader_box_drawn,
	&gd_reader_bar_lines,
	&gd_reader_pipe_lines,
	&gd_reader_pipe_rows,
	&gd_reader_tbl_blocks,
	&gd_reader_tab_rows,
	&gd_reader_paragraphs,
	&gd_reader_cell_lines,
	&gd_reader_cell_per_line,
	&gd_reader_overprinted,
	&gd_reader_space_aligned,
	&gd_reader_collapsed,
};

int
gd_choose_reader(const gd_text *tx, const gd_region *regions, const gd_census *census,
				 const gd_reader *ranked[GD_READERS_RANKED])
{
	int			scores[GD_READERS_RANKED] = {0};
	int			n = 0;

	/* insertion by score, an equal score after the earlier entry; the first entry stands when none fits */
	for (size_t k = 0; k < sizeof(readers) / sizeof(readers[0]); k++)
	{
		int			score = readers[k]->score(tx, regions, census);
		int			at = n < GD_READERS_RANKED ? n : GD_READERS_RANKED - 1;

		if (score <= 0 && n > 0)
			continue;
		if (n == GD_READERS_RANKED && score <= scores[at])
			continue;
		while (at > 0 && scores[at - 1] < score)
		{
			ranked[at] = ranked[at - 1];
			scores[at] = scores[at - 1];
			at--;
		}
		ranked[at] = readers[k];
		scores[at] = score;
		n += n < GD_READERS_RANKED;
	}
	return n > 1 && scores[n - 1] <= 0 ? n - 1 : n;
}

/* Three values or more on a line: a row of a space-aligned table. */
static bool
holds_several_values(gd_text *tx, size_t s, size_t e)
{
	const char *t = tx->t;
	int			values = 0;
	gd_cell		v;
	size_t		i = s,
				ts;

	while (values < 3 && gd_next_token(t, &i, e, &ts))
	{
		gd_note_work(tx, GD_TOKEN_WORK);
		values += gd_parse_value(t + ts, i - ts, &v);
	}
	return values >= 3;
}

void
gd_take_census(gd_text *tx, const gd_region *regions, bool is_html, gd_census *census)
{
	const char *t = tx->t;
	gd_width_votes *widths = NULL;	/* made at the first row of values: most texts need none */

	census->piped = census->tabbed = census->single = census->multi = 0;
	census->is_html = is_html;
	for (int k = 0; k < GD_REGIONS; k++)
	{
		bool		bars,
					tabs;

		if (!regions[k].found)
			continue;
		bars = gd_region_holds(tx, &regions[k], '|') || gd_region_holds(tx, &regions[k], '!');
		tabs = gd_region_holds(tx, &regions[k], '\t');
		for (size_t li = gd_line_of(tx, regions[k].start) - 1; li < tx->nlines; li++)
		{
			size_t		s = tx->lines[li].start,
						e = tx->lines[li].end;
			gd_cell		v;

			if (s >= regions[k].end)
				break;
			gd_note_work(tx, e - s + 1);
			if (bars && gd_is_pipe_line(t, s, e))
			{
				census->piped++;
				continue;
			}
			while (s < e && gd_is_blank(t[s]))
				s++;
			while (e > s && gd_is_blank(t[e - 1]))
				e--;
			/* a tab after the text alone ends it (text nodes joined by tabs): no row of cells */
			if (tabs && gd_has_inner_tab(t, s, e))
			{
				census->tabbed++;
				continue;
			}
			if (s < e && gd_parse_value(t + s, e - s, &v))
			{
				census->single++;
				continue;
			}
			if (gd_holds_blank(t, s, e) && holds_several_values(tx, s, e))
			{
				census->multi++;
				if (widths == NULL)
					widths = gd_width_votes_new(tx);
				gd_width_vote(tx, widths, li);
			}
		}
	}
	if (widths != NULL)
		gd_width_decide(tx, widths);
}
