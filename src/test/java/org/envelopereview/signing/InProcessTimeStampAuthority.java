package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** An RFC 3161 time-stamp authority on 127.0.0.1, for tests of PAdES-B-T. */
public final class InProcessTimeStampAuthority implements AutoCloseable {

	private final HttpServer server;

	private final X509Certificate certificate;

	private final AtomicLong serial = new AtomicLong(1000);

	private InProcessTimeStampAuthority(HttpServer server, X509Certificate certificate) {
		this.server = server;
		this.certificate = certificate;
	}

	public static InProcessTimeStampAuthority start() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Envelope Review Test TSA, O=Example Payments Ltd");
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(77),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name,
				keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
		TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
				new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
				new JcaDigestCalculatorProviderBuilder().build()
					.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
				new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
		tokens.addCertificates(new JcaCertStore(List.of(certificate)));
		TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		InProcessTimeStampAuthority authority = new InProcessTimeStampAuthority(server, certificate);
		server.createContext("/tsa", (exchange) -> {
			try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
				TimeStampRequest request = new TimeStampRequest(in);
				TimeStampResponse response = responses.generate(request,
						BigInteger.valueOf(authority.serial.incrementAndGet()), new Date());
				byte[] body = response.getEncoded();
				exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
				exchange.sendResponseHeaders(200, body.length);
				out.write(body);
			}
			catch (Exception ex) {
				exchange.sendResponseHeaders(500, -1);
				throw new IOException(ex);
			}
		});
		server.start();
		return authority;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/tsa";
	}

	public X509Certificate certificate() {
		return this.certificate;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
