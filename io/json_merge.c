/*
 * json_merge.c — RFC 7396 MergePatch, written after the pseudo-code in the
 * RFC's section 2 but returning a fresh value instead of editing in place.
 */
#include "json_merge.h"

json_t *json_merge_patch(const json_t *target, const json_t *patch)
{
    if (!json_is_object(patch))
        return json_deep_copy(patch);
    json_t *result = json_is_object(target) ? json_deep_copy(target) : json_object();
    if (!result)
        return NULL;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)patch, key, value) {
        if (json_is_null(value)) {
            json_object_del(result, key);
            continue;
        }
        json_t *merged = json_merge_patch(json_object_get(result, key), value);
        if (!merged || json_object_set_new(result, key, merged) != 0) {
            json_decref(result);
            return NULL;
        }
    }
    return result;
}
