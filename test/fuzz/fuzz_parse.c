/*
 * fuzz_parse.c - libFuzzer harness over the parsing core.
 *
 * Beyond "no crash, no sanitizer report", it runs the consistency rules on
 * each parse and checks what the PostgreSQL glue relies on: every span lies
 * inside the normalised text, every string the glue turns into a text Datum
 * is valid UTF-8 without NUL bytes whenever the input was (PostgreSQL hands
 * the core nothing else), and the first problem, which strict mode raises,
 * has a known code; the lean parses of section_minhash and request_cells
 * read what the whole parse reads.  The parse runs with an interrupt
 * callback, as in the server; on every fourth input size it leaves the parse
 * by longjmp at the first call, as a cancel does (inputs of several MB reach
 * it).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/gd_checks.h"
#include "../../src/gd_core.h"
#include "../unit/arena.h"
#include "utf8.h"

#include <setjmp.h>

static void
fail(const char *what)
{
	fprintf(stderr, "invariant broken: %s\n", what);
	abort();
}

static void
check_span(const gd_report *r, gd_span s, bool utf8_input, const char *what)
{
	if (s.off > r->text_len || s.len > r->text_len - s.off)
		fail(what);
	if (utf8_input && !valid_utf8((const unsigned char *) r->text + s.off, s.len))
		fail(what);
}

static void
check_cells(const gd_cell *c, int n, const char *what)
{
	for (int i = 0; i < n; i++)
	{
		/* negative values are kept as printed: the NEGATIVE rule reports them */
		if (c[i].state > GD_UNREADABLE || c[i].scale > 18)
			fail(what);
	}
}

/* Every finding of the rules is text the glue can store. */
static void
check_finding(void *ctx, const gd_finding *f)
{
	(void) ctx;
	if (f->rule_id == NULL || f->severity == NULL || f->table_name == NULL ||
		!valid_utf8((const unsigned char *) f->message, strlen(f->message)) ||
		!valid_utf8((const unsigned char *) f->cells, strlen(f->cells)))
		fail("finding");
}

static jmp_buf cancelled;
static bool cancel_at_first_check;

static void
interrupt(void *ctx)
{
	(void) ctx;
	if (cancel_at_first_check)
		longjmp(cancelled, 1);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static arena a;
	gd_options	opt = {.alloc = arena_alloc, .alloc_ctx = &a, .check_interrupts = interrupt};
	gd_report  *r = arena_alloc(&a, sizeof(gd_report));
	bool		utf8_input = valid_utf8(data, size);
	int			count;

	cancel_at_first_check = size % 4 == 0;
	if (setjmp(cancelled) != 0)
	{
		/* cancelled: everything the parse allocated goes with its arena */
		arena_free_all(&a);
		return 0;
	}
	gd_parse((const char *) data, size, &opt, r);

	if (utf8_input && !valid_utf8((const unsigned char *) r->text, r->text_len))
		fail("normalised text");
	check_span(r, r->title, utf8_input, "title span");
	for (int s = 0; s < GD_SECTIONS; s++)
	{
		check_span(r, r->section_heading[s], utf8_input, "section heading");
		check_span(r, r->section_content[s], utf8_input, "section content");
	}
	for (int f = 0; f < r->fact_count; f++)
	{
		check_span(r, r->facts[f].span, utf8_input, "fact span");
		if ((unsigned) r->facts[f].key >= GD_FACT_KEY_COUNT)
			fail("fact key");
	}
	if (utf8_input && r->title_text && !valid_utf8((const unsigned char *) r->title_text, r->title_text_len))
		fail("title text");
	if (utf8_input && r->org_text && !valid_utf8((const unsigned char *) r->org_text, r->org_text_len))
		fail("org text");
	if (r->problem_count < 0 || r->problem_count > GD_MAX_PROBLEMS ||
		r->fact_count < 0 || r->fact_count > GD_MAX_FACTS)
		fail("counts");
	for (int k = 0; k < r->problem_count; k++)
		if (r->problems[k].code < GD_PROBLEM_NOT_A_REPORT || r->problems[k].code > GD_PROBLEM_TOO_MANY_PROBLEMS ||
			memchr(r->problems[k].message, '\0', GD_PROBLEM_LEN) == NULL ||
			!valid_utf8((const unsigned char *) r->problems[k].message, strlen(r->problems[k].message)))
			fail("problem");
	gd_active_measures(r->template_kind, &count);
	if (r->has_active && (r->active_count != count || count > GD_ACTIVE_MAX))
		fail("active count");
	check_cells(&r->requests[0][0], GD_REQ_ROWS * GD_REQ_COLS, "request cell");
	check_cells(r->active, GD_ACTIVE_MAX, "active cell");
	check_cells(r->review, GD_REV_CELLS, "review cell");

	/* section_minhash parses with sections_only: the same sections as the whole parse */
	{
		gd_options	lean_opt = opt;
		gd_report  *lean = arena_alloc(&a, sizeof(gd_report));

		lean_opt.sections_only = true;
		gd_parse((const char *) data, size, &lean_opt, lean);
		for (int s = 0; s < GD_SECTIONS; s++)
			if (lean->section_found[s] != r->section_found[s] ||
				lean->section_content[s].off != r->section_content[s].off ||
				lean->section_content[s].len != r->section_content[s].len)
				fail("sections_only sections");
	}
	/* request_cells parses with requests_only: the same requests as the whole parse */
	{
		gd_options	lean_opt = opt;
		gd_report  *lean = arena_alloc(&a, sizeof(gd_report));

		lean_opt.requests_only = true;
		gd_parse((const char *) data, size, &lean_opt, lean);
		if (lean->has_requests != r->has_requests || lean->other_undivided != r->other_undivided)
			fail("requests_only table");
		for (int row = 0; row < GD_REQ_ROWS; row++)
			for (int col = 0; col < GD_REQ_COLS; col++)
			{
				const gd_cell *a_cell = &lean->requests[row][col],
						   *b_cell = &r->requests[row][col];

				if (a_cell->state != b_cell->state || a_cell->value != b_cell->value ||
					a_cell->scale != b_cell->scale || a_cell->inferred != b_cell->inferred)
					fail("requests_only cell");
			}
	}
	/* the reviewer checks read the same normalised text and sections */
	{
		gd_date		d;
		uint32_t	sig[GD_MINHASH_K];
		int64_t		keys[GD_LSH_BANDS];

		if (gd_published(r->text, r->text_len, &d) && (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31))
			fail("published date");
		for (int s = 1; s < GD_SECTIONS; s++)
			if (r->section_found[s] &&
				gd_minhash(r->text + r->section_content[s].off, r->section_content[s].len, sig) >= GD_MINHASH_MIN_CHARS)
			{
				gd_minhash_bands(sig, keys);
				if (gd_minhash_similarity(sig, sig) != 1.0)
					fail("minhash similarity");
			}
	}
	/* the text duplicates are compared by: no CR, no whitespace before a line end, valid when the input was */
	{
		char	   *canonical = arena_alloc(&a, size + 1);
		size_t		n = gd_canonicalize_text((const char *) data, size, canonical);

		if (n > size || memchr(canonical, '\r', n) != NULL ||
			(n > 0 && (canonical[n - 1] == ' ' || canonical[n - 1] == '\n')) ||
			(utf8_input && !valid_utf8((const unsigned char *) canonical, n)))
			fail("canonical text");
		for (size_t k = 1; k < n; k++)
			if (canonical[k] == '\n' && (canonical[k - 1] == ' ' || canonical[k - 1] == '\t'))
				fail("canonical text keeps trailing whitespace");
	}

	if (utf8_input)
	{
		static char letters[GD_CHECK_LETTERS_LEN];
		gd_check_input *in = arena_alloc(&a, sizeof(gd_check_input));

		gd_check_input_of(r, letters, in);
		gd_check(in, check_finding, NULL);
	}
	arena_free_all(&a);
	return 0;
}
