/*
 * mps_write.h — writing a GLPK problem as free MPS with exact numbers
 * (GLPK's glp_write_mps rounds them to about 12 characters).
 */
#ifndef SAMPLAN_MPS_WRITE_H
#define SAMPLAN_MPS_WRITE_H

#include <glpk.h>
#include <stdio.h>

/* Writes P to f as free MPS: the objective row first (minimised, as MPS
 * readers take it), then the rows, columns (integer ones between MARKER
 * lines), RHS, RANGES and BOUNDS (every column's, explicit). header: '*'
 * comment lines written after the problem statistics, or NULL. Returns 0,
 * or −1 on out-of-memory or a write error (errno set). */
int mps_write(glp_prob *P, const char *header, FILE *f);

#endif
