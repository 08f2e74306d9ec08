/*
 * csv_write.h — writing RFC 4180 CSV rows and numbers that round-trip.
 *
 * A CsvOut wraps a FILE and remembers the column of the current row, so
 * callers add cells one by one and end the row with csv_end(). A cell is
 * quoted when it holds a comma, a double quote, CR or LF, or begins or ends
 * with a space (readers trim unquoted spaces, SPEC §1); quotes are doubled.
 * Rows end with LF. Write errors are sticky in the FILE (check ferror).
 *
 * Numbers (SPEC §3): a decimal point, never a locale comma, and the shortest
 * text that reads back as the same double; integral values print without a
 * fraction ("3", not "3.0"), and plain notation is preferred over exponents.
 */
#ifndef SAMPLAN_CSV_WRITE_H
#define SAMPLAN_CSV_WRITE_H

#include <stdio.h>

/* Room for any double in fixed notation: 309 digits for 1e308, 340 or so
 * for the smallest subnormal. */
#define SP_NUMBER_BUF 400

typedef struct CsvOut {
    FILE *f;  /* not owned */
    int col;  /* cells written in the current row */
} CsvOut;

/* Formats v as the shortest round-tripping decimal into buf (at least
 * SP_NUMBER_BUF bytes), in fixed notation (never an exponent), and
 * returns buf. −0 prints as "0"; NaN as "nan" and infinities as
 * "inf"/"-inf" (plans never hold them). */
char *sp_format_double(double v, char *buf);

/* The same, with a decimal point always ("3000.0", "0.0"): for amounts
 * of money, which are real numbers even when whole. */
char *sp_format_real(double v, char *buf);

/* Writes s to f, quoted when needed. NULL writes nothing (empty cell). */
void csv_write_field(FILE *f, const char *s);

/* Cell appenders: a string (NULL = empty), an empty cell, an integer, a
 * number formatted by sp_format_double. */
void csv_str(CsvOut *o, const char *s);
void csv_empty(CsvOut *o);
void csv_int(CsvOut *o, long v);
void csv_num(CsvOut *o, double v);
void csv_real(CsvOut *o, double v); /* by sp_format_real */

/* Ends the row with LF. */
void csv_end(CsvOut *o);

/* Writes a header row from a comma-separated list of plain names. */
void csv_header(FILE *f, const char *names);

#endif
