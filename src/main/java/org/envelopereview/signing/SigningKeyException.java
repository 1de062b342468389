package org.envelopereview.signing;

/** The signing key cannot be loaded or created; the message says what to fix. */
public class SigningKeyException extends RuntimeException {

	public SigningKeyException(String message) {
		super(message);
	}

	public SigningKeyException(String message, Throwable cause) {
		super(message, cause);
	}

}
