/* lens-content-error.h: the errors loading the app's curated data can end in
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENS_CONTENT_ERROR (lens_content_error_quark ())

/* Every message starts with the file name and the place in the file, e.g.
 * consent-decree.json: report 10: "full": confidence "X" is not one of C, S, D */
typedef enum
{
  LENS_CONTENT_ERROR_READ,          /* the file or resource could not be read */
  LENS_CONTENT_ERROR_PARSE,         /* not valid JSON */
  LENS_CONTENT_ERROR_SCHEMA,        /* unknown or missing key, wrong type, bad "format" */
  LENS_CONTENT_ERROR_VALUE,         /* a value outside its allowed set or range: tag, unit,
                                     * date, URL, percent over 100 */
  LENS_CONTENT_ERROR_UNCONFIRMED,   /* confidence "U": unconfirmed figures are never shipped */
  LENS_CONTENT_ERROR_INCONSISTENT,  /* sums, duplicates, order, dates, cross references */
} LensContentError;

GQuark lens_content_error_quark (void);

G_END_DECLS
