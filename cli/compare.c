/*
 * compare.c — samplan compare (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char compare_usage[] = "usage: samplan compare (not yet available)\n";

int cmd_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: compare is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
