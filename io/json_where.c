/*
 * json_where.c — positions of the values of a JSON text (json_where.h).
 *
 * A small recursive scanner over text jansson has already parsed: it does
 * not check the grammar, it only follows it far enough to know which keys
 * lead to each value and on which line and column it begins. Columns
 * count UTF-8 characters, as jansson and a reader count them. A path is
 * stored as its keys, each written as its byte length, ':' and the key as
 * jansson decodes it (array items as '#', the index and ';'), so that no
 * two paths look alike whatever the keys hold ('.', nothing, escapes).
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

/* Appends one key of a path in the stored form. */
static int add_key(Buf *b, const char *key, size_t n)
{
    char head[32];
    int h = snprintf(head, sizeof head, "%zu:", n);
    return buf_add(b, head, (size_t)h) || buf_add(b, key, n);
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

static int record(Scan *s, const Buf *path)
{
    JsonWhere *w = s->w;
    if (w->count == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 32;
        JsonWhereEntry *e = realloc(w->entries, cap * sizeof *e);
        if (!e)
            return -1;
        w->entries = e;
        w->cap = cap;
    }
    char *copy = malloc(path->len + 1);
    if (!copy)
        return -1;
    memcpy(copy, path->data ? path->data : "", path->len + 1);
    w->entries[w->count++] = (JsonWhereEntry){copy, s->line, s->column};
    return 0;
}

/* Four hex digits at text[at..], or −1. */
static long hex4(const Scan *s, size_t at)
{
    if (at + 4 > s->len)
        return -1;
    long v = 0;
    for (size_t i = at; i < at + 4; i++) {
        char c = s->text[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Appends code point cp as UTF-8. */
static int add_utf8(Buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80)
        u[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)), u[2] = (char)(0x80 | (cp >> 6 & 0x3F)),
        u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
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
            ch = ch == 'n' ? '\n' : ch == 't' ? '\t' : ch == 'r' ? '\r' : ch == 'b' ? '\b' : ch == 'f' ? '\f' : ch;
        }
        if (out && buf_add(out, &ch, 1))
            s->oom = 1;
        advance(s);
    }
    advance(s); /* the closing quote */
}

static void scan_value(Scan *s, Buf *path, int depth)
{
    skip_space(s);
    if (s->oom || s->broken || s->at >= s->len || depth > MAX_DEPTH) {
        s->broken = 1;
        return;
    }
    if (record(s, path)) {
        s->oom = 1;
        return;
    }
    size_t mark = path->len; /* the path is extended for each member and cut back */
    int ch = peek(s);
    if (ch == '{') {
        advance(s);
        skip_space(s);
        while (!s->oom && !s->broken && peek(s) == '"') {
            Buf key = {0};
            read_string(s, &key);
            if (!s->oom && add_key(path, key.data ? key.data : "", key.len))
                s->oom = 1;
            free(key.data);
            skip_space(s);
            if (s->oom || peek(s) != ':') {
                s->broken = 1;
                return;
            }
            advance(s);
            scan_value(s, path, depth + 1);
            path->len = mark;
            if (path->data)
                path->data[mark] = '\0';
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
        for (long i = 0; !s->oom && !s->broken && peek(s) != ']' && peek(s) >= 0; i++) {
            char item[32];
            int n = snprintf(item, sizeof item, "#%ld;", i);
            if (buf_add(path, item, (size_t)n)) {
                s->oom = 1;
                return;
            }
            scan_value(s, path, depth + 1);
            path->len = mark;
            path->data[mark] = '\0';
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
    Buf path = {0};
    scan_value(&s, &path, 0);
    free(path.data);
    return s.oom ? 1 : 0;
}

int json_where_find(const JsonWhere *w, const char *const *keys, long *line, long *column)
{
    Buf path = {0};
    for (const char *const *k = keys; *k; k++)
        if (add_key(&path, *k, strlen(*k))) {
            free(path.data);
            return 0;
        }
    const char *want = path.data ? path.data : "";
    int found = 0;
    for (size_t i = 0; i < w->count && !found; i++)
        if (strcmp(w->entries[i].path, want) == 0) {
            *line = w->entries[i].line;
            *column = w->entries[i].column;
            found = 1;
        }
    free(path.data);
    return found;
}

void json_where_free(JsonWhere *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->entries[i].path);
    free(w->entries);
    w->entries = NULL;
    w->count = w->cap = 0;
}
