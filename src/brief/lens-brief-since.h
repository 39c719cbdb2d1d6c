/* lens-brief-since.h: the "Since <date of the last brief>" section of a saved brief made
 * again: the CompStat categories over the days the data gained, complaints filed since,
 * monitoring reports published since, and the figures the City has revised
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-brief.h"
#include "lens-brief-record.h"
#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

typedef struct _LensBriefSince LensBriefSince;

void            lens_brief_since_free          (LensBriefSince      *since);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensBriefSince, lens_brief_since_free)

/* What the section says when there is nothing to compare: @problem (translated, may be
 * NULL) says why, e.g. that the record of the last brief could not be read. */
LensBriefSince *lens_brief_since_new_none      (const char          *problem);

/* Compares @previous (the record of the last brief, NULL: none) with the portal now, for a
 * brief of @filters (its district and comparison must match @previous's, and the portal
 * its; otherwise the section says why it does not compare). The days compared run from the
 * day after the previous brief's data ended to where the data end now, per dataset.
 *
 * CompStat: the categories of data/compstat.json (lens_compstat_get_row()) counted by ONE
 * request over those days and the same days a year earlier (the table's own comparison),
 * not differences of the rolling windows. Complaints: one count of COPA cases by complaint
 * date. Reports: the shipped consent-decree and reports data, released after the previous
 * brief was made. Revisions: each chart of @previous loaded again for its own filters (with
 * LENS_QUERY_REFRESH), every value of a period that had ended then compared.
 *
 * A part that cannot be loaded says so in the section; the only error is cancellation. */
void            lens_brief_since_compute_async  (LensPortalClient    *client,
                                                 LensBriefRecord     *previous,
                                                 LensFilters         *filters,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
LensBriefSince *lens_brief_since_compute_finish (GAsyncResult        *result,
                                                 GError             **error);

/* The crime data's and COPA's last full day now, known after compute (invalid otherwise):
 * kept in the new record. */
const GDate    *lens_brief_since_get_data_end   (LensBriefSince      *since,
                                                 const char          *dataset_id);

/* The section opens the brief (after the cover). Takes @since. */
void            lens_brief_set_since            (LensBrief           *self,
                                                 LensBriefSince      *since);

/* The figures of @self's charts (and the section's CompStat table) for the next brief. */
LensBriefRecord *lens_brief_dup_record          (LensBrief           *self,
                                                 const char          *portal,
                                                 LensFilters         *filters);

G_END_DECLS
