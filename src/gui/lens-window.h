/* lens-window.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-application.h"

G_BEGIN_DECLS

#define LENS_TYPE_WINDOW (lens_window_get_type ())
G_DECLARE_FINAL_TYPE (LensWindow, lens_window, LENS, WINDOW, AdwApplicationWindow)

LensWindow *lens_window_new             (LensApplication *application);
/* Alt+1, Alt+2...: one accelerator per page, in sidebar order. */
void        lens_window_set_page_accels (GtkApplication  *application);

/* The id of the page shown ("overview", "crime"). */
const char *lens_window_get_page        (LensWindow      *self);
/* The page widget for @page_id (a LensPage), or NULL. */
GtkWidget  *lens_window_get_page_widget (LensWindow      *self,
                                         const char      *page_id);
/* What the window says about its settings (not installed, so not kept), or NULL. */
const char *lens_window_get_settings_message (LensWindow *self);
/* TRUE when the shown page has nothing loading any more. */
gboolean    lens_window_is_settled      (LensWindow      *self);

G_END_DECLS
