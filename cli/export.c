/*
 * export.c — samplan export (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char export_usage[] = "usage: samplan export (not yet available)\n";

int cmd_export(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: export is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
