/*
 * settlement.h — who pays whom for course seats (SPEC §3, settlement.csv).
 *
 * Gross rows: for each (home, host) pair with host ≠ home among assigned
 * participants of a track with course modules, participant_weeks = Σ the
 * track's course weeks, amount = participant_weeks × the host centre's
 * seat_price_per_week; the home municipality pays the host.
 * Net rows: for each unordered pair {A, B} with gross amounts in either
 * direction, balance = amount(A pays B) − amount(B pays A); when |balance| >
 * SETTLEMENT_EPS, one row from the net payer to the other, participant_weeks
 * not applicable (−1).
 * Rows are sorted by payer code, then payee code (strcmp), gross before net.
 */
#ifndef SAMPLAN_SETTLEMENT_H
#define SAMPLAN_SETTLEMENT_H

#include <stdio.h>

#include "../model/plan.h"
#include "../model/scenario.h"

#define SETTLEMENT_EPS 1e-9

typedef enum SettlementKind { SETTLEMENT_GROSS, SETTLEMENT_NET } SettlementKind;

typedef struct SettlementRow {
    SettlementKind kind;
    int payer, payee;       /* municipality indices */
    long participant_weeks; /* −1 for net rows */
    double amount;          /* SEK, > 0 for net rows, ≥ 0 for gross rows */
} SettlementRow;

typedef struct Settlement {
    SettlementRow *rows; /* owned; gross rows first, then net rows */
    int nrows;
    int ngross;
} Settlement;

/* Computes the settlement of a plan into *out (zeroed first). Returns 0, or
 * −1 on out-of-memory (out left empty). */
int settlement_compute(const Scenario *s, const Plan *plan, Settlement *out);

/* Writes settlement.csv (header kind,payer,payee,participant_weeks,amount). */
void settlement_write_csv(const Scenario *s, const Settlement *st, FILE *f);

/* Frees the rows; accepts a zeroed Settlement. */
void settlement_release(Settlement *st);

#endif
