/* lens-portal-error.h: the errors a portal request can end in
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENS_PORTAL_ERROR (lens_portal_error_quark ())

typedef enum
{
  LENS_PORTAL_ERROR_OFFLINE,       /* no network, DNS failure, refused, timed out, --offline */
  LENS_PORTAL_ERROR_THROTTLED,     /* 429 after the retries ran out */
  LENS_PORTAL_ERROR_SERVER,        /* 5xx after the retries ran out, 202 that never finished */
  LENS_PORTAL_ERROR_BAD_RESPONSE,  /* truncated, invalid JSON, wrong shape or type, too large */
  LENS_PORTAL_ERROR_BAD_QUERY,     /* 400 (with the portal's own message), 404, invalid SoQL;
                                    * a query the portal refused: see
                                    * lens_portal_error_is_refused_query() */
  LENS_PORTAL_ERROR_CANCELLED,
} LensPortalError;

GQuark       lens_portal_error_quark       (void);

/* Sets a LENS_PORTAL_ERROR whose message is a translated sentence a resident understands for
 * @code, followed by @detail (the portal's own message, if any) when it is not NULL. */
void         lens_portal_error_set         (GError         **error,
                                            LensPortalError  code,
                                            const char      *detail);
/* The same error, new. */
GError      *lens_portal_error_new         (LensPortalError  code,
                                            const char      *detail);

/* A query the portal refused with a SoQL error (HTTP 400, "query.soql.…" or
 * "query.compiler.…"): Reform Lens asked for something the portal cannot answer, which is a
 * fault in the app, not in the network or in what the person chose. A
 * LENS_PORTAL_ERROR_BAD_QUERY whose message says so, carrying what a bug report needs: the
 * portal's code and message, the request URL and the body of the answer. */
GError      *lens_portal_error_new_refused_query   (guint            status,
                                                    const char      *error_code,
                                                    const char      *portal_message,
                                                    const char      *url,
                                                    GBytes          *body);
/* TRUE for a "query.soql." or "query.compiler." code: the query itself was refused. */
gboolean     lens_portal_error_code_is_soql        (const char      *error_code);
gboolean     lens_portal_error_is_refused_query    (const GError    *error);
/* What a refused query carries (NULL for any other error). */
const char  *lens_portal_error_get_code            (const GError    *error);
const char  *lens_portal_error_get_portal_message  (const GError    *error);
const char  *lens_portal_error_get_url             (const GError    *error);
const char  *lens_portal_error_get_answer          (const GError    *error);
/* A plain-text report of a refused query for the developers, to paste into an issue: the app
 * version, @subject (the chart or card id), the request URL and the portal's answer. Kept in
 * English, like a log, so that whoever reads it can. NULL for any other error. */
char        *lens_portal_error_dup_bug_report      (const GError    *error,
                                                    const char      *subject);

/* Reads both Socrata error-body shapes ({"code","message"} and {"errorCode","message"}).
 * Returns the portal's message (or NULL); *error_code receives the code when not NULL. */
char        *lens_portal_error_parse_body  (GBytes          *body,
                                            char           **error_code);

G_END_DECLS
