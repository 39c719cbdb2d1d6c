/* lens-brief-cli.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lens-brief-builder.h"
#include "lens-brief-cli.h"
#include "lens-brief-set-cli.h"
#include "lens-language.h"
#include "lens-catalog.h"
#include "lens-cli.h"

/* The same statuses as lens-cli.c */
#define EXIT_OK           0
#define EXIT_NO_DATA      1
#define EXIT_BAD_ARGUMENT 2

static const GOptionEntry option_entries[] = {
  { "brief", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a meeting brief (PDF) for the district, comparison and dates given, without "
       "opening a window"), N_("FILE.pdf") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The language to use: es, zh_CN, pl, ar, hi or en"), N_("CODE") },
  /* For the Prepare Brief dialog, which runs the command for a brief in another language. */
  { "brief-sections", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Comma-separated chart ids, \"crime\", \"complaints\", \"shootings\", \"arrests\", "
    "\"consent-decree\", \"passages\", \"compstat\", \"standing\"",
    "LIST" },
  { NULL }
};

const GOptionEntry *
lens_brief_cli_get_option_entries (void)
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
lens_brief_cli_set_language (const char  *language,
                             char       **warning,
                             GError     **error)
{
  const LensLanguage *shipped;

  g_return_val_if_fail (language != NULL, FALSE);

  if (warning != NULL)
    *warning = NULL;

  shipped = lens_language_lookup (language);
  if (shipped == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what was given to --language. */
                   _("--language: “%s” is not one of es, zh_CN, pl, ar, hi, en"), language);
      return FALSE;
    }

  /* The app's one way of switching languages (main() has already made the switch when the
   * option was on its command line; doing it again changes nothing). */
  lens_language_apply (language);

  if (!lens_language_has_locale (shipped) && warning != NULL)
    /* Translators: %s is a locale name such as "es_ES.UTF-8". */
    *warning = g_strdup_printf (_("the locale %s is not installed on this computer, so numbers "
                                  "and dates keep their current form"), shipped->locale);
  return TRUE;
}

/* Says early, before any data is fetched, when @path cannot be written. */
static gboolean
check_output (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *directory_display = g_filename_display_name (directory);

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file name. */
                   _("--brief: “%s” must end in .pdf"), display);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file name. */
                   _("--brief: “%s” is a folder"), display);
      return FALSE;
    }

  if (!g_file_test (directory, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a file name, the second its folder. */
                   _("Could not save the brief to “%s”: the folder “%s” does not exist"),
                   display, directory_display);
      return FALSE;
    }

  if (g_access (directory, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second its folder. */
                   _("Could not save the brief to “%s”: you cannot write in the folder “%s”"),
                   display, directory_display);
      return FALSE;
    }

  return TRUE;
}

gboolean
lens_brief_cli_parse_sections (const char      *sections,
                               GStrv           *chart_ids,
                               LensBriefParts  *parts,
                               GError         **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) items = g_strsplit (sections, ",", -1);
  LensBriefParts found = LENS_BRIEF_PART_COVER;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      LensBriefParts group = 0;

      if (*item == '\0')
        continue;
      if (g_str_equal (item, "consent-decree"))
        found |= LENS_BRIEF_PART_CONSENT_DECREE;
      else if (g_str_equal (item, "passages"))
        found |= LENS_BRIEF_PART_PASSAGES;
      else if (g_str_equal (item, "compstat"))
        found |= LENS_BRIEF_PART_COMPSTAT;
      else if (g_str_equal (item, "standing"))
        found |= LENS_BRIEF_PART_STANDING;
      else if (g_str_equal (item, "map"))
        found |= LENS_BRIEF_PART_MAP;
      else if (g_str_equal (item, "crime"))
        group = LENS_BRIEF_PART_CRIME;
      else if (g_str_equal (item, "complaints"))
        group = LENS_BRIEF_PART_COMPLAINTS;
      else if (g_str_equal (item, "shootings"))
        group = LENS_BRIEF_PART_SHOOTINGS;
      else if (g_str_equal (item, "arrests"))
        group = LENS_BRIEF_PART_ARRESTS;
      else if (lens_catalog_lookup_chart (lens_catalog_get_default (), item) != NULL)
        g_ptr_array_add (ids, g_strdup (item));
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is a chart id given on the command line. */
                       _("--brief-sections: there is no chart “%s”"), item);
          return FALSE;
        }

      if (group != 0)
        {
          g_auto(GStrv) group_ids = lens_brief_builder_dup_chart_ids (group);

          for (guint j = 0; group_ids[j] != NULL; j++)
            g_ptr_array_add (ids, g_strdup (group_ids[j]));
        }
    }

  g_ptr_array_add (ids, NULL);
  *chart_ids = (GStrv) g_ptr_array_steal (ids, NULL);
  *parts = found;
  return TRUE;
}

typedef struct
{
  GMainLoop  *loop;
  LensBrief  *brief;
  GStrv       stale;
  GStrv       failed;
  GError     *error;
} BriefState;

static void
brief_build_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BriefState *state = user_data;

  state->brief = lens_brief_builder_build_finish (result, &state->stale, &state->failed,
                                                  &state->error);
  g_main_loop_quit (state->loop);
}

static int
write_brief (GVariantDict *options,
             GSettings    *settings,
             const char   *path)
{
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BriefState state = { NULL, NULL, NULL, NULL, NULL };
  g_auto(GStrv) chart_ids = NULL;
  LensBriefParts parts = LENS_BRIEF_PARTS_ALL;
  const char *sections = NULL;
  gboolean offline = g_variant_dict_contains (options, "offline");
  int status = EXIT_OK;
  guint n_pages;

  if (g_variant_dict_contains (options, "export-chart"))
    {
      print_error (_("--brief and --export-chart cannot be used together"));
      return EXIT_BAD_ARGUMENT;
    }

  filters = lens_filters_new ();
  if (!lens_filters_apply_options (filters, options, &error))
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  if (g_variant_dict_lookup (options, "brief-sections", "&s", &sections) &&
      !lens_brief_cli_parse_sections (sections, &chart_ids, &parts, &error))
    {
      print_error (error->message);
      return EXIT_BAD_ARGUMENT;
    }

  if (!check_output (path, &error))
    {
      print_error (error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
             ? EXIT_BAD_ARGUMENT : EXIT_NO_DATA;
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
  lens_brief_builder_build_async (client, filters, (const char * const *) chart_ids, parts,
                                  LENS_QUERY_DEFAULT, NULL, brief_build_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  if (state.error != NULL)
    {
      if (g_error_matches (state.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE) && offline)
        print_error (_("no data is saved on this computer for this brief yet, and --offline "
                       "does not connect to the portal. Run the command once without "
                       "--offline while connected to the internet."));
      else
        print_error (state.error->message);
      status = EXIT_NO_DATA;
      goto out;
    }

  for (guint i = 0; state.failed[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      /* Translators: a chart that is not in the brief: %s is "<title>: <why>". */
      message = g_strdup_printf (_("left out of the brief: %s"), state.failed[i]);
      print_error (message);
    }

  for (guint i = 0; state.stale[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is "<chart title>: data from 3 hours ago". */
      message = g_strdup_printf (_("using saved data for %s"), state.stale[i]);
      print_error (message);
    }

  if (!lens_brief_check (state.brief, &error) ||
      !lens_brief_write_pdf (state.brief, path, &error))
    {
      print_error (error->message);
      status = EXIT_NO_DATA;
      goto out;
    }

  n_pages = lens_brief_get_n_pages (state.brief);
  {
    g_autofree char *display = g_filename_display_name (path);

    /* Translators: the brief was written; %s is the file name, %u its number of pages. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                          n_pages),
             display, n_pages);
  }

out:
  g_clear_object (&state.brief);
  g_clear_pointer (&state.stale, g_strfreev);
  g_clear_pointer (&state.failed, g_strfreev);
  g_clear_error (&state.error);
  /* The client's connections end on this context. */
  g_clear_object (&client);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  return status;
}

int
lens_brief_cli_handle_options (GVariantDict *options,
                               GSettings    *settings)
{
  g_autofree char *path = NULL;
  const char *language = NULL;

  g_return_val_if_fail (options != NULL, EXIT_BAD_ARGUMENT);

  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;

      if (!lens_brief_cli_set_language (language, &warning, &error))
        {
          print_error (error->message);
          return EXIT_BAD_ARGUMENT;
        }
      if (warning != NULL)
        print_error (warning);
    }

  {
    /* saved briefs: --brief-set, --save-brief-set, --list-brief-sets */
    int status = lens_brief_set_cli_handle_options (options, settings);

    if (status >= 0)
      return status;
  }

  path = lens_cli_dup_path_option (options, "brief");
  if (path == NULL)
    return -1;

  if (*path == '\0')
    {
      print_error (_("--brief needs a file name ending in .pdf"));
      return EXIT_BAD_ARGUMENT;
    }

  return write_brief (options, settings, path);
}
