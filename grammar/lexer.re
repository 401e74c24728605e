/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The KQL scanner, written for re2c (see lexer.h for the interface).
** One /*!re2c*/ block recognises one token by longest match; ties go to the
** rule written first, so keywords come before the identifier rule and a word
** like "whereas" stays an identifier. Keywords are case-sensitive (KQL's
** are); timespan units and true/false/null are not. Literal forms handled here:
**   "..." '...'          with \\ \" \' \n \r \t \0 \a \b \f \v \ooo \xHH
**                        \uHHHH \UHHHHHHHH escapes (others are an error)
**   @"..." @'...'        verbatim, a doubled quote stands for one quote
**   h"..." H@'...'       obfuscated (h or H before any of the above)
**   ```...``` ~~~...~~~  multi-line, no escapes
**   123 0x1F 1.5 1. 1e3 1.5e-3      numbers (1..2 is 1 .. 2)
**   7d 1.5h 10minutes 100ms 5tick   timespans (number glued to a unit)
**   datetime(...) date(...) timespan(...) time(...) guid(...)  raw bodies
**   int(5) long(-1) real(nan) bool(true) decimal(1.5) double(1)
**                        typed literals when the body is a literal
** Hyphenated operator names (project-away, mv-expand, ...) are single tokens.
*/
#include "lexer.h"
#include "parser.h"

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:define:YYCURSOR = zCur;
  re2c:define:YYMARKER = zMark;
  re2c:define:YYLIMIT = zEnd;
  re2c:define:YYCTXMARKER = zCtx;
  re2c:yyfill:enable = 0;
  re2c:eof = 0;

  digit   = [0-9];
  dec     = digit+;
  hexd    = [0-9a-fA-F];
  exp     = [eE] [+-]? dec;
  real    = dec "." dec exp? | dec "." | dec exp;
  unit    = 'd' | 'day' | 'days' | 'h' | 'hr' | 'hrs' | 'hour' | 'hours'
          | 'm' | 'min' | 'mins' | 'minute' | 'minutes'
          | 's' | 'sec' | 'secs' | 'second' | 'seconds'
          | 'ms' | 'milli' | 'millis' | 'millisec' | 'millisecond' | 'milliseconds'
          | 'micro' | 'micros' | 'microsec' | 'microsecond' | 'microseconds' | 'us'
          | 'ns' | 'nano' | 'nanos' | 'nanosec' | 'nanosecond' | 'nanoseconds'
          | 'tick' | 'ticks';
  idstart = [a-zA-Z_];
  idchar  = [a-zA-Z0-9_];
  ws      = [ \t\r\n\f\v];
  uspace  = "\xc2\xa0" | "\xe2\x80\x8b" | "\xe2\x80\xaf" | "\xef\xbb\xbf"
          | "\xe2\x80" [\x80-\x8a] | "\xe3\x80\x80";
  u8      = [\xc2-\xdf][\x80-\xbf]
          | "\xe0"[\xa0-\xbf][\x80-\xbf] | [\xe1-\xec\xee\xef][\x80-\xbf]{2}
          | "\xed"[\x80-\x9f][\x80-\xbf]
          | "\xf0"[\x90-\xbf][\x80-\xbf]{2} | [\xf1-\xf3][\x80-\xbf]{3}
          | "\xf4"[\x80-\x8f][\x80-\xbf]{2};
  esc     = "\\" ( ["'\\abfnrtv] | [0-7]{1,3} | "x" hexd{2} | "u" hexd{4} | "U" hexd{8} );
  dqbody  = ( [^"\\\n\r\x00] | esc )*;
  sqbody  = ( [^'\\\n\r\x00] | esc )*;
  dqstr   = ["] dqbody ["];
  sqstr   = ['] sqbody ['];
  vdq     = "@" ["] ( [^"\n\r\x00] | ["]["] )* ["];
  vsq     = "@" ['] ( [^'\n\r\x00] | [']['] )* ['];
  mlbt    = "```" ( [^`\x00] | "`" [^`\x00] | "``" [^`\x00] )* "```";
  mlti    = "~~~" ( [^~\x00] | "~" [^~\x00] | "~~" [^~\x00] )* "~~~";
  strlit  = dqstr | sqstr | vdq | vsq | mlbt | mlti;
  rawbody = [^)\n\r\x00]*;
  lsp     = [ \t]*;
  litbody = lsp ( [+-]? ( dec | real | "0" [xX] hexd+ | 'nan' | 'inf' | 'infinity' )
                | 'true' | 'false' | 'null' ) lsp;
*/

/*
** Scan one token. The rules below return through the macros so that each
** action stays one line long.
*/
#define TOK(E)      do{ pRes->eTok = (E); goto done; }while(0)
#define ERR(E, I)   do{ pRes->eTok = TK_ILLEGAL; pRes->eErr = (E); pRes->iErr = (I); goto done; }while(0)

int kqlLexNext(const unsigned char *z, const unsigned char *zEnd, KqlLexResult *pRes){
  const unsigned char *zCur = z;
  const unsigned char *zMark = z;
  const unsigned char *zCtx = z;
  pRes->eErr = 0;
  pRes->iErr = 0;
  (void)zCtx;
  /*!re2c
    $                       { pRes->eTok = 0; pRes->n = 0; return 0; }
    (ws | uspace)+          { TOK(TK_SPACE); }
    "//" [^\n\x00]*         { TOK(TK_SPACE); }
    "\x00"                  { ERR(KQL_LEXERR_NUL, 0); }

    ";"   { TOK(TK_SEMI); }     "|"   { TOK(TK_PIPE); }
    "("   { TOK(TK_LP); }       ")"   { TOK(TK_RP); }
    "["   { TOK(TK_LB); }       "]"   { TOK(TK_RB); }
    "{"   { TOK(TK_LBRACE); }   "}"   { TOK(TK_RBRACE); }
    ","   { TOK(TK_COMMA); }    ":"   { TOK(TK_COLON); }
    "."   { TOK(TK_DOT); }      ".."  { TOK(TK_DOTDOT); }
    "="   { TOK(TK_ASSIGN); }   "=>"  { TOK(TK_ARROW); }
    "=="  { TOK(TK_EQ); }       "!="  { TOK(TK_NE); }     "<>" { TOK(TK_NE); }
    "<"   { TOK(TK_LT); }       "<="  { TOK(TK_LE); }
    ">"   { TOK(TK_GT); }       ">="  { TOK(TK_GE); }
    "=~"  { TOK(TK_EQTILDE); }  "!~"  { TOK(TK_NETILDE); }
    "+"   { TOK(TK_PLUS); }     "-"   { TOK(TK_MINUS); }
    "*"   { TOK(TK_STAR); }     "/"   { TOK(TK_SLASH); }
    "%"   { TOK(TK_PERCENT); }

    "has"            { TOK(TK_HAS); }            "!has"            { TOK(TK_NOTHAS); }
    "has_cs"         { TOK(TK_HAS_CS); }         "!has_cs"         { TOK(TK_NOTHAS_CS); }
    "hasprefix"      { TOK(TK_HASPREFIX); }      "!hasprefix"      { TOK(TK_NOTHASPREFIX); }
    "hasprefix_cs"   { TOK(TK_HASPREFIX_CS); }   "!hasprefix_cs"   { TOK(TK_NOTHASPREFIX_CS); }
    "hassuffix"      { TOK(TK_HASSUFFIX); }      "!hassuffix"      { TOK(TK_NOTHASSUFFIX); }
    "hassuffix_cs"   { TOK(TK_HASSUFFIX_CS); }   "!hassuffix_cs"   { TOK(TK_NOTHASSUFFIX_CS); }
    "contains"       { TOK(TK_CONTAINS); }       "!contains"       { TOK(TK_NOTCONTAINS); }
    "contains_cs"    { TOK(TK_CONTAINS_CS); }    "!contains_cs"    { TOK(TK_NOTCONTAINS_CS); }
    "containscs"     { TOK(TK_CONTAINS_CS); }    "notcontains"     { TOK(TK_NOTCONTAINS); }
    "notcontainscs"  { TOK(TK_NOTCONTAINS_CS); }
    "startswith"     { TOK(TK_STARTSWITH); }     "!startswith"     { TOK(TK_NOTSTARTSWITH); }
    "startswith_cs"  { TOK(TK_STARTSWITH_CS); }  "!startswith_cs"  { TOK(TK_NOTSTARTSWITH_CS); }
    "endswith"       { TOK(TK_ENDSWITH); }       "!endswith"       { TOK(TK_NOTENDSWITH); }
    "endswith_cs"    { TOK(TK_ENDSWITH_CS); }    "!endswith_cs"    { TOK(TK_NOTENDSWITH_CS); }
    "like"           { TOK(TK_LIKE); }           "notlike"         { TOK(TK_NOTLIKE); }
    "likecs"         { TOK(TK_LIKE_CS); }        "notlikecs"       { TOK(TK_NOTLIKE_CS); }
    "matches"        { TOK(TK_MATCHES); }        "regex"           { TOK(TK_REGEX); }
    "in"             { TOK(TK_IN); }             "!in"             { TOK(TK_NOTIN); }
    "in~"            { TOK(TK_IN_CI); }          "!in~"            { TOK(TK_NOTIN_CI); }
    "has_any"        { TOK(TK_HAS_ANY); }        "has_all"         { TOK(TK_HAS_ALL); }
    "between"        { TOK(TK_BETWEEN); }        "!between"        { TOK(TK_NOTBETWEEN); }
    "and"            { TOK(TK_AND); }            "or"              { TOK(TK_OR); }

    "where"          { TOK(TK_WHERE); }          "filter"          { TOK(TK_FILTER); }
    "project"        { TOK(TK_PROJECT); }        "project-away"    { TOK(TK_PROJECT_AWAY); }
    "project-keep"   { TOK(TK_PROJECT_KEEP); }   "project-rename"  { TOK(TK_PROJECT_RENAME); }
    "project-reorder" { TOK(TK_PROJECT_REORDER); } "project-smart" { TOK(TK_PROJECT_SMART); }
    "project-by-names" { TOK(TK_PROJECT_BY_NAMES); }
    "extend"         { TOK(TK_EXTEND); }         "summarize"       { TOK(TK_SUMMARIZE); }
    "count"          { TOK(TK_COUNT); }          "distinct"        { TOK(TK_DISTINCT); }
    "take"           { TOK(TK_TAKE); }           "limit"           { TOK(TK_LIMIT); }
    "top"            { TOK(TK_TOP); }            "top-nested"      { TOK(TK_TOP_NESTED); }
    "top-hitters"    { TOK(TK_TOP_HITTERS); }
    "sort"           { TOK(TK_SORT); }           "order"           { TOK(TK_ORDER); }
    "by"             { TOK(TK_BY); }             "asc"             { TOK(TK_ASC); }
    "desc"           { TOK(TK_DESC); }           "nulls"           { TOK(TK_NULLS); }
    "first"          { TOK(TK_FIRST); }          "last"            { TOK(TK_LAST); }
    "join"           { TOK(TK_JOIN); }           "lookup"          { TOK(TK_LOOKUP); }
    "on"             { TOK(TK_ON); }             "union"           { TOK(TK_UNION); }
    "mv-expand"      { TOK(TK_MV_EXPAND); }      "mvexpand"        { TOK(TK_MV_EXPAND); }
    "mv-apply"       { TOK(TK_MV_APPLY); }       "mvapply"         { TOK(TK_MV_APPLY); }
    "parse"          { TOK(TK_PARSE); }          "parse-where"     { TOK(TK_PARSE_WHERE); }
    "parse-kv"       { TOK(TK_PARSE_KV); }       "with"            { TOK(TK_WITH); }
    "evaluate"       { TOK(TK_EVALUATE); }       "make-series"     { TOK(TK_MAKE_SERIES); }
    "from"           { TOK(TK_FROM); }           "to"              { TOK(TK_TO); }
    "step"           { TOK(TK_STEP); }           "serialize"       { TOK(TK_SERIALIZE); }
    "sample"         { TOK(TK_SAMPLE); }         "sample-distinct" { TOK(TK_SAMPLE_DISTINCT); }
    "of"             { TOK(TK_OF); }             "as"              { TOK(TK_AS); }
    "invoke"         { TOK(TK_INVOKE); }         "render"          { TOK(TK_RENDER); }
    "getschema"      { TOK(TK_GETSCHEMA); }      "fork"            { TOK(TK_FORK); }
    "facet"          { TOK(TK_FACET); }          "partition"       { TOK(TK_PARTITION); }
    "scan"           { TOK(TK_SCAN); }           "declare"         { TOK(TK_DECLARE); }
    "consume"        { TOK(TK_CONSUME); }        "reduce"          { TOK(TK_REDUCE); }
    "macro-expand"   { TOK(TK_MACRO_EXPAND); }
    "find"           { TOK(TK_FIND); }           "search"          { TOK(TK_SEARCH); }
    "externaldata"   { TOK(TK_EXTERNALDATA); }   "external_data"   { TOK(TK_EXTERNALDATA); }
    "datatable"      { TOK(TK_DATATABLE); }      "print"           { TOK(TK_PRINT); }
    "range"          { TOK(TK_RANGE); }          "let"             { TOK(TK_LET); }
    "set"            { TOK(TK_SET); }            "alias"           { TOK(TK_ALIAS); }
    "pattern"        { TOK(TK_PATTERN); }        "restrict"        { TOK(TK_RESTRICT); }
    "access"         { TOK(TK_ACCESS); }         "view"            { TOK(TK_VIEW); }
    "materialize"    { TOK(TK_MATERIALIZE); }    "toscalar"        { TOK(TK_TOSCALAR); }
    "typeof"         { TOK(TK_TYPEOF); }         "dynamic"         { TOK(TK_DYNAMIC); }
    "output"         { TOK(TK_OUTPUT); }         "default"         { TOK(TK_DEFAULT); }
            "execute-and-cache" { TOK(TK_EXECUTE_AND_CACHE); }
    "make-graph"     { TOK(TK_MAKE_GRAPH); }     "graph-match"     { TOK(TK_GRAPH_MATCH); }
    "graph-shortest-paths" { TOK(TK_GRAPH_SHORTEST_PATHS); } "graph-to-table" { TOK(TK_GRAPH_TO_TABLE); }
    "graph-mark-components" { TOK(TK_GRAPH_MARK_COMPONENTS); } "partitioned-by" { TOK(TK_PARTITIONED_BY); }
    "string" | "datetime" | "long" | "int" | "real" | "timespan" | "decimal"
      | "time" | "date"                        { TOK(TK_TYPEKW); }
    'true'           { TOK(TK_TRUE); }           'false'           { TOK(TK_FALSE); }
    "null"           { TOK(TK_NULL); }

    ( "datetime" | "date" | "timespan" | "time" | "guid" ) "(" rawbody ")"   { TOK(TK_TYPEDLIT); }
    ( "datetime" | "date" | "timespan" | "time" | "guid" ) "(" rawbody       { ERR(KQL_LEXERR_UNTERM_LIT, 0); }
    ( "int" | "long" | "real" | "double" | "decimal" | "bool" ) "(" litbody ")"  { TOK(TK_TYPEDLIT); }

    idstart idchar*         { TOK(TK_ID); }
    "$" idstart idchar*     { TOK(TK_ID); }

    dec                     { TOK(TK_LONG); }
    dec / ".."              { TOK(TK_LONG); }
    "0" [xX] hexd+          { TOK(TK_LONG); }
    real                    { TOK(TK_REAL); }
    (dec | real) unit       { TOK(TK_TIMESPAN); }
    digit idchar*           { TOK(TK_ID); }   /* 2022Report: a name, unless a number rule matched all of it */

    [hH]? strlit            { TOK(TK_STRING); }
    [hH]? ["] dqbody "\\"   { ERR(KQL_LEXERR_ESCAPE, (int)(zCur - z) - 1); }
    [hH]? ['] sqbody "\\"   { ERR(KQL_LEXERR_ESCAPE, (int)(zCur - z) - 1); }
    [hH]? "@"? ["']         { ERR(KQL_LEXERR_UNTERM, 0); }
    "```" | "~~~"           { ERR(KQL_LEXERR_UNTERM_ML, 0); }

    u8                      { ERR(KQL_LEXERR_CHAR, 0); }
    [\x80-\xff]             { ERR(KQL_LEXERR_UTF8, 0); }
    *                       { ERR(KQL_LEXERR_CHAR, 0); }
  */
done:
  pRes->n = (int)(zCur - z);
  return pRes->n;
}
