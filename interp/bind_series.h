/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The series functions that return several columns (series_decompose,
** series_decompose_anomalies, series_decompose_forecast, series_fit_line,
** series_fit_2lines, series_periods_detect, series_periods_validate,
** series_stats, series_fft, series_ifft, series_fit_poly) as extend / project / print items. See bind_series.c.
*/
#ifndef KQL_BIND_SERIES_H
#define KQL_BIND_SERIES_H
#include "bindInt.h"

/*
** pItem is 'f(...)', 'a = f(...)' or '(a, b, ...) = f(...)' with f one of
** those functions: writes one ASSIGN item per column of f to *papItem and
** returns their number; 0 when pItem is something else (or names more
** columns than f has: kqlSeriesMultiError reports that). eOp: the kind
** of the operator (KQL_AST_OP_EXTEND, KQL_AST_PRINT ...) the item is in.
*/
int kqlSeriesExpandMulti(Binder *p, const KqlAst *pItem, int eOp, KqlAst ***papItem);

/* eOp of those ASSIGN items whose name is a default one: like Kusto,
** extend / project then make it unique (f_x_min1) instead of replacing a
** column or failing on a duplicate. */
#define KQL_SERIES_AUTONAME 0x5eed

/* Report a '(a, b, ...) = f(...)' that kqlSeriesExpandMulti refused because
** of too many names; returns 1 when it did (0: not such an item). */
int kqlSeriesMultiError(Binder *p, const KqlAst *pItem);

#endif
