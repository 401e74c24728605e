/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Binding of the less common tabular operators, each in its own function:
** parse / parse-where / parse-kv, evaluate (plugins; bag_unpack and pivot
** learn their columns from the data through KqlBindEnv.xQuery), make-series,
** top-nested, mv-apply, sample, sample-distinct, invoke, scan and friends.
** Until an operator is implemented it reports "not supported: <name>" at
** its location.
*/
#include "bindInt.h"

KqlRel *kqlBindExtOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  kqlBindNotSupported(p, pOp, kqlAstKindName(pOp->eKind));
  return pIn;
}

KqlRel *kqlBindExtSource(Binder *p, const KqlAst *pAst){
  kqlBindNotSupported(p, pAst, kqlAstKindName(pAst->eKind));
  return kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
}
