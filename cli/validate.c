/*
 * validate.c — samplan validate (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char validate_usage[] = "usage: samplan validate (not yet available)\n";

int cmd_validate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: validate is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
