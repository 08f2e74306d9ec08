/*
 * glpk_export.c — the program as a CPLEX LP or free MPS file, or to
 * standard output (glpk_run.h, `samplan export`).
 */
#include "glpk_internal.h"
#include "mps_write.h"

#include <errno.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* MPS has no standard objective sense, and glpsol and cbc reject the
 * OBJSENSE section that other readers take, so every reader minimises:
 * the caller has negated the objective (minimise −value, the same
 * program as maximising value; a file that relied on a comment saying
 * "maximise" was solved as a minimisation by default, to 0: SPEC audit
 * of the seventeenth session), and a comment says so. The file is
 * written by mps_write (exact numbers; GLPK's writer rounds them), in
 * place, as glp_write_lp writes: through a symbolic link, keeping an
 * existing file's mode. Returns 0 or an errno value. */
static int write_mps_noting_sense(glp_prob *P, const char *path)
{
    static const char sense[] = "* Sense:      MINIMISE -value (the objective row): the first-level\n"
                                "*             program, maximise value, with its objective negated (MPS\n"
                                "*             has no portable sense); the optimum is minus the best value\n";
    errno = 0;
    int to_stdout = strcmp(path, "-") == 0;
    FILE *out = to_stdout ? stdout : fopen(path, "w");
    if (!out)
        return errno ? errno : EIO;
    int err = mps_write(P, sense, out) != 0 ? (errno ? errno : EIO) : 0;
    if ((to_stdout ? fflush(out) : fclose(out)) != 0 && !err)
        err = errno ? errno : EIO;
    return err;
}

/* The temporary file of write_lp_to_stdout while it has a name: removed
 * by glpk_write_program too when GLPK fails inside (glpk_guarded jumps out). */
static char lp_tmp_path[4096];

/* glp_write_lp to standard output (`--lp -`). GLPK writes only to a named
 * file, and "/dev/stdout" would truncate a file the user appends to
 * (`>>`), so the program goes to a temporary file first, which is
 * unlinked before it is copied: a reader that stops early (`| head`,
 * SIGPIPE) leaves nothing behind (review, twenty-third session). Returns
 * 0, or −1 with the message in err. */
static int write_lp_to_stdout(glp_prob *P, char *err, size_t errsz)
{
    const char *dir = getenv("TMPDIR");
    dir = dir && *dir ? dir : "/tmp";
    int len = snprintf(lp_tmp_path, sizeof lp_tmp_path, "%s/samplan-lp-XXXXXX", dir);
    int fd = len > 0 && (size_t)len < sizeof lp_tmp_path ? mkstemp(lp_tmp_path) : (errno = ENAMETOOLONG, -1);
    if (fd < 0) {
        snprintf(err, errsz, "cannot make a temporary file for the program in '%s' (TMPDIR): %s", dir,
                 strerror(errno ? errno : EIO));
        lp_tmp_path[0] = '\0';
        return -1;
    }
    errno = 0;
    int e = glp_write_lp(P, NULL, lp_tmp_path) != 0 ? (errno ? errno : EIO) : 0;
    unlink(lp_tmp_path); /* fd still reads it */
    lp_tmp_path[0] = '\0';
    FILE *in = e ? NULL : fdopen(fd, "r");
    if (!e && !in)
        e = errno ? errno : EIO;
    if (!in)
        close(fd);
    if (in) {
        char buf[65536];
        size_t n;
        while (!e && (n = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, n, stdout) != n)
                e = errno ? errno : EIO;
        if (!e && ferror(in))
            e = EIO;
        fclose(in);
        if (fflush(stdout) != 0 && !e)
            e = errno ? errno : EIO;
    }
    if (e)
        snprintf(err, errsz, "cannot write the program to standard output: %s", strerror(e));
    return e ? -1 : 0;
}

typedef struct WriteCtx {
    const Mip *mip;
    int mps;
    const char *path;
    char *err;
    size_t errsz;
} WriteCtx;

static int write_body(void *arg)
{
    WriteCtx *ctx = arg;
    glp_prob *P = glpk_load_program(ctx->mip, LEVEL_VALUE, 0.0, 1, NULL);
    if (!P) {
        snprintf(ctx->err, ctx->errsz, "out of memory loading the program");
        return -1;
    }
    glp_set_prob_name(P, "samplan");
    glp_set_obj_name(P, "value");
    if (glp_get_num_cols(P) == 0) {
        /* no admissible option at all: GLPK would write an LP file that
         * readers reject, so state the empty program as one fixed column */
        glp_add_cols(P, 1);
        glp_set_col_name(P, 1, "nothing");
        glp_set_col_bnds(P, 1, GLP_FX, 0.0, 0.0);
    }
    if (glp_get_num_rows(P) == 0) {
        glp_add_rows(P, 1);
        glp_set_row_name(P, 1, "nothing");
        glp_set_row_bnds(P, 1, GLP_UP, 0.0, 0.0);
        int ind[2] = {0, 1};
        double val[2] = {0.0, 1.0};
        glp_set_mat_row(P, 1, 1, ind, val);
    }
    int err = 0;
    if (ctx->mps) {
        /* minimise −value: what every MPS reader does by default */
        for (int j = 1; j <= glp_get_num_cols(P); j++) {
            double c = glp_get_obj_coef(P, j);
            if (c != 0.0)
                glp_set_obj_coef(P, j, -c);
        }
        glp_set_obj_dir(P, GLP_MIN);
        err = write_mps_noting_sense(P, ctx->path);
    } else if (strcmp(ctx->path, "-") == 0) {
        int rc = write_lp_to_stdout(P, ctx->err, ctx->errsz);
        glp_delete_prob(P);
        return rc;
    } else if ((errno = 0, glp_write_lp(P, NULL, ctx->path)) != 0) {
        err = errno ? errno : EIO; /* GLPK's fopen leaves its errno */
    }
    glp_delete_prob(P);
    if (err) {
        if (strcmp(ctx->path, "-") == 0)
            snprintf(ctx->err, ctx->errsz, "cannot write the program to standard output: %s", strerror(err));
        else
            snprintf(ctx->err, ctx->errsz, "cannot write '%s': %s", ctx->path, strerror(err));
        return -1;
    }
    return 0;
}

int glpk_write_program(const Mip *mip, int mps, const char *path, char *err, size_t errsz)
{
    WriteCtx ctx = {mip, mps, path, err, errsz};
    int rc = glpk_guarded(write_body, &ctx);
    if (lp_tmp_path[0]) { /* GLPK failed inside write_lp_to_stdout */
        unlink(lp_tmp_path);
        lp_tmp_path[0] = '\0';
    }
    if (rc == -2)
        snprintf(err, errsz, "GLPK reported an internal error while writing '%s'", path);
    return rc < 0 ? -1 : 0;
}
