/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the re2c scanner (grammar/lexer.re) through kqlLexNext(): every
** literal form, every operator token, keywords against identifiers,
** non-ASCII spaces, and bad bytes (located errors, never a crash or a read
** past the end).
*/
#include <criterion/criterion.h>
#include <string.h>
#include "lexer.h"
#include "parser.h"

#define MAXTOK 16

/* One case: the text and the tokens (codes, then lengths) it must give.
** Whitespace tokens are skipped; a 0 code ends the list. */
typedef struct LexCase LexCase;
struct LexCase {
  const char *z;
  int aTok[MAXTOK];
  int aLen[MAXTOK];
};

/* Lex z fully (whitespace dropped) into aTok/aLen; returns the count. */
static int lexText(const char *z, int *aTok, int *aLen, int *aErr){
  const unsigned char *p = (const unsigned char*)z;
  const unsigned char *zEnd = p + strlen(z);
  int n = 0;
  while( p<zEnd && n<MAXTOK ){
    KqlLexResult r;
    int k = kqlLexNext(p, zEnd, &r);
    cr_assert(k>0 && p+k<=zEnd, "scanner must consume 1..rest bytes, got %d", k);
    if( r.eTok!=TK_SPACE ){
      aTok[n] = r.eTok;
      aLen[n] = r.n;
      if( aErr ) aErr[n] = r.eErr;
      n++;
    }
    p += k;
  }
  return n;
}

static void checkCases(const LexCase *aCase, int nCase){
  for(int i=0; i<nCase; i++){
    int aTok[MAXTOK], aLen[MAXTOK];
    int n = lexText(aCase[i].z, aTok, aLen, 0);
    int nWant = 0;
    while( nWant<MAXTOK && aCase[i].aTok[nWant] ) nWant++;
    cr_expect_eq(n, nWant, "case %d [%s]: %d tokens, want %d", i, aCase[i].z, n, nWant);
    for(int j=0; j<n && j<nWant; j++){
      cr_expect_eq(aTok[j], aCase[i].aTok[j], "case %d [%s] token %d: code %d, want %d",
                   i, aCase[i].z, j, aTok[j], aCase[i].aTok[j]);
      if( aCase[i].aLen[j] ){
        cr_expect_eq(aLen[j], aCase[i].aLen[j], "case %d [%s] token %d: length %d, want %d",
                     i, aCase[i].z, j, aLen[j], aCase[i].aLen[j]);
      }
    }
  }
}

static const LexCase aStrings[] = {
  { "\"abc\"",            {TK_STRING}, {5} },
  { "'abc'",              {TK_STRING}, {5} },
  { "\"a\\\"b\\\\c\\n\\t\"", {TK_STRING}, {13} },
  { "'it\\'s'",           {TK_STRING}, {7} },
  { "\"\\u0041\\x41\\012\\0\"", {TK_STRING}, {18} },
  { "@\"c:\\dir\"",       {TK_STRING}, {9} },
  { "@'a''b'",            {TK_STRING}, {7} },
  { "@\"a\"\"b\"",        {TK_STRING}, {7} },
  { "h\"secret\"",        {TK_STRING}, {9} },
  { "H'secret'",          {TK_STRING}, {9} },
  { "h@\"x\\y\"",         {TK_STRING}, {7} },
  { "```a\nb`c``d```",    {TK_STRING}, {14} },
  { "~~~x\ny~~~",         {TK_STRING}, {9} },
  { "\"a\" 'b'",          {TK_STRING, TK_STRING}, {3, 3} },
  { "\"é\"",              {TK_STRING}, {4} },
};

Test(lexer, string_literals){
  checkCases(aStrings, (int)(sizeof(aStrings)/sizeof(aStrings[0])));
}

static const LexCase aNumbers[] = {
  { "42",          {TK_LONG}, {2} },
  { "0x1F",        {TK_LONG}, {4} },
  { "0XFF",        {TK_LONG}, {4} },
  { "1.5",         {TK_REAL}, {3} },
  { "1.",          {TK_REAL}, {2} },
  { "1e3",         {TK_REAL}, {3} },
  { "1.5e-3",      {TK_REAL}, {6} },
  { "2E+10",       {TK_REAL}, {5} },
  { "1..5",        {TK_LONG, TK_DOTDOT, TK_LONG}, {1, 2, 1} },
  { "1.5..2",      {TK_REAL, TK_DOTDOT, TK_LONG}, {3, 2, 1} },
  { "2022Report",  {TK_ID}, {10} },
  { "1dx",         {TK_ID}, {3} },
};

Test(lexer, numbers){
  checkCases(aNumbers, (int)(sizeof(aNumbers)/sizeof(aNumbers[0])));
}

static const LexCase aTimespans[] = {
  { "7d", {TK_TIMESPAN}, {2} },          { "1h", {TK_TIMESPAN}, {2} },
  { "30m", {TK_TIMESPAN}, {3} },         { "10s", {TK_TIMESPAN}, {3} },
  { "100ms", {TK_TIMESPAN}, {5} },       { "5tick", {TK_TIMESPAN}, {5} },
  { "7ticks", {TK_TIMESPAN}, {6} },      { "1microsecond", {TK_TIMESPAN}, {12} },
  { "2microseconds", {TK_TIMESPAN}, {13} }, { "2days", {TK_TIMESPAN}, {5} },
  { "1.5h", {TK_TIMESPAN}, {4} },        { "10minutes", {TK_TIMESPAN}, {9} },
  { "3hours", {TK_TIMESPAN}, {6} },      { "10seconds", {TK_TIMESPAN}, {9} },
  { "5milliseconds", {TK_TIMESPAN}, {13} }, { "3ms", {TK_TIMESPAN}, {3} },
  { "1D", {TK_TIMESPAN}, {2} },          { "1day", {TK_TIMESPAN}, {4} },
  { "1min", {TK_TIMESPAN}, {4} },        { "2hr", {TK_TIMESPAN}, {3} },
  { "1ns", {TK_TIMESPAN}, {3} },         { "0.5d", {TK_TIMESPAN}, {4} },
  { "7 d", {TK_LONG, TK_ID}, {1, 1} },
};

Test(lexer, timespans){
  checkCases(aTimespans, (int)(sizeof(aTimespans)/sizeof(aTimespans[0])));
}

static const LexCase aTyped[] = {
  { "datetime(2026-06-03 01:02:03.123)", {TK_TYPEDLIT}, {33} },
  { "datetime(null)",       {TK_TYPEDLIT}, {14} },
  { "date(2020-01-01)",     {TK_TYPEDLIT}, {16} },
  { "timespan(1.02:00:00)", {TK_TYPEDLIT}, {20} },
  { "time(1d)",             {TK_TYPEDLIT}, {8} },
  { "guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", {TK_TYPEDLIT}, {42} },
  { "int(5)",               {TK_TYPEDLIT}, {6} },
  { "long(-1)",             {TK_TYPEDLIT}, {8} },
  { "real(nan)",            {TK_TYPEDLIT}, {9} },
  { "real(+inf)",           {TK_TYPEDLIT}, {10} },
  { "bool(true)",           {TK_TYPEDLIT}, {10} },
  { "decimal(1.5)",         {TK_TYPEDLIT}, {12} },
  { "double(2)",            {TK_TYPEDLIT}, {9} },
  { "int(null)",            {TK_TYPEDLIT}, {9} },
  /* not literal bodies: a name and a call */
  { "int(x)",               {TK_TYPEKW, TK_LP, TK_ID, TK_RP}, {3, 1, 1, 1} },
  { "bool(x)",              {TK_ID, TK_LP, TK_ID, TK_RP}, {4, 1, 1, 1} },
  { "todatetime(x)",        {TK_ID, TK_LP, TK_ID, TK_RP}, {10, 1, 1, 1} },
  { "datetime",             {TK_TYPEKW}, {8} },
  { "dynamic(",             {TK_DYNAMIC, TK_LP}, {7, 1} },
};

Test(lexer, typed_literals){
  checkCases(aTyped, (int)(sizeof(aTyped)/sizeof(aTyped[0])));
}

static const LexCase aPunct[] = {
  { "== != <> < <= > >= =~ !~", {TK_EQ, TK_NE, TK_NE, TK_LT, TK_LE, TK_GT, TK_GE, TK_EQTILDE, TK_NETILDE}, {0} },
  { "+ - * / %",                {TK_PLUS, TK_MINUS, TK_STAR, TK_SLASH, TK_PERCENT}, {0} },
  { "( ) [ ] { } , ; : . | = => ..",
    {TK_LP, TK_RP, TK_LB, TK_RB, TK_LBRACE, TK_RBRACE, TK_COMMA, TK_SEMI, TK_COLON, TK_DOT, TK_PIPE, TK_ASSIGN, TK_ARROW, TK_DOTDOT}, {0} },
  { "a==b",                     {TK_ID, TK_EQ, TK_ID}, {0} },
  { "a=~b",                     {TK_ID, TK_EQTILDE, TK_ID}, {0} },
};

Test(lexer, punctuation){
  checkCases(aPunct, (int)(sizeof(aPunct)/sizeof(aPunct[0])));
}

static const LexCase aWordOps[] = {
  { "has !has has_cs !has_cs", {TK_HAS, TK_NOTHAS, TK_HAS_CS, TK_NOTHAS_CS}, {0} },
  { "hasprefix !hasprefix hasprefix_cs !hasprefix_cs",
    {TK_HASPREFIX, TK_NOTHASPREFIX, TK_HASPREFIX_CS, TK_NOTHASPREFIX_CS}, {0} },
  { "hassuffix !hassuffix hassuffix_cs !hassuffix_cs",
    {TK_HASSUFFIX, TK_NOTHASSUFFIX, TK_HASSUFFIX_CS, TK_NOTHASSUFFIX_CS}, {0} },
  { "contains !contains contains_cs !contains_cs",
    {TK_CONTAINS, TK_NOTCONTAINS, TK_CONTAINS_CS, TK_NOTCONTAINS_CS}, {0} },
  { "containscs notcontains notcontainscs",
    {TK_CONTAINS_CS, TK_NOTCONTAINS, TK_NOTCONTAINS_CS}, {0} },
  { "startswith !startswith startswith_cs !startswith_cs",
    {TK_STARTSWITH, TK_NOTSTARTSWITH, TK_STARTSWITH_CS, TK_NOTSTARTSWITH_CS}, {0} },
  { "endswith !endswith endswith_cs !endswith_cs",
    {TK_ENDSWITH, TK_NOTENDSWITH, TK_ENDSWITH_CS, TK_NOTENDSWITH_CS}, {0} },
  { "matches regex", {TK_MATCHES, TK_REGEX}, {0} },
  { "in !in in~ !in~", {TK_IN, TK_NOTIN, TK_IN_CI, TK_NOTIN_CI}, {0} },
  { "has_any has_all", {TK_HAS_ANY, TK_HAS_ALL}, {0} },
  { "between !between and or", {TK_BETWEEN, TK_NOTBETWEEN, TK_AND, TK_OR}, {0} },
  { "like notlike likecs notlikecs", {TK_LIKE, TK_NOTLIKE, TK_LIKE_CS, TK_NOTLIKE_CS}, {0} },
  /* a keyword prefix of a longer word is an identifier */
  { "hash inx android order_id", {TK_ID, TK_ID, TK_ID, TK_ID}, {0} },
  /* keywords are case-sensitive; true/false are not */
  { "Where WHERE where", {TK_ID, TK_ID, TK_WHERE}, {0} },
  { "true TRUE False null", {TK_TRUE, TK_TRUE, TK_FALSE, TK_NULL}, {0} },
};

Test(lexer, word_operators){
  checkCases(aWordOps, (int)(sizeof(aWordOps)/sizeof(aWordOps[0])));
}

static const LexCase aNames[] = {
  { "project-away project-keep project-rename project-reorder",
    {TK_PROJECT_AWAY, TK_PROJECT_KEEP, TK_PROJECT_RENAME, TK_PROJECT_REORDER}, {0} },
  { "mv-expand mvexpand mv-apply parse-where parse-kv make-series",
    {TK_MV_EXPAND, TK_MV_EXPAND, TK_MV_APPLY, TK_PARSE_WHERE, TK_PARSE_KV, TK_MAKE_SERIES}, {0} },
  { "top-nested top-hitters sample-distinct", {TK_TOP_NESTED, TK_TOP_HITTERS, TK_SAMPLE_DISTINCT}, {0} },
  { "a-b", {TK_ID, TK_MINUS, TK_ID}, {0} },
  { "$left.a $right", {TK_ID, TK_DOT, TK_ID, TK_ID}, {5, 1, 1, 6} },
  { "_x1 x_y", {TK_ID, TK_ID}, {3, 3} },
  { "['a b'] [\"c\"]", {TK_LB, TK_STRING, TK_RB, TK_LB, TK_STRING, TK_RB}, {0} },
  { "a // comment | where\nb", {TK_ID, TK_ID}, {0} },
};

Test(lexer, names_and_comments){
  checkCases(aNames, (int)(sizeof(aNames)/sizeof(aNames[0])));
}

static const LexCase aSpaces[] = {
  { "a\xc2\xa0" "b", {TK_ID, TK_ID}, {1, 1} },           /* U+00A0 */
  { "a\xe2\x80\x8b" "b", {TK_ID, TK_ID}, {1, 1} },       /* U+200B */
  { "a\xe2\x80\xaf" "b", {TK_ID, TK_ID}, {1, 1} },       /* U+202F */
  { "\xef\xbb\xbf" "T", {TK_ID}, {1} },                  /* BOM */
  { "\t\r\n a", {TK_ID}, {1} },
};

Test(lexer, non_ascii_spaces){
  checkCases(aSpaces, (int)(sizeof(aSpaces)/sizeof(aSpaces[0])));
}

/* One error case: text, index of the illegal token, its reason. */
typedef struct LexErrCase LexErrCase;
struct LexErrCase {
  const char *z;
  int iTok;
  int eErr;
};

static const LexErrCase aErrs[] = {
  { "a # b",            1, KQL_LEXERR_CHAR },
  { "a \xff b",         1, KQL_LEXERR_UTF8 },
  { "a \xc3",           1, KQL_LEXERR_UTF8 },
  { "\"abc",            0, KQL_LEXERR_UNTERM },
  { "'abc\n'",          0, KQL_LEXERR_UNTERM },
  { "\"a\\d\"",         0, KQL_LEXERR_ESCAPE },
  { "\"\\x4\"",         0, KQL_LEXERR_ESCAPE },
  { "```abc",           0, KQL_LEXERR_UNTERM_ML },
  { "datetime(2020",    0, KQL_LEXERR_UNTERM_LIT },
  { "a `b`",            1, KQL_LEXERR_CHAR },
  { "\xe2\x82\xac",     0, KQL_LEXERR_CHAR },       /* a euro sign: valid UTF-8, no token */
};

Test(lexer, bad_input_is_located){
  for(int i=0; i<(int)(sizeof(aErrs)/sizeof(aErrs[0])); i++){
    int aTok[MAXTOK], aLen[MAXTOK], aErr[MAXTOK];
    int n = lexText(aErrs[i].z, aTok, aLen, aErr);
    cr_assert(n>aErrs[i].iTok, "case %d: too few tokens", i);
    cr_expect_eq(aTok[aErrs[i].iTok], TK_ILLEGAL, "case %d [%s]: token %d is %d, want ILLEGAL",
                 i, aErrs[i].z, aErrs[i].iTok, aTok[aErrs[i].iTok]);
    cr_expect_eq(aErr[aErrs[i].iTok], aErrs[i].eErr, "case %d [%s]: reason %d, want %d",
                 i, aErrs[i].z, aErr[aErrs[i].iTok], aErrs[i].eErr);
  }
}

Test(lexer, nul_byte_inside_text){
  static const char z[] = "ab\0cd";
  KqlLexResult r;
  const unsigned char *p = (const unsigned char*)z;
  const unsigned char *zEnd = p + 5;
  cr_assert_eq(kqlLexNext(p, zEnd, &r), 2);
  cr_assert_eq(r.eTok, TK_ID);
  cr_assert_eq(kqlLexNext(p+2, zEnd, &r), 1);
  cr_assert_eq(r.eTok, TK_ILLEGAL);
  cr_assert_eq(r.eErr, KQL_LEXERR_NUL);
  cr_assert_eq(kqlLexNext(p+3, zEnd, &r), 2);
  cr_assert_eq(r.eTok, TK_ID);
  cr_assert_eq(kqlLexNext(p+5, zEnd, &r), 0);
}

Test(lexer, every_byte_value_is_safe){
  /* every single byte, and every byte after a quote, lexes without reading past the end */
  for(int c=1; c<256; c++){
    char z[4] = {(char)c, 0, 0, 0};
    char z2[4] = {'"', (char)c, 0, 0};
    KqlLexResult r;
    int k = kqlLexNext((const unsigned char*)z, (const unsigned char*)z+1, &r);
    cr_expect(k==1, "byte 0x%02x: consumed %d", c, k);
    k = kqlLexNext((const unsigned char*)z2, (const unsigned char*)z2+2, &r);
    cr_expect(k>=1 && k<=2, "quote + byte 0x%02x: consumed %d", c, k);
  }
}
