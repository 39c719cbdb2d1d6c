/* lens-overview-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-page.h"

G_BEGIN_DECLS

/* The first page: headline cards (this year so far and the last full year, each against the
 * year before), each leading to its page. */
#define LENS_TYPE_OVERVIEW_PAGE (lens_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (LensOverviewPage, lens_overview_page, LENS, OVERVIEW_PAGE, LensPage)

/* @page_title_func gives the title of a page id, or NULL when the app has no such page (the
 * card then has no button). */
typedef const char *(*LensPageTitleFunc) (const char *page_id);

GtkWidget *lens_overview_page_new       (LensPageTitleFunc  page_title_func);
/* The LensHeadlineCard children, in order. */
GPtrArray *lens_overview_page_get_cards (LensOverviewPage  *self);
/* The LensDistrictCard children: the standing this year, the last 28 days. */
GPtrArray *lens_overview_page_get_district_cards (LensOverviewPage *self);

G_END_DECLS
