/*
 * gd_normalize.c - one pass over the raw bytes that removes the differences
 * between layouts that carry no meaning: full-width digits and punctuation,
 * exotic spaces, CRLF, BOM, Word bookmark artefacts, and HTML markup (tags
 * become line and cell breaks, entities are decoded).
 */
#include "gd_internal.h"

#include <stddef.h>
#include <string.h>

/*
 * Tables nest (a CMS lays the page out in a table around the report's own);
 * each depth's table is followed: its open cell, so that the lines of a cell
 * (its <p>, <br>, source line breaks) become one line of text and a row of
 * the table stays one line; and which grid columns cells of rows above cover
 * (rowspan), so that a row missing a cell there gets an empty cell in its
 * place and its values keep their columns.  Deeper nesting or wider tables
 * than this are not followed.
 */
#define TABLE_DEPTH_MAX 32
#define TABLE_COLS_MAX 64
/* A cell holding more text than this is page layout, not a table cell: its lines stay lines. */
#define CELL_TEXT_MAX 4096
/* The longest name of a tag that is more than markup (blockquote). */
#define KNOWN_TAG_LEN_MAX 10

typedef struct table_state
{
	size_t		cell_start;		/* output offset where the open cell's text starts */
	bool		cell_open;
	bool		cell_holds_table;	/* a table nested inside: its rows are lines */
	bool		row_open;
	uint16_t	col;			/* grid column of the row's next cell */
	uint16_t	width;			/* columns any cell of the table has reached */
	uint16_t	rows_left[TABLE_COLS_MAX];	/* rows (this one too) a cell placed above covers */
} table_state;

typedef struct norm_state
{
	char	   *out;
	size_t		n;
	bool		html;
	bool		markdown;		/* Markdown: inline marks dropped; with markup inside, line breaks outside tables are layout */
	bool		no_more_gt;		/* no '>' is left in the input: '<' is text */
	size_t		in_pos;			/* input bytes consumed before the markup being handled */
	size_t		table_depth;	/* <table> open now; 0 outside every table */
	bool		in_layout_grid;	/* inside a one-column Markdown grid table (a page's layout) */
	const char *layout_bar;		/* the closing '|' of the current line of that table */
	bool		span_open;		/* a Markdown span's or link's "[" is read, its "]" not yet */
	size_t		span_out;		/* output offset where that span's text starts */
	uint32_t	tag_initials[KNOWN_TAG_LEN_MAX + 1];	/* [length]: bit c - 'a' when a known tag starts with c */
	const gd_options *opt;
	size_t		cap;			/* bytes out can hold */
	uint8_t    *folded;			/* gd_text.folded, allocated at the first fold */
	uint8_t    *wide_spaces;	/* gd_text.wide_spaces, allocated at the first */
	table_state tables[TABLE_DEPTH_MAX];	/* each depth's table; [0] holds cells outside any */
} norm_state;

/* Do the n bytes at s spell `lower` in letters of either case? */
static bool
equals_ascii_ci(const char *s, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]) != lower[i])
			return false;
	return true;
}

size_t
gd_find_ascii_ci(const char *s, size_t len, const char *needle)
{
	size_t		nlen = strlen(needle);
	bool		starts_with_letter = needle[0] >= 'a' && needle[0] <= 'z';

	if (nlen == 0 || nlen > len)
		return len;
	for (size_t i = 0; i + nlen <= len; i++)
	{
		if (!starts_with_letter)
		{
			/* a byte that is no letter is found as it is: jump to the next one (script bodies are long) */
			const char *first = memchr(s + i, needle[0], len - nlen + 1 - i);

			if (first == NULL)
				return len;
			i = (size_t) (first - s);
		}
		if (equals_ascii_ci(s + i, needle, nlen))
			return i;
	}
	return len;
}

static void
put(norm_state *st, char c)
{
	st->out[st->n++] = c;
}

/* Set bit i of a map of output bytes (gd_text.folded, gd_text.wide_spaces), allocated at its first mark. */
static void
mark_byte(norm_state *st, uint8_t **map, size_t i)
{
	if (*map == NULL)
	{
		*map = st->opt->alloc(st->opt->alloc_ctx, st->cap / 8 + 1);
		memset(*map, 0, st->cap / 8 + 1);
	}
	(*map)[i >> 3] |= (uint8_t) (1u << (i & 7));
}

static void
mark_folded(norm_state *st, size_t i)
{
	mark_byte(st, &st->folded, i);
}

/* Put c for a full-width form, noting the display column it loses (text aligned by width keeps its columns). */
static void
put_folded(norm_state *st, char c)
{
	mark_folded(st, st->n);
	put(st, c);
}

/* Take back the last byte put, and its fold mark: the byte put there next may be no fold. */
static void
unput(norm_state *st)
{
	st->n--;
	if (st->folded != NULL)
		st->folded[st->n >> 3] &= (uint8_t) ~(1u << (st->n & 7));
	if (st->wide_spaces != NULL)
		st->wide_spaces[st->n >> 3] &= (uint8_t) ~(1u << (st->n & 7));
}

/* Bytes of the digit at p (ASCII or full-width), 0 when none. */
static size_t
digit_len(const unsigned char *p, size_t avail)
{
	if (avail >= 1 && p[0] >= '0' && p[0] <= '9')
		return 1;
	return avail >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99 ? 3 : 0;
}

/*
 * Is the full-width comma at p a thousands separator ("1，234", typed with a
 * Chinese input method): a digit before it, exactly three after?
 */
static bool
fullwidth_thousands_comma(const norm_state *st, const unsigned char *p, size_t avail)
{
	size_t		at = 3,
				k;

	if (st->n == 0 || st->out[st->n - 1] < '0' || st->out[st->n - 1] > '9')
		return false;
	for (int d = 0; d < 3; d++, at += k)
		if (at >= avail || (k = digit_len(p + at, avail - at)) == 0)
			return false;
	return at >= avail || digit_len(p + at, avail - at) == 0;
}

/* The ideograph for the radical E2 p[1] p[2] (U+2E80..U+2FD5), 0 for none or another character. */
static unsigned
radical_ideograph(const unsigned char *p)
{
	if (p[1] < 0xBA || p[1] > 0xBF || (p[2] & 0xC0) != 0x80)
		return 0;
	return gd_radical_ideograph(0x2000u | (unsigned) (p[1] & 0x3F) << 6 | (unsigned) (p[2] & 0x3F));
}

/*
 * A line holding only "\\ ": an escaped space (groff's unpaddable space,
 * Markdown's non-breaking one) that pandoc prints for a cell holding a
 * non-breaking space.
 */
static bool
escaped_space_line(const norm_state *st, const unsigned char *p, size_t avail)
{
	return avail >= 2 && p[1] == ' ' && (avail == 2 || p[2] == '\n' || p[2] == '\r') &&
		(st->n == 0 || st->out[st->n - 1] == '\n');
}

/*
 * Copy one UTF-8 sequence (or a stray byte) starting at p, mapping it.
 * Returns the number of input bytes consumed.
 */
static size_t
map_char(norm_state *st, const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];

	if (c < 0x80)
	{
		size_t		used = 1;

		if (c == '\r')
		{
			c = '\n';			/* CR LF, or CR alone: one line end */
			used = (avail > 1 && p[1] == '\n') ? 2 : 1;
		}
		else if (c == '\f' && st->n > 0 && st->out[st->n - 1] == '\n')
		{
			/* a page break opening a line (pdftotext's): no blank line, a table row may go on over it; the line end is marked */
			mark_folded(st, st->n - 1);
			return 1;
		}
		else if (c == '\f' || c == '\v')
			c = '\n';
		else if (c < 0x20 && c != '\t' && c != '\n')
			c = ' ';
		else if (c == '\\' && escaped_space_line(st, p, avail))
		{
			c = ' ';			/* a blank cell's mark, not the placeholder \ */
			used = 2;
		}
		if (st->html && (c == '\n' || c == '\t') && !(st->markdown && st->table_depth == 0))
			c = ' ';			/* markup source formatting is not layout */
		put(st, (char) c);
		return used;
	}
	if (c == 0xC2 && avail >= 2 && p[1] == 0xA0)
	{
		/* NBSP: two bytes where a converter counting bytes laid out the line (Debian's html2text) */
		mark_byte(st, &st->wide_spaces, st->n);
		put(st, ' ');
		return 2;
	}
	if (avail >= 3)
	{
		if (c == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
		{
			put_folded(st, (char) ('0' + (p[2] - 0x90)));	/* full-width digits */
			return 3;
		}
		if (c == 0xEF && p[1] == 0xBC)
		{
			static const char fw[] = {
				/* U+FF08 '(' U+FF09 ')' U+FF0D '-' U+FF0E '.' U+FF0F '/' */
				[0x88 - 0x80] = '(', [0x89 - 0x80] = ')', [0x8D - 0x80] = '-',
				[0x8E - 0x80] = '.', [0x8F - 0x80] = '/', [0x8B - 0x80] = '+'
			};
			unsigned	k = (unsigned) p[2] - 0x80;

			if (p[2] >= 0x80 && k < sizeof(fw) && fw[k])
			{
				put_folded(st, fw[k]);
				return 3;
			}
		}
		if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C && fullwidth_thousands_comma(st, p, avail))
		{
			put_folded(st, ',');
			return 3;
		}
		if (c == 0xEF && p[1] == 0xBD && p[2] == 0x9C)
		{
			put_folded(st, '|');	/* full-width vertical bar */
			return 3;
		}
		if (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
			return 3;			/* BOM, wherever it stands */
		if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		{
			put_folded(st, ' ');	/* ideographic space */
			return 3;
		}
		if (c == 0xE2 && p[1] == 0x80 && p[2] >= 0x80 && p[2] <= 0x8A)
		{
			put(st, ' ');		/* en/em/thin spaces */
			return 3;
		}
		if (c == 0xE2 && p[1] == 0x80 && p[2] >= 0x8B && p[2] <= 0x8D)
			return 3;			/* zero-width space and joiners */
		if (c == 0xE2 && radical_ideograph(p) != 0)
		{
			unsigned	cp = radical_ideograph(p);	/* a PDF font's radical for an ideograph */

			put(st, (char) (0xE0 | (cp >> 12)));
			put(st, (char) (0x80 | ((cp >> 6) & 0x3F)));
			put(st, (char) (0x80 | (cp & 0x3F)));
			return 3;
		}
	}
	put(st, (char) c);
	return 1;
}

/*
 * The length of a character led by C2, E2, E3 or EF that map_char leaves as
 * it is (most CJK punctuation: 、。，：（）), so a copied run need not stop
 * there; 0 for one it maps.  Keep in step with map_char.
 */
static size_t
unmapped_sequence_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];

	if (c == 0xC2)
		return avail >= 2 && (p[1] & 0xC0) == 0x80 && p[1] != 0xA0 ? 2 : 0;
	if ((c != 0xE2 && c != 0xE3 && c != 0xEF) || avail < 3 ||
		(p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	if (c == 0xE2)
		return (p[1] == 0x80 && p[2] <= 0x8D) || radical_ideograph(p) != 0 ? 0 : 3;
	if (c == 0xE3)
		return p[1] == 0x80 && p[2] == 0x80 ? 0 : 3;
	if (p[1] == 0xBC)
		return (p[2] >= 0x90 && p[2] <= 0x99) || p[2] == 0x88 || p[2] == 0x89 || p[2] == 0x8B ||
			p[2] == 0x8D || p[2] == 0x8E || p[2] == 0x8F || (p[2] == 0x8C && digit_len(p + 3, avail - 3) > 0) ? 0 : 3;
	return (p[1] == 0xBD && p[2] == 0x9C) || (p[1] == 0xBB && p[2] == 0xBF) ? 0 : 3;
}

/* Encode a code point from an HTML entity and map it like literal text. */
static void
put_codepoint(norm_state *st, unsigned long cp)
{
	unsigned char u[4];
	size_t		n;

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80)
	{
		u[0] = (unsigned char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		u[0] = (unsigned char) (0xC0 | (cp >> 6));
		u[1] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		u[0] = (unsigned char) (0xE0 | (cp >> 12));
		u[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		u[0] = (unsigned char) (0xF0 | (cp >> 18));
		u[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		u[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		u[3] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	for (size_t i = 0; i < n;)
		i += map_char(st, u + i, n - i);
}

/*
 * Decode an entity at p ('&').  Returns bytes consumed, or 0 when it is not
 * an entity (then '&' is literal).  A decoded entity is never longer than
 * its source, so the output still fits.
 */
static size_t
decode_entity(norm_state *st, const char *p, size_t avail)
{
	static const struct
	{
		const char *name;
		unsigned long cp;
	}			named[] = {
		{"nbsp", 0xA0}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'},
		{"quot", '"'}, {"apos", '\''}, {"ensp", 0x2002}, {"emsp", 0x2003},
		{"thinsp", 0x2009}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
		{"mdash", 0x2014}, {"ndash", 0x2013}, {"middot", 0xB7},
		{"hellip", 0x2026}
	};
	size_t		end = 1;

	while (end < avail && end < 12 && p[end] != ';')
		end++;
	if (end >= avail || p[end] != ';' || end < 2)
		return 0;
	if (p[1] == '#')
	{
		unsigned long cp = 0;
		bool		hex = (p[2] == 'x' || p[2] == 'X');
		size_t		i = hex ? 3 : 2;

		if (i >= end)
			return 0;
		for (; i < end; i++)
		{
			char		ch = p[i];
			int			d;

			if (ch >= '0' && ch <= '9')
				d = ch - '0';
			else if (hex && ch >= 'a' && ch <= 'f')
				d = ch - 'a' + 10;
			else if (hex && ch >= 'A' && ch <= 'F')
				d = ch - 'A' + 10;
			else
				return 0;
			cp = cp * (hex ? 16 : 10) + (unsigned long) d;
			if (cp > 0x10FFFF)
				cp = 0x110000;	/* clamp: becomes U+FFFD */
		}
		put_codepoint(st, cp);
		return end + 1;
	}
	for (size_t k = 0; k < sizeof(named) / sizeof(named[0]); k++)
	{
		size_t		nl = strlen(named[k].name);

		if (nl == end - 1 && memcmp(p + 1, named[k].name, nl) == 0)
		{
			put_codepoint(st, named[k].cp);
			return end + 1;
		}
	}
	return 0;
}

/* What a tag does to the text. */
typedef enum tag_kind
{
	TAG_OTHER,					/* nothing: dropped */
	TAG_LINE,					/* a line break */
	TAG_CELL,					/* td, th */
	TAG_ROW,					/* tr */
	TAG_TABLE,
	TAG_SCRIPT,					/* its body is no text */
	TAG_STYLE
} tag_kind;

/* The tags that are more than markup, the most frequent in CMS pages first. */
static const struct
{
	const char *name;
	size_t		len;
	tag_kind	kind;
}			known_tags[] = {
	{"p", 1, TAG_LINE}, {"td", 2, TAG_CELL}, {"tr", 2, TAG_ROW}, {"div", 3, TAG_LINE},
	{"br", 2, TAG_LINE}, {"li", 2, TAG_LINE}, {"table", 5, TAG_TABLE}, {"th", 2, TAG_CELL},
	{"script", 6, TAG_SCRIPT}, {"style", 5, TAG_STYLE},
	{"h1", 2, TAG_LINE}, {"h2", 2, TAG_LINE}, {"h3", 2, TAG_LINE}, {"h4", 2, TAG_LINE},
	{"h5", 2, TAG_LINE}, {"h6", 2, TAG_LINE}, {"title", 5, TAG_LINE}, {"caption", 7, TAG_LINE},
	{"section", 7, TAG_LINE}, {"article", 7, TAG_LINE}, {"ul", 2, TAG_LINE}, {"ol", 2, TAG_LINE},
	{"tbody", 5, TAG_LINE}, {"thead", 5, TAG_LINE}, {"tfoot", 5, TAG_LINE},
	{"blockquote", 10, TAG_LINE}, {"pre", 3, TAG_LINE}, {"hr", 2, TAG_LINE}, {"body", 4, TAG_LINE},
	{"html", 4, TAG_LINE},
	{"text", 4, TAG_LINE}		/* a PDF's text as markup: a run of pdftohtml -xml's */
};

/* Which letters known tags of each length start with: most tags of a page (span, font, a) are told apart by that alone. */
static void
set_tag_initials(norm_state *st)
{
	for (size_t k = 0; k < sizeof(known_tags) / sizeof(known_tags[0]); k++)
		st->tag_initials[known_tags[k].len] |= UINT32_C(1) << (known_tags[k].name[0] - 'a');
}

/* The kind of the tag named name[0..len) (letters in either case). */
static tag_kind
tag_kind_of(const norm_state *st, const char *name, size_t len)
{
	char		initial = (char) (name[0] | 0x20);	/* a letter's lower case */

	if (len == 0 || len > KNOWN_TAG_LEN_MAX || initial < 'a' || initial > 'z' ||
		(st->tag_initials[len] & UINT32_C(1) << (initial - 'a')) == 0)
		return TAG_OTHER;
	for (size_t k = 0; k < sizeof(known_tags) / sizeof(known_tags[0]); k++)
		if (known_tags[k].len == len && equals_ascii_ci(name, known_tags[k].name, len))
			return known_tags[k].kind;
	return TAG_OTHER;
}

/* The innermost table, or NULL when tables nest too deep to follow. */
static table_state *
innermost_table(norm_state *st)
{
	return st->table_depth < TABLE_DEPTH_MAX ? &st->tables[st->table_depth] : NULL;
}

/*
 * The cell ends: unless it holds a nested table or a page of text, its line
 * breaks become spaces, so that its text is one cell of one row.  Each
 * output byte is rewritten at most once (by its innermost cell).
 */
static void
end_cell(norm_state *st, table_state *tb)
{
	if (!tb->cell_open)
		return;
	if (!tb->cell_holds_table && st->n - tb->cell_start <= CELL_TEXT_MAX)
		for (size_t k = tb->cell_start; k < st->n; k++)
			if (st->out[k] == '\n')
				st->out[k] = ' ';
	tb->cell_open = false;
}

/*
 * Empty cells for the columns from the row's next one on that cells of rows
 * above cover, at most `room` of them (the output never outgrows the input).
 */
static void
fill_covered(norm_state *st, table_state *tb, size_t room)
{
	while (tb->col < TABLE_COLS_MAX && tb->rows_left[tb->col] > 0 && room > 0)
	{
		put(st, '\t');
		room--;
		tb->col++;
	}
}

/*
 * The row ends and covers move down a row.  Covered columns at the row's end
 * get no empty cells: a row holding only a label (the rest of a long label,
 * its values merged with the row above) must not become a row of blanks.
 */
static void
end_row(table_state *tb)
{
	if (!tb->row_open)
		return;
	for (size_t k = 0; k < tb->width; k++)
		if (tb->rows_left[k] > 0)
			tb->rows_left[k]--;
	tb->row_open = false;
	tb->col = 0;
}

/* The number after the '=' at attrs[at] of a span attribute, 1 when there is none; at most cap. */
static unsigned
span_value(const char *attrs, size_t len, size_t at, unsigned cap)
{
	unsigned	span = 0;

	for (; at < len && (attrs[at] == ' ' || attrs[at] == '=' || attrs[at] == '"' || attrs[at] == '\''); at++)
		;
	for (; at < len && gd_is_digit(attrs[at]); at++)
		if (span <= cap)
			span = span * 10 + (unsigned) (attrs[at] - '0');
	return span < 1 ? 1 : (span > cap ? cap : span);
}

/* A cell tag's colspan and rowspan (the first of each), 1 when absent. */
static void
cell_spans(const char *attrs, size_t len, unsigned *colspan, unsigned *rowspan)
{
	size_t		colspan_at = len,
				rowspan_at = len;

	/* an attribute is named before its '=': look only there (styles are long) */
	for (const char *eq = attrs; (colspan_at == len || rowspan_at == len) &&
		 (eq = memchr(eq, '=', len - (size_t) (eq - attrs))) != NULL; eq++)
	{
		size_t		name_end = (size_t) (eq - attrs);

		while (name_end > 0 && attrs[name_end - 1] == ' ')
			name_end--;
		if (name_end < 7)
			continue;
		if (colspan_at == len && equals_ascii_ci(attrs + name_end - 7, "colspan", 7))
			colspan_at = (size_t) (eq - attrs);
		else if (rowspan_at == len && equals_ascii_ci(attrs + name_end - 7, "rowspan", 7))
			rowspan_at = (size_t) (eq - attrs);
	}
	*colspan = colspan_at == len ? 1 : span_value(attrs, len, colspan_at, TABLE_COLS_MAX);
	*rowspan = rowspan_at == len ? 1 : span_value(attrs, len, rowspan_at, 1000);
}

/*
 * Table structure: one tab opens each cell, whatever its colspan (a merged
 * cell is one cell of the row: a label over three columns is not three
 * values), after empty cells for the columns rows above cover; rows and
 * tables end open cells.  attrs: the tag's attributes; room: how many bytes
 * the tag leaves for empty cells.
 */
static void
table_markup(norm_state *st, tag_kind kind, bool closing, const char *attrs, size_t attrs_len, size_t room)
{
	table_state *tb = innermost_table(st);

	if (tb != NULL)
	{
		end_cell(st, tb);
		if (kind == TAG_TABLE || kind == TAG_ROW)
			end_row(tb);
	}
	if (kind == TAG_TABLE)
	{
		put(st, '\n');
		if (closing)
		{
			if (st->table_depth > 0)
				st->table_depth--;
			return;
		}
		if (tb != NULL && tb->cell_open)
			tb->cell_holds_table = true;
		st->table_depth++;
		if ((tb = innermost_table(st)) != NULL)
			memset(tb, 0, sizeof(*tb));
	}
	else if (kind == TAG_ROW)
	{
		put(st, '\n');
		if (tb != NULL && !closing)
			tb->row_open = true;
	}
	else if (!closing)
	{
		unsigned	colspan,
					rowspan;

		cell_spans(attrs, attrs_len, &colspan, &rowspan);
		if (tb != NULL)
		{
			tb->row_open = true;
			fill_covered(st, tb, room - 1);	/* room for the cell's own tab */
		}
		put(st, '\t');
		if (tb == NULL)
			return;
		for (unsigned k = 0; k < colspan && tb->col < TABLE_COLS_MAX; k++)
			tb->rows_left[tb->col++] = (uint16_t) rowspan;
		if (tb->col > tb->width)
			tb->width = tb->col;
		tb->cell_start = st->n;
		tb->cell_open = true;
		tb->cell_holds_table = false;
	}
}

/*
 * Handle the markup starting at p[0] == '<'.  Returns bytes consumed, or 0
 * when the '<' is literal text.
 */
static size_t
handle_markup(norm_state *st, const char *p, size_t avail)
{
	const char *gt;
	tag_kind	kind;
	size_t		i = 1;
	bool		closing = false;
	size_t		name_start,
				name_len;

	if (avail >= 4 && memcmp(p, "<!--", 4) == 0)
	{
		for (size_t k = 4; k + 3 <= avail; k++)
			if (memcmp(p + k, "-->", 3) == 0)
				return k + 3;
		return avail;			/* unterminated comment: the rest is comment */
	}
	if (st->no_more_gt)
		return 0;
	if (i < avail && p[i] == '/')
	{
		closing = true;
		i++;
	}
	name_start = i;
	while (i < avail && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
						 (p[i] >= '0' && p[i] <= '9')))
		i++;
	name_len = i - name_start;
	if (name_len == 0 && !(i < avail && p[i] == '!'))
		return 0;
	gt = memchr(p + i, '>', avail - i);
	if (gt == NULL)
	{
		st->no_more_gt = true;
		return 0;
	}
	kind = tag_kind_of(st, p + name_start, name_len);
	if (!closing && (kind == TAG_SCRIPT || kind == TAG_STYLE))
	{
		const char *close = kind == TAG_SCRIPT ? "</script" : "</style";
		size_t		body = (size_t) (gt - p) + 1;
		size_t		at = gd_find_ascii_ci(p + body, avail - body, close);

		return body + at;		/* the closing tag is handled next round */
	}
	if (kind == TAG_CELL || kind == TAG_ROW || kind == TAG_TABLE)
		table_markup(st, kind, closing, p + i, (size_t) (gt - p) - i, st->in_pos + (size_t) (gt - p) + 1 - st->n);
	else if (kind == TAG_LINE)
		put(st, '\n');
	return (size_t) (gt - p) + 1;
}

/* Markup that makes a text a web page, looked for at each '<' of the first 64 KB. */
static bool
looks_like_html(const char *buf, size_t len)
{
	static const char *const marks[] = {"<table", "<tr", "<td", "<p>", "<p ", "<html", "<br", "<div", "<?xml"};
	const char *stop = buf + (len < 65536 ? len : 65536);

	for (const char *lt = buf; lt < stop && (lt = memchr(lt, '<', (size_t) (stop - lt))) != NULL; lt++)
	{
		size_t		avail = (size_t) (stop - lt);

		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (gd_find_ascii_ci(lt, avail < 6 ? avail : 6, marks[k]) == 0)
				return true;
	}
	return false;
}

/* Is the line at line[0..stop) a pipe or grid table's rule ("|---|", "| :--", "+---+", "+===+") or an ATX heading ("## ")? */
static bool
markdown_line(const char *line, const char *stop)
{
	const char *nl = memchr(line, '\n', (size_t) (stop - line));
	const char *end = nl ? nl : stop;
	const char *k = line;

	if (*k == '|' || *k == '+')
	{
		for (k++; k < end && (*k == ' ' || *k == ':'); k++)
			;
		return end - k >= 3 && (memcmp(k, "---", 3) == 0 || memcmp(k, "===", 3) == 0);
	}
	while (k < end && k - line < 6 && *k == '#')
		k++;
	return k > line && k < end && *k == ' ';
}

/*
 * Markdown (pandoc leaves a table with merged cells inside it as HTML): a
 * line of the first 64 KB is a Markdown rule or heading.  Only the lines
 * starting with one of their marks are looked at (few lines of a report do).
 */
static bool
looks_like_markdown(const char *buf, size_t len)
{
	const char *stop = buf + (len < 65536 ? len : 65536);

	for (const char *marks = "|+#"; *marks; marks++)
		for (const char *at = buf; at < stop && (at = memchr(at, *marks, (size_t) (stop - at))) != NULL; at++)
			if ((at == buf || at[-1] == '\n') && markdown_line(at, stop))
				return true;
	return false;
}

/* Bytes of the line at p without its line end and trailing blanks. */
static size_t
line_text_len(const char *p, size_t avail)
{
	const char *nl = memchr(p, '\n', avail);
	size_t		end = nl ? (size_t) (nl - p) : avail;

	while (end > 0 && (p[end - 1] == ' ' || p[end - 1] == '\r'))
		end--;
	return end;
}

/*
 * At a line start of Markdown: pandoc writes a page laid out in a table as a
 * one-column grid table ("+-----+" rules, "| … |" lines) around the whole
 * report, its own tables nested inside.  Its rules are dropped and its
 * borders taken off each line (the closing '|' is marked for
 * markdown_mark), so the nested tables are read as if they stood alone.
 * Returns the bytes to drop at the line start.
 */
static size_t
layout_grid_border(norm_state *st, const char *p, size_t avail)
{
	size_t		end = line_text_len(p, avail);

	if (end >= 5 && p[0] == '+' && p[end - 1] == '+')
	{
		size_t		k = 1;

		while (k < end - 1 && (p[k] == '-' || p[k] == '='))
			k++;
		st->in_layout_grid = k == end - 1;
		return st->in_layout_grid ? end : 0;
	}
	if (st->in_layout_grid && end >= 2 && p[0] == '|' && p[end - 1] == '|')
	{
		st->layout_bar = p + end - 1;
		return 1;
	}
	st->in_layout_grid = false;
	return 0;
}

/* Length of the bracketed run p[0..) closed by `close` on the same line within 256 bytes, or 0. */
static size_t
bracketed_len(const char *p, size_t avail, char close)
{
	const char *stop = p + (avail < 256 ? avail : 256);

	for (const char *q = p + 1; q < stop && *q != '\n'; q++)
		if (*q == close)
			return (size_t) (q - p) + 1;
	return 0;
}

/*
 * Does the line ending at p (its line end) end with the layout grid's
 * closing '|', and is the next line one of the grid's, "| … |"?  Returns
 * the offset of that next line's start, 0 when not.
 */
static size_t
grid_line_continues(const norm_state *st, const char *p, size_t avail)
{
	size_t		next = p[0] == '\r' && avail > 1 && p[1] == '\n' ? 2 : 1;
	const char *k = p;
	size_t		end;

	if (!st->in_layout_grid || st->layout_bar == NULL || st->layout_bar >= p || next >= avail)
		return 0;
	while (k > st->layout_bar + 1 && (k[-1] == ' ' || k[-1] == '\r'))
		k--;
	if (k != st->layout_bar + 1 || p[next] != '|')
		return 0;
	end = line_text_len(p + next, avail - next);
	return end >= 2 && p[next + end - 1] == '|' ? next : 0;
}

/*
 * A span's "{attributes}" or a link's "(target)" from p (its opening
 * bracket), closed by `close` on the next line of a layout grid (pandoc
 * wraps the grid's long lines anywhere, "{lang=\"zh-C" over "N\"}"): its
 * length, the line break and the next line's border included, 0 when it is
 * not so.  The next line's closing '|' is marked for markdown_mark.
 */
static size_t
wrapped_bracketed_len(norm_state *st, const char *p, size_t avail, char close)
{
	const char *nl = memchr(p, '\n', avail < 256 ? avail : 256);
	size_t		next,
				rest;
	bool		attributes = false;

	if (nl == NULL || (next = grid_line_continues(st, nl, avail - (size_t) (nl - p))) == 0 ||
		memchr(p, '|', (size_t) (st->layout_bar - p)) != NULL)
		return 0;				/* not a nested table's cell ("{l  | 增]{") */
	next += (size_t) (nl - p);
	if ((rest = bracketed_len(p + next - 1, avail - next + 1, close)) == 0 ||
		memchr(p + next + 1, '|', rest - 3) != NULL)
		return 0;
	for (const char *q = p + 1; q < p + next + rest - 1; q++)
		attributes = attributes || *q == '=';
	if (close == '}' && !attributes && p[1] != '#' && p[1] != '.')
		return 0;
	layout_grid_border(st, p + next, avail - next);
	return next + rest - 1;
}

/*
 * A line break inside a span's or link's text, in a layout grid: pandoc's
 * wrapping of the grid's long lines ("[５３８" over "６]{…}", "[信" over
 * "息内容]"), which cuts no character out.  The pieces are joined: the
 * padding before the closing '|' and the next line's border and padding go.
 * Returns the bytes to drop at p, 0 when the text does not go on there (a
 * '[' that opened no span).
 */
static size_t
span_text_wrap(norm_state *st, const char *p, size_t avail)
{
	size_t		next = grid_line_continues(st, p, avail);
	const char *line,
			   *bar;

	st->span_open = false;
	if (next == 0 || memchr(st->out + st->span_out, '|', st->n - st->span_out) != NULL)
		return 0;				/* a nested table's cell wrapped in it ("| [行政事业性收  | 2 |") */
	line = p + next;
	bar = line + line_text_len(line, avail - next) - 1;
	for (const char *q = line + 1; q < bar && *q != ']'; q++)
		if (*q == '[' || *q == '|')
			return 0;			/* another span or cell opens first: this one did not go on */
	while (st->n > st->span_out && st->out[st->n - 1] == ' ')
		unput(st);
	st->span_open = true;
	next += layout_grid_border(st, line, avail - next);
	return next < avail && p[next] == ' ' ? next + 1 : next;
}

/*
 * Markdown's inline marks, which carry no words: backslash escapes ("\|"
 * is "|"), bold "**", the brackets of links and spans with their targets
 * and attributes ("[词](/url)", "[词]{lang=\"zh-CN\"}", a span's "{…}"
 * wrapped onto its own line), and the line breaks of a layout grid that
 * cut a span.  Returns the bytes to drop at p, 0 when p is text; escaped:
 * p follows a backslash.
 */
static size_t
markdown_mark(norm_state *st, const char *p, size_t avail, bool escaped)
{
	size_t		n;

	switch (p[0])
	{
		case '\\':
			/* an escape, or a hard line break before blanks */
			return avail >= 2 && (unsigned char) p[1] < 0x7F && !gd_is_digit(p[1]) &&
				!((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z') ? 1 : 0;
		case '[':
			st->span_open = !escaped;
			st->span_out = st->n;
			return 1;
		case '*':				/* emphasis, also when a grid cell wraps "**" over two lines */
			return 1;
		case ']':
			st->span_open = false;
			if (avail >= 2 && (p[1] == '(' || p[1] == '{'))
			{
				char		close = p[1] == '(' ? ')' : '}';

				if ((n = bracketed_len(p + 1, avail - 1, close)) > 0 ||
					(n = wrapped_bracketed_len(st, p + 1, avail - 1, close)) > 0)
					return 1 + n;
			}
			return 1;
		case '|':
			/* a grid table's border around markup, or the right border of a layout grid */
			return (st->html && st->table_depth > 0) || p == st->layout_bar ? 1 : 0;
		case '{':
			n = bracketed_len(p, avail, '}');
			return n > 0 && (p[1] == '#' || p[1] == '.' || memchr(p, '=', n) != NULL) ? n : 0;
		case '\r':
		case '\n':
			return st->span_open ? span_text_wrap(st, p, avail) : 0;
		default:
			return 0;
	}
}

/*
 * plain[c]: 1 for the bytes that map_char would copy as they are and that
 * start no markup: most of a report, copied in runs.  Lead bytes of the few
 * mapped characters (NBSP, full-width forms, special spaces) are excluded;
 * the continuation bytes of all others are copied like their lead byte.
 * Tab and newline are plain text, but markup source formatting in a web
 * page; Markdown's inline marks are not plain.
 */
static void
set_plain_bytes(uint8_t plain[256], bool html, bool markdown)
{
	memset(plain, 0, 0x20);
	memset(plain + 0x20, 1, 256 - 0x20);
	plain['<'] = plain['&'] = plain['['] = plain['\\'] = plain[0x7F] = 0;
	plain[0xC2] = plain[0xE2] = plain[0xE3] = plain[0xEF] = 0;
	plain['\t'] = plain['\n'] = !html;
	if (markdown)
		plain['\\'] = plain['*'] = plain[']'] = plain['{'] = plain['|'] = plain['\n'] = 0;
}

size_t
gd_normalize(const char *buf, size_t len, char *out, bool *is_html, const uint8_t **folded,
			 const uint8_t **wide_spaces, const gd_options *opt)
{
	norm_state	st;
	size_t		i = 0;
	size_t		next_check = GD_INTERRUPT_STRIDE;
	uint8_t		plain[256];
	bool		pipes_plain;

	/* a deeper table's state is cleared when the table opens: 4 KB need no clearing per call */
	memset(&st, 0, offsetof(norm_state, tables) + sizeof(st.tables[0]));
	st.out = out;
	st.opt = opt;
	st.cap = len + 1;
	st.html = looks_like_html(buf, len);
	st.markdown = looks_like_markdown(buf, len);
	if (st.html)
		set_tag_initials(&st);
	set_plain_bytes(plain, st.html, st.markdown);
	/* Markdown's bars, and line ends outside a link's text, are no marks (markdown_mark leaves them, map_char copies them) */
	pipes_plain = st.markdown && !st.html;

	while (i < len)
	{
		char		c = buf[i];

		if (i >= next_check)
		{
			if (opt->check_interrupts)
				opt->check_interrupts(opt->interrupt_ctx);
			next_check = i + GD_INTERRUPT_STRIDE;
		}
		if (st.markdown && (i == 0 || buf[i - 1] == '\n'))
		{
			size_t		border = layout_grid_border(&st, buf + i, len - i);

			if (border)
			{
				i += border;
				continue;
			}
		}
		if (c == '[' && len - i > 10 && memcmp(buf + i, "[bookmark:", 10) == 0)
		{
			const char *close = memchr(buf + i, ']', len - i < 200 ? len - i : 200);

			if (close)
			{
				i = (size_t) (close - buf) + 1;
				continue;
			}
		}
		if (st.html && c == '<')
		{
			size_t		used;

			st.in_pos = i;
			used = handle_markup(&st, buf + i, len - i);

			if (used)
			{
				i += used;
				continue;
			}
		}
		if (st.markdown)
		{
			size_t		used = markdown_mark(&st, buf + i, len - i, i > 0 && buf[i - 1] == '\\');

			if (used)
			{
				i += used;
				continue;
			}
		}
		if (st.html && c == '&')
		{
			size_t		used = decode_entity(&st, buf + i, len - i);

			if (used)
			{
				i += used;
				continue;
			}
		}
		if (st.html && !st.markdown && (c == '\n' || c == '\t' || c == '\r'))
		{
			/* markup source formatting, as map_char would make it: one space (CR LF too) */
			put(&st, ' ');
			i += c == '\r' && i + 1 < len && buf[i + 1] == '\n' ? 2 : 1;
			continue;
		}
		if (plain[(unsigned char) c])
		{
			const unsigned char *u = (const unsigned char *) buf;
			size_t		run = i + 1;

			for (;;)
			{
				size_t		kept;

				/* eight bytes a step while all are plain: fewer branches per byte */
				while (run + 8 <= len &&
					   (plain[u[run]] & plain[u[run + 1]] & plain[u[run + 2]] & plain[u[run + 3]] &
						plain[u[run + 4]] & plain[u[run + 5]] & plain[u[run + 6]] & plain[u[run + 7]]))
					run += 8;
				while (run < len && plain[u[run]])
					run++;
				if (run == len)
					break;
				/* a Markdown cell's bar, but a layout grid's closing one (markdown_mark takes that) */
				if (u[run] == '|' && pipes_plain && buf + run != st.layout_bar)
					kept = 1;
				else if (u[run] == '\n' && pipes_plain && !st.span_open)
				{
					run++;		/* copied too; the next line's start has its own tests */
					break;
				}
				else if ((kept = unmapped_sequence_len(u + run, len - run)) == 0)
					break;
				run += kept;
			}
			memcpy(st.out + st.n, buf + i, run - i);
			st.n += run - i;
			i = run;
			continue;
		}
		i += map_char(&st, (const unsigned char *) buf + i, len - i);
	}
	out[st.n] = '\0';
	*is_html = st.html;
	*folded = st.folded;
	*wide_spaces = st.wide_spaces;
	return st.n;
}

/* ---------- the text two copies of one report share ---------- */

/* Bytes of the whitespace character at s (space, tab, NBSP, ideographic space), or 0. */
static size_t
trailing_space_len(const unsigned char *s, size_t len)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\v' || s[0] == '\f')
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

size_t
gd_canonicalize_text(const char *buf, size_t len, char *out)
{
	const unsigned char *u = (const unsigned char *) buf;
	size_t		i = 0,
				n = 0,
				line_end = 0,		/* out up to the last byte a line keeps */
				text_end = 0;		/* out up to the last byte the text keeps */

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len)
	{
		size_t		space;

		if (u[i] == '\r' || u[i] == '\n')
		{
			n = line_end;
			out[n++] = '\n';
			line_end = n;
			i += (u[i] == '\r' && i + 1 < len && u[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		space = trailing_space_len(u + i, len - i);
		if (space == 0)
		{
			/* copy up to the next byte that may start a line end or a space */
			size_t		run = i + 1;

			while (run < len && u[run] > ' ' && u[run] != 0xC2 && u[run] != 0xE3)
				run++;
			memcpy(out + n, buf + i, run - i);
			n += run - i;
			i = run;
			line_end = text_end = n;
			continue;
		}
		memcpy(out + n, buf + i, space);
		n += space;
		i += space;
	}
	return text_end;
}
