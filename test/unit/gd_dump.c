/*
 * gd_dump - parse report files with the core alone and print what was read
 * as JSON (one object per file).  For debugging and for comparing layouts
 * without a server: gd_dump FILE...
 *
 * gd_dump --all FILE... prints every field of gd_report (cell states,
 * scales, lines, inferred marks, spans, sections, problem codes): two builds
 * of the core that print the same are indistinguishable to the glue, which
 * is how a restructure is shown to change nothing.  --skip-facts parses as
 * the functions that return no facts do.
 */
#include "../../src/gd_core.h"
#include "arena.h"

#include <string.h>

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0,
				n = 0,
				got;

	if (!f)
		return NULL;
	do
	{
		if (n == cap)
		{
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void
print_cell(const gd_cell *c)
{
	char		num[32];

	if (c->state == GD_ABSENT || c->state == GD_BLANK || c->state == GD_UNREADABLE)
	{
		printf("null");
		return;
	}
	gd_cell_format(c, num, sizeof(num));
	printf("%s", num);
}

static void
print_string(const char *s, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			putchar('\\');
		if ((unsigned char) s[i] < 0x20)
			printf("\\u%04x", (unsigned char) s[i]);
		else
			putchar(s[i]);
	}
	putchar('"');
}

static bool all_fields;
static bool skip_facts;

/* Every field of a cell: state letter, value, scale, inferred, line. */
static void
print_cell_full(const gd_cell *c)
{
	printf("\"%c%lld/%u%s@%u\"", gd_state_letter(c), (long long) c->value, c->scale,
		   c->inferred ? "i" : "", c->line);
}

static void
print_span(const gd_report *r, gd_span s)
{
	printf("[%zu, %zu, ", s.off, s.len);
	if (s.off <= r->text_len && s.len <= r->text_len - s.off)
		print_string(r->text + s.off, s.len);
	else
		printf("\"OUT OF TEXT\"");
	printf("]");
}

/* What --all adds: the fields the summary leaves out. */
static void
dump_all(const gd_report *r)
{
	uint64_t	hash = UINT64_C(14695981039346656037);	/* FNV-1a of the text */

	for (size_t i = 0; i < r->text_len; i++)
		hash = (hash ^ (unsigned char) r->text[i]) * UINT64_C(1099511628211);
	printf(",\n \"text_len\": %zu, \"text_hash\": \"%016llx\", \"title\": ", r->text_len,
		   (unsigned long long) hash);
	print_span(r, r->title);
	printf(", \"title_text\": ");
	if (r->title_text)
		print_string(r->title_text, r->title_text_len);
	else
		printf("null");
	printf(",\n \"sections\": [");
	for (int k = 0; k < GD_SECTIONS; k++)
	{
		printf("%s\n  [%d, ", k ? "," : "", r->section_found[k]);
		print_span(r, r->section_heading[k]);
		printf(", [%zu, %zu]]", r->section_content[k].off, r->section_content[k].len);
	}
	printf("],\n \"flags\": [%d, %d, %d, %d, %d], \"active_count\": %d,\n \"cells\": [",
		   r->has_requests, r->other_undivided, r->has_active, r->has_review, r->layout,
		   r->active_count);
	for (int k = 0; k < GD_REQ_ROWS; k++)
	{
		printf("%s\n  [", k ? "," : "");
		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			printf(c ? ", " : "");
			print_cell_full(&r->requests[k][c]);
		}
		printf("]");
	}
	printf(",\n  [");
	for (int k = 0; k < GD_ACTIVE_MAX; k++)
	{
		printf(k ? ", " : "");
		print_cell_full(&r->active[k]);
	}
	printf("],\n  [");
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		printf(k ? ", " : "");
		print_cell_full(&r->review[k]);
	}
	printf("]],\n \"fact_spans\": [");
	for (int k = 0; k < r->fact_count; k++)
	{
		printf("%s\n  [\"%s\", ", k ? "," : "", gd_fact_keys[r->facts[k].key]);
		print_cell_full(&r->facts[k].value);
		printf(", \"%s\", ", r->facts[k].unit ? r->facts[k].unit : "");
		print_span(r, r->facts[k].span);
		printf("]");
	}
	printf("],\n \"problem_codes\": [");
	for (int k = 0; k < r->problem_count; k++)
		printf("%s[%d, %u]", k ? ", " : "", r->problems[k].code, r->problems[k].line);
	printf("]");
}

static void
dump(const char *path)
{
	size_t		len;
	char	   *buf = read_file(path, &len);
	arena		a = {NULL};
	gd_options	opt = {.alloc = arena_alloc, .alloc_ctx = &a, .skip_facts = skip_facts};
	gd_report  *r = malloc(sizeof(gd_report));
	int			nm;
	const gd_active_measure *m;

	if (!buf || !r)
	{
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	gd_parse(buf, len, &opt, r);
	printf("{\"file\": ");
	print_string(path, strlen(path));
	printf(", \"org\": ");
	if (r->org_text)
		print_string(r->org_text, r->org_text_len);
	else
		printf("null");
	printf(", \"year\": %d, \"layout\": \"%s\", \"template\": \"%s\",\n \"requests\": {",
		   r->year, gd_layout_name(r->layout),
		   gd_template_name(r->template_kind) ? gd_template_name(r->template_kind) : "");
	for (int k = 0; k < GD_REQ_ROWS; k++)
	{
		printf("%s\n  \"%s\": [", k ? "," : "", gd_request_row_keys[k]);
		for (int c = 0; c < GD_REQ_COLS; c++)
		{
			printf(c ? ", " : "");
			print_cell(&r->requests[k][c]);
		}
		printf("]");
	}
	printf("},\n \"active\": {");
	m = gd_active_measures(r->template_kind, &nm);
	for (int k = 0; k < nm; k++)
	{
		printf("%s\"%s.%s\": ", k ? ", " : "", m[k].item, m[k].measure);
		print_cell(&r->active[k]);
	}
	printf("},\n \"review\": [");
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		printf(k ? ", " : "");
		print_cell(&r->review[k]);
	}
	printf("],\n \"facts\": {");
	for (int k = 0; k < r->fact_count; k++)
	{
		printf("%s\"%s\": ", k ? ", " : "", gd_fact_keys[r->facts[k].key]);
		print_cell(&r->facts[k].value);
	}
	printf("},\n \"problems\": [");
	for (int k = 0; k < r->problem_count; k++)
	{
		printf("%s\n  ", k ? "," : "");
		print_string(r->problems[k].message, strlen(r->problems[k].message));
	}
	printf("]");
	if (all_fields)
		dump_all(r);
	printf("}\n");
	arena_free_all(&a);
	free(r);
	free(buf);
}

int
main(int argc, char **argv)
{
	int			first = 1;

	for (; first < argc && argv[first][0] == '-'; first++)
	{
		if (strcmp(argv[first], "--all") == 0)
			all_fields = true;
		else if (strcmp(argv[first], "--skip-facts") == 0)
			skip_facts = true;
		else
		{
			fprintf(stderr, "usage: gd_dump [--all] [--skip-facts] FILE...\n");
			return 2;
		}
	}
	for (int i = first; i < argc; i++)
		dump(argv[i]);
	return 0;
}
