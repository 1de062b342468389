package org.envelopereview.finding;

/** How urgently a board must act on a finding; declared from most to least severe. */
public enum Severity {

	CRITICAL, HIGH, MEDIUM, LOW;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
