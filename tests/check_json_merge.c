/*
 * check_json_merge.c — io/json_merge.c against every example of RFC 7396
 * appendix A, plus the section 3 example and non-modification of inputs.
 */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>

#include "../io/json_merge.h"

static const char *const cases[][3] = {
    /* target, patch, result — RFC 7396 appendix A, in order */
    {"{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
    {"{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"},
    {"{\"a\":\"b\"}", "{\"a\":null}", "{}"},
    {"{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"},
    {"{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
    {"{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"},
    {"{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"},
    {"{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"},
    {"[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"},
    {"{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"},
    {"{\"a\":\"foo\"}", "null", "null"},
    {"{\"a\":\"foo\"}", "\"bar\"", "\"bar\""},
    {"{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"},
    {"[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"},
    {"{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"},
    /* section 3 */
    {"{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
     "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}",
     "{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\",\"author\":{\"familyName\":null},"
     "\"tags\":[\"example\"]}",
     "{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
     "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}"},
    /* scenario-shaped: swap a file, reset a default */
    {"{\"weeks\":40,\"files\":{\"slots\":\"slots.csv\",\"centres\":\"c.csv\"}}",
     "{\"files\":{\"slots\":\"slots-60.csv\"},\"weeks\":null}",
     "{\"files\":{\"slots\":\"slots-60.csv\",\"centres\":\"c.csv\"}}"},
};

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
    ck_assert_msg(v != NULL, "bad test JSON %s: %s", text, err.text);
    return v;
}

START_TEST(rfc7396_examples)
{
    int i = _i;
    json_t *target = parse(cases[i][0]);
    json_t *patch = parse(cases[i][1]);
    json_t *want = parse(cases[i][2]);
    json_t *target_before = json_deep_copy(target);
    json_t *patch_before = json_deep_copy(patch);
    json_t *got = json_merge_patch(target, patch);
    ck_assert_ptr_nonnull(got);
    char *g = json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT | JSON_SORT_KEYS);
    ck_assert_msg(json_equal(got, want), "case %d: got %s, want %s", i, g, cases[i][2]);
    ck_assert(json_equal(target, target_before));
    ck_assert(json_equal(patch, patch_before));
    free(g);
    json_decref(got);
    json_decref(want);
    json_decref(target);
    json_decref(patch);
    json_decref(target_before);
    json_decref(patch_before);
}
END_TEST

START_TEST(null_target)
{
    json_t *patch = parse("{\"a\":{\"b\":null,\"c\":1}}");
    json_t *got = json_merge_patch(NULL, patch);
    json_t *want = parse("{\"a\":{\"c\":1}}");
    ck_assert(json_equal(got, want));
    json_decref(got);
    json_decref(want);
    json_decref(patch);
}
END_TEST

START_TEST(result_is_independent)
{
    json_t *target = parse("{\"a\":{\"b\":1}}");
    json_t *patch = parse("{\"c\":{\"d\":2}}");
    json_t *got = json_merge_patch(target, patch);
    json_object_set_new(json_object_get(got, "a"), "b", json_integer(9));
    json_object_set_new(json_object_get(got, "c"), "d", json_integer(9));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(target, "a"), "b")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(patch, "c"), "d")), 2);
    json_decref(got);
    json_decref(target);
    json_decref(patch);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_merge");
    TCase *tc = tcase_create("rfc7396");
    tcase_add_loop_test(tc, rfc7396_examples, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, null_target);
    tcase_add_test(tc, result_is_independent);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
