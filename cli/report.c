/*
 * report.c — samplan report (placeholder until its issue lands; replaced by the
 * real subcommand).
 */
#include "commands.h"

#include <stdio.h>

const char report_usage[] = "usage: samplan report (not yet available)\n";

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("samplan: report is not available yet\n", stderr);
    return EXIT_NO_PLAN;
}
