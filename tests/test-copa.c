/* test-copa.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-copa"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-categories.h"
#include "lens-chart-loader.h"
#include "lens-chart-private.h"
#include "lens-fake-data.h"
#include "lens-table.h"
#include "lens-test-util.h"

/* COPA Cases - Summary by district: COPA has no district column, only "beat", which may hold
 * several beats ("332 | 1114") or none. A case counts for a district when one of its beats
 * lies in it. Checked against the fake portal, whose numbers are SYNTHETIC; the expected
 * sums are computed here from the fake's per-beat counts, independently of the loader. */

#define COPA "mft5-nfa8"

/* The portal, a client and its cache: lens_test_portal_fixture_set_up (). */
typedef LensTestPortal Fixture;

static LensSeries *
load (Fixture      *f,
      const char   *chart,
      const char   *args,
      LensTestLoad *w)
{
  LensChartSpec *spec = lens_catalog_lookup_chart (lens_catalog_get_default (), chart);
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_auto(GStrv) argv = g_strsplit (args, " ", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (lens_filters_parse_args (filters, (const char * const *) argv, &error));
  g_assert_no_error (error);
  lens_test_load_chart (f->client, spec, filters, LENS_QUERY_DEFAULT, NULL, w);
  g_assert_no_error (w->error);
  return lens_chart_data_get_series (w->data);
}

/* The districts (1..25) the beats of a fake "beat" value lie in, by the test's own reading. */
static guint
value_districts (const char *value,
                 gboolean    in[26])
{
  g_auto(GStrv) beats = g_strsplit (value, "|", -1);
  guint n = 0;

  memset (in, 0, 26 * sizeof (gboolean));
  for (guint i = 0; beats[i] != NULL; i++)
    {
      int beat = atoi (g_strstrip (beats[i]));
      guint d = beat / 100;

      /* Districts 13, 21 and 23 no longer exist */
      if (beat % 100 == 0 || d < 1 || d > 25 || d == 13 || d == 21 || d == 23 || in[d])
        continue;
      in[d] = TRUE;
      n++;
    }
  return n;
}

/* Σ over every beat value whose beats lie in @district of the fake's count of that value. */
static gint64
own_sum (Fixture            *f,
         guint               district,
         const char * const *constraints,
         const char         *from,
         const char         *to)
{
  g_auto(GStrv) values = lens_fake_data_dup_beat_values (lens_fake_portal_get_seed (f->portal), COPA, "beat");
  gint64 total = 0;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func (g_free);
      gboolean in[26];

      value_districts (values[i], in);
      if (!in[district])
        continue;
      g_ptr_array_add (c, g_strdup_printf ("beat=%s", values[i]));
      for (guint k = 0; constraints != NULL && constraints[k] != NULL; k++)
        g_ptr_array_add (c, g_strdup (constraints[k]));
      g_ptr_array_add (c, NULL);
      total += lens_fake_portal_expected_count (f->portal, COPA, (const char * const *) c->pdata, from, to);
    }

  return total;
}

/* The rule itself, on a hand-made answer as Socrata writes it (nulls left out) */
static void
test_rule (void)
{
  static const char body[] =
    "[{\"beat\":\"332 | 1114\",\"label\":\"2022\",\"value\":\"5\"}\n"
    ",{\"beat\":\"332 | 333\",\"label\":\"2022\",\"value\":\"7\"}\n"
    ",{\"label\":\"2022\",\"value\":\"11\"}\n"
    ",{\"beat\":\"1311\",\"label\":\"2022\",\"value\":\"13\"}\n"
    ",{\"beat\":\"1312 | 1111\",\"label\":\"2022\",\"value\":\"17\"}\n"
    ",{\"beat\":\"0511\",\"label\":\"2022\"}\n"
    ",{\"beat\":\"\",\"label\":\"2022\",\"value\":\"19\"}]\n";
  const char *fields[] = { "beat", "label", "value", NULL };
  const char *types[] = { "text", "number", "number", NULL };
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  g_autoptr(GError) error = NULL;
  g_autoptr(LensTable) table = lens_table_new_from_json (bytes, fields, types, &error);
  const struct { guint row; guint district; gboolean in; } cases[] = {
    { 0, 3, TRUE }, { 0, 11, TRUE }, { 0, 5, FALSE }, { 0, 0, FALSE },
    { 1, 3, TRUE }, { 1, 4, FALSE },
    { 2, 3, FALSE }, { 2, 0, FALSE },
    { 3, 13, FALSE }, { 3, 1, FALSE },
    { 4, 11, TRUE }, { 4, 13, FALSE },
    { 5, 5, TRUE },
    { 6, 5, FALSE },
  };
  int beat, value;

  g_assert_no_error (error);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 7);
  beat = lens_table_find_column (table, "beat");
  value = lens_table_find_column (table, "value");

  /* Omitted keys are nulls, the rest of the row still reads */
  g_assert_true (lens_table_is_null (table, 2, beat));
  g_assert_cmpfloat (lens_table_get_number (table, 2, value), ==, 11);
  g_assert_true (lens_table_is_null (table, 5, value));
  g_assert_true (isnan (lens_table_get_number (table, 5, value)));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) beats = lens_table_dup_multi_values (table, cases[i].row, beat);

      g_test_message ("row %u district %u", cases[i].row, cases[i].district);
      g_assert_true (lens_chart_beats_in_district ((const char * const *) beats, cases[i].district) == cases[i].in);
    }
  g_assert_false (lens_chart_beats_in_district (NULL, 3));
}

/* Status groups and the COPA vocabularies */
static void
test_vocabularies (void)
{
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Closed"), ==, "Closed");
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "CLOSED"), ==, "Closed");
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Pending Investigation"), ==, LENS_COPA_STATUS_OPEN);
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Pending Review"), ==, LENS_COPA_STATUS_OPEN);
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Open"), ==, LENS_COPA_STATUS_OPEN);
  /* Not obviously either: kept as the portal names it */
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Reopened"), ==, "Reopened");
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_STATUS, "Administratively Closed"), ==, "Administratively Closed");
  /* Other vocabularies never group */
  g_assert_cmpstr (lens_category_group (LENS_CATEGORY_COPA_FINDING, "Pending"), ==, "Pending");
  g_assert_cmpstr (lens_category_group (NULL, "Pending"), ==, "Pending");
  g_assert_null (lens_category_group (LENS_CATEGORY_COPA_STATUS, NULL));

  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_STATUS, LENS_COPA_STATUS_OPEN), ==, "Open or pending");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_STATUS, "Closed"), ==, "Closed");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_STATUS, "Reopened"), ==, "Reopened");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_CATEGORY, "Excessive Force"), ==, "Excessive force");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_CATEGORY, "IMPROPER SEARCH AND SEIZURE"), ==, "Improper search and seizure");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_CATEGORY, "Verbal Abuse"), ==, "Verbal Abuse");
  g_assert_cmpstr (lens_category_label (LENS_CATEGORY_COPA_FINDING, "No Affidavit"), ==, "No affidavit");
}

/* The fake's beats look like COPA's: unpadded, some joined, some missing */
static void
test_fake_beats (void)
{
  g_auto(GStrv) values = lens_fake_data_dup_beat_values (1, COPA, "beat");
  g_auto(GStrv) again = lens_fake_data_dup_beat_values (1, COPA, "beat");
  g_auto(GStrv) other = lens_fake_data_dup_beat_values (2, COPA, "beat");
  guint n_single = 0, n_multi = 0, n_cross = 0, n_within = 0, n_none = 0, n_nowhere = 0;

  g_assert_true (g_strv_equal ((const char * const *) values, (const char * const *) again));
  g_assert_false (g_strv_equal ((const char * const *) values, (const char * const *) other));

  for (guint i = 0; values[i] != NULL; i++)
    {
      gboolean in[26];
      guint n = value_districts (values[i], in);

      if (values[i][0] == '\0')
        n_none++;
      else if (strchr (values[i], '|') == NULL)
        {
          n_single++;
          /* 3 or 4 digits, never zero-padded */
          g_assert_true (strlen (values[i]) == 3 || strlen (values[i]) == 4);
          g_assert_cmpint (values[i][0], !=, '0');
          if (n == 0)
            n_nowhere++;
        }
      else
        {
          n_multi++;
          g_assert_nonnull (strstr (values[i], " | "));
          if (n > 1)
            n_cross++;
          else if (n == 1)
            n_within++;
        }
    }

  g_assert_cmpuint (n_single, >=, 22 * 12);
  g_assert_cmpuint (n_multi, >=, 20);
  g_assert_cmpuint (n_cross, >, 0);
  g_assert_cmpuint (n_within, >, 0);
  g_assert_cmpuint (n_none, ==, 1);
  g_assert_cmpuint (n_nowhere, >, 0);
}

typedef struct
{
  gboolean         done;
  LensQueryResult *result;
  GError          *error;
} QueryWait;

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  QueryWait *w = user_data;

  w->result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &w->error);
  w->done = TRUE;
}

/* The portal's answers: grouped by beat, and raw rows, both with missing beats */
static void
test_parse_rows (Fixture       *f,
                 gconstpointer  data)
{
  QueryWait w = { 0 };
  g_autoptr(LensSoql) grouped = lens_soql_new (COPA);
  g_autoptr(LensSoql) raw = lens_soql_new (COPA);
  LensTable *table;
  int beat, n;
  guint n_null = 0, n_multi = 0;
  g_autofree char *body = NULL;

  lens_soql_set_select (grouped, "beat, count(*) AS n");
  lens_soql_set_group (grouped, "beat");
  lens_soql_set_order (grouped, "beat");
  lens_portal_client_query_async (f->client, grouped, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  table = lens_query_result_get_table (w.result);
  beat = lens_table_find_column (table, "beat");
  n = lens_table_find_column (table, "n");
  g_assert_cmpint (beat, >=, 0);
  g_assert_cmpint (n, >=, 0);
  g_assert_cmpuint (lens_table_get_n_rows (table), >, 22 * 12);
  for (guint row = 0; row < lens_table_get_n_rows (table); row++)
    {
      g_auto(GStrv) beats = lens_table_dup_multi_values (table, row, beat);

      g_assert_cmpfloat (lens_table_get_number (table, row, n), >, 0);
      if (beats == NULL)
        {
          n_null++;
          /* The group of cases with no beat: exactly the fake's count of them */
          g_assert_cmpfloat (lens_table_get_number (table, row, n), ==,
                             lens_fake_portal_expected_count (f->portal, COPA,
                                                              (const char *[]) { "beat=", NULL },
                                                              NULL, NULL));
        }
      else if (g_strv_length (beats) > 1)
        n_multi++;
    }
  g_assert_cmpuint (n_null, ==, 1);
  g_assert_cmpuint (n_multi, >, 0);
  g_clear_object (&w.result);

  /* Unaggregated rows leave the key out too */
  memset (&w, 0, sizeof w);
  lens_soql_set_select (raw, "log_no, complaint_date, beat, current_status");
  lens_soql_set_limit (raw, 400);
  lens_portal_client_query_async (f->client, raw, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  table = lens_query_result_get_table (w.result);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 400);
  beat = lens_table_find_column (table, "beat");
  n_null = 0;
  for (guint row = 0; row < lens_table_get_n_rows (table); row++)
    {
      if (lens_table_is_null (table, row, beat))
        {
          n_null++;
          g_assert_nonnull (lens_table_get_text (table, row, lens_table_find_column (table, "log_no")));
        }
    }
  g_assert_cmpuint (n_null, >, 0);
  g_assert_cmpuint (n_null, <, 100);
  g_clear_object (&w.result);
}

/* A beat value spanning two districts, and one with two beats of the same district */
static void
find_multi (Fixture *f,
            char   **cross,
            guint   *a,
            guint   *b,
            char   **within,
            guint   *w)
{
  g_auto(GStrv) values = lens_fake_data_dup_beat_values (lens_fake_portal_get_seed (f->portal), COPA, "beat");

  *cross = *within = NULL;
  for (guint i = 0; values[i] != NULL; i++)
    {
      gboolean in[26];
      guint n = value_districts (values[i], in);
      g_auto(GStrv) beats = g_strsplit (values[i], "|", -1);

      if (*cross == NULL && n == 2)
        {
          *cross = g_strdup (values[i]);
          *a = *b = 0;
          for (guint d = 1; d <= 25; d++)
            if (in[d])
              *(*a == 0 ? a : b) = d;
        }
      else if (*within == NULL && n == 1 && g_strv_length (beats) == 2)
        {
          *within = g_strdup (values[i]);
          for (guint d = 1; d <= 25; d++)
            if (in[d])
              *w = d;
        }
    }
  g_assert_nonnull (*cross);
  g_assert_nonnull (*within);
}

/* Complaints per year for a district: the attributed sum; the comparison: the plain query */
static void
test_district_years (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *cross = NULL;
  g_autofree char *within = NULL;
  guint a = 0, b = 0, w = 0;
  const guint *districts;

  find_multi (f, &cross, &a, &b, &within, &w);
  g_test_message ("cross \"%s\" (%u, %u), within \"%s\" (%u)", cross, a, b, within, w);
  districts = (const guint[]) { a, b, w };

  /* Small pages: the groups come in several pages, in a stable order */
  lens_portal_client_set_page_size (f->client, 300);

  for (guint k = 0; k < 3; k++)
    {
      g_auto(LensTestLoad) wait = { 0 };
      g_autofree char *args = g_strdup_printf ("--district=%u --compare=citywide --compare-as=counts --from=2020-01-01 --to=2024-12-31",
                                               districts[k]);
      g_auto(GStrv) log = NULL;
      LensSeries *series;
      gboolean grouped = FALSE, plain = FALSE;

      lens_fake_portal_reset_counters (f->portal);
      series = load (f, LENS_CHART_COMPLAINTS_PER_YEAR, args, &wait);
      g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
      g_assert_cmpuint (lens_series_get_n_labels (series), ==, 5);
      g_assert_cmpstr (lens_series_get_vector_name (series, 1), ==, "Citywide");

      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *from = g_strdup_printf ("%u-01-01", 2020 + i);
          g_autofree char *to = g_strdup_printf ("%u-01-01", 2021 + i);
          const char *value_constraint[] = { NULL, NULL };
          g_autofree char *vc = NULL;
          gint64 attributed = own_sum (f, districts[k], NULL, from, to);

          g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, attributed);
          g_assert_cmpint (attributed, ==,
                           lens_fake_portal_expected_district_count (f->portal, COPA, "beat", districts[k],
                                                                     NULL, from, to));
          /* The comparison is the plain citywide count, cases without a beat included */
          g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==,
                             lens_fake_portal_expected_count (f->portal, COPA, NULL, from, to));
          g_assert_cmpfloat (lens_series_get_value (series, 0, i), <, lens_series_get_value (series, 1, i));

          /* The multi-beat values are in the district's sum, each once */
          vc = g_strdup_printf ("beat=%s", k < 2 ? cross : within);
          value_constraint[0] = vc;
          g_assert_cmpint (lens_fake_portal_expected_count (f->portal, COPA, value_constraint, from, to), >, 0);
        }

      /* The district's query groups by beat and has no district condition; the comparison's
       * is the plain one */
      log = lens_fake_portal_dup_request_log (f->portal);
      for (guint i = 0; log[i] != NULL; i++)
        {
          if (!g_str_has_prefix (log[i], "/resource/" COPA ".json"))
            continue;
          g_assert_null (strstr (log[i], "district"));
          if (strstr (log[i], "$group=beat, label") != NULL)
            grouped = TRUE;
          else if (strstr (log[i], "$group=label") != NULL)
            plain = TRUE;
        }
      /* Both answers are the same for every district: later loads take them from the cache */
      g_assert_true (grouped == (k == 0));
      g_assert_true (plain == (k == 0));
    }
}

/* Every district of one year: the sum of the districts counts a case once per district of its
 * beats, and cases without a district in none */
static void
test_all_districts (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(GStrv) values = lens_fake_data_dup_beat_values (lens_fake_portal_get_seed (f->portal), COPA, "beat");
  const char *from = "2022-01-01", *to = "2023-01-01";
  gint64 weighted = 0, unattributed = 0, sum = 0, citywide = 0;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *c = g_strdup_printf ("beat=%s", values[i]);
      const char *constraints[] = { c, NULL };
      gint64 count = lens_fake_portal_expected_count (f->portal, COPA, constraints, from, to);
      gboolean in[26];
      guint n = value_districts (values[i], in);

      weighted += count * n;
      if (n == 0)
        unattributed += count;
    }
  /* Missing and unknown beats exist, and count for no district */
  g_assert_cmpint (unattributed, >, 0);

  for (guint d = 1; d <= 25; d++)
    {
      g_auto(LensTestLoad) wait = { 0 };
      g_autofree char *args = NULL;
      LensSeries *series;

      if (d == 13 || d == 21 || d == 23)
        continue;
      args = g_strdup_printf ("--district=%u --compare=citywide --compare-as=counts --from=2022-01-01 --to=2022-12-31", d);
      series = load (f, LENS_CHART_COMPLAINTS_PER_YEAR, args, &wait);
      g_assert_cmpuint (lens_series_get_n_labels (series), ==, 1);
      sum += (gint64) lens_series_get_value (series, 0, 0);
      citywide = (gint64) lens_series_get_value (series, 1, 0);
    }

  g_assert_cmpint (sum, ==, weighted);
  g_assert_cmpint (citywide, ==, lens_fake_portal_expected_count (f->portal, COPA, NULL, from, to));
}

typedef struct
{
  const char *key;
  double      value;
} Ranked;

static int
compare_ranked (gconstpointer pa,
                gconstpointer pb)
{
  const Ranked *a = pa, *b = pb;

  if (a->value != b->value)
    return a->value > b->value ? -1 : 1;
  return strcmp (a->key, b->key);
}

/* The ten most common categories of the district's cases, with the citywide numbers beside */
static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  static const char *categories[] = {
    "Excessive Force", "Improper Search And Seizure", "Verbal Abuse",
    "Unnecessary Display Of Weapon", "Illegal Arrest", "Domestic Violence",
    "Operations/Personnel Violations", "Coercion", "Taser Discharge", "Firearm Discharge",
    "First Amendment", "Bias-Based Verbal Abuse", "Death Or Injury In Custody", "Miscellaneous",
  };
  g_auto(LensTestLoad) wait = { 0 };
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  LensSeries *series;
  const char *from = "2021-01-01", *to = "2024-01-01";

  series = load (f, LENS_CHART_COMPLAINTS_CATEGORIES, "--district=11 --compare=citywide --compare-as=counts --from=2021-01-01 --to=2023-12-31", &wait);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autofree char *c = g_strdup_printf ("current_category=%s", categories[i]);
      const char *constraints[] = { c, NULL };
      Ranked r = { categories[i], (double) own_sum (f, 11, constraints, from, to) };

      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      g_autofree char *c = g_strdup_printf ("current_category=%s", r->key);
      const char *constraints[] = { c, NULL };

      g_assert_cmpstr (lens_series_get_label (series, i), ==,
                       lens_category_label (LENS_CATEGORY_COPA_CATEGORY, r->key));
      g_assert_cmpfloat (lens_series_get_value (series, 0, i), ==, r->value);
      g_assert_cmpfloat (lens_series_get_value (series, 1, i), ==,
                         lens_fake_portal_expected_count (f->portal, COPA, constraints, from, to));
    }
}

/* Findings: closed cases only, as COPA names the findings */
static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  static const char *findings[] = {
    "Sustained", "Not Sustained", "Unfounded", "Exonerated", "No Affidavit", "No Finding",
  };
  g_auto(LensTestLoad) wait = { 0 };
  g_autofree char *request = NULL;
  g_auto(GStrv) log = NULL;
  LensSeries *series;
  const char *from = "2020-01-01", *to = "2025-01-01";
  gint64 all_cases, closed_findings = 0;

  series = load (f, LENS_CHART_COMPLAINTS_FINDINGS, "--district=3 --compare=citywide --compare-as=counts --from=2020-01-01 --to=2024-12-31", &wait);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, G_N_ELEMENTS (findings));

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autofree char *c = g_strdup_printf ("finding_code=%s", findings[i]);
      const char *constraints[] = { c, "current_status=Closed", NULL };
      const char *label = lens_category_label (LENS_CATEGORY_COPA_FINDING, findings[i]);
      gboolean found = FALSE;

      for (guint l = 0; l < lens_series_get_n_labels (series); l++)
        if (g_str_equal (lens_series_get_label (series, l), label))
          {
            g_assert_cmpfloat (lens_series_get_value (series, 0, l), ==, own_sum (f, 3, constraints, from, to));
            g_assert_cmpfloat (lens_series_get_value (series, 1, l), ==,
                               lens_fake_portal_expected_count (f->portal, COPA, constraints, from, to));
            closed_findings += (gint64) lens_series_get_value (series, 0, l);
            found = TRUE;
          }
      g_assert_true (found);
    }

  /* Fewer findings than cases: open cases have none */
  all_cases = own_sum (f, 3, NULL, from, to);
  g_assert_cmpint (closed_findings, <, all_cases);

  log = lens_fake_portal_dup_request_log (f->portal);
  for (guint i = 0; log[i] != NULL; i++)
    if (strstr (log[i], "finding_code") != NULL)
      g_assert_nonnull (strstr (log[i], "current_status = 'Closed'"));
}

/* Status: closed against open or pending */
static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  const char *closed[] = { "current_status=Closed", NULL };
  const char *investigation[] = { "current_status=Pending Investigation", NULL };
  const char *review[] = { "current_status=Pending Review", NULL };
  const char *from = "2020-01-01", *to = "2025-01-01";
  g_auto(LensTestLoad) city = { 0 };
  g_auto(LensTestLoad) district = { 0 };
  LensSeries *series;
  guint c, o;

  /* Citywide */
  series = load (f, LENS_CHART_COMPLAINTS_STATUS, "--district=0 --from=2020-01-01 --to=2024-12-31", &city);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 1);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 2);
  /* The fake closes most cases: Closed first */
  c = 0, o = 1;
  g_assert_cmpstr (lens_series_get_label (series, c), ==, "Closed");
  g_assert_cmpstr (lens_series_get_label (series, o), ==, "Open or pending");
  g_assert_cmpfloat (lens_series_get_value (series, 0, c), ==,
                     lens_fake_portal_expected_count (f->portal, COPA, closed, from, to));
  g_assert_cmpfloat (lens_series_get_value (series, 0, o), ==,
                     lens_fake_portal_expected_count (f->portal, COPA, investigation, from, to) +
                     lens_fake_portal_expected_count (f->portal, COPA, review, from, to));

  /* A district and its comparison */
  series = load (f, LENS_CHART_COMPLAINTS_STATUS, "--district=7 --compare=citywide --compare-as=counts --from=2020-01-01 --to=2024-12-31", &district);
  g_assert_cmpuint (lens_series_get_n_vectors (series), ==, 2);
  g_assert_cmpuint (lens_series_get_n_labels (series), ==, 2);
  g_assert_cmpstr (lens_series_get_label (series, c), ==, "Closed");
  g_assert_cmpfloat (lens_series_get_value (series, 0, c), ==, own_sum (f, 7, closed, from, to));
  g_assert_cmpfloat (lens_series_get_value (series, 0, o), ==,
                     own_sum (f, 7, investigation, from, to) + own_sum (f, 7, review, from, to));
  g_assert_cmpfloat (lens_series_get_value (series, 1, o), ==,
                     lens_fake_portal_expected_count (f->portal, COPA, investigation, from, to) +
                     lens_fake_portal_expected_count (f->portal, COPA, review, from, to));
}

/* What the page shows beside the numbers */
static void
test_caveats_and_footer (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(LensTestLoad) w = { 0 };
  g_auto(GStrv) footer = NULL;
  const char * const *caveats;
  gboolean attribution = FALSE;

  load (f, LENS_CHART_COMPLAINTS_PER_YEAR, "--district=5 --compare=7 --from=2021-01-01 --to=2024-12-31", &w);
  footer = lens_chart_data_dup_footer_lines (w.data);
  g_assert_cmpstr (footer[0], ==, "District 5 – Calumet compared with District 7 – Englewood, 1 Jan 2021 – 31 Dec 2024");
  caveats = lens_chart_data_get_caveats (w.data);
  for (guint i = 0; caveats[i] != NULL; i++)
    if (strstr (caveats[i], "counts once for each of them") != NULL)
      attribution = TRUE;
  g_assert_true (attribution);
  g_assert_true (g_strv_contains ((const char * const *) footer,
                                  lens_catalog_get_caveat_text (lens_catalog_get_default (),
                                                                "copa-beats")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/copa/" path, Fixture, NULL, lens_test_portal_fixture_set_up, func, \
              lens_test_portal_fixture_tear_down)

  g_test_add_func ("/copa/rule", test_rule);
  g_test_add_func ("/copa/vocabularies", test_vocabularies);
  g_test_add_func ("/copa/fake-beats", test_fake_beats);
  ADD ("parse-rows", test_parse_rows);
  ADD ("district-years", test_district_years);
  ADD ("all-districts", test_all_districts);
  ADD ("categories", test_categories);
  ADD ("findings", test_findings);
  ADD ("status", test_status);
  ADD ("caveats-and-footer", test_caveats_and_footer);

  return g_test_run ();
}
