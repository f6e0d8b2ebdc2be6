/*
 * html.c - HTML pages.  Normalisation turns the markup into text with a tab
 * between cells and a line per row, which the shared line reading reads.
 */
#include "readers.h"

static int
score_html(const gd_text *tx, const gd_region *regions, const gd_census *census)
{
	(void) tx;
	(void) regions;
	return census->is_html ? GD_SCORE_FITS : 0;
}

const gd_reader gd_reader_html = {"html", GD_LAYOUT_HTML, score_html, gd_read_text_lines};
