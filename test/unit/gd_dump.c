/*
 * gd_dump - parse report files with the core alone and print what was read
 * as JSON (one object per file).  For debugging and for comparing layouts
 * without a server: gd_dump FILE...
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

static void
dump(const char *path)
{
	size_t		len;
	char	   *buf = read_file(path, &len);
	arena		a = {NULL};
	gd_options	opt = {arena_alloc, &a, NULL, NULL, false};
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
	printf("]}\n");
	arena_free_all(&a);
	free(r);
	free(buf);
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		dump(argv[i]);
	return 0;
}
