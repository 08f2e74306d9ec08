/*
 * check_json_where.c — io/json_where.c: the recorded position of every
 * value on a hand-written document (nesting, arrays, escaped quotes,
 * UTF-8, CRLF, a byte order mark), and on random documents written by
 * jansson in several layouts, where each recorded position must hold the
 * first character of the value found at that path, and the value's keys
 * must lead there.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/json_where.h"

#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void expect_at(const JsonWhere *w, const char *const *keys, long line, long column)
{
    long l = -1, c = -1;
    const char *last = keys[0] ? keys[0] : "(top)";
    for (int i = 0; keys[i]; i++)
        last = keys[i];
    ck_assert_msg(json_where_find(w, keys, &l, &c), "no position for '%s'", last);
    ck_assert_msg(l == line && c == column, "'%s' at %ld:%ld, want %ld:%ld", last, l, c, line, column);
}

START_TEST(hand_written)
{
    const char *text = "\xEF\xBB\xBF{ \"name\": \"\xC3\x85re \\\"C\\\"\", \"start\": \"2027-01-04\",\r\n"
                       "  \"a\\\"b\": [1, {\"x\": null}, [true]],\n"
                       "\t\"travel\": {\"speed_kmh\":-3.5e1},\n"
                       "  \"variants\": {\"\xC3\xA5\": {\"weeks\": 0}}}";
    JsonWhere w = JSON_WHERE_INIT;
    ck_assert_int_eq(json_where_scan(&w, text, strlen(text)), 0);
    expect_at(&w, (const char *const[]){NULL}, 1, 1);
    expect_at(&w, KEYS("name"), 1, 11);
    expect_at(&w, KEYS("start"), 1, 33); /* the UTF-8 Å counts once */
    expect_at(&w, KEYS("a\"b"), 2, 11);
    expect_at(&w, KEYS("travel"), 3, 12);
    expect_at(&w, KEYS("travel", "speed_kmh"), 3, 25);
    expect_at(&w, KEYS("variants", "\xC3\xA5", "weeks"), 4, 31);
    long l, c;
    ck_assert(!json_where_find(&w, KEYS("weeks"), &l, &c));
    ck_assert(!json_where_find(&w, KEYS("a\"b", "x"), &l, &c)); /* x lies inside an array */
    json_where_free(&w);
}
END_TEST

/* A random value of at most `depth` levels. Keys avoid '.', '[' and
 * control characters, which a path cannot tell apart or the scanner keeps
 * escaped. */
static json_t *random_value(unsigned *seed, int depth)
{
    int kind = depth > 0 ? rand_r(seed) % 7 : rand_r(seed) % 5;
    switch (kind) {
    case 0: return json_integer(rand_r(seed) % 2000 - 1000);
    case 1: return json_real((rand_r(seed) % 100000) / 7.0 - 5000);
    case 2: return rand_r(seed) % 3 ? json_string("a \"quoted\" \\ \xC3\xB6 text") : json_null();
    case 3: return json_boolean(rand_r(seed) % 2);
    case 4: return json_string("");
    case 5: {
        json_t *a = json_array();
        int n = rand_r(seed) % 4;
        for (int i = 0; i < n; i++)
            json_array_append_new(a, random_value(seed, depth - 1));
        return a;
    }
    default: {
        static const char *const keys[] = {"start", "k\"q", "b\\s", "\xC3\xA5\xC3\xA4", "a.b", "", "w1"};
        json_t *o = json_object();
        int n = rand_r(seed) % 5;
        for (int i = 0; i < n; i++)
            json_object_set_new(o, keys[rand_r(seed) % 7], random_value(seed, depth - 1));
        return o;
    }
    }
}

/* Byte offset of line:column (characters) in text, or −1. */
static long offset_of(const char *text, long line, long column)
{
    long l = 1, c = 1;
    for (long i = 0; text[i]; i++) {
        if (l == line && c == column)
            return i;
        if (text[i] == '\n')
            l++, c = 1;
        else if (((unsigned char)text[i + 1] & 0xC0) != 0x80)
            c++;
    }
    return -1;
}

/* A value in document order, with the object keys that lead to it
 * (nkeys −1 when the way passes through an array). */
typedef struct Seen {
    json_t *v;
    const char *keys[8];
    int nkeys;
} Seen;

/* The values of v in document order (jansson writes objects in the
 * order their keys were set), at most cap of them; returns the count. */
static size_t in_order(json_t *v, const Seen *at, Seen *out, size_t cap, size_t n)
{
    Seen me = *at;
    me.v = v;
    if (n < cap)
        out[n] = me;
    n++;
    if (json_is_array(v))
        for (size_t i = 0; i < json_array_size(v); i++) {
            Seen inner = me;
            inner.nkeys = -1;
            n = in_order(json_array_get(v, i), &inner, out, cap, n);
        }
    if (json_is_object(v)) {
        const char *key;
        json_t *item;
        json_object_foreach(v, key, item) {
            Seen inner = me;
            if (inner.nkeys >= 0 && inner.nkeys < 7)
                inner.keys[inner.nkeys++] = key;
            else
                inner.nkeys = -1;
            n = in_order(item, &inner, out, cap, n);
        }
    }
    return n;
}

/* Keys are told apart whatever they hold: dots, nothing, \u escapes
 * (decoded as jansson decodes them, surrogate pairs included). */
START_TEST(awkward_keys)
{
    const char *text = "{\"a.b\": 1, \"a\": {\"b\": 2}, \"\": {\"start\": 3},\n"
                       "\"st\\u0061rt\": 4, \"v\\u00e9\": 5, \"\\ud83d\\ude00\": 6, \"q\\\"\": 7}";
    JsonWhere w = JSON_WHERE_INIT;
    ck_assert_int_eq(json_where_scan(&w, text, strlen(text)), 0);
    expect_at(&w, KEYS("a.b"), 1, 9);
    expect_at(&w, KEYS("a", "b"), 1, 23);
    expect_at(&w, KEYS("", "start"), 1, 41);
    expect_at(&w, KEYS("start"), 2, 15);
    expect_at(&w, KEYS("v\xC3\xA9"), 2, 29);
    expect_at(&w, KEYS("\xF0\x9F\x98\x80"), 2, 48);
    expect_at(&w, KEYS("q\""), 2, 58);
    json_where_free(&w);
}
END_TEST

START_TEST(random_documents)
{
    unsigned seed = 12345;
    /* JSON_ENSURE_ASCII writes å, ä and ö in keys as \u escapes */
    static const size_t layouts[] = {JSON_COMPACT, JSON_INDENT(2), JSON_INDENT(0), 0, JSON_ENSURE_ASCII | JSON_INDENT(1)};
    for (int round = 0; round < 400; round++) {
        json_t *doc = random_value(&seed, 4);
        char *text = json_dumps(doc, JSON_ENCODE_ANY | layouts[round % 5]);
        ck_assert_ptr_nonnull(text);
        JsonWhere w = JSON_WHERE_INIT;
        ck_assert_int_eq(json_where_scan(&w, text, strlen(text)), 0);
        static Seen values[4096];
        Seen top = {NULL, {NULL}, 0};
        size_t nvalues = in_order(doc, &top, values, 4096, 0);
        ck_assert(nvalues <= 4096);
        ck_assert_msg(w.count == nvalues, "%zu positions for %zu values in %s", w.count, nvalues, text);
        for (size_t i = 0; i < w.count; i++) {
            long at = offset_of(text, w.entries[i].line, w.entries[i].column);
            ck_assert_msg(at >= 0 && strchr("{[\"-0123456789tfn", text[at]) != NULL,
                          "'%s' at %ld:%ld is not a value's start in %s",
                          w.entries[i].key ? w.entries[i].key : "(item)", w.entries[i].line, w.entries[i].column, text);
            /* the value there is the i-th value in document order */
            json_error_t err;
            json_t *there =
                json_loadb(text + at, strlen(text + at), JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err);
            ck_assert_msg(there != NULL && json_equal(there, values[i].v), "'%s' at %ld:%ld is not its value in %s",
                          w.entries[i].key ? w.entries[i].key : "(item)", w.entries[i].line, w.entries[i].column, text);
            json_decref(there);
            /* and its keys find it there */
            if (values[i].nkeys >= 0) {
                const char *keys[9];
                memcpy(keys, values[i].keys, (size_t)values[i].nkeys * sizeof *keys);
                keys[values[i].nkeys] = NULL;
                long l = 0, c = 0;
                ck_assert_msg(json_where_find(&w, keys, &l, &c) && l == w.entries[i].line &&
                                  c == w.entries[i].column,
                              "value %zu: its keys lead to %ld:%ld, not %ld:%ld, in %s", i, l, c,
                              w.entries[i].line, w.entries[i].column, text);
            }
        }
        json_where_free(&w);
        free(text);
        json_decref(doc);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_where");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, hand_written);
    tcase_add_test(tc, awkward_keys);
    tcase_add_test(tc, random_documents);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
