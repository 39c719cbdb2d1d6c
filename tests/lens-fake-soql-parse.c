/* lens-fake-soql-parse.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-fake-soql"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lens-fake-soql-private.h"

/* SoQL's lexer and expression grammar, as far as the fake portal's model goes: clauses become
 * expression trees (Node) in the check's arena. What it cannot read it gives up on, with the
 * reason, and the query is then not judged. */

void
fake_soql_node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_free (node->text);
  g_clear_pointer (&node->args, g_ptr_array_unref);
  g_free (node);
}

void
fake_soql_item_free (gpointer data)
{
  Item *item = data;

  g_free (item->alias);
  g_free (item);
}

Node *
fake_soql_node_new (Check      *c,
          NodeKind    kind,
          const char *clause,
          guint       position)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->clause = clause;
  node->position = position;
  g_ptr_array_add (c->nodes, node);

  return node;
}

Node *
fake_soql_call_new (Check      *c,
          const char *name,
          const char *clause,
          guint       position)
{
  Node *node = fake_soql_node_new (c, NODE_CALL, clause, position);

  node->name = g_strdup (name);
  node->args = g_ptr_array_new ();
  return node;
}

/* The lexer */

typedef enum
{
  TOK_END,
  TOK_NAME,
  TOK_NUMBER,
  TOK_STRING,
  TOK_SYMBOL,
} TokenKind;

typedef struct
{
  TokenKind kind;
  char     *text;      /* a name, the value of a string, a number, a symbol */
  gboolean  quoted;    /* `name`: never a keyword */
  guint     position;
} Token;

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->text);
}

static gboolean
is_name_start (char ch)
{
  return g_ascii_isalpha (ch) || ch == '_';
}

static gboolean
is_name_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '_';
}

/* FALSE (and the reason) for text this lexer cannot read. */
static gboolean
tokenize (const char  *clause,
          GArray      *tokens,
          const char **why)
{
  static const char * const symbols[] = { "<>", "!=", "<=", ">=", "==", "||", "::", ":*",
                                          "(", ")", ",", "*", "=", "<", ">", "+", "-", "/",
                                          "%", ".", "[", "]", NULL };
  const char *p = clause;

  while (TRUE)
    {
      Token token = { 0 };

      while (g_ascii_isspace (*p))
        p++;
      token.position = p - clause + 1;

      if (*p == '\0')
        {
          token.kind = TOK_END;
          g_array_append_val (tokens, token);
          return TRUE;
        }

      if (is_name_start (*p) || (*p == ':' && (is_name_start (p[1]) || p[1] == '@')))
        {
          const char *start = p;

          p++;
          if (*p == '@')
            p++;
          while (is_name_char (*p))
            p++;
          token.kind = TOK_NAME;
          token.text = g_strndup (start, p - start);
        }
      else if (*p == '`')
        {
          const char *end = strchr (p + 1, '`');

          if (end == NULL)
            {
              *why = "an unterminated quoted name";
              return FALSE;
            }
          token.kind = TOK_NAME;
          token.quoted = TRUE;
          token.text = g_strndup (p + 1, end - p - 1);
          p = end + 1;
        }
      else if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
        {
          const char *start = p;

          while (g_ascii_isdigit (*p) || *p == '.')
            p++;
          if ((*p == 'e' || *p == 'E') &&
              (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
            {
              p += 2;
              while (g_ascii_isdigit (*p))
                p++;
            }
          token.kind = TOK_NUMBER;
          token.text = g_strndup (start, p - start);
        }
      else if (*p == '\'' || *p == '"')
        {
          GString *value = g_string_new (NULL);
          char quote = *p++;

          for (;; p++)
            {
              if (*p == '\0')
                {
                  g_string_free (value, TRUE);
                  *why = "an unterminated string";
                  return FALSE;
                }
              if (*p == quote)
                {
                  if (p[1] != quote)
                    break;
                  p++;
                }
              g_string_append_c (value, *p);
            }
          p++;
          token.kind = TOK_STRING;
          token.text = g_string_free (value, FALSE);
        }
      else
        {
          for (guint i = 0; symbols[i] != NULL && token.text == NULL; i++)
            if (g_str_has_prefix (p, symbols[i]))
              {
                token.kind = TOK_SYMBOL;
                token.text = g_strdup (symbols[i]);
                p += strlen (symbols[i]);
              }
          if (token.text == NULL)
            {
              *why = "a character it does not know";
              return FALSE;
            }
        }

      g_array_append_val (tokens, token);
    }
}

/* The parser: SoQL's expression grammar, as far as this model goes */

typedef struct
{
  Check      *c;
  GArray     *tokens;
  guint       pos;
  const char *clause;
  const char *why;      /* set when the parser gives up */
} Parser;

static const Token *
peek (Parser *p)
{
  return &g_array_index (p->tokens, Token, p->pos);
}

static const Token *
peek_at (Parser *p,
         guint   ahead)
{
  guint i = MIN (p->pos + ahead, p->tokens->len - 1);

  return &g_array_index (p->tokens, Token, i);
}

static const Token *
advance (Parser *p)
{
  const Token *token = peek (p);

  if (token->kind != TOK_END)
    p->pos++;
  return token;
}

static gboolean
token_is_symbol (const Token *token,
                 const char  *symbol)
{
  return token->kind == TOK_SYMBOL && g_str_equal (token->text, symbol);
}

static gboolean
token_is_keyword (const Token *token,
                  const char  *keyword)
{
  return token->kind == TOK_NAME && !token->quoted && g_ascii_strcasecmp (token->text, keyword) == 0;
}

static gboolean
accept_symbol (Parser     *p,
               const char *symbol)
{
  if (!token_is_symbol (peek (p), symbol))
    return FALSE;
  advance (p);
  return TRUE;
}

static gboolean
accept_keyword (Parser     *p,
                const char *keyword)
{
  if (!token_is_keyword (peek (p), keyword))
    return FALSE;
  advance (p);
  return TRUE;
}

static Node *
give_up (Parser     *p,
         const char *why)
{
  if (p->why == NULL)
    p->why = why;
  return NULL;
}

static const char * const reserved[] = {
  "and", "or", "not", "is", "null", "true", "false", "as", "asc", "desc", "between", "in",
  "like", "nulls", "first", "last", "over", "distinct", "select", "where", "group", "having",
  "order", "limit", "offset", NULL
};

static gboolean
is_reserved (const Token *token)
{
  for (guint i = 0; reserved[i] != NULL; i++)
    if (token_is_keyword (token, reserved[i]))
      return TRUE;
  return FALSE;
}

static Node *parse_expr (Parser *p);

static Node *
binary (Parser     *p,
        const char *op,
        Node       *left,
        Node       *right,
        guint       position)
{
  Node *call;

  if (left == NULL || right == NULL)
    return NULL;

  call = fake_soql_call_new (p->c, op, p->clause, position);
  g_ptr_array_add (call->args, left);
  g_ptr_array_add (call->args, right);
  return call;
}

static Node *
parse_call (Parser      *p,
            const Token *name)
{
  g_autofree char *function = g_ascii_strdown (name->text, -1);
  Node *call = fake_soql_call_new (p->c, function, p->clause, name->position);

  advance (p);   /* the name */
  advance (p);   /* ( */
  if (token_is_symbol (peek (p), "*") && token_is_symbol (peek_at (p, 1), ")"))
    {
      const Token *star = advance (p);

      g_ptr_array_add (call->args, fake_soql_node_new (p->c, NODE_STAR, p->clause, star->position));
    }
  else if (!token_is_symbol (peek (p), ")"))
    {
      if (token_is_keyword (peek (p), "distinct"))
        return give_up (p, "DISTINCT inside a call");
      do
        {
          Node *arg = parse_expr (p);

          if (arg == NULL)
            return NULL;
          g_ptr_array_add (call->args, arg);
        }
      while (accept_symbol (p, ","));
    }

  if (!accept_symbol (p, ")"))
    return give_up (p, "a call it cannot read");
  if (token_is_keyword (peek (p), "over"))
    return give_up (p, "a window function");

  return call;
}

static Node *
parse_atom (Parser *p)
{
  const Token *token = peek (p);
  Node *node;

  if (token->kind == TOK_NUMBER || token->kind == TOK_STRING)
    {
      node = fake_soql_node_new (p->c, token->kind == TOK_NUMBER ? NODE_NUMBER : NODE_STRING,
                       p->clause, token->position);
      node->text = g_strdup (token->text);
      advance (p);
      return node;
    }

  if (token_is_keyword (token, "true") || token_is_keyword (token, "false"))
    {
      node = fake_soql_node_new (p->c, NODE_BOOLEAN, p->clause, token->position);
      node->text = g_ascii_strdown (token->text, -1);
      advance (p);
      return node;
    }

  if (token_is_keyword (token, "null"))
    {
      advance (p);
      return fake_soql_node_new (p->c, NODE_NULL, p->clause, token->position);
    }

  if (token_is_symbol (token, "("))
    {
      advance (p);
      node = parse_expr (p);
      if (node != NULL && !accept_symbol (p, ")"))
        return give_up (p, "unbalanced parentheses");
      return node;
    }

  if (token->kind == TOK_NAME && (token->quoted || !is_reserved (token)))
    {
      if (!token->quoted && token_is_symbol (peek_at (p, 1), "("))
        return parse_call (p, token);

      node = fake_soql_node_new (p->c, NODE_COLUMN, p->clause, token->position);
      node->name = g_strdup (token->text);
      advance (p);
      return node;
    }

  return give_up (p, "an expression it cannot read");
}

static Node *
parse_postfix (Parser *p)
{
  Node *node = parse_atom (p);

  if (node != NULL && (token_is_symbol (peek (p), "::") || token_is_symbol (peek (p), ".") ||
                       token_is_symbol (peek (p), "[")))
    return give_up (p, "a cast or a subscript");
  return node;
}

static Node *
parse_unary (Parser *p)
{
  const Token *token = peek (p);

  if (token_is_symbol (token, "-") || token_is_symbol (token, "+"))
    {
      guint position = token->position;
      g_autofree char *op = g_strdup (token->text);
      Node *operand, *call;

      advance (p);
      if ((operand = parse_unary (p)) == NULL)
        return NULL;
      call = fake_soql_call_new (p->c, op, p->clause, position);
      g_ptr_array_add (call->args, operand);
      return call;
    }

  return parse_postfix (p);
}

static Node *
parse_factor (Parser *p)
{
  Node *node = parse_unary (p);

  while (node != NULL && (token_is_symbol (peek (p), "*") || token_is_symbol (peek (p), "/") ||
                          token_is_symbol (peek (p), "%")))
    {
      const Token *op = advance (p);

      node = binary (p, op->text, node, parse_unary (p), op->position);
    }
  return node;
}

static Node *
parse_term (Parser *p)
{
  Node *node = parse_factor (p);

  while (node != NULL && (token_is_symbol (peek (p), "+") || token_is_symbol (peek (p), "-")))
    {
      const Token *op = advance (p);

      node = binary (p, op->text, node, parse_factor (p), op->position);
    }
  return node;
}

static Node *
parse_concat (Parser *p)
{
  Node *node = parse_term (p);

  while (node != NULL && token_is_symbol (peek (p), "||"))
    {
      const Token *op = advance (p);

      node = binary (p, op->text, node, parse_term (p), op->position);
    }
  return node;
}

static Node *
parse_comparison (Parser *p)
{
  static const char * const ops[] = { "=", "==", "!=", "<>", "<", "<=", ">", ">=", NULL };
  Node *node = parse_concat (p);

  for (guint i = 0; node != NULL && ops[i] != NULL; i++)
    if (token_is_symbol (peek (p), ops[i]))
      {
        const Token *op = advance (p);

        return binary (p, op->text, node, parse_concat (p), op->position);
      }

  return node;
}

/* x IS [NOT] NULL, x [NOT] BETWEEN a AND b, x [NOT] IN (a, ...), x [NOT] LIKE y */
static Node *
parse_predicate (Parser *p)
{
  Node *node = parse_comparison (p);
  gboolean negated = FALSE;
  guint position;
  Node *call;

  if (node == NULL)
    return NULL;

  position = peek (p)->position;
  if (accept_keyword (p, "is"))
    {
      negated = accept_keyword (p, "not");
      if (!accept_keyword (p, "null"))
        return give_up (p, "IS without NULL");
      call = fake_soql_call_new (p->c, negated ? "is not null" : "is null", p->clause, position);
      g_ptr_array_add (call->args, node);
      return call;
    }

  if (token_is_keyword (peek (p), "not") &&
      (token_is_keyword (peek_at (p, 1), "between") || token_is_keyword (peek_at (p, 1), "in") ||
       token_is_keyword (peek_at (p, 1), "like")))
    {
      advance (p);
      negated = TRUE;
    }

  if (accept_keyword (p, "between"))
    {
      Node *low, *high;

      call = fake_soql_call_new (p->c, negated ? "not between" : "between", p->clause, position);
      g_ptr_array_add (call->args, node);
      if ((low = parse_comparison (p)) == NULL)
        return NULL;
      if (!accept_keyword (p, "and"))
        return give_up (p, "BETWEEN without AND");
      if ((high = parse_comparison (p)) == NULL)
        return NULL;
      g_ptr_array_add (call->args, low);
      g_ptr_array_add (call->args, high);
      return call;
    }

  if (accept_keyword (p, "in"))
    {
      call = fake_soql_call_new (p->c, negated ? "not in" : "in", p->clause, position);
      g_ptr_array_add (call->args, node);
      if (!accept_symbol (p, "("))
        return give_up (p, "IN without a list");
      do
        {
          Node *value = parse_expr (p);

          if (value == NULL)
            return NULL;
          g_ptr_array_add (call->args, value);
        }
      while (accept_symbol (p, ","));
      if (!accept_symbol (p, ")"))
        return give_up (p, "unbalanced parentheses");
      return call;
    }

  if (accept_keyword (p, "like"))
    return binary (p, negated ? "not like" : "like", node, parse_comparison (p), position);

  if (negated)
    return give_up (p, "NOT where it cannot read it");

  return node;
}

static Node *
parse_not (Parser *p)
{
  const Token *token = peek (p);

  if (token_is_keyword (token, "not"))
    {
      guint position = token->position;
      Node *operand, *call;

      advance (p);
      if ((operand = parse_not (p)) == NULL)
        return NULL;
      call = fake_soql_call_new (p->c, "not", p->clause, position);
      g_ptr_array_add (call->args, operand);
      return call;
    }

  return parse_predicate (p);
}

static Node *
parse_and (Parser *p)
{
  Node *node = parse_not (p);

  while (node != NULL && token_is_keyword (peek (p), "and"))
    {
      guint position = advance (p)->position;

      node = binary (p, "and", node, parse_not (p), position);
    }
  return node;
}

static Node *
parse_expr (Parser *p)
{
  Node *node = parse_and (p);

  while (node != NULL && token_is_keyword (peek (p), "or"))
    {
      guint position = advance (p)->position;

      node = binary (p, "or", node, parse_and (p), position);
    }
  return node;
}

/* Reads one clause into @c. FALSE when this model cannot read it. */
gboolean
fake_soql_parse_clause (Check       *c,
              const char  *clause,
              ClauseKind   kind,
              Node       **expr)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  Parser p = { c, tokens, 0, clause, NULL };

  g_array_set_clear_func (tokens, token_clear);
  if (!tokenize (clause, tokens, &p.why))
    {
      fake_soql_cannot_judge (c, clause, p.why);
      return FALSE;
    }

  if (kind == CLAUSE_EXPRESSION)
    *expr = parse_expr (&p);
  else
    do
      {
        const Token *token = peek (&p);
        Node *node;

        if (kind == CLAUSE_SELECT && (token_is_symbol (token, "*") || token_is_symbol (token, ":*")))
          {
            if (token_is_symbol (token, ":*"))
              {
                give_up (&p, "the system fields' star");
                break;
              }
            /* Every field, as columns of the query. */
            for (const LensFakeField *f = c->fields; f->name != NULL; f++)
              {
                Item *item;

                if (f->name[0] == ':')
                  continue;
                item = g_new0 (Item, 1);
                item->expr = fake_soql_node_new (c, NODE_COLUMN, clause, token->position);
                item->expr->name = g_strdup (f->name);
                g_ptr_array_add (c->items, item);
              }
            advance (&p);
            continue;
          }

        if ((node = parse_expr (&p)) == NULL)
          {
            give_up (&p, "an expression it cannot read");
            break;
          }

        if (kind == CLAUSE_SELECT)
          {
            Item *item = g_new0 (Item, 1);

            item->expr = node;
            g_ptr_array_add (c->items, item);
            if (accept_keyword (&p, "as"))
              {
                const Token *alias = peek (&p);

                if (alias->kind != TOK_NAME || (!alias->quoted && is_reserved (alias)))
                  {
                    give_up (&p, "an alias it cannot read");
                    break;
                  }
                item->alias = g_strdup (alias->text);
                advance (&p);
              }
          }
        else if (kind == CLAUSE_GROUP)
          g_ptr_array_add (c->groups, node);
        else
          {
            g_ptr_array_add (c->orders, node);
            if (!accept_keyword (&p, "asc"))
              accept_keyword (&p, "desc");
            if (accept_keyword (&p, "null") || accept_keyword (&p, "nulls"))
              {
                if (!accept_keyword (&p, "first") && !accept_keyword (&p, "last"))
                  give_up (&p, "NULL without FIRST or LAST");
              }
          }
      }
    while (p.why == NULL && accept_symbol (&p, ","));

  if (p.why == NULL && peek (&p)->kind != TOK_END)
    give_up (&p, "more than it can read");
  if (p.why != NULL)
    {
      fake_soql_cannot_judge (c, clause, p.why);
      return FALSE;
    }

  return TRUE;
}

