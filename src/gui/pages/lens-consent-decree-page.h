/* lens-consent-decree-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-page.h"

G_BEGIN_DECLS

/* The consent decree: compliance by monitoring report (chart and figures with their
 * sources), what the levels mean, what the monitor found in each topic area, key dates. Its
 * content ships with the app: the filters do not change it and it never loads. */
#define LENS_TYPE_CONSENT_DECREE_PAGE (lens_consent_decree_page_get_type ())
G_DECLARE_FINAL_TYPE (LensConsentDecreePage, lens_consent_decree_page, LENS, CONSENT_DECREE_PAGE, LensPage)

GtkWidget *lens_consent_decree_page_new (void);

G_END_DECLS
