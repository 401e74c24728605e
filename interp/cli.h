/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Shared pieces of the kqlite command line: main.c (run, explain) and the
** subcommands in cli_*.c.
*/
#ifndef KQL_CLI_H
#define KQL_CLI_H

/* Read a whole file ("-" = stdin); malloc'ed NUL-terminated text, or NULL. */
char *kqlCliReadFile(const char *zPath, int *pn);

/* kqlite check [options] FILE|DIR...  (argv holds the words after "check").
** Returns the exit code: 0 clean, 1 an error was found, 2 usage or I/O. */
int kqlCliCheck(int argc, char **argv);

/* kqlite gen [options]  (argv holds the words after "gen"): write synthetic
** tables (cli_gen.c). Returns the exit code: 0 success, 2 usage or I/O. */
int kqlCliGen(int argc, char **argv);

/* kqlite repl: interactive prompt over an opened engine (cli_repl.c);
** eFmt is KQL_FMT_* or -1 for the default. Returns the exit code. */
struct KqlEngine;
int kqlCliRepl(struct KqlEngine *pEng, int eFmt);

#endif
