/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Shared between the Lemon grammar (parser.y) and its driver (parse.c): the
** token value Lemon carries (KqlTok, a slice of the query text), the parse
** context (KqlParseCtx, Lemon's %extra_context) and the node-building helpers
** the grammar actions call. Actions stay one line long; anything longer lives
** here as a helper in parse.c. Nothing here is visible outside grammar/.
*/
#ifndef KQL_PARSEINT_H
#define KQL_PARSEINT_H
#include "parse.h"

/* A token: a slice of the query text (never a copy). */
typedef struct KqlTok KqlTok;
struct KqlTok {
  const char *z;        /* first byte in the query text */
  int n;                /* bytes */
  int iOfst;            /* z - start of the query text */
};

/* asc/desc or nulls first/last as parsed: KQL_SORT_* bits and where it ends. */
typedef struct KqlSortSpec KqlSortSpec;
struct KqlSortSpec {
  int eBits;            /* KQL_SORT_* bits (0 when not written) */
  int iEnd;             /* byte offset just past the words, 0 when absent */
};

typedef struct KqlParseCtx KqlParseCtx;
struct KqlParseCtx {
  KqlArena *pArena;     /* every node and string goes here */
  const char *zSql;     /* the query text */
  int nSql;             /* bytes in zSql */
  KqlDiagList *pDiags;  /* syntax errors go here */
  KqlAst *pQuery;       /* the QUERY node statements are appended to */
  KqlAst *pPending;     /* statement reduced but not yet confirmed by ';' or the end */
  int bErr;             /* the current statement already has an error */
  void *pEngine;        /* the Lemon parser (for expected-token checks) */
  int eOpen;            /* innermost open bracket token (TK_LP...) or 0 */
  int iOpen;            /* its byte offset */
  int iCur;             /* offset of the token being fed (for stack overflow) */
};

/* ---- node builders (parse.c) ---- */

/* A node of kind eKind spanning token *pTok, no payload. */
KqlAst *kqlPNode(KqlParseCtx *pCtx, int eKind, const KqlTok *pTok);
/* Same, with the token text as payload. */
KqlAst *kqlPNodeText(KqlParseCtx *pCtx, int eKind, const KqlTok *pTok);
/* A node of kind eKind covering pFirst, with no payload: a wrapper. */
KqlAst *kqlPWrap(KqlParseCtx *pCtx, int eKind, KqlAst *pFirst);
/* Widen p to end at the end of *pTok; returns p. */
KqlAst *kqlPEnd(KqlAst *p, const KqlTok *pTok);
/* Widen p to start at *pTok; returns p. */
KqlAst *kqlPStart(KqlAst *p, const KqlTok *pTok);
/* IDENT from an ID (or keyword used as a name) token. */
KqlAst *kqlPName(KqlParseCtx *pCtx, const KqlTok *pTok);
/* IDENT from ['name'] / ["name"]: pStr is the string token. */
KqlAst *kqlPBracketName(KqlParseCtx *pCtx, const KqlTok *pLb, const KqlTok *pStr, const KqlTok *pRb);
/* LITERAL from a literal token (TK_STRING, TK_LONG, TK_REAL, TK_TIMESPAN,
** TK_TYPEDLIT, TK_TRUE, TK_FALSE, TK_NULL). */
KqlAst *kqlPLiteral(KqlParseCtx *pCtx, int eTok, const KqlTok *pTok);
/* Append the decoded value of string token *pTok to string literal p. */
KqlAst *kqlPStrConcat(KqlParseCtx *pCtx, KqlAst *p, const KqlTok *pTok);
/* -literal inside dynamic(): the literal with a '-' prefixed to its text. */
KqlAst *kqlPNegLiteral(KqlParseCtx *pCtx, const KqlTok *pMinus, KqlAst *pLit);
/* BINARY eOp (c0 pL, c1 pR). */
KqlAst *kqlPBinary(KqlParseCtx *pCtx, int eOp, KqlAst *pL, KqlAst *pR);
/* UNARY eOp over p, starting at the operator token. */
KqlAst *kqlPUnary(KqlParseCtx *pCtx, int eOp, const KqlTok *pOp, KqlAst *p);
/* A node eKind with eOp, starting at pFirst's start, children pFirst... */
KqlAst *kqlPOp(KqlParseCtx *pCtx, int eKind, int eOp, KqlAst *pFirst);
/* CALL named by name node pName (its z), starting there. */
KqlAst *kqlPCall(KqlParseCtx *pCtx, KqlAst *pName);
/* CALL named by token text. */
KqlAst *kqlPCallTok(KqlParseCtx *pCtx, const KqlTok *pTok);
/* Append each child of LIST pList to p (pList may be NULL); returns p. */
KqlAst *kqlPAppendAll(KqlParseCtx *pCtx, KqlAst *p, KqlAst *pList);
/* A fresh LIST holding p (p may be NULL for an empty list). */
KqlAst *kqlPList(KqlParseCtx *pCtx, KqlAst *p);
/* ASSIGN z=name(pName->z) c0=pVal. */
KqlAst *kqlPAssign(KqlParseCtx *pCtx, KqlAst *pName, KqlAst *pVal);
/* NAMEDARG z=name(pName->z) c0=pVal (pVal may be NULL). */
KqlAst *kqlPNamedArg(KqlParseCtx *pCtx, KqlAst *pName, KqlAst *pVal);
/* NAMEDARG from an OPTNAME token (kind, hint.strategy) and its value. */
KqlAst *kqlPOpt(KqlParseCtx *pCtx, const KqlTok *pName, KqlAst *pVal);
/* TYPE from a type-name token; eOp = KQL_T_* or -1. */
KqlAst *kqlPType(KqlParseCtx *pCtx, const KqlTok *pTok);
/* PIPE with c0=pSrc and c1=pOp. */
KqlAst *kqlPPipe(KqlParseCtx *pCtx, KqlAst *pSrc, KqlAst *pOp);
/* PIPE whose source is the implicit CONTEXT (sub-pipelines). */
KqlAst *kqlPSubPipe(KqlParseCtx *pCtx, KqlAst *pOp);
/* SORTKEY over pExpr with the bits (and span) of pDir and pNulls (may be NULL). */
KqlAst *kqlPSortKey(KqlParseCtx *pCtx, KqlAst *pExpr, const KqlSortSpec *pDir, const KqlSortSpec *pNulls);
/* A node of kind eKind named by pName (z and span copied; no children). */
KqlAst *kqlPNamed(KqlParseCtx *pCtx, int eKind, const KqlAst *pName);
/* Join keys: append the items of LIST pKeys to join p, splitting 'and'. */
KqlAst *kqlPJoinKeys(KqlParseCtx *pCtx, KqlAst *p, KqlAst *pKeys);
/* Check that token *pTok's text is zWord; report a syntax error if not. */
void kqlPExpectWord(KqlParseCtx *pCtx, const KqlTok *pTok, const char *zWord);
/* ( pipeexpr ): the inner node, its span widened to the brackets. */
KqlAst *kqlPParen(KqlParseCtx *pCtx, const KqlTok *pLp, KqlAst *p, const KqlTok *pRp);
/* PAIR z=decoded key string, c0=value (inside dynamic({...})). */
KqlAst *kqlPPair(KqlParseCtx *pCtx, const KqlTok *pKey, KqlAst *pVal);
/* Set p's options LIST (may be NULL) and widen p to cover it; returns p. */
KqlAst *kqlPSetOpts(KqlAst *p, KqlAst *pOpts);
/* Same, for a word that may be either of two. */
void kqlPExpectWord2(KqlParseCtx *pCtx, const KqlTok *pTok, const char *zWord1, const char *zWord2);
/* Set a node's payload to a static string. */
KqlAst *kqlPSetText(KqlAst *p, const char *z);

/* ---- statements and errors (parse.c) ---- */

/* Append a finished statement to the QUERY node. */
void kqlPAddStmt(KqlParseCtx *pCtx, KqlAst *pStmt);
/* Lemon's %syntax_error: token eTok (0 = end of input) is not acceptable. */
void kqlPSyntaxError(KqlParseCtx *pCtx, int eTok, const KqlTok *pTok);
/* Lemon's %stack_overflow. */
void kqlPStackOverflow(KqlParseCtx *pCtx);

/* ---- the generated parser (parser.c) ---- */
void *kqlParserAlloc(void *(*xMalloc)(size_t), KqlParseCtx *pCtx);
void kqlParserFree(void *p, void (*xFree)(void *));
void kqlParser(void *p, int eTok, KqlTok tok);
void kqlParserInit(void *p, KqlParseCtx *pCtx);
void kqlParserFinalize(void *p);
/* 1 when token eTok would be shifted in the parser's current state. */
int kqlParserWouldAccept(void *p, int eTok);
/* Number of terminal codes: tokens are 1..kqlParserTokenCount()-1. */
int kqlParserTokenCount(void);

#endif
