/*
 * scenario_load.h — reading a scenario directory into a Scenario (SPEC §1).
 *
 * scenario.json is read with jansson; `variants.<name>` is applied to the
 * base as a JSON Merge Patch (RFC 7396) before defaults; the CSV tables are
 * read with libcsv through io/csv_table.h. All problems found are appended
 * to `diags` (file:line:column: message) so that `validate` can report them
 * all at once; loading goes on past a problem where it can.
 */
#ifndef SAMPLAN_SCENARIO_LOAD_H
#define SAMPLAN_SCENARIO_LOAD_H

#include "../model/diag.h"
#include "../model/scenario.h"

/* Loads DIR (with variant NAME applied, or the base when variant is NULL).
 * Returns 0 and sets *out on success (no diagnostics recorded); returns 2
 * (bad input: diagnostics recorded, *out left NULL) or 1 (out of memory or
 * an I/O failure, described in diags). */
int scenario_load(const char *dir, const char *variant, Scenario **out, DiagList *diags);

/* Lists the variant names of DIR/scenario.json, in file order, into
 * *names (owned array of owned strings, *count entries). Returns 0, or 2
 * with diagnostics when scenario.json cannot be read. */
int scenario_list_variants(const char *dir, char ***names, int *count, DiagList *diags);

#endif
