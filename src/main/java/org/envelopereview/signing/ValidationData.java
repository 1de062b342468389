package org.envelopereview.signing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a validator needs to check certificates offline: the certificates, and DER OCSP
 * responses (OCSPResponse) and CRLs proving they were not revoked. The content of a PAdES
 * /DSS.
 */
record ValidationData(List<X509Certificate> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

	ValidationData {
		certificates = List.copyOf(certificates);
		ocspResponses = List.copyOf(ocspResponses);
		crls = List.copyOf(crls);
	}

	static ValidationData empty() {
		return new ValidationData(List.of(), List.of(), List.of());
	}

	ValidationData plus(ValidationData other) {
		List<X509Certificate> certificates = new ArrayList<>(this.certificates);
		other.certificates.stream().filter((c) -> !certificates.contains(c)).forEach(certificates::add);
		List<byte[]> ocsp = new ArrayList<>(this.ocspResponses);
		ocsp.addAll(other.ocspResponses);
		List<byte[]> crls = new ArrayList<>(this.crls);
		crls.addAll(other.crls);
		return new ValidationData(certificates, ocsp, crls);
	}

}
