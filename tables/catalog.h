/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The schema catalogue: column names and KQL types of the Sentinel and
** Defender tables, generated from ../shared/schemas into catalog_data.c by
** tables/gen_catalog.sh. Pure data (no SQLite): the binder and the loaders
** both read it.
*/
#ifndef KQL_CATALOG_H
#define KQL_CATALOG_H

typedef struct KqlColDef KqlColDef;
struct KqlColDef {
  const char *zName;    /* column name as Kusto spells it */
  int eType;            /* KQL_T_* */
};

typedef struct KqlTableDef KqlTableDef;
struct KqlTableDef {
  const char *zName;    /* table name */
  int nCol;             /* columns in aCol */
  const KqlColDef *aCol;/* columns in schema order */
};

/* Built-in table by exact (case-sensitive) name; NULL when unknown. */
const KqlTableDef *kqlCatalogFind(const char *zName, int n);
/* Number of built-in tables and table i (sorted by name). */
int kqlCatalogCount(void);
const KqlTableDef *kqlCatalogAt(int i);
/* Index of column zName in pDef, or -1. */
int kqlCatalogColumn(const KqlTableDef *pDef, const char *zName, int n);

#endif
