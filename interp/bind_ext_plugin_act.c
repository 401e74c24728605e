/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** evaluate: the user analytics plugins. All slice the timeline into bins
** Start, Start+Step, ... (bin = Start + floor((t - Start) / Step) * Step),
** read only rows with Start <= t <= End, and group by the optional
** dimension columns; the output starts with the timeline column(s), then
** the dimensions, then the metrics (the column order of Microsoft's
** binder). Steps given as 'week', 'month' or 'year' are not supported.
**   activity_counts_metrics(Id, T, Start, End, Step, dim...)  per bin:
**       count, dcount, new_dcount (ids not seen in an earlier bin),
**       aggregated_dcount (ids seen in this bin or an earlier one).
**   activity_metrics(Id, T, Start, End, Step, dim...)  per bin:
**       dcount_values, dcount_newvalues (ids not in the previous bin),
**       retention_rate = |bin ∩ previous| / |previous|, churn_rate = 1 -
**       retention_rate (NaN, shown empty, for the first bin).
**   new_activity_metrics(Id, T, Start, End, Step [, Cohort] [, dim...]
**       [, Lookback])  per cohort bin F (ids first seen in F; ids of the
**       Lookback table count as seen before) and bin T >= F up to End:
**       dcount_new_values (ids of T not seen up to F; the cohort when
**       T = F), dcount_retained_values, dcount_churn_values, and their
**       rates over the cohort size.
**   active_users_count(Id, T, Start, End, LookbackWindow, Period,
**       ActivePeriods, Bin, dim...)  per bin: dcount of ids with an
**       appearance t in the bin that is "active": the id appears in at
**       least ActivePeriods distinct Periods (bin(t', Period)) with
**       t - LookbackWindow < t' <= t (rows before Start count too).
**   sliding_window_counts(Id, T, Start, End, LookbackWindow, Bin, dim...)
**       per bin B: Count and Dcount of the rows whose bin b has
**       B - k*Bin < b <= B, k = floor(LookbackWindow / Bin).
*/
#include "bind_ext_plugin.h"
#include <string.h>

/* The pieces every analytics plugin binds. */
typedef struct Act Act;
struct Act {
  const char *zFn;      /* plugin name, for messages */
  const KqlAst *pCall;
  KqlRel *pIn;
  const char *zA;       /* alias of the input */
  const char *zId;      /* id SQL over zA */
  const char *zT;       /* timeline SQL over zA */
  int eT;               /* timeline type */
  const char *zTName;   /* timeline column name */
  const char *zS, *zE;  /* Start, End (SQL, timeline storage) */
  int nDim;
  const char **azDim;   /* dimension SQL over zA */
  KqlCol *aDim;         /* dimension names and types */
};

static int isNum(int t){
  return t==KQL_T_LONG || t==KQL_T_INT || t==KQL_T_REAL || t==KQL_T_DECIMAL;
}

/*
** A constant: a point of the timeline (bStep 0: same storage as the
** timeline) or a step (bStep 1: timespan for datetime timelines). SQL text,
** NULL after reporting an error.
*/
static const char *actConst(Binder *p, Act *a, const KqlAst *pArg, int bStep, const char *zWhat){
  if( pArg==0 ){
    kqlBindErr(p, a->pCall, "KQL229", "%s: missing %s", a->zFn, zWhat);
    return 0;
  }
  if( bStep && kqlExtConstText(p, pArg, 0) ){
    kqlBindErr(p, pArg, "KQL190", "not supported: evaluate %s with a '%s' step", a->zFn,
               kqlExtConstText(p, pArg, 0));
    return 0;
  }
  KqlExpr *e = kqlExtConst(p, pArg);
  if( e->bError ) return 0;
  int eWant = a->eT==KQL_T_DATETIME && bStep ? KQL_T_TIMESPAN : a->eT;
  int bOk = e->bConst && (e->eType==eWant || (isNum(eWant) && isNum(e->eType)));
  if( !bOk ){
    kqlBindErr(p, pArg, "KQL229", "%s: %s must be a constant %s, not %s", a->zFn, zWhat,
               kqlTypeName(eWant), kqlTypeName(e->eType));
    return 0;
  }
  return kqlExprAs(p, e, eWant==KQL_T_DECIMAL || eWant==KQL_T_INT ? KQL_T_LONG : eWant);
}

/* SQL for the bin of zX: zS + floor((zX - zS) / zW) * zW. */
static const char *binSql(Binder *p, const Act *a, const char *zX, const char *zS, const char *zW){
  if( a->eT==KQL_T_REAL || a->eT==KQL_T_DECIMAL ){
    return kqlArenaPrintf(p->pArena, "(%s + (CAST(((%s) - %s) / %s AS INTEGER) - "
                          "(((%s) - %s) / %s < CAST(((%s) - %s) / %s AS INTEGER))) * %s)",
                          zS, zX, zS, zW, zX, zS, zW, zX, zS, zW, zW);
  }
  return kqlArenaPrintf(p->pArena, "(%s + (((%s) - %s) / %s - (((%s) - %s) %% %s < 0)) * %s)",
                        zS, zX, zS, zW, zX, zS, zW, zW);
}

/*
** Bind the id, the timeline, Start and End (positions 2, 3 unless iStart<0)
** and the dimensions (positional arguments from iDim0, except those
** bFilter rejects). Returns 0 after reporting an error.
*/
static int actSetup(Binder *p, Act *a, KqlRel *pIn, const KqlAst *pCall, const char *zFn, int iDim0,
                    const unsigned char *abSkip){
  memset(a, 0, sizeof(*a));
  a->zFn = zFn;
  a->pCall = pCall;
  a->pIn = pIn;
  const KqlAst *pId = kqlPluginArg(pCall, 0, 0);
  const KqlAst *pT = kqlPluginArg(pCall, 0, 1);
  if( pId==0 || pT==0 ){
    kqlBindErr(p, pCall, "KQL229", "%s: expected (IdColumn, TimelineColumn, ...)", zFn);
    return 0;
  }
  int nArg = kqlPluginNArg(pCall);
  if( nArg!=pCall->nChild ){
    kqlBindErr(p, pCall, "KQL229", "%s: named arguments are not expected", zFn);
    return 0;
  }
  KqlRowCtx ctx, *pSave;
  a->zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eId = kqlBindExpr(p, pId);
  KqlExpr *eT = kqlBindExpr(p, pT);
  int bOk = !eId->bError && !eT->bError;
  if( bOk && eT->eType!=KQL_T_DATETIME && eT->eType!=KQL_T_TIMESPAN && !isNum(eT->eType) ){
    kqlBindErr(p, pT, "KQL229", "%s: the timeline must be a datetime, timespan or number, not %s", zFn,
               kqlTypeName(eT->eType));
    bOk = 0;
  }
  a->azDim = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nArg+1));
  a->aDim = kqlExtCols(p, nArg+1);
  for(int i=iDim0; bOk && i<nArg; i++){
    if( abSkip && abSkip[i] ) continue;
    const KqlAst *pD = kqlPluginArg(pCall, 0, i);
    KqlExpr *e = kqlBindExpr(p, pD);
    if( e->bError ){ bOk = 0; break; }
    const char *zName = kqlNameForExpr(p, pD, 0);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, a->aDim, a->nDim);
    a->aDim[a->nDim].zName = zName;
    a->aDim[a->nDim].eType = kqlExtColType(e);
    a->azDim[a->nDim++] = e->zSql;
  }
  kqlExtRowLeave(p, pSave);
  if( !bOk ) return 0;
  a->zId = eId->zSql;
  a->eT = eT->eType==KQL_T_INT || eT->eType==KQL_T_DECIMAL ? KQL_T_LONG : eT->eType;
  a->zT = kqlExprAs(p, eT, a->eT);
  a->zTName = kqlNameForExpr(p, pT, 0);
  if( a->zTName==0 ) a->zTName = "Timestamp";
  a->zS = actConst(p, a, kqlPluginArg(pCall, 0, 2), 0, "Start");
  if( a->zS==0 ) return 0;
  a->zE = actConst(p, a, kqlPluginArg(pCall, 0, 3), 0, "End");
  return a->zE!=0;
}

/* ", d0, d1 ..." with prefix zP ("x." or ""). */
static void dimList(KqlStr *s, const Act *a, const char *zP){
  for(int i=0; i<a->nDim; i++) kqlStrPrintf(s, ", %sd%d", zP, i);
}

/* " AND x.d0 IS y.d0 ..." */
static void dimMatch(KqlStr *s, const Act *a, const char *zX, const char *zY){
  for(int i=0; i<a->nDim; i++) kqlStrPrintf(s, " AND %s.d%d IS %s.d%d", zX, i, zY, i);
}

/*
** Start "SELECT ... FROM (WITH b AS (SELECT id, t, d0.. FROM input [in
** range]) ". bAll keeps rows outside Start..End (a separate "r" flag says
** which are in range). Rows fail the query when the steps zW1, zW2 (when
** not NULL) are not positive.
*/
static void withBase(Binder *p, KqlStr *s, const Act *a, int bAll, const char *zW1, const char *zW2){
  kqlStrPrintf(s, "WITH b AS MATERIALIZED (SELECT %s AS id, %s AS t", a->zId, a->zT);
  for(int i=0; i<a->nDim; i++) kqlStrPrintf(s, ", %s AS d%d", a->azDim[i], i);
  kqlStrPrintf(s, ", (%s) >= %s AND (%s) <= %s AS r FROM (%s) AS %s WHERE (%s) IS NOT NULL",
               a->zT, a->zS, a->zT, a->zE, a->pIn->zSql, a->zA, a->zT);
  if( !bAll ) kqlStrPrintf(s, " AND (%s) >= %s AND (%s) <= %s", a->zT, a->zS, a->zT, a->zE);
  for(int i=0; i<2; i++){
    const char *zW = i ? zW2 : zW1;
    if( zW ) kqlStrPrintf(s, " AND kql_assert(%s > 0, %s)", zW,
                          kqlBindParamText(p, kqlArenaPrintf(p->pArena, "%s: the window must be positive", a->zFn), -1));
  }
  kqlStrAppend(s, ")", 1);
}

/* The output columns: [zPre0 zTName] [zPre1 zTName], the dims, then the metrics. */
static KqlCol *actCols(Binder *p, const Act *a, int nTime, const char *const *azTime,
                       int nMet, const char *const *azMet, const int *aeMet, int *pnOut){
  KqlCol *aOut = kqlExtCols(p, nTime + a->nDim + nMet);
  int n = 0;
  for(int i=0; i<nTime; i++){
    aOut[n].zName = kqlArenaPrintf(p->pArena, "%s%s", azTime[i], a->zTName);
    aOut[n].eType = a->eT;
    n++;
  }
  for(int i=0; i<a->nDim; i++){
    aOut[n].zName = kqlNameUnique(p, a->aDim[i].zName, aOut, n);
    aOut[n].eType = a->aDim[i].eType;
    n++;
  }
  for(int i=0; i<nMet; i++){
    aOut[n].zName = kqlNameUnique(p, azMet[i], aOut, n);
    aOut[n].eType = aeMet[i];
    n++;
  }
  *pnOut = n;
  return aOut;
}

/* "SELECT c0 AS "name0", c1 AS "name1" ... FROM (" for the output columns. */
static void selectOut(KqlStr *s, const KqlCol *aOut, int nOut){
  kqlStrAppend(s, "SELECT ", -1);
  for(int i=0; i<nOut; i++){
    kqlStrPrintf(s, "%sc%d AS ", i ? ", " : "", i);
    kqlStrIdent(s, aOut[i].zName, -1);
  }
  kqlStrAppend(s, " FROM (", -1);
}

static KqlRel *actRel(Binder *p, KqlStr *s, int nOut, KqlCol *aOut){
  return kqlBindRelNew(p, kqlStrText(s), nOut, aOut);
}

/* ------------------------------------------------------------ activity_counts_metrics */

static KqlRel *activityCounts(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  Act a;
  if( !actSetup(p, &a, pIn, pCall, "activity_counts_metrics", 5, 0) ) return kqlExtRelError(p);
  const char *zW = actConst(p, &a, kqlPluginArg(pCall, 0, 4), 1, "Step");
  if( zW==0 ) return kqlExtRelError(p);
  static const char *const azMet[] = {"count", "dcount", "new_dcount", "aggregated_dcount"};
  static const int aeMet[] = {KQL_T_LONG, KQL_T_LONG, KQL_T_LONG, KQL_T_LONG};
  static const char *const azTime[] = {""};
  int nOut;
  KqlCol *aOut = actCols(p, &a, 1, azTime, 4, azMet, aeMet, &nOut);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  selectOut(&s, aOut, nOut);
  withBase(p, &s, &a, 0, zW, 0);
  kqlStrPrintf(&s, ", k AS MATERIALIZED (SELECT %s AS bt, id", binSql(p, &a, "t", a.zS, zW));
  dimList(&s, &a, "");
  kqlStrAppend(&s, " FROM b), f AS MATERIALIZED (SELECT id", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ", min(bt) AS ft FROM k WHERE id IS NOT NULL GROUP BY id", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, "), c AS (SELECT bt", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ", count(*) AS n, count(DISTINCT id) AS dc FROM k GROUP BY bt", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ") SELECT c.bt AS c0", -1);
  int iCol = 1;
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", c.d%d AS c%d", i, iCol++);
  kqlStrPrintf(&s, ", c.n AS c%d, c.dc AS c%d", iCol, iCol+1);
  iCol += 2;
  for(int j=0; j<2; j++){
    kqlStrPrintf(&s, ", (SELECT count(*) FROM f WHERE f.ft %s c.bt", j ? "<=" : "=");
    dimMatch(&s, &a, "f", "c");
    kqlStrPrintf(&s, ") AS c%d", iCol++);
  }
  kqlStrAppend(&s, " FROM c) ORDER BY 1", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", %d", i+2);
  return actRel(p, &s, nOut, aOut);
}

/* ------------------------------------------------------------ activity_metrics */

static KqlRel *activityMetrics(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  Act a;
  if( kqlPluginNArg(pCall)<5 ){
    kqlBindErr(p, pCall, "KQL190", "not supported: evaluate activity_metrics without Start and End");
    return kqlExtRelError(p);
  }
  if( !actSetup(p, &a, pIn, pCall, "activity_metrics", 5, 0) ) return kqlExtRelError(p);
  const char *zW = actConst(p, &a, kqlPluginArg(pCall, 0, 4), 1, "Step");
  if( zW==0 ) return kqlExtRelError(p);
  static const char *const azMet[] = {"dcount_values", "dcount_newvalues", "retention_rate", "churn_rate"};
  static const int aeMet[] = {KQL_T_LONG, KQL_T_LONG, KQL_T_REAL, KQL_T_REAL};
  static const char *const azTime[] = {""};
  int nOut;
  KqlCol *aOut = actCols(p, &a, 1, azTime, 4, azMet, aeMet, &nOut);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  selectOut(&s, aOut, nOut);
  withBase(p, &s, &a, 0, zW, 0);
  kqlStrPrintf(&s, ", k AS MATERIALIZED (SELECT DISTINCT %s AS bt, id", binSql(p, &a, "t", a.zS, zW));
  dimList(&s, &a, "");
  kqlStrAppend(&s, " FROM b WHERE id IS NOT NULL), c AS MATERIALIZED (SELECT bt", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ", count(*) AS dc FROM k GROUP BY bt", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, "), kept AS (SELECT x.bt", -1);
  dimList(&s, &a, "x.");
  kqlStrPrintf(&s, ", count(*) AS n FROM k AS x JOIN k AS y ON y.bt = x.bt - %s AND y.id = x.id", zW);
  dimMatch(&s, &a, "x", "y");
  kqlStrAppend(&s, " GROUP BY x.bt", -1);
  dimList(&s, &a, "x.");
  kqlStrAppend(&s, ") SELECT c.bt AS c0", -1);
  int iCol = 1;
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", c.d%d AS c%d", i, iCol++);
  kqlStrPrintf(&s, ", c.dc AS c%d, c.dc - coalesce(kept.n, 0) AS c%d, "
               "kql_divr(CAST(coalesce(kept.n, 0) AS REAL), CAST(coalesce(pc.dc, 0) AS REAL)) AS c%d, "
               "kql_subr(1, kql_divr(CAST(coalesce(kept.n, 0) AS REAL), CAST(coalesce(pc.dc, 0) AS REAL))) AS c%d "
               "FROM c LEFT JOIN kept ON kept.bt = c.bt", iCol, iCol+1, iCol+2, iCol+3);
  dimMatch(&s, &a, "kept", "c");
  kqlStrPrintf(&s, " LEFT JOIN c AS pc ON pc.bt = c.bt - %s", zW);
  dimMatch(&s, &a, "pc", "c");
  kqlStrAppend(&s, ") ORDER BY 1", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", %d", i+2);
  return actRel(p, &s, nOut, aOut);
}

/* ------------------------------------------------------------ new_activity_metrics */

static KqlRel *newActivityMetrics(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  int nArg = kqlPluginNArg(pCall);
  unsigned char *abSkip = kqlArenaAlloc(p->pArena, (size_t)nArg + 1);
  memset(abSkip, 0, (size_t)nArg + 1);
  /* optional arguments after Window: a Cohort constant (first), dimensions
  ** (input columns), a Lookback table (last) */
  const KqlAst *pCohort = 0, *pLookback = 0;
  for(int i=5; i<nArg; i++){
    const KqlAst *pA = kqlPluginArg(pCall, 0, i);
    if( pA->eKind==KQL_AST_IDENT && kqlBindFindCol(pIn, pA->z)>=0 ) continue;   /* a dimension */
    if( i==nArg-1 && i>5 && kqlBindIsTabular(p, pA) ){ pLookback = pA; abSkip[i] = 1; continue; }
    if( i==5 ){
      if( kqlBindIsTabular(p, pA) && nArg==6 ){ pLookback = pA; abSkip[i] = 1; continue; }
      pCohort = pA;
      abSkip[i] = 1;
    }
  }
  Act a;
  if( !actSetup(p, &a, pIn, pCall, "new_activity_metrics", 5, abSkip) ) return kqlExtRelError(p);
  const char *zW = actConst(p, &a, kqlPluginArg(pCall, 0, 4), 1, "Window");
  if( zW==0 ) return kqlExtRelError(p);
  const char *zCohort = 0;
  if( pCohort && (zCohort = actConst(p, &a, pCohort, 0, "Cohort"))==0 ) return kqlExtRelError(p);
  KqlRel *pLk = 0;
  int iLkId = -1;
  if( pLookback ){
    KqlRowCtx *pRowSave = p->pRow;
    p->pRow = 0;
    pLk = kqlBindTabular(p, pLookback);
    p->pRow = pRowSave;
    if( pLk->bError ) return pLk;
    const KqlAst *pId = kqlPluginArg(pCall, 0, 0);
    iLkId = pId->eKind==KQL_AST_IDENT ? kqlBindFindCol(pLk, pId->z) : -1;
    if( iLkId<0 ){
      kqlBindErr(p, pLookback, "KQL229", "new_activity_metrics: the Lookback table needs the id column");
      return kqlExtRelError(p);
    }
  }
  static const char *const azMet[] = {"dcount_new_values", "dcount_retained_values", "dcount_churn_values",
                                      "retention_rate", "churn_rate"};
  static const int aeMet[] = {KQL_T_LONG, KQL_T_LONG, KQL_T_LONG, KQL_T_REAL, KQL_T_REAL};
  static const char *const azTime[] = {"from_", "to_"};
  int nOut;
  KqlCol *aOut = actCols(p, &a, 2, azTime, 5, azMet, aeMet, &nOut);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  selectOut(&s, aOut, nOut);
  withBase(p, &s, &a, 0, zW, 0);
  /* the periods */
  kqlStrPrintf(&s, ", pr(v) AS (SELECT %s WHERE %s <= %s UNION ALL SELECT v + %s FROM pr WHERE %s > 0 AND v + %s <= %s)",
               a.zS, a.zS, a.zE, zW, zW, zW, a.zE);
  kqlStrPrintf(&s, ", k AS MATERIALIZED (SELECT DISTINCT %s AS bt, id", binSql(p, &a, "t", a.zS, zW));
  dimList(&s, &a, "");
  kqlStrAppend(&s, " FROM b WHERE id IS NOT NULL), f AS MATERIALIZED (SELECT id", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ", min(bt) AS ft FROM k", -1);
  if( pLk ){
    kqlStrAppend(&s, " WHERE id NOT IN (SELECT L.", -1);
    kqlStrIdent(&s, pLk->aCol[iLkId].zName, -1);
    kqlStrPrintf(&s, " FROM (%s) AS L WHERE L.", pLk->zSql);
    kqlStrIdent(&s, pLk->aCol[iLkId].zName, -1);
    kqlStrAppend(&s, " IS NOT NULL)", -1);
  }
  kqlStrAppend(&s, " GROUP BY id", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, "), dm AS (SELECT DISTINCT 0 AS z", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, " FROM k), cs AS (SELECT ft", -1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ", count(*) AS n FROM f GROUP BY ft", -1);
  dimList(&s, &a, "");
  /* retained: cohort members seen in bin bt */
  kqlStrAppend(&s, "), ret AS (SELECT f.ft, k.bt", -1);
  dimList(&s, &a, "f.");
  kqlStrAppend(&s, ", count(*) AS n FROM f JOIN k ON k.id = f.id AND k.bt >= f.ft", -1);
  dimMatch(&s, &a, "k", "f");
  kqlStrAppend(&s, " GROUP BY f.ft, k.bt", -1);
  dimList(&s, &a, "f.");
  kqlStrAppend(&s, "), g AS (SELECT F.v AS fv, T.v AS tv", -1);
  dimList(&s, &a, "dm.");
  kqlStrAppend(&s, ", coalesce(cs.n, 0) AS n FROM pr AS F JOIN pr AS T ON T.v >= F.v CROSS JOIN dm "
                   "LEFT JOIN cs ON cs.ft = F.v", -1);
  dimMatch(&s, &a, "cs", "dm");
  if( zCohort ) kqlStrPrintf(&s, " WHERE F.v = %s", zCohort);
  kqlStrAppend(&s, ") SELECT g.fv AS c0, g.tv AS c1", -1);
  int iCol = 2;
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", g.d%d AS c%d", i, iCol++);
  kqlStrAppend(&s, ", (SELECT count(*) FROM k JOIN f ON f.id = k.id", -1);
  dimMatch(&s, &a, "f", "k");
  kqlStrAppend(&s, " WHERE k.bt = g.tv AND (f.ft > g.fv OR f.ft = g.tv)", -1);
  dimMatch(&s, &a, "k", "g");
  kqlStrPrintf(&s, ") AS c%d, coalesce(ret.n, 0) AS c%d, g.n - coalesce(ret.n, 0) AS c%d, "
               "kql_divr(CAST(coalesce(ret.n, 0) AS REAL), CAST(g.n AS REAL)) AS c%d, "
               "kql_divr(CAST(g.n - coalesce(ret.n, 0) AS REAL), CAST(g.n AS REAL)) AS c%d "
               "FROM g LEFT JOIN ret ON ret.ft = g.fv AND ret.bt = g.tv", iCol, iCol+1, iCol+2, iCol+3, iCol+4);
  dimMatch(&s, &a, "ret", "g");
  kqlStrAppend(&s, ") ORDER BY 1, 2", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", %d", i+3);
  return actRel(p, &s, nOut, aOut);
}

/* ------------------------------------------------------------ active_users_count */

static KqlRel *activeUsersCount(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  Act a;
  if( !actSetup(p, &a, pIn, pCall, "active_users_count", 8, 0) ) return kqlExtRelError(p);
  const char *zLb = actConst(p, &a, kqlPluginArg(pCall, 0, 4), 1, "LookbackWindow");
  const char *zPer = zLb ? actConst(p, &a, kqlPluginArg(pCall, 0, 5), 1, "Period") : 0;
  if( zPer==0 ) return kqlExtRelError(p);
  const KqlAst *pN = kqlPluginArg(pCall, 0, 6);
  KqlExpr *eN = pN ? kqlExtConst(p, pN) : 0;
  if( eN==0 || eN->bError || !eN->bConst || !isNum(eN->eType) ){
    if( eN==0 || !eN->bError ){
      kqlBindErr(p, pN ? pN : pCall, "KQL229", "active_users_count: ActivePeriodsCount must be a constant number");
    }
    return kqlExtRelError(p);
  }
  const char *zBin = actConst(p, &a, kqlPluginArg(pCall, 0, 7), 1, "Bin");
  if( zBin==0 ) return kqlExtRelError(p);
  static const char *const azMet[] = {"dcount"};
  static const int aeMet[] = {KQL_T_LONG};
  static const char *const azTime[] = {""};
  int nOut;
  KqlCol *aOut = actCols(p, &a, 1, azTime, 1, azMet, aeMet, &nOut);
  const char *zZero = a.eT==KQL_T_REAL ? "0.0" : "0";
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  selectOut(&s, aOut, nOut);
  withBase(p, &s, &a, 1, zBin, zPer);
  kqlStrPrintf(&s, ", act AS (SELECT DISTINCT %s AS bt, x.id", binSql(p, &a, "x.t", a.zS, zBin));
  dimList(&s, &a, "x.");
  kqlStrPrintf(&s, " FROM b AS x WHERE x.r AND x.id IS NOT NULL AND (SELECT count(DISTINCT %s) FROM b AS y "
               "WHERE y.id = x.id AND y.t > x.t - %s AND y.t <= x.t",
               binSql(p, &a, "y.t", zZero, zPer), zLb);
  dimMatch(&s, &a, "y", "x");
  kqlStrPrintf(&s, ") >= %s) SELECT bt AS c0", eN->zSql);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", d%d AS c%d", i, i+1);
  kqlStrPrintf(&s, ", count(*) AS c%d FROM act GROUP BY bt", a.nDim+1);
  dimList(&s, &a, "");
  kqlStrAppend(&s, ") ORDER BY 1", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", %d", i+2);
  return actRel(p, &s, nOut, aOut);
}

/* ------------------------------------------------------------ sliding_window_counts */

static KqlRel *slidingWindowCounts(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  Act a;
  if( !actSetup(p, &a, pIn, pCall, "sliding_window_counts", 6, 0) ) return kqlExtRelError(p);
  const char *zLb = actConst(p, &a, kqlPluginArg(pCall, 0, 4), 1, "LookbackWindow");
  const char *zBin = zLb ? actConst(p, &a, kqlPluginArg(pCall, 0, 5), 1, "Bin") : 0;
  if( zBin==0 ) return kqlExtRelError(p);
  static const char *const azMet[] = {"Count", "Dcount"};
  static const int aeMet[] = {KQL_T_LONG, KQL_T_LONG};
  static const char *const azTime[] = {""};
  int nOut;
  KqlCol *aOut = actCols(p, &a, 1, azTime, 2, azMet, aeMet, &nOut);
  /* the window spans k bins: k = floor(Lookback / Bin), as a multiple of Bin */
  const char *zSpan = a.eT==KQL_T_REAL
      ? kqlArenaPrintf(p->pArena, "(CAST(%s / %s AS INTEGER) * %s)", zLb, zBin, zBin)
      : kqlArenaPrintf(p->pArena, "((%s / %s) * %s)", zLb, zBin, zBin);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  selectOut(&s, aOut, nOut);
  withBase(p, &s, &a, 0, zBin, zLb);
  kqlStrPrintf(&s, ", pr(v) AS (SELECT %s WHERE %s <= %s UNION ALL SELECT v + %s FROM pr WHERE %s > 0 AND v + %s <= %s)",
               a.zS, a.zS, a.zE, zBin, zBin, zBin, a.zE);
  kqlStrPrintf(&s, ", k AS MATERIALIZED (SELECT %s AS bt, id", binSql(p, &a, "t", a.zS, zBin));
  dimList(&s, &a, "");
  kqlStrAppend(&s, " FROM b) SELECT pr.v AS c0", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", k.d%d AS c%d", i, i+1);
  kqlStrPrintf(&s, ", count(*) AS c%d, count(DISTINCT k.id) AS c%d FROM pr JOIN k ON k.bt <= pr.v "
               "AND k.bt > pr.v - %s GROUP BY pr.v", a.nDim+1, a.nDim+2, zSpan);
  dimList(&s, &a, "k.");
  kqlStrAppend(&s, ") ORDER BY 1", -1);
  for(int i=0; i<a.nDim; i++) kqlStrPrintf(&s, ", %d", i+2);
  return actRel(p, &s, nOut, aOut);
}

KqlRel *kqlPluginActivity(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName){
  if( strcmp(zName, "activity_counts_metrics")==0 ) return activityCounts(p, pIn, pCall);
  if( strcmp(zName, "activity_metrics")==0 ) return activityMetrics(p, pIn, pCall);
  if( strcmp(zName, "new_activity_metrics")==0 ) return newActivityMetrics(p, pIn, pCall);
  if( strcmp(zName, "active_users_count")==0 ) return activeUsersCount(p, pIn, pCall);
  if( strcmp(zName, "sliding_window_counts")==0 ) return slidingWindowCounts(p, pIn, pCall);
  return 0;
}
