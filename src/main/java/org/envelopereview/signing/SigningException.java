package org.envelopereview.signing;

/** Signing a pack failed; the message says where. */
public class SigningException extends RuntimeException {

	public SigningException(String message) {
		super(message);
	}

	public SigningException(String message, Throwable cause) {
		super(message, cause);
	}

}
