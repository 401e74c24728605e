/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlParse(): the lexer-to-Lemon loop (SQLite's sqlite3RunParser shape), the
** node-building helpers the grammar actions call, literal decoding, and the
** syntax diagnostics. The text is tokenized first into an array (so the
** context decisions below can look ahead), then each token is fed to the
** Lemon engine. Decisions taken here rather than in the grammar:
**   - option names: right after an operator keyword that takes options
**     (join kind=..., union withsource=..., summarize hint.strategy=...), a
**     known option name followed by '=' becomes one OPTNAME token (hint.x
**     is glued into one);
**   - wildcards: in union / project-away / project-keep / project-reorder /
**     project-by-names lists and in find/search "in (...)" lists, a glued run of names and
**     '*' (Device*, *Events) becomes one WILDCARD token;
**   - depth: brackets nested deeper than KQL_MAX_DEPTH, or a statement whose
**     tree is deeper than that, is an error instead of a stack overflow.
** After a syntax error the rest of the statement is skipped up to the next
** ';' outside brackets and parsing restarts with a fresh engine, so every
** statement reports its first error.
*/
#include "parseInt.h"
#include "lexer.h"
#include "parser.h"
#include "types.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

/* One lexed token (not whitespace). */
typedef struct LexTok LexTok;
struct LexTok {
  int eTok;             /* TK_* or TK_ILLEGAL */
  int iOfst;            /* byte offset */
  int n;                /* bytes */
  int eErr;             /* KQL_LEXERR_* for TK_ILLEGAL */
  int iErr;             /* offset of the bad byte from iOfst */
};

/* One nesting level: a bracket and the operator context inside it. */
typedef struct Level Level;
struct Level {
  int eOpen;            /* TK_LP, TK_LB, TK_LBRACE; 0 for the top level */
  int iOpen;            /* byte offset of the bracket */
  int eOp;              /* operator keyword in force at this level, or 0 */
  int eOptState;        /* 0 none, 1 option may start, 2 after name, 3 after '=' */
  int bWild;            /* glue wildcards in this list */
};

/* ------------------------------------------------------------------ */
/* Token names for messages                                            */

const char *kqlTokenName(int eTok){
  switch( eTok ){
    case 0: return "end of input";
    case TK_SEMI: return "';'";      case TK_PIPE: return "'|'";
    case TK_LP: return "'('";        case TK_RP: return "')'";
    case TK_LB: return "'['";        case TK_RB: return "']'";
    case TK_LBRACE: return "'{'";    case TK_RBRACE: return "'}'";
    case TK_COMMA: return "','";     case TK_COLON: return "':'";
    case TK_DOT: return "'.'";       case TK_DOTDOT: return "'..'";
    case TK_ASSIGN: return "'='";    case TK_ARROW: return "'=>'";
    case TK_ID: return "identifier"; case TK_STRING: return "string literal";
    case TK_LONG: case TK_REAL: return "number";
    case TK_TIMESPAN: return "timespan literal";
    case TK_TYPEDLIT: return "literal";
    case TK_BY: return "'by'";       case TK_ON: return "'on'";
    case TK_WITH: return "'with'";   case TK_OF: return "'of'";
    case TK_TO: return "'to'";       case TK_STEP: return "'step'";
    case TK_FROM: return "'from'";
    default: return "token";
  }
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

static void lineCol(KqlParseCtx *pCtx, int iOfst, int *piLine, int *piCol){
  KqlSource src;
  memset(&src, 0, sizeof(src));
  src.zName = "";
  src.z = pCtx->zSql;
  src.n = pCtx->nSql;
  kqlDiagLocate(&src, iOfst, piLine, piCol);
}

/* Record the statement's first error at [iOfst, iOfst+n). */
static void parseError(KqlParseCtx *pCtx, int iOfst, int n, const char *zMsg){
  if( pCtx->bErr ) return;
  pCtx->bErr = 1;
  kqlDiagAdd(pCtx->pDiags, KQL_SEV_ERROR, "KQL001", iOfst, n, "%s", zMsg);
}

/* Quote at most 40 bytes of token text for a message, never splitting a
** UTF-8 character and never copying control bytes. */
static char *quoteTok(KqlParseCtx *pCtx, const char *z, int n){
  int nMax = n > 40 ? 40 : n;
  while( nMax>0 && nMax<n && (((unsigned char)z[nMax]) & 0xC0)==0x80 ) nMax--;
  char *zOut = kqlArenaAlloc(pCtx->pArena, (size_t)nMax*4 + 8);
  int j = 0, i;
  for(i=0; i<nMax; i++){
    unsigned char c = (unsigned char)z[i];
    if( c<0x20 ){ j += snprintf(zOut+j, 5, "\\x%02x", c); }
    else zOut[j++] = (char)c;
  }
  if( nMax<n ){ memcpy(zOut+j, "...", 3); j += 3; }
  zOut[j] = 0;
  return zOut;
}

static int closerOf(int eOpen){
  return eOpen==TK_LP ? TK_RP : eOpen==TK_LB ? TK_RB : TK_RBRACE;
}

/* Spelling of a token for "expected ..." hints, or NULL when it has none. */
static const char *expectSpelling(int eTok){
  switch( eTok ){
    case TK_RP: return "')'";       case TK_RB: return "']'";
    case TK_RBRACE: return "'}'";   case TK_LP: return "'('";
    case TK_LB: return "'['";       case TK_LBRACE: return "'{'";
    case TK_COMMA: return "','";    case TK_COLON: return "':'";
    case TK_ASSIGN: return "'='";   case TK_DOTDOT: return "'..'";
    case TK_SEMI: return "';'";     case TK_PIPE: return "'|'";
    case TK_BY: return "'by'";      case TK_ON: return "'on'";
    case TK_WITH: return "'with'";  case TK_OF: return "'of'";
    case TK_TO: return "'to'";      case TK_STEP: return "'step'";
    case TK_FROM: return "'from'";  case TK_AS: return "'as'";
    case TK_ID: return "a name";    case TK_STRING: return "a string";
    case TK_TYPEOF: return "'typeof'"; case TK_REGEX: return "'regex'";
    case TK_ACCESS: return "'access'"; case TK_STAR: return "'*'";
    case TK_FIRST: return "'first'"; case TK_LAST: return "'last'";
    default: return 0;
  }
}

/*
** ", expected 'by'" when at most three tokens could continue the parse
** and each has a spelling; "" otherwise (also when ';' is among them). Internal tokens made by the
** context decisions (OPTNAME, WILDCARD, ...) are not counted.
*/
static const char *expectedHint(KqlParseCtx *pCtx){
  int aOk[4], nOk = 0, e, i;
  int nTok = kqlParserTokenCount();
  char *z;
  if( pCtx->pEngine==0 ) return "";
  for(e=1; e<nTok; e++){
    if( e==TK_SPACE || e==TK_ILLEGAL || e==TK_OPTNAME || e==TK_WILDCARD
     || e==TK_INRANGE || e==TK_SEARCHCOLON ) continue;
    if( kqlParserWouldAccept(pCtx->pEngine, e) ){
      /* ';' means Lemon's default reductions already closed the statement,
      ** so the state no longer tells what could have followed */
      if( nOk>=3 || expectSpelling(e)==0 || e==TK_SEMI ) return "";
      aOk[nOk++] = e;
    }
  }
  if( nOk==0 ) return "";
  z = kqlArenaPrintf(pCtx->pArena, ", expected %s", expectSpelling(aOk[0]));
  for(i=1; i<nOk; i++){
    z = kqlArenaPrintf(pCtx->pArena, "%s%s%s", z, i==nOk-1 ? " or " : ", ", expectSpelling(aOk[i]));
  }
  return z;
}

void kqlPSyntaxError(KqlParseCtx *pCtx, int eTok, const KqlTok *pTok){
  char *zMsg;
  int iOfst = eTok==0 ? pCtx->nSql : pTok->iOfst;
  int n = eTok==0 ? 0 : pTok->n;
  if( pCtx->bErr ) return;
  if( eTok==0 ){
    /* point just past the last token, not at trailing blank lines */
    while( iOfst>0 && (pCtx->zSql[iOfst-1]==' ' || pCtx->zSql[iOfst-1]=='\t'
                       || pCtx->zSql[iOfst-1]=='\n' || pCtx->zSql[iOfst-1]=='\r') ) iOfst--;
  }
  if( pCtx->eOpen && pCtx->pEngine
   && kqlParserWouldAccept(pCtx->pEngine, closerOf(pCtx->eOpen)) ){
    int iLine, iCol;
    const char *zOpen = pCtx->eOpen==TK_LP ? "(" : pCtx->eOpen==TK_LB ? "[" : "{";
    const char *zClose = pCtx->eOpen==TK_LP ? ")" : pCtx->eOpen==TK_LB ? "]" : "}";
    lineCol(pCtx, pCtx->iOpen, &iLine, &iCol);
    zMsg = kqlArenaPrintf(pCtx->pArena, "expected '%s' to close '%s' at %d:%d",
                          zClose, zOpen, iLine, iCol);
  }else if( eTok==0 ){
    zMsg = kqlArenaPrintf(pCtx->pArena, "incomplete query");
  }else{
    zMsg = kqlArenaPrintf(pCtx->pArena, "near \"%s\": syntax error%s",
                          quoteTok(pCtx, pTok->z, pTok->n), expectedHint(pCtx));
  }
  parseError(pCtx, iOfst, n, zMsg);
}

void kqlPStackOverflow(KqlParseCtx *pCtx){
  parseError(pCtx, pCtx->iCur, 0, "query nested too deeply");
}

void kqlPExpectWord(KqlParseCtx *pCtx, const KqlTok *pTok, const char *zWord){
  if( (int)strlen(zWord)==pTok->n && memcmp(pTok->z, zWord, (size_t)pTok->n)==0 ) return;
  parseError(pCtx, pTok->iOfst, pTok->n,
             kqlArenaPrintf(pCtx->pArena, "near \"%s\": syntax error, expected '%s'",
                            quoteTok(pCtx, pTok->z, pTok->n), zWord));
}

void kqlPExpectWord2(KqlParseCtx *pCtx, const KqlTok *pTok, const char *zWord1, const char *zWord2){
  if( (int)strlen(zWord1)==pTok->n && memcmp(pTok->z, zWord1, (size_t)pTok->n)==0 ) return;
  kqlPExpectWord(pCtx, pTok, zWord2);
}

/* Report a lexer error token. */
static void lexError(KqlParseCtx *pCtx, const LexTok *t){
  const char *z = pCtx->zSql + t->iOfst;
  int iBad = t->iOfst + t->iErr;
  unsigned char c = (unsigned char)pCtx->zSql[iBad];
  char *zMsg;
  switch( t->eErr ){
    case KQL_LEXERR_UTF8:
      zMsg = kqlArenaPrintf(pCtx->pArena, "invalid UTF-8 byte 0x%02x", c);
      parseError(pCtx, iBad, 1, zMsg);
      return;
    case KQL_LEXERR_UNTERM:
      parseError(pCtx, t->iOfst, t->n, "unterminated string literal");
      return;
    case KQL_LEXERR_UNTERM_ML:
      parseError(pCtx, t->iOfst, t->n, "unterminated multi-line string literal");
      return;
    case KQL_LEXERR_ESCAPE: {
      int k = iBad + 1 < pCtx->nSql ? 2 : 1;
      zMsg = kqlArenaPrintf(pCtx->pArena, "invalid escape sequence '%s' in string literal",
                            quoteTok(pCtx, pCtx->zSql + iBad, k));
      parseError(pCtx, iBad, k, zMsg);
      return;
    }
    case KQL_LEXERR_NUL:
      parseError(pCtx, iBad, 1, "unexpected NUL byte");
      return;
    case KQL_LEXERR_UNTERM_LIT: {
      int k = 0;
      while( k<t->n && z[k]!='(' ) k++;
      zMsg = kqlArenaPrintf(pCtx->pArena, "expected ')' to close '%.*s('", k, z);
      parseError(pCtx, t->iOfst, t->n, zMsg);
      return;
    }
    default:
      if( c>=0x80 ){
        int k = 1;
        while( k<t->n && (((unsigned char)z[k]) & 0xC0)==0x80 ) k++;
        zMsg = kqlArenaPrintf(pCtx->pArena, "unexpected character '%.*s'", k, z);
      }else if( c<0x20 || c==0x7f ){
        zMsg = kqlArenaPrintf(pCtx->pArena, "unexpected character 0x%02x", c);
      }else{
        zMsg = kqlArenaPrintf(pCtx->pArena, "unexpected character '%c'", c);
      }
      parseError(pCtx, t->iOfst, t->n, zMsg);
      return;
  }
}

/* ------------------------------------------------------------------ */
/* Node builders                                                        */

KqlAst *kqlPNode(KqlParseCtx *pCtx, int eKind, const KqlTok *pTok){
  return kqlAstNew(pCtx->pArena, eKind, pTok->iOfst, pTok->n);
}

KqlAst *kqlPNodeText(KqlParseCtx *pCtx, int eKind, const KqlTok *pTok){
  return kqlAstNewText(pCtx->pArena, eKind, pTok->iOfst, pTok->n, pTok->z, pTok->n);
}

KqlAst *kqlPWrap(KqlParseCtx *pCtx, int eKind, KqlAst *pFirst){
  KqlAst *p = kqlAstNew(pCtx->pArena, eKind, pFirst ? pFirst->iOfst : -1, pFirst ? pFirst->nLen : 0);
  if( pFirst ) kqlAstAppend(pCtx->pArena, p, pFirst);
  return p;
}

KqlAst *kqlPEnd(KqlAst *p, const KqlTok *pTok){
  kqlAstExtend(p, pTok->iOfst + pTok->n);
  return p;
}

KqlAst *kqlPStart(KqlAst *p, const KqlTok *pTok){
  if( p->iOfst<0 ){
    p->iOfst = pTok->iOfst;
    p->nLen = pTok->n;
  }else if( pTok->iOfst < p->iOfst ){
    p->nLen += p->iOfst - pTok->iOfst;
    p->iOfst = pTok->iOfst;
  }
  return p;
}

KqlAst *kqlPSetOpts(KqlAst *p, KqlAst *pOpts){
  p->pOpts = pOpts;
  if( pOpts && pOpts->iOfst>=0 ){
    if( pOpts->iOfst < p->iOfst ){ p->nLen += p->iOfst - pOpts->iOfst; p->iOfst = pOpts->iOfst; }
    kqlAstExtend(p, pOpts->iOfst + pOpts->nLen);
  }
  return p;
}

KqlAst *kqlPSetText(KqlAst *p, const char *z){
  p->z = z;
  p->n = (int)strlen(z);
  return p;
}

KqlAst *kqlPName(KqlParseCtx *pCtx, const KqlTok *pTok){
  return kqlPNodeText(pCtx, KQL_AST_IDENT, pTok);
}

/* Encode code point c as UTF-8 into z; returns bytes written. */
static int putUtf8(char *z, unsigned long c){
  if( c<0x80 ){ z[0] = (char)c; return 1; }
  if( c<0x800 ){ z[0] = (char)(0xC0|(c>>6)); z[1] = (char)(0x80|(c&0x3F)); return 2; }
  if( c<0x10000 ){
    z[0] = (char)(0xE0|(c>>12)); z[1] = (char)(0x80|((c>>6)&0x3F)); z[2] = (char)(0x80|(c&0x3F));
    return 3;
  }
  if( c>0x10FFFF ) c = 0xFFFD;
  z[0] = (char)(0xF0|(c>>18)); z[1] = (char)(0x80|((c>>12)&0x3F));
  z[2] = (char)(0x80|((c>>6)&0x3F)); z[3] = (char)(0x80|(c&0x3F));
  return 4;
}

static int hexVal(char c){
  if( c>='0' && c<='9' ) return c - '0';
  if( c>='a' && c<='f' ) return c - 'a' + 10;
  if( c>='A' && c<='F' ) return c - 'A' + 10;
  return -1;
}

static unsigned long hexNum(const char *z, int n){
  unsigned long v = 0;
  int i;
  for(i=0; i<n; i++) v = v*16 + (unsigned long)hexVal(z[i]);
  return v;
}

/*
** Decode string token z[0..n) (already checked by the lexer) into the
** arena; *pnOut receives the byte length (the value may contain NUL).
*/
static char *decodeString(KqlParseCtx *pCtx, const char *z, int n, int *pnOut){
  char *zOut = kqlArenaAlloc(pCtx->pArena, (size_t)n + 1);
  int j = 0, i;
  if( n>0 && (z[0]=='h' || z[0]=='H') ){ z++; n--; }
  if( n>=6 && (memcmp(z, "```", 3)==0 || memcmp(z, "~~~", 3)==0) ){
    memcpy(zOut, z+3, (size_t)(n-6));
    j = n - 6;
  }else if( z[0]=='@' ){
    char q = z[1];
    for(i=2; i<n-1; i++){
      zOut[j++] = z[i];
      if( z[i]==q ) i++;          /* doubled quote */
    }
  }else{
    for(i=1; i<n-1; i++){
      char c = z[i];
      if( c!='\\' ){ zOut[j++] = c; continue; }
      c = z[++i];
      switch( c ){
        case 'n': zOut[j++] = '\n'; break;
        case 't': zOut[j++] = '\t'; break;
        case 'r': zOut[j++] = '\r'; break;
        case 'a': zOut[j++] = '\a'; break;
        case 'b': zOut[j++] = '\b'; break;
        case 'f': zOut[j++] = '\f'; break;
        case 'v': zOut[j++] = '\v'; break;
        case 'x': j += putUtf8(zOut+j, hexNum(z+i+1, 2)); i += 2; break;
        case 'u': {
          unsigned long u = hexNum(z+i+1, 4);
          i += 4;
          if( u>=0xD800 && u<=0xDBFF && i+6<n-1 && z[i+1]=='\\' && z[i+2]=='u' ){
            unsigned long lo = hexNum(z+i+3, 4);
            if( lo>=0xDC00 && lo<=0xDFFF ){
              u = 0x10000 + ((u - 0xD800)<<10) + (lo - 0xDC00);
              i += 6;
            }
          }
          if( u>=0xD800 && u<=0xDFFF ) u = 0xFFFD;
          j += putUtf8(zOut+j, u);
          break;
        }
        case 'U': j += putUtf8(zOut+j, hexNum(z+i+1, 8)); i += 8; break;
        default:
          if( c>='0' && c<='7' ){
            unsigned long v = 0;
            int k = 0;
            while( k<3 && z[i]>='0' && z[i]<='7' ){ v = v*8 + (unsigned long)(z[i]-'0'); i++; k++; }
            i--;
            j += putUtf8(zOut+j, v);
          }else{
            zOut[j++] = c;          /* \\ \" \' */
          }
          break;
      }
    }
  }
  zOut[j] = 0;
  *pnOut = j;
  return zOut;
}

KqlAst *kqlPBracketName(KqlParseCtx *pCtx, const KqlTok *pLb, const KqlTok *pStr, const KqlTok *pRb){
  int n;
  char *z = decodeString(pCtx, pStr->z, pStr->n, &n);
  KqlAst *p = kqlAstNew(pCtx->pArena, KQL_AST_IDENT, pLb->iOfst, pRb->iOfst + pRb->n - pLb->iOfst);
  p->z = z;
  p->n = n;
  return p;
}

/* Trim spaces and tabs at both ends of *pz (length *pn), in place. */
static void trimSpace(const char **pz, int *pn){
  const char *z = *pz;
  int n = *pn;
  while( n>0 && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  *pz = z;
  *pn = n;
}

KqlAst *kqlPLiteral(KqlParseCtx *pCtx, int eTok, const KqlTok *pTok){
  KqlAst *p = kqlPNode(pCtx, KQL_AST_LITERAL, pTok);
  const char *z = pTok->z;
  int n = pTok->n;
  switch( eTok ){
    case TK_STRING:
      p->eOp = KQL_LIT_STRING;
      p->z = decodeString(pCtx, z, n, &p->n);
      return p;
    case TK_TRUE:  p->eOp = KQL_LIT_BOOL; return kqlPSetText(p, "true");
    case TK_FALSE: p->eOp = KQL_LIT_BOOL; return kqlPSetText(p, "false");
    case TK_NULL:  p->eOp = KQL_LIT_NULL; return kqlPSetText(p, "null");
    case TK_REAL:  p->eOp = KQL_LIT_REAL; break;
    case TK_TIMESPAN: p->eOp = KQL_LIT_TIMESPAN; break;
    case TK_TYPEDLIT: {
      int k = 0;
      while( k<n && z[k]!='(' ) k++;
      const char *zBody = z + k + 1;
      int nBody = n - k - 2;
      trimSpace(&zBody, &nBody);
      if( k==8 && memcmp(z, "datetime", 8)==0 ) p->eOp = KQL_LIT_DATETIME;
      else if( k==4 && memcmp(z, "date", 4)==0 ) p->eOp = KQL_LIT_DATETIME;
      else if( (k==8 && memcmp(z, "timespan", 8)==0) || (k==4 && memcmp(z, "time", 4)==0) ) p->eOp = KQL_LIT_TIMESPAN;
      else if( k==4 && memcmp(z, "guid", 4)==0 ) p->eOp = KQL_LIT_GUID;
      else if( k==3 && memcmp(z, "int", 3)==0 ) p->eOp = KQL_LIT_INT;
      else if( k==4 && memcmp(z, "long", 4)==0 ) p->eOp = KQL_LIT_LONG;
      else if( k==7 && memcmp(z, "decimal", 7)==0 ) p->eOp = KQL_LIT_DECIMAL;
      else if( k==4 && memcmp(z, "bool", 4)==0 ) p->eOp = KQL_LIT_BOOL;
      else p->eOp = KQL_LIT_REAL;   /* real, double */
      if( p->eOp==KQL_LIT_BOOL || (nBody==4 && strncasecmp(zBody, "null", 4)==0) ){
        /* bool(TRUE) -> "true"; any null -> "null" */
        char *zLow = kqlArenaStrdup(pCtx->pArena, zBody, nBody);
        for(int i=0; i<nBody; i++) if( zLow[i]>='A' && zLow[i]<='Z' ) zLow[i] += 'a' - 'A';
        p->z = zLow;
        p->n = nBody;
      }else{
        p->z = kqlArenaStrdup(pCtx->pArena, zBody, nBody);
        p->n = nBody;
      }
      return p;
    }
    default: p->eOp = KQL_LIT_LONG; break;
  }
  p->z = kqlArenaStrdup(pCtx->pArena, z, n);
  p->n = n;
  return p;
}

KqlAst *kqlPStrConcat(KqlParseCtx *pCtx, KqlAst *p, const KqlTok *pTok){
  int n;
  char *z = decodeString(pCtx, pTok->z, pTok->n, &n);
  char *zNew = kqlArenaAlloc(pCtx->pArena, (size_t)(p->n + n) + 1);
  memcpy(zNew, p->z, (size_t)p->n);
  memcpy(zNew + p->n, z, (size_t)n);
  zNew[p->n + n] = 0;
  p->z = zNew;
  p->n += n;
  kqlPEnd(p, pTok);
  return p;
}

KqlAst *kqlPNegLiteral(KqlParseCtx *pCtx, const KqlTok *pMinus, KqlAst *pLit){
  char *z = kqlArenaAlloc(pCtx->pArena, (size_t)pLit->n + 2);
  z[0] = '-';
  memcpy(z+1, pLit->z, (size_t)pLit->n);
  z[pLit->n+1] = 0;
  pLit->z = z;
  pLit->n++;
  return kqlPStart(pLit, pMinus);
}

KqlAst *kqlPBinary(KqlParseCtx *pCtx, int eOp, KqlAst *pL, KqlAst *pR){
  KqlAst *p = kqlPWrap(pCtx, KQL_AST_BINARY, pL);
  p->eOp = eOp;
  kqlAstAppend(pCtx->pArena, p, pR);
  return p;
}

KqlAst *kqlPUnary(KqlParseCtx *pCtx, int eOp, const KqlTok *pOp, KqlAst *p){
  KqlAst *pNew = kqlPNode(pCtx, KQL_AST_UNARY, pOp);
  pNew->eOp = eOp;
  kqlAstAppend(pCtx->pArena, pNew, p);
  return pNew;
}

KqlAst *kqlPOp(KqlParseCtx *pCtx, int eKind, int eOp, KqlAst *pFirst){
  KqlAst *p = kqlPWrap(pCtx, eKind, pFirst);
  p->eOp = eOp;
  return p;
}

KqlAst *kqlPCall(KqlParseCtx *pCtx, KqlAst *pName){
  KqlAst *p = kqlAstNew(pCtx->pArena, KQL_AST_CALL, pName->iOfst, pName->nLen);
  p->z = pName->z;
  p->n = pName->n;
  return p;
}

KqlAst *kqlPCallTok(KqlParseCtx *pCtx, const KqlTok *pTok){
  return kqlPNodeText(pCtx, KQL_AST_CALL, pTok);
}

KqlAst *kqlPAppendAll(KqlParseCtx *pCtx, KqlAst *p, KqlAst *pList){
  int i;
  if( pList==0 ) return p;
  for(i=0; i<pList->nChild; i++) kqlAstAppend(pCtx->pArena, p, pList->aChild[i]);
  return p;
}

KqlAst *kqlPList(KqlParseCtx *pCtx, KqlAst *p){
  KqlAst *pList = kqlAstNew(pCtx->pArena, KQL_AST_KLIST, -1, 0);
  if( p ) kqlAstAppend(pCtx->pArena, pList, p);
  return pList;
}

KqlAst *kqlPAssign(KqlParseCtx *pCtx, KqlAst *pName, KqlAst *pVal){
  KqlAst *p = kqlAstNew(pCtx->pArena, KQL_AST_ASSIGN, pName->iOfst, pName->nLen);
  p->z = pName->z;
  p->n = pName->n;
  kqlAstAppend(pCtx->pArena, p, pVal);
  return p;
}

KqlAst *kqlPNamedArg(KqlParseCtx *pCtx, KqlAst *pName, KqlAst *pVal){
  KqlAst *p = kqlAstNew(pCtx->pArena, KQL_AST_NAMEDARG, pName->iOfst, pName->nLen);
  p->z = pName->z;
  p->n = pName->n;
  if( pVal ) kqlAstAppend(pCtx->pArena, p, pVal);
  return p;
}

KqlAst *kqlPOpt(KqlParseCtx *pCtx, const KqlTok *pName, KqlAst *pVal){
  KqlAst *p = kqlPNode(pCtx, KQL_AST_NAMEDARG, pName);
  char *z = kqlArenaAlloc(pCtx->pArena, (size_t)pName->n + 1);
  int i, j = 0;
  for(i=0; i<pName->n; i++){       /* "hint . strategy" -> "hint.strategy" */
    char c = pName->z[i];
    if( c!=' ' && c!='\t' && c!='\n' && c!='\r' ) z[j++] = c;
  }
  z[j] = 0;
  p->z = z;
  p->n = j;
  if( pVal ) kqlAstAppend(pCtx->pArena, p, pVal);
  return p;
}

KqlAst *kqlPType(KqlParseCtx *pCtx, const KqlTok *pTok){
  KqlAst *p = kqlPNodeText(pCtx, KQL_AST_TYPE, pTok);
  p->eOp = kqlTypeFromName(pTok->z, pTok->n);
  return p;
}

KqlAst *kqlPPipe(KqlParseCtx *pCtx, KqlAst *pSrc, KqlAst *pOp){
  KqlAst *p = kqlPWrap(pCtx, KQL_AST_PIPE, pSrc);
  kqlAstAppend(pCtx->pArena, p, pOp);
  return p;
}

KqlAst *kqlPSubPipe(KqlParseCtx *pCtx, KqlAst *pOp){
  KqlAst *pSrc = kqlAstNew(pCtx->pArena, KQL_AST_CONTEXT, pOp->iOfst, 0);
  return kqlPPipe(pCtx, pSrc, pOp);
}

KqlAst *kqlPSortKey(KqlParseCtx *pCtx, KqlAst *pExpr, const KqlSortSpec *pDir, const KqlSortSpec *pNulls){
  KqlAst *p = kqlPWrap(pCtx, KQL_AST_SORTKEY, pExpr);
  p->eOp = pDir->eBits | (pNulls ? pNulls->eBits : 0);
  kqlAstExtend(p, pDir->iEnd);
  if( pNulls ) kqlAstExtend(p, pNulls->iEnd);
  return p;
}

KqlAst *kqlPNamed(KqlParseCtx *pCtx, int eKind, const KqlAst *pName){
  KqlAst *p = kqlAstNew(pCtx->pArena, eKind, pName->iOfst, pName->nLen);
  p->z = pName->z;
  p->n = pName->n;
  return p;
}

/* Append key p to join pJoin, splitting a top-level 'and' into several keys. */
static void addJoinKey(KqlParseCtx *pCtx, KqlAst *pJoin, KqlAst *p){
  if( p && p->eKind==KQL_AST_BINARY && p->eOp==TK_AND && p->nChild==2 ){
    addJoinKey(pCtx, pJoin, p->aChild[0]);
    addJoinKey(pCtx, pJoin, p->aChild[1]);
  }else{
    kqlAstAppend(pCtx->pArena, pJoin, p);
  }
}

KqlAst *kqlPJoinKeys(KqlParseCtx *pCtx, KqlAst *p, KqlAst *pKeys){
  int i;
  if( pKeys==0 ) return p;
  for(i=0; i<pKeys->nChild; i++) addJoinKey(pCtx, p, pKeys->aChild[i]);
  return p;
}

KqlAst *kqlPParen(KqlParseCtx *pCtx, const KqlTok *pLp, KqlAst *p, const KqlTok *pRp){
  (void)pCtx;
  kqlPStart(p, pLp);
  return kqlPEnd(p, pRp);
}

KqlAst *kqlPPair(KqlParseCtx *pCtx, const KqlTok *pKey, KqlAst *pVal){
  KqlAst *p = kqlPNode(pCtx, KQL_AST_PAIR, pKey);
  p->z = decodeString(pCtx, pKey->z, pKey->n, &p->n);
  kqlAstAppend(pCtx->pArena, p, pVal);
  return p;
}

/* ------------------------------------------------------------------ */
/* Statements and the depth guard                                      */

/* Offset of a node deeper than nLeft levels, or -1 (recursion bounded). */
static int tooDeep(const KqlAst *p, int nLeft){
  int i, r;
  if( p==0 ) return -1;
  if( nLeft<=0 ) return p->iOfst>=0 ? p->iOfst : 0;
  for(i=0; i<p->nChild; i++){
    if( (r = tooDeep(p->aChild[i], nLeft-1))>=0 ) return r;
  }
  if( p->pOpts && (r = tooDeep(p->pOpts, nLeft-1))>=0 ) return r;
  return -1;
}

void kqlPAddStmt(KqlParseCtx *pCtx, KqlAst *pStmt){
  int iDeep;
  if( pCtx->bErr || pStmt==0 ) return;
  iDeep = tooDeep(pStmt, KQL_MAX_DEPTH);
  if( iDeep>=0 ){
    parseError(pCtx, iDeep, 0, "query nested too deeply");
    return;
  }
  /* Lemon may reduce a statement on a look-ahead that then fails (default
  ** reductions), so the statement waits until ';' or the end is accepted. */
  pCtx->pPending = pStmt;
}

/* Keep the pending statement if the token just fed caused no error. */
static void commitStmt(KqlParseCtx *pCtx){
  if( pCtx->pPending && !pCtx->bErr ){
    kqlAstAppend(pCtx->pArena, pCtx->pQuery, pCtx->pPending);
  }
  pCtx->pPending = 0;
}

/* ------------------------------------------------------------------ */
/* Context decisions                                                   */

static int tokIs(const KqlParseCtx *pCtx, const LexTok *t, const char *zWord){
  int n = (int)strlen(zWord);
  return t->n==n && memcmp(pCtx->zSql + t->iOfst, zWord, (size_t)n)==0;
}

/* 1 for operator keywords that take name=value options. */
static int takesOptions(int eOp){
  switch( eOp ){
    case TK_JOIN: case TK_LOOKUP: case TK_UNION: case TK_SUMMARIZE: case TK_DISTINCT:
    case TK_MV_EXPAND: case TK_MV_APPLY: case TK_PARSE: case TK_PARSE_WHERE:
    case TK_EVALUATE: case TK_MAKE_SERIES: case TK_SORT: case TK_ORDER: case TK_AS:
    case TK_PARTITION: case TK_SCAN: case TK_CONSUME: case TK_REDUCE: case TK_FIND:
    case TK_SEARCH: case TK_MACRO_EXPAND:
      return 1;
    default:
      return 0;
  }
}

/* 1 for operators that take hint.* options. */
static int takesHints(int eOp){
  switch( eOp ){
    case TK_JOIN: case TK_LOOKUP: case TK_UNION: case TK_SUMMARIZE: case TK_DISTINCT:
    case TK_EVALUATE: case TK_MAKE_SERIES: case TK_SORT: case TK_ORDER: case TK_AS:
    case TK_PARTITION: case TK_MV_APPLY: case TK_FIND: case TK_SEARCH:
      return 1;
    default:
      return 0;
  }
}

/* 1 when option zName (not hint.*) belongs to operator eOp. */
static int isOptionName(const KqlParseCtx *pCtx, int eOp, const LexTok *t){
  static const struct { int eOp; const char *zName; } aOpt[] = {
    { TK_JOIN, "kind" },          { TK_LOOKUP, "kind" },
    { TK_UNION, "kind" },         { TK_UNION, "withsource" },
    { TK_UNION, "isfuzzy" },      { TK_MV_EXPAND, "bagexpansion" },
    { TK_MV_EXPAND, "with_itemindex" }, { TK_MV_EXPAND, "kind" },
    { TK_MV_APPLY, "with_itemindex" },  { TK_PARSE, "kind" },
    { TK_PARSE, "flags" },        { TK_PARSE_WHERE, "kind" },
    { TK_PARSE_WHERE, "flags" },  { TK_MAKE_SERIES, "kind" },
    { TK_SCAN, "with_match_id" }, { TK_CONSUME, "decodeblocks" },
    { TK_REDUCE, "kind" },        { TK_FIND, "withsource" },
    { TK_FIND, "datascope" },     { TK_SEARCH, "kind" },
    { TK_UNION, "with_source" },  { TK_FIND, "with_source" },
    { TK_MACRO_EXPAND, "kind" },  { TK_MACRO_EXPAND, "isfuzzy" },
  };
  unsigned i;
  for(i=0; i<sizeof(aOpt)/sizeof(aOpt[0]); i++){
    if( aOpt[i].eOp==eOp && tokIs(pCtx, t, aOpt[i].zName) ) return 1;
  }
  return 0;
}

/* 1 for a token that can be part of a glued wildcard (a word or a number). */
static int isWordTok(const KqlParseCtx *pCtx, const LexTok *t){
  unsigned char c = (unsigned char)pCtx->zSql[t->iOfst];
  if( t->eTok==TK_STRING || t->eTok==TK_ILLEGAL ) return 0;
  return (c>='a' && c<='z') || (c>='A' && c<='Z') || c=='_' || (c>='0' && c<='9');
}

static int isOpenTok(int e){ return e==TK_LP || e==TK_LB || e==TK_LBRACE; }
static int isCloseTok(int e){ return e==TK_RP || e==TK_RB || e==TK_RBRACE; }

/* 1 when the keyword at aTok[i] starts an operator (after '|', at the start
** of a statement or bracket, or after '='). */
static int startsOperator(const LexTok *aTok, int i, int iStmt){
  int ePrev;
  if( i<=iStmt ) return 1;
  ePrev = aTok[i-1].eTok;
  return ePrev==TK_PIPE || ePrev==TK_SEMI || ePrev==TK_LP || ePrev==TK_LBRACE
      || ePrev==TK_ASSIGN || ePrev==TK_COMMA;
}

/* ------------------------------------------------------------------ */
/* Lexing                                                              */

/* Check UTF-8 in z[0..n); returns the offset of the first bad byte or -1. */
static int badUtf8(const unsigned char *z, int n){
  int i = 0;
  while( i<n ){
    unsigned char c = z[i];
    int k;
    unsigned long cp;
    if( c<0x80 ){ i++; continue; }
    if( c>=0xC2 && c<=0xDF ){ k = 1; cp = c & 0x1F; }
    else if( c>=0xE0 && c<=0xEF ){ k = 2; cp = c & 0x0F; }
    else if( c>=0xF0 && c<=0xF4 ){ k = 3; cp = c & 0x07; }
    else return i;
    if( i+k>=n ) return i;
    for(int j=1; j<=k; j++){
      if( i+j>=n || (z[i+j] & 0xC0)!=0x80 ) return i;
      cp = (cp<<6) | (z[i+j] & 0x3F);
    }
    if( (k==2 && (cp<0x800 || (cp>=0xD800 && cp<=0xDFFF))) || (k==3 && (cp<0x10000 || cp>0x10FFFF)) ) return i;
    i += k + 1;
  }
  return -1;
}

/* Tokenize z[0..n) into a malloc'ed array (whitespace dropped). */
static LexTok *lexAll(const char *z, int n, int *pnTok){
  int nAlloc = 256, nTok = 0, i = 0;
  LexTok *a = malloc(sizeof(LexTok)*(size_t)nAlloc);
  const unsigned char *zEnd = (const unsigned char*)z + n;
  if( a==0 ){ fputs("kqlite: out of memory\n", stderr); abort(); }
  while( i<n ){
    KqlLexResult r;
    kqlLexNext((const unsigned char*)z + i, zEnd, &r);
    if( r.n<=0 ) break;
    if( r.eTok!=TK_SPACE ){
      if( nTok>=nAlloc ){
        nAlloc *= 2;
        LexTok *aNew = realloc(a, sizeof(LexTok)*(size_t)nAlloc);
        if( aNew==0 ){ free(a); fputs("kqlite: out of memory\n", stderr); abort(); }
        a = aNew;
      }
      a[nTok].eTok = r.eTok;
      a[nTok].iOfst = i;
      a[nTok].n = r.n;
      a[nTok].eErr = r.eErr;
      a[nTok].iErr = r.iErr;
      if( r.eTok==TK_STRING ){
        int iBad = badUtf8((const unsigned char*)z + i, r.n);
        if( iBad>=0 ){
          a[nTok].eTok = TK_ILLEGAL;
          a[nTok].eErr = KQL_LEXERR_UTF8;
          a[nTok].iErr = iBad;
        }
      }
      nTok++;
    }
    i += r.n;
  }
  *pnTok = nTok;
  return a;
}

/* ------------------------------------------------------------------ */
/* The driver                                                          */

static void *xMallocParser(size_t n){
  void *p = malloc(n);
  if( p==0 ){ fputs("kqlite: out of memory\n", stderr); abort(); }
  return p;
}

KqlAst *kqlParse(KqlArena *pArena, const char *z, int n, KqlDiagList *pDiags){
  KqlParseCtx ctx;
  LexTok *aTok;
  int nTok, i;
  Level *aLevel;
  int iLevel = 0;
  int bSkip = 0;
  int iStmt = 0;               /* index of the current statement's first token */
  void *pEngine;

  memset(&ctx, 0, sizeof(ctx));
  ctx.pArena = pArena;
  ctx.zSql = z;
  ctx.nSql = n;
  ctx.pDiags = pDiags;
  ctx.pQuery = kqlAstNew(pArena, KQL_AST_QUERY, 0, n);

  aTok = lexAll(z, n, &nTok);
  aLevel = malloc(sizeof(Level)*(KQL_MAX_DEPTH + 2));
  if( aLevel==0 ){ fputs("kqlite: out of memory\n", stderr); abort(); }
  memset(&aLevel[0], 0, sizeof(Level));
  pEngine = kqlParserAlloc(xMallocParser, &ctx);
  ctx.pEngine = pEngine;

  for(i=0; i<nTok; i++){
    LexTok *t = &aTok[i];
    Level *pLvl = &aLevel[iLevel];
    KqlTok tok;
    int eTok = t->eTok;
    int nGlue = 1;             /* tokens consumed by this step */

    if( bSkip ){
      /* after an error: skip to the next ';' outside brackets */
      if( isOpenTok(eTok) ){
        if( iLevel<=KQL_MAX_DEPTH ){ iLevel++; memset(&aLevel[iLevel], 0, sizeof(Level)); aLevel[iLevel].eOpen = eTok; }
      }else if( isCloseTok(eTok) ){
        if( iLevel>0 ) iLevel--;
      }else if( eTok==TK_SEMI && iLevel==0 ){
        bSkip = 0;
        iStmt = i + 1;
        ctx.bErr = 0;
        kqlParserFinalize(pEngine);
        kqlParserInit(pEngine, &ctx);
        memset(&aLevel[0], 0, sizeof(Level));
      }
      continue;
    }

    if( eTok==TK_ILLEGAL ){
      lexError(&ctx, t);
      bSkip = 1;
      continue;
    }

    /* ---- context decisions ---- */
    if( pLvl->eOptState==1 && i+1<nTok ){
      if( tokIs(&ctx, t, "hint") && takesHints(pLvl->eOp) && i+3<nTok && aTok[i+1].eTok==TK_DOT
       && isWordTok(&ctx, &aTok[i+2]) && aTok[i+3].eTok==TK_ASSIGN ){
        eTok = TK_OPTNAME;
        nGlue = 3;
      }else if( aTok[i+1].eTok==TK_ASSIGN && isOptionName(&ctx, pLvl->eOp, t) ){
        eTok = TK_OPTNAME;
      }
    }
    if( eTok==TK_RANGE && i+1<nTok && aTok[i+1].eTok==TK_LP ){
      eTok = TK_ID;            /* range(a, b, c) is a function call */
    }
    if( eTok==TK_TYPEOF && !(i+1<nTok && aTok[i+1].eTok==TK_LP) ){
      eTok = TK_ID;            /* typeof without '(' is a name */
    }
    if( (eTok==TK_MV_EXPAND || eTok==TK_MV_APPLY) && memchr(z + t->iOfst, '-', (size_t)t->n)==0
     && !(i>0 && aTok[i-1].eTok==TK_PIPE) ){
      eTok = TK_ID;            /* mvexpand, mvapply: operators only after '|' */
    }
    if( eTok==TK_IN && i+2<nTok && aTok[i+1].eTok==TK_RANGE && aTok[i+2].eTok==TK_LP ){
      eTok = TK_INRANGE;       /* make-series ... on x in range(a, b, c) */
    }
    if( eTok==TK_COLON && (pLvl->eOp==TK_WHERE || pLvl->eOp==TK_FILTER || pLvl->eOp==TK_SEARCH) ){
      eTok = TK_SEARCHCOLON;   /* where Column:"term" */
    }
    if( eTok!=TK_OPTNAME
     && (pLvl->bWild || pLvl->eOp==TK_UNION || pLvl->eOp==TK_PROJECT_AWAY
         || pLvl->eOp==TK_PROJECT_KEEP || pLvl->eOp==TK_PROJECT_REORDER || pLvl->eOp==TK_PROJECT_BY_NAMES)
     && (eTok==TK_STAR || isWordTok(&ctx, t)) ){
      int k = i, bStar = 0;
      while( k+1<nTok && aTok[k].iOfst + aTok[k].n==aTok[k+1].iOfst
          && (aTok[k+1].eTok==TK_STAR || isWordTok(&ctx, &aTok[k+1])) ){
        k++;
      }
      for(int j=i; j<=k; j++) if( aTok[j].eTok==TK_STAR ) bStar = 1;
      if( bStar && k>i ){
        eTok = TK_WILDCARD;
        nGlue = k - i + 1;
      }
    }

    /* ---- nesting ---- */
    if( isOpenTok(eTok) ){
      if( iLevel>=KQL_MAX_DEPTH ){
        parseError(&ctx, t->iOfst, t->n, "query nested too deeply");
        bSkip = 1;
        continue;
      }
    }

    tok.z = z + t->iOfst;
    tok.iOfst = t->iOfst;
    tok.n = aTok[i+nGlue-1].iOfst + aTok[i+nGlue-1].n - t->iOfst;
    ctx.eOpen = pLvl->eOpen;
    ctx.iOpen = pLvl->iOpen;
    ctx.iCur = tok.iOfst;
    kqlParser(pEngine, eTok, tok);
    if( eTok==TK_SEMI && iLevel==0 ) commitStmt(&ctx);
    if( ctx.bErr ) ctx.pPending = 0;

    /* ---- update the context after feeding ---- */
    if( isOpenTok(eTok) ){
      Level *pNew = &aLevel[++iLevel];
      memset(pNew, 0, sizeof(Level));
      pNew->eOpen = eTok;
      pNew->iOpen = t->iOfst;
      pNew->bWild = (eTok==TK_LP && i>0 && aTok[i-1].eTok==TK_IN
                     && (pLvl->eOp==TK_FIND || pLvl->eOp==TK_SEARCH))
                 || (eTok==TK_LP && i>0 && aTok[i-1].eTok==TK_TO && pLvl->eOp==TK_RESTRICT);
      pLvl->eOptState = 0;
    }else if( isCloseTok(eTok) ){
      if( iLevel>0 && closerOf(aLevel[iLevel].eOpen)==eTok ) iLevel--;
      aLevel[iLevel].eOptState = 0;
    }else if( eTok==TK_PIPE || eTok==TK_SEMI ){
      pLvl->eOp = 0;
      pLvl->eOptState = 0;
      if( eTok==TK_SEMI && iLevel==0 ) iStmt = i + 1;
    }else if( (takesOptions(eTok) || eTok==TK_PROJECT_AWAY || eTok==TK_PROJECT_KEEP
               || eTok==TK_PROJECT_REORDER || eTok==TK_PROJECT_BY_NAMES || eTok==TK_RESTRICT
               || eTok==TK_WHERE || eTok==TK_FILTER)
              && startsOperator(aTok, i, iStmt) ){
      pLvl->eOp = eTok;
      pLvl->eOptState = takesOptions(eTok) ? 1 : 0;
    }else if( eTok==TK_OPTNAME ){
      pLvl->eOptState = 2;
    }else if( pLvl->eOptState==2 && eTok==TK_ASSIGN ){
      pLvl->eOptState = 3;
    }else if( pLvl->eOptState==3 ){
      pLvl->eOptState = eTok==TK_MINUS ? 3 : 1;
    }else{
      pLvl->eOptState = 0;
    }
    i += nGlue - 1;

    if( ctx.bErr ){
      /* the failing token may itself be the ';' that ends the statement */
      if( eTok==TK_SEMI && iLevel==0 ){
        ctx.bErr = 0;
        iStmt = i + 1;
        kqlParserFinalize(pEngine);
        kqlParserInit(pEngine, &ctx);
        memset(&aLevel[0], 0, sizeof(Level));
      }else{
        bSkip = 1;
      }
    }
  }

  if( !bSkip ){
    KqlTok tok;
    tok.z = z + n;
    tok.iOfst = n;
    tok.n = 0;
    ctx.eOpen = aLevel[iLevel].eOpen;
    ctx.iOpen = aLevel[iLevel].iOpen;
    ctx.iCur = n;
    kqlParser(pEngine, 0, tok);
    commitStmt(&ctx);
  }
  kqlParserFree(pEngine, free);
  free(aLevel);
  free(aTok);
  return ctx.pQuery;
}
