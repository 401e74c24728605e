/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlGen*: deterministic synthetic log tables. For any table of the schema
** catalogue, write N rows as CSV (RFC 4180, header row) or JSON lines whose
** values look like the real thing by column name and type (addresses,
** ports, hosts, accounts, hashes, command lines, enum-like fields, dynamic
** bags...), spread over a time window, optionally with planted IOC hits and
** near-miss decoys. The same options and seed always give the same bytes.
** Rows are streamed: no table is held in memory.
*/
#ifndef KQL_GEN_H
#define KQL_GEN_H
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"

#define KQL_GEN_CSV    0    /* RFC 4180, CRLF, header row */
#define KQL_GEN_JSONL  1    /* one JSON object per line */

#define KQL_GEN_MAX_IOC 16  /* --plant-ioc may be given this many times */
#define KQL_GEN_MAX_ROWS 10000000000LL

/* 2026-06-10T00:00:00Z in ticks: the default end of the time window. */
#define KQL_GEN_DEFAULT_NOW 17810496000000000LL

/* An indicator to plant: an IPv4 or IPv6 address and an optional port. */
typedef struct KqlGenIoc KqlGenIoc;
struct KqlGenIoc {
  char zIp[48];         /* the address as it will appear in the data */
  int iPort;            /* 0..65535, or -1 when none was given */
};

typedef struct KqlGenOpts KqlGenOpts;
struct KqlGenOpts {
  uint64_t iSeed;       /* PRNG seed; every value derives from it */
  int64_t nRow;         /* rows per table */
  int eFormat;          /* KQL_GEN_CSV or KQL_GEN_JSONL */
  int64_t iNow;         /* end of the time window (exclusive), ticks */
  int nDay;             /* length of the window in days (>= 1) */
  int nIoc;             /* indicators in aIoc */
  KqlGenIoc aIoc[KQL_GEN_MAX_IOC];
};

/* What was planted for one indicator in one table. */
typedef struct KqlGenPlanted KqlGenPlanted;
struct KqlGenPlanted {
  int nHit;             /* rows a hunt for the address must return */
  int nDecoy;           /* near-miss rows it must not return */
  int bNoColumn;        /* the table has no address column: nothing planted */
};

typedef struct KqlGenReport KqlGenReport;
struct KqlGenReport {
  int64_t nRow;         /* rows written */
  int64_t nByte;        /* bytes written, header included */
  KqlGenPlanted aIoc[KQL_GEN_MAX_IOC];   /* parallel to KqlGenOpts.aIoc */
};

/* Fill *p with the defaults: seed 0, 1000 rows, CSV, window of 7 days
** ending at 2026-06-10T00:00:00Z, no indicators. */
void kqlGenOptsInit(KqlGenOpts *p);

/*
** Parse an indicator "IP", "IP:PORT", "IPV6" or "[IPV6]:PORT" into *p.
** Returns 0, or -1 when the text is not one (nothing is promised about *p).
*/
int kqlGenParseIoc(const char *z, KqlGenIoc *p);

/*
** Write table pDef to out: a header (CSV) and pOpts->nRow rows. Fills
** *pRep (may be NULL). Returns 0, or -1 with *pzErr set to a malloc'ed
** message (caller frees with free()) when writing failed or the options
** are invalid.
*/
int kqlGenTable(const KqlTableDef *pDef, const KqlGenOpts *pOpts, FILE *out,
                KqlGenReport *pRep, char **pzErr);

/*
** Print one line per column of pDef to out: name, KQL type, the generator
** the rule table chose, and the percentage of rows that get a value.
*/
void kqlGenDescribe(const KqlTableDef *pDef, FILE *out);

#endif
