/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Helpers shared by the fn_*.c SQL functions: decoding the KQL_FNF_TAGS
** type-tag argument, rendering a stored value of a known KQL type as text
** (tostring) or as a JSON value (for dynamic results), JSON string quoting and
** unquoting, a small JSON validator, UTF-8 decoding/encoding with a
** locale-independent simple case fold, and one error helper so every built-in
** reports errors with the same wording. Depends on sqlite3.h, types.h and
** value.h only.
*/
#ifndef KQL_FNUTIL_H
#define KQL_FNUTIL_H
#include <sqlite3.h>
#include <stdint.h>
#include "types.h"

/*
** KQL type of KQL argument iArg (0-based) according to the tag text pTags
** (the first SQL argument of a KQL_FNF_TAGS function: one char per KQL
** argument, 'a'+KQL_T_*). Returns KQL_T_UNKNOWN when pTags is NULL, too short
** or holds an out-of-range letter.
*/
int kqlFnTagType(sqlite3_value *pTags, int iArg);

/*
** The KQL type to assume for a value whose static type is eType: eType itself
** unless it is KQL_T_UNKNOWN, in which case it is guessed from the storage
** class (INTEGER long, REAL real, TEXT string, BLOB string, NULL unknown).
*/
int kqlFnEffectiveType(int eType, sqlite3_value *pVal);

/*
** Kusto reals can be NaN, which SQLite cannot store in a REAL (it turns it
** into NULL). kqlite carries a NaN real as the TEXT value "NaN" instead:
** kqlFnReal() reads a real argument (the text "NaN" gives NAN, anything else
** sqlite3_value_double()), kqlFnResultReal() sets a real result (NaN as the
** text "NaN"), kqlFnIsNanText() tells whether pVal is that text. Functions
** whose docs give null (not NaN) for bad input keep sqlite3_result_double(),
** which makes a NaN null.
*/
double kqlFnReal(sqlite3_value *pVal);
void kqlFnResultReal(sqlite3_context *ctx, double r);
int kqlFnIsNanText(sqlite3_value *pVal);

/*
** Text of pVal (never NULL: "" for SQL NULL) and its length in bytes in *pn
** (pn may be NULL). Valid until pVal is next converted or freed, as with
** sqlite3_value_text().
*/
const char *kqlFnText(sqlite3_value *pVal, int *pn);

/*
** Append to p the text Kusto's tostring() gives for pVal of KQL type eType:
** string as is, long digits, real via kqlValFormatReal, bool "true"/"false",
** datetime "2026-06-03T01:02:03.0000000Z" (kqlFnFormatDatetime7), timespan "[-][d.]hh:mm:ss[.f]",
** guid as stored, dynamic: a JSON string value unquoted, a JSON null as "",
** otherwise the JSON text. A NULL of any type appends nothing (tostring(null) is "").
*/
void kqlFnAppendText(sqlite3_str *p, int eType, sqlite3_value *pVal);

/*
** Append pVal of KQL type eType to p as one JSON value: null for NULL,
** numbers as numbers (NaN/Infinity as the JSON strings "NaN", "Infinity",
** "-Infinity"), bool true/false, datetime as a JSON string
** "2026-06-03T01:02:03.0000000Z" (Kusto's dynamic form, 7 fraction digits),
** timespan "d.hh:mm:ss" string, guid and string as JSON strings, dynamic as
** its JSON text (invalid stored JSON is quoted as a string).
*/
void kqlFnAppendJsonValue(sqlite3_str *p, int eType, sqlite3_value *pVal);

/* Append z[0..n) as a quoted, escaped JSON string ("\u00XX" for controls).
** n<0 means strlen(z). Bad UTF-8 bytes are passed through unchanged. */
void kqlFnAppendJsonString(sqlite3_str *p, const char *z, int n);

/*
** 1 when z[0..n) is exactly one valid JSON value (RFC 8259, surrounding
** white space allowed, nesting at most 1000 deep), else 0.
*/
int kqlFnJsonValid(const char *z, int n);

/*
** If z[0..n) (after white space) is a JSON string literal, append its
** unescaped contents to p and return 1; otherwise append nothing, return 0.
*/
int kqlFnJsonUnquote(sqlite3_str *p, const char *z, int n);

/*
** Append the valid JSON text z[0..n) to p without insignificant white
** space (the stored form of dynamic values). Call only after
** kqlFnJsonValid(z, n) returned 1.
*/
void kqlFnAppendJsonMinified(sqlite3_str *p, const char *z, int n);

/*
** Call xItem once per element of the JSON array z[0..n): zItem/nItem is the
** unescaped text of a string element (bString=1) or the raw JSON text of any
** other element (bString=0, e.g. "12", "null", "[1,2]"). xItem returns
** non-zero to stop early. Returns the number of elements visited, or -1 when
** z is not a valid JSON array (SQLITE_NOMEM is not distinguished).
*/
int kqlFnJsonArrayEach(const char *z, int n,
                       int (*xItem)(void *pArg, const char *zItem, int nItem, int bString),
                       void *pArg);

/*
** Datetime ticks as Kusto's canonical text "yyyy-MM-ddTHH:mm:ss.fffffffZ"
** (always 7 fraction digits), the form tostring(), strcat() and the hash
** functions use. zBuf needs 40 bytes; returns the length.
*/
int kqlFnFormatDatetime7(int64_t ticks, char *zBuf);

/*
** Finish p and make its text the function result (sqlite3_free destructor);
** reports SQLITE_NOMEM/TOOBIG through the context when p failed.
*/
void kqlFnResultStr(sqlite3_context *ctx, sqlite3_str *p);

/*
** Report a runtime error of the KQL function zFunc: the message reads
** "<zFunc>(): <formatted message>".
*/
void kqlFnError(sqlite3_context *ctx, const char *zFunc, const char *zFmt, ...);

/*
** Decode the UTF-8 character at z[*pi] (z has n bytes) and advance *pi past
** it. A malformed or truncated sequence consumes one byte and yields
** 0xFFFD. Returns the code point. *pi must be < n.
*/
int kqlFnUtf8Next(const unsigned char *z, int n, int *pi);

/* Encode code point c as UTF-8 into z (room for 4 bytes); returns the
** length. Invalid code points are written as U+FFFD. */
int kqlFnUtf8Put(unsigned char *z, int c);

/* Simple (one-to-one) lower and upper case mapping of a code point: ASCII,
** Latin-1, Latin Extended-A, Greek and Cyrillic; others unchanged. */
int kqlFnToLower(int c);
int kqlFnToUpper(int c);

/* 1 if z[0..n) is well-formed UTF-8 (no overlongs, surrogates or >U+10FFFF). */
int kqlFnUtf8Valid(const unsigned char *z, int n);

#endif
