package org.envelopereview.action;

import java.io.IOException;

/**
 * An input that fits none of the shapes its format accepts: rejected as a whole, once,
 * rather than quarantined record by record.
 */
public class UnrecognisedInputException extends IOException {

	private static final long serialVersionUID = 1L;

	public UnrecognisedInputException(String message) {
		super(message);
	}

}
