/* lens-fake-soql.h: the real portal's rules for a SoQL query, for the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-fake-data.h"

G_BEGIN_DECLS

typedef enum
{
  LENS_FAKE_SOQL_ACCEPTED,  /* the real portal would run it */
  LENS_FAKE_SOQL_REFUSED,   /* it breaks a rule: the response is the portal's 400 */
  LENS_FAKE_SOQL_UNJUDGED,  /* beyond this model; the log says why, the query is passed on */
} LensFakeSoqlVerdict;

/* Judges the parameters of GET /resource/@dataset_id.json (decoded: "$select" -> "...", and
 * plain "field" -> "value" filters) against the dataset's @fields (see
 * lens_fake_data_get_fields(); the system fields :id, :created_at and :updated_at come on top).
 * On LENS_FAKE_SOQL_REFUSED, @out holds the answer of the real portal: HTTP 400 with the query
 * coordinator's envelope, {"message":"Query coordinator error: <code>; <text>",
 * "errorCode":"<code>","data":{...}}. The rules and their sources are listed in
 * lens-fake-soql.c. */
LensFakeSoqlVerdict lens_fake_soql_check (const char          *dataset_id,
                                          const LensFakeField *fields,
                                          GHashTable          *params,
                                          LensFakeResponse    *out);

G_END_DECLS
