package org.envelopereview.envelope;

/** The outcome of checking one written value: the value, or why it is not valid. */
record Syntax<T>(T value, String problem) {

	static <T> Syntax<T> valid(T value) {
		return new Syntax<>(value, null);
	}

	static <T> Syntax<T> invalid(String problem) {
		return new Syntax<>(null, problem);
	}

}
