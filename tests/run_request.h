/*
 * run_request.h — the level-1 request the GLPK runners' tests start from:
 * one process, quiet, the given time limit, nothing else set (static;
 * each Check runner includes it once).
 */
#ifndef SAMPLAN_TESTS_RUN_REQUEST_H
#define SAMPLAN_TESTS_RUN_REQUEST_H

#include <string.h>

#include "../solver/glpk_run.h"

static RunRequest test_level1_request(double seconds)
{
    RunRequest req;
    memset(&req, 0, sizeof req);
    req.level = LEVEL_VALUE;
    req.time_limit_s = seconds;
    req.quiet = 1;
    req.jobs = 1;
    return req;
}

#endif
