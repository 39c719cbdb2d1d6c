/* lens-brief-dialog.h: the Prepare Brief dialog
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-application.h"
#include "lens-brief-set.h"
#include "lens-brief-sets-list.h"
#include "lens-filters.h"

G_BEGIN_DECLS

#define LENS_TYPE_BRIEF_DIALOG (lens_brief_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LensBriefDialog, lens_brief_dialog, LENS, BRIEF_DIALOG, AdwWindow)

/* The form starts from @filters (the window's); @filters may be NULL (the defaults). */
LensBriefDialog *lens_brief_dialog_new            (LensApplication *application,
                                                   LensFilters     *filters);

/* What Save does once a file is chosen: builds the brief asynchronously (in another
 * language: by running the command line) and writes it to @file, then shows a toast.
 * For the tests, which cannot answer a file chooser. */
void             lens_brief_dialog_save_to_file   (LensBriefDialog *self,
                                                   GFile           *file);
/* TRUE while a brief is being prepared. */
gboolean         lens_brief_dialog_get_busy       (LensBriefDialog *self);
/* The text of the last toast ("Brief saved", or the reason it failed), or NULL. */
const char      *lens_brief_dialog_get_last_message (LensBriefDialog *self);
/* The filters of the form, or NULL (with a translated error) when they are not valid. */
LensFilters     *lens_brief_dialog_dup_filters    (LensBriefDialog *self,
                                                   GError         **error);
/* The form's language: "" for the app's, or a code of lens_language_get_available(). */
void             lens_brief_dialog_set_language   (LensBriefDialog *self,
                                                   const char      *code);

/* Saved briefs: the list at the start of the dialog. */
LensBriefSetsList *lens_brief_dialog_get_sets_list (LensBriefDialog *self);
/* What "Save as Saved Brief…" keeps of the form (named after the district, the period rule
 * "the last full month"), or NULL with the form's error. */
LensBriefSet    *lens_brief_dialog_dup_brief_set  (LensBriefDialog *self,
                                                   GError         **error);
/* What Make Again does once a file is chosen: runs `reform-lens --brief-set=NAME
 * --output=FILE` (which writes the record for the next one), then shows a toast. */
void             lens_brief_dialog_make_set_to_file (LensBriefDialog *self,
                                                     const char      *name,
                                                     GFile           *file);

/* The reform-lens program the dialog runs for a brief in another language; NULL (the
 * default): the running program, /proc/self/exe. For the tests, whose program is not
 * reform-lens. */
void             lens_brief_dialog_set_program    (const char      *path);

G_END_DECLS
