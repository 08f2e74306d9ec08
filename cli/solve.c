/*
 * solve.c — samplan solve (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char solve_usage[] = "usage: samplan solve (not yet available)\n";

int cmd_solve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: solve is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
