/*
 * COPY into govdisclose.documents.  The table's row trigger drops a body
 * already stored (same MD5) by returning NULL, and COPY counts only the rows
 * it stored, so "already present" is the rows sent minus the count COPY
 * returns.  A batch the server refuses is sent again row by row, so one
 * refused file never costs the others.  Two batches: one filling while the
 * server stores and parses the other.  A batch goes as soon as the server is
 * idle and it holds BATCH_ROWS_IDLE rows, so the server works while files
 * convert and little is left for it after the last file.
 */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_ROWS 200
/* fewer rows per COPY would cost more in statement triggers than the overlap gains */
#define BATCH_ROWS_IDLE 32
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

/* Send one COPY of rows [first, first + count) of a batch; its result is read by copy_result(). */
static int
copy_start(loader *ld, const copy_batch *b, size_t first, size_t count, char *err, size_t err_size)
{
	size_t		from = b->row_starts[first];
	size_t		to = first + count < b->row_count ? b->row_starts[first + count] : b->rows.len;
	PGresult   *res = PQexec(ld->conn, copy_command);
	int			started = PQresultStatus(res) == PGRES_COPY_IN;

	PQclear(res);
	if (!started || PQputCopyData(ld->conn, b->rows.data + from, (int) (to - from)) != 1 ||
		PQputCopyEnd(ld->conn, NULL) != 1)
	{
		snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
		/* a COPY that did start must still be finished */
		while (started && (res = PQgetResult(ld->conn)) != NULL)
			PQclear(res);
		return -1;
	}
	return 0;
}

/* The rows the COPY sent last stored, or -1 on an error (message in err). */
static long
copy_result(loader *ld, char *err, size_t err_size)
{
	PGresult   *res;
	long		stored = -1;

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

/*
 * Count a sent batch from what its COPY stored; when the server refused it,
 * send its rows one by one to name the refused files and store the others.
 */
static int
settle(loader *ld, copy_batch *b, long stored, char *err, size_t err_size)
{
	size_t		refused = 0;

	if (stored < 0)
	{
		if (PQstatus(ld->conn) != CONNECTION_OK)
			return -1;
		stored = 0;
		for (size_t i = 0; i < b->row_count; i++)
		{
			long		one = copy_start(ld, b, i, 1, err, err_size) == 0 ? copy_result(ld, err, err_size) : -1;

			if (one < 0 && PQstatus(ld->conn) != CONNECTION_OK)
				return -1;
			if (one < 0)
			{
				err[strcspn(err, "\n")] = '\0';
				ld->on_reject(b->row_files[i], err, ld->reject_context);
				refused++;
			}
			else
				stored += one;
		}
	}
	ld->loaded += (size_t) stored;
	ld->already_present += b->row_count - refused - (size_t) stored;
	b->row_count = 0;
	b->rows.len = 0;
	err[0] = '\0';
	return 0;
}

/* Wait for the batch in flight, if any, and count it. */
static int
collect(loader *ld, char *err, size_t err_size)
{
	if (!ld->in_flight)
		return 0;
	ld->in_flight = 0;
	return settle(ld, &ld->batches[!ld->filling], copy_result(ld, err, err_size), err, err_size);
}

/*
 * Send the batch being filled and return without waiting for the server's
 * parse: the children convert the next files meanwhile.  Only one batch is
 * in flight; the one before is collected first.
 */
static int
send_batch(loader *ld, char *err, size_t err_size)
{
	copy_batch *b = &ld->batches[ld->filling];

	if (collect(ld, err, err_size) != 0)
		return -1;
	if (b->row_count == 0)
		return 0;
	if (copy_start(ld, b, 0, b->row_count, err, err_size) != 0)
		return settle(ld, b, -1, err, err_size);
	ld->in_flight = 1;
	ld->filling = !ld->filling;
	return 0;
}

int
loader_socket(const loader *ld)
{
	return ld->in_flight ? PQsocket(ld->conn) : -1;
}

int
loader_poll(loader *ld, char *err, size_t err_size)
{
	if (ld->in_flight)
	{
		if (PQconsumeInput(ld->conn) != 1)
		{
			snprintf(err, err_size, "%s", PQerrorMessage(ld->conn));
			return -1;
		}
		if (PQisBusy(ld->conn))
			return 0;
		if (collect(ld, err, err_size) != 0)
			return -1;
	}
	if (ld->batches[ld->filling].row_count >= BATCH_ROWS_IDLE)
		return send_batch(ld, err, err_size);
	return 0;
}

int
loader_flush(loader *ld, char *err, size_t err_size)
{
	if (send_batch(ld, err, err_size) != 0)
		return -1;
	return collect(ld, err, err_size);
}

int
loader_add(loader *ld, size_t file_index, const char *source, doc_format format,
		   const buffer *text, char *err, size_t err_size)
{
	copy_batch *b = &ld->batches[ld->filling];

	if (b->row_count == b->row_cap)
	{
		b->row_cap = b->row_cap ? b->row_cap * 2 : BATCH_ROWS;
		b->row_files = realloc(b->row_files, b->row_cap * sizeof(size_t));
		b->row_starts = realloc(b->row_starts, b->row_cap * sizeof(size_t));
		if (b->row_files == NULL || b->row_starts == NULL)
		{
			snprintf(err, err_size, "out of memory");
			return -1;
		}
	}
	b->row_files[b->row_count] = file_index;
	b->row_starts[b->row_count] = b->rows.len;
	b->row_count++;
	copy_escape_path(&b->rows, source);
	buffer_append(&b->rows, "\t", 1);
	buffer_append(&b->rows, format_name(format), strlen(format_name(format)));
	buffer_append(&b->rows, "\t", 1);
	copy_escape(&b->rows, text->data, text->len);
	buffer_append(&b->rows, "\n", 1);
	if (b->row_count >= BATCH_ROWS || b->rows.len >= BATCH_BYTES)
		return send_batch(ld, err, err_size);
	return 0;
}

void
loader_finish(loader *ld)
{
	PQfinish(ld->conn);
	for (int i = 0; i < 2; i++)
	{
		buffer_free(&ld->batches[i].rows);
		free(ld->batches[i].row_files);
		free(ld->batches[i].row_starts);
	}
	ld->conn = NULL;
}
