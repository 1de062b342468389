package org.envelopereview.pack;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionRecordPublisher;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningKey;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.SigningLevel;
import org.envelopereview.signing.VisibleSignature;
import org.envelopereview.system.SoftwareVersion;

import org.springframework.stereotype.Component;

import static org.envelopereview.pack.Rows.DAY;
import static org.envelopereview.pack.Rows.fact;
import static org.envelopereview.pack.Rows.rows;

/**
 * Writes a board's signed decision record {@code decisions/<period>/<board>.pdf} the way
 * packs are written: rendered to PDF/A-3b, the decisions file and a manifest attached,
 * signed (PAdES), moved into place; {@code verify} checks it like a pack.
 */
@Component
public class DecisionRecordWriter implements DecisionRecordPublisher {

	static final String TEMPLATE = "decision-record";

	/** The signature block of decision-record.jrxml: x=255, y=178 (250 × 84). */
	private static final float SIGNATURE_X = 45 + 255;

	private static final float SIGNATURE_Y = 30 + 178;

	private final SigningKeys keys;

	private final PadesSigner signer;

	private final PackTemplates templates = new PackTemplates();

	private final AssociatedFiles associatedFiles = new AssociatedFiles();

	public DecisionRecordWriter(SigningKeys keys, PadesSigner signer) {
		this.keys = keys;
		this.signer = signer;
	}

	@Override
	public Path publish(DecisionRecordDocument document, Path target) {
		Path directory = target.toAbsolutePath().getParent();
		try {
			SigningKey key = this.keys.load();
			Files.createDirectories(directory);
			byte[] manifestJson = ManifestJson
				.write(manifest(document, key, this.signer.level(), target.getFileName().toString()));
			Path work = Files.createTempDirectory(directory, ReviewPackWriter.WORK_PREFIX);
			try {
				Path rendered = work.resolve("rendered.pdf");
				render(document, key, rendered, work);
				Path attached = work.resolve("attached.pdf");
				Instant now = Instant.now();
				this.associatedFiles.attach(rendered, attached, List.of(
						new AssociatedFiles.Attachment(document.fileName(), document.file(), "application/yaml",
								"The board's decisions file, exactly as recorded", document.recordedAt()),
						new AssociatedFiles.Attachment(ReviewPackWriter.MANIFEST, manifestJson, "application/json",
								"SHA-256 of the answered pack and of the decisions file, software version and signer",
								now)));
				Path signed = work.resolve("signed.pdf");
				this.signer.sign(attached, signed, key, reason(document), visibleSignature(key, document, now), now);
				ReviewPackWriter.moveIntoPlace(signed, target);
				return target;
			}
			catch (RuntimeException ex) {
				throw new IOException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
			}
			finally {
				ReviewPackWriter.deleteRecursively(work);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the decision record " + target + ": " + ex.getMessage(), ex);
		}
	}

	private void render(DecisionRecordDocument document, SigningKey key, Path target, Path work) throws IOException {
		PackRenderer renderer = new PackRenderer(this.templates);
		Map<String, JasperReport> subreports = Map.of("cover-facts", this.templates.report("cover-facts"));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("BOARD_NAME", document.board().name());
		parameters.put("PERIOD", document.period().label());
		parameters.put("FOOTER", "Decision record · " + document.board().id() + " · " + document.period().label());
		parameters.put("DEVELOPMENT_KEY", key.development());
		parameters.put("SUBREPORTS", subreports);
		List<Map<String, ?>> facts = new ArrayList<>();
		facts.add(fact("Board", document.board().id()));
		facts.add(fact("Period", document.period().label() + ", " + DAY.format(document.period().start()) + " to "
				+ DAY.format(document.period().lastInstant())));
		facts.add(fact("Answers", "review pack of run " + document.runNumber() + " (id " + document.runId() + ")"));
		facts.add(fact("Pack SHA-256", document.packSha256()));
		facts.add(fact("Recorded", Rows.INSTANT.format(document.recordedAt())));
		facts.add(fact("Signer", Rows.commonName(key.certificate().getSubjectX500Principal().getName())
				+ (key.development() ? " (development key)" : "")));
		facts.add(fact("Software", "Envelope Review " + SoftwareVersion.current()));
		parameters.put("FACTS", rows(facts));
		parameters.put("INTRODUCTION", document.decisions().size() + " decision(s) of the board on the "
				+ document.requested().size() + " envelope(s) its pack for " + document.period().label()
				+ " asked about. The next review checks each against the envelope files and the action history: "
				+ "re-approve → the envelope's review.lastReviewedAt on or after the decision; revise → the "
				+ "envelope file changed after the decision; retire → the file removed or expiresAt on or before "
				+ "the due date, and no action under it after the due date.");
		parameters.put("CHECK_WITH", "Check with: envelope-review verify " + document.board().id() + ".pdf");
		parameters.put("ATTACHMENT", "Attached: " + document.fileName() + " (SHA-256 " + document.fileSha256()
				+ "), the decisions exactly as recorded, and manifest.json.");
		List<Map<String, ?>> decisions = new ArrayList<>();
		for (Decision decision : document.decisions()) {
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", decision.envelopeId());
			row.put("decision", decision.kind().label().toUpperCase(java.util.Locale.ROOT));
			List<String> requested = document.requested().getOrDefault(decision.envelopeId(), List.of());
			row.put("facts",
					"Decided by " + decision.decidedBy() + " on " + decision.decidedAt()
							+ ((decision.kind() == DecisionKind.DEFER) ? "" : " · due " + decision.dueDate())
							+ (requested.isEmpty() ? "" : " · requested for " + String.join(", ", requested)));
			row.put("justification", decision.justification());
			row.put("requiredChange", decision.requiredChange());
			decisions.add(row);
		}
		JasperPrint print = renderer.fill(TEMPLATE, parameters, rows(decisions), null);
		Path iccProfile = Files.createTempFile(work, "srgb", ".icc");
		Files.write(iccProfile, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
		renderer.export(List.of(print),
				new PackRenderer.Metadata(
						"Decision record " + document.board().name() + " " + document.period().label(),
						"Board decisions on the review pack for " + document.period().label() + " of board "
								+ document.board().id(),
						"Envelope Review",
						"envelope review, decisions, " + document.board().id() + ", " + document.period().label(),
						"Envelope Review " + SoftwareVersion.current()),
				iccProfile, target);
	}

	private static PackManifest manifest(DecisionRecordDocument document, SigningKey key, SigningLevel level,
			String fileName) {
		return new PackManifest(PackManifest.FORMAT, document.board().id(), document.board().name(),
				new PackManifest.Period(document.period().label(), document.period().start().toString(),
						document.period().end().toString()),
				new PackManifest.Run(document.runId(), document.runNumber()), SoftwareVersion.current(),
				new PackManifest.Signer(key.certificate().getSubjectX500Principal().getName(), key.fingerprint(),
						key.development(), level.label()),
				fileName, List.of(new PackManifest.FileDigest(ReviewPackWriter.PACK, document.packSha256(), null)),
				List.of(ReviewPackWriter.digest(document.fileName(), document.file())), List.of());
	}

	private static String reason(DecisionRecordDocument document) {
		return "Board decisions on the envelope review " + document.period().label();
	}

	private static VisibleSignature visibleSignature(SigningKey key, DecisionRecordDocument document,
			Instant signingTime) {
		List<String> lines = new ArrayList<>();
		lines.add("Digitally signed by " + key.signerName());
		lines.add("Date: " + ReviewPackWriter.SIGNED_AT.format(signingTime));
		lines.add("Reason: " + reason(document));
		lines.add("Certificate SHA-256: " + key.fingerprint());
		if (key.development()) {
			lines.add("DEVELOPMENT KEY — NOT FOR SUBMISSION");
		}
		return new VisibleSignature(0, SIGNATURE_X, SIGNATURE_Y, 250, 84, lines);
	}

}
