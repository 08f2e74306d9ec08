/*
 * json_where.h — where each value of a JSON text lies, by key path.
 *
 * jansson gives a line and column only for syntax errors. A value that
 * parses but means something wrong (a start that is no Monday, a negative
 * weight) still deserves a message naming its place in the file (SPEC
 * section 4), so scenario.json is scanned once more for the position of
 * every value.
 */
#ifndef SAMPLAN_JSON_WHERE_H
#define SAMPLAN_JSON_WHERE_H

#include <stddef.h>

typedef struct JsonWhereEntry {
    long parent; /* the enclosing value's entry, -1 for the top-level value */
    char *key;   /* its key in that object, as jansson decodes it; NULL for an array item or the top */
    int depth;   /* keys and array items from the top */
    long line;   /* 1-based */
    long column; /* 1-based, in characters (UTF-8), of the value's first character */
} JsonWhereEntry;

typedef struct JsonWhere {
    JsonWhereEntry *entries;
    size_t count, cap;
} JsonWhere;

#define JSON_WHERE_INIT {NULL, 0, 0}

/* Records the position of every value of text[0..len), which should be
 * JSON that jansson has accepted (on anything else it stops early and
 * keeps what it found). Returns 0, or 1 when memory ran out. */
int json_where_scan(JsonWhere *w, const char *text, size_t len);

/* The position of the value the NULL-terminated object keys lead to
 * ({NULL}: the top-level value): 1 when found. */
int json_where_find(const JsonWhere *w, const char *const *keys, long *line, long *column);

/* The position of the deepest value along the keys that is there: the
 * value itself, else the nearest enclosing object (for a key that is
 * missing). Returns how many of the keys it followed (0: the top-level
 * value), −1 when nothing is known. At most JSON_WHERE_MAX_DEPTH keys are
 * followed. */
#define JSON_WHERE_MAX_DEPTH 16
int json_where_nearest(const JsonWhere *w, const char *const *keys, long *line, long *column);

void json_where_free(JsonWhere *w);

/* What to add after a jansson syntax message so that it says what was
 * expected, as every bad-input message does: "" when it already does
 * ("string or '}' expected near '}'"), else ": expected each key once in
 * an object" or ": expected valid JSON". */
const char *json_error_expected(const char *jansson_text);

/* A jansson syntax message as a user should read it: the one that names
 * jansson's JSON_ALLOW_NUL flag says what is wrong instead. */
const char *json_error_text(const char *jansson_text);

#endif
