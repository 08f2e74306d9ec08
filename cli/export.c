/*
 * export.c — `samplan export DIR (--lp FILE | --mps FILE) [--plain]`: writes
 * the first-level program (maximise value) that samplan solves, or with
 * --plain the unreduced one (one variable per participant and option), so
 * glpsol or another solver can solve and cross-check it.
 */
#include "commands.h"

#include "../io/atomic_file.h"
#include "../io/file_kind.h"
#include "../io/scenario_load.h"
#include "../solver/solve.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const char export_usage[] =
    "usage: samplan export DIR (--lp FILE | --mps FILE) [--variant NAME] [--plain]\n"
    "\n"
    "Writes the first-level integer program (maximise value) as CPLEX LP or free\n"
    "MPS, readable by glpsol and other solvers. MPS has no portable objective\n"
    "sense (glpsol and cbc reject OBJSENSE) and readers minimise, so the MPS file\n"
    "minimises -value, the same program: its optimum is minus the best value\n"
    "(glpsol --freemps FILE). FILE must be new, empty, or a program samplan\n"
    "wrote before: any other file is left alone. FILE '-' is standard output.\n"
    "\n"
    "  --lp FILE        CPLEX LP format\n"
    "  --mps FILE       free MPS format\n"
    "  --variant NAME   apply a variant of scenario.json\n"
    "  --plain          the unreduced program: one variable per participant and\n"
    "                   option (nothing merged or pruned)\n"
    "\n"
    "exit: 0 written, 1 write failure, 2 bad input or usage, or a FILE whose\n"
    "directory cannot take it (checked before the program is built)\n";

/* 1 when writing path loses nothing a user gave: it does not exist, is
 * empty (as mktemp leaves it), or begins as the programs GLPK writes for
 * samplan do ("\\* Problem: samplan *\\" in LP, "* Problem:    samplan" in
 * MPS). A mistyped path once put an LP program in place of a scenario's
 * scenario.json (fourth audit). A file it cannot read is kept too. Other
 * kinds of file (a directory) are left to the write, which names what
 * went wrong. */
static int overwritable(const char *path)
{
    const char *kind = NULL;
    errno = 0;
    FILE *f = file_kind_open(path, &kind);
    if (!f) /* new, or not a regular file (the write says why); unreadable: kept */
        return kind != NULL || errno == ENOENT;
    char head[64] = "", tail[64] = "";
    size_t n = fread(head, 1, sizeof head - 1, f);
    head[n] = '\0';
    /* ... and its end: a file that starts with samplan's first line but
     * goes on with the user's own text was overwritten (tester,
     * twenty-eighth session); an export ends with its format's last line */
    size_t t = 0;
    if (n > 0 && fseek(f, -(long)(sizeof tail - 1), SEEK_END) != 0)
        rewind(f); /* shorter than the tail: read it whole */
    if (n > 0)
        t = fread(tail, 1, sizeof tail - 1, f);
    fclose(f);
    tail[t] = '\0';
    while (t > 0 && (tail[t - 1] == '\n' || tail[t - 1] == '\r' || tail[t - 1] == ' '))
        tail[--t] = '\0';
    const char *last = strrchr(tail, '\n');
    last = last ? last + 1 : tail;
    int lp = strncmp(head, "\\* Problem: samplan *\\", 22) == 0 && strcmp(last, "End") == 0;
    int mps = strncmp(head, "* Problem:    samplan", 21) == 0 && strcmp(last, "ENDATA") == 0;
    return n == 0 || lp || mps;
}

int cmd_export(int argc, char **argv)
{
    const char *dir = NULL, *variant = NULL, *path = NULL;
    int mps = -1, plain = 0;
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int taken = take_operand("export", arg, &literal, &dir);
        if (taken == OPERAND_ERROR)
            return EXIT_BAD_INPUT;
        if (taken == OPERAND_TAKEN)
            continue;
        if (strcmp(arg, "--lp") == 0 || strcmp(arg, "--mps") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0])
                return usage_error("export", "%s needs a file name", arg);
            if (path)
                return usage_error("export", "give only one of --lp and --mps");
            mps = strcmp(arg, "--mps") == 0;
            path = argv[++i];
        } else if (strcmp(arg, "--variant") == 0) {
            if (i + 1 >= argc)
                return usage_error("export", "--variant needs a name");
            variant = argv[++i];
        } else if (strcmp(arg, "--plain") == 0) {
            plain = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(export_usage, stdout);
            return EXIT_OK;
        } else {
            return usage_error("export", "unknown option '%s'", arg);
        }
    }
    if (!dir)
        return usage_error("export", "missing scenario directory");
    if (!path)
        return usage_error("export", "give --lp FILE or --mps FILE");

    int to_stdout = strcmp(path, "-") == 0;
    struct stat st;
    if (!to_stdout && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* a usage error, found before the scenario is loaded (audit,
         * twenty-second session: exit 1 after the write) */
        fprintf(stderr, "samplan: %s: is a directory: expected a file name for the program\n", path);
        return EXIT_BAD_INPUT;
    }
    char why[512] = "";
    if (!to_stdout && !parent_takes_files(path, why, sizeof why)) {
        /* a usage error like an unwritable `solve -o`, found before the
         * scenario is loaded (tester, twenty-sixth session: exit 1 after
         * the program was built) */
        fprintf(stderr, "samplan: %s: cannot write there: %s\n", path, why);
        return EXIT_BAD_INPUT;
    }
    if (!to_stdout && !overwritable(path)) {
        fprintf(stderr,
                "samplan: %s: exists and is not a program samplan wrote; expected a new path, an empty file "
                "or an earlier export (remove it or choose another)\n",
                path);
        return EXIT_BAD_INPUT;
    }

    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, variant, &s, &diags);
    if (rc) {
        diag_tag_variant(&diags, variant);
        diag_sort(&diags);
        diag_print(&diags, stderr, "samplan");
        diag_release(&diags);
        return rc == 2 ? EXIT_BAD_INPUT : EXIT_NO_PLAN;
    }
    diag_print(&s->warnings, stderr, "samplan");
    char err[512] = "";
    SolveStats stats;
    rc = export_program(s, plain, mps, path, &stats, err, sizeof err);
    scenario_free(s);
    if (rc) {
        fprintf(stderr, "samplan: %s\n", err);
        return EXIT_NO_PLAN;
    }
    fprintf(stderr, "samplan: wrote %s (%d rows, %d columns, %zu non-zeros%s)\n",
            to_stdout ? "the program to standard output" : path, stats.rows, stats.cols, stats.nnz,
            plain ? ", plain" : "");
    return EXIT_OK;
}
