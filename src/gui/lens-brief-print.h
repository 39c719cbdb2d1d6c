/* lens-brief-print.h: printing the meeting brief
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-brief.h"
#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* A print operation for @brief: in begin-print it lays the brief out on the page setup's
 * printable area (in points) and sets the number of pages; draw-page draws each page of
 * lens_brief_draw_page(). The same pages as the PDF brief, on the chosen paper. The print
 * dialog's "Print to File" exports them as a PDF. */
GtkPrintOperation *lens_brief_print_operation_new (LensBrief        *brief);

/* Builds the brief for @filters (every part) asynchronously, then opens the print dialog
 * for it, transient for @parent. Progress and errors are toasts in @toasts (may be NULL).
 * A second call while one is running does nothing. */
void               lens_brief_print_run           (GtkWindow        *parent,
                                                   AdwToastOverlay  *toasts,
                                                   LensPortalClient *client,
                                                   LensFilters      *filters);

G_END_DECLS
