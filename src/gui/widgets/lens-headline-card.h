/* lens-headline-card.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-bug-report.h"
#include "lens-headline.h"

G_BEGIN_DECLS

/* One headline of the Overview page: a number for a period, the change from the same period a
 * year earlier, and a button to the page with the charts. */
#define LENS_TYPE_HEADLINE_CARD (lens_headline_card_get_type ())
G_DECLARE_FINAL_TYPE (LensHeadlineCard, lens_headline_card, LENS, HEADLINE_CARD, GtkWidget)

GtkWidget        *lens_headline_card_new         (LensHeadlineSpec *spec,
                                                  const char       *page_title);
LensHeadlineSpec *lens_headline_card_get_spec    (LensHeadlineCard *self);
void              lens_headline_card_load        (LensHeadlineCard *self,
                                                  LensPortalClient *client,
                                                  LensFilters      *filters,
                                                  LensQueryFlags    flags);
gboolean          lens_headline_card_is_settled  (LensHeadlineCard *self);
/* TRUE when it shows numbers (fresh or saved). */
gboolean          lens_headline_card_has_numbers (LensHeadlineCard *self);
/* When the portal refused the card's query: the details and bug report shown (under the error,
 * or under saved numbers); otherwise NULL. */
LensBugReport    *lens_headline_card_get_bug_report (LensHeadlineCard *self);
/* The number shown ("262,914") or the error, for tests. */
const char       *lens_headline_card_get_text    (LensHeadlineCard *self);

G_END_DECLS
