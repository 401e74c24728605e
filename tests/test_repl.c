/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The REPL driven through standard input (no terminal, so no prompts): a
** query runs at ';' or at an empty line, dot commands work, and an error
** does not end the session.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run `kqlite repl ARGS` with zInput on stdin; returns stdout+stderr (malloc'ed). */
static char *repl(const char *zArgs, const char *zInput){
  const char *zKq = getenv("KQLITE") ? getenv("KQLITE") : "build/kqlite";
  char zIn[] = "/tmp/kqlite-repl-XXXXXX";
  int fd = mkstemp(zIn);
  cr_assert_geq(fd, 0);
  FILE *f = fdopen(fd, "w");
  fputs(zInput, f);
  fclose(f);
  char zCmd[1024];
  snprintf(zCmd, sizeof(zCmd), "%s repl %s < %s 2>&1", zKq, zArgs, zIn);
  FILE *p = popen(zCmd, "r");
  cr_assert_not_null(p);
  size_t n = 0, nAlloc = 4096;
  char *z = malloc(nAlloc);
  size_t got;
  while( (got = fread(z+n, 1, nAlloc-n-1, p))>0 ){
    n += got;
    if( n+1>=nAlloc ){ nAlloc *= 2; z = realloc(z, nAlloc); }
  }
  z[n] = 0;
  pclose(p);
  remove(zIn);
  return z;
}

Test(repl, queries_run_at_semicolon_or_blank_line){
  char *z = repl("--format csv", "print x = 1 + 1\n\nprint y = 'a'\n| extend z = strlen(y);\n");
  cr_expect_str_eq(z, "x\n2\ny,z\na,1\n");
  free(z);
}

Test(repl, error_keeps_the_session){
  char *z = repl("--format csv", "print nosuch(1);\nprint ok = true;\n");
  cr_expect(strstr(z, "<query 1>:1:7: error: unknown function 'nosuch'")!=0, "%s", z);
  cr_expect(strstr(z, "ok\ntrue\n")!=0, "%s", z);
  free(z);
}

Test(repl, dot_commands){
  char *z = repl("--format csv --data tables/samples", ".now 2026-06-10T00:00:00Z\nprint ago(1h);\n.tables\n.format nosuch\n");
  cr_expect(strstr(z, "print_0\n2026-06-09T23:00:00Z\n")!=0, "%s", z);
  cr_expect(strstr(z, "Table,Rows\nCommonSecurityLog,386\nDeviceNetworkEvents,359\n")!=0, "%s", z);
  cr_expect(strstr(z, "unknown format 'nosuch'")!=0, "%s", z);
  free(z);
}
