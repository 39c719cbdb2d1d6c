/* lens-portal-error.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-portal-error"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lens-portal-error.h"

G_DEFINE_QUARK (lens-portal-error-quark, lens_portal_error)

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
