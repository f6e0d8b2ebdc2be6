/*
 * gd_segment.c - find the report's parts in the normalised text: the title
 * block and the six sections by their headings' words (numbers are often
 * lost), and the regions of the three tables.
 *
 * Takes the text and its line index; returns section spans in gd_report and
 * table regions (gd_region).
 */
#include "gd_template.h"

#include <string.h>

#define HEADING_MAX 96			/* folded bytes: longer lines are prose */
#define HEADING_PREFIX_MAX 15	/* folded bytes before the words: "（一）", "第一部分" */
#define HEADING_SUFFIX_MAX 12	/* folded bytes after them: "：", "（续）" */

/*
 * Does s hold the 3-byte character ch?  Searched by its last byte: lead
 * bytes are shared by thousands of characters, last bytes far less often.
 */
static bool
holds_character(const char *s, size_t n, const char *ch)
{
	if (n < 3)
		return false;
	for (const char *hit = s + 2; (hit = memchr(hit, ch[2], n - (size_t) (hit - s))) != NULL; hit++)
		if (hit[-2] == ch[0] && hit[-1] == ch[1])
			return true;
	return false;
}

/*
 * Cheap test before folding: a heading holds the first and the last
 * character of one of its phrases unbroken (folding only drops whitespace
 * between characters).  The phrases are made of 3-byte characters.
 */
static bool
line_may_hold_phrase(const char *s, size_t n, const char *const *phrases)
{
	for (int j = 0; j < GD_HEADING_PHRASES && phrases[j]; j++)
	{
		size_t		pl = strlen(phrases[j]);

		if (holds_character(s, n, phrases[j]) && holds_character(s, n, phrases[j] + pl - 3))
			return true;
	}
	return false;
}

/*
 * A heading is a short line made of the heading's words, with at most a
 * numbering before them: prose that merely mentions the words (a wrapped
 * PDF line is short too) does not start with them.
 */
static bool
line_is_heading(const gd_text *tx, size_t li, int sec)
{
	char		buf[HEADING_MAX + 1];
	size_t		s = tx->lines[li].start,
				e = tx->lines[li].end;
	size_t		k;

	if (e - s > (size_t) 4 * HEADING_MAX || !line_may_hold_phrase(tx->t + s, e - s, gd_heading_phrases[sec]))
		return false;
	k = gd_fold(tx->t + s, e - s, buf, sizeof(buf));
	if (k > HEADING_MAX || k == 0)
		return false;
	for (int j = 0; j < GD_HEADING_PHRASES && gd_heading_phrases[sec][j]; j++)
	{
		size_t		pl = strlen(gd_heading_phrases[sec][j]);

		for (size_t at = 0; at <= HEADING_PREFIX_MAX && at + pl <= k; at++)
			if (memcmp(buf + at, gd_heading_phrases[sec][j], pl) == 0)
				return k - at - pl <= HEADING_SUFFIX_MAX;
	}
	return false;
}

/*
 * The first line from line `from` on that is a heading of section sec, or
 * nlines.  A heading holds the last character of one of its phrases, and
 * all phrases of a section end in the same one (况 or 项): only the lines
 * holding it are tested, found by a memchr over the text for its last byte.
 */
static size_t
find_heading_line(gd_text *tx, size_t from, int sec)
{
	const char *const *phrases = gd_heading_phrases[sec];
	const char *last = phrases[0] + strlen(phrases[0]) - 3;
	size_t		at = from < tx->nlines ? tx->lines[from].start : tx->n;
	size_t		li = from;

	for (int j = 1; j < GD_HEADING_PHRASES && phrases[j]; j++)
		if (memcmp(phrases[j] + strlen(phrases[j]) - 3, last, 3) != 0)
		{
			/* phrases with different last characters: test every line */
			for (; li < tx->nlines; li++)
			{
				gd_note_work(tx, tx->lines[li].end - tx->lines[li].start + 1);
				if (line_is_heading(tx, li, sec))
					return li;
			}
			return li;
		}
	while (li < tx->nlines && at + 3 <= tx->n)
	{
		const char *hit = memchr(tx->t + at + 2, last[2], tx->n - at - 2);
		size_t		ch;

		if (hit == NULL)
			break;
		ch = (size_t) (hit - tx->t) - 2;
		gd_note_work(tx, ch + 1 - at);
		at = ch + 1;
		if (hit[-2] != last[0] || hit[-1] != last[1])
			continue;
		while (li < tx->nlines && tx->lines[li].end < ch + 3)
			li++;				/* the line holding the character */
		if (li == tx->nlines)
			break;
		if (line_is_heading(tx, li, sec))
			return li;
		at = tx->lines[li].end;
		li++;
	}
	return tx->nlines;
}

/*
 * Only the first of several copies is read (a page that repeats its report,
 * two reports pasted together); a later heading of section 3 says so.
 */
static void
report_second_copy(const gd_text *tx, gd_report *r)
{
	const char *ph = gd_heading_phrases[3][0];
	size_t		at;

	if (!r->section_found[3])
		return;
	at = r->section_content[3].off + r->section_content[3].len;
	while ((at = gd_find_phrase(tx, at, tx->n, ph)) < tx->n)
	{
		uint32_t	line = gd_line_of(tx, at);

		if (line_is_heading(tx, line - 1, 3))
		{
			gd_add_problem(r, GD_PROBLEM_DUPLICATE_TABLE, line,
						"the text holds a second copy of section 3 (line %u); only the first copy is read",
						line);
			return;
		}
		at += strlen(ph);
	}
}

/* Is the phrase at [at, at + len) one item of a list in prose: "、" or "和" right before or after it? */
static bool
in_list(const gd_text *tx, size_t at, size_t len)
{
	static const char *const joins[] = {"、", "和", "，"};

	for (size_t k = 0; k < sizeof(joins) / sizeof(joins[0]); k++)
	{
		size_t		jl = strlen(joins[k]);

		if ((at >= jl && memcmp(tx->t + at - jl, joins[k], jl) == 0) ||
			gd_starts_with(tx->t + at + len, tx->n - at - len, joins[k]))
			return true;
	}
	return false;
}

/*
 * Find the section headings in order, by their words (numbers are often
 * lost).  A heading is a short line; in collapsed text, where there are no
 * short lines, the longer phrases are looked for anywhere.
 */
void
gd_find_sections(gd_text *tx, gd_report *r)
{
	size_t		from_line = 0;
	size_t		from_off = 0;

	for (int sec = 1; sec < GD_SECTIONS; sec++)
	{
		size_t		li = find_heading_line(tx, from_line, sec);

		if (li < tx->nlines)
		{
			r->section_found[sec] = true;
			r->section_heading[sec].off = tx->lines[li].start;
			r->section_heading[sec].len = tx->lines[li].end - tx->lines[li].start;
			from_line = li + 1;
			from_off = tx->lines[li].end;
		}
		if (!r->section_found[sec] && sec >= 2)
		{
			/* the numberings of a heading: "二、", "（二）" (normalised "(二)"), "2.", "2、" */
			static const char *const numerals[][GD_SECTIONS] = {
				{"", "一、", "二、", "三、", "四、", "五、", "六、"},
				{"", "(一)", "(二)", "(三)", "(四)", "(五)", "(六)"},
				{"", "1.", "2.", "3.", "4.", "5.", "6."},
				{"", "1、", "2、", "3、", "4、", "5、", "6、"}
			};
			const char *ph = gd_heading_phrases[sec][0];
			char		numbered[64];
			size_t		hit = tx->n;

			/* prose names the sections too ("全文包括…"): a numbered heading first */
			for (size_t k = 0; k < sizeof(numerals) / sizeof(numerals[0]) && hit == tx->n; k++)
			{
				size_t		nl = strlen(numerals[k][sec]),
							pl = strlen(gd_heading_phrases[sec][0]);

				if (nl + pl >= sizeof(numbered))
					continue;
				memcpy(numbered, numerals[k][sec], nl);
				memcpy(numbered + nl, gd_heading_phrases[sec][0], pl + 1);
				hit = gd_find_phrase(tx, from_off, tx->n, numbered);
				if (hit < tx->n)
					ph = numbered;
			}
			/* else the words, where they are not one of a list ("…总体情况、主动公开政府信息情况、…") */
			for (size_t at = from_off; hit == tx->n && (at = gd_find_phrase(tx, at, tx->n, ph)) < tx->n;
				 at += strlen(ph))
				if (!in_list(tx, at, strlen(ph)))
					hit = at;

			if (hit < tx->n)
			{
				r->section_found[sec] = true;
				r->section_heading[sec].off = hit;
				r->section_heading[sec].len = strlen(ph);
				from_off = r->section_heading[sec].off + strlen(ph);
				from_line = gd_line_of(tx, from_off);
			}
		}
	}
	/* contents run from a heading to the next heading found */
	for (int sec = 0; sec < GD_SECTIONS; sec++)
	{
		size_t		begin = sec == 0 ? 0 : r->section_heading[sec].off + r->section_heading[sec].len;
		size_t		end = tx->n;

		if (sec > 0 && !r->section_found[sec])
			continue;
		for (int nx = sec + 1; nx < GD_SECTIONS; nx++)
			if (r->section_found[nx])
			{
				end = r->section_heading[nx].off;
				break;
			}
		if (begin > end)
			begin = end;
		r->section_content[sec].off = begin;
		r->section_content[sec].len = end - begin;
	}
	r->section_found[0] = true;
	report_second_copy(tx, r);
}

/* Offset of the line holding the first occurrence of phrase in [from, to), or to. */
static size_t
anchor_line_start(const gd_text *tx, size_t from, size_t to, const char *phrase)
{
	size_t		i = gd_find_phrase(tx, from, to, phrase);
	size_t		li;

	if (i == to)
		return to;
	li = gd_line_of(tx, i) - 1;
	return tx->lines[li].start > from ? tx->lines[li].start : from;
}

static gd_region
section_region(const gd_text *tx, const gd_report *r, int sec, size_t fallback_from,
			   const char *const *anchors)
{
	gd_region	rg = {0, 0, false};

	if (r->section_found[sec])
	{
		rg.start = r->section_content[sec].off;
		rg.end = rg.start + r->section_content[sec].len;
		rg.found = true;
		return rg;
	}
	{
		size_t		at = tx->n;

		/* the earliest of the words that open the table */
		for (int k = 0; anchors[k]; k++)
		{
			size_t		hit = anchor_line_start(tx, fallback_from, at, anchors[k]);

			if (hit < at)
				at = hit;
		}
		if (at < tx->n)
		{
			size_t		end = tx->n;

			for (int nx = sec + 1; nx < GD_SECTIONS; nx++)
				if (r->section_found[nx] && r->section_heading[nx].off > at)
				{
					end = r->section_heading[nx].off;
					break;
				}
			rg.start = at;
			rg.end = end;
			rg.found = true;
		}
	}
	return rg;
}


/* Does a line (from its first non-blank byte) open a note: "注：", "备注：", "说明：" (either colon)? */
static bool
opens_note(const char *s, size_t n)
{
	static const char *const marks[] = {"注", "备注", "说明"};

	/* every mark starts with a three-byte character: most lines fail its bytes at once */
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]) && n >= 3; k++)
		if (memcmp(s, marks[k], 3) == 0 && gd_starts_with(s, n, marks[k]))
		{
			size_t		l = strlen(marks[k]);

			return gd_starts_with(s + l, n - l, "：") || gd_starts_with(s + l, n - l, ":");
		}
	return false;
}

/* Does t[s..e) hold an ASCII digit?  Eight bytes a step: lines of words hold none. */
static bool
holds_digit(const char *t, size_t s, size_t e)
{
	const uint64_t low7 = GD_BYTES_OF(0x7F);

	for (; s + 8 <= e; s += 8)
	{
		uint64_t	w,
					x;

		memcpy(&w, t + s, sizeof(w));
		x = w & low7;
		/* a byte above '/' and below ':' with its high bit clear sets its high bit here */
		if (((GD_BYTES_OF(127 + ':') - x) & ~w & (x + GD_BYTES_OF(127 - '/'))) & GD_BYTES_OF(0x80))
			return true;
	}
	for (; s < e; s++)
		if (gd_is_digit(t[s]))
			return true;
	return false;
}

/*
 * A note under a table ("注：本表…12366…") ends it: its words and numbers
 * are no row's (a stream reader would take them for a wrapped label's).
 * Only after a line with digits: a note above the table ("注：单位为件")
 * ends nothing.
 */
static void
end_at_note(const gd_text *tx, gd_region *rg)
{
	bool		digits = false;

	if (!rg->found)
		return;
	for (size_t li = gd_line_of(tx, rg->start) - 1; li < tx->nlines && tx->lines[li].start < rg->end; li++)
	{
		size_t		s = tx->lines[li].start > rg->start ? tx->lines[li].start : rg->start,
					e = tx->lines[li].end < rg->end ? tx->lines[li].end : rg->end;

		while (s < e && gd_is_blank(tx->t[s]))
			s++;
		if (digits && opens_note(tx->t + s, e - s))
		{
			rg->end = s;
			return;
		}
		digits = digits || holds_digit(tx->t, s, e);
	}
}

void
gd_find_table_regions(const gd_text *tx, const gd_report *r, gd_region *regions)
{
	gd_region  *active = &regions[GD_REGION_ACTIVE],
			   *requests = &regions[GD_REGION_REQUESTS],
			   *review = &regions[GD_REGION_REVIEW];

	*requests = section_region(tx, r, 3, 0, gd_request_anchors);
	*review = section_region(tx, r, 4, requests->found ? requests->start : 0, gd_review_anchors);
	if (requests->found && review->found && review->start > requests->start &&
		requests->end > review->start)
		requests->end = review->start;
	*active = section_region(tx, r, 2, 0, gd_active_anchors);
	if (active->found && requests->found && active->start < requests->start &&
		active->end > requests->start)
		active->end = requests->start;
	if (active->found && requests->found && active->start >= requests->start)
		active->found = false;	/* an anchor inside the requests table */
	for (int k = 0; k < GD_REGIONS; k++)
		end_at_note(tx, &regions[k]);
}
