/*
 * arena.h - the allocator the tests and the fuzzer hand to the core: every
 * block is chained so one call frees a whole parse (as a memory context does).
 */
#ifndef GD_TEST_ARENA_H
#define GD_TEST_ARENA_H

#include <stdio.h>
#include <stdlib.h>

typedef struct arena_block
{
	struct arena_block *next;
	max_align_t data[];
} arena_block;

typedef struct arena
{
	arena_block *head;
} arena;

static inline void *
arena_alloc(void *ctx, size_t size)
{
	arena	   *a = ctx;
	arena_block *b = malloc(sizeof(arena_block) + size);

	if (b == NULL)
	{
		fprintf(stderr, "out of memory\n");
		abort();
	}
	b->next = a->head;
	a->head = b;
	return b->data;
}

static inline void
arena_free_all(arena *a)
{
	while (a->head)
	{
		arena_block *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}

#endif							/* GD_TEST_ARENA_H */
