/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The parse tree. One node type (KqlAst) with a kind, an operator code, a
** byte span into the query text, an optional text payload, an ordered list of
** children and an optional list of operator options. Parser actions build it
** with the kqlAst* constructors; the binder reads it; kqlAstDump prints it
** (the parser tests compare that dump). All nodes live in the query arena.
**
** The child layout of every kind is documented in KQL_AST_LIST below and is
** the contract between grammar/ and interp/bind*.c. Binary and unary
** operators reuse the Lemon token codes (TK_*) in eOp, as SQLite does.
*/
#ifndef KQL_AST_H
#define KQL_AST_H
#include "arena.h"

/*
** X-macro: KQL_AST(suffix, dump name). Layout notes: cN = child N,
** z = text payload, opts = pOpts list (NAMEDARG nodes, e.g. kind=inner,
** hint.strategy=shuffle, withsource=T, with_itemindex=i).
*/
#define KQL_AST_LIST \
  /* ---- statements ---- */ \
  KQL_AST(QUERY,      "query")      /* children: statements in order */ \
  KQL_AST(LET,        "let")        /* z=name; c0=value: expr | tabular | LAMBDA */ \
  KQL_AST(SET,        "set")        /* z=option name; c0=value or none */ \
  KQL_AST(DECLARE,    "declare")    /* declare query_parameters(...): children PARAM */ \
  KQL_AST(ALIAS,      "alias")      /* alias database x = ...: z=name c0=expr */ \
  KQL_AST(PATTERN,    "pattern")    /* declare pattern: z=name; for a definition c0=LIST of PARAM, c1=LIST of PARAM path ([...]) or NULL, c2..=LIST(c0=LIST args, c1=LIST path args or NULL, c2=body) */ \
  KQL_AST(RESTRICT,   "restrict")   /* restrict access to (...): children */ \
  KQL_AST(LAMBDA,     "lambda")     /* c0=PARAMS list, c1=BLOCK body; z="view" if view */ \
  KQL_AST(PARAM,      "param")      /* z=name; c0=TYPE or SCHEMA; c1=default expr (opt) */ \
  KQL_AST(BLOCK,      "block")      /* children: let statements, then the result expr */ \
  /* ---- tabular expressions ---- */ \
  KQL_AST(PIPE,       "pipe")       /* c0=source; c1..=operators (OP_*) */ \
  KQL_AST(DATATABLE,  "datatable")  /* c0=SCHEMA; c1..=cell values, row-major */ \
  KQL_AST(SCHEMA,     "schema")     /* children COLDECL; z="*" for (*) */ \
  KQL_AST(COLDECL,    "coldecl")    /* z=name; c0=TYPE */ \
  KQL_AST(PRINT,      "print")      /* children: expr or ASSIGN */ \
  KQL_AST(RANGE,      "range")      /* z=column; c0=from c1=to c2=step */ \
  KQL_AST(UNION,      "union")      /* opts; children: tabular exprs / IDENT / WILDCARD */ \
  KQL_AST(FIND,       "find")       /* opts; c0=LIST of tables from in(...) or NULL; c1=predicate; c2=LIST projected (IDENT|WILDCARD; z="project-smart" when so) or NULL */ \
  KQL_AST(SEARCH,     "search")     /* opts; c0=predicate (STAR for search *); c1=LIST of tables from in(...) or NULL */ \
  KQL_AST(EXTERNALDATA,"externaldata") /* c0=SCHEMA; c1..=url strings; opts=with(...) */ \
  KQL_AST(EVALUATE_SRC,"evaluate")  /* evaluate as a source: c0=CALL */ \
  KQL_AST(WILDCARD,   "wildcard")   /* table name pattern with '*': z=text */ \
  /* ---- tabular operators (children of PIPE after c0) ---- */ \
  KQL_AST(OP_WHERE,   "where")      /* c0=predicate */ \
  KQL_AST(OP_PROJECT, "project")    /* children: expr | ASSIGN */ \
  KQL_AST(OP_PROJECT_AWAY,   "project-away")   /* children: IDENT | WILDCARD */ \
  KQL_AST(OP_PROJECT_KEEP,   "project-keep")   /* children: IDENT | WILDCARD */ \
  KQL_AST(OP_PROJECT_RENAME, "project-rename") /* children: ASSIGN (z=new, c0=IDENT old) */ \
  KQL_AST(OP_PROJECT_REORDER,"project-reorder")/* children: SORTKEY over IDENT|WILDCARD */ \
  KQL_AST(OP_PROJECT_BY_NAMES,"project-by-names")/* children: WILDCARD | expr (column, dynamic array of names) */ \
  KQL_AST(OP_EXTEND,  "extend")     /* children: expr | ASSIGN | MULTIASSIGN */ \
  KQL_AST(OP_SUMMARIZE,"summarize") /* opts; c0=LIST of aggs (expr|ASSIGN|MULTIASSIGN, may be empty), c1=LIST of by keys or NULL when no 'by' */ \
  KQL_AST(OP_COUNT,   "count")      /* opts (as=IDENT for 'count as Name') */ \
  KQL_AST(OP_DISTINCT,"distinct")   /* opts; children: exprs, or one STAR */ \
  KQL_AST(OP_TAKE,    "take")       /* c0=count expr (limit is the same) */ \
  KQL_AST(OP_TOP,     "top")        /* c0=count; c1=SORTKEY */ \
  KQL_AST(OP_SORT,    "sort")       /* opts; children: SORTKEY (order by is the same) */ \
  KQL_AST(OP_JOIN,    "join")       /* opts (kind=, hint.*); c0=right tabular; c1..=join keys: IDENT or BINARY(==) of $left/$right members */ \
  KQL_AST(OP_LOOKUP,  "lookup")     /* opts; c0=right tabular; c1..=keys as join */ \
  KQL_AST(OP_UNION,   "union")      /* opts; children: tabular exprs */ \
  KQL_AST(OP_MVEXPAND,"mv-expand")  /* opts (bagexpansion=, with_itemindex=, kind=, limit=N for a trailing 'limit N'); children: MVITEM */ \
  KQL_AST(MVITEM,     "mvitem")     /* c0=expr or ASSIGN; c1=TYPE for 'to typeof(T)', or NULL */ \
  KQL_AST(OP_MVAPPLY, "mv-apply")   /* opts (with_itemindex=, limit=); c0=LIST of MVITEM; c1=subquery PIPE (source is CONTEXT) */ \
  KQL_AST(CONTEXT,    "context")    /* the implicit input of a sub-pipeline (mv-apply, facet...) */ \
  KQL_AST(OP_PARSE,   "parse")      /* opts (kind=regex|simple|relaxed, flags=); z="parse"/"parse-where"; c0=expr; c1..=pattern parts: STRING LITERAL | COLDECL | STAR */ \
  KQL_AST(OP_PARSE_KV,"parse-kv")   /* c0=expr; c1=SCHEMA; opts=with(...) */ \
  KQL_AST(OP_EVALUATE,"evaluate")   /* opts; c0=CALL of the plugin; c1=SCHEMA for 'evaluate f(...) : (cols)' (opt) */ \
  KQL_AST(OP_MAKE_SERIES,"make-series") /* opts; c0=LIST aggs (expr|ASSIGN, 'default=' as its opt "default"); c1=axis expr; c2=from or NULL; c3=to or NULL; c4=step (for 'in range(a,b,s)': a, b, s); c5=LIST by keys or NULL */ \
  KQL_AST(OP_SERIALIZE,"serialize") /* children: expr | ASSIGN (none for plain serialize) */ \
  KQL_AST(OP_SAMPLE,  "sample")     /* c0=count */ \
  KQL_AST(OP_SAMPLE_DISTINCT,"sample-distinct") /* c0=count; c1=column */ \
  KQL_AST(OP_AS,      "as")         /* opts (hint.materialized=); z=name */ \
  KQL_AST(OP_INVOKE,  "invoke")     /* c0=CALL */ \
  KQL_AST(OP_RENDER,  "render")     /* z=visualization; opts=with(...) properties (and legacy kind=/title=); a bare name after ycolumns=a, b is an extra child of that NAMEDARG */ \
  KQL_AST(OP_GETSCHEMA,"getschema") \
  KQL_AST(OP_TOP_NESTED,"top-nested") /* children: TOPNESTED clauses */ \
  KQL_AST(TOPNESTED,  "top-nested-clause") /* c0=count or NULL, c1=of expr|ASSIGN, c2=by agg expr|ASSIGN; eOp=KQL_SORT_* bits; opts (others=) */ \
  KQL_AST(OP_TOP_HITTERS,"top-hitters") /* c0=count; c1=of expr; c2=by expr (opt) */ \
  KQL_AST(OP_FORK,    "fork")       /* children: sub-pipelines (source CONTEXT), ASSIGN(z=name, c0=PIPE) for name=(...) */ \
  KQL_AST(OP_FACET,   "facet")      /* children: IDENT; c-last may be PIPE for 'with' */ \
  KQL_AST(OP_PARTITION,"partition") /* opts; c0=IDENT key; c1=sub-pipeline: PIPE from CONTEXT for (...), any tabular expr for {...} */ \
  KQL_AST(OP_SCAN,    "scan")       /* opts (with_match_id=); c0=LIST of PARAM from declare(...) or NULL; c1..=SCANSTEP */ \
  KQL_AST(SCANSTEP,   "scan-step")  /* z=step name; opts (output=); c0=predicate; c1..=ASSIGN after => */ \
  KQL_AST(OP_CONSUME, "consume")    /* opts (decodeblocks=) */ \
  KQL_AST(OP_REDUCE,  "reduce")     /* opts (kind=); c0=expr; c1..=NAMEDARG from 'with threshold=.., characters=..' */ \
  KQL_AST(OP_MACRO_EXPAND, "macro-expand") /* opts; c0=entity group expr; c1=scope name; c2=sub-query (bound: not supported) */ \
  KQL_AST(OP_FIND,    "find")       /* as FIND */ \
  KQL_AST(OP_SEARCH,  "search")     /* as SEARCH */ \
  KQL_AST(OP_LIMIT_OTHER,"other")   /* operators parsed generically: z=name (project-smart, execute-and-cache), children */ \
  KQL_AST(OP_MAKE_GRAPH,"make-graph") /* opts (with_node_id=; partitioned-by= with c0=IDENT column, c1=sub-pipeline PIPE from CONTEXT); c0=IDENT source column; c1=IDENT target column; c2..=LIST(c0=nodes tabular, c1=IDENT key) for 'with T on k, ...' */ \
  KQL_AST(OP_GRAPH_MATCH,"graph-match") /* z="graph-match"|"graph-shortest-paths"; opts (cycles=, output=); c0=LIST of paths (LIST: GNODE, GEDGE, GNODE, ...); c1=where predicate or NULL; c2=LIST of project items or NULL */ \
  KQL_AST(GNODE,      "graph-node") /* z=variable or NULL for () */ \
  KQL_AST(GEDGE,      "graph-edge") /* z=variable or NULL; eOp=1 for -[]->, 2 for <-[]-, 3 for -[]-; c0, c1=LITERAL min, max for *min..max (none: one hop) */ \
  KQL_AST(OP_GRAPH_TO_TABLE,"graph-to-table") /* children: LIST with z="nodes"|"edges" and opts (with_node_id=, with_source_id=, with_target_id=, as=) */ \
  KQL_AST(OP_GRAPH_MARK,"graph-mark-components") /* opts (kind=, with_component_id=) */ \
  KQL_AST(SORTKEY,    "sortkey")    /* c0=expr; eOp=KQL_SORT_* bits */ \
  /* ---- scalar expressions ---- */ \
  KQL_AST(LITERAL,    "literal")    /* eOp=KQL_LIT_*; z=value text (see below) */ \
  KQL_AST(DYNARRAY,   "dynarray")   /* inside dynamic(...): children values */ \
  KQL_AST(DYNBAG,     "dynbag")     /* inside dynamic(...): children PAIR */ \
  KQL_AST(PAIR,       "pair")       /* z=key; c0=value */ \
  KQL_AST(IDENT,      "ident")      /* z=name, unquoted (['a b'] -> a b; $left stays "$left") */ \
  KQL_AST(BINARY,     "binary")     /* eOp=TK_*; c0, c1 (TK_SEARCHCOLON: Column:"term" inside where/search) */ \
  KQL_AST(UNARY,      "unary")      /* eOp=TK_MINUS|TK_PLUS; c0 */ \
  KQL_AST(IN,         "in")         /* eOp=TK_IN|TK_NOTIN|TK_IN_CI|TK_NOTIN_CI|TK_HAS_ANY|TK_HAS_ALL|...; c0=lhs; c1..=list items (expr or tabular) */ \
  KQL_AST(BETWEEN,    "between")    /* eOp=TK_BETWEEN|TK_NOTBETWEEN; c0=x c1=lo c2=hi */ \
  KQL_AST(CALL,       "call")       /* z=function name; children: args (expr, NAMEDARG, STAR, tabular); eOp=1 for obj.f(args): c0=obj, then args */ \
  KQL_AST(MEMBER,     "member")     /* c0=object; z=member name: x.y, $left.y, T.y */ \
  KQL_AST(INDEX,      "index")      /* c0=object; c1=index expr: x["y"], x[0] */ \
  KQL_AST(STAR,       "star")       /* '*' as an argument or column list */ \
  KQL_AST(ASSIGN,     "assign")     /* z=name; c0=expr */ \
  KQL_AST(MULTIASSIGN,"multiassign")/* c0=expr; c1..=IDENT names: (a, b) = expr */ \
  KQL_AST(NAMEDARG,   "namedarg")   /* z=name (kind, hint.strategy, with_itemindex...); c0=value */ \
  KQL_AST(TYPE,       "type")       /* z=type name as written; eOp=KQL_T_* when known, else -1 */ \
  KQL_AST(LIST,       "list")       /* a generic ordered list */ \
  KQL_AST(PAREN,      "paren")      /* ( expr ) kept for spans/dumps only when needed; c0 */

enum {
#define KQL_AST(E, S) KQL_AST_##E,
  KQL_AST_LIST
#undef KQL_AST
  KQL_AST_COUNT
};

/* KQL_AST_LIST is the name of the X-macro above, so the LIST kind's own
** constant cannot be written by name (it expands to the list). Use
** KQL_AST_KLIST for it; the KQL_AST_K_* enum has the same values. */
enum {
#define KQL_AST(E, S) KQL_AST_K_##E,
  KQL_AST_LIST
#undef KQL_AST
  KQL_AST_K_COUNT
};
#define KQL_AST_KLIST KQL_AST_K_LIST

/* KQL_LIT_*: literal kinds in a LITERAL node's eOp. z holds:
**   STRING   the decoded value (escapes resolved, adjacent literals joined;
**            n holds its byte length: it may contain NUL)
**   BOOL     "true" / "false"
**   INT, LONG, REAL, DECIMAL  the number text as written, or "null"
**            (INT for int(...), LONG for plain integers and long(...),
**            REAL for 1.5, 1e3 and real(...), hex numbers keep "0x..")
**   DATETIME the text between datetime( and ), trimmed, or "null"
**   TIMESPAN the literal text as written ("7d", "1.5h", "100ms", "5tick")
**            or the text between timespan( and ), trimmed
**   GUID     the text between guid( and ), trimmed
**   NULL     typeless null (inside dynamic: null) */
#define KQL_LIT_LIST \
  KQL_LIT(STRING, "string") KQL_LIT(BOOL, "bool") KQL_LIT(INT, "int") \
  KQL_LIT(LONG, "long") KQL_LIT(REAL, "real") KQL_LIT(DECIMAL, "decimal") \
  KQL_LIT(DATETIME, "datetime") KQL_LIT(TIMESPAN, "timespan") \
  KQL_LIT(GUID, "guid") KQL_LIT(NULL, "null")
enum {
#define KQL_LIT(E, S) KQL_LIT_##E,
  KQL_LIT_LIST
#undef KQL_LIT
  KQL_LIT_COUNT
};

/* SORTKEY eOp bits. Neither ASC nor DESC set means "not written" (KQL's
** default for sort/order/top is descending). */
#define KQL_SORT_ASC         0x01
#define KQL_SORT_DESC        0x02
#define KQL_SORT_NULLS_FIRST 0x04
#define KQL_SORT_NULLS_LAST  0x08
#define KQL_SORT_GRANNY      0x10   /* project-reorder granny-asc|granny-desc: digit runs by value */

typedef struct KqlAst KqlAst;
struct KqlAst {
  int eKind;            /* KQL_AST_* */
  int eOp;              /* TK_* operator, KQL_LIT_*, KQL_SORT_* bits, KQL_T_* */
  int iOfst;            /* byte offset of the node's first token */
  int nLen;             /* bytes up to the end of its last token */
  const char *z;        /* payload text (NUL-terminated, arena) or NULL */
  int n;                /* bytes in z */
  int nChild;           /* children in aChild[] */
  int nAlloc;           /* slots in aChild[] */
  KqlAst **aChild;      /* children (entries may be NULL for absent parts) */
  KqlAst *pOpts;        /* LIST of NAMEDARG options, or NULL */
};

/* Constructors. All allocate from pArena and never fail. */
KqlAst *kqlAstNew(KqlArena *pArena, int eKind, int iOfst, int nLen);
/* Same, with payload text copied into the arena. */
KqlAst *kqlAstNewText(KqlArena *pArena, int eKind, int iOfst, int nLen, const char *z, int n);
/* Append pChild (may be NULL) to p's children; widens p's span to cover it. Returns p. */
KqlAst *kqlAstAppend(KqlArena *pArena, KqlAst *p, KqlAst *pChild);
/* Append a NAMEDARG option to p->pOpts. Returns p. */
KqlAst *kqlAstAddOpt(KqlArena *pArena, KqlAst *p, KqlAst *pNamedArg);
/* Widen p's span to end at byte iEnd (exclusive). */
void kqlAstExtend(KqlAst *p, int iEnd);
/* Find option zName (case-sensitive) in p->pOpts; NULL when absent. */
KqlAst *kqlAstOpt(const KqlAst *p, const char *zName);
/* The dump name of a kind ("pipe"). */
const char *kqlAstKindName(int eKind);
/*
** Print the tree as an indented S-expression, one node per line:
**   (pipe @0+42
**     (ident "T" @0+1)
**     (where @4+10 ...
** with each node's kind, operator/literal kind, payload and span. This text is
** what parser tests compare; src is used only to print operator spellings.
** Returns a malloc'ed string (caller frees).
*/
char *kqlAstDump(const KqlAst *p);

#endif
