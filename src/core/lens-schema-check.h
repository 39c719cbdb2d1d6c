/* lens-schema-check.h: are the fields the app's queries name still on the portal?
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-catalog.h"
#include "lens-dataset-info.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The City renames and retypes columns (COPA's years_on_force_of_officers became
 * years_on_force_of_involved_officers in 2020). The check reads /api/views/<id>.json of every
 * dataset the catalogue uses and compares its columns with the catalogue's "fields" (the one
 * declaration of each field and its type, lens_catalog_get_field_type()), for every chart,
 * headline and the CompStat table, each needing the fields its query names
 * (lens_soql_dup_fields()). */

/* One dataset as the portal describes it. */
typedef struct
{
  char      *dataset_id;
  guint      n_fields;         /* the fields the app needs of it */
  guint      n_problems;       /* of those, missing or of another type */
  GDateTime *rows_updated_at;  /* may be NULL */
} LensSchemaDataset;

/* A field a chart (a headline, the CompStat table) needs that the portal no longer has
 * (@actual_type NULL) or has with another type. */
typedef struct
{
  char *subject_id;     /* "complaints-per-year", "crime-year-to-date", "compstat" */
  char *subject_label;  /* translated: "chart “Complaints and cases per year”" */
  char *dataset_id;
  char *field;
  char *expected_type;  /* as the catalogue declares it: "calendar_date" */
  char *actual_type;    /* as the portal has it, or NULL */
} LensSchemaProblem;

typedef struct
{
  GPtrArray *datasets;  /* LensSchemaDataset, in the catalogue's order */
  GPtrArray *problems;  /* LensSchemaProblem, subject by subject, in the catalogue's order */
} LensSchemaReport;

void              lens_schema_report_free      (LensSchemaReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensSchemaReport, lens_schema_report_free)

/* The ids of the datasets the catalogue's queries and the CompStat table use, in the order of
 * the catalogue's "fields". */
char            **lens_schema_check_dup_dataset_ids (LensCatalog *catalog);

/* Compares @infos (LensDatasetInfo, one per dataset of lens_schema_check_dup_dataset_ids())
 * with what @catalog needs. No I/O; any thread. */
LensSchemaReport *lens_schema_check_compare     (LensCatalog  *catalog,
                                                 GPtrArray    *infos);

/* Reads every dataset's metadata from the portal (never from the cache: @client should have
 * none, or the check would be of old metadata) and compares. The requests run in the client's
 * worker, the comparison in a thread: the calling thread never blocks. A failure to read one
 * dataset fails the whole check, with a message naming it. */
void              lens_schema_check_async       (LensPortalClient     *client,
                                                 LensCatalog          *catalog,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
LensSchemaReport *lens_schema_check_finish      (GAsyncResult         *result,
                                                 GError              **error);

/* The report in words, translated, one line per dataset ("ijzp-q8t2: 5 fields, all present,
 * rows updated <date>"), then for each subject with problems its fields, then what to do. */
char             *lens_schema_report_format     (LensSchemaReport     *report);

/* For a query the portal refused with "query.soql.no-such-column": the field it named (from
 * the answer's data.column, else its message), or NULL for any other error. */
char             *lens_schema_dup_missing_field (const GError         *error);
/* What a chart (a card) adds to its message for such an error: the field by name, and
 * `reform-lens --check-portal` to see what else changed. NULL for any other error. */
char             *lens_schema_dup_missing_field_hint (const GError *error);

G_END_DECLS
