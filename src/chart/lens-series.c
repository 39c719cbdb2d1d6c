/* lens-series.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-series"

#include "config.h"

#include <math.h>

#include "lens-series.h"

typedef struct
{
  char   *name;
  GArray *values; /* double, one per label */
} Vector;

struct _LensSeries
{
  gatomicrefcount ref_count;
  GPtrArray      *labels;   /* char* */
  GArray         *partial;  /* gboolean, one per label */
  GArray         *vectors;  /* Vector */
  char           *unit;
  gboolean        percent;
  gboolean        as_published;
  guint           divider;  /* 0: none */
  char           *divider_before;
  char           *divider_after;
  guint           highlight;  /* label + 1; 0: none */
  LensSeries     *counts;   /* the numbers an index or a share was computed from */
  LensCompareAs   compare_as;
};

G_DEFINE_BOXED_TYPE (LensSeries, lens_series, lens_series_ref, lens_series_unref)

static void
vector_clear (gpointer data)
{
  Vector *vector = data;

  g_clear_pointer (&vector->name, g_free);
  g_clear_pointer (&vector->values, g_array_unref);
}

LensSeries *
lens_series_new (void)
{
  LensSeries *self = g_new0 (LensSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->partial = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->vectors = g_array_new (FALSE, TRUE, sizeof (Vector));
  g_array_set_clear_func (self->vectors, vector_clear);

  return self;
}

LensSeries *
lens_series_ref (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lens_series_unref (LensSeries *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->labels);
      g_array_unref (self->partial);
      g_array_unref (self->vectors);
      g_free (self->unit);
      g_free (self->divider_before);
      g_free (self->divider_after);
      g_clear_pointer (&self->counts, lens_series_unref);
      g_free (self);
    }
}

guint
lens_series_add_label (LensSeries *self,
                       const char *label)
{
  gboolean no = FALSE;
  double missing = NAN;

  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->labels, g_strdup (label ? label : ""));
  g_array_append_val (self->partial, no);

  for (guint i = 0; i < self->vectors->len; i++)
    g_array_append_val (g_array_index (self->vectors, Vector, i).values, missing);

  return self->labels->len - 1;
}

guint
lens_series_add_vector (LensSeries *self,
                        const char *name)
{
  Vector vector;
  double missing = NAN;

  g_return_val_if_fail (self != NULL, 0);

  vector.name = g_strdup (name ? name : "");
  vector.values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->labels->len);
  for (guint i = 0; i < self->labels->len; i++)
    g_array_append_val (vector.values, missing);

  g_array_append_val (self->vectors, vector);

  return self->vectors->len - 1;
}

void
lens_series_set_value (LensSeries *self,
                       guint       vector,
                       guint       label,
                       double      value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (vector < self->vectors->len);
  g_return_if_fail (label < self->labels->len);

  g_array_index (g_array_index (self->vectors, Vector, vector).values, double, label) = value;
}

void
lens_series_set_partial (LensSeries *self,
                         guint       label,
                         gboolean    partial)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label < self->labels->len);

  g_array_index (self->partial, gboolean, label) = !!partial;
}

void
lens_series_set_unit (LensSeries *self,
                      const char *unit)
{
  g_return_if_fail (self != NULL);

  g_free (self->unit);
  self->unit = g_strdup (unit);
}

void
lens_series_set_percent (LensSeries *self,
                         gboolean    percent)
{
  g_return_if_fail (self != NULL);

  self->percent = !!percent;
}

void
lens_series_set_as_published (LensSeries *self,
                              gboolean    as_published)
{
  g_return_if_fail (self != NULL);

  self->as_published = !!as_published;
}

void
lens_series_set_counts (LensSeries    *self,
                        LensSeries    *counts,
                        LensCompareAs  compare_as)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (counts == NULL || counts->labels->len == self->labels->len);
  g_return_if_fail (counts != self);

  if (counts != NULL)
    lens_series_ref (counts);
  g_clear_pointer (&self->counts, lens_series_unref);
  self->counts = counts;
  self->compare_as = counts != NULL ? compare_as : LENS_COMPARE_AS_COUNTS;
}

LensSeries *
lens_series_get_counts (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->counts;
}

LensCompareAs
lens_series_get_compare_as (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, LENS_COMPARE_AS_COUNTS);
  return self->compare_as;
}

guint
lens_series_get_n_labels (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

guint
lens_series_get_n_vectors (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->vectors->len;
}

const char *
lens_series_get_label (LensSeries *self,
                       guint       label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, label);
}

const char *
lens_series_get_vector_name (LensSeries *self,
                             guint       vector)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (vector < self->vectors->len, NULL);

  return g_array_index (self->vectors, Vector, vector).name;
}

double
lens_series_get_value (LensSeries *self,
                       guint       vector,
                       guint       label)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (vector < self->vectors->len, NAN);
  g_return_val_if_fail (label < self->labels->len, NAN);

  return g_array_index (g_array_index (self->vectors, Vector, vector).values, double, label);
}

gboolean
lens_series_get_partial (LensSeries *self,
                         guint       label)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (label < self->labels->len, FALSE);

  return g_array_index (self->partial, gboolean, label);
}

const char *
lens_series_get_unit (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unit;
}

gboolean
lens_series_get_percent (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->percent;
}

gboolean
lens_series_get_as_published (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->as_published;
}

gboolean
lens_series_get_max (LensSeries *self,
                     double     *max)
{
  gboolean found = FALSE;
  double best = -INFINITY;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint v = 0; v < self->vectors->len; v++)
    {
      GArray *values = g_array_index (self->vectors, Vector, v).values;

      for (guint i = 0; i < values->len; i++)
        {
          double value = g_array_index (values, double, i);

          if (isfinite (value) && value > best)
            {
              best = value;
              found = TRUE;
            }
        }
    }

  if (max != NULL)
    *max = found ? best : 0.0;

  return found;
}

gboolean
lens_series_get_min (LensSeries *self,
                     double     *min)
{
  gboolean found = FALSE;
  double best = INFINITY;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint v = 0; v < self->vectors->len; v++)
    {
      GArray *values = g_array_index (self->vectors, Vector, v).values;

      for (guint i = 0; i < values->len; i++)
        {
          double value = g_array_index (values, double, i);

          if (isfinite (value) && value < best)
            {
              best = value;
              found = TRUE;
            }
        }
    }

  if (min != NULL)
    *min = found ? best : 0.0;

  return found;
}

void
lens_series_set_divider (LensSeries *self,
                         guint       label,
                         const char *before,
                         const char *after)
{
  g_return_if_fail (self != NULL);

  self->divider = label;
  g_free (self->divider_before);
  g_free (self->divider_after);
  self->divider_before = label > 0 ? g_strdup (before) : NULL;
  self->divider_after = label > 0 ? g_strdup (after) : NULL;
}

guint
lens_series_get_divider (LensSeries  *self,
                         const char **before,
                         const char **after)
{
  g_return_val_if_fail (self != NULL, 0);

  if (before != NULL)
    *before = self->divider_before;
  if (after != NULL)
    *after = self->divider_after;

  /* a divider at or past the end has nothing after it */
  return self->divider < self->labels->len ? self->divider : 0;
}

void
lens_series_set_highlight (LensSeries *self,
                           guint       label)
{
  g_return_if_fail (self != NULL);

  self->highlight = label == G_MAXUINT ? 0 : label + 1;
}

guint
lens_series_get_highlight (LensSeries *self)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  return self->highlight > 0 && self->highlight <= self->labels->len ? self->highlight - 1 : G_MAXUINT;
}
