/* lens-compstat-private.h: what lens-compstat.c shares with lens-compstat-areas.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-compstat.h"

G_BEGIN_DECLS

/* Binds the six windows ending at @last_full_day as @from0..@to5 and returns the select list
 * "sum(case(...)) AS w0, ..." (no leading comma) and the union of the windows in @any. */
char *_lens_compstat_bind_windows (LensSoql    *soql,
                                   const GDate *last_full_day,
                                   GString     *any);

/* The victims row: counts of the six windows ending at @last_full_day (the victims' own). */
void  _lens_compstat_set_victims  (LensCompstat    *self,
                                   const gint64    *counts,
                                   const GDate     *last_full_day,
                                   LensQueryResult *result);

G_END_DECLS
