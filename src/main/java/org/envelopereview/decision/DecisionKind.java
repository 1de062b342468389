package org.envelopereview.decision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a board decided about an envelope its pack asked about: the three answers of the
 * pack's decisions page, or an explicit deferral.
 */
public enum DecisionKind {

	RE_APPROVE("re-approve"), REVISE("revise"), RETIRE("retire"), DEFER("defer");

	private final String label;

	DecisionKind(String label) {
		this.label = label;
	}

	/** The word written in a decisions file, e.g. {@code re-approve}. */
	public String label() {
		return this.label;
	}

	/** Whether the decision asks for a change that a later review can check. */
	public boolean checkable() {
		return this != DEFER;
	}

	public static Optional<DecisionKind> of(String label) {
		return Arrays.stream(values()).filter((kind) -> kind.label.equals(label)).findFirst();
	}

	/** Every label, for messages. */
	public static String labels() {
		return String.join(", ", Arrays.stream(values()).map(DecisionKind::label).toList());
	}

}
