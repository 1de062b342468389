package org.envelopereview.envelope;

/**
 * One validation problem, located precisely enough for the author to fix it.
 *
 * @param file the file as the user named it, e.g. {@code envelopes/pa-failover-007.yaml}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param field the field path, e.g. {@code actions[0].scope.cidrs[1]}, or empty for the
 * whole file
 */
public record EnvelopeProblem(String file, int line, String field, String message) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.line > 0) {
			text.append(':').append(this.line);
		}
		text.append(": ");
		if (!this.field.isEmpty()) {
			text.append(this.field).append(": ");
		}
		return text.append(this.message).toString();
	}

}
