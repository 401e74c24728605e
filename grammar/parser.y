/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The KQL grammar, for the Lemon parser generator. Actions are one line
** long and call the kqlP* helpers of parse.c, which build interp/ast.h nodes
** in the query arena (so there are no %destructors). Binary operators keep
** their TK_* code in the node's eOp (@OP), as SQLite does.
**
** Three decisions are taken outside this file, in parse.c, because they need
** more than one token of look-ahead: an operator option name (kind=, hint.*=,
** withsource=...) right after an operator keyword becomes one OPTNAME token;
** a glued run of names and '*' in a union/project-away/find-in list becomes
** one WILDCARD token; and nesting deeper than KQL_MAX_DEPTH stops the parse.
*/

%include {
#include <string.h>
#include "parseInt.h"
#define YYNOERRORRECOVERY 1
#define YYPARSEFREENEVERNULL 1
}

%name kqlParser
%token_prefix TK_
%token_type {KqlTok}
%default_type {KqlAst*}
%extra_context {KqlParseCtx *pCtx}
%start_symbol input
%stack_size 12000

%syntax_error { kqlPSyntaxError(pCtx, yymajor, &TOKEN); }
%stack_overflow { kqlPStackOverflow(pCtx); }

/* Tokens the lexer makes that the grammar never sees, then the rest in a
** fixed order so their codes are stable. */
%token SPACE ILLEGAL.
%token SEMI PIPE LP RP LB RB LBRACE RBRACE COMMA COLON DOT DOTDOT ASSIGN ARROW.
%token EQ NE LT LE GT GE EQTILDE NETILDE PLUS MINUS STAR SLASH PERCENT.
%token HAS NOTHAS HAS_CS NOTHAS_CS HASPREFIX NOTHASPREFIX HASPREFIX_CS NOTHASPREFIX_CS.
%token HASSUFFIX NOTHASSUFFIX HASSUFFIX_CS NOTHASSUFFIX_CS.
%token CONTAINS NOTCONTAINS CONTAINS_CS NOTCONTAINS_CS.
%token STARTSWITH NOTSTARTSWITH STARTSWITH_CS NOTSTARTSWITH_CS.
%token ENDSWITH NOTENDSWITH ENDSWITH_CS NOTENDSWITH_CS.
%token LIKE NOTLIKE LIKE_CS NOTLIKE_CS MATCHES REGEX.
%token IN NOTIN IN_CI NOTIN_CI HAS_ANY HAS_ALL BETWEEN NOTBETWEEN AND OR.
%token STRING LONG REAL TIMESPAN TYPEDLIT TRUE FALSE NULL ID OPTNAME WILDCARD TYPEKW INRANGE SEARCHCOLON.

/* Words that are keywords in one place and ordinary names everywhere else:
** when the keyword cannot be used where it stands, Lemon retries it as ID.
** The reserved ones (by, to, of, as, where, project, union, print, and, or,
** the string operators, asc/desc, first/last, the type names...) are not
** listed: KQL requires ['brackets'] to use them as names. */
%fallback ID COUNT SUMMARIZE ON WITH FROM STEP EXTEND TAKE LIMIT TOP SORT ORDER
  JOIN DISTINCT RANGE LET EVALUATE RENDER PARSE NULLS TYPEOF VIEW DECLARE FACET
  FORK PARTITION SCAN CONSUME REDUCE SERIALIZE GETSCHEMA FILTER LOOKUP MATCHES
  REGEX ALIAS PATTERN RESTRICT ACCESS OUTPUT DEFAULT NULL.

/* A list inside a sub-query argument keeps its commas: in
** f(T | project a, b) the comma continues the project list (Kusto does
** the same). Rules that end in such a list carry [LOWPREC], so the
** shift of COMMA wins over reducing them. */
%nonassoc LOWPREC.
%left COMMA.

////////////////////////// Statements //////////////////////////////////////
// query   := stmt { ';' stmt } [';']
// stmt    := let | set | declare | alias | restrict | tabular-or-scalar expr

input ::= stmtlist.
stmtlist ::= stmt.
stmtlist ::= stmtlist SEMI stmt.
stmt ::= .
stmt ::= statement(S).                    { kqlPAddStmt(pCtx, S); }

statement(A) ::= letstmt(X).              { A = X; }
statement(A) ::= pipeexpr(X).             { A = X; }
statement(A) ::= SET(S) name(N).          { A = kqlPEnd(kqlPNodeText(pCtx, KQL_AST_SET, &S), &S); A->z = N->z; A->n = N->n; kqlAstExtend(A, N->iOfst + N->nLen); }
statement(A) ::= SET(S) name(N) ASSIGN setvalue(V). { A = kqlPNode(pCtx, KQL_AST_SET, &S); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, V); }
statement(A) ::= DECLARE(D) ID(Q) LP paramlist(P) RP(R). { kqlPExpectWord(pCtx, &Q, "query_parameters"); A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_DECLARE, &D), P), &R); }
// declare pattern p = (a:string) [b:string] { ("x").["y"] = { body }; ... }
statement(A) ::= DECLARE(D) PATTERN name(N) ASSIGN LP params(P) RP patpath(Q) LBRACE patdefs(L) RBRACE(R). { A = kqlPNode(pCtx, KQL_AST_PATTERN, &D); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, Q); kqlPAppendAll(pCtx, A, L); kqlPEnd(A, &R); }
patpath(A) ::= .                          { A = 0; }
patpath(A) ::= LB paramlist(P) RB(R).     { A = kqlPEnd(P, &R); }
patdefs(A) ::= patdef(X).                 { A = kqlPList(pCtx, X); }
patdefs(A) ::= patdefs(A) patdef(X).      { kqlAstAppend(pCtx->pArena, A, X); }
patdef(A) ::= LP(L) exprlist(X) RP patdefpath(Q) ASSIGN LBRACE pipeexpr(B) RBRACE SEMI(E). { A = kqlPStart(kqlPList(pCtx, X), &L); kqlAstAppend(pCtx->pArena, A, Q); kqlAstAppend(pCtx->pArena, A, B); kqlPEnd(A, &E); }
patdefpath(A) ::= .                       { A = 0; }
patdefpath(A) ::= DOT LB exprlist(X) RB(R). { A = kqlPEnd(X, &R); }
statement(A) ::= DECLARE(D) PATTERN name(N). { A = kqlPNode(pCtx, KQL_AST_PATTERN, &D); A->z = N->z; A->n = N->n; kqlAstExtend(A, N->iOfst + N->nLen); }
statement(A) ::= ALIAS(L) ID(D) name(N) ASSIGN expr(E). { kqlPExpectWord(pCtx, &D, "database"); A = kqlPNode(pCtx, KQL_AST_ALIAS, &L); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, E); }
statement(A) ::= RESTRICT(R) ACCESS TO LP tablelist(L) RP(E). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_RESTRICT, &R), L), &E); }

setvalue(A) ::= expr(X).                  { A = X; }

// let name = expr | tabular | (params) { body } | view (params) { body }
letstmt(A) ::= LET(L) name(N) ASSIGN letvalue(V). { A = kqlPNode(pCtx, KQL_AST_LET, &L); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, V); }
letvalue(A) ::= pipeexpr(X).              { A = X; }
letvalue(A) ::= lambda(X).                { A = X; }
letvalue(A) ::= VIEW(V) lambda(X).        { A = kqlPStart(kqlPSetText(X, "view"), &V); }

lambda(A) ::= LP(L) params(P) RP LBRACE body(B) RBRACE(R). { A = kqlPNode(pCtx, KQL_AST_LAMBDA, &L); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, B); kqlPEnd(A, &R); }
params(A) ::= .                           { A = kqlPList(pCtx, 0); }
params(A) ::= paramlist(X).               { A = X; }
paramlist(A) ::= param(X).                { A = kqlPList(pCtx, X); }
paramlist(A) ::= paramlist(A) COMMA param(X). { kqlAstAppend(pCtx->pArena, A, X); }
param(A) ::= name(N) COLON ptype(T).      { A = kqlPNamed(pCtx, KQL_AST_PARAM, N); kqlAstAppend(pCtx->pArena, A, T); }
param(A) ::= name(N) COLON ptype(T) ASSIGN expr(D). { A = kqlPNamed(pCtx, KQL_AST_PARAM, N); kqlAstAppend(pCtx->pArena, A, T); kqlAstAppend(pCtx->pArena, A, D); }
ptype(A) ::= typename(X).                 { A = X; }
ptype(A) ::= LP(L) STAR RP(R).            { A = kqlPEnd(kqlPSetText(kqlPNode(pCtx, KQL_AST_SCHEMA, &L), "*"), &R); }
ptype(A) ::= LP(L) coldecls(C) RP(R).     { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &L), C), &R); }
ptype(A) ::= LP(L) STAR COMMA coldecls(C) RP(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPSetText(kqlPNode(pCtx, KQL_AST_SCHEMA, &L), "*"), C), &R); }

// { let a = ...; ...; result }
body(A) ::= bodylets(L) pipeexpr(E) optsemi. { A = L; kqlAstAppend(pCtx->pArena, A, E); }
bodylets(A) ::= .                         { A = kqlAstNew(pCtx->pArena, KQL_AST_BLOCK, -1, 0); }
bodylets(A) ::= bodylets(A) letstmt(X) SEMI. { kqlAstAppend(pCtx->pArena, A, X); }
optsemi ::= .
optsemi ::= SEMI.

////////////////////////// Tabular expressions ////////////////////////////
// pipeexpr := source { '|' operator }     (a source may be any scalar term)

pipeexpr(A) ::= expr(X).                  { A = X; }
pipeexpr(A) ::= tabsource(X).             { A = X; }
pipeexpr(A) ::= pipechain(X).             { A = X; }
pipechain(A) ::= pipehead(S) PIPE pipeop(O). { A = kqlPPipe(pCtx, S, O); }
pipechain(A) ::= pipechain(A) PIPE pipeop(O). { kqlAstAppend(pCtx->pArena, A, O); }
pipehead(A) ::= expr(X).                  { A = X; }
pipehead(A) ::= tabsource(X).             { A = X; }

// Sub-pipelines of mv-apply, fork, facet, partition start from the implicit input.
subpipe(A) ::= pipeop(O).                 { A = kqlPSubPipe(pCtx, O); }
subpipe(A) ::= subpipe(A) PIPE pipeop(O). { kqlAstAppend(pCtx->pArena, A, O); }

// datatable (a:long, b:string) [ 1, "x", ... ]
tabsource(A) ::= DATATABLE(D) LP tcoldecls(C) RP LB values(V) RB(R). { A = kqlPNode(pCtx, KQL_AST_DATATABLE, &D); kqlAstAppend(pCtx->pArena, A, kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &D), C)); kqlPAppendAll(pCtx, A, V); kqlPEnd(A, &R); }
// print [name =] expr, ...
tabsource(A) ::= PRINT(P) items(L). [LOWPREC]       { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_PRINT, &P), L); }
// range x from a to b step c
tabsource(A) ::= RANGE(R) name(N) FROM expr(F) TO expr(T) STEP expr(S). { A = kqlPNode(pCtx, KQL_AST_RANGE, &R); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, F); kqlAstAppend(pCtx->pArena, A, T); kqlAstAppend(pCtx->pArena, A, S); }
// union [options] T1, T2*, (T3 | ...)
tabsource(A) ::= UNION(U) opts(O) tablelist(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_UNION, &U), L); kqlPSetOpts(A, O); }
// evaluate plugin(...) as a source
tabsource(A) ::= EVALUATE(E) opts(O) term(C). { A = kqlPNode(pCtx, KQL_AST_EVALUATE_SRC, &E); kqlAstAppend(pCtx->pArena, A, C); kqlPSetOpts(A, O); }
// externaldata (schema) [ "url", ... ] [with (format="csv", ...)]
tabsource(A) ::= EXTERNALDATA(E) LP tcoldecls(C) RP LB values(V) RB(R) withprops(W). { A = kqlPNode(pCtx, KQL_AST_EXTERNALDATA, &E); kqlAstAppend(pCtx->pArena, A, kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &E), C)); kqlPAppendAll(pCtx, A, V); kqlPEnd(A, &R); kqlPSetOpts(A, W); }
// find [withsource=X] [in (T, ...)] where pred [project a, b]
tabsource(A) ::= FIND(F) opts(O) findin(I) WHERE expr(P) findproj(J). { A = kqlPNode(pCtx, KQL_AST_FIND, &F); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, I); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, J); }
tabsource(A) ::= FIND(F) opts(O) findin(I) expr(P) findproj(J). { A = kqlPNode(pCtx, KQL_AST_FIND, &F); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, I); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, J); }
// search [kind=...] [in (T, ...)] pred
tabsource(A) ::= SEARCH(S) opts(O) findin(I) searchpred(P). { A = kqlPNode(pCtx, KQL_AST_SEARCH, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, I); }

searchpred(A) ::= expr(X).                { A = X; }
searchpred(A) ::= STAR(S).                { A = kqlPNode(pCtx, KQL_AST_STAR, &S); }
findin(A) ::= .                           { A = 0; }
findin(A) ::= IN LP tablelist(L) RP.      { A = L; }
findproj(A) ::= .                         { A = 0; }
findproj(A) ::= PROJECT(P) patlist(L). [LOWPREC]    { A = kqlPStart(L, &P); }
findproj(A) ::= PROJECT_SMART(P).         { A = kqlPSetText(kqlPList(pCtx, 0), "project-smart"); kqlPStart(A, &P); kqlPEnd(A, &P); }

tablelist(A) ::= tableitem(X).            { A = kqlPList(pCtx, X); }
tablelist(A) ::= tablelist(A) COMMA tableitem(X). { kqlAstAppend(pCtx->pArena, A, X); }
tableitem(A) ::= term(X).                 { A = X; }
tableitem(A) ::= WILDCARD(W).             { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }
tableitem(A) ::= STAR(W).                 { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }

values(A) ::= .                           { A = 0; }
values(A) ::= exprlist(X).                { A = X; }
values(A) ::= exprlist(X) COMMA.          { A = X; }

tcoldecls(A) ::= coldecls(X).             { A = X; }
tcoldecls(A) ::= coldecls(X) COMMA.       { A = X; }
coldecls(A) ::= coldecl(X).               { A = kqlPList(pCtx, X); }
coldecls(A) ::= coldecls(A) COMMA coldecl(X). { kqlAstAppend(pCtx->pArena, A, X); }
coldecl(A) ::= name(N) COLON typename(T). { A = kqlPNamed(pCtx, KQL_AST_COLDECL, N); kqlAstAppend(pCtx->pArena, A, T); }

typename(A) ::= ID(T).                    { A = kqlPType(pCtx, &T); }
typename(A) ::= TYPEKW(T).                { A = kqlPType(pCtx, &T); }
typename(A) ::= DYNAMIC(T).               { A = kqlPType(pCtx, &T); }

// Operator options: kind=inner hint.strategy=shuffle withsource=T ...
opts(A) ::= .                             { A = 0; }
opts(A) ::= opts(B) OPTNAME(N) ASSIGN optval(V). { A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, kqlPOpt(pCtx, &N, V)); }
optval(A) ::= name(X).                    { A = X; }
optval(A) ::= STRING|LONG|REAL|TIMESPAN|TYPEDLIT|TRUE|FALSE|NULL(T). { A = kqlPLiteral(pCtx, @T, &T); }
optval(A) ::= MINUS(M) LONG(X).           { A = kqlPNegLiteral(pCtx, &M, kqlPLiteral(pCtx, TK_LONG, &X)); }

// with ( name = value, ... )   (render's ycolumns=a, b takes a bare list)
withprops(A) ::= .                        { A = 0; }
withprops(A) ::= WITH(W) LP props(P) RP(R). { A = kqlPEnd(kqlPStart(P, &W), &R); }
props(A) ::= prop(X).                     { A = kqlPList(pCtx, X); }
props(A) ::= props(A) COMMA prop(X).      { kqlAstAppend(pCtx->pArena, A, X); }
props(A) ::= props(A) COMMA name(X).      { kqlAstAppend(pCtx->pArena, A->aChild[A->nChild-1], X); }
prop(A) ::= name(N) ASSIGN expr(V).       { A = kqlPNamedArg(pCtx, N, V); }

////////////////////////// Tabular operators ///////////////////////////////

// where pred | filter pred
pipeop(A) ::= WHERE|FILTER(W) expr(P).    { A = kqlPNode(pCtx, KQL_AST_OP_WHERE, &W); kqlAstAppend(pCtx->pArena, A, P); }
// project [name =] expr, ...
pipeop(A) ::= PROJECT(P).                 { A = kqlPNode(pCtx, KQL_AST_OP_PROJECT, &P); }
pipeop(A) ::= PROJECT(P) items(L). [LOWPREC]        { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT, &P), L); }
// project-away a, b*   project-keep a, b*
pipeop(A) ::= PROJECT_AWAY(P).          { A = kqlPNode(pCtx, KQL_AST_OP_PROJECT_AWAY, &P); }
pipeop(A) ::= PROJECT_AWAY(P) patlist(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT_AWAY, &P), L); }
pipeop(A) ::= PROJECT_KEEP(P).          { A = kqlPNode(pCtx, KQL_AST_OP_PROJECT_KEEP, &P); }
pipeop(A) ::= PROJECT_KEEP(P) patlist(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT_KEEP, &P), L); }
// project-rename new = old, ...
pipeop(A) ::= PROJECT_RENAME(P).        { A = kqlPNode(pCtx, KQL_AST_OP_PROJECT_RENAME, &P); }
pipeop(A) ::= PROJECT_RENAME(P) renames(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT_RENAME, &P), L); }
// project-reorder a, b* asc, ...
pipeop(A) ::= PROJECT_REORDER(P) reorders(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT_REORDER, &P), L); }
// project-by-names Col | Pattern* | dynamic([...]) | column_names_of(T) | expr, ...
pipeop(A) ::= PROJECT_BY_NAMES(P) pbnitems(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_PROJECT_BY_NAMES, &P), L); }
pbnitems(A) ::= pbnitem(X).               { A = kqlPList(pCtx, X); }
pbnitems(A) ::= pbnitems(A) COMMA pbnitem(X). { kqlAstAppend(pCtx->pArena, A, X); }
pbnitem(A) ::= expr(X).                   { A = X; }
pbnitem(A) ::= WILDCARD(W).               { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }
pbnitem(A) ::= STAR(W).                   { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }
// extend [name =] expr, (a, b) = expr, ...
pipeop(A) ::= EXTEND(P) items(L). [LOWPREC]         { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_EXTEND, &P), L); }
// summarize [hint.x=y] [aggs] [by keys]
pipeop(A) ::= SUMMARIZE(S) opts(O) aggs(G) bykeys(K). { A = kqlPNode(pCtx, KQL_AST_OP_SUMMARIZE, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, G); kqlAstAppend(pCtx->pArena, A, K); }
// count
pipeop(A) ::= COUNT(C).                   { A = kqlPNode(pCtx, KQL_AST_OP_COUNT, &C); }
pipeop(A) ::= COUNT(C) AS(S) name(N).     { A = kqlPNode(pCtx, KQL_AST_OP_COUNT, &C); kqlAstAddOpt(pCtx->pArena, A, kqlPOpt(pCtx, &S, N)); }
// distinct a, b | distinct *
pipeop(A) ::= DISTINCT(D) opts(O) items(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_DISTINCT, &D), L); kqlPSetOpts(A, O); }
pipeop(A) ::= DISTINCT(D) opts(O) STAR(S). { A = kqlPNode(pCtx, KQL_AST_OP_DISTINCT, &D); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, kqlPNode(pCtx, KQL_AST_STAR, &S)); }
// take n | limit n
pipeop(A) ::= TAKE|LIMIT(T) opts(O) expr(N). { A = kqlPNode(pCtx, KQL_AST_OP_TAKE, &T); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, N); }
// top n by expr [asc|desc] [nulls first|last]
pipeop(A) ::= TOP(T) opts(O) expr(N) BY sortkey(K). { A = kqlPNode(pCtx, KQL_AST_OP_TOP, &T); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, K); }
// sort by k [asc|desc] [nulls first|last], ...   (order by is the same)
pipeop(A) ::= SORT|ORDER(S) opts(O) BY sortkeys(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_SORT, &S), L); kqlPSetOpts(A, O); }
// join [kind=..] [hint.*=..] T [on keys]
pipeop(A) ::= JOIN(J) opts(O) term(T) joinon(K). { A = kqlPNode(pCtx, KQL_AST_OP_JOIN, &J); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, T); kqlPJoinKeys(pCtx, A, K); }
// lookup [kind=..] T on keys
pipeop(A) ::= LOOKUP(J) opts(O) term(T) joinon(K). { A = kqlPNode(pCtx, KQL_AST_OP_LOOKUP, &J); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, T); kqlPJoinKeys(pCtx, A, K); }
// union [options] T, ...
pipeop(A) ::= UNION(U) opts(O) tablelist(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_UNION, &U), L); kqlPSetOpts(A, O); }
// mv-expand [options] [name =] expr [to typeof(t)], ... [limit n]
pipeop(A) ::= MV_EXPAND(M) opts(O) mvitems(L) mvlimit(N). { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_MVEXPAND, &M), L); kqlPSetOpts(A, O); if( N ){ kqlAstAddOpt(pCtx->pArena, A, N); } }
// mv-apply [options] items on ( subquery )
pipeop(A) ::= MV_APPLY(M) opts(O) mvitems(L) mvlimit(N) ON LP subpipe(Q) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_MVAPPLY, &M); kqlPSetOpts(A, O); if( N ) kqlAstAddOpt(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, L); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
// parse [kind=..] [flags=..] expr with pattern   (parse-where likewise)
pipeop(A) ::= PARSE(P) opts(O) expr(E) WITH(W) parsepat(L). { A = kqlPSetText(kqlPNode(pCtx, KQL_AST_OP_PARSE, &P), "parse"); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, E); kqlPEnd(A, &W); kqlPAppendAll(pCtx, A, L); }
pipeop(A) ::= PARSE_WHERE(P) opts(O) expr(E) WITH(W) parsepat(L). { A = kqlPSetText(kqlPNode(pCtx, KQL_AST_OP_PARSE, &P), "parse-where"); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, E); kqlPEnd(A, &W); kqlPAppendAll(pCtx, A, L); }
// parse-kv expr as (schema) [with (...)]
pipeop(A) ::= PARSE_KV(P) expr(E) AS LP coldecls(C) RP(R) withprops(W). { A = kqlPNode(pCtx, KQL_AST_OP_PARSE_KV, &P); kqlAstAppend(pCtx->pArena, A, E); kqlAstAppend(pCtx->pArena, A, kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &P), C), &R)); kqlPSetOpts(A, W); }
// evaluate [hint.*] plugin(args)
pipeop(A) ::= EVALUATE(E) opts(O) term(C). { A = kqlPNode(pCtx, KQL_AST_OP_EVALUATE, &E); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, C); }
// evaluate plugin(...) : (output schema)
pipeop(A) ::= EVALUATE(E) opts(O) term(C) COLON LP coldecls(S) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_EVALUATE, &E); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, C); kqlAstAppend(pCtx->pArena, A, kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &E), S), &R)); }
// evaluate plugin(...) : (*, output schema) -- the input's columns, then these
pipeop(A) ::= EVALUATE(E) opts(O) term(C) COLON LP STAR COMMA coldecls(S) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_EVALUATE, &E); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, C); kqlAstAppend(pCtx->pArena, A, kqlPEnd(kqlPAppendAll(pCtx, kqlPSetText(kqlPNode(pCtx, KQL_AST_SCHEMA, &E), "*"), S), &R)); }
// make-series [kind=..] aggs on axis [from a] [to b] step s [by keys] | ... on axis in range(a, b, s) ...
pipeop(A) ::= MAKE_SERIES(M) opts(O) msaggs(G) ON expr(X) msrange(R) bykeys(K). { A = kqlPNode(pCtx, KQL_AST_OP_MAKE_SERIES, &M); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, G); kqlAstAppend(pCtx->pArena, A, X); kqlAstAppend(pCtx->pArena, A, R->aChild[0]); kqlAstAppend(pCtx->pArena, A, R->aChild[1]); kqlAstAppend(pCtx->pArena, A, R->aChild[2]); kqlAstExtend(A, R->iOfst + R->nLen); kqlAstAppend(pCtx->pArena, A, K); }
// serialize [name = expr, ...]
pipeop(A) ::= SERIALIZE(S).               { A = kqlPNode(pCtx, KQL_AST_OP_SERIALIZE, &S); }
pipeop(A) ::= SERIALIZE(S) items(L). [LOWPREC]      { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_SERIALIZE, &S), L); }
// sample n | sample-distinct n of col
pipeop(A) ::= SAMPLE(S) expr(N).          { A = kqlPNode(pCtx, KQL_AST_OP_SAMPLE, &S); kqlAstAppend(pCtx->pArena, A, N); }
pipeop(A) ::= SAMPLE_DISTINCT(S) expr(N) OF expr(C). { A = kqlPNode(pCtx, KQL_AST_OP_SAMPLE_DISTINCT, &S); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, C); }
// as [hint.materialized=true] Name
pipeop(A) ::= AS(S) opts(O) name(N).      { A = kqlPNode(pCtx, KQL_AST_OP_AS, &S); kqlPSetOpts(A, O); A->z = N->z; A->n = N->n; kqlAstExtend(A, N->iOfst + N->nLen); }
// invoke f(args)
pipeop(A) ::= INVOKE(S) term(C).          { A = kqlPNode(pCtx, KQL_AST_OP_INVOKE, &S); kqlAstAppend(pCtx->pArena, A, C); }
// render chart [with (prop = value, ...)]
// render chart [kind=k] [title=t] [with (prop = value, ...)]
pipeop(A) ::= RENDER(S) name(N) oldprops(P) withprops(W). { A = kqlPNode(pCtx, KQL_AST_OP_RENDER, &S); A->z = N->z; A->n = N->n; kqlAstExtend(A, N->iOfst + N->nLen); kqlPSetOpts(A, P); if( W ){ if( P ) kqlPAppendAll(pCtx, P, W); else kqlPSetOpts(A, W); kqlAstExtend(A, W->iOfst + W->nLen); } }
oldprops(A) ::= .                         { A = 0; }
oldprops(A) ::= oldprops(B) ID(N) ASSIGN expr(V). { kqlPExpectWord2(pCtx, &N, "kind", "title"); A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, kqlPNamedArg(pCtx, kqlPName(pCtx, &N), V)); }
// getschema
pipeop(A) ::= GETSCHEMA(S).               { A = kqlPNode(pCtx, KQL_AST_OP_GETSCHEMA, &S); }
// top-nested [n] of expr [with others = v] by agg [asc|desc], top-nested ...
pipeop(A) ::= TOP_NESTED(T) tnclauses(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_TOP_NESTED, &T), L); }
tnclauses(A) ::= tnclause(X).             { A = kqlPList(pCtx, X); }
tnclauses(A) ::= tnclauses(A) COMMA TOP_NESTED tnclause(X). { kqlAstAppend(pCtx->pArena, A, X); }
// top-hitters n of expr [by expr]
pipeop(A) ::= TOP_HITTERS(T) expr(N) OF expr(E). { A = kqlPNode(pCtx, KQL_AST_OP_TOP_HITTERS, &T); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, E); }
pipeop(A) ::= TOP_HITTERS(T) expr(N) OF expr(E) BY expr(B). { A = kqlPNode(pCtx, KQL_AST_OP_TOP_HITTERS, &T); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, E); kqlAstAppend(pCtx->pArena, A, B); }
// fork (subquery) [name = (subquery)] ...
pipeop(A) ::= FORK(F) forks(L).           { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_FORK, &F), L); }
// facet by a, b [with (subquery)]
pipeop(A) ::= FACET(F) BY patlist(L). [LOWPREC]     { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_FACET, &F), L); }
pipeop(A) ::= FACET(F) BY patlist(L) WITH LP subpipe(Q) RP(R). { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_FACET, &F), L); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
// partition [hint.*] by col ( subquery ) | { subquery }
pipeop(A) ::= PARTITION(P) opts(O) BY name(K) LP subpipe(Q) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_PARTITION, &P); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, K); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
pipeop(A) ::= PARTITION(P) opts(O) BY name(K) LBRACE pipeexpr(Q) RBRACE(R). { A = kqlPNode(pCtx, KQL_AST_OP_PARTITION, &P); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, K); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
// scan [with_match_id=..] [declare (params)] with ( step s [output=..]: pred [=> a = e, ...]; ... )
pipeop(A) ::= SCAN(S) opts(O) scandecl(D) WITH LP scansteps(L) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_SCAN, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, D); kqlPAppendAll(pCtx, A, L); kqlPEnd(A, &R); }
// consume [decodeblocks=..]
pipeop(A) ::= CONSUME(S) opts(O).         { A = kqlPNode(pCtx, KQL_AST_OP_CONSUME, &S); kqlPSetOpts(A, O); }
// reduce [kind=..] by expr [with threshold=.., characters=..]
pipeop(A) ::= REDUCE(S) opts(O) BY expr(E). { A = kqlPNode(pCtx, KQL_AST_OP_REDUCE, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, E); }
pipeop(A) ::= REDUCE(S) opts(O) BY expr(E) WITH props(P). [LOWPREC] { A = kqlPNode(pCtx, KQL_AST_OP_REDUCE, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, E); kqlPAppendAll(pCtx, A, P); }
// macro-expand [opts] entity_group as Scope ( sub-query ): parsed so the binder can say "not supported"
pipeop(A) ::= MACRO_EXPAND(S) opts(O) name(G) AS name(N) LP pipeexpr(Q) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_MACRO_EXPAND, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, G); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
pipeop(A) ::= MACRO_EXPAND(S) opts(O) name(G) LB exprlist(L) RB AS name(N) LP pipeexpr(Q) RP(R). { A = kqlPNode(pCtx, KQL_AST_OP_MACRO_EXPAND, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, G); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, Q); (void)L; kqlPEnd(A, &R); }
// find / search as operators
pipeop(A) ::= FIND(F) opts(O) findin(I) WHERE expr(P) findproj(J). { A = kqlPNode(pCtx, KQL_AST_OP_FIND, &F); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, I); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, J); }
pipeop(A) ::= SEARCH(S) opts(O) findin(I) searchpred(P). { A = kqlPNode(pCtx, KQL_AST_OP_SEARCH, &S); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, I); }
// project-smart, execute-and-cache, assert-schema: accepted, kept by name
pipeop(A) ::= PROJECT_SMART|EXECUTE_AND_CACHE(S). { A = kqlPNodeText(pCtx, KQL_AST_OP_LIMIT_OTHER, &S); }

// make-graph src --> dst [with T on k [, T2 on k2] | with_node_id=name]
// (... partitioned-by col (graph operators) keeps the column and the sub-pipeline in its 'partitioned-by' option)
pipeop(A) ::= MAKE_GRAPH(M) name(S) MINUS MINUS GT name(T) mgnodes(W) mgpart(P). { A = kqlPNode(pCtx, KQL_AST_OP_MAKE_GRAPH, &M); kqlAstAppend(pCtx->pArena, A, S); kqlAstAppend(pCtx->pArena, A, T); if( W && W->eKind==KQL_AST_NAMEDARG ) kqlAstAddOpt(pCtx->pArena, A, W); else kqlPAppendAll(pCtx, A, W); if( W ) kqlAstExtend(A, W->iOfst + W->nLen); if( P ){ kqlAstAddOpt(pCtx->pArena, A, P); kqlAstExtend(A, P->iOfst + P->nLen); } }
mgpart(A) ::= .                           { A = 0; }
mgpart(A) ::= PARTITIONED_BY(B) name(N) LP subpipe(Q) RP(R). { A = kqlPNamedArg(pCtx, kqlPNodeText(pCtx, KQL_AST_IDENT, &B), N); kqlAstAppend(pCtx->pArena, A, Q); kqlPEnd(A, &R); }
mgnodes(A) ::= .                          { A = 0; }
mgnodes(A) ::= WITH(W) mgtabs(L). [LOWPREC] { A = kqlPStart(L, &W); }
mgnodes(A) ::= ID(N) ASSIGN optval(V).    { kqlPExpectWord(pCtx, &N, "with_node_id"); A = kqlPOpt(pCtx, &N, V); }
mgtabs(A) ::= mgtab(X).                   { A = kqlPList(pCtx, X); }
mgtabs(A) ::= mgtabs(A) COMMA mgtab(X).   { kqlAstAppend(pCtx->pArena, A, X); }
mgtab(A) ::= term(T) ON name(K).          { A = kqlPList(pCtx, T); kqlAstAppend(pCtx->pArena, A, K); }
// graph-match [cycles=c] pattern [where pred] [project items]  (graph-shortest-paths [output=o] likewise)
pipeop(A) ::= GRAPH_MATCH|GRAPH_SHORTEST_PATHS(G) gopts(O) gpaths(P) gwhere(W) gproject(J). { A = kqlPNodeText(pCtx, KQL_AST_OP_GRAPH_MATCH, &G); kqlPSetOpts(A, O); kqlAstAppend(pCtx->pArena, A, P); kqlAstAppend(pCtx->pArena, A, W); kqlAstAppend(pCtx->pArena, A, J); }
gopts(A) ::= .                            { A = 0; }
gopts(A) ::= gopts(B) ID(N) ASSIGN optval(V). { A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, kqlPOpt(pCtx, &N, V)); }
gpaths(A) ::= gpath(X).                   { A = kqlPList(pCtx, X); }
gpaths(A) ::= gpaths(A) COMMA gpath(X).   { kqlAstAppend(pCtx->pArena, A, X); }
gpath(A) ::= gnode(X).                    { A = kqlPList(pCtx, X); }
gpath(A) ::= gpath(A) gedge(E) gnode(X).  { kqlAstAppend(pCtx->pArena, A, E); kqlAstAppend(pCtx->pArena, A, X); }
gnode(A) ::= LP(L) RP(R).                 { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_GNODE, &L), &R); }
gnode(A) ::= LP(L) name(N) RP(R).         { A = kqlPEnd(kqlPStart(kqlPNamed(pCtx, KQL_AST_GNODE, N), &L), &R); }
gedge(A) ::= MINUS(M) MINUS GT(E).        { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_GEDGE, &M), &E); A->eOp = 1; }
gedge(A) ::= LT(M) MINUS MINUS(E).        { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_GEDGE, &M), &E); A->eOp = 2; }
gedge(A) ::= MINUS(M) MINUS(E).           { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_GEDGE, &M), &E); A->eOp = 3; }
gedge(A) ::= MINUS(M) LB gebody(B) RB MINUS GT(E). { A = kqlPEnd(kqlPStart(B, &M), &E); A->eOp = 1; }
gedge(A) ::= LT(M) MINUS LB gebody(B) RB MINUS(E). { A = kqlPEnd(kqlPStart(B, &M), &E); A->eOp = 2; }
gedge(A) ::= MINUS(M) LB gebody(B) RB MINUS(E). { A = kqlPEnd(kqlPStart(B, &M), &E); A->eOp = 3; }
gebody(A) ::= gevar(B).                   { A = B; }
gebody(A) ::= gevar(B) STAR gebound(X) DOTDOT gebound(Y). { A = B; kqlAstAppend(pCtx->pArena, A, X); kqlAstAppend(pCtx->pArena, A, Y); }
// a bound is a long literal or the name of a constant (let, function parameter)
gebound(A) ::= LONG(X).                   { A = kqlPLiteral(pCtx, TK_LONG, &X); }
gebound(A) ::= name(N).                   { A = N; }
gevar(A) ::= .                            { A = kqlAstNew(pCtx->pArena, KQL_AST_GEDGE, -1, 0); }
gevar(A) ::= name(N).                     { A = kqlPNamed(pCtx, KQL_AST_GEDGE, N); }
gwhere(A) ::= . [LOWPREC]                { A = 0; }
gwhere(A) ::= WHERE expr(P).              { A = P; }
gproject(A) ::= .                         { A = 0; }
gproject(A) ::= PROJECT(P) items(L). [LOWPREC] { A = kqlPStart(L, &P); }
// graph-to-table nodes [with_node_id=c] [as N] [, edges [with_source_id=s] [with_target_id=t] [as E]]
pipeop(A) ::= GRAPH_TO_TABLE(G) gtitems(L). [LOWPREC] { A = kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_OP_GRAPH_TO_TABLE, &G), L); }
gtitems(A) ::= gtitem(X).                 { A = kqlPList(pCtx, X); }
gtitems(A) ::= gtitems(A) COMMA gtitem(X). { kqlAstAppend(pCtx->pArena, A, X); }
gtitem(A) ::= ID(K) gtopts(O).            { A = kqlPSetOpts(kqlPNodeText(pCtx, KQL_AST_KLIST, &K), O); }
gtopts(A) ::= .                           { A = 0; }
gtopts(A) ::= gtopts(B) ID(N) ASSIGN optval(V). { A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, kqlPOpt(pCtx, &N, V)); }
gtopts(A) ::= gtopts(B) AS(S) name(N).    { A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, kqlPOpt(pCtx, &S, N)); }
// graph-mark-components [kind=weak|strong] [with_component_id=c]
pipeop(A) ::= GRAPH_MARK_COMPONENTS(G) gopts(O). { A = kqlPSetOpts(kqlPNode(pCtx, KQL_AST_OP_GRAPH_MARK, &G), O); }

aggs(A) ::= .                             { A = kqlPList(pCtx, 0); }
aggs(A) ::= items(X). [LOWPREC]                     { A = X; }
bykeys(A) ::= .                           { A = 0; }
bykeys(A) ::= BY(B) items(X). [LOWPREC]             { A = kqlPStart(X, &B); }

// Items of project/extend/summarize/print: expr | name = expr | (a, b) = expr
items(A) ::= item(X).                     { A = kqlPList(pCtx, X); }
items(A) ::= items(A) COMMA item(X).      { kqlAstAppend(pCtx->pArena, A, X); }
item(A) ::= expr(X).                      { A = X; }
item(A) ::= name(N) ASSIGN expr(X).       { A = kqlPAssign(pCtx, N, X); }
// Kusto lets these reserved words name a column when '=' follows.
item(A) ::= kwname(N) ASSIGN expr(X).     { A = kqlPAssign(pCtx, N, X); }
kwname(A) ::= AS(N).                      { A = kqlPName(pCtx, &N); }
kwname(A) ::= TO(N).                      { A = kqlPName(pCtx, &N); }
kwname(A) ::= OF(N).                      { A = kqlPName(pCtx, &N); }
kwname(A) ::= WHERE(N).                   { A = kqlPName(pCtx, &N); }
kwname(A) ::= PRINT(N).                   { A = kqlPName(pCtx, &N); }
kwname(A) ::= DATATABLE(N).               { A = kqlPName(pCtx, &N); }
kwname(A) ::= HAS(N).                     { A = kqlPName(pCtx, &N); }
kwname(A) ::= CONTAINS(N).                { A = kqlPName(pCtx, &N); }
kwname(A) ::= IN(N).                      { A = kqlPName(pCtx, &N); }
kwname(A) ::= MATERIALIZE(N).             { A = kqlPName(pCtx, &N); }
kwname(A) ::= TOSCALAR(N).                { A = kqlPName(pCtx, &N); }
kwname(A) ::= SET(N).                     { A = kqlPName(pCtx, &N); }
kwname(A) ::= SEARCH(N).                  { A = kqlPName(pCtx, &N); }
kwname(A) ::= FIND(N).                    { A = kqlPName(pCtx, &N); }
kwname(A) ::= INVOKE(N).                  { A = kqlPName(pCtx, &N); }
kwname(A) ::= SAMPLE(N).                  { A = kqlPName(pCtx, &N); }
kwname(A) ::= EXTERNALDATA(N).            { A = kqlPName(pCtx, &N); }
item(A) ::= LP(L) namelist2(N) RP ASSIGN expr(X). { A = kqlPNode(pCtx, KQL_AST_MULTIASSIGN, &L); kqlAstAppend(pCtx->pArena, A, X); kqlPAppendAll(pCtx, A, N); A->iOfst = L.iOfst; }
namelist2(A) ::= name(X) COMMA name(Y).   { A = kqlPList(pCtx, X); kqlAstAppend(pCtx->pArena, A, Y); }
namelist2(A) ::= namelist2(A) COMMA name(Y). { kqlAstAppend(pCtx->pArena, A, Y); }

patlist(A) ::= pat(X).                    { A = kqlPList(pCtx, X); }
patlist(A) ::= patlist(A) COMMA pat(X).   { kqlAstAppend(pCtx->pArena, A, X); }
pat(A) ::= name(X).                       { A = X; }
pat(A) ::= WILDCARD(W).                   { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }
pat(A) ::= STAR(W).                       { A = kqlPNodeText(pCtx, KQL_AST_WILDCARD, &W); }

renames(A) ::= rename(X).                 { A = kqlPList(pCtx, X); }
renames(A) ::= renames(A) COMMA rename(X). { kqlAstAppend(pCtx->pArena, A, X); }
rename(A) ::= name(N) ASSIGN expr(O).     { A = kqlPAssign(pCtx, N, O); }

reorders(A) ::= reorder(X).               { A = kqlPList(pCtx, X); }
reorders(A) ::= reorders(A) COMMA reorder(X). { kqlAstAppend(pCtx->pArena, A, X); }
reorder(A) ::= pat(X) sortdir(D).         { A = kqlPSortKey(pCtx, X, &D, 0); }
reorder(A) ::= pat(X) ID(G) MINUS ASC(T).  { KqlSortSpec d; d.eBits = KQL_SORT_GRANNY|KQL_SORT_ASC; d.iEnd = T.iOfst + T.n; if( G.n!=6 || memcmp(G.z, "granny", 6)!=0 ) kqlPSyntaxError(pCtx, TK_ID, &G); A = kqlPSortKey(pCtx, X, &d, 0); }
reorder(A) ::= pat(X) ID(G) MINUS DESC(T). { KqlSortSpec d; d.eBits = KQL_SORT_GRANNY|KQL_SORT_DESC; d.iEnd = T.iOfst + T.n; if( G.n!=6 || memcmp(G.z, "granny", 6)!=0 ) kqlPSyntaxError(pCtx, TK_ID, &G); A = kqlPSortKey(pCtx, X, &d, 0); }

sortkeys(A) ::= sortkey(X).               { A = kqlPList(pCtx, X); }
sortkeys(A) ::= sortkeys(A) COMMA sortkey(X). { kqlAstAppend(pCtx->pArena, A, X); }
sortkey(A) ::= expr(X) sortdir(D) nullsorder(N). { A = kqlPSortKey(pCtx, X, &D, &N); }
%type sortdir {KqlSortSpec}
%type nullsorder {KqlSortSpec}
sortdir(A) ::= .                          { A.eBits = 0; A.iEnd = 0; }
sortdir(A) ::= ASC(T).                    { A.eBits = KQL_SORT_ASC; A.iEnd = T.iOfst + T.n; }
sortdir(A) ::= DESC(T).                   { A.eBits = KQL_SORT_DESC; A.iEnd = T.iOfst + T.n; }
nullsorder(A) ::= .                       { A.eBits = 0; A.iEnd = 0; }
nullsorder(A) ::= NULLS FIRST(T).         { A.eBits = KQL_SORT_NULLS_FIRST; A.iEnd = T.iOfst + T.n; }
nullsorder(A) ::= NULLS LAST(T).          { A.eBits = KQL_SORT_NULLS_LAST; A.iEnd = T.iOfst + T.n; }

joinon(A) ::= .                           { A = 0; }
joinon(A) ::= ON exprlist(L). [LOWPREC]             { A = L; }

mvitems(A) ::= mvitem(X).                 { A = kqlPList(pCtx, X); }
mvitems(A) ::= mvitems(A) COMMA mvitem(X). { kqlAstAppend(pCtx->pArena, A, X); }
mvitem(A) ::= item(X) mvto(T).            { A = kqlPWrap(pCtx, KQL_AST_MVITEM, X); kqlAstAppend(pCtx->pArena, A, T); }
mvto(A) ::= .                             { A = 0; }
mvto(A) ::= TO TYPEOF LP typename(T) RP(R). { A = kqlPEnd(T, &R); }
mvlimit(A) ::= . [LOWPREC]                          { A = 0; }
mvlimit(A) ::= LIMIT(L) expr(N).          { A = kqlPNamedArg(pCtx, kqlPNodeText(pCtx, KQL_AST_IDENT, &L), N); }

parsepat(A) ::= .                         { A = 0; }
parsepat(A) ::= parsepat(B) parseitem(X). { A = B ? B : kqlPList(pCtx, 0); kqlAstAppend(pCtx->pArena, A, X); }
parseitem(A) ::= STRING(S).               { A = kqlPLiteral(pCtx, TK_STRING, &S); }
parseitem(A) ::= STAR(S).                 { A = kqlPNode(pCtx, KQL_AST_STAR, &S); }
parseitem(A) ::= name(N).                 { A = kqlPNamed(pCtx, KQL_AST_COLDECL, N); }
parseitem(A) ::= name(N) COLON typename(T). { A = kqlPNamed(pCtx, KQL_AST_COLDECL, N); kqlAstAppend(pCtx->pArena, A, T); }

msaggs(A) ::= msagg(X).                   { A = kqlPList(pCtx, X); }
msaggs(A) ::= msaggs(A) COMMA msagg(X).   { kqlAstAppend(pCtx->pArena, A, X); }
msagg(A) ::= item(X).                     { A = X; }
msagg(A) ::= item(X) DEFAULT(D) ASSIGN expr(V). { A = X; kqlAstAddOpt(pCtx->pArena, A, kqlPOpt(pCtx, &D, V)); }
// msrange: a LIST of exactly three slots from, to, step (NULL when absent)
msrange(A) ::= mfrom(F) mto(T) STEP expr(S). { A = kqlPList(pCtx, F); kqlAstAppend(pCtx->pArena, A, T); kqlAstAppend(pCtx->pArena, A, S); }
msrange(A) ::= INRANGE ID LP expr(F) COMMA expr(T) COMMA expr(S) RP(R). { A = kqlPList(pCtx, F); kqlAstAppend(pCtx->pArena, A, T); kqlAstAppend(pCtx->pArena, A, S); kqlPEnd(A, &R); }
mfrom(A) ::= .                            { A = 0; }
mfrom(A) ::= FROM expr(X).                { A = X; }
mto(A) ::= .                              { A = 0; }
mto(A) ::= TO expr(X).                    { A = X; }

tnclause(A) ::= tncount(N) OF item(E) tnothers(W) BY item(G) sortdir(D). { A = kqlAstNew(pCtx->pArena, KQL_AST_TOPNESTED, -1, 0); kqlAstAppend(pCtx->pArena, A, N); kqlAstAppend(pCtx->pArena, A, E); kqlAstAppend(pCtx->pArena, A, G); A->eOp = D.eBits; kqlAstExtend(A, D.iEnd); if( W ) kqlAstAddOpt(pCtx->pArena, A, W); }
tncount(A) ::= .                          { A = 0; }
tncount(A) ::= expr(X).                   { A = X; }
tnothers(A) ::= .                         { A = 0; }
tnothers(A) ::= WITH ID(O) ASSIGN expr(V). { kqlPExpectWord(pCtx, &O, "others"); A = kqlPOpt(pCtx, &O, V); }

forks(A) ::= fork(X).                     { A = kqlPList(pCtx, X); }
forks(A) ::= forks(A) fork(X).            { kqlAstAppend(pCtx->pArena, A, X); }
fork(A) ::= LP subpipe(Q) RP(R).          { A = kqlPEnd(Q, &R); }
fork(A) ::= name(N) ASSIGN LP subpipe(Q) RP(R). { A = kqlPAssign(pCtx, N, kqlPEnd(Q, &R)); }

scandecl(A) ::= .                         { A = 0; }
scandecl(A) ::= DECLARE(D) LP paramlist(P) RP(R). { A = kqlPEnd(kqlPStart(P, &D), &R); }
scansteps(A) ::= scanstep(X).             { A = kqlPList(pCtx, X); }
scansteps(A) ::= scansteps(A) scanstep(X). { kqlAstAppend(pCtx->pArena, A, X); }
scanstep(A) ::= STEP(S) name(N) scanout(O) COLON expr(P) scanassign(L) SEMI(E). { A = kqlPNode(pCtx, KQL_AST_SCANSTEP, &S); A->z = N->z; A->n = N->n; kqlAstAppend(pCtx->pArena, A, P); kqlPAppendAll(pCtx, A, L); if( O ) kqlAstAddOpt(pCtx->pArena, A, O); kqlPEnd(A, &E); }
scanout(A) ::= .                          { A = 0; }
scanout(A) ::= OUTPUT(O) ASSIGN name(V).  { A = kqlPOpt(pCtx, &O, V); }
scanout(A) ::= OUTPUT(O) ASSIGN LAST(V).  { A = kqlPOpt(pCtx, &O, kqlPName(pCtx, &V)); }
scanassign(A) ::= .                       { A = 0; }
scanassign(A) ::= ARROW items(L).         { A = L; }

////////////////////////// Scalar expressions //////////////////////////////
// Levels, loosest first (checked against Kusto's own parser):
//   or; and; in/!in/in~/!in~/has_any/has_all/between/!between (operand:
//   a string-operator level expression, result not comparable);
//   == != <> (non-associative); =~ !~ has... contains... startswith...
//   endswith... like... matches regex (non-associative); < <= > >=
//   (non-associative); + -; * / %; unary - + (once); postfix . [] ().

exprlist(A) ::= expr(X).                  { A = kqlPList(pCtx, X); }
exprlist(A) ::= exprlist(A) COMMA expr(X). { kqlAstAppend(pCtx->pArena, A, X); }

expr(A) ::= orexpr(X).                    { A = X; }
orexpr(A) ::= andexpr(X).                 { A = X; }
orexpr(A) ::= orexpr(L) OR(OP) andexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
andexpr(A) ::= inexpr(X).                 { A = X; }
andexpr(A) ::= andexpr(L) AND(OP) inexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
inexpr(A) ::= eqexpr(X).                  { A = X; }
inexpr(A) ::= strexpr(L) IN|NOTIN|IN_CI|NOTIN_CI|HAS_ANY|HAS_ALL(OP) LP inlist(I) RP(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPOp(pCtx, KQL_AST_IN, @OP, L), I), &R); }
inexpr(A) ::= strexpr(L) BETWEEN|NOTBETWEEN(OP) LP expr(X) DOTDOT expr(Y) RP(R). { A = kqlPOp(pCtx, KQL_AST_BETWEEN, @OP, L); kqlAstAppend(pCtx->pArena, A, X); kqlAstAppend(pCtx->pArena, A, Y); kqlPEnd(A, &R); }
eqexpr(A) ::= strexpr(X).                 { A = X; }
eqexpr(A) ::= strexpr(L) EQ|NE(OP) strexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
strexpr(A) ::= relexpr(X).                { A = X; }
strexpr(A) ::= relexpr(L) EQTILDE|NETILDE|HAS|NOTHAS|HAS_CS|NOTHAS_CS|HASPREFIX|NOTHASPREFIX|HASPREFIX_CS|NOTHASPREFIX_CS|HASSUFFIX|NOTHASSUFFIX|HASSUFFIX_CS|NOTHASSUFFIX_CS|CONTAINS|NOTCONTAINS|CONTAINS_CS|NOTCONTAINS_CS|STARTSWITH|NOTSTARTSWITH|STARTSWITH_CS|NOTSTARTSWITH_CS|ENDSWITH|NOTENDSWITH|ENDSWITH_CS|NOTENDSWITH_CS|LIKE|NOTLIKE|LIKE_CS|NOTLIKE_CS(OP) relexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
strexpr(A) ::= relexpr(L) MATCHES(OP) REGEX relexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
// search-style "Column:value" (only inside where/filter/search, see parse.c)
strexpr(A) ::= relexpr(L) SEARCHCOLON(OP) relexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
relexpr(A) ::= addexpr(X).                { A = X; }
relexpr(A) ::= addexpr(L) LT|LE|GT|GE(OP) addexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
addexpr(A) ::= mulexpr(X).                { A = X; }
addexpr(A) ::= addexpr(L) PLUS|MINUS(OP) mulexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
mulexpr(A) ::= unexpr(X).                 { A = X; }
mulexpr(A) ::= mulexpr(L) STAR|SLASH|PERCENT(OP) unexpr(R). { A = kqlPBinary(pCtx, @OP, L, R); }
unexpr(A) ::= term(X).                    { A = X; }
unexpr(A) ::= MINUS|PLUS(OP) term(X).     { A = kqlPUnary(pCtx, @OP, &OP, X); }

inlist(A) ::= pipeexpr(X).                { A = kqlPList(pCtx, X); }
inlist(A) ::= inlist(A) COMMA pipeexpr(X). { kqlAstAppend(pCtx->pArena, A, X); }

// term: a name, literal, call, member access, index, ( subquery ), dynamic(...)
term(A) ::= name(X).                      { A = X; }
term(A) ::= literal(X).                   { A = X; }
term(A) ::= name(N) LP args(L) RP(R).     { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPCall(pCtx, N), L), &R); }
term(A) ::= TYPEKW(N) LP args(L) RP(R).   { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPCallTok(pCtx, &N), L), &R); }
term(A) ::= MATERIALIZE(N) LP args(L) RP(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPCallTok(pCtx, &N), L), &R); }
term(A) ::= TOSCALAR(N) LP args(L) RP(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPCallTok(pCtx, &N), L), &R); }
term(A) ::= term(O) DOT name(N).          { A = kqlPWrap(pCtx, KQL_AST_MEMBER, O); A->z = N->z; A->n = N->n; kqlAstExtend(A, N->iOfst + N->nLen); }
term(A) ::= term(O) DOT name(N) LP args(L) RP(R). { A = kqlPWrap(pCtx, KQL_AST_CALL, O); A->eOp = 1; A->z = N->z; A->n = N->n; kqlPAppendAll(pCtx, A, L); kqlPEnd(A, &R); }
term(A) ::= term(O) DOT LB LONG(X) RB(R).  { A = kqlPWrap(pCtx, KQL_AST_INDEX, O); kqlAstAppend(pCtx->pArena, A, kqlPLiteral(pCtx, TK_LONG, &X)); kqlPEnd(A, &R); }
term(A) ::= term(O) DOT LB MINUS(M) LONG(X) RB(R). { A = kqlPWrap(pCtx, KQL_AST_INDEX, O); kqlAstAppend(pCtx->pArena, A, kqlPNegLiteral(pCtx, &M, kqlPLiteral(pCtx, TK_LONG, &X))); kqlPEnd(A, &R); }
term(A) ::= term(O) LB expr(X) RB(R).     { A = kqlPWrap(pCtx, KQL_AST_INDEX, O); kqlAstAppend(pCtx->pArena, A, X); kqlPEnd(A, &R); }
term(A) ::= LP(L) pipeexpr(X) RP(R).      { A = kqlPParen(pCtx, &L, X, &R); }
term(A) ::= DYNAMIC(D) LP dynval(V) RP(R). { A = kqlPEnd(kqlPStart(V, &D), &R); }
term(A) ::= TYPEOF(T) LP typename(X) RP(R). { A = kqlPEnd(kqlPStart(X, &T), &R); }
term(A) ::= TYPEOF(T) LP typecols(C) RP(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_SCHEMA, &T), C), &R); }

typecols(A) ::= typecol(X).               { A = kqlPList(pCtx, X); }
typecols(A) ::= typecols(A) COMMA typecol(X). { kqlAstAppend(pCtx->pArena, A, X); }
typecol(A) ::= coldecl(X).                { A = X; }
typecol(A) ::= STAR(S).                   { A = kqlPNode(pCtx, KQL_AST_STAR, &S); }

args(A) ::= .                             { A = 0; }
args(A) ::= arglist(X).                   { A = X; }
arglist(A) ::= arg(X).                    { A = kqlPList(pCtx, X); }
arglist(A) ::= arglist(A) COMMA arg(X).   { kqlAstAppend(pCtx->pArena, A, X); }
arg(A) ::= pipeexpr(X).                   { A = X; }
arg(A) ::= STAR(S).                       { A = kqlPNode(pCtx, KQL_AST_STAR, &S); }
arg(A) ::= name(N) ASSIGN pipeexpr(X).    { A = kqlPNamedArg(pCtx, N, X); }

// Names: identifiers, keywords used as names (%fallback), ['quoted names']
name(A) ::= ID(X).                        { A = kqlPName(pCtx, &X); }
name(A) ::= LB(L) STRING(S) RB(R).        { A = kqlPBracketName(pCtx, &L, &S, &R); }

// Literals; adjacent string literals are one value
literal(A) ::= strlit(X).                 { A = X; }
literal(A) ::= LONG|REAL|TIMESPAN|TYPEDLIT|TRUE|FALSE|NULL(T). { A = kqlPLiteral(pCtx, @T, &T); }
strlit(A) ::= STRING(S).                  { A = kqlPLiteral(pCtx, TK_STRING, &S); }
strlit(A) ::= strlit(A) STRING(S).        { kqlPStrConcat(pCtx, A, &S); }

// dynamic(...) bodies: JSON-like values
dynval(A) ::= dynscalar(X).               { A = X; }
dynval(A) ::= LB(L) RB(R).                { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_DYNARRAY, &L), &R); }
dynval(A) ::= LB(L) dynitems(X) RB(R).    { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_DYNARRAY, &L), X), &R); }
dynval(A) ::= LBRACE(L) RBRACE(R).        { A = kqlPEnd(kqlPNode(pCtx, KQL_AST_DYNBAG, &L), &R); }
dynval(A) ::= LBRACE(L) dynpairs(X) RBRACE(R). { A = kqlPEnd(kqlPAppendAll(pCtx, kqlPNode(pCtx, KQL_AST_DYNBAG, &L), X), &R); }
dynscalar(A) ::= literal(X).              { A = X; }
dynscalar(A) ::= DYNAMIC(D) LP dynval(V) RP(R). { A = kqlPEnd(kqlPStart(V, &D), &R); }
dynscalar(A) ::= MINUS(M) LONG|REAL|TIMESPAN(T). { A = kqlPNegLiteral(pCtx, &M, kqlPLiteral(pCtx, @T, &T)); }
dynitems(A) ::= dynval(X).                { A = kqlPList(pCtx, X); }
dynitems(A) ::= dynitems(A) COMMA dynval(X). { kqlAstAppend(pCtx->pArena, A, X); }
dynpairs(A) ::= dynpair(X).               { A = kqlPList(pCtx, X); }
dynpairs(A) ::= dynpairs(A) COMMA dynpair(X). { kqlAstAppend(pCtx->pArena, A, X); }
dynpair(A) ::= STRING(K) COLON dynval(V). { A = kqlPPair(pCtx, &K, V); }

%code {
/* Number of terminal codes (1..kqlParserTokenCount()-1 are tokens). */
int kqlParserTokenCount(void){ return YYNTOKEN; }

/*
** 1 when token eTok would be shifted in the parser's current state: replay
** the reductions it would cause on a copy of the top of the state stack.
** parse.c uses it to say what was expected after a syntax error.
*/
int kqlParserWouldAccept(void *p, int eTok){
  yyParser *pParser = (yyParser*)p;
  YYACTIONTYPE aStack[128];
  int nStack = 0, i;
  int nDepth = (int)(pParser->yytos - pParser->yystack);
  int iFirst = nDepth >= 100 ? nDepth - 100 : 0;
  for(i=iFirst; i<=nDepth; i++) aStack[nStack++] = pParser->yystack[i].stateno;
  if( eTok<=0 || eTok>=YYNTOKEN ) return 0;
  for(;;){
    YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)eTok, aStack[nStack-1]);
    if( act<=YY_MAX_SHIFTREDUCE || act==YY_ACCEPT_ACTION ) return 1;
    if( act>=YY_MIN_REDUCE ){
      int iRule = act - YY_MIN_REDUCE;
      int nPop = -yyRuleInfoNRhs[iRule];
      if( nPop>=nStack || nStack>=120 ) return 1;   /* beyond the copy: assume yes */
      nStack -= nPop;
      aStack[nStack] = yy_find_reduce_action(aStack[nStack-1], (YYCODETYPE)yyRuleInfoLhs[iRule]);
      nStack++;
      continue;
    }
    return 0;
  }
}
}
