/*
 * json_where.c — positions of the values of a JSON text (json_where.h).
 *
 * A small recursive scanner over text jansson has already parsed: it does
 * not check the grammar, it only follows it far enough to know which keys
 * lead to each value and on which line and column it begins. Columns
 * count UTF-8 characters, as jansson and a reader count them. Each value
 * is stored with its enclosing value and its key there (as jansson
 * decodes it), so that keys are compared one by one whatever they hold
 * ('.', nothing, escapes), and memory grows with the file, not with its
 * depth times its keys' length.
 */
#include "json_where.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jansson refuses deeper documents, so a scan never recurses further */
#define MAX_DEPTH 2048

typedef struct Scan {
    const char *text;
    size_t len, at;
    long line, column; /* of text[at] */
    JsonWhere *w;
    int oom, broken;
} Scan;

/* A growing byte string. */
typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

static int buf_add(Buf *b, const char *bytes, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *bigger = realloc(b->data, cap);
        if (!bigger)
            return -1;
        b->data = bigger;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int peek(const Scan *s)
{
    return s->at < s->len ? (unsigned char)s->text[s->at] : -1;
}

static void advance(Scan *s)
{
    if (s->at >= s->len)
        return;
    unsigned char ch = (unsigned char)s->text[s->at++];
    if (ch == '\n') {
        s->line++;
        s->column = 1;
    } else if (s->at < s->len && ((unsigned char)s->text[s->at] & 0xC0) != 0x80) {
        s->column++; /* the next character begins here: continuation bytes do not count */
    }
}

static void skip_space(Scan *s)
{
    int ch;
    while ((ch = peek(s)) == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
        advance(s);
}

/* Records a value beginning here; returns its entry or -1 (out of
 * memory). key (taken over; NULL for an array item or the top) is its key
 * in the parent's object. */
static long record(Scan *s, long parent, char *key, int depth)
{
    JsonWhere *w = s->w;
    if (w->count == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 32;
        JsonWhereEntry *e = realloc(w->entries, cap * sizeof *e);
        if (!e) {
            free(key);
            return -1;
        }
        w->entries = e;
        w->cap = cap;
    }
    w->entries[w->count] = (JsonWhereEntry){parent, key, depth, s->line, s->column};
    return (long)w->count++;
}

/* Four hex digits at text[at..], or −1. */
static long hex4(const Scan *s, size_t at)
{
    if (at + 4 > s->len)
        return -1;
    long v = 0;
    for (size_t i = at; i < at + 4; i++) {
        char c = s->text[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Appends code point cp as UTF-8. */
static int add_utf8(Buf *b, uint32_t cp)
{
    char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0x00, 0xC0, 0xE0, 0xF0};
    for (size_t i = n - 1; i > 0; i--, cp >>= 6)
        u[i] = (char)(0x80 | (cp & 0x3F)); /* continuation bytes, last first */
    u[0] = (char)(lead[n - 1] | cp);
    return buf_add(b, u, n);
}

/* Reads a string token, decoded as jansson decodes it (escapes, \uXXXX
 * with surrogate pairs, into UTF-8), into *out (may be NULL: skip it). */
static void read_string(Scan *s, Buf *out)
{
    advance(s); /* the opening quote */
    while (!s->oom && s->at < s->len && s->text[s->at] != '"') {
        char ch = s->text[s->at];
        int failed = 0;
        if (ch == '\\' && s->at + 1 < s->len) {
            advance(s);
            ch = s->text[s->at];
            if (ch == 'u') {
                long cp = hex4(s, s->at + 1);
                for (int i = 0; i < 4 && s->at < s->len; i++)
                    advance(s);
                if (cp >= 0xD800 && cp <= 0xDBFF && s->at + 2 < s->len && s->text[s->at + 1] == '\\' &&
                    s->text[s->at + 2] == 'u') {
                    long lo = hex4(s, s->at + 3);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        for (int i = 0; i < 6; i++)
                            advance(s);
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                }
                if (out && cp >= 0)
                    failed = add_utf8(out, (uint32_t)cp);
                advance(s);
                if (failed)
                    s->oom = 1;
                continue;
            }
            ch = ch == 'n'   ? '\n'
                 : ch == 't' ? '\t'
                 : ch == 'r' ? '\r'
                 : ch == 'b' ? '\b'
                 : ch == 'f' ? '\f'
                             : ch;
        }
        if (out && buf_add(out, &ch, 1))
            s->oom = 1;
        advance(s);
    }
    advance(s); /* the closing quote */
}

/* Scans the value beginning at the next non-blank, whose key in parent's
 * object is key (taken over). */
static void scan_value(Scan *s, long parent, char *key, int depth)
{
    skip_space(s);
    if (s->oom || s->broken || s->at >= s->len || depth > MAX_DEPTH) {
        free(key);
        s->broken = 1;
        return;
    }
    long me = record(s, parent, key, depth);
    if (me < 0) {
        s->oom = 1;
        return;
    }
    int ch = peek(s);
    if (ch == '{') {
        advance(s);
        skip_space(s);
        while (!s->oom && !s->broken && peek(s) == '"') {
            Buf name = {0};
            read_string(s, &name);
            if (!s->oom && !name.data && !(name.data = calloc(1, 1)))
                s->oom = 1; /* the empty key */
            skip_space(s);
            if (s->oom || peek(s) != ':') {
                free(name.data);
                s->broken = 1;
                return;
            }
            advance(s);
            scan_value(s, me, name.data, depth + 1);
            skip_space(s);
            if (peek(s) != ',')
                break;
            advance(s);
            skip_space(s);
        }
        if (peek(s) == '}')
            advance(s);
        else
            s->broken = 1;
    } else if (ch == '[') {
        advance(s);
        skip_space(s);
        while (!s->oom && !s->broken && peek(s) != ']' && peek(s) >= 0) {
            scan_value(s, me, NULL, depth + 1);
            skip_space(s);
            if (peek(s) != ',')
                break;
            advance(s);
        }
        if (peek(s) == ']')
            advance(s);
        else
            s->broken = 1;
    } else if (ch == '"') {
        read_string(s, NULL);
    } else {
        /* a number, true, false or null */
        while ((ch = peek(s)) >= 0 && ch != ',' && ch != '}' && ch != ']' && ch != ' ' && ch != '\t' &&
               ch != '\n' && ch != '\r')
            advance(s);
    }
}

int json_where_scan(JsonWhere *w, const char *text, size_t len)
{
    Scan s = {text, len, 0, 1, 1, w, 0, 0};
    /* a UTF-8 byte order mark is not a character of the document */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        s.at = 3;
    scan_value(&s, -1, NULL, 0);
    return s.oom ? 1 : 0;
}

int json_where_find(const JsonWhere *w, const char *const *keys, long *line, long *column)
{
    int n = 0;
    while (keys[n])
        n++;
    for (size_t i = 0; i < w->count; i++) {
        if (w->entries[i].depth != n)
            continue;
        /* its keys, from the last up, against keys[n-1] .. keys[0] */
        long e = (long)i;
        int k = n - 1;
        while (k >= 0 && w->entries[e].key && strcmp(w->entries[e].key, keys[k]) == 0) {
            e = w->entries[e].parent;
            k--;
        }
        if (k < 0) {
            *line = w->entries[i].line;
            *column = w->entries[i].column;
            return 1;
        }
    }
    return 0;
}

void json_where_free(JsonWhere *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->entries[i].key);
    free(w->entries);
    w->entries = NULL;
    w->count = w->cap = 0;
}

const char *json_error_text(const char *jansson_text)
{
    /* jansson names its own flag: a user cannot set it */
    if (strstr(jansson_text, "JSON_ALLOW_NUL"))
        return "\\u0000 (a NUL character) is not allowed in a string";
    return jansson_text;
}

const char *json_error_expected(const char *jansson_text)
{
    /* " expected" with its space: "unexpected" says what was found */
    if (strstr(jansson_text, " expected") || strncmp(jansson_text, "expected", 8) == 0)
        return "";
    if (strncmp(jansson_text, "duplicate object key", 20) == 0)
        return ": expected each key once in an object";
    if (strncmp(jansson_text, "unexpected newline", 18) == 0)
        return ": expected a string on one line (\\n for a line break)";
    return ": expected valid JSON";
}

int json_where_nearest(const JsonWhere *w, const char *const *keys, long *line, long *column)
{
    const char *path[JSON_WHERE_MAX_DEPTH + 1];
    int n = 0;
    while (keys[n] && n < JSON_WHERE_MAX_DEPTH) {
        path[n] = keys[n];
        n++;
    }
    for (; n >= 0; n--) {
        path[n] = NULL;
        if (json_where_find(w, path, line, column))
            return n;
    }
    return -1;
}
