/*
 * csv_table.h — reading one CSV table (SPEC §1) row by row through libcsv.
 *
 * RFC 4180 in strict mode: header row, comma, double quotes (doubled inside a
 * quoted cell), LF or CRLF, an optional UTF-8 BOM. Cells and header names are
 * trimmed, blank lines skipped, short rows padded with empty cells; a row with
 * more cells than the header, a duplicated header name, malformed quotes, NUL
 * bytes and invalid UTF-8 are reported as diagnostics. The file is streamed
 * with fread in 64 KiB chunks and only the current row is kept, so a 100 MB
 * file costs memory for its longest row only.
 *
 * Every cell carries the physical line where it starts (a quoted cell may
 * span lines) and its 1-based column, the cell's position in the row.
 *
 * Calling sequence:
 *     CsvTable t;
 *     rc = csv_table_open(&t, path, "participants.csv", diags);   // 0, 2 or 1
 *     while ((rc = csv_table_next(&t, diags)) == CSV_ROW) { ...cells... }
 *     csv_table_close(&t);                                         // always
 */
#ifndef SAMPLAN_CSV_TABLE_H
#define SAMPLAN_CSV_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "../model/diag.h"

/* Most columns a header may have; more is reported as an error. */
#define CSV_MAX_COLUMNS 1000

typedef struct CsvRecord {
    char **cells;     /* owned; [ncells] NUL-terminated, trimmed */
    long *lines;      /* owned; [ncells] physical line where each cell starts */
    size_t ncells;    /* cells stored (never more than the header's count for data rows) */
    size_t seen;      /* cells in the row, including ones not stored */
    size_t cap;
    long line;        /* physical line where the record starts */
    int bad;          /* 1 when a cell had invalid bytes (already reported) */
} CsvRecord;

typedef struct CsvTable {
    char *label;         /* owned; file name used in messages */
    FILE *fp;
    void *parser;        /* owned; struct csv_parser */
    char **header;       /* owned; [ncols] trimmed names */
    size_t ncols;
    long header_line;    /* line of the header row, 0 when the file is empty */

    CsvRecord row;       /* the current data row, valid after CSV_ROW */

    /* parsing state */
    CsvRecord building;  /* record being assembled by the libcsv callbacks */
    CsvRecord *queue;    /* owned; completed records not yet handed out */
    size_t qhead, qcount, qcap;
    long line;           /* physical line being fed to libcsv */
    long field_start;    /* line where the current cell started */
    long record_start;   /* line where the current record started */
    int at_start;        /* 1 until the BOM check was done */
    int eof;             /* 1 once the file was read to its end */
    int failed;          /* 1 after a fatal problem (malformed quotes, encoding) */
    int oom;             /* 1 after an out-of-memory failure */
    long cr_column;      /* > 0: the last chunk ended in a CR outside quotes, in this cell */
    DiagList *diags;     /* borrowed during calls */
} CsvTable;

enum { CSV_END = 0, CSV_ROW = 1 };

/* Opens `path` and reads the header. Returns 0 (header read: ncols ≥ 1),
 * 2 (a problem recorded in diags: unreadable, empty, bad header), or 1 (out
 * of memory or an I/O error, recorded too). csv_table_close must be called
 * in every case. */
int csv_table_open(CsvTable *t, const char *path, const char *label, DiagList *diags);

/* Advances to the next data row. Returns CSV_ROW (t->row holds the row),
 * CSV_END at the end of the file, 2 when reading cannot go on (problem
 * recorded), or 1 on out-of-memory / I/O error. A row with more cells than
 * the header is reported and still returned with its first ncols cells, so
 * that its identifier does not cause a cascade of "unknown" messages. */
int csv_table_next(CsvTable *t, DiagList *diags);

/* Index of the column named `name`, or −1. */
int csv_table_column(const CsvTable *t, const char *name);

/* Text of column `col` in the current row: "" for a short row or col < 0. */
const char *csv_table_cell(const CsvTable *t, int col);

/* Physical line of the cell (the record's line for a missing cell). */
long csv_table_cell_line(const CsvTable *t, int col);

/* Frees everything and closes the file; accepts a table that failed to open. */
void csv_table_close(CsvTable *t);

/* 1 when the bytes are valid UTF-8 without NUL (len bytes of s). */
int csv_valid_utf8(const unsigned char *s, size_t len);

#endif
