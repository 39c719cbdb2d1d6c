/* lens-test-window.h: waiting for frames and for the window, in the window tests
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-test-util.h"
#include "lens-window.h"

G_BEGIN_DECLS

/* Until @widget's frame clock has gone through @n_frames whole frames from now (update,
 * layout, paint): what was queued before the call is then laid out and drawn. @widget must
 * be realized (shown in a window). */
gboolean lens_test_wait_frames   (GtkWidget  *widget,
                                  guint       n_frames);

/* Moves the pointer to the far corner of the screen, away from every window the tests open.
 * Xvfb puts it in the middle, over a widget of a wide window, whose tooltip would then show
 * half a second later: in a picture or not, depending on how fast the test ran. */
void     lens_test_park_pointer  (GdkDisplay *display);

/* Until the page shown has finished loading (lens_window_is_settled ()). */
gboolean lens_test_wait_settled  (LensWindow *window);

G_END_DECLS
