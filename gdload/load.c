/*
 * COPY into govdisclose.documents.  The table's row trigger drops a body
 * already stored (same MD5) by returning NULL, and COPY counts only the rows
 * it stored, so "already present" is the rows sent minus the count COPY
 * returns.  A batch the server refuses is sent again row by row, so one
 * refused file never costs the others.
 */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_ROWS 200
#define BATCH_BYTES ((size_t) 16 << 20)

static const char copy_command[] = "COPY govdisclose.documents (source, format, body) FROM STDIN";

void
copy_escape(buffer *out, const char *s, size_t len)
{
	size_t		run = 0;

	for (size_t i = 0; i < len; i++)
	{
		const char *escaped;

		switch (s[i])
		{
			case '\\':
				escaped = "\\\\";
				break;
			case '\t':
				escaped = "\\t";
				break;
			case '\n':
				escaped = "\\n";
				break;
			case '\r':
				escaped = "\\r";
				break;
			default:
				continue;
		}
		buffer_append(out, s + run, i - run);
		buffer_append(out, escaped, 2);
		run = i + 1;
	}
	buffer_append(out, s + run, len - run);
}

/*
 * A file name is bytes; the column is UTF-8.  Bytes that are not UTF-8 are
 * written as the four characters \xNN, so the name still says which file.
 */
static void
copy_escape_path(buffer *out, const char *path)
{
	const unsigned char *p = (const unsigned char *) path;

	while (*p)
	{
		size_t		n = 0;

		if (*p >= 0xC2 && *p <= 0xF4)
			n = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : 1;
		for (size_t k = 1; k <= n; k++)
			if ((p[k] & 0xC0) != 0x80)
				n = 0;
		if (*p < 0x80 || n > 0)
		{
			copy_escape(out, (const char *) p, n + 1);
			p += n + 1;
		}
		else
		{
			char		hex[8];

			snprintf(hex, sizeof(hex), "\\\\x%02X", *p++);
			buffer_append(out, hex, strlen(hex));
		}
	}
}

int
loader_connect(loader *ld, const char *host, const char *port, const char *user,
			   const char *dbname, char *err, size_t err_size)
{
	/* client_encoding last: the texts are UTF-8 whatever PGCLIENTENCODING says */
	const char *keywords[] = {"host", "port", "user", "dbname", "fallback_application_name", "client_encoding", NULL};
	const char *values[] = {host, port, user, dbname, "gdload", "UTF8", NULL};
	PGresult   *res;

	memset(ld, 0, sizeof(*ld));
	ld->conn = PQconnectdbParams(keywords, values, 1);
	if (PQstatus(ld->conn) != CONNECTION_OK)
	{
		snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
		return -1;
	}
	res = PQexec(ld->conn,
				 "SELECT pg_catalog.to_regclass('govdisclose.documents') IS NOT NULL,"
				 " EXISTS (SELECT FROM pg_catalog.pg_attribute"
				 "  WHERE attrelid = pg_catalog.to_regclass('govdisclose.documents')"
				 "  AND attname = 'format' AND NOT attisdropped)");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
	else if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
		snprintf(err, err_size, "database \"%s\" has no table govdisclose.documents: run CREATE EXTENSION govdisclose there first\n",
				 PQdb(ld->conn));
	else if (strcmp(PQgetvalue(res, 0, 1), "t") != 0)
		snprintf(err, err_size, "govdisclose.documents in database \"%s\" has no column format: update the govdisclose extension\n",
				 PQdb(ld->conn));
	else
		err[0] = '\0';
	PQclear(res);
	return err[0] ? -1 : 0;
}

/* One COPY of rows [first, first + count); returns the rows stored, -1 on an error (message in err). */
static long
copy_rows(loader *ld, size_t first, size_t count, char *err, size_t err_size)
{
	size_t		from = ld->row_starts[first];
	size_t		to = first + count < ld->row_count ? ld->row_starts[first + count] : ld->rows.len;
	PGresult   *res = PQexec(ld->conn, copy_command);
	long		stored = -1;

	if (PQresultStatus(res) != PGRES_COPY_IN)
	{
		snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	if (PQputCopyData(ld->conn, ld->rows.data + from, (int) (to - from)) != 1 ||
		PQputCopyEnd(ld->conn, NULL) != 1)
	{
		snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
		return -1;
	}
	while ((res = PQgetResult(ld->conn)) != NULL)
	{
		if (PQresultStatus(res) == PGRES_COMMAND_OK)
			stored = atol(PQcmdTuples(res));
		else
			snprintf(err, err_size, "%s", PQresultErrorMessage(res));
		PQclear(res);
	}
	return stored;
}

int
loader_flush(loader *ld, char *err, size_t err_size)
{
	long		stored;
	size_t		refused = 0;

	if (ld->row_count == 0)
		return 0;
	stored = copy_rows(ld, 0, ld->row_count, err, err_size);
	if (stored < 0)
	{
		if (PQstatus(ld->conn) != CONNECTION_OK)
			return -1;
		/* find the refused rows; the others are stored one by one */
		stored = 0;
		for (size_t i = 0; i < ld->row_count; i++)
		{
			long		one = copy_rows(ld, i, 1, err, err_size);

			if (one < 0 && PQstatus(ld->conn) != CONNECTION_OK)
				return -1;
			if (one < 0)
			{
				err[strcspn(err, "\n")] = '\0';
				ld->on_reject(ld->row_files[i], err, ld->reject_context);
				refused++;
			}
			else
				stored += one;
		}
	}
	ld->loaded += (size_t) stored;
	ld->already_present += ld->row_count - refused - (size_t) stored;
	ld->row_count = 0;
	ld->rows.len = 0;
	err[0] = '\0';
	return 0;
}

int
loader_add(loader *ld, size_t file_index, const char *source, doc_format format,
		   const buffer *text, char *err, size_t err_size)
{
	if (ld->row_count == ld->row_cap)
	{
		ld->row_cap = ld->row_cap ? ld->row_cap * 2 : BATCH_ROWS;
		ld->row_files = realloc(ld->row_files, ld->row_cap * sizeof(size_t));
		ld->row_starts = realloc(ld->row_starts, ld->row_cap * sizeof(size_t));
		if (ld->row_files == NULL || ld->row_starts == NULL)
		{
			snprintf(err, err_size, "out of memory");
			return -1;
		}
	}
	ld->row_files[ld->row_count] = file_index;
	ld->row_starts[ld->row_count] = ld->rows.len;
	ld->row_count++;
	copy_escape_path(&ld->rows, source);
	buffer_append(&ld->rows, "\t", 1);
	buffer_append(&ld->rows, format_name(format), strlen(format_name(format)));
	buffer_append(&ld->rows, "\t", 1);
	copy_escape(&ld->rows, text->data, text->len);
	buffer_append(&ld->rows, "\n", 1);
	if (ld->row_count >= BATCH_ROWS || ld->rows.len >= BATCH_BYTES)
		return loader_flush(ld, err, err_size);
	return 0;
}

void
loader_finish(loader *ld)
{
	PQfinish(ld->conn);
	buffer_free(&ld->rows);
	free(ld->row_files);
	free(ld->row_starts);
	ld->conn = NULL;
}
