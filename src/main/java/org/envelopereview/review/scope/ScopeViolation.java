package org.envelopereview.review.scope;

import org.envelopereview.finding.FindingCode;

/**
 * One dimension of an action that lies outside its action class's scope.
 *
 * @param dimension {@code resources}, {@code cidrs}, {@code ports}, {@code protocols} or
 * {@code regions}
 * @param actual the action's value, or {@code (none)} when it carries none
 * @param allowed the declared values, comma-separated, or {@code nothing} when the list
 * is empty
 */
public record ScopeViolation(FindingCode code, String dimension, String actual, String allowed) {
}
