/*
 * scenario_json.h — scenario.json (SPEC §1): parsing with jansson, applying
 * a variant as a JSON Merge Patch, type and range checks, and defaults.
 *
 * Problems are reported as diagnostics on "scenario.json": syntax errors at
 * jansson's line:column, everything else at the key's path (line 0), e.g.
 * `scenario.json: travel.speed_kmh: expected a number > 0, got '-3'`.
 * Also the calendar helpers the loader and `validate` share.
 */
#ifndef SAMPLAN_SCENARIO_JSON_H
#define SAMPLAN_SCENARIO_JSON_H

#include "../model/diag.h"
#include "../model/scenario.h"

#define SCENARIO_JSON "scenario.json"

/* Largest horizon accepted, in weeks (20 years); a sanity bound. */
#define SCENARIO_MAX_WEEKS 1040

/* Fills s->dir, name, variant, start*, weeks, cooperation, travel,
 * objective, solver, files and variant_names from DIR/scenario.json with
 * variant VARIANT (NULL = base) applied and every default set. Returns 0,
 * 2 (bad input, diagnostics recorded: the file could not be read, parsed or
 * the variant is unknown), SCENARIO_JSON_PARTIAL (read, but some values
 * were refused and left at their defaults: the tables can still be
 * checked) or 1 (out of memory). Fields already set stay owned by s (freed
 * by scenario_free). */
#define SCENARIO_JSON_PARTIAL 3
int scenario_json_read(Scenario *s, const char *dir, const char *variant, DiagList *diags);

/* The name of scenario directory dir, the default scenario name (and the
 * stem of the default output directory): its last path segment, with
 * trailing "/" and "/." dropped and "." or ".." resolved; "scenario" for
 * the root. Malloc'd; NULL on out-of-memory. */
char *scenario_dir_name(const char *dir);

/* The length of path once trailing "/" and "/." are dropped ("h1/." and
 * "h1/" are h1; "/." is the root, 1). */
size_t path_trimmed_length(const char *path);

/* The variant names of DIR/scenario.json in file order (see
 * scenario_list_variants). Returns 0, 2 or 1 like scenario_json_read. */
int scenario_json_variants(const char *dir, char ***names, int *count, DiagList *diags);

#endif
