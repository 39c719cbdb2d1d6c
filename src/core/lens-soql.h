/* lens-soql.h: a SoQL query for one Socrata dataset
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LENS_TYPE_SOQL (lens_soql_get_type ())

/* A reference-counted, immutable-once-built description of one request:
 * dataset id plus $select/$where/$group/$having/$order/$limit/$offset.
 *
 * Clauses are SoQL text written by the app (the chart catalogue). Values that come from a
 * person or from data (a district, a date, a category) never go into that text directly: they
 * are bound to named parameters written as `@name` in a clause, and each bound value is
 * rendered as a quoted SoQL literal, so no value can change the meaning of the query. */
typedef struct _LensSoql LensSoql;

GType        lens_soql_get_type           (void) G_GNUC_CONST;
LensSoql    *lens_soql_new                (const char   *dataset_id);
LensSoql    *lens_soql_ref                (LensSoql     *self);
void         lens_soql_unref              (LensSoql     *self);
LensSoql    *lens_soql_copy               (const LensSoql *self);

const char  *lens_soql_get_dataset_id     (const LensSoql *self);

void         lens_soql_set_select         (LensSoql     *self,
                                           const char   *select);
/* Adds a condition; several are joined with AND, each in parentheses. */
void         lens_soql_add_where          (LensSoql     *self,
                                           const char   *condition);
void         lens_soql_set_group          (LensSoql     *self,
                                           const char   *group);
void         lens_soql_set_having         (LensSoql     *self,
                                           const char   *having);
void         lens_soql_set_order          (LensSoql     *self,
                                           const char   *order);
const char  *lens_soql_get_order          (const LensSoql *self);
void         lens_soql_set_limit          (LensSoql     *self,
                                           gint64        limit);   /* -1: unset */
gint64       lens_soql_get_limit          (const LensSoql *self);
void         lens_soql_set_offset         (LensSoql     *self,
                                           gint64        offset);  /* -1: unset */
gint64       lens_soql_get_offset         (const LensSoql *self);

/* Parameters: `@name` in any clause is replaced by the bound value, as a literal. */
void         lens_soql_bind_text          (LensSoql     *self,
                                           const char   *name,
                                           const char   *value);   /* 'O''Hare' */
void         lens_soql_bind_number        (LensSoql     *self,
                                           const char   *name,
                                           double        value);   /* 2024, 0.5 (C locale) */
/* A floating timestamp literal, '2024-01-01T00:00:00', from a date (no time zone). */
void         lens_soql_bind_date          (LensSoql     *self,
                                           const char   *name,
                                           GDate        *date);

/* What a query returns, as the portal's SoQL analyzer sees it (socrata-platform/soql-reference,
 * soql-analyzer .../aggregates/AggregateChecker.scala): a query is grouped when it has $group
 * or $having, or calls an aggregate (count, sum, avg, min, max, ...) in $select or $order. */
typedef enum
{
  LENS_SOQL_SHAPE_ROWS,       /* rows of the dataset: may be paged, ordered by :id */
  LENS_SOQL_SHAPE_AGGREGATE,  /* grouped by nothing ("count(*) AS n"): exactly one row, never
                               * paged; it cannot be ordered by a column, not even :id */
  LENS_SOQL_SHAPE_GROUPED,    /* $group: one row per group, ordered by group expressions */
} LensSoqlShape;

LensSoqlShape lens_soql_get_shape         (const LensSoql *self);

/* The request for one page of a ROWS or GROUPED answer: a copy with @limit, @offset (0 leaves
 * $offset out) and an $order the portal accepts that makes the pages stable: the query's own
 * $order, then :id for rows, or then the group expressions it does not already name for
 * groups. NULL for an AGGREGATE query, which is one row and is never paged. */
LensSoql    *lens_soql_dup_page           (const LensSoql *self,
                                           gint64          offset,
                                           gint64          limit);

/* Whether @id is a Socrata dataset identifier, a "4x4": four lower-case letters or digits, a
 * hyphen, four more ("ijzp-q8t2"). The portal's ids are always lower case, and one is put
 * into a URL path, so nothing else is let through. */
gboolean     lens_soql_is_dataset_id      (const char   *id);

/* Validates the query: every `@name` is bound, parentheses and quotes balance, the dataset id
 * has the 4x4 shape (lens_soql_is_dataset_id()). Errors are LENS_PORTAL_ERROR_BAD_QUERY. */
gboolean     lens_soql_validate           (const LensSoql *self,
                                           GError      **error);

/* The query string alone ("$select=...&$where=..."), parameters substituted, every parameter
 * percent-encoded, parameters always in the same order: one canonical form per query. */
char        *lens_soql_to_query_string    (const LensSoql *self);
/* base_url + "/resource/<id>.json?" + query string. This is also the cache key. */
char        *lens_soql_to_url             (const LensSoql *self,
                                           const char   *base_url);

/* The dataset fields the query names, in the order they first appear, lower case, each once:
 * every name in a clause that is not a function, a word of SoQL, a parameter, a system field
 * (":id") or an alias given with AS. "date_extract_y(date) AS label, count(*) AS value" with
 * "$where=arrest = true" gives { "date", "arrest" }. What the schema check compares with the
 * portal (lens-schema-check.h). */
char       **lens_soql_dup_fields         (const LensSoql *self);

/* Renders a string as a SoQL string literal: quotes doubled, wrapped in single quotes. */
char        *lens_soql_quote_text         (const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensSoql, lens_soql_unref)

G_END_DECLS
