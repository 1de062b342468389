package org.envelopereview.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads and extends a PDF's Document Security Store (ISO 32000-2 12.8.4.3, PAdES part 4):
 * the /DSS in the catalog with /Certs, /OCSPs and /CRLs arrays of streams.
 */
final class DocumentSecurityStore {

	static final COSName DSS = COSName.getPDFName("DSS");

	static final COSName CERTS = COSName.getPDFName("Certs");

	static final COSName OCSPS = COSName.getPDFName("OCSPs");

	static final COSName CRLS = COSName.getPDFName("CRLs");

	private DocumentSecurityStore() {
	}

	/** The validation data in the document's DSS; empty when it has none. */
	static ValidationData read(PDDocument document) throws IOException {
		COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
		if (dss == null) {
			return ValidationData.empty();
		}
		List<X509Certificate> certificates = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (byte[] bytes : streams(dss, CERTS)) {
				certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("a certificate in the /DSS cannot be read: " + ex.getMessage(), ex);
		}
		return new ValidationData(certificates, streams(dss, OCSPS), streams(dss, CRLS));
	}

	static boolean present(PDDocument document) {
		return document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS) != null;
	}

	/**
	 * Adds what the DSS lacks of {@code data} and saves the document as an incremental
	 * update to {@code out} (the original bytes, then the update).
	 */
	static void addAndSaveIncremental(PDDocument document, ValidationData data, OutputStream out) throws IOException {
		COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
		COSDictionary dss = catalog.getCOSDictionary(DSS);
		if (dss == null) {
			dss = new COSDictionary();
			catalog.setItem(DSS, dss);
		}
		List<byte[]> certificates = new ArrayList<>();
		for (X509Certificate certificate : data.certificates()) {
			certificates.add(SigningKey.encoded(certificate));
		}
		append(document, dss, CERTS, certificates);
		append(document, dss, OCSPS, data.ocspResponses());
		append(document, dss, CRLS, data.crls());
		dss.setNeedToBeUpdated(true);
		catalog.setNeedToBeUpdated(true);
		document.saveIncremental(out);
	}

	private static void append(PDDocument document, COSDictionary dss, COSName key, List<byte[]> items)
			throws IOException {
		List<byte[]> existing = streams(dss, key);
		COSArray array = (dss.getDictionaryObject(key) instanceof COSArray present) ? present : new COSArray();
		boolean changed = false;
		for (byte[] item : items) {
			if (existing.stream().anyMatch((bytes) -> Arrays.equals(bytes, item))) {
				continue;
			}
			COSStream stream = document.getDocument().createCOSStream();
			try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(item);
			}
			stream.setNeedToBeUpdated(true);
			array.add(stream);
			existing.add(item);
			changed = true;
		}
		if (changed || !dss.containsKey(key)) {
			array.setNeedToBeUpdated(true);
			dss.setItem(key, array);
		}
	}

	private static List<byte[]> streams(COSDictionary dss, COSName key) throws IOException {
		List<byte[]> result = new ArrayList<>();
		if (dss.getDictionaryObject(key) instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				COSBase item = array.getObject(i);
				if (item instanceof COSStream stream) {
					try (var in = stream.createInputStream()) {
						result.add(in.readAllBytes());
					}
				}
			}
		}
		return result;
	}

	/**
	 * True when an OCSP response or a CRL in {@code data} speaks for {@code certificate}.
	 */
	static boolean covers(ValidationData data, X509Certificate certificate, X509Certificate issuer) {
		for (byte[] bytes : data.ocspResponses()) {
			try {
				BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(bytes).getResponseObject();
				for (SingleResp single : basic.getResponses()) {
					if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber()) && single.getCertID()
						.matchesIssuer(new JcaX509CertificateHolder(issuer),
								new JcaDigestCalculatorProviderBuilder().build())) {
						return true;
					}
				}
			}
			catch (Exception ex) {
				// an unreadable response speaks for nobody
			}
		}
		for (byte[] bytes : data.crls()) {
			try {
				X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
					.generateCRL(new ByteArrayInputStream(bytes));
				if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
					crl.verify(issuer.getPublicKey());
					return true;
				}
			}
			catch (Exception ex) {
				// an unreadable or foreign CRL speaks for nobody
			}
		}
		return false;
	}

}
