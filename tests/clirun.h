/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Test helper: run the kqlite binary (environment variable KQLITE, default
** build/kqlite) in a child process with standard output and standard error
** captured, and check what a user sees: stdout, stderr and the exit code.
** Shared by the command-line suites (test_cli.c, test_check.c,
** test_inputs.c). A hung binary is killed by alarm(60) in the child.
*/
#ifndef KQL_CLIRUN_H
#define KQL_CLIRUN_H

/* What one run of the binary produced. */
typedef struct KqlCliRun KqlCliRun;
struct KqlCliRun {
  int rc;               /* exit code; 128+N when killed by signal N */
  char *zOut;           /* standard output (malloc'ed, NUL-terminated) */
  char *zErr;           /* standard error (malloc'ed) */
};

/* The binary under test. */
const char *kqlcliBinary(void);

/*
** Run the binary with zFirst (when not NULL) and then the NULL-terminated
** azArg as its arguments, standard input from file zStdin (NULL:
** /dev/null), from the current directory.
*/
KqlCliRun kqlcliRun(const char *zStdin, const char *zFirst, const char *const *azArg);
void kqlcliFree(KqlCliRun *r);

/* Non-fatal checks (the test still frees its buffers), with both streams
** in the message when they fail. */
void kqlcliExpectRc(const KqlCliRun *r, int rc);
void kqlcliExpectOut(const KqlCliRun *r, const char *zWant);
void kqlcliExpectErrHas(const KqlCliRun *r, const char *zPart);

#endif
