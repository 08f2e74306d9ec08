/*
 * run_setup.c — the output directory and Ctrl-C handling shared by solve
 * and compare (see run_setup.h).
 */
#include "run_setup.h"

#include "commands.h"

#include "../io/atomic_file.h"
#include "../io/plan_write.h"
#include "../io/scenario_json.h"
#include "../solver/glpk_run.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* 1 when path is an existing directory with no entries but . and .. */
static int is_empty_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *e;
    int empty = 1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = 0;
    closedir(d);
    return empty;
}

static int choose_output_name(const char *given, const char *scenario_dir, const char *tail, int force,
                              const char *contents, char *buf, size_t size, const char **out, int *existing)
{
    struct stat st;
    *existing = 0;
    if (!given) {
        char *base = scenario_dir_name(scenario_dir);
        if (base && strlen(base) > 255) { /* cut at 255 bytes, not inside a UTF-8 character */
            size_t cut = 255;
            while (cut > 0 && ((unsigned char)base[cut] & 0xC0) == 0x80)
                cut--;
            base[cut] = '\0';
        }
        for (int n = 1; base && n < 10000; n++) {
            char suffix[32] = "";
            if (n > 1)
                snprintf(suffix, sizeof suffix, "-%d", n);
            snprintf(buf, size, "%s%s%s", base, tail, suffix);
            if (stat(buf, &st) != 0 && errno == ENOENT) {
                free(base);
                *out = buf;
                return 0;
            }
        }
        int oom = !base;
        free(base);
        fputs(oom ? "samplan: out of memory\n" : "samplan: cannot find a free output directory name; use -o\n", stderr);
        return oom ? EXIT_NO_PLAN : EXIT_BAD_INPUT;
    }
    if (stat(given, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            fprintf(stderr, "samplan: output '%s' exists and is not a directory\n", given);
            return EXIT_BAD_INPUT;
        }
        if (!force && !is_empty_dir(given)) {
            fprintf(stderr,
                    "samplan: output directory '%s' exists and is not empty; use --force to "
                    "replace its %s or choose another -o\n", given, contents);
            return EXIT_BAD_INPUT;
        }
        *existing = 1;
    }
    *out = given;
    return 0;
}

int choose_output_dir(const char *given, const char *scenario_dir, const char *tail, int force,
                      const char *contents, char *buf, size_t size, const char **out, int *existing)
{
    if (given) {
        /* `-o plans/` is the directory plans: with the slash kept, its
         * parent "plans" was made first and then mkdir("plans/") failed,
         * after the whole solve (twenty-second session) */
        size_t len = strlen(given);
        if (len == 0) {
            fputs("samplan: -o needs a directory name, got an empty one\n", stderr);
            return EXIT_BAD_INPUT;
        }
        while (len > 1 && given[len - 1] == '/')
            len--;
        if (len >= size) {
            fprintf(stderr, "samplan: output directory name too long: '%s'\n", given);
            return EXIT_BAD_INPUT;
        }
        memcpy(buf, given, len);
        buf[len] = '\0';
        given = buf;
    }
    int rc = choose_output_name(given, scenario_dir, tail, force, contents, buf, size, out, existing);
    if (rc)
        return rc;
    /* before the solve, not after it (a read-only -o lost a whole run's
     * work: independent audit, twenty-second session); a symbolic link to
     * nothing, which mkdir cannot make, likewise (review) */
    struct stat lst, st;
    if (lstat(*out, &lst) == 0 && S_ISLNK(lst.st_mode) && stat(*out, &st) != 0) {
        fprintf(stderr, "samplan: output '%s' is a symbolic link to nothing: expected a directory or a new name\n",
                *out);
        return EXIT_BAD_INPUT;
    }
    char why[4400] = "";
    if (!directory_takes_files(*out, 1, why, sizeof why)) {
        fprintf(stderr, "samplan: cannot write the output directory '%s': %s\n", *out, why);
        return EXIT_BAD_INPUT;
    }
    return 0;
}

int plan_files_replaceable(const char *out)
{
    for (int k = 0;; k++) {
        const char *name = plan_file_names[k] ? plan_file_names[k] : "report.html";
        char path[4400];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", out, name);
        if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            fprintf(stderr, "samplan: %s exists and is not a file: expected a plan file --force may replace "
                            "(remove it or choose another -o)\n", path);
            return 0;
        }
        if (!plan_file_names[k])
            return 1;
    }
}

static void on_interrupt(int sig)
{
    (void)sig;
    solver_interrupted = 1;
}

void catch_interrupts(void)
{
    static const int interrupt_signals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof interrupt_signals / sizeof *interrupt_signals; i++) {
        int sig = interrupt_signals[i];
        /* SIGTERM and SIGHUP arriving ignored stay so (`nohup` must keep
         * a run alive when its terminal closes: review, twenty-second
         * session); SIGINT is caught even then, as it always was, so that
         * `kill -INT` stops a solve a script started with & */
        if (sig != SIGINT && sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sig, &sa, NULL);
    }
}
