/*
 * near_names.h — "did you mean": whether a name a user wrote is almost
 * surely a typo of a name samplan knows (a key of scenario.json, a column
 * of a table). SPEC §1 ignores unknown keys and columns, so a typo would
 * otherwise silently leave a default in force.
 */
#ifndef SAMPLAN_NEAR_NAMES_H
#define SAMPLAN_NEAR_NAMES_H

/* Edits (insert, delete, replace, swap two neighbours) between a and b,
 * or more than `most` when it is more: only names up to 40 bytes are
 * compared. */
int name_edits(const char *a, const char *b, int most);

/* 1 when `given` is not `known` but one edit from it (names of five
 * letters or fewer), two (longer names), or equal but for case. */
int name_near(const char *given, const char *known);

#endif
