/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** A set of byte strings (open addressing, FNV-1a hash), used to find
** distinct values: dcount, make_set, set_union, hll. Strings are copied into
** the set (into chunks of a few KiB, not one allocation each); memory comes
** from sqlite3_malloc and is released by kqlHsetClear(). A zeroed KqlHset
** is an empty set.
*/
#ifndef KQL_FN_HASHSET_H
#define KQL_FN_HASHSET_H
#include <stdint.h>

typedef struct KqlHsetEntry KqlHsetEntry;
typedef struct KqlHset KqlHset;
struct KqlHset {
  KqlHsetEntry *a;      /* slots (nSlot of them, a power of two), or NULL */
  int nSlot;            /* allocated slots */
  int nUsed;            /* strings in the set */
  void *pChunk;         /* newest chunk of string copies (chained to older ones) */
  int nChunkFree;       /* bytes left at the end of pChunk */
};

/*
** Add z[0..n) to the set. Returns 1 when it was not there before, 0 when
** it was, -1 when out of memory (the set is unchanged).
*/
int kqlHsetAdd(KqlHset *p, const char *z, int n);
/* 1 when z[0..n) is in the set. */
int kqlHsetHas(const KqlHset *p, const char *z, int n);
/* Number of strings in the set. */
int kqlHsetCount(const KqlHset *p);
/*
** Slot iSlot (0 <= iSlot < p->nSlot) of the table: returns 1 and sets
** *pz, *pn when it holds a string, else 0. Visiting every slot lists the
** set (in hash order).
*/
int kqlHsetSlot(const KqlHset *p, int iSlot, const char **pz, int *pn);
/* Free everything and leave an empty set. */
void kqlHsetClear(KqlHset *p);

#endif
