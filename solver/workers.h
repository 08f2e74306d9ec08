/*
 * workers.h — runs independent solver tasks in parallel child processes.
 *
 * GLPK keeps global state and is not safe to call from several threads,
 * so parallel work is done by fork(): each task runs in a child that
 * inherits the program copy-on-write, and sends its result back through a
 * pipe as bytes. With one job, or one task, everything runs in-process.
 */
#ifndef SAMPLAN_WORKERS_H
#define SAMPLAN_WORKERS_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

/* Runs in the child (or in-process): does task `item`, the `seq`-th task
 * launched (0-based), and returns a malloc'd result of *len bytes, or
 * NULL on out-of-memory. */
typedef void *(*WorkFn)(void *ctx, int item, int seq, size_t *len);

/* Runs in the parent with the task's result; returns 0 to go on, 1 when
 * the work is done (tasks not yet started are dropped and running ones
 * killed: a race is won), or −1 to stop on an error (nothing more starts,
 * running ones are waited for). */
typedef int (*ApplyFn)(void *ctx, int item, const void *result, size_t len);

/* Number of parallel jobs to use when the caller asked for `requested`
 * (0 = automatic: SAMPLAN_JOBS from the environment, else the online
 * processors, at most 8). */
int workers_jobs(int requested);

/* Runs in the parent: 1 when task `item` may be killed at the deadline,
 * 0 when it keeps its own time and is waited for (region search hands a
 * large plan back after its time; killing it loses the plan). */
typedef int (*KillableFn)(void *ctx, int item);

/* Runs work() for items[0..n−1], at most `jobs` at a time, and apply() on
 * each result in the parent, in the order they finish. Once *stop is set
 * (by a SIGINT handler; may be NULL) no further task starts and SIGINT is
 * passed on to the running children, whose results are still collected.
 * Returns 0, or −1 when a child could not be started or its result was
 * lost (err says so), or when apply() returned −1. Children still running
 * at `deadline` (monotonic seconds; 0 = none) are killed and their results
 * dropped, as in workers_stream, except those killable() says to wait
 * for (killable NULL: every child may be killed). */
int workers_run(int jobs, const int *items, int n, WorkFn work, ApplyFn apply, void *ctx, double deadline,
                KillableFn killable, volatile sig_atomic_t *stop, char *err, size_t errsz);

/* Runs in the parent whenever a job is free: the next item to start, or
 * −1 when there is none for now (asked again after the next result; with
 * nothing running, −1 ends the stream). */
typedef int (*NextFn)(void *next_ctx);

/* As workers_run, with the items chosen as the work goes: next() may look
 * at what apply() has made of earlier results. Nothing starts after
 * `deadline` (monotonic seconds; 0 = none); children still running then
 * are killed and their results dropped, except those killable() (NULL:
 * every child may be killed) says to wait for. With a deadline, one job at
 * a time also runs in a child, so that it can be killed. */
int workers_stream(int jobs, NextFn next, void *next_ctx, WorkFn work, ApplyFn apply, void *ctx,
                   double deadline, KillableFn killable, volatile sig_atomic_t *stop, char *err, size_t errsz);

/* One task run in a child while the caller goes on with other work
 * (the value bound while the greedy search runs: solver/solve.c). */
typedef struct Background {
    pid_t pid; /* 0: not running */
    int fd;
} Background;

/* Starts work(ctx, item, 0, …) in a child. Returns 0, or −1 when no child
 * could be had (bg->pid stays 0; nothing ran). */
int workers_background_start(Background *bg, WorkFn work, void *ctx, int item);

/* The background task's result (malloc'd, *len bytes), waiting for it
 * until `deadline` (monotonic seconds); NULL when the task ran out of
 * memory or was lost, or when it was still running at the deadline, and
 * then it is killed. Once *stop is set (Ctrl-C; stop may be NULL) the
 * task gets SIGINT and half a second at most to answer. Either way the
 * child is gone afterwards (bg->pid = 0). */
void *workers_background_finish(Background *bg, double deadline, volatile sig_atomic_t *stop, size_t *len);

#endif
