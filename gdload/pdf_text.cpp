/*
 * PDF text through poppler-cpp: the only poppler API that gives the
 * layout-preserving text of `pdftotext -layout` (poppler-glib has no layout
 * mode).  Same text output device, same resolution, a form feed after each
 * page (poppler's own), so the parser sees exactly what pdftotext prints.
 */
#include <memory>
#include <new>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

extern "C" {
#include "convert.h"
}

/* poppler reports every oddity of a damaged file on stderr; the summary says what matters */
static void
ignore_poppler_message(const std::string &, void *)
{
}

extern "C" pdf_text_status
pdf_layout_text(const char *data, size_t len, buffer *out)
{
	if (len > static_cast<size_t>(INT32_MAX))
		return PDF_TEXT_CORRUPT;
	try
	{
		poppler::set_debug_error_function(ignore_poppler_message, nullptr);
		std::unique_ptr<poppler::document> doc(
			poppler::document::load_from_raw_data(data, static_cast<int>(len)));
		if (!doc)
			return PDF_TEXT_CORRUPT;
		if (doc->is_locked())
			return PDF_TEXT_ENCRYPTED;
		const int	pages = doc->pages();
		for (int i = 0; i < pages; i++)
		{
			std::unique_ptr<poppler::page> page(doc->create_page(i));
			if (!page)
				return PDF_TEXT_CORRUPT;
			poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
			buffer_append(out, utf8.data(), utf8.size());	/* ends with the page's form feed */
		}
		return PDF_TEXT_OK;
	}
	catch (const std::bad_alloc &)
	{
		return PDF_TEXT_CORRUPT;
	}
}
