package org.envelopereview.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * After the signature itself verified: its document time-stamps, that only long-term
 * validation updates follow it, the validation data in the /DSS, and so the level the
 * pack reaches and how long its last time-stamp keeps it verifiable.
 */
final class LongTermChecks {

	private final byte[] file;

	private final PDDocument document;

	private final List<SignedRevision> revisions;

	LongTermChecks(byte[] file, PDDocument document, List<SignedRevision> revisions) {
		this.file = file;
		this.document = document;
		this.revisions = revisions;
	}

	/** Adds its checks; returns the level reached. */
	SigningLevel check(List<VerificationCheck> checks) {
		SignedRevision approval = this.revisions.get(0);
		List<SignedRevision> stamps = this.revisions.subList(1, this.revisions.size());
		Set<X509Certificate> pool = new LinkedHashSet<>();
		TimeStampToken signatureTimeStamp;
		X509Certificate signer;
		try {
			CMSSignedData cms = new CMSSignedData(approval.cms());
			pool.addAll(SignedRevision.certificates(cms));
			signer = SignedRevision.signerCertificate(cms);
			signatureTimeStamp = approval.timeStampToken();
		}
		catch (IOException | CMSException | TSPException | CertificateException | RuntimeException ex) {
			checks.add(VerificationCheck.fail("level", "cannot read the signature again: " + ex.getMessage()));
			return null;
		}
		if (signatureTimeStamp == null) {
			if (!stamps.isEmpty()) {
				checks.add(VerificationCheck.fail("level", "document time-stamps follow a signature without a "
						+ "signature time-stamp: not a PAdES baseline B-LTA"));
				return null;
			}
			checks.add(VerificationCheck.info("level", "PAdES-B-B: proves who signed, while the signer's certificate "
					+ "is valid (until " + signer.getNotAfter().toInstant() + ") and not revoked"));
			return SigningLevel.B_B;
		}
		List<TimeStampToken> tokens = new ArrayList<>();
		tokens.add(signatureTimeStamp);
		boolean stampsValid = true;
		for (int i = 0; i < stamps.size(); i++) {
			TimeStampToken token = documentTimeStamp(stamps.get(i), i + 1, stamps.size(), tokens, checks);
			if (token == null) {
				stampsValid = false;
			}
			else {
				tokens.add(token);
			}
		}
		if (!stamps.isEmpty() && this.revisions.get(this.revisions.size() - 1).end() < this.file.length) {
			long extra = this.file.length - this.revisions.get(this.revisions.size() - 1).end();
			checks.add(VerificationCheck.fail("coverage", extra + " bytes after the last document time-stamp: the file "
					+ "was changed after it (an incremental update was appended)"));
			stampsValid = false;
		}
		if (!stamps.isEmpty()) {
			checks.add(updates(approval));
		}
		for (TimeStampToken token : tokens) {
			try {
				pool.addAll(SignedRevision.certificates(token.toCMSSignedData()));
			}
			catch (CertificateException ex) {
				// the time-stamp's own check reports it
			}
		}
		ValidationData dss;
		try {
			dss = DocumentSecurityStore.read(this.document);
		}
		catch (IOException ex) {
			checks.add(VerificationCheck.fail("dss", ex.getMessage()));
			return null;
		}
		pool.addAll(dss.certificates());
		boolean hasDss = DocumentSecurityStore.present(this.document);
		if (stamps.isEmpty()) {
			X509Certificate tsa = tsaCertificate(signatureTimeStamp);
			checks.add(VerificationCheck.info("level",
					"PAdES-B-T" + (hasDss ? " (with a /DSS but no document time-stamp over it)" : "")
							+ ": proves the signature existed at " + genTime(signatureTimeStamp)));
			checks.add(validity("signature time-stamp", signatureTimeStamp, tsa,
					"extend the pack to B-LTA with retimestamp before then"));
			return SigningLevel.B_T;
		}
		if (!hasDss) {
			checks.add(VerificationCheck.fail("dss", "no /DSS although " + stamps.size() + " document time-stamp(s) "
					+ "follow the signature: the validation data was stripped"));
			return null;
		}
		// every certificate but the last time-stamp's needs its validation data: the
		// last one is validated now, the others at the time the next one proves
		List<X509Certificate> subjects = new ArrayList<>();
		subjects.add(signer);
		for (TimeStampToken token : tokens.subList(0, tokens.size() - 1)) {
			subjects.add(tsaCertificate(token));
		}
		List<String> missing = new ArrayList<>();
		int covered = 0;
		for (X509Certificate subject : subjects) {
			X509Certificate certificate = subject;
			Set<X509Certificate> seen = new LinkedHashSet<>();
			while (certificate != null && seen.add(certificate) && !RevocationFetcher.selfSigned(certificate)) {
				X509Certificate issuer = RevocationFetcher.issuerOf(certificate, pool);
				String name = CertificateFingerprint.commonName(certificate.getSubjectX500Principal());
				if (issuer == null) {
					missing.add("the issuer of " + name);
					break;
				}
				if (!dss.certificates().contains(certificate)) {
					missing.add("the certificate " + name);
				}
				if (!DocumentSecurityStore.covers(dss, certificate, issuer)) {
					missing.add("an OCSP response or CRL for " + name);
				}
				else {
					covered++;
				}
				certificate = issuer;
			}
		}
		if (!missing.isEmpty()) {
			checks.add(VerificationCheck.fail("dss",
					"the /DSS lacks " + String.join(", ", missing.stream().distinct().toList())
							+ ": the validation data was stripped or never added"));
			return null;
		}
		checks.add(VerificationCheck.pass("dss",
				"validation data for the signer's and the time-stamp authorities' certificates (" + covered
						+ " with revocation data): " + dss.certificates().size() + " certificates, "
						+ dss.ocspResponses().size() + " OCSP responses, " + dss.crls().size() + " CRLs"));
		if (!stampsValid) {
			return null;
		}
		TimeStampToken last = tokens.get(tokens.size() - 1);
		checks.add(VerificationCheck.info("level", "PAdES-B-LTA: proves the signature existed at "
				+ genTime(signatureTimeStamp) + " and embeds what a validator needs offline, " + (stamps.size() == 1
						? "under one document time-stamp" : "under " + stamps.size() + " document time-stamps")));
		checks.add(validity("last document time-stamp", last, tsaCertificate(last), "run retimestamp before then"));
		return SigningLevel.B_LTA;
	}

	private TimeStampToken documentTimeStamp(SignedRevision stamp, int number, int count, List<TimeStampToken> earlier,
			List<VerificationCheck> checks) {
		String name = "document-timestamp";
		String which = "document time-stamp " + number + " of " + count;
		VerificationCheck coverage = PadesVerifier.coverage(this.file, stamp.dictionary(), true);
		if (coverage.failed()) {
			checks.add(VerificationCheck.fail(name, which + ": " + coverage.detail()));
			return null;
		}
		try {
			TimeStampToken token = stamp.timeStampToken();
			X509Certificate tsa = tsaCertificate(token);
			if (tsa == null) {
				checks.add(VerificationCheck.fail(name, which + " carries no TSA certificate"));
				return null;
			}
			DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
				.get(token.getTimeStampInfo().getHashAlgorithm());
			try (OutputStream out = digest.getOutputStream()) {
				out.write(stamp.dictionary().getSignedContent(this.file));
			}
			if (!Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
				checks.add(VerificationCheck.fail(name,
						which + " does not match the bytes it covers: the file was " + "altered after it"));
				return null;
			}
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
			Instant previous = genTime(earlier.get(earlier.size() - 1));
			if (genTime(token).isBefore(previous)) {
				checks.add(VerificationCheck.fail(name, which + " at " + genTime(token)
						+ " is older than the time-stamp before it (" + previous + ")"));
				return null;
			}
			checks.add(VerificationCheck.pass(name,
					which + " (ETSI.RFC3161) at " + genTime(token) + " by "
							+ CertificateFingerprint.commonName(tsa.getSubjectX500Principal()) + ", covering "
							+ stamp.end() + " bytes"));
			return token;
		}
		catch (IOException | CMSException | TSPException | OperatorCreationException | RuntimeException ex) {
			checks.add(VerificationCheck.fail(name, which + " does not verify: " + ex.getMessage()));
			return null;
		}
	}

	private VerificationCheck updates(SignedRevision approval) {
		try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(this.file, (int) approval.end()))) {
			List<String> problems = AllowedUpdates.problems(signed, this.document);
			if (problems.isEmpty()) {
				return VerificationCheck.pass("updates",
						"after the signature only validation data (/DSS) and document time-stamps were added");
			}
			return VerificationCheck.fail("updates", String.join("; ", problems));
		}
		catch (IOException | RuntimeException ex) {
			return VerificationCheck.fail("updates", "cannot read the file as signed: " + ex.getMessage());
		}
	}

	private static VerificationCheck validity(String what, TimeStampToken token, X509Certificate tsa, String advice) {
		if (tsa == null) {
			return VerificationCheck.info("validity", "the " + what + " carries no TSA certificate");
		}
		return VerificationCheck.info("validity",
				"the " + what + " (" + genTime(token) + ") is verifiable while its TSA certificate is valid: "
						+ tsa.getNotBefore().toInstant() + " to " + tsa.getNotAfter().toInstant() + "; " + advice);
	}

	private static Instant genTime(TimeStampToken token) {
		return token.getTimeStampInfo().getGenTime().toInstant();
	}

	private static X509Certificate tsaCertificate(TimeStampToken token) {
		try {
			return SignedRevision.signerCertificate(token.toCMSSignedData());
		}
		catch (CertificateException | RuntimeException ex) {
			return null;
		}
	}

}
