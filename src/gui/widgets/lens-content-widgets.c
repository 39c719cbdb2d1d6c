/* lens-content-widgets.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-content-widgets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-content-widgets.h"

LensConsentDecree *
lens_shipped_consent_decree (void)
{
  static LensConsentDecree *decree;

  if (decree == NULL)
    {
      g_autoptr(GError) error = NULL;

      decree = lens_consent_decree_new_from_resource (&error);
      if (decree == NULL)
        g_critical ("%s", error->message);
    }

  return decree;
}

LensReports *
lens_shipped_reports (void)
{
  static LensReports *reports;

  if (reports == NULL)
    {
      g_autoptr(GError) error = NULL;

      reports = lens_reports_new_from_resource (&error);
      if (reports == NULL)
        g_critical ("%s", error->message);
    }

  return reports;
}

char *
lens_url_dup_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return g_strdup (url);

  /* "www." says nothing to a reader */
  if (g_str_has_prefix (host, "www."))
    host += 4;

  return g_strdup (host);
}

char *
lens_source_describe (const LensSource *source)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  host = lens_url_dup_host (source->url);
  if (source->outlet == NULL)
    return g_steal_pointer (&host);

  if (source->mirror)
    /* Translators: a source that could only be found as a copy on another site:
     * "Chicago Tribune (copy at localbusinessheadlines.com)" */
    return g_strdup_printf (_("%s (copy at %s)"), source->outlet, host);

  return g_strdup (source->outlet);
}

GtkWidget *
lens_link_button_new (const char *url,
                      const char *label)
{
  g_autofree char *host = NULL;
  GtkWidget *button;
  GtkWidget *child;

  g_return_val_if_fail (url != NULL, NULL);

  if (label == NULL)
    label = host = lens_url_dup_host (url);

  button = gtk_link_button_new_with_label (url, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, url);

  /* long outlet names wrap on a narrow window instead of widening it */
  child = gtk_button_get_child (GTK_BUTTON (button));
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
    }

  return button;
}

GtkWidget *
lens_source_link_new (const LensSource *source)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button;

  g_return_val_if_fail (source != NULL, NULL);

  label = lens_source_describe (source);
  /* Translators: a link to where a fact was published: "Source: WTTW" */
  text = g_strdup_printf (_("Source: %s"), label);
  button = lens_link_button_new (source->url, text);

  return button;
}

GtkWidget *
lens_text_row_new (const char *title,
                   const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

GtkWidget *
lens_link_icon_new (const char *url,
                    const char *description)
{
  g_autofree char *host = lens_url_dup_host (url);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_link_button_new (url);
  GtkWidget *image = lens_accessible_decorative_image_new ("adw-external-link-symbolic");

  if (description == NULL)
    description = host;

  gtk_button_set_child (GTK_BUTTON (button), image);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "link-icon");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  tooltip = g_strdup_printf ("%s\n%s", description, url);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Translators: what a screen reader says for a link button: "Open WTTW in the browser" */
  accessible = g_strdup_printf (_("Open %s in the browser"), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}

GtkWidget *
lens_link_row_new (const char *title,
                   const char *subtitle,
                   const char *url,
                   const char *description)
{
  GtkWidget *row = lens_text_row_new (title, subtitle);
  GtkWidget *link = lens_link_icon_new (url, description);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), link);

  return row;
}

GtkWidget *
lens_source_row_new (const char       *title,
                     const char       *subtitle,
                     const LensSource *source)
{
  g_autofree char *outlet = NULL;
  g_autofree char *line = NULL;
  g_autofree char *full = NULL;

  if (source == NULL || source->url == NULL)
    return lens_text_row_new (title, subtitle);

  outlet = lens_source_describe (source);
  /* Translators: where a fact was published: "Source: WTTW" */
  line = g_strdup_printf (_("Source: %s"), outlet);
  if (subtitle != NULL && subtitle[0] != '\0')
    /* Translators: a subtitle, then where the fact was published */
    full = g_strdup_printf (_("%s · %s"), subtitle, line);

  return lens_link_row_new (title, full != NULL ? full : line, source->url, outlet);
}

GtkWidget *
lens_wrap_label_new (const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}
