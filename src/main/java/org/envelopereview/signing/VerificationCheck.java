package org.envelopereview.signing;

/**
 * One line of a verification: what was checked, whether it held, and why.
 *
 * @param outcome PASS, FAIL, or INFO for facts that are shown but not judged
 */
public record VerificationCheck(String name, Outcome outcome, String detail) {

	/** The result of a check. */
	public enum Outcome {

		PASS, FAIL, INFO

	}

	public static VerificationCheck pass(String name, String detail) {
		return new VerificationCheck(name, Outcome.PASS, detail);
	}

	public static VerificationCheck fail(String name, String detail) {
		return new VerificationCheck(name, Outcome.FAIL, detail);
	}

	public static VerificationCheck info(String name, String detail) {
		return new VerificationCheck(name, Outcome.INFO, detail);
	}

	public boolean failed() {
		return this.outcome == Outcome.FAIL;
	}

	@Override
	public String toString() {
		return this.outcome + " " + this.name + ": " + this.detail;
	}

}
