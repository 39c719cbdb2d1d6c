/* lens-filters.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-filters"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lens-data-period.h"
#include "lens-date.h"
#include "lens-districts.h"
#include "lens-filters.h"

struct _LensFilters
{
  gatomicrefcount ref_count;
  guint           district;
  LensCompare     compare;
  guint           compare_district;
  LensCompareAs   compare_as;
  gboolean        compare_as_chosen;
  GDate           from;
  GDate           to;
};

G_DEFINE_BOXED_TYPE (LensFilters, lens_filters, lens_filters_ref, lens_filters_unref)
G_DEFINE_QUARK (lens-filters-error-quark, lens_filters_error)

LensFilters *
lens_filters_new_for_date (const GDate *today)
{
  LensFilters *self;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_new0 (LensFilters, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->compare = LENS_COMPARE_NONE;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  g_date_set_dmy (&self->from, 1, G_DATE_JANUARY, g_date_get_year (today) - 5);
  self->to = *today;

  return self;
}

LensFilters *
lens_filters_new (void)
{
  GDate today;

  /* The dates a person asks for, not a period: each chart's numbers end where its data end
   * (lens-data-period.h) and say so. */
  lens_data_period_get_today (&today);
  return lens_filters_new_for_date (&today);
}

LensFilters *
lens_filters_ref (LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lens_filters_unref (LensFilters *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

LensFilters *
lens_filters_copy (const LensFilters *self)
{
  LensFilters *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&copy->ref_count);
  return copy;
}

guint
lens_filters_get_district (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->district;
}

void
lens_filters_set_district (LensFilters *self,
                           guint        district)
{
  g_return_if_fail (self != NULL);
  self->district = district;
}

LensCompare
lens_filters_get_compare (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, LENS_COMPARE_NONE);
  return self->compare;
}

guint
lens_filters_get_compare_district (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->compare == LENS_COMPARE_DISTRICT ? self->compare_district : 0;
}

void
lens_filters_set_compare (LensFilters *self,
                          LensCompare  compare,
                          guint        district)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (compare <= LENS_COMPARE_DISTRICT);

  self->compare = compare;
  self->compare_district = compare == LENS_COMPARE_DISTRICT ? district : 0;
}

LensCompareAs
lens_filters_get_compare_as (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, LENS_COMPARE_AS_COUNTS);

  if (self->compare == LENS_COMPARE_NONE)
    return LENS_COMPARE_AS_COUNTS;
  if (self->compare_as_chosen)
    return self->compare_as;
  /* A district is about a twentieth of the city: on one count axis it is a thin strip. Two
   * districts are of a size: their counts read well side by side. */
  return self->compare == LENS_COMPARE_CITYWIDE ? lens_compare_as_default_for_citywide ()
                                                : LENS_COMPARE_AS_COUNTS;
}

gboolean
lens_filters_get_compare_as_chosen (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->compare_as_chosen;
}

void
lens_filters_set_compare_as (LensFilters   *self,
                             LensCompareAs  compare_as)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (compare_as <= LENS_COMPARE_AS_SHARE);

  self->compare_as = compare_as;
  self->compare_as_chosen = TRUE;
}

void
lens_filters_unset_compare_as (LensFilters *self)
{
  g_return_if_fail (self != NULL);

  self->compare_as = LENS_COMPARE_AS_COUNTS;
  self->compare_as_chosen = FALSE;
}

const GDate *
lens_filters_get_from (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->from;
}

const GDate *
lens_filters_get_to (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->to;
}

void
lens_filters_set_range (LensFilters *self,
                        const GDate *from,
                        const GDate *to)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  self->from = *from;
  self->to = *to;
}

gboolean
lens_filters_validate (const LensFilters  *self,
                       GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->district != 0 && lens_district_lookup_number (self->district) == NULL)
    {
      g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_DISTRICT,
                   _("%u is not a Chicago police district"), self->district);
      return FALSE;
    }

  if (self->compare == LENS_COMPARE_DISTRICT &&
      lens_district_lookup_number (self->compare_district) == NULL)
    {
      g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_COMPARE,
                   _("Cannot compare with district %u: it is not a Chicago police district"),
                   self->compare_district);
      return FALSE;
    }

  if (self->compare == LENS_COMPARE_DISTRICT && self->compare_district == self->district)
    {
      g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_SAME_DISTRICT,
                   _("District %u cannot be compared with itself"), self->district);
      return FALSE;
    }

  if (self->compare == LENS_COMPARE_CITYWIDE && self->district == 0)
    {
      g_set_error_literal (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_SAME_DISTRICT,
                           _("The whole city cannot be compared with itself: choose a district"));
      return FALSE;
    }

  if (!g_date_valid (&self->from) || !g_date_valid (&self->to) ||
      g_date_compare (&self->from, &self->to) > 0)
    {
      char from[16] = "", to[16] = "";

      if (g_date_valid (&self->from))
        g_date_strftime (from, sizeof from, "%Y-%m-%d", &self->from);
      if (g_date_valid (&self->to))
        g_date_strftime (to, sizeof to, "%Y-%m-%d", &self->to);
      g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_RANGE,
                   _("The start date %s is after the end date %s"), from, to);
      return FALSE;
    }

  return TRUE;
}

gboolean
lens_filters_equal (const LensFilters *a,
                    const LensFilters *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->district == b->district &&
         a->compare == b->compare &&
         lens_filters_get_compare_district (a) == lens_filters_get_compare_district (b) &&
         a->compare_as_chosen == b->compare_as_chosen &&
         (!a->compare_as_chosen || a->compare_as == b->compare_as) &&
         g_date_valid (&a->from) == g_date_valid (&b->from) &&
         g_date_valid (&a->to) == g_date_valid (&b->to) &&
         (!g_date_valid (&a->from) || g_date_compare (&a->from, &b->from) == 0) &&
         (!g_date_valid (&a->to) || g_date_compare (&a->to, &b->to) == 0);
}

guint
lens_filters_hash (const LensFilters *self)
{
  guint hash;

  g_return_val_if_fail (self != NULL, 0);

  hash = self->district;
  hash = hash * 31 + self->compare;
  hash = hash * 31 + lens_filters_get_compare_district (self);
  hash = hash * 31 + (self->compare_as_chosen ? self->compare_as + 1 : 0);
  hash = hash * 31 + (g_date_valid (&self->from) ? g_date_get_julian (&self->from) : 0);
  hash = hash * 31 + (g_date_valid (&self->to) ? g_date_get_julian (&self->to) : 0);
  return hash;
}

/* "" for a date not set */
static char *
dup_iso_date (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
lens_filters_to_string (const LensFilters *self)
{
  g_autofree char *compare = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  compare = lens_filters_dup_field (self, "compare");
  from = lens_filters_dup_field (self, "from");
  to = lens_filters_dup_field (self, "to");
  if (self->compare_as_chosen)
    return g_strdup_printf ("district=%u;compare=%s;from=%s;to=%s;compare-as=%s", self->district,
                            compare, from, to, lens_compare_as_to_nick (self->compare_as));
  return g_strdup_printf ("district=%u;compare=%s;from=%s;to=%s", self->district, compare, from, to);
}

static const LensDistrict *
parse_district (const char *value)
{
  /* lens_district_lookup() takes "5", "05" and "005" and nothing else. */
  return lens_district_lookup (value);
}

gboolean
lens_filters_set_option (LensFilters  *self,
                         const char   *name,
                         const char   *value,
                         GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (g_str_has_prefix (name, "--"))
    name += 2;

  if (g_str_equal (name, "district"))
    {
      const LensDistrict *district;

      if (g_str_equal (value, "citywide") || g_str_equal (value, "0"))
        {
          self->district = 0;
          return TRUE;
        }
      if ((district = parse_district (value)) == NULL)
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_DISTRICT,
                       /* Translators: %s is what was typed after --district= */
                       _("--district: “%s” is not a Chicago police district (use a number such as 5, or citywide)"),
                       value);
          return FALSE;
        }
      self->district = district->number;
      return TRUE;
    }

  if (g_str_equal (name, "compare"))
    {
      const LensDistrict *district;

      if (g_str_equal (value, "none"))
        lens_filters_set_compare (self, LENS_COMPARE_NONE, 0);
      else if (g_str_equal (value, "citywide"))
        lens_filters_set_compare (self, LENS_COMPARE_CITYWIDE, 0);
      else if ((district = parse_district (value)) != NULL)
        lens_filters_set_compare (self, LENS_COMPARE_DISTRICT, district->number);
      else
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_COMPARE,
                       /* Translators: %s is what was typed after --compare=; keep the words
                        * citywide and none, they are the option's values */
                       _("--compare: “%s” is not citywide, none or a police district number"),
                       value);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (name, "compare-as"))
    {
      LensCompareAs compare_as;

      if (!lens_compare_as_from_nick (value, &compare_as))
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_COMPARE_AS,
                       /* Translators: %s is what was typed after --compare-as=; keep the words
                        * counts, index and share, they are the option's values */
                       _("--compare-as: “%s” is not counts, index or share"), value);
          return FALSE;
        }
      lens_filters_set_compare_as (self, compare_as);
      return TRUE;
    }

  if (g_str_equal (name, "from") || g_str_equal (name, "to"))
    {
      GDate date;

      if (!lens_date_parse_iso (value, &date))
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_BAD_DATE,
                       /* Translators: the first %s is the option (--from or --to), the
                        * second what was typed; keep YYYY-MM-DD as it is */
                       _("%s: “%s” is not a date written YYYY-MM-DD"),
                       g_str_equal (name, "from") ? "--from" : "--to", value);
          return FALSE;
        }
      if (g_str_equal (name, "from"))
        self->from = date;
      else
        self->to = date;
      return TRUE;
    }

  g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_UNKNOWN_OPTION,
               _("Unknown filter option “%s” (use --district, --compare, --compare-as, --from or --to)"),
               name);
  return FALSE;
}

gboolean
lens_filters_parse_args (LensFilters         *self,
                         const char * const  *args,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      const char *equals = strchr (args[i], '=');
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (args[i], "--") || equals == NULL)
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_UNKNOWN_OPTION,
                       _("“%s” is not a filter option of the form --name=value"), args[i]);
          return FALSE;
        }

      name = g_strndup (args[i], equals - args[i]);
      if (!lens_filters_set_option (self, name, equals + 1, error))
        return FALSE;
    }

  return lens_filters_validate (self, error);
}

gboolean
lens_filters_apply_options (LensFilters   *self,
                            GVariantDict  *options,
                            GError       **error)
{
  static const char *names[] = { "district", "compare", "compare-as", "from", "to" };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (g_variant_dict_contains (options, "district") && !g_variant_dict_contains (options, "compare"))
    lens_filters_set_compare (self, LENS_COMPARE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value;

      if (g_variant_dict_lookup (options, names[i], "&s", &value) &&
          !lens_filters_set_option (self, names[i], value, error))
        return FALSE;
    }

  return lens_filters_validate (self, error);
}

GStrv
lens_filters_dup_args (const LensFilters *self)
{
  g_autofree char *compare = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GStrv args;

  g_return_val_if_fail (self != NULL, NULL);

  compare = lens_filters_dup_field (self, "compare");
  from = lens_filters_dup_field (self, "from");
  to = lens_filters_dup_field (self, "to");

  args = g_new0 (char *, 6);
  args[0] = self->district == 0 ? g_strdup ("--district=citywide")
                                : g_strdup_printf ("--district=%u", self->district);
  args[1] = g_strdup_printf ("--compare=%s", compare);
  args[2] = g_strdup_printf ("--from=%s", from);
  args[3] = g_strdup_printf ("--to=%s", to);
  if (self->compare_as_chosen)
    args[4] = g_strdup_printf ("--compare-as=%s", lens_compare_as_to_nick (self->compare_as));
  return args;
}

char *
lens_filters_dup_field (const LensFilters *self,
                        const char        *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "district"))
    return self->district == 0 ? g_strdup ("") : g_strdup_printf ("%u", self->district);

  if (g_str_equal (name, "compare"))
    switch (self->compare)
      {
      case LENS_COMPARE_CITYWIDE:
        return g_strdup ("citywide");
      case LENS_COMPARE_DISTRICT:
        return g_strdup_printf ("%u", self->compare_district);
      case LENS_COMPARE_NONE:
      default:
        return g_strdup ("none");
      }

  if (g_str_equal (name, "compare-as"))
    return g_strdup (self->compare_as_chosen ? lens_compare_as_to_nick (self->compare_as) : "");

  if (g_str_equal (name, "from"))
    return dup_iso_date (&self->from);

  if (g_str_equal (name, "to"))
    return dup_iso_date (&self->to);

  if (g_str_equal (name, "date-range"))
    {
      g_autofree char *from = dup_iso_date (&self->from);
      g_autofree char *to = dup_iso_date (&self->to);

      return g_strdup_printf ("%s/%s", from, to);
    }

  g_return_val_if_reached (NULL);
}

/* The preset ranges end today. These are the dates a person asks for: a chart whose data end
 * earlier shows no numbers after the data's end and says where they end (lens-data-period.h). */
static gboolean
get_preset_range (const char *preset,
                  GDate      *from,
                  GDate      *to)
{
  g_date_clear (from, 1);
  lens_data_period_get_today (to);

  if (g_str_equal (preset, "last-12-months"))
    {
      *from = *to;
      g_date_subtract_years (from, 1);
      g_date_add_days (from, 1);
    }
  else if (g_str_equal (preset, "this-year"))
    g_date_set_dmy (from, 1, G_DATE_JANUARY, g_date_get_year (to));
  else if (g_str_equal (preset, "last-5-years"))
    /* The same as lens_filters_new(): five full years and this year so far. */
    g_date_set_dmy (from, 1, G_DATE_JANUARY, g_date_get_year (to) - 5);
  else
    return FALSE;

  return TRUE;
}

static gboolean
set_date_range (LensFilters  *self,
                const char   *value,
                GError      **error)
{
  g_auto(GStrv) dates = NULL;
  GDate from, to;

  if (get_preset_range (value, &from, &to))
    {
      lens_filters_set_range (self, &from, &to);
      return TRUE;
    }

  /* FROM/TO, each checked as --from and --to are. */
  dates = g_strsplit (value, "/", 2);
  return lens_filters_set_option (self, "from", dates[0] != NULL ? dates[0] : "", error) &&
         lens_filters_set_option (self, "to", dates[0] != NULL && dates[1] != NULL ? dates[1] : "", error);
}

gboolean
lens_filters_set_field (LensFilters  *self,
                        const char   *name,
                        const char   *value,
                        GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (g_str_equal (name, "district") && *value == '\0')
    {
      self->district = 0;
      return TRUE;
    }

  if (g_str_equal (name, "compare") && *value == '\0')
    {
      lens_filters_set_compare (self, LENS_COMPARE_NONE, 0);
      return TRUE;
    }

  if (g_str_equal (name, "compare-as") && *value == '\0')
    {
      lens_filters_unset_compare_as (self);
      return TRUE;
    }

  if (g_str_equal (name, "date-range"))
    return set_date_range (self, value, error);

  return lens_filters_set_option (self, name, value, error);
}

LensFilters *
lens_filters_new_from_string (const char  *string,
                              GError     **error)
{
  g_autoptr(LensFilters) self = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (string != NULL, NULL);

  self = lens_filters_new ();
  parts = g_strsplit (string, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');
      g_autofree char *name = NULL;

      if (parts[i][0] == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_UNKNOWN_OPTION,
                       _("“%s” is not a filter option of the form name=value"), parts[i]);
          return NULL;
        }
      name = g_strndup (parts[i], equals - parts[i]);
      if (!lens_filters_set_option (self, name, equals + 1, error))
        return NULL;
    }

  if (!lens_filters_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
dup_area_label (guint district_number)
{
  const LensDistrict *district;
  g_autofree char *label = NULL;

  if (district_number == 0 || (district = lens_district_lookup_number (district_number)) == NULL)
    return g_strdup (_("Citywide"));

  label = lens_district_dup_label (district);
  /* Translators: %s is a district's number and name, "5 – Calumet" */
  return g_strdup_printf (_("District %s"), label);
}

char *
lens_filters_dup_district_label (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dup_area_label (self->district);
}

char *
lens_filters_dup_compare_label (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->compare)
    {
    case LENS_COMPARE_CITYWIDE:
      return g_strdup (_("Citywide"));
    case LENS_COMPARE_DISTRICT:
      return dup_area_label (self->compare_district);
    case LENS_COMPARE_NONE:
    default:
      return NULL;
    }
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (!g_date_valid (date))
    return g_strdup ("?");

  datetime = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 0, 0, 0);
  if (datetime == NULL)
    return g_strdup ("?");

  /* Translators: a day in a date range, as a strftime format: "%-d %b %Y" is "1 Jan 2021".
   * Reorder as your language needs. */
  return g_date_time_format (datetime, C_("day in a range", "%-d %b %Y"));
}

char *
lens_filters_dup_range_label (const LensFilters *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  from = format_day (&self->from);
  to = format_day (&self->to);
  /* Translators: a date range, "1 Jan 2021 – 26 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

char *
lens_filters_dup_compare_as_label (const LensFilters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->compare == LENS_COMPARE_NONE)
    return NULL;

  switch (lens_filters_get_compare_as (self))
    {
    case LENS_COMPARE_AS_INDEX:
      /* Translators: how a comparison is shown: each area's numbers divided by its first
       * year's (or month's), times 100 */
      return g_strdup (_("index, first period = 100"));
    case LENS_COMPARE_AS_SHARE:
      /* Translators: how a comparison is shown: each area's part of the whole city's number */
      return g_strdup (_("share of the city’s total"));
    case LENS_COMPARE_AS_COUNTS:
    default:
      /* Translators: how a comparison is shown: the numbers as the portal counts them */
      return g_strdup (_("counts"));
    }
}

char *
lens_filters_describe (const LensFilters *self)
{
  g_autofree char *area = NULL;
  g_autofree char *range = NULL;
  LensCompareAs compare_as;

  g_return_val_if_fail (self != NULL, NULL);

  area = lens_filters_dup_district_label (self);
  range = lens_filters_dup_range_label (self);
  compare_as = lens_filters_get_compare_as (self);

  if (compare_as != LENS_COMPARE_AS_COUNTS && self->compare == LENS_COMPARE_CITYWIDE)
    return g_strdup_printf (compare_as == LENS_COMPARE_AS_SHARE
                            /* Translators: "District 5 – Calumet compared with citywide as a
                             * share of the city’s total, 1 Jan 2021 – 26 Nov 2026" */
                            ? _("%s compared with citywide as a share of the city’s total, %s")
                            /* Translators: "District 5 – Calumet compared with citywide as an
                             * index (first period = 100), 1 Jan 2021 – 26 Nov 2026" */
                            : _("%s compared with citywide as an index (first period = 100), %s"),
                            area, range);

  if (compare_as != LENS_COMPARE_AS_COUNTS && self->compare == LENS_COMPARE_DISTRICT)
    {
      g_autofree char *other = dup_area_label (self->compare_district);

      return g_strdup_printf (compare_as == LENS_COMPARE_AS_SHARE
                              /* Translators: "District 5 – Calumet compared with District 7 –
                               * Englewood as shares of the city’s total, 1 Jan 2021 – 26 Nov 2026" */
                              ? _("%s compared with %s as shares of the city’s total, %s")
                              /* Translators: "District 5 – Calumet compared with District 7 –
                               * Englewood as indexes (first period = 100), 1 Jan 2021 – 26 Nov 2026" */
                              : _("%s compared with %s as indexes (first period = 100), %s"),
                              area, other, range);
    }

  switch (self->compare)
    {
    case LENS_COMPARE_CITYWIDE:
      /* Translators: "District 5 – Calumet compared with citywide, 1 Jan 2021 – 26 Nov 2026" */
      return g_strdup_printf (_("%s compared with citywide, %s"), area, range);

    case LENS_COMPARE_DISTRICT:
      {
        g_autofree char *other = dup_area_label (self->compare_district);

        /* Translators: "District 5 – Calumet compared with District 7 – Englewood,
         * 1 Jan 2021 – 26 Nov 2026" */
        return g_strdup_printf (_("%s compared with %s, %s"), area, other, range);
      }

    case LENS_COMPARE_NONE:
    default:
      /* Translators: "District 5 – Calumet, 1 Jan 2021 – 26 Nov 2026" */
      return g_strdup_printf (_("%s, %s"), area, range);
    }
}
