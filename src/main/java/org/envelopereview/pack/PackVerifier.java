package org.envelopereview.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import tools.jackson.core.JacksonException;

import org.envelopereview.export.ExportChecks;
import org.envelopereview.signing.CertificateFingerprint;
import org.envelopereview.signing.PadesVerifier;
import org.envelopereview.signing.SigningLevel;
import org.envelopereview.signing.VerificationCheck;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * Verifies a signed review pack (SPEC §5): exactly one PAdES signature, covering the
 * whole file and valid; the embedded manifest present and matching every attachment and
 * the signer; optionally the signer trusted.
 */
@Component
public class PackVerifier {

	private final PadesVerifier signatures = new PadesVerifier();

	/**
	 * @param trusted trusted certificates, or {@code null} to skip the trust check
	 */
	public PackVerification verify(Path pack, List<X509Certificate> trusted) {
		List<VerificationCheck> checks = new ArrayList<>();
		byte[] file;
		try {
			file = Files.readAllBytes(pack);
		}
		catch (IOException ex) {
			checks.add(VerificationCheck.fail("file", "cannot read " + pack + ": " + ex.getMessage()));
			return new PackVerification(pack, checks, null);
		}
		try (PDDocument document = Loader.loadPDF(file)) {
			PadesVerifier.SignatureReport report = this.signatures.verify(file, document, trusted);
			checks.addAll(report.checks());
			String fingerprint = (report.signer() != null) ? CertificateFingerprint.sha256(report.signer()) : null;
			if (report.signer() != null) {
				checks.add(VerificationCheck.info("signer",
						report.signer().getSubjectX500Principal().getName() + ", certificate SHA-256 "
								+ CertificateFingerprint.colonSeparated(fingerprint)
								+ (report.signer().getSubjectX500Principal().getName().contains("DEVELOPMENT KEY")
										? " (DEVELOPMENT KEY — NOT FOR SUBMISSION)" : "")));
			}
			if (trusted == null) {
				checks.add(VerificationCheck.info("trust", "not checked (no --trust-store given)"));
			}
			PackManifest manifest = checkAttachments(document, fingerprint, checks);
			if (manifest != null) {
				for (PackManifest.FileDigest listed : manifest.outputs()) {
					if (listed.name().equals(ReviewPackWriter.REGISTER_ANNEX)) {
						checkAnnex(pack, listed, fingerprint, trusted, checks);
					}
				}
				if (manifest.signer().signatureLevel() != null && report.level() != null) {
					checks.add(level(manifest.signer().signatureLevel(), report.level()));
				}
			}
			return new PackVerification(pack, checks, fingerprint, report.level());
		}
		catch (IOException ex) {
			checks.add(VerificationCheck.fail("file", pack + " is not a readable PDF: " + ex.getMessage()));
			return new PackVerification(pack, checks, null);
		}
	}

	/**
	 * The register annex beside the pack (SPEC §9): present, the file the manifest lists,
	 * and itself a valid signed annex by the pack's signer.
	 */
	private void checkAnnex(Path pack, PackManifest.FileDigest listed, String packSigner, List<X509Certificate> trusted,
			List<VerificationCheck> checks) {
		Path annex = pack.resolveSibling(listed.name());
		if (!Files.isRegularFile(annex)) {
			checks.add(VerificationCheck.fail("annex",
					"the manifest lists " + listed.name() + " beside the pack, but " + annex + " is missing"));
			return;
		}
		String actual;
		try {
			actual = ReviewPackWriter.digest(listed.name(), annex).sha256();
		}
		catch (IOException ex) {
			checks.add(VerificationCheck.fail("annex", "cannot read " + annex + ": " + ex.getMessage()));
			return;
		}
		if (!actual.equals(listed.sha256())) {
			checks.add(VerificationCheck.fail("annex",
					listed.name() + " has SHA-256 " + actual + " but the manifest says " + listed.sha256()));
			return;
		}
		PackVerification verification = verify(annex, trusted);
		List<String> failures = verification.failures()
			.stream()
			.map((check) -> check.name() + ": " + check.detail())
			.toList();
		if (!failures.isEmpty()) {
			checks.add(VerificationCheck.fail("annex",
					listed.name() + " fails verification: " + String.join("; ", failures)));
		}
		else if (packSigner != null && !packSigner.equals(verification.signerFingerprint())) {
			checks.add(VerificationCheck.fail("annex", listed.name() + " is signed by "
					+ verification.signerFingerprint() + ", not by the pack's signer"));
		}
		else {
			checks.add(VerificationCheck.pass("annex",
					listed.name() + " beside the pack matches its SHA-256 in the manifest and its signature verifies"));
		}
	}

	/**
	 * A pack signed at B-LTA that reads as B-T lost its validation data and document
	 * time-stamps: truncated to the signature's revision, say.
	 */
	private static VerificationCheck level(String signed, SigningLevel found) {
		SigningLevel expected;
		try {
			expected = SigningLevel.parse(signed);
		}
		catch (IllegalArgumentException ex) {
			return VerificationCheck.fail("level", "the manifest names an unknown signature level: " + signed);
		}
		if (found.compareTo(expected) < 0) {
			return VerificationCheck.fail("level",
					"the manifest says the pack was signed at PAdES-" + expected + " but it is only PAdES-" + found
							+ ": its long-term validation data or time-stamps were stripped");
		}
		return VerificationCheck.pass("level",
				"PAdES-" + found + ", at least the PAdES-" + expected + " the manifest records");
	}

	/**
	 * @return the manifest, or {@code null} when there is none to read
	 */
	private static PackManifest checkAttachments(PDDocument document, String signerFingerprint,
			List<VerificationCheck> checks) throws IOException {
		Map<String, byte[]> attachments = attachments(document);
		byte[] manifestBytes = attachments.get(ReviewPackWriter.MANIFEST);
		if (manifestBytes == null) {
			checks.add(VerificationCheck.fail("manifest",
					"no embedded " + ReviewPackWriter.MANIFEST + "; attachments are " + attachments.keySet()));
			return null;
		}
		PackManifest manifest;
		try {
			manifest = ManifestJson.read(manifestBytes);
		}
		catch (JacksonException ex) {
			checks.add(VerificationCheck.fail("manifest",
					"the embedded manifest.json is not a manifest: " + ex.getOriginalMessage()));
			return null;
		}
		checks.add(VerificationCheck.pass("manifest",
				"embedded manifest.json for board " + manifest.board() + ", period " + manifest.period().label()
						+ ", run " + manifest.run().number() + " (id " + manifest.run().id() + "), "
						+ manifest.inputs().size() + " inputs, " + manifest.sources().size()
						+ " audit-trail source files"));
		List<String> problems = new ArrayList<>();
		TreeSet<String> unlisted = new TreeSet<>(attachments.keySet());
		unlisted.remove(ReviewPackWriter.MANIFEST);
		for (PackManifest.FileDigest output : manifest.outputs()) {
			unlisted.remove(output.name());
			if (output.name().equals(ReviewPackWriter.REGISTER_ANNEX)) {
				// beside the pack, not embedded: checked as a file of its own
				continue;
			}
			byte[] content = attachments.get(output.name());
			if (content == null) {
				problems.add(output.name() + " is listed in the manifest but not embedded");
				continue;
			}
			String actual = HexFormat.of().formatHex(sha256(content));
			if (!actual.equals(output.sha256())) {
				problems.add(output.name() + " has SHA-256 " + actual + " but the manifest says " + output.sha256());
			}
		}
		unlisted.forEach((name) -> problems.add(name + " is embedded but not listed in the manifest"));
		if (problems.isEmpty()) {
			checks.add(VerificationCheck.pass("attachments", "every embedded file matches its SHA-256 in the manifest ("
					+ String.join(", ", attachments.keySet()) + ")"));
		}
		else {
			checks.add(VerificationCheck.fail("attachments", String.join("; ", problems)));
		}
		checkExports(attachments, checks);
		if (signerFingerprint != null) {
			if (signerFingerprint.equals(manifest.signer().certificateSha256())) {
				checks.add(VerificationCheck.pass("manifest-signer", "the manifest names the signing certificate"));
			}
			else {
				checks.add(VerificationCheck.fail("manifest-signer", "the manifest names certificate "
						+ manifest.signer().certificateSha256() + " but the pack is signed by " + signerFingerprint));
			}
		}
		return manifest;
	}

	/**
	 * The OSCAL and OCSF exports (SPEC §10): each well-formed, and the files the OSCAL
	 * documents cite embedded with the SHA-256 they cite. A pack made before the exports
	 * existed has none, which is said, not failed.
	 */
	private static void checkExports(Map<String, byte[]> attachments, List<VerificationCheck> checks) {
		if (!ExportChecks.present(attachments)) {
			checks.add(VerificationCheck.info("exports", "no OSCAL or OCSF exports embedded"));
			return;
		}
		List<String> problems = ExportChecks.problems(attachments);
		if (problems.isEmpty()) {
			checks.add(VerificationCheck.pass("exports",
					"the OSCAL and OCSF exports are well-formed and cite the embedded files by their SHA-256"));
		}
		else {
			checks.add(VerificationCheck.fail("exports", String.join("; ", problems)));
		}
	}

	/** Embedded files by name, from the EmbeddedFiles name tree. */
	static Map<String, byte[]> attachments(PDDocument document) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
		if (names == null || names.getEmbeddedFiles() == null) {
			return files;
		}
		collect(names.getEmbeddedFiles(), files);
		return files;
	}

	private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, byte[]> files)
			throws IOException {
		Map<String, PDComplexFileSpecification> entries = node.getNames();
		if (entries != null) {
			for (Map.Entry<String, PDComplexFileSpecification> entry : entries.entrySet()) {
				PDEmbeddedFile file = entry.getValue().getEmbeddedFileUnicode();
				if (file == null) {
					file = entry.getValue().getEmbeddedFile();
				}
				if (file != null) {
					files.put(entry.getKey(), file.toByteArray());
				}
			}
		}
		if (node.getKids() != null) {
			for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
				collect(kid, files);
			}
		}
	}

	/** The file names the catalog's /AF array lists, for tests and diagnostics. */
	static List<String> associatedFileNames(PDDocument document) {
		List<String> result = new ArrayList<>();
		COSBase af = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
		if (af instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.getObject(i) instanceof COSDictionary specification) {
					result.add(specification.getString(COSName.UF));
				}
			}
		}
		return result;
	}

	private static byte[] sha256(byte[] content) {
		return Sha256.of(content);
	}

}
