/*
 * workers.c — fork-based parallel tasks (see workers.h).
 *
 * Protocol on each child's pipe: an 8-byte length (UINT64_MAX when the
 * task ran out of memory) and then that many bytes. The child leaves with
 * _exit() so that nothing of the parent (stdio buffers, atexit handlers)
 * runs twice.
 */
#include "workers.h"

#include "glpk_run.h" /* clock_seconds */

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

#define MAX_JOBS 8
#define POLL_MS 200 /* how often the stop flag is looked at while waiting */
#define BACKGROUND_STOP_S 0.5 /* a background task's time to answer Ctrl-C */

int workers_jobs(int requested)
{
    if (requested > 0)
        return requested > MAX_JOBS ? MAX_JOBS : requested;
    const char *env = getenv("SAMPLAN_JOBS");
    if (env && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (*end == '\0' && v >= 1)
            return v > MAX_JOBS ? MAX_JOBS : (int)v;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus < 1)
        return 1;
    return cpus > MAX_JOBS ? MAX_JOBS : (int)cpus;
}

static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        len -= (size_t)r;
    }
    return 0;
}

/* Reads a child's result from fd: the length header, then the bytes
 * into *buf (malloc'd). Returns 0, 1 when the child ran out of memory
 * (its header says so), −1 when the result was lost. */
static int read_result(int fd, void **buf, size_t *len)
{
    uint64_t header = 0;
    *buf = NULL;
    if (read_all(fd, &header, sizeof header) != 0)
        return -1;
    if (header == UINT64_MAX)
        return 1;
    *buf = malloc(header ? (size_t)header : 1);
    if (!*buf || read_all(fd, *buf, (size_t)header) != 0) {
        free(*buf);
        *buf = NULL;
        return -1;
    }
    *len = (size_t)header;
    return 0;
}

static void child_main(int fd, WorkFn work, void *ctx, int item, int seq, pid_t parent)
{
#ifdef __linux__
    /* a parent killed outright (SIGTERM, SIGKILL: a harness timeout) takes
     * its workers along instead of leaving them to use the processors */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
#else
    (void)parent;
#endif
    size_t len = 0;
    void *res = work(ctx, item, seq, &len);
    uint64_t header = res ? (uint64_t)len : UINT64_MAX;
    int rc = write_all(fd, &header, sizeof header);
    if (rc == 0 && res)
        rc = write_all(fd, res, len);
    free(res);
    close(fd);
    _exit(rc == 0 ? 0 : 1);
}

typedef struct Running {
    pid_t pid;
    int fd;
    int item;
} Running;

/* Reads one finished child's result and hands it to apply(); returns
 * apply()'s answer, or −1 when the result was lost. */
static int collect(Running *r, ApplyFn apply, void *ctx, char *err, size_t errsz)
{
    void *buf = NULL;
    size_t len = 0;
    int got = read_result(r->fd, &buf, &len);
    close(r->fd);
    int status = 0;
    while (waitpid(r->pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = 0;
    if (got == 1) {
        snprintf(err, errsz, "out of memory in a solver worker");
        rc = -1;
    } else if (got != 0) {
        /* a worker lost (the kernel's OOM killer, a kill -9) is a worker
         * killed at the deadline: its item keeps the plan it started from
         * and the others go on. It used to end the whole solve with exit 1
         * and no plan (independent audit, twenty-second session). A GLPK
         * error is a result, and still fails the solve. */
        if (WIFSIGNALED(status))
            fprintf(stderr, "samplan: warning: a solver worker ended by signal %d without a result; "
                            "its part keeps the plan it started from\n", WTERMSIG(status));
        else
            fprintf(stderr, "samplan: warning: a solver worker ended without a result; its part keeps "
                            "the plan it started from\n");
    } else {
        rc = apply(ctx, r->item, buf, len);
    }
    free(buf);
    return rc;
}

static int run_inline(void *ctx, int item, int seq, WorkFn work, ApplyFn apply, char *err, size_t errsz)
{
    size_t len = 0;
    void *res = work(ctx, item, seq, &len);
    if (!res) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    int rc = apply(ctx, item, res, len);
    free(res);
    return rc;
}

/* Ends the running children of a won race. */
static void cancel(Running *run, int nrun)
{
    for (int r = 0; r < nrun; r++) {
        kill(run[r].pid, SIGKILL);
        close(run[r].fd);
        while (waitpid(run[r].pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
}

/* Kills the children that may be killed (all when killable is NULL) and
 * takes them out of run[]; returns how many are left running. */
static int cancel_killable(Running *run, int nrun, KillableFn killable, void *ctx)
{
    for (int r = 0; r < nrun;) {
        if (killable && !killable(ctx, run[r].item)) {
            r++;
            continue;
        }
        cancel(&run[r], 1);
        run[r] = run[--nrun];
    }
    return nrun;
}

int workers_stream(int jobs, NextFn next, void *next_ctx, WorkFn work, ApplyFn apply, void *ctx,
                   double deadline, KillableFn killable, volatile sig_atomic_t *stop, char *err, size_t errsz)
{
    int forwarded = 0, seq = 0;
    pid_t parent = getpid();
    if (jobs <= 1 && deadline <= 0) {
        /* in-process: nothing to be gained by a child that need not be
         * killed (with a deadline, one job still runs in a child) */
        int item;
        while (!(stop && *stop) && (item = next(next_ctx)) >= 0) {
            int rc = run_inline(ctx, item, seq++, work, apply, err, errsz);
            if (rc)
                return rc < 0 ? -1 : 0;
        }
        return 0;
    }
    Running run[MAX_JOBS];
    struct pollfd pfd[MAX_JOBS];
    int nrun = 0, failed = 0, done = 0, killed_past = 0;
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    for (;;) {
        while (nrun < jobs && !done && !failed && !(stop && *stop) &&
               !(deadline > 0 && clock_seconds() > deadline)) {
            int item = next(next_ctx);
            if (item < 0) {
                /* nothing to start now; with nobody running, nothing ever */
                done = nrun == 0;
                break;
            }
            int fds[2];
            pid_t pid = -1;
            fflush(stdout);
            fflush(stderr);
            if (pipe(fds) == 0) {
                pid = fork();
                if (pid < 0) {
                    close(fds[0]);
                    close(fds[1]);
                }
            }
            if (pid == 0) {
                close(fds[0]);
                for (int r = 0; r < nrun; r++)
                    close(run[r].fd);
                child_main(fds[1], work, ctx, item, seq, parent);
            }
            if (pid < 0) {
                /* no process to be had: do it here */
                int rc = run_inline(ctx, item, seq++, work, apply, err, errsz);
                if (rc < 0)
                    failed = 1;
                else if (rc > 0)
                    done = 1; /* won: nothing else to start */
                continue;
            }
            seq++;
            close(fds[1]);
            run[nrun++] = (Running){pid, fds[0], item};
        }
        if (nrun == 0)
            break;
        for (int r = 0; r < nrun; r++)
            pfd[r] = (struct pollfd){run[r].fd, POLLIN, 0};
        /* past the deadline: one look (no wait) for results already
         * written, then what still runs is killed below; the children
         * left after that are waited for as usual */
        int past = deadline > 0 && clock_seconds() > deadline;
        int wait_ms = POLL_MS;
        if (past) {
            wait_ms = killed_past ? POLL_MS : 0;
        } else if (deadline > 0) {
            /* wake up at the deadline, not up to POLL_MS after it */
            double left_ms = (deadline - clock_seconds()) * 1000.0;
            wait_ms = left_ms < 1.0 ? 1 : (left_ms < POLL_MS ? (int)left_ms + 1 : POLL_MS);
        }
        int ready = poll(pfd, (nfds_t)nrun, wait_ms);
        if (stop && *stop && !forwarded) {
            /* Ctrl-C in a terminal reaches the children too; a SIGINT sent
             * to this process alone (kill) must be passed on */
            for (int r = 0; r < nrun; r++)
                kill(run[r].pid, SIGINT);
            forwarded = 1;
        }
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errsz, "waiting for solver workers failed");
            failed = 1;
            ready = 0;
            for (int r = 0; r < nrun; r++)
                pfd[r].revents = POLLIN; /* collect them all, blocking */
        }
        for (int r = 0; r < nrun;) {
            if (pfd[r].revents == 0) {
                r++;
                continue;
            }
            int rc = collect(&run[r], apply, ctx, err, errsz);
            run[r] = run[nrun - 1];
            pfd[r] = pfd[nrun - 1];
            nrun--;
            if (rc < 0) {
                failed = 1;
            } else if (rc > 0) {
                cancel(run, nrun);
                nrun = 0;
                done = 1;
                break;
            }
        }
        if (past && !killed_past) {
            /* past the caller's deadline (results already written were
             * taken above): what is still running and may be killed is
             * lost; nothing new starts */
            nrun = cancel_killable(run, nrun, killable, ctx);
            killed_past = 1;
            done = 1;
        }
    }
    return failed ? -1 : 0;
}

/* workers_run's items as a stream. */
typedef struct ItemList {
    const int *items;
    int n, pos;
} ItemList;

static int next_listed(void *vctx)
{
    ItemList *l = vctx;
    return l->pos < l->n ? l->items[l->pos++] : -1;
}

int workers_run(int jobs, const int *items, int n, WorkFn work, ApplyFn apply, void *ctx, double deadline,
                KillableFn killable, volatile sig_atomic_t *stop, char *err, size_t errsz)
{
    ItemList list = {items, n, 0};
    return workers_stream(n <= 1 ? 1 : jobs, next_listed, &list, work, apply, ctx, deadline, killable, stop, err,
                          errsz);
}

int workers_background_start(Background *bg, WorkFn work, void *ctx, int item)
{
    int fds[2];
    bg->pid = 0;
    bg->fd = -1;
    fflush(stdout);
    fflush(stderr);
    if (pipe(fds) != 0)
        return -1;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], work, ctx, item, 0, parent);
    }
    close(fds[1]);
    bg->pid = pid;
    bg->fd = fds[0];
    return 0;
}

void *workers_background_finish(Background *bg, double deadline, volatile sig_atomic_t *stop, size_t *len)
{
    if (bg->pid <= 0)
        return NULL;
    struct pollfd pfd = {bg->fd, POLLIN, 0};
    int ready = 0, forwarded = 0;
    for (;;) {
        if (stop && *stop && !forwarded) {
            /* Ctrl-C: the task is asked to stop with what it has (a
             * SIGINT sent to this process alone must be passed on) */
            kill(bg->pid, SIGINT);
            forwarded = 1;
            deadline = fmin(deadline, clock_seconds() + BACKGROUND_STOP_S);
        }
        double left_ms = (deadline - clock_seconds()) * 1000.0;
        if (left_ms <= 0.0) {
            ready = poll(&pfd, 1, 0); /* a result already written is taken */
            break;
        }
        ready = poll(&pfd, 1, left_ms < POLL_MS ? (int)left_ms + 1 : POLL_MS);
        if (ready != 0 && !(ready < 0 && errno == EINTR))
            break;
    }
    void *buf = NULL;
    if (ready > 0)
        read_result(bg->fd, &buf, len);
    Running r = {bg->pid, bg->fd, 0};
    if (buf) {
        close(bg->fd);
        while (waitpid(bg->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    } else {
        cancel(&r, 1); /* still running, or gone without a result */
    }
    bg->pid = 0;
    bg->fd = -1;
    return buf;
}
