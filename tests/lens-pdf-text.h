/* lens-pdf-text.h: the text of a written PDF, read with the poppler tools, for the tests
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FALSE, and the test skipped, when pdfinfo, pdftotext or pdftoppm is not installed. */
gboolean   lens_pdf_have_poppler (void);
/* Runs @argv (searched in PATH) and returns its standard output; the test fails when it does. */
char      *lens_pdf_run          (const char * const *argv);
/* Runs of blanks (also no-break spaces) as one space, so a date with two spaces in it or a
 * number with a narrow no-break space matches what pdftotext lays out. */
char      *lens_pdf_squeeze      (const char         *text);
guint      lens_pdf_n_pages      (const char         *path);
/* What pdfinfo says. */
char      *lens_pdf_info         (const char         *path);
/* The text of @page (from 1) laid out (pdftotext -layout), squeezed. */
char      *lens_pdf_page_text    (const char         *path,
                                  guint               page);
/* Every page's text, squeezed. */
GPtrArray *lens_pdf_pages_text   (const char         *path,
                                  guint               n_pages);
/* TRUE when a line of @text holds every one of @cells (squeezed), in order. */
gboolean   lens_pdf_has_row      (const char         *text,
                                  const char        **cells,
                                  guint               n_cells);

G_END_DECLS
