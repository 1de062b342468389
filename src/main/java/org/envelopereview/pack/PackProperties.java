package org.envelopereview.pack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether a completed review run also writes the signed packs.
 *
 * @param enabled false only where packs are not wanted, e.g. tests of the review job
 * alone
 */
@ConfigurationProperties("review.packs")
public record PackProperties(@DefaultValue("true") boolean enabled) {
}
