/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal to the catalogue: the generated table array that catalog_data.c
** defines (written by gen_catalog.sh) and catalog.c searches. Nothing outside
** tables/catalog*.c includes this header; everyone else uses catalog.h.
*/
#ifndef KQL_CATALOG_INT_H
#define KQL_CATALOG_INT_H
#include "catalog.h"

/* All built-in tables, sorted by zName in strcmp() order. */
extern const KqlTableDef kqlCatalogData[];
/* Number of entries in kqlCatalogData. */
extern const int kqlCatalogDataCount;
/* Folded names of columns that differ only in case from another column of
** their table, sorted (strcmp order), and their number. */
extern const char *const kqlCatalogCaseNames[];
extern const int kqlCatalogCaseNameCount;

#endif
