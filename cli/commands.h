/*
 * commands.h — the subcommands of samplan, one file each in cli/, and the
 * helpers they share for option parsing. Exit codes follow SPEC §4.
 */
#ifndef SAMPLAN_COMMANDS_H
#define SAMPLAN_COMMANDS_H

enum ExitCode {
    EXIT_OK = 0,       /* success: a plan was written, the input is valid */
    EXIT_NO_PLAN = 1,  /* no plan, solver or I/O failure */
    EXIT_BAD_INPUT = 2 /* bad input or usage */
};

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand name */
    const char *summary;               /* one line for `samplan --help` */
    const char *usage;                 /* full help for `samplan help NAME` */
} Command;

int cmd_validate(int argc, char **argv);
int cmd_solve(int argc, char **argv);
/* 1 once cmd_solve has written its plan: its exit code then stays 0 when
 * standard output fails (main), as SPEC's 0 means "a plan was written". */
int solve_wrote_plan(void);
int cmd_export(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_generate(int argc, char **argv);

extern const char validate_usage[];
extern const char solve_usage[];
extern const char export_usage[];
extern const char compare_usage[];
extern const char report_usage[];
extern const char generate_usage[];

/* Prints "samplan: <message>" and a hint to `samplan help NAME` on stderr;
 * returns EXIT_BAD_INPUT so callers can `return usage_error(...)`. */
int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The one operand of a subcommand (its DIR or OUT), with `--` ending the
 * options. OPERAND_TAKEN: arg was `--` or the operand, now in *dir;
 * OPERAND_NOT: arg is an option for the caller; OPERAND_ERROR: a second
 * operand, said on stderr (the caller returns EXIT_BAD_INPUT). *literal
 * starts at 0 and is the parser's own. */
enum { OPERAND_TAKEN, OPERAND_NOT, OPERAND_ERROR };
int take_operand(const char *command, const char *arg, int *literal, const char **dir);

/* The usage error of option argv[i] whose value is missing ("needs a
 * value: EXPECTED") or not what it takes ("takes EXPECTED, got 'V'"). */
int bad_option_value(const char *command, const char *option, const char *expected, int argc, char **argv, int i);

/* Warns on stderr when SAMPLAN_JOBS, the default of --jobs, is set to
 * something the workers ignore (solver/workers.c: not a whole number
 * from 1, or above 8, which is cut to 8): not silently. */
void warn_bad_jobs_env(void);

/* Strict number parsing for option values: the whole text must be a number
 * in [min, max]. Return 0 on success, −1 (nothing stored) otherwise. */
int parse_double_option(const char *text, double min, double max, double *out);
int parse_long_option(const char *text, long min, long max, long *out);

#endif
