/*
 * gd_published.c - the publication date of a report, for LATE.
 *
 * Two sources, in order: the page's metadata (发布时间：2024-01-25, kept by
 * normalisation from a saved web page), and the date under the closing
 * signature (the last lines of the text).  Only a valid calendar date is
 * returned; anything else means "unknown", never a guess.
 */
#include "gd_checks.h"
#include "gd_internal.h"

#include <string.h>

#define SIGNATURE_LINES 12		/* the closing signature is among the last lines */
#define SIGNATURE_PREFIX 90		/* bytes allowed before the date: the body's name */
#define METADATA_WINDOW 65536	/* a page's metadata block is near its top or its foot */

/*
 * Metadata labels, the publication's own first.  All are four ideographs
 * whose third (时 or 日) has the bytes E6 97: the text is searched once,
 * for the 0x97 at LABEL_MARK_AT, not once per label.
 */
static const char *const date_labels[] = {"发布时间", "发布日期", "成文日期"};

#define LABEL_COUNT ((int) (sizeof(date_labels) / sizeof(date_labels[0])))
#define LABEL_BYTES 12
#define LABEL_MARK_AT 7
#define LABEL_MARK 0x97

typedef struct cursor
{
	const char *text;
	size_t		len;
	size_t		at;
} cursor;

static uint32_t
peek(const cursor *c)
{
	size_t		at = c->at;

	return at < c->len ? gd_utf8_next(c->text, c->len, &at) : 0;
}

static void
advance(cursor *c)
{
	if (c->at < c->len)
		(void) gd_utf8_next(c->text, c->len, &c->at);
}

/* Step over the character cp if it comes next; false when something else does. */
static bool
accept(cursor *c, uint32_t cp)
{
	if (peek(c) != cp)
		return false;
	advance(c);
	return true;
}

static void
skip_spaces(cursor *c)
{
	while (peek(c) == ' ' || peek(c) == '\t' || peek(c) == 0x3000)
		advance(c);
}

/* 0-9 for a Chinese numeral digit (〇, 零 and the look-alike ○ are zero), else -1. */
static int
chinese_digit(uint32_t cp)
{
	static const uint32_t digits[10] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};

	if (cp == 0x96F6 || cp == 0x25CB)
		return 0;
	for (int k = 0; k < 10; k++)
		if (digits[k] == cp)
			return k;
	return -1;
}

/* A run of 1..max ASCII digits; -1 when there is none or it is longer. */
static int
arabic_number(cursor *c, int max)
{
	int			value = 0,
				n = 0;

	while (peek(c) >= '0' && peek(c) <= '9')
	{
		if (++n > max)
			return -1;
		value = value * 10 + (int) (peek(c) - '0');
		advance(c);
	}
	return n == 0 ? -1 : value;
}

/* 1..39 in Chinese numerals: 五, 十, 十二, 二十, 二十五 (months and days). */
static int
chinese_small_number(cursor *c)
{
	int			tens = -1,
				units = -1;
	const uint32_t ten = 0x5341;

	if (chinese_digit(peek(c)) > 0)
	{
		units = chinese_digit(peek(c));
		advance(c);
	}
	if (peek(c) == ten)
	{
		tens = units < 0 ? 1 : units;
		units = 0;
		advance(c);
		if (chinese_digit(peek(c)) > 0)
		{
			units = chinese_digit(peek(c));
			advance(c);
		}
	}
	if (units < 0)
		return -1;
	return (tens < 0 ? 0 : tens * 10) + units;
}

static bool
is_valid_date(const gd_date *d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;

	if (d->year < 1990 || d->year > 2100 || d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	return d->day <= days[d->month - 1] && !(d->month == 2 && d->day == 29 && !leap);
}

#define YEAR_CHAR 0x5E74		/* 年 */
#define MONTH_CHAR 0x6708		/* 月 */
#define DAY_CHAR 0x65E5			/* 日 */

/* 2024年1月25日, 2024-01-25, 2024/1/25 or 2024.01.25 (spaces allowed between parts). */
static bool
arabic_date(cursor *c, gd_date *d)
{
	uint32_t	sep;

	if ((d->year = arabic_number(c, 4)) < 1000)
		return false;
	skip_spaces(c);
	sep = peek(c);
	if (sep != YEAR_CHAR && sep != '-' && sep != '/' && sep != '.')
		return false;
	advance(c);
	skip_spaces(c);
	d->month = arabic_number(c, 2);
	skip_spaces(c);
	if (!accept(c, sep == YEAR_CHAR ? MONTH_CHAR : sep))
		return false;
	skip_spaces(c);
	d->day = arabic_number(c, 2);
	skip_spaces(c);
	return (sep != YEAR_CHAR || accept(c, DAY_CHAR)) && is_valid_date(d);
}

/* 二〇二四年一月二十五日 */
static bool
chinese_date(cursor *c, gd_date *d)
{
	d->year = 0;
	for (int k = 0; k < 4; k++)
	{
		int			digit = chinese_digit(peek(c));

		if (digit < 0)
			return false;
		d->year = d->year * 10 + digit;
		advance(c);
	}
	if (!accept(c, YEAR_CHAR))
		return false;
	d->month = chinese_small_number(c);
	if (!accept(c, MONTH_CHAR))
		return false;
	d->day = chinese_small_number(c);
	return accept(c, DAY_CHAR) && is_valid_date(d);
}

/* A date starting at c->at, in either script; c is left after it. */
static bool
date_at(cursor *c, gd_date *d)
{
	size_t		start = c->at;

	if (arabic_date(c, d))
		return true;
	c->at = start;
	if (chinese_date(c, d))
		return true;
	c->at = start;
	return false;
}

/* The date after a metadata label ending at `at`: 发布时间：2024-01-25 (a time of day may follow). */
static bool
date_after_label(const char *text, size_t len, size_t at, gd_date *out)
{
	cursor		c = {text, len, at};

	skip_spaces(&c);
	if (peek(&c) == ':' || peek(&c) == 0xFF1A)
		advance(&c);
	skip_spaces(&c);
	return date_at(&c, out);
}

/* The date after the first label (in date_labels' order) that has one, at its first such place. */
static bool
labelled_date(const char *text, size_t len, gd_date *out)
{
	int			found = LABEL_COUNT;	/* the label whose date *out holds */
	const char *mark;

	for (size_t at = LABEL_MARK_AT; found > 0 && at < len &&
		 (mark = memchr(text + at, LABEL_MARK, len - at)) != NULL; at = (size_t) (mark - text) + 1)
	{
		size_t		start = (size_t) (mark - text) - LABEL_MARK_AT;
		gd_date		d;

		if (start + LABEL_BYTES > len)
			break;
		for (int k = 0; k < found; k++)
			if (memcmp(text + start, date_labels[k], LABEL_BYTES) == 0)
			{
				if (date_after_label(text, len, start + LABEL_BYTES, &d))
				{
					found = k;
					*out = d;
				}
				break;
			}
	}
	return found < LABEL_COUNT;
}

/*
 * Could text[0..len) hold a date?  One needs 年 (its last byte 0xB4) or its
 * separator '-', '.' or '/' twice (a last byte 0x2D..0x2F, or 0xAD..0xAF
 * when overlong).
 */
static bool
may_hold_date(const char *text, size_t len)
{
	int			separators = 0;

	for (size_t k = 0; k < len; k++)
	{
		unsigned char low = (unsigned char) text[k] & 0x7F;

		if ((unsigned char) text[k] == 0xB4 || (low >= '-' && low <= '/' && ++separators == 2))
			return true;
	}
	return false;
}

/* The date a line ends with, after at most SIGNATURE_PREFIX bytes of the body's name. */
static bool
line_ending_date(const char *text, size_t begin, size_t end, gd_date *out)
{
	while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
		end--;
	/* a date ends with 日 or a digit */
	if (end == begin || !(gd_is_digit(text[end - 1]) || (end - begin >= 3 && memcmp(text + end - 3, "日", 3) == 0)) ||
		!may_hold_date(text + begin, end - begin))
		return false;
	for (size_t at = begin; at < end && at - begin <= SIGNATURE_PREFIX;)
	{
		cursor		c = {text, end, at};
		uint32_t	cp = gd_utf8_next(text, end, &at);

		/* a date starts with a digit of either script */
		if (((cp >= '0' && cp <= '9') || chinese_digit(cp) >= 0) && date_at(&c, out) && c.at == end)
			return true;
	}
	return false;
}

/* Where the line ending at `end` begins; eight bytes a step while none is a line end (prose lines are long). */
static size_t
line_begin(const char *text, size_t end)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	size_t		begin = end;

	for (; begin >= 8; begin -= 8)
	{
		uint64_t	w;

		memcpy(&w, text + begin - 8, sizeof(w));
		w ^= ones * '\n';
		if (((w - ones) & ~w & (ones << 7)) != 0)
			break;				/* a byte of w was '\n' */
	}
	while (begin > 0 && text[begin - 1] != '\n')
		begin--;
	return begin;
}

/* The last of the last SIGNATURE_LINES non-empty lines (in the foot of the text) that ends with a date. */
static bool
signature_date(const char *text, size_t len, gd_date *out)
{
	size_t		end = len;

	for (int lines = 0; end > 0 && lines < SIGNATURE_LINES && len - end < METADATA_WINDOW;)
	{
		size_t		begin = line_begin(text, end);

		if (begin < end)
		{
			lines++;
			if (line_ending_date(text, begin, end, out))
				return true;
		}
		end = begin > 0 ? begin - 1 : 0;
	}
	return false;
}

/*
 * Only the head and the foot of the text are searched, so the cost does not
 * grow with the text (a 100 MB paste costs what a report costs).
 */
bool
gd_published(const char *text, size_t len, gd_date *out)
{
	size_t		head = len < METADATA_WINDOW ? len : METADATA_WINDOW;
	size_t		foot = len - head < METADATA_WINDOW ? len - head : METADATA_WINDOW;

	return labelled_date(text, head, out) || labelled_date(text + len - foot, foot, out)
		|| signature_date(text, len, out);
}
