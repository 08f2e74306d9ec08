/*
 * scenario_load.c — reading a scenario directory into a Scenario (see
 * scenario_load.h and SPEC §1).
 *
 * Order: scenario.json (with the variant merged in), then the tables in
 * dependency order — municipalities, tracks, modules, centres, participants,
 * slots, reservations, distances — so every reference can be resolved as
 * its row is read. Every problem is recorded and loading goes on; a
 * reference into a table that could not be read is not checked (one missing
 * file gives one message, not one per row). Derived values (track totals,
 * module offsets, slot room, the travel matrix) are computed only when the
 * input is clean. Identifier look-ups go through small hash indexes: 50 000
 * participants must not cost 50 000² comparisons.
 */
#include "scenario_load.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <math.h>

#include "../model/pnr.h"
#include "../model/travel.h"
#include "csv_table.h"
#include "load_cells.h"
#include "near_names.h"
#include "scenario_json.h"

#define BIG 1000000000L /* upper bound for counts: keeps every int conversion safe */

/* ---- string index ------------------------------------------------------ */

typedef struct StrIndex {
    const char **keys; /* borrowed: strings owned by the Scenario */
    int *vals;
    size_t cap, count;
} StrIndex;

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ULL & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (1099511628211ULL & SIZE_MAX);
    return h;
}

static int index_find(const StrIndex *x, const char *key)
{
    if (!x->cap)
        return -1;
    for (size_t i = hash_str(key) & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
        if (!x->keys[i])
            return -1;
        if (strcmp(x->keys[i], key) == 0)
            return x->vals[i];
    }
}

static int index_add(StrIndex *x, const char *key, int val)
{
    if (2 * (x->count + 1) > x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 64;
        const char **keys = calloc(cap, sizeof *keys);
        int *vals = calloc(cap, sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return -1;
        }
        for (size_t i = 0; i < x->cap; i++) {
            if (!x->keys[i])
                continue;
            size_t j = hash_str(x->keys[i]) & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = x->keys[i];
            vals[j] = x->vals[i];
        }
        free(x->keys);
        free(x->vals);
        x->keys = keys;
        x->vals = vals;
        x->cap = cap;
    }
    size_t i = hash_str(key) & (x->cap - 1);
    while (x->keys[i])
        i = (i + 1) & (x->cap - 1);
    x->keys[i] = key;
    x->vals[i] = val;
    x->count++;
    return 0;
}

static void index_release(StrIndex *x)
{
    free(x->keys);
    free(x->vals);
    memset(x, 0, sizeof *x);
}

/* ---- loader state --------------------------------------------------------- */

typedef struct ModRow {
    int track, seq;
    char *name; /* owned until moved into the track */
    ModuleKind kind;
    int weeks;
    double group_cost;
    long line;
    long seq_column;
} ModRow;

typedef struct Loader {
    Scenario *s;
    DiagList *diags;
    int oom;
    int have[TABLE_COUNT]; /* 1 when the table was read to its end */
    StrIndex mun, track, part, slot;
    long *mun_line;        /* [nmunicipalities] line in municipalities.csv */
    long track_column;     /* column of `track` in tracks.csv */
    ModRow *mods;
    size_t nmods, modcap;
    TravelRow *drows;
    size_t ndrows, drcap;
    StrIndex pairs;        /* "from\x1fto" keys of distances rows, for duplicates */
    char **pair_keys;      /* owned keys of `pairs` */
    size_t npair_keys;
    long *drow_line;
} Loader;

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* Grows *arr (element size sz) to hold n+1 elements. 0 or −1. */
static int grow(void **arr, size_t sz, size_t n, size_t *cap)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? 2 * *cap : 16;
    void *p = realloc(*arr, c * sz);
    if (!p)
        return -1;
    *arr = p;
    *cap = c;
    return 0;
}

#define GROW(L, arr, n, cap) \
    (grow((void **)&(arr), sizeof *(arr), (size_t)(n), &(cap)) == 0 ? 0 : ((L)->oom = 1, -1))

static const char *file_of(const Loader *L, Table t)
{
    return L->s->files[t];
}

static char *table_path(const Loader *L, Table t)
{
    const char *dir = L->s->dir, *name = file_of(L, t);
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (p)
        snprintf(p, a + b + 2, "%s/%s", dir, name);
    return p;
}

typedef struct ColSpec {
    const char *name;
    int required;
} ColSpec;

enum { OPEN_OK = 0, OPEN_SKIP = 2, OPEN_FATAL = 1, OPEN_ABSENT = 3 };

/* Warns about each column of t that is none of spec's but near one
 * ("Tracks", "earliest_weeks"): SPEC §1 ignores unknown columns, so a
 * typo would silently drop every participant's preferences or window
 * (independent audit, twenty-third session). scenario.json's keys get
 * the same warning (io/scenario_json.c). */
static void warn_near_columns(Loader *L, Table tab, const CsvTable *t, const ColSpec *spec, int n)
{
    for (size_t c = 0; c < t->ncols; c++) {
        int known = 0;
        for (int i = 0; i < n && !known; i++)
            known = strcmp(t->header[c], spec[i].name) == 0;
        for (int i = 0; i < n && !known; i++) {
            if (!name_near(t->header[c], spec[i].name) || csv_table_column(t, spec[i].name) >= 0)
                continue;
            /* no variant named: the file names itself, and validate
             * says a warning once for the base and every variant */
            diag_add(&L->s->warnings, file_of(L, tab), t->header_line, (long)c + 1,
                     "warning: unknown column '%s' is ignored: did you mean '%s'?", t->header[c],
                     spec[i].name);
            break;
        }
    }
}

/* 1 when a header name holds ';': a Swedish spreadsheet saves CSV with
 * ';' between cells, and then every column is "missing"; one message
 * says so (open_table). */
static int semicolon_header(const CsvTable *t)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strchr(t->header[c], ';'))
            return 1;
    return 0;
}

/* Opens table `tab`, checks its header and finds the columns of spec
 * (cols[i] = −1 for an absent optional column). */
static int open_table(Loader *L, Table tab, CsvTable *t, const ColSpec *spec, int n, int *cols)
{
    char *path = table_path(L, tab);
    memset(t, 0, sizeof *t);
    if (!path) {
        L->oom = 1;
        return OPEN_FATAL;
    }
    if (L->s->files_missing[tab]) { /* reported where scenario.json names it */
        free(path);
        return OPEN_SKIP;
    }
    if (table_may_be_absent(tab, file_of(L, tab)) && access(path, F_OK) != 0 && errno == ENOENT) {
        free(path);
        return OPEN_ABSENT;
    }
    int rc = csv_table_open(t, path, file_of(L, tab), L->diags);
    free(path);
    if (rc == 1)
        L->oom = 1;
    if (rc != 0)
        return rc == 1 ? OPEN_FATAL : OPEN_SKIP;
    char shape[256] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof shape; i++)
        len += (size_t)snprintf(shape + len, sizeof shape - len, "%s%s%s%s",
                                spec[i].required ? "" : "[", i ? "," : "", spec[i].name,
                                spec[i].required ? "" : "]");
    int missing = 0, semicolons = semicolon_header(t);
    for (int i = 0; i < n; i++) {
        cols[i] = csv_table_column(t, spec[i].name);
        if (cols[i] < 0 && spec[i].required && !(missing && semicolons)) {
            /* column: just after the header's last one, where it would go */
            /* a file scenario.json's `files` names other than after its
             * table (participants.csv as slots, people.csv) says which
             * table it was read as */
            const char *file = file_of(L, tab);
            size_t tl = strlen(table_names[tab]);
            int own = strncmp(file, table_names[tab], tl) == 0;
            /* a second byte-order mark (one is skipped) hides in the
             * first name: say so, it cannot be seen (tester, twenty-sixth
             * session) */
            int bom = 0;
            for (size_t c = 0; c < t->ncols && !bom; c++)
                bom = strncmp(t->header[c], "\xEF\xBB\xBF", 3) == 0;
            diag_add(L->diags, file, t->header_line, (long)t->ncols + 1,
                     "missing column '%s': expected a header %s%s%s%s%s", spec[i].name, shape,
                     own ? "" : " (read as the ", own ? "" : table_names[tab], own ? "" : " table)",
                     bom ? " (a header name starts with an invisible byte-order mark, U+FEFF: the file "
                           "has two; save it as UTF-8 once)"
                     : semicolons ? " (the header is separated by ';': samplan reads comma-separated "
                                    "files; save the table as CSV with ',' between cells)"
                                  : "");
            missing = 1;
        }
    }
    warn_near_columns(L, tab, t, spec, n);
    return missing ? OPEN_SKIP : OPEN_OK;
}

/* Ends reading a table: rc from csv_table_next (CSV_END, 2 or 1). */
static void close_table(Loader *L, Table tab, CsvTable *t, int rc)
{
    if (rc == 1)
        L->oom = 1;
    if (rc == CSV_END)
        L->have[tab] = 1;
    csv_table_close(t);
}

/* Resolves a reference cell into an index of `index`, or reports it. */
static int ref(Loader *L, const Cells *c, int col, const char *name, const StrIndex *index,
               Table target, int *out)
{
    const char *v;
    if (cells_id(c, col, name, &v) != 0)
        return -1;
    if (!L->have[target]) {
        *out = -1;
        return 0;
    }
    int i = index_find(index, v);
    if (i < 0) {
        cells_error(c, col, "%s '%s' is not in %s", name, v, file_of(L, target));
        return -1;
    }
    *out = i;
    return 0;
}

static int week(const Loader *L, const Cells *c, int col, const char *name, int has_def, long def,
                int *out)
{
    char expected[48];
    snprintf(expected, sizeof expected, "a week 1..%d", L->s->weeks);
    long v;
    if (cells_int(c, col, name, 1, L->s->weeks, has_def, def, expected, &v) != 0)
        return -1;
    *out = (int)v;
    return 0;
}

static int count(const Cells *c, int col, const char *name, long lo, int has_def, long def,
                 int *out)
{
    char expected[48];
    snprintf(expected, sizeof expected, "an integer %ld..%ld", lo, BIG);
    long v;
    if (cells_int(c, col, name, lo, BIG, has_def, def, expected, &v) != 0)
        return -1;
    *out = (int)v;
    return 0;
}

static int flag(const Cells *c, int col, const char *name, int *out)
{
    long v;
    if (cells_int(c, col, name, 0, 1, 1, 0, "0 or 1", &v) != 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* A text cell (a name), copied; a required one that is empty is reported
 * but still copied, so the row's identifier stays known. NULL only on
 * out-of-memory (L->oom). */
static char *text(Loader *L, const Cells *c, int col, const char *name, int required)
{
    const char *v = csv_table_cell(c->t, col);
    if (required && !*v)
        cells_error(c, col, "%s is empty: expected a name", name);
    char *p = dup_str(v);
    if (!p)
        L->oom = 1;
    return p;
}

/* Parses a `;`-separated list of track ids ("" or "*" = any). For a set
 * (centre, slot) fills mask[ntracks]; for a participant's preference list
 * fills *list / *n and reports duplicates. Returns 0 or −1. */
static int track_list(Loader *L, const Cells *c, int col, int *any, unsigned char *mask,
                      int **list, int *n)
{
    const char *v = csv_table_cell(c->t, col);
    *any = 0;
    if (list) {
        *list = NULL;
        *n = 0;
    }
    if (!*v || strcmp(v, "*") == 0) {
        *any = 1;
        return 0;
    }
    if (!L->have[TABLE_TRACKS]) {
        *any = 1;
        return 0;
    }
    int bad = 0;
    size_t cap = 0;
    char *copy = dup_str(v);
    if (!copy) {
        L->oom = 1;
        return -1;
    }
    char *save = NULL;
    for (char *p = copy;; p = NULL) {
        char *tok = strtok_r(p, ";", &save);
        if (!tok)
            break;
        while (*tok == ' ' || *tok == '\t')
            tok++;
        size_t len = strlen(tok);
        while (len > 0 && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
            tok[--len] = '\0';
        if (!*tok) {
            cells_error(c, col, "tracks '%s' has an empty entry: expected track ids separated by ';'", v);
            bad = 1;
            continue;
        }
        if (strcmp(tok, "*") == 0) {
            cells_error(c, col, "tracks '%s': '*' must stand alone", v);
            bad = 1;
            continue;
        }
        int t = index_find(&L->track, tok);
        if (t < 0) {
            cells_error(c, col, "track '%s' is not in %s", tok, file_of(L, TABLE_TRACKS));
            bad = 1;
            continue;
        }
        if (mask)
            mask[t] = 1;
        if (list) {
            int dup = 0;
            for (int i = 0; i < *n; i++)
                dup |= (*list)[i] == t;
            if (dup) {
                cells_error(c, col, "track '%s' is listed twice in tracks", tok);
                bad = 1;
                continue;
            }
            if (GROW(L, *list, *n, cap) != 0)
                break;
            (*list)[(*n)++] = t;
        }
    }
    /* ";;" and a trailing ";" leave no token for strtok: catch them here */
    if (!bad && (strstr(v, ";;") || v[0] == ';' || v[strlen(v) - 1] == ';')) {
        cells_error(c, col, "tracks '%s' has an empty entry: expected track ids separated by ';'", v);
        bad = 1;
    }
    free(copy);
    return bad || L->oom ? -1 : 0;
}

/* ---- tables --------------------------------------------------------------- */

static void load_municipalities(Loader *L)
{
    static const ColSpec spec[] = {{"code", 1}, {"name", 1}, {"lat", 0}, {"lon", 0}};
    int cols[4];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_MUNICIPALITIES, &t, spec, 4, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0, lcap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        const char *code;
        int ok = cells_id(&c, cols[0], "code", &code) == 0;
        char *name = text(L, &c, cols[1], "name", 1);
        const char *lat = csv_table_cell(&t, cols[2]), *lon = csv_table_cell(&t, cols[3]);
        Municipality m = {0};
        if (*lat && *lon) {
            int a = cells_real(&c, cols[2], "lat", -90, 0, 90, 0, 0, "degrees in -90..90", &m.lat);
            int b = cells_real(&c, cols[3], "lon", -180, 0, 180, 0, 0, "degrees in -180..180",
                               &m.lon);
            m.has_coords = a == 0 && b == 0;
        } else if (*lat || *lon) {
            int empty = *lat ? cols[3] : cols[2];
            cells_error(&c, empty, "%s is empty but %s is given: give both lat and lon, or neither",
                        *lat ? "lon" : "lat", *lat ? "lat" : "lon");
        }
        if (ok) {
            int first = index_find(&L->mun, code);
            if (first >= 0) {
                cells_error(&c, cols[0], "duplicate code '%s' (first on line %ld)", code,
                            L->mun_line[first]);
                ok = 0;
            }
        }
        if (!ok || !name) {
            free(name);
            continue;
        }
        m.code = dup_str(code);
        m.name = name;
        if (!m.code || GROW(L, s->municipalities, s->nmunicipalities, cap) != 0 ||
            GROW(L, L->mun_line, s->nmunicipalities, lcap) != 0) {
            L->oom = 1;
            free(m.code);
            free(m.name);
            break;
        }
        L->mun_line[s->nmunicipalities] = t.row.line;
        s->municipalities[s->nmunicipalities] = m;
        if (index_add(&L->mun, m.code, s->nmunicipalities) != 0)
            L->oom = 1;
        s->nmunicipalities++;
    }
    close_table(L, TABLE_MUNICIPALITIES, &t, rc);
}

static void load_tracks(Loader *L)
{
    static const ColSpec spec[] = {{"track", 1},     {"name", 1},        {"min_group", 1},
                                   {"max_group", 1}, {"start_every", 0}, {"first_start", 0}};
    int cols[6];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_TRACKS, &t, spec, 6, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    L->track_column = cols[0] + 1;
    Cells c = {&t, L->diags};
    size_t cap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        const char *id;
        int ok = cells_id(&c, cols[0], "track", &id) == 0;
        if (ok && strcmp(id, "*") == 0) {
            /* in every tracks list '*' means all tracks: one named so
             * could never be named alone (independent audit) */
            cells_error(&c, cols[0], "track '*': expected another id ('*' means every track in tracks lists)");
            ok = 0;
        }
        char *name = text(L, &c, cols[1], "name", 1);
        Track tr = {0};
        int a = count(&c, cols[2], "min_group", 1, 0, 0, &tr.min_group);
        int b = count(&c, cols[3], "max_group", 1, 0, 0, &tr.max_group);
        if (a == 0 && b == 0 && tr.min_group > tr.max_group)
            cells_error(&c, cols[3], "max_group '%d' is less than min_group '%d'", tr.max_group,
                        tr.min_group);
        count(&c, cols[4], "start_every", 1, 1, 4, &tr.start_every);
        week(L, &c, cols[5], "first_start", 1, 1, &tr.first_start);
        if (ok) {
            int first = index_find(&L->track, id);
            if (first >= 0) {
                cells_error(&c, cols[0], "duplicate track '%s' (first on line %ld)", id,
                            s->tracks[first].line);
                ok = 0;
            }
        }
        if (!ok || !name) {
            free(name);
            continue;
        }
        tr.id = dup_str(id);
        tr.name = name;
        tr.line = t.row.line;
        if (!tr.id || GROW(L, s->tracks, s->ntracks, cap) != 0) {
            L->oom = 1;
            free(tr.id);
            free(tr.name);
            break;
        }
        s->tracks[s->ntracks] = tr;
        if (index_add(&L->track, tr.id, s->ntracks) != 0)
            L->oom = 1;
        s->ntracks++;
    }
    close_table(L, TABLE_TRACKS, &t, rc);
}

static int modrow_cmp(const void *a, const void *b)
{
    const ModRow *x = a, *y = b;
    if (x->track != y->track)
        return x->track < y->track ? -1 : 1;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static void load_modules(Loader *L)
{
    static const ColSpec spec[] = {{"track", 1}, {"seq", 1},   {"name", 1},
                                   {"kind", 1},  {"weeks", 1}, {"group_cost", 0}};
    static const char *const kinds[] = {"course", "placement"};
    int cols[6];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_MODULES, &t, spec, 6, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    /* tracks with a module row, even a bad one: "no modules" would be noise */
    unsigned char *mentioned = calloc(s->ntracks ? (size_t)s->ntracks : 1, 1);
    if (!mentioned) {
        L->oom = 1;
        csv_table_close(&t);
        return;
    }
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        ModRow m = {0};
        int ok = ref(L, &c, cols[0], "track", &L->track, TABLE_TRACKS, &m.track) == 0;
        if (ok && m.track >= 0)
            mentioned[m.track] = 1;
        ok &= count(&c, cols[1], "seq", 1, 0, 0, &m.seq) == 0;
        char *name = text(L, &c, cols[2], "name", 1);
        int kind = 0;
        int kind_ok = cells_enum(&c, cols[3], "kind", kinds, 2, "course or placement", &kind) == 0;
        m.kind = (ModuleKind)kind;
        count(&c, cols[4], "weeks", 1, 0, 0, &m.weeks);
        if (cells_amount(&c, cols[5], "group_cost", 1, 0, &m.group_cost) == 0 && kind_ok &&
            m.kind == MODULE_PLACEMENT && m.group_cost != 0)
            cells_error(&c, cols[5],
                        "group_cost '%s' on a placement module: expected 0 or empty "
                        "(placements have no groups)",
                        csv_table_cell(&t, cols[5]));
        if (!ok || !name || m.track < 0) {
            free(name);
            continue;
        }
        m.name = name;
        m.line = t.row.line;
        m.seq_column = cols[1] + 1;
        if (GROW(L, L->mods, L->nmods, L->modcap) != 0) {
            free(name);
            break;
        }
        L->mods[L->nmods++] = m;
    }
    close_table(L, TABLE_MODULES, &t, rc);
    if (!L->have[TABLE_MODULES] || !L->have[TABLE_TRACKS] || L->oom) {
        free(mentioned);
        return;
    }

    /* seq must run 1..n per track: sort by (track, seq, line) and walk */
    if (L->nmods > 1) /* qsort of a NULL list, even of none, is undefined */
        qsort(L->mods, L->nmods, sizeof *L->mods, modrow_cmp);
    size_t i = 0;
    while (i < L->nmods) {
        int tr = L->mods[i].track;
        size_t j = i;
        while (j < L->nmods && L->mods[j].track == tr)
            j++;
        Track *track = &s->tracks[tr];
        track->modules = calloc(j - i, sizeof *track->modules);
        if (!track->modules) {
            L->oom = 1;
            free(mentioned);
            return;
        }
        int expect = 1;
        for (size_t k = i; k < j; k++) {
            ModRow *m = &L->mods[k];
            if (k > i && m->seq == L->mods[k - 1].seq) {
                diag_add(L->diags, file_of(L, TABLE_MODULES), m->line, m->seq_column,
                         "duplicate seq '%d' for track '%s' (first on line %ld)", m->seq,
                         track->id, L->mods[k - 1].line);
                continue;
            }
            if (m->seq != expect)
                diag_add(L->diags, file_of(L, TABLE_MODULES), m->line, m->seq_column,
                         "seq '%d' of track '%s': expected %d (seq runs 1..n without gaps)",
                         m->seq, track->id, expect);
            expect = m->seq + 1;
            Module *mod = &track->modules[track->nmodules++];
            mod->name = m->name;
            m->name = NULL;
            mod->kind = m->kind;
            mod->weeks = m->weeks;
            mod->group_cost = m->group_cost;
        }
        i = j;
    }
    for (int t = 0; t < s->ntracks; t++)
        if (s->tracks[t].nmodules == 0 && !mentioned[t])
            diag_add(L->diags, file_of(L, TABLE_TRACKS), s->tracks[t].line, L->track_column,
                     "track '%s' has no modules in %s", s->tracks[t].id,
                     file_of(L, TABLE_MODULES));
    free(mentioned);
}

static void load_centres(Loader *L)
{
    static const ColSpec spec[] = {{"municipality", 1},
                                   {"seats", 1},
                                   {"max_groups", 1},
                                   {"tracks", 0},
                                   {"seat_price_per_week", 0}};
    int cols[5];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_CENTRES, &t, spec, 5, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        Centre ce = {0};
        int ok = ref(L, &c, cols[0], "municipality", &L->mun, TABLE_MUNICIPALITIES,
                     &ce.municipality) == 0;
        count(&c, cols[1], "seats", 0, 0, 0, &ce.seats);
        count(&c, cols[2], "max_groups", 0, 0, 0, &ce.max_groups);
        cells_amount(&c, cols[4], "seat_price_per_week", 1, 0, &ce.seat_price_per_week);
        ce.hosts = calloc(s->ntracks ? (size_t)s->ntracks : 1, 1);
        if (!ce.hosts) {
            L->oom = 1;
            break;
        }
        track_list(L, &c, cols[3], &ce.all_tracks, ce.hosts, NULL, NULL);
        ce.line = t.row.line;
        if (ok && ce.municipality >= 0) {
            for (int k = 0; k < s->ncentres; k++) {
                if (s->centres[k].municipality == ce.municipality) {
                    cells_error(&c, cols[0],
                                "second centre in municipality '%s' (first on line %ld): "
                                "expected at most one per municipality",
                                csv_table_cell(&t, cols[0]), s->centres[k].line);
                    ok = 0;
                    break;
                }
            }
        }
        if (!ok || ce.municipality < 0 || GROW(L, s->centres, s->ncentres, cap) != 0) {
            free(ce.hosts);
            continue;
        }
        s->centres[s->ncentres++] = ce;
    }
    close_table(L, TABLE_CENTRES, &t, rc);
}

static void load_participants(Loader *L)
{
    static const ColSpec spec[] = {{"id", 1},           {"home", 1},          {"group", 1},
                                   {"gender", 1},       {"tracks", 0},        {"earliest_week", 0},
                                   {"latest_week", 0},  {"max_minutes", 0},   {"can_relocate", 0},
                                   {"priority", 0}};
    int cols[10];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_PARTICIPANTS, &t, spec, 10, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        Participant p = {0};
        const char *id = NULL;
        int ok;
        if (pnr_looks_like(csv_table_cell(&t, cols[0]))) {
            /* never echo the number: it is personal data */
            cells_error(&c, cols[0],
                        "id looks like a personal identity number; use a pseudonymous id");
            ok = 0;
        } else {
            ok = cells_id(&c, cols[0], "id", &id) == 0;
        }
        ref(L, &c, cols[1], "home", &L->mun, TABLE_MUNICIPALITIES, &p.home);
        int g = 0, gd = 0;
        cells_enum(&c, cols[2], "group", group_names, GROUP_COUNT,
                   "youth, newcomer, longterm or other", &g);
        cells_enum(&c, cols[3], "gender", gender_names, GENDER_COUNT,
                   "woman, man, other or unknown", &gd);
        p.group = (Group)g;
        p.gender = (Gender)gd;
        int any;
        track_list(L, &c, cols[4], &any, NULL, &p.prefs, &p.nprefs);
        int a = week(L, &c, cols[5], "earliest_week", 1, 1, &p.earliest_week);
        int b = week(L, &c, cols[6], "latest_week", 1, s->weeks, &p.latest_week);
        if (a == 0 && b == 0 && p.earliest_week > p.latest_week)
            cells_error(&c, cols[6] >= 0 ? cols[6] : cols[5],
                        "latest_week '%d' is before earliest_week '%d'", p.latest_week,
                        p.earliest_week);
        cells_amount(&c, cols[7], "max_minutes", 1, s->travel.max_daily_minutes, &p.max_minutes);
        flag(&c, cols[8], "can_relocate", &p.can_relocate);
        cells_amount(&c, cols[9], "priority", 1, 1, &p.priority);
        p.line = t.row.line;
        if (ok) {
            int first = index_find(&L->part, id);
            if (first >= 0) {
                cells_error(&c, cols[0], "duplicate id '%s' (first on line %ld)", id,
                            s->participants[first].line);
                ok = 0;
            }
        }
        if (ok)
            p.id = dup_str(id);
        if (!ok || !p.id || GROW(L, s->participants, s->nparticipants, cap) != 0) {
            if (ok && !p.id)
                L->oom = 1;
            free(p.id);
            free(p.prefs);
            continue;
        }
        s->participants[s->nparticipants] = p;
        if (index_add(&L->part, p.id, s->nparticipants) != 0)
            L->oom = 1;
        s->nparticipants++;
    }
    close_table(L, TABLE_PARTICIPANTS, &t, rc);
}

static void load_slots(Loader *L)
{
    static const ColSpec spec[] = {{"id", 1},      {"municipality", 1}, {"capacity", 1},
                                   {"from_week", 1}, {"to_week", 1},    {"tracks", 0},
                                   {"employer", 0}, {"owner", 0},       {"permanent", 0}};
    int cols[9];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_SLOTS, &t, spec, 9, cols);
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        Slot sl = {0};
        const char *id;
        int ok = cells_id(&c, cols[0], "id", &id) == 0;
        ref(L, &c, cols[1], "municipality", &L->mun, TABLE_MUNICIPALITIES, &sl.municipality);
        count(&c, cols[2], "capacity", 0, 0, 0, &sl.capacity);
        int a = week(L, &c, cols[3], "from_week", 0, 0, &sl.from_week);
        int b = week(L, &c, cols[4], "to_week", 0, 0, &sl.to_week);
        if (a == 0 && b == 0 && sl.from_week > sl.to_week)
            cells_error(&c, cols[4], "to_week '%d' is before from_week '%d'", sl.to_week,
                        sl.from_week);
        sl.accepts = calloc(s->ntracks ? (size_t)s->ntracks : 1, 1);
        sl.employer = text(L, &c, cols[6], "employer", 0);
        sl.owner = text(L, &c, cols[7], "owner", 0);
        if (!sl.accepts)
            L->oom = 1;
        else
            track_list(L, &c, cols[5], &sl.all_tracks, sl.accepts, NULL, NULL);
        flag(&c, cols[8], "permanent", &sl.permanent);
        sl.line = t.row.line;
        if (ok) {
            int first = index_find(&L->slot, id);
            if (first >= 0) {
                cells_error(&c, cols[0], "duplicate id '%s' (first on line %ld)", id,
                            s->slots[first].line);
                ok = 0;
            }
        }
        if (ok)
            sl.id = dup_str(id);
        if (!ok || L->oom || !sl.id || GROW(L, s->slots, s->nslots, cap) != 0) {
            if (ok && !sl.id)
                L->oom = 1;
            free(sl.id);
            free(sl.accepts);
            free(sl.employer);
            free(sl.owner);
            continue;
        }
        s->slots[s->nslots] = sl;
        if (index_add(&L->slot, sl.id, s->nslots) != 0)
            L->oom = 1;
        s->nslots++;
    }
    close_table(L, TABLE_SLOTS, &t, rc);
}

static void load_reservations(Loader *L)
{
    static const ColSpec spec[] = {
        {"slot", 1}, {"from_week", 1}, {"to_week", 1}, {"count", 1}, {"holder", 0}};
    int cols[5];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_RESERVATIONS, &t, spec, 5, cols);
    if (rc == OPEN_ABSENT)
        L->have[TABLE_RESERVATIONS] = 1;
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        Reservation r = {0};
        int ok = ref(L, &c, cols[0], "slot", &L->slot, TABLE_SLOTS, &r.slot) == 0;
        int a = week(L, &c, cols[1], "from_week", 0, 0, &r.from_week);
        int b = week(L, &c, cols[2], "to_week", 0, 0, &r.to_week);
        if (a == 0 && b == 0 && r.from_week > r.to_week)
            cells_error(&c, cols[2], "to_week '%d' is before from_week '%d'", r.to_week,
                        r.from_week);
        count(&c, cols[3], "count", 0, 0, 0, &r.count);
        r.holder = text(L, &c, cols[4], "holder", 0);
        r.line = t.row.line;
        if (!ok || r.slot < 0 || !r.holder ||
            GROW(L, s->reservations, s->nreservations, cap) != 0) {
            free(r.holder);
            continue;
        }
        s->reservations[s->nreservations++] = r;
    }
    close_table(L, TABLE_RESERVATIONS, &t, rc);
}

static void load_distances(Loader *L)
{
    static const ColSpec spec[] = {{"from", 1}, {"to", 1}, {"minutes", 1}, {"km", 1}};
    int cols[4];
    CsvTable t;
    Scenario *s = L->s;
    int rc = open_table(L, TABLE_DISTANCES, &t, spec, 4, cols);
    if (rc == OPEN_ABSENT)
        L->have[TABLE_DISTANCES] = 1;
    if (rc != OPEN_OK) {
        csv_table_close(&t);
        return;
    }
    Cells c = {&t, L->diags};
    size_t cap = 0, lcap = 0, kcap = 0;
    size_t nkeys = L->npair_keys;
    while (!L->oom && (rc = csv_table_next(&t, L->diags)) == CSV_ROW) {
        s->ndistances++;
        TravelRow r = {-1, -1, NAN, NAN};
        int ok = ref(L, &c, cols[0], "from", &L->mun, TABLE_MUNICIPALITIES, &r.from) == 0;
        ok &= ref(L, &c, cols[1], "to", &L->mun, TABLE_MUNICIPALITIES, &r.to) == 0;
        const char *mv = csv_table_cell(&t, cols[2]), *kv = csv_table_cell(&t, cols[3]);
        if (!*mv && !*kv) {
            cells_error(&c, cols[2], "minutes and km are both empty: expected at least one");
            ok = 0;
        }
        if (*mv && cells_amount(&c, cols[2], "minutes", 0, 0, &r.minutes) != 0)
            ok = 0;
        if (*kv && cells_amount(&c, cols[3], "km", 0, 0, &r.km) != 0)
            ok = 0;
        if (!ok || r.from < 0 || r.to < 0)
            continue;
        /* SPEC §1: from a municipality to itself is always 0 min, 0 km;
         * a row saying otherwise is ignored, but not silently (tester,
         * twenty-sixth session) */
        if (r.from == r.to && ((!isnan(r.minutes) && r.minutes != 0) || (!isnan(r.km) && r.km != 0)))
            diag_add(&s->warnings, file_of(L, TABLE_DISTANCES), t.row.line, (long)cols[0] + 1,
                     "warning: a distance from '%s' to itself is ignored: travel within a municipality "
                     "is always 0 min, 0 km", s->municipalities[r.from].code);
        /* duplicate (from, to) rows */
        const char *fc = s->municipalities[r.from].code, *tc = s->municipalities[r.to].code;
        size_t klen = strlen(fc) + strlen(tc) + 2;
        char *key = malloc(klen);
        if (!key || GROW(L, L->pair_keys, nkeys, kcap) != 0) {
            free(key);
            L->oom = 1;
            break;
        }
        snprintf(key, klen, "%s;%s", fc, tc); /* ';' cannot occur in a code */
        int first = index_find(&L->pairs, key);
        if (first >= 0) {
            cells_error(&c, cols[0], "duplicate distance from '%s' to '%s' (first on line %ld)",
                        fc, tc, L->drow_line[first]);
            free(key);
            continue;
        }
        L->pair_keys[nkeys++] = key;
        if (GROW(L, L->drows, L->ndrows, cap) != 0 ||
            GROW(L, L->drow_line, L->ndrows, lcap) != 0 ||
            index_add(&L->pairs, key, (int)L->ndrows) != 0) {
            L->oom = 1;
            break;
        }
        L->drow_line[L->ndrows] = t.row.line;
        L->drows[L->ndrows++] = r;
    }
    L->npair_keys = nkeys;
    close_table(L, TABLE_DISTANCES, &t, rc);
}

/* ---- derived values ---------------------------------------------------------- */

/* a + b for week sums (each at most BIG), stopping at TRACK_WEEKS_CAP */
static int add_weeks_capped(int a, int b)
{
    long sum = (long)a + b;
    return sum > TRACK_WEEKS_CAP ? TRACK_WEEKS_CAP : (int)sum;
}

static int derive(Loader *L)
{
    Scenario *s = L->s;
    for (int t = 0; t < s->ntracks; t++) {
        Track *tr = &s->tracks[t];
        int offset = 0;
        for (int m = 0; m < tr->nmodules; m++) {
            Module *mod = &tr->modules[m];
            mod->offset = offset;
            offset = add_weeks_capped(offset, mod->weeks);
            if (mod->kind == MODULE_COURSE) {
                tr->has_course = 1;
                tr->course_weeks = add_weeks_capped(tr->course_weeks, mod->weeks);
                tr->group_cost += mod->group_cost;
            }
        }
        tr->total_weeks = offset;
        /* valid (SPEC §1: cohorts start only where the whole track ends by
         * week W), but almost surely a mistake in weeks or the horizon */
        if (tr->nmodules > 0 && (long)tr->first_start + tr->total_weeks - 1 > s->weeks)
            diag_add(&s->warnings, file_of(L, TABLE_MODULES), 0, 0,
                     "warning: track '%s' takes %s%d weeks%s, more than the %d-week horizon allows: no cohort of "
                     "it can start",
                     tr->id, tr->total_weeks >= TRACK_WEEKS_CAP ? "at least " : "", tr->total_weeks,
                     tr->first_start > 1 ? " from its first start" : "", s->weeks);
    }
    s->centre_of = malloc((s->nmunicipalities ? (size_t)s->nmunicipalities : 1) * sizeof(int));
    if (!s->centre_of)
        return -1;
    for (int h = 0; h < s->nmunicipalities; h++)
        s->centre_of[h] = -1;
    for (int k = 0; k < s->ncentres; k++)
        s->centre_of[s->centres[k].municipality] = k;
    for (int k = 0; k < s->nslots; k++) {
        Slot *sl = &s->slots[k];
        sl->room = calloc((size_t)s->weeks + 1, sizeof *sl->room);
        if (!sl->room)
            return -1;
        for (int w = sl->from_week; w <= sl->to_week; w++)
            sl->room[w] = sl->capacity;
    }
    for (int r = 0; r < s->nreservations; r++) {
        const Reservation *res = &s->reservations[r];
        Slot *sl = &s->slots[res->slot];
        for (int w = res->from_week; w <= res->to_week; w++) {
            if (w < sl->from_week || w > sl->to_week)
                continue;
            sl->room[w] = sl->room[w] > res->count ? sl->room[w] - res->count : 0;
        }
    }
    return travel_build(s, L->drows, L->ndrows);
}

static void loader_release(Loader *L)
{
    index_release(&L->mun);
    index_release(&L->track);
    index_release(&L->part);
    index_release(&L->slot);
    index_release(&L->pairs);
    free(L->mun_line);
    for (size_t i = 0; i < L->nmods; i++)
        free(L->mods[i].name);
    free(L->mods);
    free(L->drows);
    free(L->drow_line);
    for (size_t i = 0; i < L->npair_keys; i++)
        free(L->pair_keys[i]);
    free(L->pair_keys);
}

/* A load that failed: its warnings go with its problems (a typo in a key
 * may be what left a required value missing: "strat"), then s is freed. */
static void failed_load(Scenario *s, DiagList *diags)
{
    for (size_t i = 0; i < s->warnings.count; i++) {
        const Diag *w = &s->warnings.items[i];
        diag_add(diags, w->file, w->line, w->column, "%s", w->message);
    }
    scenario_free(s);
}

int scenario_load(const char *dir, const char *variant, Scenario **out, DiagList *diags)
{
    *out = NULL;
    size_t before = diag_total(diags);
    Scenario *s = calloc(1, sizeof *s);
    if (!s) {
        diag_add(diags, "", 0, 0, "out of memory");
        return 1;
    }
    /* values refused in scenario.json keep their defaults, and the tables
     * are still checked, so that one run lists every problem */
    int rc = scenario_json_read(s, dir, variant, diags);
    if (rc != 0 && rc != SCENARIO_JSON_PARTIAL) {
        failed_load(s, diags);
        return rc;
    }
    Loader L = {0};
    L.s = s;
    L.diags = diags;
    load_municipalities(&L);
    if (!L.oom)
        load_tracks(&L);
    if (!L.oom)
        load_modules(&L);
    if (!L.oom)
        load_centres(&L);
    if (!L.oom)
        load_participants(&L);
    if (!L.oom)
        load_slots(&L);
    if (!L.oom)
        load_reservations(&L);
    if (!L.oom)
        load_distances(&L);
    if (L.oom) {
        rc = 1;
        diag_add(diags, "", 0, 0, "out of memory while loading '%s'", dir);
    } else if (diag_total(diags) > before) {
        rc = 2;
    } else if (derive(&L) != 0) {
        rc = 1;
        diag_add(diags, "", 0, 0, "out of memory while loading '%s'", dir);
    }
    loader_release(&L);
    if (rc != 0) {
        failed_load(s, diags);
        return rc;
    }
    *out = s;
    return 0;
}

int scenario_list_variants(const char *dir, char ***names, int *count, DiagList *diags)
{
    return scenario_json_variants(dir, names, count, diags);
}
