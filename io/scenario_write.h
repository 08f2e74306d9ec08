/*
 * scenario_write.h — puts a generated scenario (model/generate.h) on disk.
 *
 * Every file is first written as NAME.tmp (mode 0600, flushed and fsync'ed)
 * and renamed only when all files were written, so a failure never leaves a
 * half-written scenario behind: the temporary files are removed, and a
 * directory this call created is removed again. Failures are reported into
 * a DiagList as "PATH: <what>: <strerror>"; nothing is printed.
 */
#ifndef SAMPLAN_SCENARIO_WRITE_H
#define SAMPLAN_SCENARIO_WRITE_H

#include "../model/diag.h"
#include "../model/generate.h"

enum {
    SCENARIO_WRITE_OK = 0,
    SCENARIO_WRITE_IO = 1,    /* I/O failure (described in diags) */
    SCENARIO_WRITE_EXISTS = 2 /* dir exists and force is 0 (described in diags) */
};

/* Writes out's files into dir (created, mode 0700 under samplan's umask).
 * An existing dir is refused unless force is 1; with force, files of the
 * same names are replaced and other files in dir are left alone. */
int scenario_write(const char *dir, const GenOutput *out, int force, DiagList *diags);

#endif
