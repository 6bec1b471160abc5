/* html.h -- HTML page to article text (private; module tag html_).
 *
 * The input stage hands a web page's raw bytes to html_extract, which
 * returns the readable article text the rest of the pipeline works on:
 * markup, scripts and page chrome (navigation, cookie banners, share
 * buttons, footers) removed, entities decoded, whitespace normalised into
 * words, line breaks and paragraph breaks.  One forward pass, no regular
 * expressions, no recursion; linear in the page size. */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include <stddef.h>

#include "strbuf.h"

/* Extract the article text of an HTML document of len bytes (html may be
 * NULL when len is 0).
 *
 * out receives valid UTF-8 text, appended to what the buffer holds: words
 * separated by single spaces, "\n" for <br>, "\n\n" between paragraphs,
 * headings, list items and other blocks; never leading or trailing
 * whitespace, never two blank lines in a row.  When the page has an
 * <article>, <main> or itemprop="articleBody" element holding a fair share
 * of the page's text, only that element's text is kept, preceded by the
 * page's <h1> if the h1 lies outside it.
 *
 * title (may be NULL) receives the <title> text, else og:title, else the
 * first kept <h1>, whitespace-collapsed.  meta_date (may be NULL) receives
 * the publication date as the page writes it (meta article:published_time,
 * meta name=date/pubdate/dc.date and the like, else a <time datetime>),
 * or nothing.  Both are appended too.
 *
 * The input is read as UTF-8; a page that declares windows-1252,
 * iso-8859-1, us-ascii or iso-8859-15 and is not valid UTF-8 is decoded
 * from that charset; any other invalid byte is read as Windows-1252.
 *
 * Never fails on malformed HTML.  Returns DYAD_OK, DYAD_ENOMEM (the
 * buffers then hold partial text) or DYAD_EINVAL if out is NULL or html is
 * NULL with len > 0.  out, title and meta_date must be distinct buffers.
 * Reentrant: no global state. */
int html_extract(const char *html, size_t len, strbuf *out, strbuf *title, strbuf *meta_date);

/* Check the built-in tables (sorted for binary search, consistent ids).
 * Returns 0 when they are sound; for the unit tests. */
int html_selfcheck(void);

#endif
