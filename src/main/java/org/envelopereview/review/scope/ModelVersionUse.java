package org.envelopereview.review.scope;

import java.time.Instant;

/** A model version used in the period and its first appearance in the history. */
public record ModelVersionUse(String version, Instant firstSeen) {
}
