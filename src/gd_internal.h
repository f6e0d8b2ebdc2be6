/*
 * gd_internal.h - what the core's stages share (not part of the API): the
 * normalised text with its line index, text helpers, values, problems, and
 * each stage's entry point.  The pipeline, in the order gd_parse runs it:
 *
 *   gd_normalize     bytes -> normalised text              (gd_normalize.c)
 *   gd_index_lines   text -> line index                    (gd_text.c)
 *   gd_find_sections text -> section spans in the report   (gd_segment.c)
 *   gd_find_table_regions  sections -> table regions       (gd_segment.c)
 *   gd_choose_reader regions -> the readers that fit, best first (readers/readers.c)
 *   reader->read     region -> grid                        (readers/)
 *   gd_identify_template   active region + grid -> template (gd_template.c)
 *   gd_match_*       grid + template -> table cells        (gd_match.c, gd_solve.c)
 *   (runner-up)      read again when doubts remain; the identities choose (gd_parse.c)
 *   gd_find_title    title block -> title, org, year       (gd_title.c)
 *   gd_find_facts    prose sections -> narrative facts     (gd_facts.c)
 */
#ifndef GD_INTERNAL_H
#define GD_INTERNAL_H

#include "gd_core.h"

#include <string.h>

/* How much work passes between two interrupt checks. */
#define GD_INTERRUPT_STRIDE (1u << 20)
/* A token costs the row assembly more than its bytes: it counts as this many. */
#define GD_TOKEN_WORK 64

/*
 * Normalise buf into out (which must hold len + 1 bytes; normalising never
 * grows the text).  Returns the length written.  *is_html tells whether the
 * input was read as HTML markup; *folded gets the bitmap of output bytes folded
 * from a two-column character ("５" -> '5'), NULL when there are none;
 * *wide_spaces the bitmap of spaces that were two bytes (NBSP), NULL when none.
 */
size_t		gd_normalize(const char *buf, size_t len, char *out, bool *is_html, const uint8_t **folded,
						 const uint8_t **wide_spaces, const gd_options *opt);

/* Case-insensitive search for an ASCII needle; returns offset or len. */
size_t		gd_find_ascii_ci(const char *s, size_t len, const char *needle);

/* ---------- the normalised text (gd_text.c) ---------- */

typedef struct gd_line
{
	size_t		start;
	size_t		end;			/* exclusive, without the '\n' */
} gd_line;

typedef struct gd_text
{
	const gd_options *opt;
	const char *t;
	size_t		n;
	gd_line    *lines;
	size_t		nlines;
	size_t		work;			/* bytes of work since the last interrupt check */
	/*
	 * bit i: byte i was folded from a full-width form, two display columns wide as printed (or NULL);
	 * on a '\n': a page break (a form feed, dropped) opens the next line (gd_page_break_after)
	 */
	const uint8_t *folded;
	/* bit i: byte i is a space printed in two bytes (NBSP), as a converter counting bytes laid it out (or NULL) */
	const uint8_t *wide_spaces;
	/* every character printed one column wide (links counts CJK so): gd_width_decide says */
	bool		one_column_chars;
	bool		paged;			/* some page break (gd_page_break_after): a PDF's text; gd_index_lines says */
} gd_text;

void	   *gd_alloc(const gd_text *tx, size_t size);
/* Line starts and ends of tx->t into tx->lines. */
void		gd_index_lines(gd_text *tx);
/* 1-based line holding offset off. */
uint32_t	gd_line_of(const gd_text *tx, size_t off);
/* gd_note_work's interrupt check, once GD_INTERRUPT_STRIDE bytes of work are counted. */
void		gd_check_work(gd_text *tx);

/* Count work; checks for interrupts every GD_INTERRUPT_STRIDE bytes (inline: it is counted per token). */
static inline void
gd_note_work(gd_text *tx, size_t bytes)
{
	tx->work += bytes;
	if (tx->work >= GD_INTERRUPT_STRIDE)
		gd_check_work(tx);
}

static inline bool
gd_is_blank(char c)
{
	/* one compare and one bit test: this runs on nearly every byte the readers see */
	return (unsigned char) c <= ' ' && ((UINT64_C(1) << (unsigned char) c) & ((UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') | (UINT64_C(1) << '\n'))) != 0;
}

static inline bool
gd_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Inline: the tokenizer and the fact scan test prefixes at almost every byte. */
static inline bool
gd_starts_with(const char *s, size_t n, const char *lit)
{
	size_t		l = strlen(lit);

	return n >= l && memcmp(s, lit, l) == 0;
}

/* Byte b in each byte of a 64-bit word: for tests of eight bytes a step. */
#define GD_BYTES_OF(b) (UINT64_C(0x0101010101010101) * (b))

bool		gd_only_blanks(const char *t, size_t s, size_t e);
/* Is there a blank in t[s, e): more than one token? */
bool		gd_holds_blank(const char *t, size_t s, size_t e);

/* A whitespace-separated token of a line, with its display columns [col, end_col) as printed (CJK and full-width forms two wide, folded ones too). */
typedef struct gd_col_token
{
	size_t		s,
				e;
	int			col,
				end_col;
} gd_col_token;

/*
 * Which display width the text was laid out by: CJK and full-width forms two columns (w3m, elinks,
 * lynx) or one (links).  gd_width_vote tokenizes a line that holds a row of values both ways and
 * counts how many of its values start or end in a column another row's values do; gd_width_decide
 * takes the count that lines up clearly better (two columns when neither does).
 */
typedef struct gd_width_votes gd_width_votes;
gd_width_votes *gd_width_votes_new(const gd_text *tx);
void		gd_width_vote(gd_text *tx, gd_width_votes *votes, size_t li);
void		gd_width_decide(gd_text *tx, const gd_width_votes *votes);
/* Display columns of t[s..e) as printed (as gd_col_token counts them; a tab is one). */
uint32_t	gd_display_width(const gd_text *tx, size_t s, size_t e);

/* Bytes a converter counting bytes wrote for byte i of the text: 3 for a folded full-width form, 2 for an NBSP, else 1. */
static inline uint32_t
gd_converter_bytes(const gd_text *tx, size_t i)
{
	if (tx->folded != NULL && (tx->folded[i >> 3] >> (i & 7) & 1))
		return 3;
	return tx->wide_spaces != NULL && (tx->wide_spaces[i >> 3] >> (i & 7) & 1) ? 2 : 1;
}

/* The column normalising took from the character at byte i (folded: its bitmap, or NULL): 1 when it folded a full-width form. */
static inline int
gd_folded_column(const uint8_t *folded, size_t i)
{
	return folded != NULL && (folded[i >> 3] >> (i & 7) & 1);
}

/* Does a page break lie between line li and the next (0-based)? */
static inline bool
gd_page_break_after(const gd_text *tx, size_t li)
{
	return li + 1 < tx->nlines && gd_folded_column(tx->folded, tx->lines[li].end);
}

/* Are the text's pages broken by form feeds (a PDF's text, pdftotext's)? */
static inline bool
gd_has_page_breaks(const gd_text *tx)
{
	return tx->paged;
}

/* The fold map as column counts read it: a text whose characters take one column each counts none. */
static inline const uint8_t *
gd_column_folds(const gd_text *tx)
{
	return tx->one_column_chars ? NULL : tx->folded;
}

/* The tokens of line li (0-based) into tok; -1 when it has more than max. */
int			gd_line_tokens(const gd_text *tx, size_t li, gd_col_token *tok, int max);
/* End offset of the last occurrence of needle in hay, or -1. */
long		gd_last_occurrence_end(const char *hay, size_t hlen, const char *needle);
bool		gd_contains(const char *hay, size_t hlen, const char *needle);
/* The first occurrence of needle[0..nl) in hay[0..hlen), or NULL. */
const char *gd_find_bytes(const char *hay, size_t hlen, const char *needle, size_t nl);
/* Offset of the first occurrence of phrase in tx->t[from, to), or to. */
size_t		gd_find_phrase(const gd_text *tx, size_t from, size_t to, const char *phrase);

/*
 * Fold text for phrase matching: drop whitespace, read '、' after a digit as
 * '.'.  Returns the folded length (at most cap).
 */
size_t		gd_fold(const char *s, size_t n, char *dst, size_t cap);
/* s[0..n) folded into a new NUL-terminated buffer. */
char	   *gd_copy_folded(const gd_text *tx, const char *s, size_t n, size_t *out_len);

/*
 * A 4096-bit set of 3-byte sequences (the phrase starts a scan looks for):
 * a position whose three bytes are not in it starts none of them.
 */
typedef struct gd_trigram_set
{
	uint64_t	bits[64];
} gd_trigram_set;

/* For a 3-byte character: the low 12 bits of its code point. */
static inline unsigned
gd_trigram_key(const char *s)
{
	return (((unsigned) (unsigned char) s[1] & 0x3F) << 6) | ((unsigned) (unsigned char) s[2] & 0x3F);
}

static inline void
gd_trigram_add(gd_trigram_set *set, const char *s)
{
	unsigned	k = gd_trigram_key(s);

	set->bits[k >> 6] |= UINT64_C(1) << (k & 63);
}

static inline bool
gd_trigram_has(const gd_trigram_set *set, const char *s)
{
	unsigned	k = gd_trigram_key(s);

	return (set->bits[k >> 6] >> (k & 63)) & 1;
}

/* ---------- problems (gd_text.c) ---------- */

void		gd_add_problem(gd_report *r, gd_problem_code code, uint32_t line, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* ---------- printed values (gd_value.c) ---------- */

/*
 * Read s[0..n) (already trimmed) as one table value.  Returns true when it is
 * a value (a number, possibly unreadable, or a placeholder).
 */
bool		gd_parse_value(const char *s, size_t n, gd_cell *cell);
/*
 * Is s[0..n) digits and thousands separators that read as no number: a piece
 * of a number cut at its separator (",1" of "1,126" wrapped in a narrow
 * cell), or separators where none belong ("1 126", "1,12，6" in one cell)?
 */
bool		gd_is_cut_number(const char *s, size_t n);
/* gd_cell.value of the unreadable cell such text makes (gd_cut_number_cell): the matcher's problem names it. */
#define GD_VALUE_CUT_NUMBER INT64_C(-1)
/* ... of such text that reads as numbers of several cells ("45 7": a PDF's neighbouring cells on one line) */
#define GD_VALUE_CELLS_RUN_TOGETHER INT64_C(-2)
/* ... of a number whose last digits the next column's value overwrote (text laid out by byte width) */
#define GD_VALUE_LOST_DIGITS INT64_C(-3)
void		gd_cut_number_cell(gd_cell *c, uint32_t line, const char *s, size_t n);
/* Bytes of the placeholder mark ('-', '—', '/', '无', ...) at s[0..n), or 0. */
size_t		gd_placeholder_mark(const char *s, size_t n);
/* A placeholder cell holds this many marks at most ("----" is one; a longer run is a rule) */
#define GD_PLACEHOLDER_MARKS_MAX 4

/*
 * What a byte may start, by table (label text is scanned for marks at every
 * byte): a placeholder mark; a run of cells glued to a label (a digit, or a
 * mark other than 无, the first byte of words too).
 */
#define GD_STARTS_MARK 1
#define GD_STARTS_GLUED_RUN 2
extern const uint8_t gd_byte_starts[256];
static inline bool
gd_may_start_mark(char c)
{
	return gd_byte_starts[(unsigned char) c] & GD_STARTS_MARK;
}
/*
 * sum + v for the identities' checks, or GD_SUM_OVERFLOW (kept once reached)
 * when it does not fit: no value read equals it, so an identity whose sum
 * overflows does not hold.
 */
#define GD_SUM_OVERFLOW INT64_MIN
static inline int64_t
gd_sum_add(int64_t sum, int64_t v)
{
	int64_t		result;

	if (sum == GD_SUM_OVERFLOW || __builtin_add_overflow(sum, v, &result))
		return GD_SUM_OVERFLOW;
	return result;
}
/* Bytes of a Chinese item number at s[0..n): "四、" or "(七)", 一 to 十; 0 when none starts there. */
size_t		gd_numeral_item_at(const char *s, size_t n);
/* The number the decimal digits d[0..len) spell. */
int64_t		gd_digits_value(const char *d, int len);
/* gd_radicals.c: the unified ideograph a radical code point stands for in PDF text, 0 for none. */
unsigned	gd_radical_ideograph(unsigned cp);

/* ---------- segmentation (gd_segment.c) ---------- */

typedef struct gd_region
{
	size_t		start;
	size_t		end;
	bool		found;
} gd_region;

/* The table regions, in the order of the report's sections. */
typedef enum gd_region_kind
{
	GD_REGION_ACTIVE = 0,		/* section 2 */
	GD_REGION_REQUESTS,			/* section 3 */
	GD_REGION_REVIEW,			/* section 4 */
	GD_REGIONS
} gd_region_kind;

/* Section headings and contents into r->section_*; a second copy of section 3 is a problem. */
void		gd_find_sections(gd_text *tx, gd_report *r);
/* The table regions: a section's content, else from the words that open its table. */
void		gd_find_table_regions(const gd_text *tx, const gd_report *r, gd_region *regions);

/* ---------- title, org, year (gd_title.c) ---------- */

/* r->title, title_text, org_text and year from the title block; year 0 when none. */
void		gd_find_title(gd_text *tx, gd_report *r);

/* ---------- narrative facts (gd_facts.c) ---------- */

/* r->facts from the prose sections. */
void		gd_find_facts(gd_text *tx, gd_report *r);

#endif							/* GD_INTERNAL_H */
