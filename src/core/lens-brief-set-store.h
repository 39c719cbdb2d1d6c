/* lens-brief-set-store.h: saved briefs kept as JSON files in the user's data directory
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-brief-set.h"

G_BEGIN_DECLS

#define LENS_BRIEF_SET_STORE_ERROR (lens_brief_set_store_error_quark ())

typedef enum
{
  LENS_BRIEF_SET_STORE_ERROR_NOT_FOUND,
  LENS_BRIEF_SET_STORE_ERROR_EXISTS,
  LENS_BRIEF_SET_STORE_ERROR_INVALID_NAME,
  LENS_BRIEF_SET_STORE_ERROR_CORRUPT,
} LensBriefSetStoreError;

GQuark        lens_brief_set_store_error_quark (void);

/* The folder saved briefs live in: g_get_user_data_dir()/reform-lens/briefs, or
 * $REFORM_LENS_BRIEFS_DIR when set. */
char         *lens_brief_set_store_default_dir (void);

/* Every saved brief in @dir, sorted by name. A file that is not a saved brief is renamed
 * to *.bad (kept, never deleted) and its translated message added to @problems (may be
 * NULL). Synchronous file I/O: call it from a worker thread in the window. */
GPtrArray    *lens_brief_set_store_list        (const char          *dir,
                                                GPtrArray           *problems);
LensBriefSet *lens_brief_set_store_load        (const char          *dir,
                                                const char          *name,
                                                GError             **error);
/* Written atomically (g_file_set_contents): a crash leaves the old file or the new one. */
gboolean      lens_brief_set_store_save        (const char          *dir,
                                                const LensBriefSet  *set,
                                                GError             **error);
gboolean      lens_brief_set_store_rename      (const char          *dir,
                                                const char          *name,
                                                const char          *new_name,
                                                GError             **error);
gboolean      lens_brief_set_store_duplicate   (const char          *dir,
                                                const char          *name,
                                                const char          *new_name,
                                                GError             **error);
gboolean      lens_brief_set_store_delete      (const char          *dir,
                                                const char          *name,
                                                GError             **error);

G_END_DECLS
