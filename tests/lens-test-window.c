/* lens-test-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-test-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

typedef struct
{
  guint ticks;
  guint wanted;
} Frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;

  frames->ticks++;
  return frames->ticks < frames->wanted ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  Frames *frames = data;

  return frames->ticks >= frames->wanted;
}

gboolean
lens_test_wait_frames (GtkWidget *widget,
                       guint      n_frames)
{
  /* A tick comes at the start of a frame: the n-th frame has been laid out and painted when
   * the tick of the one after it arrives. The callback keeps the clock running meanwhile. */
  Frames frames = { 0, n_frames + 1 };
  guint id;
  gboolean done;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (gtk_widget_get_realized (widget), FALSE);

  id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);
  done = lens_test_wait_until (frames_done, &frames);
  if (!done)
    gtk_widget_remove_tick_callback (widget, id);

  return done;
}

void
lens_test_park_pointer (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                    WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
      XSync (xdisplay, False);
    }
#endif
}

static gboolean
window_settled (gpointer data)
{
  return lens_window_is_settled (data);
}

gboolean
lens_test_wait_settled (LensWindow *window)
{
  return lens_test_wait_until (window_settled, window);
}
