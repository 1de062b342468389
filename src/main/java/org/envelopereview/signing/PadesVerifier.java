package org.envelopereview.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Checks the one PAdES signature of a signed PDF: that it covers the whole file (or the
 * file as signed, then only long-term validation updates), that the CMS verifies against
 * the signed bytes, that it has the PAdES baseline attributes, its time-stamp if any,
 * (optionally) that the signer is trusted; then the level reached and, at B-LTA, the
 * validation data and document time-stamps.
 */
public class PadesVerifier {

	/**
	 * What the signature check found, with the signer when one could be read and the
	 * level the pack reaches ({@code null} when its signature is not valid).
	 */
	public record SignatureReport(List<VerificationCheck> checks, X509Certificate signer, SigningLevel level) {

		public SignatureReport {
			checks = List.copyOf(checks);
		}

		public SignatureReport(List<VerificationCheck> checks, X509Certificate signer) {
			this(checks, signer, null);
		}

	}

	/**
	 * @param file the whole file as read from disk
	 * @param document the same file, parsed
	 * @param trusted trusted certificates, or {@code null} when no trust store was given
	 */
	public SignatureReport verify(byte[] file, PDDocument document, List<X509Certificate> trusted) {
		List<VerificationCheck> checks = new ArrayList<>();
		List<SignedRevision> revisions;
		try {
			revisions = SignedRevision.of(file, document);
		}
		catch (IOException | RuntimeException ex) {
			checks.add(VerificationCheck.fail("signature", "cannot read the signature fields: " + ex.getMessage()));
			return new SignatureReport(checks, null);
		}
		List<SignedRevision> approvals = revisions.stream()
			.filter((revision) -> !revision.documentTimeStamp())
			.toList();
		List<SignedRevision> documentTimeStamps = revisions.stream().filter(SignedRevision::documentTimeStamp).toList();
		if (approvals.size() != 1) {
			checks.add(VerificationCheck.fail("signature",
					(revisions.isEmpty() ? "the file is not signed"
							: (approvals.isEmpty() ? "the file has document time-stamps but no signature"
									: "expected exactly one signature, found " + approvals.size()))));
			return new SignatureReport(checks, null);
		}
		SignedRevision approval = approvals.get(0);
		PDSignature signature = approval.dictionary();
		if (revisions.get(0) != approval) {
			checks.add(VerificationCheck.fail("signature", "a document time-stamp precedes the signature"));
		}
		if (!PadesSigner.ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) {
			checks.add(VerificationCheck.fail("signature",
					"SubFilter is " + signature.getSubFilter() + ", not ETSI.CAdES.detached (PAdES)"));
		}
		else {
			checks.add(VerificationCheck.pass("signature", "one PAdES signature (ETSI.CAdES.detached), signed "
					+ ((signature.getSignDate() != null) ? signature.getSignDate().toInstant() : "at an unstated time")
					+ ", reason \"" + signature.getReason() + "\""));
		}
		// checked even when the coverage is wrong: the CMS may still verify over what it
		// claims to cover
		checks.add(coverage(file, signature, !documentTimeStamps.isEmpty()));
		X509Certificate signer = verifyCms(file, signature, checks);
		if (signer != null && trusted != null) {
			checks.add(trust(signer, trusted));
		}
		SigningLevel level = null;
		if (checks.stream().noneMatch(VerificationCheck::failed)) {
			level = new LongTermChecks(file, document, revisions).check(checks);
		}
		return new SignatureReport(checks, signer, level);
	}

	static VerificationCheck coverage(byte[] file, PDSignature signature, boolean extended) {
		int[] range = signature.getByteRange();
		if (range == null || range.length != 4) {
			return VerificationCheck.fail("coverage", "the signature has no valid /ByteRange");
		}
		long end = (long) range[2] + range[3];
		if (range[0] != 0) {
			return VerificationCheck.fail("coverage", "the signed range starts at byte " + range[0] + ", not 0");
		}
		if (range[1] <= 0 || range[2] <= range[1] || end > file.length) {
			return VerificationCheck.fail("coverage",
					"the byte range " + Arrays.toString(range) + " does not fit the file of " + file.length + " bytes");
		}
		if (file[range[1]] != '<' || file[range[2] - 1] != '>') {
			return VerificationCheck.fail("coverage",
					"the unsigned gap " + range[1] + ".." + range[2] + " is not the signature's /Contents");
		}
		if (end < file.length && extended) {
			return VerificationCheck.pass("coverage", "the signature covers the file as signed (" + end
					+ " bytes, all but its own /Contents); long-term validation updates follow");
		}
		if (end < file.length) {
			return VerificationCheck.fail("coverage", (file.length - end) + " bytes after the signed range: the file "
					+ "was changed after signing (an incremental update was appended)");
		}
		return VerificationCheck.pass("coverage",
				"the signature covers the whole file (" + file.length + " bytes, all but its own /Contents)");
	}

	private static X509Certificate verifyCms(byte[] file, PDSignature signature, List<VerificationCheck> checks) {
		try {
			byte[] contents = derPrefix(signature.getContents(file));
			byte[] signed = signature.getSignedContent(file);
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				checks.add(VerificationCheck.fail("cms", "expected one signer, found " + signers.size()));
				return null;
			}
			SignerInformation signerInfo = signers.iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates()
				.getMatches((Selector<X509CertificateHolder>) signerInfo.getSID());
			if (matches.isEmpty()) {
				checks.add(VerificationCheck.fail("cms", "the signer's certificate is not in the signature"));
				return null;
			}
			X509CertificateHolder holder = matches.iterator().next();
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
			try {
				if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
					checks.add(VerificationCheck.fail("cms",
							"the signature value does not verify with the " + "signer's public key"));
					return certificate;
				}
			}
			catch (CMSSignerDigestMismatchException ex) {
				checks.add(VerificationCheck.fail("cms", "the SHA-256 of the signed bytes does not match the signed "
						+ "message digest: the file was altered after signing"));
				return certificate;
			}
			checks.add(VerificationCheck.pass("cms",
					"the CMS signature verifies over the signed bytes (" + signerInfo.getDigestAlgOID()
							+ " digest, signer " + certificate.getSubjectX500Principal().getName() + ")"));
			checks.add(padesAttributes(signerInfo, certificate));
			VerificationCheck timeStamp = timeStamp(signerInfo);
			if (timeStamp != null) {
				checks.add(timeStamp);
			}
			return certificate;
		}
		catch (IOException | CMSException | CertificateException | OperatorCreationException | RuntimeException ex) {
			checks.add(VerificationCheck.fail("cms", "the signature cannot be read or verified: " + ex.getMessage()));
			return null;
		}
	}

	/**
	 * The DER structure at the start of /Contents, without the zero padding that usually
	 * fills the rest of the reserved space.
	 */
	static byte[] derPrefix(byte[] contents) {
		if (contents.length < 2 || contents[0] != 0x30) {
			return contents;
		}
		int first = contents[1] & 0xff;
		long length;
		int header;
		if (first < 0x80) {
			length = first;
			header = 2;
		}
		else {
			int octets = first & 0x7f;
			if (octets == 0 || octets > 4 || contents.length < 2 + octets) {
				return contents;
			}
			length = 0;
			for (int i = 0; i < octets; i++) {
				length = (length << 8) | (contents[2 + i] & 0xff);
			}
			header = 2 + octets;
		}
		long total = header + length;
		return (total <= contents.length) ? Arrays.copyOf(contents, (int) total) : contents;
	}

	private static VerificationCheck padesAttributes(SignerInformation signerInfo, X509Certificate certificate) {
		AttributeTable signed = signerInfo.getSignedAttributes();
		if (signed == null) {
			return VerificationCheck.fail("pades", "the CMS has no signed attributes");
		}
		if (signed.get(CMSAttributes.signingTime) != null) {
			return VerificationCheck.fail("pades", "the CMS carries a signing-time attribute, which PAdES forbids");
		}
		if (signed.get(CMSAttributes.contentType) == null || signed.get(CMSAttributes.messageDigest) == null) {
			return VerificationCheck.fail("pades", "content-type or message-digest attribute missing");
		}
		Attribute attribute = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null) {
			return VerificationCheck.fail("pades", "no signing-certificate-v2 attribute");
		}
		ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
		byte[] expected = CertificateFingerprint.digest(SigningKey.encoded(certificate));
		if (!Arrays.equals(id.getCertHash(), expected)) {
			return VerificationCheck.fail("pades", "signing-certificate-v2 does not name the signer's certificate");
		}
		return VerificationCheck.pass("pades",
				"baseline attributes: content-type, message-digest, signing-certificate-v2; no signing-time");
	}

	private static VerificationCheck timeStamp(SignerInformation signerInfo) {
		AttributeTable unsigned = signerInfo.getUnsignedAttributes();
		Attribute attribute = (unsigned != null) ? unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
				: null;
		if (attribute == null) {
			return VerificationCheck.info("timestamp", "no signature time-stamp (PAdES-B-B)");
		}
		try {
			ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
			TimeStampToken token = new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded()));
			byte[] imprint = CertificateFingerprint.digest(signerInfo.getSignature());
			if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
				return VerificationCheck.fail("timestamp", "the time-stamp does not cover this signature value");
			}
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> tsa = token.getCertificates()
				.getMatches((Selector<X509CertificateHolder>) token.getSID());
			if (tsa.isEmpty()) {
				return VerificationCheck.fail("timestamp", "the time-stamp carries no TSA certificate");
			}
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.iterator().next()));
			return VerificationCheck.pass("timestamp",
					"RFC 3161 signature time-stamp " + token.getTimeStampInfo().getGenTime().toInstant() + " by "
							+ tsa.iterator().next().getSubject() + " (PAdES-B-T)");
		}
		catch (IOException | CMSException | TSPException | OperatorCreationException | CertificateException
				| RuntimeException ex) {
			return VerificationCheck.fail("timestamp", "the signature time-stamp does not verify: " + ex.getMessage());
		}
	}

	private static VerificationCheck trust(X509Certificate signer, List<X509Certificate> trusted) {
		for (X509Certificate anchor : trusted) {
			if (anchor.equals(signer)) {
				return VerificationCheck.pass("trust", "the signer's certificate is in the trust store");
			}
			if (anchor.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
				try {
					signer.verify(anchor.getPublicKey());
					return VerificationCheck.pass("trust", "the signer's certificate is issued by trusted "
							+ anchor.getSubjectX500Principal().getName());
				}
				catch (GeneralSecurityException ex) {
					// not this anchor
				}
			}
		}
		return VerificationCheck.fail("trust", "the signer " + signer.getSubjectX500Principal().getName()
				+ " is neither in the trust store nor issued by a certificate in it");
	}

	/**
	 * Reads trusted certificates from a PEM file or a PKCS#12 keystore (password from the
	 * given characters, or none).
	 */
	public static List<X509Certificate> readTrustStore(Path path, char[] password) {
		try {
			byte[] bytes = Files.readAllBytes(path);
			if (new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.US_ASCII)
				.contains("-----BEGIN")) {
				List<X509Certificate> certificates = new ArrayList<>();
				for (Certificate certificate : CertificateFactory.getInstance("X.509")
					.generateCertificates(new ByteArrayInputStream(bytes))) {
					certificates.add((X509Certificate) certificate);
				}
				return certificates;
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = new ByteArrayInputStream(bytes)) {
				store.load(in, password);
			}
			List<X509Certificate> certificates = new ArrayList<>();
			for (String alias : Collections.list(store.aliases())) {
				Certificate certificate = store.getCertificate(alias);
				if (certificate instanceof X509Certificate x509) {
					certificates.add(x509);
				}
			}
			return certificates;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningKeyException("cannot read trust store " + path + ": " + ex.getMessage()
					+ " (PEM certificates or a PKCS#12 keystore)", ex);
		}
	}

}
