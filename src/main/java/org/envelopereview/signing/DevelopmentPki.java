package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * DEVELOPMENT ONLY: a throwaway PKI on 127.0.0.1 for {@code demo --signing-level B-LTA}
 * and for tests. A root CA issues a pack signer, an RFC 3161 time-stamp authority and an
 * OCSP responder, all ECDSA P-256; the TSA and the OCSP responder answer over HTTP, and
 * the signer's and the TSA's certificates name the responder in their AIA extension, as a
 * real PKI's do. Its keys live in memory only and die with the process; its signer is a
 * development key, so every page it signs is marked not for submission. Never configure
 * it for real packs: nobody but the person who ran it trusts its root.
 */
public final class DevelopmentPki implements AutoCloseable {

	/**
	 * Subject of the throwaway signer; contains "DEVELOPMENT KEY" like the development
	 * key.
	 */
	public static final String SIGNER_SUBJECT = "CN=Envelope Review DEVELOPMENT KEY (throwaway PKI), O=Envelope Review, OU=Not for submission";

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

	private final HttpServer server;

	private final KeyPair rootKeys;

	private final X509Certificate root;

	private final SigningKey signer;

	private final X509Certificate tsa;

	private final X509Certificate ocspResponder;

	private final KeyPair ocspKeys;

	private final TimeStampResponseGenerator timeStamps;

	private final Set<BigInteger> issued = ConcurrentHashMap.newKeySet();

	private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();

	private final AtomicLong serials = new AtomicLong(1);

	private final AtomicLong tokenSerials = new AtomicLong(1000);

	private DevelopmentPki() throws GeneralSecurityException, IOException {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			String ocspUrl = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/ocsp";
			Instant now = Instant.now();
			this.rootKeys = ecKeys();
			X500Name rootName = new X500Name(
					"CN=Envelope Review DEVELOPMENT root CA (throwaway), O=Envelope Review, OU=Not for submission");
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			JcaX509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, nextSerial(),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), rootName,
					this.rootKeys.getPublic());
			rootBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			rootBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			rootBuilder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(this.rootKeys.getPublic()));
			this.root = certificate(rootBuilder, this.rootKeys.getPrivate());

			KeyPair signerKeys = ecKeys();
			JcaX509v3CertificateBuilder signerBuilder = issue(SIGNER_SUBJECT, signerKeys, now, ocspUrl);
			signerBuilder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			this.signer = new SigningKey(signerKeys.getPrivate(),
					List.of(certificate(signerBuilder, this.rootKeys.getPrivate()), this.root), true);

			KeyPair tsaKeys = ecKeys();
			JcaX509v3CertificateBuilder tsaBuilder = issue(
					"CN=Envelope Review DEVELOPMENT TSA (throwaway PKI), O=Envelope Review, OU=Not for submission",
					tsaKeys, now, ocspUrl);
			tsaBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			tsaBuilder.addExtension(Extension.extendedKeyUsage, true,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
			this.tsa = certificate(tsaBuilder, this.rootKeys.getPrivate());

			this.ocspKeys = ecKeys();
			JcaX509v3CertificateBuilder ocspBuilder = issue(
					"CN=Envelope Review DEVELOPMENT OCSP responder (throwaway PKI), O=Envelope Review, OU=Not for submission",
					this.ocspKeys, now, null);
			ocspBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			ocspBuilder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
			// validators need no revocation data for the responder itself (RFC 6960
			// 4.2.2.2.1)
			ocspBuilder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
			this.ocspResponder = certificate(ocspBuilder, this.rootKeys.getPrivate());

			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
					new JcaSimpleSignerInfoGeneratorBuilder().build(SIGNATURE_ALGORITHM, tsaKeys.getPrivate(),
							this.tsa),
					digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), TSA_POLICY);
			tokens.addCertificates(new JcaCertStore(List.of(this.tsa, this.root)));
			this.timeStamps = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
		}
		catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.tsp.TSPException ex) {
			throw new GeneralSecurityException(ex.getMessage(), ex);
		}
		this.server.createContext("/tsa", this::timeStamp);
		this.server.createContext("/ocsp", this::ocsp);
	}

	/** Creates the PKI and starts its TSA and OCSP responder on an ephemeral port. */
	public static DevelopmentPki start() {
		try {
			DevelopmentPki pki = new DevelopmentPki();
			pki.server.start();
			return pki;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new SigningException("cannot start the development PKI: " + ex.getMessage(), ex);
		}
	}

	/** The pack signer: a development key issued by the throwaway root. */
	public SigningKey signerKey() {
		return this.signer;
	}

	public X509Certificate rootCertificate() {
		return this.root;
	}

	public X509Certificate tsaCertificate() {
		return this.tsa;
	}

	public X509Certificate ocspResponderCertificate() {
		return this.ocspResponder;
	}

	public String tsaUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/tsa";
	}

	/** From now on the responder answers "revoked" for this certificate (for tests). */
	public void revoke(X509Certificate certificate) {
		this.revoked.add(certificate.getSerialNumber());
	}

	/** Writes the root certificate as PEM, for validators that should trust it. */
	public Path writeRootCertificate(Path pem) {
		try {
			StringWriter text = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
				writer.writeObject(this.root);
			}
			if (pem.getParent() != null) {
				Files.createDirectories(pem.getParent());
			}
			Files.writeString(pem, text.toString(), StandardCharsets.US_ASCII);
			return pem;
		}
		catch (IOException ex) {
			throw new SigningException(
					"cannot write the development root certificate to " + pem + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private JcaX509v3CertificateBuilder issue(String subject, KeyPair keys, Instant now, String ocspUrl)
			throws GeneralSecurityException, IOException {
		BigInteger serial = nextSerial();
		this.issued.add(serial);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.root, serial,
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
				new X500Name(subject), keys.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(keys.getPublic()));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(this.root));
		if (ocspUrl != null) {
			builder.addExtension(Extension.authorityInfoAccess, false,
					new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
							new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
		}
		return builder;
	}

	private BigInteger nextSerial() {
		return BigInteger.valueOf(this.serials.getAndIncrement())
			.shiftLeft(64)
			.add(new BigInteger(63, new SecureRandom()));
	}

	private void timeStamp(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			TimeStampRequest request = new TimeStampRequest(in);
			TimeStampResponse response = this.timeStamps.generate(request,
					BigInteger.valueOf(this.tokenSerials.incrementAndGet()), new Date());
			reply(exchange, "application/timestamp-reply", response.getEncoded());
		}
		catch (Exception ex) {
			exchange.sendResponseHeaders(400, -1);
			exchange.close();
		}
	}

	private void ocsp(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			OCSPReq request = new OCSPReq(in.readAllBytes());
			DigestCalculatorProvider digests = digests();
			X509CertificateHolder responder = new JcaX509CertificateHolder(this.ocspResponder);
			BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
					new RespID(responder.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
			Date now = new Date();
			Date nextUpdate = Date.from(now.toInstant().plus(Duration.ofDays(7)));
			for (Req one : request.getRequestList()) {
				CertificateID id = one.getCertID();
				CertificateStatus status = CertificateStatus.GOOD;
				if (!id.matchesIssuer(new JcaX509CertificateHolder(this.root), digests)
						|| !this.issued.contains(id.getSerialNumber())) {
					status = new UnknownStatus();
				}
				else if (this.revoked.contains(id.getSerialNumber())) {
					status = new org.bouncycastle.cert.ocsp.RevokedStatus(now,
							org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
				}
				builder.addResponse(id, status, now, nextUpdate);
			}
			Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (nonce != null) {
				builder.setResponseExtensions(new Extensions(nonce));
			}
			ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(this.ocspKeys.getPrivate());
			OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
					builder.build(signer, new X509CertificateHolder[] { responder }, now));
			reply(exchange, "application/ocsp-response", response.getEncoded());
		}
		catch (Exception ex) {
			exchange.sendResponseHeaders(400, -1);
			exchange.close();
		}
	}

	private static void reply(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static DigestCalculatorProvider digests() {
		try {
			return new JcaDigestCalculatorProviderBuilder().build();
		}
		catch (org.bouncycastle.operator.OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
			throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
	}

}
