package org.envelopereview.finding;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a rule found, before it is routed to a board and given its controls.
 *
 * @param boardId the board it must go to regardless of its envelope (ENV-INVALID), or
 * {@code null} to route by envelope
 * @param discriminator tells apart several breaches of one code on the same envelope and
 * action (e.g. the dimension or the model version); part of the finding key
 */
public record Breach(FindingCode code, Severity severity, String envelopeId, String actionId, String boardId,
		String discriminator, String explanation, SortedMap<String, String> evidence) {

	public Breach {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(explanation, "explanation");
		discriminator = (discriminator != null) ? discriminator : "";
		evidence = new TreeMap<>(evidence);
	}

	public static Builder of(FindingCode code) {
		return new Builder(code);
	}

	/** Builds a breach field by field, the way rules read best. */
	public static final class Builder {

		private final FindingCode code;

		private Severity severity;

		private String envelopeId;

		private String actionId;

		private String boardId;

		private String discriminator = "";

		private final SortedMap<String, String> evidence = new TreeMap<>();

		private Builder(FindingCode code) {
			this.code = code;
			this.severity = code.defaultSeverity();
		}

		public Builder severity(Severity severity) {
			this.severity = severity;
			return this;
		}

		public Builder envelope(String envelopeId) {
			this.envelopeId = envelopeId;
			return this;
		}

		public Builder action(String actionId) {
			this.actionId = actionId;
			return this;
		}

		public Builder board(String boardId) {
			this.boardId = boardId;
			return this;
		}

		public Builder about(String discriminator) {
			this.discriminator = discriminator;
			return this;
		}

		/**
		 * Adds a field value; absent values are left out rather than written as "null".
		 */
		public Builder evidence(String field, Object value) {
			if (value != null) {
				this.evidence.put(field, value.toString());
			}
			return this;
		}

		public Breach explain(String explanation) {
			return new Breach(this.code, this.severity, this.envelopeId, this.actionId, this.boardId,
					this.discriminator, explanation, this.evidence);
		}

	}

}
