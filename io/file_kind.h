/*
 * file_kind.h — what kind of file an input path names, before it is read.
 * A scenario's tables and settings must be regular files: a directory
 * gives a read error after a successful open, a named pipe blocks the open
 * until someone writes to it, and a device such as /dev/zero never ends.
 */
#ifndef SAMPLAN_FILE_KIND_H
#define SAMPLAN_FILE_KIND_H

#include <stdio.h>

/* NULL when path is a regular file (after symbolic links) or cannot be
 * examined (the open that follows reports why); otherwise what it is, for
 * a message: "a directory", "a named pipe", "a device", "a socket". */
const char *file_kind_unusable(const char *path);

/* Opens path for reading ("rb") only when it is a regular file, checked on
 * the opened file itself (a named pipe put in its place after a check
 * cannot block the open: it is opened without waiting). NULL with errno
 * set when it cannot be opened, or with *kind set (as above, errno
 * EINVAL) when it is not a regular file; *kind is NULL otherwise. */
FILE *file_kind_open(const char *path, const char **kind);

#endif
