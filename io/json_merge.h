/*
 * json_merge.h — JSON Merge Patch (RFC 7396), used to apply a scenario
 * variant to the base scenario.json.
 */
#ifndef SAMPLAN_JSON_MERGE_H
#define SAMPLAN_JSON_MERGE_H

#include <jansson.h>

/* Returns a new reference: `target` (may be NULL) with `patch` applied as
 * RFC 7396 describes — objects merge key by key, a null value removes the
 * key, anything else replaces. Neither argument is modified or stolen; the
 * result shares no structure with them. Returns NULL on out-of-memory. */
json_t *json_merge_patch(const json_t *target, const json_t *patch);

#endif
