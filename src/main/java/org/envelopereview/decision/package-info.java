/**
 * Board decisions (SPEC §8): the template a board fills after its meeting, recording and
 * signing the decisions, the ledger, and the checks of whether each was applied.
 */
package org.envelopereview.decision;
