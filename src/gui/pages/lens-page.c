/* lens-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-page"

#include "config.h"

#include <adwaita.h>

#include "lens-page.h"

typedef struct
{
  LensPortalClient *client;
  LensFilters      *filters;
  /* The LensLoadable descendants, each with a reference */
  GPtrArray        *loadables;

  /* Filters changed or a reload was asked while the page was hidden: load when shown. */
  LensQueryFlags    pending_flags;
  guint             dirty : 1;
  /* What LensPage:settled last said */
  guint             settled : 1;
} LensPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LensPage, lens_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_FILTERS,
  PROP_SETTLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lifecycle */

static void
update_settled (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);
  gboolean settled = lens_page_is_settled (self);

  if (settled == priv->settled)
    return;

  priv->settled = settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLED]);
}

static void
load_now (LensPage       *self,
          LensQueryFlags  flags)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  if (priv->client == NULL || priv->filters == NULL)
    return;

  priv->dirty = FALSE;
  for (guint i = 0; i < priv->loadables->len; i++)
    lens_loadable_load (g_ptr_array_index (priv->loadables, i), priv->client, priv->filters, flags);

  update_settled (self);
}

static void
request_load (LensPage       *self,
              LensQueryFlags  flags)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  if (priv->loadables->len == 0)
    return;

  /* Only what is on screen talks to the portal. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_now (self, flags);
  else
    {
      priv->pending_flags = priv->dirty ? (priv->pending_flags | flags) : flags;
      priv->dirty = TRUE;
      update_settled (self);
    }
}

static gboolean
lens_page_real_filters_changed (LensPage    *self,
                                LensFilters *old_filters)
{
  return TRUE;
}

static void
lens_page_map (GtkWidget *widget)
{
  LensPage *self = LENS_PAGE (widget);
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  GTK_WIDGET_CLASS (lens_page_parent_class)->map (widget);

  if (priv->dirty)
    load_now (self, priv->pending_flags);
}

/* GObject */

static void
lens_page_dispose (GObject *object)
{
  LensPage *self = LENS_PAGE (object);
  LensPagePrivate *priv = lens_page_get_instance_private (self);
  GtkWidget *child;

  g_ptr_array_set_size (priv->loadables, 0);
  /* What a subclass built by hand (a template disposes its own). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lens_page_parent_class)->dispose (object);
}

static void
lens_page_finalize (GObject *object)
{
  LensPage *self = LENS_PAGE (object);
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_clear_pointer (&priv->loadables, g_ptr_array_unref);
  g_clear_pointer (&priv->filters, lens_filters_unref);
  g_clear_object (&priv->client);

  G_OBJECT_CLASS (lens_page_parent_class)->finalize (object);
}

static void
lens_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LensPage *self = LENS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, lens_page_get_client (self));
      break;

    case PROP_FILTERS:
      g_value_set_boxed (value, lens_page_get_filters (self));
      break;

    case PROP_SETTLED:
      g_value_set_boolean (value, lens_page_is_settled (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LensPage *self = LENS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lens_page_set_client (self, g_value_get_object (value));
      break;

    case PROP_FILTERS:
      lens_page_set_filters (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_page_class_init (LensPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_page_dispose;
  object_class->finalize = lens_page_finalize;
  object_class->get_property = lens_page_get_property;
  object_class->set_property = lens_page_set_property;

  widget_class->map = lens_page_map;

  klass->filters_changed = lens_page_real_filters_changed;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LENS_TYPE_PORTAL_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTERS] =
    g_param_spec_boxed ("filters", NULL, NULL,
                        LENS_TYPE_FILTERS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTLED] =
    g_param_spec_boolean ("settled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lenspage");
}

static void
lens_page_init (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  priv->loadables = g_ptr_array_new_with_free_func (g_object_unref);
  priv->settled = TRUE;
}

/* API */

LensPortalClient *
lens_page_get_client (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_val_if_fail (LENS_IS_PAGE (self), NULL);

  return priv->client;
}

void
lens_page_set_client (LensPage         *self,
                      LensPortalClient *client)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_if_fail (LENS_IS_PAGE (self));
  g_return_if_fail (client == NULL || LENS_IS_PORTAL_CLIENT (client));

  if (!g_set_object (&priv->client, client))
    return;

  request_load (self, LENS_QUERY_CACHE_FIRST);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

LensFilters *
lens_page_get_filters (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_val_if_fail (LENS_IS_PAGE (self), NULL);

  return priv->filters;
}

void
lens_page_set_filters (LensPage    *self,
                       LensFilters *filters)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);
  g_autoptr(LensFilters) old_filters = NULL;

  g_return_if_fail (LENS_IS_PAGE (self));

  if (lens_filters_equal (priv->filters, filters))
    return;

  old_filters = g_steal_pointer (&priv->filters);
  priv->filters = filters != NULL ? lens_filters_ref (filters) : NULL;

  /* What is saved shows at once; the charts ask the portal again when it is stale. */
  if (LENS_PAGE_GET_CLASS (self)->filters_changed (self, old_filters))
    request_load (self, LENS_QUERY_CACHE_FIRST);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERS]);
}

void
lens_page_reload (LensPage       *self,
                  LensQueryFlags  flags)
{
  g_return_if_fail (LENS_IS_PAGE (self));

  request_load (self, flags);
}

gboolean
lens_page_is_settled (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_val_if_fail (LENS_IS_PAGE (self), TRUE);

  if (priv->dirty)
    return FALSE;

  for (guint i = 0; i < priv->loadables->len; i++)
    if (!lens_loadable_is_settled (g_ptr_array_index (priv->loadables, i)))
      return FALSE;

  return TRUE;
}

GtkWidget *
lens_page_add_column (LensPage *self,
                      int       maximum_size,
                      int       tightening_threshold)
{
  GtkWidget *scroller, *clamp, *box;

  g_return_val_if_fail (LENS_IS_PAGE (self), NULL);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), maximum_size);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), tightening_threshold);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "dashboard");
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  return box;
}

GPtrArray *
lens_page_get_loadables (LensPage *self)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_val_if_fail (LENS_IS_PAGE (self), NULL);

  return priv->loadables;
}

void
lens_page_add_loadable (LensPage     *self,
                        LensLoadable *loadable)
{
  LensPagePrivate *priv = lens_page_get_instance_private (self);

  g_return_if_fail (LENS_IS_PAGE (self));
  g_return_if_fail (LENS_IS_LOADABLE (loadable));

  g_ptr_array_add (priv->loadables, g_object_ref (loadable));
  g_signal_connect_object (loadable, "notify::settled", G_CALLBACK (update_settled),
                           self, G_CONNECT_SWAPPED);
}
