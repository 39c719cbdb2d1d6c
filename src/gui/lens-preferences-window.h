/* lens-preferences-window.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-application.h"

G_BEGIN_DECLS

#define LENS_TYPE_PREFERENCES_WINDOW (lens_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LensPreferencesWindow, lens_preferences_window, LENS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LensPreferencesWindow *lens_preferences_window_new (LensApplication *application);

G_END_DECLS
