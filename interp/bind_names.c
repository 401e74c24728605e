/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Column names a query makes that differ only in letter case from another
** name it uses (extend timestamp = Timestamp). KQL names are case-
** sensitive, SQLite's are not, so before binding the query is walked once:
** every name given by an assignment (extend, project, summarize ... x = e)
** that is not a column of a catalogue table the query reads, and that has a
** differently cased twin among the query's identifiers, schema names,
** assignments and those tables' columns, is registered with the arena
** (kqlArenaSetCaseNames); kqlStrIdent then writes it with a "#q" suffix and
** its case mask, so the two columns stay apart in SQL. Catalogue names of
** that kind already carry their own suffix (catalog.h). A pair the walk
** cannot see (a name from a data file that is not in the catalogue) is
** still caught when read (bind.c, not supported).
*/
#include "bindInt.h"
#include "catalog.h"
#include <string.h>
#include <strings.h>

typedef struct NameSet NameSet;
struct NameSet {
  KqlArena *pArena;
  const char **az;
  int n, nAlloc;
};

static void nameAdd(NameSet *s, const char *z){
  if( z==0 || z[0]==0 ) return;
  for(int i=0; i<s->n; i++) if( strcmp(s->az[i], z)==0 ) return;
  if( s->n>=s->nAlloc ){
    int nNew = s->nAlloc ? s->nAlloc*2 : 32;
    const char **aNew = kqlArenaAlloc(s->pArena, sizeof(char*)*(size_t)nNew);
    if( s->n ) memcpy(aNew, s->az, sizeof(char*)*(size_t)s->n);
    s->az = aNew;
    s->nAlloc = nNew;
  }
  s->az[s->n++] = z;
}

static int nameHas(const NameSet *s, const char *z){
  for(int i=0; i<s->n; i++) if( strcmp(s->az[i], z)==0 ) return 1;
  return 0;
}

/* Collect identifiers (pUsed), assignment targets (pMade) and the columns
** of catalogue tables named (pUsed and pSource). */
static void walk(const KqlAst *p, NameSet *pUsed, NameSet *pMade, NameSet *pSource, int iDepth){
  if( p==0 || iDepth>KQL_BIND_MAX_DEPTH ) return;
  if( p->eKind==KQL_AST_IDENT && p->z ){
    const KqlTableDef *pDef = kqlCatalogFind(p->z, -1);
    nameAdd(pUsed, p->z);
    if( pDef ){
      for(int i=0; i<pDef->nCol; i++){
        nameAdd(pUsed, pDef->aCol[i].zName);
        nameAdd(pSource, pDef->aCol[i].zName);
      }
    }
  }else if( (p->eKind==KQL_AST_PARAM || p->eKind==KQL_AST_COLDECL) && p->z ){  /* schemas, parameters */
    nameAdd(pUsed, p->z);
  }else if( p->eKind==KQL_AST_ASSIGN && p->z ){
    nameAdd(pMade, p->z);
  }
  for(int i=0; i<p->nChild; i++) walk(p->aChild[i], pUsed, pMade, pSource, iDepth+1);
  if( p->pOpts ) walk(p->pOpts, pUsed, pMade, pSource, iDepth+1);
}

/* kqlBindCaseNames(): contract in bindInt.h. */
void kqlBindCaseNames(Binder *p, const KqlAst *pQuery){
  NameSet used, made, source, out;
  memset(&used, 0, sizeof(used));
  memset(&made, 0, sizeof(made));
  memset(&source, 0, sizeof(source));
  memset(&out, 0, sizeof(out));
  used.pArena = made.pArena = source.pArena = out.pArena = p->pArena;
  walk(pQuery, &used, &made, &source, 0);
  for(int i=0; i<made.n; i++){
    const char *zC = made.az[i];
    if( nameHas(&source, zC) || kqlCatalogCaseAmbiguous(zC, -1) ) continue;
    for(int j=0; j<used.n; j++){
      if( strcmp(used.az[j], zC)!=0 && strcasecmp(used.az[j], zC)==0 ){ nameAdd(&out, zC); break; }
    }
    for(int j=0; j<made.n && !nameHas(&out, zC); j++){
      if( strcmp(made.az[j], zC)!=0 && strcasecmp(made.az[j], zC)==0 ) nameAdd(&out, zC);
    }
  }
  if( out.n ) kqlArenaSetCaseNames(p->pArena, out.az, out.n);
}

/* kqlBindIsCaseName(): contract in bindInt.h. */
int kqlBindIsCaseName(const Binder *p, const char *z){
  return kqlArenaIsCaseName(p->pArena, z, (int)strlen(z));
}
