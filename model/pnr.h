/*
 * pnr.h — detecting Swedish personal identity numbers (personnummer) and
 * coordination numbers (samordningsnummer) in identifiers (SPEC §1).
 *
 * Participant ids must be pseudonymous. An id "looks like" a personal
 * number when it contains, bounded by non-digits or the ends of the text,
 * `(19|20)?YYMMDD[-+]?NNNN` with month 01–12 and day 01–31 (personal
 * identity number) or 61–91 (coordination number: day + 60). No check
 * digit test: a mistyped number is still personal data.
 */
#ifndef SAMPLAN_PNR_H
#define SAMPLAN_PNR_H

/* 1 when `text` contains something shaped like a personal identity or
 * coordination number, else 0. */
int pnr_looks_like(const char *text);

#endif
