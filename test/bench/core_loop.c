/*
 * core_loop - parse the bodies of a bench corpus (the .copy files run.sh writes
 * into test/bench/work, COPY text format: source TAB body) with the core alone, for profiling and
 * instruction counts without a server:
 *   core_loop [--skip-facts | --requests-only] COPY-FILE [N [ROUNDS]]
 * parses the first N bodies (default all) ROUNDS times (default 1) and
 * prints a checksum of what was read, so a change in output shows too
 * (--requests-only: request_cells' parse, whose reports hold no year and
 * fewer problems, so its checksum is its own).
 * Build: test/bench/core_loop.sh builds it with the core's sources.
 */
#include "../../src/gd_core.h"
#include "../unit/arena.h"

#include <string.h>

typedef struct body
{
	char	   *text;
	size_t		len;
} body;

/* One COPY text field into plain bytes (the escapes COPY writes). */
static size_t
unescape(char *s, size_t n)
{
	size_t		out = 0;

	for (size_t i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c == '\\' && i + 1 < n)
		{
			char		e = s[++i];

			c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' :
				e == 'f' ? '\f' : e == 'v' ? '\v' : e;
		}
		s[out++] = c;
	}
	return out;
}

static body *
read_corpus(const char *path, int *count)
{
	FILE	   *f = fopen(path, "rb");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	body	   *bodies = NULL;
	int			n = 0,
				room = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while ((got = getline(&line, &cap, f)) > 0)
	{
		char	   *tab = memchr(line, '\t', (size_t) got);
		size_t		len;

		if (!tab)
			continue;
		len = (size_t) got - (size_t) (tab + 1 - line);
		if (len > 0 && tab[len] == '\n')
			len--;
		if (n == room)
		{
			room = room ? room * 2 : 1024;
			bodies = realloc(bodies, (size_t) room * sizeof(body));
			if (!bodies)
				abort();
		}
		bodies[n].text = malloc(len + 1);
		if (!bodies[n].text)
			abort();
		memcpy(bodies[n].text, tab + 1, len);
		bodies[n].len = unescape(bodies[n].text, len);
		n++;
	}
	free(line);
	fclose(f);
	*count = n;
	return bodies;
}

int
main(int argc, char **argv)
{
	gd_options	opt = {0};
	arena		a = {0};
	body	   *bodies;
	int			first = 1,
				count,
				n,
				rounds;
	uint64_t	checksum = 0;

	if (first < argc && strcmp(argv[first], "--skip-facts") == 0)
	{
		opt.skip_facts = true;
		first++;
	}
	else if (first < argc && strcmp(argv[first], "--requests-only") == 0)
	{
		opt.skip_facts = opt.requests_only = true;
		first++;
	}
	if (first >= argc)
	{
		fprintf(stderr, "usage: core_loop [--skip-facts | --requests-only] COPY-FILE [N [ROUNDS]]\n");
		return 2;
	}
	bodies = read_corpus(argv[first], &count);
	n = first + 1 < argc && atoi(argv[first + 1]) < count ? atoi(argv[first + 1]) : count;
	rounds = first + 2 < argc ? atoi(argv[first + 2]) : 1;
	opt.alloc = arena_alloc;
	opt.alloc_ctx = &a;
	for (int round = 0; round < rounds; round++)
		for (int i = 0; i < n; i++)
		{
			gd_report	r;

			gd_parse(bodies[i].text, bodies[i].len, &opt, &r);
			checksum = checksum * 31 + (uint64_t) r.problem_count * 7 + (uint64_t) r.year;
			for (int row = 0; row < GD_REQ_ROWS; row++)
				for (int col = 0; col < GD_REQ_COLS; col++)
					checksum = checksum * 31 + (uint64_t) r.requests[row][col].value +
						r.requests[row][col].state;
			arena_free_all(&a);
		}
	printf("%d reports x %d rounds, checksum %016llx\n", n, rounds, (unsigned long long) checksum);
	for (int i = 0; i < count; i++)
		free(bodies[i].text);
	free(bodies);
	return 0;
}
