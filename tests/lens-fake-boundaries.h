/* lens-fake-boundaries.h: the fake portal's police district boundaries
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENS_FAKE_BOUNDARIES_PATH "/resource/24zt-jpfn.geojson"

/* The real export of 24zt-jpfn (tests/fixtures, provenance in its README.md), as it is:
 * boundaries are public geography, not police data, so the fake portal need not make them up. */
GBytes *lens_fake_boundaries_get_body (void);

G_END_DECLS
