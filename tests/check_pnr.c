/*
 * check_pnr.c — model/pnr.c: which identifiers look like Swedish personal
 * identity or coordination numbers (SPEC §1). The numbers below are made
 * up; none is checked for a valid control digit, on purpose.
 */
#include <check.h>
#include <stdlib.h>

#include "../model/pnr.h"

static const char *const personal[] = {
    "8001011234",      /* YYMMDDNNNN */
    "800101-1234",     /* with '-' */
    "800101+1234",     /* '+' for people over 100 */
    "198001011234",    /* with century */
    "19800101-1234",
    "20050229-1234",   /* day 29 of February: months are checked, not leap years */
    "801231-9999",
    "800161-1234",     /* coordination number: day 01 + 60 */
    "800191-1234",     /* day 31 + 60 */
    "p-800101-1234",   /* embedded after a non-digit */
    "800101-1234 x",
    "000101-0000",
};

static const char *const pseudonymous[] = {
    "p0001",
    "800132-1234",     /* day 32 */
    "800100-1234",     /* day 00 */
    "800160-1234",     /* day 60 */
    "800192-1234",     /* day 92 */
    "801301-1234",     /* month 13 */
    "800001-1234",     /* month 00 */
    "800101-123",      /* three final digits */
    "80010112345",     /* eleven digits */
    "1980010112345",   /* thirteen digits */
    "8001011234567",
    "800101--1234",
    "800101 1234",     /* a space is not a separator */
    "",
    "ABC-DEF",
};

START_TEST(looks_personal)
{
    ck_assert_msg(pnr_looks_like(personal[_i]) == 1, "'%s' should look personal", personal[_i]);
}
END_TEST

START_TEST(looks_pseudonymous)
{
    ck_assert_msg(pnr_looks_like(pseudonymous[_i]) == 0, "'%s' should pass", pseudonymous[_i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pnr");
    TCase *tc = tcase_create("pnr");
    tcase_add_loop_test(tc, looks_personal, 0, (int)(sizeof personal / sizeof personal[0]));
    tcase_add_loop_test(tc, looks_pseudonymous, 0,
                        (int)(sizeof pseudonymous / sizeof pseudonymous[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
