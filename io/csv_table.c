/*
 * csv_table.c — libcsv wrapper with line numbers, trimming and encoding
 * checks (see csv_table.h).
 *
 * libcsv is push-based and does not report positions, so the file is fed to
 * csv_parse one physical line at a time: before each line the parser's state
 * tells whether a record (and a cell) starts on it, or whether a quoted cell
 * carries on from the previous line.
 */
#include "csv_table.h"

#include "file_kind.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (64 * 1024)
#define PSTATE_ROW_NOT_BEGUN 0 /* libcsv's parser state before a record */
#define PSTATE_FIELD_BEGUN 2   /* ... and inside a cell (quoted when p->quoted) */

int csv_valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned int cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + n >= len)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

static void record_release(CsvRecord *r)
{
    for (size_t i = 0; i < r->ncells; i++)
        free(r->cells[i]);
    free(r->cells);
    free(r->lines);
    memset(r, 0, sizeof *r);
}

static char *trimmed_copy(const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    memcpy(out, s, len);
    out[len] = '\0';
    return out;
}

static void on_field(void *s, size_t len, void *data)
{
    CsvTable *t = data;
    CsvRecord *r = &t->building;
    if (t->failed || t->oom)
        return;
    size_t column = r->seen + 1;
    r->seen++;
    if (!csv_valid_utf8(s, len)) {
        if (memchr(s, 0, len))
            diag_add(t->diags, t->label, t->field_start, (long)column,
                     "NUL byte in cell: expected a UTF-8 text file, not binary data");
        else
            diag_add(t->diags, t->label, t->field_start, (long)column,
                     "invalid UTF-8 in cell: save the file as UTF-8");
        t->failed = 1;
        t->field_start = t->line;
        return;
    }
    size_t limit = t->header ? t->ncols : CSV_MAX_COLUMNS + 1;
    if (r->ncells < limit) {
        if (r->ncells == r->cap) {
            size_t cap = r->cap ? 2 * r->cap : 16;
            char **cells = realloc(r->cells, cap * sizeof *cells);
            if (!cells) {
                t->oom = 1;
                return;
            }
            r->cells = cells;
            long *lines = realloc(r->lines, cap * sizeof *lines);
            if (!lines) {
                t->oom = 1;
                return;
            }
            r->lines = lines;
            r->cap = cap;
        }
        char *text = trimmed_copy(s, len);
        if (!text) {
            t->oom = 1;
            return;
        }
        r->cells[r->ncells] = text;
        r->lines[r->ncells] = t->field_start;
        r->ncells++;
    }
    t->field_start = t->line;
}

static void on_record(int c, void *data)
{
    CsvTable *t = data;
    (void)c;
    if (t->failed || t->oom) {
        record_release(&t->building);
        return;
    }
    CsvRecord *r = &t->building;
    r->line = t->record_start;
    int blank = 1; /* a row of empty cells (",,,") counts as a blank line */
    for (size_t i = 0; i < r->ncells && blank; i++)
        if (r->cells[i][0])
            blank = 0;
    if (blank && r->seen == r->ncells) {
        record_release(r);
        return;
    }
    if (t->qhead + t->qcount == t->qcap) {
        if (t->qhead > 0) {
            memmove(t->queue, t->queue + t->qhead, t->qcount * sizeof *t->queue);
            t->qhead = 0;
        } else {
            size_t cap = t->qcap ? 2 * t->qcap : 64;
            CsvRecord *q = realloc(t->queue, cap * sizeof *q);
            if (!q) {
                t->oom = 1;
                record_release(r);
                return;
            }
            t->queue = q;
            t->qcap = cap;
        }
    }
    t->queue[t->qhead + t->qcount++] = *r;
    memset(r, 0, sizeof *r);
}

static void report_parse_error(CsvTable *t, struct csv_parser *p, long line)
{
    if (csv_error(p) == CSV_EPARSE)
        diag_add(t->diags, t->label, line, (long)t->building.seen + 1,
                 "malformed quotes: a cell holding a quote must be quoted as a whole, "
                 "with the quote doubled (\"\")");
    else
        t->oom = 1;
    t->failed = 1;
}

/* Parses buf[from, to) of the current line. Returns 0, or −1 after
 * reporting a problem. */
static int parse_span(CsvTable *t, const char *buf, size_t from, size_t to)
{
    struct csv_parser *p = t->parser;
    if (csv_parse(p, buf + from, to - from, on_field, on_record, t) < to - from) {
        if (!t->failed && !t->oom)
            report_parse_error(t, p, t->line);
        return -1;
    }
    return 0;
}

/* 1 when the parser is inside a quoted cell, where a CR is content */
static int in_quoted_cell(const struct csv_parser *p)
{
    return p->pstate == PSTATE_FIELD_BEGUN && p->quoted;
}

static void report_lone_cr(CsvTable *t, long column)
{
    diag_add(t->diags, t->label, t->line, column,
             "a carriage return (CR) not followed by a line feed: expected LF or CRLF line ends");
    t->failed = 1;
}

/* Feeds n bytes, one physical line at a time. libcsv ends a record at a
 * lone CR too, so one outside a quoted cell in the middle of a line is
 * reported instead of silently starting a row (independent audit,
 * twenty-third session); a CR that ends a chunk waits for the next. */
static void feed(CsvTable *t, const char *buf, size_t n)
{
    struct csv_parser *p = t->parser;
    size_t pos = 0;
    if (t->cr_column > 0 && n > 0) {
        if (buf[0] != '\n') {
            report_lone_cr(t, t->cr_column);
            return;
        }
        t->cr_column = 0;
    }
    while (pos < n && !t->failed && !t->oom) {
        if (p->pstate == PSTATE_ROW_NOT_BEGUN && t->building.seen == 0)
            t->record_start = t->field_start = t->line;
        const char *nl = memchr(buf + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - buf) + 1 : n;
        size_t from = pos;
        for (const char *cr = memchr(buf + pos, '\r', end - pos); cr;
             cr = memchr(cr + 1, '\r', end - (size_t)(cr + 1 - buf))) {
            size_t at = (size_t)(cr - buf);
            if (at + 1 < end && buf[at + 1] == '\n')
                continue; /* CRLF */
            if (parse_span(t, buf, from, at) != 0)
                return;
            from = at;
            if (in_quoted_cell(p))
                continue;
            if (at + 1 == end && !nl) {
                t->cr_column = (long)t->building.seen + 1; /* the chunk ends here */
                break;
            }
            report_lone_cr(t, (long)t->building.seen + 1);
            return;
        }
        if (parse_span(t, buf, from, end) != 0)
            return;
        pos = end;
        if (nl)
            t->line++;
    }
}

/* Reads and parses one chunk. Returns 0, or 1 on an I/O error. */
static int fill(CsvTable *t)
{
    char *buf = malloc(CHUNK);
    if (!buf) {
        t->oom = 1;
        return 0;
    }
    size_t n = fread(buf, 1, CHUNK, t->fp);
    if (n == 0) {
        free(buf);
        if (ferror(t->fp)) {
            diag_add(t->diags, t->label, 0, 0, "cannot read file: %s", strerror(errno));
            t->failed = 1;
            return 1;
        }
        t->eof = 1;
        if (t->cr_column > 0) { /* the file ends in a CR alone */
            report_lone_cr(t, t->cr_column);
            return 0;
        }
        struct csv_parser *p = t->parser;
        long start = t->field_start;
        if (!t->failed && !t->oom && csv_fini(p, on_field, on_record, t) != 0) {
            if (csv_error(p) == CSV_EPARSE) {
                diag_add(t->diags, t->label, start, (long)t->building.seen + 1,
                         "unterminated quoted cell: expected a closing quote");
                t->failed = 1;
            } else {
                t->oom = 1;
            }
        }
        return 0;
    }
    size_t off = 0;
    if (t->at_start) {
        t->at_start = 0;
        if (n >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
            (unsigned char)buf[2] == 0xBF)
            off = 3;
    }
    feed(t, buf + off, n - off);
    free(buf);
    return 0;
}

/* Pops the next complete record into *out. Returns CSV_ROW, CSV_END, 2, 1. */
static int next_record(CsvTable *t, CsvRecord *out)
{
    while (t->qcount == 0) {
        if (t->oom) {
            diag_add(t->diags, t->label, 0, 0, "out of memory while reading");
            return 1;
        }
        if (t->failed)
            return 2;
        if (t->eof)
            return CSV_END;
        if (fill(t))
            return 1;
    }
    *out = t->queue[t->qhead++];
    t->qcount--;
    if (t->qcount == 0)
        t->qhead = 0;
    return CSV_ROW;
}

/* 1 when the file's first block has a CR and no LF: lines ended by CR
 * alone, which the CSV reader would take as one line and so report every
 * problem at line 1. The file is rewound. */
static int cr_only_lines(FILE *fp)
{
    char buf[CHUNK];
    size_t n = fread(buf, 1, sizeof buf, fp);
    int cr = memchr(buf, '\r', n) != NULL, lf = memchr(buf, '\n', n) != NULL;
    rewind(fp);
    return cr && !lf;
}

int csv_table_open(CsvTable *t, const char *path, const char *label, DiagList *diags)
{
    memset(t, 0, sizeof *t);
    t->diags = diags;
    t->line = 1;
    t->at_start = 1;
    t->label = malloc(strlen(label) + 1);
    if (!t->label) {
        diag_add(diags, label, 0, 0, "out of memory");
        return 1;
    }
    strcpy(t->label, label);
    const char *kind = NULL;
    t->fp = file_kind_open(path, &kind);
    if (kind) {
        diag_add(diags, label, 0, 0, "is %s: expected a CSV file", kind);
        return 2;
    }
    if (!t->fp) {
        int e = errno;
        if (e == ENOENT)
            diag_add(diags, label, 0, 0, "file not found");
        else
            diag_add(diags, label, 0, 0, "cannot open file: %s", strerror(e));
        /* the path is what is wrong (ENOTDIR, ELOOP, ENAMETOOLONG…), not
         * the machine, unless memory ran out */
        return e == ENOMEM ? 1 : 2;
    }
    if (cr_only_lines(t->fp)) {
        diag_add(diags, label, 1, 1, "line ends are a lone CR (old Mac text): expected LF or CRLF");
        return 2;
    }
    struct csv_parser *p = malloc(sizeof *p);
    if (!p || csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        free(p);
        diag_add(diags, label, 0, 0, "out of memory");
        return 1;
    }
    csv_set_blk_size(p, CHUNK);
    t->parser = p;

    CsvRecord head = {0};
    int rc = next_record(t, &head);
    if (rc == CSV_END) {
        diag_add(diags, label, 1, 1, "file is empty: expected a header row"); /* where the header belongs */
        return 2;
    }
    if (rc != CSV_ROW)
        return rc;
    t->header_line = head.line;
    if (head.seen > CSV_MAX_COLUMNS) {
        diag_add(diags, label, head.line, (long)CSV_MAX_COLUMNS + 1, "header has %zu columns: expected at most %d",
                 head.seen, CSV_MAX_COLUMNS);
        record_release(&head);
        return 2;
    }
    t->header = head.cells;
    t->ncols = head.ncells;
    free(head.lines);
    rc = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->header[i][0])
            continue;
        for (size_t j = 0; j < i; j++) {
            if (strcmp(t->header[i], t->header[j]) == 0) {
                diag_add(diags, label, t->header_line, (long)i + 1,
                         "duplicate column '%s' (also column %zu)", t->header[i], j + 1);
                rc = 2;
                break;
            }
        }
    }
    return rc;
}

int csv_table_next(CsvTable *t, DiagList *diags)
{
    t->diags = diags;
    record_release(&t->row);
    int rc = next_record(t, &t->row);
    if (rc != CSV_ROW)
        return rc;
    if (t->row.seen > t->ncols)
        diag_add(diags, t->label, t->row.line, (long)t->ncols + 1,
                 "row has %zu cells: expected at most %zu, as in the header", t->row.seen,
                 t->ncols);
    return CSV_ROW;
}

int csv_table_column(const CsvTable *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->header[i], name) == 0)
            return (int)i;
    return -1;
}

const char *csv_table_cell(const CsvTable *t, int col)
{
    if (col < 0 || (size_t)col >= t->row.ncells)
        return "";
    return t->row.cells[col];
}

long csv_table_cell_line(const CsvTable *t, int col)
{
    if (col < 0 || (size_t)col >= t->row.ncells)
        return t->row.line;
    return t->row.lines[col];
}

void csv_table_close(CsvTable *t)
{
    if (t->parser) {
        csv_free(t->parser);
        free(t->parser);
    }
    if (t->fp)
        fclose(t->fp);
    for (size_t i = 0; i < t->ncols; i++)
        free(t->header[i]);
    free(t->header);
    record_release(&t->row);
    record_release(&t->building);
    for (size_t i = 0; i < t->qcount; i++)
        record_release(&t->queue[t->qhead + i]);
    free(t->queue);
    free(t->label);
    memset(t, 0, sizeof *t);
}
