/* lens-cli.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-catalog.h"
#include "lens-chart-export.h"
#include "lens-chart-loader.h"
#include "lens-cli.h"
#include "lens-compliance-document.h"
#include "lens-consent-decree.h"
#include "lens-date.h"
#include "lens-format.h"
#include "lens-portal-client.h"
#include "lens-schema-check.h"
#include "lens-settings.h"

/* Exit statuses, also in --help */
#define EXIT_OK           0
#define EXIT_NO_DATA      1  /* the data could not be had, or the file not written */
#define EXIT_BAD_ARGUMENT 2
/* --check-portal: 0 all there; 1 a field is missing or of another type; 2 not checked */
#define EXIT_SCHEMA_CHANGED 1
#define EXIT_NOT_CHECKED    2

static const GOptionEntry option_entries[] = {
  { "list-charts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the charts (id, page, title) and exit"), NULL },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the chart ID to the file given with --output, without opening a window"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to export to: .png, .svg, .pdf or .csv"), N_("FILE") },
  { "district", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("A police district number, or “citywide”"), N_("N") },
  { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Compare with “citywide”, a district number, or “none”"), N_("WHAT") },
  { "compare-as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show a comparison as “counts”, “index” (first period = 100) or “share” of the city’s total"),
    N_("HOW") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The first day of the date range"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The last day of the date range"), N_("YYYY-MM-DD") },
  { "portal", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The Socrata portal to read from (https, or http on this computer)"), N_("URL") },
  { "offline", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use only data saved on this computer; never connect"), NULL },
  { "check-portal", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check that the portal still has every field the charts need, with the same types, and exit"), NULL },
  { NULL }
};

const GOptionEntry *
lens_cli_get_option_entries (void)
{
  return option_entries;
}

static void
print_error (const char *message)
{
  /* Translators: an error on the command line: "reform-lens: <what went wrong>". */
  g_printerr (_("%s: %s\n"), g_get_prgname () != NULL ? g_get_prgname () : "reform-lens", message);
}

gboolean
lens_cli_has_filter_options (GVariantDict *options)
{
  return g_variant_dict_contains (options, "district") ||
         g_variant_dict_contains (options, "compare") ||
         g_variant_dict_contains (options, "compare-as") ||
         g_variant_dict_contains (options, "from") ||
         g_variant_dict_contains (options, "to");
}

/* --list-charts */

static int
list_charts (void)
{
  LensCatalog *catalog = lens_catalog_get_default ();

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      LensChartSpec *spec = lens_catalog_get_chart (catalog, i);

      g_print ("%-28s %-14s %s\n", spec->id, spec->page, spec->title);
    }
  /* not in the catalogue: its figures ship with the app */
  g_print ("%-28s %-14s %s\n", LENS_COMPLIANCE_CHART_ID, LENS_COMPLIANCE_CHART_PAGE,
           lens_compliance_chart_get_title ());

  return EXIT_OK;
}

/* --export-chart */

typedef struct
{
  GMainLoop     *loop;
  LensChartData *data;
  GError        *error;
} ExportState;

static void
export_load_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportState *state = user_data;

  state->data = lens_chart_loader_load_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

gboolean
lens_cli_check_portal_option (GVariantDict  *options,
                              GError       **error)
{
  g_autoptr(LensPortalClient) probe = NULL;
  const char *portal;

  if (!g_variant_dict_lookup (options, "portal", "&s", &portal))
    return TRUE;

  probe = lens_portal_client_new (NULL, NULL);
  if (!lens_portal_client_set_base_url (probe, portal, error))
    {
      g_prefix_error (error, "--portal: ");
      return FALSE;
    }

  return TRUE;
}

LensPortalClient *
lens_cli_create_client (GVariantDict  *options,
                        GSettings     *settings,
                        GError       **error)
{
  LensPortalClient *client;
  const char *portal = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (!lens_cli_check_portal_option (options, error))
    return NULL;

  g_variant_dict_lookup (options, "portal", "&s", &portal);
  client = lens_settings_new_client (settings, portal);
  lens_portal_client_set_offline (client, g_variant_dict_contains (options, "offline"));

  return client;
}

char *
lens_cli_dup_path_option (GVariantDict *options,
                          const char   *name)
{
  g_autofree char *path = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &path))
    return NULL;

  /* "" stays "" for the caller's message; anything else is made absolute here, against the
   * folder the command was started in, so it means what was typed whatever runs later. */
  if (*path == '\0')
    return g_steal_pointer (&path);

  return g_canonicalize_filename (path, NULL);
}

/* The compliance chart: the shipped figures, no portal, no filters. */
static int
export_compliance_chart (GVariantDict *options,
                         const char   *output)
{
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (lens_cli_has_filter_options (options))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a chart id; the options are shown as typed */
      message = g_strdup_printf (_("--district, --compare, --from and --to do not apply to “%s”, "
                                   "which shows every monitoring report; leave them out"),
                                 LENS_COMPLIANCE_CHART_ID);
      print_error (message);
      return EXIT_BAD_ARGUMENT;
    }

  decree = lens_consent_decree_new_from_resource (&error);
  if (decree == NULL)
    {
      print_error (error->message);
      return EXIT_NO_DATA;
    }

  document = lens_compliance_document_new (decree);
  if (!lens_chart_export_to_file (document, output, LENS_EXPORT_FORMAT_UNKNOWN, &error))
    {
      print_error (error->message);
      return EXIT_NO_DATA;
    }

  return EXIT_OK;
}

static int
export_chart (GVariantDict *options,
              GSettings    *settings,
              const char   *chart_id)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  ExportState state = { NULL, NULL, NULL };
  LensExportFormat format;
  LensChartSpec *spec;
  gboolean offline = g_variant_dict_contains (options, "offline");

  spec = lens_catalog_lookup_chart (catalog, chart_id);
  if (spec == NULL && g_strcmp0 (chart_id, LENS_COMPLIANCE_CHART_ID) != 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what was given to --export-chart. */
      message = g_strdup_printf (_("--export-chart: there is no chart “%s”; "
                                   "--list-charts shows the charts"), chart_id);
      print_error (message);
      return EXIT_BAD_ARGUMENT;
    }

  output = lens_cli_dup_path_option (options, "output");
  if (output == NULL || *output == '\0')
    {
      print_error (_("--export-chart needs --output=FILE (.png, .svg, .pdf or .csv)"));
      return EXIT_BAD_ARGUMENT;
    }

  format = lens_export_format_from_path (output);
  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    {
      g_autofree char *display = g_filename_display_name (output);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("--output: “%s” must end in .png, .svg, .pdf or .csv"), display);
      print_error (message);
      return EXIT_BAD_ARGUMENT;
    }

  if (spec == NULL)
    return export_compliance_chart (options, output);

  filters = lens_filters_new ();
  if (!lens_filters_apply_options (filters, options, &error))
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  client = lens_cli_create_client (options, settings, &error);
  if (client == NULL)
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  /* A private context: nothing else of the app runs while the command does. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  state.loop = g_main_loop_new (context, FALSE);
  lens_chart_loader_load_async (client, spec, filters, LENS_QUERY_DEFAULT, NULL,
                                export_load_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  g_main_context_pop_thread_default (context);

  if (state.error != NULL)
    {
      if (offline && g_error_matches (state.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE))
        print_error (_("no data is saved on this computer for this chart and these filters yet, "
                       "and --offline does not connect to the portal. Run the command once "
                       "without --offline while connected to the internet."));
      else
        print_error (state.error->message);

      g_clear_error (&state.error);
      return EXIT_NO_DATA;
    }

  if (lens_chart_data_get_warning (state.data) != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDateTime *fetched_at = lens_chart_data_get_fetched_at (state.data);
      g_autofree char *age = NULL;
      g_autofree char *message = NULL;

      age = lens_format_age (fetched_at != NULL
                             ? MAX (0, g_date_time_difference (now, fetched_at) / G_TIME_SPAN_SECOND)
                             : 0);
      /* Translators: the export goes on with saved data; %s are "3 hours ago" and the reason. */
      message = g_strdup_printf (_("using data saved %s: %s"), age,
                                 lens_chart_data_get_warning (state.data)->message);
      print_error (message);
    }

  document = lens_chart_data_to_document (state.data);
  g_clear_object (&state.data);

  if (!lens_chart_export_to_file (document, output, format, &error))
    {
      print_error (error->message);
      return EXIT_NO_DATA;
    }

  return EXIT_OK;
}

/* --check-portal */

typedef struct
{
  GMainLoop        *loop;
  LensSchemaReport *report;
  GError           *error;
} CheckState;

static void
check_portal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CheckState *state = user_data;

  state->report = lens_schema_check_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static int
check_portal (GVariantDict *options,
              GSettings    *settings)
{
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensSchemaReport) report = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  CheckState state = { NULL, NULL, NULL };
  const char *portal = NULL;

  if (g_variant_dict_contains (options, "offline"))
    {
      print_error (_("--check-portal reads the portal itself, so it cannot be used with --offline"));
      return EXIT_NOT_CHECKED;
    }
  if (!lens_cli_check_portal_option (options, &error))
    {
      print_error (error->message);
      return EXIT_NOT_CHECKED;
    }

  /* No cache: the check is of what the portal says now. */
  g_variant_dict_lookup (options, "portal", "&s", &portal);
  url = portal != NULL ? g_strdup (portal) : g_settings_get_string (settings, "portal-url");
  client = lens_portal_client_new (url, NULL);
  lens_settings_apply_to_client (settings, client, "app-token", NULL, NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  state.loop = g_main_loop_new (context, FALSE);
  lens_schema_check_async (client, lens_catalog_get_default (), NULL, check_portal_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  g_main_context_pop_thread_default (context);

  if (state.error != NULL)
    {
      print_error (state.error->message);
      g_clear_error (&state.error);
      return EXIT_NOT_CHECKED;
    }

  report = state.report;
  text = lens_schema_report_format (report);
  g_print ("%s", text);

  return report->problems->len > 0 ? EXIT_SCHEMA_CHANGED : EXIT_OK;
}

int
lens_cli_handle_options (GVariantDict *options,
                         GSettings    *settings)
{
  g_autoptr(GError) local_error = NULL;
  const char *chart_id = NULL;

  g_return_val_if_fail (options != NULL, EXIT_BAD_ARGUMENT);

  if (g_variant_dict_contains (options, "list-charts"))
    return list_charts ();

  if (g_variant_dict_lookup (options, "export-chart", "&s", &chart_id))
    return export_chart (options, settings, chart_id);

  if (g_variant_dict_contains (options, "check-portal"))
    return check_portal (options, settings);

  if (g_variant_dict_contains (options, "output"))
    {
      print_error (_("--output is only used with --export-chart"));
      return EXIT_BAD_ARGUMENT;
    }

  /* The options that also apply to the window are checked here, where the message can still
   * go to the terminal. */
  if (!lens_cli_check_portal_option (options, &local_error))
    {
      print_error (local_error->message);
      return EXIT_BAD_ARGUMENT;
    }

  if (lens_cli_has_filter_options (options))
    {
      g_autoptr(LensFilters) filters = lens_filters_new ();

      if (!lens_filters_apply_options (filters, options, &local_error))
        {
          print_error (local_error->message);
          return EXIT_BAD_ARGUMENT;
        }
    }

  return -1;
}
