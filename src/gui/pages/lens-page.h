/* lens-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-filters.h"
#include "lens-loadable.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* A page of the window. It holds the client and the filters the window gives it, and loads
 * the charts and cards it was given (lens_page_add_loadable()) when it is first shown, and
 * again when the filters change while it is shown; a hidden page only remembers that it is
 * out of date. A page of shipped content adds nothing and is always settled. */
#define LENS_TYPE_PAGE (lens_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LensPage, lens_page, LENS, PAGE, GtkWidget)

struct _LensPageClass
{
  GtkWidgetClass parent_class;

  /* The filters are now lens_page_get_filters() instead of @old_filters (NULL the first
   * time). Returns TRUE when what the page shows depends on the change and it must load
   * again; the default says TRUE. */
  gboolean (*filters_changed) (LensPage    *self,
                               LensFilters *old_filters);
};

LensPortalClient *lens_page_get_client   (LensPage         *self);
void              lens_page_set_client   (LensPage         *self,
                                          LensPortalClient *client);
LensFilters      *lens_page_get_filters  (LensPage         *self);
void              lens_page_set_filters  (LensPage         *self,
                                          LensFilters      *filters);
/* Loads everything again with @flags: now when shown, when next shown otherwise. */
void              lens_page_reload       (LensPage         *self,
                                          LensQueryFlags    flags);
/* TRUE when nothing is loading and nothing waits to be loaded (the benchmarks and the
 * tests wait for it); notified as LensPage:settled. */
gboolean          lens_page_is_settled   (LensPage         *self);

/* For subclasses, while the page is built: @loadable (a descendant of the page) loads with
 * the page's client and filters. */
void              lens_page_add_loadable  (LensPage         *self,
                                           LensLoadable     *loadable);
/* For subclasses built in code: the page's only child, a scroller, and in it a vertical box
 * of the "dashboard" style no wider than @maximum_size (narrowing from
 * @tightening_threshold, as AdwClamp does), which is returned for the content. */
GtkWidget        *lens_page_add_column    (LensPage         *self,
                                           int               maximum_size,
                                           int               tightening_threshold);
/* The LensLoadable descendants, in the order they were added. */
GPtrArray        *lens_page_get_loadables (LensPage         *self);

G_END_DECLS
