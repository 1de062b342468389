package org.envelopereview.pack;

import org.envelopereview.finding.Severity;

/**
 * How the pack colours findings. What a code means and which controls it bears on come
 * from the {@link org.envelopereview.finding.FindingCatalogue}.
 */
final class FindingPresentation {

	private FindingPresentation() {
	}

	static String color(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "#B00020";
			case HIGH -> "#D35400";
			case MEDIUM -> "#9A7B00";
			case LOW -> "#5B6470";
		};
	}

}
