/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Binding scalar expressions: literals (as parameters), names (columns,
** let-bound values), operators with KQL's typing rules (numeric promotion,
** datetime/timespan arithmetic, case-insensitive string operators), in/between,
** dynamic member access and function calls (special forms compiled here,
** the rest through the built-in catalogue to SQL functions of fn_*.c).
*/
#include "bindInt.h"
#include "parser.h"
#include "value.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

KqlExpr *kqlExprNew(Binder *p, const KqlAst *pAst, int eType, const char *zSql){
  KqlExpr *e = kqlArenaAlloc(p->pArena, sizeof(*e));
  e->pAst = pAst;
  e->eType = eType;
  e->zSql = zSql;
  return e;
}

KqlExpr *kqlExprError(Binder *p, const KqlAst *pAst){
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_UNKNOWN, "NULL");
  e->bError = 1;
  e->bConst = 1;
  return e;
}

static const char *fmt(Binder *p, const char *zFmt, const char *a, const char *b){
  return kqlArenaPrintf(p->pArena, zFmt, a, b ? b : "");
}

/* Type-tag letter for the KQL_FNF_TAGS convention. */
static char typeTag(int eType){ return (char)('a' + eType); }

/* ----------------------------------------------------------- conversions */

const char *kqlExprAs(Binder *p, KqlExpr *e, int eTo){
  int eFrom = e->eType;
  if( eFrom==eTo || e->bError || eFrom==KQL_T_UNKNOWN ) return e->zSql;
  switch( eTo ){
    case KQL_T_STRING:
      if( eFrom==KQL_T_GUID ) return e->zSql;
      return kqlArenaPrintf(p->pArena, "kql_tostring('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_REAL: case KQL_T_DECIMAL:
      if( eFrom==KQL_T_DYNAMIC ) return fmt(p, "kql_toreal('k', %s)", e->zSql, 0);
      if( kqlTypeIsNumeric(eFrom) || eFrom==KQL_T_BOOL ) return fmt(p, "CAST(%s AS REAL)", e->zSql, 0);
      return kqlArenaPrintf(p->pArena, "kql_toreal('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_LONG: case KQL_T_INT:
      if( eFrom==KQL_T_INT || eFrom==KQL_T_LONG || eFrom==KQL_T_BOOL ) return e->zSql;
      if( eFrom==KQL_T_DYNAMIC ) return fmt(p, "kql_tolong('k', %s)", e->zSql, 0);
      return kqlArenaPrintf(p->pArena, "kql_tolong('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_DYNAMIC:
      if( eFrom==KQL_T_STRING ) return fmt(p, "json_quote(%s)", e->zSql, 0);
      if( kqlTypeIsNumeric(eFrom) ) return fmt(p, "json_quote(%s)", e->zSql, 0);
      if( eFrom==KQL_T_BOOL ) return fmt(p, "json(CASE %s WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)", e->zSql, 0);
      return kqlArenaPrintf(p->pArena, "json_quote(kql_tostring('%c', %s))", typeTag(eFrom), e->zSql);
    case KQL_T_DATETIME:
      if( eFrom==KQL_T_LONG || eFrom==KQL_T_INT ) return e->zSql;
      return kqlArenaPrintf(p->pArena, "kql_todatetime('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_TIMESPAN:
      return kqlArenaPrintf(p->pArena, "kql_totimespan('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_BOOL:
      if( eFrom==KQL_T_DYNAMIC ) return fmt(p, "kql_tobool('k', %s)", e->zSql, 0);
      if( kqlTypeIsNumeric(eFrom) ) return fmt(p, "(%s<>0)", e->zSql, 0);
      return kqlArenaPrintf(p->pArena, "kql_tobool('%c', %s)", typeTag(eFrom), e->zSql);
    case KQL_T_GUID:
      return kqlArenaPrintf(p->pArena, "kql_toguid('%c', %s)", typeTag(eFrom), e->zSql);
    default:
      return e->zSql;
  }
}

const char *kqlExprCond(Binder *p, KqlExpr *e){
  if( e->eType==KQL_T_BOOL || e->bError ) return e->zSql;
  if( e->eType==KQL_T_DYNAMIC ) return kqlExprAs(p, e, KQL_T_BOOL);
  kqlBindErr(p, e->pAst, "KQL140", "expected a bool expression, not %s", kqlTypeName(e->eType));
  return "NULL";
}

/* ----------------------------------------------------------- literals */

static int parseInt64(const char *z, int64_t *pV){
  errno = 0;
  char *zEnd = 0;
  long long v;
  if( z[0]=='0' && (z[1]=='x' || z[1]=='X') ) v = (long long)strtoull(z+2, &zEnd, 16);
  else v = strtoll(z, &zEnd, 10);
  if( errno || zEnd==z || *zEnd ) return -1;
  *pV = v;
  return 0;
}

/* datetime("2015-01-01") and friends: the body may be a quoted string. */
static const char *unquoteBody(Binder *p, const char *z){
  int n = (int)strlen(z);
  if( n>=2 && (z[0]=='"' || z[0]=='\'') && z[n-1]==z[0] ) return kqlArenaStrdup(p->pArena, z+1, n-2);
  return z;
}

/* A datetime literal kqlValParseDatetime rejects: with Unicode spaces, or
** datetime(year, month, day [, hour, minute, second]), the text "2025, 6, 14"
** (Microsoft's parser accepts both). 0 when it is a date. */
static int dtFromParts(Binder *p, const char *z, int64_t *pT){
  /* Unicode spaces (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) count as spaces, as in .NET */
  KqlStr sp;
  kqlStrInit(&sp, p->pArena);
  int bSp = 0;
  for(const unsigned char *u = (const unsigned char*)z; *u; ){
    int n = 0;
    if( u[0]==0xC2 && u[1]==0xA0 ) n = 2;
    else if( u[0]==0xE2 && u[1]==0x80 && ((u[2]>=0x80 && u[2]<=0x8A) || u[2]==0xAF) ) n = 3;
    else if( u[0]==0xE2 && u[1]==0x81 && u[2]==0x9F ) n = 3;
    else if( u[0]==0xE3 && u[1]==0x80 && u[2]==0x80 ) n = 3;
    if( n ){ kqlStrAppend(&sp, " ", 1); u += n; bSp = 1; }
    else{ kqlStrAppend(&sp, (const char*)u, 1); u++; }
  }
  if( bSp ){
    z = kqlStrText(&sp);
    if( kqlValParseDatetime(z, (int)strlen(z), pT)==0 ) return 0;
  }
  long a[6] = {0, 1, 1, 0, 0, 0};
  int n = 0;
  while( *z && n<6 ){
    while( *z==' ' ) z++;
    if( *z<'0' || *z>'9' ) return 1;
    char *zEnd;
    a[n++] = strtol(z, &zEnd, 10);
    z = zEnd;
    while( *z==' ' ) z++;
    if( *z==',' ) z++;
    else break;
  }
  if( *z || n<3 ) return 1;
  const char *zIso = kqlArenaPrintf(p->pArena, "%04ld-%02ld-%02ld %02ld:%02ld:%02ld", a[0], a[1], a[2], a[3], a[4], a[5]);
  return kqlValParseDatetime(zIso, (int)strlen(zIso), pT);
}

/* datetime(h:mm[:ss[.fffffff]]): omitting the date gives that time today
** (UTC, the day of now()). 0 on success. */
static int dtTimeOfToday(Binder *p, const char *z, int64_t *pT){
  const char *s = z;
  int nH = 0, nSeg = 1;
  while( *s>='0' && *s<='9' ){ s++; nH++; }
  if( nH<1 || nH>2 || *s!=':' ) return 1;
  while( *s==':' && nSeg<3 ){
    s++;
    if( s[0]<'0' || s[0]>'9' || s[1]<'0' || s[1]>'9' ) return 1;
    s += 2;
    nSeg++;
  }
  if( *s=='.' && nSeg==3 ){
    s++;
    if( *s<'0' || *s>'9' ) return 1;
    while( *s>='0' && *s<='9' ) s++;
  }
  if( *s || atoi(z)>23 ) return 1;
  int64_t tTime;
  if( kqlValParseTimespan(z, (int)strlen(z), &tTime) ) return 1;
  const int64_t nDay = 864000000000LL;
  int64_t tNow = p->pEnv->nowTicks;
  int64_t tDay = tNow - ((tNow % nDay) + nDay) % nDay;
  *pT = tDay + tTime;
  return 0;
}

static KqlExpr *bindLiteral(Binder *p, const KqlAst *pAst){
  const char *z = pAst->z ? pAst->z : "";
  if( pAst->eOp==KQL_LIT_DATETIME || pAst->eOp==KQL_LIT_TIMESPAN || pAst->eOp==KQL_LIT_GUID ){
    z = unquoteBody(p, z);
  }
  int bNull = strcmp(z, "null")==0 && pAst->eOp!=KQL_LIT_STRING;
  KqlExpr *e = 0;
  switch( pAst->eOp ){
    case KQL_LIT_STRING:
      e = kqlExprNew(p, pAst, KQL_T_STRING, kqlBindParamText(p, z, pAst->n));
      break;
    case KQL_LIT_BOOL: {
      int eT = KQL_T_BOOL;
      if( bNull ){ e = kqlExprNew(p, pAst, eT, kqlBindParamNull(p)); break; }
      int b = strcasecmp(z, "true")==0 || strcmp(z, "1")==0;
      if( !b && strcasecmp(z, "false")!=0 && strcmp(z, "0")!=0 ){
        kqlBindErr(p, pAst, "KQL150", "invalid bool literal '%s'", z);
        return kqlExprError(p, pAst);
      }
      e = kqlExprNew(p, pAst, eT, kqlBindParamInt(p, b));
      break;
    }
    case KQL_LIT_INT: case KQL_LIT_LONG: {
      int eT = pAst->eOp==KQL_LIT_INT ? KQL_T_INT : KQL_T_LONG;
      if( bNull ){ e = kqlExprNew(p, pAst, eT, kqlBindParamNull(p)); break; }
      int64_t v;
      if( parseInt64(z, &v) ){
        /* int(1.5)-style bodies and out-of-range numbers */
        char *zEnd = 0;
        double r = strtod(z, &zEnd);
        if( zEnd==z || *zEnd ){
          kqlBindErr(p, pAst, "KQL150", "invalid %s literal '%s'", kqlTypeName(eT), z);
          return kqlExprError(p, pAst);
        }
        if( pAst->eOp==KQL_LIT_LONG && strchr(z, '.')==0 && strchr(z, 'e')==0 && strchr(z, 'E')==0 ){
          kqlBindErr(p, pAst, "KQL150", "integer literal out of range: %s", z);
          return kqlExprError(p, pAst);
        }
        v = (int64_t)r;
      }
      if( eT==KQL_T_INT ) v = (int32_t)v;
      e = kqlExprNew(p, pAst, eT, kqlBindParamInt(p, v));
      break;
    }
    case KQL_LIT_REAL: case KQL_LIT_DECIMAL: {
      int eT = pAst->eOp==KQL_LIT_REAL ? KQL_T_REAL : KQL_T_DECIMAL;
      if( bNull ){ e = kqlExprNew(p, pAst, eT, kqlBindParamNull(p)); break; }
      double r;
      if( strcasecmp(z, "nan")==0 ) r = NAN;
      else if( strcasecmp(z, "+inf")==0 || strcasecmp(z, "inf")==0 ) r = INFINITY;
      else if( strcasecmp(z, "-inf")==0 ) r = -INFINITY;
      else{
        char *zEnd = 0;
        r = strtod(z, &zEnd);
        if( zEnd==z || *zEnd ){
          int64_t v;
          if( parseInt64(z, &v)==0 ) r = (double)v;
          else{
            kqlBindErr(p, pAst, "KQL150", "invalid real literal '%s'", z);
            return kqlExprError(p, pAst);
          }
        }
      }
      e = kqlExprNew(p, pAst, eT, kqlBindParamReal(p, r));
      break;
    }
    case KQL_LIT_DATETIME: {
      if( bNull ){ e = kqlExprNew(p, pAst, KQL_T_DATETIME, kqlBindParamNull(p)); break; }
      int64_t t;
      if( kqlValParseDatetime(z, (int)strlen(z), &t) && dtFromParts(p, z, &t)
       && dtTimeOfToday(p, z, &t) ){
        kqlBindErr(p, pAst, "KQL151", "invalid datetime literal '%s'", z);
        return kqlExprError(p, pAst);
      }
      e = kqlExprNew(p, pAst, KQL_T_DATETIME, kqlBindParamInt(p, t));
      break;
    }
    case KQL_LIT_TIMESPAN: {
      if( bNull ){ e = kqlExprNew(p, pAst, KQL_T_TIMESPAN, kqlBindParamNull(p)); break; }
      int64_t t;
      if( kqlValParseTimespan(z, (int)strlen(z), &t) ){
        kqlBindErr(p, pAst, "KQL152", "invalid timespan literal '%s'", z);
        return kqlExprError(p, pAst);
      }
      e = kqlExprNew(p, pAst, KQL_T_TIMESPAN, kqlBindParamInt(p, t));
      break;
    }
    case KQL_LIT_GUID: {
      if( bNull ){ e = kqlExprNew(p, pAst, KQL_T_GUID, kqlBindParamNull(p)); break; }
      char buf[40];
      if( kqlValParseGuid(z, (int)strlen(z), buf) ){
        kqlBindErr(p, pAst, "KQL153", "invalid guid literal '%s'", z);
        return kqlExprError(p, pAst);
      }
      e = kqlExprNew(p, pAst, KQL_T_GUID, kqlBindParamText(p, buf, -1));
      break;
    }
    case KQL_LIT_NULL:
    default:
      e = kqlExprNew(p, pAst, KQL_T_DYNAMIC, kqlBindParamNull(p));
      e->zJson = "null";
      break;
  }
  e->bConst = 1;
  return e;
}

/* JSON text for the constant tree of a dynamic(...) literal. */
static void dynJson(Binder *p, const KqlAst *pAst, KqlStr *pOut, int *pbOk){
  if( pAst==0 ){ kqlStrAppend(pOut, "null", 4); return; }
  switch( pAst->eKind ){
    case KQL_AST_DYNARRAY:
      kqlStrAppend(pOut, "[", 1);
      for(int i=0; i<pAst->nChild; i++){
        if( i ) kqlStrAppend(pOut, ",", 1);
        dynJson(p, pAst->aChild[i], pOut, pbOk);
      }
      kqlStrAppend(pOut, "]", 1);
      return;
    case KQL_AST_DYNBAG:
      kqlStrAppend(pOut, "{", 1);
      for(int i=0; i<pAst->nChild; i++){
        const KqlAst *pPair = pAst->aChild[i];
        if( i ) kqlStrAppend(pOut, ",", 1);
        KqlAst key = *pPair;
        key.eKind = KQL_AST_LITERAL;
        key.eOp = KQL_LIT_STRING;
        key.nChild = 0;
        dynJson(p, &key, pOut, pbOk);
        kqlStrAppend(pOut, ":", 1);
        dynJson(p, pPair->nChild ? pPair->aChild[0] : 0, pOut, pbOk);
      }
      kqlStrAppend(pOut, "}", 1);
      return;
    case KQL_AST_UNARY:
      if( pAst->eOp==TK_MINUS && pAst->nChild==1 && pAst->aChild[0]->eKind==KQL_AST_LITERAL ){
        kqlStrAppend(pOut, "-", 1);
        dynJson(p, pAst->aChild[0], pOut, pbOk);
        return;
      }
      break;
    case KQL_AST_LITERAL: {
      const char *z = pAst->z ? pAst->z : "";
      switch( pAst->eOp ){
        case KQL_LIT_STRING: {
          kqlStrAppend(pOut, "\"", 1);
          for(int i=0; i<pAst->n; i++){
            unsigned char c = (unsigned char)z[i];
            if( c=='"' || c=='\\' ){ kqlStrAppend(pOut, "\\", 1); kqlStrAppend(pOut, (char*)&c, 1); }
            else if( c=='\n' ) kqlStrAppend(pOut, "\\n", 2);
            else if( c=='\r' ) kqlStrAppend(pOut, "\\r", 2);
            else if( c=='\t' ) kqlStrAppend(pOut, "\\t", 2);
            else if( c<0x20 ) kqlStrPrintf(pOut, "\\u%04x", c);
            else kqlStrAppend(pOut, (const char*)&z[i], 1);
          }
          kqlStrAppend(pOut, "\"", 1);
          return;
        }
        case KQL_LIT_BOOL:
          kqlStrAppend(pOut, strcasecmp(z, "true")==0 ? "true" : "false", -1);
          return;
        case KQL_LIT_NULL:
          kqlStrAppend(pOut, "null", 4);
          return;
        case KQL_LIT_INT: case KQL_LIT_LONG: {
          int64_t v;
          if( strcmp(z, "null")==0 ){ kqlStrAppend(pOut, "null", 4); return; }
          if( parseInt64(z, &v)==0 ){ kqlStrPrintf(pOut, "%lld", (long long)v); return; }
          break;
        }
        case KQL_LIT_REAL: case KQL_LIT_DECIMAL: {
          char *zEnd = 0;
          double r = strtod(z, &zEnd);
          if( zEnd!=z && *zEnd==0 && isfinite(r) ){
            char buf[40];
            kqlValFormatReal(r, buf);
            kqlStrAppend(pOut, buf, -1);
            if( !strchr(buf, '.') && !strchr(buf, 'E') && !strchr(buf, 'e') ) kqlStrAppend(pOut, ".0", 2);
            return;
          }
          break;
        }
        case KQL_LIT_DATETIME: case KQL_LIT_TIMESPAN: case KQL_LIT_GUID: {
          char buf[48];
          int64_t t;
          z = unquoteBody(p, z);            /* datetime("2022-01-01") */
          if( strcmp(z, "null")==0 ){ kqlStrAppend(pOut, "null", 4); return; }
          if( pAst->eOp==KQL_LIT_DATETIME && kqlValParseDatetime(z, (int)strlen(z), &t)==0 ){
            /* Kusto's dynamic form of a datetime has 7 fraction digits. */
            char *zDot, *zZ;
            kqlValFormatDatetime(t, buf);
            zZ = strchr(buf, 'Z');
            zDot = strchr(buf, '.');
            if( zZ ){
              char *zFrac = zDot ? zDot + 1 : zZ;
              int nFrac = (int)(zZ - zFrac);
              char zTail[16];
              memcpy(zTail, zFrac, (size_t)nFrac);
              memset(zTail + nFrac, '0', (size_t)(7 - nFrac));
              zTail[7] = 0;
              snprintf(zDot ? zDot : zZ, sizeof(buf) - (size_t)((zDot ? zDot : zZ) - buf), ".%sZ", zTail);
            }
          }else if( pAst->eOp==KQL_LIT_TIMESPAN && kqlValParseTimespan(z, (int)strlen(z), &t)==0 ){
            kqlValFormatTimespan(t, buf);
          }else if( pAst->eOp==KQL_LIT_GUID && kqlValParseGuid(z, (int)strlen(z), buf)==0 ){
          }else break;
          kqlStrPrintf(pOut, "\"%s\"", buf);
          return;
        }
      }
      break;
    }
    default:
      break;
  }
  *pbOk = 0;
  kqlStrAppend(pOut, "null", 4);
}

const char *kqlBindDynJson(Binder *p, const KqlAst *pAst, int *pbOk){
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  *pbOk = 1;
  dynJson(p, pAst, &s, pbOk);
  return kqlStrText(&s);
}

static KqlExpr *bindDynamic(Binder *p, const KqlAst *pAst){
  int bOk;
  const char *zJson = kqlBindDynJson(p, pAst, &bOk);
  if( !bOk ){
    kqlBindErr(p, pAst, "KQL154", "dynamic literal must contain only constants");
    return kqlExprError(p, pAst);
  }
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_DYNAMIC,
                          strcmp(zJson, "null")==0 ? kqlBindParamNull(p) : kqlBindParamText(p, zJson, -1));
  e->bConst = 1;
  e->zJson = zJson;
  return e;
}

/* ----------------------------------------------------------- names */

int kqlBindFindCol(const KqlRel *pRel, const char *zName){
  if( pRel==0 ) return -1;
  for(int i=0; i<pRel->nCol; i++){
    if( strcmp(pRel->aCol[i].zName, zName)==0 ) return i;
  }
  return -1;
}

const char *kqlBindColRef(Binder *p, int iCol){
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  if( p->pRow->zAlias ){
    kqlStrAppend(&s, p->pRow->zAlias, -1);
    kqlStrAppend(&s, ".", 1);
  }
  kqlStrIdent(&s, p->pRow->pRel->aCol[iCol].zName, -1);
  return kqlStrText(&s);
}

/* Closest column name (edit distance <= 2, or case-insensitive match) for "did you mean". */
static const char *closestCol(const KqlRel *pRel, const char *zName){
  const char *zBest = 0;
  int nBest = 3;
  for(int i=0; pRel && i<pRel->nCol; i++){
    const char *z = pRel->aCol[i].zName;
    if( strcasecmp(z, zName)==0 ) return z;
    int n1 = (int)strlen(z), n2 = (int)strlen(zName);
    if( n1>64 || n2>64 || abs(n1-n2)>=nBest ) continue;
    int d[65][65];
    for(int a=0; a<=n1; a++) d[a][0] = a;
    for(int b=0; b<=n2; b++) d[0][b] = b;
    for(int a=1; a<=n1; a++){
      for(int b=1; b<=n2; b++){
        int c = d[a-1][b-1] + (z[a-1]!=zName[b-1]);
        if( d[a-1][b]+1 < c ) c = d[a-1][b]+1;
        if( d[a][b-1]+1 < c ) c = d[a][b-1]+1;
        d[a][b] = c;
      }
    }
    int nLong = n1>n2 ? n1 : n2;
    if( d[n1][n2] < nBest && d[n1][n2]*3 <= nLong ){ nBest = d[n1][n2]; zBest = z; }
  }
  return zBest;
}

static KqlExpr *bindIdent(Binder *p, const KqlAst *pAst){
  const char *zName = pAst->z;
  if( p->pRow ){
    int i = kqlBindFindCol(p->pRow->pRel, zName);
    if( i>=0 ){
      KqlExpr *e = kqlExprNew(p, pAst, p->pRow->pRel->aCol[i].eType, kqlBindColRef(p, i));
      e->zName = p->pRow->pRel->aCol[i].zName;
      return e;
    }
  }
  KqlScope *s = kqlBindLookup(p, zName);
  if( s && s->eKind==KQL_SCOPE_SCALAR ){
    KqlExpr *e = kqlArenaAlloc(p->pArena, sizeof(*e));
    *e = *s->pExpr;
    e->pAst = pAst;
    e->zName = 0;
    return e;
  }
  if( s && (s->eKind==KQL_SCOPE_TABULAR || s->eKind==KQL_SCOPE_REL) ){
    kqlBindErr(p, pAst, "KQL107", "'%s' is a table, not a scalar value", zName);
    return kqlExprError(p, pAst);
  }
  if( s && s->eKind==KQL_SCOPE_LAMBDA ){
    /* a function without parameters may be named without () */
    KqlAst call = *pAst;
    call.eKind = KQL_AST_CALL;
    call.nChild = 0;
    return kqlBindCall(p, &call);
  }
  if( p->pRow ){
    const char *zHint = closestCol(p->pRow->pRel, zName);
    if( zHint ){
      kqlBindErr(p, pAst, "KQL103", "unknown column '%s' (did you mean '%s'?)", zName, zHint);
    }else{
      kqlBindErr(p, pAst, "KQL103", "unknown column '%s'", zName);
    }
  }else{
    kqlBindErr(p, pAst, "KQL108", "unknown name '%s'", zName);
  }
  return kqlExprError(p, pAst);
}

/* ----------------------------------------------------------- operators */


static const char *opSpelling(int eOp){
  switch( eOp ){
    case TK_PLUS: return "+";       case TK_MINUS: return "-";
    case TK_STAR: return "*";       case TK_SLASH: return "/";
    case TK_PERCENT: return "%";    case TK_EQ: return "==";
    case TK_NE: return "!=";        case TK_LT: return "<";
    case TK_LE: return "<=";        case TK_GT: return ">";
    case TK_GE: return ">=";        case TK_AND: return "and";
    case TK_OR: return "or";
    default: return "operator";
  }
}

static KqlExpr *typeMismatch(Binder *p, const KqlAst *pAst, KqlExpr *a, KqlExpr *b){
  if( a->bError || b->bError ) return kqlExprError(p, pAst);
  kqlBindErr(p, pAst, "KQL141", "cannot apply '%s' to %s and %s", opSpelling(pAst->eOp),
             kqlTypeName(a->eType), kqlTypeName(b->eType));
  return kqlExprError(p, pAst);
}

/* Numeric result type of a and b: long unless one is real/decimal; decimal
** wins over real (Kusto: real * decimal is decimal). */
static int numType(int a, int b){
  if( a==KQL_T_DECIMAL || b==KQL_T_DECIMAL ) return KQL_T_DECIMAL;
  if( a==KQL_T_REAL || b==KQL_T_REAL ) return KQL_T_REAL;
  return KQL_T_LONG;
}

/* A dynamic operand used in arithmetic: its SQL value (number) and type real. */
static KqlExpr *undyn(Binder *p, KqlExpr *e){
  if( e->eType!=KQL_T_DYNAMIC ) return e;
  KqlExpr *r = kqlExprNew(p, e->pAst, KQL_T_REAL, fmt(p, "(%s ->> '$')", e->zSql, 0));
  r->bConst = e->bConst;
  r->bAgg = e->bAgg;
  return r;
}

/* 1 when e can not be a NaN real (carried as the text "NaN", fnutil.h):
** integers, bools, finite real literals and e->bNoNan expressions. Such
** operands keep SQL's own arithmetic and comparison operators. */
static int noNan(const KqlExpr *e){
  if( e->eType!=KQL_T_REAL && e->eType!=KQL_T_DECIMAL ) return e->eType!=KQL_T_DYNAMIC;
  if( e->bNoNan ) return 1;
  if( e->pAst && e->pAst->eKind==KQL_AST_LITERAL && e->pAst->z ){
    return strcasestr(e->pAst->z, "nan")==0 && strcasestr(e->pAst->z, "inf")==0;
  }
  return 0;
}

static KqlExpr *bindArith(Binder *p, const KqlAst *pAst, KqlExpr *a, KqlExpr *b){
  int op = pAst->eOp;
  const char *zOp = opSpelling(op);
  a = undyn(p, a);
  b = undyn(p, b);
  int ta = a->eType, tb = b->eType;
  int eRes, bNoNan = 0;
  const char *zSql;
  if( a->bError || b->bError ) return kqlExprError(p, pAst);
  if( (kqlTypeIsNumeric(ta) || ta==KQL_T_BOOL) && (kqlTypeIsNumeric(tb) || tb==KQL_T_BOOL) ){
    if( ta==KQL_T_BOOL || tb==KQL_T_BOOL ) return typeMismatch(p, pAst, a, b);
    eRes = numType(ta, tb);
    if( op==TK_SLASH && eRes!=KQL_T_LONG ){
      zSql = kqlArenaPrintf(p->pArena, "kql_divr(%s, %s)", a->zSql, b->zSql);
    }else if( op==TK_SLASH ){
      zSql = kqlArenaPrintf(p->pArena, "kql_divl(%s, %s)", a->zSql, b->zSql);
    }else if( op==TK_PERCENT ){
      zSql = eRes==KQL_T_LONG ? kqlArenaPrintf(p->pArena, "kql_modl(%s, %s)", a->zSql, b->zSql)
                              : kqlArenaPrintf(p->pArena, "kql_modr(%s, %s)", a->zSql, b->zSql);
    }else if( eRes==KQL_T_LONG ){
      zSql = kqlArenaPrintf(p->pArena, "(%s %s %s)", a->zSql, zOp, b->zSql);
    }else if( noNan(a) && noNan(b) ){
      zSql = kqlArenaPrintf(p->pArena, "(CAST(%s AS REAL) %s %s)", a->zSql, zOp, b->zSql);
      bNoNan = 1;
    }else{
      /* Functions, not SQL operators: a NaN operand (stored as the text
      ** "NaN") must give NaN, where SQL would read the text as 0. */
      zSql = kqlArenaPrintf(p->pArena, "%s(%s, %s)",
                            op==TK_PLUS ? "kql_addr" : op==TK_MINUS ? "kql_subr" : "kql_mulr",
                            a->zSql, b->zSql);
    }
  }else if( op==TK_MINUS && ta==KQL_T_DATETIME && tb==KQL_T_DATETIME ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "(%s - %s)", a->zSql, b->zSql);
  }else if( (op==TK_PLUS || op==TK_MINUS) && ta==KQL_T_DATETIME && tb==KQL_T_TIMESPAN ){
    eRes = KQL_T_DATETIME;
    zSql = kqlArenaPrintf(p->pArena, "(%s %s %s)", a->zSql, zOp, b->zSql);
  }else if( op==TK_PLUS && ta==KQL_T_TIMESPAN && tb==KQL_T_DATETIME ){
    eRes = KQL_T_DATETIME;
    zSql = kqlArenaPrintf(p->pArena, "(%s + %s)", a->zSql, b->zSql);
  }else if( (op==TK_PLUS || op==TK_MINUS) && ta==KQL_T_TIMESPAN && tb==KQL_T_TIMESPAN ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "(%s %s %s)", a->zSql, zOp, b->zSql);
  }else if( op==TK_STAR && ta==KQL_T_TIMESPAN && kqlTypeIsNumeric(tb) ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "CAST(%s * %s AS INTEGER)", a->zSql, b->zSql);
  }else if( op==TK_STAR && kqlTypeIsNumeric(ta) && tb==KQL_T_TIMESPAN ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "CAST(%s * %s AS INTEGER)", a->zSql, b->zSql);
  }else if( op==TK_SLASH && ta==KQL_T_TIMESPAN && tb==KQL_T_TIMESPAN ){
    eRes = KQL_T_REAL;
    zSql = kqlArenaPrintf(p->pArena, "kql_divr(%s, %s)", a->zSql, b->zSql);
  }else if( op==TK_SLASH && ta==KQL_T_TIMESPAN && kqlTypeIsNumeric(tb) ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "CAST(kql_divr(%s, %s) AS INTEGER)", a->zSql, b->zSql);
  }else if( op==TK_PERCENT && ta==KQL_T_TIMESPAN && tb==KQL_T_TIMESPAN ){
    eRes = KQL_T_TIMESPAN;
    zSql = kqlArenaPrintf(p->pArena, "kql_modl(%s, %s)", a->zSql, b->zSql);
  }else{
    return typeMismatch(p, pAst, a, b);
  }
  KqlExpr *e = kqlExprNew(p, pAst, eRes, zSql);
  e->bConst = a->bConst && b->bConst;
  e->bAgg = a->bAgg || b->bAgg;
  e->bNoNan = bNoNan;
  return e;
}

/* Are types a and b comparable with ==, <, ...? */
static int comparable(int a, int b){
  if( a==b ) return 1;
  if( kqlTypeIsNumeric(a) && kqlTypeIsNumeric(b) ) return 1;
  if( a==KQL_T_DYNAMIC || b==KQL_T_DYNAMIC ) return 1;
  if( (a==KQL_T_STRING && b==KQL_T_GUID) || (a==KQL_T_GUID && b==KQL_T_STRING) ) return 1;
  return 0;
}

/* For a comparison with a dynamic on one side: both sides as SQL values. */
static void compareOperands(Binder *p, KqlExpr **pa, KqlExpr **pb){
  KqlExpr *a = *pa, *b = *pb;
  if( a->eType==KQL_T_DYNAMIC && b->eType!=KQL_T_DYNAMIC ){
    int t = b->eType;
    *pa = kqlExprNew(p, a->pAst, t, t==KQL_T_STRING ? kqlExprAs(p, a, KQL_T_STRING)
                                   : fmt(p, "(%s ->> '$')", a->zSql, 0));
    (*pa)->bConst = a->bConst; (*pa)->bAgg = a->bAgg;
  }else if( b->eType==KQL_T_DYNAMIC && a->eType!=KQL_T_DYNAMIC ){
    compareOperands(p, pb, pa);
  }
}

/*
** Kusto compares a string with a number or bool, and a bool with a number,
** without an error: the string side is compared with the other side's text,
** a bool with a number as 0/1.
*/
static int looseComparable(Binder *p, int eOp, KqlExpr **pa, KqlExpr **pb){
  KqlExpr *a = *pa, *b = *pb;
  int ta = a->eType, tb = b->eType;
  int bScalarA = kqlTypeIsNumeric(ta) || ta==KQL_T_BOOL || ta==KQL_T_TIMESPAN || ta==KQL_T_DATETIME;
  int bScalarB = kqlTypeIsNumeric(tb) || tb==KQL_T_BOOL || tb==KQL_T_TIMESPAN || tb==KQL_T_DATETIME;
  if( (eOp==TK_EQ || eOp==TK_NE) && ((ta==KQL_T_STRING && bScalarB) || (tb==KQL_T_STRING && bScalarA)) ){
    KqlExpr *pNum = ta==KQL_T_STRING ? b : a;
    KqlExpr *c = kqlExprNew(p, pNum->pAst, KQL_T_STRING, kqlExprAs(p, pNum, KQL_T_STRING));
    c->bConst = pNum->bConst;
    c->bAgg = pNum->bAgg;
    if( ta==KQL_T_STRING ) *pb = c; else *pa = c;
    return 1;
  }
  if( (ta==KQL_T_BOOL && kqlTypeIsNumeric(tb)) || (tb==KQL_T_BOOL && kqlTypeIsNumeric(ta)) ) return 1;
  return 0;
}

static KqlExpr *bindCompare(Binder *p, const KqlAst *pAst, KqlExpr *a, KqlExpr *b){
  if( a->bError || b->bError ) return kqlExprError(p, pAst);
  if( !comparable(a->eType, b->eType) && !looseComparable(p, pAst->eOp, &a, &b) ) return typeMismatch(p, pAst, a, b);
  compareOperands(p, &a, &b);
  const char *zOp;
  switch( pAst->eOp ){
    case TK_EQ: zOp = "="; break;
    case TK_NE: zOp = "<>"; break;
    case TK_LT: zOp = "<"; break;
    case TK_LE: zOp = "<="; break;
    case TK_GT: zOp = ">"; break;
    default:    zOp = ">="; break;
  }
  const char *zA = a->zSql, *zB = b->zSql;
  if( a->eType==KQL_T_DYNAMIC && b->eType==KQL_T_DYNAMIC ){
    zA = fmt(p, "(%s ->> '$')", zA, 0);
    zB = fmt(p, "(%s ->> '$')", zB, 0);
  }
  /* A NaN real (the text "NaN") compares as null: <, >, == false, != true. */
  if( (a->eType==KQL_T_REAL || a->eType==KQL_T_DECIMAL) && !noNan(a) ) zA = fmt(p, "kql_rnum(%s)", zA, 0);
  if( (b->eType==KQL_T_REAL || b->eType==KQL_T_DECIMAL) && !noNan(b) ) zB = fmt(p, "kql_rnum(%s)", zB, 0);
  const char *zSql = kqlArenaPrintf(p->pArena, "(%s %s %s)", zA, zOp, zB);
  int op = pAst->eOp;
  if( (op==TK_EQ || op==TK_NE) && a->eType!=KQL_T_STRING && b->eType!=KQL_T_STRING ){
    /* KQL: x == null is false and x != null true when only one side is null;
    ** both null gives null. */
    int bConstA = a->bConst && a->pAst && a->pAst->eKind==KQL_AST_LITERAL && strcmp(a->zSql, "NULL")!=0
                  && !(a->pAst->z && strcmp(a->pAst->z, "null")==0);
    int bConstB = b->bConst && b->pAst && b->pAst->eKind==KQL_AST_LITERAL
                  && !(b->pAst->z && strcmp(b->pAst->z, "null")==0);
    if( bConstA || bConstB ){
      zSql = kqlArenaPrintf(p->pArena, "coalesce(%s, %d)", zSql, op==TK_NE);
    }else{
      zSql = kqlArenaPrintf(p->pArena, "(CASE WHEN (%s) IS NULL AND (%s) IS NULL THEN NULL ELSE coalesce(%s, %d) END)",
                            zA, zB, zSql, op==TK_NE);
    }
  }
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_BOOL, zSql);
  e->bConst = a->bConst && b->bConst;
  e->bAgg = a->bAgg || b->bAgg;
  return e;
}

/* String operators: has, contains, startswith ... and their negations. */
static const struct StrOp {
  int eOp;              /* TK_* */
  const char *zFunc;    /* SQL function */
  int bNot;             /* negated */
  const char *zName;    /* KQL spelling */
} aStrOp[] = {
  {TK_HAS, "kql_has", 0, "has"},                     {TK_NOTHAS, "kql_has", 1, "!has"},
  {TK_HAS_CS, "kql_has_cs", 0, "has_cs"},            {TK_NOTHAS_CS, "kql_has_cs", 1, "!has_cs"},
  {TK_HASPREFIX, "kql_hasprefix", 0, "hasprefix"},   {TK_NOTHASPREFIX, "kql_hasprefix", 1, "!hasprefix"},
  {TK_HASPREFIX_CS, "kql_hasprefix_cs", 0, "hasprefix_cs"},
  {TK_NOTHASPREFIX_CS, "kql_hasprefix_cs", 1, "!hasprefix_cs"},
  {TK_HASSUFFIX, "kql_hassuffix", 0, "hassuffix"},   {TK_NOTHASSUFFIX, "kql_hassuffix", 1, "!hassuffix"},
  {TK_HASSUFFIX_CS, "kql_hassuffix_cs", 0, "hassuffix_cs"},
  {TK_NOTHASSUFFIX_CS, "kql_hassuffix_cs", 1, "!hassuffix_cs"},
  {TK_CONTAINS, "kql_contains", 0, "contains"},      {TK_NOTCONTAINS, "kql_contains", 1, "!contains"},
  {TK_CONTAINS_CS, "kql_contains_cs", 0, "contains_cs"},
  {TK_NOTCONTAINS_CS, "kql_contains_cs", 1, "!contains_cs"},
  {TK_STARTSWITH, "kql_startswith", 0, "startswith"},
  {TK_NOTSTARTSWITH, "kql_startswith", 1, "!startswith"},
  {TK_STARTSWITH_CS, "kql_startswith_cs", 0, "startswith_cs"},
  {TK_NOTSTARTSWITH_CS, "kql_startswith_cs", 1, "!startswith_cs"},
  {TK_ENDSWITH, "kql_endswith", 0, "endswith"},      {TK_NOTENDSWITH, "kql_endswith", 1, "!endswith"},
  {TK_ENDSWITH_CS, "kql_endswith_cs", 0, "endswith_cs"},
  {TK_NOTENDSWITH_CS, "kql_endswith_cs", 1, "!endswith_cs"},
  {TK_EQTILDE, "kql_eq_ci", 0, "=~"},                {TK_NETILDE, "kql_eq_ci", 1, "!~"},
  {TK_MATCHES, "kql_matches", 0, "matches regex"},
  {TK_SEARCHCOLON, "kql_has", 0, ":"},      /* where Column:"term" is Column has "term" */
};

static const struct StrOp *findStrOp(int eOp){
  for(unsigned i=0; i<sizeof(aStrOp)/sizeof(aStrOp[0]); i++){
    if( aStrOp[i].eOp==eOp ) return &aStrOp[i];
  }
  return 0;
}

/* Operand of a string operator: strings as they are, anything else via tostring(). */
static const char *asStringOperand(Binder *p, KqlExpr *e){
  if( e->eType==KQL_T_STRING ) return e->zSql;
  return kqlExprAs(p, e, KQL_T_STRING);
}

static KqlExpr *bindStrOp(Binder *p, const KqlAst *pAst, const struct StrOp *pOp,
                          KqlExpr *a, KqlExpr *b){
  if( a->bError || b->bError ) return kqlExprError(p, pAst);
  const char *zSql = kqlArenaPrintf(p->pArena, "%s%s(%s, %s)%s", pOp->bNot ? "(NOT " : "",
                                    pOp->zFunc, asStringOperand(p, a), asStringOperand(p, b),
                                    pOp->bNot ? ")" : "");
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_BOOL, zSql);
  e->bConst = a->bConst && b->bConst;
  e->bAgg = a->bAgg || b->bAgg;
  return e;
}

static KqlExpr *bindBinary(Binder *p, const KqlAst *pAst){
  KqlExpr *a = kqlBindExpr(p, pAst->aChild[0]);
  KqlExpr *b = kqlBindExpr(p, pAst->aChild[1]);
  int op = pAst->eOp;
  switch( op ){
    case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH: case TK_PERCENT:
      return bindArith(p, pAst, a, b);
    case TK_EQ: case TK_NE: case TK_LT: case TK_LE: case TK_GT: case TK_GE:
      return bindCompare(p, pAst, a, b);
    case TK_AND: case TK_OR: {
      if( a->bError || b->bError ) return kqlExprError(p, pAst);
      const char *za = kqlExprCond(p, a), *zb = kqlExprCond(p, b);
      const KqlAst *pL = pAst->aChild[0];
      int nA = (int)strlen(za);
      /* a left operand that is this same chain, "(x OR y)", is continued
      ** flat: nested parentheses overflow SQLite's parser stack */
      int bFlat = pL && pL->eKind==KQL_AST_BINARY && pL->eOp==op && za==a->zSql && nA>2 && za[0]=='(' && za[nA-1]==')';
      KqlExpr *e = kqlExprNew(p, pAst, KQL_T_BOOL,
                              bFlat ? kqlArenaPrintf(p->pArena, "(%.*s %s %s)", nA-2, za+1, op==TK_AND ? "AND" : "OR", zb)
                                    : kqlArenaPrintf(p->pArena, "(%s %s %s)", za, op==TK_AND ? "AND" : "OR", zb));
      e->bConst = a->bConst && b->bConst;
      e->bAgg = a->bAgg || b->bAgg;
      return e;
    }
    default: {
      const struct StrOp *pOp = findStrOp(op);
      if( pOp ) return bindStrOp(p, pAst, pOp, a, b);
      kqlBindNotSupported(p, pAst, "this binary operator");
      return kqlExprError(p, pAst);
    }
  }
}

/*
** x in (a, b, ...), x !in (...), in~, !in~, has_any, has_all.
** Items: scalars, dynamic arrays (their elements count), tabular sub-queries
** (their first column).
*/
static KqlExpr *bindIn(Binder *p, const KqlAst *pAst){
  KqlExpr *x = kqlBindExpr(p, pAst->aChild[0]);
  int op = pAst->eOp;
  int bCi = op==TK_IN_CI || op==TK_NOTIN_CI;
  int bNot = op==TK_NOTIN || op==TK_NOTIN_CI;
  int bHas = op==TK_HAS_ANY || op==TK_HAS_ALL;
  int bConst = x->bConst, bAgg = x->bAgg;
  /* Everything is gathered into one JSON array expression: json_array(scalars...)
  ** plus dynamic arrays and sub-query columns appended through json_group_array. */
  KqlStr parts;
  kqlStrInit(&parts, p->pArena);
  int nParts = 0;
  KqlStr scal;
  kqlStrInit(&scal, p->pArena);
  int nScal = 0;
  int eItemType = -1;
  for(int i=1; i<pAst->nChild; i++){
    const KqlAst *pItem = pAst->aChild[i];
    if( kqlBindIsTabular(p, pItem) ){
      KqlRowCtx *pSave = p->pRow;
      p->pRow = 0;
      KqlRel *r = kqlBindTabular(p, pItem);
      p->pRow = pSave;
      if( r->nCol<1 ) continue;
      const char *zA = kqlBindAlias(p);
      KqlStr s;
      kqlStrInit(&s, p->pArena);
      kqlStrPrintf(&s, "(SELECT json_group_array(%s.", zA);
      kqlStrIdent(&s, r->aCol[0].zName, -1);
      kqlStrPrintf(&s, ") FROM %s AS %s)", kqlBindSrc(p, r), zA);
      kqlStrAppend(&parts, nParts++ ? ", " : "", -1);
      kqlStrAppend(&parts, kqlStrText(&s), -1);
      if( eItemType<0 ) eItemType = r->aCol[0].eType;
      bConst = 0;
      continue;
    }
    KqlExpr *e = kqlBindExpr(p, pItem);
    if( e->bError ) continue;
    bConst = bConst && e->bConst;
    bAgg = bAgg || e->bAgg;
    if( e->eType==KQL_T_DYNAMIC ){
      kqlStrAppend(&parts, nParts++ ? ", " : "", -1);
      kqlStrPrintf(&parts, "(CASE json_type(%s) WHEN 'array' THEN %s ELSE json_array(%s) END)",
                   e->zSql, e->zSql, e->zSql);
    }else{
      if( eItemType<0 ) eItemType = e->eType;
      kqlStrAppend(&scal, nScal++ ? ", " : "", -1);
      kqlStrAppend(&scal, e->zSql, -1);
    }
  }
  if( x->bError ) return kqlExprError(p, pAst);
  const char *zList;
  if( nScal ){
    const char *zScal = kqlArenaPrintf(p->pArena, "json_array(%s)", kqlStrText(&scal));
    if( nParts==0 ) zList = zScal;
    else zList = kqlArenaPrintf(p->pArena, "kql_array_concat(%s, %s)", zScal, kqlStrText(&parts));
  }else if( nParts==1 ){
    zList = kqlStrText(&parts);
  }else if( nParts>1 ){
    zList = kqlArenaPrintf(p->pArena, "kql_array_concat(%s)", kqlStrText(&parts));
  }else{
    zList = "'[]'";
  }
  const char *zSql;
  if( bHas ){
    zSql = kqlArenaPrintf(p->pArena, "%s(%s, %s)", op==TK_HAS_ANY ? "kql_has_any" : "kql_has_all",
                          asStringOperand(p, x), zList);
  }else if( bCi ){
    zSql = kqlArenaPrintf(p->pArena, "%skql_in_ci(%s, %s)%s", bNot ? "(NOT " : "",
                          asStringOperand(p, x), zList, bNot ? ")" : "");
  }else{
    /* Exact: compare x with each element's SQL value. Dynamic x compares its text. */
    const char *zX = x->eType==KQL_T_DYNAMIC ? fmt(p, "(%s ->> '$')", x->zSql, 0) : x->zSql;
    if( x->eType==KQL_T_BOOL ){
      zX = fmt(p, "(CASE %s WHEN 1 THEN 1 WHEN 0 THEN 0 END)", zX, 0);
    }
    if( nParts==0 && nScal ){
      zSql = kqlArenaPrintf(p->pArena, "(%s %sIN (%s))", zX, bNot ? "NOT " : "", kqlStrText(&scal));
    }else{
      zSql = kqlArenaPrintf(p->pArena, "(%s %sIN (SELECT value FROM json_each(%s)))", zX,
                            bNot ? "NOT " : "", zList);
    }
  }
  (void)eItemType;
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_BOOL, zSql);
  e->bConst = bConst;
  e->bAgg = bAgg;
  return e;
}

static KqlExpr *bindBetween(Binder *p, const KqlAst *pAst){
  KqlExpr *x = kqlBindExpr(p, pAst->aChild[0]);
  KqlExpr *lo = kqlBindExpr(p, pAst->aChild[1]);
  KqlExpr *hi = kqlBindExpr(p, pAst->aChild[2]);
  if( x->bError || lo->bError || hi->bError ) return kqlExprError(p, pAst);
  const char *zHi = hi->zSql;
  if( x->eType==KQL_T_DATETIME && hi->eType==KQL_T_TIMESPAN ){
    zHi = kqlArenaPrintf(p->pArena, "(%s + %s)", lo->zSql, hi->zSql);
  }else if( !comparable(x->eType, lo->eType) || !comparable(x->eType, hi->eType) ){
    kqlBindErr(p, pAst, "KQL141", "cannot apply 'between' to %s and %s", kqlTypeName(x->eType),
               kqlTypeName(lo->eType));
    return kqlExprError(p, pAst);
  }
  const char *zX = x->eType==KQL_T_DYNAMIC ? fmt(p, "(%s ->> '$')", x->zSql, 0) : x->zSql;
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_BOOL,
                          kqlArenaPrintf(p->pArena, "(%s %sBETWEEN %s AND %s)", zX,
                                         pAst->eOp==TK_NOTBETWEEN ? "NOT " : "", lo->zSql, zHi));
  e->bConst = x->bConst && lo->bConst && hi->bConst;
  e->bAgg = x->bAgg || lo->bAgg || hi->bAgg;
  return e;
}

/* x.y, x["y"], x[0] on a dynamic value. */
static KqlExpr *bindMember(Binder *p, const KqlAst *pAst){
  /* array_sort_asc(a, b)[1]: the second output of a multi-column call */
  const KqlAst *pObj = pAst->aChild[0];
  if( pAst->eKind==KQL_AST_INDEX && pObj->eKind==KQL_AST_CALL && pObj->z && pObj->nChild>=2
      && (strcmp(pObj->z, "array_sort_asc")==0 || strcmp(pObj->z, "array_sort_desc")==0)
      && pAst->aChild[1]->eKind==KQL_AST_LITERAL && pAst->aChild[1]->eOp==KQL_LIT_LONG ){
    KqlAst *pNth = kqlAstNewText(p->pArena, KQL_AST_CALL, pObj->iOfst, pObj->nLen,
                                 pObj->z[11]=='a' ? "__array_sort_asc_nth" : "__array_sort_desc_nth", -1);
    kqlAstAppend(p->pArena, pNth, (KqlAst*)pAst->aChild[1]);
    for(int k=0; k<pObj->nChild; k++) kqlAstAppend(p->pArena, pNth, pObj->aChild[k]);
    pNth->iOfst = pAst->iOfst;
    pNth->nLen = pAst->nLen;
    return kqlBindCall(p, pNth);
  }
  KqlExpr *o = kqlBindExpr(p, pAst->aChild[0]);
  if( o->bError ) return o;
  if( o->eType!=KQL_T_DYNAMIC ){
    kqlBindErr(p, pAst, "KQL142", "member access needs a dynamic value, not %s", kqlTypeName(o->eType));
    return kqlExprError(p, pAst);
  }
  const char *zSql;
  int bConst = o->bConst, bAgg = o->bAgg;
  if( pAst->eKind==KQL_AST_MEMBER ){
    zSql = kqlArenaPrintf(p->pArena, "kql_dyn_get(%s, %s)", o->zSql, kqlBindParamText(p, pAst->z, -1));
  }else{
    const KqlAst *pIdx = pAst->aChild[1];
    KqlExpr *i = kqlBindExpr(p, pIdx);
    if( i->bError ) return i;
    bConst = bConst && i->bConst;
    bAgg = bAgg || i->bAgg;
    if( i->eType==KQL_T_STRING || i->eType==KQL_T_INT || i->eType==KQL_T_LONG ){
      zSql = kqlArenaPrintf(p->pArena, "kql_dyn_get(%s, %s)", o->zSql, i->zSql);
    }else if( i->eType==KQL_T_DYNAMIC ){
      zSql = kqlArenaPrintf(p->pArena, "kql_dyn_get(%s, (%s ->> '$'))", o->zSql, i->zSql);
    }else{
      kqlBindErr(p, pIdx, "KQL142", "index must be a string or an integer, not %s", kqlTypeName(i->eType));
      return kqlExprError(p, pAst);
    }
  }
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_DYNAMIC, zSql);
  e->bConst = bConst;
  e->bAgg = bAgg;
  return e;
}

/* ----------------------------------------------------------- calls */

KqlExpr *kqlBindCall(Binder *p, const KqlAst *pAst);

KqlExpr *kqlBindExpr(Binder *p, const KqlAst *pAst){
  if( pAst==0 ) return kqlExprError(p, 0);
  if( ++p->nDepth > KQL_BIND_MAX_DEPTH ){
    p->nDepth--;
    kqlBindErr(p, pAst, "KQL191", "expression nested too deeply");
    return kqlExprError(p, pAst);
  }
  KqlExpr *e;
  switch( pAst->eKind ){
    case KQL_AST_LITERAL:
      e = pAst->eOp==KQL_LIT_NULL ? bindDynamic(p, pAst) : bindLiteral(p, pAst);
      break;
    case KQL_AST_DYNARRAY: case KQL_AST_DYNBAG:
      e = bindDynamic(p, pAst);
      break;
    case KQL_AST_IDENT:   e = bindIdent(p, pAst); break;
    case KQL_AST_BINARY:  e = bindBinary(p, pAst); break;
    case KQL_AST_UNARY: {
      KqlExpr *a = kqlBindExpr(p, pAst->aChild[0]);
      a = undyn(p, a);
      if( a->bError ){ e = a; break; }
      if( !kqlTypeIsNumeric(a->eType) && a->eType!=KQL_T_TIMESPAN ){
        kqlBindErr(p, pAst, "KQL141", "cannot negate %s", kqlTypeName(a->eType));
        e = kqlExprError(p, pAst);
        break;
      }
      e = kqlExprNew(p, pAst, a->eType==KQL_T_INT ? KQL_T_INT : a->eType,
                     pAst->eOp!=TK_MINUS ? a->zSql
                     : !noNan(a) ? fmt(p, "kql_negr(%s)", a->zSql, 0)
                     : fmt(p, "(- %s)", a->zSql, 0));
      e->bConst = a->bConst;
      e->bAgg = a->bAgg;
      e->bNoNan = a->bNoNan;
      break;
    }
    case KQL_AST_IN:      e = bindIn(p, pAst); break;
    case KQL_AST_BETWEEN: e = bindBetween(p, pAst); break;
    case KQL_AST_MEMBER: case KQL_AST_INDEX:
      e = bindMember(p, pAst);
      break;
    case KQL_AST_CALL:    e = kqlBindCall(p, pAst); break;
    case KQL_AST_PAREN:   e = kqlBindExpr(p, pAst->aChild[0]); break;
    default:
      if( kqlBindIsTabular(p, pAst) ){
        kqlBindErr(p, pAst, "KQL143", "a tabular expression cannot be used as a scalar (use toscalar())");
      }else{
        kqlBindNotSupported(p, pAst, kqlAstKindName(pAst->eKind));
      }
      e = kqlExprError(p, pAst);
      break;
  }
  p->nDepth--;
  return e;
}
