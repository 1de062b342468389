package org.envelopereview.pack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a board's pack includes beyond the pack itself.
 *
 * @param registerAnnex whether to write {@code register.pdf} beside the pack: every
 * finding on paper, signed like the pack and listed in its manifest (SPEC §9)
 */
@ConfigurationProperties("review.pack")
public record ReviewPackProperties(@DefaultValue("false") boolean registerAnnex) {

	public static final ReviewPackProperties DEFAULTS = new ReviewPackProperties(false);

}
