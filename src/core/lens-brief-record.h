/* lens-brief-record.h: the figures a saved brief printed, kept beside it so the next brief
 * can say what changed since
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-filters.h"

G_BEGIN_DECLS

#define LENS_BRIEF_RECORD_ERROR (lens_brief_record_error_quark ())

typedef enum
{
  LENS_BRIEF_RECORD_ERROR_NOT_FOUND,
  LENS_BRIEF_RECORD_ERROR_CORRUPT,
} LensBriefRecordError;

GQuark lens_brief_record_error_quark (void);

/* One chart's or table's numbers: its labels (x), then one vector of values per series
 * (NAN: no value), and which labels were partial (a period not yet over). */
typedef struct
{
  char       *id;        /* the catalogue chart id, or a table's id ("compstat-since") */
  char       *title;     /* as printed, in the brief's language */
  char       *dataset;   /* dataset id, or NULL */
  char       *unit;      /* lens-unit.h key, or NULL */
  GDateTime  *as_of;     /* the dataset's rowsUpdatedAt, or NULL */
  GStrv       labels;
  GArray     *partial;   /* gboolean, one per label */
  GStrv       vector_names;
  GPtrArray  *values;    /* GArray of double, one per vector, one value per label */
} LensBriefRecordFigures;

/* @partial may be NULL (none partial). */
LensBriefRecordFigures *lens_brief_record_figures_new   (const char         *id,
                                                         const char         *title,
                                                         const char         *dataset,
                                                         const char         *unit,
                                                         GDateTime          *as_of,
                                                         const char * const *labels,
                                                         const gboolean     *partial);
/* @values: one per label. */
void                    lens_brief_record_figures_add_vector (LensBriefRecordFigures *figures,
                                                              const char             *name,
                                                              const double           *values);
guint                   lens_brief_record_figures_get_n_labels (const LensBriefRecordFigures *figures);
double                  lens_brief_record_figures_get_value (const LensBriefRecordFigures *figures,
                                                             guint                         vector,
                                                             guint                         label);
void                    lens_brief_record_figures_free  (LensBriefRecordFigures *figures);

typedef struct
{
  GDateTime  *made;
  char       *portal;    /* the portal's base URL */
  LensFilters *filters;
  GHashTable *data_ends; /* dataset id -> GDate *: the last full day the data covered */
  GPtrArray  *charts;    /* LensBriefRecordFigures */
  GPtrArray  *tables;    /* LensBriefRecordFigures */
} LensBriefRecord;

LensBriefRecord *lens_brief_record_new          (const char        *portal,
                                                 LensFilters       *filters,
                                                 GDateTime         *made);
void             lens_brief_record_free         (LensBriefRecord   *record);

/* Take @figures. */
void             lens_brief_record_add_chart    (LensBriefRecord        *record,
                                                 LensBriefRecordFigures *figures);
void             lens_brief_record_add_table    (LensBriefRecord        *record,
                                                 LensBriefRecordFigures *figures);
void             lens_brief_record_set_data_end (LensBriefRecord   *record,
                                                 const char        *dataset,
                                                 const GDate       *last_full_day);
/* NULL when not recorded. */
const GDate     *lens_brief_record_get_data_end (LensBriefRecord   *record,
                                                 const char        *dataset);
const LensBriefRecordFigures *lens_brief_record_lookup_chart (LensBriefRecord *record,
                                                              const char      *id);

/* "<dir>/records/<name>.json": beside the saved brief <dir>/<name>.json, in a folder the
 * store's listing does not read. */
char            *lens_brief_record_dup_path     (const char        *dir,
                                                 const char        *name);

char            *lens_brief_record_to_data      (LensBriefRecord   *record);
LensBriefRecord *lens_brief_record_new_from_data (const char       *data,
                                                  GError          **error);
/* Written atomically (g_file_set_contents), the folder made when missing. */
gboolean         lens_brief_record_save         (LensBriefRecord   *record,
                                                 const char        *path,
                                                 GError           **error);
/* LENS_BRIEF_RECORD_ERROR_NOT_FOUND when there is none; LENS_BRIEF_RECORD_ERROR_CORRUPT with
 * a translated message naming the file when it cannot be read (the caller goes on as if
 * there were none and shows the message). Synchronous, small file. */
LensBriefRecord *lens_brief_record_load         (const char        *path,
                                                 GError           **error);

/* Keep a saved brief's record with it. Missing records are not an error. */
gboolean         lens_brief_record_rename       (const char        *dir,
                                                 const char        *name,
                                                 const char        *new_name,
                                                 GError           **error);
gboolean         lens_brief_record_delete       (const char        *dir,
                                                 const char        *name,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensBriefRecord, lens_brief_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensBriefRecordFigures, lens_brief_record_figures_free)

G_END_DECLS
