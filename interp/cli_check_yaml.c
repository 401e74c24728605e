/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** `kqlite check` on Sentinel analytics-rule and hunting-query YAML: find
** the top-level `query` field of each document with libyaml and hand its
** value to the checker with a map from every byte of the value back to a
** byte of the file. libyaml's event parser is used (it keeps its own stack,
** so hostile nesting cannot exhaust ours); it reports positions as a line
** and a column in characters, which are turned into byte offsets here.
**
** The map is built by aligning the value libyaml produced with the raw text
** of the scalar: each value byte is matched to the next equal raw byte,
** skipping only what YAML removes (indentation, line breaks folded into
** spaces, the second quote of '', escaped line breaks, the opening quote,
** the block header line); an escape of a double-quoted scalar maps all the
** bytes it produces to its backslash. A value byte that
** cannot be matched is mapped to the current raw position, so a surprise
** costs some precision in a column, never a crash or a wrong line far away.
*/
#include "cli_check.h"
#include <string.h>
#include <yaml.h>

#define KQL_CHECK_YAML_MAX_DEPTH 1000   /* flow collections nested deeper: refused */

/* Line starts of a text, for turning libyaml's (line, column) into bytes. */
typedef struct LineTab LineTab;
struct LineTab {
  const char *z;        /* the text */
  int n;                /* its length */
  int *aStart;          /* aStart[i] = byte offset of line i (0-based) */
  int nLine;            /* entries in aStart */
};

static void lineTabInit(LineTab *p, KqlArena *pArena, const char *z, int n){
  int nLine = 1;
  for(int i=0; i<n; i++){
    if( z[i]=='\n' || (z[i]=='\r' && (i+1>=n || z[i+1]!='\n')) ) nLine++;
  }
  p->z = z;
  p->n = n;
  p->aStart = kqlArenaAlloc(pArena, sizeof(int)*(size_t)nLine);
  p->nLine = 0;
  /* libyaml skips a UTF-8 byte order mark before line 0 */
  p->aStart[p->nLine++] = (n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0) ? 3 : 0;
  for(int i=0; i<n; i++){
    if( z[i]=='\n' || (z[i]=='\r' && (i+1>=n || z[i+1]!='\n')) ) p->aStart[p->nLine++] = i+1;
  }
}

/* Byte offset of 0-based line iLine, column iCol (characters). */
static int lineTabOffset(const LineTab *p, size_t iLine, size_t iCol){
  if( iLine>=(size_t)p->nLine ) return p->n;
  int i = p->aStart[iLine];
  while( iCol>0 && i<p->n ){
    i++;
    while( i<p->n && (((unsigned char)p->z[i]) & 0xC0)==0x80 ) i++;
    iCol--;
  }
  return i;
}

static int markOffset(const LineTab *p, yaml_mark_t m){
  return lineTabOffset(p, m.line, m.column);
}

/* Bytes in the UTF-8 encoding of code point c. */
static int utf8Len(unsigned long c){
  return c<0x80 ? 1 : c<0x800 ? 2 : c<0x10000 ? 3 : 4;
}

/*
** The escape sequence of a double-quoted scalar at z[0]=='\\' (n bytes
** available): *pnRaw gets its length in the file, the return value the
** number of value bytes it stands for.
*/
static int escapeSize(const char *z, int n, int *pnRaw){
  int nHex = 0;
  *pnRaw = n<2 ? n : 2;
  if( n<2 ) return 1;
  switch( z[1] ){
    case 'x': nHex = 2; break;
    case 'u': nHex = 4; break;
    case 'U': nHex = 8; break;
    case 'N': case '_': return 2;        /* U+0085, U+00A0 */
    case 'L': case 'P': return 3;        /* U+2028, U+2029 */
    default: return 1;
  }
  unsigned long c = 0;
  int k;
  for(k=0; k<nHex && 2+k<n; k++){
    char h = z[2+k];
    int v = h>='0' && h<='9' ? h-'0' : h>='a' && h<='f' ? h-'a'+10 : h>='A' && h<='F' ? h-'A'+10 : -1;
    if( v<0 ) break;
    c = c*16 + (unsigned long)v;
  }
  *pnRaw = 2 + k;
  return utf8Len(c);
}

/* Raw bytes YAML drops from a scalar of style eStyle between value bytes
** (a double-quoted scalar's backslashes are handled by alignValue). */
static int isSkippable(char c, yaml_scalar_style_t eStyle){
  if( c==' ' || c=='\t' || c=='\r' || c=='\n' ) return 1;
  if( eStyle==YAML_SINGLE_QUOTED_SCALAR_STYLE ) return c=='\'';
  if( eStyle==YAML_DOUBLE_QUOTED_SCALAR_STYLE ) return c=='"';
  return 0;
}

/*
** Map each byte of zVal (nVal bytes, the scalar's value) to a byte of
** z[iStart..iEnd) (the scalar's raw text after any opening quote or block
** header). Returns nVal+1 offsets.
*/
static int *alignValue(KqlArena *pArena, const char *z, int iStart, int iEnd,
                       const char *zVal, int nVal, yaml_scalar_style_t eStyle){
  int *aMap = kqlArenaAlloc(pArena, sizeof(int)*(size_t)(nVal+1));
  int bDq = eStyle==YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  int j = iStart;
  for(int i=0; i<nVal; i++){
    char c = zVal[i];
    int k = j, bEsc = 0;
    while( k<iEnd ){
      if( bDq && z[k]=='\\' ){
        /* an escaped line break joins lines; any other escape is a value */
        if( k+1<iEnd && z[k+1]=='\n' ){ k += 2; continue; }
        if( k+1<iEnd && z[k+1]=='\r' ){ k += (k+2<iEnd && z[k+2]=='\n') ? 3 : 2; continue; }
        bEsc = 1;
        break;
      }
      if( z[k]==c || !isSkippable(z[k], eStyle) ) break;
      k++;
    }
    if( bEsc ){
      int nRaw, nOut = escapeSize(z+k, iEnd-k, &nRaw);
      for(int t=0; t<nOut && i+t<nVal; t++) aMap[i+t] = k;
      i += nOut-1;
      j = k + nRaw;
    }else if( k<iEnd && z[k]==c ){
      aMap[i] = k;
      j = k+1;
    }else{
      aMap[i] = j<iEnd ? j : iEnd;   /* unmatched: stay where we are */
    }
  }
  aMap[nVal] = j<iEnd ? j : iEnd;
  return aMap;
}

/* Start of the content of a block scalar whose header starts at iStart. */
static int blockContentStart(const char *z, int iStart, int iEnd){
  int i = iStart;
  while( i<iEnd && z[i]!='\n' && z[i]!='\r' ) i++;
  if( i<iEnd && z[i]=='\r' ) i++;
  if( i<iEnd && z[i]=='\n' ) i++;
  return i;
}

/* Build the unit for the scalar event pEv and pass it to xUnit. */
static void emitUnit(KqlArena *pArena, const LineTab *pLines, const char *zFile,
                     const yaml_event_t *pEv, KqlCheckUnitFn xUnit, void *pArg){
  const char *zVal = (const char*)pEv->data.scalar.value;
  int nVal = (int)pEv->data.scalar.length;
  yaml_scalar_style_t eStyle = pEv->data.scalar.style;
  int iStart = markOffset(pLines, pEv->start_mark);
  int iEnd = markOffset(pLines, pEv->end_mark);
  if( eStyle==YAML_LITERAL_SCALAR_STYLE || eStyle==YAML_FOLDED_SCALAR_STYLE ){
    iStart = blockContentStart(pLines->z, iStart, iEnd);
  }else if( eStyle==YAML_SINGLE_QUOTED_SCALAR_STYLE || eStyle==YAML_DOUBLE_QUOTED_SCALAR_STYLE ){
    if( iStart<iEnd ) iStart++;    /* the opening quote */
  }
  KqlCheckUnit u;
  u.zFile = zFile;
  u.zText = pLines->z;
  u.nText = pLines->n;
  u.zQuery = kqlArenaStrdup(pArena, zVal, nVal);
  u.nQuery = nVal;
  u.aMap = alignValue(pArena, pLines->z, iStart, iEnd, zVal, nVal, eStyle);
  xUnit(pArg, &u);
}

/*
** libyaml's scanner slows down quadratically with the nesting of flow
** collections ([ and {). Refuse absurd nesting before parsing: the offset
** of the first bracket deeper than nMax, or -1. Brackets inside strings and
** block scalars are counted too; no rule comes near the limit.
*/
static int tooDeep(const char *z, int n, int nMax){
  int d = 0;
  for(int i=0; i<n; i++){
    if( z[i]=='[' || z[i]=='{' ){
      if( ++d>nMax ) return i;
    }else if( (z[i]==']' || z[i]=='}') && d>0 ){
      d--;
    }
  }
  return -1;
}

int kqlCheckYaml(KqlArena *pArena, const char *zFile, const char *zText, int nText,
                 KqlDiagList *pDiags, KqlCheckUnitFn xUnit, void *pArg){
  LineTab lines;
  yaml_parser_t parser;
  int nUnit = 0, nDoc = 0, bDone = 0;
  int iDepth = 0;        /* collection nesting, 0 = document level */
  int bRootMap = 0;      /* the document's root node is a mapping */
  int bExpectKey = 1;    /* at depth 1: the next node is a key */
  int bQueryKey = 0;     /* the last key at depth 1 was `query` */
  lineTabInit(&lines, pArena, zText, nText);
  int iDeep = tooDeep(zText, nText, KQL_CHECK_YAML_MAX_DEPTH);
  if( iDeep>=0 ){
    kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL003", iDeep, 1,
               "invalid YAML: collections nested more than %d deep", KQL_CHECK_YAML_MAX_DEPTH);
    return 0;
  }
  if( !yaml_parser_initialize(&parser) ){
    kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL003", 0, 0, "invalid YAML: out of memory");
    return 0;
  }
  yaml_parser_set_input_string(&parser, (const unsigned char*)zText, (size_t)nText);
  while( !bDone ){
    yaml_event_t ev;
    if( !yaml_parser_parse(&parser, &ev) ){
      int iOfst = markOffset(&lines, parser.problem_mark);
      kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL003", iOfst, 0, "invalid YAML: %s%s%s",
                 parser.problem ? parser.problem : "parse error",
                 parser.context ? " " : "", parser.context ? parser.context : "");
      break;
    }
    int bNode = 0;       /* this event starts a node */
    switch( ev.type ){
      case YAML_STREAM_END_EVENT:
        bDone = 1;
        break;
      case YAML_DOCUMENT_START_EVENT:
        iDepth = 0;
        bRootMap = 0;
        nDoc++;
        break;
      case YAML_SCALAR_EVENT:
      case YAML_ALIAS_EVENT:
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT:
        bNode = 1;
        break;
      default:
        break;
    }
    if( bNode ){
      if( iDepth==0 && ev.type==YAML_MAPPING_START_EVENT ){
        bRootMap = 1;
        bExpectKey = 1;
        bQueryKey = 0;
      }else if( iDepth==1 && bRootMap ){
        if( bExpectKey ){
          bQueryKey = ev.type==YAML_SCALAR_EVENT && ev.data.scalar.length==5
                      && memcmp(ev.data.scalar.value, "query", 5)==0;
        }else if( bQueryKey ){
          int iOfst = markOffset(&lines, ev.start_mark);
          if( ev.type!=YAML_SCALAR_EVENT ){
            kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL004", iOfst, 0,
                       "'query' must be a string holding the KQL query");
          }else if( ev.data.scalar.length==0 ){
            kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL004", iOfst, 0, "'query' is empty");
          }else{
            emitUnit(pArena, &lines, zFile, &ev, xUnit, pArg);
          }
          nUnit++;
          bQueryKey = 0;
        }
        bExpectKey = !bExpectKey;
      }
      if( ev.type==YAML_SEQUENCE_START_EVENT || ev.type==YAML_MAPPING_START_EVENT ) iDepth++;
    }else if( ev.type==YAML_SEQUENCE_END_EVENT || ev.type==YAML_MAPPING_END_EVENT ){
      iDepth--;
    }
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  if( nUnit==0 && pDiags->nErr==0 ){
    kqlDiagAdd(pDiags, KQL_SEV_WARNING, "KQL002", 0, 0,
               "no top-level 'query' field%s: nothing to check", nDoc ? "" : " (empty YAML)");
  }
  return nUnit;
}
