/*
 * fuzz_check.c - libFuzzer harness over the consistency rules (gd_check).
 *
 * report_findings() hands the rules whatever a role stored or built: any
 * state letters, any 64-bit values with any scale, up to 64 facts with any
 * key, unit and span.  This harness builds such a gd_check_input from the
 * fuzz bytes and checks what the glue relies on: no crash, no sanitizer
 * report, every finding complete, its numbers decimal text numeric_in
 * accepts, and its texts valid UTF-8 whenever the units and spans were.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/gd_core.h"
#include "../unit/arena.h"
#include "utf8.h"

typedef struct bytes
{
	const uint8_t *data;
	size_t		left;
} bytes;

static uint8_t
take_u8(bytes *b)
{
	if (b->left == 0)
		return 0;
	b->left--;
	return *b->data++;
}

static uint64_t
take_u64(bytes *b, int n)
{
	uint64_t	v = 0;

	for (int k = 0; k < n; k++)
		v = (v << 8) | take_u8(b);
	return v;
}

/* A NUL-terminated copy of up to max bytes (NUL bytes become spaces: stored text has none). */
static char *
take_text(bytes *b, arena *a, size_t max, bool *utf8)
{
	size_t		n = max < b->left ? max : b->left;
	char	   *s = arena_alloc(a, n + 1);

	for (size_t k = 0; k < n; k++)
		s[k] = b->data[k] ? (char) b->data[k] : ' ';
	s[n] = '\0';
	b->data += n;
	b->left -= n;
	*utf8 = *utf8 && valid_utf8((const unsigned char *) s, n);
	return s;
}

/* Mostly the five state letters, sometimes any other byte. */
static char *
take_states(bytes *b, arena *a, int count)
{
	char	   *s = arena_alloc(a, (size_t) count + 1);

	for (int k = 0; k < count; k++)
	{
		uint8_t		c = take_u8(b);

		s[k] = c < 200 ? "abnpu"[c % 5] : (char) c;
	}
	s[count] = '\0';
	return s;
}

/* Small counts mostly; sometimes the extremes and any scale. */
static gd_value
take_value(bytes *b)
{
	uint8_t		kind = take_u8(b);
	gd_value	v = {0};

	v.known = (kind & 1) != 0;
	switch ((kind >> 1) & 3)
	{
		case 0:
			v.value = (int64_t) take_u8(b) - 8;
			break;
		case 1:
			v.value = (int64_t) take_u64(b, 8);
			break;
		case 2:
			v.value = (kind & 8) ? INT64_MIN : INT64_MAX;
			break;
		default:
			v.value = (int64_t) take_u64(b, 3);
	}
	v.scale = (kind & 16) ? take_u8(b) : (uint8_t) ((kind >> 5) % 3);
	return v;
}

static bool inputs_utf8;

static void
fail(const char *what)
{
	fprintf(stderr, "invariant broken: %s\n", what);
	abort();
}

/* What numeric_in accepts: -?digits(.digits)? */
static bool
decimal_text(const char *s)
{
	size_t		k = (*s == '-') ? 1 : 0,
				digits = 0;

	for (; s[k] >= '0' && s[k] <= '9'; k++)
		digits++;
	if (s[k] == '.')
		for (k++; s[k] >= '0' && s[k] <= '9'; k++)
			digits++;
	return digits > 0 && s[k] == '\0';
}

static void
check_finding(void *ctx, const gd_finding *f)
{
	(void) ctx;
	if (f->rule_id == NULL || f->table_name == NULL || f->severity == NULL ||
		(strcmp(f->severity, "error") != 0 && strcmp(f->severity, "warning") != 0))
		fail("finding fields");
	if (strlen(f->message) >= GD_FINDING_MESSAGE_LEN || strlen(f->cells) >= GD_FINDING_CELLS_LEN)
		fail("finding length");
	if ((f->expected[0] && !decimal_text(f->expected)) || (f->actual[0] && !decimal_text(f->actual)))
		fail("finding number");
	if (inputs_utf8 && (!valid_utf8((const unsigned char *) f->message, strlen(f->message)) ||
						!valid_utf8((const unsigned char *) f->cells, strlen(f->cells))))
		fail("finding text");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bytes		b = {data, size};
	arena		a = {NULL};
	gd_check_input *in = arena_alloc(&a, sizeof(gd_check_input));
	uint8_t		present = take_u8(&b);

	memset(in, 0, sizeof(*in));
	inputs_utf8 = true;
	in->year = (int) (int32_t) take_u64(&b, 4);
	in->template_kind = (gd_template) (take_u8(&b) % 3);
	if (present & 1)
		in->req_states = take_states(&b, &a, GD_REQ_ROWS * GD_REQ_COLS);
	for (int k = 0; k < GD_REQ_ROWS * GD_REQ_COLS; k++)
		in->req[k] = take_value(&b);
	if (present & 2)
	{
		in->active_count = take_u8(&b) % (GD_ACTIVE_MAX + 1);
		in->active_states = take_states(&b, &a, in->active_count);
	}
	for (int k = 0; k < in->active_count; k++)
		in->active[k] = take_value(&b);
	if (present & 4)
		in->review_states = take_states(&b, &a, GD_REV_CELLS);
	for (int k = 0; k < GD_REV_CELLS; k++)
		in->review[k] = take_value(&b);
	in->fact_count = take_u8(&b) % (GD_MAX_FACTS + 1);
	for (int k = 0; k < in->fact_count; k++)
	{
		gd_check_fact *f = &in->facts[k];

		f->key = (gd_fact_key) (take_u8(&b) % GD_FACT_KEY_COUNT);
		f->value = take_value(&b);
		f->unit = take_text(&b, &a, take_u8(&b) % 16, &inputs_utf8);
		/* spans of any length: the last one takes the rest of the input (megabytes) */
		f->span = take_text(&b, &a, k + 1 == in->fact_count ? b.left : take_u64(&b, 2), &inputs_utf8);
		f->span_len = strlen(f->span);
	}
	gd_check(in, check_finding, NULL);
	arena_free_all(&a);
	return 0;
}
