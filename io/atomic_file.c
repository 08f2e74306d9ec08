/*
 * atomic_file.c — write to NAME.tmp, rename over NAME (see atomic_file.h).
 */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + 1 + strlen(name) + strlen(suffix) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

int atomic_open(AtomicFile *af, const char *dir, const char *name, DiagList *diags)
{
    af->f = NULL;
    af->tmp_exists = 0;
    af->path = join(dir, name, "");
    af->tmp_path = join(dir, name, ".tmp");
    if (!af->path || !af->tmp_path) {
        diag_add(diags, name, 0, 0, "out of memory");
        return 1;
    }
    /* A stale NAME.tmp from an interrupted run is ours to replace; removing
     * it first means O_EXCL never writes through a link someone planted. */
    if (unlink(af->tmp_path) != 0 && errno != ENOENT) {
        diag_add(diags, af->tmp_path, 0, 0, "cannot remove stale temporary file: %s",
                 strerror(errno));
        return 1;
    }
    int fd = open(af->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        diag_add(diags, af->tmp_path, 0, 0, "cannot create: %s", strerror(errno));
        return 1;
    }
    af->tmp_exists = 1;
    if (fchmod(fd, 0600) != 0) {
        diag_add(diags, af->tmp_path, 0, 0, "cannot set mode 0600: %s", strerror(errno));
        close(fd);
        return 1;
    }
    af->f = fdopen(fd, "w");
    if (!af->f) {
        diag_add(diags, af->tmp_path, 0, 0, "cannot open: %s", strerror(errno));
        close(fd);
        return 1;
    }
    return 0;
}

int atomic_close(AtomicFile *af, DiagList *diags)
{
    FILE *f = af->f;
    af->f = NULL;
    if (!f)
        return 1;
    errno = 0;
    int bad = ferror(f);
    int err = bad ? (errno ? errno : EIO) : 0;
    if (!bad && fflush(f) != 0) {
        bad = 1;
        err = errno;
    }
    if (!bad && fsync(fileno(f)) != 0 && errno != EINVAL && errno != EROFS) {
        bad = 1;
        err = errno;
    }
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    if (bad) {
        diag_add(diags, af->tmp_path, 0, 0, "cannot write: %s", strerror(err ? err : EIO));
        return 1;
    }
    return 0;
}

int atomic_commit(AtomicFile *af, DiagList *diags)
{
    if (rename(af->tmp_path, af->path) != 0) {
        diag_add(diags, af->path, 0, 0, "cannot replace with %s: %s", af->tmp_path,
                 strerror(errno));
        return 1;
    }
    af->tmp_exists = 0;
    return 0;
}

void atomic_abort(AtomicFile *af)
{
    if (af->f) {
        fclose(af->f);
        af->f = NULL;
    }
    if (af->tmp_exists && af->tmp_path)
        unlink(af->tmp_path);
    af->tmp_exists = 0;
    atomic_release(af);
}

void atomic_release(AtomicFile *af)
{
    free(af->path);
    free(af->tmp_path);
    af->path = af->tmp_path = NULL;
}

int directory_takes_files(const char *dir, int or_ancestor, char *why, size_t whysz)
{
    char probe[4200];
    size_t len = strlen(dir);
    if (len == 0)
        dir = ".", len = 1;
    if (len + 40 > sizeof probe) {
        snprintf(why, whysz, "%s", strerror(ENAMETOOLONG));
        return 0;
    }
    memcpy(probe, dir, len + 1);
    /* up to the nearest ancestor that exists */
    struct stat st;
    while (stat(probe, &st) != 0) {
        if (errno != ENOENT || !or_ancestor) {
            snprintf(why, whysz, "%s: %s", probe, strerror(errno));
            return 0;
        }
        char *slash = strrchr(probe, '/');
        while (slash && slash > probe && slash[1] == '\0') { /* trailing slashes */
            *slash = '\0';
            slash = strrchr(probe, '/');
        }
        if (!slash)
            strcpy(probe, ".");
        else if (slash == probe)
            probe[1] = '\0'; /* "/" */
        else
            *slash = '\0';
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(why, whysz, "%s: %s", probe, strerror(ENOTDIR));
        return 0;
    }
    char tried[4200];
    snprintf(tried, sizeof tried, "%s", probe);
    size_t plen = strlen(probe);
    snprintf(probe + plen, sizeof probe - plen, "%s.samplan-write-probe-XXXXXX",
             plen && probe[plen - 1] == '/' ? "" : "/");
    int fd = mkstemp(probe);
    if (fd < 0) {
        /* said of the directory that exists, with what stopped a file
         * there: /proc's ENOENT read as if /proc were missing */
        snprintf(why, whysz, "no file can be made in '%s': %s", tried, strerror(errno));
        return 0;
    }
    close(fd);
    unlink(probe);
    return 1;
}

int make_parent_dirs(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        const char *rest = p;
        while (*rest == '/')
            rest++;
        if (!*rest)
            break; /* only trailing slashes follow: that is path itself */
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            free(copy);
            errno = e;
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

int parent_takes_files(const char *path, char *why, size_t whysz)
{
    char dir[4200];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else if (snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >= (int)sizeof dir) {
        snprintf(why, whysz, "%s", strerror(ENAMETOOLONG));
        return 0;
    }
    return directory_takes_files(dir, 0, why, whysz);
}
