/* lens-test-window.h: the window tests' fixtures: the run's application, a window against the
 * fake portal, the waits for frames and pages, widget-tree walks and pictures of the window
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-application.h"
#include "lens-test-util.h"
#include "lens-window.h"

G_BEGIN_DECLS

/* The run */

/* A window test's start: a home of its own (lens_test_home_set_up(): not
 * G_TEST_OPTION_ISOLATE_DIRS, which hides the system's icon themes), g_test_init() and the
 * app's resources. */
void             lens_test_window_init        (int    *argc,
                                               char ***argv);
/* g_test_run(), then the run's application and the home go. */
int              lens_test_window_run         (void);
/* The one application of the process (made on first use: it is registered on the session
 * bus, not unique), with the pointer parked and GTK's animations off, so that the frame after
 * a change shows all of it, whatever the clock says. */
LensApplication *lens_test_get_application    (void);

/* A window against the fake portal */

typedef struct
{
  LensFakePortal  *portal;
  LensApplication *app;        /* lens_test_get_application (), a reference */
  LensWindow      *window;     /* from lens_test_window_open () */
  char            *directory;  /* a new folder of the test's own, removed at tear-down */
} LensTestWindow;

/* Starts a fake portal (seed 1) and points the application at it, with @district and
 * @compare as the saved filters ("" and "none": citywide, no comparison), online, with an
 * empty cache and a client that tries a failed request no more than once and does not wait
 * before doing so. No window yet: a test may set the portal up first. */
void        lens_test_window_set_up     (LensTestWindow *fixture,
                                         const char     *district,
                                         const char     *compare);
/* A new window of @width × @height showing @page_id (NULL: the one saved), presented: it
 * starts loading. Also in @fixture->window, which must be NULL. */
LensWindow *lens_test_window_open       (LensTestWindow *fixture,
                                         const char     *page_id,
                                         int             width,
                                         int             height);
/* Destroys the window, if one is open, and lets its cancelled loads finish. */
void        lens_test_window_close      (LensTestWindow *fixture);
/* Closes the window, removes the folder and stops the portal. */
void        lens_test_window_tear_down  (LensTestWindow *fixture);

/* Shows @page_id (win.page), waits until it has loaded and two whole frames have laid it
 * out, and returns the page widget. */
GtkWidget  *lens_test_show_page         (LensWindow     *window,
                                         const char     *page_id);

/* Waits */

/* Until @widget's frame clock has gone through @n_frames whole frames from now (update,
 * layout, paint): what was queued before the call is then laid out and drawn. @widget must
 * be realized (shown in a window). */
gboolean lens_test_wait_frames   (GtkWidget  *widget,
                                  guint       n_frames);

/* Until the page shown has finished loading (lens_window_is_settled ()). */
gboolean lens_test_wait_settled  (LensWindow *window);

/* Until @widget is mapped; until it has a size. */
gboolean lens_test_wait_mapped    (GtkWidget *widget);
gboolean lens_test_wait_allocated (GtkWidget *widget);

/* Moves the pointer to the far corner of the screen, away from every window the tests open.
 * Xvfb puts it in the middle, over a widget of a wide window, whose tooltip would then show
 * half a second later: in a picture or not, depending on how fast the test ran. */
void     lens_test_park_pointer  (GdkDisplay *display);

/* Widget trees */

/* Every widget of @type under @root (itself included), in tree order; borrowed. */
GPtrArray *lens_test_find_all    (GtkWidget  *root,
                                  GType       type);

/* Pictures */

/* The window as it is on the screen, with the popovers open over it (each a surface of its
 * own), all drawn by GTK: the picture needs no other program and no other X client. Its size
 * is the window's, or more with a popover over its edge. */
GdkTexture *lens_test_snapshot_window (GtkWindow  *window);
/* The same into the PNG file @path; returns the picture. */
GdkTexture *lens_test_save_window     (GtkWindow  *window,
                                       const char *path);
/* $G_TEST_BUILDDIR/screenshots/@name.png, its folder made. */
char       *lens_test_screenshot_path (const char *name);

G_END_DECLS
