/*
 * generate.c — samplan generate (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char generate_usage[] = "usage: samplan generate (not yet available)\n";

int cmd_generate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: generate is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
