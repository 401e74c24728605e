/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** parse, parse-where and parse-kv. The pattern of parse is compiled here,
** at bind time, into one PCRE2 regular expression (a bound parameter) with
** a named group kqlpN per extracted column:
**   kind=simple (default)  anchored at both ends, '.' matches newlines;
**                          string constants match literally, '*' is .*?,
**                          a string column (.*?), numbers, bools and guids
**                          their own shapes; every typed column must
**                          convert or the row does not parse.
**   kind=relaxed           as simple, but a typed column falls back to (.*?)
**                          where its shape does not let the rest match, and a
**                          value that does not convert is null for that
**                          column only.
**   kind=regex [flags=..]  string constants are regular expressions, '*' is
**                          .*, a string column (.*) (the flags, U for
**                          ungreedy, i, m, s, apply to the whole pattern).
** kql_parse (fn_ops.c) returns the converted values as a JSON array which an
** outer SELECT spreads into the columns; parse keeps rows that do not parse
** ("" for strings, null otherwise), parse-where drops them. The inner SELECT
** has LIMIT -1 OFFSET 0 so SQLite cannot flatten it and run the regex once
** per column. parse-kv works the same way through kql_parse_kv.
*/
#include "bind_ext.h"
#include <string.h>

#define PARSE_SIMPLE  0
#define PARSE_REGEX   1
#define PARSE_RELAXED 2

/* Append z[0..n) to s as a PCRE2 pattern matching it literally. */
static void appendRegexLiteral(KqlStr *s, const char *z, int n){
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c==0 ){ kqlStrAppend(s, "\\x{0}", -1); continue; }
    if( c>=0x80 || (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z') ){
      kqlStrAppend(s, (const char*)&z[i], 1);
    }else{
      kqlStrAppend(s, "\\", 1);
      kqlStrAppend(s, (const char*)&z[i], 1);
    }
  }
}

/* The capture shape of a column of type eType. */
static const char *typeShape(int eType, int eKind){
  /* relaxed: a typed column takes its own shape where the rest of the text
  ** still matches, else any text (which then fails to convert: null) */
  if( eKind==PARSE_RELAXED ){
    switch( eType ){
      case KQL_T_INT: case KQL_T_LONG:
        return "(-?\\d+|.*?)";
      case KQL_T_REAL: case KQL_T_DECIMAL:
        return "(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|.*?)";
      case KQL_T_BOOL:
        return "((?i:true|false)|.*?)";
      default:
        return "(.*?)";
    }
  }
  switch( eType ){
    case KQL_T_INT: case KQL_T_LONG:
      return "(-?\\d+)";
    case KQL_T_REAL: case KQL_T_DECIMAL:
      return "(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    case KQL_T_BOOL:
      return "((?i:true|false))";
    case KQL_T_GUID:
      return "([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})";
    default:
      return eKind==PARSE_REGEX ? "(.*)" : "(.*?)";
  }
}

/* A JSON string literal for z (the binder has no JSON library). */
static void appendJsonString(KqlStr *s, const char *z, int n){
  kqlStrAppend(s, "\"", 1);
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){
      kqlStrAppend(s, "\\", 1);
      kqlStrAppend(s, (const char*)&z[i], 1);
    }else if( c<0x20 ){
      kqlStrPrintf(s, "\\u%04x", c);
    }else{
      kqlStrAppend(s, (const char*)&z[i], 1);
    }
  }
  kqlStrAppend(s, "\"", 1);
}

/* One extracted column. */
typedef struct ParseCol ParseCol;
struct ParseCol {
  const char *zName;
  int eType;
};

/*
** The common tail of parse and parse-kv: wrap pIn with the JSON-producing
** call zCall (naming hidden column zHidden), then spread the array into the
** columns aCol[0..nCol) (replacing input columns of the same name in place).
*/
static KqlRel *spreadColumns(Binder *p, KqlRel *pIn, const char *zA, const char *zCall,
                             const char *zHidden, const ParseCol *aCol, int nCol, int bWhere){
  const char *zB = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  /* inner: the input plus the JSON array */
  kqlStrAppend(&s, "SELECT ", -1);
  kqlExtColList(&s, pIn, zA);
  if( pIn->nCol ) kqlStrAppend(&s, ", ", 2);
  kqlStrPrintf(&s, "%s AS ", zCall);
  kqlStrIdent(&s, zHidden, -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s LIMIT -1 OFFSET 0", pIn->zSql, zA);
  const char *zInner = kqlStrText(&s);
  /* outer */
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + nCol);
  int *aiSrc = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + nCol + 1));
  int nOut = pIn->nCol;
  memcpy(aOut, pIn->aCol, sizeof(KqlCol)*(size_t)pIn->nCol);
  for(int c=0; c<pIn->nCol; c++) aiSrc[c] = -1;
  for(int i=0; i<nCol; i++){
    int c = kqlBindFindCol(pIn, aCol[i].zName);
    if( c<0 ){
      c = nOut++;
      aOut[c].zName = aCol[i].zName;
    }
    aOut[c].eType = aCol[i].eType;
    aiSrc[c] = i;
  }
  KqlStr h;
  kqlStrInit(&h, p->pArena);
  kqlStrPrintf(&h, "%s.", zB);
  kqlStrIdent(&h, zHidden, -1);
  const char *zArr = kqlStrText(&h);
  KqlStr o;
  kqlStrInit(&o, p->pArena);
  kqlStrAppend(&o, "SELECT ", -1);
  for(int c=0; c<nOut; c++){
    if( c ) kqlStrAppend(&o, ", ", 2);
    if( aiSrc[c]<0 ){
      kqlStrPrintf(&o, "%s.", zB);
      kqlStrIdent(&o, aOut[c].zName, -1);
    }else{
      kqlExtAppendJsonCell(&o, zArr, aiSrc[c], aOut[c].eType);
      kqlStrAppend(&o, " AS ", -1);
      kqlStrIdent(&o, aOut[c].zName, -1);
    }
  }
  if( nOut==0 ) kqlStrAppend(&o, "NULL", -1);
  kqlStrPrintf(&o, " FROM (%s) AS %s", zInner, zB);
  if( bWhere ) kqlStrPrintf(&o, " WHERE %s IS NOT NULL", zArr);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&o), nOut, aOut);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/* The type-tag text ('a'+KQL_T_*) of the columns, quoted for SQL. */
static const char *typeTags(Binder *p, const ParseCol *aCol, int nCol){
  char *z = kqlArenaAlloc(p->pArena, (size_t)nCol + 3);
  z[0] = '\'';
  for(int i=0; i<nCol; i++) z[i+1] = (char)('a' + aCol[i].eType);
  z[nCol+1] = '\'';
  z[nCol+2] = 0;
  return z;
}

/* The source expression of parse / parse-kv as string SQL. */
static const char *sourceText(Binder *p, const KqlAst *pExpr){
  KqlExpr *e = kqlBindExpr(p, pExpr);
  if( e->bError ) return 0;
  return kqlExprAs(p, e, KQL_T_STRING);
}

/* Check a new column name against the ones before it. */
static int dupName(Binder *p, const KqlAst *pAt, const ParseCol *aCol, int nCol, const char *zName){
  for(int j=0; j<nCol; j++){
    if( strcmp(aCol[j].zName, zName)==0 ){
      kqlBindErr(p, pAt, "KQL112", "duplicate column name '%s'", zName);
      return 1;
    }
  }
  return 0;
}

KqlRel *kqlExtParse(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  int bWhere = pOp->z && strcmp(pOp->z, "parse-where")==0;
  const char *zOp = bWhere ? "parse-where" : "parse";
  int eKind = PARSE_SIMPLE;
  const KqlAst *pKind = kqlExtOpt(pOp, "kind");
  if( pKind ){
    const char *z = kqlExtConstText(p, pKind, 1);
    if( z && strcmp(z, "simple")==0 ) eKind = PARSE_SIMPLE;
    else if( z && strcmp(z, "regex")==0 ) eKind = PARSE_REGEX;
    else if( z && strcmp(z, "relaxed")==0 ) eKind = PARSE_RELAXED;
    else{
      kqlBindErr(p, pKind, "KQL200", "%s: unknown kind '%s' (expected simple, regex or relaxed)",
                 zOp, z ? z : "?");
      return kqlExtRelError(p);
    }
  }
  const char *zFlags = 0;
  const KqlAst *pFlags = kqlExtOpt(pOp, "flags");
  if( pFlags ){
    zFlags = kqlExtConstText(p, pFlags, 1);
    if( eKind!=PARSE_REGEX ){
      kqlBindErr(p, pFlags, "KQL201", "%s: flags= needs kind=regex", zOp);
      return kqlExtRelError(p);
    }
    for(const char *c = zFlags ? zFlags : "?"; *c; c++){
      if( !strchr("imsU", *c) ){
        kqlBindErr(p, pFlags, "KQL201", "%s: unknown regex flag '%c' (expected i, m, s or U)", zOp, *c);
        return kqlExtRelError(p);
      }
    }
  }
  if( pOp->nChild<2 ){
    kqlBindErr(p, pOp, "KQL202", "%s: the pattern has no columns", zOp);
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  const char *zSrc = sourceText(p, pOp->aChild[0]);
  kqlExtRowLeave(p, pSave);
  if( zSrc==0 ) return kqlExtRelError(p);
  /* compile the pattern */
  ParseCol *aCol = kqlArenaAlloc(p->pArena, sizeof(ParseCol)*(size_t)pOp->nChild);
  int nCol = 0;
  KqlStr re;
  kqlStrInit(&re, p->pArena);
  if( eKind==PARSE_REGEX ){
    if( zFlags && zFlags[0] ) kqlStrPrintf(&re, "(?%s)", zFlags);
  }else{
    kqlStrAppend(&re, "(?s)^", -1);
  }
  for(int i=1; i<pOp->nChild; i++){
    const KqlAst *pPart = pOp->aChild[i];
    if( pPart==0 ) continue;
    switch( pPart->eKind ){
      case KQL_AST_STAR:
        kqlStrAppend(&re, eKind==PARSE_REGEX ? ".*" : ".*?", -1);
        break;
      case KQL_AST_LITERAL:
        if( pPart->eOp!=KQL_LIT_STRING ){
          kqlBindErr(p, pPart, "KQL202", "%s: expected a string constant, a column or '*' in the pattern", zOp);
          return kqlExtRelError(p);
        }
        if( eKind==PARSE_REGEX ){
          kqlStrAppend(&re, "(?:", 3);
          kqlStrAppend(&re, pPart->z ? pPart->z : "", pPart->n);
          kqlStrAppend(&re, ")", 1);
        }else{
          appendRegexLiteral(&re, pPart->z ? pPart->z : "", pPart->n);
        }
        break;
      case KQL_AST_COLDECL: {
        int eType = kqlExtType(pPart);
        if( eType<0 ){
          kqlBindErr(p, pPart, "KQL111", "unknown type in column '%s'", pPart->z);
          return kqlExtRelError(p);
        }
        if( dupName(p, pPart, aCol, nCol, pPart->z) ) return kqlExtRelError(p);
        aCol[nCol].zName = pPart->z;
        aCol[nCol].eType = eType;
        const char *zShape = typeShape(eType, eKind);
        kqlStrPrintf(&re, "(?<kqlp%d>%.*s)", nCol, (int)strlen(zShape)-2, zShape+1);
        nCol++;
        break;
      }
      default:
        kqlBindErr(p, pPart, "KQL202", "%s: expected a string constant, a column or '*' in the pattern", zOp);
        return kqlExtRelError(p);
    }
  }
  if( eKind!=PARSE_REGEX ) kqlStrAppend(&re, "$", 1);
  if( nCol==0 ){
    kqlBindErr(p, pOp, "KQL202", "%s: the pattern has no columns", zOp);
    return kqlExtRelError(p);
  }
  const char *zRe = kqlBindParamText(p, kqlStrText(&re), -1);
  int mode = (eKind==PARSE_RELAXED ? 1 : 0) | (bWhere ? 2 : 0);
  const char *zCall = kqlArenaPrintf(p->pArena, "kql_parse(%s, %s, %s, %d)", zSrc, zRe,
                                     typeTags(p, aCol, nCol), mode);
  return spreadColumns(p, pIn, zA, zCall, kqlExtHiddenName(p, pIn, "kql$parse"), aCol, nCol, bWhere);
}

/* ------------------------------------------------------------ parse-kv */

/* The text of a one-character-or-more string option; NULL (and an error) when not constant. */
static const char *kvOptText(Binder *p, const KqlAst *pVal, const char *zOpt){
  const char *z = kqlExtConstText(p, pVal, 0);
  if( z==0 ) kqlBindErr(p, pVal, "KQL203", "parse-kv: %s= needs a string constant", zOpt);
  return z;
}

KqlRel *kqlExtParseKv(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pSchema = pOp->nChild>1 ? pOp->aChild[1] : 0;
  int nCol = pSchema ? pSchema->nChild : 0;
  if( nCol==0 ){
    kqlBindErr(p, pOp, "KQL203", "parse-kv: no keys listed");
    return kqlExtRelError(p);
  }
  ParseCol *aCol = kqlArenaAlloc(p->pArena, sizeof(ParseCol)*(size_t)nCol);
  KqlStr keys;
  kqlStrInit(&keys, p->pArena);
  kqlStrAppend(&keys, "[", 1);
  for(int i=0; i<nCol; i++){
    const KqlAst *pDecl = pSchema->aChild[i];
    int eType = kqlExtType(pDecl);
    if( eType<0 ){
      kqlBindErr(p, pDecl, "KQL111", "unknown type in column '%s'", pDecl->z);
      return kqlExtRelError(p);
    }
    if( dupName(p, pDecl, aCol, i, pDecl->z) ) return kqlExtRelError(p);
    aCol[i].zName = pDecl->z;
    aCol[i].eType = eType;
    if( i ) kqlStrAppend(&keys, ",", 1);
    appendJsonString(&keys, pDecl->z, (int)strlen(pDecl->z));
  }
  kqlStrAppend(&keys, "]", 1);
  /* options */
  const char *zPair = 0, *zKv = 0, *zRegex = 0;
  int bGreedy = 0;
  KqlStr quotes, escapes;
  kqlStrInit(&quotes, p->pArena);
  kqlStrInit(&escapes, p->pArena);
  kqlStrAppend(&quotes, "", 0);
  kqlStrAppend(&escapes, "", 0);
  for(int i=0; pOp->pOpts && i<pOp->pOpts->nChild; i++){
    const KqlAst *pArg = pOp->pOpts->aChild[i];
    const KqlAst *pVal = pArg->nChild ? pArg->aChild[0] : 0;
    const char *zName = pArg->z ? pArg->z : "";
    if( pVal==0 ) continue;
    if( strcmp(zName, "pair_delimiter")==0 ){
      if( (zPair = kvOptText(p, pVal, zName))==0 ) return kqlExtRelError(p);
    }else if( strcmp(zName, "kv_delimiter")==0 ){
      if( (zKv = kvOptText(p, pVal, zName))==0 ) return kqlExtRelError(p);
    }else if( strcmp(zName, "regex")==0 ){
      if( (zRegex = kvOptText(p, pVal, zName))==0 ) return kqlExtRelError(p);
    }else if( strcmp(zName, "quote")==0 ){
      const char *z = kvOptText(p, pVal, zName);
      if( z==0 ) return kqlExtRelError(p);
      int n = (int)strlen(z);
      if( n<1 || n>2 ){
        kqlBindErr(p, pVal, "KQL203", "parse-kv: quote= takes one or two characters");
        return kqlExtRelError(p);
      }
      kqlStrAppend(&quotes, z, 1);
      kqlStrAppend(&quotes, z + (n-1), 1);
    }else if( strcmp(zName, "escape")==0 ){
      const char *z = kvOptText(p, pVal, zName);
      if( z==0 ) return kqlExtRelError(p);
      if( strlen(z)!=1 ){
        kqlBindErr(p, pVal, "KQL203", "parse-kv: escape= takes one character");
        return kqlExtRelError(p);
      }
      kqlStrAppend(&escapes, z, 1);
    }else if( strcmp(zName, "greedy")==0 ){
      KqlExpr *e = kqlExtConst(p, pVal);
      if( e->eType!=KQL_T_BOOL || pVal->eKind!=KQL_AST_LITERAL ){
        kqlBindErr(p, pVal, "KQL203", "parse-kv: greedy= needs true or false");
        return kqlExtRelError(p);
      }
      bGreedy = pVal->z && strcmp(pVal->z, "true")==0;
    }else{
      kqlBindErr(p, pArg, "KQL203", "parse-kv: unknown option '%s'", zName);
      return kqlExtRelError(p);
    }
  }
  if( (zPair==0)!=(zKv==0) && zRegex==0 ){
    kqlBindErr(p, pOp, "KQL203", "parse-kv: pair_delimiter= and kv_delimiter= go together");
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  const char *zSrc = sourceText(p, pOp->aChild[0]);
  kqlExtRowLeave(p, pSave);
  if( zSrc==0 ) return kqlExtRelError(p);
  const char *zKeys = kqlBindParamText(p, kqlStrText(&keys), -1);
  const char *zCall;
  if( zRegex ){
    zCall = kqlArenaPrintf(p->pArena, "kql_parse_kv_regex(%s, %s, %s, %s)", zSrc, zKeys,
                           typeTags(p, aCol, nCol), kqlBindParamText(p, zRegex, -1));
  }else{
    zCall = kqlArenaPrintf(p->pArena, "kql_parse_kv(%s, %s, %s, %s, %s, %s, %s, %d)", zSrc, zKeys,
                           typeTags(p, aCol, nCol),
                           zPair ? kqlBindParamText(p, zPair, -1) : "NULL",
                           zKv ? kqlBindParamText(p, zKv, -1) : "NULL",
                           kqlBindParamText(p, kqlStrText(&quotes), -1),
                           kqlBindParamText(p, kqlStrText(&escapes), -1), bGreedy);
  }
  return spreadColumns(p, pIn, zA, zCall, kqlExtHiddenName(p, pIn, "kql$kv"), aCol, nCol, 0);
}
