/* lens-bug-report.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a chart or a card shows when the portal refused the query Reform Lens sent (see
 * lens_portal_error_is_refused_query()): the portal's message under "Details", and a button
 * that copies a bug report (app version, chart or card id, request URL, the portal's answer)
 * to the clipboard. Hidden for any other error. */
#define LENS_TYPE_BUG_REPORT (lens_bug_report_get_type ())
G_DECLARE_FINAL_TYPE (LensBugReport, lens_bug_report, LENS, BUG_REPORT, GtkWidget)

GtkWidget  *lens_bug_report_new        (void);
/* @subject: the id of the chart or card whose query it was. NULL @error hides it. */
void        lens_bug_report_set_error  (LensBugReport *self,
                                        const GError  *error,
                                        const char    *subject);
/* The text the button copies, or NULL when hidden. */
const char *lens_bug_report_get_text   (LensBugReport *self);
/* The portal's message shown under "Details", or NULL. */
const char *lens_bug_report_get_details (LensBugReport *self);

/* The sentence that says what went wrong, naming the chart or card by its @title: the same
 * words for both. */
char       *lens_bug_report_dup_sentence (const char  *title);
/* The sentence above for a refused query @error of @title, followed, when the portal said it
 * has no such column, by that field's name and `reform-lens --check-portal`
 * (lens_schema_dup_missing_field_hint()). */
char       *lens_bug_report_dup_error_sentence (const GError *error,
                                                const char   *title);

G_END_DECLS
