/*
 * scenario_write.c — writes a generated scenario directory all-or-nothing
 * (see scenario_write.h). Kept apart from io/atomic_file.c, which serves the
 * plan writer, because a scenario also creates (and on failure removes) its
 * directory and must refuse an existing one.
 */
#include "scenario_write.h"

#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Writes one NAME.tmp; returns 0 or −1 with a diagnostic. */
static int write_tmp(const char *tmp, const GenFile *f, DiagList *diags)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        diag_add(diags, tmp, 0, 0, "cannot create: %s", strerror(errno));
        return -1;
    }
    if (fchmod(fd, 0600) != 0 || write_all(fd, f->text.data ? f->text.data : "", f->text.len) != 0
        || fsync(fd) != 0) {
        diag_add(diags, tmp, 0, 0, "cannot write: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (close(fd) != 0) {
        diag_add(diags, tmp, 0, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int scenario_write(const char *dir, const GenOutput *out, int force, DiagList *diags)
{
    struct stat st;
    int created = 0;
    if (stat(dir, &st) == 0) {
        if (!force) {
            diag_add(diags, dir, 0, 0, "already exists (add --force to overwrite its files)");
            return SCENARIO_WRITE_EXISTS;
        }
        if (!S_ISDIR(st.st_mode)) {
            diag_add(diags, dir, 0, 0, "exists and is not a directory");
            return SCENARIO_WRITE_IO;
        }
    } else {
        if (make_parent_dirs(dir) != 0 || mkdir(dir, 0777) != 0) {
            diag_add(diags, dir, 0, 0, "cannot create directory: %s", strerror(errno));
            return SCENARIO_WRITE_IO;
        }
        created = 1;
    }

    int rc = SCENARIO_WRITE_OK;
    int written = 0;
    for (; written < out->nfiles; written++) {
        char *tmp = join(dir, out->files[written].name, ".tmp");
        if (!tmp) {
            diag_add(diags, dir, 0, 0, "out of memory");
            rc = SCENARIO_WRITE_IO;
            break;
        }
        int w = write_tmp(tmp, &out->files[written], diags);
        if (w != 0)
            unlink(tmp);
        free(tmp);
        if (w != 0) {
            rc = SCENARIO_WRITE_IO;
            break;
        }
    }
    for (int i = 0; i < out->nfiles && rc == SCENARIO_WRITE_OK; i++) {
        char *tmp = join(dir, out->files[i].name, ".tmp");
        char *dst = join(dir, out->files[i].name, "");
        if (!tmp || !dst) {
            diag_add(diags, dir, 0, 0, "out of memory");
            rc = SCENARIO_WRITE_IO;
        } else if (rename(tmp, dst) != 0) {
            diag_add(diags, dst, 0, 0, "cannot rename into place: %s", strerror(errno));
            rc = SCENARIO_WRITE_IO;
        }
        free(tmp);
        free(dst);
    }
    if (rc != SCENARIO_WRITE_OK) {
        for (int i = 0; i < written && i < out->nfiles; i++) {
            char *tmp = join(dir, out->files[i].name, ".tmp");
            if (tmp)
                unlink(tmp);
            free(tmp);
        }
        if (created)
            rmdir(dir); /* fails harmlessly if renamed files are inside */
    }
    return rc;
}
