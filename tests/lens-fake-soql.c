/* lens-fake-soql.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-fake-soql"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lens-fake-soql-private.h"

/* A small, honest model of how the real portal judges a SoQL query before it runs it. It parses
 * the clauses into expressions, resolves the names, types the expressions and checks where
 * aggregates may be. It was written from the sources below (read, not copied) and refuses a
 * query only for these rules, each answered as the portal does (HTTP 400, the query
 * coordinator's envelope, reference/socrata-cpd.md §5.4; the texts and "data" members follow
 * socrata-platform/query-coordinator, query-coordinator/.../resources/QueryService.scala):
 *
 *  query.soql.no-such-column: every name in a clause is a field of the dataset
 *    (socrata-cpd.md §2: real field names), a system field (:id, :created_at, :updated_at:
 *    socrata-cpd.md §3, dev.socrata.com docs/system-fields.md) or, outside $select, an alias
 *    of $select. An alias wins over a field of the same name (soql-reference, soql-analyzer
 *    .../aliases/AliasAnalysis.scala; seen on live portals: "avg(x) AS x" then "$where=x > 0"
 *    is an aggregate in WHERE). A plain "field=value" filter names a field too.
 *  query.soql.duplicate-alias: two items of $select have the same alias (AliasAnalysis.scala).
 *  query.soql.no-such-function: every function exists with that many arguments
 *    (soql-reference, soql-stdlib .../functions/SoQLFunctions.scala).
 *  query.soql.type-mismatch: the arguments have the types the function takes (the signatures
 *    of SoQLFunctions.scala): "=" and "<" compare two values of one type; a text literal may
 *    stand for a number, a timestamp or a boolean when it reads as one, a number literal is
 *    only a number, so "district = 5" (district is text) is refused; AND, OR, NOT and case()
 *    conditions take booleans; sum() and avg() numbers; date_trunc_* and date_extract_* a
 *    floating timestamp; min() and max() no booleans; "<" no points.
 *  query.soql.non-boolean-where, query.soql.non-boolean-having: $where and $having are
 *    conditions (QueryCoordinatorErrors.scala, QueryService.scala).
 *  query.soql.aggregate-in-ungrouped-context: no aggregate in $where or $group, none inside
 *    another aggregate (soql-reference, soql-analyzer .../aggregates/AggregateChecker.scala,
 *    checkPregroupExpression).
 *  query.soql.column-not-in-group-bys: a query is grouped when it has $group or $having or an
 *    aggregate in $select or $order; then every column in $select, $having and $order is one of
 *    the $group expressions or inside an aggregate (AggregateChecker.scala, apply, checkGrouped,
 *    checkPostgroupExpression). An aggregate without $group is grouped by nothing, so
 *    "$select=count(*) AS value&$order=:id" is refused for :id.
 *
 * The parser is lens-fake-soql-parse.c, the types and functions lens-fake-soql-types.c; names,
 * aggregates and the answers are here.
 *
 * What it cannot judge it passes on to the generator, and says so in its log (g_message): syntax
 * it does not parse (casts, subscripts, window functions, DISTINCT, $query), functions it
 * knows by name only (geospatial and most text and number functions), timestamps compared with
 * literals whose zone it cannot tell, points compared for equality. */

static const LensFakeField system_fields[] = {
  { ":id", "row_identifier" },
  { ":created_at", "fixed_timestamp" },
  { ":updated_at", "fixed_timestamp" },
  { NULL, NULL }
};

/* Verdicts */

void
fake_soql_cannot_judge (Check      *c,
              const char *clause,
              const char *why)
{
  if (c->unjudged == NULL)
    c->unjudged = clause != NULL ? g_strdup_printf ("%s (in “%s”)", why, clause) : g_strdup (why);
}

gboolean
fake_soql_refused (Check *c)
{
  return c->verdict == LENS_FAKE_SOQL_REFUSED;
}

/* The query coordinator's envelope: the code, its text and "data" with the members the
 * coordinator gives that code, the dataset and the position. @member2 "arity" is a number. */
void
fake_soql_refuse (Check      *c,
        const Node *at,
        const char *code,
        const char *text,
        const char *member1,
        const char *value1,
        const char *member2,
        const char *value2)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *message = NULL;
  g_autofree char *dataset = NULL;
  gsize len;
  char *body;

  if (fake_soql_refused (c))
    return;
  c->verdict = LENS_FAKE_SOQL_REFUSED;

  message = g_strdup_printf ("Query coordinator error: %s; %s", code, text);
  dataset = g_strdup_printf ("alpha.%u", g_str_hash (c->dataset_id) % 100000);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "errorCode");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  if (member1 != NULL)
    {
      json_builder_set_member_name (b, member1);
      json_builder_add_string_value (b, value1);
    }
  if (member2 != NULL)
    {
      json_builder_set_member_name (b, member2);
      if (g_str_equal (member2, "arity"))
        json_builder_add_int_value (b, g_ascii_strtoll (value2, NULL, 10));
      else
        json_builder_add_string_value (b, value2);
    }
  json_builder_set_member_name (b, "dataset");
  json_builder_add_string_value (b, dataset);
  json_builder_set_member_name (b, "position");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "row");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "column");
  json_builder_add_int_value (b, at != NULL ? at->position : 1);
  json_builder_set_member_name (b, "line");
  json_builder_add_string_value (b, at != NULL && at->clause != NULL ? at->clause : "");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  generator = json_generator_new ();
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  body = json_generator_to_data (generator, &len);

  c->out->status = 400;
  c->out->body = g_bytes_new_take (body, len);
}

static void
refuse_no_such_column (Check      *c,
                       const Node *at,
                       const char *column)
{
  g_autofree char *text = g_strdup_printf ("No such column: %s", column);

  fake_soql_refuse (c, at, "query.soql.no-such-column", text, "column", column, NULL, NULL);
}

static void
refuse_not_in_group_bys (Check      *c,
                         const Node *at,
                         const char *column)
{
  g_autofree char *text = g_strdup_printf ("Column '%s' is not in group by", column);

  fake_soql_refuse (c, at, "query.soql.column-not-in-group-bys", text, "column", column, NULL, NULL);
}

void
fake_soql_refuse_type (Check      *c,
             const Node *call,
             Type        actual)
{
  g_autofree char *text = g_strdup_printf ("Type mismatch for %s, is %s", call->name, fake_soql_type_name (actual));

  fake_soql_refuse (c, call, "query.soql.type-mismatch", text, "function", call->name, "type", fake_soql_type_name (actual));
}

/* Names: fields, system fields, aliases */

static const LensFakeField *
find_field (const LensFakeField *fields,
            const char          *name)
{
  for (const LensFakeField *f = fields; f->name != NULL; f++)
    if (g_ascii_strcasecmp (f->name, name) == 0)
      return f;
  return NULL;
}

static const Item *
find_alias (Check      *c,
            const char *name)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      const Item *item = g_ptr_array_index (c->items, i);

      if (item->alias != NULL && g_ascii_strcasecmp (item->alias, name) == 0)
        return item;
    }
  return NULL;
}

/* Binds each column of @node to its field, or (outside $select, @aliases) to the expression
 * of the alias it names. Returns the node that takes @node's place. */
static Node *
resolve (Check    *c,
         Node     *node,
         gboolean  aliases)
{
  if (fake_soql_refused (c) || node == NULL)
    return node;

  if (node->kind == NODE_CALL)
    {
      for (guint i = 0; i < node->args->len; i++)
        g_ptr_array_index (node->args, i) = resolve (c, g_ptr_array_index (node->args, i), aliases);
      return node;
    }

  if (node->kind == NODE_COLUMN)
    {
      const LensFakeField *field;
      const Item *item = aliases ? find_alias (c, node->name) : NULL;

      if (item != NULL)
        return item->expr;

      field = find_field (c->fields, node->name);
      if (field == NULL)
        field = find_field (system_fields, node->name);
      if (field != NULL)
        {
          node->type = fake_soql_type_from_soda2 (field->type);
          return node;
        }

      if (!aliases && find_alias (c, node->name) != NULL)
        fake_soql_cannot_judge (c, node->clause, "an alias used inside $select");
      else
        refuse_no_such_column (c, node, node->name);
    }

  return node;
}

/* A condition ($where, $having) must be one. */
static void
expect_condition (Check      *c,
                  Node       *node,
                  const char *code,
                  const char *text)
{
  Type type = fake_soql_type_of (c, node);

  if (!fake_soql_refused (c) && type != TYPE_UNKNOWN && type != TYPE_BOOLEAN && type != TYPE_NULL)
    fake_soql_refuse (c, node, code, text, NULL, NULL, NULL, NULL);
}

/* Aggregates (AggregateChecker.scala) */

static gboolean
same_expression (const Node *a,
                 const Node *b)
{
  if (a == b)
    return TRUE;
  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case NODE_COLUMN:
      return g_ascii_strcasecmp (a->name, b->name) == 0;
    case NODE_NUMBER:
    case NODE_STRING:
    case NODE_BOOLEAN:
      return g_strcmp0 (a->text, b->text) == 0;
    case NODE_NULL:
    case NODE_STAR:
      return TRUE;
    case NODE_CALL:
    default:
      if (!g_str_equal (a->name, b->name) || a->args->len != b->args->len)
        return FALSE;
      for (guint i = 0; i < a->args->len; i++)
        if (!same_expression (g_ptr_array_index (a->args, i), g_ptr_array_index (b->args, i)))
          return FALSE;
      return TRUE;
    }
}

static gboolean
contains_aggregate (const Node *node)
{
  if (node == NULL || node->kind != NODE_CALL)
    return FALSE;
  if (fake_soql_is_aggregate (node))
    return TRUE;
  for (guint i = 0; i < node->args->len; i++)
    if (contains_aggregate (g_ptr_array_index (node->args, i)))
      return TRUE;
  return FALSE;
}

/* Before grouping ($where, $group, inside an aggregate): no aggregate. */
static void
check_pregroup (Check      *c,
                const Node *node,
                const char *clause_name)
{
  if (fake_soql_refused (c) || node == NULL || node->kind != NODE_CALL)
    return;

  if (fake_soql_is_aggregate (node))
    {
      g_autofree char *text = g_strdup_printf ("Aggregate function '%s' used in ungrouped context: %s",
                                               node->name, clause_name);

      fake_soql_refuse (c, node, "query.soql.aggregate-in-ungrouped-context", text,
              "function", node->name, "clause", clause_name);
      return;
    }

  for (guint i = 0; i < node->args->len; i++)
    check_pregroup (c, g_ptr_array_index (node->args, i), clause_name);
}

/* After grouping ($select, $having, $order of a grouped query): a group expression, an
 * aggregate of ungrouped values, a literal, or made of those. */
static void
check_postgroup (Check      *c,
                 const Node *node,
                 const char *clause_name)
{
  if (fake_soql_refused (c) || node == NULL)
    return;

  for (guint i = 0; i < c->groups->len; i++)
    if (same_expression (node, g_ptr_array_index (c->groups, i)))
      return;

  switch (node->kind)
    {
    case NODE_COLUMN:
      refuse_not_in_group_bys (c, node, node->name);
      break;
    case NODE_CALL:
      for (guint i = 0; i < node->args->len; i++)
        {
          if (fake_soql_is_aggregate (node))
            check_pregroup (c, g_ptr_array_index (node->args, i), clause_name);
          else
            check_postgroup (c, g_ptr_array_index (node->args, i), clause_name);
        }
      break;
    case NODE_NUMBER:
    case NODE_STRING:
    case NODE_BOOLEAN:
    case NODE_NULL:
    case NODE_STAR:
    default:
      break;
    }
}

static void
check_aggregates (Check *c)
{
  gboolean grouped = c->groups->len > 0 || c->having != NULL;

  for (guint i = 0; i < c->items->len && !grouped; i++)
    grouped = contains_aggregate (((Item *) g_ptr_array_index (c->items, i))->expr);
  for (guint i = 0; i < c->orders->len && !grouped; i++)
    grouped = contains_aggregate (g_ptr_array_index (c->orders, i));

  if (!grouped)
    {
      check_pregroup (c, c->where, "WHERE");
      return;
    }

  for (guint i = 0; i < c->items->len; i++)
    check_postgroup (c, ((Item *) g_ptr_array_index (c->items, i))->expr, "selected columns");
  check_pregroup (c, c->where, "WHERE");
  for (guint i = 0; i < c->groups->len; i++)
    check_pregroup (c, g_ptr_array_index (c->groups, i), "GROUP BY");
  check_postgroup (c, c->having, "HAVING");
  for (guint i = 0; i < c->orders->len; i++)
    check_postgroup (c, g_ptr_array_index (c->orders, i), "ORDER BY");
}

/* The whole query */

static gboolean
check_params (Check      *c,
              GHashTable *params)
{
  static const char * const known[] = { "$select", "$where", "$group", "$having", "$order",
                                        "$limit", "$offset", "$q", NULL };
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;

      /* $$app_token and the like are not SoQL. */
      if (g_str_has_prefix (name, "$$"))
        continue;
      if (name[0] == '$')
        {
          if (!g_strv_contains (known, name))
            {
              g_autofree char *why = g_strdup_printf ("the parameter %s", name);

              fake_soql_cannot_judge (c, NULL, why);
            }
          continue;
        }

      /* A plain filter, "district=005". */
      if (find_field (c->fields, name) == NULL && find_field (system_fields, name) == NULL)
        {
          Node at = { NODE_COLUMN, (char *) name, NULL, NULL, name, 1, TYPE_UNKNOWN, FALSE };

          refuse_no_such_column (c, &at, name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_duplicate_aliases (Check *c)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      const Item *item = g_ptr_array_index (c->items, i);

      if (item->alias != NULL && find_alias (c, item->alias) != item)
        {
          g_autofree char *text = g_strdup_printf ("Duplicate alias: %s", item->alias);

          fake_soql_refuse (c, item->expr, "query.soql.duplicate-alias", text, "name", item->alias, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static void
judge (Check      *c,
       GHashTable *params)
{
  const char *select = g_hash_table_lookup (params, "$select");
  const char *where = g_hash_table_lookup (params, "$where");
  const char *group = g_hash_table_lookup (params, "$group");
  const char *having = g_hash_table_lookup (params, "$having");
  const char *order = g_hash_table_lookup (params, "$order");

  if (!check_params (c, params))
    return;

  /* The default is every field. */
  if (!fake_soql_parse_clause (c, select != NULL ? select : "*", CLAUSE_SELECT, NULL) ||
      (where != NULL && !fake_soql_parse_clause (c, where, CLAUSE_EXPRESSION, &c->where)) ||
      (group != NULL && !fake_soql_parse_clause (c, group, CLAUSE_GROUP, NULL)) ||
      (having != NULL && !fake_soql_parse_clause (c, having, CLAUSE_EXPRESSION, &c->having)) ||
      (order != NULL && !fake_soql_parse_clause (c, order, CLAUSE_ORDER, NULL)))
    return;

  if (!check_duplicate_aliases (c))
    return;

  /* Names: $select sees fields only, the other clauses its aliases first. */
  for (guint i = 0; i < c->items->len; i++)
    {
      Item *item = g_ptr_array_index (c->items, i);

      item->expr = resolve (c, item->expr, FALSE);
    }
  c->where = resolve (c, c->where, TRUE);
  for (guint i = 0; i < c->groups->len; i++)
    g_ptr_array_index (c->groups, i) = resolve (c, g_ptr_array_index (c->groups, i), TRUE);
  c->having = resolve (c, c->having, TRUE);
  for (guint i = 0; i < c->orders->len; i++)
    g_ptr_array_index (c->orders, i) = resolve (c, g_ptr_array_index (c->orders, i), TRUE);

  /* Types, clause by clause. */
  for (guint i = 0; i < c->items->len; i++)
    fake_soql_type_of (c, ((Item *) g_ptr_array_index (c->items, i))->expr);
  expect_condition (c, c->where, "query.soql.non-boolean-where", "Non-boolean where");
  for (guint i = 0; i < c->groups->len; i++)
    fake_soql_type_of (c, g_ptr_array_index (c->groups, i));
  expect_condition (c, c->having, "query.soql.non-boolean-having", "Non-boolean having");
  for (guint i = 0; i < c->orders->len; i++)
    fake_soql_type_of (c, g_ptr_array_index (c->orders, i));

  check_aggregates (c);
}

static char *
describe (GHashTable *params)
{
  GList *keys = g_list_sort (g_hash_table_get_keys (params), (GCompareFunc) g_strcmp0);
  GString *text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s=%s", l != keys ? "&" : "", (char *) l->data,
                            (char *) g_hash_table_lookup (params, l->data));
  g_list_free (keys);
  return g_string_free (text, FALSE);
}

LensFakeSoqlVerdict
lens_fake_soql_check (const char          *dataset_id,
                      const LensFakeField *fields,
                      GHashTable          *params,
                      LensFakeResponse    *out)
{
  Check c = { 0 };
  LensFakeSoqlVerdict verdict;

  g_return_val_if_fail (dataset_id != NULL, LENS_FAKE_SOQL_UNJUDGED);
  g_return_val_if_fail (fields != NULL, LENS_FAKE_SOQL_UNJUDGED);
  g_return_val_if_fail (params != NULL, LENS_FAKE_SOQL_UNJUDGED);
  g_return_val_if_fail (out != NULL, LENS_FAKE_SOQL_UNJUDGED);

  c.dataset_id = dataset_id;
  c.fields = fields;
  c.nodes = g_ptr_array_new_with_free_func (fake_soql_node_free);
  c.items = g_ptr_array_new_with_free_func (fake_soql_item_free);
  c.groups = g_ptr_array_new ();
  c.orders = g_ptr_array_new ();
  c.verdict = LENS_FAKE_SOQL_ACCEPTED;
  c.out = out;

  judge (&c, params);

  verdict = c.verdict;
  if (verdict == LENS_FAKE_SOQL_ACCEPTED && c.unjudged != NULL)
    {
      g_autofree char *query = describe (params);

      g_message ("The fake portal cannot judge this query as the real one would: %s; "
                 "passed on: /resource/%s.json?%s", c.unjudged, dataset_id, query);
      verdict = LENS_FAKE_SOQL_UNJUDGED;
    }

  g_ptr_array_unref (c.orders);
  g_ptr_array_unref (c.groups);
  g_ptr_array_unref (c.items);
  g_ptr_array_unref (c.nodes);
  g_free (c.unjudged);

  return verdict;
}
