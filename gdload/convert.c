/*
 * Format detection and conversion of one report file to UTF-8 text.
 *
 * The format comes from the content: %PDF-, a zip holding word/document.xml,
 * an OLE2 compound file holding a WordDocument stream, markup, else text.
 * Text is UTF-8 (checked strictly), UTF-16 (with a BOM or told by its zero
 * bytes), or GB18030 (which covers GBK and GB2312).
 */
#include "convert.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#define MIB (1024.0 * 1024.0)

void
buffer_append(buffer *buf, const void *data, size_t len)
{
	if (buf->len + len + 1 > buf->cap)
	{
		size_t		cap = buf->cap ? buf->cap : 4096;

		while (cap < buf->len + len + 1)
			cap *= 2;
		buf->data = realloc(buf->data, cap);
		if (buf->data == NULL)
		{
			/* in a converting child the parent reports the file; gdload itself cannot go on */
			fputs("gdload: out of memory\n", stderr);
			_exit(2);
		}
		buf->cap = cap;
	}
	memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void
buffer_free(buffer *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

const char *
format_name(doc_format format)
{
	switch (format)
	{
		case FORMAT_PDF:
			return "pdf";
		case FORMAT_DOCX:
			return "docx";
		case FORMAT_DOC:
			return "doc";
		case FORMAT_HTML:
			return "html";
		case FORMAT_TEXT:
			return "text";
		case FORMAT_UNKNOWN:
			break;
	}
	return "unknown";
}

const char *
status_reason(conversion_status status)
{
	switch (status)
	{
		case CONVERTED:
			return "converted";
		case UNREADABLE_ENCRYPTED:
			return "encrypted PDF";
		case UNREADABLE_NO_TEXT_LAYER:
			return "scanned: needs OCR";
		case UNREADABLE_CORRUPT:
			return "truncated or corrupt";
		case UNREADABLE_EMPTY:
			return "empty file";
		case UNREADABLE_UNKNOWN_FORMAT:
			return "unknown format";
		case UNREADABLE_TOO_BIG:
			return "over the size limit";
		case UNREADABLE_IO:
			return "cannot read";
		case REFUSED_BY_SERVER:
			return "refused by the server";
	}
	return "?";
}

static void
fail(conversion *out, conversion_status status, const char *fmt,...)
{
	va_list		args;

	out->status = status;
	va_start(args, fmt);
	vsnprintf(out->detail, sizeof(out->detail), fmt, args);
	va_end(args);
	buffer_free(&out->text);
}

/* ---------- text encodings ---------- */

/* Length of the valid UTF-8 prefix (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n;
		unsigned char lo = 0x80,
					hi = 0xBF;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF)
		{
			n = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		}
		else
			return i;
		if (i + n >= len)
			return i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		i += n + 1;
	}
	return i;
}

/* Convert with iconv; 0 on success, -1 if the input is not valid in that encoding. */
static int
iconv_to_utf8(const char *encoding, const char *in, size_t len, buffer *out)
{
	iconv_t		cd = iconv_open("UTF-8", encoding);
	char		chunk[65536];

	if (cd == (iconv_t) -1)
		return -1;
	char	   *src = (char *) in;
	size_t		left = len;

	while (left > 0)
	{
		char	   *dst = chunk;
		size_t		room = sizeof(chunk);

		if (iconv(cd, &src, &left, &dst, &room) == (size_t) -1 && errno != E2BIG)
		{
			iconv_close(cd);
			return -1;
		}
		buffer_append(out, chunk, (size_t) (dst - chunk));
	}
	iconv_close(cd);
	return 0;
}

/* Control characters other than tab, line and page breaks mean binary data, not text. */
static int
looks_binary(const char *s, size_t len)
{
	size_t		controls = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b)
			controls++;
	}
	return controls > len / 100 + 1;
}

static int
only_whitespace(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == 0xE3 && i + 2 < len && (unsigned char) s[i + 1] == 0x80 && (unsigned char) s[i + 2] == 0x80)
			i += 2;				/* ideographic space */
		else if (c == 0xC2 && i + 1 < len && (unsigned char) s[i + 1] == 0xA0)
			i += 1;				/* no-break space */
		else if (c != ' ' && (c < '\t' || c > '\r'))
			return 0;
	}
	return 1;
}

/* Case-insensitive search in the first `len` bytes. */
static const char *
find_nocase(const char *s, size_t len, const char *needle)
{
	size_t		n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

static int
looks_like_html(const char *s, size_t len)
{
	static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<title", "<p>", "<div"};
	size_t		i = 0;
	size_t		window;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (i >= len || s[i] != '<')
		return 0;
	window = len - i < 2048 ? len - i : 2048;
	for (size_t t = 0; t < sizeof(tags) / sizeof(tags[0]); t++)
		if (find_nocase(s + i, window, tags[t]))
			return 1;
	return 0;
}

/* The charset a page declares (<meta charset=…> or content="…; charset=…"), lower-cased. */
static int
declared_charset(const char *s, size_t len, char *name, size_t size)
{
	size_t		window = len < 4096 ? len : 4096;
	const char *at = find_nocase(s, window, "charset=");
	size_t		n = 0;

	if (at == NULL)
		return 0;
	at += strlen("charset=");
	while (at < s + window && (*at == '"' || *at == '\''))
		at++;
	while (at < s + window && n + 1 < size &&
		   ((*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || (*at >= '0' && *at <= '9') ||
			*at == '-' || *at == '_'))
		name[n++] = (char) (*at >= 'A' && *at <= 'Z' ? *at + 32 : *at);
	name[n] = '\0';
	return n > 0;
}

/*
 * UTF-16 written without a byte order mark, told by its zero bytes: the high
 * byte of every ASCII character (digits, spaces, line ends: a report has
 * many) is on one side of the code units, and only the few characters
 * U+XX00 (一, U+4E00, among them) put one on the other side.  Text in any
 * other encoding has no zero byte, and binary data has them on both sides
 * alike.  "UTF-16LE", "UTF-16BE", or NULL.
 */
static const char *
utf16_without_bom(const unsigned char *u, size_t len)
{
	size_t		zeros[2] = {0, 0};

	if (len < 64 || len % 2 != 0)
		return NULL;
	for (size_t i = 0; i < len; i++)
		zeros[i % 2] += u[i] == 0;
	/* one code unit in twenty is ASCII at the least, and few are U+XX00 */
	if (zeros[1] * 20 >= len / 2 && zeros[0] * 8 <= zeros[1])
		return "UTF-16LE";
	if (zeros[0] * 20 >= len / 2 && zeros[1] * 8 <= zeros[0])
		return "UTF-16BE";
	return NULL;
}

/*
 * Text or HTML: decode to UTF-8.  UTF-16 is told by its BOM or else by its
 * zero bytes; UTF-8 is taken only when the whole file is valid; otherwise a
 * page's declared charset, then GB18030.  The UTF-8 BOM is kept: the parser skips it, and the body stays
 * the file's own text.
 */
static void
convert_text(const char *data, size_t len, conversion *out)
{
	const unsigned char *u = (const unsigned char *) data;
	char		charset[40];
	bool		bom = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
	const char *utf16 = bom ? (u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE") : utf16_without_bom(u, len);

	if (utf16 != NULL)
	{
		if (iconv_to_utf8(utf16, data + (bom ? 2 : 0), len - (bom ? 2 : 0), &out->text) != 0)
		{
			fail(out, UNREADABLE_CORRUPT, "not valid %s text (cut in the middle of a character?)", utf16);
			return;
		}
	}
	else if (utf8_valid_prefix(u, len) == len)
		buffer_append(&out->text, data, len);
	else
	{
		const char *encoding = "GB18030";

		if (memchr(data, '\0', len))
		{
			fail(out, UNREADABLE_UNKNOWN_FORMAT, "binary data: not PDF, DOCX, DOC, HTML or text");
			return;
		}
		if (looks_like_html(data, len) && declared_charset(data, len, charset, sizeof(charset)) &&
			strcmp(charset, "utf-8") != 0 && strcmp(charset, "utf8") != 0 &&
			strcmp(charset, "gb2312") != 0 && strcmp(charset, "gbk") != 0)
			encoding = charset;
		if (iconv_to_utf8(encoding, data, len, &out->text) != 0 &&
			(strcmp(encoding, "GB18030") == 0 ||
			 (buffer_free(&out->text), iconv_to_utf8("GB18030", data, len, &out->text) != 0)))
		{
			fail(out, UNREADABLE_UNKNOWN_FORMAT, "neither UTF-8, UTF-16 nor GB18030 text");
			return;
		}
	}
	if (looks_binary(out->text.data, out->text.len))
	{
		fail(out, UNREADABLE_UNKNOWN_FORMAT, "binary data: not PDF, DOCX, DOC, HTML or text");
		return;
	}
	out->format = looks_like_html(out->text.data, out->text.len) ? FORMAT_HTML : FORMAT_TEXT;
}

/* ---------- DOCX: word/document.xml read with libxml2 ---------- */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/*
 * Where the walk is.  Only the outermost table gives rows and cells; text in a
 * nested table stays inside its outer cell.
 */
typedef struct
{
	buffer	   *out;
	int			table_depth;
	int			run_depth;
	int			in_text;
	int			cells_in_row;
	int			skip_cell;		/* a vMerge continuation: the cell above holds it */
	int			cell_has_text;
	int			space_pending;	/* a paragraph ended inside a cell */
} docx_walk;

static int
in_cell(const docx_walk *w)
{
	return w->table_depth > 0;
}

static void
docx_text(docx_walk *w, const char *text, size_t len)
{
	if (w->skip_cell || len == 0)
		return;
	if (!in_cell(w))
	{
		buffer_append(w->out, text, len);
		return;
	}
	if (w->space_pending && w->cell_has_text)
		buffer_append(w->out, " ", 1);
	w->space_pending = 0;
	w->cell_has_text = 1;
	/* a tab or line break inside a cell would split the cell */
	for (size_t i = 0; i < len; i++)
		buffer_append(w->out, text[i] == '\t' || text[i] == '\n' || text[i] == '\r' ? " " : text + i, 1);
}

static void
docx_start(docx_walk *w, const char *name, xmlTextReaderPtr reader)
{
	if (strcmp(name, "tbl") == 0)
		w->table_depth++;
	else if (strcmp(name, "tr") == 0 && w->table_depth == 1)
		w->cells_in_row = 0;
	else if (strcmp(name, "tc") == 0 && w->table_depth == 1)
	{
		w->skip_cell = 0;
		w->space_pending = 0;
		w->cell_has_text = 0;
		if (w->cells_in_row++ > 0)
			buffer_append(w->out, "\t", 1);
	}
	else if (strcmp(name, "vMerge") == 0 && w->table_depth == 1)
	{
		/* vMerge without val="restart" continues the cell above: no cell of its own */
		xmlChar    *val = xmlTextReaderGetAttributeNs(reader, BAD_CAST "val", xmlTextReaderConstNamespaceUri(reader));

		if (val == NULL || !xmlStrEqual(val, BAD_CAST "restart"))
		{
			w->skip_cell = 1;
			if (w->cells_in_row-- > 1)
				w->out->len--;	/* the tab written for this cell */
		}
		xmlFree(val);
	}
	else if (strcmp(name, "r") == 0)
		w->run_depth++;
	else if (w->run_depth == 0)
		return;
	else if (strcmp(name, "t") == 0)
		w->in_text = 1;
	else if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0)
		docx_text(w, "\t", 1);
	else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0)
		docx_text(w, "\n", 1);
	else if (strcmp(name, "noBreakHyphen") == 0)
		docx_text(w, "-", 1);
}

static void
docx_end(docx_walk *w, const char *name)
{
	if (strcmp(name, "tbl") == 0)
		w->table_depth--;
	else if (strcmp(name, "tr") == 0 && w->table_depth == 1)
	{
		buffer_append(w->out, "\n", 1);
		w->skip_cell = 0;
	}
	else if (strcmp(name, "r") == 0)
		w->run_depth--;
	else if (strcmp(name, "t") == 0)
		w->in_text = 0;
	else if (strcmp(name, "p") == 0)
	{
		if (in_cell(w))
			w->space_pending = 1;
		else
			buffer_append(w->out, "\n", 1);
	}
}

/*
 * The local name of a WordprocessingML element, else NULL.  Namespaces are
 * compared as pointers: the reader interns every name in its dictionary.
 */
static const char *
w_name(xmlTextReaderPtr reader, const xmlChar *w_ns, const xmlChar *w_ns_strict)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(reader);

	return ns != NULL && (ns == w_ns || ns == w_ns_strict) ? (const char *) xmlTextReaderConstLocalName(reader) : NULL;
}

/* Paragraphs become lines; table rows lines of tab-separated cells. */
static int
docx_document_text(const char *xml, size_t len, buffer *out)
{
	docx_walk	w = {.out = out};
	xmlTextReaderPtr reader;
	const xmlChar *w_ns,
			   *w_ns_strict,
			   *mc_ns;
	int			ret;

	if (len > INT32_MAX)
		return -1;
	/* no network, no DTD loading, entities left unexpanded */
	reader = xmlReaderForMemory(xml, (int) len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (reader == NULL)
		return -1;
	w_ns = xmlTextReaderConstString(reader, BAD_CAST W_NS);
	w_ns_strict = xmlTextReaderConstString(reader, BAD_CAST W_NS_STRICT);
	mc_ns = xmlTextReaderConstString(reader, BAD_CAST MC_NS);
	while ((ret = xmlTextReaderRead(reader)) == 1)
	{
		int			type = xmlTextReaderNodeType(reader);
		const char *name;

		if (type == XML_READER_TYPE_ELEMENT)
		{
			/* mc:Fallback repeats what mc:Choice holds */
			if (xmlTextReaderConstNamespaceUri(reader) == mc_ns &&
				strcmp((const char *) xmlTextReaderConstLocalName(reader), "Fallback") == 0)
			{
				if (!xmlTextReaderIsEmptyElement(reader) && xmlTextReaderNext(reader) != 1)
					break;
				continue;
			}
			if ((name = w_name(reader, w_ns, w_ns_strict)) == NULL)
				continue;
			docx_start(&w, name, reader);
			if (xmlTextReaderIsEmptyElement(reader))
				docx_end(&w, name);
		}
		else if (type == XML_READER_TYPE_END_ELEMENT && (name = w_name(reader, w_ns, w_ns_strict)) != NULL)
			docx_end(&w, name);
		else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && w.in_text)
		{
			const char *value = (const char *) xmlTextReaderConstValue(reader);

			if (value)
				docx_text(&w, value, strlen(value));
		}
	}
	xmlFreeTextReader(reader);
	return ret == 0 ? 0 : -1;
}

static void
convert_docx(const char *data, size_t len, const conversion_limits *limits, conversion *out)
{
	zip_error_t error;
	zip_source_t *source;
	zip_t	   *zip;
	zip_file_t *member;
	buffer		xml = {0};
	char		chunk[65536];
	zip_int64_t got;

	zip_error_init(&error);
	source = zip_source_buffer_create(data, len, 0, &error);
	zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : NULL;
	if (zip == NULL)
	{
		fail(out, UNREADABLE_CORRUPT, "the zip archive is cut short or damaged: %s", zip_error_strerror(&error));
		if (source)
			zip_source_free(source);
		zip_error_fini(&error);
		return;
	}
	zip_error_fini(&error);
	member = zip_fopen(zip, "word/document.xml", 0);
	if (member == NULL)
	{
		fail(out, UNREADABLE_UNKNOWN_FORMAT, "a zip archive without word/document.xml: not a Word document");
		zip_discard(zip);
		return;
	}
	/* read at most the cap: the sizes in the archive's header may lie */
	while ((got = zip_fread(member, chunk, sizeof(chunk))) > 0)
	{
		if (xml.len + (size_t) got > limits->max_unpacked_bytes)
		{
			fail(out, UNREADABLE_TOO_BIG, "word/document.xml unpacks to more than %.0f MB, see --max-unpacked",
				 limits->max_unpacked_bytes / MIB);
			break;
		}
		buffer_append(&xml, chunk, (size_t) got);
	}
	if (got < 0)
		fail(out, UNREADABLE_CORRUPT, "word/document.xml is damaged (%s)", zip_file_strerror(member));
	zip_fclose(member);
	zip_discard(zip);
	if (out->status == CONVERTED && docx_document_text(xml.data ? xml.data : "", xml.len, &out->text) != 0)
		fail(out, UNREADABLE_CORRUPT, "word/document.xml is not well-formed XML");
	buffer_free(&xml);
}

/* ---------- DOC: LibreOffice (to DOCX) or catdoc, as child processes ---------- */

/* Run argv with stdout into `out` (NULL: discarded); returns the exit status, -1 if it did not exit. */
static int
run_capture(char *const argv[], buffer *out, size_t cap)
{
	int			fds[2];
	pid_t		pid;
	int			status;
	char		chunk[65536];
	ssize_t		got;

	if (pipe(fds) != 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
	{
		int			null = open("/dev/null", O_RDWR);

		dup2(null, STDIN_FILENO);
		dup2(out ? fds[1] : null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		close(fds[0]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while ((got = read(fds[0], chunk, sizeof(chunk))) > 0)
		if (out && out->len + (size_t) got <= cap)
			buffer_append(out, chunk, (size_t) got);
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void) st;
	(void) type;
	(void) ftw;
	return remove(path);
}

void
remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void
convert_doc_libreoffice(const char *path, const conversion_limits *limits, conversion *out)
{
	char		outdir[] = "/tmp/gdload-doc.XXXXXX";
	char		profile[PATH_MAX + 32];
	char		docx_path[PATH_MAX];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	buffer		docx = {0};
	FILE	   *f;

	if (mkdtemp(outdir) == NULL)
	{
		fail(out, UNREADABLE_IO, "cannot make a temporary folder: %s", strerror(errno));
		return;
	}
	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s", limits->libreoffice_profile);
	{
		char	   *const argv[] = {"soffice", profile, "--headless", "--norestore",
			"--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir, (char *) path, NULL};

		run_capture(argv, NULL, 0);
	}
	snprintf(docx_path, sizeof(docx_path), "%s/%.*s.docx", outdir,
			 (int) (dot ? (size_t) (dot - base) : strlen(base)), base);
	f = fopen(docx_path, "rb");
	if (f)
	{
		size_t		got;
		char		chunk[65536];

		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buffer_append(&docx, chunk, got);
		fclose(f);
		convert_docx(docx.data ? docx.data : "", docx.len, limits, out);
	}
	else
		fail(out, UNREADABLE_CORRUPT, "LibreOffice could not read this Word 97 file");
	buffer_free(&docx);
	remove_tree(outdir);
}

static void
convert_doc(const char *path, const conversion_limits *limits, conversion *out)
{
	char	   *const argv[] = {"catdoc", "-d", "utf-8", "-w", (char *) path, NULL};

	if (limits->doc_via_libreoffice)
	{
		convert_doc_libreoffice(path, limits, out);
		return;
	}
	if (run_capture(argv, &out->text, limits->max_unpacked_bytes) != 0)
		fail(out, UNREADABLE_CORRUPT, "catdoc could not read this Word 97 file");
	else if (out->text.len >= limits->max_unpacked_bytes)
		fail(out, UNREADABLE_TOO_BIG, "the text is longer than %.0f MB", limits->max_unpacked_bytes / MIB);
}

/* ---------- the dispatcher ---------- */

static int
contains(const char *data, size_t len, const char *needle, size_t needle_len)
{
	return memmem(data, len, needle, needle_len) != NULL;
}

static int
read_whole_file(const char *path, const conversion_limits *limits, buffer *data, conversion *out)
{
	int			fd = open(path, O_RDONLY);
	struct stat st;
	ssize_t		got;
	char		chunk[65536];

	if (fd < 0 || fstat(fd, &st) != 0)
	{
		fail(out, UNREADABLE_IO, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if ((size_t) st.st_size > limits->max_file_bytes)
	{
		fail(out, UNREADABLE_TOO_BIG, "%.1f MB; the limit is %.0f MB, see --max-size",
			 st.st_size / MIB, limits->max_file_bytes / MIB);
		close(fd);
		return -1;
	}
	while ((got = read(fd, chunk, sizeof(chunk))) > 0 && data->len + (size_t) got <= limits->max_file_bytes)
		buffer_append(data, chunk, (size_t) got);
	close(fd);
	if (got != 0)
	{
		fail(out, got < 0 ? UNREADABLE_IO : UNREADABLE_TOO_BIG, "%s",
			 got < 0 ? strerror(errno) : "the file grew past the size limit while read");
		return -1;
	}
	return 0;
}

/* NUL bytes cannot be stored in a text column; a converter's stray ones are dropped. */
static void
drop_nul_bytes(buffer *text)
{
	size_t		kept = 0;

	for (size_t i = 0; i < text->len; i++)
		if (text->data[i] != '\0')
			text->data[kept++] = text->data[i];
	text->len = kept;
}

void
convert_file(const char *path, const conversion_limits *limits, conversion *out)
{
	buffer		data = {0};

	memset(out, 0, sizeof(*out));
	out->status = CONVERTED;
	if (read_whole_file(path, limits, &data, out) != 0)
	{
		buffer_free(&data);
		return;
	}
	if (data.len == 0)
		fail(out, UNREADABLE_EMPTY, "0 bytes");
	else if (data.len >= 5 && memcmp(data.data, "%PDF-", 5) == 0)
	{
		out->format = FORMAT_PDF;
		switch (pdf_layout_text(data.data, data.len, &out->text))
		{
			case PDF_TEXT_ENCRYPTED:
				fail(out, UNREADABLE_ENCRYPTED, "a password is needed to open it");
				break;
			case PDF_TEXT_CORRUPT:
				fail(out, UNREADABLE_CORRUPT, "poppler cannot open it as a PDF");
				break;
			case PDF_TEXT_OK:
				if (out->text.len == 0 || only_whitespace(out->text.data, out->text.len))
					fail(out, UNREADABLE_NO_TEXT_LAYER, "no page has a text layer");
				break;
		}
	}
	else if (data.len >= 4 && memcmp(data.data, "PK\3\4", 4) == 0)
	{
		/* the member names are stored in the clear, so even a cut archive shows what it is */
		if (contains(data.data, data.len, "word/", 5))
		{
			out->format = FORMAT_DOCX;
			convert_docx(data.data, data.len, limits, out);
		}
		else
			fail(out, UNREADABLE_UNKNOWN_FORMAT, "a zip archive that is no Word document");
	}
	else if (data.len >= 8 && memcmp(data.data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
	{
		static const char word_stream[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t";

		if (contains(data.data, data.len, word_stream, sizeof(word_stream) - 1))
		{
			out->format = FORMAT_DOC;
			convert_doc(path, limits, out);
		}
		else
			fail(out, UNREADABLE_UNKNOWN_FORMAT, "an Office file that is no Word document (Excel? PowerPoint?)");
	}
	else
		convert_text(data.data, data.len, out);
	buffer_free(&data);
	if (out->status != CONVERTED)
		return;
	if (out->format != FORMAT_TEXT && out->format != FORMAT_HTML)
	{
		drop_nul_bytes(&out->text);
		if (utf8_valid_prefix((const unsigned char *) out->text.data, out->text.len) != out->text.len)
		{
			fail(out, UNREADABLE_CORRUPT, "the converter gave text that is not UTF-8");
			return;
		}
	}
	if (out->text.len == 0 || only_whitespace(out->text.data, out->text.len))
		fail(out, UNREADABLE_EMPTY, "no text in it");
}
