package org.envelopereview.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Makes a PAdES-B-T signed PDF B-LTA, or extends a B-LTA one: an incremental update
 * adding to the /DSS the validation data (certificates, OCSP responses or CRLs) of the
 * signer's chain and of every time-stamp authority's, then an incremental update holding
 * a document time-stamp (ETSI.RFC3161) over the whole file.
 */
class ArchiveTimeStamper {

	private static final int MAX_SIZE_ATTEMPTS = 6;

	private static final int MAX_TOKENS_PER_SIZE = 24;

	private final SignatureTimeStamper timeStamper;

	private final RevocationFetcher revocations;

	ArchiveTimeStamper(SignatureTimeStamper timeStamper, RevocationFetcher revocations) {
		this.timeStamper = timeStamper;
		this.revocations = revocations;
	}

	/**
	 * Writes {@code source} plus the two updates to {@code target} (which may be the same
	 * path: the new file replaces it only once complete).
	 */
	void extend(Path source, Path target) {
		try {
			byte[] file = Files.readAllBytes(source);
			byte[] withDss = withValidationData(file, source);
			byte[] stamped = withDocumentTimeStamp(withDss, source);
			Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "archive-timestamp", ".tmp");
			try {
				Files.write(temporary, stamped);
				Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
						java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new SigningException("cannot add the long-term validation data to " + source + ": " + ex.getMessage(),
					ex);
		}
	}

	private byte[] withValidationData(byte[] file, Path source) throws IOException {
		try (PDDocument document = Loader.loadPDF(file)) {
			List<SignedRevision> revisions = SignedRevision.of(file, document);
			if (revisions.isEmpty() || revisions.get(0).documentTimeStamp()) {
				throw new SigningException(source + " has no PAdES signature to extend");
			}
			ValidationData existing = DocumentSecurityStore.read(document);
			Set<X509Certificate> pool = new LinkedHashSet<>(existing.certificates());
			List<X509Certificate> subjects = new ArrayList<>();
			X509Certificate latestTsa = null;
			try {
				for (SignedRevision revision : revisions) {
					CMSSignedData cms = new CMSSignedData(revision.cms());
					if (!revision.documentTimeStamp()) {
						pool.addAll(SignedRevision.certificates(cms));
						subjects.add(SignedRevision.signerCertificate(cms));
					}
					TimeStampToken token = revision.timeStampToken();
					if (token == null) {
						throw new SigningException(source + " is PAdES-B-B: its signature has no signature time-stamp, "
								+ "so it cannot be extended to B-LTA (sign with a time-stamp authority)");
					}
					CMSSignedData tokenCms = token.toCMSSignedData();
					pool.addAll(SignedRevision.certificates(tokenCms));
					latestTsa = SignedRevision.signerCertificate(tokenCms);
					subjects.add(latestTsa);
				}
			}
			catch (CMSException | TSPException | CertificateException ex) {
				throw new SigningException("cannot read the signatures of " + source + ": " + ex.getMessage(), ex);
			}
			ValidationData added = ValidationData.empty();
			Set<X509Certificate> done = new LinkedHashSet<>();
			for (X509Certificate subject : subjects) {
				X509Certificate certificate = subject;
				boolean latest = subject.equals(latestTsa);
				while (certificate != null && !RevocationFetcher.selfSigned(certificate) && done.add(certificate)) {
					X509Certificate issuer = RevocationFetcher.issuerOf(certificate, pool);
					if (issuer == null) {
						throw new SigningException("the issuer of " + certificate.getSubjectX500Principal().getName()
								+ " is not in " + source + ": put the whole chain in the keystore (or the TSA's "
								+ "tokens) for PAdES-B-LTA");
					}
					// the latest time-stamp's chain gets fresh data: it is what the new
					// document time-stamp has to protect
					if (latest || !DocumentSecurityStore.covers(existing.plus(added), certificate, issuer)) {
						added = added.plus(this.revocations.fetch(certificate, issuer));
					}
					else {
						added = added.plus(new ValidationData(List.of(certificate, issuer), List.of(), List.of()));
					}
					certificate = issuer;
				}
				if (certificate != null && RevocationFetcher.selfSigned(certificate)) {
					added = added.plus(new ValidationData(List.of(certificate), List.of(), List.of()));
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 16_384);
			DocumentSecurityStore.addAndSaveIncremental(document, added, out);
			return out.toByteArray();
		}
	}

	private byte[] withDocumentTimeStamp(byte[] file, Path source) throws IOException {
		int size = encoded(this.timeStamper.timeStampDigest(new byte[32])).length;
		for (int attempt = 0; attempt < MAX_SIZE_ATTEMPTS; attempt++) {
			try (PDDocument document = Loader.loadPDF(file); SignatureOptions options = new SignatureOptions()) {
				PDSignature signature = new PDSignature();
				signature.setType(COSName.DOC_TIME_STAMP);
				signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
				signature.setSubFilter(SignedRevision.ETSI_RFC3161);
				options.setPreferredSignatureSize(size);
				document.addSignature(signature, options);
				ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 2 * size + 4096);
				ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
				byte[] digest = CertificateFingerprint.digest(external.getContent().readAllBytes());
				// BouncyCastle 1.85+ (and so EU DSS) rejects zero padding after the
				// token:
				// it must fill /Contents exactly, and an ECDSA token's length varies
				int last = size;
				for (int i = 0; i < MAX_TOKENS_PER_SIZE; i++) {
					byte[] token = encoded(this.timeStamper.timeStampDigest(digest));
					if (token.length == size) {
						external.setSignature(token);
						return out.toByteArray();
					}
					last = token.length;
				}
				size = last;
			}
		}
		throw new SigningException("cannot size the document time-stamp of " + source + ": the token length of "
				+ this.timeStamper.url() + " kept changing");
	}

	private static byte[] encoded(TimeStampToken token) {
		try {
			return token.toCMSSignedData().getEncoded(ASN1Encoding.DER);
		}
		catch (IOException ex) {
			throw new SigningException("cannot encode a time-stamp token: " + ex.getMessage(), ex);
		}
	}

}
