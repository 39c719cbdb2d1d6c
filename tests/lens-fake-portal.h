/* lens-fake-portal.h: a fake Socrata portal on 127.0.0.1 for the tests
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-fake-data.h"

G_BEGIN_DECLS

/* What the next requests go wrong with. */
typedef enum
{
  LENS_FAKE_FAULT_NONE,
  LENS_FAKE_FAULT_THROTTLED,            /* 429, no Retry-After */
  LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER,/* 429 with Retry-After (lens_fake_portal_set_retry_after) */
  LENS_FAKE_FAULT_SERVER_ERROR,         /* 500 with a JSON error body */
  LENS_FAKE_FAULT_BAD_GATEWAY,          /* 502, HTML body */
  LENS_FAKE_FAULT_UNAVAILABLE,          /* 503, HTML body */
  LENS_FAKE_FAULT_PROCESSING,           /* 202 "processing" */
  LENS_FAKE_FAULT_STALL,                /* no answer for the stall time */
  LENS_FAKE_FAULT_TRUNCATED,            /* Content-Length larger than the body, then closed */
  LENS_FAKE_FAULT_INVALID_JSON,         /* 200 with a body cut in the middle of a row */
  LENS_FAKE_FAULT_WRONG_SHAPE,          /* 200 with a JSON object instead of an array */
  LENS_FAKE_FAULT_ERROR_MALFORMED,      /* 400 {"code":"query.compiler.malformed","error":true,...} */
  LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, /* 400 {"message":...,"errorCode":"query.soql.no-such-column",...} */
  LENS_FAKE_FAULT_WRONG_CONTENT_TYPE,   /* 200 text/html */
  LENS_FAKE_FAULT_HUGE_BODY,            /* 200 with a valid 50 MB JSON array, streamed in chunks */
  LENS_FAKE_FAULT_REDIRECT_INSECURE,    /* 302 to plain http on a non-loopback address (0.0.0.0) */
} LensFakeFault;

#define LENS_TYPE_FAKE_PORTAL (lens_fake_portal_get_type ())
G_DECLARE_FINAL_TYPE (LensFakePortal, lens_fake_portal, LENS, FAKE_PORTAL, GObject)

/* A portal on a random loopback port, seed 1. Aborts if it cannot listen (a test helper). */
LensFakePortal *lens_fake_portal_new                    (void);
/* @port 0: random. */
LensFakePortal *lens_fake_portal_new_full               (guint           port,
                                                         guint32         seed,
                                                         GError        **error);
/* "http://127.0.0.1:PORT" (no trailing slash). */
const char     *lens_fake_portal_get_base_url           (LensFakePortal *self);
guint32         lens_fake_portal_get_seed               (LensFakePortal *self);

/* @fault applies to the next @n_times requests (0: every request until set again), then the
 * portal answers normally: LENS_FAKE_FAULT_UNAVAILABLE with 2 is "503, 503, then success". */
void            lens_fake_portal_set_fault              (LensFakePortal *self,
                                                         LensFakeFault   fault,
                                                         guint           n_times);
/* The Retry-After value sent with LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER ("1" by default; an
 * HTTP date works too). */
void            lens_fake_portal_set_retry_after        (LensFakePortal *self,
                                                         const char     *value);
/* How long a stalled request waits before it is answered (30 s by default). */
void            lens_fake_portal_set_stall_seconds      (LensFakePortal *self,
                                                         guint           seconds);
/* Size of the LENS_FAKE_FAULT_HUGE_BODY body (50 MB by default). */
void            lens_fake_portal_set_huge_body_size     (LensFakePortal *self,
                                                         gsize           bytes);
/* Number of synthetic rows an unaggregated query pages through (2500 by default). */
void            lens_fake_portal_set_raw_rows           (LensFakePortal *self,
                                                         guint           rows);
/* A new version of the data: new ETags, Last-Modified, rowsUpdatedAt and numbers. */
void            lens_fake_portal_set_data_version       (LensFakePortal *self,
                                                         guint           version);
guint           lens_fake_portal_get_data_version       (LensFakePortal *self);
/* The City updates and revises its data: every dataset's rowsUpdatedAt (and a stale one's
 * too) moves LENS_FAKE_BUMP_DAYS days on, so rows for those days appear, and every count of
 * @revised_month ("2026-02") changes (synthetic, seeded by the portal's seed and the number
 * of bumps); the other months keep their numbers. FALSE for a month outside the series. */
gboolean        lens_fake_portal_bump                   (LensFakePortal *self,
                                                         const char     *revised_month);
/* A dataset the City has not updated for a while: its metadata's rowsUpdatedAt and its
 * Last-Modified become @rows_updated_at (Unix seconds; 0 keeps the data version's), and its
 * rows end on @last_day ("YYYY-MM-DD"), or, when NULL, as many days before the update as the
 * dataset leaves out (seven for Crimes). Counts, max(<date field>) and the expected counts
 * below all follow. 0 and NULL: back to the data version's. */
void            lens_fake_portal_set_as_of              (LensFakePortal *self,
                                                         const char     *dataset_id,
                                                         gint64          rows_updated_at,
                                                         const char     *last_day);
/* What @dataset_id's data are as of now (lens-fake-data.h). */
void            lens_fake_portal_get_as_of              (LensFakePortal *self,
                                                         const char     *dataset_id,
                                                         LensFakeAsOf   *as_of);
/* Compress answers when the request accepts gzip (TRUE by default, like Socrata). */
void            lens_fake_portal_set_gzip               (LensFakePortal *self,
                                                         gboolean        gzip);

/* The City renames a column (socrata-cpd.md §2.2: COPA's years_on_force_of_officers): from
 * now on /api/views/<id>.json has @new_name for @old_name, and the strict SoQL checker refuses
 * @old_name with the portal's query.soql.no-such-column. (The generator's data keep the old
 * name: a query naming @new_name passes the checker and is answered 400 as one the generator
 * cannot answer, counted as unjudged.) */
void            lens_fake_portal_rename_column          (LensFakePortal *self,
                                                         const char     *dataset_id,
                                                         const char     *old_name,
                                                         const char     *new_name);
/* The City gives column @name another type: @view_type is the metadata's dataTypeName
 * ("number", "text", "calendar_date", "checkbox"); the checker's SODA2 type follows. */
void            lens_fake_portal_retype_column          (LensFakePortal *self,
                                                         const char     *dataset_id,
                                                         const char     *name,
                                                         const char     *view_type);

/* Requests seen since creation or the last reset. */
guint           lens_fake_portal_get_n_requests         (LensFakePortal *self);
/* Iterates the main context of the thread that made the portal until it has seen @n requests
 * (the portal wakes that context on each one): for a test that must act once a request is
 * under way, such as cancelling it during a stall. FALSE if that never happens. */
gboolean        lens_fake_portal_wait_for_requests      (LensFakePortal *self,
                                                         guint           n);
/* How many of them were answered 304 Not Modified. */
guint           lens_fake_portal_get_n_not_modified     (LensFakePortal *self);
/* How many queries broke the real portal's rules and were refused with its 400
 * (lens-fake-soql.c), and how many were beyond that model, passed on unjudged, or beyond what
 * the generator can answer (the log says why). */
guint           lens_fake_portal_get_n_refused          (LensFakePortal *self);
guint           lens_fake_portal_get_n_unjudged         (LensFakePortal *self);
void            lens_fake_portal_reset_counters         (LensFakePortal *self);
/* Path and query of every request, in order (decoded). */
char          **lens_fake_portal_dup_request_log        (LensFakePortal *self);
/* The last request's header @name, or NULL. */
char           *lens_fake_portal_dup_last_request_header (LensFakePortal *self,
                                                          const char     *name);

/* The count(*) the portal gives for rows matching @constraints ("district=005",
 * "victimization_primary!=HOMICIDE", ...) in
 * [@from, @to) ("YYYY-MM-DD" or NULL), see lens_fake_data_expected_count(). */
gint64          lens_fake_portal_expected_count         (LensFakePortal     *self,
                                                         const char         *dataset_id,
                                                         const char * const *constraints,
                                                         const char         *from,
                                                         const char         *to);

/* The district-attributed count for the portal's seed and data version, see
 * lens_fake_data_expected_district_count(). */
gint64          lens_fake_portal_expected_district_count (LensFakePortal     *self,
                                                          const char         *dataset_id,
                                                          const char         *beat_field,
                                                          guint               district,
                                                          const char * const *constraints,
                                                          const char         *from,
                                                          const char         *to);

/* "429", "429-retry-after", "429-then-success", "500", "502", "503", "503-then-success",
 * "202", "stall", "truncated", "invalid-json", "wrong-shape", "error-malformed",
 * "error-no-such-column", "html", "huge", "redirect-insecure", "none". */
gboolean        lens_fake_fault_from_string             (const char     *name,
                                                         LensFakeFault  *fault,
                                                         guint          *n_times);

G_END_DECLS
