package org.envelopereview.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.action.chain.ChainVerification;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningKey;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.VisibleSignature;
import org.envelopereview.system.Sha256;
import org.envelopereview.system.SoftwareVersion;

import org.springframework.stereotype.Component;

/**
 * Writes one board's signed review pack: renders {@code review-pack.pdf} (PDF/A-3b),
 * embeds findings.json, findings.csv and manifest.json, signs it (PAdES) and moves it
 * into {@code review.outputDir()}, with manifest.json beside it.
 */
@Component
public class ReviewPackWriter {

	/** The pack's file name in the output directory. */
	public static final String PACK = "review-pack.pdf";

	public static final String MANIFEST = "manifest.json";

	public static final String FINDINGS_JSON = "findings.json";

	public static final String FINDINGS_CSV = "findings.csv";

	/**
	 * A pack being rendered and signed, in the output directory so the move is atomic.
	 */
	static final String WORK_PREFIX = ".review-pack-";

	static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Logger logger = LoggerFactory.getLogger(ReviewPackWriter.class);

	private final SigningKeys keys;

	private final PadesSigner signer;

	private final PackTemplates templates = new PackTemplates();

	private final AssociatedFiles associatedFiles = new AssociatedFiles();

	public ReviewPackWriter(SigningKeys keys, PadesSigner signer) {
		this.keys = keys;
		this.signer = signer;
	}

	/**
	 * Writes the pack of one board and period: render to a temporary file, attach, sign
	 * incrementally, then move the pack and its manifest into place.
	 * @return the path of the signed {@code review-pack.pdf}
	 */
	public Path write(BoardReview review) {
		Path directory = review.outputDir();
		try (ProgressBar progress = new ProgressBarBuilder().setTaskName("Pack " + review.board().id())
			.setInitialMax(5)
			.setStyle(ProgressBarStyle.ASCII)
			.build()) {
			SigningKey key = this.keys.load();
			Files.createDirectories(directory);
			deleteAbandonedWork(directory);
			byte[] findingsJson = readOutput(directory, FINDINGS_JSON);
			byte[] findingsCsv = readOutput(directory, FINDINGS_CSV);
			PackManifest manifest = manifest(review, key, findingsJson, findingsCsv);
			byte[] manifestJson = ManifestJson.write(manifest);
			progress.step();
			Path work = Files.createTempDirectory(directory, WORK_PREFIX);
			try {
				progress.setExtraMessage("rendering");
				Path rendered = work.resolve("rendered.pdf");
				new PackRenderer(this.templates).render(new PackSections(review, manifest, this.templates.subreports()),
						metadata(review), rendered, work);
				progress.step();
				Path attached = work.resolve("attached.pdf");
				this.associatedFiles.attach(rendered, attached, attachments(findingsJson, findingsCsv, manifestJson));
				progress.setExtraMessage("signing");
				progress.step();
				Path signed = work.resolve("signed.pdf");
				Instant signingTime = Instant.now();
				this.signer.sign(attached, signed, key, reason(review), visibleSignature(key, review, signingTime),
						signingTime);
				progress.step();
				Path pack = publish(directory, work, signed, manifestJson);
				progress.step();
				return pack;
			}
			catch (RuntimeException ex) {
				// the renderer and the signer wrap a failed write (a full disk) in
				// exceptions of their own, some without a cause (OpenPDF's
				// ExceptionConverter): say which pack could not be written, and why
				throw new IOException(Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
			}
			finally {
				deleteRecursively(work);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot write the review pack " + directory.resolve(PACK) + ": " + ex.getMessage(), ex);
		}
	}

	private static List<AssociatedFiles.Attachment> attachments(byte[] findingsJson, byte[] findingsCsv,
			byte[] manifestJson) {
		Instant now = Instant.now();
		return List.of(
				new AssociatedFiles.Attachment(FINDINGS_JSON, findingsJson, "application/json",
						"Findings of this review, machine-readable", now),
				new AssociatedFiles.Attachment(FINDINGS_CSV, findingsCsv, "text/csv", "Findings of this review as CSV",
						now),
				new AssociatedFiles.Attachment(MANIFEST, manifestJson, "application/json",
						"SHA-256 of every input and output, software version and signer", now));
	}

	/** Moves the manifest and then the signed pack into the output directory. */
	private static Path publish(Path directory, Path work, Path signed, byte[] manifestJson) throws IOException {
		Path pack = directory.resolve(PACK);
		Path manifest = work.resolve(MANIFEST);
		Files.write(manifest, manifestJson);
		if (Files.exists(pack)) {
			logger.info("Replacing the earlier pack {}", pack);
		}
		moveIntoPlace(manifest, directory.resolve(MANIFEST));
		moveIntoPlace(signed, pack);
		return pack;
	}

	static String reason(BoardReview review) {
		return "Periodic envelope review " + review.period().label();
	}

	private static PackManifest manifest(BoardReview review, SigningKey key, byte[] findingsJson, byte[] findingsCsv) {
		List<PackManifest.FileDigest> inputs = new ArrayList<>();
		review.inputs().forEach((input) -> inputs.add(new PackManifest.FileDigest(input.name(), input.sha256(), null)));
		inputs.sort(Comparator.comparing(PackManifest.FileDigest::name));
		List<PackManifest.FileDigest> outputs = List.of(digest(FINDINGS_JSON, findingsJson),
				digest(FINDINGS_CSV, findingsCsv));
		return new PackManifest(PackManifest.FORMAT, review.board().id(), review.board().name(),
				new PackManifest.Period(review.period().label(), review.period().start().toString(),
						review.period().end().toString()),
				new PackManifest.Run(review.runId(), review.runNumber()), SoftwareVersion.current(),
				new PackManifest.Signer(
						key.certificate().getSubjectX500Principal().getName(), key.fingerprint(), key.development()),
				PACK, inputs, outputs,
				review.trail()
					.sources()
					.stream()
					.map((source) -> new PackManifest.SourceFile(source.name(), source.sha256(), source.actions(),
							source.quarantined(), source.notReviewed()))
					.toList(),
				chainVerification(review.integrity()));
	}

	private static PackManifest.ChainVerification chainVerification(IntegrityReport integrity) {
		if (integrity == null || integrity.verification() == null) {
			return null;
		}
		ChainVerification verification = integrity.verification();
		return new PackManifest.ChainVerification(verification.scope().label(),
				(verification.fullBecause() != null) ? verification.fullBecause().label() : null,
				runVerification(verification.checkpointsOf()), verification.checkpointsOfSha256(),
				(verification.checkpointsOf() != null) ? verification.checkpointsAltered() : null,
				verification.rowsChecked(), verification.agents(), verification.agentsFromCheckpoint(),
				verification.rowsBeforeCheckpoints(), integrity.breaks().size(), verification.checkpointsWritten(),
				verification.checkpointsWrittenSha256(), runVerification(verification.lastFull()),
				(verification.lastFull() != null) ? verification.lastFullBreaks() : null, verification.fullEvery(),
				(verification.verifiedAt() != null) ? verification.verifiedAt().toString() : null);
	}

	private static PackManifest.RunVerification runVerification(ChainVerification.RunRef run) {
		return (run != null) ? new PackManifest.RunVerification(run.runId(), run.period(), run.runNumber(),
				(run.verifiedAt() != null) ? run.verifiedAt().toString() : null) : null;
	}

	static PackManifest.FileDigest digest(String name, byte[] content) {
		return new PackManifest.FileDigest(name, Sha256.hex(content), (long) content.length);
	}

	private static PackRenderer.Metadata metadata(BoardReview review) {
		return new PackRenderer.Metadata("Review pack " + review.board().name() + " " + review.period().label(),
				"Periodic envelope review " + review.period().label() + " for board " + review.board().id() + ", run "
						+ review.runNumber(),
				"Envelope Review", "envelope review, " + review.board().id() + ", " + review.period().label(),
				"Envelope Review " + SoftwareVersion.current());
	}

	private static VisibleSignature visibleSignature(SigningKey key, BoardReview review, Instant signingTime) {
		String fingerprint = key.fingerprint();
		List<String> lines = new ArrayList<>();
		lines.add("Digitally signed by " + key.signerName());
		lines.add("Date: " + SIGNED_AT.format(signingTime));
		lines.add("Reason: " + reason(review));
		lines.add("Certificate SHA-256: " + fingerprint);
		if (key.development()) {
			lines.add("DEVELOPMENT KEY — NOT FOR SUBMISSION");
		}
		return new VisibleSignature(0, CoverLayout.SIGNATURE_X, CoverLayout.SIGNATURE_Y, CoverLayout.SIGNATURE_WIDTH,
				CoverLayout.SIGNATURE_HEIGHT, lines);
	}

	private static byte[] readOutput(Path directory, String name) throws IOException {
		try {
			return Files.readAllBytes(directory.resolve(name));
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException(directory.resolve(name) + " is missing: the review job writes " + name
					+ " into the output directory before the pack is made", ex);
		}
	}

	static void moveIntoPlace(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * A process killed while rendering leaves its work directory behind; the pack step of
	 * the restarted run holds the period's lock, so no other writer is using it.
	 */
	private static void deleteAbandonedWork(Path directory) throws IOException {
		List<Path> abandoned;
		try (Stream<Path> entries = Files.list(directory)) {
			abandoned = entries.filter((entry) -> entry.getFileName().toString().startsWith(WORK_PREFIX))
				.filter(Files::isDirectory)
				.toList();
		}
		for (Path work : abandoned) {
			logger.info("Deleting {}, left by a pack writer that stopped", work);
			deleteRecursively(work);
		}
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
