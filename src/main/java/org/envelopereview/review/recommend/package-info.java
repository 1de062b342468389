/**
 * Recommendations: keep, narrow or retire each envelope, with the reasons and the
 * proposed envelope diff (SPEC §9), from the scope its agents exercised over a look-back.
 */
package org.envelopereview.review.recommend;
