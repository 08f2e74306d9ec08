/*
 * json_where.c — positions of the values of a JSON text (json_where.h).
 *
 * A small recursive scanner over text jansson has already parsed: it does
 * not check the grammar, it only follows it far enough to know which key
 * path each value has and on which line and column it begins. Columns
 * count UTF-8 characters, as a reader counts them.
 */
#include "json_where.h"

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

static int record(Scan *s, const char *path)
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
    char *copy = malloc(strlen(path) + 1);
    if (!copy)
        return -1;
    strcpy(copy, path);
    w->entries[w->count++] = (JsonWhereEntry){copy, s->line, s->column};
    return 0;
}

/* Reads a string token into a new buffer (escapes other than \uXXXX
 * decoded; \uXXXX kept as written: scenario keys are plain ASCII). */
static char *read_string(Scan *s)
{
    size_t cap = 16, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    advance(s); /* the opening quote */
    while (s->at < s->len && s->text[s->at] != '"') {
        char ch = s->text[s->at];
        if (ch == '\\' && s->at + 1 < s->len) {
            advance(s);
            ch = s->text[s->at];
            ch = ch == 'n' ? '\n' : ch == 't' ? '\t' : ch == 'r' ? '\r' : ch == 'b' ? '\b' : ch == 'f' ? '\f' : ch;
        }
        if (n + 2 > cap) {
            char *bigger = realloc(out, cap *= 2);
            if (!bigger) {
                free(out);
                return NULL;
            }
            out = bigger;
        }
        out[n++] = ch;
        advance(s);
    }
    advance(s); /* the closing quote */
    out[n] = '\0';
    return out;
}

static char *join(const char *path, const char *key)
{
    size_t a = strlen(path), b = strlen(key);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    if (a)
        memcpy(p, path, a), p[a++] = '.';
    memcpy(p + a, key, b + 1);
    return p;
}

static void scan_value(Scan *s, const char *path, int depth)
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
    int ch = peek(s);
    if (ch == '{') {
        advance(s);
        skip_space(s);
        while (!s->oom && !s->broken && peek(s) == '"') {
            char *key = read_string(s);
            char *sub = key ? join(path, key) : NULL;
            free(key);
            if (!sub) {
                s->oom = 1;
                return;
            }
            skip_space(s);
            if (peek(s) != ':') {
                free(sub);
                s->broken = 1;
                return;
            }
            advance(s);
            scan_value(s, sub, depth + 1);
            free(sub);
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
            char sub[64];
            snprintf(sub, sizeof sub, "[%ld]", i);
            char *item = malloc(strlen(path) + sizeof sub);
            if (!item) {
                s->oom = 1;
                return;
            }
            sprintf(item, "%s%s", path, sub);
            scan_value(s, item, depth + 1);
            free(item);
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
        free(read_string(s));
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
    scan_value(&s, "", 0);
    return s.oom ? 1 : 0;
}

int json_where_find(const JsonWhere *w, const char *path, long *line, long *column)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->entries[i].path, path) == 0) {
            *line = w->entries[i].line;
            *column = w->entries[i].column;
            return 1;
        }
    return 0;
}

void json_where_free(JsonWhere *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->entries[i].path);
    free(w->entries);
    w->entries = NULL;
    w->count = w->cap = 0;
}
