/* lens-districts.h: the 22 Chicago police districts
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint       number;   /* 1 .. 25; 13, 21 and 23 no longer exist */
  const char *name;     /* a proper name ("Calumet"), not translated */
} LensDistrict;

guint               lens_districts_get_count       (void);
/* In district number order */
const LensDistrict *lens_districts_get_nth         (guint               n);
/* NULL when there is no such district */
const LensDistrict *lens_district_lookup_number    (guint               number);
/* "5", "05" or "005" (the Crimes and the Police Stations spellings); NULL for anything else
 * ("Headquarters", "13", "", " 5") */
const LensDistrict *lens_district_lookup           (const char         *code);
/* The Crimes dataset's zero-padded code: "005" */
char               *lens_district_dup_code         (const LensDistrict *district);
/* "5 – Calumet", in the user's language's format */
char               *lens_district_dup_label        (const LensDistrict *district);
/* The district of a beat: its number divided by 100 ("0511" -> 5, "332" -> 3, "1114" -> 11).
 * 0 when @beat is not 3 or 4 digits or not a beat of an existing district. */
guint               lens_district_from_beat        (const char         *beat);

G_END_DECLS
