/* lens-content-widgets.h: the shipped reports and consent-decree data, and the small widgets
 * the pages that show them share (source links, link rows)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-consent-decree.h"
#include "lens-reports.h"

G_BEGIN_DECLS

/* The files compiled into the app, loaded once (after the locale is set up, so text comes
 * back translated). NULL, with a critical warning, if a shipped file does not load: the
 * tests make sure it does. Borrowed. */
LensConsentDecree *lens_shipped_consent_decree   (void);
LensReports       *lens_shipped_reports          (void);

/* The host of @url without "www.": "chicagocopa.org"; @url itself when it has none. */
char              *lens_url_dup_host             (const char            *url);
/* "WTTW", "Chicago Tribune (copy at localbusinessheadlines.com)", or the link's host. */
char              *lens_source_describe          (const LensSource      *source);
/* A link to @source that opens in the browser, labelled with lens_source_describe(). */
GtkWidget         *lens_source_link_new          (const LensSource      *source);
/* A link labelled @label (NULL: the host) to @url. */
GtkWidget         *lens_link_button_new          (const char            *url,
                                                  const char            *label);
/* A small link showing only an "open in the browser" icon; @description (e.g. the outlet)
 * is its tooltip and accessible name with the link. */
GtkWidget         *lens_link_icon_new            (const char            *url,
                                                  const char            *description);
/* An AdwActionRow with @title, @subtitle (may be NULL) and an open-link icon at its end
 * (lens_link_icon_new with @description, NULL: the host); activating the row (click, Enter,
 * Space) opens the link. Titles are plain text. */
GtkWidget         *lens_link_row_new             (const char            *title,
                                                  const char            *subtitle,
                                                  const char            *url,
                                                  const char            *description);
/* The same for a sourced fact: the subtitle ends with "Source: <outlet>". */
GtkWidget         *lens_source_row_new           (const char            *title,
                                                  const char            *subtitle,
                                                  const LensSource      *source);
/* An AdwActionRow whose title and subtitle wrap and are plain text (never markup). */
GtkWidget         *lens_text_row_new             (const char            *title,
                                                  const char            *subtitle);
/* A wrapping label with @css_class (may be NULL), xalign 0. */
GtkWidget         *lens_wrap_label_new           (const char            *text,
                                                  const char            *css_class);

G_END_DECLS
