/*
 * gd_core.h - the govdisclose parsing core.
 *
 * Plain C11 with no PostgreSQL headers, so that it can be unit-tested and
 * fuzzed on its own.  The input is a byte buffer (not NUL-terminated); all
 * memory comes from a caller-supplied allocator and is never freed by the
 * core, so the caller can release everything at once (a PostgreSQL memory
 * context, or an arena in the tests).  Spans point into the normalised text
 * (gd_report.text), which the core builds once per parse.
 */
#ifndef GD_CORE_H
#define GD_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GD_REQ_ROWS 26			/* 25 template rows + other_undivided */
#define GD_REQ_TEMPLATE_ROWS 25
#define GD_REQ_OTHER_UNDIVIDED 25	/* index of other_undivided */
#define GD_REQ_COLS 7
#define GD_REV_CELLS 15
#define GD_ACTIVE_MAX 24
#define GD_SECTIONS 7			/* title block + six sections */
#define GD_MAX_PROBLEMS 64
#define GD_MAX_FACTS 64
#define GD_PROBLEM_LEN 200

typedef struct gd_span
{
	size_t		off;
	size_t		len;
} gd_span;

typedef enum gd_cell_state
{
	GD_ABSENT = 0,				/* not in the document */
	GD_BLANK,					/* printed, but empty */
	GD_NUMBER,
	GD_PLACEHOLDER,				/* '-', '—', '/', '无': read as 0 */
	GD_UNREADABLE				/* too large, ambiguous, fraction in a count */
} gd_cell_state;

typedef struct gd_cell
{
	int64_t		value;			/* value * 10^scale */
	uint8_t		scale;			/* digits after the decimal point */
	uint8_t		state;			/* gd_cell_state */
	uint8_t		inferred;		/* split out of glued digits by identities */
	uint32_t	line;			/* 1-based line of the normalised text */
} gd_cell;

typedef enum gd_template
{
	GD_TEMPLATE_UNKNOWN = 0,
	GD_TEMPLATE_2021,
	GD_TEMPLATE_2019
} gd_template;

typedef enum gd_layout
{
	GD_LAYOUT_UNKNOWN = 0,
	GD_LAYOUT_CELL_PER_LINE,
	GD_LAYOUT_TAB_ROWS,
	GD_LAYOUT_PIPE_ROWS,
	GD_LAYOUT_HTML,
	GD_LAYOUT_SPACE_ALIGNED,
	GD_LAYOUT_COLLAPSED,
	GD_LAYOUT_PARAGRAPH_PER_CELL,
	GD_LAYOUT_BOX_DRAWN,
	GD_LAYOUT_CELL_LINES_BAR,
	GD_LAYOUT_CELL_LINES
} gd_layout;

typedef enum gd_problem_code
{
	GD_PROBLEM_NOT_A_REPORT = 1,
	GD_PROBLEM_NO_TITLE,
	GD_PROBLEM_TABLE_MISSING,
	GD_PROBLEM_ROW_MISSING,
	GD_PROBLEM_ROW_SHORT,
	GD_PROBLEM_ROW_LONG,
	GD_PROBLEM_NUMBER_TOO_LARGE,
	GD_PROBLEM_FRACTION_IN_COUNT,
	GD_PROBLEM_GLUED_DIGITS,
	GD_PROBLEM_DUPLICATE_ROW,
	GD_PROBLEM_DUPLICATE_TABLE,
	GD_PROBLEM_TOO_MANY_PROBLEMS
} gd_problem_code;

typedef struct gd_problem
{
	gd_problem_code code;
	uint32_t	line;			/* 0 when not tied to a line */
	char		message[GD_PROBLEM_LEN];
} gd_problem;

typedef enum gd_fact_key
{
	GD_FACT_ITEMS_DISCLOSED = 0,
	GD_FACT_REQUESTS_RECEIVED,
	GD_FACT_REQUESTS_HANDLED,
	GD_FACT_REQUESTS_CARRIED_FORWARD,
	GD_FACT_FEE_NOTICES,
	GD_FACT_FEE_BILLED,
	GD_FACT_FEE_COLLECTED,
	GD_FACT_REVIEWS,
	GD_FACT_LAWSUITS,
	GD_FACT_PERIOD_YEAR,
	GD_FACT_KEY_COUNT
} gd_fact_key;

typedef struct gd_fact
{
	gd_fact_key key;
	gd_cell		value;
	const char *unit;			/* static string: 件, 条, 元, 万元, 年 */
	gd_span		span;
} gd_fact;

typedef struct gd_report
{
	const char *text;			/* normalised text; spans point here */
	size_t		text_len;

	gd_span		title;			/* the title lines in the text */
	const char *title_text;		/* title with whitespace removed */
	size_t		title_text_len;
	const char *org_text;		/* reporting body, whitespace removed; NULL if unknown */
	size_t		org_text_len;
	int			year;			/* 0 when unknown */
	gd_template template_kind;
	gd_layout	layout;

	gd_span		section_heading[GD_SECTIONS];
	gd_span		section_content[GD_SECTIONS];
	bool		section_found[GD_SECTIONS];

	bool		has_requests;
	bool		other_undivided;	/* （六）其他处理 printed as one row */
	bool		blanks_unmarked;	/* a row's glued digits are fewer than its cells: blank cells leave no mark */
	bool		out_of_row_order;	/* a table's cells came out of row order (a PDF's reading order) */
	gd_cell		requests[GD_REQ_ROWS][GD_REQ_COLS];

	bool		has_active;
	int			active_count;	/* measures of the template in force */
	gd_cell		active[GD_ACTIVE_MAX];

	bool		has_review;
	gd_cell		review[GD_REV_CELLS];

	int			fact_count;
	gd_fact		facts[GD_MAX_FACTS];

	int			problem_count;
	int			problem_peak;	/* the most problems held at once (a reading of the requests alone asks) */
	gd_problem	problems[GD_MAX_PROBLEMS];
} gd_report;

typedef struct gd_options
{
	void	   *(*alloc) (void *ctx, size_t size);	/* must not return NULL */
	void	   *alloc_ctx;
	/* called every few hundred KiB of work; may longjmp out */
	void		(*check_interrupts) (void *ctx);
	void	   *interrupt_ctx;
	bool		skip_facts;		/* the caller does not read facts: skip the prose scan */
	bool		sections_only;	/* the caller reads the sections alone: stop once they are found */
	/* the caller reads has_requests, other_undivided and requests alone: the rest is left unread where it cannot change them */
	bool		requests_only;
} gd_options;

/* Parse one report.  Never fails on content: what it cannot read is in problems. */
void		gd_parse(const char *buf, size_t len, const gd_options *opt, gd_report *out);

/*
 * Consistency rules (SPEC §7) of one report, on the values as the data layer
 * stores them: values and states are independent, so a value changed after
 * parsing is checked as it stands.  A value is known when its 'known' is set.
 */
typedef struct gd_value
{
	int64_t		value;			/* value * 10^scale */
	uint8_t		scale;
	bool		known;
} gd_value;

typedef struct gd_check_fact
{
	gd_fact_key key;
	gd_value	value;
	const char *unit;			/* NUL-terminated */
	const char *span;			/* the sentence part it was read from */
	size_t		span_len;
} gd_check_fact;

typedef struct gd_check_input
{
	int			year;			/* 0 when unknown */
	gd_template template_kind;
	/* state letters per cell (a absent, b blank, n number, p placeholder,
	 * u unreadable); NULL when the table is not in the report */
	const char *req_states;		/* GD_REQ_ROWS * GD_REQ_COLS letters */
	gd_value	req[GD_REQ_ROWS * GD_REQ_COLS];
	const char *active_states;	/* active_count letters */
	int			active_count;
	gd_value	active[GD_ACTIVE_MAX];
	const char *review_states;	/* GD_REV_CELLS letters */
	gd_value	review[GD_REV_CELLS];
	int			fact_count;
	gd_check_fact facts[GD_MAX_FACTS];
} gd_check_input;

#define GD_FINDING_CELLS_LEN 1024
#define GD_FINDING_MESSAGE_LEN 640
#define GD_FINDING_NUMBER_LEN 48

typedef struct gd_finding
{
	int64_t		sort_key;		/* rule, then cell: a stable order */
	const char *rule_id;		/* SPEC §7 id */
	const char *severity;		/* "error" or "warning" */
	const char *table_name;		/* active, requests, review, narrative */
	const char *row_key;		/* NULL when not one row */
	const char *column_key;		/* NULL when not one column */
	char		cells[GD_FINDING_CELLS_LEN];	/* "row/column,...", "" for none */
	char		expected[GD_FINDING_NUMBER_LEN];	/* decimal text, "" for none */
	char		actual[GD_FINDING_NUMBER_LEN];
	char		message[GD_FINDING_MESSAGE_LEN];	/* Chinese, for people */
} gd_finding;

/* The state letter of a cell, as stored. */
char		gd_state_letter(const gd_cell *cell);

/* The state letters of every table of a report, each NUL-terminated. */
#define GD_CHECK_LETTERS_LEN (GD_REQ_ROWS * GD_REQ_COLS + 1 + GD_ACTIVE_MAX + 1 + GD_REV_CELLS + 1)

/* The check input of a parsed report (states point into letters[GD_CHECK_LETTERS_LEN]). */
void		gd_check_input_of(const gd_report *r, char *letters, gd_check_input *in);

/* Run every single-report rule; emit is called once per finding, in no set order. */
void		gd_check(const gd_check_input *in, void (*emit) (void *ctx, const gd_finding *f), void *ctx);

/*
 * The text two copies of one report share, for finding duplicates: without a
 * leading byte-order mark, every line end (CRLF, CR, LF) as LF, and without
 * whitespace (space, tab, NBSP, U+3000) at the end of a line or of the text.
 * out must hold len bytes; returns the length written.
 */
size_t		gd_canonicalize_text(const char *buf, size_t len, char *out);

/* Template vocabulary (SPEC §3-5). */
typedef struct gd_active_measure
{
	const char *item;			/* SPEC item key */
	const char *measure;		/* SPEC measure key */
	const char *label;			/* Chinese label, for comments */
} gd_active_measure;

extern const char *const gd_request_row_keys[GD_REQ_ROWS];
extern const char *const gd_request_row_labels[GD_REQ_ROWS];
extern const char *const gd_applicant_keys[GD_REQ_COLS];
extern const char *const gd_applicant_labels[GD_REQ_COLS];
extern const char *const gd_review_group_keys[3];
extern const char *const gd_review_outcome_keys[5];
extern const char *const gd_review_group_labels[3];
extern const char *const gd_review_outcome_labels[5];
extern const char *const gd_fact_keys[GD_FACT_KEY_COUNT];

/* The active-table measures of a template, in output order. */
const gd_active_measure *gd_active_measures(gd_template t, int *count);
const char *gd_layout_name(gd_layout layout);
const char *gd_template_name(gd_template t);

/* Format a cell's value as a decimal string ("12", "96171.6"); buf >= 32 bytes. */
void		gd_cell_format(const gd_cell *cell, char *buf, size_t buflen);

#endif							/* GD_CORE_H */
