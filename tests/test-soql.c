/* test-soql.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-soql"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lens-portal-error.h"
#include "lens-soql.h"
#include "lens-test-util.h"

/* Decodes the query string the way a server does and returns the value of @key. */
static char *
decoded_param (const char *query,
               const char *key)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);

  return g_strdup (g_hash_table_lookup (params, key));
}

static void
test_soql_basic (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autofree char *url = NULL;

  g_assert_cmpstr (lens_soql_get_dataset_id (soql), ==, "ijzp-q8t2");
  g_assert_cmpint (lens_soql_get_limit (soql), ==, -1);
  g_assert_cmpint (lens_soql_get_offset (soql), ==, -1);
  g_assert_null (lens_soql_get_order (soql));

  /* Empty query: no "?" at all */
  url = lens_soql_to_url (soql, "https://data.cityofchicago.org");
  g_assert_cmpstr (url, ==, "https://data.cityofchicago.org/resource/ijzp-q8t2.json");
  g_clear_pointer (&url, g_free);

  /* Set in an order different from the canonical one */
  lens_soql_set_limit (soql, 1000);
  lens_soql_set_order (soql, "year");
  lens_soql_set_group (soql, "year");
  lens_soql_set_offset (soql, 0);
  lens_soql_set_select (soql, "year, count(*) AS n");

  g_assert_true (lens_soql_validate (soql, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lens_soql_get_order (soql), ==, "year");
  g_assert_cmpint (lens_soql_get_limit (soql), ==, 1000);
  g_assert_cmpint (lens_soql_get_offset (soql), ==, 0);

  query = lens_soql_to_query_string (soql);
  g_assert_cmpstr (query, ==,
                   "$select=year,%20count(*)%20AS%20n&$group=year&$order=year&$limit=1000&$offset=0");

  /* A trailing slash in the base URL gives the same key */
  url = lens_soql_to_url (soql, "https://data.cityofchicago.org/");
  g_assert_cmpstr (url, ==,
                   "https://data.cityofchicago.org/resource/ijzp-q8t2.json?"
                   "$select=year,%20count(*)%20AS%20n&$group=year&$order=year&$limit=1000&$offset=0");

  /* Unset again */
  lens_soql_set_offset (soql, -1);
  lens_soql_set_limit (soql, -5);
  lens_soql_set_order (soql, "");
  g_clear_pointer (&query, g_free);
  query = lens_soql_to_query_string (soql);
  g_assert_cmpstr (query, ==, "$select=year,%20count(*)%20AS%20n&$group=year");
}

static void
test_soql_all_clauses_order (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
  g_autofree char *query = NULL;
  const char *keys[] = { "$select=", "$where=", "$group=", "$having=", "$order=", "$limit=", "$offset=" };
  const char *last = NULL;

  lens_soql_set_offset (soql, 2000);
  lens_soql_set_limit (soql, 1000);
  lens_soql_set_order (soql, "n DESC");
  lens_soql_set_having (soql, "n > 10");
  lens_soql_set_group (soql, "primary_type");
  lens_soql_add_where (soql, "year = 2024");
  lens_soql_set_select (soql, "primary_type, count(*) AS n");

  query = lens_soql_to_query_string (soql);
  g_assert_cmpstr (query, ==,
                   "$select=primary_type,%20count(*)%20AS%20n"
                   "&$where=(year%20%3D%202024)"
                   "&$group=primary_type"
                   "&$having=n%20%3E%2010"
                   "&$order=n%20DESC"
                   "&$limit=1000&$offset=2000");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *pos = strstr (query, keys[i]);

      g_assert_nonnull (pos);
      g_assert_true (last == NULL || pos > last);
      last = pos;
    }
}

static void
test_soql_where_joined (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(GDate) to = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autofree char *where = NULL;

  lens_soql_set_select (soql, "date_trunc_ym(date) AS month, count(*) AS n");
  lens_soql_add_where (soql, "date >= @from AND date < @to");
  lens_soql_add_where (soql, "district = @district");
  lens_soql_add_where (soql, "");   /* ignored */
  lens_soql_bind_date (soql, "from", from);
  lens_soql_bind_date (soql, "to", to);
  lens_soql_bind_text (soql, "district", "005");

  g_assert_true (lens_soql_validate (soql, &error));
  g_assert_no_error (error);

  query = lens_soql_to_query_string (soql);
  where = decoded_param (query, "$where");
  g_assert_cmpstr (where, ==,
                   "(date >= '2024-01-01T00:00:00' AND date < '2025-01-01T00:00:00')"
                   " AND (district = '005')");
}

static void
test_soql_quote_text (void)
{
  struct { const char *in, *out; } cases[] = {
    { "", "''" },
    { "BATTERY", "'BATTERY'" },
    { "O'Hare", "'O''Hare'" },
    { "''", "''''''" },
    { "'; drop", "'''; drop'" },
    { "') OR (1=1", "''') OR (1=1'" },
    { "Jefferson Park – 16", "'Jefferson Park – 16'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = lens_soql_quote_text (cases[i].in);

      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
}

/* Splits a rendered clause into string literals and the text outside them. */
static void
split_literals (const char  *clause,
                GPtrArray   *literals,
                GString     *outside)
{
  const char *p = clause;

  while (*p)
    {
      if (*p == '\'')
        {
          GString *lit = g_string_new (NULL);

          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');  /* never unterminated */
              if (*p == '\'' && p[1] == '\'')
                {
                  g_string_append_c (lit, '\'');
                  p += 2;
                }
              else if (*p == '\'')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (lit, *p++);
            }
          g_ptr_array_add (literals, g_string_free (lit, FALSE));
          g_string_append (outside, "#");
        }
      else
        g_string_append_c (outside, *p++);
    }
}

static void
test_soql_injection (void)
{
  const char *hostile[] = {
    "'; drop",
    "') OR (1=1",
    "' OR '1'='1",
    "x' OR true OR 'y",
    "'''",
    "a & $limit=1",
    "@other",
    "%27%29",
    "\\' OR 1=1 --",
    "005\" OR \"1\"=\"1",
    "`district` = '1'",
    "#&=+;?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
      g_autoptr(GPtrArray) literals = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) outside = g_string_new (NULL);
      g_autoptr(GHashTable) params = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *query = NULL;
      const char *where;

      lens_soql_add_where (soql, "district = @district AND primary_type = 'THEFT'");
      lens_soql_set_limit (soql, 10);
      lens_soql_bind_text (soql, "district", hostile[i]);
      lens_soql_bind_text (soql, "other", "NOT USED");
      g_assert_true (lens_soql_validate (soql, &error));
      g_assert_no_error (error);

      query = lens_soql_to_query_string (soql);
      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &error);
      g_assert_no_error (error);

      /* The value never adds or changes a parameter */
      g_assert_cmpuint (g_hash_table_size (params), ==, 2);
      g_assert_cmpstr (g_hash_table_lookup (params, "$limit"), ==, "10");

      /* and appears, whole, as the one literal in its place */
      where = g_hash_table_lookup (params, "$where");
      split_literals (where, literals, outside);
      g_assert_cmpstr (outside->str, ==, "(district = # AND primary_type = #)");
      g_assert_cmpuint (literals->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (literals, 0), ==, hostile[i]);
      g_assert_cmpstr (g_ptr_array_index (literals, 1), ==, "THEFT");
    }
}

static void
test_soql_params_in_literals (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autofree char *where = NULL;
  g_autofree char *select = NULL;

  /* '@x' in a literal is text; @x outside is a parameter; :@computed_region is a field. */
  lens_soql_set_select (soql, "`weird@name`, :@computed_region_awaf_s7ux, count(*) AS n");
  lens_soql_add_where (soql, "description = 'mail@home' AND block = @block AND iucr = \"@q\"");
  lens_soql_add_where (soql, "case_number = 'it''s @block'");
  lens_soql_bind_text (soql, "block", "0000X E 100 PL");

  g_assert_true (lens_soql_validate (soql, &error));
  g_assert_no_error (error);

  query = lens_soql_to_query_string (soql);
  where = decoded_param (query, "$where");
  g_assert_cmpstr (where, ==,
                   "(description = 'mail@home' AND block = '0000X E 100 PL' AND iucr = \"@q\")"
                   " AND (case_number = 'it''s @block')");
  select = decoded_param (query, "$select");
  g_assert_cmpstr (select, ==, "`weird@name`, :@computed_region_awaf_s7ux, count(*) AS n");

  /* the same parameter used twice, and an e-mail-like text that is not a parameter */
  {
    g_autoptr(LensSoql) twice = lens_soql_new ("ijzp-q8t2");
    g_autofree char *q2 = NULL;
    g_autofree char *w2 = NULL;

    lens_soql_add_where (twice, "beat = @b OR beat_2 = @b OR x = foo@b");
    lens_soql_bind_text (twice, "b", "0511");
    g_assert_true (lens_soql_validate (twice, NULL));
    q2 = lens_soql_to_query_string (twice);
    w2 = decoded_param (q2, "$where");
    g_assert_cmpstr (w2, ==, "(beat = '0511' OR beat_2 = '0511' OR x = foo@b)");
  }
}

static void
test_soql_numbers (void)
{
  struct { double value; const char *literal; } cases[] = {
    { 2024, "2024" },
    { 0, "0" },
    { -0.0, "0" },
    { 0.5, "0.5" },
    { 0.1, "0.1" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 41.711840612, "41.711840612" },
    { -87.622651588, "(-87.622651588)" },
    { -5, "(-5)" },
    { 1e15, "1000000000000000" },
    { 1e20, "1e+20" },
    { 123456.789, "123456.789" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
      g_autofree char *query = NULL;
      g_autofree char *where = NULL;
      g_autofree char *expected = NULL;

      lens_soql_add_where (soql, "x = @n");
      lens_soql_bind_number (soql, "n", cases[i].value);
      g_assert_true (lens_soql_validate (soql, NULL));
      query = lens_soql_to_query_string (soql);
      where = decoded_param (query, "$where");
      expected = g_strdup_printf ("(x = %s)", cases[i].literal);
      g_assert_cmpstr (where, ==, expected);
    }

  /* Not finite: a bad query, never "nan" in a URL */
  {
    g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
    g_autoptr(GError) error = NULL;

    lens_soql_add_where (soql, "x = @n");
    lens_soql_bind_number (soql, "n", NAN);
    g_assert_false (lens_soql_validate (soql, &error));
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  }
}

static void
test_soql_number_locale (void)
{
  /* Numbers are C-locale whatever LC_NUMERIC says. */
  g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
  g_autofree char *query = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* Spanish writes 0,25; build-aux/setup.sh generates the locale. */
  if (!lens_test_require_locale ("es_ES.UTF-8"))
    return;
  g_assert_nonnull (setlocale (LC_NUMERIC, "es_ES.UTF-8"));

  lens_soql_add_where (soql, "x > @n");
  lens_soql_bind_number (soql, "n", 0.25);
  query = lens_soql_to_query_string (soql);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpstr (query, ==, "$where=(x%20%3E%200.25)");
}

static void
test_soql_invalid (void)
{
  struct { const char *id, *where; } cases[] = {
    { "IJZP-Q8T2", NULL },
    { "ijzp-q8t", NULL },
    { "ijzp_q8t2", NULL },
    { "ijzp-q8t2x", NULL },
    { "", NULL },
    { "../../etc", NULL },
    { "ijzp-q8t2", "district = @district" },          /* unbound */
    { "ijzp-q8t2", "district = '005" },               /* open quote */
    { "ijzp-q8t2", "district = 'it''s" },             /* doubled quote, still open */
    { "ijzp-q8t2", "(year = 2024" },                  /* open parenthesis */
    { "ijzp-q8t2", "year = 2024)" },
    { "ijzp-q8t2", "a = 1) OR (b = 2" },              /* balanced overall, not alone */
    { "ijzp-q8t2", "`district = 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensSoql) soql = lens_soql_new (cases[i].id);
      g_autoptr(GError) error = NULL;

      if (cases[i].where)
        lens_soql_add_where (soql, cases[i].where);
      g_assert_false (lens_soql_validate (soql, &error));
      g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
    }

  /* The 4x4 rule on its own */
  {
    const char *ids[] = { "ijzp-q8t2", "6zsd-86xi", "0000-0000", "zzzz-zzzz" };
    const char *not_ids[] = { "IJZP-Q8T2", "ijzp-Q8t2", "ijzp-q8t", "ijzpq8t2x", "ijzp_q8t2",
                              "ijzp-q8t2x", " ijzp-q8t", "ijz\xc3\xa9-q8t2", "ijzp/q8t2", "", "../../etc" };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      g_assert_true (lens_soql_is_dataset_id (ids[i]));
    for (guint i = 0; i < G_N_ELEMENTS (not_ids); i++)
      g_assert_false (lens_soql_is_dataset_id (not_ids[i]));
    g_assert_false (lens_soql_is_dataset_id (NULL));
  }

  /* Each clause is checked, not only $where */
  {
    const char *bad = "count(*";
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
        g_autoptr(GError) error = NULL;

        switch (i)
          {
          case 0: lens_soql_set_select (soql, bad); break;
          case 1: lens_soql_set_group (soql, bad); break;
          case 2: lens_soql_set_having (soql, bad); break;
          default: lens_soql_set_order (soql, bad); break;
          }
        g_assert_false (lens_soql_validate (soql, &error));
        g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
      }
  }

  /* Invalid UTF-8 and invalid dates */
  {
    g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
    g_autoptr(GError) error = NULL;

    lens_soql_add_where (soql, "block = @b");
    lens_soql_bind_text (soql, "b", "\xff\xfe");
    g_assert_false (lens_soql_validate (soql, &error));
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  }
  {
    g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");
    g_autoptr(GError) error = NULL;
    GDate date;

    g_date_clear (&date, 1);
    lens_soql_add_where (soql, "date > @d");
    lens_soql_bind_date (soql, "d", &date);
    g_assert_false (lens_soql_validate (soql, &error));
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  }

  /* Rebinding a bad value with a good one makes it valid */
  {
    g_autoptr(LensSoql) soql = lens_soql_new ("ijzp-q8t2");

    lens_soql_add_where (soql, "x = @n");
    lens_soql_bind_number (soql, "n", INFINITY);
    g_assert_false (lens_soql_validate (soql, NULL));
    lens_soql_bind_number (soql, "n", 3);
    g_assert_true (lens_soql_validate (soql, NULL));
  }
}

static void
test_soql_encoding (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("mft5-nfa8");
  g_autofree char *query = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *value = "Ä ünïcødé + 100% & more = #1; a/b?c \"x\" <y> {z} [w] |v| \\u ~_-.";

  lens_soql_add_where (soql, "current_category = @c");
  lens_soql_bind_text (soql, "c", value);
  query = lens_soql_to_query_string (soql);

  /* Only unreserved characters and the fixed allowed set stay literal */
  for (const char *p = query; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~!'()*,:@/%$=&", *p) != NULL);

  where = decoded_param (query, "$where");
  {
    g_autofree char *expected_lit = lens_soql_quote_text (value);
    g_autofree char *expected = g_strdup_printf ("(current_category = %s)", expected_lit);
    g_assert_cmpstr (where, ==, expected);
  }

  /* The URL parses as a URL, with the query intact */
  url = lens_soql_to_url (soql, "http://127.0.0.1:8080");
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/resource/mft5-nfa8.json");
  g_assert_cmpstr (g_uri_get_query (uri), ==, query);

  /* Canonical: the same query built twice, or copied, gives the same key */
  {
    g_autoptr(LensSoql) again = lens_soql_new ("mft5-nfa8");
    g_autoptr(LensSoql) copy = lens_soql_copy (soql);
    g_autofree char *url2 = NULL;
    g_autofree char *url3 = NULL;

    lens_soql_bind_text (again, "c", value);
    lens_soql_add_where (again, "current_category = @c");
    url2 = lens_soql_to_url (again, "http://127.0.0.1:8080/");
    url3 = lens_soql_to_url (copy, "http://127.0.0.1:8080");
    g_assert_cmpstr (url, ==, url2);
    g_assert_cmpstr (url, ==, url3);
  }
}

static void
test_soql_copy_refcount (void)
{
  g_autoptr(LensSoql) soql = lens_soql_new ("dpt3-jri9");
  g_autoptr(LensSoql) copy = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *q3 = NULL;
  LensSoql *ref;
  GValue value = G_VALUE_INIT;

  lens_soql_set_select (soql, "date_trunc_ym(arrest_date) AS month, count(*) AS n");
  lens_soql_add_where (soql, "race = @race");
  lens_soql_bind_text (soql, "race", "WHITE");
  lens_soql_set_group (soql, "month");
  lens_soql_set_having (soql, "n > @min");
  lens_soql_bind_number (soql, "min", 3);
  lens_soql_set_order (soql, "month");
  lens_soql_set_limit (soql, 50000);
  lens_soql_set_offset (soql, 100);

  copy = lens_soql_copy (soql);
  q1 = lens_soql_to_query_string (soql);
  q2 = lens_soql_to_query_string (copy);
  g_assert_cmpstr (q1, ==, q2);

  /* The copy is independent */
  lens_soql_bind_text (copy, "race", "BLACK");
  lens_soql_add_where (copy, "year > 2020");
  q3 = lens_soql_to_query_string (soql);
  g_assert_cmpstr (q1, ==, q3);

  ref = lens_soql_ref (soql);
  g_assert_true (ref == soql);
  lens_soql_unref (ref);

  /* Boxed type */
  g_assert_true (G_TYPE_IS_BOXED (LENS_TYPE_SOQL));
  g_value_init (&value, LENS_TYPE_SOQL);
  g_value_set_boxed (&value, soql);
  g_assert_true (g_value_get_boxed (&value) == soql);
  g_value_unset (&value);
}

static LensSoql *
query_with (const char *select,
            const char *group,
            const char *having,
            const char *order)
{
  LensSoql *soql = lens_soql_new ("ijzp-q8t2");

  lens_soql_set_select (soql, select);
  lens_soql_set_group (soql, group);
  lens_soql_set_having (soql, having);
  lens_soql_set_order (soql, order);
  return soql;
}

/* The portal's analyzer: $group or $having, or an aggregate in $select or $order, groups. */
static void
test_soql_shape (void)
{
  static const struct {
    const char    *select;
    const char    *group;
    const char    *having;
    const char    *order;
    LensSoqlShape  shape;
  } cases[] = {
    { NULL, NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
    { "id, date, primary_type", NULL, NULL, "date DESC", LENS_SOQL_SHAPE_ROWS },
    { "count(*) AS value", NULL, NULL, NULL, LENS_SOQL_SHAPE_AGGREGATE },
    { "COUNT (*) AS value", NULL, NULL, NULL, LENS_SOQL_SHAPE_AGGREGATE },
    { "sum(case(arrest = true, 1, true, 0)) AS arrests", NULL, NULL, NULL, LENS_SOQL_SHAPE_AGGREGATE },
    { "max(date) AS latest", NULL, NULL, NULL, LENS_SOQL_SHAPE_AGGREGATE },
    { "district", NULL, NULL, "count(*) DESC", LENS_SOQL_SHAPE_AGGREGATE },
    { "district", NULL, "district = '005'", NULL, LENS_SOQL_SHAPE_AGGREGATE },
    { "date_extract_y(date) AS label, count(*) AS value", "label", NULL, "label", LENS_SOQL_SHAPE_GROUPED },
    { "district", "district", NULL, NULL, LENS_SOQL_SHAPE_GROUPED },
    /* Not calls of an aggregate: a literal, a column named like one, a window. */
    { "'count(*)' AS text, id", NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
    { "counts, summary, max_value", NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
    { "id, count(*) OVER (PARTITION BY district) AS n", NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
    { "`count`(id)", NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
    { ":@computed_region_d9mm_jgwp, :id", NULL, NULL, NULL, LENS_SOQL_SHAPE_ROWS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensSoql) soql = query_with (cases[i].select, cases[i].group,
                                             cases[i].having, cases[i].order);

      if (lens_soql_get_shape (soql) != cases[i].shape)
        g_error ("$select=%s $group=%s $having=%s $order=%s: shape %d, not %d",
                 cases[i].select, cases[i].group, cases[i].having, cases[i].order,
                 lens_soql_get_shape (soql), cases[i].shape);
    }
}

static char *
page_param (LensSoql   *page,
            const char *key)
{
  g_autofree char *query = lens_soql_to_query_string (page);

  return decoded_param (query, key);
}

/* A page's $order: :id only for rows, group expressions for groups, nothing for one row. */
static void
test_soql_page (void)
{
  static const struct {
    const char *select;
    const char *group;
    const char *order;
    const char *page_order;
  } cases[] = {
    { "id, date", NULL, NULL, ":id" },
    { "id, date", NULL, "date DESC", "date DESC, :id" },
    { "id, date", NULL, ":id DESC", ":id DESC" },
    { "date_extract_y(date) AS label, count(*) AS value", "label", NULL, "label" },
    { "date_extract_y(date) AS label, count(*) AS value", "label", "label", "label" },
    { "primary_type AS label, count(*) AS value", "label", "value DESC, label", "value DESC, label" },
    { "primary_type AS label, count(*) AS value", "label", "value DESC", "value DESC, label" },
    { "beat, current_category AS label, count(*) AS value", "beat, label", "beat, label", "beat, label" },
    { "beat, current_category AS label, count(*) AS value", "beat, label", "label desc", "label desc, beat" },
    { "date_trunc_ym(date) AS m, count(*) AS n", "date_trunc_ym(date)", "n", "n, date_trunc_ym(date)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensSoql) soql = query_with (cases[i].select, cases[i].group, NULL, cases[i].order);
      g_autoptr(LensSoql) page = lens_soql_dup_page (soql, 100, 50);
      g_autofree char *order = page_param (page, "$order");
      g_autofree char *limit = page_param (page, "$limit");
      g_autofree char *offset = page_param (page, "$offset");

      g_assert_cmpstr (order, ==, cases[i].page_order);
      g_assert_cmpstr (limit, ==, "50");
      g_assert_cmpstr (offset, ==, "100");
      /* The query itself is left as it was. */
      g_assert_cmpstr (lens_soql_get_order (soql), ==, cases[i].order);
    }

  /* The first page has no $offset. */
  {
    g_autoptr(LensSoql) soql = query_with ("id", NULL, NULL, NULL);
    g_autoptr(LensSoql) page = lens_soql_dup_page (soql, 0, 1000);
    g_autofree char *query = lens_soql_to_query_string (page);

    g_assert_cmpstr (query, ==, "$select=id&$order=:id&$limit=1000");
  }

  /* One row: no page at all, so no $order, which the portal would refuse. */
  {
    g_autoptr(LensSoql) soql = query_with ("count(*) AS value", NULL, NULL, NULL);

    lens_soql_add_where (soql, "date >= '2026-01-01T00:00:00'");
    g_assert_null (lens_soql_dup_page (soql, 0, 1000));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soql/basic", test_soql_basic);
  g_test_add_func ("/soql/clause-order", test_soql_all_clauses_order);
  g_test_add_func ("/soql/where-joined", test_soql_where_joined);
  g_test_add_func ("/soql/quote-text", test_soql_quote_text);
  g_test_add_func ("/soql/injection", test_soql_injection);
  g_test_add_func ("/soql/params-in-literals", test_soql_params_in_literals);
  g_test_add_func ("/soql/numbers", test_soql_numbers);
  g_test_add_func ("/soql/number-locale", test_soql_number_locale);
  g_test_add_func ("/soql/invalid", test_soql_invalid);
  g_test_add_func ("/soql/encoding", test_soql_encoding);
  g_test_add_func ("/soql/copy-refcount", test_soql_copy_refcount);
  g_test_add_func ("/soql/shape", test_soql_shape);
  g_test_add_func ("/soql/page", test_soql_page);

  return g_test_run ();
}
