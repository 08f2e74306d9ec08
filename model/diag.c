/*
 * diag.c — the list of located input problems (see diag.h).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIAG_DEFAULT_LIMIT 1000

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* FNV-1a over a problem's place and message: equal problems, equal prints. */
static unsigned long long fingerprint_of(const char *file, long line, long column, const char *message)
{
    unsigned long long h = 14695981039346656037ULL;
    const unsigned char *parts[2] = {(const unsigned char *)file, (const unsigned char *)message};
    for (int k = 0; k < 2; k++) {
        for (const unsigned char *p = parts[k]; *p; p++)
            h = (h ^ *p) * 1099511628211ULL;
        h = (h ^ 0xffu) * 1099511628211ULL; /* separator no text holds */
    }
    unsigned long long where[2] = {(unsigned long long)line, (unsigned long long)column};
    for (int k = 0; k < 2; k++)
        for (int b = 0; b < 64; b += 8)
            h = (h ^ ((where[k] >> b) & 0xffu)) * 1099511628211ULL;
    return h;
}

/* A dropped problem's fingerprint, when the list keeps them. */
static void keep_print(DiagList *list, const char *file, long line, long column, const char *message)
{
    if (!list->fingerprint || list->prints_lost)
        return;
    if (list->nprints == list->prints_cap) {
        size_t cap = list->prints_cap ? 2 * list->prints_cap : 256;
        unsigned long long *p = realloc(list->prints, cap * sizeof *p);
        if (!p) {
            list->prints_lost = 1;
            return;
        }
        list->prints = p;
        list->prints_cap = cap;
    }
    list->prints[list->nprints++] = fingerprint_of(file ? file : "", line, column, message);
}

void diag_add(DiagList *list, const char *file, long line, long column,
              const char *fmt, ...)
{
    size_t limit = list->limit ? list->limit : DIAG_DEFAULT_LIMIT;
    if (list->count >= limit) {
        list->dropped++;
        if (list->fingerprint) {
            char buf[2048];
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(buf, sizeof buf, fmt, ap);
            va_end(ap);
            keep_print(list, file, line, column, buf);
        }
        return;
    }
    if (list->count == list->cap) {
        size_t cap = list->cap ? 2 * list->cap : 16;
        Diag *items = realloc(list->items, cap * sizeof *items);
        if (!items) {
            list->dropped++;
            return;
        }
        list->items = items;
        list->cap = cap;
    }
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Diag *d = &list->items[list->count];
    d->file = dup_string(file ? file : "");
    d->message = dup_string(buf);
    if (!d->file || !d->message) {
        free(d->file);
        free(d->message);
        list->dropped++;
        return;
    }
    d->line = line;
    d->column = column;
    list->count++;
}

void diag_tag_variant(DiagList *list, const char *variant)
{
    if (!variant)
        return;
    static const char *const untagged[] = {"warning:", "unknown variant '"};
    for (size_t i = 0; i < list->count; i++) {
        char *m = list->items[i].message;
        int skip = 0;
        for (size_t u = 0; u < sizeof untagged / sizeof *untagged; u++)
            skip |= strncmp(m, untagged[u], strlen(untagged[u])) == 0;
        if (skip)
            continue;
        size_t n = strlen(m) + strlen(variant) + sizeof " (variant '')";
        char *tagged = malloc(n);
        if (!tagged)
            continue; /* out of memory: the message stands untagged */
        snprintf(tagged, n, "%s (variant '%s')", m, variant);
        free(m);
        list->items[i].message = tagged;
    }
}

int diag_names_variant(const char *message, const char *variant)
{
    static const char open[] = " (variant '", close[] = "')";
    size_t m = strlen(message), v = strlen(variant), n = sizeof open - 1 + v + sizeof close - 1;
    if (m < n)
        return 0;
    const char *tail = message + m - n;
    return strncmp(tail, open, sizeof open - 1) == 0 && strncmp(tail + sizeof open - 1, variant, v) == 0 &&
           strcmp(tail + sizeof open - 1 + v, close) == 0;
}

size_t diag_total(const DiagList *list)
{
    return list->count + list->dropped;
}

static int diag_compare(const Diag *a, const Diag *b)
{
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

void diag_sort(DiagList *list)
{
    /* insertion sort: stable, and lists are short and nearly sorted */
    for (size_t i = 1; i < list->count; i++) {
        Diag key = list->items[i];
        size_t j = i;
        while (j > 0 && diag_compare(&list->items[j - 1], &key) > 0) {
            list->items[j] = list->items[j - 1];
            j--;
        }
        list->items[j] = key;
    }
}

/* src into dst[size] with control characters written as C escapes: a
 * message quotes the user's cells, and a raw CR, newline or terminal
 * escape there would hide or split it (independent audit, twenty-third
 * session: "you\x1b[2Kth" erased its own message). */
static void copy_escaped(char *dst, size_t size, const char *src)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)src; *p && n + 1 < size; p++) {
        char esc[8];
        if (*p >= 0x20 && *p != 0x7f) {
            dst[n++] = (char)*p;
            continue;
        }
        if (*p == '\n')
            strcpy(esc, "\\n");
        else if (*p == '\r')
            strcpy(esc, "\\r");
        else if (*p == '\t')
            strcpy(esc, "\\t");
        else
            snprintf(esc, sizeof esc, "\\x%02x", *p);
        size_t len = strlen(esc);
        if (n + len + 1 > size)
            break;
        memcpy(dst + n, esc, len);
        n += len;
    }
    dst[n] = '\0';
}

void diag_format(const Diag *d, char *buf, size_t size)
{
    char raw[4096];
    if (d->line > 0 && (d->column > 0 || d->column == DIAG_COLUMN_ZERO))
        snprintf(raw, sizeof raw, "%s:%ld:%ld: %s", d->file, d->line, d->column > 0 ? d->column : 0,
                 d->message);
    else if (d->line > 0)
        snprintf(raw, sizeof raw, "%s:%ld: %s", d->file, d->line, d->message);
    else if (d->file[0])
        snprintf(raw, sizeof raw, "%s: %s", d->file, d->message);
    else
        snprintf(raw, sizeof raw, "%s", d->message);
    if (size > 0)
        copy_escaped(buf, size, raw);
}

void diag_print(const DiagList *list, FILE *out, const char *prefix)
{
    char buf[4096];
    for (size_t i = 0; i < list->count; i++) {
        diag_format(&list->items[i], buf, sizeof buf);
        /* a message that names its file starts with it, as SPEC §4's
         * example and compilers do, whichever command printed it */
        if (prefix && !list->items[i].file[0])
            fprintf(out, "%s: %s\n", prefix, buf);
        else
            fprintf(out, "%s\n", buf);
    }
    if (list->dropped)
        fprintf(out, "%s%s%zu more problems not shown\n", prefix ? prefix : "",
                prefix ? ": " : "", list->dropped);
}

void diag_release(DiagList *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].file);
        free(list->items[i].message);
    }
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
    list->dropped = 0;
    free(list->prints);
    list->prints = NULL;
    list->nprints = list->prints_cap = 0;
    list->prints_lost = 0;
}

int diag_contains(const DiagList *list, const Diag *d)
{
    for (size_t i = 0; i < list->count; i++) {
        const Diag *e = &list->items[i];
        if (e->line == d->line && e->column == d->column && strcmp(e->file, d->file) == 0 &&
            strcmp(e->message, d->message) == 0)
            return 1;
    }
    return 0;
}

static int compare_prints(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

/* seen's problems, recorded and dropped, as a sorted array of prints
 * (NULL when seen kept none, or out of memory). */
static unsigned long long *prints_of(const DiagList *seen, size_t *n)
{
    *n = seen->count + seen->nprints;
    if (!seen->fingerprint || seen->prints_lost || *n == 0)
        return NULL;
    unsigned long long *all = malloc(*n * sizeof *all);
    if (!all)
        return NULL;
    for (size_t i = 0; i < seen->count; i++) {
        const Diag *d = &seen->items[i];
        all[i] = fingerprint_of(d->file, d->line, d->column, d->message);
    }
    if (seen->nprints)
        memcpy(all + seen->count, seen->prints, seen->nprints * sizeof *all);
    qsort(all, *n, sizeof *all, compare_prints);
    return all;
}

void diag_drop_seen(DiagList *list, const DiagList *seen)
{
    size_t nseen;
    unsigned long long *known = prints_of(seen, &nseen);
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        Diag *d = &list->items[i];
        unsigned long long h = fingerprint_of(d->file, d->line, d->column, d->message);
        if (known ? bsearch(&h, known, nseen, sizeof h, compare_prints) != NULL : diag_contains(seen, d)) {
            free(d->file);
            free(d->message);
        } else {
            list->items[kept++] = *d;
        }
    }
    list->count = kept;
    /* the dropped: only those the base does not have are this list's own
     * (without prints on both sides the count stands, an overcount) */
    if (known && list->fingerprint && !list->prints_lost && list->nprints == list->dropped) {
        size_t own = 0;
        for (size_t i = 0; i < list->nprints; i++)
            own += bsearch(&list->prints[i], known, nseen, sizeof *known, compare_prints) == NULL;
        list->dropped = own;
    }
    free(known);
}
