/* lens-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* What the window asks of each of its pages: show these filters, load again. A page loads
 * when it is first shown, and again when the filters change while it is shown; a hidden page
 * only remembers that it is out of date. */
#define LENS_TYPE_PAGE (lens_page_get_type ())
G_DECLARE_INTERFACE (LensPage, lens_page, LENS, PAGE, GtkWidget)

struct _LensPageInterface
{
  GTypeInterface parent_iface;

  void     (*set_filters) (LensPage       *self,
                           LensFilters    *filters);
  void     (*reload)      (LensPage       *self,
                           LensQueryFlags  flags);
  /* TRUE when nothing is loading any more (the benchmark and the tests wait for it). */
  gboolean (*is_settled)  (LensPage       *self);
};

void     lens_page_set_filters (LensPage       *self,
                                LensFilters    *filters);
void     lens_page_reload      (LensPage       *self,
                                LensQueryFlags  flags);
gboolean lens_page_is_settled  (LensPage       *self);

G_END_DECLS
