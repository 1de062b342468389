package org.envelopereview.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Fetches the revocation data of certificates the way validators would: an OCSP response
 * from the responder the certificate's AIA extension names, else the CRL of its CRL
 * distribution point. Checks what it fetched (signed by the issuer or its delegated
 * responder, certificate not revoked) so that a pack never embeds proof against itself.
 */
class RevocationFetcher {

	/**
	 * Validation data for {@code certificate}, issued by {@code issuer}.
	 * @throws SigningException when none can be had or the certificate is revoked
	 */
	ValidationData fetch(X509Certificate certificate, X509Certificate issuer) {
		String subject = certificate.getSubjectX500Principal().getName();
		List<String> ocspUrls = accessLocations(certificate, AccessDescription.id_ad_ocsp);
		List<String> problems = new ArrayList<>();
		for (String url : ocspUrls) {
			try {
				return ocsp(certificate, issuer, url);
			}
			catch (IOException | GeneralSecurityException | OCSPException | OperatorCreationException ex) {
				problems.add("OCSP " + url + ": " + ex.getMessage());
			}
		}
		for (String url : crlUrls(certificate)) {
			try {
				return crl(certificate, issuer, url);
			}
			catch (IOException | GeneralSecurityException ex) {
				problems.add("CRL " + url + ": " + ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			throw new SigningException("the certificate " + subject + " names no OCSP responder (AIA) and no CRL "
					+ "distribution point: its validation data cannot be embedded for PAdES-B-LTA");
		}
		throw new SigningException(
				"cannot fetch the validation data of " + subject + " for PAdES-B-LTA: " + String.join("; ", problems));
	}

	private static ValidationData ocsp(X509Certificate certificate, X509Certificate issuer, String url)
			throws IOException, GeneralSecurityException, OCSPException, OperatorCreationException {
		CertificateID id = new CertificateID(
				new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
				new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
		byte[] nonce = new BigInteger(127, new SecureRandom()).setBit(126).toByteArray();
		OCSPReq request = new OCSPReqBuilder().addRequest(id)
			.setRequestExtensions(new Extensions(
					new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))))
			.build();
		byte[] body = post(URI.create(url), "application/ocsp-request", request.getEncoded());
		OCSPResp response = new OCSPResp(body);
		if (response.getStatus() != OCSPResp.SUCCESSFUL) {
			throw new OCSPException("responder status " + response.getStatus());
		}
		BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
		X509Certificate responder = responderCertificate(basic, issuer);
		if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))) {
			throw new OCSPException("the response's signature does not verify");
		}
		for (SingleResp single : basic.getResponses()) {
			if (single.getCertID().equals(id)) {
				if (single.getCertStatus() != null) {
					throw new SigningException("the certificate " + certificate.getSubjectX500Principal().getName()
							+ " is not good according to " + url + " ("
							+ single.getCertStatus().getClass().getSimpleName() + "): refusing to embed it");
				}
				List<X509Certificate> certificates = new ArrayList<>(List.of(certificate, issuer));
				if (!certificates.contains(responder)) {
					certificates.add(responder);
				}
				return new ValidationData(certificates, List.of(response.getEncoded()), List.of());
			}
		}
		throw new OCSPException("the response does not answer for serial " + certificate.getSerialNumber());
	}

	/** The issuer itself, or a responder certificate in the response that it issued. */
	private static X509Certificate responderCertificate(BasicOCSPResp basic, X509Certificate issuer)
			throws CertificateException, OCSPException {
		for (X509CertificateHolder holder : basic.getCerts()) {
			X509Certificate candidate = new JcaX509CertificateConverter().getCertificate(holder);
			if (candidate.equals(issuer)) {
				return issuer;
			}
			try {
				candidate.verify(issuer.getPublicKey());
				if (candidate.getExtendedKeyUsage() != null
						&& candidate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9")) {
					return candidate;
				}
			}
			catch (GeneralSecurityException ex) {
				// not issued by this certificate's issuer
			}
		}
		return issuer;
	}

	private static ValidationData crl(X509Certificate certificate, X509Certificate issuer, String url)
			throws IOException, GeneralSecurityException {
		byte[] body = get(URI.create(url));
		X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
		crl.verify(issuer.getPublicKey());
		if (crl.isRevoked(certificate)) {
			throw new SigningException("the certificate " + certificate.getSubjectX500Principal().getName()
					+ " is revoked according to " + url + ": refusing to embed it");
		}
		return new ValidationData(List.of(certificate, issuer), List.of(), List.of(crl.getEncoded()));
	}

	private static List<String> accessLocations(X509Certificate certificate,
			org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
		List<String> urls = new ArrayList<>();
		byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
		if (value == null) {
			return urls;
		}
		try {
			AuthorityInformationAccess access = AuthorityInformationAccess
				.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
			for (AccessDescription description : access.getAccessDescriptions()) {
				if (description.getAccessMethod().equals(method)
						&& description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
					urls.add(description.getAccessLocation().getName().toString());
				}
			}
		}
		catch (IOException ex) {
			// an unreadable extension names no location
		}
		return urls;
	}

	private static List<String> crlUrls(X509Certificate certificate) {
		List<String> urls = new ArrayList<>();
		byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
		if (value == null) {
			return urls;
		}
		try {
			CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
			for (DistributionPoint point : points.getDistributionPoints()) {
				DistributionPointName name = point.getDistributionPoint();
				if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
					for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
						if (general.getTagNo() == GeneralName.uniformResourceIdentifier
								&& general.getName().toString().startsWith("http")) {
							urls.add(general.getName().toString());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// an unreadable extension names no location
		}
		return urls;
	}

	/**
	 * The issuer of {@code certificate} among {@code candidates}, checked by signature.
	 */
	static X509Certificate issuerOf(X509Certificate certificate, Collection<X509Certificate> candidates) {
		for (X509Certificate candidate : candidates) {
			if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				try {
					certificate.verify(candidate.getPublicKey());
					return candidate;
				}
				catch (GeneralSecurityException ex) {
					// same name, other key
				}
			}
		}
		return null;
	}

	static boolean selfSigned(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
				&& issuerOf(certificate, List.of(certificate)) != null;
	}

	static byte[] post(URI url, String contentType, byte[] body) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
		connection.setDoOutput(true);
		connection.setConnectTimeout(10_000);
		connection.setReadTimeout(30_000);
		connection.setRequestMethod("POST");
		connection.setRequestProperty("Content-Type", contentType);
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body);
		}
		return read(connection, url);
	}

	private static byte[] get(URI url) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
		connection.setConnectTimeout(10_000);
		connection.setReadTimeout(30_000);
		return read(connection, url);
	}

	private static byte[] read(HttpURLConnection connection, URI url) throws IOException {
		if (connection.getResponseCode() != 200) {
			throw new IOException(url + " answered HTTP " + connection.getResponseCode());
		}
		try (InputStream in = connection.getInputStream()) {
			return in.readAllBytes();
		}
	}

}
