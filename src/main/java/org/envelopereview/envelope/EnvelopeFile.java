package org.envelopereview.envelope;

/**
 * An envelope file exactly as read, kept so a run can snapshot and digest its inputs.
 *
 * @param fileName the name relative to the envelopes directory
 * @param envelopeId the id the file declares, if it could be read
 * @param boardId the board the file declares, if it could be read
 */
public record EnvelopeFile(String fileName, String sha256, String content, boolean valid, String envelopeId,
		String boardId) {
}
