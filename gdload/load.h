/*
 * gdload: loading converted texts into govdisclose.documents with COPY, in
 * batches, counting what was stored and what was already there.
 */
#ifndef GDLOAD_LOAD_H
#define GDLOAD_LOAD_H

#include <stddef.h>

#include <libpq-fe.h>

#include "convert.h"

/* A file the server refused: the caller names it in the summary. */
typedef void (*reject_callback) (size_t file_index, const char *message, void *context);

typedef struct
{
	buffer		rows;			/* COPY text-format rows */
	size_t	   *row_files;		/* file index of each row */
	size_t	   *row_starts;		/* offset of each row in rows */
	size_t		row_count;
	size_t		row_cap;
} copy_batch;

typedef struct
{
	PGconn	   *conn;
	copy_batch	batches[2];
	int			filling;		/* batches[filling] takes new rows */
	int			in_flight;		/* the other batch is sent, its result not read yet */
	size_t		loaded;
	size_t		already_present;
	reject_callback on_reject;
	void	   *reject_context;
} loader;

/*
 * Connect with psql's options (NULL for unset; dbname may be a conninfo
 * string) and the PG* environment; check govdisclose.documents is there.
 * On failure returns -1 with a message in err.
 */
int			loader_connect(loader *ld, const char *host, const char *port, const char *user,
						   const char *dbname, char *err, size_t err_size);

/* Queue one text; sends the batch when it is full.  -1: the connection is gone (message in err). */
int			loader_add(loader *ld, size_t file_index, const char *source, doc_format format,
					   const buffer *text, char *err, size_t err_size);

/* The socket to poll while a batch is in flight, else -1. */
int			loader_socket(const loader *ld);

/*
 * Without blocking: count the batch in flight if the server has finished
 * it, and send the one filling if the server is idle and it holds enough
 * rows.  -1: the connection is gone (message in err).
 */
int			loader_poll(loader *ld, char *err, size_t err_size);

/* Send what is queued and wait until all is stored.  -1: the connection is gone. */
int			loader_flush(loader *ld, char *err, size_t err_size);

void		loader_finish(loader *ld);

/* COPY text format: backslash, tab, newline and carriage return escaped (exposed for tests). */
void		copy_escape(buffer *out, const char *s, size_t len);

#endif
