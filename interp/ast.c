/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Parse-tree nodes (see ast.h): the constructors the grammar actions call,
** option lookup, and kqlAstDump(), the indented S-expression printer that the
** parser tests compare. Every node and child array lives in the query arena.
** Operator spellings for the dump come from the TK_* codes of the generated
** parser.h, the same codes the nodes carry in eOp.
*/
#include "ast.h"
#include "parser.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const azKindName[] = {
#define KQL_AST(E, S) S,
  KQL_AST_LIST
#undef KQL_AST
};

static const char *const azLitName[] = {
#define KQL_LIT(E, S) S,
  KQL_LIT_LIST
#undef KQL_LIT
};

KqlAst *kqlAstNew(KqlArena *pArena, int eKind, int iOfst, int nLen){
  KqlAst *p = kqlArenaAlloc(pArena, sizeof(KqlAst));
  p->eKind = eKind;
  p->iOfst = iOfst;
  p->nLen = nLen;
  return p;
}

KqlAst *kqlAstNewText(KqlArena *pArena, int eKind, int iOfst, int nLen, const char *z, int n){
  KqlAst *p = kqlAstNew(pArena, eKind, iOfst, nLen);
  if( z ){
    if( n<0 ) n = (int)strlen(z);
    p->z = kqlArenaStrdup(pArena, z, n);
    p->n = n;
  }
  return p;
}

void kqlAstExtend(KqlAst *p, int iEnd){
  if( p && p->iOfst>=0 && iEnd > p->iOfst + p->nLen ) p->nLen = iEnd - p->iOfst;
}

/* Widen p so that it also covers the span of c. */
static void coverSpan(KqlAst *p, const KqlAst *c){
  if( c==0 || c->iOfst<0 ) return;
  if( p->iOfst<0 ){
    p->iOfst = c->iOfst;
    p->nLen = c->nLen;
    return;
  }
  if( c->iOfst < p->iOfst ){
    p->nLen += p->iOfst - c->iOfst;
    p->iOfst = c->iOfst;
  }
  kqlAstExtend(p, c->iOfst + c->nLen);
}

KqlAst *kqlAstAppend(KqlArena *pArena, KqlAst *p, KqlAst *pChild){
  if( p->nChild>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 4;
    KqlAst **aNew = kqlArenaAlloc(pArena, sizeof(KqlAst*)*(size_t)nNew);
    if( p->nChild ) memcpy(aNew, p->aChild, sizeof(KqlAst*)*(size_t)p->nChild);
    p->aChild = aNew;
    p->nAlloc = nNew;
  }
  p->aChild[p->nChild++] = pChild;
  coverSpan(p, pChild);
  return p;
}

KqlAst *kqlAstAddOpt(KqlArena *pArena, KqlAst *p, KqlAst *pNamedArg){
  if( p->pOpts==0 ){
    p->pOpts = kqlAstNew(pArena, KQL_AST_KLIST, pNamedArg ? pNamedArg->iOfst : -1,
                         pNamedArg ? pNamedArg->nLen : 0);
  }
  kqlAstAppend(pArena, p->pOpts, pNamedArg);
  coverSpan(p, pNamedArg);
  return p;
}

KqlAst *kqlAstOpt(const KqlAst *p, const char *zName){
  int i;
  if( p==0 || p->pOpts==0 ) return 0;
  for(i=0; i<p->pOpts->nChild; i++){
    KqlAst *o = p->pOpts->aChild[i];
    if( o && o->z && strcmp(o->z, zName)==0 ) return o;
  }
  return 0;
}

const char *kqlAstKindName(int eKind){
  if( eKind<0 || eKind>=KQL_AST_COUNT ) return "?";
  return azKindName[eKind];
}

/* Spelling of an operator token code for dumps. */
static const char *opSpelling(int eOp){
  switch( eOp ){
    case TK_PLUS: return "+";          case TK_MINUS: return "-";
    case TK_STAR: return "*";          case TK_SLASH: return "/";
    case TK_PERCENT: return "%";       case TK_EQ: return "==";
    case TK_NE: return "!=";           case TK_LT: return "<";
    case TK_LE: return "<=";           case TK_GT: return ">";
    case TK_GE: return ">=";           case TK_EQTILDE: return "=~";
    case TK_NETILDE: return "!~";      case TK_AND: return "and";
    case TK_OR: return "or";           case TK_HAS: return "has";
    case TK_NOTHAS: return "!has";     case TK_HAS_CS: return "has_cs";
    case TK_NOTHAS_CS: return "!has_cs";
    case TK_HASPREFIX: return "hasprefix";       case TK_NOTHASPREFIX: return "!hasprefix";
    case TK_HASPREFIX_CS: return "hasprefix_cs"; case TK_NOTHASPREFIX_CS: return "!hasprefix_cs";
    case TK_HASSUFFIX: return "hassuffix";       case TK_NOTHASSUFFIX: return "!hassuffix";
    case TK_HASSUFFIX_CS: return "hassuffix_cs"; case TK_NOTHASSUFFIX_CS: return "!hassuffix_cs";
    case TK_CONTAINS: return "contains";         case TK_NOTCONTAINS: return "!contains";
    case TK_CONTAINS_CS: return "contains_cs";   case TK_NOTCONTAINS_CS: return "!contains_cs";
    case TK_STARTSWITH: return "startswith";     case TK_NOTSTARTSWITH: return "!startswith";
    case TK_STARTSWITH_CS: return "startswith_cs"; case TK_NOTSTARTSWITH_CS: return "!startswith_cs";
    case TK_ENDSWITH: return "endswith";         case TK_NOTENDSWITH: return "!endswith";
    case TK_ENDSWITH_CS: return "endswith_cs";   case TK_NOTENDSWITH_CS: return "!endswith_cs";
    case TK_LIKE: return "like";       case TK_NOTLIKE: return "notlike";
    case TK_LIKE_CS: return "likecs";  case TK_NOTLIKE_CS: return "notlikecs";
    case TK_MATCHES: return "matches regex";
    case TK_IN: return "in";           case TK_NOTIN: return "!in";
    case TK_IN_CI: return "in~";       case TK_NOTIN_CI: return "!in~";
    case TK_HAS_ANY: return "has_any"; case TK_HAS_ALL: return "has_all";
    case TK_BETWEEN: return "between"; case TK_NOTBETWEEN: return "!between";
    case TK_SEARCHCOLON: return ":";
    default: return "?";
  }
}

/* A growable text buffer for the dump (malloc'ed: the result outlives no arena). */
typedef struct DumpBuf DumpBuf;
struct DumpBuf {
  char *z;              /* text so far */
  size_t n;             /* bytes used */
  size_t nAlloc;        /* bytes allocated */
};

static void bufAppend(DumpBuf *b, const char *z, size_t n){
  if( b->n + n + 1 > b->nAlloc ){
    size_t nNew = b->nAlloc ? b->nAlloc*2 : 256;
    while( nNew < b->n + n + 1 ) nNew *= 2;
    char *zNew = realloc(b->z, nNew);
    if( zNew==0 ){ fputs("kqlite: out of memory\n", stderr); abort(); }
    b->z = zNew;
    b->nAlloc = nNew;
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}
static void bufPuts(DumpBuf *b, const char *z){ bufAppend(b, z, strlen(z)); }

/* Append z[0..n) as a double-quoted string with C-style escapes. */
static void bufQuoted(DumpBuf *b, const char *z, int n){
  int i;
  char aTmp[8];
  bufPuts(b, "\"");
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){ aTmp[0] = '\\'; aTmp[1] = (char)c; bufAppend(b, aTmp, 2); }
    else if( c=='\n' ) bufPuts(b, "\\n");
    else if( c=='\t' ) bufPuts(b, "\\t");
    else if( c=='\r' ) bufPuts(b, "\\r");
    else if( c<0x20 || c==0x7f ){ snprintf(aTmp, sizeof(aTmp), "\\x%02x", c); bufPuts(b, aTmp); }
    else bufAppend(b, (const char*)&z[i], 1);
  }
  bufPuts(b, "\"");
}

static void dumpNode(DumpBuf *b, const KqlAst *p, int iIndent);

static void dumpIndent(DumpBuf *b, int iIndent){
  static const char azSpace[] = "                                ";
  while( iIndent>0 ){
    int k = iIndent > 32 ? 32 : iIndent;
    bufAppend(b, azSpace, (size_t)k);
    iIndent -= k;
  }
}

static void dumpNode(DumpBuf *b, const KqlAst *p, int iIndent){
  char aTmp[64];
  int i;
  dumpIndent(b, iIndent);
  if( p==0 ){ bufPuts(b, "()"); return; }
  bufPuts(b, "(");
  bufPuts(b, kqlAstKindName(p->eKind));
  switch( p->eKind ){
    case KQL_AST_BINARY: case KQL_AST_UNARY: case KQL_AST_IN: case KQL_AST_BETWEEN:
      bufPuts(b, " ");
      bufPuts(b, opSpelling(p->eOp));
      break;
    case KQL_AST_LITERAL:
      bufPuts(b, " ");
      bufPuts(b, (p->eOp>=0 && p->eOp<KQL_LIT_COUNT) ? azLitName[p->eOp] : "?");
      break;
    case KQL_AST_SORTKEY: case KQL_AST_TOPNESTED:
      if( p->eOp & KQL_SORT_ASC ) bufPuts(b, " asc");
      if( p->eOp & KQL_SORT_DESC ) bufPuts(b, " desc");
      if( p->eOp & KQL_SORT_NULLS_FIRST ) bufPuts(b, " nulls-first");
      if( p->eOp & KQL_SORT_NULLS_LAST ) bufPuts(b, " nulls-last");
      break;
    case KQL_AST_CALL:
      if( p->eOp==1 ) bufPuts(b, " method");
      break;
    default:
      break;
  }
  if( p->z ){
    bufPuts(b, " ");
    bufQuoted(b, p->z, p->n);
  }
  snprintf(aTmp, sizeof(aTmp), " @%d+%d", p->iOfst, p->nLen);
  bufPuts(b, aTmp);
  if( p->pOpts ){
    bufPuts(b, "\n");
    dumpIndent(b, iIndent+2);
    bufPuts(b, "(opts");
    for(i=0; i<p->pOpts->nChild; i++){
      bufPuts(b, "\n");
      dumpNode(b, p->pOpts->aChild[i], iIndent+4);
    }
    bufPuts(b, ")");
  }
  for(i=0; i<p->nChild; i++){
    bufPuts(b, "\n");
    dumpNode(b, p->aChild[i], iIndent+2);
  }
  bufPuts(b, ")");
}

char *kqlAstDump(const KqlAst *p){
  DumpBuf b = {0, 0, 0};
  dumpNode(&b, p, 0);
  bufPuts(&b, "\n");
  return b.z;
}
