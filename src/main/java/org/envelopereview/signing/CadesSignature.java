package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Builds the detached CMS of a PAdES baseline signature: signed attributes content-type,
 * message-digest and signing-certificate-v2 only (PAdES forbids signing-time: the time
 * goes in the signature dictionary's /M), optionally a signature time-stamp.
 */
class CadesSignature {

	private final SigningKey key;

	private final SignatureTimeStamper timeStamper;

	CadesSignature(SigningKey key, SignatureTimeStamper timeStamper) {
		this.key = key;
		this.timeStamper = timeStamper;
	}

	/**
	 * True when two signatures of the same content may differ in length: ECDSA values and
	 * time-stamp tokens do.
	 */
	boolean randomised() {
		return this.timeStamper != null || "EC".equals(this.key.privateKey().getAlgorithm());
	}

	byte[] sign(InputStream content) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(signerInfoGenerator());
			generator.addCertificates(new JcaCertStore(this.key.chain()));
			CMSSignedData signed = generator.generate(new StreamedContent(content), false);
			if (this.timeStamper != null) {
				signed = withSignatureTimeStamp(signed);
			}
			return signed.getEncoded(ASN1Encoding.DER);
		}
		catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException ex) {
			throw new SigningException("cannot build the CMS signature: " + ex.getMessage(), ex);
		}
	}

	private SignerInfoGenerator signerInfoGenerator()
			throws OperatorCreationException, CertificateEncodingException, IOException {
		String algorithm = "EC".equals(this.key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
		ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(this.key.privateKey());
		Attribute signingCertificate = signingCertificateV2(this.key.certificate());
		CMSAttributeTableGenerator signedAttributes = (parameters) -> {
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) parameters
				.getOrDefault(CMSAttributeTableGenerator.CONTENT_TYPE, CMSObjectIdentifiers.data);
			attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
			attributes.add(new Attribute(CMSAttributes.messageDigest,
					new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
			attributes.add(signingCertificate);
			return new AttributeTable(attributes);
		};
		return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
			.setSignedAttributeGenerator(signedAttributes)
			.build(contentSigner, this.key.certificate());
	}

	private static Attribute signingCertificateV2(X509Certificate certificate) throws IOException {
		byte[] hash = CertificateFingerprint.digest(SigningKey.encoded(certificate));
		IssuerSerial issuerSerial = new IssuerSerial(
				new GeneralNames(
						new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
				certificate.getSerialNumber());
		ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { id })));
	}

	private CMSSignedData withSignatureTimeStamp(CMSSignedData signed) throws IOException {
		SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
		TimeStampToken token = this.timeStamper.timeStamp(signer.getSignature());
		ASN1Encodable tokenStructure = ASN1Primitive.fromByteArray(token.getEncoded());
		Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
				new DERSet(tokenStructure));
		ASN1EncodableVector unsigned = new ASN1EncodableVector();
		unsigned.add(attribute);
		SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
		return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
	}

	/** The signed byte ranges, streamed once into the digest. */
	private static final class StreamedContent implements CMSTypedData {

		private final InputStream in;

		StreamedContent(InputStream in) {
			this.in = in;
		}

		@Override
		public ASN1ObjectIdentifier getContentType() {
			return CMSObjectIdentifiers.data;
		}

		@Override
		public void write(OutputStream out) throws IOException {
			this.in.transferTo(out);
		}

		@Override
		public Object getContent() {
			return this.in;
		}

	}

}
