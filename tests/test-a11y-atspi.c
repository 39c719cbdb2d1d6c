/* test-a11y-atspi.c: what a screen reader hears, read over AT-SPI as Orca reads it
 *
 * The window runs in a child process (this program with -p /a11y/app-child) against the fake
 * portal, with GTK's AT-SPI backend on; this process reads the child's accessible tree with
 * libatspi and tells it what to show through its stdin ("page crime", "focus 2", ...); the
 * child answers on stdout with lines starting "LENS:". Two processes, because libatspi's calls
 * block until the app answers, and an app cannot answer while it waits for itself.
 *
 * On every page, in English and Arabic, it fails when an interactive control (button,
 * toggle, check box, combo box, menu button, entry, link, activatable list item) has no name,
 * a GTK class name as its name or a raw mnemonic underscore; when a decorative image is
 * exposed; when a chart does not expose its title, its state (loading, error, offline) and a
 * way to its values (its focused value's text, e.g. "2023: 262,914 incidents"). The walk
 * knows roles, not widget types, so every widget the window gains is checked too.
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* libatspi 2.46's headers declare some functions without prototypes */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop

/* libatspi 2.46 defines no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
#include <gio/gunixinputstream.h>

#include "lens-chart-view.h"
#include "lens-language.h"
#include "lens-page.h"
#include "lens-plot-area.h"
#include "lens-test-window.h"

static char *test_program;

static const char * const pages[] = {
  "overview", "crime", "complaints", "shootings", "arrests", "consent-decree", "reports",
  "get-involved",
};

/* The child: the window, driven through stdin */

typedef struct
{
  LensTestWindow     fixture;
  GDataInputStream  *input;
  char              *line;
  gboolean           line_done;
} Child;

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Child *child = user_data;

  child->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                           NULL, NULL);
  child->line_done = TRUE;
}

/* The next command; the window keeps running (answering AT-SPI) while it waits. */
static char *
child_read_command (Child *child)
{
  child->line_done = FALSE;
  g_data_input_stream_read_line_async (child->input, G_PRIORITY_DEFAULT, NULL, read_line_cb, child);
  g_assert_true (lens_test_wait_flag (&child->line_done));
  return g_steal_pointer (&child->line);
}

static void
child_reply (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
child_reply (const char *format,
             ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* no newline in a title: one line each */
  g_strdelimit (text, "\n", ' ');
  printf ("LENS:%s\n", text);
  fflush (stdout);
}

static GPtrArray *
child_charts (Child *child)
{
  GtkWidget *page = lens_window_get_page_widget (child->fixture.window,
                                                 lens_window_get_page (child->fixture.window));
  GPtrArray *all = lens_test_find_all (page, LENS_TYPE_CHART_VIEW);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (all, i)))
      g_ptr_array_add (shown, g_ptr_array_index (all, i));
  g_ptr_array_unref (all);
  return shown;
}

/* "chart\t<state>\t<title>\t<message>" for each chart shown, then "ok". */
static void
child_list_charts (Child *child)
{
  g_autoptr(GPtrArray) charts = child_charts (child);

  for (guint i = 0; i < charts->len; i++)
    {
      LensChartView *view = g_ptr_array_index (charts, i);
      const char *message = lens_chart_view_get_message (view);

      child_reply ("chart\t%d\t%s\t%s", lens_chart_view_get_state (view),
                   lens_chart_view_get_entry (view)->title, message != NULL ? message : "");
    }
  child_reply ("ok");
}

static void
child_reload (Child   *child,
              gboolean offline,
              gboolean wait)
{
  LensPortalClient *client = lens_application_get_client (child->fixture.app);
  const char *page_id = lens_window_get_page (child->fixture.window);
  GtkWidget *page = lens_window_get_page_widget (child->fixture.window, page_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (lens_cache_clear (lens_application_get_cache (child->fixture.app), &error));
  g_assert_no_error (error);
  lens_portal_client_set_offline (client, offline);
  lens_page_reload (LENS_PAGE (page), LENS_QUERY_DEFAULT);
  if (wait)
    g_assert_true (lens_test_wait_settled (child->fixture.window));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (child->fixture.window), 2));
}

static void
test_app_child (void)
{
  Child child = { 0 };
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autofree char *command = NULL;

  lens_language_init (NULL);
  gtk_disable_setlocale ();

  child.input = g_data_input_stream_new (stdin_stream);
  lens_test_window_set_up (&child.fixture, "5", "citywide");
  lens_test_window_open (&child.fixture, "overview", 1400, 1000);
  g_assert_true (lens_test_wait_settled (child.fixture.window));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (child.fixture.window), 2));
  child_reply ("ok");

  while ((g_free (command), command = child_read_command (&child)) != NULL)
    {
      g_auto(GStrv) words = g_strsplit (command, " ", 2);

      if (g_str_equal (words[0], "quit"))
        break;
      else if (g_str_equal (words[0], "ping"))
        child_reply ("ok");
      else if (g_str_equal (words[0], "page"))
        {
          lens_test_show_page (child.fixture.window, words[1]);
          child_list_charts (&child);
        }
      else if (g_str_equal (words[0], "focus"))
        {
          /* The chart's plot gets the keyboard focus: its first value is then its text. */
          g_autoptr(GPtrArray) charts = child_charts (&child);
          guint index = atoi (words[1]);
          g_autoptr(GPtrArray) plots = NULL;

          g_assert_cmpuint (index, <, charts->len);
          plots = lens_test_find_all (g_ptr_array_index (charts, index), LENS_TYPE_PLOT_AREA);
          g_assert_cmpuint (plots->len, ==, 1);
          gtk_widget_grab_focus (g_ptr_array_index (plots, 0));
          g_assert_true (lens_test_wait_frames (GTK_WIDGET (child.fixture.window), 1));
          child_reply ("ok");
        }
      else if (g_str_equal (words[0], "state"))
        {
          /* The shown page's charts while loading (the portal stalls), after an error (every
           * request fails) and offline with nothing saved; "normal" puts it back. */
          if (g_str_equal (words[1], "loading"))
            {
              lens_fake_portal_set_stall_seconds (child.fixture.portal, 600);
              lens_fake_portal_set_fault (child.fixture.portal, LENS_FAKE_FAULT_STALL, 0);
              child_reload (&child, FALSE, FALSE);
            }
          else if (g_str_equal (words[1], "error"))
            {
              lens_fake_portal_set_fault (child.fixture.portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
              child_reload (&child, FALSE, TRUE);
            }
          else if (g_str_equal (words[1], "offline"))
            {
              lens_fake_portal_set_fault (child.fixture.portal, LENS_FAKE_FAULT_NONE, 0);
              child_reload (&child, TRUE, TRUE);
            }
          else
            {
              lens_fake_portal_set_fault (child.fixture.portal, LENS_FAKE_FAULT_NONE, 0);
              child_reload (&child, FALSE, TRUE);
            }
          child_list_charts (&child);
        }
      else
        g_error ("unknown command %s", command);
    }

  lens_test_window_tear_down (&child.fixture);
  g_clear_object (&child.input);
}

/* The reader: this process */

typedef struct
{
  GSubprocess      *process;
  GOutputStream    *to_child;
  GDataInputStream *from_child;
  AtspiAccessible  *app;
  const char       *language;
  const char       *page;
  guint             controls;
  guint             images;
  guint             charts;
  GPtrArray        *failures;
  /* what has a name, by its name, from the walks: where the charts are looked for */
  GHashTable       *chart_objects;
  /* the object paths walked, and their names */
  GHashTable       *seen;
} Reader;

typedef struct
{
  int   state;
  char *title;
  char *message;
} ChartLine;

static void
chart_line_free (ChartLine *line)
{
  g_free (line->title);
  g_free (line->message);
  g_free (line);
}

/* Sends @command and reads the child's answer: the chart lines before its "ok". */
static GPtrArray *
reader_command (Reader     *reader,
                const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_line_free);

  if (command[0] != '\0')
    {
      g_output_stream_write_all (reader->to_child, line, strlen (line), NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_flush (reader->to_child, NULL, &error);
      g_assert_no_error (error);
    }

  for (;;)
    {
      g_autofree char *answer = g_data_input_stream_read_line_utf8 (reader->from_child, NULL, NULL, &error);

      g_assert_no_error (error);
      if (answer == NULL)
        g_error ("the window's process ended during “%s”", command);
      if (!g_str_has_prefix (answer, "LENS:"))
        {
          g_printerr ("%s\n", answer);
          continue;
        }
      if (g_str_equal (answer, "LENS:ok"))
        break;
      if (g_str_has_prefix (answer, "LENS:chart\t"))
        {
          g_auto(GStrv) fields = g_strsplit (answer + strlen ("LENS:chart\t"), "\t", 3);
          ChartLine *chart = g_new0 (ChartLine, 1);

          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          chart->state = atoi (fields[0]);
          chart->title = g_strdup (fields[1]);
          chart->message = g_strdup (fields[2]);
          g_ptr_array_add (charts, chart);
        }
    }
  return charts;
}

static void
fail (Reader     *reader,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
fail (Reader     *reader,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->failures, g_strdup_printf ("%s/%s: %s", reader->language, reader->page, text));
}

static gboolean
is_interactive (AtspiRole      role,
                AtspiStateSet *states)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_PUSH_BUTTON_MENU:
      return TRUE;
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_TABLE_ROW:
      /* a row that activates (the sidebar's pages), not a line of text */
      return atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE);
    default:
      return FALSE;
    }
}

/* "GtkButton", "AdwSplitButton", "LensChartView": what GTK 4.8 says for a widget with no name. */
static gboolean
is_class_name (const char *name)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("^(Gtk|Adw|Lens)[A-Z][A-Za-z]*$", 0, 0, NULL);
  return g_regex_match (regex, name, 0, NULL);
}

/* "_Retry": an underscore before a letter, as a label with use-underline has it. */
static gboolean
has_mnemonic (const char *name)
{
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    if (p[1] != '\0' && p[1] != '_' && (p == name || p[-1] != '_'))
      {
        gunichar next = g_utf8_get_char (p + 1);

        if (g_unichar_isalnum (next))
          return TRUE;
      }
  return FALSE;
}

static char *
describe (AtspiAccessible *accessible)
{
  g_autofree char *role = atspi_accessible_get_role_name (accessible, NULL);
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);

  return g_strdup_printf ("%s “%s”", role != NULL ? role : "?", name != NULL ? name : "");
}

static void
walk (Reader          *reader,
      AtspiAccessible *accessible,
      const char      *parent_name,
      guint            depth)
{
  const char *path = ATSPI_OBJECT (accessible)->path;
  const char *name = g_hash_table_lookup (reader->seen, path);
  int n_children;

  /* GTK 4.8 exposes every widget that is visible, on the page shown or not (every page of a
   * stack, a chart's error page while it shows its plot): a screen reader can land on any of
   * them, so every one is checked, once (by its object path) however many walks find it; a
   * walk only asks for the children of what an earlier one checked (each question is a round
   * trip to the window). */
  if (name == NULL)
    {
      g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);
      AtspiRole role = atspi_accessible_get_role (accessible, NULL);
      char *own = atspi_accessible_get_name (accessible, NULL);

      if (own == NULL)
        own = g_strdup ("");
      /* LENS_A11Y_DUMP=1: the tree, to see what a failure is about */
      if (g_getenv ("LENS_A11Y_DUMP") != NULL)
        {
          g_autofree char *what = describe (accessible);

          g_printerr ("%*s%s%s%s\n", (int) depth * 2, "", what,
                      atspi_state_set_contains (states, ATSPI_STATE_VISIBLE) ? " visible" : "",
                      atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE) ? " focusable" : "");
        }
      if (!atspi_state_set_contains (states, ATSPI_STATE_VISIBLE) &&
          role != ATSPI_ROLE_APPLICATION)
        {
          g_free (own);
          return;
        }
      g_hash_table_insert (reader->seen, g_strdup (path), own);
      name = own;

      if (is_interactive (role, states))
        {
          g_autofree char *what = describe (accessible);

          reader->controls++;
          if (name[0] == '\0')
            fail (reader, "%s has no name (in “%s”)", what, parent_name);
          else if (is_class_name (name))
            fail (reader, "%s has a class name as its name (in “%s”)", what, parent_name);
          else if (has_mnemonic (name))
            fail (reader, "%s has a raw mnemonic in its name", what);
        }
      else if (role == ATSPI_ROLE_IMAGE || role == ATSPI_ROLE_ICON)
        {
          reader->images++;
          /* an image with a name says something (a chart); one without is decoration */
          if (name[0] == '\0' || is_class_name (name))
            {
              g_autofree char *what = describe (accessible);

              fail (reader, "decorative %s is exposed (in “%s”)", what, parent_name);
            }
        }

      /* what a chart may be found by, later */
      if (name[0] != '\0' && !is_class_name (name) && role != ATSPI_ROLE_LABEL &&
          role != ATSPI_ROLE_HEADING && role != ATSPI_ROLE_STATIC)
        {
          GPtrArray *same = g_hash_table_lookup (reader->chart_objects, name);

          if (same == NULL)
            {
              same = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (reader->chart_objects, g_strdup (name), same);
            }
          g_ptr_array_add (same, g_object_ref (accessible));
        }
    }

  n_children = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (reader, child, name[0] != '\0' && !is_class_name (name) ? name : parent_name, depth + 1);
    }
}

static void
walk_app (Reader *reader)
{
  walk (reader, reader->app, "", 0);
}

/* The chart's own accessibles: named by its title ("Reported incidents by year") or, at
 * least, whose name says it is that chart ("Chart: Reported incidents by year"). More than one
 * when another page has a chart of that title. */
static GPtrArray *
find_chart (Reader     *reader,
            const char *title)
{
  GPtrArray *found = g_hash_table_lookup (reader->chart_objects, title);
  GHashTableIter iter;
  gpointer key, value;

  if (found != NULL)
    return found;
  g_hash_table_iter_init (&iter, reader->chart_objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (strstr (key, title) != NULL)
      return value;
  return NULL;
}

/* Some object at or under @accessible, showing, whose description has a digit: the value. */
static char *
find_value_text (AtspiAccessible *accessible)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);
  g_autofree char *description = NULL;
  AtspiRole role = atspi_accessible_get_role (accessible, NULL);
  int n_children;

  if (!atspi_state_set_contains (states, ATSPI_STATE_VISIBLE))
    return NULL;
  description = atspi_accessible_get_description (accessible, NULL);
  if ((role == ATSPI_ROLE_IMAGE || role == ATSPI_ROLE_CHART) &&
      atspi_state_set_contains (states, ATSPI_STATE_FOCUSED) &&
      description != NULL && strpbrk (description, "0123456789٠١٢٣٤٥٦٧٨٩") != NULL)
    return g_steal_pointer (&description);
  if (role == ATSPI_ROLE_TABLE || role == ATSPI_ROLE_TREE_TABLE)
    return g_strdup ("(a table)");

  n_children = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);
      char *text = child != NULL ? find_value_text (child) : NULL;

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* Charts with data: the title, and the value a keyboard user lands on. */
static void
check_charts_values (Reader    *reader,
                     GPtrArray *charts)
{
  for (guint i = 0; i < charts->len; i++)
    {
      ChartLine *chart = g_ptr_array_index (charts, i);
      GPtrArray *accessibles = find_chart (reader, chart->title);
      g_autofree char *command = NULL;
      g_autofree char *text = NULL;

      reader->charts++;
      if (accessibles == NULL)
        {
          fail (reader, "chart “%s”: nothing is named by its title", chart->title);
          continue;
        }
      if (chart->state != LENS_CHART_STATE_CHART)
        continue;
      command = g_strdup_printf ("focus %u", i);
      g_ptr_array_unref (reader_command (reader, command));
      for (guint j = 0; j < accessibles->len && text == NULL; j++)
        text = find_value_text (g_ptr_array_index (accessibles, j));
      if (text == NULL)
        fail (reader, "chart “%s”: focused, no value text or table is exposed", chart->title);
    }
}

/* Charts loading, failed or offline: the state, where the chart is. */
static void
check_charts_state (Reader     *reader,
                    GPtrArray  *charts,
                    const char *state)
{
  for (guint i = 0; i < charts->len; i++)
    {
      ChartLine *chart = g_ptr_array_index (charts, i);
      GPtrArray *accessibles = find_chart (reader, chart->title);
      g_autofree char *description = NULL;
      gboolean told = FALSE;

      reader->charts++;
      if (accessibles == NULL)
        {
          fail (reader, "chart “%s” (%s): nothing is named by its title", chart->title, state);
          continue;
        }
      if (chart->state != LENS_CHART_STATE_LOADING && chart->state != LENS_CHART_STATE_ERROR &&
          chart->state != LENS_CHART_STATE_OFFLINE)
        {
          fail (reader, "chart “%s” is in state %d, not %s", chart->title, chart->state, state);
          continue;
        }
      /* loading: busy, and a description that says so; failed or offline: the message shown */
      for (guint j = 0; j < accessibles->len && !told; j++)
        {
          AtspiAccessible *accessible = g_ptr_array_index (accessibles, j);
          g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);

          g_free (description);
          description = atspi_accessible_get_description (accessible, NULL);
          if (description == NULL)
            description = g_strdup ("");
          if (chart->state == LENS_CHART_STATE_LOADING)
            told = atspi_state_set_contains (states, ATSPI_STATE_BUSY) && description[0] != '\0';
          else
            told = chart->message[0] != '\0' && strstr (description, chart->message) != NULL;
        }
      if (!told)
        fail (reader, "chart “%s” (%s): not told: busy state or description “%s” (shown: “%s”)",
              chart->title, state, description, chart->message);
    }
}

/* The application in the desktop's children, by the child's process id. */
static AtspiAccessible *
find_app (GPid pid)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == (guint) pid)
        return g_steal_pointer (&app);
    }
  return NULL;
}

static void
test_language (gconstpointer data)
{
  const LensLanguage *language = lens_language_lookup (data);
  const char *argv[] = { test_program, "-p", "/a11y/app-child", NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  Reader reader = { 0 };
  GPid pid;

  g_assert_nonnull (language);
  if (!lens_test_require_locale (language->locale))
    return;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LENS_A11Y_CHILD", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "atspi", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language->code, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", language->locale, TRUE);
  reader.process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  reader.to_child = g_subprocess_get_stdin_pipe (reader.process);
  reader.from_child = g_data_input_stream_new (g_subprocess_get_stdout_pipe (reader.process));
  reader.language = language->code;
  reader.page = "start";
  reader.failures = g_ptr_array_new_with_free_func (g_free);
  reader.chart_objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  reader.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pid = atoi (g_subprocess_get_identifier (reader.process));

  /* the window is up; GTK registers it with the registry on its own time: ask again until
   * the registry lists it (each ping is a round of the child's main loop) */
  g_ptr_array_unref (reader_command (&reader, ""));
  for (guint i = 0; i < 1000 && (reader.app = find_app (pid)) == NULL; i++)
    g_ptr_array_unref (reader_command (&reader, "ping"));
  g_assert_nonnull (reader.app);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *command = g_strconcat ("page ", pages[i], NULL);
      g_autoptr(GPtrArray) charts = reader_command (&reader, command);

      reader.page = pages[i];
      walk_app (&reader);
      check_charts_values (&reader, charts);
    }

  /* A dashboard page's charts loading, failed and offline. */
  g_ptr_array_unref (reader_command (&reader, "page crime"));
  reader.page = "crime";
  {
    const char * const states[] = { "loading", "error", "offline" };

    for (guint i = 0; i < G_N_ELEMENTS (states); i++)
      {
        g_autofree char *command = g_strconcat ("state ", states[i], NULL);
        g_autoptr(GPtrArray) charts = reader_command (&reader, command);

        /* the same widgets as on the walk of the page: only their states are read */
        check_charts_state (&reader, charts, states[i]);
      }
    g_ptr_array_unref (reader_command (&reader, "state normal"));
  }

  g_output_stream_write_all (reader.to_child, "quit\n", 5, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (reader.process, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < reader.failures->len; i++)
    g_printerr ("FAIL %s\n", (char *) g_ptr_array_index (reader.failures, i));
  g_test_message ("%s: %u controls checked, %u images, %u charts checked; %u failures",
                  language->code, reader.controls, reader.images, reader.charts, reader.failures->len);
  printf ("# %s: %u controls checked, %u images, %u charts checked; %u failures\n",
          language->code, reader.controls, reader.images, reader.charts, reader.failures->len);

  g_assert_true (g_subprocess_get_successful (reader.process));
  g_assert_cmpuint (reader.controls, >, 0);
  g_assert_cmpuint (reader.charts, >, 0);
  /* not an assertion: the other language still runs, and its numbers are printed too */
  if (reader.failures->len > 0)
    g_test_fail_printf ("%s: %u controls, images or charts fail (above)", language->code,
                        reader.failures->len);

  g_clear_object (&reader.app);
  g_clear_object (&reader.from_child);
  g_clear_object (&reader.process);
  g_ptr_array_unref (reader.failures);
  g_hash_table_unref (reader.chart_objects);
  g_hash_table_unref (reader.seen);
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);
  test_program = g_canonicalize_filename (argv[0], NULL);

  if (g_getenv ("LENS_A11Y_CHILD") != NULL)
    g_test_add_func ("/a11y/app-child", test_app_child);
  else
    {
      /* the reader only: it never starts GTK */
      g_assert_cmpint (atspi_init (), <=, 1);
      g_test_add_data_func ("/a11y/atspi/en", "en", test_language);
      g_test_add_data_func ("/a11y/atspi/ar", "ar", test_language);
    }

  {
    int ret = lens_test_window_run ();

    g_free (test_program);
    return ret;
  }
}
