package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.SecureRandom;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamp authority to time-stamp a signature value (PAdES-B-T) or
 * the signed bytes of a document time-stamp (PAdES-B-LTA).
 */
class SignatureTimeStamper {

	private final URI tsa;

	SignatureTimeStamper(URI tsa) {
		this.tsa = tsa;
	}

	URI url() {
		return this.tsa;
	}

	TimeStampToken timeStamp(byte[] signatureValue) {
		return timeStampDigest(CertificateFingerprint.digest(signatureValue));
	}

	/** A token over the given SHA-256 digest. */
	TimeStampToken timeStampDigest(byte[] sha256) {
		TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
		generator.setCertReq(true);
		// always 8 bytes in DER (bit 62 set, bit 63 clear): the token echoes the nonce,
		// and
		// a token whose length changes from one request to the next defeats the signer's
		// sizing of /Contents (a random 64-bit nonce took 7, 8 or 9 bytes)
		BigInteger nonce = new BigInteger(63, new SecureRandom()).setBit(62);
		TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256, nonce);
		try {
			HttpURLConnection connection = (HttpURLConnection) this.tsa.toURL().openConnection();
			connection.setDoOutput(true);
			connection.setConnectTimeout(10_000);
			connection.setReadTimeout(30_000);
			connection.setRequestMethod("POST");
			connection.setRequestProperty("Content-Type", "application/timestamp-query");
			try (OutputStream out = connection.getOutputStream()) {
				out.write(request.getEncoded());
			}
			if (connection.getResponseCode() != 200) {
				throw new SigningException("time-stamp authority " + this.tsa + " answered HTTP "
						+ connection.getResponseCode() + " (review.signing.tsa-url)");
			}
			TimeStampResponse response;
			try (InputStream in = connection.getInputStream()) {
				response = new TimeStampResponse(in);
			}
			response.validate(request);
			TimeStampToken token = response.getTimeStampToken();
			if (token == null) {
				throw new SigningException("time-stamp authority " + this.tsa + " granted no token: "
						+ response.getStatusString() + " (review.signing.tsa-url)");
			}
			return token;
		}
		catch (IOException | TSPException ex) {
			throw new SigningException(
					"cannot time-stamp the signature at " + this.tsa + " (review.signing.tsa-url): " + ex.getMessage(),
					ex);
		}
	}

}
