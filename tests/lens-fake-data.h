/* lens-fake-data.h: the seeded generator behind the fake Socrata portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything this module produces is SYNTHETIC: shaped like the City of Chicago portal's
 * answers (field names, encodings, headers) but computed from a hash of a seed. It is never
 * City data. The synthetic series cover January 2019 to March 2026; each dataset's rows end
 * where its LensFakeAsOf says. */

typedef struct
{
  guint   status;      /* 200, 400, 404 */
  GBytes *body;        /* SODA 2.1 layout: "[{...}\n,{...}]\n", or a Socrata error envelope */
  char   *fields;      /* X-SODA2-Fields (JSON array), NULL for errors */
  char   *types;       /* X-SODA2-Types (JSON array), NULL for errors */
} LensFakeResponse;

void         lens_fake_response_clear        (LensFakeResponse    *response);

/* A field as the portal's schema has it: the API field name and its SODA2 type ("text",
 * "number", "floating_timestamp", "boolean", "point"). */
typedef struct
{
  const char *name;
  const char *type;
} LensFakeField;

/* The fields of @dataset_id, with the real field names and types (socrata-cpd.md §2), ending
 * with { NULL, NULL }: the columns the generator fills, then those it leaves empty (the Crimes
 * location parts and computed regions). System fields (:id, ...) are not in it. NULL for a
 * dataset the fake portal does not have. */
const LensFakeField *lens_fake_data_get_fields (const char *dataset_id);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LensFakeResponse, lens_fake_response_clear)

/* Which days a dataset's synthetic rows cover. */
typedef struct
{
  gint64 rows_updated_at;  /* rowsUpdatedAt and Last-Modified, Unix seconds */
  GDate  last_day;         /* the last day with rows: max(<date field>) and the end of every count */
} LensFakeAsOf;

/* The data as of @version: updated as lens_fake_data_rows_updated_at() says, with rows up to
 * the day of that update (in Chicago) less the dataset's own lag, as the City publishes them
 * (Crimes leaves out the latest seven days, the others the day of the update), and never past
 * the end of the synthetic series (31 March 2026). At version 0, Crimes ends on 30 March 2026. */
void         lens_fake_data_get_as_of        (guint                version,
                                              const char          *dataset_id,
                                              LensFakeAsOf        *as_of);
/* The same for an update at @rows_updated_at (Unix seconds). */
void         lens_fake_data_get_as_of_update (gint64               rows_updated_at,
                                              const char          *dataset_id,
                                              LensFakeAsOf        *as_of);

/* @as_of, in every function below that takes it: NULL for lens_fake_data_get_as_of() of
 * @version; a dataset made stale otherwise. */

/* Answers GET /resource/<dataset_id>.json with @params (decoded query parameters, "$select" ->
 * "...", and plain "field" -> "value" filters). @raw_rows: how many rows an unaggregated query
 * (such as "$select=*" with "$order=:id") can page through. */
void         lens_fake_data_query            (guint32              seed,
                                              guint                version,
                                              const LensFakeAsOf  *as_of,
                                              guint                raw_rows,
                                              const char          *dataset_id,
                                              GHashTable          *params,
                                              LensFakeResponse    *out);
/* Answers GET /api/views/<dataset_id>.json (status 404 for an unknown dataset). */
void         lens_fake_data_view             (guint32              seed,
                                              guint                version,
                                              const LensFakeAsOf  *as_of,
                                              const char          *dataset_id,
                                              LensFakeResponse    *out);

/* A data version is a base version (lens_fake_portal_set_data_version()) and, from
 * lens_fake_portal_bump(), a number of bumps and the month they revise: each bump moves
 * rowsUpdatedAt LENS_FAKE_BUMP_DAYS days on (rows for those days appear) and gives the
 * revised month new (synthetic, seeded) numbers; every other month keeps the base's. */
#define LENS_FAKE_BUMP_DAYS 14
#define LENS_FAKE_VERSION_BASE(v)          ((guint) (v) & 0xffffu)
#define LENS_FAKE_VERSION_BUMPS(v)         (((guint) (v) >> 16) & 0xffu)
#define LENS_FAKE_VERSION_REVISED_MONTH(v) ((int) (((guint) (v) >> 24) & 0xffu) - 1)
#define LENS_FAKE_VERSION_MAKE(base, bumps, month) \
  (((guint) (base) & 0xffffu) | (((guint) (bumps) & 0xffu) << 16) | (((guint) (month) + 1) << 24))

/* The index of "2026-02" among the synthetic months (0: January 2019), -1 outside them. */
int          lens_fake_data_month_index      (const char          *month);

/* rowsUpdatedAt (Unix seconds) of every dataset at @version; Last-Modified follows it. */
gint64       lens_fake_data_rows_updated_at  (guint                version);

/* The count(*) the generator gives for rows matching @constraints ("column=value" strings,
 * NULL-terminated, may be NULL) in [@from, @to) ("YYYY-MM-DD", NULL for the whole series).
 * It equals the "n" of the matching row of any grouped query ("count(*) AS n", grouped by
 * date_extract_y, district, ...) with the same filters, so a test can check a chart's numbers. */
gint64       lens_fake_data_expected_count   (guint32              seed,
                                              guint                version,
                                              const LensFakeAsOf  *as_of,
                                              const char          *dataset_id,
                                              const char * const  *constraints,
                                              const char          *from,
                                              const char          *to);

/* Attribution by beats (COPA's "beat" holds "332", "332 | 1114" or nothing). The sum of the
 * counts of the rows of a query grouped by @beat_field (and filtered by @constraints, in
 * [@from, @to)) whose beats include one in district @district (1..25), each row rounded as
 * the portal rounds it: what a chart of that district must show. A row with beats in two
 * districts counts for both; one without a beat, or with only a beat of no district, for none.
 * For one group of a grouped query (a year, a category) pass that group's constraints and
 * range. */
gint64       lens_fake_data_expected_district_count (guint32              seed,
                                                     guint                version,
                                                     const LensFakeAsOf  *as_of,
                                                     const char          *dataset_id,
                                                     const char          *beat_field,
                                                     guint                district,
                                                     const char * const  *constraints,
                                                     const char          *from,
                                                     const char          *to);
/* Every value the generator gives @beat_field of @dataset_id for @seed, "" for the rows that
 * have none (the key left out). A test finds its multi-beat cases here. */
char       **lens_fake_data_dup_beat_values          (guint32              seed,
                                                     const char          *dataset_id,
                                                     const char          *beat_field);

G_END_DECLS
