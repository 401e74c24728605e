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

/*
** Column names that differ only in letter case (ISP and Isp of
** CloudAppEvents). KQL names are case-sensitive, SQLite's are not, so every
** spelling of such a name is written in SQL with a suffix, "#" and the hex
** mask of its upper-case letters (ISP -> ISP#7, Isp -> Isp#1, isp -> isp#0),
** by the binder (kqlStrIdent) and the loaders alike; other names are written
** as they are. kqlCatalogCaseAmbiguous: non-zero when z[0..n) (n<0: all) is
** such a name, in any case. kqlCatalogSqlSuffix writes its suffix ("" for
** other names) to zOut, which has room for KQL_SQL_SUFFIX_MAX(n) bytes, and
** returns its length.
*/
#define KQL_SQL_SUFFIX_MAX(n) ((n)/4 + 4)
int kqlCatalogCaseAmbiguous(const char *z, int n);
int kqlCatalogSqlSuffix(const char *z, int n, char *zOut);
/*
** The SQL spelling of column name z[0..n) (n<0: all of it), unquoted: the
** name with each '#' doubled (so no name can end like a suffix) and then
** its suffix. zOut needs KQL_SQL_NAME_MAX(n) bytes; returns the length (a
** NUL follows). Every writer of column names in SQL uses it (or, for the
** binder, kqlStrIdent, which adds the query's own suffixes).
*/
#define KQL_SQL_NAME_MAX(n) (2*(n) + KQL_SQL_SUFFIX_MAX(n) + 1)
int kqlCatalogSqlName(const char *z, int n, char *zOut);

#endif
