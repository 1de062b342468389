package org.envelopereview.signing;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * One signature of a PDF, the approval signature (ETSI.CAdES.detached) or a document
 * time-stamp (ETSI.RFC3161), with the CMS in its /Contents and the file length it signs.
 */
record SignedRevision(PDSignature dictionary, byte[] cms, long end) {

	static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");

	/**
	 * The document's signatures in the order they were added (by the end of their range).
	 */
	static List<SignedRevision> of(byte[] file, PDDocument document) throws IOException {
		List<SignedRevision> revisions = new ArrayList<>();
		for (PDSignature signature : document.getSignatureDictionaries()) {
			int[] range = signature.getByteRange();
			long end = (range != null && range.length == 4) ? (long) range[2] + range[3] : -1;
			revisions.add(new SignedRevision(signature, PadesVerifier.derPrefix(signature.getContents(file)), end));
		}
		revisions.sort(Comparator.comparingLong(SignedRevision::end));
		return revisions;
	}

	boolean documentTimeStamp() {
		return ETSI_RFC3161.getName().equals(this.dictionary.getSubFilter());
	}

	/**
	 * The document time-stamp's token, or the approval signature's signature time-stamp.
	 */
	TimeStampToken timeStampToken() throws IOException, CMSException, TSPException {
		if (documentTimeStamp()) {
			return new TimeStampToken(new CMSSignedData(this.cms));
		}
		SignerInformation signer = new CMSSignedData(this.cms).getSignerInfos().getSigners().iterator().next();
		AttributeTable unsigned = signer.getUnsignedAttributes();
		Attribute attribute = (unsigned != null) ? unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
				: null;
		if (attribute == null) {
			return null;
		}
		return new TimeStampToken(new CMSSignedData(
				ASN1Primitive.fromByteArray(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())
					.getEncoded()));
	}

	/** Every certificate in a CMS. */
	static List<X509Certificate> certificates(CMSSignedData cms) throws CertificateException {
		List<X509Certificate> result = new ArrayList<>();
		for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
			result.add(new JcaX509CertificateConverter().getCertificate(holder));
		}
		return result;
	}

	/**
	 * The certificate of the CMS's (first) signer, or {@code null} when it is not
	 * included.
	 */
	@SuppressWarnings("unchecked")
	static X509Certificate signerCertificate(CMSSignedData cms) throws CertificateException {
		SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
		for (X509CertificateHolder holder : cms.getCertificates()
			.getMatches((Selector<X509CertificateHolder>) signer.getSID())) {
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
		return null;
	}

}
