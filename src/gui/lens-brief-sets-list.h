/* lens-brief-sets-list.h: the "Saved briefs" list at the start of the Prepare Brief dialog:
 * each saved brief with when it was last made, and Make Again, Rename, Duplicate, Delete
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-brief-set.h"

G_BEGIN_DECLS

#define LENS_TYPE_BRIEF_SETS_LIST (lens_brief_sets_list_get_type ())
G_DECLARE_FINAL_TYPE (LensBriefSetsList, lens_brief_sets_list, LENS, BRIEF_SETS_LIST, AdwPreferencesGroup)

/* Lists the saved briefs of @dir (NULL: lens_brief_set_store_default_dir()), read in a worker
 * thread. Emits "make" (the name) when Make Again is pressed. */
LensBriefSetsList *lens_brief_sets_list_new      (const char         *dir);
const char        *lens_brief_sets_list_get_dir  (LensBriefSetsList  *self);
/* Reads the folder again (after a save, or a brief made). */
void               lens_brief_sets_list_reload   (LensBriefSetsList  *self);
/* Saves @set (in a worker thread), then reloads; a failure is shown in the list. */
void               lens_brief_sets_list_save     (LensBriefSetsList  *self,
                                                  const LensBriefSet *set);
/* Asks for a name and the period rule (a dialog), then saves a copy of @set under it. */
void               lens_brief_sets_list_ask_save (LensBriefSetsList  *self,
                                                  const LensBriefSet *set);
/* TRUE while the folder is being read or written. */
gboolean           lens_brief_sets_list_get_busy (LensBriefSetsList  *self);
/* The names listed, in order (for the tests). */
GStrv              lens_brief_sets_list_dup_names (LensBriefSetsList *self);
/* The row of @name, or NULL (for the tests and screenshots). */
GtkWidget         *lens_brief_sets_list_get_row  (LensBriefSetsList  *self,
                                                  const char         *name);
/* What Rename / Duplicate / Delete do once confirmed (for the tests, which cannot type into
 * the dialogs). */
void               lens_brief_sets_list_rename   (LensBriefSetsList  *self,
                                                  const char         *name,
                                                  const char         *new_name,
                                                  gboolean            keep_old);
void               lens_brief_sets_list_delete   (LensBriefSetsList  *self,
                                                  const char         *name);

G_END_DECLS
