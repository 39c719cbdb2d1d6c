/* lens-brief-set-cli.c: making, saving and listing saved briefs without a window
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-set-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-builder.h"
#include "lens-brief-cli.h"
#include "lens-brief-record.h"
#include "lens-brief-set-cli.h"
#include "lens-brief-set-store.h"
#include "lens-brief-since.h"
#include "lens-cli.h"
#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-date.h"
#include "lens-format.h"

#define EXIT_OK           0
#define EXIT_NO_DATA      1
#define EXIT_BAD_ARGUMENT 2

static const GOptionEntry option_entries[] = {
  { "brief-set", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Make the saved brief NAME again with the newest data and write it to --output, "
       "without opening a window"), N_("NAME") },
  { "save-brief-set", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Save the district, comparison, dates and language given as the saved brief NAME"),
    N_("NAME") },
  { "brief-period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --save-brief-set: the period each brief covers: last-full-month, last-28-days, "
       "year-to-date, since-last-meeting or fixed (the --from and --to dates)"), N_("RULE") },
  { "list-brief-sets", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the saved briefs and when each was last made"), NULL },
  { NULL }
};

const GOptionEntry *
lens_brief_set_cli_get_option_entries (void)
{
  return option_entries;
}

static void
print_error (const char *message)
{
  /* Translators: an error on the command line: "reform-lens: <what went wrong>". */
  g_printerr (_("%s: %s\n"), g_get_prgname () != NULL ? g_get_prgname () : "reform-lens", message);
}

static char *
dup_store_dir (void)
{
  return lens_brief_set_store_default_dir ();
}

static int
list_sets (void)
{
  g_autofree char *dir = dup_store_dir ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sets = lens_brief_set_store_list (dir, problems);

  for (guint i = 0; i < problems->len; i++)
    print_error (g_ptr_array_index (problems, i));

  if (sets->len == 0)
    {
      g_print ("%s\n", _("There are no saved briefs yet. Save one with --save-brief-set=NAME."));
      return EXIT_OK;
    }

  for (guint i = 0; i < sets->len; i++)
    {
      LensBriefSet *set = g_ptr_array_index (sets, i);
      g_autofree char *when = NULL;

      if (set->last_made > 0)
        {
          g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (set->last_made);
          g_autofree char *date = lens_format_datetime (made);

          /* Translators: a line of --list-brief-sets: the saved brief's name, when it was last made */
          when = g_strdup_printf (_("%s\tlast made %s"), set->name, date);
        }
      else
        /* Translators: a line of --list-brief-sets for a saved brief never made */
        when = g_strdup_printf (_("%s\tnever made"), set->name);
      g_print ("%s\n", when);
    }
  return EXIT_OK;
}

static int
save_set (GVariantDict *options,
          const char   *name)
{
  g_autofree char *dir = dup_store_dir ();
  g_autoptr(LensBriefSet) set = lens_brief_set_new (name);
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LensBriefSet) old = NULL;
  const char *rule = NULL, *sections = NULL, *language = NULL, *compare = NULL;

  if (!lens_filters_apply_options (filters, options, &error))
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  if (g_variant_dict_lookup (options, "brief-period", "&s", &rule))
    {
      if (!lens_brief_period_rule_from_id (rule, &set->rule))
        {
          g_autofree char *message =
            /* Translators: %s is what was given to --brief-period */
            g_strdup_printf (_("--brief-period: “%s” is not one of last-full-month, last-28-days, year-to-date, since-last-meeting, fixed"), rule);

          print_error (message);
          return EXIT_BAD_ARGUMENT;
        }
    }
  else if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to"))
    set->rule = LENS_BRIEF_PERIOD_FIXED;

  set->fixed_from = *lens_filters_get_from (filters);
  set->fixed_to = *lens_filters_get_to (filters);
  set->district = lens_filters_get_district (filters);
  g_variant_dict_lookup (options, "compare", "&s", &compare);
  set->comparison = g_strdup (compare);
  if (g_variant_dict_lookup (options, "language", "&s", &language))
    set->language = g_strdup (language);
  if (g_variant_dict_lookup (options, "brief-sections", "&s", &sections))
    {
      g_auto(GStrv) ids = NULL;
      LensBriefParts parts;

      if (!lens_brief_cli_parse_sections (sections, &ids, &parts, &error))
        {
          print_error (error->message);
          return EXIT_BAD_ARGUMENT;
        }
      set->sections = g_strsplit (sections, ",", -1);
    }

  /* saving again keeps when it was last made */
  old = lens_brief_set_store_load (dir, name, NULL);
  if (old != NULL)
    set->last_made = old->last_made;

  if (!lens_brief_set_store_save (dir, set, &error))
    {
      print_error (error->message);
      return g_error_matches (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_INVALID_NAME)
             ? EXIT_BAD_ARGUMENT : EXIT_NO_DATA;
    }

  /* Translators: %s is the name of a saved brief */
  g_print (_("Saved the brief “%s”\n"), name);
  return EXIT_OK;
}

/* Making one */

typedef struct
{
  GMainLoop        *loop;
  GAsyncResult     *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_run (Wait *wait)
{
  g_main_loop_run (wait->loop);
  return wait->result;
}

static void
wait_clear (Wait *wait)
{
  g_clear_object (&wait->result);
}

static LensDataCoverage *
load_coverage (LensPortalClient *client,
               const char       *dataset,
               Wait             *wait)
{
  LensDataCoverage *coverage;

  lens_data_coverage_load_async (client, dataset, LENS_QUERY_REFRESH, NULL, wait_cb, wait);
  coverage = lens_data_coverage_load_finish (wait_run (wait), NULL);
  wait_clear (wait);
  return coverage;
}

static int
make_set (GVariantDict *options,
          GSettings    *settings,
          const char   *name,
          GMainContext *context)
{
  g_autofree char *dir = dup_store_dir ();
  g_autofree char *path = lens_cli_dup_path_option (options, "output");
  g_autofree char *record_path = NULL;
  g_autofree char *sections = NULL;
  g_autoptr(LensBriefSet) set = NULL;
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensBriefRecord) previous = NULL;
  g_autoptr(LensBriefRecord) record = NULL;
  g_autoptr(LensDataCoverage) crimes = NULL;
  g_autoptr(LensDataCoverage) copa = NULL;
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(LensBrief) brief = NULL;
  g_autoptr(LensBriefSince) since = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) record_error = NULL;
  g_auto(GStrv) chart_ids = NULL;
  g_auto(GStrv) stale = NULL;
  g_auto(GStrv) failed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Wait wait = { NULL, NULL };
  LensBriefParts parts = LENS_BRIEF_PARTS_ALL;
  LensPeriod period;
  const GDate *last_meeting = NULL;
  int status = EXIT_OK;

  if (path == NULL || !g_str_has_suffix (path, ".pdf"))
    {
      print_error (_("--brief-set needs --output=FILE.pdf"));
      return EXIT_BAD_ARGUMENT;
    }

  set = lens_brief_set_store_load (dir, name, &error);
  if (set == NULL)
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  /* the saved brief's language, unless --language says another */
  if (set->language != NULL && *set->language != '\0' && !g_variant_dict_contains (options, "language"))
    {
      g_autofree char *warning = NULL;

      if (!lens_brief_cli_set_language (set->language, &warning, &error))
        {
          print_error (error->message);
          return EXIT_BAD_ARGUMENT;
        }
      if (warning != NULL)
        print_error (warning);
    }

  if (set->sections != NULL && set->sections[0] != NULL)
    {
      sections = g_strjoinv (",", set->sections);
      if (!lens_brief_cli_parse_sections (sections, &chart_ids, &parts, &error))
        {
          print_error (error->message);
          return EXIT_BAD_ARGUMENT;
        }
    }

  client = lens_cli_create_client (options, settings, &error);
  if (client == NULL)
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  record_path = lens_brief_record_dup_path (dir, name);
  previous = lens_brief_record_load (record_path, &record_error);
  if (previous == NULL && g_error_matches (record_error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_CORRUPT))
    print_error (record_error->message);

  wait.loop = g_main_loop_new (context, FALSE);

  /* every period ends where the data end */
  crimes = load_coverage (client, LENS_DATASET_CRIMES, &wait);
  copa = load_coverage (client, LENS_DATASET_COPA, &wait);
  if (crimes == NULL)
    {
      print_error (_("Could not find where the crime data end."));
      status = EXIT_NO_DATA;
      goto out;
    }
  if (previous != NULL)
    last_meeting = lens_brief_record_get_data_end (previous, LENS_DATASET_CRIMES);
  if (!lens_brief_set_resolve_period (set, lens_data_coverage_get_last_full_day (crimes),
                                      last_meeting, &period))
    {
      print_error (_("The period of this saved brief has no days the data cover yet."));
      status = EXIT_NO_DATA;
      goto out;
    }

  filters = lens_filters_new ();
  lens_filters_set_district (filters, set->district);
  if (set->comparison != NULL && *set->comparison != '\0' &&
      !lens_filters_set_option (filters, "compare", set->comparison, &error))
    {
      print_error (error->message);
      status = EXIT_BAD_ARGUMENT;
      goto out;
    }
  lens_filters_set_range (filters, &period.from, &period.to);
  if (!lens_filters_validate (filters, &error))
    {
      print_error (error->message);
      status = EXIT_BAD_ARGUMENT;
      goto out;
    }

  lens_brief_builder_build_async (client, filters, (const char * const *) chart_ids, parts,
                                  LENS_QUERY_REFRESH, NULL, wait_cb, &wait);
  brief = lens_brief_builder_build_finish (wait_run (&wait), &stale, &failed, &error);
  wait_clear (&wait);
  if (brief == NULL)
    {
      print_error (error->message);
      status = EXIT_NO_DATA;
      goto out;
    }
  for (guint i = 0; failed[i] != NULL; i++)
    {
      g_autofree char *message = g_strdup_printf (_("left out of the brief: %s"), failed[i]);

      print_error (message);
    }

  if (previous != NULL)
    {
      lens_brief_since_compute_async (client, previous, filters, NULL, wait_cb, &wait);
      since = lens_brief_since_compute_finish (wait_run (&wait), &error);
      wait_clear (&wait);
      if (since == NULL)
        {
          print_error (error->message);
          status = EXIT_NO_DATA;
          goto out;
        }
    }
  else
    since = lens_brief_since_new_none (record_error != NULL &&
                                       !g_error_matches (record_error, LENS_BRIEF_RECORD_ERROR, LENS_BRIEF_RECORD_ERROR_NOT_FOUND)
                                       ? record_error->message : NULL);

  lens_brief_set_generated_at (brief, now);
  lens_brief_set_since (brief, g_steal_pointer (&since));
  if (!lens_brief_check (brief, &error) || !lens_brief_write_pdf (brief, path, &error))
    {
      print_error (error->message);
      status = EXIT_NO_DATA;
      goto out;
    }

  /* the figures it printed, for the next time */
  record = lens_brief_dup_record (brief, lens_portal_client_get_base_url (client), filters);
  lens_brief_record_set_data_end (record, LENS_DATASET_CRIMES, lens_data_coverage_get_last_full_day (crimes));
  if (copa != NULL)
    lens_brief_record_set_data_end (record, LENS_DATASET_COPA, lens_data_coverage_get_last_full_day (copa));
  g_clear_error (&error);
  if (!lens_brief_record_save (record, record_path, &error))
    {
      g_autofree char *message =
        /* Translators: the brief was written, but the record of its figures was not */
        g_strdup_printf (_("the brief was written, but its figures could not be kept for the next one: %s"), error->message);

      print_error (message);
      g_clear_error (&error);
    }
  set->last_made = g_date_time_to_unix (now);
  if (!lens_brief_set_store_save (dir, set, &error))
    print_error (error->message);

  {
    g_autofree char *display = g_filename_display_name (path);
    guint n_pages = lens_brief_get_n_pages (brief);

    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                          n_pages),
             display, n_pages);
  }

out:
  g_main_loop_unref (wait.loop);
  return status;
}

int
lens_brief_set_cli_handle_options (GVariantDict *options,
                                   GSettings    *settings)
{
  const char *name = NULL;

  if (g_variant_dict_contains (options, "list-brief-sets"))
    return list_sets ();

  if (g_variant_dict_lookup (options, "save-brief-set", "&s", &name))
    return save_set (options, name);

  if (g_variant_dict_lookup (options, "brief-set", "&s", &name))
    {
      g_autoptr(GMainContext) context = g_main_context_new ();
      int status;

      /* a private context, as --brief has */
      g_main_context_push_thread_default (context);
      status = make_set (options, settings, name, context);
      while (g_main_context_iteration (context, FALSE))
        ;
      g_main_context_pop_thread_default (context);
      return status;
    }

  return -1;
}
