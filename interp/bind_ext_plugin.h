/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Internal interface of the evaluate plugins that live outside
** bind_ext_eval.c (which dispatches to them): bind_ext_plugin_geo.c
** (geo_polygon_lookup, geo_line_lookup), bind_ext_plugin_act.c (the user
** analytics plugins: active_users_count, activity_counts_metrics,
** activity_metrics, new_activity_metrics, sliding_window_counts) and
** bind_ext_plugin_misc.c (dcount_intersect, schema_merge, basket). Each returns a
** relation whose SQL is one SELECT over its input, or NULL when zName is
** not one of its plugins.
*/
#ifndef KQL_BIND_EXT_PLUGIN_H
#define KQL_BIND_EXT_PLUGIN_H
#include "bind_ext.h"

/* The argument named zName, or positional argument iPos (named ones skipped). */
const KqlAst *kqlPluginArg(const KqlAst *pCall, const char *zName, int iPos);
/* Number of positional (unnamed) arguments of pCall. */
int kqlPluginNArg(const KqlAst *pCall);
/* Append the columns of pR (read from alias zT) to the SELECT list s and to
** aOut[*pnOut..], each under a name unique in aOut; iSkip (or -1) is left
** out; with bCoalesce, string columns read coalesce(x, '') (the unmatched
** side of a left lookup: Kusto strings are never null). */
void kqlPluginAppendCols(Binder *p, KqlStr *s, const KqlRel *pR, const char *zT, int iSkip,
                         int bCoalesce, KqlCol *aOut, int *pnOut);

KqlRel *kqlPluginGeo(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName);
KqlRel *kqlPluginActivity(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName);
KqlRel *kqlPluginMisc(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName);
/* bind_ext_plugin_roll.c: rolling_percentile */
KqlRel *kqlPluginRolling(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName);
/* bind_ext_plugin_near.c: rows_near */
KqlRel *kqlPluginNear(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName);

#endif
