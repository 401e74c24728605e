/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The front door of the front end: query text in, parse tree and syntax
** diagnostics out. Statements are separated by ';'. After a syntax error the
** parser skips to the next top-level ';' and goes on, so each statement
** reports its first error. Nesting deeper than KQL_MAX_DEPTH is an error,
** never a stack overflow.
*/
#ifndef KQL_PARSE_H
#define KQL_PARSE_H
#include "arena.h"
#include "ast.h"
#include "diag.h"

#define KQL_MAX_DEPTH 1000

/*
** Parse z[0..n) (z must stay alive and be NUL-terminated at z[n]).
** Returns a QUERY node whose children are the statements that parsed
** (never NULL). Syntax errors are appended to pDiags with code "KQL001".
*/
KqlAst *kqlParse(KqlArena *pArena, const char *z, int n, KqlDiagList *pDiags);

#endif
