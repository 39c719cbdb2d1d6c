/* test-compstat-view.c: the CompStat table on screen and its CSV say the same
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gtk/gtk.h>

#include "lens-compstat-view.h"
#include "lens-format.h"
#include "lens-test-util.h"

typedef LensTestPortal Fixture;

static gboolean
is_settled (gpointer data)
{
  return lens_loadable_is_settled (LENS_LOADABLE (data)) &&
         lens_compstat_view_get_tables (LENS_COMPSTAT_VIEW (data)) != NULL;
}

/* The texts of the labels under @widget, in order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_csv_equals_screen (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lens_compstat_view_new ();
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *tables;
  LensCompstat *district;
  guint n_lines = 0, per_area;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  lens_filters_set_district (filters, 5);
  lens_filters_set_compare (filters, LENS_COMPARE_DISTRICT, 12);
  lens_loadable_load (LENS_LOADABLE (view), f->client, filters, LENS_QUERY_DEFAULT);
  g_assert_true (lens_test_wait_until (is_settled, view));
  lens_test_drain (100);

  /* District 5, the city, and district 12 compared with it. */
  tables = lens_compstat_view_get_tables (LENS_COMPSTAT_VIEW (view));
  g_assert_cmpuint (tables->len, ==, 3);
  g_assert_cmpuint (lens_compstat_get_district (g_ptr_array_index (tables, 0)), ==, 5);
  g_assert_cmpuint (lens_compstat_get_district (g_ptr_array_index (tables, 1)), ==, 0);
  g_assert_cmpuint (lens_compstat_get_district (g_ptr_array_index (tables, 2)), ==, 12);

  /* Every number of the shown area is on screen as the CSV gives it. */
  district = g_ptr_array_index (tables, 0);
  collect_labels (view, texts);
  csv = lens_compstat_view_dup_csv (LENS_COMPSTAT_VIEW (view));
  lines = g_strsplit (csv, "\r\n", -1);
  per_area = lens_compstat_get_n_rows () + (lens_compstat_has_victims (district) ? 1 : 0);
  g_assert_true (lens_compstat_has_victims (district));
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      guint row = (i - 1) % per_area;

      n_lines++;
      g_assert_cmpuint (g_strv_length (fields), ==, 11);
      if (i - 1 >= per_area)
        continue;  /* the other areas are behind their buttons */
      for (guint k = 2; k < 11; k++)
        {
          g_autofree char *field = g_strndup (fields[k] + (fields[k][0] == '"'),
                                              strlen (fields[k]) - 2 * (fields[k][0] == '"'));
          g_autofree char *shown = (k - 2) % 3 == 2 ? g_strdup (field)
                                                    : lens_format_count (g_ascii_strtod (field, NULL));

          g_assert_true (contains (texts, shown));
        }
      g_assert_cmpint (g_ascii_strtoll (fields[2], NULL, 10), ==,
                       row < lens_compstat_get_n_rows ()
                       ? lens_compstat_get_count (district, row, LENS_COMPSTAT_LAST_7)
                       : lens_compstat_get_victims (district, LENS_COMPSTAT_LAST_7));
    }
  g_assert_cmpuint (n_lines, ==, 3 * per_area);
  g_assert_true (contains (texts, "Shooting victims"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/compstat-view/csv-equals-screen", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_csv_equals_screen, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
