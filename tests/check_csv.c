/*
 * check_csv.c — io/csv_table.c: RFC 4180 edge cases, positions of cells,
 * and files that must be refused cleanly (binary, invalid UTF-8, malformed
 * quotes) or read without trouble (a 10 000-character cell, a large file).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../io/csv_table.h"

static char path[256];

static void write_bytes(const char *bytes, size_t len)
{
    snprintf(path, sizeof path, "/tmp/check_csv_%ld.csv", (long)getpid());
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
    fclose(f);
}

#define WRITE(lit) write_bytes(lit, sizeof(lit) - 1)

/* Reads the whole table into one string "a|b/c|d/" with cells joined by
 * '|' and rows ended by '/', plus "@line:col" for every cell when
 * with_pos; diagnostics are formatted into diag_out. Returns the last rc. */
static int dump(char *out, size_t size, int with_pos, char *diag_out, size_t dsize)
{
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    out[0] = '\0';
    int rc = csv_table_open(&t, path, "t.csv", &d);
    if (rc == 0) {
        for (size_t i = 0; i < t.ncols; i++) {
            strncat(out, t.header[i], size - strlen(out) - 1);
            strncat(out, i + 1 < t.ncols ? "|" : "/", size - strlen(out) - 1);
        }
        while ((rc = csv_table_next(&t, &d)) == CSV_ROW) {
            for (size_t i = 0; i < t.ncols; i++) {
                char pos[64] = "";
                if (with_pos)
                    snprintf(pos, sizeof pos, "@%ld:%zu", csv_table_cell_line(&t, (int)i), i + 1);
                strncat(out, csv_table_cell(&t, (int)i), size - strlen(out) - 1);
                strncat(out, pos, size - strlen(out) - 1);
                strncat(out, i + 1 < t.ncols ? "|" : "/", size - strlen(out) - 1);
            }
        }
    }
    csv_table_close(&t);
    diag_out[0] = '\0';
    for (size_t i = 0; i < d.count; i++) {
        char buf[512];
        diag_format(&d.items[i], buf, sizeof buf);
        strncat(diag_out, buf, dsize - strlen(diag_out) - 1);
        strncat(diag_out, "\n", dsize - strlen(diag_out) - 1);
    }
    diag_release(&d);
    unlink(path);
    return rc;
}

static char got[1 << 16], diags[4096];

START_TEST(plain_lf)
{
    WRITE("a,b\n1,2\n3,4\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/1|2/3|4/");
    ck_assert_str_eq(diags, "");
}
END_TEST

START_TEST(bom_crlf_no_final_newline)
{
    WRITE("\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4");
    ck_assert_int_eq(dump(got, sizeof got, 1, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/1@2:1|2@2:2/3@3:1|4@3:2/");
}
END_TEST

START_TEST(quotes_commas_newlines_doubled)
{
    WRITE("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nz,\"\",last\n");
    ck_assert_int_eq(dump(got, sizeof got, 1, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b|c/x, y@2:1|say \"hi\"@2:2|two\nlines@2:3/z@4:1|@4:2|last@4:3/");
}
END_TEST

START_TEST(cell_starting_after_multiline_cell)
{
    WRITE("a,b,c\n\"one\ntwo\nthree\",after,x\n");
    ck_assert_int_eq(dump(got, sizeof got, 1, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b|c/one\ntwo\nthree@2:1|after@4:2|x@4:3/");
}
END_TEST

START_TEST(trimming)
{
    WRITE("  a , b\t\n  1  ,\t 2 \n\" 3 \", 4\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/1|2/3|4/");
}
END_TEST

START_TEST(short_rows_and_blank_lines)
{
    WRITE("a,b,c\n\n1\n   \n\r\n1,2\n,,\n4,5,6\n\n");
    ck_assert_int_eq(dump(got, sizeof got, 1, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b|c/1@3:1|@3:2|@3:3/1@6:1|2@6:2|@6:3/4@8:1|5@8:2|6@8:3/");
    ck_assert_str_eq(diags, "");
}
END_TEST

START_TEST(long_row_is_an_error)
{
    WRITE("a,b\n1,2,3\n4,5\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/1|2/4|5/");
    ck_assert_str_eq(diags, "t.csv:2:3: row has 3 cells: expected at most 2, as in the header\n");
}
END_TEST

START_TEST(duplicate_header)
{
    WRITE("a,b,a\n1,2,3\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:1:3: duplicate column 'a' (also column 1)\n");
}
END_TEST

START_TEST(header_names_case_sensitive_any_order)
{
    WRITE("B,a,b,extra\n1,2,3,4\n");
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    ck_assert_int_eq(csv_table_open(&t, path, "t.csv", &d), 0);
    ck_assert_int_eq(csv_table_column(&t, "b"), 2);
    ck_assert_int_eq(csv_table_column(&t, "B"), 0);
    ck_assert_int_eq(csv_table_column(&t, "missing"), -1);
    ck_assert_int_eq(csv_table_next(&t, &d), CSV_ROW);
    ck_assert_str_eq(csv_table_cell(&t, csv_table_column(&t, "a")), "2");
    ck_assert_str_eq(csv_table_cell(&t, -1), "");
    ck_assert_int_eq(csv_table_next(&t, &d), CSV_END);
    csv_table_close(&t);
    ck_assert_uint_eq(d.count, 0);
    diag_release(&d);
    unlink(path);
}
END_TEST

START_TEST(empty_file)
{
    WRITE("");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:1:1: file is empty: expected a header row\n");
    WRITE("\xEF\xBB\xBF\n\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:1:1: file is empty: expected a header row\n");
}
END_TEST

START_TEST(header_only)
{
    WRITE("a,b\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/");
}
END_TEST

START_TEST(binary_nul)
{
    WRITE("a,b\n1,x\0y\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: NUL byte in cell: expected a UTF-8 text file, not binary data\n");
}
END_TEST

START_TEST(invalid_utf8)
{
    WRITE("a,b\n1,G\xF6teborg\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: invalid UTF-8 in cell: save the file as UTF-8\n");
    WRITE("a\n\xC3\xA5\xC3\xA4\xC3\xB6 \xE2\x82\xAC \xF0\x9F\x98\x80\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a/\xC3\xA5\xC3\xA4\xC3\xB6 \xE2\x82\xAC \xF0\x9F\x98\x80/");
}
END_TEST

START_TEST(utf8_validator)
{
    ck_assert_int_eq(csv_valid_utf8((const unsigned char *)"\xC0\xAF", 2), 0); /* overlong */
    ck_assert_int_eq(csv_valid_utf8((const unsigned char *)"\xED\xA0\x80", 3), 0); /* surrogate */
    ck_assert_int_eq(csv_valid_utf8((const unsigned char *)"\xE2\x82", 2), 0); /* truncated */
    ck_assert_int_eq(csv_valid_utf8((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
    ck_assert_int_eq(csv_valid_utf8((const unsigned char *)"\xE2\x82\xAC", 3), 1);
}
END_TEST

START_TEST(random_garbage_does_not_crash)
{
    char buf[8192];
    unsigned int x = 12345;
    for (int round = 0; round < 20; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (char)(x >> 16);
        }
        write_bytes(buf, sizeof buf);
        int rc = dump(got, sizeof got, 0, diags, sizeof diags);
        ck_assert(rc == 2 || rc == CSV_END);
    }
}
END_TEST

START_TEST(malformed_quotes)
{
    WRITE("a,b\n1,x\"y\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: malformed quotes: a cell holding a quote must be quoted as "
                            "a whole, with the quote doubled (\"\")\n");
    WRITE("a,b\n1,2\n\"x\"y,3\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(got, "a|b/1|2/");
    ck_assert_str_eq(diags, "t.csv:3:1: malformed quotes: a cell holding a quote must be quoted as "
                            "a whole, with the quote doubled (\"\")\n");
}
END_TEST

START_TEST(unterminated_quote)
{
    WRITE("a,b\n1,\"open\n2,3\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: unterminated quoted cell: expected a closing quote\n");
}
END_TEST

START_TEST(long_field)
{
    size_t n = 10000;
    char *buf = malloc(n + 64);
    strcpy(buf, "a,b\n\"");
    size_t len = strlen(buf);
    for (size_t i = 0; i < n; i++)
        buf[len++] = (char)('a' + i % 26);
    memcpy(buf + len, "\",2\n", 4);
    len += 4;
    write_bytes(buf, len);
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    ck_assert_int_eq(csv_table_open(&t, path, "t.csv", &d), 0);
    ck_assert_int_eq(csv_table_next(&t, &d), CSV_ROW);
    ck_assert_uint_eq(strlen(csv_table_cell(&t, 0)), n);
    ck_assert_str_eq(csv_table_cell(&t, 1), "2");
    csv_table_close(&t);
    diag_release(&d);
    unlink(path);
    free(buf);
}
END_TEST

START_TEST(large_file_streams)
{
    /* about 20 MB in 1.2 M rows; the reader keeps one row at a time */
    snprintf(path, sizeof path, "/tmp/check_csv_big_%ld.csv", (long)getpid());
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("id,home,value\n", f);
    long rows = 1200000;
    for (long i = 0; i < rows; i++)
        fprintf(f, "p%ld,2421,%ld\n", i, i % 97);
    fclose(f);
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    ck_assert_int_eq(csv_table_open(&t, path, "big.csv", &d), 0);
    long n = 0, last_line = 0;
    while (csv_table_next(&t, &d) == CSV_ROW) {
        n++;
        last_line = csv_table_cell_line(&t, 2);
    }
    ck_assert_int_eq(n, rows);
    ck_assert_int_eq(last_line, rows + 1);
    csv_table_close(&t);
    diag_release(&d);
    unlink(path);
}
END_TEST

START_TEST(one_huge_line_of_commas)
{
    /* 5 MB of commas in the header: refused, without storing 5 M cells */
    size_t n = 5 * 1024 * 1024;
    char *buf = malloc(n + 1);
    memset(buf, ',', n);
    buf[n] = '\n';
    write_bytes(buf, n + 1);
    free(buf);
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:1:1001: header has 5242881 columns: expected at most 1000\n");
}
END_TEST

START_TEST(missing_file)
{
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    ck_assert_int_eq(csv_table_open(&t, "/nonexistent/x.csv", "x.csv", &d), 2);
    csv_table_close(&t);
    char buf[256];
    diag_format(&d.items[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "x.csv: file not found");
    diag_release(&d);
}
END_TEST

START_TEST(lone_cr_is_refused_where_it_is)
{
    /* libcsv would end a row at the CR and read "3,4" as a row of its own */
    WRITE("a,b\n1,2\r3,4\n5,6\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: a carriage return (CR) not followed by a line feed: expected LF or CRLF "
                            "line ends\n");
}
END_TEST

START_TEST(lone_cr_at_the_end_is_refused)
{
    /* the same CR as between two rows, with nothing after it */
    WRITE("a,b\n1,2\r");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_str_eq(diags, "t.csv:2:2: a carriage return (CR) not followed by a line feed: expected LF or CRLF "
                            "line ends\n");
}
END_TEST

START_TEST(cr_in_a_quoted_cell_is_content)
{
    WRITE("a,b\r\n\"x\ry\",2\r\n");
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(got, "a|b/x\ry|2/");
    ck_assert_str_eq(diags, "");
}
END_TEST

/* A file whose byte `at` (the reader's 64 KiB chunk ends after it) is a
 * CR followed by `next`. */
static void write_cr_at_chunk_end(size_t at, char next)
{
    size_t n = at + 8;
    char *buf = malloc(n);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, "a,b\n", 4);
    for (size_t i = 4; i < at; i++)
        buf[i] = (i % 8 == 7) ? '\n' : (i % 8 == 3 ? ',' : '1');
    buf[at] = '\r';
    buf[at + 1] = next;
    memcpy(buf + at + 2, "1,2\n\n\n", 6);
    write_bytes(buf, n);
    free(buf);
}

START_TEST(cr_at_a_chunk_end)
{
    size_t at = 64 * 1024 - 1; /* csv_table.c's CHUNK − 1 */
    write_cr_at_chunk_end(at, '\n'); /* CRLF across the chunks: fine */
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), CSV_END);
    ck_assert_str_eq(diags, "");
    write_cr_at_chunk_end(at, '9'); /* a lone CR there */
    ck_assert_int_eq(dump(got, sizeof got, 0, diags, sizeof diags), 2);
    ck_assert_ptr_nonnull(strstr(diags, "a carriage return (CR) not followed by a line feed"));
}
END_TEST

START_TEST(path_through_a_file_is_bad_input)
{
    /* "slots.csv/" names no file: bad input (exit 2), not a failure */
    WRITE("a\n");
    char through[300];
    snprintf(through, sizeof through, "%s/x.csv", path);
    DiagList d = DIAGLIST_INIT;
    CsvTable t;
    ck_assert_int_eq(csv_table_open(&t, through, "x.csv", &d), 2);
    csv_table_close(&t);
    diag_release(&d);
    unlink(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv_table");
    TCase *tc = tcase_create("csv");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, plain_lf);
    tcase_add_test(tc, bom_crlf_no_final_newline);
    tcase_add_test(tc, quotes_commas_newlines_doubled);
    tcase_add_test(tc, cell_starting_after_multiline_cell);
    tcase_add_test(tc, trimming);
    tcase_add_test(tc, short_rows_and_blank_lines);
    tcase_add_test(tc, long_row_is_an_error);
    tcase_add_test(tc, duplicate_header);
    tcase_add_test(tc, header_names_case_sensitive_any_order);
    tcase_add_test(tc, empty_file);
    tcase_add_test(tc, header_only);
    tcase_add_test(tc, binary_nul);
    tcase_add_test(tc, invalid_utf8);
    tcase_add_test(tc, utf8_validator);
    tcase_add_test(tc, random_garbage_does_not_crash);
    tcase_add_test(tc, malformed_quotes);
    tcase_add_test(tc, unterminated_quote);
    tcase_add_test(tc, long_field);
    tcase_add_test(tc, large_file_streams);
    tcase_add_test(tc, one_huge_line_of_commas);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, lone_cr_is_refused_where_it_is);
    tcase_add_test(tc, cr_in_a_quoted_cell_is_content);
    tcase_add_test(tc, lone_cr_at_the_end_is_refused);
    tcase_add_test(tc, cr_at_a_chunk_end);
    tcase_add_test(tc, path_through_a_file_is_bad_input);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
