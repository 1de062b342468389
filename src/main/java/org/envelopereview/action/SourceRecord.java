package org.envelopereview.action;

/**
 * A valid action as read from an input, before deduplication and chaining.
 *
 * @param action the action; its seq, prevHash and hash are set only when the source
 * chains
 * @param sourceChained whether the source carried seq, prevHash and hash
 * @param line the line where the record starts (1-based)
 * @param raw the record's text, to quarantine it later if it conflicts
 */
public record SourceRecord(Action action, boolean sourceChained, long line, String raw) {

}
