/*
 * gdload: turning one report file into the UTF-8 text that is loaded.
 *
 * convert_file() detects the format from the content and converts it.  It
 * parses hostile formats (PDF, DOCX, DOC), so gdload only ever calls it in a
 * forked child (see worker.c): a crash there costs one file, not the run.
 */
#ifndef GDLOAD_CONVERT_H
#define GDLOAD_CONVERT_H

#include <stddef.h>

typedef enum
{
	FORMAT_UNKNOWN,
	FORMAT_PDF,
	FORMAT_DOCX,
	FORMAT_DOC,
	FORMAT_HTML,
	FORMAT_TEXT
} doc_format;

/* Why a file gave no text; each is one reason of the summary. */
typedef enum
{
	CONVERTED,
	UNREADABLE_ENCRYPTED,
	UNREADABLE_NO_TEXT_LAYER,
	UNREADABLE_CORRUPT,
	UNREADABLE_EMPTY,
	UNREADABLE_UNKNOWN_FORMAT,
	UNREADABLE_TOO_BIG,
	UNREADABLE_IO,
	REFUSED_BY_SERVER			/* converted, but the database would not store it */
} conversion_status;

typedef struct
{
	char	   *data;
	size_t		len;
	size_t		cap;
} buffer;

typedef struct
{
	size_t		max_file_bytes;		/* a larger file is not read */
	size_t		max_unpacked_bytes; /* cap on what a DOCX or DOC unpacks to */
	int			doc_via_libreoffice;	/* 1: LibreOffice converts .doc; 0: catdoc */
	const char *libreoffice_profile;	/* private profile folder for LibreOffice */
} conversion_limits;

typedef struct
{
	conversion_status status;
	doc_format	format;
	buffer		text;			/* UTF-8 without NUL bytes when CONVERTED */
	char		detail[256];	/* what exactly was wrong, for the summary */
} conversion;

void		convert_file(const char *path, const conversion_limits *limits, conversion *out);

const char *format_name(doc_format format);
const char *status_reason(conversion_status status);

void		buffer_append(buffer *buf, const void *data, size_t len);
void		buffer_free(buffer *buf);
void		remove_tree(const char *path);

/* in pdf_text.cpp: poppler's layout text of a PDF, pages ended by form feeds */
typedef enum
{
	PDF_TEXT_OK,
	PDF_TEXT_ENCRYPTED,
	PDF_TEXT_CORRUPT
} pdf_text_status;

pdf_text_status pdf_layout_text(const char *data, size_t len, buffer *out);

#endif
