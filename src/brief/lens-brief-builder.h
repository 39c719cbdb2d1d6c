/* lens-brief-builder.h: loads the charts of a meeting brief and puts the brief together
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-brief.h"
#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The ids of the catalogue charts in @parts' groups (LENS_BRIEF_PART_CRIME: the "crime"
 * page, LENS_BRIEF_PART_COMPLAINTS: the "complaints" page), in catalogue order. */
GStrv       lens_brief_builder_dup_chart_ids (LensBriefParts        parts);

/* Builds a brief for @filters, ready to paginate or write: loads every chart of @chart_ids
 * (NULL: lens_brief_builder_dup_chart_ids (@parts)) concurrently through the chart loader
 * with @flags, adds each in order with its table, caveats, source, as-of times and, with
 * LENS_BRIEF_PART_PASSAGES, the report passages tied to it, then, with
 * LENS_BRIEF_PART_CONSENT_DECREE, the consent-decree status. The brief's parts are @parts
 * plus the groups of the charts asked for.
 *
 * A chart that cannot be loaded is left out and reported by _finish() in @failed; the build
 * fails only when charts were asked for and none could be loaded (with the first chart's
 * error, a LENS_PORTAL_ERROR), or on cancellation (LENS_PORTAL_ERROR_CANCELLED or
 * G_IO_ERROR_CANCELLED). Must run on the main thread (PLplot). */
void        lens_brief_builder_build_async  (LensPortalClient     *client,
                                             LensFilters          *filters,
                                             const char * const   *chart_ids,
                                             LensBriefParts        parts,
                                             LensQueryFlags        flags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* @stale (may be NULL): one translated line per chart whose numbers came from a saved copy
 * that is old, stands in for a failed fetch, or was used offline:
 *   "Reported incidents per year: data from 3 hours ago"
 * followed by the reason when there is one. @failed (may be NULL): one line per chart left
 * out: "Complaints by category: <why>". Both NULL-terminated, possibly empty. */
LensBrief  *lens_brief_builder_build_finish (GAsyncResult         *result,
                                             GStrv                *stale,
                                             GStrv                *failed,
                                             GError              **error);

/* "brief-district-5-2026-11-26.pdf" ("brief-citywide-...") for @filters on @date (NULL:
 * today). Not translated: a file name that works on every system. */
char       *lens_brief_builder_dup_file_name (LensFilters         *filters,
                                              GDateTime           *date);

G_END_DECLS
