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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.action.chain.ChainVerification;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.export.ExportFiles;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningKey;
import org.envelopereview.signing.SigningKeys;
import org.envelopereview.signing.VisibleSignature;
import org.envelopereview.system.ProgressBars;
import org.envelopereview.system.Sha256;
import org.envelopereview.system.SoftwareVersion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes one board's signed review pack: renders {@code review-pack.pdf} (PDF/A-3b),
 * embeds findings.json, findings.csv, the OSCAL and OCSF exports and manifest.json, signs
 * it (PAdES) and moves it into {@code review.outputDir()}, with manifest.json beside it.
 */
@Component
public class ReviewPackWriter {

	/** The pack's file name in the output directory. */
	public static final String PACK = "review-pack.pdf";

	public static final String MANIFEST = "manifest.json";

	public static final String FINDINGS_JSON = "findings.json";

	public static final String FINDINGS_CSV = "findings.csv";

	/** The finding groups the pack shows (SPEC §9), attached and beside it. */
	public static final String FINDING_GROUPS_JSON = "finding-groups.json";

	/** The optional register annex beside the pack: every finding on paper. */
	public static final String REGISTER_ANNEX = RegisterAnnex.FILE;

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

	private final ReviewPackProperties properties;

	public ReviewPackWriter(SigningKeys keys, PadesSigner signer) {
		this(keys, signer, ReviewPackProperties.DEFAULTS);
	}

	@Autowired
	public ReviewPackWriter(SigningKeys keys, PadesSigner signer, ReviewPackProperties properties) {
		this.keys = keys;
		this.signer = signer;
		this.properties = properties;
	}

	/**
	 * Writes the pack of one board and period: render to a temporary file, attach, sign
	 * incrementally, then move the pack and its manifest into place.
	 * @return the path of the signed {@code review-pack.pdf}
	 */
	public Path write(BoardReview review) {
		Path directory = review.outputDir();
		try (ProgressBar progress = ProgressBars.builder("Pack " + review.board().id(), " steps", 1)
			.setInitialMax(5)
			.build()) {
			SigningKey key = this.keys.load();
			Files.createDirectories(directory);
			deleteAbandonedWork(directory);
			byte[] findingsJson = readOutput(directory, FINDINGS_JSON);
			byte[] findingsCsv = readOutput(directory, FINDINGS_CSV);
			ReviewFacts facts = new ReviewFacts(review);
			byte[] groupsJson = FindingGroupsJson.write(review, facts.groups());
			List<ExportContent> exports = readExports(directory);
			progress.step();
			Path work = Files.createTempDirectory(directory, WORK_PREFIX);
			try {
				List<PackManifest.FileDigest> outputs = new ArrayList<>(List.of(digest(FINDINGS_JSON, findingsJson),
						digest(FINDINGS_CSV, findingsCsv), digest(FINDING_GROUPS_JSON, groupsJson)));
				exports.forEach((export) -> outputs.add(digest(export.file().name(), export.content())));
				Path annex = null;
				if (this.properties.registerAnnex()) {
					progress.setExtraMessage("register annex");
					annex = writeAnnex(review, key, work);
					outputs.add(digest(REGISTER_ANNEX, annex));
				}
				PackManifest manifest = manifest(review, key, PACK, outputs);
				byte[] manifestJson = ManifestJson.write(manifest);
				progress.setExtraMessage("rendering");
				Path rendered = work.resolve("rendered.pdf");
				new PackRenderer(this.templates).render(new PackSections(facts, manifest, this.templates.subreports()),
						metadata(review), rendered, work);
				progress.step();
				Path attached = work.resolve("attached.pdf");
				this.associatedFiles.attach(rendered, attached,
						attachments(findingsJson, findingsCsv, groupsJson, exports, manifestJson));
				progress.setExtraMessage("signing");
				progress.step();
				Path signed = work.resolve("signed.pdf");
				Instant signingTime = Instant.now();
				this.signer.sign(attached, signed, key, reason(review),
						visibleSignature(key, reason(review), signingTime), signingTime);
				progress.step();
				Path pack = publish(directory, work, signed, manifestJson, groupsJson, annex);
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

	/**
	 * Renders, attaches its own manifest to and signs the register annex in the work
	 * directory.
	 * @return the signed annex
	 */
	private Path writeAnnex(BoardReview review, SigningKey key, Path work) throws IOException {
		PackManifest manifest = manifest(review, key, REGISTER_ANNEX, List.of());
		byte[] manifestJson = ManifestJson.write(manifest);
		Path rendered = work.resolve("register-rendered.pdf");
		new RegisterAnnex(this.templates).render(review, manifest,
				new PackRenderer.Metadata("Register annex " + review.board().name() + " " + review.period().label(),
						"Every finding of the periodic envelope review " + review.period().label() + " for board "
								+ review.board().id() + ", run " + review.runNumber(),
						"Envelope Review",
						"envelope review, register, " + review.board().id() + ", " + review.period().label(),
						"Envelope Review " + SoftwareVersion.current()),
				rendered, work);
		Path attached = work.resolve("register-attached.pdf");
		this.associatedFiles.attach(rendered, attached, List.of(new AssociatedFiles.Attachment(MANIFEST, manifestJson,
				"application/json", "Board, period, run, inputs and signer of this register annex", Instant.now())));
		Path signed = work.resolve("register-signed.pdf");
		Instant signingTime = Instant.now();
		String reason = "Register annex to the periodic envelope review " + review.period().label();
		this.signer.sign(attached, signed, key, reason, visibleSignature(key, reason, signingTime), signingTime);
		return signed;
	}

	private static List<AssociatedFiles.Attachment> attachments(byte[] findingsJson, byte[] findingsCsv,
			byte[] groupsJson, List<ExportContent> exports, byte[] manifestJson) {
		Instant now = Instant.now();
		List<AssociatedFiles.Attachment> attachments = new ArrayList<>();
		attachments.add(new AssociatedFiles.Attachment(FINDINGS_JSON, findingsJson, "application/json",
				"Findings of this review, machine-readable", now));
		attachments.add(new AssociatedFiles.Attachment(FINDINGS_CSV, findingsCsv, "text/csv",
				"Findings of this review as CSV", now));
		attachments.add(new AssociatedFiles.Attachment(FINDING_GROUPS_JSON, groupsJson, "application/json",
				"The finding groups this pack shows: count, first and last occurrence, examples", now));
		for (ExportContent export : exports) {
			attachments.add(new AssociatedFiles.Attachment(export.file().name(), export.content(),
					export.file().mediaType(), export.file().description(), now));
		}
		attachments.add(new AssociatedFiles.Attachment(MANIFEST, manifestJson, "application/json",
				"SHA-256 of every input and output, software version and signer", now));
		return attachments;
	}

	/** An export the review job wrote beside findings.json, and its bytes. */
	private record ExportContent(ExportFiles.ExportFile file, byte[] content) {
	}

	/**
	 * The exports beside findings.json (SPEC §10), in {@link ExportFiles#ALL} order; the
	 * plan of action and milestones is absent when the board has nothing to plan.
	 */
	private static List<ExportContent> readExports(Path directory) throws IOException {
		List<ExportContent> exports = new ArrayList<>();
		for (ExportFiles.ExportFile file : ExportFiles.ALL) {
			Path path = directory.resolve(file.name());
			if (Files.isRegularFile(path)) {
				exports.add(new ExportContent(file, Files.readAllBytes(path)));
			}
		}
		return exports;
	}

	/**
	 * Moves the finding groups, the register annex, the manifest and then the signed pack
	 * into the output directory.
	 */
	private static Path publish(Path directory, Path work, Path signed, byte[] manifestJson, byte[] groupsJson,
			Path annex) throws IOException {
		Path pack = directory.resolve(PACK);
		Path groups = work.resolve(FINDING_GROUPS_JSON);
		Files.write(groups, groupsJson);
		moveIntoPlace(groups, directory.resolve(FINDING_GROUPS_JSON));
		if (annex != null) {
			moveIntoPlace(annex, directory.resolve(REGISTER_ANNEX));
		}
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

	private PackManifest manifest(BoardReview review, SigningKey key, String file,
			List<PackManifest.FileDigest> outputs) {
		List<PackManifest.FileDigest> inputs = new ArrayList<>();
		review.inputs().forEach((input) -> inputs.add(new PackManifest.FileDigest(input.name(), input.sha256(), null)));
		inputs.sort(Comparator.comparing(PackManifest.FileDigest::name));
		return new PackManifest(PackManifest.FORMAT, review.board().id(), review.board().name(),
				new PackManifest.Period(review.period().label(), review.period().start().toString(),
						review.period().end().toString()),
				new PackManifest.Run(review.runId(), review.runNumber()), SoftwareVersion.current(),
				new PackManifest.Signer(key.certificate().getSubjectX500Principal().getName(), key.fingerprint(),
						key.development(), this.signer.level().label()),
				file, inputs, outputs,
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

	static PackManifest.FileDigest digest(String name, Path file) throws IOException {
		java.security.MessageDigest digest = Sha256.newDigest();
		try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return new PackManifest.FileDigest(name, java.util.HexFormat.of().formatHex(digest.digest()), Files.size(file));
	}

	private static PackRenderer.Metadata metadata(BoardReview review) {
		return new PackRenderer.Metadata("Review pack " + review.board().name() + " " + review.period().label(),
				"Periodic envelope review " + review.period().label() + " for board " + review.board().id() + ", run "
						+ review.runNumber(),
				"Envelope Review", "envelope review, " + review.board().id() + ", " + review.period().label(),
				"Envelope Review " + SoftwareVersion.current());
	}

	private static VisibleSignature visibleSignature(SigningKey key, String reason, Instant signingTime) {
		String fingerprint = key.fingerprint();
		List<String> lines = new ArrayList<>();
		lines.add("Digitally signed by " + key.signerName());
		lines.add("Date: " + SIGNED_AT.format(signingTime));
		lines.add("Reason: " + reason);
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
