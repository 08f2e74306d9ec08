/*
 * file_kind.c — refusing input paths that are not regular files (see
 * file_kind.h).
 */
#include "file_kind.h"

#include <stddef.h>
#include <sys/stat.h>

const char *file_kind_unusable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return NULL;
    if (S_ISDIR(st.st_mode))
        return "a directory";
    if (S_ISFIFO(st.st_mode))
        return "a named pipe";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return "a device";
    if (S_ISSOCK(st.st_mode))
        return "a socket";
    return "not a regular file";
}
