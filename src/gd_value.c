/*
 * gd_value.c - one printed table value (a number, a placeholder) as a gd_cell.
 */
#include "gd_internal.h"

#include <string.h>

#define MARK_IN_RUN (GD_STARTS_MARK | GD_STARTS_GLUED_RUN)

/* The first bytes of the marks below, and of digits. */
const uint8_t gd_byte_starts[256] = {
	['0'] = GD_STARTS_GLUED_RUN, ['1'] = GD_STARTS_GLUED_RUN, ['2'] = GD_STARTS_GLUED_RUN,
	['3'] = GD_STARTS_GLUED_RUN, ['4'] = GD_STARTS_GLUED_RUN, ['5'] = GD_STARTS_GLUED_RUN,
	['6'] = GD_STARTS_GLUED_RUN, ['7'] = GD_STARTS_GLUED_RUN, ['8'] = GD_STARTS_GLUED_RUN,
	['9'] = GD_STARTS_GLUED_RUN,
	['-'] = MARK_IN_RUN, ['/'] = MARK_IN_RUN, ['\\'] = MARK_IN_RUN, ['~'] = MARK_IN_RUN,
	[0xC3] = MARK_IN_RUN,		/* × */
	[0xE2] = MARK_IN_RUN,		/* – — ― ─ */
	[0xE6] = GD_STARTS_MARK,	/* 无, a word's first byte too */
};

/*
 * The marks: - / \ ~ — – ― ─ 无 ×.  Decided by their bytes, without a
 * search: label text is scanned for marks at every character.
 */
size_t
gd_placeholder_mark(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	if (n == 0 || !gd_may_start_mark(s[0]))
		return 0;
	switch (u[0])
	{
		case '-':
		case '/':
		case '\\':
		case '~':
			return 1;
		case 0xC3:				/* × U+00D7 */
			return n >= 2 && u[1] == 0x97 ? 2 : 0;
		case 0xE6:				/* 无 U+65E0 */
			return n >= 3 && u[1] == 0x97 && u[2] == 0xA0 ? 3 : 0;
		case 0xE2:				/* – — ― U+2013..U+2015, ─ U+2500 */
			return n >= 3 && ((u[1] == 0x80 && u[2] >= 0x93 && u[2] <= 0x95) || (u[1] == 0x94 && u[2] == 0x80)) ? 3 : 0;
		default:
			return 0;			/* not reached: gd_may_start_mark */
	}
}

static bool
is_placeholder(const char *s, size_t n)
{
	int			count = 0;

	if (n > (size_t) 3 * GD_PLACEHOLDER_MARKS_MAX)
		return false;			/* marks of up to three bytes */
	while (n > 0)
	{
		size_t		used = gd_placeholder_mark(s, n);

		if (!used || ++count > GD_PLACEHOLDER_MARKS_MAX)
			return false;
		s += used;
		n -= used;
	}
	return count > 0;
}

/* A ',' between digit groups of three: "1,234". */
static bool
is_thousands_separator(const char *s, size_t n, size_t i)
{
	for (size_t k = 1; k <= 3; k++)
		if (i + k >= n || s[i + k] < '0' || s[i + k] > '9')
			return false;
	return i + 4 >= n || s[i + 4] < '0' || s[i + 4] > '9';
}

/* Digits that always fit an int64_t (18: 10^18 - 1 < INT64_MAX). */
#define PLAIN_DIGITS_MAX 18

bool
gd_parse_value(const char *s, size_t n, gd_cell *cell)
{
	/* every unit is one three-byte character */
	static const char *const units[] = {"件", "条", "个", "项", "次", "元"};
	size_t		i = 0;
	bool		neg = false,
				overflow = false,
				any = false,
				point = false;
	uint64_t	v = 0;
	int			decimals = 0;

	memset(cell, 0, sizeof(*cell));
	if (n == 0)
		return false;
	if (n == 3 && (unsigned char) s[0] >= 0xE2 && (memcmp(s, "〇", 3) == 0 || memcmp(s, "○", 3) == 0))
	{
		cell->state = GD_NUMBER;	/* a zero some offices type as the numeral (二〇二四年 is no cell) */
		return true;
	}
	/* a value starts with a digit, a sign or a mark: label words end here */
	if (!gd_is_digit(s[0]) && s[0] != '+' && !gd_may_start_mark(s[0]))
		return false;
	if (!gd_is_digit(s[0]) && is_placeholder(s, n))
	{
		cell->state = GD_PLACEHOLDER;
		return true;
	}
	if (n <= PLAIN_DIGITS_MAX)
	{
		/* most cells: plain digits, too few to overflow, read in one pass */
		uint64_t	d = 0;
		size_t		k = 0;

		while (k < n && gd_is_digit(s[k]))
			d = d * 10 + (uint64_t) (s[k++] - '0');
		if (k == n)
		{
			cell->state = GD_NUMBER;
			cell->value = (int64_t) d;
			return true;
		}
	}
	if (s[0] == '-' || s[0] == '+')
	{
		neg = (s[0] == '-');
		i = 1;
	}
	for (; i < n; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			any = true;
			if (point && decimals >= 6)
				continue;		/* finer than that carries no meaning here */
			/* the first test spares the division on all but the longest numbers */
			if (v > ((uint64_t) INT64_MAX - 9) / 10 && v > ((uint64_t) INT64_MAX - (uint64_t) (c - '0')) / 10)
				overflow = true;
			else
				v = v * 10 + (uint64_t) (c - '0');
			if (point)
				decimals++;
		}
		else if (c == ',' && any && !point && is_thousands_separator(s, n, i))
			continue;
		else if (c == '.' && any && !point && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
			point = true;
		else
			break;
	}
	if (!any)
		return false;
	if (i < n)
	{
		bool		unit = false;

		for (size_t k = 0; k < sizeof(units) / sizeof(units[0]) && n - i == 3; k++)
			if (memcmp(s + i, units[k], 3) == 0)
				unit = true;
		if (!unit)
			return false;
	}
	cell->scale = (uint8_t) decimals;
	if (overflow)
	{
		cell->state = GD_UNREADABLE;
		return true;
	}
	cell->state = GD_NUMBER;
	cell->value = neg ? -(int64_t) v : (int64_t) v;
	return true;
}

bool
gd_is_cut_number(const char *s, size_t n)
{
	bool		digit = false,
				separator = false;

	for (size_t i = 0; i < n;)
	{
		if (gd_is_digit(s[i]))
			digit = true, i++;
		else if (s[i] == ',' || s[i] == ' ')
			separator = true, i++;
		else if (gd_starts_with(s + i, n - i, "，"))
			separator = true, i += strlen("，");
		else
			return false;
	}
	return digit && separator;
}

/*
 * Are the digits of s[0..n) split by spaces into pieces no thousands grouping
 * makes ("45 7", "12 3 4"), so numbers of several cells?
 */
static bool
several_numbers(const char *s, size_t n)
{
	int			pieces = 0;
	bool		grouped = true;

	for (size_t i = 0; i < n;)
	{
		size_t		len = 0;

		if (s[i] == ' ')
		{
			i++;
			continue;
		}
		while (i + len < n && gd_is_digit(s[i + len]))
			len++;
		if (len == 0)
			return false;		/* a comma: a number cut at its separator */
		grouped = grouped && (pieces == 0 ? len <= 3 : len == 3);
		pieces++;
		i += len;
	}
	return pieces > 1 && !grouped;
}

void
gd_cut_number_cell(gd_cell *c, uint32_t line, const char *s, size_t n)
{
	memset(c, 0, sizeof(*c));
	c->state = GD_UNREADABLE;
	c->value = s != NULL && several_numbers(s, n) ? GD_VALUE_CELLS_RUN_TOGETHER : GD_VALUE_CUT_NUMBER;
	c->line = line;
}

int64_t
gd_digits_value(const char *d, int len)
{
	int64_t		v = 0;

	for (int i = 0; i < len; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}
