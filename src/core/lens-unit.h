/* lens-unit.h: what a chart's numbers count, by the key the chart catalogue names it with
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A closed set: each unit has its words, with their plural forms, in lens-describe.c, so a
 * number and its unit agree in every language ("1 incident", "262,914 incidents"). Adding a
 * unit is adding it here, there, and translating its forms. */
typedef enum
{
  LENS_UNIT_NONE,        /* a bare number */
  LENS_UNIT_PERCENT,     /* "percent": values are shares 0..100, written "12.3%" */
  LENS_UNIT_INCIDENTS,   /* "incidents": crime incidents */
  LENS_UNIT_CASES,       /* "cases": COPA cases */
  LENS_UNIT_ARRESTS,     /* "arrests" */
  LENS_UNIT_VICTIMS,     /* "victims" */
  LENS_UNIT_PARAGRAPHS,  /* "paragraphs": of the consent decree */
} LensUnit;

#define LENS_N_UNITS (LENS_UNIT_PARAGRAPHS + 1)

/* "incidents" -> LENS_UNIT_INCIDENTS; NULL or "" -> LENS_UNIT_NONE. FALSE for a key that is
 * not a unit (@unit is then LENS_UNIT_NONE). */
gboolean            lens_unit_from_key  (const char *key,
                                         LensUnit   *unit);
/* The key ("incidents"); NULL for LENS_UNIT_NONE. */
const char         *lens_unit_to_key    (LensUnit    unit);
/* Every key, in the order of the enum (without LENS_UNIT_NONE), NULL-terminated: for the
 * message of a catalogue that names another one. */
const char * const *lens_unit_get_keys  (void);

G_END_DECLS
