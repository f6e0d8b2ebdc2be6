/*
 * govdisclose.h - what the PostgreSQL glue files share.
 */
#ifndef GOVDISCLOSE_H
#define GOVDISCLOSE_H

#include "postgres.h"

#include "gd_core.h"

typedef struct parsed
{
	MemoryContext cxt;			/* holds the report and everything it points to */
	gd_report  *r;
} parsed;

/* How much of a report a caller reads: the later stages cost most of a parse. */
typedef enum parse_scope
{
	PARSE_SECTIONS,				/* the section spans alone */
	PARSE_REQUESTS,				/* the requests table alone */
	PARSE_TABLES,				/* everything but the narrative facts */
	PARSE_ALL
} parse_scope;

/* Parse a text argument in a private memory context (delete p.cxt when done). */
parsed		parse_text(text *body, parse_scope scope);

/* The publication date of a parsed report as a date Datum; *isnull when there is none. */
Datum		published_datum(const gd_report *r, bool *isnull);

#endif							/* GOVDISCLOSE_H */
