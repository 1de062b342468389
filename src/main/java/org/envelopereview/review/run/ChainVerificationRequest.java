package org.envelopereview.review.run;

import java.util.Locale;

/**
 * How a run is asked to verify the hash chains: {@code run --verify-chains=auto|full}.
 */
public enum ChainVerificationRequest {

	/**
	 * From the checkpoints of the latest run that wrote them, unless a full verification
	 * is due ({@code review.chain.full-verification-every}) or no checkpoint exists.
	 */
	AUTO,
	/** Every chain from seq 1, whatever the checkpoints. */
	FULL;

	/** The value of the run's {@code verifyChains} job parameter. */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static ChainVerificationRequest of(String value) {
		for (ChainVerificationRequest request : values()) {
			if (request.parameter().equalsIgnoreCase(value.strip())) {
				return request;
			}
		}
		throw new IllegalArgumentException(
				"--verify-chains must be 'auto' (from the last checkpoints, full when due) or 'full', not '" + value
						+ "'");
	}

}
