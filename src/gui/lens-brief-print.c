/* lens-brief-print.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-builder.h"
#include "lens-brief-print.h"

/* Kept for the next print in this run, as GNOME apps do. */
static GtkPrintSettings *print_settings;
static GtkPageSetup *page_setup;
static gboolean running;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LensBrief         *brief)
{
  guint n_pages;

  n_pages = lens_brief_paginate (brief,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LensBrief         *brief)
{
  lens_brief_draw_page (brief, gtk_print_context_get_cairo_context (context), (guint) page);
}

GtkPrintOperation *
lens_brief_print_operation_new (LensBrief *brief)
{
  GtkPrintOperation *operation;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (LENS_IS_BRIEF (brief), NULL);

  operation = gtk_print_operation_new ();
  /* Translators: the print job's name; %s is "District 5 – Calumet". */
  job_name = g_strdup_printf (_("Meeting brief: %s"),
                              lens_brief_get_district_label (brief) != NULL
                              ? lens_brief_get_district_label (brief) : _("Citywide"));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, print_settings);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);

  /* The operation keeps the brief for as long as it lives. */
  g_object_set_data_full (G_OBJECT (operation), "lens-brief", g_object_ref (brief), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), brief);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), brief);

  return operation;
}

static void
add_toast (AdwToastOverlay *toasts,
           const char      *message)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
  else
    g_message ("%s", message);
}

typedef struct
{
  GtkWindow       *parent;
  AdwToastOverlay *toasts;
} PrintRun;

static void
print_run_free (PrintRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->toasts);
  g_free (run);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         AdwToastOverlay         *toasts)
{
  running = FALSE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      add_toast (toasts, error != NULL ? error->message : _("The brief could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
}

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PrintRun *run = user_data;
  g_autoptr(LensBrief) brief = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult print_result;

  brief = lens_brief_builder_build_finish (result, NULL, NULL, &error);
  if (brief == NULL || !lens_brief_check (brief, &error))
    {
      running = FALSE;
      add_toast (run->toasts, error->message);
      print_run_free (run);
      return;
    }

  operation = lens_brief_print_operation_new (brief);
  if (run->toasts != NULL)
    g_signal_connect_data (operation, "done", G_CALLBACK (done_cb), g_object_ref (run->toasts),
                           (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  print_result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                          run->parent, &error);
  if (print_result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      running = FALSE;
      add_toast (run->toasts, error != NULL ? error->message : _("The brief could not be printed"));
    }
  else if (print_result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    done_cb (operation, print_result, run->toasts);

  print_run_free (run);
}

void
lens_brief_print_run (GtkWindow        *parent,
                      AdwToastOverlay  *toasts,
                      LensPortalClient *client,
                      LensFilters      *filters)
{
  PrintRun *run;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);

  if (running)
    return;
  running = TRUE;

  run = g_new0 (PrintRun, 1);
  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  run->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;

  add_toast (toasts, _("Preparing the brief for printing…"));
  lens_brief_builder_build_async (client, filters, NULL, LENS_BRIEF_PARTS_ALL,
                                  LENS_QUERY_DEFAULT, NULL, build_cb, run);
}
