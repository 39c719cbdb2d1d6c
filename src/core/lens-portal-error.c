/* lens-portal-error.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-portal-error"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lens-portal-error.h"

/* An extended domain: a refused query keeps its details for the bug report through every
 * g_error_copy() (the cache's stale answer, the loaders, the widgets). */
typedef struct
{
  guint  status;
  char  *code;
  char  *portal_message;
  char  *url;
  char  *answer;
} LensPortalErrorPrivate;

static void
lens_portal_error_private_init (LensPortalErrorPrivate *priv)
{
  if (priv != NULL)
    memset (priv, 0, sizeof *priv);
}

static void
lens_portal_error_private_copy (const LensPortalErrorPrivate *src,
                                LensPortalErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;

  dest->status = src->status;
  dest->code = g_strdup (src->code);
  dest->portal_message = g_strdup (src->portal_message);
  dest->url = g_strdup (src->url);
  dest->answer = g_strdup (src->answer);
}

static void
lens_portal_error_private_clear (LensPortalErrorPrivate *priv)
{
  if (priv == NULL)
    return;

  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->portal_message, g_free);
  g_clear_pointer (&priv->url, g_free);
  g_clear_pointer (&priv->answer, g_free);
}

G_DEFINE_EXTENDED_ERROR (LensPortalError, lens_portal_error)

static const char *
sentence_for_code (LensPortalError code)
{
  switch (code)
    {
    case LENS_PORTAL_ERROR_OFFLINE:
      return _("The City’s data portal could not be reached. Check your internet connection.");
    case LENS_PORTAL_ERROR_THROTTLED:
      return _("The City’s data portal is receiving too many requests. Try again in a few minutes.");
    case LENS_PORTAL_ERROR_SERVER:
      return _("The City’s data portal had a problem answering. Try again later.");
    case LENS_PORTAL_ERROR_BAD_RESPONSE:
      return _("The City’s data portal sent an answer Reform Lens could not read.");
    case LENS_PORTAL_ERROR_BAD_QUERY:
      return _("The City’s data portal did not accept this request.");
    case LENS_PORTAL_ERROR_CANCELLED:
      return _("The request was cancelled.");
    default:
      return _("Something went wrong while talking to the City’s data portal.");
    }
}

void
lens_portal_error_set (GError          **error,
                       LensPortalError   code,
                       const char       *detail)
{
  const char *sentence = sentence_for_code (code);

  if (detail != NULL && *detail != '\0')
    /* Translators: a sentence explaining an error, then the portal's own technical message. */
    g_set_error (error, LENS_PORTAL_ERROR, code, _("%s (%s)"), sentence, detail);
  else
    g_set_error_literal (error, LENS_PORTAL_ERROR, code, sentence);
}

GError *
lens_portal_error_new (LensPortalError  code,
                       const char      *detail)
{
  GError *error = NULL;

  lens_portal_error_set (&error, code, detail);
  return error;
}

gboolean
lens_portal_error_code_is_soql (const char *error_code)
{
  return error_code != NULL &&
         (g_str_has_prefix (error_code, "query.soql.") ||
          g_str_has_prefix (error_code, "query.compiler."));
}

GError *
lens_portal_error_new_refused_query (guint       status,
                                     const char *error_code,
                                     const char *portal_message,
                                     const char *url,
                                     GBytes     *body)
{
  LensPortalErrorPrivate *priv;
  g_autofree char *detail = NULL;
  GError *error = NULL;

  g_return_val_if_fail (error_code != NULL, NULL);

  detail = g_strdup_printf ("HTTP %u: %s", status,
                            portal_message != NULL ? portal_message : error_code);
  g_set_error (&error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
               /* Translators: a sentence explaining an error, then the portal's own technical message. */
               _("%s (%s)"),
               _("Reform Lens asked the City’s data portal for something the portal cannot answer. "
                 "This is a fault in Reform Lens, not in your connection or your choices."),
               detail);

  priv = lens_portal_error_get_private (error);
  if (priv == NULL)
    return error;

  priv->status = status;
  priv->code = g_strdup (error_code);
  priv->portal_message = g_strdup (portal_message != NULL ? portal_message : error_code);
  priv->url = g_strdup (url);
  if (body != NULL && g_bytes_get_size (body) > 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);

      priv->answer = g_utf8_make_valid (data, len);
      g_strstrip (priv->answer);
    }

  return error;
}

static const LensPortalErrorPrivate *
refused_private (const GError *error)
{
  const LensPortalErrorPrivate *priv;

  if (error == NULL || error->domain != LENS_PORTAL_ERROR)
    return NULL;

  priv = lens_portal_error_get_private (error);
  return priv != NULL && priv->code != NULL ? priv : NULL;
}

gboolean
lens_portal_error_is_refused_query (const GError *error)
{
  return refused_private (error) != NULL;
}

const char *
lens_portal_error_get_code (const GError *error)
{
  const LensPortalErrorPrivate *priv = refused_private (error);

  return priv != NULL ? priv->code : NULL;
}

const char *
lens_portal_error_get_portal_message (const GError *error)
{
  const LensPortalErrorPrivate *priv = refused_private (error);

  return priv != NULL ? priv->portal_message : NULL;
}

const char *
lens_portal_error_get_url (const GError *error)
{
  const LensPortalErrorPrivate *priv = refused_private (error);

  return priv != NULL ? priv->url : NULL;
}

const char *
lens_portal_error_get_answer (const GError *error)
{
  const LensPortalErrorPrivate *priv = refused_private (error);

  return priv != NULL ? priv->answer : NULL;
}

char *
lens_portal_error_dup_bug_report (const GError *error,
                                  const char   *subject)
{
  const LensPortalErrorPrivate *priv = refused_private (error);
  GString *report;

  if (priv == NULL)
    return NULL;

  /* For the developers, as a log would be: not translated. */
  report = g_string_new (NULL);
  g_string_append_printf (report, "Reform Lens %s: the portal refused a query\n", PACKAGE_VERSION);
  g_string_append_printf (report, "Chart: %s\n", subject != NULL ? subject : "(unknown)");
  g_string_append_printf (report, "Request: %s\n", priv->url != NULL ? priv->url : "(unknown)");
  g_string_append_printf (report, "Answer: HTTP %u, %s\n", priv->status, priv->code);
  g_string_append_printf (report, "%s\n", priv->answer != NULL ? priv->answer : priv->portal_message);

  return g_string_free (report, FALSE);
}

char *
lens_portal_error_parse_body (GBytes  *body,
                              char   **error_code)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *data;
  const char *message = NULL;
  const char *code = NULL;
  gsize len;

  if (error_code != NULL)
    *error_code = NULL;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &len);
  /* Error bodies are small; anything large is not one of Socrata's envelopes. */
  if (data == NULL || len == 0 || len > 64 * 1024)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (json_object_has_member (object, "message") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "message")))
    message = json_object_get_string_member (object, "message");

  /* The query coordinator's shape names the code "errorCode"; the documented one "code". */
  if (json_object_has_member (object, "errorCode") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "errorCode")))
    code = json_object_get_string_member (object, "errorCode");
  else if (json_object_has_member (object, "code") &&
           JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "code")))
    code = json_object_get_string_member (object, "code");

  if (error_code != NULL)
    *error_code = g_strdup (code);

  return g_strdup (message);
}
