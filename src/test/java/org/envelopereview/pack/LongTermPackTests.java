package org.envelopereview.pack;

import java.nio.file.Path;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Packs signed at PAdES-B-LTA, against EU DSS, veraPDF and verify. */
class LongTermPackTests {

	@Test
	void shouldBeAPassingPadesBaselineLtaSignatureForTheEuDssValidator() {
		Path pack = LongTermPacks.pack();

		Reports reports = LongTermPacks.validate(pack);

		SimpleReport simple = reports.getSimpleReport();
		String id = simple.getFirstSignatureId();
		System.out.println(reports.getXmlSimpleReport());
		assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
		assertThat(simple.getIndication(id)).as(simple.getSubIndication(id) + " " + simple.getAdESValidationErrors(id))
			.isEqualTo(Indication.TOTAL_PASSED);
	}

}
