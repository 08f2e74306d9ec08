/*
 * blocks.h — splits a program into independent blocks.
 *
 * Two columns belong to the same block when some row has both. Rows never
 * cross blocks, so the program is block-diagonal: its optimum is the union
 * of the blocks' optima, and that holds level by level of the
 * lexicographic objective (the sum of values is greatest exactly when each
 * block's is, and likewise for cost at that value). Where municipalities
 * cannot reach each other — every `cooperation: false` variant, clusters
 * too far apart to commute or relocate — each part is solved on its own,
 * which is far faster than one branch-and-bound over all of them.
 */
#ifndef SAMPLAN_BLOCKS_H
#define SAMPLAN_BLOCKS_H

#include "mip.h"

typedef struct Block {
    Mip mip;   /* the block's own program, columns and rows in original order */
    int *col;  /* [mip.ncols] index of each column in the whole program */
} Block;

typedef struct Blocks {
    Block *block;
    int n;
    int components; /* connected parts before small ones were bundled */
} Blocks;

/* Splits `whole` into blocks. Connected parts smaller than `min_cols`
 * columns are bundled together (still independent, fewer solver calls).
 * Rows without non-zeros are dropped; a program with one that cannot hold
 * at 0 is left whole. With a single block, out->n = 1 and that block's Mip
 * is left empty with col = NULL: the caller should solve `whole` itself.
 * Returns 0, or −1 on out-of-memory (out is released). */
int mip_split_blocks(const Mip *whole, int min_cols, Blocks *out);

void blocks_release(Blocks *b);

/* The program of block i: its own, or `whole` when the program did not
 * split (the single block's Mip is left empty, col NULL). */
const Mip *blocks_program(const Blocks *b, const Mip *whole, int i);

#endif
