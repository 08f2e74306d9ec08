/*
 * atomic_file.h — private, all-or-nothing output files (lockfile style).
 *
 * A file DIR/NAME is written as DIR/NAME.tmp, created with mode 0600 (and
 * fchmod'ed to 0600 whatever the umask), flushed and fsync'ed, and only then
 * renamed over DIR/NAME. Until the rename the old file, if any, is untouched;
 * atomic_abort() removes the temporary file. plan_write() writes every plan
 * file to its .tmp first and renames them only when all were written, so a
 * failure leaves the previous plan whole.
 *
 * Failures are reported into a DiagList as "PATH: <what>: <strerror>".
 */
#ifndef SAMPLAN_ATOMIC_FILE_H
#define SAMPLAN_ATOMIC_FILE_H

#include <stdio.h>

#include "../model/diag.h"

typedef struct AtomicFile {
    char *path;     /* owned; DIR/NAME */
    char *tmp_path; /* owned; DIR/NAME.tmp */
    FILE *f;        /* open between atomic_open and atomic_close */
    int tmp_exists; /* 1 while DIR/NAME.tmp is ours and not renamed */
} AtomicFile;

#define ATOMIC_FILE_INIT {NULL, NULL, NULL, 0}

/* Creates DIR/NAME.tmp (replacing a stale one) and opens it for writing.
 * Returns 0, or 1 with a diagnostic. */
int atomic_open(AtomicFile *af, const char *dir, const char *name, DiagList *diags);

/* Flushes, fsyncs and closes the temporary file; checks for any earlier
 * write error. Returns 0, or 1 with a diagnostic (the .tmp stays until
 * atomic_abort). */
int atomic_close(AtomicFile *af, DiagList *diags);

/* Renames the closed temporary file over DIR/NAME. Returns 0, or 1 with a
 * diagnostic. */
int atomic_commit(AtomicFile *af, DiagList *diags);

/* Closes the file if open and removes the temporary file if it still
 * exists; then frees the paths. Safe on a zeroed or committed AtomicFile. */
void atomic_abort(AtomicFile *af);

/* Frees the paths (after a commit). Safe on a zeroed AtomicFile. */
void atomic_release(AtomicFile *af);

/* 1 when new files can be made in directory dir, or, when dir does not
 * exist yet and or_ancestor is 1, in its nearest existing ancestor (where
 * mkdir -p would start):
 * a file is made there and removed again, which also catches read-only
 * file systems and root-proof cases access() misses. Else 0 with the
 * system's reason and the directory tried in why. Used before a solve, so
 * that an unwritable -o or --db fails in milliseconds, not after the
 * search (independent audit, twenty-second session). */
int directory_takes_files(const char *dir, int or_ancestor, char *why, size_t whysz);

/* directory_takes_files for the directory the file path would be in,
 * which must exist: the run store (SQLite makes no directories and keeps
 * its journal there) and `export`'s program file. */
int parent_takes_files(const char *path, char *why, size_t whysz);

/* Makes the missing directories above path (mkdir -p of its parent; mode
 * 0777 less the umask), not path itself, whatever slashes path ends with.
 * Returns 0, or −1 with errno set. */
int make_parent_dirs(const char *path);

#endif
