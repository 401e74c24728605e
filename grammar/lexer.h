/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The KQL tokenizer interface (implemented by the re2c scanner lexer.re).
** kqlLexNext() recognises exactly one token at a time, the way SQLite's
** sqlite3GetToken() does: it returns the token's length and its TK_* code
** (codes come from the Lemon-generated parser.h). Whitespace (including
** U+00A0, U+200B, U+202F and U+FEFF) and // comments come back as TK_SPACE;
** anything that is not a token comes back as TK_ILLEGAL with a KQL_LEXERR_*
** reason and the offset of the offending byte. The scanner never reads past
** zEnd, so NUL bytes inside the text are reported, not taken for the end.
*/
#ifndef KQL_LEXER_H
#define KQL_LEXER_H

/* Reasons for a TK_ILLEGAL token (KQL_LEXERR_*). */
#define KQL_LEXERR_CHAR        1  /* a byte that starts no token */
#define KQL_LEXERR_UTF8        2  /* a byte that is not valid UTF-8 */
#define KQL_LEXERR_UNTERM      3  /* string literal not closed on its line */
#define KQL_LEXERR_UNTERM_ML   4  /* ``` or ~~~ string never closed */
#define KQL_LEXERR_ESCAPE      5  /* unknown escape sequence in a string */
#define KQL_LEXERR_NUL         6  /* a NUL byte inside the query text */
#define KQL_LEXERR_UNTERM_LIT  7  /* datetime( ... without ')' */

typedef struct KqlLexResult KqlLexResult;
struct KqlLexResult {
  int eTok;     /* TK_* code, TK_SPACE or TK_ILLEGAL */
  int n;        /* bytes in the token (>= 1) */
  int eErr;     /* KQL_LEXERR_* when eTok==TK_ILLEGAL, else 0 */
  int iErr;     /* byte offset of the error from the token start */
};

/*
** Scan one token starting at z (z < zEnd; *zEnd must be a NUL byte).
** Fills *pRes and returns pRes->n.
*/
int kqlLexNext(const unsigned char *z, const unsigned char *zEnd, KqlLexResult *pRes);

/* Name of a TK_* code for messages: "')'", "identifier", "end of input"
** (implemented in parse.c). */
const char *kqlTokenName(int eTok);

#endif
