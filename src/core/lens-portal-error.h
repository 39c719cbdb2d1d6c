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
  LENS_PORTAL_ERROR_BAD_QUERY,     /* 400 (with the portal's own message), 404, invalid SoQL */
  LENS_PORTAL_ERROR_CANCELLED,
} LensPortalError;

GQuark       lens_portal_error_quark       (void);

/* Sets a LENS_PORTAL_ERROR whose message is a translated sentence a resident understands for
 * @code, followed by @detail (the portal's own message, if any) when it is not NULL. */
void         lens_portal_error_set         (GError         **error,
                                            LensPortalError  code,
                                            const char      *detail);

/* Reads both Socrata error-body shapes ({"code","message"} and {"errorCode","message"}).
 * Returns the portal's message (or NULL); *error_code receives the code when not NULL. */
char        *lens_portal_error_parse_body  (GBytes          *body,
                                            char           **error_code);

G_END_DECLS
