/*
 * diag.h — diagnostics: located problems found in user input.
 *
 * Loading and validation report every problem at once, so problems are
 * collected into a list instead of returned one by one. Each diagnostic is
 * printed as `file:line:column: message` (SPEC §4); line and column are
 * 1-based, 0 means "not known" and is left out when printed. For JSON the
 * line/column are jansson's position.
 */
#ifndef SAMPLAN_DIAG_H
#define SAMPLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef struct Diag {
    char *file;    /* owned; file name as the user knows it (e.g. "participants.csv") */
    long line;     /* 1-based, 0 = whole file */
    long column;   /* 1-based, 0 = whole line */
    char *message; /* owned; lower case, no final full stop */
} Diag;

typedef struct DiagList {
    Diag *items;  /* owned array of count entries */
    size_t count;
    size_t cap;
    size_t limit; /* stop recording after this many (0 = default 1000); dropped counts the rest */
    size_t dropped;
    /* Set `fingerprint` before loading to keep a 64-bit fingerprint of
     * each dropped problem, so that diag_drop_seen can tell a variant's
     * own dropped problems from the base's (validate, compare). */
    int fingerprint;
    int prints_lost;              /* out of memory: prints incomplete */
    unsigned long long *prints;   /* owned; one per dropped problem */
    size_t nprints, prints_cap;
} DiagList;

#define DIAGLIST_INIT {NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0}

/* A column printed as 0: jansson's position at the start of a line (an
 * empty or cut-off scenario.json), which SPEC §4 asks for as it is. */
#define DIAG_COLUMN_ZERO (-1L)

/* Appends a diagnostic. Formats like printf. Never fails visibly: on
 * out-of-memory the diagnostic is counted in `dropped`. */
void diag_add(DiagList *list, const char *file, long line, long column,
              const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Number of problems seen, recorded or dropped. */
size_t diag_total(const DiagList *list);

/* 1 when list already holds a diagnostic at d's place with d's message. */
int diag_contains(const DiagList *list, const Diag *d);

/* Removes from list (freeing them) the problems seen has too, recorded
 * or dropped: over every variant, a problem of the base that a variant's
 * load repeats is said once, as the base's (validate, compare). When both
 * lists kept fingerprints, list's dropped count becomes the number of its
 * dropped problems seen does not have, so "N more problems not shown"
 * does not count the base's again for each variant. Call it before
 * diag_tag_variant, which changes list's messages. */
void diag_drop_seen(DiagList *list, const DiagList *seen);

/* Sorts by file, line, column (stable), so output reads top to bottom. */
void diag_sort(DiagList *list);

/* Prints every diagnostic as "file:line:column: message\n", one without a
 * file as "prefix: message\n" (prefix may be NULL). Ends with a note when
 * diagnostics were dropped. */
void diag_print(const DiagList *list, FILE *out, const char *prefix);

/* Formats one diagnostic as "file:line:column: message" into buf. */
void diag_format(const Diag *d, char *buf, size_t size);

/* Appends " (variant 'NAME')" to every problem of a load with a variant
 * applied, so a message about a variant's data says which variant (the
 * base may be fine). Warnings name their variant themselves, and "unknown
 * variant" already names it; NULL variant: nothing to do. */
void diag_tag_variant(DiagList *list, const char *variant);

/* 1 when message already ends in " (variant 'NAME')": the loader tags
 * the warnings it finds inside a variant's own keys, and validate and
 * compare, which tag a variant's other warnings, must not tag them again. */
int diag_names_variant(const char *message, const char *variant);

/* Frees all entries; the list can be reused afterwards. */
void diag_release(DiagList *list);

#endif
