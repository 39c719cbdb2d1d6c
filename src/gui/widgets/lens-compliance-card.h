/* lens-compliance-card.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Overview's consent-decree card: the latest monitoring report's levels ("IMR-11: 16%
 * full, 42% secondary, 34% preliminary"), its date and source, and a button to the
 * consent-decree page. From the shipped figures: nothing to load. */
#define LENS_TYPE_COMPLIANCE_CARD (lens_compliance_card_get_type ())
G_DECLARE_FINAL_TYPE (LensComplianceCard, lens_compliance_card, LENS, COMPLIANCE_CARD, GtkWidget)

/* @page_title: the title of the consent-decree page, for the button. */
GtkWidget  *lens_compliance_card_new      (const char         *page_title);
/* The levels line shown, for tests. */
const char *lens_compliance_card_get_text (LensComplianceCard *self);

G_END_DECLS
