/*
 * gd_title.c - the title line, the reporting body (org) and the year, from
 * the title block (the text before section 1).
 *
 * Takes the text and r->section_content[0]; returns r->title, title_text,
 * org_text and year.
 */
#include "gd_internal.h"

#include <string.h>

/* Drop leading markup ("## ", "* ", "> ") from a folded title line. */
static const char *
strip_markup(const char *s, size_t *n)
{
	while (*n > 0 && strchr("#*>-=_|:", *s) != NULL)
	{
		s++;
		(*n)--;
	}
	return s;
}

/* Offset of a "20xx年" in folded text, with the year; -1 when absent. */
static long
find_year(const char *s, size_t n, int *year)
{
	for (size_t i = 0; i + 4 < n; i++)
		if (s[i] == '2' && (s[i + 1] == '0' || s[i + 1] == '1') &&
			gd_is_digit(s[i + 2]) && gd_is_digit(s[i + 3]) &&
			gd_starts_with(s + i + 4, n - i - 4, "年") && (i == 0 || !gd_is_digit(s[i - 1])))
		{
			*year = (int) gd_digits_value(s + i, 4);
			return (long) i;
		}
	return -1;
}

/* Returns the title and org through the pointers; NULL when not found. */
static void
find_title(const gd_text *tx, gd_report *r, const char **title, size_t *title_len,
		   const char **org, size_t *org_len)
{
	size_t		block_end = r->section_content[0].len;
	size_t		budget = 8192;	/* bytes of non-blank lines to look at */
	size_t		prev_line = SIZE_MAX;

	*title = *org = NULL;
	*title_len = *org_len = 0;
	for (size_t li = 0; li < tx->nlines && tx->lines[li].start < block_end; li++)
	{
		size_t		s = tx->lines[li].start,
					e = tx->lines[li].end;
		size_t		fl;
		char	   *f;
		long		ypos;
		int			year = 0;

		/* blank lines (markup that left only line breaks) cost no budget */
		if (gd_only_blanks(tx->t, s, e))
			continue;
		if (budget == 0)
			break;
		if (e - s > 600)
		{
			/* a title is short: cut a long line at a character boundary */
			e = s + 600;
			while (e > s && ((unsigned char) tx->t[e] & 0xC0) == 0x80)
				e--;
		}
		budget -= budget < e - s ? budget : e - s;
		f = gd_copy_folded(tx, tx->t + s, e - s, &fl);
		f = (char *) strip_markup(f, &fl);
		if (fl == 0)
			continue;
		if (gd_last_occurrence_end(f, fl, "年度报告") < 0)
		{
			prev_line = li;
			continue;
		}
		ypos = find_year(f, fl, &year);
		if (ypos < 0 && !gd_contains(f, fl, "政府信息公开"))
			continue;			/* a bare "年度报告" (an HTML <title>, a running head) */
		r->year = year;
		r->title.off = s;
		r->title.len = e - s;
		*title = f;
		*title_len = fl;
		if (ypos > 0)
		{
			*org = f;
			*org_len = (size_t) ypos;
		}
		else if (ypos == 0)
		{
			/* "2023年度某某局政府信息公开工作年度报告" */
			size_t		from = 4 + strlen("年");
			long		stop = -1;

			if (gd_starts_with(f + from, fl - from, "度"))
				from += strlen("度");
			for (size_t i = from; i + strlen("政府信息公开") <= fl; i++)
				if (memcmp(f + i, "政府信息公开", strlen("政府信息公开")) == 0)
				{
					stop = (long) i;
					break;
				}
			if (stop > (long) from)
			{
				*org = f + from;
				*org_len = (size_t) stop - from;
			}
		}
		if (*org_len == 0 && prev_line != SIZE_MAX)
		{
			size_t		ps = tx->lines[prev_line].start,
						pe = tx->lines[prev_line].end;
			size_t		pl;
			const char *pf = gd_copy_folded(tx, tx->t + ps, pe - ps, &pl);

			pf = strip_markup(pf, &pl);
			if (pl > 0 && pl <= 120 && !gd_contains(pf, pl, "。"))
			{
				char	   *joined = gd_alloc(tx, pl + fl + 1);

				memcpy(joined, pf, pl);
				memcpy(joined + pl, f, fl);
				joined[pl + fl] = '\0';
				*org = pf;
				*org_len = pl;
				*title = joined;
				*title_len = pl + fl;
				r->title.off = ps;
				r->title.len = e - ps;
			}
		}
		return;
	}
}


void
gd_find_title(const gd_text *tx, gd_report *r)
{
	find_title(tx, r, &r->title_text, &r->title_text_len, &r->org_text, &r->org_text_len);
}
