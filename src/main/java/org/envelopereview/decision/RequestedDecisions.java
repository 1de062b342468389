package org.envelopereview.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeSnapshots;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;

import org.springframework.stereotype.Component;

/**
 * The decisions a pack requests: one per envelope of the board with an envelope-level
 * (ENV-) or expansion (EXP-) finding. The pack's decisions page, the template and the
 * next review's DEC-UNDECIDED all ask this one class.
 */
@Component
public class RequestedDecisions {

	private final FindingStore findings;

	private final EnvelopeSnapshots snapshots;

	RequestedDecisions(FindingStore findings, EnvelopeSnapshots snapshots) {
		this.findings = findings;
		this.snapshots = snapshots;
	}

	/**
	 * Whether the finding asks the board to decide on its envelope: it says the envelope
	 * is stale or has outgrown its approval. Out-of-scope actions alone call for
	 * follow-up, not for a decision on the envelope.
	 */
	public static boolean isReason(Finding finding) {
		String code = finding.code().code();
		return code.startsWith("ENV-") || code.startsWith("EXP-");
	}

	/**
	 * The envelopes the run's pack for the board asked about, by id, each with its
	 * reasons in report order.
	 */
	public Map<String, List<Finding>> of(long runId, String boardId) {
		Set<String> boardEnvelopes = envelopesOf(runId, boardId);
		Map<String, List<Finding>> requested = new TreeMap<>();
		for (StoredFinding stored : this.findings.findings(runId)) {
			Finding finding = stored.finding();
			if (boardId.equals(finding.boardId()) && finding.envelopeId() != null
					&& boardEnvelopes.contains(finding.envelopeId()) && isReason(finding)) {
				requested.computeIfAbsent(finding.envelopeId(), (id) -> new ArrayList<>()).add(finding);
			}
		}
		return requested;
	}

	/**
	 * The envelope ids of the board's files (of every board for {@code null}) as the run
	 * read them.
	 */
	Set<String> envelopesOf(long runId, String boardId) {
		return this.snapshots.load(runId)
			.stream()
			.filter((file) -> (boardId == null || boardId.equals(file.boardId())) && file.envelopeId() != null)
			.map(EnvelopeFile::envelopeId)
			.collect(Collectors.toSet());
	}

}
